//! `baogao targets`: every target the loaded reports set, one row each, coded as researchers
//! code them (bound, firmness and its words, basis), with the result a report states for its
//! period, the gap and the verdict, and the target of the level above (层层加码). `--escalation`
//! summarises, per indicator and period, how targets stand against their parents'.
//!
//! Every text printed passes through [`cell`], the one place a shared escaping can be applied.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::compare::BUNDLED;
use crate::corpus::Report;
use crate::figures::{self, Figure};
use crate::targets::{self, Paired};

use super::table::Table;

/// Output formats of `baogao targets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum TargetsFormat {
    /// An aligned table for reading.
    Table,
    /// Tidy CSV with a header row: numbers in numeric columns, empty where unknown.
    Csv,
    /// A JSON array, one object per row (with every parent's target).
    Json,
}

/// Arguments of `baogao targets`.
#[derive(Debug, clap::Args)]
pub struct TargetsArgs {
    /// Only targets for this period (`2025`, `2026-2030`).
    #[arg(long, short)]
    pub period: Option<String>,
    /// Only targets of this indicator (`生产总值`, `GDP`; names containing it match too).
    #[arg(long, short)]
    pub indicator: Option<String>,
    /// Summarise escalation per indicator and period instead of listing targets.
    #[arg(long)]
    pub escalation: bool,
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = TargetsFormat::Table)]
    pub format: TargetsFormat,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// One target as printed: the CSV's columns, in order.
#[derive(Debug, Serialize)]
struct Row {
    region: String,
    level: String,
    parents: String,
    code: String,
    report_year: Option<i32>,
    period: String,
    indicator: String,
    text: String,
    value: Option<f64>,
    value_high: Option<f64>,
    unit: String,
    measure: String,
    basis: String,
    bound: &'static str,
    firmness: &'static str,
    firmness_words: String,
    firmness_from: String,
    file: String,
    line: u32,
    result_text: String,
    result_value: Option<f64>,
    result_file: String,
    result_line: Option<u32>,
    gap: Option<f64>,
    verdict: &'static str,
    parent_region: String,
    parent_value: Option<f64>,
    above_parent: Option<f64>,
}

/// A row in JSON: the columns and every parent's target.
#[derive(Debug, Serialize)]
struct JsonRow<'a> {
    #[serde(flatten)]
    row: &'a Row,
    parent_targets: &'a [targets::ParentTarget],
}

/// Text as printed: the one place output text is shaped.
fn cell(text: &str) -> String {
    text.to_string()
}

/// Run `baogao targets`.
pub fn run(args: TargetsArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(&args.paths);
    if corpus.reports.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let figures: Vec<Vec<Figure>> = corpus.reports.iter().map(figures::extract).collect();
    let paired = targets::all(&corpus.reports, &figures, &BUNDLED);
    let wanted = BUNDLED.canonical(args.indicator.as_deref().unwrap_or("").trim());
    // The indicator named exactly (or by an alias); failing that, those whose names hold it.
    let exact = paired
        .iter()
        .any(|p| p.target.indicator.as_deref() == Some(wanted.as_str()));
    let chosen: Vec<&Paired> = paired
        .iter()
        .filter(|p| {
            args.period.as_deref().is_none_or(|want| {
                p.target
                    .period
                    .is_some_and(|period| period.to_string() == want.trim())
            })
        })
        .filter(|p| {
            args.indicator.is_none()
                || p.target
                    .indicator
                    .as_deref()
                    .is_some_and(|name| name == wanted || (!exact && name.contains(&wanted)))
        })
        .collect();
    // Report text (names, places, file names) never reaches the terminal raw.
    let style = match args.format {
        TargetsFormat::Json => super::safe::Style::Json,
        _ => super::safe::Style::Text,
    };
    let mut out = super::safe::stdout(style);
    if args.escalation {
        let owned: Vec<Paired> = chosen.into_iter().cloned().collect();
        return write_escalation(&mut out, &targets::escalation(&owned), args.format);
    }
    let rows: Vec<Row> = chosen
        .iter()
        .map(|p| row(&corpus.reports, &figures, p))
        .collect();
    match args.format {
        TargetsFormat::Json => {
            let json: Vec<JsonRow> = rows
                .iter()
                .zip(&chosen)
                .map(|(row, p)| JsonRow {
                    row,
                    parent_targets: &p.parents,
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &json)?;
            writeln!(out)?;
        }
        TargetsFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut out);
            for row in &rows {
                writer.serialize(row)?;
            }
            if rows.is_empty() {
                writer.write_record(HEADERS)?;
            }
            writer.flush()?;
        }
        TargetsFormat::Table => write!(out, "{}", table(&rows).render())?,
    }
    Ok(ExitCode::SUCCESS)
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

fn row(reports: &[Report], figures: &[Vec<Figure>], p: &Paired) -> Row {
    let t = &p.target;
    let report = &reports[t.report];
    let result = p
        .result
        .map(|r| (&reports[r.report], &figures[r.report][r.figure]));
    let parent = p.parents.first();
    Row {
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
            .map(|(_, f)| cell(&f.qualified_text()))
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

/// A unit enum's serde name (`lead_in`).
fn serde_plain(value: &impl Serialize) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

fn number(x: Option<f64>) -> String {
    x.map(|x| x.to_string()).unwrap_or_default()
}

fn table(rows: &[Row]) -> Table {
    let mut table = Table::new([
        "地区",
        "期间",
        "指标",
        "目标",
        "约束",
        "力度",
        "结果",
        "差距",
        "判定",
        "上级目标",
        "来源",
    ]);
    for r in rows {
        table.push([
            r.region.clone(),
            r.period.clone(),
            r.indicator.clone(),
            r.text.clone(),
            r.bound.to_string(),
            r.firmness.to_string(),
            r.result_text.clone(),
            number(r.gap),
            r.verdict.to_string(),
            match (&r.parent_value, &r.above_parent) {
                (Some(v), Some(d)) => format!("{} {v} ({d:+})", r.parent_region),
                _ => String::new(),
            },
            format!("{}:{}", r.file, r.line),
        ]);
    }
    table
}

fn write_escalation(
    out: &mut impl Write,
    rows: &[targets::Escalation],
    format: TargetsFormat,
) -> anyhow::Result<ExitCode> {
    match format {
        TargetsFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, rows)?;
            writeln!(out)?;
        }
        TargetsFormat::Csv => {
            let mut writer = csv::Writer::from_writer(&mut *out);
            for row in rows {
                writer.serialize(row)?;
            }
            writer.flush()?;
        }
        TargetsFormat::Table => {
            let mut table = Table::new([
                "指标",
                "期间",
                "对数",
                "高于上级",
                "持平",
                "低于上级",
                "平均差",
                "最大差",
            ]);
            for r in rows {
                table.push([
                    cell(&r.indicator),
                    r.period.clone(),
                    r.pairs.to_string(),
                    r.above.to_string(),
                    r.equal.to_string(),
                    r.below.to_string(),
                    r.mean_difference.to_string(),
                    r.max_difference.to_string(),
                ]);
            }
            write!(out, "{}", table.render())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
