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
