//! The Markdown export: marks grouped by report, then section, each passage quoted with its
//! figures, note and citation, ready to paste into a draft.

use std::fmt::Write;

use super::Record;
use super::cite::citation;

/// Render `records` as Markdown, grouped by report (in order of first appearance) and section.
pub fn render(records: &[Record]) -> String {
    let mut out = String::from("# 摘录 Marks\n");
    let mut reports: Vec<&str> = Vec::new();
    for r in records {
        if !reports.contains(&r.file.as_str()) {
            reports.push(&r.file);
        }
    }
    for file in reports {
        let group: Vec<&Record> = records.iter().filter(|r| r.file == file).collect();
        let _ = write!(out, "\n## {}\n", with_file(&group[0].report, file));
        let mut section: Option<&str> = None;
        for r in group {
            if section != Some(r.section.as_str()) {
                section = Some(&r.section);
                let heading = if r.section.is_empty() {
                    "（正文）"
                } else {
                    &r.section
                };
                let _ = write!(out, "\n### {heading}\n");
            }
            render_one(&mut out, r);
        }
    }
    out
}

fn render_one(out: &mut String, r: &Record) {
    out.push('\n');
    for line in r.text.lines().filter(|l| !l.trim().is_empty()) {
        let _ = writeln!(out, "> {}", line.trim());
    }
    if !r.figures.is_empty() {
        let list: Vec<String> = r.figures.iter().map(ToString::to_string).collect();
        let _ = write!(out, "\nFigures: {}\n", list.join(" · "));
    }
    if !r.note.is_empty() {
        out.push('\n');
        for (i, line) in r.note.lines().enumerate() {
            let lead = if i == 0 { "Note: " } else { "      " };
            let _ = writeln!(out, "{lead}{line}");
        }
    }
    let _ = writeln!(out, "\n{}", citation(r));
    let _ = writeln!(out, "\nGB/T 7714: {}", r.gbt7714);
}

/// `民权县 2023 政府工作报告 (minquan-2023.txt)`, or just the file name when the report's label
/// is its file name.
fn with_file(report: &str, file: &str) -> String {
    if report == file {
        file.to_string()
    } else {
        format!("{report} ({file})")
    }
}
