//! Exporting marks with their citations: Markdown for reading and pasting, JSON and CSV for
//! tools. All three carry the same fields, one record per mark.

pub mod clipboard;
mod markdown;
mod write;

pub use write::{Destination, ExportError, same_file, write_to};

use std::path::Path;

use serde::Serialize;

use crate::corpus::Report;
use crate::figures::{Figure, Status};
use crate::marks::anchor::Locator;
use crate::marks::{Mark, Marks};

/// An export format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Markdown grouped by report and section, passages quoted, sources cited.
    Md,
    /// A JSON array, one object per mark.
    Json,
    /// CSV with a header row, one row per mark.
    Csv,
}

impl Format {
    /// Every format, in the order the export dialog cycles through them.
    pub const ALL: [Format; 3] = [Format::Md, Format::Json, Format::Csv];

    /// The usual file extension, used for default destinations.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Csv => "csv",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// A format by its extension (`md`, `json`, `csv`), as `--format` takes it.
    fn from_str(name: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == name)
            .ok_or_else(|| format!("unknown export format {name:?} (md, json or csv)"))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.extension())
    }
}

/// One exported mark: what every format carries.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    /// The report's label (`民权县 2023 政府工作报告`).
    pub report: String,
    /// The report's file name.
    pub file: String,
    /// Section titles from chapter down, joined with ` › `.
    pub section: String,
    /// 1-based first line of the passage in the original file.
    pub line_start: usize,
    /// 1-based last line.
    pub line_end: usize,
    /// The passage.
    pub text: String,
    /// The reader's note.
    pub note: String,
    /// The figures inside the passage.
    pub figures: Vec<FigureSummary>,
    /// When the mark was made.
    pub created: String,
    /// Whether the passage could no longer be found in its report.
    pub orphaned: bool,
}

/// A figure inside a marked passage, as an export shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureSummary {
    /// The indicator, when the text names one.
    pub indicator: Option<String>,
    /// The figure as written (`283.1亿元`).
    pub text: String,
    /// `左右`, `以上`, `以内`… when the text qualifies the figure.
    pub qualifier: Option<String>,
    /// `actual` or `target`.
    pub status: Status,
}

impl std::fmt::Display for FigureSummary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(indicator) = &self.indicator {
            write!(f, "{indicator} ")?;
        }
        write!(
            f,
            "{}",
            crate::figures::qualified(&self.text, self.qualifier.as_deref())
        )?;
        if self.status == Status::Target {
            write!(f, "（目标）")?;
        }
        Ok(())
    }
}

/// The records of `marks`: `reports[i]` and `figures[i]` (its extracted figures) supply the
/// figures inside each passage for marks whose report is loaded.
pub fn records(marks: &Marks, reports: &[Report], figures: &[Vec<Figure>]) -> Vec<Record> {
    let locator = Locator::new(reports);
    marks
        .items
        .iter()
        .map(|mark| record(mark, locator.locate(mark), figures))
        .collect()
}

/// The record of one mark, made in report `report` (its index, when loaded); see [`records`].
pub fn record(mark: &Mark, report: Option<usize>, figures: &[Vec<Figure>]) -> Record {
    let inside = if mark.orphaned {
        Vec::new()
    } else {
        report
            .and_then(|i| figures.get(i))
            .map(|all| {
                all.iter()
                    .filter(|f| mark.start <= f.span.start && f.span.end <= mark.end)
                    .map(|f| FigureSummary {
                        indicator: f.indicator.as_deref().map(String::from),
                        text: f.text.to_string(),
                        qualifier: f.qualifier.map(String::from),
                        status: f.status,
                    })
                    .collect()
            })
            .unwrap_or_default()
    };
    Record {
        report: mark.report.clone(),
        file: mark.file.clone(),
        section: mark.section.join(" › "),
        line_start: mark.line_start,
        line_end: mark.line_end,
        text: mark.text.clone(),
        note: mark.note.clone(),
        figures: inside,
        created: mark.created.clone(),
        orphaned: mark.orphaned,
    }
}

/// Render `records` in `format`. Control and bidirectional formatting characters from the
/// reports are escaped (see [`crate::text::escape`]), so the export is safe to print.
pub fn render(format: Format, records: &[Record]) -> String {
    use crate::text::escape::{escaped, is_unsafe};
    match format {
        Format::Md => escaped(&markdown::render(records)).into_owned(),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(records).expect("records serialise");
            json.push('\n');
            // serde_json escapes the C0 controls; the rest may only stand inside strings.
            if json.contains(is_unsafe) {
                json = json
                    .chars()
                    .map(|c| match is_unsafe(c) {
                        true => format!("\\u{:04x}", u32::from(c)),
                        false => c.to_string(),
                    })
                    .collect();
            }
            json
        }
        Format::Csv => escaped(&render_csv(records)).into_owned(),
    }
}

fn render_csv(records: &[Record]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record([
            "report",
            "file",
            "section",
            "line_start",
            "line_end",
            "text",
            "note",
            "figures",
            "created",
            "orphaned",
        ])
        .expect("writing to memory");
    for r in records {
        let figures: Vec<String> = r.figures.iter().map(ToString::to_string).collect();
        writer
            .write_record([
                r.report.as_str(),
                &r.file,
                &r.section,
                &r.line_start.to_string(),
                &r.line_end.to_string(),
                &r.text,
                &r.note,
                &figures.join("; "),
                &r.created,
                if r.orphaned { "true" } else { "false" },
            ])
            .expect("writing to memory");
    }
    String::from_utf8(writer.into_inner().expect("flushing to memory"))
        .expect("csv of UTF-8 is UTF-8")
}

/// Write an export to `path` atomically, unless something is there already: a failed write
/// leaves any earlier file intact. See [`write_to`] for the other choices.
pub fn write(path: &Path, content: &str) -> Result<(), ExportError> {
    write_to(path, content, Destination::default())
}
