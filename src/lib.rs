//! baogao (报告): a terminal browser for Chinese government work reports (政府工作报告).
//!
//! Data flows one way through the modules:
//!
//! - [`corpus`]: load report files (or the embedded reports), decode them, tell reading text
//!   from web and print residue, infer metadata, and build each report's section tree and
//!   glossary.
//! - [`figures`]: find every figure in a report's text — value, unit, indicator, change, rank,
//!   target or result.
//! - [`app`]: the browser's state, its `Action`s and the pure `update` that applies them.
//! - [`ui`]: rendering that only reads the app state.
//!
//! Beside them, [`cli`] holds the headless subcommands (`outline`, `figures`, `search`, …) and
//! the entry point shared by the binary.

pub mod app;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod export;
pub mod figures;
pub mod marks;
pub mod ui;
