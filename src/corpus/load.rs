//! Reading report files from disk (or the embedded set) into [`Report`]s.
//!
//! First pass: UTF-8 only, every line is body text, chapters only. To be replaced by the full
//! decoder, cleaner, outliner and metadata inference.

use std::path::{Path, PathBuf};

use super::{Corpus, Line, LineKind, Metadata, Report, Section, embedded};

/// Why one input could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The bytes are not text in any supported encoding.
    #[error("{path}: {reason}")]
    Undecodable {
        /// The path as given.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
}

/// Load the reports compiled into the binary.
pub fn load_embedded() -> Corpus {
    let mut corpus = Corpus::default();
    for (name, bytes) in embedded::REPORTS {
        match std::str::from_utf8(bytes) {
            Ok(text) => corpus.reports.push(parse_report(name, None, text)),
            Err(e) => corpus.errors.push(LoadError::Undecodable {
                path: PathBuf::from(name),
                reason: e.to_string(),
            }),
        }
    }
    corpus
}

/// Load every report under `paths` (files, or directories read recursively for `*.txt`).
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let mut corpus = Corpus::default();
    for path in paths {
        match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(text) => {
                    corpus
                        .reports
                        .push(parse_report(&file_name(path), Some(path.clone()), &text))
                }
                Err(e) => corpus.errors.push(LoadError::Undecodable {
                    path: path.clone(),
                    reason: e.to_string(),
                }),
            },
            Err(source) => corpus.errors.push(LoadError::Io {
                path: path.clone(),
                source,
            }),
        }
    }
    corpus
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Build a [`Report`] from decoded text.
pub fn parse_report(file: &str, path: Option<PathBuf>, text: &str) -> Report {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut lines = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut start = 0;
    for (index, raw) in text.split('\n').enumerate() {
        let range = start..start + raw.len();
        let trimmed = raw.trim();
        let lead = raw.len() - raw.trim_start().len();
        let content = range.start + lead..range.start + lead + trimmed.len();
        let kind = if trimmed.is_empty() {
            LineKind::Blank
        } else if is_chapter(trimmed) {
            if let Some(last) = sections.last_mut() {
                last.span.end = range.start;
            }
            sections.push(Section {
                title: trimmed.to_string(),
                level: 1,
                line: index,
                heading: content.clone(),
                span: range.start..text.len(),
                parent: None,
            });
            LineKind::Heading(sections.len() - 1)
        } else {
            LineKind::Body
        };
        lines.push(Line {
            range,
            content,
            kind,
        });
        start += raw.len() + 1;
    }
    Report {
        file: file.to_string(),
        path,
        encoding: "UTF-8",
        text,
        lines,
        meta: Metadata::default(),
        sections,
        glossary: Vec::new(),
        warnings: Vec::new(),
    }
}

fn is_chapter(line: &str) -> bool {
    let numeral: String = line
        .chars()
        .take_while(|c| "一二三四五六七八九十".contains(*c))
        .collect();
    !numeral.is_empty() && line[numeral.len()..].starts_with('、')
}
