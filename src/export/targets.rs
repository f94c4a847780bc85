//! The targets `baogao targets` lists and the browser's targets table exports, as rows for tools
//! and drafts: CSV and JSON with every coded column, Markdown with those a reader reads. One
//! piece of code writes them for both.

use std::fmt::Write as _;

use serde::Serialize;

use super::Format;
use crate::corpus::Report;
use crate::figures::{self, Figure};
use crate::targets::{self, Paired};

/// One target as printed: the CSV's columns, in order.
#[derive(Debug, Serialize)]
pub struct TargetRow {
    /// The place that set the target.
    pub region: String,
    /// Its administrative level (`province`, `county`…).
    pub level: String,
    /// The places above it, `;`-separated.
    pub parents: String,
    /// Its division code.
    pub code: String,
    /// The year of the report that sets the target.
    pub report_year: Option<i32>,
    /// The period the target is for.
    pub period: String,
    /// The indicator.
    pub indicator: String,
    /// The target as written.
    pub text: String,
    /// Its value (the low end of a range).
    pub value: Option<f64>,
    /// The high end of a range.
    pub value_high: Option<f64>,
    /// The base unit of the values.
    pub unit: String,
    /// `level`, `change`, `share` or `rank`.
    pub measure: String,
    /// The basis of a change (`annual_average`…).
    pub basis: String,
    /// Whether it is a floor, a ceiling, a point or a range.
    pub bound: &'static str,
    /// How firmly it is set.
    pub firmness: &'static str,
    /// The words that set the firmness.
    pub firmness_words: String,
    /// Where the firmness was read from.
    pub firmness_from: String,
    /// The report file that sets it.
    pub file: String,
    /// The 1-based line there.
    pub line: u32,
    /// The result reported for the period, as written.
    pub result_text: String,
    /// The result's value.
    pub result_value: Option<f64>,
    /// The report file stating the result.
    pub result_file: String,
    /// The 1-based line there.
    pub result_line: Option<u32>,
    /// Result minus target, in the target's unit.
    pub gap: Option<f64>,
    /// Whether the result met the target.
    pub verdict: &'static str,
    /// The place above that set a target for the same indicator and period.
    pub parent_region: String,
    /// That target's value.
    pub parent_value: Option<f64>,
    /// This target minus the parent's.
    pub above_parent: Option<f64>,
}

/// A row in JSON: the columns and every parent's target.
#[derive(Debug, Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    row: &'a TargetRow,
    parent_targets: &'a [targets::ParentTarget],
}

/// Text as printed: the one place output text is shaped.
fn cell(text: &str) -> String {
    text.to_string()
}

/// The CSV header, written alone when no row matches.
const HEADERS: [&str; 28] = [
    "region",
    "level",
    "parents",
    "code",
    "report_year",
    "period",
    "indicator",
    "text",
    "value",
    "value_high",
    "unit",
    "measure",
    "basis",
    "bound",
    "firmness",
    "firmness_words",
    "firmness_from",
    "file",
    "line",
    "result_text",
    "result_value",
    "result_file",
    "result_line",
    "gap",
    "verdict",
    "parent_region",
    "parent_value",
    "above_parent",
];

/// The printed row of the target `p` (its report and result among `reports` and `figures`).
pub fn target_row(reports: &[Report], figures: &[Vec<Figure>], p: &Paired) -> TargetRow {
    let t = &p.target;
    let report = &reports[t.report];
    let result = p
        .result
        .map(|r| (&reports[r.report], &figures[r.report][r.figure]));
    let parent = p.parents.first();
    TargetRow {
        region: cell(&p.region),
        level: report
            .meta
            .level
            .map(|l| l.as_str().to_string())
            .unwrap_or_default(),
        parents: cell(&report.meta.parents.join(";")),
        code: report.meta.code.clone().unwrap_or_default(),
        report_year: figures::report_year(report),
        period: t.period.map(|p| p.to_string()).unwrap_or_default(),
        indicator: cell(t.indicator.as_deref().unwrap_or("")),
        text: cell(&t.text),
        value: t.value,
        value_high: t.value_high,
        unit: cell(t.unit),
        measure: t
            .measure
            .map(|m| m.as_str().to_string())
            .unwrap_or_default(),
        basis: t.basis.map(|b| b.as_str().to_string()).unwrap_or_default(),
        bound: t.bound.as_str(),
        firmness: t.firmness.as_str(),
        firmness_words: cell(&t.firmness_words.join(" ")),
        firmness_from: serde_plain(&t.firmness_from),
        file: cell(&report.file),
        line: t.line + 1,
        result_text: result
            .map(|(_, f)| cell(&result_text(f)))
            .unwrap_or_default(),
        result_value: p.result_value,
        result_file: result.map(|(r, _)| cell(&r.file)).unwrap_or_default(),
        result_line: result.map(|(_, f)| f.line + 1),
        gap: p.gap,
        verdict: p.verdict.as_str(),
        parent_region: parent.map(|q| cell(&q.region)).unwrap_or_default(),
        parent_value: parent.map(|q| q.value),
        above_parent: parent.map(|q| q.difference),
    }
}

/// A result as written, a fall marked `↓` (`固定资产投资下降3.3%` → `↓3.3%`): beside a target of
/// 5% growth, a bare `3.3%` would read as growth.
fn result_text(figure: &Figure) -> String {
    let falls = figure.measure == figures::Measure::Change
        && matches!(figure.value, Some(figures::Value::Number(v)) if v < 0.0);
    let text = figure.qualified_text();
    if falls { format!("↓{text}") } else { text }
}

/// A unit enum's serde name (`lead_in`).
fn serde_plain(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// Render the targets `chosen` (among `reports` and their `figures`) in `format`: JSON and CSV as
/// `baogao targets --format json|csv` prints them, Markdown as a table of what a reader reads.
/// BibTeX and CSL-JSON cite passages, not tables: they give the CSV. Control and bidirectional
/// characters from the reports are escaped, as in every export.
pub fn render_targets(
    format: Format,
    reports: &[Report],
    figures: &[Vec<Figure>],
    chosen: &[&Paired],
) -> String {
    use crate::text::escape::escaped;
    let rows: Vec<TargetRow> = chosen
        .iter()
        .map(|p| target_row(reports, figures, p))
        .collect();
    match format {
        Format::Json => {
            let json: Vec<JsonRow> = rows
                .iter()
                .zip(chosen)
                .map(|(row, p)| JsonRow {
                    row,
                    parent_targets: &p.parents,
                })
                .collect();
            super::json_safe(serde_json::to_string_pretty(&json).expect("target rows serialise"))
        }
        Format::Md => escaped(&markdown(&rows)).into_owned(),
        Format::Csv | Format::Bib | Format::Csl => escaped(&csv(&rows)).into_owned(),
    }
}

fn csv(rows: &[TargetRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    for row in rows {
        writer.serialize(row).expect("writing to memory");
    }
    if rows.is_empty() {
        writer.write_record(HEADERS).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory"))
        .expect("csv of UTF-8 is UTF-8")
}

/// The Markdown table's columns.
const MD_COLUMNS: [&str; 11] = [
    "region",
    "period",
    "indicator",
    "target",
    "bound",
    "firmness",
    "result",
    "gap",
    "verdict",
    "parent_target",
    "source",
];

impl TargetRow {
    /// The row as the text cells a reader sees, in the order of the Markdown columns: the table
    /// `baogao targets` prints and the Markdown export show the same cells.
    pub fn cells(&self) -> [String; 11] {
        [
            self.region.clone(),
            self.period.clone(),
            self.indicator.clone(),
            self.text.clone(),
            self.bound.to_string(),
            self.firmness.to_string(),
            self.result_text.clone(),
            self.gap.map(|g| g.to_string()).unwrap_or_default(),
            self.verdict.to_string(),
            match (&self.parent_value, &self.above_parent) {
                (Some(v), Some(d)) => format!("{} {v} ({d:+})", self.parent_region),
                _ => String::new(),
            },
            format!("{}:{}", self.file, self.line),
        ]
    }
}

fn markdown(rows: &[TargetRow]) -> String {
    let md = |text: &str| {
        text.replace('\\', "\\\\")
            .replace('|', "\\|")
            .replace(['\n', '\r'], " ")
    };
    let mut out = String::new();
    let _ = writeln!(out, "| {} |", MD_COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(MD_COLUMNS.len()));
    for r in rows {
        let cells = r.cells();
        let cells: Vec<String> = cells.iter().map(|c| md(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}
