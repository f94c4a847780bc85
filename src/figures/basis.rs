//! The basis of a change: against the year before (`同比增长6.1%`), an average over a span of
//! years (`年均增长8%`), or cumulative since a base year (`较2016年增长42.6%`, `是2010年的2.6倍`,
//! a five-year review's `增长83%`). Two changes on different bases are not alike, and
//! `compare` never sets them side by side.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use serde::Serialize;

use super::lexicon::{by_last, list};
use super::words::has_word;
use super::{Kind, Period};

/// What a change is measured against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Against the year before: `同比`, `比上年`, or a plain change in one year's review or plan.
    Yoy,
    /// A yearly average over a span: `年均增长`, `年均递增`.
    AnnualAverage,
    /// Since a base year, over several years: `较2016年增长42.6%`, `是2010年的2.6倍`.
    Cumulative,
}

impl Basis {
    /// The name used in JSON and CSV (`annual_average`).
    pub fn as_str(self) -> &'static str {
        match self {
            Basis::Yoy => "yoy",
            Basis::AnnualAverage => "annual_average",
            Basis::Cumulative => "cumulative",
        }
    }
}

/// A change's basis and, when cumulative from a year that is written or implied, that year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Based {
    /// The basis, when one can be told.
    pub basis: Option<Basis>,
    /// The base year of a cumulative change.
    pub base_year: Option<i32>,
}

/// The basis of a change of `kind` whose clause before it is `clause` and whose period is
/// `period`. A comparison with a wider area (`高于全国0.2个百分点`) has none, nor has a doubling
/// in one year with no base written (`实现两个翻番`).
pub fn basis(kind: Kind, clause: &str, period: Option<Period>) -> Based {
    let based = |basis, base_year| Based {
        basis: Some(basis),
        base_year,
    };
    let said = BasisWords::said(clause);
    let says = |list: BasisList| said[list as usize];
    if says(BasisList::Gaps) {
        return Based::default();
    }
    if says(BasisList::AnnualAverage) {
        return based(Basis::AnnualAverage, None);
    }
    if says(BasisList::Yoy) {
        return based(Basis::Yoy, None);
    }
    if let Some(year) = base_year_written(clause) {
        return based(Basis::Cumulative, Some(year));
    }
    // `是“十一五”时期的2.7倍`: since an earlier plan's years, no one year.
    if kind == Kind::Multiple && has_word(clause, "时期的") {
        return based(Basis::Cumulative, None);
    }
    match period {
        // A change over a span of years (`五年…增长83%`, `净增212万亩`) runs from the year
        // before the span.
        Some(p) if p.from < p.to => based(Basis::Cumulative, Some(p.from - 1)),
        _ if kind == Kind::Multiple => Based::default(),
        _ => based(Basis::Yoy, None),
    }
}

/// The word lists a clause's basis is told by, in the order they are tried.
#[derive(Clone, Copy)]
enum BasisList {
    /// `高于全国`: a gap to a wider area (assets/lexicon/gaps.txt).
    Gaps,
    /// `年均` (assets/lexicon/basis-annual-average.txt).
    AnnualAverage,
    /// `同比`, `比上年` (assets/lexicon/basis-yoy.txt).
    Yoy,
}

/// The words of every [`BasisList`] in one automaton, so that a clause is read once for all
/// three lists instead of once for each word.
struct BasisWords {
    automaton: AhoCorasick,
    /// The list of each pattern, by pattern number.
    lists: Vec<BasisList>,
}

impl BasisWords {
    /// Which lists have a word anywhere in `clause`, by [`BasisList`] number: for each list,
    /// `list.iter().any(|w| has_word(clause, w))`.
    fn said(clause: &str) -> [bool; 3] {
        static WORDS: LazyLock<BasisWords> = LazyLock::new(|| {
            let lists = [
                (BasisList::Gaps, list!("gaps")),
                (BasisList::AnnualAverage, list!("basis-annual-average")),
                (BasisList::Yoy, list!("basis-yoy")),
            ];
            let words = lists.iter().flat_map(|(_, words)| words.iter());
            BasisWords {
                automaton: AhoCorasick::builder()
                    .kind(Some(AhoCorasickKind::DFA))
                    .build(words)
                    .expect("the basis words build an automaton"),
                lists: lists
                    .iter()
                    .flat_map(|&(list, words)| words.iter().map(move |_| list))
                    .collect(),
            }
        });
        let mut said = [false; 3];
        // Overlapping matches: every word that occurs, not only those left by earlier ones.
        for m in WORDS.automaton.find_overlapping_iter(clause) {
            said[WORDS.lists[m.pattern().as_usize()] as usize] = true;
        }
        said
    }
}

/// The base year a clause compares with: `较2016年`, `比2010年`, `与2015年相比`, `是2010年的`.
fn base_year_written(clause: &str) -> Option<i32> {
    for (at, _) in clause.match_indices('年') {
        let head = &clause[..at];
        let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
        if digits != 4 {
            continue;
        }
        let before = &head[..head.len() - 4];
        let year: i32 = head[head.len() - 4..].parse().ok()?;
        if by_last!("basis-base-year").longest_suffix(before).is_some() {
            return Some(year);
        }
    }
    None
}

/// Whether a sentence says its changes are at comparable prices (`按可比价计算`).
pub fn comparable_prices(sentence: &str) -> bool {
    // A searcher for each word, built once: a sentence is long, and the byte [`has_word`]
    // probes for (`可`'s second) is common in Chinese text.
    static WORDS: LazyLock<Vec<memchr::memmem::Finder<'static>>> = LazyLock::new(|| {
        list!("comparable-prices")
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
    });
    WORDS.iter().any(|w| w.find(sentence.as_bytes()).is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(kind: Kind, clause: &str, period: &str) -> (Option<&'static str>, Option<i32>) {
        let b = basis(kind, clause, Period::parse(period));
        (b.basis.map(Basis::as_str), b.base_year)
    }

    #[test]
    fn year_on_year() {
        assert_eq!(of(Kind::Percent, "同比增长", "2024"), (Some("yoy"), None));
        assert_eq!(
            of(Kind::Percent, "比上年增长", "2021-2025"),
            (Some("yoy"), None)
        );
        assert_eq!(of(Kind::Percent, "增长", "2024"), (Some("yoy"), None));
    }

    #[test]
    fn annual_average() {
        assert_eq!(
            of(Kind::Percent, "工业增加值年均增长", "2021-2025"),
            (Some("annual_average"), None)
        );
        assert_eq!(
            of(Kind::Percent, "年均递增", "2011-2015"),
            (Some("annual_average"), None)
        );
    }

    #[test]
    fn cumulative() {
        assert_eq!(
            of(Kind::Percent, "较2016年增长", "2020"),
            (Some("cumulative"), Some(2016))
        );
        assert_eq!(
            of(Kind::Money, "比2010年增加", "2011-2015"),
            (Some("cumulative"), Some(2010))
        );
        assert_eq!(
            of(Kind::Multiple, "是2010年的", "2015"),
            (Some("cumulative"), Some(2010))
        );
        assert_eq!(
            of(Kind::Multiple, "是“十一五”时期的", "2011-2015"),
            (Some("cumulative"), None)
        );
        assert_eq!(
            of(Kind::Percent, "增长", "2021-2025"),
            (Some("cumulative"), Some(2020))
        );
    }

    #[test]
    fn none_against_a_wider_area_or_unwritten() {
        assert_eq!(of(Kind::PercentagePoint, "高于全国", "2024"), (None, None));
        assert_eq!(of(Kind::Multiple, "实现两个", "2024"), (None, None));
    }

    #[test]
    fn comparable_prices_are_said() {
        assert!(comparable_prices("按可比价计算，增长8.1%"));
        assert!(!comparable_prices("按可比口径增长8.1%"));
    }
}
