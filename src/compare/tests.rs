//! The index and the rows over the bundled reports.

use super::*;
use crate::corpus::load_embedded;
use crate::figures::extract;

fn bundled() -> (Vec<Report>, Vec<Vec<Figure>>) {
    let reports = load_embedded().reports;
    let figures = reports.iter().map(extract).collect();
    (reports, figures)
}

#[test]
fn shown_puts_arrows_and_qualifiers_where_a_reader_expects_them() {
    let (reports, figures) = bundled();
    let index = IndicatorIndex::build(&figures, &BUNDLED);
    let entry = index.get("GDP", &BUNDLED).expect("生产总值 is indexed");
    let texts: Vec<String> = entry
        .figures
        .iter()
        .map(|r| shown(&figures[r.report][r.figure]))
        .collect();
    for expected in [
        "↑8%左右",
        "↑7%以上",
        "↑近百亿元（较2015年）",
        "↑4.8%（年均）",
        "275.5亿元",
        "第 3",
    ] {
        assert!(
            texts.iter().any(|t| t == expected),
            "{expected} in {texts:?}"
        );
    }
    assert_eq!(reports.len(), figures.len());
}

#[test]
fn every_named_figure_but_thresholds_lands_in_exactly_one_entry() {
    let (_, figures) = bundled();
    let index = IndicatorIndex::build(&figures, &BUNDLED);
    let thresholds = figures
        .iter()
        .flatten()
        .filter(|f| f.indicator.as_deref().is_some_and(is_threshold))
        .count();
    assert!(thresholds > 0, "the reports set 5000万元以上 thresholds");
    assert!(index.entries.iter().all(|e| !is_threshold(&e.name)));
    let named = figures
        .iter()
        .flatten()
        .filter(|f| f.indicator.is_some())
        .count()
        - thresholds;
    let indexed: usize = index.entries.iter().map(|e| e.figures.len()).sum();
    assert_eq!(named, indexed);
    let counts: Vec<usize> = index.entries.iter().map(|e| e.figures.len()).collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "most-cited first");
}

#[test]
fn search_finds_an_indicator_by_a_fuzzy_query() {
    let (_, figures) = bundled();
    let index = IndicatorIndex::build(&figures, &BUNDLED);
    let found = index.search("零售");
    assert_eq!(
        found.first().map(|e| e.name.as_str()),
        Some("社会消费品零售总额")
    );
    assert_eq!(index.search("").len(), index.entries.len());
    assert!(index.search("𠀀𠀀𠀀").is_empty());
}

#[test]
fn changes_on_different_bases_are_never_side_by_side() {
    let report = crate::corpus::parse_report(
        "basis-2021.txt",
        None,
        "一、过去五年工作回顾\n全县生产总值达到300亿元，比上年增长6.1%，年均增长8%，较2016年增长42.6%。\n",
    );
    let reports = vec![report];
    let figures: Vec<Vec<Figure>> = reports.iter().map(extract).collect();
    let bases: Vec<Option<Basis>> = figures[0].iter().map(|f| f.basis).collect();
    assert_eq!(
        bases,
        [
            None,
            Some(Basis::Yoy),
            Some(Basis::AnnualAverage),
            Some(Basis::Cumulative)
        ],
        "{:?}",
        figures[0]
    );
    let index = IndicatorIndex::build(&figures, &BUNDLED);
    let entry = index
        .get("生产总值", &BUNDLED)
        .expect("生产总值 is indexed");
    let rows = compare(entry, &reports, &figures);
    let changes: Vec<(Option<Basis>, String)> = rows
        .iter()
        .filter_map(|r| {
            r.change
                .map(|c| (r.basis, shown(&figures[c.report][c.figure])))
        })
        .collect();
    assert_eq!(changes.len(), 3, "one row per basis: {changes:?}");
    for (basis, text) in &changes {
        match basis {
            None => assert_eq!(text, "↑6.1%"),
            Some(Basis::AnnualAverage) => assert_eq!(text, "↑8%（年均）"),
            Some(Basis::Cumulative) => assert_eq!(text, "↑42.6%（较2016年）"),
            Some(Basis::Yoy) => panic!("a year-on-year change shares the levels' row"),
        }
    }
}
