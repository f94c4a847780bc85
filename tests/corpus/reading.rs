//! What the source broke, as the real reports show it: paragraphs a PDF export cut at page
//! ends (xiping-2023, puyang-2023, 天津市_2026) joined in the reader, every other line of the
//! corpus left a paragraph of its own; the Markdown bold xiping-2023 carries (`**持续防治环境
//! 污染。**`) drawn without its asterisks; and the text itself, and so every line and column
//! the search and the figures report, left as the file has it.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use baogao::app::{App, Role};
use baogao::corpus::clean_source::joined_lines;
use baogao::corpus::{Corpus, load_paths};
use baogao::ui::text::styled_line;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn load(path: &str) -> Corpus {
    let corpus = load_paths(&[root().join(path)]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    corpus
}

/// The joined lines (1-based, as an editor numbers them) of every report that has any.
fn joins(corpus: &Corpus) -> BTreeMap<String, Vec<usize>> {
    corpus
        .reports
        .iter()
        .map(|r| {
            let lines = joined_lines(r).into_iter().map(|i| i + 1).collect();
            (r.file.clone(), lines)
        })
        .filter(|(_, lines): &(String, Vec<usize>)| !lines.is_empty())
        .collect()
}

#[test]
fn only_the_paragraphs_the_source_broke_are_joined() {
    // Each was read in the file: the line before ends mid-word (`更实举` / `措推进`), mid-number
    // (`120亿` / `元`) or on a comma, and the joined line is its paragraph's rest (at 175, of a
    // glossary entry's definition).
    let bundled = joins(&load("assets/reports"));
    let expected: BTreeMap<String, Vec<usize>> = [
        ("puyang-2023.txt", vec![23, 55, 71]),
        (
            "xiping-2023.txt",
            vec![
                21, 35, 37, 43, 49, 57, 65, 69, 71, 75, 79, 83, 87, 97, 107, 175,
            ],
        ),
    ]
    .into_iter()
    .map(|(file, lines)| (file.to_string(), lines))
    .collect();
    assert_eq!(bundled, expected);
    // The 52 real reports of tests/data/corpus, in text and in Word: one broken paragraph.
    let real = joins(&load("tests/data/corpus"));
    let expected: BTreeMap<String, Vec<usize>> = [("天津市_2026.txt".to_string(), vec![24])]
        .into_iter()
        .collect();
    assert_eq!(real, expected);
}

#[test]
fn the_reader_draws_a_broken_paragraph_whole_and_bold_without_asterisks() {
    let corpus = load("assets/reports/xiping-2023.txt");
    let text = corpus.reports[0].text.clone();
    assert_eq!(
        text,
        std::fs::read_to_string(root().join("assets/reports/xiping-2023.txt")).unwrap(),
        "the text is the file's"
    );
    let mut app = App::new(corpus, 120, 40);
    let layout = app.layout().unwrap().clone();
    // Line 77 `…更实举` and line 79 `措推进文旅振兴。…` (a blank line between) are one
    // paragraph: no gap row between them; line 81 is a paragraph of its own.
    // (A gap row carries the number of the line after it.)
    let first_row = |line: usize| {
        layout
            .lines
            .iter()
            .position(|l| l.line == line - 1)
            .unwrap()
    };
    assert_eq!(layout.lines[first_row(79)].role, Role::Body);
    assert_eq!(layout.lines[first_row(79) - 1].line, 76);
    assert_eq!(layout.lines[first_row(81)].role, Role::Gap);
    // Line 81 as drawn, row after row: the file's line without its `**`.
    let report = app.current_report().unwrap();
    let drawn: String = layout
        .lines
        .iter()
        .filter(|screen| screen.line == 80)
        .flat_map(|screen| styled_line(&app, report, screen).spans)
        .map(|span| span.content.into_owned())
        .collect();
    let line = report.line_text(80);
    assert_eq!(
        line.matches("**").count(),
        6,
        "xiping-2023.txt:81 has three bold pairs"
    );
    assert_eq!(drawn, line.replace("**", ""));
    // Clicking a character drawn after a hidden marker finds that character.
    let marker = line.find("**加强生态保护治理").unwrap();
    let target = report.lines[80].range.start + marker + 2;
    let row = layout.row_of(target);
    app.text.top = row;
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).unwrap();
    terminal
        .draw(|frame| baogao::ui::draw(&app, frame))
        .unwrap();
    let buffer = terminal.backend().buffer();
    let (x, y) = (0..buffer.area.height)
        .find_map(|y| {
            let at = |x: u16, s: &str| x < buffer.area.width && buffer[(x, y)].symbol() == s;
            (0..buffer.area.width)
                .find(|&x| at(x, "加") && at(x + 2, "强") && at(x + 4, "生") && at(x + 6, "态"))
                .map(|x| (x, y))
        })
        .expect("加强生态 drawn");
    assert_eq!(app.text_offset_at(x, y), Some(target));
}
