//! Figures read from real text: the extractor's behaviour, its scores on the gold sets written
//! by reading the reports, the targets gold, and every input the fuzzers kept.

mod score;

mod extraction;
mod fuzz_regressions;
mod gold;
mod heldout;
mod real;
mod real2;
mod real3;
mod real4;
mod targets_gold;
mod targets_pairs;
