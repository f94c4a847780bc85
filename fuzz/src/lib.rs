//! What each fuzz target feeds to baogao, and the invariants it checks beyond "no panic".
//!
//! The AFL binaries in `src/bin/` call these, and so does the main crate's
//! `tests/figures/fuzz_regressions.rs` (through `#[path]`), replaying every input the fuzzers kept in
//! `fuzz/regressions/` so a crash once found stays fixed.

#[path = "targets.rs"]
mod targets;

pub use targets::*;
