//! Wrapping the five real reports and random text, held to every invariant of the contract.

use std::ops::Range;

use proptest::prelude::*;
use regex::Regex;

use super::tests::{Rules, check};

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
