//! What a report's source broke, read without changing its text: every position in
//! [`Report::text`] stays the file's (line and column), so the reader is told what to hide and
//! what to join, and draws it so.
//!
//! - **Markdown bold** left in by a converter (`**持续防治环境污染。**`): [`bold_markers`] are
//!   the `**` of each pair on one line around text that neither starts nor ends with a space,
//!   not shown. A lone `*`, three in a row, or `**` without its pair are text. A pair around a
//!   whole line is cut off its content when it is cleaned ([`inside_bold`](super::bold::inside_bold)), so that a heading
//!   in bold is read as one.
//! - **A paragraph broken mid-sentence**, as text copied out of a PDF is at page ends
//!   (`…更实举` / blank line / `措推进文旅振兴。…`): [`joined_lines`] are the lines that go on
//!   the paragraph before them, shown with no gap. Only a break that cannot be a paragraph's end
//!   is joined: see [`opens_broken`] and [`continues`].

use std::ops::Range;

use super::bold::bold_markers;
use super::clean::{Cleaned, clean_line};
use super::numbering::numbering;
use super::parts::{is_appendix_heading, is_heading_shaped};
use super::{LineKind, Report};

/// Fewest characters a line must have to be taken for part of a paragraph: a heading, a name or
/// a date is shorter.
const PARAGRAPH: usize = 20;

/// The bold markers ([`bold_markers`]) of line `index` of `report`, as byte ranges of its text.
pub fn hidden_in_line(report: &Report, index: usize) -> Vec<Range<usize>> {
    let Some(line) = report.lines.get(index) else {
        return Vec::new();
    };
    let content = &report.text[line.content.clone()];
    if memchr::memmem::find(content.as_bytes(), b"**").is_none() {
        return Vec::new();
    }
    let start = line.content.start;
    bold_markers(content)
        .into_iter()
        .map(|m| start + m.start..start + m.end)
        .collect()
}

/// The lines of `report` (0-based, ascending) that go on the paragraph of the readable line
/// before them: a body line that [`continues`] a line that [`opens_broken`] (or that itself
/// goes on one and still ends open), or a glossary line an entry's definition so goes on in, past at most `BETWEEN` blank or residue lines (a page
/// break's page number, say).
pub fn joined_lines(report: &Report) -> Vec<usize> {
    let mut joined = Vec::new();
    // The last readable line, when its paragraph is open.
    let mut open: Option<usize> = None;
    for (index, line) in report.lines.iter().enumerate() {
        let text = report.line_text(index);
        match line.kind {
            LineKind::Blank | LineKind::Residue => {
                open = open.filter(|&at| index - at <= BETWEEN);
            }
            LineKind::Body | LineKind::Glossary
                if open.is_some_and(|at| {
                    (report.lines[at].kind == LineKind::Glossary)
                        == (line.kind == LineKind::Glossary)
                        && continues(text, last_char(report.line_text(at)))
                }) =>
            {
                joined.push(index);
                open = (ends_open(text.trim()) && !text.contains('\t')).then_some(index);
            }
            LineKind::Body | LineKind::Heading(_) => open = opens_broken(text).then_some(index),
            // A glossary entry is numbered, and no heading.
            LineKind::Glossary => {
                let entry = numbering(text.trim()).map_or(text, |n| &text.trim()[n.len..]);
                open = opens_broken(entry).then_some(index);
            }
            LineKind::Title | LineKind::Front => open = None,
        }
    }
    joined
}

/// How many blank or residue lines may stand between a paragraph and its rest.
const BETWEEN: usize = 3;

fn last_char(line: &str) -> char {
    line.trim().chars().next_back().unwrap_or(' ')
}

/// Whether a line's last character leaves its sentence open: a Chinese character, a letter or
/// digit, a comma or an enumeration comma, an opening quote or bracket.
fn ends_open(trimmed: &str) -> bool {
    trimmed
        .chars()
        .next_back()
        .is_some_and(|c| is_ideograph(c) || c.is_ascii_alphanumeric() || "，、,“‘《（(".contains(c))
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether `line` is a paragraph cut off before its end: it ends `ends_open`, it is prose
/// (at least `PARAGRAPH` characters, with a comma or a full stop in it), it is reading text
/// (not residue, no tab of a table row), and, when it opens with a heading's number, the heading
/// ended in it (`（四）抓全域…新城。我们将…更实举`): a numbered heading alone on its line
/// (`（一）经济增长进一步加快，综合实力显著提高`) ends where it stops.
pub fn opens_broken(line: &str) -> bool {
    let trimmed = line.trim();
    if !ends_open(trimmed) || trimmed.contains('\t') {
        return false;
    }
    if trimmed.chars().nth(PARAGRAPH - 1).is_none()
        || !trimmed.contains(['。', '，', ',', '；'])
        || numbering(trimmed).is_some() && !trimmed.contains('。')
    {
        return false;
    }
    is_whole_content(line)
}

/// Whether `line`, following a paragraph cut off after the character `before`, is the rest of
/// it: not indented as a new paragraph is, reading text, not a table row, not numbered, not a
/// heading (short with no punctuation: `2025年工作安排`, `揭榜`), not an appendix's title, not
/// an intro or a label (`各位代表：`), not opening with a bracket or a bullet, and not a number or
/// word glued to one before (`PM` / `2.5` may have had a space between).
pub fn continues(line: &str, before: char) -> bool {
    let trimmed = line.trim();
    let Some(first) = trimmed.chars().next() else {
        return false;
    };
    // An intro (`各位代表：`, `重点做好以下工作：`) or a label opens what follows it.
    let intro = trimmed.ends_with(['：', ':']);
    !line.starts_with(char::is_whitespace)
        && !trimmed.contains('\t')
        && numbering(trimmed).is_none()
        && !is_heading_shaped(trimmed)
        && !is_appendix_heading(trimmed)
        && !intro
        && !"（(【[〔—-●•·■□◆◇★☆※▲△".contains(first)
        && !(before.is_ascii_alphanumeric() && first.is_ascii_alphanumeric())
        && is_whole_content(line)
}

/// Whether all of `line` is reading content: not residue, nothing cut off it.
fn is_whole_content(line: &str) -> bool {
    match clean_line(line) {
        Cleaned::Content(range) => {
            range.start == line.len() - line.trim_start().len()
                && range.end == line.trim_end().len()
        }
        Cleaned::Blank | Cleaned::Residue => false,
    }
}

#[cfg(test)]
mod tests;
