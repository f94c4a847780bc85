//! Wrapping the five bundled reports at 80 columns, paragraph by paragraph, against a baseline
//! that only sums the display widths of the same text: the ratio is what Chinese typesetting
//! (UAX #14, kinsoku, whole numbers) costs over the least any wrapper must do.
//!
//! Run with `cargo bench --bench wrap`; the ratio of median times is printed at the end.

use std::hint::black_box;
use std::path::{Path, PathBuf};

use criterion::{Criterion, Throughput};
use unicode_width::UnicodeWidthChar;

use baogao::text::wrap::wrap;

const WIDTH: usize = 80;
const GROUP: &str = "wrap_reports_80";

/// Every non-blank line of the bundled reports, each a paragraph.
fn paragraphs() -> Vec<String> {
    let directory = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&directory)
        .expect("reports directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .flat_map(|file| {
            let text = std::fs::read_to_string(file).expect("report is UTF-8");
            text.lines()
                .filter(|line| !line.trim().is_empty())
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
}

/// The baseline: one pass summing every character's width, as any wrapper must at least do.
fn width_sum(paragraphs: &[String]) -> usize {
    paragraphs
        .iter()
        .map(|p| p.chars().map(|c| c.width().unwrap_or(0)).sum::<usize>())
        .sum()
}

/// The real thing: every paragraph wrapped, counting the lines.
fn wrap_all(paragraphs: &[String]) -> usize {
    paragraphs.iter().map(|p| wrap(p, WIDTH, &[]).len()).sum()
}

fn bench(criterion: &mut Criterion, paragraphs: &[String]) {
    let bytes: usize = paragraphs.iter().map(String::len).sum();
    let mut group = criterion.benchmark_group(GROUP);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("baseline_width_sum", |b| {
        b.iter(|| width_sum(black_box(paragraphs)))
    });
    group.bench_function("wrap", |b| b.iter(|| wrap_all(black_box(paragraphs))));
    group.finish();
}

/// Where criterion keeps its results, by the rules criterion itself follows.
fn criterion_directory() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("target"));
    target.join("criterion")
}

/// The median time (ns) criterion just measured for `function` in this group.
fn median_ns(function: &str) -> Option<f64> {
    let path = criterion_directory()
        .join(GROUP)
        .join(function)
        .join("new/estimates.json");
    let estimates: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).ok()?).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

fn main() {
    let paragraphs = paragraphs();
    let mut criterion = Criterion::default().configure_from_args();
    bench(&mut criterion, &paragraphs);
    criterion.final_summary();
    match (median_ns("baseline_width_sum"), median_ns("wrap")) {
        (Some(baseline), Some(wrapped)) => println!(
            "wrap / width sum at {WIDTH} columns, medians: {:.1}× ({:.0} µs vs {:.0} µs per pass over {} paragraphs)",
            wrapped / baseline,
            wrapped / 1e3,
            baseline / 1e3,
            paragraphs.len()
        ),
        _ => println!("ratio unavailable: run both benchmarks (no filter) to compare them"),
    }
}
