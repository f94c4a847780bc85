//! `baogao outline [-f|--format text|json] [PATH...]`: each report's metadata, section tree and
//! glossary, headless. The JSON field names are a contract other tools rely on: add fields,
//! never rename.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, ValueEnum};
use serde::Serialize;

use crate::corpus::{GlossaryEntry, Report};

/// The options of `baogao outline`.
#[derive(Debug, Args)]
pub struct OutlineArgs {
    /// How to print: an indented tree, or a JSON array with one object per report.
    #[arg(long, short, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// The output formats of `baogao outline`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable, indented by level.
    Text,
    /// One JSON array, one object per report.
    Json,
}

/// One report as `--format json` prints it.
#[derive(Debug, Serialize)]
pub struct ReportOutline<'a> {
    /// The file name.
    pub file: &'a str,
    /// The title, or the file name where none was found.
    pub title: &'a str,
    /// The region, `null` when unknown.
    pub region: Option<&'a str>,
    /// The region's tier: `province`, `prefecture` or `county`; `null` when the divisions
    /// table does not have the region.
    pub level: Option<&'static str>,
    /// The divisions the region belongs to, nearest first (`["商丘市", "河南省"]`); empty for a
    /// province.
    pub parents: &'a [String],
    /// The region's six-digit division code (`411421`).
    pub code: Option<&'a str>,
    /// The year delivered.
    pub year: Option<i32>,
    /// The day delivered, `YYYY-MM-DD`.
    pub date: Option<&'a str>,
    /// Who delivered it.
    pub speaker: Option<&'a str>,
    /// The speaker's office (`县长`).
    pub office: Option<&'a str>,
    /// The session it was delivered to.
    pub session: Option<&'a str>,
    /// The encoding it was read as.
    pub encoding: &'a str,
    /// The chapters, each with its sections and items.
    pub sections: Vec<SectionNode<'a>>,
    /// The terms defined in the report's notes.
    pub glossary: &'a [GlossaryEntry],
    /// Notes on how the file was read.
    pub warnings: &'a [String],
}

/// A section and its children.
#[derive(Debug, Serialize)]
pub struct SectionNode<'a> {
    /// The heading as cited.
    pub title: &'a str,
    /// 1 = chapter, 2 = section, 3 = item.
    pub level: u8,
    /// 1-based line of the heading in the original file.
    pub line: usize,
    /// The sections under this one.
    pub children: Vec<SectionNode<'a>>,
}

impl<'a> ReportOutline<'a> {
    /// The outline of `report`.
    pub fn of(report: &'a Report) -> ReportOutline<'a> {
        ReportOutline {
            file: &report.file,
            title: report.meta.title.as_deref().unwrap_or(&report.file),
            region: report.meta.region.as_deref(),
            level: report.meta.level.map(|l| l.as_str()),
            parents: &report.meta.parents,
            code: report.meta.code.as_deref(),
            year: report.meta.year,
            date: report.meta.date.as_deref(),
            speaker: report.meta.speaker.as_deref(),
            office: report.meta.office.as_deref(),
            session: report.meta.session.as_deref(),
            encoding: report.encoding,
            sections: children(report, None),
            glossary: &report.glossary,
            warnings: &report.warnings,
        }
    }
}

/// The tree under `parent` (the chapters when `None`), built from the flat pre-order list in one
/// pass over each section's children.
fn children(report: &Report, parent: Option<usize>) -> Vec<SectionNode<'_>> {
    let mut by_parent: Vec<Vec<usize>> = vec![Vec::new(); report.sections.len()];
    let mut roots = Vec::new();
    for (i, section) in report.sections.iter().enumerate() {
        match section.parent {
            Some(p) if p < by_parent.len() => by_parent[p].push(i),
            _ => roots.push(i),
        }
    }
    let start = match parent {
        Some(p) => by_parent.get(p).cloned().unwrap_or_default(),
        None => roots,
    };
    nodes(report, &by_parent, &start)
}

fn nodes<'a>(
    report: &'a Report,
    by_parent: &[Vec<usize>],
    indices: &[usize],
) -> Vec<SectionNode<'a>> {
    indices
        .iter()
        .map(|&i| {
            let section = &report.sections[i];
            SectionNode {
                title: &section.title,
                level: section.level,
                line: section.line + 1,
                children: nodes(report, by_parent, &by_parent[i]),
            }
        })
        .collect()
}

/// Run `baogao outline`.
pub fn run(args: OutlineArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(&args.paths);
    let style = match args.format {
        Format::Json => super::safe::Style::Json,
        Format::Text => super::safe::Style::Text,
    };
    let mut out = super::safe::stdout(style);
    match args.format {
        Format::Json => {
            let outlines: Vec<ReportOutline> =
                corpus.reports.iter().map(ReportOutline::of).collect();
            serde_json::to_writer_pretty(&mut out, &outlines).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        Format::Text => {
            for report in &corpus.reports {
                write_text(&mut out, report)?;
            }
        }
    }
    out.flush()?;
    Ok(super::exit_code(&corpus))
}

/// The readable outline of one report.
fn write_text(out: &mut impl Write, report: &Report) -> std::io::Result<()> {
    writeln!(out, "{}  [{}]", report.label(), report.file)?;
    let meta = &report.meta;
    let fields = [
        ("date", meta.date.clone()),
        ("session", meta.session.clone()),
        (
            "speaker",
            meta.speaker
                .as_ref()
                .map(|s| format!("{}{s}", meta.office.as_deref().unwrap_or(""))),
        ),
    ];
    let place = meta.level.map(|level| {
        let mut place = level.as_str().to_string();
        for parent in &meta.parents {
            place.push_str(" › ");
            place.push_str(parent);
        }
        if let Some(code) = &meta.code {
            place.push_str(&format!(", code {code}"));
        }
        place
    });
    let fields = fields.into_iter().chain([("place", place)]);
    for (name, value) in fields {
        if let Some(value) = value {
            writeln!(out, "  {name}: {value}")?;
        }
    }
    for section in &report.sections {
        let indent = "  ".repeat(section.level as usize);
        writeln!(
            out,
            "{indent}{}  (line {})",
            section.title,
            section.line + 1
        )?;
    }
    if !report.glossary.is_empty() {
        writeln!(out, "  glossary: {} terms", report.glossary.len())?;
    }
    for warning in &report.warnings {
        writeln!(out, "  warning: {warning}")?;
    }
    writeln!(out)
}
