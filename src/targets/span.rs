//! Whether a result the figure reader dates to one year is said over several: a total
//! (`城镇新增就业累计106万人`), a yearly rate held over years (`每年超过90万人`), an amount in a
//! sentence of yearly averages (`人均可支配收入年均增长6%，城镇新增就业超690万人`), or an amount
//! in a paragraph reviewing five years (`这五年，…完成营造林3195万亩`), or in one after it that
//! opens no review of its own (a chapter `一、“十四五”时期和2025年工作回顾` reviews five years
//! until a paragraph opens the past year: `刚刚过去的2025年，…`). Such a result is not the
//! result of a one-year target, and is never paired with one.

use std::sync::LazyLock;

use crate::corpus::Report;
use crate::figures::Figure;
use crate::figures::lexicon::list;
pub(super) use crate::figures::reviews::plan_reviews;

use super::clause;

/// Words in a result's clause, before its number, that make it a total or a rate over years.
static CLAUSE: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("result-span-clause"));
/// Words anywhere in a result's sentence that make it a sentence about several years.
static SENTENCE: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("result-span-sentence"));
/// Sentence ends.
const ENDS: [char; 5] = ['。', '！', '？', '!', '?'];

/// Whether `figure`, a result of `report` (whose lines reviewing five years are `reviews`, see
/// [`plan_reviews`]), is said over several years though dated to one.
pub(super) fn over_years(report: &Report, reviews: &[bool], figure: &Figure) -> bool {
    let Some(line) = report.lines.get(figure.line as usize) else {
        return false;
    };
    let Some(content) = report.text.get(line.content.clone()) else {
        return false;
    };
    let (Some(at), Some(end)) = (
        figure.span.start.checked_sub(line.content.start),
        figure.span.end.checked_sub(line.content.start),
    ) else {
        return false;
    };
    if end > content.len() || !content.is_char_boundary(at) || !content.is_char_boundary(end) {
        return false;
    }
    let own = clause::around(content, at, end);
    if CLAUSE.iter().any(|w| content[own.start..at].contains(w)) {
        return true;
    }
    // A rate is of its year in a paragraph of five years (`优良天数比例达到89.7%`); an amount
    // there is a total over them.
    let amount = !matches!(figure.unit, "%" | "个百分点");
    let sentence_start = content[..at].rfind(ENDS).map_or(0, |i| i + '。'.len_utf8());
    let sentence_end = content[end..].find(ENDS).map_or(content.len(), |i| end + i);
    let sentence = &content[sentence_start..sentence_end];
    amount
        && (SENTENCE.iter().any(|w| sentence.contains(w))
            || reviews.get(figure.line as usize) == Some(&true))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_report;
    use crate::figures::{Status, extract};

    /// Whether the result `text` of a 2026 report reviewing 2025 with `paragraph` is said over
    /// several years.
    fn spans(paragraph: &str, text: &str) -> bool {
        spans_in(
            &format!("各位代表：\n一、2025年工作回顾\n{paragraph}"),
            text,
        )
    }

    #[test]
    fn totals_and_paragraphs_of_five_years_are_not_one_years_results() {
        assert!(spans(
            "民生福祉不断增进。城镇新增就业累计106万人。",
            "106万人"
        ));
        assert!(spans("城镇新增就业每年超过90万人。", "90万人"));
        assert!(spans(
            "人均可支配收入年均增长6%，城镇新增就业超690万人。",
            "690万人"
        ));
        assert!(spans(
            "这五年，生态环境大幅改善。完成营造林3195万亩。",
            "3195万亩"
        ));
        assert!(!spans(
            "这五年，生态环境大幅改善。空气质量优良天数比例达到89.7%。",
            "89.7%"
        ));
        assert!(!spans(
            "全年地区生产总值增长5.3%。新增公园127座，累计达到1100座。",
            "127座"
        ));
        assert!(!spans("城镇新增就业64.1万人。", "64.1万人"));
    }

    /// Whether the result `text` of a 2026 report whose review chapter is `chapter` is said
    /// over several years.
    fn spans_in(chapter: &str, text: &str) -> bool {
        let report = parse_report("t-2026.txt", None, &format!("政府工作报告\n{chapter}\n"));
        let figures = extract(&report);
        let figure = figures
            .iter()
            .find(|f| &*f.text == text && f.status == Status::Actual)
            .unwrap_or_else(|| panic!("no result {text} in {figures:?}"));
        over_years(&report, &plan_reviews(&report), figure)
    }

    #[test]
    fn a_review_of_five_years_runs_until_a_paragraph_opens_the_past_year() {
        let chapter = "一、“十四五”时期和2025年工作回顾\n这五年，我们推动高质量发展。\n\
                       城镇新增就业261.6万人，新建改造高标准农田3167万亩。\n\
                       刚刚过去的2025年，经济稳中有进。\n城镇新增就业60万人。";
        assert!(spans_in(chapter, "261.6万人"));
        assert!(spans_in(chapter, "3167万亩"));
        assert!(!spans_in(chapter, "60万人"));
        assert!(spans_in(
            "一、“十四五”时期工作回顾\n完成煤电机组改造8211万千瓦。",
            "8211万千瓦"
        ));
        assert!(spans_in(
            "一、2025年工作回顾\n各位代表！2025年是“十四五”收官之年。五年来，我们攻坚克难。\n\
             完成营造林1500万亩。",
            "1500万亩"
        ));
        assert!(!spans_in(
            "一、2025年和“十四五”时期工作回顾\n2025年是“十四五”收官之年。一年来，我们攻坚克难。\n\
             完成营造林341万亩。",
            "341万亩"
        ));
        // A rate in a review of five years is the level its last year reached.
        assert!(!spans_in(
            "一、“十四五”时期工作回顾\n这五年，常住人口城镇化率提高到57.7%。",
            "57.7%"
        ));
    }
}
