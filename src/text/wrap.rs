//! Line wrapping for Chinese text, done once per (paragraph, width) and cached by the caller.
//!
//! ratatui's `Paragraph::wrap` breaks only at spaces; Chinese needs breaks between ideographs,
//! no line starting with closing punctuation, and no figure (`283.1亿元`) split across lines.
//!
//! Break opportunities come from UAX #14 (`unicode-linebreak`), tailored as Unicode 15.1 does
//! for quotes between East Asian characters, and filtered by kinsoku (no line starts with `，。”`
//! or ends with `（“`), by number integrity (`283.1`, `1,234`, `2021-2025` stay whole) and by the
//! caller's `keep_together` spans. Lines are filled greedily; when the next grapheme does not fit,
//! the line ends at the latest break that keeps it within the width, preferring the least bad:
//!
//! 0. a break that honours every rule;
//! 1. one that splits a Latin word (a word wider than the width);
//! 2. one that splits a `keep_together` span (a span wider than the width);
//! 3. one that splits a digit run (a number wider than the width);
//! 4. one that breaks kinsoku, only when nothing else fits.
//!
//! Widths are those ratatui renders: per extended grapheme cluster, `CellWidth` (unicode-width,
//! plus ratatui's own adjustments); graphemes containing a control character (tab, newline,
//! `\u{1}`…) are dropped by ratatui when drawing, so they count as zero columns here and are
//! treated as white space. A grapheme wider than the width (a CJK character at width 0 or 1)
//! goes alone on its line, which is then wider than the width: the renderer clips it.

mod graphemes;
#[cfg(test)]
mod properties;
mod rules;
#[cfg(test)]
mod tests;

use std::ops::Range;

use unicode_linebreak::{BreakOpportunity, linebreaks};

use graphemes::{Cluster as Grapheme, for_each_grapheme};
use rules::{is_closing, is_closing_quote, is_opening, is_opening_quote, splits_number};

/// Wrap `text` into screen lines no wider than `width` columns (measured with unicode-width, as
/// ratatui measures: see [`display_width`]), returning each line's byte range in `text`, in
/// order, covering every non-whitespace character. `keep_together` holds sorted, non-overlapping
/// byte ranges of `text` (e.g. figures) that must not be split across lines unless one alone is
/// wider than `width`.
///
/// White space around a break is left out of both lines; the paragraph's own leading
/// indentation (`　　`) stays on the first line when it fits. Mandatory breaks (`\n`) end a
/// line; no line is ever empty, and empty or blank text gives no lines. A grapheme wider than
/// `width` (any at width 0) stands alone on its line, the one case a line is wider than `width`.
/// Unsorted or out-of-range `keep_together` ranges never panic, but only a sorted list is
/// honoured.
pub fn wrap(text: &str, width: usize, keep_together: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut wrapper = Wrapper::new(text, width, keep_together);
    let mut breaks = linebreaks(text).peekable();
    for_each_grapheme(text, |cluster| {
        if cluster.blank {
            wrapper.column += cluster.columns;
            return;
        }
        // The UAX #14 opportunities falling in the gap since the previous grapheme.
        let gap_start = wrapper.last.as_ref().map_or(0, |last| last.end);
        let mut gap = Gap::default();
        while let Some(&(at, opportunity)) = breaks.peek() {
            if at > cluster.start {
                break;
            }
            breaks.next();
            if at >= gap_start {
                gap.allowed = true;
                gap.mandatory |= opportunity == BreakOpportunity::Mandatory;
            }
        }
        wrapper.push(cluster, gap);
    });
    wrapper.finish()
}

/// The width `text` occupies when ratatui renders it on one line: the sum of its graphemes'
/// cell widths, control characters counting zero. `wrap` measures lines exactly this way.
pub fn display_width(text: &str) -> usize {
    let mut columns = 0;
    for_each_grapheme(text, |cluster| columns += cluster.columns);
    columns
}

/// What UAX #14 says about the gap before a grapheme.
#[derive(Clone, Copy, Debug, Default)]
struct Gap {
    allowed: bool,
    mandatory: bool,
}

/// A place the current line could end: after byte `end`, the next line resuming at `resume`.
#[derive(Clone, Copy, Debug)]
struct Candidate {
    end: usize,
    resume: usize,
    /// The absolute column at `resume`, so the next line's width is known without rescanning.
    resume_column: usize,
}

/// Ranks of break, from 0 (honours every rule) to 4 (breaks kinsoku); see the module docs.
const RANKS: usize = 5;

/// The line being filled and the lines already finished.
struct Wrapper<'a> {
    text: &'a str,
    width: usize,
    keep_together: &'a [Range<usize>],
    /// Index of the first `keep_together` span that may still contain a later gap.
    next_span: usize,
    lines: Vec<Range<usize>>,
    /// Columns consumed since the start of the paragraph, white space included.
    column: usize,
    /// The current line's first byte and the absolute column there, if a line is open.
    line: Option<(usize, usize)>,
    /// The last visible grapheme, the end of the current line so far.
    last: Option<Grapheme>,
    /// The latest candidate of each rank on the current line: the only ones ever chosen, since
    /// a break takes the latest of the lowest rank, and whatever lies after it stays latest.
    candidates: [Option<Candidate>; RANKS],
}

impl<'a> Wrapper<'a> {
    fn new(text: &'a str, width: usize, keep_together: &'a [Range<usize>]) -> Self {
        Self {
            text,
            width,
            keep_together,
            next_span: 0,
            lines: Vec::new(),
            column: 0,
            line: None,
            last: None,
            candidates: [None; RANKS],
        }
    }

    /// Place the next visible grapheme, ending lines before it as needed.
    fn push(&mut self, grapheme: Grapheme, gap: Gap) {
        match (self.line, self.last) {
            (Some(_), Some(last)) if gap.mandatory => {
                self.end_line(last.end);
                self.open_line(grapheme, grapheme.start, self.column);
            }
            (Some(_), Some(last)) => {
                let rank = self.rank(last, grapheme, gap.allowed);
                self.candidates[rank] = Some(Candidate {
                    end: last.end,
                    resume: grapheme.start,
                    resume_column: self.column,
                });
                self.fit(grapheme);
            }
            // The first grapheme keeps the paragraph's indentation (spaces, not control
            // characters) if both fit.
            _ if self.column + grapheme.columns <= self.width
                && !self.text[..grapheme.start].contains(char::is_control) =>
            {
                self.open_line(grapheme, 0, 0)
            }
            _ => self.open_line(grapheme, grapheme.start, self.column),
        }
        self.column += grapheme.columns;
        self.last = Some(grapheme);
    }

    fn open_line(&mut self, grapheme: Grapheme, start: usize, start_column: usize) {
        debug_assert!(start <= grapheme.start);
        self.line = Some((start, start_column));
        self.candidates = [None; RANKS];
    }

    fn end_line(&mut self, end: usize) {
        if let Some((start, _)) = self.line.take() {
            self.lines.push(start..end);
        }
    }

    /// End lines at the best candidates until `grapheme` fits on the current one (or stands
    /// alone, if it is wider than the width by itself).
    fn fit(&mut self, grapheme: Grapheme) {
        while let Some((start, start_column)) = self.line {
            if self.column + grapheme.columns - start_column <= self.width {
                return;
            }
            // The latest candidate of the lowest rank.
            let Some(chosen) = self.candidates.iter().flatten().next().copied() else {
                return;
            };
            self.lines.push(start..chosen.end);
            self.line = Some((chosen.resume, chosen.resume_column));
            for slot in &mut self.candidates {
                if slot.is_some_and(|c| c.resume <= chosen.resume) {
                    *slot = None;
                }
            }
        }
    }

    /// How bad a break between `before` and `after` would be (0 = fine, 4 = breaks kinsoku).
    fn rank(&mut self, before: Grapheme, after: Grapheme, allowed: bool) -> usize {
        let kinsoku = !is_closing(after.first) && !is_opening(before.first);
        let number = before.end == after.start
            && splits_number(
                self.text[..before.start].chars().next_back(),
                before.first,
                after.first,
                self.text[after.end..].chars().next(),
            );
        let span = self.splits_span(before.end, after.start);
        // Unicode 15.1 (LB19a): quotes break like their East Asian neighbours.
        let quote = (is_opening_quote(after.first) && before.columns == 2)
            || (is_closing_quote(before.first) && after.columns == 2);
        if !kinsoku {
            4
        } else if number {
            3
        } else if span {
            2
        } else if !(allowed || quote) {
            1
        } else {
            0
        }
    }

    /// Whether ending a line at `end` and resuming at `resume` would split a kept span.
    fn splits_span(&mut self, end: usize, resume: usize) -> bool {
        while let Some(span) = self.keep_together.get(self.next_span) {
            if span.end > end {
                return span.start < end && resume < span.end;
            }
            self.next_span += 1;
        }
        false
    }

    fn finish(mut self) -> Vec<Range<usize>> {
        if let Some(last) = self.last {
            self.end_line(last.end);
        }
        self.lines
    }
}
