//! Tests of the search: the bare-text and parsed searches agree, windows, regex and case.

use super::*;
use crate::corpus::{LineKind, parse_report};

fn corpus(texts: &[&str]) -> Corpus {
    Corpus {
        reports: texts
            .iter()
            .enumerate()
            .map(|(i, text)| parse_report(&format!("r{i}.txt"), None, text))
            .collect(),
        errors: Vec::new(),
    }
}

/// The hits `hits_in_text` finds in `text`, and those `hits_in` finds once it is parsed, as
/// (range, line, column, line content).
fn both_ways(text: &str, pattern: &str) -> (Vec<TextHit>, Vec<TextHit>) {
    let query = Query::new(pattern).unwrap();
    let report = parse_report("r.txt", None, text);
    let parsed = query
        .hits_in(0, &report)
        .into_iter()
        .map(|hit| TextHit {
            content: report.lines[hit.line].content.clone(),
            range: hit.range,
            line: hit.line,
            col: hit.col,
        })
        .collect();
    let light = query.hits_in_text(&normalise(text.to_string()));
    (light, parsed)
}

const PATTERNS: [&str; 9] = [
    "生产总值",
    r"\d+(\.\d+)?%",
    "。",
    "[一二三四五六七八九十]、",
    ".",
    "作者|来源|责任编辑|打印",
    "政府工作报告",
    "各位代表",
    r"\n",
];

#[test]
fn searching_the_bare_text_finds_what_searching_the_parsed_report_finds() {
    let mut found = 0;
    for (name, bytes) in crate::corpus::embedded::REPORTS {
        let text = crate::corpus::decode::decode(bytes.to_vec()).unwrap().text;
        for pattern in PATTERNS {
            let (light, parsed) = both_ways(&text, pattern);
            assert_eq!(light, parsed, "{name}, {pattern}");
            found += light.len();
        }
    }
    assert!(found > 10_000, "the patterns match: {found}");
}

/// Lines a report may hold: web chrome, a byline, newspaper notes, title, headings, body.
const LINES: [&str; 14] = [
    "",
    "   ",
    "首页 > 新闻中心 > 政务公开",
    "县政府工作报告全文",
    "时间:2023-08-06   作者:中国县域   来源:政府官网   阅读:194",
    "【打印】【关闭】",
    "（上接第二版）",
    "政 府 工 作 报 告",
    "各位代表：",
    "一、2022年工作回顾",
    "（一）稳增长。全县生产总值增长5.2%。",
    "  全县生产总值完成283.1亿元，同比增长5.2%。（下转第三版）",
    "责任编辑：张三",
    "生产总值",
];

proptest::proptest! {
    #[test]
    fn bare_and_parsed_searches_agree_on_any_mix_of_lines(
        picks in proptest::collection::vec(0..LINES.len(), 0..40),
        ends in proptest::collection::vec(0..3usize, 40),
        bom in proptest::bool::ANY,
        pattern in 0..PATTERNS.len(),
    ) {
        let mut text = String::from(if bom { "\u{feff}" } else { "" });
        for (pick, end) in picks.iter().zip(&ends) {
            text.push_str(LINES[*pick]);
            text.push_str(["\n", "\r\n", "\r"][*end]);
        }
        let (light, parsed) = both_ways(&text, PATTERNS[pattern]);
        proptest::prop_assert_eq!(light, parsed);
    }
}

#[test]
fn the_mix_of_lines_holds_residue_and_chrome() {
    let text = LINES.join("\n");
    let report = parse_report("r.txt", None, &text);
    let residue = report
        .lines
        .iter()
        .filter(|l| l.kind == LineKind::Residue)
        .count();
    assert!(residue >= 5, "{residue} residue lines");
    let (light, parsed) = both_ways(&text, "作者|来源|责任编辑|打印|首页|全文");
    assert_eq!(light, parsed);
    assert!(
        light.is_empty(),
        "chrome and bylines are not reading text: {light:?}"
    );
}

#[test]
fn finds_every_hit_with_line_and_character_column() {
    let corpus = corpus(&[
        "一、总结\n生产总值增长5%，生产总值达到100亿元。\n",
        "生产总值",
    ]);
    let hits = search(&corpus, &Query::new("生产总值").unwrap());
    let places: Vec<_> = hits.iter().map(|h| (h.report, h.line, h.col)).collect();
    assert_eq!(places, [(0, 1, 0), (0, 1, 9), (1, 0, 0)]);
    let first = &hits[1];
    assert_eq!(&corpus.reports[0].text[first.range.clone()], "生产总值");
}

#[test]
fn regex_syntax_works_and_invalid_patterns_explain_themselves() {
    let corpus = corpus(&["增长5.2%，下降4.3%"]);
    let hits = search(&corpus, &Query::new(r"\d+\.\d%").unwrap());
    assert_eq!(hits.len(), 2);
    let error = Query::new("增长(").unwrap_err();
    assert!(matches!(error, SearchError::Invalid { .. }));
    assert!(error.to_string().contains("unclosed group"), "{error}");
    assert!(matches!(Query::new(""), Err(SearchError::Empty)));
}

#[test]
fn literal_queries_take_regex_characters_as_written() {
    let corpus = corpus(&["GDP(地区生产总值)增长"]);
    let hits = search(&corpus, &Query::literal("GDP(").unwrap());
    assert_eq!(hits.len(), 1);
}

#[test]
fn smart_case_ignores_case_only_for_lower_case_patterns() {
    let corpus = corpus(&["GDP and gdp"]);
    assert_eq!(search(&corpus, &Query::new("gdp").unwrap()).len(), 2);
    assert_eq!(search(&corpus, &Query::new("GDP").unwrap()).len(), 1);
}

#[test]
fn hits_in_residue_lines_are_left_out() {
    let mut corpus = corpus(&["来源：某某网\n生产总值\n"]);
    corpus.reports[0].lines[0].kind = LineKind::Residue;
    let hits = search(&corpus, &Query::new("某某网|生产总值").unwrap());
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].line, 1);
}

#[test]
fn a_window_shows_context_characters_either_side_and_says_where_the_line_goes_on() {
    let text = normalise("一、回顾\n全县生产总值增长5.2%，规上工业增加值增长6%。\n".to_string());
    let query = Query::new("生产总值").unwrap();
    let hits = query.hits_in_text(&text);
    let file = FileHits {
        name: "r.txt".into(),
        text: text.clone(),
        hits: hits.clone(),
    };
    let window = file.window(&hits[0], 2);
    assert_eq!(&text[window.range.clone()], "全县生产总值增长");
    assert_eq!(&text[window.hit.clone()], "生产总值");
    assert!(!window.cut_before && window.cut_after);
    let whole = file.window(&hits[0], 1000);
    assert_eq!(
        &text[whole.range],
        "全县生产总值增长5.2%，规上工业增加值增长6%。"
    );
    assert!(!whole.cut_after);
    let none = file.window(&hits[0], 0);
    assert_eq!(none.range, none.hit);
    assert!(none.cut_before);
}

#[test]
fn many_reports_keep_their_order_when_searched_in_parallel() {
    let texts: Vec<String> = (0..37).map(|i| format!("第{i}份 增长\n增长")).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    let hits = search(&corpus(&refs), &Query::new("增长").unwrap());
    assert_eq!(hits.len(), 74);
    assert!(
        hits.windows(2)
            .all(|w| (w[0].report, w[0].range.start) < (w[1].report, w[1].range.start))
    );
}
