//! `baogao compare INDICATOR`: one indicator across every loaded report and year, with the
//! targets set for each period and whether the results met them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use serde::Serialize;

use crate::compare::{self, BUNDLED, FigureRef, IndicatorIndex, Row};
use crate::corpus::Report;
use crate::figures::{self, Figure, Value};

use super::table::Table;

/// Output formats of `baogao compare`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CompareFormat {
    /// An aligned table for reading.
    Table,
    /// A JSON array, one object per row.
    Json,
    /// CSV with a header row.
    Csv,
}

/// Arguments of `baogao compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The indicator (`生产总值`, `GDP`, `规上工业增加值`…; a fuzzy match is tried when no name
    /// matches exactly). With --list, ignored.
    #[arg(required_unless_present = "list")]
    pub indicator: Option<String>,
    /// List the indicators found, most-cited first, instead of comparing one.
    #[arg(long)]
    pub list: bool,
    /// Output format. CSV has, for each figure, its text and its `_value` (a number in base
    /// units, signed for a change; a range as `low..high`, a ratio as `a:b:c`), `_unit` and
    /// `_qualifier`.
    #[arg(long, short, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    /// With `--format csv`, begin with a byte order mark, so that Excel opens it as UTF-8 with the Chinese
    /// intact.
    #[arg(long)]
    pub bom: bool,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// A figure as the comparison shows it.
#[derive(Debug, Serialize)]
struct Cell {
    text: String,
    value: Option<Value>,
    /// The base unit of `value` (`元`, `%`, `个百分点`…).
    unit: &'static str,
    qualifier: Option<String>,
    file: String,
    line: usize,
}

/// A row as printed.
#[derive(Debug, Serialize)]
struct Printed {
    region: String,
    period: Option<String>,
    level: Option<Cell>,
    change: Option<Cell>,
    rank: Option<Cell>,
    target: Option<Cell>,
    result: Option<Cell>,
    verdict: compare::Verdict,
}

/// Run `baogao compare`.
pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(&args.paths);
    if corpus.reports.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let figures: Vec<Vec<Figure>> = corpus.reports.iter().map(figures::extract).collect();
    let index = IndicatorIndex::build(&figures, &BUNDLED);
    let style = match args.format {
        CompareFormat::Json => super::safe::Style::Json,
        _ => super::safe::Style::Text,
    };
    let mut out = super::safe::stdout(style);
    if args.list {
        for entry in &index.entries {
            writeln!(out, "{}\t{}", entry.name, entry.figures.len())?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let query = args.indicator.as_deref().unwrap_or_default();
    let Some(entry) = index.resolve(query, &BUNDLED) else {
        super::safe::warn(format!(
            "no indicator matches {query:?}; `baogao compare --list` shows them"
        ));
        return Ok(ExitCode::FAILURE);
    };
    let rows = compare::compare(entry, &corpus.reports, &figures);
    let cell = |r: Option<FigureRef>| {
        r.map(|r| to_cell(&corpus.reports[r.report], &figures[r.report][r.figure]))
    };
    let printed: Vec<Printed> = rows
        .iter()
        .map(|row: &Row| Printed {
            region: row.region.clone(),
            period: row.period.clone(),
            level: cell(row.level),
            change: cell(row.change),
            rank: cell(row.rank),
            target: cell(row.target),
            result: cell(row.result),
            verdict: row.verdict,
        })
        .collect();
    match args.format {
        CompareFormat::Json => {
            serde_json::to_writer_pretty(&mut out, &printed)?;
            writeln!(out)?;
        }
        CompareFormat::Csv => {
            if args.bom {
                write!(out, "{}", super::BOM)?;
            }
            write_csv(&mut out, &printed)?;
        }
        CompareFormat::Table => {
            writeln!(out, "{}", entry.name)?;
            write!(out, "{}", table(&printed).render())?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn to_cell(report: &Report, figure: &Figure) -> Cell {
    Cell {
        text: compare::shown(figure),
        value: figure.value.clone(),
        unit: figure.unit,
        qualifier: figure.qualifier.map(String::from),
        file: report.file.clone(),
        line: figure.line as usize + 1,
    }
}

fn table(rows: &[Printed]) -> Table {
    let mut table = Table::new([
        "地区",
        "期间",
        "水平",
        "增速",
        "排名",
        "目标",
        "结果",
        "判定",
        "目标来源",
    ]);
    let text = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
    for row in rows {
        table.push([
            row.region.clone(),
            row.period.clone().unwrap_or_else(|| "?".into()),
            text(&row.level),
            text(&row.change),
            text(&row.rank),
            text(&row.target),
            text(&row.result),
            row.verdict.label().to_string(),
            row.target
                .as_ref()
                .map(|c| format!("{}:{}", c.file, c.line))
                .unwrap_or_default(),
        ]);
    }
    table
}

/// A value as one CSV cell: the number, a range as `low..high`, a ratio as `a:b:c`.
fn value_cell(value: &Option<Value>) -> String {
    match value {
        None => String::new(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Range(low, high)) => format!("{low}..{high}"),
        Some(Value::Ratio(parts)) => parts
            .iter()
            .map(f64::to_string)
            .collect::<Vec<_>>()
            .join(":"),
    }
}

fn write_csv(out: &mut impl Write, rows: &[Printed]) -> anyhow::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    let mut header: Vec<String> = [
        "region",
        "period",
        "level",
        "change",
        "rank",
        "target",
        "target_source",
        "result",
        "verdict",
    ]
    .map(String::from)
    .to_vec();
    const CELLS: [&str; 5] = ["level", "change", "rank", "target", "result"];
    for cell in CELLS {
        for part in ["value", "unit", "qualifier"] {
            header.push(format!("{cell}_{part}"));
        }
    }
    writer.write_record(&header)?;
    let text = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
    for row in rows {
        let mut record = vec![
            row.region.clone(),
            row.period.clone().unwrap_or_default(),
            text(&row.level),
            text(&row.change),
            text(&row.rank),
            text(&row.target),
            row.target
                .as_ref()
                .map(|c| format!("{}:{}", c.file, c.line))
                .unwrap_or_default(),
            text(&row.result),
            row.verdict.label().to_string(),
        ];
        for cell in [&row.level, &row.change, &row.rank, &row.target, &row.result] {
            match cell {
                Some(c) => record.extend([
                    value_cell(&c.value),
                    c.unit.to_string(),
                    c.qualifier.clone().unwrap_or_default(),
                ]),
                None => record.extend([String::new(), String::new(), String::new()]),
            }
        }
        writer.write_record(&record)?;
    }
    writer.flush()?;
    Ok(())
}
