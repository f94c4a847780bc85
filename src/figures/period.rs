//! Periods: the year or years a figure refers to — a year the sentence states (`2022年，…`),
//! a five-year plan (`“十四五”时期` → 2021-2025), a five-year review, a section title's year, or
//! the report's year (targets) and the year before it (results).

use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::words::has_word;
use super::{Period, Status};
/// The years a five-year plan code covers: `十四五` → 2021–2025 (from the third plan, 1966,
/// they run back to back).
pub fn plan_years(code: &str) -> Option<(i32, i32)> {
    let n = super::numerals::parse_chinese(code.strip_suffix('五')?)? as i32;
    (n >= 3).then(|| {
        let start = 1966 + (n - 3) * 5;
        (start, start + 4)
    })
}

/// The five-year plan named in `text` as a period (`“十四五”时期`, `十三五期间`), if any: the
/// first.
pub fn plan_period(text: &str) -> Option<(i32, i32)> {
    plan_periods(text).next()
}

/// Every five-year plan named in `text` as a period, in text order
/// (`“十四五”时期发展成就和“十五五”时期主要目标任务` names two).
pub fn plan_periods(text: &str) -> impl Iterator<Item = (i32, i32)> + '_ {
    // Every plan code starts with `十`: most paragraphs name none.
    let any = SHI.find(text.as_bytes()).is_some();
    WU.find_iter(text.as_bytes())
        .take_while(move |_| any)
        .filter_map(move |p| {
            let c = '五';
            let start = text[..p]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| "十一二三四五六七八九".contains(c))
                .last()
                .map(|(i, _)| i)?;
            let code = &text[start..p + c.len_utf8()];
            let rest = text[p + c.len_utf8()..].trim_start_matches(['”', '"', '’']);
            let names_period = [
                "时期", "期间", "规划", "发展", "主要", "目标", "時期", "期間", "規劃", "發展",
                "目標",
            ]
            .iter()
            .any(|w| rest.starts_with(w));
            (code.starts_with('十') && names_period)
                .then(|| plan_years(code))
                .flatten()
        })
}

/// Words of a paragraph looking back over five years (`这是…的五年`, `五年来`).
pub static FIVE_YEAR_REVIEW_WORDS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("five-year-review"));
/// Words of a paragraph planning the next five years.
pub static FIVE_YEAR_PLAN_WORDS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("five-year-plan"));

/// The length of a run of years written in a clause: `连续9年` → 9, `连续三年` → 3.
pub fn run_of_years(clause: &str) -> Option<i32> {
    let at = super::words::rfind_word(clause, "连续")? + "连续".len();
    let rest = &clause[at..];
    let end = rest.find('年')?;
    let number = &rest[..end];
    let n =
        super::numerals::parse_arabic(number).or_else(|| super::numerals::parse_chinese(number))?;
    ((2.0..=50.0).contains(&n) && n.fract() == 0.0).then_some(n as i32)
}

/// Whether a paragraph plans the next five years.
pub fn plans_five_years(line: &str) -> bool {
    WU.find(line.as_bytes()).is_some() && FIVE_YEAR_PLAN_WORDS.iter().any(|w| has_word(line, w))
}

/// Whether a paragraph reports a five-year plan already over in `year` (`“十三五”期间，…` in a
/// 2021 report).
pub fn reviews_past_plan(line: &str, year: Option<i32>) -> bool {
    matches!((plan_period(line), year), (Some((_, end)), Some(y)) if end < y)
}

/// The period of an average yearly target (`到2025年…年均增长7%`): from the report's year to the
/// year stated, when that is later.
pub fn yearly_average(clause: &str, stated: i32, year: Option<i32>) -> Option<String> {
    let y = year?;
    (stated > y && (clause.contains("年均") || clause.contains("年平均")))
        .then(|| format!("{y}-{stated}"))
}

/// The years a programme set in `sentence_before` (the sentence up to a target) runs, in a
/// report of `year`: a span written in years (`第1个“三年行动”（2025—2027年）`) or a time
/// given from the report's year (`用3年时间，引进留用1万名…` in 2025 → 2025-2027).
pub fn programme_span(sentence_before: &str, year: Option<i32>) -> Option<Period> {
    static NIAN_REV: LazyLock<memchr::memmem::FinderRev<'static>> =
        LazyLock::new(|| memchr::memmem::FinderRev::new("年"));
    static TIME: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("时间"));
    if let Some(at) = NIAN_REV.rfind(sentence_before.as_bytes()) {
        let head = &sentence_before[..at];
        let to_digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        let dash = &head[..head.len() - to_digits];
        let dash = ["—", "－", "-", "～", "~", "至", "到"]
            .iter()
            .find_map(|d| dash.strip_suffix(d));
        if let (4, Some(before)) = (to_digits, dash) {
            let from_digits = before.bytes().rev().take_while(u8::is_ascii_digit).count();
            let from = before[before.len() - from_digits..].parse::<i32>().ok();
            let to = head[head.len() - 4..].parse::<i32>().ok();
            if let (4, Some(from), Some(to)) = (from_digits, from, to)
                && from < to
                && to - from <= 10
            {
                return Some(Period { from, to });
            }
        }
    }
    let y = year?;
    TIME.find(sentence_before.as_bytes())?;
    sentence_before.rmatch_indices('用').find_map(|(at, _)| {
        let rest = &sentence_before[at + '用'.len_utf8()..];
        let end = rest.find('年').filter(|&end| end <= 6)?;
        let n = super::numerals::parse_arabic(&rest[..end])
            .or_else(|| super::numerals::parse_chinese(&rest[..end]))?;
        let after = &rest[end + '年'.len_utf8()..];
        let time = after.starts_with("时间") || after.starts_with("左右时间");
        (time && (2.0..=10.0).contains(&n) && n.fract() == 0.0).then(|| Period {
            from: y,
            to: y + n as i32 - 1,
        })
    })
}

/// Whether a paragraph looks back over five years.
pub fn reviews_five_years(line: &str) -> bool {
    WU.find(line.as_bytes()).is_some() && FIVE_YEAR_REVIEW_WORDS.iter().any(|w| has_word(line, w))
}

/// The dates a section title gives the figures under it: the first year it writes and the
/// five-year plan it names (`二、2023年工作安排`, `“十四五”时期主要目标`).
#[derive(Debug, Clone, Copy)]
pub struct TitleDates {
    /// The first `YYYY年` in the title.
    pub year: Option<i32>,
    /// The years of the last five-year plan it names as a period: the one its targets look to
    /// (`“十四五”时期发展成就和“十五五”时期主要目标任务` → 十五五).
    pub plan: Option<(i32, i32)>,
}

impl TitleDates {
    /// Read `title` once, for every default period of its sections.
    pub fn of(title: &str) -> TitleDates {
        TitleDates {
            year: title_year(title),
            plan: plan_periods(title).last(),
        }
    }
}

/// The period of a figure whose sentence states no year: from the paragraph (a five-year
/// review or plan), the section titles (chapter first), or the report's year (results are of
/// the year before).
pub fn default_period(
    status: Status,
    five_years: bool,
    titles: &[TitleDates],
    year: Option<i32>,
) -> Option<Period> {
    let range = |(from, to): (i32, i32)| Period { from, to };
    let one = |y: i32| Period { from: y, to: y };
    match status {
        Status::Actual => {
            if five_years {
                return year.map(|y| range((y - 5, y - 1)));
            }
            if let Some(y) = titles.iter().rev().find_map(|t| t.year) {
                return Some(one(y));
            }
            year.map(|y| one(y - 1))
        }
        Status::Target => {
            if five_years {
                return year.map(|y| range((y, y + 4)));
            }
            for (depth, t) in titles.iter().enumerate().rev() {
                // `“十五五”时期主要目标和2026年重点工作`: its own paragraphs set the plan's
                // goals, its sections the year's work.
                let in_a_section = depth + 1 < titles.len();
                match (t.plan, t.year) {
                    (Some(_), Some(y)) if in_a_section => return Some(one(y)),
                    (Some(p), _) => return Some(range(p)),
                    (None, Some(y)) => return Some(one(y)),
                    (None, None) => {}
                }
            }
            year.map(one)
        }
    }
}

/// Searchers for the bytes of `年`, `五` and `十`, built once: for a Chinese character a byte
/// search is much faster than a search for the character (whose last byte, which that probes,
/// is common to many).
static NIAN: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("年"));
static WU: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("五"));
static SHI: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("十"));

/// The first year written in a title (`一、2022年工作回顾` → 2022).
pub fn title_year(title: &str) -> Option<i32> {
    years(title).next().map(|(_, y)| y)
}

/// Every `YYYY年` in `text` (digits may be spaced from 年: `展望 2023 年`), with its byte offset.
pub fn years(text: &str) -> impl Iterator<Item = (usize, i32)> + '_ {
    NIAN.find_iter(text.as_bytes()).filter_map(move |at| {
        let head = text[..at].trim_end_matches(' ');
        let bytes = head.as_bytes();
        let start = bytes.len().checked_sub(4)?;
        let digits = &bytes[start..];
        let bounded = start == 0 || !bytes[start - 1].is_ascii_digit();
        if !bounded || !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        let year: i32 = head[start..].parse().ok()?;
        (1900..=2100).contains(&year).then_some((start, year))
    })
}

/// The years in `text` that open a clause (`2022年，全县生产总值…`, `到2025年`), with their
/// byte offsets; not bases of comparison (`较2015年`, `是2015年的`, `2015年以来`).
pub fn opening_years(text: &str) -> Vec<(usize, i32)> {
    years(text)
        .filter(|&(i, _)| {
            let head = text[..i].trim_end();
            let opens = head.is_empty()
                || head.ends_with(['，', ',', '；', ';', '：', ':', '。', '！', '？'])
                || head.ends_with("到")
                || head.ends_with("在");
            let tail = text[i + 4..].trim_start().trim_start_matches('年');
            let base = tail.starts_with('的')
                || tail.starts_with("以来")
                || tail.starts_with('末')
                || tail.starts_with('底');
            opens && !base
        })
        .collect()
}

/// The year the sentence before a figure says it belongs to: the last opening year in it.
pub fn stated_year(sentence_before: &str) -> Option<i32> {
    opening_years(sentence_before).last().map(|&(_, y)| y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn programmes_run_the_years_they_are_given() {
        let span = |text: &str| programme_span(text, Some(2025)).map(|p| p.to_string());
        assert_eq!(
            span("第1个“三年行动”（2025—2027年），聚焦重点高原湖泊流域，对所在的"),
            Some("2025-2027".into())
        );
        assert_eq!(
            span("新时代“银龄人才万人计划”：用3年时间，引进留用"),
            Some("2025-2027".into())
        );
        assert_eq!(span("用五年左右时间，打造"), Some("2025-2029".into()));
        assert_eq!(span("到2027年，建成"), None);
        assert_eq!(span("使用年限"), None);
    }

    #[test]
    fn runs_of_years() {
        assert_eq!(run_of_years("粮食总产量连续9年稳定在"), Some(9));
        assert_eq!(run_of_years("连续三年居全国"), Some(3));
        assert_eq!(run_of_years("连续居全国"), None);
        assert_eq!(run_of_years("稳定在"), None);
    }

    #[test]
    fn a_period_reads_and_writes_a_year_or_a_span_of_years() {
        use crate::figures::Period;
        let year = Period::parse("2022").unwrap();
        assert_eq!((year.from, year.to), (2022, 2022));
        assert_eq!(year.to_string(), "2022");
        let plan = Period::parse("2021-2025").unwrap();
        assert_eq!((plan.from, plan.to), (2021, 2025));
        assert_eq!(plan.to_string(), "2021-2025");
        assert_eq!(serde_json::to_string(&plan).unwrap(), "\"2021-2025\"");
        for bad in ["", "二〇二二", "2021-", "-2025", "2021–2025"] {
            assert_eq!(Period::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn five_year_plans() {
        assert_eq!(plan_years("十四五"), Some((2021, 2025)));
        assert_eq!(plan_years("十三五"), Some((2016, 2020)));
        assert_eq!(
            plan_period("二、“十四五”时期经济社会发展"),
            Some((2021, 2025))
        );
        assert_eq!(plan_period("与“十四五”控制目标统筹"), None);
        let both = "二、“十四五”时期发展成就和“十五五”时期主要目标任务";
        assert_eq!(plan_period(both), Some((2021, 2025)));
        assert_eq!(plan_periods(both).last(), Some((2026, 2030)));
        assert_eq!(
            TitleDates::of(both).plan,
            Some((2026, 2030)),
            "targets look ahead"
        );
    }

    #[test]
    fn a_title_of_a_plan_and_a_year_dates_its_sections_to_the_year() {
        let period = |titles: &[&str]| {
            let dates: Vec<TitleDates> = titles.iter().map(|t| TitleDates::of(t)).collect();
            default_period(Status::Target, false, &dates, Some(2026)).map(|p| p.to_string())
        };
        let chapter = "二、“十五五”时期目标任务和2026年工作安排";
        assert_eq!(period(&[chapter]).as_deref(), Some("2026-2030"));
        assert_eq!(
            period(&[chapter, "（一）统筹促消费和扩投资"]).as_deref(),
            Some("2026")
        );
        assert_eq!(
            period(&["二、“十五五”时期主要目标任务", "（一）高质量发展"]).as_deref(),
            Some("2026-2030")
        );
    }

    #[test]
    fn periods() {
        assert_eq!(stated_year("2022年，全县生产总值完成"), Some(2022));
        assert_eq!(stated_year("全县生产总值较2015年提高近"), None);
        assert_eq!(stated_year("分别是2015年的"), None);
        assert_eq!(stated_year("到2025年，"), Some(2025));
        assert!(reviews_five_years("是综合实力大幅跃升的五年。"));
        assert!(!reviews_five_years("人居环境整治提升五年行动"));
        assert!(reviews_five_years("五年來，累計改造棚戶區住房"));
        assert!(reviews_past_plan("“十三五”期間，全市", Some(2021)));
        assert!(!reviews_past_plan("“十四五”时期，全市", Some(2023)));
        assert_eq!(
            yearly_average("年均增长", 2025, Some(2021)).as_deref(),
            Some("2021-2025")
        );
        assert_eq!(yearly_average("突破", 2025, Some(2021)), None);
        let period = |status, five, titles: &[&str], year| {
            let dates: Vec<TitleDates> = titles.iter().map(|t| TitleDates::of(t)).collect();
            default_period(status, five, &dates, year).map(|p| p.to_string())
        };
        assert_eq!(
            period(Status::Target, false, &["二、2023年工作安排"], Some(2023)).as_deref(),
            Some("2023")
        );
        assert_eq!(
            period(Status::Actual, true, &[], Some(2021)).as_deref(),
            Some("2016-2020")
        );
        assert_eq!(
            period(Status::Actual, false, &["一、2022年工作回顾"], Some(2023)).as_deref(),
            Some("2022")
        );
        assert_eq!(
            period(Status::Actual, false, &[], Some(2023)).as_deref(),
            Some("2022")
        );
        assert_eq!(
            period(
                Status::Target,
                false,
                &["二、“十四五”时期主要目标"],
                Some(2021)
            )
            .as_deref(),
            Some("2021-2025")
        );
        assert_eq!(
            period(Status::Target, true, &[], Some(2021)).as_deref(),
            Some("2021-2025")
        );
    }
}
