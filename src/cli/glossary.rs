//! `baogao glossary`: the terms the loaded reports define in their notes, with their sources.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::corpus::terms::Terms;

/// Output formats of `baogao glossary`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum GlossaryFormat {
    /// One term a line: `term: definition (file:line)`.
    Text,
    /// A JSON array of `{term, definition, file, line, found_in: [{file, line}]}`: where each
    /// term is defined and every line of any loaded report that uses it.
    Json,
}

/// Arguments of `baogao glossary`.
#[derive(Debug, clap::Args)]
pub struct GlossaryArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = GlossaryFormat::Text)]
    pub format: GlossaryFormat,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

#[derive(Serialize)]
struct Term<'a> {
    term: &'a str,
    definition: &'a str,
    file: &'a str,
    line: usize,
    found_in: Vec<Place<'a>>,
}

/// A line that uses a term.
#[derive(Serialize, Clone, PartialEq, Eq)]
struct Place<'a> {
    file: &'a str,
    line: usize,
}

/// Run `baogao glossary`.
pub fn run(args: GlossaryArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(&args.paths);
    let lookup = Terms::build(&corpus.reports);
    let mut found_in: Vec<Vec<Place>> = vec![Vec::new(); lookup.terms.len()];
    for (report, occurrences) in corpus
        .reports
        .iter()
        .zip(lookup.occurrences(&corpus.reports))
    {
        for occurrence in occurrences {
            let place = Place {
                file: &report.file,
                line: report.line_of(occurrence.range.start) + 1,
            };
            let places = &mut found_in[occurrence.term];
            if places.last() != Some(&place) {
                places.push(place);
            }
        }
    }
    let found_in = |term: &str| {
        lookup
            .terms
            .iter()
            .position(|t| t.term == term)
            .map(|i| found_in[i].clone())
            .unwrap_or_default()
    };
    let terms: Vec<Term> = corpus
        .reports
        .iter()
        .flat_map(|report| {
            report.glossary.iter().map(|entry| Term {
                term: &entry.term,
                definition: &entry.definition,
                file: &report.file,
                line: entry.line,
                found_in: found_in(&entry.term),
            })
        })
        .collect();
    let style = match args.format {
        GlossaryFormat::Json => super::safe::Style::Json,
        GlossaryFormat::Text => super::safe::Style::Text,
    };
    let mut out = super::safe::stdout(style);
    match args.format {
        GlossaryFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &terms)?;
            writeln!(out)?;
        }
        GlossaryFormat::Text => {
            for t in &terms {
                writeln!(out, "{}: {} ({}:{})", t.term, t.definition, t.file, t.line)?;
            }
        }
    }
    Ok(if corpus.reports.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
