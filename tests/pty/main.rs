//! The real `baogao` binary in a pseudo-terminal, its screen read through a terminal emulator.

#[path = "../common/run.rs"]
mod run;
mod session;

mod browser;
mod compare;
mod goto;
mod hangup;
mod marks;
