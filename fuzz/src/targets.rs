// The fuzz targets' bodies. Shared, by `#[path]`, between the AFL binaries of `fuzz/` and the
// main crate's regression test `tests/fuzz_regressions.rs`, so both run exactly the same code.

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
        assert_eq!(report.line_of(span.start), figure.line, "{figure:?}");
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
