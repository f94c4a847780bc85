//! Exporting marks with their citations: Markdown for reading and pasting, JSON and CSV for
//! tools, BibTeX and CSL-JSON for reference managers (Zotero). Each carries the same citation
//! fields, one record per mark. [`compare`] writes one indicator's comparison as a table.

mod bibtex;
pub mod cite;
pub mod clipboard;
pub mod compare;
mod csl;
mod markdown;
pub mod targets;
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
    /// BibTeX, one `@techreport` entry per mark, for Zotero and LaTeX.
    Bib,
    /// CSL-JSON, one item per mark, for Zotero and pandoc.
    Csl,
}

impl Format {
    /// Every format, in the order the export dialog cycles through them.
    pub const ALL: [Format; 5] = [
        Format::Md,
        Format::Json,
        Format::Csv,
        Format::Bib,
        Format::Csl,
    ];

    /// The usual file extension, used for default destinations.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Bib => "bib",
            Format::Csl => "csl.json",
        }
    }
}

impl Format {
    /// What the export dialog calls it.
    pub fn label(self) -> &'static str {
        match self {
            Format::Md => "Markdown",
            Format::Json => "JSON",
            Format::Csv => "CSV",
            Format::Bib => "BibTeX",
            Format::Csl => "CSL-JSON",
        }
    }

    /// The name `--format` takes.
    pub fn name(self) -> &'static str {
        match self {
            Format::Csl => "csl",
            other => other.extension(),
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;

    /// A format by its name (`md`, `json`, `csv`, `bib`, `csl`), as `--format` takes it.
    fn from_str(name: &str) -> Result<Format, String> {
        Format::ALL
            .into_iter()
            .find(|f| f.name() == name)
            .ok_or_else(|| format!("unknown export format {name:?} (md, json, csv, bib or csl)"))
    }
}

impl std::fmt::Display for Format {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// One exported mark: what every format carries. The citation fields come from the report's
/// metadata when the report is loaded, and are `None` where it could not be worked out.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Record {
    /// The report's label (`民权县 2023 政府工作报告`).
    pub report: String,
    /// The report's file name: with the lines, the locator.
    pub file: String,
    /// Section titles from chapter down, joined with ` › `.
    pub section: String,
    /// 1-based first line of the passage in the original file.
    pub line_start: usize,
    /// 1-based last line.
    pub line_end: usize,
    /// The issuing government (`民权县人民政府`).
    pub issuer: Option<String>,
    /// The report's title (`政府工作报告`).
    pub title: Option<String>,
    /// Who delivered it (`王静娴`).
    pub speaker: Option<String>,
    /// The speaker's office (`县长`).
    pub office: Option<String>,
    /// The day delivered, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The year delivered.
    pub year: Option<i32>,
    /// The session it was delivered to (`民权县第十六届人民代表大会第三次会议`).
    pub session: Option<String>,
    /// The reference in GB/T 7714 style (see [`cite::gbt7714`]).
    pub gbt7714: String,
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
        .map(|mark| record(mark, reports, locator.locate(mark), figures))
        .collect()
}

/// The record of one mark, made in `reports[report]` (when loaded); see [`records`].
pub fn record(
    mark: &Mark,
    reports: &[Report],
    report: Option<usize>,
    figures: &[Vec<Figure>],
) -> Record {
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
    let meta = report.and_then(|i| reports.get(i)).map(|r| &r.meta);
    let field =
        |get: fn(&crate::corpus::Metadata) -> &Option<String>| meta.and_then(|m| get(m).clone());
    let mut record = Record {
        report: mark.report.clone(),
        file: mark.file.clone(),
        section: mark.section.join(" › "),
        line_start: mark.line_start,
        line_end: mark.line_end,
        issuer: meta.and_then(|m| m.region.as_deref()).map(cite::issuer),
        title: field(|m| &m.title),
        speaker: field(|m| &m.speaker),
        office: field(|m| &m.office),
        date: field(|m| &m.date),
        year: meta.and_then(|m| m.year),
        session: field(|m| &m.session),
        gbt7714: String::new(),
        text: mark.text.clone(),
        note: mark.note.clone(),
        figures: inside,
        created: mark.created.clone(),
        orphaned: mark.orphaned,
    };
    record.gbt7714 = cite::gbt7714(&record);
    record
}

/// Render `records` in `format`. Control and bidirectional formatting characters from the
/// reports are escaped (see [`crate::text::escape`]), so the export is safe to print.
pub fn render(format: Format, records: &[Record]) -> String {
    use crate::text::escape::escaped;
    match format {
        Format::Md => escaped(&markdown::render(records)).into_owned(),
        // serde_json escapes the C0 controls; the rest may only stand inside strings.
        Format::Json => {
            json_safe(serde_json::to_string_pretty(records).expect("records serialise"))
        }
        Format::Csv => escaped(&render_csv(records)).into_owned(),
        Format::Bib => escaped(&bibtex::render(records)).into_owned(),
        Format::Csl => json_safe(csl::render(records)),
    }
}

/// Pretty JSON with the characters serde_json leaves raw (bidi, C1) escaped as `\uXXXX`,
/// which JSON allows only inside strings, where they are.
fn json_safe(mut json: String) -> String {
    use crate::text::escape::is_unsafe;
    json.push('\n');
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

fn opt(field: &Option<String>) -> &str {
    field.as_deref().unwrap_or("")
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
            "issuer",
            "title",
            "speaker",
            "office",
            "date",
            "year",
            "session",
            "gbt7714",
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
                opt(&r.issuer),
                opt(&r.title),
                opt(&r.speaker),
                opt(&r.office),
                opt(&r.date),
                &r.year.map(|y| y.to_string()).unwrap_or_default(),
                opt(&r.session),
                &r.gbt7714,
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
