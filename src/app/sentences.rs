//! Sentences: the unit the text pane's cursor moves by and that marks are made of. A sentence
//! ends after 。！？； (with any closing quotes or brackets that follow) or at the end of a line,
//! so a heading is a sentence of its own and no sentence crosses a paragraph.

use std::ops::Range;

use crate::corpus::{LineKind, Report};

/// Characters that end a sentence.
const ENDS: [char; 7] = ['。', '！', '？', '；', '!', '?', ';'];
/// Characters that stay with the sentence they close.
const CLOSERS: [char; 8] = ['”', '’', '」', '』', '）', ')', '"', '\''];

/// The byte ranges of every sentence of `report`, in order, none empty, none overlapping, each
/// within one readable line (residue and blank lines have none).
pub fn split(report: &Report) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for line in &report.lines {
        if matches!(line.kind, LineKind::Blank | LineKind::Residue) || line.content.is_empty() {
            continue;
        }
        let text = &report.text[line.content.clone()];
        let mut start = 0;
        let mut chars = text.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            if !ENDS.contains(&c) {
                continue;
            }
            let mut end = at + c.len_utf8();
            while let Some(&(next, closer)) = chars.peek() {
                if !CLOSERS.contains(&closer) && !ENDS.contains(&closer) {
                    break;
                }
                end = next + closer.len_utf8();
                chars.next();
            }
            push_trimmed(&mut out, text, line.content.start, start..end);
            start = end;
        }
        push_trimmed(&mut out, text, line.content.start, start..text.len());
    }
    out
}

/// Push `range` of `text` (at `base` in the report) without its surrounding whitespace, unless
/// nothing is left.
fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, base: usize, range: Range<usize>) {
    let piece = &text[range.clone()];
    let lead = piece.len() - piece.trim_start().len();
    let trail = piece.len() - piece.trim_end().len();
    if lead + trail < piece.len() {
        out.push(base + range.start + lead..base + range.end - trail);
    }
}

/// The index of the sentence holding `offset`, else the first one after it, else the last one.
pub fn index_at(sentences: &[Range<usize>], offset: usize) -> Option<usize> {
    if sentences.is_empty() {
        return None;
    }
    let index = sentences.partition_point(|s| s.end <= offset);
    Some(index.min(sentences.len() - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture;
    use crate::corpus::load_embedded;

    fn texts(report: &Report) -> Vec<&str> {
        split(report).into_iter().map(|r| &report.text[r]).collect()
    }

    #[test]
    fn sentences_end_at_stops_semicolons_and_line_ends() {
        let report = fixture::report(
            "a.txt",
            &[
                ("一、总体要求", LineKind::Heading(1)),
                (
                    "  生产总值增长8%；财政收入增长5%。他说：“要干！”接着  ",
                    LineKind::Body,
                ),
                ("", LineKind::Blank),
                ("最后一句", LineKind::Body),
            ],
        );
        assert_eq!(
            texts(&report),
            [
                "一、总体要求",
                "生产总值增长8%；",
                "财政收入增长5%。",
                "他说：“要干！”",
                "接着",
                "最后一句"
            ]
        );
    }

    #[test]
    fn every_readable_character_of_the_real_reports_is_in_exactly_one_sentence() {
        for report in load_embedded().reports {
            let sentences = split(&report);
            assert!(sentences.len() > 50, "{}", report.file);
            for pair in sentences.windows(2) {
                assert!(pair[0].end <= pair[1].start, "{}: {pair:?}", report.file);
            }
            for line in report.lines.iter().filter(|l| l.kind.is_readable()) {
                let text = &report.text[line.content.clone()];
                for (at, c) in text.char_indices() {
                    let offset = line.content.start + at;
                    if c.is_whitespace() {
                        continue;
                    }
                    let i = index_at(&sentences, offset).unwrap();
                    assert!(
                        sentences[i].contains(&offset),
                        "{}: {c} at {offset} is in no sentence",
                        report.file
                    );
                }
            }
        }
    }

    #[test]
    fn index_at_finds_the_sentence_or_the_next_one() {
        let sentences = [2..5, 8..10];
        assert_eq!(index_at(&sentences, 0), Some(0));
        assert_eq!(index_at(&sentences, 4), Some(0));
        assert_eq!(index_at(&sentences, 6), Some(1));
        assert_eq!(index_at(&sentences, 99), Some(1));
        assert_eq!(index_at(&[], 3), None);
    }
}
