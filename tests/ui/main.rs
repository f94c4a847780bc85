//! The browser drawn into ratatui's `TestBackend`: snapshots at several sizes, styles the
//! snapshots cannot show, and a property test over random key sequences and sizes.

mod common;

mod compare;
mod loading;
mod marks;
mod proptest;
mod render;
mod sizes;
