//! Whether an amount is what a year adds (a flow: `新增5G基站1万个`, `建设高标准农田300万亩`) or
//! how many there are (a stock: `5G基站增至18.8万个`, `高标准农田达到4808万亩`): a flow target is
//! never judged by a stock result, nor the reverse. Read from the words before the number in
//! its item (the part of its clause after the last `、` holding one), else the items before
//! it (`新增科技型中小企业7227家、高新技术企业3200家` are both flows); the words are
//! `assets/lexicon/flow-words.txt`, `stock-words.txt` and `stock-words-weak.txt`.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::corpus::Report;
use crate::figures::Figure;
use crate::figures::lexicon::list;

use super::clause;
use super::joins::placed;

/// Words that make an amount a flow (`新增`, `新建`, `改造`).
static FLOW: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("flow-words"));
/// Words that make an amount a stock even after a flow word (`累计`, `增至`).
static STOCK: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("stock-words"));
/// Words that make an amount a stock where no flow word stands (`达到`).
static STOCK_WEAK: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("stock-words-weak"));

/// Every word of the three lists, the longest at each place (`增加到` over `增加`), with the
/// kind it marks.
static WORDS: LazyLock<(AhoCorasick, Vec<Mark>)> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = Vec::new();
    let mut marks = Vec::new();
    for (list, mark) in [
        (&*STOCK, Mark::Stock),
        (&*FLOW, Mark::Flow),
        (&*STOCK_WEAK, Mark::WeakStock),
    ] {
        for word in list.iter() {
            if !words.contains(word) {
                words.push(word);
                marks.push(mark);
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("the flow and stock words build an automaton");
    (automaton, marks)
});

/// What a word before an amount marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Stock,
    Flow,
    WeakStock,
}

/// Whether an amount is added in its period or stands at its end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tally {
    /// What the period adds: `新增5G基站1万个`.
    Flow,
    /// How many there are: `累计建成5G基站12万个`.
    Stock,
    /// Nothing says.
    Unknown,
}

impl Tally {
    /// Whether a target tallied `self` may be judged by a result tallied `other`: not a flow
    /// by a stock, nor a stock by a flow.
    pub(super) fn agrees(self, other: Tally) -> bool {
        !matches!(
            (self, other),
            (Tally::Flow, Tally::Stock) | (Tally::Stock, Tally::Flow)
        )
    }
}

/// How `figure` of `report` tallies: a rate (`%`, `个百分点`) is neither a flow nor a stock.
pub(super) fn tally(report: &Report, figure: &Figure) -> Tally {
    if matches!(figure.unit, "%" | "个百分点") {
        return Tally::Unknown;
    }
    let Some((content, _, span)) = placed(report, figure) else {
        return Tally::Unknown;
    };
    let start = clause::around(content, span.start, span.end).start;
    tally_before(&content[start..span.start])
}

/// How the amount after `before` (its clause up to the number) tallies.
fn tally_before(before: &str) -> Tally {
    let (automaton, marks) = &*WORDS;
    for item in before.rsplit('、') {
        let found: Vec<Mark> = automaton
            .find_iter(item)
            .map(|m| marks[m.pattern().as_usize()])
            .collect();
        if found.contains(&Mark::Stock) {
            return Tally::Stock;
        }
        if found.contains(&Mark::Flow) {
            return Tally::Flow;
        }
        if found.contains(&Mark::WeakStock) {
            return Tally::Stock;
        }
    }
    Tally::Unknown
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn flows_and_stocks_are_told_by_the_words_before_the_number() {
        assert_eq!(tally_before("新建5G基站"), Tally::Flow);
        assert_eq!(tally_before("数字经济加速赋能，5G基站增至"), Tally::Stock);
        assert_eq!(tally_before("累计建成5G基站"), Tally::Stock);
        assert_eq!(tally_before("高标准农田达到"), Tally::Stock);
        assert_eq!(tally_before("城镇新增就业达到"), Tally::Flow);
        assert_eq!(
            tally_before("建成高标准农田8.9万亩、累计达到"),
            Tally::Stock
        );
        assert_eq!(tally_before("累计建成5G基站12万个、新增"), Tally::Flow);
        assert_eq!(
            tally_before("新增科技型中小企业7227家、高新技术企业3200家、专精特新企业"),
            Tally::Flow
        );
        assert_eq!(tally_before("地方财政总收入完成"), Tally::Unknown);
        assert_eq!(tally_before("城镇常住人口增加到"), Tally::Stock);
        assert!(!Tally::Flow.agrees(Tally::Stock));
        assert!(!Tally::Stock.agrees(Tally::Flow));
        assert!(Tally::Flow.agrees(Tally::Unknown));
        assert!(Tally::Stock.agrees(Tally::Stock));
    }
}
