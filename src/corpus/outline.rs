//! The section tree: chapters (`一、`), sections (`（一）`, `(一)`) and items (`1.` `1、` where
//! they form a list), found in the cleaned lines.
//!
//! A heading glued to its paragraph (`(一)抓项目…。我们将…`) ends at its first `。`, and the rest
//! of the line stays body text. A chapter heading wrapped over two lines is joined. A report that
//! starts mid-way keeps its real numbering, with a warning.
//!
//! Unnumbered chapters are found by what they name (`2024年工作回顾`), or because the source
//! marks them as headings ([`HeadingHint`]: a Word file's heading styles and bold paragraphs).

mod hinted;

use super::numbering::{Numbered, numbering};
use super::{Line, LineKind, Section};
use hinted::{Hinted, add_hinted_sections, add_unnumbered_chapters};

/// What outlining found, besides the line kinds it set.
#[derive(Debug, Default)]
pub struct Outline {
    /// The sections, in reading order (pre-order).
    pub sections: Vec<Section>,
    /// Notes about the numbering (a mid-way start, a gap).
    pub warnings: Vec<String>,
}

/// A line the source marks as a heading, numbered or not: a Word paragraph in a heading style
/// or with an outline level (`level`, 0 = top), or one whose text is all bold (`level` `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeadingHint {
    /// 0-based line of the text.
    pub line: usize,
    /// The outline level the source gives it (0 = top), `None` when it is only set in bold.
    pub level: Option<u8>,
}

/// A heading candidate: its line, numbering and the byte range of its title in the text.
struct Candidate {
    line: usize,
    numbered: Numbered,
    /// The line that finishes a section heading whose bracket was left on a line of its own
    /// (`（` / `三）改革开放持续深化。`).
    split: Option<usize>,
}

/// Build the tree from `lines[..end]` (`end` is where the glossary starts, or the line count),
/// marking heading lines as [`LineKind::Heading`]. `text_end` closes the last spans. `hints`
/// are the lines the source marks as headings, in order (none for plain text).
pub fn build(
    text: &str,
    lines: &mut [Line],
    end: usize,
    text_end: usize,
    hints: &[HeadingHint],
) -> Outline {
    let candidates = candidates(text, &lines[..end], hints);
    let mut outline = Outline::default();
    let mut last_at_level: [Option<usize>; 4] = [None; 4];
    for candidate in candidates {
        let index = outline.sections.len();
        let level = candidate.numbered.level;
        let parent = (1..level)
            .rev()
            .find_map(|l| last_at_level[l as usize])
            .filter(|&p| outline.sections[p].level < level);
        let (heading, last_line) =
            heading_range(text, lines, candidate.line, end, &candidate, hints);
        let title = title_of(text, lines, candidate.line, last_line, &heading);
        for line in &mut lines[candidate.line..=last_line] {
            if line.kind.is_readable() {
                line.kind = LineKind::Heading(index);
            }
        }
        let start = lines[candidate.line].range.start;
        // Close the spans of the sections this one ends: the same level or deeper.
        for l in level..=3 {
            if let Some(open) = last_at_level[l as usize].take() {
                close_span(&mut outline.sections, open, start);
            }
        }
        outline.sections.push(Section {
            title,
            level,
            line: candidate.line,
            heading,
            span: start..text_end,
            parent,
        });
        last_at_level[level as usize] = Some(index);
    }
    outline.warnings = numbering_warnings(&outline.sections);
    outline
}

/// A section's span, and those of its open descendants, end at `at`.
fn close_span(sections: &mut [Section], open: usize, at: usize) {
    for section in &mut sections[open..] {
        if section.span.end > at {
            section.span.end = at;
        }
    }
}

/// Every line that opens a section: chapters and sections wherever they stand; items only where
/// at least two follow each other as 1, 2, 3… under the same section.
fn candidates(text: &str, lines: &[Line], hints: &[HeadingHint]) -> Vec<Candidate> {
    let mut out = Vec::new();
    let mut items: Vec<Candidate> = Vec::new();
    let mut finished_above = None;
    for (index, line) in lines.iter().enumerate() {
        if line.kind != LineKind::Body || finished_above == Some(index) {
            continue;
        }
        if let Some((next, numbered)) = split_bracket(text, lines, index) {
            flush_items(&mut items, &mut out);
            out.push(Candidate {
                line: index,
                numbered,
                split: Some(next),
            });
            finished_above = Some(next);
            continue;
        }
        let Some(numbered) = numbering(&text[line.content.clone()]) else {
            continue;
        };
        if numbered.level == 3 {
            let continues = items
                .last()
                .is_some_and(|last| last.numbered.number + 1 == numbered.number);
            if !continues {
                flush_items(&mut items, &mut out);
                if numbered.number != 1 {
                    continue;
                }
            }
            items.push(Candidate {
                line: index,
                numbered,
                split: None,
            });
        } else {
            flush_items(&mut items, &mut out);
            out.push(Candidate {
                line: index,
                numbered,
                split: None,
            });
        }
    }
    flush_items(&mut items, &mut out);
    let hinted = Hinted::sort(text, lines, hints);
    add_unnumbered_chapters(text, lines, &hinted, &mut out);
    add_hinted_sections(&hinted.below, &mut out);
    out.sort_by_key(|c| c.line);
    out
}

/// A section heading whose opening bracket stands alone on line `index` (`（`) and whose
/// numeral and title follow on the next readable line (`三）改革开放…`): that line, and the
/// numbering the two make.
fn split_bracket(text: &str, lines: &[Line], index: usize) -> Option<(usize, Numbered)> {
    let bracket = &text[lines[index].content.clone()];
    if bracket != "（" && bracket != "(" {
        return None;
    }
    let next =
        (index + 1..lines.len().min(index + 3)).find(|&i| lines[i].kind != LineKind::Blank)?;
    if lines[next].kind != LineKind::Body {
        return None;
    }
    let joined = format!("{bracket}{}", &text[lines[next].content.clone()]);
    numbering(&joined)
        .filter(|n| n.level == 2)
        .map(|n| (next, n))
}

fn flush_items(items: &mut Vec<Candidate>, out: &mut Vec<Candidate>) {
    if items.len() >= 2 {
        out.append(items);
    }
    items.clear();
}

/// The heading's byte range and its last line: up to the first `。` when the paragraph goes on
/// after it, the whole line otherwise, and for a chapter wrapped over two lines, both.
fn heading_range(
    text: &str,
    lines: &[Line],
    first: usize,
    end: usize,
    candidate: &Candidate,
    hints: &[HeadingHint],
) -> (std::ops::Range<usize>, usize) {
    if let Some(next) = candidate.split {
        let rest = lines[next].content.clone();
        let stop = text[rest.clone()]
            .find('。')
            .map_or(rest.end, |at| rest.start + at);
        return (lines[first].content.start..stop, next);
    }
    let content = lines[first].content.clone();
    let line_text = &text[content.clone()];
    let body_start = candidate.numbered.len;
    if let Some(stop) = line_text[body_start..].find('。') {
        let stop = body_start + stop;
        return (content.start..content.start + stop, first);
    }
    if candidate.numbered.level == 1
        && let Some(next) = wrapped_continuation(text, lines, first, end, hints)
    {
        return (content.start..lines[next].content.end, next);
    }
    (content, first)
}

/// The line that finishes a chapter heading wrapped over two lines, if there is one: the next
/// readable line (past at most two blank ones) when the heading ends on a joining word or the
/// next line is a short phrase with no sentence punctuation and no numbering. A line the source
/// marks as a heading of its own (a bold lead line under the chapter) finishes it only after a
/// joining word.
fn wrapped_continuation(
    text: &str,
    lines: &[Line],
    first: usize,
    end: usize,
    hints: &[HeadingHint],
) -> Option<usize> {
    let heading = &text[lines[first].content.clone()];
    let next = (first + 1..end.min(first + 4)).find(|&i| lines[i].kind != LineKind::Blank)?;
    if lines[next].kind != LineKind::Body {
        return None;
    }
    let candidate = &text[lines[next].content.clone()];
    if numbering(candidate).is_some()
        || candidate.contains(['。', '；', '！', '？', '：', '，', ',', ':', ';', '!', '?'])
    {
        return None;
    }
    let length = candidate.chars().count();
    let joining = heading.ends_with(['及', '和', '与', '暨', '的', '并', '、', '，']);
    let marked = hints.binary_search_by_key(&next, |hint| hint.line).is_ok();
    (joining && length <= 30 || !marked && length <= 16).then_some(next)
}

/// The title as a reader would cite it: the heading text, lines joined.
fn title_of(
    text: &str,
    lines: &[Line],
    first: usize,
    last: usize,
    heading: &std::ops::Range<usize>,
) -> String {
    if first == last {
        return text[heading.clone()].to_string();
    }
    lines[first..=last]
        .iter()
        .filter(|line| line.kind != LineKind::Blank)
        .map(|line| &text[line.content.start.max(heading.start)..line.content.end.min(heading.end)])
        .collect()
}

/// Warnings about the chapter numbering: a report that starts mid-way, or a jump.
fn numbering_warnings(sections: &[Section]) -> Vec<String> {
    let chapters: Vec<(u32, &Section, &str)> = sections
        .iter()
        .filter(|s| s.level == 1)
        .filter_map(|s| numbering(&s.title).map(|n| (n.number, s, s.title[..n.len].trim_end())))
        .collect();
    let mut warnings = Vec::new();
    if let Some((first, section, numeral)) = chapters.first()
        && *first != 1
    {
        warnings.push(format!(
            "starts mid-way at chapter {numeral} (line {}): the {} chapter(s) before it are missing",
            section.line + 1,
            first - 1
        ));
    }
    for pair in chapters.windows(2) {
        let ((a, _, _), (b, section, _)) = (pair[0], pair[1]);
        if b != a + 1 {
            warnings.push(format!(
                "chapter numbering jumps from {a} to {b} at line {}",
                section.line + 1
            ));
        }
    }
    warnings
}
