//! Shared helpers for the browser's integration tests: the bundled reports with figures built
//! by hand (money and percentages found with a regex) until the extractor provides them, and an
//! app ready to draw.

#![allow(dead_code)]

pub use baogao::app::fixture;

use baogao::app::App;
use baogao::corpus::{Corpus, Report, load_embedded};
use baogao::figures::{Figure, Kind, Measure, Status, Value};
use regex::Regex;

/// Money and percentages in `report`, as [`Figure`]s: every third one a target, every
/// percentage after `下降` a fall.
pub fn figures_for(report: &Report) -> Vec<Figure> {
    let pattern = Regex::new(r"\d+(?:\.\d+)?(?:亿元|万元|%)").unwrap();
    pattern
        .find_iter(&report.text)
        .enumerate()
        .filter(|(_, m)| {
            let line = &report.lines[report.line_of(m.start())];
            line.kind.is_readable() && line.content.contains(&m.start())
        })
        .map(|(i, m)| {
            let text = m.as_str().to_string();
            let percent = text.ends_with('%');
            let falling = report.text[..m.start()].ends_with("下降");
            let number: f64 = text
                .trim_end_matches(['亿', '万', '元', '%'])
                .parse()
                .unwrap_or(0.0);
            let line = report.line_of(m.start());
            Figure {
                span: m.range(),
                line: line as u32,
                col: report.text[report.lines[line].range.start..m.start()]
                    .chars()
                    .count() as u32
                    + 1,
                kind: if percent { Kind::Percent } else { Kind::Money },
                value: Some(Value::Number(if falling { -number } else { number })),
                unit: if percent { "%" } else { "元" },
                measure: if percent {
                    Measure::Change
                } else {
                    Measure::Level
                },
                indicator: Some(if percent { "增速" } else { "生产总值" }.into()),
                status: if i % 3 == 2 {
                    Status::Target
                } else {
                    Status::Actual
                },
                qualifier: None,
                period: None,
                basis: None,
                base_year: None,
                comparable_prices: false,
                section: report.section_at(m.start()),
                text: text.into(),
            }
        })
        .collect()
}

/// The bundled reports.
pub fn corpus() -> Corpus {
    load_embedded()
}

/// A browser over the bundled reports with hand-built figures, at `width` × `height`.
pub fn app(width: u16, height: u16) -> App {
    let corpus = corpus();
    let figures = corpus.reports.iter().map(figures_for).collect();
    App::with_figures(corpus, figures, width, height)
}

/// Two real reports with every line's kind stated here (title, front matter, chapters `一、`,
/// sections `（一）`, body) and their metadata set, so screens drawn from them do not change
/// when the loader's classification does.
pub fn sample_corpus() -> Corpus {
    use baogao::corpus::LineKind;
    let chapter = Regex::new(r"^[一二三四五六七八九十]+、").unwrap();
    let section = Regex::new(r"^（[一二三四五六七八九十]+）").unwrap();
    let sample = |file: &str, text: &str, region: &str, year: i32| {
        let lines: Vec<(&str, LineKind)> = text
            .lines()
            .enumerate()
            .map(|(i, line)| {
                let kind = match (i, line.trim()) {
                    (_, "") => LineKind::Blank,
                    (0, _) => LineKind::Title,
                    (1 | 2, _) => LineKind::Front,
                    (_, l) if chapter.is_match(l) => LineKind::Heading(1),
                    (_, l) if section.is_match(l) => LineKind::Heading(2),
                    _ => LineKind::Body,
                };
                (line, kind)
            })
            .collect();
        let mut report = fixture::report(file, &lines);
        report.meta.region = Some(region.into());
        report.meta.year = Some(year);
        report.meta.title = Some("政府工作报告".into());
        report
    };
    Corpus {
        reports: vec![
            sample(
                "minquan-2023.txt",
                include_str!("../../assets/reports/minquan-2023.txt"),
                "民权县",
                2023,
            ),
            sample(
                "puyang-2023.txt",
                include_str!("../../assets/reports/puyang-2023.txt"),
                "濮阳市",
                2023,
            ),
        ],
        errors: Vec::new(),
    }
}

/// A browser over [`sample_corpus`] with hand-built figures, at `width` × `height`.
pub fn sample_app(width: u16, height: u16) -> App {
    let corpus = sample_corpus();
    let figures = corpus.reports.iter().map(figures_for).collect();
    App::with_figures(corpus, figures, width, height)
}

#[allow(unused_imports)]
pub use baogao::app::fixture::press;
