//! The corpus: every report in memory, decoded, with its reading text told apart from residue,
//! its metadata, its section tree and its glossary.
//!
//! A [`Report`] keeps its whole decoded text and a [`Line`] per line of the original file, so a
//! position in the text always maps back to a line number in the file a user can open. Nothing
//! here knows about terminals: the browser, the figures extractor and the CLI all read this model.

pub mod bold;
pub mod check;
pub mod clean;
pub mod clean_source;
pub mod decode;
pub mod embedded;
pub mod formats;
pub mod glossary;
pub mod header;
pub mod listing;
pub mod load;
pub mod load_error;
pub mod markers;
pub mod meta;
pub mod numbering;
pub mod ordered;
pub mod outline;
pub mod parse;
pub mod parts;
pub mod places;
pub mod region;
pub mod search;
#[cfg(test)]
mod shapes;
pub mod stream;
pub mod synthetic;
pub mod terms;

use std::ops::Range;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

pub use load::{list_inputs, load_embedded, load_in_order, load_paths};
pub use load_error::LoadError;
pub use parse::{parse, parse_report};
pub use stream::{LoadEvent, load_in_background};

/// Every report that loaded, and a clear reason for every input that did not.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Reports in a stable order (sorted by path, as given).
    pub reports: Vec<Report>,
    /// Inputs that could not be loaded, each naming the file and the reason; also files that
    /// loaded with damaged bytes replaced ([`LoadError::is_partial`]).
    pub errors: Vec<LoadError>,
}

/// One government work report: its text, lines, metadata, sections and glossary.
#[derive(Debug, Clone)]
pub struct Report {
    /// The file name as shown to users and written in exports (e.g. `minquan-2023.txt`).
    pub file: String,
    /// Where the report was read from; `None` for the embedded reports.
    pub path: Option<PathBuf>,
    /// The encoding the file was decoded from (e.g. `UTF-8`, `GB18030`, `UTF-16LE`).
    pub encoding: &'static str,
    /// The decoded text with line ends normalised to `\n` and any BOM removed.
    pub text: String,
    /// One entry per line of the original file, in order: `lines[i]` is line `i + 1`.
    pub lines: Vec<Line>,
    /// What the report says about itself: region, year, date, speaker…
    pub meta: Metadata,
    /// The section tree, flattened in reading order (pre-order); see [`Section::parent`].
    pub sections: Vec<Section>,
    /// Terms the report defines in its closing notes (`有关词语注释`).
    pub glossary: Vec<GlossaryEntry>,
    /// Things a reader should know about how the file was read (e.g. "starts mid-way at 三、").
    pub warnings: Vec<String>,
}

/// One line of the original file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// Byte range of the whole line in [`Report::text`], without its line end.
    pub range: Range<usize>,
    /// Byte range of the reading content: trimmed, with glued residue (e.g. `[bookmark: _GoBack]`)
    /// removed. Empty for blank and residue lines.
    pub content: Range<usize>,
    /// What the line is.
    pub kind: LineKind,
}

/// What a line of a report is, as far as reading is concerned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LineKind {
    /// Nothing but whitespace.
    Blank,
    /// Web, newspaper or word-processor residue: menus, bylines, continuation notes… Hidden.
    Residue,
    /// The report's title (`政 府 工 作 报 告`).
    Title,
    /// Front matter under the title: date and session, speaker, file headers.
    Front,
    /// A heading (or its continuation line) of the section at this index in [`Report::sections`].
    /// When a heading is glued to its paragraph the rest of the line is body text.
    Heading(usize),
    /// Reading text.
    Body,
    /// The glossary's heading or one of its entries.
    Glossary,
}

impl LineKind {
    /// Whether the line belongs in the reading text (not blank, not residue).
    pub fn is_readable(self) -> bool {
        !matches!(self, LineKind::Blank | LineKind::Residue)
    }
}

/// A node of the section tree: a chapter (`一、`), section (`（一）`) or item (`1.`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    /// The heading as a reader would cite it, numbering included (`一、2022年工作回顾`);
    /// a heading wrapped over two lines is joined; a glued heading ends at its first `。`.
    pub title: String,
    /// 1 = chapter, 2 = section, 3 = item.
    pub level: u8,
    /// 0-based index of the heading's first line in [`Report::lines`].
    pub line: usize,
    /// Byte range of the heading text in [`Report::text`] (may span two lines).
    pub heading: Range<usize>,
    /// Byte range of the whole section, heading to the start of the next section of the same or
    /// a higher level (or the end of the report).
    pub span: Range<usize>,
    /// Index of the enclosing section in [`Report::sections`], `None` for chapters.
    pub parent: Option<usize>,
}

/// A term the report defines in its notes, e.g. `三个一批：指集中签约一批…`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GlossaryEntry {
    /// The term as written (`三个一批`).
    pub term: String,
    /// Its definition as written (`指集中签约一批…`), continuation lines joined.
    pub definition: String,
    /// 1-based line in the original file.
    pub line: usize,
}

/// What a report says about itself. Every field is optional: where it cannot be inferred it is
/// absent, and a sidecar `NAME.meta.json` may set or override any field.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Metadata {
    /// The report's title (`政府工作报告`), spaces between characters removed.
    pub title: Option<String>,
    /// The place whose government delivered it (`民权县`, `濮阳市`).
    pub region: Option<String>,
    /// The year it was delivered.
    pub year: Option<i32>,
    /// The day it was delivered, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The session it was delivered to (`民权县第十六届人民代表大会第三次会议`).
    pub session: Option<String>,
    /// Who delivered it (`王静娴`), inner spaces removed.
    pub speaker: Option<String>,
    /// The speaker's office (`县长`, `代区长`, `自治区主席`).
    pub office: Option<String>,
    /// The region's tier in the divisions table: `province`, `prefecture` or `county`.
    pub level: Option<places::Level>,
    /// The divisions the region belongs to, nearest first (`商丘市`, `河南省`); empty for a
    /// province or a region the divisions table does not have.
    pub parents: Vec<String>,
    /// The region's six-digit division code (`411421`).
    pub code: Option<String>,
}

impl Report {
    /// A short label for lists and tree roots: `民权县 2023 政府工作报告`, with the parent before
    /// a region whose name several places share (`北京市朝阳区 2020 政府工作报告`), falling back
    /// to the file name for anything that could not be inferred.
    pub fn label(&self) -> String {
        let title = self.meta.title.as_deref().unwrap_or("政府工作报告");
        let region = self
            .meta
            .region
            .as_ref()
            .map(|region| match self.meta.parents.first() {
                Some(parent) if places::places().is_shared(region) => {
                    format!("{parent}{region}")
                }
                _ => region.clone(),
            });
        match (&region, self.meta.year) {
            (Some(region), Some(year)) => format!("{region} {year} {title}"),
            (Some(region), None) => format!("{region} {title}"),
            _ => self.file.clone(),
        }
    }

    /// The text of line `index` (0-based) as it stands in the file.
    pub fn line_text(&self, index: usize) -> &str {
        &self.text[self.lines[index].range.clone()]
    }

    /// The 0-based line that holds byte `offset` of [`Report::text`].
    pub fn line_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|line| line.range.end < offset)
            .min(self.lines.len().saturating_sub(1))
    }

    /// The deepest section whose span holds byte `offset`, if any.
    pub fn section_at(&self, offset: usize) -> Option<usize> {
        // Sections are in pre-order, so the last one starting at or before `offset` whose span
        // still holds it is the deepest.
        let candidates = self.sections.partition_point(|s| s.span.start <= offset);
        (0..candidates)
            .rev()
            .find(|&i| self.sections[i].span.contains(&offset))
    }

    /// The titles from the chapter down to section `index`: `["二、2023年工作安排", "（一）…"]`.
    pub fn section_path(&self, index: usize) -> Vec<&str> {
        let mut path = Vec::new();
        let mut current = Some(index);
        while let Some(i) = current {
            path.push(self.sections[i].title.as_str());
            current = self.sections[i].parent;
        }
        path.reverse();
        path
    }
}
