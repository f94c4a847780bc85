//! Marks: passages a reader keeps, with an optional note, and enough about their source to cite
//! them and to find them again when the report file changes.
//!
//! [`Marks`] is the in-memory collection the browser edits through pure operations; [`store`]
//! reads and writes it on disk (atomically, never losing what was shown as marked); [`anchor`]
//! finds each mark in the loaded reports again.

pub mod anchor;
pub mod atomic;
mod ids;

pub use ids::random_u32;
pub mod merge;
pub mod store;

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::corpus::Report;

/// One marked passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// Stable identifier within the marks file, unique across instances (see the private `ids` module).
    pub id: u64,
    /// The report's file name (`minquan-2023.txt`).
    pub file: String,
    /// The report's absolute path when it was marked (absent for the bundled reports and for
    /// marks made before paths were kept): with the text hash, what tells two reports of the
    /// same name apart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Hash of the report's whole text when the mark was last anchored; tells whether the file
    /// changed since.
    pub text_hash: String,
    /// The report's label when marked (`民权县 2023 政府工作报告`), for citing without the file.
    pub report: String,
    /// Byte offset where the passage starts in the report's text.
    pub start: usize,
    /// Byte offset where the passage ends.
    pub end: usize,
    /// 1-based line of the original file where the passage starts.
    pub line_start: usize,
    /// 1-based line of the original file where the passage ends.
    pub line_end: usize,
    /// Section titles from chapter down (`["二、2023年工作安排", "（一）…"]`).
    pub section: Vec<String>,
    /// The passage itself: what re-anchors the mark when the file changes.
    pub text: String,
    /// The reader's note; empty when none.
    #[serde(default)]
    pub note: String,
    /// When the mark was made (RFC 3339, UTC).
    pub created: String,
    /// Set when the passage can no longer be found in its report; the mark is kept regardless.
    #[serde(default)]
    pub orphaned: bool,
    /// Fields this version does not know (written by a newer one), kept as they were.
    #[serde(flatten)]
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Mark {
    /// A new mark over `span` (byte offsets into `report.text`), snapped to char boundaries.
    pub fn new(id: u64, report: &Report, span: Range<usize>) -> Mark {
        let start = floor_char_boundary(&report.text, span.start);
        let end = floor_char_boundary(&report.text, span.end.max(start));
        let mut mark = Mark {
            id,
            file: report.file.clone(),
            path: report_path(report),
            text_hash: String::new(),
            report: report.label(),
            start,
            end,
            line_start: 0,
            line_end: 0,
            section: Vec::new(),
            text: report.text[start..end].to_string(),
            note: String::new(),
            created: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
            orphaned: false,
            extra: serde_json::Map::new(),
        };
        mark.place(report, start..end);
        mark
    }

    /// Record that the passage stands at `span` in `report`: lines, section and hash follow.
    pub fn place(&mut self, report: &Report, span: Range<usize>) {
        self.start = span.start;
        self.end = span.end;
        self.line_start = report.line_of(span.start) + 1;
        self.line_end = report.line_of(span.end.saturating_sub(1).max(span.start)) + 1;
        self.section = report
            .section_at(span.start)
            .map(|i| {
                report
                    .section_path(i)
                    .into_iter()
                    .map(String::from)
                    .collect()
            })
            .unwrap_or_default();
        self.text_hash = text_hash(&report.text);
        self.orphaned = false;
    }

    /// The byte span of the passage in its report's text.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }
}

/// The marks a reader has made, in the order they were made.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// Every mark, orphaned ones included.
    pub items: Vec<Mark>,
}

impl Marks {
    /// A fresh identifier no mark here has, and that another instance is very unlikely to
    /// give its own new mark (the time and 32 random bits).
    pub fn next_id(&self) -> u64 {
        ids::fresh(|id| self.get(id).is_some())
    }

    /// Mark `span` of `report`; returns the new mark's id.
    pub fn add(&mut self, report: &Report, span: Range<usize>) -> u64 {
        let id = self.next_id();
        self.items.push(Mark::new(id, report, span));
        id
    }

    /// The mark of `file` that overlaps `span`, if any.
    pub fn find_overlapping(&self, file: &str, span: &Range<usize>) -> Option<&Mark> {
        self.items.iter().find(|m| {
            !m.orphaned
                && m.file == file
                && m.start < span.end.max(span.start + 1)
                && span.start < m.end
        })
    }

    /// Take the mark `id` out, returning it (and its position) so it can be put back by
    /// [`Marks::restore`].
    pub fn remove(&mut self, id: u64) -> Option<(usize, Mark)> {
        let index = self.items.iter().position(|m| m.id == id)?;
        Some((index, self.items.remove(index)))
    }

    /// Put a removed mark back where it was.
    pub fn restore(&mut self, index: usize, mark: Mark) {
        let index = index.min(self.items.len());
        self.items.insert(index, mark);
    }

    /// Replace the note of mark `id`; false when there is no such mark.
    pub fn set_note(&mut self, id: u64, note: &str) -> bool {
        match self.items.iter_mut().find(|m| m.id == id) {
            Some(mark) => {
                mark.note = note.trim_end().to_string();
                true
            }
            None => false,
        }
    }

    /// The mark with identifier `id`.
    pub fn get(&self, id: u64) -> Option<&Mark> {
        self.items.iter().find(|m| m.id == id)
    }
}

/// The canonical absolute path of `report`'s file, as marks record it.
pub fn report_path(report: &Report) -> Option<String> {
    let path = report.path.as_ref()?;
    let path = std::fs::canonicalize(path)
        .or_else(|_| std::path::absolute(path))
        .ok()?;
    Some(path.to_string_lossy().into_owned())
}

/// A stable hash of a report's text (FNV-1a, 64 bits, hex): identifies the version of a file a
/// mark was made on. Not cryptographic; only change detection depends on it.
pub fn text_hash(text: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in text.bytes() {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

fn floor_char_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::embedded;

    #[test]
    fn a_new_mark_records_passage_lines_and_section() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let start = report.text.find("2022年，全县生产总值").unwrap();
        let end = start + "2022年，全县生产总值完成283.1亿元，同比增长5.2%；".len();
        let mut marks = Marks::default();
        let id = marks.add(&report, start..end);
        let mark = marks.get(id).unwrap();
        assert_eq!(
            mark.text,
            "2022年，全县生产总值完成283.1亿元，同比增长5.2%；"
        );
        assert_eq!((mark.line_start, mark.line_end), (8, 8));
        assert_eq!(
            mark.section.first().map(String::as_str),
            Some("一、2022年工作回顾")
        );
        assert_eq!(mark.text_hash, text_hash(&report.text));
    }

    #[test]
    fn spans_inside_a_character_snap_to_its_start() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let start = report.text.find("生产总值").unwrap();
        let mark = Mark::new(1, &report, start + 1..start + 7);
        assert_eq!(mark.text, "生产");
    }

    #[test]
    fn remove_then_restore_puts_the_mark_back_in_place() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut marks = Marks::default();
        let a = marks.add(&report, 100..130);
        let b = marks.add(&report, 200..230);
        let c = marks.add(&report, 300..330);
        let (index, removed) = marks.remove(b).unwrap();
        assert_eq!(marks.items.iter().map(|m| m.id).collect::<Vec<_>>(), [a, c]);
        marks.restore(index, removed);
        assert_eq!(
            marks.items.iter().map(|m| m.id).collect::<Vec<_>>(),
            [a, b, c]
        );
        assert!(marks.remove(99).is_none());
    }

    #[test]
    fn ids_are_never_reused() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut marks = Marks::default();
        let first = marks.add(&report, 100..130);
        let second = marks.add(&report, 200..230);
        marks.remove(first);
        let third = marks.add(&report, 300..330);
        assert!(third != first && third != second);
        // Two instances starting from the same marks give their new marks different ids.
        let other = Marks::default().next_id();
        assert_ne!(other, third);
    }

    #[test]
    fn notes_are_set_on_the_right_mark() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut marks = Marks::default();
        let a = marks.add(&report, 100..130);
        let b = marks.add(&report, 200..230);
        assert!(marks.set_note(b, "check against 2021\n"));
        assert_eq!(marks.get(a).unwrap().note, "");
        assert_eq!(marks.get(b).unwrap().note, "check against 2021");
        assert!(!marks.set_note(42, "x"));
    }

    #[test]
    fn overlap_finds_the_mark_under_a_cursor() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut marks = Marks::default();
        let id = marks.add(&report, 100..130);
        assert_eq!(
            marks
                .find_overlapping("minquan-2023.txt", &(110..110))
                .map(|m| m.id),
            Some(id)
        );
        assert!(
            marks
                .find_overlapping("minquan-2023.txt", &(130..140))
                .is_none()
        );
        assert!(marks.find_overlapping("other.txt", &(110..120)).is_none());
    }

    #[test]
    fn text_hash_is_stable_and_sensitive() {
        assert_eq!(text_hash(""), "cbf29ce484222325");
        assert_ne!(text_hash("生产总值"), text_hash("生产总值 "));
    }
}
