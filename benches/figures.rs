//! Figure extraction throughput over a 100 MB synthetic corpus (`corpus::synthetic`), beside
//! a baseline measured in the same run on the same text: one regex scan for a number with a
//! unit, the least any extractor must do. Report the ratio of the two. `parse_and_extract` adds
//! building the reports (lines and outline) from decoded text.
//!
//! `cargo bench --bench figures`; `BAOGAO_BENCH_MB` sets the corpus size (default 100).

use std::hint::black_box;
use std::time::Duration;

use baogao::corpus::{Report, parse_report, synthetic};
use baogao::figures;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regex::Regex;

/// The synthetic corpus as decoded text, by file name.
fn texts() -> Vec<(String, String)> {
    let mb: usize = std::env::var("BAOGAO_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    synthetic::generate(mb * 1_000_000, 7)
        .into_iter()
        .map(|r| {
            let text = match std::str::from_utf8(&r.bytes) {
                Ok(text) => text.to_string(),
                Err(_) => encoding_rs::GB18030.decode(&r.bytes).0.into_owned(),
            };
            (r.name, text)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = texts();
    let reports: Vec<Report> = texts
        .iter()
        .map(|(name, text)| parse_report(name, None, text))
        .collect();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let figures: usize = reports.iter().map(|r| figures::extract(r).len()).sum();
    eprintln!(
        "corpus: {} reports, {:.1} MB of text, {figures} figures",
        reports.len(),
        bytes as f64 / 1e6
    );
    let number_with_unit =
        Regex::new(r"[0-9]+(?:\.[0-9]+)?(?:万|亿)?(?:元|%|个|家|吨|亩|人|项)").unwrap();

    let mut group = c.benchmark_group("figures");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("baseline_regex_number_with_unit", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|r| number_with_unit.find_iter(black_box(&r.text)).count())
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| {
            reports
                .iter()
                .map(|r| figures::extract(black_box(r)).len())
                .sum::<usize>()
        })
    });
    group.bench_function("parse_and_extract", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|(name, text)| {
                    figures::extract(&parse_report(name, None, black_box(text))).len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
