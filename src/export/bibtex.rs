//! The BibTeX export: one `@techreport` entry per mark, which Zotero, JabRef and LaTeX read.
//! Values are braced, with LaTeX's special characters escaped (`5.2%` as `5.2\%`).

use std::fmt::Write;

use super::Record;
use super::cite::locator;

/// A citation key for each record, unique within the export: the file name's ASCII letters,
/// digits and hyphens, then the first line (`minquan-2023:8`), with `a`, `b`… after a repeat.
pub fn keys(records: &[Record]) -> Vec<String> {
    let mut keys: Vec<String> = Vec::with_capacity(records.len());
    for r in records {
        let stem = r.file.rsplit_once('.').map_or(r.file.as_str(), |(s, _)| s);
        let mut base: String = stem
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if base.is_empty() {
            base.push_str("report");
        }
        let base = format!("{base}:{}", r.line_start);
        let mut key = base.clone();
        let mut suffix = b'a';
        while keys.contains(&key) {
            key = format!("{base}{}", suffix as char);
            suffix = suffix.saturating_add(1);
        }
        keys.push(key);
    }
    keys
}

/// `text` with LaTeX's special characters escaped, for a braced BibTeX value.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '{' | '}' | '%' | '&' | '#' | '$' | '_' => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
    out
}

/// Render `records` as BibTeX.
pub fn render(records: &[Record]) -> String {
    let mut out = String::new();
    for (r, key) in records.iter().zip(keys(records)) {
        let mut fields: Vec<(&str, String)> = Vec::new();
        let author = r.speaker.as_ref().or(r.issuer.as_ref());
        if let Some(author) = author {
            // Braced again: one name as written, not split into given and family names.
            fields.push(("author", format!("{{{}}}", escape(author))));
        }
        let title = r.title.as_deref().unwrap_or("政府工作报告");
        let title = match (&r.issuer, author) {
            (None, None) => r.report.as_str(),
            _ => title,
        };
        fields.push(("title", escape(title)));
        fields.push(("type", "政府工作报告".into()));
        if let Some(issuer) = &r.issuer {
            fields.push(("institution", escape(issuer)));
        }
        if let Some(year) = r.year {
            fields.push(("year", year.to_string()));
        }
        if let Some(date) = &r.date {
            fields.push(("date", escape(date)));
        }
        if let Some(session) = &r.session {
            fields.push(("eventtitle", escape(session)));
        }
        if let Some(office) = &r.office {
            fields.push(("howpublished", escape(office)));
        }
        let mut note = String::new();
        if !r.section.is_empty() {
            note.push_str(&r.section);
            note.push('，');
        }
        note.push_str(&locator(r));
        fields.push(("note", escape(&note)));
        fields.push(("abstract", escape(r.text.trim())));
        if !r.note.is_empty() {
            fields.push(("annote", escape(&r.note)));
        }
        fields.push(("language", "zh-CN".into()));
        let _ = writeln!(out, "@techreport{{{key},");
        for (name, value) in fields {
            let _ = writeln!(out, "  {name} = {{{value}}},");
        }
        out.push_str("}\n\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_ascii_and_unique() {
        let record = |file: &str, line| Record {
            file: file.into(),
            line_start: line,
            ..Record::default()
        };
        let records = [
            record("minquan-2023.txt", 8),
            record("minquan-2023.txt", 8),
            record("民权.txt", 3),
        ];
        assert_eq!(
            keys(&records),
            ["minquan-2023:8", "minquan-2023:8a", "report:3"]
        );
    }

    #[test]
    fn latex_specials_are_escaped() {
        assert_eq!(
            escape("增长5.2%{x}_a\\"),
            "增长5.2\\%\\{x\\}\\_a\\textbackslash{}"
        );
    }
}
