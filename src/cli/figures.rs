//! `baogao figures [PATH...]`: every figure of the loaded reports, as a readable table or, for
//! scripting, as JSON lines or CSV with the fields `file`, `line` (1-based), `col` (1-based
//! character column), `text`, `kind`, `value`, `unit`, `measure`, `indicator`, `status`,
//! `qualifier`, `period`, `basis` (`yoy`, `annual_average`, `cumulative`), `base_year`,
//! `comparable_prices`, `report` and `section` (the path of section titles).

use std::io::Write;
use std::ops::ControlFlow;
use std::path::PathBuf;
use std::process::ExitCode;

use rayon::prelude::*;
use serde::Serialize;

use super::table::Table;

mod jsonl;
use crate::corpus::{self, Report};
use crate::figures::{self, Figure, Period, Value};

/// How `baogao figures` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FiguresFormat {
    /// An aligned table for reading.
    Table,
    /// One JSON object per figure.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

/// Arguments of `baogao figures`.
#[derive(Debug, clap::Args)]
pub struct FiguresArgs {
    /// Output format.
    #[arg(long, short, value_enum, default_value_t = FiguresFormat::Table)]
    pub format: FiguresFormat,
    /// Say which rule read each figure: the naming rule that gave its indicator (`named_by`),
    /// and list the labels read as figures too, each with the rule that makes it a label
    /// (`label`).
    #[arg(long)]
    pub explain: bool,
    /// With `--format table`, the most display columns a line may take: columns left out
    /// (rule, basis, measure, kind, period, qualifier, unit, in that order) and then cut with `…`
    /// to fit. Default: the terminal's width, or 80 when piped; 0 means no limit.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// With `--format csv`, begin with a byte order mark, so that Excel opens it as UTF-8 with
    /// the Chinese intact.
    #[arg(long)]
    pub bom: bool,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// One figure as printed: the contract of `--format jsonl|csv`.
#[derive(Debug, Serialize)]
struct Row<'a> {
    file: &'a str,
    line: usize,
    col: usize,
    text: &'a str,
    kind: &'static str,
    value: Option<&'a Value>,
    unit: Option<&'a str>,
    measure: &'static str,
    indicator: Option<&'a str>,
    status: &'static str,
    qualifier: Option<&'a str>,
    period: Option<Period>,
    basis: Option<&'static str>,
    base_year: Option<i32>,
    comparable_prices: bool,
    report: &'a str,
    section: &'a [&'a str],
}

/// What every row of one report shares, worked out once per report rather than per figure.
struct Shared<'a> {
    report: &'a Report,
    label: String,
    /// Each section's path of titles, by section index.
    paths: Vec<Vec<&'a str>>,
}

impl<'a> Shared<'a> {
    fn new(report: &'a Report) -> Shared<'a> {
        Shared {
            report,
            label: report.label(),
            paths: (0..report.sections.len())
                .map(|s| report.section_path(s))
                .collect(),
        }
    }

    /// The printed row of `figure`, one of this report's.
    fn row(&'a self, figure: &'a Figure) -> Row<'a> {
        let report = self.report;
        Row {
            file: &report.file,
            line: figure.line as usize + 1,
            col: figure.col as usize,
            text: &figure.text,
            kind: figure.kind.as_str(),
            value: figure.value.as_ref(),
            unit: Some(figure.unit).filter(|u| !u.is_empty()),
            measure: figure.measure.as_str(),
            indicator: figure.indicator.as_deref(),
            status: figure.status.as_str(),
            qualifier: figure.qualifier,
            period: figure.period,
            basis: figure.basis.map(crate::figures::Basis::as_str),
            base_year: figure.base_year,
            comparable_prices: figure.comparable_prices,
            report: &self.label,
            section: figure
                .section
                .and_then(|s| self.paths.get(s))
                .map_or(&[], Vec::as_slice),
        }
    }
}

const HEADERS: [&str; 17] = [
    "file",
    "line",
    "col",
    "text",
    "kind",
    "value",
    "unit",
    "measure",
    "indicator",
    "status",
    "qualifier",
    "period",
    "basis",
    "base_year",
    "comparable_prices",
    "report",
    "section",
];

/// The columns `--explain` adds.
const EXPLAIN_HEADERS: [&str; 2] = ["named_by", "label"];

/// The figures of `report` to print: with `explain`, labels too, with their rules.
fn shown(report: &Report, explain: bool) -> Vec<figures::Explained> {
    if explain {
        figures::extract_explained(report)
    } else {
        figures::extract(report)
            .into_iter()
            .map(|figure| figures::Explained {
                figure,
                named_by: None,
                label: None,
            })
            .collect()
    }
}

/// Run `baogao figures`.
pub fn run(args: FiguresArgs) -> anyhow::Result<ExitCode> {
    let style = match args.format {
        FiguresFormat::Jsonl => super::safe::Style::Json,
        _ => super::safe::Style::Text,
    };
    let mut out = super::safe::stdout(style);
    let explain = args.explain;
    let format = args.format;
    let render = move |report: &Report| match format {
        FiguresFormat::Csv => csv_rows(report, explain),
        _ => jsonl(report, explain),
    };
    if format == FiguresFormat::Table {
        let width = super::table::output_width(args.width);
        return table(&args.paths, explain, width, &mut out);
    }
    if args.format == FiguresFormat::Csv {
        if args.bom {
            out.write_all(super::BOM.as_bytes())?;
        }
        let mut header = csv::Writer::from_writer(Vec::new());
        let explained: &[&str] = if explain { &EXPLAIN_HEADERS } else { &[] };
        header.write_record(HEADERS.iter().chain(explained))?;
        out.write_all(&header.into_inner().map_err(|e| e.into_error())?)?;
    }
    let mut reports = 0;
    if args.paths.is_empty() {
        let corpus = super::load_corpus(&args.paths);
        reports = corpus.reports.len();
        let rendered: Vec<anyhow::Result<Vec<u8>>> =
            corpus.reports.par_iter().map(render).collect();
        for part in rendered {
            out.write_all(&part?)?;
        }
    } else {
        // Report after report as they load, on every core: only the few in flight are held.
        let mut failed = Ok(());
        corpus::load_in_order(
            &args.paths,
            |path| {
                let (report, error) = corpus::load::load_file(path);
                (report.map(|report| render(&report)), error)
            },
            |rendered, error| {
                if let Some(error) = error {
                    super::safe::warn(error);
                }
                let Some(rendered) = rendered else {
                    return ControlFlow::Continue(());
                };
                reports += 1;
                failed = rendered.and_then(|bytes| Ok(out.write_all(&bytes)?));
                if failed.is_ok() {
                    ControlFlow::Continue(())
                } else {
                    ControlFlow::Break(())
                }
            },
        );
        failed?;
    }
    out.flush()?;
    Ok(if reports == 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// One report's figures as JSON lines; with `explain`, labels too and the rules' fields.
fn jsonl(report: &Report, explain: bool) -> anyhow::Result<Vec<u8>> {
    let lines = jsonl::JsonLines::new(report);
    if !explain {
        let figures = figures::extract(report);
        let mut bytes = Vec::with_capacity(figures.len() * lines.typical_len());
        for figure in &figures {
            lines.write(&mut bytes, figure);
        }
        return Ok(bytes);
    }
    let mut bytes = Vec::new();
    for e in shown(report, true) {
        lines.write(&mut bytes, &e.figure);
        // The line ends `}\n`: the rules' fields go before it.
        bytes.truncate(bytes.len() - 2);
        bytes.extend_from_slice(b",\"named_by\":");
        serde_json::to_writer(&mut bytes, &e.named_by)?;
        bytes.extend_from_slice(b",\"label\":");
        serde_json::to_writer(&mut bytes, &e.label)?;
        bytes.extend_from_slice(b"}\n");
    }
    Ok(bytes)
}

/// One report's figures as CSV rows (no header); with `explain`, labels too and the rules'
/// columns.
fn csv_rows(report: &Report, explain: bool) -> anyhow::Result<Vec<u8>> {
    let shared = Shared::new(report);
    let mut csv = csv::Writer::from_writer(Vec::new());
    for e in shown(report, explain) {
        let r = shared.row(&e.figure);
        let rules = [
            e.named_by.unwrap_or_default().to_string(),
            e.label.unwrap_or_default().to_string(),
        ];
        let explained: &[String] = if explain { &rules } else { &[] };
        csv.write_record(
            [
                r.file.to_string(),
                r.line.to_string(),
                r.col.to_string(),
                r.text.to_string(),
                r.kind.to_string(),
                r.value.map(ToString::to_string).unwrap_or_default(),
                r.unit.unwrap_or_default().to_string(),
                r.measure.to_string(),
                r.indicator.unwrap_or_default().to_string(),
                r.status.to_string(),
                r.qualifier.unwrap_or_default().to_string(),
                r.period.map(|p| p.to_string()).unwrap_or_default(),
                r.basis.unwrap_or_default().to_string(),
                r.base_year.map(|y| y.to_string()).unwrap_or_default(),
                r.comparable_prices.to_string(),
                r.report.to_string(),
                r.section.join(" > "),
            ]
            .iter()
            .chain(explained),
        )?;
    }
    Ok(csv.into_inner().map_err(|e| e.into_error())?)
}

/// Every figure as one aligned table (which needs every row before the first is printed).
fn table(
    paths: &[PathBuf],
    explain: bool,
    width: usize,
    out: &mut impl Write,
) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(paths);
    if corpus.reports.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let mut table = Table::new([
        "where",
        "text",
        "kind",
        "value",
        "unit",
        "measure",
        "indicator",
        "status",
        "qualifier",
        "period",
        "basis",
        if explain { "rule" } else { "" },
    ]);
    let extracted: Vec<Vec<figures::Explained>> = corpus
        .reports
        .par_iter()
        .map(|report| shown(report, explain))
        .collect();
    for (report, found) in corpus.reports.iter().zip(&extracted) {
        let shared = Shared::new(report);
        for e in found {
            let r = shared.row(&e.figure);
            table.push([
                format!("{}:{}:{}", r.file, r.line, r.col),
                r.text.to_string(),
                r.kind.to_string(),
                r.value.map(ToString::to_string).unwrap_or_default(),
                r.unit.unwrap_or_default().to_string(),
                r.measure.to_string(),
                r.indicator.unwrap_or("-").to_string(),
                r.status.to_string(),
                r.qualifier.unwrap_or_default().to_string(),
                r.period.map(|p| p.to_string()).unwrap_or_default(),
                match (r.basis, r.base_year) {
                    (Some(basis), Some(year)) => format!("{basis} {year}"),
                    (basis, _) => basis.unwrap_or_default().to_string(),
                },
                match (e.label, e.named_by) {
                    (Some(label), _) => format!("label: {label}"),
                    (None, rule) => rule.unwrap_or_default().to_string(),
                },
            ]);
        }
    }
    // The locator and the value are never cut; the unit is in the text; the rule is asked for with --explain, so it goes last.
    let rule = if explain { &[][..] } else { &[11][..] };
    let drop: Vec<usize> = rule
        .iter()
        .copied()
        .chain([10, 5, 2, 9, 8, 4, 11])
        .collect();
    out.write_all(table.render_within(width, &drop, &[0, 3]).as_bytes())?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written lines are the contract's: what `serde_json` makes of a [`Row`].
    #[test]
    fn json_lines_are_what_serde_writes_for_a_row() {
        let corpus = corpus::load_embedded();
        let mut lines = 0;
        for report in &corpus.reports {
            let shared = Shared::new(report);
            let fast = jsonl::JsonLines::new(report);
            for figure in figures::extract(report) {
                let mut expected = serde_json::to_vec(&shared.row(&figure)).unwrap();
                expected.push(b'\n');
                let mut written = Vec::new();
                fast.write(&mut written, &figure);
                assert_eq!(
                    String::from_utf8(written).unwrap(),
                    String::from_utf8(expected).unwrap()
                );
                lines += 1;
            }
        }
        assert!(lines > 500, "{lines} figures");
    }
}
