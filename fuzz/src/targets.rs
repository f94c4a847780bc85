// The fuzz targets' bodies. Shared, by `#[path]`, between the AFL binaries of `fuzz/` and the
// main crate's regression test `tests/figures/fuzz_regressions.rs`, so both run exactly the same code.

use std::sync::OnceLock;

use baogao::corpus::{self, Report};
use baogao::export::{self, Format};
use baogao::figures;
use baogao::marks::{anchor, store};

/// The bundled reports, loaded once per process.
fn bundled() -> &'static [Report] {
    static REPORTS: OnceLock<Vec<Report>> = OnceLock::new();
    REPORTS.get_or_init(|| corpus::load_embedded().reports)
}

/// Arbitrary text as a report: figures must lie on character boundaries inside the text, in
/// order, each on the line that holds it.
pub fn figures_text(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let report = corpus::parse_report("fuzz.txt", None, text);
    let found = figures::extract(&report);
    for figure in &found {
        let span = figure.span.clone();
        assert!(
            span.start <= span.end && span.end <= report.text.len(),
            "{span:?}"
        );
        assert!(report.text.is_char_boundary(span.start) && report.text.is_char_boundary(span.end));
        assert_eq!(
            report.line_of(span.start),
            figure.line as usize,
            "{figure:?}"
        );
    }
    assert!(found.windows(2).all(|w| w[0].span.start <= w[1].span.start));
}

/// Arbitrary bytes as a marks file: parsing may fail, but anchoring what parses against the
/// bundled reports and exporting it in every format must not panic, and no mark is dropped.
pub fn marks_file(bytes: &[u8]) {
    let Ok(mut marks) = store::parse(bytes) else {
        return;
    };
    let count = marks.items.len();
    let reports = bundled();
    anchor::anchor_all(&mut marks, reports);
    assert_eq!(marks.items.len(), count, "anchoring never drops a mark");
    let figures: Vec<_> = reports.iter().map(figures::extract).collect();
    let records = export::records(&marks, reports, &figures);
    for format in [Format::Md, Format::Json, Format::Csv] {
        let _ = export::render(format, &records);
    }
}

/// Arbitrary bytes as a report file: decoding may refuse them, but whatever decodes must parse
/// into lines that cover the text in order and sections whose spans nest in reading order.
pub fn decode_outline(bytes: &[u8]) {
    let Ok(decoded) = corpus::decode::decode(bytes.to_vec()) else {
        return;
    };
    let report = corpus::parse("fuzz.txt", None, decoded.text, decoded.encoding);
    outline_holds(&report);
}

/// Arbitrary bytes as a Word file: reading may refuse them, but whatever is read parses as a
/// text does.
pub fn docx_outline(bytes: &[u8]) {
    if let Ok(text) = corpus::formats::docx::to_text(bytes) {
        outline_holds(&corpus::parse("fuzz.docx", None, text, "DOCX"));
    }
}

/// Arbitrary bytes as a web page: reading may refuse them, but whatever is read parses as a
/// text does.
pub fn html_outline(bytes: &[u8]) {
    if let Ok(page) = corpus::formats::html::to_text(bytes.to_vec()) {
        outline_holds(&corpus::parse("fuzz.html", None, page.text, page.encoding));
    }
}

/// Lines cover the text in order, sections nest in reading order, glossary lines exist.
fn outline_holds(report: &Report) {
    let mut end = 0;
    for line in &report.lines {
        assert!(line.range.start >= end, "lines in order: {:?}", line.range);
        assert!(line.range.end <= report.text.len());
        assert!(
            line.content.start >= line.range.start && line.content.end <= line.range.end,
            "content inside its line: {line:?}"
        );
        end = line.range.end;
    }
    for (index, section) in report.sections.iter().enumerate() {
        assert!(section.line < report.lines.len(), "{section:?}");
        assert!(section.span.start <= section.span.end && section.span.end <= report.text.len());
        if let Some(parent) = section.parent {
            assert!(
                parent < index,
                "a parent comes before its child: {section:?}"
            );
            let outer = &report.sections[parent].span;
            assert!(
                outer.start <= section.span.start && section.span.end <= outer.end,
                "a child lies inside its parent: {section:?}"
            );
        }
    }
    for entry in &report.glossary {
        assert!(
            entry.line >= 1 && entry.line <= report.lines.len(),
            "{entry:?}"
        );
    }
}

/// Arbitrary text as a number: parsing may refuse it, but never panics, and a plain run of
/// ASCII digits always reads back as itself.
pub fn numerals(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return;
    };
    let _ = figures::numerals::parse_number(text);
    let _ = figures::numerals::parse_chinese(text);
    let digits: String = text.chars().filter(char::is_ascii_digit).take(15).collect();
    if !digits.is_empty() {
        let expected: f64 = digits.parse().unwrap();
        assert_eq!(figures::numerals::parse_arabic(&digits), Some(expected));
    }
}
