//! Extract the figures of a synthetic corpus repeatedly, for profilers (`perf record`).
//!
//! `cargo run --release --example figures_profile -- MB`.

/// Extraction passes over the corpus.
const REPEAT: usize = 8;

fn main() {
    let mb: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(20);
    let reports: Vec<_> = baogao::corpus::synthetic::generate(mb * 1_000_000, 7)
        .into_iter()
        .map(|r| {
            let text = match std::str::from_utf8(&r.bytes) {
                Ok(text) => text.to_string(),
                Err(_) => encoding_rs::GB18030.decode(&r.bytes).0.into_owned(),
            };
            baogao::corpus::parse_report(&r.name, None, &text)
        })
        .collect();
    let bytes: usize = reports.iter().map(|r| r.text.len()).sum();
    let start = std::time::Instant::now();
    let mut figures = 0;
    for _ in 0..REPEAT {
        figures += reports
            .iter()
            .map(|r| baogao::figures::extract(r).len())
            .sum::<usize>();
    }
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{figures} figures, {:.1} MB/s",
        REPEAT as f64 * bytes as f64 / 1e6 / secs
    );
}
