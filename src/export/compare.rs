//! One indicator's comparison as a table for tools and drafts: the rows `baogao compare` prints
//! as JSON, CSV or Markdown and the browser's compare view exports, written by one piece of code
//! so the two never disagree.

use std::fmt::Write as _;

use serde::Serialize;

use super::Format;
use crate::compare::{self, FigureRef, Row, Verdict};
use crate::corpus::Report;
use crate::figures::{Figure, Measure, Value};

/// A figure of a row as exported: its text as the table shows it, its value in base units and
/// where it is written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The figure as the compare table shows it (`↑8%左右`).
    pub text: String,
    /// Its value.
    pub value: Option<Value>,
    /// The base unit of `value` (`元`, `%`, `个百分点`…).
    pub unit: &'static str,
    /// `左右`, `以上`… when the report qualifies it.
    pub qualifier: Option<String>,
    /// For a change, what it is measured against: `yoy` (the year before), `annual_average`
    /// or `cumulative` (since a base year, which the text names): two bases are never alike.
    pub basis: Option<&'static str>,
    /// The report file it is written in.
    pub file: String,
    /// Its 1-based line there.
    pub line: usize,
}

impl Cell {
    /// `file:line`, the locator the tables print.
    pub fn source(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// One place and period of the indicator, as exported.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareRow {
    /// The place.
    pub region: String,
    /// The period, when the text says.
    pub period: Option<String>,
    /// The level reported.
    pub level: Option<Cell>,
    /// The change reported.
    pub change: Option<Cell>,
    /// The rank reported.
    pub rank: Option<Cell>,
    /// The target set.
    pub target: Option<Cell>,
    /// The result the target is judged against.
    pub result: Option<Cell>,
    /// Whether the result met the target.
    pub verdict: Verdict,
}

/// The exported rows of `rows`, the comparison of one indicator over `reports` (`figures[i]`
/// being the figures of `reports[i]`).
pub fn compare_rows(rows: &[Row], reports: &[Report], figures: &[Vec<Figure>]) -> Vec<CompareRow> {
    let cell = |at: Option<FigureRef>| {
        let at = at?;
        let report = reports.get(at.report)?;
        let figure = figures.get(at.report)?.get(at.figure)?;
        Some(Cell {
            text: compare::shown(figure),
            value: figure.value.clone(),
            unit: figure.unit,
            qualifier: figure.qualifier.map(String::from),
            basis: (figure.measure == Measure::Change)
                .then_some(figure.basis)
                .flatten()
                .map(|basis| basis.as_str()),
            file: report.file.clone(),
            line: figure.line as usize + 1,
        })
    };
    rows.iter()
        .map(|row| CompareRow {
            region: row.region.clone(),
            period: row.period.clone(),
            level: cell(row.level),
            change: cell(row.change),
            rank: cell(row.rank),
            target: cell(row.target),
            result: cell(row.result),
            verdict: row.verdict,
        })
        .collect()
}

/// The formats a comparison is written in.
pub const FORMATS: [Format; 3] = [Format::Csv, Format::Json, Format::Md];

/// The columns every format has, in order: the figures as shown and where the target is set.
const TEXT_COLUMNS: [&str; 9] = [
    "region",
    "period",
    "level",
    "change",
    "rank",
    "target",
    "target_source",
    "result",
    "verdict",
];

/// The figures of a row whose value, unit, qualifier and basis CSV adds as columns of their own.
const FIGURES: [&str; 5] = ["level", "change", "rank", "target", "result"];

/// Render `rows` of `indicator` in `format`: CSV and JSON as `baogao compare --format csv|json`
/// print them, Markdown as a table of the text columns under the indicator's name. BibTeX and
/// CSL-JSON cite passages, not tables: they give the CSV. Control and bidirectional
/// characters from the reports are escaped, as in every export.
pub fn render_compare(format: Format, indicator: &str, rows: &[CompareRow]) -> String {
    use crate::text::escape::escaped;
    match format {
        Format::Json => {
            super::json_safe(serde_json::to_string_pretty(rows).expect("compare rows serialise"))
        }
        Format::Md => escaped(&markdown(indicator, rows)).into_owned(),
        Format::Csv | Format::Bib | Format::Csl => escaped(&csv(rows)).into_owned(),
    }
}

/// The text columns of a row, in [`TEXT_COLUMNS`] order.
fn text_cells(row: &CompareRow) -> [String; 9] {
    let text = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
    [
        row.region.clone(),
        row.period.clone().unwrap_or_default(),
        text(&row.level),
        text(&row.change),
        text(&row.rank),
        text(&row.target),
        row.target.as_ref().map(Cell::source).unwrap_or_default(),
        text(&row.result),
        row.verdict.label().to_string(),
    ]
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

fn csv(rows: &[CompareRow]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = TEXT_COLUMNS.map(String::from).to_vec();
    for figure in FIGURES {
        for part in ["value", "unit", "qualifier", "basis"] {
            header.push(format!("{figure}_{part}"));
        }
    }
    writer.write_record(&header).expect("writing to memory");
    for row in rows {
        let mut record = text_cells(row).to_vec();
        for cell in [&row.level, &row.change, &row.rank, &row.target, &row.result] {
            match cell {
                Some(c) => record.extend([
                    value_cell(&c.value),
                    c.unit.to_string(),
                    c.qualifier.clone().unwrap_or_default(),
                    c.basis.unwrap_or_default().to_string(),
                ]),
                None => record.extend([String::new(), String::new(), String::new(), String::new()]),
            }
        }
        writer.write_record(&record).expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory"))
        .expect("csv of UTF-8 is UTF-8")
}

/// A Markdown table cell: pipes and line breaks would end the cell or the row.
fn md_cell(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn markdown(indicator: &str, rows: &[CompareRow]) -> String {
    let mut out = format!("# {}\n\n", md_cell(indicator));
    let _ = writeln!(out, "| {} |", TEXT_COLUMNS.join(" | "));
    let _ = writeln!(out, "|{}", "---|".repeat(TEXT_COLUMNS.len()));
    for row in rows {
        let cells: Vec<String> = text_cells(row).iter().map(|c| md_cell(c)).collect();
        let _ = writeln!(out, "| {} |", cells.join(" | "));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(region: &str, target: Option<Cell>) -> CompareRow {
        let growth = Cell {
            text: "↑5.2%".into(),
            value: Some(Value::Number(5.2)),
            unit: "%",
            qualifier: None,
            basis: Some("yoy"),
            file: "minquan-2023.txt".into(),
            line: 12,
        };
        CompareRow {
            region: region.into(),
            period: Some("2023".into()),
            level: None,
            change: Some(growth.clone()),
            rank: None,
            result: target.as_ref().map(|_| growth),
            target,
            verdict: Verdict::NoTarget,
        }
    }

    #[test]
    fn csv_has_the_text_columns_then_each_figures_value_unit_and_qualifier() {
        let target = Cell {
            text: "↑8%左右".into(),
            value: Some(Value::Range(7.5, 8.5)),
            unit: "%",
            qualifier: Some("左右".into()),
            basis: Some("yoy"),
            file: "minquan-2023.txt".into(),
            line: 24,
        };
        let csv = render_compare(Format::Csv, "生产总值", &[row("民权县", Some(target))]);
        let mut lines = csv.lines();
        let header = lines.next().unwrap();
        assert!(header.starts_with("region,period,level,change,rank,target,target_source,"));
        assert!(header.ends_with("result_value,result_unit,result_qualifier,result_basis"));
        assert_eq!(header.split(',').count(), 29);
        let line = lines.next().unwrap();
        assert!(line.contains("minquan-2023.txt:24"), "{line}");
        assert!(line.contains("7.5..8.5,%,左右,yoy"), "{line}");
    }

    #[test]
    fn markdown_keeps_a_pipe_in_a_cell_from_ending_it() {
        let md = render_compare(Format::Md, "生产总值", &[row("a|b\u{1b}", None)]);
        assert!(md.starts_with("# 生产总值\n\n| region | period |"), "{md}");
        let last = md.lines().last().unwrap();
        assert!(last.starts_with("| a\\|b\\u{1b} | 2023 | "), "{last}");
        assert_eq!(last.matches(" | ").count(), 8, "{last}");
    }

    #[test]
    fn json_is_an_array_of_the_rows() {
        let json = render_compare(Format::Json, "生产总值", &[row("民权县", None)]);
        let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed[0]["region"], "民权县");
        assert_eq!(parsed[0]["change"]["line"], 12);
        assert_eq!(
            parsed[0]["verdict"],
            serde_json::to_value(Verdict::NoTarget).unwrap()
        );
        assert!(json.ends_with("]\n"));
    }
}
