//! `baogao search PATTERN [PATH...]`: every hit in the reading text of the loaded reports, one
//! `file:line:col: text` line each (1-based line and character column), for scripting.
//!
//! Exit status as grep's: 0 when something matched, 1 when nothing did, 2 on an error (an
//! invalid pattern, or no report could be loaded).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::corpus::search::{Query, search_files};

/// Arguments of `baogao search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// A regular expression; a plain string matches itself. Lower-case patterns ignore case.
    pub pattern: String,
    /// Take the pattern literally, with no regex syntax.
    #[arg(long, short = 'F')]
    pub fixed_strings: bool,
    /// Print only the number of hits.
    #[arg(long, short)]
    pub count: bool,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Run `baogao search`.
pub fn run(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let query = if args.fixed_strings {
        Query::literal(&args.pattern)
    } else {
        Query::new(&args.pattern)
    };
    let query = match query {
        Ok(query) => query,
        Err(error) => {
            super::safe::warn(error);
            return Ok(ExitCode::from(2));
        }
    };
    // Only the lines with a match are cleaned; no report is parsed. Finds what the browser's
    // search finds in the same files.
    let found = search_files(&args.paths, &query);
    for error in &found.errors {
        super::safe::warn(error);
    }
    if found.files.is_empty() {
        return Ok(ExitCode::from(2));
    }
    let hits = found
        .files
        .iter()
        .map(|file| file.hits.len())
        .sum::<usize>();
    let mut out = super::safe::stdout(super::safe::Style::Text);
    if args.count {
        writeln!(out, "{hits}")?;
    } else {
        for file in &found.files {
            for hit in &file.hits {
                writeln!(
                    out,
                    "{}:{}:{}: {}",
                    file.name,
                    hit.line + 1,
                    hit.col + 1,
                    file.shown(hit)
                )?;
            }
        }
    }
    out.flush()?;
    Ok(if hits == 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
