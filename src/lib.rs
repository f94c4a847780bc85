//! baogao (报告): a terminal browser for Chinese government work reports (政府工作报告).
//!
//! Data flows one way through the modules; each uses only those above it:
//!
//! - [`text`]: Chinese line breaking, shared by the layers that lay text out.
//! - [`corpus`]: load report files (or the embedded reports), decode them, tell reading text
//!   from web and print residue, infer metadata, and build each report's section tree and
//!   glossary.
//! - [`figures`]: find every figure in a report's text — value, unit, indicator, change, rank,
//!   target or result.
//! - [`compare`]: one indicator across reports and years, targets paired with results.
//! - [`targets`]: every target coded (bound, firmness), paired with its result and its
//!   parent's target.
//! - [`marks`]: the passages a user marks, anchored in their reports and kept on disk;
//!   [`export`] writes them, cited, as Markdown, JSON or CSV.
//! - [`app`]: the browser's state, its `Action`s and the pure `update` that applies them.
//! - [`ui`]: rendering that only reads the app state.
//! - [`tui`]: the terminal loop that draws, reads keys, updates and performs the effects.
//!
//! Beside them, [`cli`] holds the headless subcommands (`outline`, `figures`, `search`, …) and
//! the entry point shared by the binary. A test (`layers`) reads the sources and fails when a
//! module uses one below it, when two files of one module use each other (each folder's files
//! are ordered as the layers are), or when the core (corpus to export) uses a terminal or CLI
//! crate.

#![warn(missing_docs)]

pub mod app;
pub mod cli;
pub mod compare;
pub mod corpus;
pub mod export;
pub mod figures;
pub mod marks;
pub mod targets;
pub mod text;
pub mod tui;
pub mod ui;

#[cfg(test)]
mod layers;
