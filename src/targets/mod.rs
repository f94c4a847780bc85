//! Targets as researchers code them: every target a report sets, with how it is bounded
//! (`5%左右` about, `不低于` at least, `以内` at most, `4.5%-5%` a range, a bare number a point),
//! how firmly it is promised (`确保` hard, `力争` soft, and the words that say so), the targets
//! stated without a number (`与经济增长同步`), the result a later report states for the same
//! period with the gap and a verdict, and the target the level above set for the same indicator
//! (层层加码: a county's 8% under its city's 7.5%).
//!
//! [`code`] codes one report's targets from its figures; [`pair()`] judges them against the
//! results of every loaded report and sets each beside its parents' targets.

mod clause;
mod code;
mod joins;
mod names;
mod pair;
mod select;
mod span;
mod stock;
mod words;

use serde::Serialize;

use crate::figures::{Basis, Measure, Period};

pub use code::code;
pub use pair::{Escalation, Paired, ParentTarget, Verdict, escalation, judge, pair};
pub use select::select;

/// How a target bounds its number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// About the number: `5%左右`, `约5%`.
    About,
    /// At least: `5%以上`, `不低于5%`, `超3000亿度`.
    AtLeast,
    /// At most: `5%以内`, `不超过35微克`, `控制在3%`.
    AtMost,
    /// Between two numbers: `4.5%-5%`.
    Range,
    /// The number itself, with no bound word: `达到69%`.
    Point,
    /// No number: `与经济增长同步`, `保持在合理区间`.
    None,
}

impl Bound {
    /// The name used in tables, CSV and JSON (`at_least`).
    pub fn as_str(self) -> &'static str {
        match self {
            Bound::About => "about",
            Bound::AtLeast => "at_least",
            Bound::AtMost => "at_most",
            Bound::Range => "range",
            Bound::Point => "point",
            Bound::None => "none",
        }
    }
}

/// How firmly a target is promised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Firmness {
    /// Bound by a word that commits: `确保`, `必须`, `控制在`, `不低于`, `守住…底线`.
    Hard,
    /// An aim or an expectation: `力争`, `争取`, `预期`, `左右`, or no word at all.
    Soft,
}

impl Firmness {
    /// The name used in tables, CSV and JSON (`hard`).
    pub fn as_str(self) -> &'static str {
        match self {
            Firmness::Hard => "hard",
            Firmness::Soft => "soft",
        }
    }
}

/// What decided a target's firmness.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FirmnessFrom {
    /// A word in the target's clause.
    Clause,
    /// The paragraph's lead-in (`预期目标是：`): soft.
    LeadIn,
    /// Nothing said: soft, since a target is hard only when a word says so.
    Default,
}

/// One target a report sets.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Target {
    /// Index of the report in the loaded reports.
    #[serde(skip)]
    pub report: usize,
    /// Index of its figure in the report's figures; `None` for a target without a number.
    #[serde(skip)]
    pub figure: Option<usize>,
    /// Byte range in the report's text of what states it, bound words included.
    #[serde(skip)]
    pub span: std::ops::Range<usize>,
    /// 0-based line.
    pub line: u32,
    /// 1-based character column where [`Self::text`] starts.
    pub col: u32,
    /// What states it: `5%左右`, `不低于80亿元`, `5.0%—5.5%`, `与经济增长同步`.
    pub text: String,
    /// The canonical indicator (`生产总值`), when the text names one.
    pub indicator: Option<String>,
    /// The period it is set for.
    pub period: Option<Period>,
    /// The number, normalised as figures are (`120万人` is 1200000); the low end of a range.
    pub value: Option<f64>,
    /// The high end of a range.
    pub value_high: Option<f64>,
    /// The unit of the value (`%`, `元`, `人`).
    pub unit: &'static str,
    /// Whether it sets a level, a change, a rank or a share.
    pub measure: Option<Measure>,
    /// What a change is measured against.
    pub basis: Option<Basis>,
    /// How the number is bounded.
    pub bound: Bound,
    /// How firmly it is promised.
    pub firmness: Firmness,
    /// The firmness and bound words of its clause, in text order (`["确保", "以上"]`).
    pub firmness_words: Vec<&'static str>,
    /// What decided the firmness.
    pub firmness_from: FirmnessFrom,
}

/// Every target of `reports` (with their `figures`, `figures[i]` of `reports[i]`) coded,
/// paired with its result and judged, with its parents' targets: what `baogao targets` lists
/// and the compare view's targets table shows.
pub fn all(
    reports: &[crate::corpus::Report],
    figures: &[Vec<crate::figures::Figure>],
    aliases: &crate::compare::AliasTable,
) -> Vec<Paired> {
    let coded: Vec<Target> = reports
        .iter()
        .zip(figures)
        .enumerate()
        .flat_map(|(i, (report, list))| code(i, report, list, aliases))
        .collect();
    pair(reports, figures, &coded, aliases)
}

#[cfg(test)]
mod tests;
