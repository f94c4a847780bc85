//! The five bundled reports, pinned: chapters (exact titles, in order), the sections and items
//! under each, metadata, glossary, and the quirks each of them has.

use baogao::corpus::{LineKind, Report, load_embedded};

fn report(file: &str) -> Report {
    let corpus = load_embedded();
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    corpus
        .reports
        .into_iter()
        .find(|r| r.file == file)
        .unwrap_or_else(|| panic!("{file} not loaded"))
}

/// `(chapter title, sections under it, items under it)` for every chapter, in order.
fn chapters(report: &Report) -> Vec<(String, usize, usize)> {
    let mut out = Vec::new();
    for (i, chapter) in report.sections.iter().enumerate() {
        if chapter.level != 1 {
            continue;
        }
        let under = |level: u8| {
            report
                .sections
                .iter()
                .enumerate()
                .filter(|(j, s)| s.level == level && chapter_of(report, *j) == i)
                .count()
        };
        out.push((chapter.title.clone(), under(2), under(3)));
    }
    out
}

fn chapter_of(report: &Report, mut index: usize) -> usize {
    while let Some(parent) = report.sections[index].parent {
        index = parent;
    }
    index
}

fn owned(expected: &[(&str, usize, usize)]) -> Vec<(String, usize, usize)> {
    expected
        .iter()
        .map(|(t, s, i)| (t.to_string(), *s, *i))
        .collect()
}

fn meta(report: &Report) -> [Option<String>; 6] {
    let m = &report.meta;
    [
        m.region.clone(),
        m.year.map(|y| y.to_string()),
        m.date.clone(),
        m.speaker.clone(),
        m.office.clone(),
        m.title.clone(),
    ]
}

fn some(values: [&str; 6]) -> [Option<String>; 6] {
    values.map(|v| (!v.is_empty()).then(|| v.to_string()))
}

#[test]
fn minquan_2021() {
    let r = report("minquan-2021.txt");
    assert_eq!(
        chapters(&r),
        owned(&[
            ("一、2020年及“十三五”工作回顾", 7, 0),
            (
                "二、2035年远景目标及“十四五”时期经济社会发展主要目标任务",
                0,
                0
            ),
            ("三、2021年重点工作", 8, 10),
            ("四、提升政府治理效能", 0, 0),
        ])
    );
    assert_eq!(
        meta(&r),
        some([
            "民权县",
            "2021",
            "2021-03-30",
            "张团结",
            "县长",
            "政府工作报告"
        ])
    );
    assert_eq!(
        r.meta.session.as_deref(),
        Some("民权县第十五届人民代表大会第五次会议")
    );
    // The file header is front matter, the spaced title the title.
    assert_eq!(r.lines[0].kind, LineKind::Front);
    assert_eq!(r.lines[2].kind, LineKind::Front);
    assert_eq!(r.lines[4].kind, LineKind::Title);
    // The 十件实事 list: items 1–10 under (八), each titled up to its first 。.
    let items: Vec<_> = r.sections.iter().filter(|s| s.level == 3).collect();
    assert_eq!(
        items[1].title,
        "2.开工建设安置小区3个，新建安置住房100万平方米"
    );
    assert_eq!(items[9].line + 1, 201);
    assert_eq!(
        r.sections[items[0].parent.unwrap()].title,
        "（八）增进民生福祉，在构建幸福和谐民权中取得新成就"
    );
    assert!(r.glossary.is_empty());
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
}

#[test]
fn minquan_2023() {
    let r = report("minquan-2023.txt");
    assert_eq!(
        chapters(&r),
        owned(&[
            ("一、2022年工作回顾", 0, 0),
            ("二、2023年工作安排", 6, 0),
            ("三、加强政府自身建设", 0, 0),
        ])
    );
    assert_eq!(
        meta(&r),
        some([
            "民权县",
            "2023",
            "2023-06-26",
            "王静娴",
            "县长",
            "政府工作报告"
        ])
    );
    assert_eq!(
        r.meta.session.as_deref(),
        Some("民权县第十六届人民代表大会第三次会议")
    );
    assert_eq!(r.lines[0].kind, LineKind::Title, "政 府 工 作 报 告");
    // `[bookmark: _GoBack]` glued to the （四） heading is cut off its title and content.
    let four = r
        .sections
        .iter()
        .position(|s| s.title == "（四）精心打造韧性宜居城")
        .expect("（四） heading");
    assert_eq!(r.sections[four].line + 1, 32);
    assert_eq!(r.lines[31].kind, LineKind::Heading(four));
    assert!(r.line_text(31).starts_with("[bookmark: _GoBack]"));
    assert_eq!(
        &r.text[r.lines[31].content.clone()],
        "（四）精心打造韧性宜居城"
    );
}

#[test]
fn puyang_2023_starts_mid_way_and_keeps_its_numbering() {
    let r = report("puyang-2023.txt");
    let sections = [
        "（一）着力提振市场信心,夯实全面转型高质量发展强力支撑",
        "（二）着力推动产业升级,筑牢全面转型高质量发展坚实根基",
        "（三）着力强化创新引领,激发全面转型高质量发展强劲动能",
        "（四）着力建设区域中心,厚植全面转型高质量发展竞争优势",
        "（五）着力加快乡村振兴,绘就全面转型高质量发展多彩画卷",
        "（六）着力深化改革开放,增强全面转型高质量发展内生动力",
        "（七）着力增进民生福祉,促进全面转型高质量发展成果惠及人民",
    ];
    assert_eq!(chapters(&r), owned(&[("三、2023年工作安排", 7, 0)]));
    let titles: Vec<&str> = r.sections[1..].iter().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, sections);
    assert_eq!(r.sections[0].line + 1, 7);
    assert_eq!(
        meta(&r),
        some(["濮阳市", "2023", "", "", "", "政府工作报告"])
    );
    assert_eq!(r.warnings.len(), 1);
    assert!(
        r.warnings[0].contains("starts mid-way at chapter 三、"),
        "{:?}",
        r.warnings
    );
    // `（上接第二版）` is residue, and out of the reading text.
    assert_eq!(r.line_text(4), "（上接第二版）");
    assert_eq!(r.lines[4].kind, LineKind::Residue);
}

#[test]
fn xiping_2023_glued_headings_and_glossary() {
    let r = report("xiping-2023.txt");
    assert_eq!(
        chapters(&r),
        owned(&[
            (
                "一、回顾2022年，我们知重负重、奋发有为，实现经济高质量发展底气更足",
                0,
                0
            ),
            (
                "二、展望 2023 年，我们要乘势而上、接续奋斗，努力建设现代化新西平",
                8,
                0
            ),
            (
                "三、满足新期待新期盼，我们将忠诚履职、勤勉敬业，建设人民满意服务型政府",
                4,
                0
            ),
        ])
    );
    assert_eq!(
        meta(&r),
        some([
            "西平县",
            "2023",
            "2023-05-11",
            "侯公涛",
            "县长",
            "政府工作报告"
        ])
    );
    // The glued heading: the title ends before the first 。; the rest of the line is body text.
    let first = &r.sections[2];
    assert_eq!(first.title, "(一)抓项目扩投资促消费,筑牢经济发展底盘");
    assert_eq!(first.line + 1, 63);
    assert_eq!(&r.text[first.heading.clone()], first.title);
    let rest = &r.text[first.heading.end..r.lines[62].content.end];
    assert!(rest.starts_with("。我们将深入贯彻"), "{rest}");
    assert_eq!(
        r.sections[9].title,
        "(八) 抓安全防风险保稳定,提升社会治理水平"
    );
    // 37 glossary terms, not 37 sections; wrapped definitions joined.
    assert_eq!(r.glossary.len(), 37);
    assert!(r.sections.iter().all(|s| s.level < 3));
    let terms: Vec<&str> = r.glossary.iter().map(|g| g.term.as_str()).collect();
    assert_eq!(
        &terms[..4],
        ["一办五部", "三道防线", "四个口袋", "四方责任"]
    );
    assert_eq!(terms[19], "2 + 20 + N");
    assert_eq!(terms[25], "“17110”工作制度");
    assert_eq!(terms[36], "三个务必");
    assert_eq!((r.glossary[0].line, r.glossary[36].line), (117, 183));
    assert!(
        r.glossary[32]
            .definition
            .ends_with("加快建立科学完善的食品药品安全治理体系。")
    );
    assert!(r.glossary[8].definition.starts_with("指集中签约一批"));
    assert_eq!(r.lines[114].kind, LineKind::Glossary);
    // The last chapter ends where the glossary starts.
    let last = r.sections.iter().rfind(|s| s.level == 1).unwrap();
    assert_eq!(last.span.end, r.lines[114].range.start);
}

#[test]
fn xunxian_2021_web_residue_and_wrapped_heading() {
    let r = report("xunxian-2021.txt");
    assert_eq!(
        chapters(&r),
        owned(&[
            ("一、2020年工作回顾及“十三五”主要成就", 0, 0),
            (
                "二、“十四五”时期经济社会发展主要目标任务及2035年远景目标",
                0,
                0
            ),
            ("三、2021年重点工作", 7, 0),
        ])
    );
    assert_eq!(
        meta(&r),
        some(["浚县", "2021", "2021-03-12", "刘青", "县长", "政府工作报告"])
    );
    assert_eq!(
        r.meta.session.as_deref(),
        Some("浚县第十五届人民代表大会第六次会议")
    );
    // The wrapped heading is one section whose heading spans lines 68 and 70.
    let two = r
        .sections
        .iter()
        .position(|s| s.title.starts_with("二、"))
        .unwrap();
    assert_eq!(r.sections[two].line + 1, 68);
    assert_eq!(r.lines[67].kind, LineKind::Heading(two));
    assert_eq!(r.lines[69].kind, LineKind::Heading(two));
    assert_eq!(r.line_text(69), "2035年远景目标");
    // Web residue, top and bottom, is out of the reading text; the spaced title is the title.
    for line in [1, 2, 3, 5, 7, 8] {
        assert_eq!(r.lines[line - 1].kind, LineKind::Residue, "line {line}");
    }
    assert_eq!(
        r.line_text(r.lines.len() - 1),
        "版权所有:中国县域 QQ:1581746470"
    );
    assert_eq!(r.lines.last().unwrap().kind, LineKind::Residue);
    assert_eq!(r.lines[11].kind, LineKind::Title);
}

#[test]
fn paragraphs_belong_to_the_deepest_section_above_them() {
    let r = report("minquan-2021.txt");
    // Line 22 is a paragraph under （一） of chapter 一.
    let offset = r.lines[21].content.start;
    let at = r.section_at(offset).unwrap();
    assert_eq!(
        r.section_path(at),
        [
            "一、2020年及“十三五”工作回顾",
            "（一）万众一心、科学应对，疫情防控扎实有效"
        ]
    );
    // The paragraph after （七） of chapter 一 but before chapter 二 stays under （七）.
    let before_two = r
        .sections
        .iter()
        .find(|s| s.title.starts_with("二、"))
        .unwrap();
    let at = r.section_at(before_two.span.start - 1).unwrap();
    assert!(r.sections[at].title.starts_with("（七）"));
    assert_eq!(r.line_of(before_two.span.start), before_two.line);
}

#[test]
fn no_report_has_residue_in_its_tree() {
    for r in load_embedded().reports {
        for s in &r.sections {
            assert!(!s.title.contains("bookmark"), "{}", s.title);
            assert!(!s.title.trim().is_empty());
            assert!(
                r.lines[s.line].kind
                    == LineKind::Heading(r.sections.iter().position(|x| x == s).unwrap())
            );
        }
    }
}
