//! From decoded text to a [`Report`]: line ends normalised (line numbers kept), each line
//! cleaned, the front matter marked, the glossary and the section tree found, the metadata
//! inferred. Every step reads lines by their first characters, so a report of any size costs one
//! pass or two over its bytes.

use std::path::PathBuf;

use super::clean::{Cleaned, clean_line};
use super::outline::HeadingHint;
use super::{Line, LineKind, Metadata, Report, glossary, meta, outline, parts};

/// Lines longer than this get a warning: reports are not written that way.
const LONG_LINE: usize = 1 << 20;

/// Build a [`Report`] from decoded text (a leading BOM is dropped); the encoding is recorded as
/// UTF-8.
pub fn parse_report(file: &str, path: Option<PathBuf>, text: &str) -> Report {
    parse(file, path, text.to_string(), "UTF-8")
}

/// Build a [`Report`] from decoded text, taking ownership so the text is not copied when its line
/// ends are already `\n`.
pub fn parse(file: &str, path: Option<PathBuf>, text: String, encoding: &'static str) -> Report {
    let mut report = parse_text(file, path, text, encoding, &[]);
    report.meta = infer_meta(&report);
    report
}

/// [`parse`] but for the metadata, left empty: the lines, front matter, sections and glossary,
/// all a reader needs to read the report. A browser shows this at once and fills the metadata
/// in with [`infer_meta`], which reads the divisions table (slow to load the first time).
/// `headings` are the lines the source marks as headings (a Word file's heading styles and
/// bold paragraphs), offered to the outline.
pub fn parse_text(
    file: &str,
    path: Option<PathBuf>,
    text: String,
    encoding: &'static str,
    headings: &[HeadingHint],
) -> Report {
    let text = normalise(text);
    let mut lines = split_lines(&text);
    let body_start = meta::mark_front(&text, &mut lines);
    let glossary_at = glossary::find_heading(&text, &lines, body_start);
    // The outline stops where the report does: at its glossary or the appendices after it.
    let appendix_at = parts::appendix_start(&text, &lines, body_start);
    let outline_end = glossary_at.into_iter().chain(appendix_at).min();
    let text_end = outline_end.map_or(text.len(), |end| lines[end].range.start);
    let outline_end = outline_end.unwrap_or(lines.len());
    let outline = outline::build(&text, &mut lines, outline_end, text_end, headings);
    let glossary = glossary_at.map_or_else(Vec::new, |g| glossary::read(&text, &mut lines, g));
    let mut warnings = outline.warnings;
    if outline.sections.is_empty() {
        warnings.push("no chapter or section headings found".to_string());
    }
    if let Some((index, line)) = lines
        .iter()
        .enumerate()
        .find(|(_, l)| l.range.len() > LONG_LINE)
    {
        warnings.push(format!(
            "line {} is {:.1} MB long",
            index + 1,
            line.range.len() as f64 / 1e6
        ));
    }
    Report {
        file: file.to_string(),
        path,
        encoding,
        text,
        lines,
        meta: Metadata::default(),
        sections: outline.sections,
        glossary,
        warnings,
    }
}

/// What a report parsed by [`parse_text`] says about itself (see [`meta::infer`]).
pub fn infer_meta(report: &Report) -> Metadata {
    meta::infer(&report.text, &report.lines, &report.sections, &report.file)
}

/// Drop a BOM and turn `\r\n` and lone `\r` into `\n`, one line end for one line end, so line
/// numbers stay those of the original file.
pub fn normalise(mut text: String) -> String {
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if memchr::memchr(b'\r', text.as_bytes()).is_none() {
        return text;
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut rest = bytes;
    while let Some(at) = memchr::memchr(b'\r', rest) {
        out.extend_from_slice(&rest[..at]);
        out.push(b'\n');
        rest = &rest[at + 1..];
        if rest.first() == Some(&b'\n') {
            rest = &rest[1..];
        }
    }
    out.extend_from_slice(rest);
    // Only ASCII `\r` bytes were replaced by ASCII `\n` or removed before a `\n`, so this is
    // still UTF-8.
    super::decode::utf8_string(out).unwrap_or_default()
}

/// One [`Line`] per line, cleaned: blank, residue, or body with its content range.
fn split_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    lines.extend(line_ranges(text).map(|range| clean(text, range)));
    lines
}

/// The byte range of every line of `text`, line ends left out.
fn line_ranges(text: &str) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(
        // A last line without a line end.
        (!text.ends_with('\n') && !text.is_empty()).then_some(text.len()),
    );
    let mut start = 0;
    ends.map(move |end| {
        let range = start..end;
        start = end + 1;
        range
    })
}

/// The line of `text` at `range`, cleaned.
fn clean(text: &str, range: std::ops::Range<usize>) -> Line {
    let start = range.start;
    let (kind, content) = match clean_line(&text[range.clone()]) {
        Cleaned::Blank => (LineKind::Blank, start..start),
        Cleaned::Residue => (LineKind::Residue, start..start),
        Cleaned::Content(inner) => (LineKind::Body, start + inner.start..start + inner.end),
    };
    Line {
        range,
        content,
        kind,
    }
}

/// Which lines of a text are reading text, worked out only for the lines asked about: what a
/// search needs, at a fraction of the cost of [`parse`]. A line is readable here exactly when it
/// is in the parsed [`Report`] (only cleaning and the web chrome above a byline decide that;
/// titles, headings and the glossary are all readable), with the same content range.
pub struct ReadingLines<'t> {
    text: &'t str,
    /// The first lines, where web chrome may sit, cleaned and with their chrome marked; worked
    /// out when one of them is asked about.
    head: std::cell::OnceCell<Vec<Line>>,
}

impl<'t> ReadingLines<'t> {
    /// Prepare to classify the lines of `text`, which must already be [`normalise`]d.
    pub fn new(text: &'t str) -> Self {
        Self {
            text,
            head: std::cell::OnceCell::new(),
        }
    }

    /// The line at `index` (0-based), spanning `range` (line end left out), as the parsed
    /// report would have it before its headings and front matter are named.
    pub fn line(&self, index: usize, range: std::ops::Range<usize>) -> Line {
        if index >= meta::CHROME_LINES {
            return clean(self.text, range);
        }
        let head = self.head.get_or_init(|| {
            let mut head: Vec<Line> = line_ranges(self.text)
                .take(meta::CHROME_LINES)
                .map(|range| clean(self.text, range))
                .collect();
            meta::mark_chrome(self.text, &mut head);
            head
        });
        head.get(index)
            .cloned()
            .unwrap_or_else(|| clean(self.text, range))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_keep_line_numbers() {
        let lf = parse_report("a.txt", None, "一\n\n二\n三");
        let crlf = parse_report("a.txt", None, "一\r\n\r\n二\r\n三\r\n");
        let cr = parse_report("a.txt", None, "\u{feff}一\r\r二\r三");
        for report in [&lf, &crlf, &cr] {
            assert_eq!(report.lines.len(), 4);
            assert_eq!(report.line_text(2), "二");
            assert_eq!(report.line_text(3), "三");
        }
        assert_eq!(cr.text, "一\n\n二\n三");
    }

    #[test]
    fn traditional_characters_and_part_numbering() {
        let text = "政 府 工 作 報 告\n——2021年3月12日在臺中縣第十五屆人民代表大會第六次會議上\n臺中縣人民政府縣長  陳  明\n各位代表：\n第一部分 工作回顧\n（一）穩增長。正文。\n第三部分 明年工作\n\n名詞解釋\n1. 三保：保工資、保運轉。\n";
        let report = parse_report("t.txt", None, text);
        let meta = &report.meta;
        assert_eq!(meta.title.as_deref(), Some("政府工作報告"));
        assert_eq!(meta.region.as_deref(), Some("臺中縣"));
        assert_eq!(meta.speaker.as_deref(), Some("陳明"));
        assert_eq!(meta.office.as_deref(), Some("縣長"));
        assert_eq!(meta.date.as_deref(), Some("2021-03-12"));
        let titles: Vec<&str> = report.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(
            titles,
            ["第一部分 工作回顧", "（一）穩增長", "第三部分 明年工作"]
        );
        assert_eq!(report.glossary.len(), 1);
        assert_eq!(
            report.warnings,
            ["chapter numbering jumps from 1 to 3 at line 7"]
        );
    }

    #[test]
    fn the_empty_and_odd_cases_do_not_panic() {
        for text in [
            "",
            "\n",
            "\r",
            "一、",
            "（一）",
            "1.",
            "一、\n2035",
            "政府工作报告\n注释\n1. 甲：乙",
        ] {
            let report = parse_report("a.txt", None, text);
            assert!(report.lines.len() <= 3, "{text:?}");
        }
    }
}
