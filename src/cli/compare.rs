//! `baogao compare INDICATOR`: one indicator across every loaded report and year, with the
//! targets set for each period and whether the results met them.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::compare::{self, BUNDLED, IndicatorIndex};
use crate::export::Format;
use crate::export::compare::{Cell, CompareRow, compare_rows, render_compare};
use crate::figures::{self, Figure};

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
    /// A Markdown table of the text columns, under the indicator's name.
    Md,
}

/// Arguments of `baogao compare`.
#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The indicator (`生产总值`, `GDP`, `规上工业增加值`…; a fuzzy match is tried when no name
    /// matches exactly). With --list, read as the first of the paths (`compare --list DIR`).
    #[arg(required_unless_present = "list")]
    pub indicator: Option<String>,
    /// List the indicators found, most-cited first, instead of comparing one.
    #[arg(long)]
    pub list: bool,
    /// Output format. CSV has, for each figure, its text and its `_value` (a number in base
    /// units, signed for a change; a range as `low..high`, a ratio as `a:b:c`), `_unit`,
    /// `_qualifier` and `_basis` (of a change: `yoy`, `annual_average`, `cumulative`).
    #[arg(long, short, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    /// With `--format csv`, begin with a byte order mark, so that Excel opens it as UTF-8 with the Chinese
    /// intact.
    #[arg(long)]
    pub bom: bool,
    /// With `--format table`, the most display columns a line may take: where the target is set
    /// and the result left out, then the place, period and verdict cut with `…` (never a
    /// figure) to fit. Default: the terminal's width, or 80 when piped; 0 means no limit.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Run `baogao compare`.
pub fn run(args: CompareArgs) -> anyhow::Result<ExitCode> {
    // `compare --list DIR`: with nothing to compare, the first argument is a path.
    let mut paths = args.paths.clone();
    if args.list
        && let Some(first) = &args.indicator
    {
        paths.insert(0, PathBuf::from(first));
    }
    let corpus = super::load_corpus(&paths);
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
    let printed = compare_rows(&rows, &corpus.reports, &figures);
    match args.format {
        CompareFormat::Json => write!(
            out,
            "{}",
            render_compare(Format::Json, &entry.name, &printed)
        )?,
        CompareFormat::Md => write!(out, "{}", render_compare(Format::Md, &entry.name, &printed))?,
        CompareFormat::Csv => {
            if args.bom {
                write!(out, "{}", super::BOM)?;
            }
            write!(
                out,
                "{}",
                render_compare(Format::Csv, &entry.name, &printed)
            )?;
        }
        CompareFormat::Table => {
            writeln!(out, "{}", entry.name)?;
            let width = super::table::output_width(args.width);
            write!(out, "{}", fitted(&printed, width))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The columns of the table, in order.
const COLUMNS: [&str; 9] = [
    "地区",
    "期间",
    "水平",
    "增速",
    "排名",
    "目标",
    "结果",
    "判定",
    "目标来源",
];

/// The columns never cut: the period, the figures (水平 to 结果: a value or a unit must not lose
/// a character) and the verdict.
const WHOLE: [usize; 7] = [1, 2, 3, 4, 5, 6, 7];

/// The columns left out, in order, until the table fits: where the target is set (`Enter` in the
/// browser, or the CSV, has it), then the result (the level, change or rank it repeats).
const DROPPED_FIRST: [usize; 2] = [8, 6];

/// The rows as a table in at most `width` display columns (0: no limit): columns left out as
/// [`DROPPED_FIRST`] says and the place cut with `…`; when that is still too wide, two tables,
/// what was reported and then the targets, each fitted so. No figure is ever cut.
fn fitted(rows: &[CompareRow], width: usize) -> String {
    let text = |c: &Option<Cell>| c.as_ref().map(|c| c.text.clone()).unwrap_or_default();
    let period = |row: &CompareRow| row.period.clone().unwrap_or_else(|| "?".into());
    let mut table = Table::new(COLUMNS);
    for row in rows {
        table.push([
            row.region.clone(),
            period(row),
            text(&row.level),
            text(&row.change),
            text(&row.rank),
            text(&row.target),
            text(&row.result),
            row.verdict.label().to_string(),
            row.target.as_ref().map(Cell::source).unwrap_or_default(),
        ]);
    }
    if let Some(single) = table.columns_within(width, &DROPPED_FIRST, &WHOLE) {
        return single;
    }
    let mut reported = Table::new(["地区", "期间", "水平", "增速", "排名"]);
    let mut targets = Table::new(["地区", "期间", "目标", "结果", "判定", "目标来源"]);
    for row in rows {
        if row.level.is_some() || row.change.is_some() || row.rank.is_some() {
            reported.push([
                row.region.clone(),
                period(row),
                text(&row.level),
                text(&row.change),
                text(&row.rank),
            ]);
        }
        if let Some(target) = &row.target {
            targets.push([
                row.region.clone(),
                period(row),
                target.text.clone(),
                text(&row.result),
                row.verdict.label().to_string(),
                target.source(),
            ]);
        }
    }
    let mut out = reported.render_within(width, &[], &[1, 2, 3, 4]);
    out.push('\n');
    out.push_str(&targets.render_within(width, &[5, 3], &[1, 2, 3, 4]));
    out
}
