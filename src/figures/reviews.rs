//! Which paragraphs of a report review a past plan's five years: a paragraph whose opening
//! says so (`这五年，…`, `“十四五”时期是…的五年`), and the paragraphs after it that open no
//! review of their own, until one opens the past year (`刚刚过去的2025年，…`, `一年来`) or a
//! heading names a year or a plan to come. A chapter `一、“十四五”时期和2025年工作回顾` reviews
//! five years in its first paragraphs and the past year in the rest; the results of the first
//! are dated to the five years (a flow) or to their last year (a stock), not to the past year.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;

use crate::corpus::{LineKind, Report};
use crate::figures::lexicon::list;
use crate::figures::period;
use crate::figures::words::after_char;

/// Words in a paragraph's first sentence that make it a review of five years.
static PARAGRAPH: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("result-span-paragraph"));
/// Words in a paragraph's first sentences that open the review of the past year.
static YEAR_OPENERS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("result-span-year-openers"));

/// How many of a paragraph's first sentences may say what it reviews.
const OPENING_SENTENCES: usize = 3;

/// Sentence ends, the commonest first.
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
    // `2025年，…` in a report of 2026 opens its past year: one searcher for the report.
    let past_year = year.map(|y| format!("{}年，", y - 1));
    let past_year = past_year.as_deref().map(Finder::new);
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
                match opening(content, year, past_year.as_ref()) {
                    Some(Review::FiveYears) => five_years = true,
                    Some(Review::OneYear) => five_years = false,
                    None => {}
                }
            }
            five_years
        })
        .collect()
}

/// The words of [`PARAGRAPH`] and [`YEAR_OPENERS`] in one automaton, the first list's first (a
/// match of either at the same place is of five years), and whether each is of five years.
static OPENERS: LazyLock<(AhoCorasick, Vec<bool>)> = LazyLock::new(|| {
    let words: Vec<&str> = PARAGRAPH
        .iter()
        .chain(YEAR_OPENERS.iter())
        .copied()
        .collect();
    let five: Vec<bool> = (0..words.len()).map(|i| i < PARAGRAPH.len()).collect();
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostFirst)
        .build(&words)
        .expect("the opening words build an automaton");
    (automaton, five)
});

/// What every opening word holds, one of them at least (a test holds the lists to it).
const OPENING_MARK_WORDS: [&str; 4] = ["五年", "一年", "过去的", "過去的"];

/// A searcher for each of [`OPENING_MARK_WORDS`] (see [`opening`]): a few vectorised scans
/// cost less than one automaton's walk over the paragraph.
static OPENING_MARKS: LazyLock<Vec<Finder<'static>>> =
    LazyLock::new(|| OPENING_MARK_WORDS.iter().map(Finder::new).collect());

/// A searcher for each of [`ENDS`], in its order.
static SENTENCE_ENDS: LazyLock<Vec<Finder<'static>>> = LazyLock::new(|| {
    ENDS.iter()
        .map(|end| Finder::new(end.encode_utf8(&mut [0; 4]).as_bytes()).into_owned())
        .collect()
});

/// Where the first sentence end of `text` starts and where it stops, if any: the commonest end
/// is found first and the others only before it.
fn sentence_end(text: &str) -> Option<(usize, usize)> {
    let (first, rest) = SENTENCE_ENDS.split_first()?;
    let mut found = first
        .find(text.as_bytes())
        .map(|at| (at, at + first.needle().len()));
    for finder in rest {
        let before = found.map_or(text.len(), |(at, _)| at);
        if let Some(at) = finder.find(&text.as_bytes()[..before]) {
            found = Some((at, at + finder.needle().len()));
        }
    }
    found
}

/// Where the `n`th sentence of `text` ends (where its end mark starts), or the text's end
/// when it has fewer.
fn end_of_sentence(text: &str, n: usize) -> usize {
    let mut from = 0;
    for i in 1..=n {
        match sentence_end(&text[from..]) {
            Some((at, _)) if i == n => return from + at,
            Some((_, stop)) => from += stop,
            None => break,
        }
    }
    text.len()
}

/// What the first sentences of `paragraph` (of a report of `year`, whose past year opens with
/// `past_year`) say it reviews: the first word that says, or a past plan named as a period in
/// the first sentence.
fn opening(paragraph: &str, year: Option<i32>, past_year: Option<&Finder>) -> Option<Review> {
    let first_plan = || {
        // Every plan code holds `十`: most paragraphs name none.
        if !paragraph.contains('十') {
            return None;
        }
        let first = &paragraph[..sentence_end(paragraph).map_or(paragraph.len(), |(at, _)| at)];
        period::reviews_past_plan(first, year).then_some(Review::FiveYears)
    };
    // Every opening word holds `五年`, `一年` or `过去的`: most paragraphs hold none, nor the
    // past year's opener.
    let bytes = paragraph.as_bytes();
    let may_open = OPENING_MARKS.iter().any(|f| f.find(bytes).is_some())
        || past_year.is_some_and(|finder| finder.find(bytes).is_some());
    if !may_open {
        return first_plan();
    }
    let head = &paragraph[..end_of_sentence(paragraph, OPENING_SENTENCES)];
    let (automaton, five) = &*OPENERS;
    let word = automaton
        .find(head)
        .map(|m| (m.start(), five[m.pattern().as_usize()]));
    // `2025年，…` (not `2025年是“十四五”收官之年`), at the start or after a sentence end.
    let past = past_year.and_then(|finder| {
        finder
            .find_iter(head.as_bytes())
            .find(|&i| i == 0 || head[..i].ends_with(ENDS))
    });
    match (word, past) {
        (Some((at, true)), Some(one)) if one < at => Some(Review::OneYear),
        (Some((_, true)), _) => Some(Review::FiveYears),
        (Some((_, false)), _) | (None, Some(_)) => Some(Review::OneYear),
        (None, None) => first_plan(),
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

/// What a word [`over_the_span`] reads marks, as bits: said of every year or in total, held
/// through the years, a level reached, added or done in the years.
const SPAN: u8 = 1;
const HELD: u8 = 2;
const STOCK: u8 = 4;
const FLOW: u8 = 8;

/// Every word of the five lists in one automaton, with what each marks (a word in several
/// lists marks all they do).
static SPAN_MARKS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let mut words: Vec<&str> = Vec::new();
    let mut marks: Vec<u8> = Vec::new();
    let lists: [(&[&str], u8); 5] = [
        (&SPAN_WORDS, SPAN),
        (&HELD_WORDS, HELD),
        (&STOCK_WORDS, STOCK),
        (&FLOW_WORDS, FLOW),
        (&DEED_WORDS, FLOW),
    ];
    for (list, mark) in lists {
        for &word in list {
            match words.iter().position(|&w| w == word) {
                Some(i) => marks[i] |= mark,
                None => {
                    words.push(word);
                    marks.push(mark);
                }
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .build(&words)
        .expect("the span words build an automaton");
    (automaton, marks)
});

/// The words of the lists in `text`, every one (overlapping): where each starts and what it
/// marks. `增加值` is no flow word.
fn marks_in(text: &str) -> Vec<(usize, u8)> {
    let (automaton, marks) = &*SPAN_MARKS;
    automaton
        .find_overlapping_iter(text)
        .filter(|m| !(text[m.range()].ends_with("增加") && text[m.end()..].starts_with('值')))
        .map(|m| (m.start(), marks[m.pattern().as_usize()]))
        .collect()
}

/// Whether the result at `at..end` of `content`, in a review of several years, is said over
/// the span rather than of its last year. A change is (`年均增长5.7%`, `增长83%`), and so is
/// what is said of every year or in total (`每年超过90万人`, `累计新开工…3万个`). A rate or a
/// rank is its last year's (`城镇化率提高到57.7%`). An amount is over the span when a flow or
/// a deed word stands in its item before it (`新增…3个过三千亿元城市`, `建设筹集保障性住房36万
/// 套`) or right after it (`5条高铁建成运营`, `6个遗址入选`), and no stock word says it is a
/// level reached (`两院院士增至93位`); otherwise it is a stock, of the last year
/// (`贷款余额13万亿元`, `在川两院院士70位`). Events counted (`3次亲临考察`) are over the span.
/// The words are read in one pass of an automaton over the clause part.
pub fn over_the_span(
    change: bool,
    rate: bool,
    count: bool,
    content: &str,
    at: usize,
    end: usize,
) -> bool {
    if change {
        return true;
    }
    let start = content[..at]
        .rfind(PART_ENDS)
        .map_or(0, |i| after_char(content, i));
    let before = &content[start..at];
    // `五年生产原煤65亿吨，占全国近三成`: a share of the amount just said is of its years.
    if rate
        && before.starts_with('占')
        && let Some(comma) = content[..start].strip_suffix(['，', ','])
        && let Some(digit) = comma.rfind(|c: char| c.is_ascii_digit())
    {
        let part_start = comma.rfind(PART_ENDS).map_or(0, |i| after_char(comma, i));
        if digit >= part_start {
            let number = comma[..digit]
                .rfind(|c: char| !(c.is_ascii_digit() || c == '.'))
                .map_or(0, |i| after_char(comma, i));
            return over_the_span(false, false, false, content, number, comma.len());
        }
    }
    let found = marks_in(before);
    let marked = |mask: u8, from: usize, to: usize| {
        found
            .iter()
            .any(|&(at, mark)| mark & mask != 0 && (from..to).contains(&at))
    };
    // `国内外航线累计达到60条`: a count of things reached in all is a stock (a sum of money
    // reached, `技术合同成交额累计达260亿元`, is a flow).
    let total_reached = count && before.contains("累计达");
    // `粮食年产量稳定在700亿斤以上`, in its own item (`…稳定在6200万亩以上、年度产量首次突破2000万
    // 吨`: not the second); held for a run of years (`连续9年稳定在`), it is dated by the run.
    let item_start = before.rfind('、').map_or(0, |i| i + '、'.len_utf8());
    let held = marked(HELD, item_start, before.len()) && !before[item_start..].contains("连续");
    if (marked(SPAN, 0, before.len()) && !total_reached) || held {
        return true;
    }
    if total_reached || rate {
        return false;
    }
    // The items before, the figure's own first: the nearest that says decides.
    let mut item_end = before.len();
    loop {
        let item_start = before[..item_end]
            .rfind('、')
            .map_or(0, |i| i + '、'.len_utf8());
        if marked(STOCK, item_start, item_end) {
            return false;
        }
        if marked(FLOW, item_start, item_end) {
            return true;
        }
        if item_start == 0 {
            break;
        }
        item_end = item_start - '、'.len_utf8();
    }
    let rest = &content[end..];
    let events = content[at..end].ends_with('次') && !rest.starts_with('/');
    let after = &rest[..rest.find(PART_ENDS).unwrap_or(rest.len())];
    let after = &after[..after.find('、').unwrap_or(after.len())];
    events || marks_in(after).iter().any(|&(_, mark)| mark & FLOW != 0)
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
        // A share of the amount just said is of its years; so are amounts supplied or built.
        let coal = "五年生产原煤65亿吨，占全国近三成，以长协价为24个省份保供电煤20亿吨";
        assert!(spans(coal, "三成", false, true));
        assert!(spans(coal, "20亿吨", false, false));
        assert!(!spans(
            "电力装机容量1.64亿千瓦，占全国5%",
            "5%",
            false,
            true
        ));
        assert!(spans("打造16条省级重点产业链", "16条", false, false));
        let held = "粮食播种面积稳定在6200万亩以上、年度产量首次突破2000万吨";
        assert!(spans(held, "6200万亩", false, false));
        assert!(!spans(held, "2000万吨", false, false));
    }

    #[test]
    fn every_opening_word_holds_a_word_the_paragraphs_are_searched_for() {
        for word in PARAGRAPH.iter().chain(YEAR_OPENERS.iter()) {
            assert!(
                OPENING_MARK_WORDS.iter().any(|mark| word.contains(mark)),
                "{word} holds none of {OPENING_MARK_WORDS:?}"
            );
        }
    }

    #[test]
    fn sentences_end_at_the_first_mark_of_any_kind() {
        let text = "一年来！两年来。三年来?四年";
        assert_eq!(sentence_end(text), Some((9, 12)));
        assert_eq!(end_of_sentence(text, 1), 9);
        assert_eq!(end_of_sentence(text, 2), text.find('。').unwrap());
        assert_eq!(end_of_sentence(text, 3), text.find('?').unwrap());
        assert_eq!(end_of_sentence(text, 4), text.len());
        assert_eq!(sentence_end("没有句末"), None);
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
