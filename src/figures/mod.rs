//! Figures: every number in a report that measures something, with its unit and its meaning.
//!
//! A [`Figure`] carries its exact source span (so the browser can highlight it and jump to it),
//! a normalised value, what kind of quantity it is, what it measures (level, change, rank,
//! share), the indicator it belongs to, and whether it is a result or a target.
//!
//! [`extract`] reads every readable line of a report: [`scan::scan`] finds the surfaces and
//! their values ([`numerals`], [`units`]); [`indicator`] names what each measures; [`status`]
//! reads the change's sign, the qualifier, and target or result; [`period`] the year it is of.

pub mod basis;
mod char_table;
pub mod indicator;
pub mod lexicon;
pub mod numerals;
pub mod period;
mod read;
pub mod reviews;
pub mod scan;
pub mod status;
pub mod target;
pub mod units;
mod words;

use std::ops::Range;
use std::sync::Arc;

use compact_str::CompactString;
use serde::Serialize;

use crate::corpus::Report;

pub use basis::Basis;
pub use read::report_year;

/// One figure found in a report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Byte range of the surface text in [`Report::text`].
    pub span: Range<usize>,
    /// 0-based line index in [`Report::lines`] (32 bits: a corpus holds hundreds of thousands
    /// of figures, and no report has four billion lines).
    pub line: u32,
    /// 1-based character column where the surface starts on its line.
    pub col: u32,
    /// The surface exactly as in the source (`283.1亿元`). Held inline (up to 24 bytes, which
    /// nearly every surface fits), so a figure costs no allocation for it.
    pub text: CompactString,
    /// What sort of quantity it is.
    pub kind: Kind,
    /// The normalised value: magnitudes applied, changes signed; `None` if it cannot be computed.
    pub value: Option<Value>,
    /// The base unit after magnitudes are applied (`元`, `%`, `个百分点`, `吨`, `个`…), from the
    /// units table: never allocated per figure.
    pub unit: &'static str,
    /// Whether it states a level, a change, a rank or a share.
    pub measure: Measure,
    /// The indicator it measures (`生产总值`), if the text names one. Shared, so that a browser
    /// holding a whole corpus keeps each name once (see `app::loading`).
    pub indicator: Option<Arc<str>>,
    /// A result reported, or a target set.
    pub status: Status,
    /// `左右`, `以上`, `力争`, `预计`… when the text qualifies the figure (from a fixed list).
    pub qualifier: Option<&'static str>,
    /// The year (`2022`) or range (`2021-2025`) the figure refers to, when known.
    pub period: Option<Period>,
    /// What a change is measured against (`yoy`, `annual_average`, `cumulative`); `None` for
    /// a level, a share or a rank, and where the text does not tell.
    pub basis: Option<Basis>,
    /// The base year of a cumulative change (`较2016年增长42.6%` → 2016).
    pub base_year: Option<i32>,
    /// Whether the text says the change is at comparable prices (`按可比价计算`).
    pub comparable_prices: bool,
    /// Index of the deepest enclosing section in [`Report::sections`].
    pub section: Option<usize>,
}

/// The year, or the span of years, a figure refers to: written `2022` or `2021-2025`. A value,
/// not a string, so the hundreds of thousands of figures of a big corpus carry no allocation
/// for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    /// The first year.
    pub from: i32,
    /// The last year (the same as `from` for one year).
    pub to: i32,
}

impl Period {
    /// `2022` or `2021-2025`; anything else is not a period.
    pub fn parse(text: &str) -> Option<Period> {
        let (from, to) = match text.split_once('-') {
            Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
            None => {
                let year = text.parse().ok()?;
                (year, year)
            }
        };
        Some(Period { from, to })
    }
}

impl std::fmt::Display for Period {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.from == self.to {
            write!(f, "{}", self.from)
        } else {
            write!(f, "{}-{}", self.from, self.to)
        }
    }
}

impl Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// A figure's normalised value.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    /// One number: `283.1亿元` → 28310000000.
    Number(f64),
    /// A range: `1-2项` → [1, 2].
    Range(f64, f64),
    /// The parts of a ratio: `24:34.6:41.4`.
    Ratio(Box<[f64]>),
}

/// What sort of quantity a figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// 元, 万元, 亿元, 美元…
    Money,
    /// %.
    Percent,
    /// 个百分点.
    PercentagePoint,
    /// A number with a measure word: 个 家 所 条 座 户 人 项…
    Count,
    /// A physical quantity: 吨 亩 公里 平方米 千瓦时…
    Quantity,
    /// 第1位, 全市第一.
    Rank,
    /// 24:34.6:41.4.
    Ratio,
    /// 3.4倍.
    Multiple,
}

/// What a figure states about its indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    /// How much: `生产总值完成283.1亿元`.
    Level,
    /// By how much it moved: `同比增长5.2%`, `下降4.3%`.
    Change,
    /// Its place: `增速居全市第1位`.
    Rank,
    /// Its part of a whole: `占GDP的比重15.9%`.
    Share,
}

/// Whether a figure is a result reported or a target set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Achieved (or, with `预计`, estimated for a past period).
    Actual,
    /// Planned, promised or expected.
    Target,
}

impl Figure {
    /// The surface with its qualifier where a reader expects it: `3%左右`, `7%以上`,
    /// `控制在3%`, `超500亿元` (a qualifier inside the surface, `990余万元`, is there already).
    pub fn qualified_text(&self) -> String {
        qualified(&self.text, self.qualifier)
    }
}

/// `text` with `qualifier` before or after it, as the qualifier is written.
pub fn qualified(text: &str, qualifier: Option<&str>) -> String {
    match qualifier {
        Some(q) if text.contains(q) => text.to_string(),
        Some(q) if status::written_after(q) => format!("{text}{q}"),
        Some(q) => format!("{q}{text}"),
        None => text.to_string(),
    }
}

/// Every figure in `report`, in text order: only reading text is read (not residue, nor the
/// title and front matter, whose dates and session ordinals are not figures).
pub fn extract(report: &Report) -> Vec<Figure> {
    read::figures(report)
}

/// A figure, or a label read as one, with the rules that read it: what `figures --explain`
/// shows.
#[derive(Debug, Clone)]
pub struct Explained {
    /// The figure (for a label, what it would have been).
    pub figure: Figure,
    /// The naming rule that gave its indicator (`named_before`, `respectively`…).
    pub named_by: Option<&'static str>,
    /// For a label, the rule that makes it one (`label_head`, `meeting_number`…); `None` for a
    /// figure.
    pub label: Option<&'static str>,
}

/// Every figure of `report` and every label read as one, with the rules that read them.
pub fn extract_explained(report: &Report) -> Vec<Explained> {
    read::explained(report)
}

impl Kind {
    /// The name used in JSON and CSV (`percentage_point`).
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Money => "money",
            Kind::Percent => "percent",
            Kind::PercentagePoint => "percentage_point",
            Kind::Count => "count",
            Kind::Quantity => "quantity",
            Kind::Rank => "rank",
            Kind::Ratio => "ratio",
            Kind::Multiple => "multiple",
        }
    }
}

impl Measure {
    /// The name used in JSON and CSV (`change`).
    pub fn as_str(self) -> &'static str {
        match self {
            Measure::Level => "level",
            Measure::Change => "change",
            Measure::Rank => "rank",
            Measure::Share => "share",
        }
    }
}

impl Status {
    /// The name used in JSON and CSV (`target`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Actual => "actual",
            Status::Target => "target",
        }
    }
}

impl std::fmt::Display for Value {
    /// `28310000000`, `1-2`, `24:34.6:41.4`: each number in its shortest form, which is the
    /// decimal as written, since values are computed exactly (see `numerals::scaled`).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let n = |x: f64| format!("{x}");
        match self {
            Value::Number(x) => write!(f, "{}", n(*x)),
            Value::Range(a, b) => write!(f, "{}-{}", n(*a), n(*b)),
            Value::Ratio(parts) => {
                let parts: Vec<String> = parts.iter().map(|p| n(*p)).collect();
                write!(f, "{}", parts.join(":"))
            }
        }
    }
}
