//! Load + decode + clean + outline over a synthetic corpus of at least 100 MB (derived from the
//! bundled reports, a tenth GB18030 and a tenth CRLF), in MB/s, beside baselines measured in the
//! same run over the same bytes:
//!
//! - `baseline_byte_scan`: counting `\n` bytes (memchr), the floor of any line-based reading;
//! - `baseline_str_lines`: UTF-8 (lossy) decoding plus `str::lines().count()`, what the
//!   simplest loader would do;
//! - `parse_one_core`: decode, clean, front matter, outline, glossary, metadata, one file after
//!   another on one thread, every report kept (the target is at least 200 MB/s);
//! - `load_paths_all_cores`: `corpus::load_paths` on the directory, reading the files (from the
//!   page cache) and parsing them on every core.
//!
//! Afterwards, the peak resident memory of `baogao outline` loading the same directory, measured
//! with `/usr/bin/time -v`, against the corpus size (the target is at most 2×).
//!
//! `cargo bench --bench load`; `BAOGAO_BENCH_MB=200` for a bigger corpus.

use std::hint::black_box;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use baogao::corpus::{Report, decode::decode, load_paths, parse, synthetic};
use criterion::{BatchSize, Criterion, Throughput, criterion_group, criterion_main};

struct Fixture {
    _dir: tempfile::TempDir,
    root: std::path::PathBuf,
    files: Vec<(String, Vec<u8>)>,
    bytes: u64,
}

fn fixture() -> Fixture {
    let mb: usize = std::env::var("BAOGAO_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100);
    let reports = synthetic::generate(mb * 1_000_000, 1);
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("corpus");
    let mut files = Vec::with_capacity(reports.len());
    for report in reports {
        let path = root.join(&report.name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &report.bytes).unwrap();
        files.push((report.name, report.bytes));
    }
    let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
    eprintln!(
        "corpus: {} files, {:.1} MB in {}",
        files.len(),
        bytes as f64 / 1e6,
        root.display()
    );
    Fixture {
        _dir: dir,
        root,
        files,
        bytes,
    }
}

fn byte_scan(files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .map(|(_, b)| memchr::memchr_iter(b'\n', b).count())
        .sum()
}

fn str_lines(files: &[(String, Vec<u8>)]) -> usize {
    files
        .iter()
        .map(|(_, b)| String::from_utf8_lossy(b).lines().count())
        .sum()
}

/// Every report, kept (as loading keeps them), parsed one after another on this thread.
fn parse_all(files: Vec<(String, Vec<u8>)>) -> Vec<Report> {
    let mut reports = Vec::with_capacity(files.len());
    for (name, bytes) in files {
        if let Ok(decoded) = decode(bytes) {
            reports.push(parse(&name, None, decoded.text, decoded.encoding));
        }
    }
    reports
}

fn bench(c: &mut Criterion) {
    let fixture = fixture();
    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::Bytes(fixture.bytes));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("baseline_byte_scan", |b| {
        b.iter(|| black_box(byte_scan(&fixture.files)))
    });
    group.bench_function("baseline_str_lines", |b| {
        b.iter(|| black_box(str_lines(&fixture.files)))
    });
    group.bench_function("parse_one_core", |b| {
        b.iter_batched(
            || fixture.files.clone(),
            |files| black_box(parse_all(files)),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("load_paths_all_cores", |b| {
        // Freeing 100 MB of reports is left out of the time, as it is for parse_one_core.
        b.iter_with_large_drop(|| load_paths(std::slice::from_ref(&fixture.root)))
    });
    group.finish();
    summary(&fixture);
}

/// One timed pass of each, printed as MB/s and as ratios, then the peak memory.
fn summary(fixture: &Fixture) {
    let mb = fixture.bytes as f64 / 1e6;
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        f();
        start.elapsed().as_secs_f64()
    };
    let scan = time(&|| {
        black_box(byte_scan(&fixture.files));
    });
    let lines = time(&|| {
        black_box(str_lines(&fixture.files));
    });
    let files = fixture.files.clone();
    let start = Instant::now();
    let reports = black_box(parse_all(files));
    let parse = start.elapsed().as_secs_f64();
    drop(reports);
    let start = Instant::now();
    let corpus = black_box(load_paths(std::slice::from_ref(&fixture.root)));
    let load = start.elapsed().as_secs_f64();
    drop(corpus);
    eprintln!("\nsummary over {mb:.1} MB (one pass each):");
    eprintln!("  byte scan            {:8.0} MB/s", mb / scan);
    eprintln!("  str::lines           {:8.0} MB/s", mb / lines);
    eprintln!(
        "  parse, one core      {:8.0} MB/s  ({:.1}× the time of str::lines)",
        mb / parse,
        parse / lines
    );
    eprintln!(
        "  load_paths, {} cores  {:8.0} MB/s  ({:.1}× the time of str::lines)",
        std::thread::available_parallelism().map_or(1, |n| n.get()),
        mb / load,
        load / lines
    );
    peak_memory(&fixture.root, fixture.bytes);
}

/// Peak RSS of the release binary loading `root`, against the corpus size.
fn peak_memory(root: &Path, bytes: u64) {
    let output = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(env!("CARGO_BIN_EXE_baogao"))
        .args(["outline", "--format", "json"])
        .arg(root)
        .stdout(Stdio::null())
        .output();
    let Ok(output) = output else {
        eprintln!("  peak memory: /usr/bin/time not available");
        return;
    };
    let stderr = String::from_utf8_lossy(&output.stderr);
    let peak_kb: Option<u64> = stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok());
    match peak_kb {
        Some(kb) => eprintln!(
            "  peak RSS of `baogao outline` on the corpus: {:.1} MB = {:.2}× the corpus",
            kb as f64 / 1e3,
            kb as f64 * 1e3 / bytes as f64
        ),
        None => eprintln!("  peak memory: could not read /usr/bin/time's output"),
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
