//! `baogao search PATTERN [PATH...]`: every hit in the reading text of the loaded reports, for
//! reading and scripting. A report's paragraph is one line, often over a thousand characters,
//! so each hit shows a window of its line (`-C` characters either side), as ripgrep does.
//!
//! On a terminal the hits are grouped under each file's name, hits close together on one line
//! share a window, and the matches are highlighted; piped, each hit is one `file:line:col: text`
//! line (1-based line and character column). `--json` prints one JSON object per hit.
//!
//! Exit status as grep's: 0 when something matched, 1 when nothing did, 2 on an error (an
//! invalid pattern, or no report could be loaded).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use super::safe::{SafeWriter, Style};
use crate::corpus::search::{FileHits, Query, TextHit, Window, search_files};

/// When to colour the output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Color {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Arguments of `baogao search`.
#[derive(Debug, clap::Args)]
pub struct SearchArgs {
    /// A regular expression; a plain string matches itself. Lower-case patterns ignore case.
    pub pattern: String,
    /// Take the pattern literally, with no regex syntax.
    #[arg(long, short = 'F')]
    pub fixed_strings: bool,
    /// Print only the number of hits.
    #[arg(long, short, conflicts_with = "json")]
    pub count: bool,
    /// Characters of context shown either side of each hit (a paragraph is one line; a large
    /// number shows whole paragraphs).
    #[arg(long, short = 'C', value_name = "CHARS", default_value_t = 20)]
    pub context: usize,
    /// Group the hits under each file's name (the default on a terminal).
    #[arg(long, overrides_with = "no_heading")]
    pub heading: bool,
    /// One `file:line:col: text` line per hit (the default when piped).
    #[arg(long, overrides_with = "heading")]
    pub no_heading: bool,
    /// Highlight the matches: auto (on a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = Color::Auto, value_name = "WHEN")]
    pub color: Color,
    /// One JSON object per hit and line: file, line, column, match, before, after.
    #[arg(long)]
    pub json: bool,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// A hit as `--json` prints it.
#[derive(Debug, Serialize)]
struct JsonHit<'a> {
    file: &'a str,
    /// 1-based line in the original file.
    line: usize,
    /// 1-based character column of the match.
    column: usize,
    /// The match (its first 300 bytes on its line).
    #[serde(rename = "match")]
    matched: &'a str,
    /// The context before the match, on its line.
    before: &'a str,
    /// The context after it.
    after: &'a str,
}

/// ANSI codes, as ripgrep colours: file names magenta, line numbers green, matches bold red.
const FILE: &str = "\x1b[35m";
const LINE: &str = "\x1b[32m";
const MATCH: &str = "\x1b[1;31m";
const RESET: &str = "\x1b[0m";

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
    let terminal = std::io::stdout().is_terminal();
    let mut out = super::safe::stdout(if args.json { Style::Json } else { Style::Text });
    if args.count {
        writeln!(out, "{hits}")?;
    } else if args.json {
        for file in &found.files {
            for hit in &file.hits {
                write_json(&mut out, file, hit, args.context)?;
            }
        }
    } else {
        let printer = Printer {
            context: args.context,
            color: match args.color {
                Color::Always => true,
                Color::Never => false,
                Color::Auto => terminal && std::env::var_os("NO_COLOR").is_none(),
            },
        };
        let heading = if args.heading || args.no_heading {
            args.heading
        } else {
            terminal
        };
        let mut first = true;
        for file in found.files.iter().filter(|f| !f.hits.is_empty()) {
            if heading {
                if !first {
                    writeln!(out)?;
                }
                first = false;
                printer.paint(&mut out, FILE, &file.name)?;
                writeln!(out)?;
                printer.grouped(&mut out, file)?;
            } else {
                for hit in &file.hits {
                    write!(out, "{}:", file.name)?;
                    printer.line(&mut out, file, std::slice::from_ref(hit))?;
                }
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

fn write_json<W: Write>(
    out: &mut SafeWriter<W>,
    file: &FileHits,
    hit: &TextHit,
    context: usize,
) -> anyhow::Result<()> {
    let window = file.window(hit, context);
    let text = &file.text;
    let json = JsonHit {
        file: &file.name,
        line: hit.line + 1,
        column: hit.col + 1,
        matched: &text[window.hit.clone()],
        before: &text[window.range.start..window.hit.start],
        after: &text[window.hit.end..window.range.end],
    };
    serde_json::to_writer(&mut *out, &json)?;
    writeln!(out)?;
    Ok(())
}

/// How hits are printed as text.
struct Printer {
    context: usize,
    color: bool,
}

impl Printer {
    /// `text`, in `code`'s colour when colouring.
    fn paint<W: Write>(
        &self,
        out: &mut SafeWriter<W>,
        code: &str,
        text: &str,
    ) -> std::io::Result<()> {
        if self.color {
            out.raw(code)?;
            out.write_all(text.as_bytes())?;
            out.raw(RESET)
        } else {
            out.write_all(text.as_bytes())
        }
    }

    /// A file's hits under its heading: hits whose windows overlap on one line share one.
    fn grouped<W: Write>(&self, out: &mut SafeWriter<W>, file: &FileHits) -> std::io::Result<()> {
        let mut at = 0;
        while at < file.hits.len() {
            let first = &file.hits[at];
            let mut end = file.window(first, self.context).range.end;
            let mut next = at + 1;
            while let Some(hit) = file.hits.get(next) {
                if hit.line != first.line || hit.range.start >= end {
                    break;
                }
                end = end.max(file.window(hit, self.context).range.end);
                next += 1;
            }
            self.line(out, file, &file.hits[at..next])?;
            at = next;
        }
        Ok(())
    }

    /// `line:col: …text…` for `hits` (one or more on the same line), the hits highlighted.
    fn line<W: Write>(
        &self,
        out: &mut SafeWriter<W>,
        file: &FileHits,
        hits: &[TextHit],
    ) -> std::io::Result<()> {
        let windows: Vec<Window> = hits.iter().map(|h| file.window(h, self.context)).collect();
        let (Some(first), Some(end)) = (windows.first(), windows.iter().map(|w| w.range.end).max())
        else {
            return Ok(());
        };
        let hit = &hits[0];
        self.paint(out, LINE, &format!("{}:{}", hit.line + 1, hit.col + 1))?;
        out.write_all(b": ")?;
        if first.cut_before {
            out.write_all("…".as_bytes())?;
        }
        let text = &file.text;
        let mut at = first.range.start;
        for window in &windows {
            // Overlapping matches: only what has not been printed yet.
            let start = window.hit.start.max(at);
            out.write_all(&text.as_bytes()[at..start])?;
            let end = window.hit.end.max(start);
            self.paint(out, MATCH, &text[start..end])?;
            at = end;
        }
        let end = end.max(at);
        out.write_all(&text.as_bytes()[at..end])?;
        if windows.iter().any(|w| w.range.end == end && w.cut_after) {
            out.write_all("…".as_bytes())?;
        }
        out.write_all(b"\n")
    }
}
