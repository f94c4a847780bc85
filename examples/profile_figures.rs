//! A fixed workload for instruction counts of figure extraction, to compare speed changes
//! repeatably where wall time is noisy:
//!
//! ```text
//! valgrind --tool=callgrind --toggle-collect='baogao::figures::extract' \
//!     target/release/examples/profile_figures [MB [REPEAT]]
//! ```
//!
//! counts only extraction (`MB` of the synthetic corpus, seed 7 as in the bench, default 5;
//! `REPEAT` extractions, default 1); without the toggle the count includes generating and
//! parsing the corpus. Dropping the figures is not counted, so allocation shows only in part.

use baogao::corpus::{parse_report, synthetic};
use baogao::figures;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let reports: Vec<_> = synthetic::generate(mb * 1_000_000, 7)
        .into_iter()
        .map(|r| {
            let text = match std::str::from_utf8(&r.bytes) {
                Ok(text) => text.to_string(),
                Err(_) => encoding_rs::GB18030.decode(&r.bytes).0.into_owned(),
            };
            parse_report(&r.name, None, &text)
        })
        .collect();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let repeat: usize = std::env::args()
        .nth(2)
        .and_then(|v| v.parse().ok())
        .unwrap_or(1);
    let mut found = 0;
    for _ in 0..repeat {
        found = reports.iter().map(|r| figures::extract(r).len()).sum();
    }
    println!("{} reports, {bytes} bytes, {found} figures", reports.len());
}
