//! Comparing one indicator across reports and years, and judging targets against results.
//!
//! The [`IndicatorIndex`] groups every figure of the loaded reports under a canonical indicator
//! name (see [`aliases`]); [`compare`] lays one indicator out as a row per place and period with
//! its level, change and rank, the target set for that period (by whichever report set it) and
//! whether the result reported for it met the target.

pub mod aliases;
mod verdict;

use std::collections::BTreeMap;

use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher, Utf32Str};

use crate::corpus::Report;
use crate::figures::indicator::is_threshold;
use crate::figures::{Basis, Figure, Measure, Status, Value};

pub use aliases::{AliasTable, BUNDLED};
pub use verdict::{Verdict, judge};

/// Where a figure lives: `figures[report][figure]` beside `reports[report]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FigureRef {
    /// Index of the report.
    pub report: usize,
    /// Index of the figure in that report's figures.
    pub figure: usize,
}

/// One indicator and every figure that measures it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorEntry {
    /// The canonical name (`生产总值`).
    pub name: String,
    /// Its figures, in report then text order.
    pub figures: Vec<FigureRef>,
}

/// Every indicator named in the loaded reports, most-cited first.
#[derive(Debug, Clone, Default)]
pub struct IndicatorIndex {
    /// The indicators.
    pub entries: Vec<IndicatorEntry>,
}

impl IndicatorIndex {
    /// Index the figures of `reports` (`figures[i]` are the figures of `reports[i]`), naming
    /// indicators through `aliases`.
    pub fn build(figures: &[Vec<Figure>], aliases: &AliasTable) -> IndicatorIndex {
        let mut by_name: BTreeMap<String, Vec<FigureRef>> = BTreeMap::new();
        for (report, list) in figures.iter().enumerate() {
            for (figure, f) in list.iter().enumerate() {
                // A threshold (`5000万元以上项目` gives 项目投资门槛) is the bar things are
                // counted against, not a level reached: comparing it across years says nothing.
                if let Some(name) = f.indicator.as_ref().filter(|n| !is_threshold(n)) {
                    by_name
                        .entry(aliases.canonical(name))
                        .or_default()
                        .push(FigureRef { report, figure });
                }
            }
        }
        let mut entries: Vec<IndicatorEntry> = by_name
            .into_iter()
            .map(|(name, figures)| IndicatorEntry { name, figures })
            .collect();
        entries.sort_by(|a, b| {
            b.figures
                .len()
                .cmp(&a.figures.len())
                .then(a.name.cmp(&b.name))
        });
        IndicatorIndex { entries }
    }

    /// The entry for `name` after alias resolution.
    pub fn get(&self, name: &str, aliases: &AliasTable) -> Option<&IndicatorEntry> {
        let canonical = aliases.canonical(name);
        self.entries.iter().find(|e| e.name == canonical)
    }

    /// Entries whose name matches `query` fuzzily, best first; all entries for an empty query.
    pub fn search(&self, query: &str) -> Vec<&IndicatorEntry> {
        self.search_indices(query)
            .into_iter()
            .map(|i| &self.entries[i])
            .collect()
    }

    /// Positions in [`Self::entries`] of the entries matching `query` fuzzily, best first (ties
    /// most-cited first); every position for an empty query.
    pub fn search_indices(&self, query: &str) -> Vec<usize> {
        let pattern = Pattern::parse(query, CaseMatching::Ignore, Normalization::Smart);
        let mut matcher = Matcher::new(Config::DEFAULT);
        let mut buffer = Vec::new();
        let mut scored: Vec<(usize, u32)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| {
                let score = pattern.score(Utf32Str::new(&e.name, &mut buffer), &mut matcher)?;
                Some((i, score))
            })
            .collect();
        scored.sort_by_key(|&(i, score)| (std::cmp::Reverse(score), i));
        scored.into_iter().map(|(i, _)| i).collect()
    }

    /// Positions of the entries `query` means, best first: the exact or alias match (`GDP` is
    /// 生产总值), then the fuzzy matches. The browser's compare view lists these and
    /// `baogao compare` takes the first, so one name means one indicator everywhere.
    pub fn ranked(&self, query: &str, aliases: &AliasTable) -> Vec<usize> {
        let canonical = aliases.canonical(query.trim());
        let exact = self.entries.iter().position(|e| e.name == canonical);
        let mut ranked: Vec<usize> = exact.into_iter().collect();
        ranked.extend(
            self.search_indices(query)
                .into_iter()
                .filter(|&i| Some(i) != exact),
        );
        ranked
    }

    /// The entry a user means by `query`: the first of [`Self::ranked`].
    pub fn resolve(&self, query: &str, aliases: &AliasTable) -> Option<&IndicatorEntry> {
        self.ranked(query, aliases)
            .first()
            .map(|&i| &self.entries[i])
    }
}

/// One place and period of an indicator.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The place (`民权县`), or the file name when the report names none.
    pub region: String,
    /// The period (`2022`, `2021-2025`), or `None` when the text does not say.
    pub period: Option<String>,
    /// The basis of the row's changes when it is not the year before: an annual average
    /// and a cumulative change of the same years are not alike, so each has its own row.
    pub basis: Option<Basis>,
    /// The level reported for the period.
    pub level: Option<FigureRef>,
    /// The change reported for the period.
    pub change: Option<FigureRef>,
    /// The rank reported for the period.
    pub rank: Option<FigureRef>,
    /// The target set for the period, by whichever report set it.
    pub target: Option<FigureRef>,
    /// The result reported for what the target measures.
    pub result: Option<FigureRef>,
    /// Whether the result met the target.
    pub verdict: Verdict,
}

/// The lane of a figure within its place and period: a change that is an annual average or
/// cumulative (`年均增长8%`, `较2016年增长42.6%`) stands apart from the year-on-year change
/// and the levels, which share a row.
fn lane(figure: &Figure) -> Option<Basis> {
    match (figure.measure, figure.basis) {
        (Measure::Change, Some(basis @ (Basis::AnnualAverage | Basis::Cumulative))) => Some(basis),
        _ => None,
    }
}

/// The rows of `entry`: one per place, period and basis of change, in that order. A target
/// is judged only against a result of its own basis.
pub fn compare(entry: &IndicatorEntry, reports: &[Report], figures: &[Vec<Figure>]) -> Vec<Row> {
    type Key = (String, Option<String>, Option<&'static str>);
    let mut rows: BTreeMap<Key, Row> = BTreeMap::new();
    for &at in &entry.figures {
        let report = &reports[at.report];
        let figure = &figures[at.report][at.figure];
        let region = report
            .meta
            .region
            .clone()
            .unwrap_or_else(|| report.file.clone());
        let period = figure.period.map(|p| p.to_string());
        let basis = lane(figure);
        let row = rows
            .entry((region.clone(), period.clone(), basis.map(Basis::as_str)))
            .or_insert_with(|| Row {
                region,
                period,
                basis,
                level: None,
                change: None,
                rank: None,
                target: None,
                result: None,
                verdict: Verdict::NoTarget,
            });
        let slot = match (figure.status, figure.measure) {
            (Status::Target, _) => &mut row.target,
            (Status::Actual, Measure::Level | Measure::Share) => &mut row.level,
            (Status::Actual, Measure::Change) => &mut row.change,
            (Status::Actual, Measure::Rank) => &mut row.rank,
        };
        slot.get_or_insert(at);
    }
    let at = |r: FigureRef| &figures[r.report][r.figure];
    rows.into_values()
        .map(|mut row| {
            row.result = row.target.and_then(|target| match at(target).measure {
                Measure::Change => row.change,
                Measure::Rank => row.rank,
                Measure::Level | Measure::Share => row.level,
            });
            row.verdict = match row.target {
                None => Verdict::NoTarget,
                Some(target) => judge(at(target), row.result.map(at)),
            };
            row
        })
        .collect()
}

/// A figure as a reader would say it in a table: a change with its direction, a qualifier the
/// surface lacks put back where the report writes it (`↑8%左右`, `↑近百亿元`), and the basis
/// of a change not against the year before (`↑8%（年均）`).
pub fn shown(figure: &Figure) -> String {
    let arrow = match (figure.measure, &figure.value) {
        (Measure::Change, Some(Value::Number(v))) if *v < 0.0 => "↓",
        (Measure::Change, Some(Value::Number(_))) => "↑",
        _ => "",
    };
    // `↑8%（年均）`, `↑42.6%（较2016年）`: a change not against the year before says its basis.
    let basis = match (figure.measure, figure.basis, figure.base_year) {
        (Measure::Change, Some(Basis::AnnualAverage), _) => "（年均）".to_string(),
        (Measure::Change, Some(Basis::Cumulative), Some(year)) => format!("（较{year}年）"),
        (Measure::Change, Some(Basis::Cumulative), None) => "（累计）".to_string(),
        _ => String::new(),
    };
    format!("{arrow}{}{basis}", figure.qualified_text())
}

#[cfg(test)]
mod tests;
