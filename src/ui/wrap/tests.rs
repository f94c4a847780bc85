//! Wrapping tests: hand-made typesetting cases, the five real reports, and random text.
//!
//! Widths are checked against ratatui itself (`Buffer::set_stringn`), not against
//! `display_width`, so a measuring mistake in the wrapper cannot hide in the oracle.

use std::ops::Range;

use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::Span;
use regex::Regex;

use super::{display_width, wrap};

/// Punctuation no line may start with, listed here apart from the wrapper's own tables.
const CLOSING: &str = "，。、；：？！）」』”’》〉】…%％,.;:?!)]";
/// Punctuation no line may end with.
const OPENING: &str = "（「『“‘《〈【([";

fn is_closing(c: char) -> bool {
    CLOSING.contains(c)
}

fn is_opening(c: char) -> bool {
    OPENING.contains(c)
}

/// The wrapped lines as strings, for readable expectations.
fn lines(text: &str, width: usize, keep: &[Range<usize>]) -> Vec<String> {
    wrap(text, width, keep)
        .into_iter()
        .map(|range| text[range].to_string())
        .collect()
}

/// The byte range of the first occurrence of `needle`.
fn span_of(text: &str, needle: &str) -> Range<usize> {
    let start = text.find(needle).expect("needle in text");
    start..start + needle.len()
}

/// Columns ratatui's buffer advances when drawing `line` with room to spare.
fn rendered_width(buffer: &mut Buffer, line: &str) -> usize {
    buffer.reset();
    let (x, _) = buffer.set_stringn(0, 0, line, usize::MAX, Style::default());
    usize::from(x)
}

/// The digit runs that must never be split: `283.1`, `1,234`, `24:34.6:41.4`, `2021-2025`.
fn number_pattern() -> Regex {
    Regex::new(r"[0-9０-９]+(?:[.,:\-–—/~～．：+][0-9０-９]+)*").expect("valid regex")
}

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c.is_control()
}

/// Which invariants to hold `wrap` to.
#[derive(Clone, Copy)]
struct Rules {
    /// Kinsoku, whole numbers and whole `keep_together` spans, not only width and coverage.
    typesetting: bool,
}

/// Check every invariant of the wrapping contract, returning the first violation.
fn check(text: &str, width: usize, keep: &[Range<usize>], rules: Rules) -> Result<(), String> {
    let ranges = wrap(text, width, keep);
    let mut buffer = Buffer::empty(Rect::new(0, 0, 1024, 1));
    let mut previous_end = 0;
    for (index, range) in ranges.iter().enumerate() {
        let line = text
            .get(range.clone())
            .ok_or_else(|| format!("line {range:?} is not a slice of the text"))?;
        if range.start < previous_end || range.is_empty() {
            return Err(format!("line {range:?} out of order or empty"));
        }
        previous_end = range.end;
        let visible = Span::raw(line)
            .styled_graphemes(Style::default())
            .filter(|g| !g.symbol.is_empty() && !g.symbol.chars().all(char::is_whitespace))
            .count();
        let columns = rendered_width(&mut buffer, line);
        if columns > width && visible > 1 {
            return Err(format!("line {line:?} is {columns} columns, over {width}"));
        }
        let span = Span::raw(line);
        let graphemes: Vec<&str> = span
            .styled_graphemes(Style::default())
            .map(|g| g.symbol)
            .collect();
        let blank_grapheme =
            |g: Option<&&str>| g.is_some_and(|g| g.chars().all(char::is_whitespace));
        let starts_blank = line.starts_with(char::is_control) || blank_grapheme(graphemes.first());
        let ends_blank = line.ends_with(char::is_control) || blank_grapheme(graphemes.last());
        if ends_blank || (index > 0 && starts_blank) {
            return Err(format!("line {line:?} keeps white space from a break"));
        }
        if rules.typesetting {
            let first = line.chars().find(|&c| !is_blank(c));
            let last = line.chars().next_back();
            if first.is_some_and(is_closing) {
                return Err(format!("line {line:?} starts with closing punctuation"));
            }
            if last.is_some_and(is_opening) {
                return Err(format!("line {line:?} ends with opening punctuation"));
            }
        }
    }
    let visible = |s: &str| s.chars().filter(|&c| !is_blank(c)).collect::<String>();
    let covered: String = ranges.iter().map(|r| visible(&text[r.clone()])).collect();
    if covered != visible(text) {
        return Err(format!(
            "lines {ranges:?} do not cover the text exactly once"
        ));
    }
    if rules.typesetting {
        let within_a_line = |span: &Range<usize>| {
            ranges
                .iter()
                .any(|r| r.start <= span.start && span.end <= r.end)
        };
        for number in number_pattern().find_iter(text) {
            if !within_a_line(&number.range()) {
                return Err(format!("number {:?} split", number.as_str()));
            }
        }
        for span in keep {
            if display_width(&text[span.clone()]) <= width && !within_a_line(span) {
                return Err(format!("kept span {:?} split", &text[span.clone()]));
            }
        }
    }
    Ok(())
}

#[test]
fn empty_and_blank_text_give_no_lines() {
    assert!(wrap("", 10, &[]).is_empty());
    assert!(wrap("  \u{3000}\t\n ", 10, &[]).is_empty());
    assert!(wrap("", 0, &[]).is_empty());
}

#[test]
fn double_width_characters_never_straddle_an_odd_edge() {
    assert_eq!(lines("中文字符测试", 5, &[]), ["中文", "字符", "测试"]);
    assert_eq!(lines("a中文", 2, &[]), ["a", "中", "文"]);
    assert_eq!(lines("a中b", 3, &[]), ["a中", "b"]);
}

#[test]
fn wrapped_lines_render_unclipped_at_an_odd_width() {
    use ratatui::text::{Line, Text};
    use ratatui::widgets::{Paragraph, Widget};

    let text = "坚持稳中求进，2022年增长5.2%。";
    let rendered: Text = wrap(text, 7, &[])
        .into_iter()
        .map(|range| Line::raw(&text[range]))
        .collect();
    let mut buffer = Buffer::empty(Rect::new(0, 0, 7, 6));
    Paragraph::new(rendered).render(buffer.area, &mut buffer);
    // "中求进，" would be 8 columns: "进" comes down with the comma rather than leave it alone.
    let expected = Buffer::with_lines([
        "坚持稳 ",
        "中求   ",
        "进，   ",
        "2022年 ",
        "增长   ",
        "5.2%。 ",
    ]);
    assert_eq!(buffer, expected);
}

#[test]
fn characters_wider_than_the_width_stand_alone() {
    assert_eq!(lines("中文", 1, &[]), ["中", "文"]);
    assert_eq!(lines("中文", 0, &[]), ["中", "文"]);
    assert_eq!(lines("ab", 0, &[]), ["a", "b"]);
    assert_eq!(lines("，。", 1, &[]), ["，", "。"]);
}

#[test]
fn a_break_before_closing_punctuation_pulls_the_previous_character_down() {
    assert_eq!(lines("今天天气，很好", 8, &[]), ["今天天", "气，很好"]);
    assert_eq!(lines("发展。", 4, &[]), ["发", "展。"]);
    assert_eq!(lines("好了……", 4, &[]), ["好", "了……"]);
}

#[test]
fn opening_punctuation_moves_to_the_next_line() {
    assert_eq!(lines("我们（说）好", 6, &[]), ["我们", "（说）", "好"]);
    assert_eq!(lines("坚持《纲要》", 6, &[]), ["坚持", "《纲", "要》"]);
}

#[test]
fn quotes_break_like_their_chinese_neighbours() {
    assert_eq!(lines("他说“你好”我们", 6, &[]), ["他说", "“你好”", "我们"]);
}

#[test]
fn kinsoku_yields_only_when_nothing_else_fits() {
    // "（，" can end or start no line legally; something must give rather than overflow.
    assert_eq!(lines("（，", 2, &[]), ["（", "，"]);
}

#[test]
fn numbers_stay_whole_without_keep_together() {
    assert_eq!(lines("增长283.1亿元", 6, &[]), ["增长", "283.1", "亿元"]);
    assert_eq!(lines("同比增长2.6%", 11, &[]), ["同比增长", "2.6%"]);
    assert_eq!(lines("共1,234个", 6, &[]), ["共", "1,234", "个"]);
    assert_eq!(lines("比例24:34.6:41.4", 14, &[]), ["比例", "24:34.6:41.4"]);
    assert_eq!(
        lines("规划2021-2025年", 10, &[]),
        ["规划", "2021-2025", "年"]
    );
    assert_eq!(
        lines("规划2021—2025年", 10, &[]),
        ["规划", "2021—2025", "年"]
    );
}

#[test]
fn a_number_wider_than_the_width_is_hard_broken() {
    assert_eq!(lines("123456", 4, &[]), ["1234", "56"]);
}

#[test]
fn keep_together_moves_a_figure_to_the_next_line_whole() {
    let text = "增长283.1亿元";
    assert_eq!(
        lines(text, 10, &[span_of(text, "283.1亿元")]),
        ["增长", "283.1亿元"]
    );
    let text = "收入13.43亿元，增长";
    let keep = [span_of(text, "13.43亿元")];
    assert_eq!(lines(text, 12, &keep), ["收入", "13.43亿元，", "增长"]);
}

#[test]
fn a_kept_span_wider_than_the_width_is_split_at_its_best_break() {
    let text = "增长283.1亿元";
    assert_eq!(
        lines(text, 7, &[span_of(text, "283.1亿元")]),
        ["增长", "283.1亿", "元"]
    );
}

#[test]
fn latin_words_are_not_split_unless_too_long() {
    assert_eq!(lines("the quick brown", 7, &[]), ["the", "quick", "brown"]);
    assert_eq!(lines("abcdefghij", 4, &[]), ["abcd", "efgh", "ij"]);
    assert_eq!(lines("GDP增长", 4, &[]), ["GDP", "增长"]);
}

#[test]
fn white_space_at_a_break_is_dropped_and_not_counted() {
    assert_eq!(lines("abc   def", 4, &[]), ["abc", "def"]);
    assert_eq!(lines("中文\u{3000}中文", 5, &[]), ["中文", "中文"]);
    assert_eq!(lines("abc def  ", 7, &[]), ["abc def"]);
}

#[test]
fn paragraph_indentation_stays_when_it_fits() {
    assert_eq!(
        lines("\u{3000}\u{3000}中文", 8, &[]),
        ["\u{3000}\u{3000}中文"]
    );
    assert_eq!(lines("\u{3000}\u{3000}中文", 3, &[]), ["中", "文"]);
    assert_eq!(lines("\t中文", 8, &[]), ["中文"]);
}

#[test]
fn tabs_and_control_characters_count_zero_columns_as_ratatui_drops_them() {
    assert_eq!(display_width("a\tb\u{1}c"), 3);
    assert_eq!(lines("a\tb\u{1}c", 3, &[]), ["a\tb\u{1}c"]);
    assert_eq!(display_width("中文"), 4);
    assert_eq!(display_width("e\u{301}"), 1);
}

#[test]
fn mandatory_breaks_end_a_line() {
    assert_eq!(lines("ab\ncd", 10, &[]), ["ab", "cd"]);
    assert_eq!(lines("ab\r\n\r\ncd", 10, &[]), ["ab", "cd"]);
}

#[test]
fn grapheme_clusters_are_never_split() {
    assert_eq!(
        lines("e\u{301}e\u{301}e\u{301}", 2, &[]),
        ["e\u{301}e\u{301}", "e\u{301}"]
    );
}

#[test]
fn malformed_keep_together_still_wraps_within_width() {
    let text = "增长283.1亿元";
    for width in 0..12 {
        let reversed = Range { start: 8, end: 3 };
        let keep = [reversed, 0..100, 2..5, 1..2];
        assert_eq!(
            check(text, width, &keep, Rules { typesetting: false }),
            Ok(())
        );
    }
}

/// Figure-like spans (a number and its unit) standing in for the figures the browser keeps
/// together.
fn figure_spans(text: &str) -> Vec<Range<usize>> {
    let figure =
        Regex::new(r"[0-9]+(?:\.[0-9]+)?(?:%|个百分点|亿元|万元|亿千瓦时|万吨|万人|亿|万|个)")
            .expect("valid regex");
    figure.find_iter(text).map(|m| m.range()).collect()
}

#[test]
fn the_real_reports_wrap_by_every_rule_at_every_width() {
    let directory = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/reports");
    let mut files: Vec<_> = std::fs::read_dir(directory)
        .expect("reports directory")
        .map(|entry| entry.expect("directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 5, "the five bundled reports");
    let mut paragraphs = 0;
    for file in &files {
        let report = std::fs::read_to_string(file).expect("report is UTF-8");
        for paragraph in report.lines().filter(|l| !l.trim().is_empty()) {
            paragraphs += 1;
            let figures = figure_spans(paragraph);
            for width in [20, 40, 60, 100] {
                for keep in [&[][..], &figures[..]] {
                    let rules = Rules { typesetting: true };
                    if let Err(error) = check(paragraph, width, keep, rules) {
                        panic!("{}, width {width}: {error}", file.display());
                    }
                }
            }
        }
    }
    assert!(paragraphs > 300, "read {paragraphs} paragraphs");
}

/// Any mix of characters: CJK, ASCII, digits, punctuation, white space and control characters.
fn any_text() -> impl Strategy<Value = String> {
    let alphabet = prop::sample::select(vec![
        '中', '文', '发', '展', '亿', '元', '，', '。', '、', '；', '：', '？', '！', '（', '）',
        '“', '”', '《', '》', '…', '%', 'a', 'b', 'Z', '0', '1', '9', '.', ',', ':', '-', '(', ')',
        ' ', ' ', '\u{3000}', '\t', '\n', '\u{1}', '\u{301}', '０', '５', '—',
    ]);
    prop::collection::vec(alphabet, 0..80).prop_map(|chars| chars.into_iter().collect())
}

/// Text whose unbreakable chunks stay under 16 columns, so every typesetting rule can be met at
/// widths of 16 and more: words and numbers are short, and each is followed by an ideograph
/// before any punctuation.
fn typeset_text() -> impl Strategy<Value = (String, Vec<Range<usize>>)> {
    let opening = prop::sample::select(vec!["", "", "（", "“", "《"]);
    let content = prop::sample::select(vec![
        "发展",
        "经济",
        "GDP",
        "Lanzhou",
        "283.1",
        "2.6",
        "1,234",
        "24:34.6",
        "2021-2025",
        "中",
    ]);
    let closing = prop::sample::select(vec!["", "", "，", "。", "）", "”", "》", "%", "……"]);
    let space = prop::sample::select(vec!["", "", " ", "\u{3000}"]);
    let group = (opening, content, closing, space);
    prop::collection::vec(group, 0..40).prop_map(|groups| {
        let mut text = String::new();
        let mut keep = Vec::new();
        for (opening, content, closing, space) in groups {
            text.push_str(opening);
            let start = text.len();
            text.push_str(content);
            text.push('元');
            if content.starts_with(|c: char| c.is_ascii_digit()) {
                keep.push(start..text.len());
            }
            text.push_str(closing);
            text.push_str(space);
        }
        (text, keep)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn any_text_wraps_within_width_and_covers_everything(text in any_text(), width in 0usize..120) {
        let rules = Rules { typesetting: false };
        prop_assert_eq!(check(&text, width, &[], rules), Ok(()));
    }

    #[test]
    fn arbitrary_keep_together_ranges_never_break_the_contract(
        text in any_text(),
        width in 0usize..120,
        bounds in prop::collection::vec((0usize..300, 0usize..300), 0..6),
    ) {
        let keep: Vec<Range<usize>> = bounds.into_iter().map(|(a, b)| a..b).collect();
        let rules = Rules { typesetting: false };
        prop_assert_eq!(check(&text, width, &keep, rules), Ok(()));
    }

    #[test]
    fn typeset_text_keeps_every_rule((text, keep) in typeset_text(), width in 16usize..120) {
        let rules = Rules { typesetting: true };
        prop_assert_eq!(check(&text, width, &[], rules), Ok(()));
        prop_assert_eq!(check(&text, width, &keep, rules), Ok(()));
    }

    #[test]
    fn typeset_text_never_overflows_at_small_widths((text, keep) in typeset_text(), width in 0usize..16) {
        let rules = Rules { typesetting: false };
        prop_assert_eq!(check(&text, width, &keep, rules), Ok(()));
    }
}
