//! Which paragraphs of a report review a past plan's five years: a paragraph whose opening
//! says so (`这五年，…`, `“十四五”时期是…的五年`), and the paragraphs after it that open no
//! review of their own, until one opens the past year (`刚刚过去的2025年，…`, `一年来`) or a
//! heading names a year or a plan to come. A chapter `一、“十四五”时期和2025年工作回顾` reviews
//! five years in its first paragraphs and the past year in the rest; the results of the first
//! are dated to the five years (a flow) or to their last year (a stock), not to the past year.

use std::sync::LazyLock;

use crate::corpus::{LineKind, Report};
use crate::figures::lexicon::list;
use crate::figures::period;

/// Words in a paragraph's first sentence that make it a review of five years.
static PARAGRAPH: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("result-span-paragraph"));
/// Words in a paragraph's first sentences that open the review of the past year.
static YEAR_OPENERS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("result-span-year-openers"));

/// How many of a paragraph's first sentences may say what it reviews.
const OPENING_SENTENCES: usize = 3;

/// Sentence ends.
const ENDS: [char; 5] = ['。', '！', '？', '!', '?'];

/// What a paragraph's opening says it reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Review {
    /// A past plan's five years: `这五年，…`, `“十四五”时期是…的五年`.
    FiveYears,
    /// The past year: `刚刚过去的2025年，…`, `一年来，…`, `2025年，…`.
    OneYear,
}

/// For each line of `report`, whether its paragraph reviews a past plan's five years: its own
/// opening says so, or the nearest paragraph before it whose opening says what it reviews
/// does, or, before any, a heading naming only a past plan (`一、“十四五”时期工作回顾`). A
/// heading naming a year (`一、2025年工作回顾`) or a plan to come starts a stretch that does
/// not.
pub fn plan_reviews(report: &Report) -> Vec<bool> {
    let year = crate::figures::report_year(report);
    let mut five_years = false;
    report
        .lines
        .iter()
        .map(|line| {
            if let LineKind::Heading(s) = line.kind {
                if let Some(title) = report.sections.get(s).map(|s| s.title.as_str()) {
                    let dated_year = period::title_year(title).is_some();
                    if period::reviews_past_plan(title, year) && !dated_year {
                        five_years = true;
                    } else if dated_year || period::plan_period(title).is_some() {
                        five_years = false;
                    }
                }
            } else if let Some(content) = report.text.get(line.content.clone()) {
                match opening(content, year) {
                    Some(Review::FiveYears) => five_years = true,
                    Some(Review::OneYear) => five_years = false,
                    None => {}
                }
            }
            five_years
        })
        .collect()
}

/// What the first sentences of `paragraph` (of a report of `year`) say it reviews: the first
/// word that says, or a past plan named as a period in the first sentence.
fn opening(paragraph: &str, year: Option<i32>) -> Option<Review> {
    let end = paragraph
        .match_indices(ENDS)
        .nth(OPENING_SENTENCES - 1)
        .map_or(paragraph.len(), |(i, _)| i);
    let head = &paragraph[..end];
    let first = |words: &[&str]| words.iter().filter_map(|w| head.find(w)).min();
    // `2025年，…` in a report of 2026 opens its past year (not `2025年是“十四五”收官之年`).
    let past_year = year.and_then(|y| {
        let opener = format!("{}年，", y - 1);
        head.match_indices(&opener)
            .find(|&(i, _)| i == 0 || head[..i].ends_with(ENDS))
            .map(|(i, _)| i)
    });
    let one = first(&YEAR_OPENERS).into_iter().chain(past_year).min();
    match (first(&PARAGRAPH), one) {
        (Some(five), Some(one)) if one < five => Some(Review::OneYear),
        (Some(_), _) => Some(Review::FiveYears),
        (None, Some(_)) => Some(Review::OneYear),
        (None, None) => {
            let first = paragraph.find(ENDS).map_or(paragraph, |i| &paragraph[..i]);
            period::reviews_past_plan(first, year).then_some(Review::FiveYears)
        }
    }
}

/// Words in a result's clause that say it of every year or in total (`累计`, `每年`, `年均`).
static SPAN_WORDS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("result-span-clause"));
/// Words that make an amount a level reached (`增至`, `总数`), even after a flow word.
static STOCK_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("stock-words"));
/// Words that make an amount what the years added (`新增`, `新建`, `改造`).
static FLOW_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("flow-words"));
/// Deeds whose amount is what the years did (`实施`, `吸引`, `惠及`, `入选`).
static DEED_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("review-flow-words"));

/// Words of a level or rate said of every year (`保持在75%以上`, `稳定在700亿斤以上`,
/// `控制在5.5%左右`, `年均增速`).
static HELD_WORDS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("review-held-words"));

/// Where a clause part stops: a clause or sentence end (not `、`, which parts a list).
const PART_ENDS: [char; 10] = ['，', '；', '。', '：', '！', '？', ',', ';', '!', '?'];

/// Whether the result at `at..end` of `content`, in a review of several years, is said over
/// the span rather than of its last year. A change is (`年均增长5.7%`, `增长83%`), and so is
/// what is said of every year or in total (`每年超过90万人`, `累计新开工…3万个`). A rate or a
/// rank is its last year's (`城镇化率提高到57.7%`). An amount is over the span when a flow or
/// a deed word stands in its item before it (`新增…3个过三千亿元城市`, `建设筹集保障性住房36万
/// 套`) or right after it (`5条高铁建成运营`, `6个遗址入选`), and no stock word says it is a
/// level reached (`两院院士增至93位`); otherwise it is a stock, of the last year
/// (`贷款余额13万亿元`, `在川两院院士70位`).
///
/// Events counted (`3次亲临考察`) are over the span; `增加值` is no flow word.
pub fn over_the_span(
    change: bool,
    rate: bool,
    count: bool,
    content: &str,
    at: usize,
    end: usize,
) -> bool {
    let start = content[..at].rfind(PART_ENDS).map_or(0, |i| {
        i + content[i..].chars().next().map_or(1, char::len_utf8)
    });
    let before = &content[start..at];
    let rest = &content[end..];
    let after = &rest[..rest.find(PART_ENDS).unwrap_or(rest.len())];
    let after = &after[..after.find('、').unwrap_or(after.len())];
    let before = &before.replace("增加值", "值");
    let has = |text: &str, words: &[&str]| words.iter().any(|w| text.contains(w));
    // `国内外航线累计达到60条`: a count of things reached in all is a stock (a sum of money
    // reached, `技术合同成交额累计达260亿元`, is a flow).
    let total_reached = count && before.contains("累计达");
    // `粮食年产量稳定在700亿斤以上`, in its own item (`…稳定在6200万亩以上、年度产量首次突破2000万
    // 吨`: not the second); held for a run of years (`连续9年稳定在`), it is dated by the run.
    let item = before.rsplit('、').next().unwrap_or(before);
    let held = has(item, &HELD_WORDS) && !item.contains("连续");
    if change || (has(before, &SPAN_WORDS) && !total_reached) || held {
        return true;
    }
    if total_reached {
        return false;
    }
    if rate {
        return false;
    }
    let events = content[at..end].ends_with('次') && !rest.starts_with('/');
    for item in before.rsplit('、') {
        if has(item, &STOCK_WORDS) {
            return false;
        }
        if has(item, &FLOW_WORDS) || has(item, &DEED_WORDS) {
            return true;
        }
    }
    events || has(after, &FLOW_WORDS) || has(after, &DEED_WORDS)
}

/// Whether the figure at `at` of `content` is where a move over a review's years starts
/// (`口岸贸易总额从8.75万亿元增长到11.3万亿元`, `从全国第10位升至第5位`): its level the year
/// before the first.
pub fn starts_a_move(content: &str, at: usize) -> bool {
    let before = &content[..at];
    let before = ["全国", "全省", "全市", "全区"]
        .iter()
        .find_map(|scope| before.strip_suffix(scope))
        .unwrap_or(before);
    before.ends_with(['从', '由', '從'])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `figure` in `text` is said over the span (`change`, `rate` as given).
    fn spans(text: &str, figure: &str, change: bool, rate: bool) -> bool {
        let at = text.find(figure).expect("the figure is in the text");
        let count = !change && !rate && !figure.ends_with(['元', '斤', '亩', '吨']);
        over_the_span(change, rate, count, text, at, at + figure.len())
    }

    #[test]
    fn flows_and_changes_take_the_span_and_stocks_and_rates_the_last_year() {
        let text = "新增荆州、孝感、黄冈3个过三千亿元城市，累计新开工亿元以上项目超过3万个，\
                    5条高铁建成运营，两院院士增至93位，全省贷款余额13万亿元，增长83%，\
                    城镇新增就业每年超过90万人，常住人口城镇化率提高到57.7%，6个遗址入选";
        assert!(spans(text, "3个", false, false));
        assert!(spans(text, "3万个", false, false));
        assert!(spans(text, "5条", false, false));
        assert!(!spans(text, "93位", false, false));
        assert!(!spans(text, "13万亿元", false, false));
        assert!(spans(text, "83%", true, false));
        assert!(spans(text, "90万人", false, false));
        assert!(!spans(text, "57.7%", false, true));
        assert!(spans(text, "6个", false, false));
        assert!(!spans("工业增加值突破7600亿元", "7600亿元", false, false));
        assert!(spans("3次亲临云南考察", "3次", false, false));
        assert!(!spans(
            "算力总规模达到10.36百亿亿次/秒",
            "10.36百亿亿次",
            false,
            false
        ));
        assert!(!spans("国内外航线累计达到60条", "60条", false, false));
        assert!(spans("民生财政支出占比保持在75%以上", "75%", false, true));
        assert!(spans(
            "粮食年产量稳定在700亿斤以上",
            "700亿斤",
            false,
            false
        ));
        assert!(spans(
            "技术合同成交额累计达260亿元",
            "260亿元",
            false,
            false
        ));
        assert!(spans("城镇调查失业率控制在5.5%左右", "5.5%", false, true));
        assert!(spans("地区生产总值年均增速4.5%-5%", "5%", false, true));
        assert!(!spans("常住人口城镇化率达到69%", "69%", false, true));
        let held = "粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨";
        assert!(spans(held, "6200万亩", false, false));
        assert!(!spans(held, "2000万吨", false, false));
    }

    #[test]
    fn a_move_over_the_years_starts_at_its_from_level() {
        let text = "口岸贸易总额从8.75万亿元增长到11.3万亿元，龙头企业数从全国第10位升至第5位";
        assert!(starts_a_move(text, text.find("8.75").unwrap()));
        assert!(!starts_a_move(text, text.find("11.3").unwrap()));
        assert!(starts_a_move(text, text.find("第10位").unwrap()));
        assert!(!starts_a_move(text, text.find("第5位").unwrap()));
    }
}
