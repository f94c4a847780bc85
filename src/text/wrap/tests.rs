//! Wrapping tests: the contract as an oracle, and hand-made typesetting cases.
//!
//! Widths are checked against ratatui itself (`Buffer::set_stringn`), not against
//! `display_width`, so a measuring mistake in the wrapper cannot hide in the oracle.

use std::ops::Range;

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
pub(super) struct Rules {
    /// Kinsoku, whole numbers and whole `keep_together` spans, not only width and coverage.
    pub(super) typesetting: bool,
}

/// Check every invariant of the wrapping contract, returning the first violation.
pub(super) fn check(
    text: &str,
    width: usize,
    keep: &[Range<usize>],
    rules: Rules,
) -> Result<(), String> {
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
    // UAX #14 alone would break before the middle dot; kinsoku does not.
    assert_eq!(lines("卡尔·马克思", 4, &[]), ["卡", "尔·", "马克", "思"]);
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
