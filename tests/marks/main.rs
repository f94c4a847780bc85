//! Marks and their exports on real files: saving, merging edits from two sessions, and the
//! Markdown, JSON, CSV and citation exports.

#[path = "../common/run.rs"]
mod run;

mod export;
mod files;
mod merge;
mod pandoc;
