//! Search over the whole 100 MB synthetic corpus (the same one `benches/load.rs` writes: seed 1,
//! a tenth GB18030, a tenth CRLF), as `/` and `baogao search` run it: every report, hits only in
//! the reading text, each with its line and character column. Beside it, a baseline measured in
//! the same run over the same text: the `regex` crate's `find_iter` over all the reports' texts
//! concatenated into one string, on one thread, counting matches (the least any search must do).
//!
//! Two patterns: a plain string with many hits (`生产总值`, where mapping hits to lines costs the
//! most) and the regex `benches/vs-ripgrep.sh` gives ripgrep. A summary after criterion's
//! figures prints each search's time as a multiple of its baseline's (the best of five passes).
//!
//! `cargo bench --bench search`; `BAOGAO_BENCH_MB=200` for a bigger corpus.

use std::hint::black_box;
use std::time::{Duration, Instant};

use baogao::corpus::search::{Query, search};
use baogao::corpus::{Corpus, decode::decode, parse, synthetic};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use regex::{Regex, RegexBuilder};

/// The patterns searched for, with a name for criterion.
const PATTERNS: [(&str, &str); 2] = [
    ("literal", "生产总值"),
    ("regex", "生产总值[^，。]*增长[0-9.]+%"),
];

/// The synthetic corpus, decoded and parsed as loading does.
fn corpus() -> Corpus {
    let mb: usize = std::env::var("BAOGAO_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let reports = synthetic::generate(mb * 1_000_000, 1)
        .into_iter()
        .filter_map(|file| {
            let decoded = decode(file.bytes).ok()?;
            Some(parse(&file.name, None, decoded.text, decoded.encoding))
        })
        .collect();
    Corpus {
        reports,
        errors: Vec::new(),
    }
}

/// Every report's text, one after another (a newline between), as one string.
fn concatenated(corpus: &Corpus) -> String {
    let mut all = String::with_capacity(corpus.reports.iter().map(|r| r.text.len() + 1).sum());
    for report in &corpus.reports {
        all.push_str(&report.text);
        all.push('\n');
    }
    all
}

/// The baseline's regex: case-insensitive as `Query::new` makes a lower-case pattern, so both
/// look for the same matches.
fn baseline_regex(pattern: &str) -> Regex {
    RegexBuilder::new(pattern)
        .case_insensitive(true)
        .build()
        .unwrap()
}

fn baseline(regex: &Regex, text: &str) -> usize {
    regex.find_iter(text).count()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let all = concatenated(&corpus);
    eprintln!(
        "corpus: {} reports, {:.1} MB of text",
        corpus.reports.len(),
        all.len() as f64 / 1e6
    );
    let mut group = c.benchmark_group("search");
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(5));
    for (name, pattern) in PATTERNS {
        let regex = baseline_regex(pattern);
        let query = Query::new(pattern).unwrap();
        group.bench_function(format!("baseline_regex_concatenated/{name}"), |b| {
            b.iter(|| baseline(&regex, black_box(&all)))
        });
        group.bench_function(format!("search/{name}"), |b| {
            b.iter(|| search(black_box(&corpus), &query).len())
        });
    }
    group.finish();
    summary(&corpus, &all);
}

/// The best of five passes of `f`, in seconds, and what it returned.
fn best_of_five(f: impl Fn() -> usize) -> (f64, usize) {
    let mut best = f64::INFINITY;
    let mut result = 0;
    for _ in 0..5 {
        let start = Instant::now();
        result = black_box(f());
        best = best.min(start.elapsed().as_secs_f64());
    }
    (best, result)
}

/// One line per pattern: the baseline's and the search's time, hits, and their ratio.
fn summary(corpus: &Corpus, all: &str) {
    let mb = all.len() as f64 / 1e6;
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    eprintln!("\nsummary over {mb:.1} MB (best of five passes), search on {cores} cores:");
    for (name, pattern) in PATTERNS {
        let regex = baseline_regex(pattern);
        let query = Query::new(pattern).unwrap();
        let (base, matches) = best_of_five(|| baseline(&regex, all));
        let (time, hits) = best_of_five(|| search(corpus, &query).len());
        eprintln!(
            "  {name:8} baseline {:7.1} ms ({matches} matches)  search {:7.1} ms ({hits} hits)  \
             = {:.2}× the baseline's time",
            base * 1e3,
            time * 1e3,
            time / base
        );
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
