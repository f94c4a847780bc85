//! The text pane's screen lines: a report's readable lines wrapped once for one width, each
//! screen line keeping its byte range in the report's text. Built once per (report, width) and
//! reused by every frame, so drawing never wraps; the byte ranges map screen rows back to text
//! offsets (figures, search hits, marks) and offsets to rows (jumping, scrolling).

use std::ops::Range;

use crate::corpus::{LineKind, Report, clean_source};
use crate::figures::Figure;
use crate::text::wrap::wrap;

/// What a screen line shows, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The report's title.
    Title,
    /// Date, session, speaker.
    Front,
    /// Part of the heading line of section `section` (level 1..3); the bytes outside the
    /// section's heading range are body text glued to it.
    Heading {
        /// Index in [`Report::sections`].
        section: usize,
        /// 1 = chapter, 2 = section, 3 = item.
        level: u8,
    },
    /// Reading text.
    Body,
    /// The glossary heading or an entry.
    Glossary,
    /// An empty row between paragraphs.
    Gap,
}

/// One row of the text pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScreenLine {
    /// 0-based line of the original file.
    pub line: usize,
    /// Byte range in [`Report::text`]; empty for a [`Role::Gap`].
    pub range: Range<usize>,
    /// What it is.
    pub role: Role,
}

impl ScreenLine {
    /// Columns left blank before the line's `text` in a pane `width` columns wide: a title is
    /// centred, everything else starts at the left edge. The renderer draws by it and a click
    /// is read back by it.
    pub fn indent(&self, text: &str, width: u16) -> u16 {
        if self.role == Role::Title {
            let text_width =
                u16::try_from(unicode_width::UnicodeWidthStr::width(text)).unwrap_or(u16::MAX);
            // As ratatui centres a line: half the width less half the line.
            (width / 2).saturating_sub(text_width / 2)
        } else {
            0
        }
    }
}

/// A report laid out for one width: the whole of it, or (for the first frame, see
/// [`TextLayout::build_through`]) its beginning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLayout {
    /// Columns the lines were wrapped to.
    pub width: u16,
    /// Rows in reading order.
    pub lines: Vec<ScreenLine>,
    /// Whether every line of the report is laid out.
    pub complete: bool,
    /// Rows of the whole report: `lines.len()` when complete, else estimated from the share
    /// of the text laid out (for a scroll bar and a percentage).
    pub rows_estimate: usize,
}

impl TextLayout {
    /// Wrap every readable line of `report` to `width` columns, keeping each figure (sorted by
    /// span) on one line, with a gap row between paragraphs (not before a line that goes on a
    /// paragraph the source broke, see [`clean_source::joined_lines`]).
    pub fn build(report: &Report, figures: &[Figure], width: u16) -> TextLayout {
        Self::build_through(report, figures, width, usize::MAX, 0)
    }

    /// As [`TextLayout::build`], but stop once the row showing byte `offset` and `rows` rows
    /// after it are laid out: what a first frame needs, at a cost that does not grow with the
    /// report (laying a long report out whole took most of the time before its first frame).
    pub fn build_through(
        report: &Report,
        figures: &[Figure],
        width: u16,
        offset: usize,
        rows: usize,
    ) -> TextLayout {
        let mut lines = Vec::new();
        let mut offset_row = None;
        let mut previous: Option<LineKind> = None;
        let mut joined = clean_source::joined_lines(report).into_iter().peekable();
        for (index, line) in report.lines.iter().enumerate() {
            if !line.kind.is_readable() || line.content.is_empty() {
                continue;
            }
            let goes_on = joined.next_if_eq(&index).is_some();
            // A heading wrapped over two lines, the front matter, and a paragraph the source
            // broke stay together.
            let continues = matches!(
                (previous, line.kind),
                (Some(LineKind::Heading(a)), LineKind::Heading(b)) if a == b
            ) || matches!(
                (previous, line.kind),
                (Some(LineKind::Front | LineKind::Title), LineKind::Front)
            ) || goes_on;
            if previous.is_some() && !continues {
                lines.push(ScreenLine {
                    line: index,
                    range: line.content.start..line.content.start,
                    role: Role::Gap,
                });
            }
            previous = Some(line.kind);
            let role = role_of(report, line.kind);
            let content = line.content.clone();
            let keep = figures_within(figures, &content);
            let text = &report.text[content.clone()];
            for piece in wrap(text, usize::from(width.max(1)), &keep) {
                lines.push(ScreenLine {
                    line: index,
                    range: content.start + piece.start..content.start + piece.end,
                    role,
                });
            }
            if offset_row.is_none() && content.end > offset {
                offset_row = Some(lines.len());
            }
            if offset_row.is_some_and(|row| lines.len() > row + rows) {
                let covered = content.end.max(1);
                let rows_estimate = (lines.len() * report.text.len()).div_ceil(covered);
                return TextLayout {
                    width,
                    rows_estimate: rows_estimate.max(lines.len()),
                    lines,
                    complete: false,
                };
            }
        }
        let rows_estimate = lines.len();
        TextLayout {
            width,
            lines,
            complete: true,
            rows_estimate,
        }
    }

    /// Number of rows.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// Whether there is nothing to show.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }

    /// The row showing byte `offset` (or the nearest row before it).
    pub fn row_of(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.range.start <= offset)
            .saturating_sub(1)
    }

    /// The byte offset where row `row` starts (the end of the text past the last row).
    pub fn offset_of(&self, row: usize) -> usize {
        self.lines
            .get(row)
            .or(self.lines.last())
            .map_or(0, |l| l.range.start)
    }
}

fn role_of(report: &Report, kind: LineKind) -> Role {
    match kind {
        LineKind::Title => Role::Title,
        LineKind::Front => Role::Front,
        LineKind::Heading(section) => Role::Heading {
            section,
            level: report.sections.get(section).map_or(1, |s| s.level),
        },
        LineKind::Glossary => Role::Glossary,
        LineKind::Body | LineKind::Blank | LineKind::Residue => Role::Body,
    }
}

/// The spans of `figures` inside `content`, relative to its start, sorted and non-overlapping.
fn figures_within(figures: &[Figure], content: &Range<usize>) -> Vec<Range<usize>> {
    let first = figures.partition_point(|f| f.span.end <= content.start);
    let mut keep: Vec<Range<usize>> = Vec::new();
    for figure in &figures[first..] {
        if figure.span.start >= content.end {
            break;
        }
        let start = figure.span.start.max(content.start) - content.start;
        let end = figure.span.end.min(content.end) - content.start;
        if start < end && keep.last().is_none_or(|last| last.end <= start) {
            keep.push(start..end);
        }
    }
    keep
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::corpus::LineKind;
    use crate::figures::{Kind, Measure, Status};
    use unicode_width::UnicodeWidthStr;

    /// A figure over the first occurrence of `surface` in `report`.
    pub(crate) fn figure(report: &Report, surface: &str) -> Figure {
        let start = report.text.find(surface).expect("surface in text");
        Figure {
            span: start..start + surface.len(),
            line: report.line_of(start) as u32,
            col: 1,
            text: surface.into(),
            kind: Kind::Money,
            value: None,
            unit: "元",
            measure: Measure::Level,
            indicator: None,
            status: Status::Actual,
            qualifier: None,
            period: None,
            basis: None,
            base_year: None,
            comparable_prices: false,
            section: report.section_at(start),
        }
    }

    #[test]
    fn every_row_fits_and_rows_map_back_to_offsets() {
        let corpus = crate::corpus::load_embedded();
        for report in &corpus.reports {
            for width in [1u16, 7, 20, 41, 100] {
                let layout = TextLayout::build(report, &[], width);
                assert!(!layout.is_empty());
                for (row, line) in layout.lines.iter().enumerate() {
                    let text = &report.text[line.range.clone()];
                    assert!(text.width() <= usize::from(width).max(2), "{text:?}");
                    if line.role != Role::Gap {
                        assert_eq!(layout.row_of(line.range.start), row);
                    }
                }
            }
        }
    }

    #[test]
    fn a_first_screen_is_the_beginning_of_the_whole_layout() {
        let corpus = crate::corpus::load_embedded();
        for report in &corpus.reports {
            let whole = TextLayout::build(report, &[], 40);
            assert!(whole.complete);
            assert_eq!(whole.rows_estimate, whole.len());
            for offset in [0, report.text.len() / 2] {
                let first = TextLayout::build_through(report, &[], 40, offset, 20);
                assert!(!first.complete, "{}", report.file);
                assert_eq!(first.lines[..], whole.lines[..first.len()]);
                assert!(first.row_of(offset) + 20 < first.len());
                assert!(first.len() < whole.len() / 2 || offset > 0);
                let ratio = first.rows_estimate as f64 / whole.len() as f64;
                assert!((0.5..2.0).contains(&ratio), "{} {ratio}", report.file);
            }
            // Past the end: the whole.
            let through = TextLayout::build_through(report, &[], 40, report.text.len(), 20);
            assert!(through.len() <= whole.len());
        }
    }

    #[test]
    fn hidden_lines_are_left_out_and_paragraphs_get_a_gap() {
        let report = fixture::report(
            "r.txt",
            &[
                ("一、总结", LineKind::Heading(1)),
                ("来源：某网", LineKind::Residue),
                ("", LineKind::Blank),
                ("增长5%。", LineKind::Body),
            ],
        );
        let layout = TextLayout::build(&report, &[], 40);
        let rows: Vec<(&str, Role)> = layout
            .lines
            .iter()
            .map(|l| (&report.text[l.range.clone()], l.role))
            .collect();
        assert_eq!(
            rows,
            [
                (
                    "一、总结",
                    Role::Heading {
                        section: 0,
                        level: 1
                    }
                ),
                ("", Role::Gap),
                ("增长5%。", Role::Body),
            ]
        );
    }

    #[test]
    fn figures_inside_a_line_are_passed_relative_to_it() {
        let report = fixture::report(
            "r.txt",
            &[
                ("前言", LineKind::Body),
                ("生产总值283.1亿元，增长5.2%。", LineKind::Body),
            ],
        );
        let figures = [figure(&report, "283.1亿元"), figure(&report, "5.2%")];
        let content = report.lines[1].content.clone();
        assert_eq!(figures_within(&figures, &content), [12..23, 32..36]);
    }
}
