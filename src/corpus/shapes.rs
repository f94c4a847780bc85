//! Whole reports in the shapes real ones take (web pages with menus, Chinese-numeral dates,
//! unnumbered chapters, autonomous regions, glued headers), read end to end through
//! [`parse_report`]: the header, region and outline rules working together.

use crate::corpus::parse_report;

fn read(text: &str) -> (Vec<Option<String>>, Vec<String>) {
    let report = parse_report("a.txt", None, text);
    let m = report.meta;
    let chapters = report
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.title.clone())
        .collect();
    let fields = vec![
        m.region,
        m.level.map(|l| l.as_str().to_string()),
        m.parents.first().cloned(),
        m.year.map(|y| y.to_string()),
        m.date,
        m.speaker,
        m.office,
        m.session,
    ];
    (fields, chapters)
}

fn some(values: &[&str]) -> Vec<Option<String>> {
    values
        .iter()
        .map(|v| (!v.is_empty()).then(|| v.to_string()))
        .collect()
}

#[test]
fn a_web_page_with_chinese_numerals_and_unnumbered_chapters() {
    let text = "下载\n打印\n全屏\n收藏\n【字号：\n加大\n还原\n减小\n】\n2026年甘肃省政府工作报告\n——二〇二六年一月二十七日在甘肃省十四届人民代表大会第四次会议上\n来源：甘肃日报\n时间：2026-02-09\n甘肃省省长 任振鹤\n各位代表：\n现在，我代表省人民政府向大会报告工作，请予审议。\n2025年工作回顾\n过去一年，全省生产总值增长5.5%。兰州、天水、酒泉发展良好。\n“十五五”时期的主要目标任务\n今后五年，我们将奋力推进。\n2026年工作安排\n今年的主要预期目标是：生产总值增长5.5%左右。\n附件\n2026年省列民生实事\n一、提高养老金\n二、改善住房\n";
    let (fields, chapters) = read(text);
    assert_eq!(
        fields,
        some(&[
            "甘肃省",
            "province",
            "",
            "2026",
            "2026-01-27",
            "任振鹤",
            "省长",
            "甘肃省十四届人民代表大会第四次会议"
        ])
    );
    assert_eq!(
        chapters,
        [
            "2025年工作回顾",
            "“十五五”时期的主要目标任务",
            "2026年工作安排"
        ]
    );
}

#[test]
fn autonomous_regions_and_acting_chairmen() {
    let text = "政府工作报告\n——2025年1月20日在新疆维吾尔自治区第十四届人民代表大会第三次会议上\n自治区主席 艾尔肯·吐尼亚孜\n各位代表：\n一、2024年工作回顾\n正文。\n二、2025年工作安排\n正文。\n";
    let (fields, _) = read(text);
    assert_eq!(fields[0].as_deref(), Some("新疆维吾尔自治区"));
    assert_eq!(fields[5].as_deref(), Some("艾尔肯·吐尼亚孜"));
    assert_eq!(fields[6].as_deref(), Some("自治区主席"));
    let text = "政府工作报告\n——2025年1月18日在西藏自治区第十二届人民代表大会第三次会议上\n西藏自治区代理主席 嘎玛泽登\n各位代表：\n一、2024年工作回顾\n";
    let (fields, _) = read(text);
    assert_eq!(fields[0].as_deref(), Some("西藏自治区"));
    assert_eq!(fields[5].as_deref(), Some("嘎玛泽登"));
    assert_eq!(fields[6].as_deref(), Some("自治区代理主席"));
    let text = "2026年政府工作报告\n——2026年1月25日在自治区第十四届人民代表大会第五次会议上\n自治区主席 韦 韬\n各位代表：\n广西经济稳中有进，广西工业增长，广西外贸增长。\n一、2025年工作回顾\n";
    let (fields, _) = read(text);
    assert_eq!(fields[0].as_deref(), Some("广西壮族自治区"));
    assert_eq!(fields[5].as_deref(), Some("韦韬"));
}

#[test]
fn a_district_named_with_its_city() {
    let text = "政府工作报告\n——2019年1月10日在海拉尔区第十五届人民代表大会第三次会议上\n呼伦贝尔市海拉尔区人民政府代区长  萨国文\n各位代表：\n一、2018年工作回顾\n";
    let (fields, _) = read(text);
    assert_eq!(
        fields,
        some(&[
            "海拉尔区",
            "county",
            "呼伦贝尔市",
            "2019",
            "2019-01-10",
            "萨国文",
            "代区长",
            "海拉尔区第十五届人民代表大会第三次会议"
        ])
    );
}

#[test]
fn a_header_glued_behind_its_source() {
    let text = "2025年江西省政府工作报告\n来源：江西省人民政府2025年1月17日在江西省第十四届人民代表大会第三次会议上省长叶建春作政府工作报告。\n各位代表：\n一、2024年工作回顾\n正文。\n";
    let (fields, _) = read(text);
    assert_eq!(
        fields,
        some(&[
            "江西省",
            "province",
            "",
            "2025",
            "2025-01-17",
            "叶建春",
            "省长",
            "江西省第十四届人民代表大会第三次会议"
        ])
    );
}

#[test]
fn a_spaced_name_on_its_own_line_and_a_city_mentioned_in_the_text() {
    let text = "政府工作报告\n——2024年1月12日在河南省第十四届人民代表大会第二次会议上\n栗 俊 昌\n各位代表：\n郑州市、洛阳市、商丘市（民权）发展良好。（郑州）郑州郑州郑州郑州郑州\n一、2023年工作回顾\n";
    let (fields, _) = read(text);
    assert_eq!(fields[0].as_deref(), Some("河南省"));
    assert_eq!(fields[5].as_deref(), Some("栗俊昌"));
}

#[test]
fn unnumbered_chapters_right_under_the_header() {
    let text = "政府工作报告\n——2024年1月12日在某县第十六届人民代表大会第二次会议上\n2023年工作回顾\n过去一年，全县生产总值增长百分之五，这是很不容易的一年，我们克服了很多困难，取得了很多成绩。\n2024年工作安排\n今年，我们将继续努力，奋发有为，推动高质量发展取得新成效，不辜负全县人民的期待。\n";
    let (_, chapters) = read(text);
    assert_eq!(chapters, ["2023年工作回顾", "2024年工作安排"]);
}

#[test]
fn a_section_heading_split_after_its_bracket_is_one() {
    let text = "政府工作报告\n各位代表：\n一、工作回顾\n（一）甲事。正文。\n（\n二）乙事持续深化。正文。\n（三）丙事。正文。\n";
    let report = parse_report("a.txt", None, text);
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "一、工作回顾",
            "（一）甲事",
            "（二）乙事持续深化",
            "（三）丙事"
        ]
    );
    assert_eq!(report.sections[2].line, 4);
    assert_eq!(report.sections[2].parent, Some(0));
}
