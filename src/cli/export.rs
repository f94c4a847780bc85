//! `baogao export`: the marks, with citations, as Markdown, JSON, CSV, BibTeX or CSL-JSON — what the browser's
//! export dialog writes, for scripts.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::export::{self, Destination, Format};
use crate::figures;
use crate::marks::{anchor, store};

/// Arguments of `baogao export`.
#[derive(Debug, clap::Args)]
pub struct ExportArgs {
    /// The marks file (default: $BAOGAO_MARKS, else the data directory's baogao/marks.json).
    #[arg(long, value_name = "FILE")]
    pub marks: Option<PathBuf>,
    /// Output format.
    #[arg(long, short, default_value_t = Format::Md, value_parser = format_names())]
    pub format: Format,
    /// Where to write; standard output when absent. Never the marks file; an existing file
    /// only with --force; a device or FIFO is written through.
    #[arg(long, short, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// With `--format csv`, begin with a byte order mark, so that Excel opens it as UTF-8 with
    /// the Chinese intact.
    #[arg(long)]
    pub bom: bool,
    /// Replace OUT if it exists.
    #[arg(long)]
    pub force: bool,
    /// The reports the marks were made in (to list the figures in each passage); none means the
    /// bundled reports.
    pub paths: Vec<PathBuf>,
}

/// `--format`'s values, listed in `--help` and completed by shells, parsed into a [`Format`].
fn format_names() -> impl clap::builder::TypedValueParser<Value = Format> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Format::ALL.map(Format::name))
        .map(|name| name.parse::<Format>().expect("a listed format"))
}

/// Run `baogao export`.
pub fn run(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let path = store::resolve_path(args.marks.as_deref())?;
    // A mistyped --marks must not pass for a file with no marks in it.
    if !path.exists() {
        anyhow::bail!("no marks file at {}: nothing to export", path.display());
    }
    // Read only: exporting never moves, renames or rewrites the marks file.
    let loaded = store::read(&path).context("reading the marks")?;
    if let Some(notice) = &loaded.notice {
        super::safe::warn(notice);
    }
    let corpus = super::load_corpus(&args.paths);
    let mut marks = loaded.marks;
    anchor::anchor_all(&mut marks, &corpus.reports);
    let figures: Vec<_> = corpus.reports.iter().map(figures::extract).collect();
    let records = export::records(&marks, &corpus.reports, &figures);
    let mut content = export::render(args.format, &records);
    if args.bom && args.format == Format::Csv {
        content.insert_str(0, super::BOM);
    }
    match &args.output {
        Some(out) => {
            let destination = Destination {
                overwrite: args.force,
                marks_file: Some(&path),
            };
            export::write_to(out, &content, destination)?;
            super::safe::warn(format!(
                "exported {} marks to {}",
                records.len(),
                out.display()
            ));
        }
        None => {
            // Already escaped by `render`; the writer guards the file names too.
            let mut stdout = super::safe::stdout(super::safe::Style::Json);
            stdout.write_all(content.as_bytes())?;
            stdout.flush()?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
