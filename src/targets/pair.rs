//! Targets judged against results, and set beside the targets of the levels above.
//!
//! A target is paired with the result a loaded report states for the same place, indicator,
//! period and measure, a later report's first (the 2026 report's review states 2025's growth).
//! A result said over several years though dated to one (`城镇新增就业累计106万人`) is no
//! one year's result (see [`super::span`]), nor is the level a result moves from (`从26.7%提高
//!到52.1%`); a flow target (`新建5G基站2.3万个`) is never judged by a stock result (`5G基站增至
//! 18.8万个`), nor the reverse (see [`super::stock`]). A target whose indicator names no one
//! thing (`投资`, `建好`, none) is paired with nothing (see [`super::names`]).
//! The verdict: at least, a point and a range (its low end) are met at or above the number,
//! at most at or under it, and about within half a percentage point below a rate (`5%左右` by
//! 4.5%) or 1% below an amount. A falling target (`下降3%`) is judged on the size of the fall.
//!
//! A rate target (`%`, `个百分点`) is set beside the same indicator's target for the same
//! period in each parent's report (the divisions table gives the parents): amounts are not
//! compared across levels, since a county's 6000 jobs and its province's million are not one
//! bar raised.

use std::collections::HashMap;

use serde::Serialize;

use crate::compare::FigureRef;
use crate::corpus::Report;
use crate::figures::{Basis, Figure, Measure, Status, Value};

use super::stock::{Tally, tally};
use super::{Bound, Target};

/// How a target fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The result reached the target.
    Met,
    /// The result fell short.
    Missed,
    /// No loaded report states the result.
    NoResult,
    /// The target has no number to judge against (`与经济增长同步`).
    NotJudged,
    /// The target names no one indicator (none, a bare `投资`, a verb taken for a name), so no
    /// result can be said to be for it.
    NoIndicator,
}

impl Verdict {
    /// The name used in tables, CSV and JSON (`no_result`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Missed => "missed",
            Verdict::NoResult => "no_result",
            Verdict::NotJudged => "not_judged",
            Verdict::NoIndicator => "no_indicator",
        }
    }
}

/// The target a level above set for the same indicator and period.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParentTarget {
    /// The parent (`商丘市`).
    pub region: String,
    /// Its target's number.
    pub value: f64,
    /// How its number is bounded.
    pub bound: Bound,
    /// This target's number less the parent's: above zero, the bar was raised.
    pub difference: f64,
    /// Where the parent's target stands: its report and target.
    #[serde(skip)]
    pub at: (usize, usize),
}

/// A target with its result, gap, verdict and parents' targets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paired {
    /// The target.
    pub target: Target,
    /// The place that set it (`民权县`), or its report's file name.
    pub region: String,
    /// The result's figure, when a loaded report states it.
    #[serde(skip)]
    pub result: Option<FigureRef>,
    /// The result's number.
    pub result_value: Option<f64>,
    /// The result less the target (its low end for a range).
    pub gap: Option<f64>,
    /// How the target fared.
    pub verdict: Verdict,
    /// The targets of the levels above for the same indicator and period, nearest first.
    pub parents: Vec<ParentTarget>,
}

/// What makes a result comparable with a target: place, indicator, period, measure, and the
/// basis of a change when it is not the year before.
type Key = (String, String, String, &'static str, Option<&'static str>);

fn lane(measure: Option<Measure>, basis: Option<Basis>) -> Option<&'static str> {
    match (measure, basis) {
        (Some(Measure::Change), Some(b @ (Basis::AnnualAverage | Basis::Cumulative))) => {
            Some(b.as_str())
        }
        _ => None,
    }
}

/// The place of a report as targets name it.
pub(super) fn region(report: &Report) -> String {
    report
        .meta
        .region
        .clone()
        .unwrap_or_else(|| report.file.clone())
}

/// Every target of `targets` (coded from `reports` and their `figures`) paired with its result
/// and judged, with the targets its parents set.
pub fn pair(
    reports: &[Report],
    figures: &[Vec<Figure>],
    targets: &[Target],
    aliases: &crate::compare::AliasTable,
) -> Vec<Paired> {
    let year = |r: usize| crate::figures::report_year(&reports[r]);
    // The results: the first in text order of each report, later reports first.
    let mut results: HashMap<Key, Vec<FigureRef>> = HashMap::new();
    let reviews: Vec<Vec<bool>> = reports.iter().map(super::span::plan_reviews).collect();
    for (r, list) in figures.iter().enumerate() {
        for (i, f) in list.iter().enumerate() {
            let (Some(name), Some(period), Some(Value::Number(_))) =
                (&f.indicator, f.period, &f.value)
            else {
                continue;
            };
            // A total said over several years (`累计106万人`) is not the result of one year,
            // nor the level a result moves from.
            if f.status != Status::Actual
                || (period.from == period.to
                    && super::span::over_years(&reports[r], &reviews[r], f))
                || super::joins::starts_a_move(&reports[r], f)
            {
                continue;
            }
            let key = (
                region(&reports[r]),
                aliases.canonical(name),
                period.to_string(),
                f.measure.as_str(),
                lane(Some(f.measure), f.basis),
            );
            results.entry(key).or_default().push(FigureRef {
                report: r,
                figure: i,
            });
        }
    }
    // Only a target naming one indicator is paired, or set beside its parents'.
    let key_of = |region: String, t: &Target| -> Option<Key> {
        Some((
            region,
            t.indicator
                .clone()
                .filter(|name| super::names::specific(name))?,
            t.period?.to_string(),
            t.measure?.as_str(),
            lane(t.measure, t.basis),
        ))
    };
    let tally_of = |r: &FigureRef| tally(&reports[r.report], &figures[r.report][r.figure]);
    let mut set: HashMap<Key, usize> = HashMap::new();
    for (i, t) in targets.iter().enumerate() {
        if t.value.is_some()
            && let Some(key) = key_of(region(&reports[t.report]), t)
        {
            set.entry(key).or_insert(i);
        }
    }
    targets
        .iter()
        .map(|t| {
            let place = region(&reports[t.report]);
            let key = key_of(place.clone(), t);
            let named = t.indicator.as_deref().is_some_and(super::names::specific);
            let tally = t
                .figure
                .and_then(|i| figures[t.report].get(i))
                .map_or(Tally::Unknown, |f| tally(&reports[t.report], f));
            let result = key.as_ref().and_then(|k| results.get(k)).and_then(|found| {
                let later = |r: &&FigureRef| match (year(r.report), t.period) {
                    (Some(y), Some(p)) => y > p.to,
                    _ => r.report != t.report,
                };
                found
                    .iter()
                    .filter(later)
                    // `5%` is not judged by `283亿元`.
                    .filter(|r| figures[r.report][r.figure].unit == t.unit)
                    // `新建5G基站2.3万个` is not judged by `5G基站增至18.8万个`.
                    .filter(|r| tally.agrees(tally_of(r)))
                    .min_by_key(|r| (year(r.report), r.report, r.figure))
                    .copied()
            });
            let result_value = result.and_then(|r| match figures[r.report][r.figure].value {
                Some(Value::Number(v)) => Some(v),
                _ => None,
            });
            let verdict = match (t.value, result_value) {
                (None, _) => Verdict::NotJudged,
                (Some(_), None) if !named => Verdict::NoIndicator,
                (Some(_), None) => Verdict::NoResult,
                (Some(goal), Some(got)) => judge(t.bound, t.unit, goal, got),
            };
            let gap = t
                .value
                .zip(result_value)
                .map(|(goal, got)| round(got - goal));
            // Only rates compare across levels: a county's 6000 jobs and its province's
            // 1.1 million are not one bar raised.
            let rate = t.unit == "%" || t.unit == "个百分点";
            let parents = match (t.value, &key) {
                (Some(value), Some(key)) if rate => reports[t.report]
                    .meta
                    .parents
                    .iter()
                    .filter_map(|parent| {
                        let mut k = key.clone();
                        k.0 = parent.clone();
                        let &p = set.get(&k)?;
                        let above = &targets[p];
                        Some(ParentTarget {
                            region: parent.clone(),
                            value: above.value?,
                            bound: above.bound,
                            difference: round(value - above.value?),
                            at: (above.report, p),
                        })
                    })
                    .collect(),
                _ => Vec::new(),
            };
            Paired {
                target: t.clone(),
                region: place,
                result,
                result_value,
                gap,
                verdict,
                parents,
            }
        })
        .collect()
}

/// A difference of two decimals without the binary noise (`5.4 - 5.0` is 0.4, not
/// 0.40000000000000036).
fn round(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Whether `got` meets a target of `goal` bounded by `bound`, in `unit`.
pub fn judge(bound: Bound, unit: &str, goal: f64, got: f64) -> Verdict {
    // A fall is judged on its size: `下降3%以上` is met by a fall of 3.2%.
    let (goal, got) = if goal < 0.0 {
        (-goal, -got)
    } else {
        (goal, got)
    };
    let met = match bound {
        Bound::AtMost => got <= goal + 1e-9,
        Bound::About => {
            let slack = if unit == "%" || unit == "个百分点" {
                0.5
            } else {
                goal * 0.01
            };
            got >= goal - slack - 1e-9
        }
        _ => got >= goal - 1e-9,
    };
    if met { Verdict::Met } else { Verdict::Missed }
}

/// How far one indicator's targets of one period stand from their parents'.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Escalation {
    /// The canonical indicator.
    pub indicator: String,
    /// The period.
    pub period: String,
    /// Targets with a parent's target beside them (the nearest parent's).
    pub pairs: usize,
    /// How many set a higher number than their parent.
    pub above: usize,
    /// How many set the same number.
    pub equal: usize,
    /// How many set a lower number.
    pub below: usize,
    /// The mean of target less parent's target.
    pub mean_difference: f64,
    /// The largest of them.
    pub max_difference: f64,
}

/// Per indicator and period, how the targets set stand against their nearest parent's.
pub fn escalation(paired: &[Paired]) -> Vec<Escalation> {
    let mut groups: std::collections::BTreeMap<(String, String), Vec<f64>> = Default::default();
    for p in paired {
        let (Some(parent), Some(indicator), Some(period)) =
            (p.parents.first(), &p.target.indicator, p.target.period)
        else {
            continue;
        };
        groups
            .entry((indicator.clone(), period.to_string()))
            .or_default()
            .push(parent.difference);
    }
    groups
        .into_iter()
        .map(|((indicator, period), diffs)| {
            let count = |f: fn(f64) -> bool| diffs.iter().filter(|&&d| f(d)).count();
            Escalation {
                indicator,
                period,
                pairs: diffs.len(),
                above: count(|d| d > 1e-9),
                equal: count(|d| d.abs() <= 1e-9),
                below: count(|d| d < -1e-9),
                mean_difference: round(diffs.iter().sum::<f64>() / diffs.len() as f64),
                max_difference: diffs.iter().copied().fold(f64::MIN, f64::max),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verdicts_follow_the_bound() {
        assert_eq!(
            judge(Bound::About, "%", 5.5, 5.0),
            Verdict::Met,
            "at the floor"
        );
        assert_eq!(judge(Bound::About, "%", 5.5, 4.9), Verdict::Missed);
        assert_eq!(judge(Bound::AtLeast, "%", 5.5, 5.5), Verdict::Met);
        assert_eq!(judge(Bound::AtLeast, "%", 5.5, 5.4), Verdict::Missed);
        assert_eq!(judge(Bound::AtMost, "%", 5.0, 5.1), Verdict::Missed);
        assert_eq!(judge(Bound::Range, "%", 5.0, 5.0), Verdict::Met);
        assert_eq!(
            judge(Bound::AtLeast, "%", -3.0, -3.2),
            Verdict::Met,
            "a fall"
        );
        assert_eq!(judge(Bound::About, "元", 1000.0, 990.0), Verdict::Met);
        assert_eq!(judge(Bound::About, "元", 1000.0, 989.0), Verdict::Missed);
    }
}
