//! Residue of other sites and papers, put into a real report: it is kept out of the reading text
//! and the tree, the line numbers still follow the file, and the outline is otherwise unchanged.
//! Arbitrary bytes never panic the decoder, the cleaner or the outliner.

use baogao::corpus::{LineKind, Report, decode::decode, embedded, parse, parse_report};
use proptest::prelude::*;

fn minquan_2023() -> &'static str {
    std::str::from_utf8(embedded::REPORTS[1].1).unwrap()
}

/// Residue a web page or a newspaper puts above, inside and below a report.
const TOP: &[&str] = &[
    "首页 > 政务公开 > 规划计划 > 政府工作报告",
    "【字体：大 中 小】 【打印本页】 【关闭窗口】",
    "发布时间：2023-07-01 09:30 来源：县政府办公室 浏览次数：1024",
    "摘要：现在，我代表县人民政府，向大会报告工作……",
];
const MIDDLE: &[&str] = &[
    "（下转第三版）",
    "（上接第二版）",
    "- 2 -",
    "图为县城新貌。（记者 李明 摄）",
    "本报记者 王强",
];
const BOTTOM: &[&str] = &[
    "责任编辑：张三",
    "上一篇：关于2022年国民经济和社会发展计划执行情况的报告",
    "下一篇：关于2022年财政预算执行情况的报告",
    "主办单位：某县人民政府办公室 豫ICP备12345678号-1",
    "Copyright © 2023 All Rights Reserved",
];

fn sections(report: &Report) -> Vec<(String, u8)> {
    report
        .sections
        .iter()
        .map(|s| (s.title.clone(), s.level))
        .collect()
}

#[test]
fn residue_of_other_sites_and_papers_stays_out_of_the_tree() {
    let original = parse_report("a.txt", None, minquan_2023());
    let mut lines: Vec<&str> = minquan_2023().lines().collect();
    // Newspaper notes before chapter 二 (line 21) and chapter 三 (line 39); chrome around.
    lines.splice(38..38, MIDDLE.iter().copied());
    lines.splice(20..20, MIDDLE.iter().copied());
    lines.splice(0..0, TOP.iter().copied());
    lines.extend(BOTTOM);
    let dirty = lines.join("\n");
    let report = parse_report("a.txt", None, &dirty);
    assert_eq!(sections(&report), sections(&original));
    assert_eq!(report.meta, original.meta);
    for (i, line) in report.lines.iter().enumerate() {
        let text = report.line_text(i);
        let inserted = TOP.contains(&text) || MIDDLE.contains(&text) || BOTTOM.contains(&text);
        assert_eq!(
            line.kind == LineKind::Residue,
            inserted,
            "line {}: {text}",
            i + 1
        );
    }
    // Line numbers follow the dirty file: chapter 二 moved down by the lines put above it.
    let two = report
        .sections
        .iter()
        .find(|s| s.title.starts_with("二、"))
        .unwrap();
    assert_eq!(two.line + 1, 21 + TOP.len() + MIDDLE.len());
    assert_eq!(report.line_text(two.line), "二、2023年工作安排");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2000)) {
        if let Ok(decoded) = decode(bytes) {
            let most_lines = decoded.text.split(['\n', '\r']).count();
            let report = parse("p.txt", None, decoded.text, decoded.encoding);
            prop_assert!(report.lines.len() <= most_lines);
            for section in &report.sections {
                prop_assert!(section.span.start <= section.span.end);
                prop_assert!(section.line < report.lines.len());
            }
        }
    }

    #[test]
    fn report_like_text_never_panics_and_keeps_line_numbers(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("一、".to_string()), Just("（二）".to_string()), Just("(三)".to_string()),
                Just("1.".to_string()), Just("2、".to_string()), Just("。".to_string()),
                Just("\n".to_string()), Just("\r\n".to_string()), Just("\r".to_string()),
                Just("[bookmark: _GoBack]".to_string()), Just("注释".to_string()),
                Just("：".to_string()), Just("政 府 工 作 报 告".to_string()),
                Just("——2023年6月26日在县第十六届人民代表大会第三次会议上".to_string()),
                "[\\u4e00-\\u9fff]{0,12}",
            ],
            0..60,
        )
    ) {
        let text: String = parts.concat();
        let report = parse_report("p.txt", None, &text);
        let expected = text.replace("\r\n", "\n").replace('\r', "\n");
        let expected_lines = if expected.is_empty() {
            0
        } else {
            expected.split('\n').count() - usize::from(expected.ends_with('\n'))
        };
        prop_assert_eq!(report.lines.len(), expected_lines);
        for (i, line) in report.lines.iter().enumerate() {
            prop_assert!(line.content.start >= line.range.start && line.content.end <= line.range.end);
            prop_assert_eq!(report.line_of(line.range.start), i);
        }
        for section in &report.sections {
            prop_assert!(matches!(report.lines[section.line].kind, LineKind::Heading(_)));
        }
    }
}
