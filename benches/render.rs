//! Rendering speed: one frame at 200×60 with the bundled reports and with a 100 MB synthetic
//! corpus (a frame's cost must not grow with the corpus), and the time from nothing to the
//! first frame (load the bundled reports, build the app, draw). Baselines measured in the same
//! run: drawing an empty frame, and loading the reports alone.

use std::hint::black_box;

use baogao::app::{Action, App, update};
use baogao::corpus::synthetic::generate;
use baogao::corpus::{Corpus, load_embedded, parse_report};
use baogao::ui::draw;
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const WIDTH: u16 = 200;
const HEIGHT: u16 = 60;
const SYNTHETIC_BYTES: usize = 100 * 1024 * 1024;

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap()
}

/// The bundled reports followed by 100 MB of synthetic ones, decoded (UTF-8, else GB18030) and
/// parsed: the screen shows the same report as with the bundled ones alone, so any difference
/// is the corpus's size.
fn large_corpus() -> Corpus {
    let mut reports = load_embedded().reports;
    let synthetic = generate(SYNTHETIC_BYTES, 42).into_iter().map(|file| {
        let text = String::from_utf8(file.bytes)
            .unwrap_or_else(|error| encoding_rs::GB18030.decode(error.as_bytes()).0.into_owned());
        parse_report(&file.name, None, &text)
    });
    reports.extend(synthetic);
    Corpus {
        reports,
        errors: Vec::new(),
    }
}

/// An app showing the second report's second chapter, as after a user browsed to it, with a
/// search's hits highlighted.
fn browsed(corpus: Corpus) -> App {
    let mut app = App::new(corpus, WIDTH, HEIGHT);
    update(&mut app, Action::OpenSearch);
    for c in "增长".chars() {
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
        update(&mut app, Action::SearchInput(key));
    }
    update(&mut app, Action::SubmitSearch);
    update(&mut app, Action::FocusPrev);
    for _ in 0..8 {
        update(&mut app, Action::MoveDown);
    }
    update(&mut app, Action::Activate);
    update(&mut app, Action::FocusNext);
    app
}

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame_200x60");
    let mut blank = terminal();
    group.bench_function("empty frame (baseline)", |b| {
        b.iter(|| {
            blank
                .draw(|frame| {
                    black_box(frame.area());
                })
                .map(|_| ())
        })
    });
    let bundled = browsed(load_embedded());
    let mut bundled_terminal = terminal();
    group.bench_function("bundled reports", |b| {
        b.iter(|| {
            bundled_terminal
                .draw(|frame| draw(&bundled, frame))
                .map(|_| ())
        })
    });
    let synthetic = browsed(large_corpus());
    eprintln!(
        "large corpus: {} reports, {} MB, showing {}",
        synthetic.corpus.reports.len(),
        synthetic
            .corpus
            .reports
            .iter()
            .map(|r| r.text.len())
            .sum::<usize>()
            >> 20,
        synthetic.corpus.reports[synthetic.report].file,
    );
    let mut synthetic_terminal = terminal();
    group.bench_function("bundled + 100 MB synthetic corpus", |b| {
        b.iter(|| {
            synthetic_terminal
                .draw(|frame| draw(&synthetic, frame))
                .map(|_| ())
        })
    });
    group.finish();
}

fn first_frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame_200x60");
    group.bench_function("load bundled reports (baseline)", |b| b.iter(load_embedded));
    group.bench_function("load, build the app, draw", |b| {
        b.iter(|| {
            let app = App::new(load_embedded(), WIDTH, HEIGHT);
            let mut terminal = terminal();
            terminal.draw(|frame| draw(&app, frame)).map(|_| ())
        })
    });
    group.finish();
}

criterion_group!(benches, frame, first_frame);
criterion_main!(benches);
