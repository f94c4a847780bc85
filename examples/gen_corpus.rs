//! Write a large synthetic corpus derived from the bundled reports, for benchmarks and scale
//! tests: `cargo run --release --example gen_corpus -- --mb 100 --out DIR [--seed N]`.

use std::path::PathBuf;

use clap::Parser;

/// Command-line options.
#[derive(Parser)]
struct Args {
    /// Total size to write, in megabytes.
    #[arg(long, default_value_t = 100)]
    mb: usize,
    /// Directory to write into (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// Seed of the generator: the same seed writes the same corpus.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    let reports = baogao::corpus::synthetic::generate(args.mb * 1_000_000, args.seed);
    let mut bytes = 0;
    for report in &reports {
        let path = args.out.join(&report.name);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        std::fs::write(&path, &report.bytes)?;
        bytes += report.bytes.len();
    }
    eprintln!(
        "wrote {} reports, {:.1} MB, to {}",
        reports.len(),
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
