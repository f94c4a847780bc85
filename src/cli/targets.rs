//! `baogao targets`: every target the loaded reports set, one row each, coded as researchers
//! code them (bound, firmness and its words, basis), with the result a report states for its
//! period, the gap and the verdict, and the target of the level above (层层加码). `--escalation`
//! summarises, per indicator and period, how targets stand against their parents'.
//!
//! Every text printed passes through [`cell`], the one place a shared escaping can be applied.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::compare::BUNDLED;
use crate::export::Format;
use crate::export::targets::{TargetRow, render_targets, target_row};
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
    /// A Markdown table of the columns a reader reads (not with `--escalation`).
    Md,
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
    /// With `--format table`, the most display columns a line may take: the parents' targets,
    /// the source, firmness and bound left out (in that order), then the indicator cut with `…`,
    /// never a number; too narrow even so, one block of lines per target. Default: the
    /// terminal's width, or 80 when piped; 0 means no limit.
    #[arg(long, value_name = "COLUMNS")]
    pub width: Option<usize>,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Run `baogao targets`.
pub fn run(args: TargetsArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(&args.paths);
    if corpus.reports.is_empty() {
        return Ok(ExitCode::FAILURE);
    }
    let figures: Vec<Vec<Figure>> = corpus.reports.iter().map(figures::extract).collect();
    let paired = targets::all(&corpus.reports, &figures, &BUNDLED);
    let chosen: Vec<&Paired> = targets::select(
        &paired,
        args.indicator.as_deref(),
        args.period.as_deref(),
        &BUNDLED,
    )
    .into_iter()
    .map(|i| &paired[i])
    .collect();
    // Report text (names, places, file names) never reaches the terminal raw.
    let style = match args.format {
        TargetsFormat::Json => super::safe::Style::Json,
        _ => super::safe::Style::Text,
    };
    let mut out = super::safe::stdout(style);
    if args.escalation {
        if args.format == TargetsFormat::Md {
            super::safe::warn("--escalation prints a table, CSV or JSON, not Markdown");
            return Ok(ExitCode::FAILURE);
        }
        let owned: Vec<Paired> = chosen.into_iter().cloned().collect();
        let width = super::table::output_width(args.width);
        let rows = targets::escalation(&owned);
        return write_escalation(&mut out, &rows, args.format, width);
    }
    let (reports, figures) = (&corpus.reports, &figures);
    match args.format {
        TargetsFormat::Json => write!(
            out,
            "{}",
            render_targets(Format::Json, reports, figures, &chosen)
        )?,
        TargetsFormat::Csv => write!(
            out,
            "{}",
            render_targets(Format::Csv, reports, figures, &chosen)
        )?,
        TargetsFormat::Md => write!(
            out,
            "{}",
            render_targets(Format::Md, reports, figures, &chosen)
        )?,
        TargetsFormat::Table => {
            let rows: Vec<TargetRow> = chosen
                .iter()
                .map(|p| target_row(reports, figures, p))
                .collect();
            let width = super::table::output_width(args.width);
            write!(
                out,
                "{}",
                table(&rows).render_within(width, &DROPPED_FIRST, &WHOLE)
            )?
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Text as printed: the one place output text is shaped.
fn cell(text: &str) -> String {
    text.to_string()
}

/// The table's columns left out first when it is too wide: 上级目标, 来源, 力度, 约束.
const DROPPED_FIRST: [usize; 4] = [9, 10, 5, 4];

/// The table's columns never cut: place, period and the numbers (目标, 结果, 差距, 判定).
const WHOLE: [usize; 6] = [0, 1, 3, 6, 7, 8];

fn table(rows: &[TargetRow]) -> Table {
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
        table.push(r.cells());
    }
    table
}

fn write_escalation(
    out: &mut impl Write,
    rows: &[targets::Escalation],
    format: TargetsFormat,
    width: usize,
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
        TargetsFormat::Table | TargetsFormat::Md => {
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
            let numbers: Vec<usize> = (1..8).collect();
            write!(out, "{}", table.render_within(width, &[], &numbers))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
