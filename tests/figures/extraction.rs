//! The extractor end to end on report text it has never seen: other places and years,
//! traditional characters, amounts in 万元, plan chapters, lists paired with `分别`, declines.
//! Each case is a small annotated report built with the corpus parser.

use baogao::corpus::parse_report;
use baogao::figures::{Figure, Kind, Measure, Status, Value, extract};

const REPORT: &str = "政府工作报告
——2025年1月8日在兰考县第十七届人民代表大会第四次会议上

一、2024年工作回顾
2024年，全县地区生产总值完成412.6亿元，同比增长6.1%，增速居全市第2位；一般公共预算收入下降3.5%；城乡居民人均可支配收入分别增长5.8%、7.2%。
绿色食品、智能家居产业增加值分别增长9.8%、12.5%，全年新增市场主体1.2万户，引进项目1-2个。
實現外貿進出口總額35.6億元，增長18%；新增就業8500人，减少碳排放12万吨。
全县财政收入4560万元，占生产总值的比重15.9%，是上年的1.3倍。
二、2025年工作安排
今年主要预期目标是：地区生产总值增长7%左右，城镇调查失业率控制在5.5%以内，常住人口城镇化率提高1.2个百分点。
力争粮食总产稳定在15亿斤以上，实施“三个一批”项目，坚持“1345”发展思路，做好六稳六保工作。
";

fn figures() -> Vec<Figure> {
    extract(&parse_report("兰考-2025.txt", None, REPORT))
}

fn find<'a>(figures: &'a [Figure], text: &str) -> &'a Figure {
    figures
        .iter()
        .find(|f| &*f.text == text)
        .unwrap_or_else(|| panic!("{text} not found in {:?}", texts(figures)))
}

fn texts(figures: &[Figure]) -> Vec<&str> {
    figures.iter().map(|f| &*f.text).collect()
}

fn number(f: &Figure) -> f64 {
    match f.value {
        Some(Value::Number(v)) => v,
        ref other => panic!("{}: {other:?}", f.text),
    }
}

#[test]
fn exactly_the_figures_and_nothing_else() {
    let figures = figures();
    assert_eq!(
        texts(&figures),
        [
            "412.6亿元",
            "6.1%",
            "第2位",
            "3.5%",
            "5.8%",
            "7.2%",
            "9.8%",
            "12.5%",
            "1.2万户",
            "1-2个",
            "35.6億元",
            "18%",
            "8500人",
            "12万吨",
            "4560万元",
            "15.9%",
            "1.3倍",
            "7%",
            "5.5%",
            "1.2个百分点",
            "15亿斤",
        ]
    );
}

#[test]
fn spans_point_into_the_text() {
    let report = parse_report("兰考-2025.txt", None, REPORT);
    for f in extract(&report) {
        assert_eq!(&report.text[f.span.clone()], &*f.text);
        let line = report.line_text(f.line as usize);
        let from_col: String = line.chars().skip(f.col as usize - 1).collect();
        assert!(from_col.starts_with(&*f.text), "{f:?}");
    }
}

#[test]
fn values_kinds_and_signs() {
    let figures = figures();
    let gdp = find(&figures, "412.6亿元");
    assert_eq!(
        (gdp.kind, gdp.measure, gdp.unit),
        (Kind::Money, Measure::Level, "元")
    );
    assert!((number(gdp) - 412.6e8).abs() < 1.0);
    assert_eq!(number(find(&figures, "3.5%")), -3.5);
    assert_eq!(find(&figures, "3.5%").measure, Measure::Change);
    assert_eq!(number(find(&figures, "12万吨")), -120_000.0);
    assert_eq!(number(find(&figures, "4560万元")), 45_600_000.0);
    assert!((number(find(&figures, "35.6億元")) - 35.6e8).abs() < 1.0);
    assert_eq!(number(find(&figures, "1.2万户")), 12_000.0);
    assert_eq!(find(&figures, "1-2个").value, Some(Value::Range(1.0, 2.0)));
    assert_eq!(find(&figures, "第2位").kind, Kind::Rank);
    assert_eq!(find(&figures, "1.3倍").kind, Kind::Multiple);
    assert_eq!(find(&figures, "15.9%").measure, Measure::Share);
    assert_eq!(find(&figures, "1.2个百分点").kind, Kind::PercentagePoint);
    assert_eq!(find(&figures, "15亿斤").kind, Kind::Quantity);
}

#[test]
fn indicators_carry_pair_and_rank() {
    let figures = figures();
    let name = |text: &str| find(&figures, text).indicator.clone();
    assert_eq!(name("412.6亿元").as_deref(), Some("地区生产总值"));
    assert_eq!(name("6.1%").as_deref(), Some("地区生产总值"));
    assert_eq!(name("第2位").as_deref(), Some("地区生产总值增速"));
    assert_eq!(name("3.5%").as_deref(), Some("一般公共预算收入"));
    assert_eq!(name("5.8%").as_deref(), Some("城镇居民人均可支配收入"));
    assert_eq!(name("7.2%").as_deref(), Some("农村居民人均可支配收入"));
    // The items of the list share the head written on the last one.
    assert_eq!(name("9.8%").as_deref(), Some("绿色食品产业增加值"));
    assert_eq!(name("12.5%").as_deref(), Some("智能家居产业增加值"));
    assert_eq!(name("1.2万户").as_deref(), Some("新增市场主体"));
    assert_eq!(name("35.6億元").as_deref(), Some("外貿進出口總額"));
    assert_eq!(name("18%").as_deref(), Some("外貿進出口總額"));
    assert_eq!(name("1.3倍").as_deref(), Some("财政收入"));
    assert_eq!(name("7%").as_deref(), Some("地区生产总值"));
    assert_eq!(name("5.5%").as_deref(), Some("城镇调查失业率"));
    assert_eq!(name("15亿斤").as_deref(), Some("粮食总产"));
}

#[test]
fn list_continuations_keep_their_sign() {
    let figures = figures();
    assert_eq!(find(&figures, "7.2%").measure, Measure::Change);
    assert_eq!(number(find(&figures, "12.5%")), 12.5);
}

#[test]
fn targets_results_qualifiers_and_periods() {
    let figures = figures();
    for f in &figures {
        let planned = f.line >= 9;
        let expected = if planned {
            Status::Target
        } else {
            Status::Actual
        };
        assert_eq!(f.status, expected, "{}", f.text);
        let period = if planned { "2025" } else { "2024" };
        assert_eq!(
            f.period.map(|p| p.to_string()).as_deref(),
            Some(period),
            "{}",
            f.text
        );
        assert!(f.section.is_some(), "{}", f.text);
    }
    let q = |text: &str| find(&figures, text).qualifier;
    assert_eq!(q("7%"), Some("左右"));
    assert_eq!(q("5.5%"), Some("以内"));
    assert_eq!(q("15亿斤"), Some("以上"));
    assert_eq!(q("412.6亿元"), None);
}

#[test]
fn the_year_comes_from_the_text_when_the_name_has_none() {
    let text = "——2025年1月8日在县人民代表大会上\n一、今年工作安排\n生产总值增长7%左右。\n";
    let report = parse_report("report.txt", None, text);
    assert_eq!(baogao::figures::report_year(&report), Some(2025));
    let figures = extract(&report);
    assert_eq!(
        find(&figures, "7%")
            .period
            .map(|p| p.to_string())
            .as_deref(),
        Some("2025")
    );
    assert_eq!(find(&figures, "7%").status, Status::Target);
    let named = parse_report(
        "杞县-2019.txt",
        None,
        "一、今年工作安排\n生产总值增长7%左右。\n",
    );
    assert_eq!(baogao::figures::report_year(&named), Some(2019));
}

#[test]
fn terms_being_defined_are_not_figures() {
    let text = "一、2024年工作回顾\n3. 四个口袋：指国际航班、国内航班。\n12. 两个确立:指确立核心地位。\n新建学校3所。\n";
    let figures = extract(&parse_report("杞县-2025.txt", None, text));
    assert_eq!(texts(&figures), ["3所"]);
}

#[test]
fn counted_things_after_conjunctions() {
    let text = "一、2024年工作回顾\n对全县21家医疗机构和529个村卫生室实行一体化管理。\n";
    let figures = extract(&parse_report("杞县-2025.txt", None, text));
    assert_eq!(
        find(&figures, "529个").indicator.as_deref(),
        Some("村卫生室")
    );
}

#[test]
fn a_standard_raised_to_a_level_is_named_before_the_verb() {
    let text = "一、2024年工作回顾\n城区低保补助标准提高至年人均3432元，实际利用省外资金增长率不低于10%。\n";
    let figures = extract(&parse_report("杞县-2025.txt", None, text));
    assert_eq!(
        find(&figures, "3432元").indicator.as_deref(),
        Some("城区低保补助标准")
    );
    assert_eq!(find(&figures, "3432元").measure, Measure::Level);
    assert_eq!(
        find(&figures, "10%").indicator.as_deref(),
        Some("实际利用省外资金增长率")
    );
    assert_eq!(find(&figures, "10%").qualifier, Some("不低于"));
}

#[test]
fn odd_text_does_not_panic() {
    for text in [
        "",
        "\n\n",
        "第",
        "一、\n第1",
        "1:2:",
        "百分之",
        "翻了",
        "２０２２年",
        "”“1”“",
    ] {
        let _ = extract(&parse_report("x.txt", None, text));
    }
}

proptest::proptest! {
    /// Any text of the characters figures are made of: no panic, and every figure's span and
    /// column point at its text.
    #[test]
    fn any_mix_of_figure_characters(text in "[0-9０-９.．:：∶\\-—~第位名翻了番百分之一二两三十百千万亿萬億元%％个家吨亩倍点“”《》年月日 ，。、；级余多近超以上左右GPM\\n]{0,60}") {
        let report = parse_report("x-2024.txt", None, &text);
        for f in extract(&report) {
            proptest::prop_assert_eq!(&report.text[f.span.clone()], &*f.text);
            let from_col: String = report.line_text(f.line as usize).chars().skip(f.col as usize - 1).collect();
            proptest::prop_assert!(from_col.starts_with(&*f.text));
        }
    }
}

#[test]
fn a_huge_paragraph_of_figures_is_read_in_one_pass() {
    // Quadratic work per paragraph would not finish here: 60000 figures on one line, with no
    // clause boundary and one quotation and goal word far before them.
    let mut text = String::from("一、2024年工作安排\n“三个一批”力争");
    for _ in 0..60_000 {
        text.push_str("新建学校3所");
    }
    text.push('\n');
    let figures = extract(&parse_report("杞县-2025.txt", None, &text));
    assert_eq!(figures.len(), 60_000);
    assert!(figures.iter().all(|f| f.status == Status::Target));
}

/// A plan chapter with no number, as the outline gives it, and what the issue lists: ranges,
/// qualifiers shown with the figure, tenths as a share, labels left out, exact values, bases.
#[test]
fn plans_qualifiers_labels_and_bases() {
    let text = "政府工作报告
一、2025年工作回顾
全市地区生产总值达到283.1亿元，同比增长6.1%，较2020年增长42.6%，年均增长8%；严格落实中央八项规定精神，重点抓好八个方面工作，培育千亿级产业集群。
二、2026年重点任务
经济增长4.5-5%，居民消费价格涨幅3%左右，城镇调查失业率控制在5.5%以内，群众满意度八成以上。
";
    let figures = extract(&parse_report("示例市-2026.txt", None, text));
    let gdp = find(&figures, "283.1亿元");
    assert_eq!(gdp.value, Some(Value::Number(28_310_000_000.0)));
    assert_eq!(gdp.status, Status::Actual);
    let bases: Vec<_> = ["6.1%", "42.6%", "8%"]
        .iter()
        .map(|t| {
            let f = find(&figures, t);
            (f.basis.map(|b| b.as_str()), f.base_year)
        })
        .collect();
    assert_eq!(
        bases,
        [
            (Some("yoy"), None),
            (Some("cumulative"), Some(2020)),
            (Some("annual_average"), None)
        ]
    );
    for label in ["八项", "八个", "千亿级"] {
        assert!(
            figures.iter().all(|f| !f.text.starts_with(label)),
            "{label} is a label: {:?}",
            texts(&figures)
        );
    }
    let range = find(&figures, "4.5-5%");
    assert_eq!(range.value, Some(Value::Range(4.5, 5.0)));
    assert_eq!(range.status, Status::Target);
    assert_eq!(find(&figures, "3%").qualified_text(), "3%左右");
    assert_eq!(find(&figures, "5.5%").qualified_text(), "5.5%以内");
    let tenths = find(&figures, "八成");
    assert_eq!(
        (number(tenths), tenths.measure, tenths.qualifier),
        (80.0, Measure::Share, Some("以上"))
    );
}

/// A review that quotes last year's target keeps it a target of last year, and the result
/// after it in the same sentence a result.
#[test]
fn a_review_quoting_last_years_target() {
    let text = "政府工作报告
一、2024年工作回顾
年初确定的预期目标是地区生产总值增长5%左右，全年实际增长5.2%。
二、2025年工作安排
地区生产总值增长5%左右。
";
    let figures = extract(&parse_report("示例县-2025.txt", None, text));
    let read = |f: &Figure| {
        (
            f.text.to_string(),
            f.indicator.as_deref().map(String::from),
            f.status,
            f.period.map(|p| p.to_string()),
        )
    };
    let rows: Vec<_> = figures.iter().map(read).collect();
    let gdp = Some("地区生产总值".to_string());
    assert_eq!(
        rows,
        [
            (
                "5%".into(),
                gdp.clone(),
                Status::Target,
                Some("2024".into())
            ),
            (
                "5.2%".into(),
                gdp.clone(),
                Status::Actual,
                Some("2024".into())
            ),
            ("5%".into(), gdp, Status::Target, Some("2025".into())),
        ]
    );
}

#[test]
fn a_review_of_goals_met_reports_results() {
    let text = "政府工作报告
一、2024年工作回顾
治沙、造林分别完成年度目标任务的113%、220%；实施综合治理项目47个，水质优良比例81.4%，均完成国家下达考核目标。
";
    let figures = extract(&parse_report("示例区-2025.txt", None, text));
    assert_eq!(texts(&figures), ["113%", "220%", "47个", "81.4%"]);
    assert!(
        figures.iter().all(|f| f.status == Status::Actual),
        "{:?}",
        figures.iter().map(|f| f.status).collect::<Vec<_>>()
    );
}
