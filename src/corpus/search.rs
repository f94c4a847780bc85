//! Search across every loaded report: a regular expression (a plain string is a valid one) run
//! over each report's text, keeping only hits in the reading text (not in web or print residue).
//!
//! The browser's `/` and the headless `baogao search` share this module, so both find exactly
//! the same hits in the same order: report by report, then by position.

use std::ops::Range;
use std::path::PathBuf;

use rayon::prelude::*;
use regex::{Regex, RegexBuilder};

use super::decode::Decoded;
use super::load::{load_each, read_text};
use super::load_error::{LoadError, decode_reporting};
use super::parse::{ReadingLines, normalise};
use super::{Corpus, Line, Report, embedded};

/// A compiled search: the pattern as the user typed it and the regex it compiled to.
#[derive(Debug, Clone)]
pub struct Query {
    pattern: String,
    regex: Regex,
}

/// Why a pattern could not be searched for; the message is fit for a status bar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// Nothing to search for.
    #[error("empty search pattern")]
    Empty,
    /// The pattern is not a valid regular expression.
    #[error("invalid pattern {pattern:?}: {reason}")]
    Invalid {
        /// The pattern as typed.
        pattern: String,
        /// The regex engine's explanation, on one line.
        reason: String,
    },
}

/// One place a query matched in a text searched on its own ([`Query::hits_in_text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextHit {
    /// Byte range of the match in the text.
    pub range: Range<usize>,
    /// 0-based line of the match's start.
    pub line: usize,
    /// 0-based column of the match's start, in characters from the start of its line.
    pub col: usize,
    /// Byte range of the reading content of that line (trimmed, residue markers cut off).
    pub content: Range<usize>,
}

/// One place a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the report in [`Corpus::reports`].
    pub report: usize,
    /// Byte range of the match in that report's text.
    pub range: Range<usize>,
    /// 0-based line of the match's start in the original file.
    pub line: usize,
    /// 0-based column of the match's start, in characters from the start of its line.
    pub col: usize,
}

impl Query {
    /// Compile `pattern` as a regular expression. Letters match case-insensitively when the
    /// pattern has no upper-case letter ("smart case"), as in ripgrep.
    pub fn new(pattern: &str) -> Result<Self, SearchError> {
        if pattern.is_empty() {
            return Err(SearchError::Empty);
        }
        let smart_case = !pattern.chars().any(char::is_uppercase);
        Self::build(pattern, pattern, smart_case)
    }

    /// Search for `text` exactly as written, with no regex syntax.
    pub fn literal(text: &str) -> Result<Self, SearchError> {
        if text.is_empty() {
            return Err(SearchError::Empty);
        }
        Self::build(text, &regex::escape(text), false)
    }

    fn build(pattern: &str, source: &str, case_insensitive: bool) -> Result<Self, SearchError> {
        let regex = RegexBuilder::new(source)
            .case_insensitive(case_insensitive)
            .build()
            .map_err(|error| SearchError::Invalid {
                pattern: pattern.to_string(),
                reason: last_line(&error.to_string()),
            })?;
        Ok(Self {
            pattern: pattern.to_string(),
            regex,
        })
    }

    /// The pattern as the user typed it.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Every hit in one report (`index` is its place in the corpus), in text order.
    pub fn hits_in(&self, index: usize, report: &Report) -> Vec<Hit> {
        let mut line = 0;
        let line_at = |start: usize| {
            // Matches arrive in order, so the line cursor only moves forward.
            while line + 1 < report.lines.len() && report.lines[line].range.end < start {
                line += 1;
            }
            report.lines.get(line).map(|entry| (line, entry.clone()))
        };
        let mut hits = Vec::new();
        self.readable_hits(&report.text, line_at, |found| {
            hits.push(Hit {
                report: index,
                range: found.range,
                line: found.line,
                col: found.col,
            });
        });
        hits
    }

    /// Every hit in a report's text that has not been parsed (only [`normalise`]d), in text
    /// order: the same hits, at the same places, as [`Query::hits_in`] finds once it is parsed,
    /// at a fraction of the cost, since only the lines with a match are classified.
    pub fn hits_in_text(&self, text: &str) -> Vec<TextHit> {
        let lines = ReadingLines::new(text);
        let mut cursor = (0, 0..line_end(text, 0));
        // The line last classified: hits on one long line classify it once.
        let mut classified: Option<(usize, Line)> = None;
        let line_at = move |start: usize| {
            let (index, range) = &mut cursor;
            while range.end < start && range.end < text.len() {
                *index += 1;
                *range = range.end + 1..line_end(text, range.end + 1);
            }
            match &classified {
                Some((at, line)) if at == index => Some((*index, line.clone())),
                _ => {
                    let line = lines.line(*index, range.clone());
                    classified = Some((*index, line.clone()));
                    Some((*index, line))
                }
            }
        };
        let mut hits = Vec::new();
        self.readable_hits(text, line_at, |found| hits.push(found));
        hits
    }

    /// The matches in `text` that start in the reading content of their line, each passed to
    /// `found`; `line_at` gives the line holding a byte offset (offsets only grow).
    fn readable_hits(
        &self,
        text: &str,
        mut line_at: impl FnMut(usize) -> Option<(usize, Line)>,
        mut found: impl FnMut(TextHit),
    ) {
        // The column of the last hit, so the next on the same line counts on from there (a
        // long line with many hits would otherwise be counted over and over).
        let mut counted = (usize::MAX, 0, 0);
        for matched in self.regex.find_iter(text) {
            if matched.is_empty() {
                continue;
            }
            let Some((line, entry)) = line_at(matched.start()) else {
                break;
            };
            let readable = entry.kind.is_readable()
                && matched.start() >= entry.content.start
                && matched.start() < entry.content.end;
            if !readable {
                continue;
            }
            let (from, col_there) = match counted {
                (counted_line, at, col) if counted_line == line => (at, col),
                _ => (entry.range.start, 0),
            };
            let col = col_there + text[from..matched.start()].chars().count();
            counted = (line, matched.start(), col);
            found(TextHit {
                range: matched.range(),
                line,
                col,
                content: entry.content,
            });
        }
    }
}

/// Where the line starting at byte `start` of `text` ends (its line end, or the text's end).
fn line_end(text: &str, start: usize) -> usize {
    memchr::memchr(b'\n', &text.as_bytes()[start..]).map_or(text.len(), |at| start + at)
}

/// Every hit of `query` in `corpus`, report by report, in text order.
pub fn search(corpus: &Corpus, query: &Query) -> Vec<Hit> {
    let per_report = |(index, report)| query.hits_in(index, report);
    let reports: Vec<(usize, &Report)> = corpus.reports.iter().enumerate().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || reports.len() < 2 {
        return reports.into_iter().flat_map(per_report).collect();
    }
    // Reports are independent: split them into one contiguous chunk per core and keep the order.
    let chunk = reports.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = reports
            .chunks(chunk)
            .map(|slice| scope.spawn(move || slice.iter().copied().flat_map(per_report).collect()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|_| Vec::<Hit>::new()))
            .collect()
    })
}

/// The hits in one file searched without loading it as a report.
#[derive(Debug)]
pub struct FileHits {
    /// The file as given (its path, or the name of a bundled report).
    pub name: String,
    /// The file's normalised text, kept only when it has hits (empty otherwise); hits point
    /// into it, so a long line is held once however many hits it has.
    pub text: String,
    /// Its hits in text order.
    pub hits: Vec<TextHit>,
}

/// The most bytes of one match a window shows (a `.*` can match a whole 2 MB line).
const MAX_MATCH: usize = 300;

/// What a hit's line shows around it: byte ranges into [`FileHits::text`], all inside the
/// reading content of the hit's line, on character boundaries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Window {
    /// The text shown: the hit and its context.
    pub range: Range<usize>,
    /// The hit inside it (its first 300 bytes, and only what lies on its line).
    pub hit: Range<usize>,
    /// Whether the line goes on before the window.
    pub cut_before: bool,
    /// Whether the line goes on after it.
    pub cut_after: bool,
}

impl FileHits {
    /// The window around `hit`: up to `context` characters of its line either side of it, as
    /// ripgrep's `-C` gives lines around a matching line (a report's paragraph is one line,
    /// often over a thousand characters). Bounded, however long the line.
    pub fn window(&self, hit: &TextHit, context: usize) -> Window {
        let content = hit.content.clone();
        let text = self.text.as_str();
        let start = hit.range.start;
        if text.get(content.clone()).is_none() || !content.contains(&start) {
            return Window::default();
        }
        let mut hit_end = hit.range.end.min(content.end).min(start + MAX_MATCH);
        while !text.is_char_boundary(hit_end) {
            hit_end -= 1;
        }
        let from = text[content.start..start]
            .char_indices()
            .rev()
            .take(context)
            .last()
            .map_or(start, |(i, _)| content.start + i);
        let to = text[hit_end..content.end]
            .char_indices()
            .nth(context)
            .map_or(content.end, |(i, _)| hit_end + i);
        Window {
            range: from..to,
            hit: start..hit_end,
            cut_before: from > content.start,
            cut_after: to < content.end,
        }
    }
}

/// What [`search_files`] found.
#[derive(Debug, Default)]
pub struct FileSearch {
    /// Every file that could be read, in load order, hits or not.
    pub files: Vec<FileHits>,
    /// The inputs that could not be read, or only in part, as loading reports them.
    pub errors: Vec<LoadError>,
}

/// Search the reports under `paths` (the bundled ones when empty) without loading them as
/// reports: each file is read, decoded (a Word file or web page converted to its text, as
/// loading does) and searched, and only the lines with a match are cleaned. Finds what loading the corpus and calling [`search`] finds, with the same errors,
/// for the cost of reading the bytes and one regex scan.
pub fn search_files(paths: &[PathBuf], query: &Query) -> FileSearch {
    let search_decoded = |name: String, decoded: Decoded| {
        let text = normalise(decoded.text);
        let hits = query.hits_in_text(&text);
        let text = if hits.is_empty() { String::new() } else { text };
        FileHits { name, text, hits }
    };
    let (files, errors) = if paths.is_empty() {
        let results: Vec<_> = embedded::REPORTS
            .par_iter()
            .map(|(name, bytes)| {
                let (decoded, error) = decode_reporting(PathBuf::from(name), bytes.to_vec());
                (decoded.map(|d| search_decoded(name.to_string(), d)), error)
            })
            .collect();
        let mut files = Vec::new();
        let mut errors = Vec::new();
        for (file, error) in results {
            files.extend(file);
            errors.extend(error);
        }
        (files, errors)
    } else {
        load_each(paths, |path| {
            let (decoded, error) = read_text(path);
            (
                decoded.map(|d| search_decoded(path.display().to_string(), d)),
                error,
            )
        })
    };
    FileSearch { files, errors }
}

fn last_line(message: &str) -> String {
    message
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or(message)
        .trim()
        .trim_start_matches("error: ")
        .to_string()
}

#[cfg(test)]
mod tests;
