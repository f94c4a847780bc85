//! The command line: `baogao [PATH...]` opens the browser; subcommands work headless for
//! scripting. Every subcommand loads its inputs the same way (see [`load_corpus`]) and reports
//! each input it could not read on stderr, one line each.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::corpus::{self, Corpus};
use crate::ui::theme::ThemeName;

mod check;
mod compare;
mod completions;
mod export;
mod figures;
mod glossary;
mod outline;
pub mod safe;
mod search;
mod table;
mod targets;

/// `baogao`: browse Chinese government work reports in the terminal.
#[derive(Debug, Parser)]
#[command(
    name = "baogao",
    version,
    about,
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do headless; with none, open the browser.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Report files or directories (read recursively for *.txt, *.docx, *.html, *.htm); none
    /// means the bundled reports.
    pub paths: Vec<PathBuf>,
    /// The marks file the browser reads and saves (default: $BAOGAO_MARKS, else the data
    /// directory's baogao/marks.json).
    #[arg(long, value_name = "FILE")]
    pub marks: Option<PathBuf>,
    /// The browser's colours: dark, light, or mono (no colour, highlights by reverse, bold and
    /// underline). Default: $BAOGAO_THEME, else mono when NO_COLOR is set, else dark.
    #[arg(long, value_name = "THEME", value_parser = theme_names())]
    pub theme: Option<ThemeName>,
}

/// `--theme`'s values, listed in `--help`, parsed into a [`ThemeName`].
fn theme_names() -> impl clap::builder::TypedValueParser<Value = ThemeName> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(ThemeName::NAMES)
        .map(|name| name.parse::<ThemeName>().expect("a listed theme"))
}

/// The headless subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print each report's metadata and section tree (`--format text|json`).
    Outline(outline::OutlineArgs),
    /// Export the marks, with citations, as Markdown, JSON, CSV, BibTeX or CSL-JSON.
    Export(export::ExportArgs),
    /// Compare one indicator across reports and years, targets against results.
    Compare(compare::CompareArgs),
    /// List the terms the reports define in their notes.
    Glossary(glossary::GlossaryArgs),
    /// List every target: bound, firmness, result, gap, verdict, and the level above's target.
    Targets(targets::TargetsArgs),
    /// Print every hit of a pattern with a window of its paragraph, grouped by file on a
    /// terminal, one `file:line:col: text` line each when piped, or as JSON lines.
    Search(search::SearchArgs),
    /// List every figure: value, unit, indicator, change or level, target or result.
    Figures(figures::FiguresArgs),
    /// List, for each report, what could not be worked out (no region, speaker, date,
    /// chapters…), one line each, and a summary.
    Check(check::CheckArgs),
    /// Print a completion script: `baogao completions bash > /etc/bash_completion.d/baogao`.
    Completions(completions::CompletionsArgs),
    /// Print the man page: `baogao man > baogao.1`, then `man ./baogao.1`.
    Man,
}

/// Parse the command line, run it, and map the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            safe::warn(format!("{error:#}"));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        None => {
            // Listing is quick; when it finds nothing, say so without taking the terminal.
            if !cli.paths.is_empty() {
                let (files, errors) = corpus::list_inputs(&cli.paths);
                if files.is_empty() {
                    for error in &errors {
                        safe::warn(error);
                    }
                    eprintln!("baogao: no reports to show");
                    return Ok(ExitCode::FAILURE);
                }
            }
            let theme = ThemeName::pick(cli.theme, |key| std::env::var(key).ok());
            crate::ui::theme::set(theme.theme());
            let (arrivals, first_frame) = crate::app::loading::start(cli.paths);
            match crate::tui::run(arrivals, first_frame, cli.marks.as_deref())? {
                true => Ok(ExitCode::SUCCESS),
                false => Ok(ExitCode::FAILURE),
            }
        }
        Some(Command::Outline(args)) => outline::run(args),
        Some(Command::Export(args)) => export::run(args),
        Some(Command::Compare(args)) => compare::run(args),
        Some(Command::Glossary(args)) => glossary::run(args),
        Some(Command::Search(args)) => search::run(args),
        Some(Command::Targets(args)) => targets::run(args),
        Some(Command::Figures(args)) => figures::run(args),
        Some(Command::Check(args)) => check::run(args),
        Some(Command::Completions(args)) => completions::completions(args),
        Some(Command::Man) => completions::man(),
    }
}

/// Load `paths` (or the embedded reports when empty), printing one line on stderr per input
/// that could not be loaded.
pub fn load_corpus(paths: &[PathBuf]) -> Corpus {
    let corpus = if paths.is_empty() {
        corpus::load_embedded()
    } else {
        corpus::load_paths(paths)
    };
    for error in &corpus.errors {
        safe::warn(error);
    }
    corpus
}

/// The byte order mark `--bom` puts before CSV: without it Excel reads UTF-8 as the local
/// code page and the Chinese comes out garbled.
pub const BOM: &str = "\u{feff}";

/// Failure only when nothing at all could be loaded.
fn exit_code(corpus: &Corpus) -> ExitCode {
    if corpus.reports.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
}

/// Whether `error` is, or was caused by, writing to a closed pipe (`baogao … | head`), which
/// ends a command quietly and successfully. JSON and CSV writers wrap the I/O error.
fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
            || cause
                .downcast_ref::<serde_json::Error>()
                .and_then(serde_json::Error::io_error_kind)
                == Some(std::io::ErrorKind::BrokenPipe)
            || cause.downcast_ref::<csv::Error>().is_some_and(
                |e| matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe),
            )
    })
}
