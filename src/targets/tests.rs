//! Coding targets from small reports written for the test: one rule a test, and odd text that
//! must not panic.

use super::*;
use crate::compare::BUNDLED;
use crate::corpus::parse_report;
use crate::figures::extract;

/// The targets of a report whose goal paragraph is `goals`.
fn coded(goals: &str) -> Vec<Paired> {
    let text = format!(
        "政 府 工 作 报 告\n——2023年1月5日在民权县第十六届人民代表大会第二次会议上\n\n各位代表：\n二、2023年工作安排\n{goals}\n"
    );
    let report = parse_report("t-2023.txt", None, &text);
    let figures = vec![extract(&report)];
    all(&[report], &figures, &BUNDLED)
}

fn find<'a>(paired: &'a [Paired], text: &str) -> &'a Target {
    &paired
        .iter()
        .find(|p| p.target.text == text)
        .unwrap_or_else(|| {
            let texts: Vec<&str> = paired.iter().map(|p| p.target.text.as_str()).collect();
            panic!("no target {text} in {texts:?}")
        })
        .target
}

#[test]
fn the_governing_word_wins_over_a_trailing_hedge() {
    let paired = coded("今年的主要预期目标是：生产总值增长8%左右，城镇调查失业率控制在5.5%左右。");
    let gdp = find(&paired, "8%左右");
    assert_eq!((gdp.bound, gdp.firmness), (Bound::About, Firmness::Soft));
    assert_eq!(gdp.firmness_from, FirmnessFrom::Clause);
    let jobless = find(&paired, "控制在5.5%左右");
    assert_eq!(
        (jobless.bound, jobless.firmness),
        (Bound::About, Firmness::Hard)
    );
    assert_eq!(jobless.firmness_words, ["控制在", "左右"]);
}

#[test]
fn bound_only_words_leave_the_lead_in_to_decide() {
    let paired = coded("今年的主要预期目标是：生产总值增长8%以上，一般公共预算收入增长5%。");
    let gdp = find(&paired, "8%以上");
    assert_eq!((gdp.bound, gdp.firmness), (Bound::AtLeast, Firmness::Soft));
    assert_eq!(gdp.firmness_from, FirmnessFrom::LeadIn);
    assert_eq!(gdp.firmness_words, ["以上"]);
    assert_eq!(find(&paired, "5%").bound, Bound::Point);
}

#[test]
fn a_committing_word_governs_the_items_chained_after_it() {
    let paired = coded("确保粮食产量稳定在40万吨以上、新增就业不少于6000人，力争外贸增长5%。");
    assert_eq!(find(&paired, "40万吨以上").firmness, Firmness::Hard);
    let jobs = find(&paired, "不少于6000人");
    assert_eq!(
        (jobs.bound, jobs.firmness),
        (Bound::AtLeast, Firmness::Hard)
    );
    let trade = find(&paired, "5%");
    assert_eq!(trade.firmness, Firmness::Soft, "力争 opens its own clause");
}

#[test]
fn ranges_and_targets_without_a_number() {
    let paired = coded("今年的主要预期目标是：生产总值增长4.5%-5%，居民收入增长与经济增长同步。");
    let gdp = find(&paired, "4.5%-5%");
    assert_eq!(gdp.bound, Bound::Range);
    assert_eq!((gdp.value, gdp.value_high), (Some(4.5), Some(5.0)));
    let income = paired
        .iter()
        .find(|p| p.target.text == "与经济增长同步")
        .unwrap();
    assert_eq!(income.target.bound, Bound::None);
    assert_eq!(income.target.value, None);
    assert_eq!(income.verdict, Verdict::NotJudged);
    assert_eq!(
        income
            .target
            .indicator
            .as_deref()
            .map(|i| i.contains("居民收入")),
        Some(true)
    );
    let trade = find(&coded("外贸增长5.0%—5.5%。"), "5.0%—5.5%").clone();
    assert_eq!(trade.bound, Bound::Range);
    // A water-quality class is held, not counted.
    let water = coded("加强生态保护，确保白洋淀水质稳定保持在地表水Ⅲ类，推进治污。");
    let class = find(&water, "地表水Ⅲ类");
    assert_eq!((class.bound, class.value), (Bound::None, None));
    assert_eq!(class.firmness, Firmness::Hard);
    assert_eq!(class.indicator.as_deref(), Some("白洋淀水质"));
}

#[test]
fn work_to_push_is_no_target_without_a_firmness_word_or_a_goals_paragraph() {
    let texts =
        |goals: &str| -> Vec<String> { coded(goals).into_iter().map(|p| p.target.text).collect() };
    // Prose setting a target by its figure: the pushed work beside it is no target…
    let prose = texts("新建5G基站1万个，推动自贸试验区提质增效，促进外贸稳中提质。");
    assert!(prose.contains(&"1万个".to_string()), "{prose:?}");
    assert!(
        !prose.iter().any(|t| t == "提质增效" || t == "稳中提质"),
        "{prose:?}"
    );
    // …unless a firmness word governs it, or a paragraph of goals says it.
    let governed = texts("新建5G基站1万个，确保推动外贸稳中提质。");
    assert!(governed.contains(&"稳中提质".to_string()), "{governed:?}");
    let goals = texts("今年的主要预期目标是：生产总值增长5%左右，推动进出口稳中提质。");
    assert!(goals.contains(&"稳中提质".to_string()), "{goals:?}");
}

#[test]
fn ranges_joined_by_any_dash_or_word_and_moves_that_are_not_ranges() {
    let paired = coded(
        "今年的主要预期目标是：生产总值增长4.5-5%，投资增长4.5%～5%，消费增长5%到6%，外贸增长3%至4%，收入增长4.5%–5%。",
    );
    for (text, low, high) in [
        ("4.5-5%", 4.5, 5.0),
        ("4.5%～5%", 4.5, 5.0),
        ("5%到6%", 5.0, 6.0),
        ("3%至4%", 3.0, 4.0),
        ("4.5%–5%", 4.5, 5.0),
    ] {
        let t = find(&paired, text);
        assert_eq!(t.bound, Bound::Range, "{text}");
        assert_eq!((t.value, t.value_high), (Some(low), Some(high)), "{text}");
    }
    let moved = coded("力争研发投入强度由2%到3%。");
    assert!(
        moved.iter().all(|p| p.target.bound != Bound::Range),
        "a move from one level to another is no range"
    );
}

#[test]
fn a_respectively_list_names_its_own_items() {
    let paired = coded(
        "今年的主要预期目标是：地区生产总值增长5.5%左右，其中一、二、三产增加值分别增长3.5%以上、7%左右、5%以上。",
    );
    let gdp: Vec<&str> = paired
        .iter()
        .filter(|p| p.target.indicator.as_deref() == Some("生产总值"))
        .map(|p| p.target.text.as_str())
        .collect();
    assert_eq!(
        gdp,
        ["5.5%左右"],
        "the list's 7% is not a second GDP target"
    );
    let income =
        coded("今年的主要预期目标是：城镇和农村居民人均可支配收入分别增长5%左右、7%左右。");
    assert!(
        income.iter().all(|p| p.target.indicator.is_some()),
        "a name written in the list's clause is kept"
    );
    let tourism = coded("旅游人数力争突破370万人次，旅游收入达到38亿元，分别增长20%。");
    assert!(
        tourism
            .iter()
            .find(|p| p.target.text == "20%")
            .is_some_and(|p| p.target.indicator.is_some()),
        "a list naming nothing itself keeps the name before it"
    );
}

#[test]
fn one_bound_word_covers_two_numbers_per_a_unit() {
    let paired = coded("城乡低保标准分别不低于740元/月和485元/月。");
    assert_eq!(find(&paired, "不低于740元").bound, Bound::AtLeast);
    assert_eq!(find(&paired, "485元").bound, Bound::AtLeast);
}

#[test]
fn the_level_a_target_moves_from_is_no_target() {
    let paired = coded("城乡低保标准从每人每月700元提高到750元，新建学校10所。");
    let texts: Vec<&str> = paired.iter().map(|p| p.target.text.as_str()).collect();
    assert!(texts.contains(&"750元"), "{texts:?}");
    assert!(!texts.contains(&"700元"), "{texts:?}");
}

#[test]
fn odd_text_does_not_panic() {
    for goals in [
        "",
        "确保",
        "以上5%左右、、，，；",
        "5%-",
        "-5%",
        "控制在",
        "不低于不低于不低于1",
        "预期目标：与经济增长同步”",
        "增长8%左右，，努力争取更好结果",
        "0.6人/",
        "／1%和和2%以上",
    ] {
        coded(goals);
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
    /// Goal paragraphs made of the pieces targets are written with, in any order, never panic
    /// the coder, and every target's text is where its span says.
    #[test]
    fn any_goal_paragraph_codes_without_panic(pieces in proptest::collection::vec(
        proptest::sample::select(vec![
            "生产总值增长", "5%", "4.5", "%", "左右", "以上", "以内", "不低于", "控制在", "确保",
            "力争", "、", "，", "。", "—", "-", "和", "/", "万人", "亿元", "与经济增长同步",
            "底线", "预期目标是：", "更好结果", "超", "年均", "今年", "０", " ",
        ]),
        0..24,
    )) {
        let goals: String = pieces.concat();
        let text = format!("二、2023年工作安排\n{goals}\n");
        let report = parse_report("t-2023.txt", None, &text);
        let figures = vec![extract(&report)];
        for p in all(std::slice::from_ref(&report), &figures, &BUNDLED) {
            proptest::prop_assert_eq!(&report.text[p.target.span.clone()], p.target.text.as_str());
        }
    }
}
