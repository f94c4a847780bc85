//! Chapters and sections with no number of their own: lines that name their part of a report
//! (`2024年工作回顾`), and lines the source marks as headings ([`HeadingHint`]: heading styles
//! and levels, text all in bold).

use super::super::numbering::Numbered;
use super::super::parts::{is_heading_shaped, is_part_heading};
use super::super::{Line, LineKind};
use super::{Candidate, HeadingHint};

/// The unnumbered lines the source marks as headings, by the level they take.
#[derive(Default)]
pub(super) struct Hinted {
    /// Chapters: at the top outline level the source uses, or bold where it uses none.
    chapters: Vec<usize>,
    /// Deeper levels: a line and its level in the tree (2, 3).
    pub(super) below: Vec<(usize, u8)>,
    /// Whether the chapters are marked by bold alone, not by a heading level.
    bold: bool,
}

impl Hinted {
    /// Sort `hints` by level. The top level is the least any hint has, numbered lines' too (a
    /// Word file whose numbered chapters are `heading 1` has its unnumbered `heading 2`
    /// paragraphs as sections); bold paragraphs count only in a file with no heading levels.
    /// A hint is taken only on a body line shaped like a heading: short, one line, no
    /// sentence punctuation, no numbering of its own.
    pub(super) fn sort(text: &str, lines: &[Line], hints: &[HeadingHint]) -> Hinted {
        let on_body = |hint: &&HeadingHint| {
            lines
                .get(hint.line)
                .is_some_and(|line| line.kind == LineKind::Body)
        };
        let levels = hints.iter().filter(on_body).filter_map(|hint| hint.level);
        let top = levels.min();
        let mut hinted = Hinted::default();
        for hint in hints.iter().filter(on_body) {
            if !is_heading_shaped(&text[lines[hint.line].content.clone()]) {
                continue;
            }
            match (hint.level, top) {
                (Some(level), Some(top)) if level == top => hinted.chapters.push(hint.line),
                (Some(level), Some(top)) if level - top <= 2 => {
                    hinted.below.push((hint.line, level - top + 1));
                }
                (None, None) => {
                    hinted.chapters.push(hint.line);
                    hinted.bold = true;
                }
                _ => {}
            }
        }
        hinted.chapters.sort_unstable();
        hinted
    }
}

/// Unnumbered lines the source marks as headings below its chapters, as sections and items
/// (not a line already a heading, as one that names its part is).
pub(super) fn add_hinted_sections(below: &[(usize, u8)], out: &mut Vec<Candidate>) {
    for &(line, level) in below {
        if out.iter().any(|c| c.line == line) {
            continue;
        }
        out.push(Candidate {
            line,
            numbered: Numbered {
                level,
                number: 0,
                len: 0,
            },
            split: None,
        });
    }
}

/// In a report whose chapters are lines of their own that name their part (`2024年工作回顾`,
/// `“十五五”时期主要目标任务`) or that the source marks as chapters (`hinted`; not one it marks
/// as a section), and come before any `一、`, those lines are the chapters, and what is
/// numbered moves one level down (`一、` under them is a section).
///
/// Bold alone makes such a chapter in a numbered report only where the numbering starts again
/// under a later one (a second `一、`): in a report numbered `一、` `二、` throughout, a bold line
/// before `一、` (a slogan, `各位代表`) is front matter, and one after it a lead sentence.
pub(super) fn add_unnumbered_chapters(
    text: &str,
    lines: &[Line],
    hinted: &Hinted,
    out: &mut Vec<Candidate>,
) {
    let mut parts: Vec<usize> = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let part = line.kind == LineKind::Body
            && (hinted.chapters.binary_search(&index).is_ok()
                || is_part_heading(&text[line.content.clone()])
                    && !hinted.below.iter().any(|&(below, _)| below == index));
        if !part {
            continue;
        }
        // The second line of a heading wrapped after a joining word is no heading of its own.
        let wraps = parts.last().is_some_and(|&last| {
            lines[last + 1..index]
                .iter()
                .all(|l| l.kind == LineKind::Blank)
                && text[lines[last].content.clone()]
                    .ends_with(['和', '及', '与', '暨', '的', '、', '，'])
        });
        if !wraps {
            parts.push(index);
        }
    }
    let mut numbered: Vec<(usize, u32)> = out
        .iter()
        .filter(|c| c.numbered.level == 1)
        .map(|c| (c.line, c.numbered.number))
        .collect();
    numbered.sort_unstable();
    let restarts = numbered.windows(2).any(|pair| pair[1].1 <= pair[0].1);
    if hinted.bold && !numbered.is_empty() && !restarts {
        parts.retain(|&index| is_part_heading(&text[lines[index].content.clone()]));
    }
    let first_numbered = numbered.first().map(|&(line, _)| line);
    let unnumbered = parts.len() >= 2 && first_numbered.is_none_or(|first| parts[0] < first);
    if !unnumbered {
        return;
    }
    for candidate in out.iter_mut() {
        candidate.numbered.level = (candidate.numbered.level + 1).min(3);
    }
    for (number, line) in parts.into_iter().enumerate() {
        out.push(Candidate {
            line,
            numbered: Numbered {
                level: 1,
                number: number as u32 + 1,
                len: 0,
            },
            split: None,
        });
    }
}
