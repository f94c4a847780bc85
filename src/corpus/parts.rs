//! The parts of a report that are not numbered: chapters named by what they are
//! (`2024年工作回顾`, `“十五五”时期的主要目标任务` on a line of their own) in a report that does
//! not number its chapters, and what follows the report's end (`附件`, a `民生实事` list,
//! `名词解释`), which is not a chapter however it is numbered.
//!
//! The words are data: `assets/chapter-words.txt` and `assets/appendix-words.txt`.

use std::sync::LazyLock;

use super::numbering::numbering;
use super::{Line, LineKind};

const CHAPTER_WORDS: &str = include_str!("../../assets/chapter-words.txt");
const APPENDIX_WORDS: &str = include_str!("../../assets/appendix-words.txt");

/// Longest heading, in characters, that a line of its own may be.
const SHORT: usize = 30;

/// Punctuation a heading does not have.
const SENTENCE_MARKS: [char; 12] = [
    '。', '，', '；', '：', '！', '？', ',', ';', ':', '!', '?', '…',
];

fn words(text: &'static str) -> Vec<&'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect()
}

static CHAPTERS: LazyLock<Vec<&'static str>> = LazyLock::new(|| words(CHAPTER_WORDS));
/// (prefixes, suffixes) of appendix headings.
static APPENDIX: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let all = words(APPENDIX_WORDS);
    let prefixes = all.iter().filter_map(|w| w.strip_suffix('…')).collect();
    let suffixes = all.iter().filter_map(|w| w.strip_prefix('…')).collect();
    (prefixes, suffixes)
});

/// Whether `content` is at most [`SHORT`] characters long. A character is one to four bytes,
/// so the byte length answers for most lines; only the rest are counted.
fn is_short(content: &str) -> bool {
    content.len() <= SHORT || (content.len() <= SHORT * 4 && content.chars().nth(SHORT).is_none())
}

/// A short line of its own, without numbering or sentence punctuation.
pub(crate) fn is_heading_shaped(content: &str) -> bool {
    !content.is_empty()
        && is_short(content)
        && !content.contains(SENTENCE_MARKS)
        && numbering(content).is_none()
}

/// Whether `content` (a trimmed line) names a part of a report the way an unnumbered chapter
/// heading does: `2025年工作安排`, `“十四五”时期发展成就和2025年工作回顾`.
pub fn is_part_heading(content: &str) -> bool {
    is_heading_shaped(content)
        && (CHAPTERS.iter().any(|w| content.contains(w)) || names_a_plan(content))
}

/// `十四五`, `十五五`…: a five-year plan.
fn names_a_plan(content: &str) -> bool {
    let chars: Vec<char> = content.chars().collect();
    chars
        .windows(3)
        .any(|w| w[0] == '十' && "一二三四五六七八九".contains(w[1]) && w[2] == '五')
}

/// Whether `content` opens what follows a report: `附件1`, `2025年10件惠民实事`, `名词解释`.
pub fn is_appendix_heading(content: &str) -> bool {
    let (prefixes, suffixes) = &*APPENDIX;
    let short = is_short(content) && !content.contains('。');
    (short && prefixes.iter().any(|p| content.starts_with(p)))
        || (is_heading_shaped(content) && suffixes.iter().any(|s| content.ends_with(s)))
}

/// The line where what follows the report starts: the first appendix heading after a chapter
/// heading (numbered or not), searched from `from`.
pub fn appendix_start(text: &str, lines: &[Line], from: usize) -> Option<usize> {
    let mut chapter_seen = false;
    for (index, line) in lines.iter().enumerate().skip(from) {
        if !matches!(line.kind, LineKind::Body | LineKind::Heading(_)) {
            continue;
        }
        let content = &text[line.content.clone()];
        if chapter_seen && is_appendix_heading(content) {
            return Some(index);
        }
        chapter_seen = chapter_seen
            || numbering(content).is_some_and(|n| n.level == 1)
            || is_part_heading(content);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_is_thirty_characters_at_most() {
        for n in [0, 1, 29, 30, 31, 45, 121] {
            for unit in ["a", "年", "é", "𠀀"] {
                let line = unit.repeat(n);
                assert_eq!(
                    is_short(&line),
                    line.chars().count() <= SHORT,
                    "{n} × {unit}"
                );
            }
        }
    }
    use crate::corpus::parse_report;

    #[test]
    fn part_headings() {
        for line in [
            "2024年工作回顾",
            "2025年工作安排建议",
            "“十五五”时期的主要目标任务",
            "“十四五”时期发展成就和2025年工作回顾",
            "加强政府自身建设",
            "过去五年工作回顾",
            "努力建设人民满意的服务型政府",
            "全面提升政府治理效能",
        ] {
            assert!(is_part_heading(line), "{line}");
        }
        for line in [
            "一、2024年工作回顾",
            "重点做好9个方面工作：",
            "2025年主要目标任务圆满完成，标志着“十四五”胜利收官。",
            "产业结构持续优化。",
            "各位代表！",
        ] {
            assert!(!is_part_heading(line), "{line}");
        }
    }

    #[test]
    fn appendix_headings() {
        for line in [
            "附件",
            "附件1",
            "附件2 名词解释",
            "2025年10件惠民实事",
            "2026年省十件民生实事",
            "名词解释",
        ] {
            assert!(is_appendix_heading(line), "{line}");
        }
        for line in [
            "（五）办好十件民生实事",
            "一、民生实事",
            "扎实办好民生实事。",
        ] {
            assert!(!is_appendix_heading(line), "{line}");
        }
    }

    #[test]
    fn an_appendix_needs_a_chapter_before_it() {
        let report = parse_report(
            "a.txt",
            None,
            "政府工作报告\n各位代表：\n一、工作回顾\n正文。\n二、工作安排\n正文。\n附件\n某年民生实事\n一、甲\n二、乙\n",
        );
        assert_eq!(appendix_start(&report.text, &report.lines, 0), Some(6));
        let chapters: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(chapters, ["一、工作回顾", "二、工作安排"]);
        let report = parse_report("a.txt", None, "附件\n一、甲\n");
        assert_eq!(appendix_start(&report.text, &report.lines, 0), None);
    }

    #[test]
    fn unnumbered_chapters_take_the_numbered_ones_under_them() {
        let text = "政府工作报告\n各位代表：\n过去五年发展成就和今年工作回顾\n正文。\n“十九五”时期主要目标和\n明年重点工作\n正文。\n一、把某事作为主线\n（一）加强某事。正文。\n二、全力抓好七项重点工作\n正文。\n附件\n明年民生实事\n1.甲。\n2.乙。\n";
        let report = parse_report("a.txt", None, text);
        let outline: Vec<(u8, &str)> = report
            .sections
            .iter()
            .map(|s| (s.level, s.title.as_str()))
            .collect();
        assert_eq!(
            outline,
            [
                (1, "过去五年发展成就和今年工作回顾"),
                (1, "“十九五”时期主要目标和明年重点工作"),
                (2, "一、把某事作为主线"),
                (3, "（一）加强某事"),
                (2, "二、全力抓好七项重点工作"),
            ]
        );
        // A report that numbers its chapters keeps them; a lone part line is no chapter.
        let text = "政府工作报告\n各位代表：\n一、工作回顾\n正文。\n二、今年工作安排\n正文。\n主要目标\n正文。\n";
        let report = parse_report("a.txt", None, text);
        let chapters: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(chapters, ["一、工作回顾", "二、今年工作安排"]);
    }
}
