use super::*;
use crate::corpus::bold::inside_bold;
use crate::corpus::parse_report;

/// `line` as the reader shows it: its bold markers left out.
fn shown(line: &str) -> String {
    let mut out = String::new();
    let mut from = 0;
    for marker in bold_markers(line) {
        out.push_str(&line[from..marker.start]);
        from = marker.end;
    }
    out + &line[from..]
}

#[test]
fn paired_bold_markers_are_hidden_and_lone_stars_kept() {
    // xiping-2023.txt line 81, cut.
    assert_eq!(
        shown(
            "水质稳定达标。**持续防治环境污染。**深入打好蓝天保卫战。**加强生态保护治理。**实施国土绿化。"
        ),
        "水质稳定达标。持续防治环境污染。深入打好蓝天保卫战。加强生态保护治理。实施国土绿化。"
    );
    assert_eq!(shown("**甲**乙 **丙**"), "甲乙 丙");
    for kept in [
        "注*：不含国有企业。",
        "增长5%**",
        "** 前有空格**",
        "***三颗星***",
        "**未成对",
        "a * b ** c",
        "****",
    ] {
        assert_eq!(shown(kept), kept);
    }
}

#[test]
fn the_markers_are_found_in_the_report_by_line() {
    let report = parse_report(
        "a.txt",
        None,
        "一、总体要求\n  正文。**加粗。**其余。\n**甲\n乙**\n",
    );
    let hidden = hidden_in_line(&report, 1);
    assert_eq!(hidden.len(), 2);
    for marker in &hidden {
        assert_eq!(&report.text[marker.clone()], "**");
    }
    // A pair never spans lines.
    assert!(hidden_in_line(&report, 2).is_empty());
    assert!(hidden_in_line(&report, 3).is_empty());
    assert!(hidden_in_line(&report, 99).is_empty());
}

/// The front of a report, so that what follows it is read as body text.
const FRONT: &str = "政府工作报告\n——2023年1月10日在某县第十八届人民代表大会第二次会议上\n县长 张三\n各位代表：\n现在，我代表县人民政府，向大会报告工作，请予审议。\n";

/// The lines of `text` joined to the one before, counted from `text`'s first line.
fn joined(text: &str) -> Vec<usize> {
    let report = parse_report("a.txt", None, &format!("{FRONT}{text}"));
    let front = FRONT.lines().count();
    joined_lines(&report)
        .into_iter()
        .map(|i| i - front)
        .collect()
}

/// Lines 77–81 of xiping-2023.txt, cut to their ends.
const XIPING: &str = "(四)抓全域优品质强内涵,建设花海文旅新城。我们将深入贯彻重要指示精神,着力建设美好家园。确保一举创成全国文明城市,顺利通过国家卫生县城、国家园林城市复审。更实举\n\n措推进文旅振兴。依托历史文化和乡土文旅资源，打造两大品牌。\n\n(五)抓治理守底线当卫士，擦亮绿色发展底色。";

#[test]
fn a_paragraph_broken_mid_word_goes_on_after_a_blank_line() {
    assert_eq!(joined(XIPING), [2]);
}

#[test]
fn a_paragraph_broken_twice_is_joined_whole_across_a_page_number() {
    // puyang-2023.txt: a number cut from its unit, a word cut in two; a page number between.
    let text = "（二）着力推动产业升级。实施亿元以上制造业项目143个,年内完成投资500亿元以\n\n上,其中50亿元以上项目8个,年内完成投资120亿\n\n- 3 -\n\n元。\n下一段。";
    assert_eq!(joined(text), [2, 6]);
    // Four lines between are too many.
    let far = "（二）着力推动产业升级。实施亿元以上制造业项目143个,年内完成投资500亿元以\n\n\n\n\n上,其中50亿元以上项目8个。";
    assert!(joined(far).is_empty());
}

#[test]
fn a_comma_at_the_end_of_a_line_is_joined_to_the_next() {
    // 天津市_2026.txt lines 23–24, cut.
    let text = "京津冀协同发展深入拓展。中资环5家二级公司有序展业，中国电子增资麒麟软件，\n协和天津基地建设顺利推进，中资信创总部等央企二三级公司落地天津。";
    assert_eq!(joined(text), [1]);
}

#[test]
fn what_only_looks_broken_is_left_apart() {
    for text in [
        // A numbered heading alone on its line (hailaer_2017.txt), and its paragraph.
        "　　(一)全力打造国际化的草原音乐名城、冰雪运动名城、文化旅游名城,带动产业转型升级、融合发展\n\n　　以提升城市软实力为突破,着力建设国际化的草原音乐名城。",
        "（一）经济增长进一步加快，综合实力显著提高，发展基础更加坚实稳固\n全年地区生产总值增长7%，财政收入增长9%。",
        // The header's last line and the salutation (安徽省_2025.txt).
        "2025年1月13日在安徽省第十四届人民代表大会第三次会议上，安徽省人民政府省长 王清宪作政府工作报告\n各位代表：",
        // A web page's credit and a news item's id after a paragraph (四川省_2026.txt).
        "经过全省上下共同努力，主要目标任务圆满完成，经济社会发展取得新的成绩\n来源：解放日报",
        "四川干部群众热议政府工作报告 以奋勇争先之姿，乘势而为\nbe341a59f1dd422394845dcb3fce09dc:",
        // A chapter that names its part, an appendix, a numbered line.
        "过去一年，全省经济运行稳中有进，主要目标任务较好完成，高质量发展迈出坚实步伐\n2025年工作安排",
        "过去一年，全省经济运行稳中有进，主要目标任务较好完成，高质量发展迈出坚实步伐\n附件1",
        "过去一年，全省经济运行稳中有进，主要目标任务较好完成，高质量发展迈出坚实步伐\n一、2025年工作安排",
        // Short lines with no punctuation split from a glossary entry (四川省_2026.txt), and a
        // number split from its letters (广东省_2026.txt).
        "挂帅”的简称，其中“企业找技术”聚焦产业“卡脖子”核心技术，由技术供给方带团队、带技术\n揭榜",
        "中央生态环境保护督察整改取得明显成效，PM\n2.5年平均浓度保持在20微克/立方米左右，达到历史最好水平。",
        // A short line; a session line and the speaker.
        "各位代表\n现在，我代表省人民政府向大会报告工作，请予审议。",
        "——2025年1月13日在安徽省第十四届人民代表大会第三次会议上\n安徽省人民政府省长 王清宪",
        // A table row, an indented paragraph.
        "地区生产总值（亿元）\t增长5%左右，全年新增就业50万人以上\t完成\n全年新增城镇就业50万人以上，城镇调查失业率5.5%以内。",
        "全年新增城镇就业50万人以上，城镇调查失业率控制在5.5%以内，居民收入增长\n　　与经济增长同步，稳住就业基本盘。",
        // A paragraph that ends as it should.
        "全年新增城镇就业50万人以上，城镇调查失业率控制在5.5%以内。\n与经济增长同步，稳住就业基本盘。",
    ] {
        assert!(joined(text).is_empty(), "{text}");
    }
}

#[test]
fn a_line_all_in_bold_is_read_without_its_markers() {
    assert_eq!(
        inside_bold("**一、2024年工作回顾**"),
        Some(2..2 + "一、2024年工作回顾".len())
    );
    for not_wrapped in ["**甲**乙**丙**", "**甲**乙", "** 甲**", "****", "**"] {
        assert_eq!(inside_bold(not_wrapped), None, "{not_wrapped}");
    }
    let report = parse_report(
        "a.txt",
        None,
        &format!(
            "{FRONT}**一、2024年工作回顾**\n过去一年，全县生产总值增长5%。\n**二、2025年工作安排**\n"
        ),
    );
    let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["一、2024年工作回顾", "二、2025年工作安排"]);
    assert_eq!(
        report.line_text(5),
        "**一、2024年工作回顾**",
        "the text is the file's"
    );
}

#[test]
fn a_glossary_definition_broken_mid_word_goes_on() {
    // xiping-2023.txt lines 171–177, cut.
    let text = "一、工作回顾\n全县生产总值增长5%。\n有关名词解释\n33. 四个最严：指针对食品药品安全监管，用最严谨的标准、最严格的监管，加快建立科\n\n学完善的食品药品安全治理体系。\n\n34. 四大活动：指安全稳定大走访、大调研、大排查、大化解活动。\n";
    let report = parse_report("a.txt", None, &format!("{FRONT}{text}"));
    let front = FRONT.lines().count();
    assert_eq!(report.lines[front + 3].kind, LineKind::Glossary);
    assert_eq!(joined(text), [5]);
}
