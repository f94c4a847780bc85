//! Rendering the browser while the bundled reports load, through the real background loader
//! into ratatui's `TestBackend`: the first report's text is drawn before its figures and
//! metadata arrive (the figures panel says so), and the panel and the tree fill in after.

use baogao::app::App;
use baogao::app::loading::{self, Arrival};
use baogao::corpus::{Corpus, load_embedded};
use baogao::ui::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;

/// The screen as a reader sees it, row by row (the cells a wide character covers skipped).
fn screen(app: &App) -> Vec<String> {
    let mut terminal = Terminal::new(TestBackend::new(WIDTH, HEIGHT)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    let buffer: &Buffer = terminal.backend().buffer();
    (0..HEIGHT)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < WIDTH {
                let symbol = buffer[(x, y)].symbol();
                row.push_str(symbol);
                x += symbol.width().max(1) as u16;
            }
            row
        })
        .collect()
}

#[test]
fn the_first_text_is_drawn_before_its_figures_and_they_fill_in() {
    let mut arrivals: Vec<Arrival> = loading::start(Vec::new()).0.iter().collect();
    let whole = load_embedded();
    let first = &whole.reports[0];
    let mut app = App::new(Corpus::default(), WIDTH, HEIGHT);
    loading::begin(&mut app);

    // Started and the first report only.
    let report = arrivals
        .iter()
        .position(|a| matches!(a, Arrival::Report { index: 0, .. }))
        .unwrap();
    let report = arrivals.remove(report);
    let started = arrivals.remove(0);
    assert!(matches!(started, Arrival::Started { total: 5 }));
    loading::receive(&mut app, [started, report]);
    let all = screen(&app).join("\n");
    // Its text: the first line of its body is on screen.
    let body_line = first
        .text
        .lines()
        .find(|l| l.trim().chars().count() > 8)
        .unwrap()
        .trim();
    let opening: String = body_line.chars().take(8).collect();
    assert!(all.contains(&opening), "{all}");
    assert!(all.contains("reading figures…"), "{all}");
    // Named by its file until its metadata is read.
    assert!(all.contains(&first.file), "{all}");
    assert!(!all.contains(&first.label()), "{all}");

    // Then everything else: the panel lists figures, the tree names the report.
    loading::receive(&mut app, arrivals);
    let all = screen(&app).join("\n");
    assert!(app.loading.is_none());
    assert!(!all.contains("reading figures…"), "{all}");
    let listed = app.figures_view.rows.len();
    assert!(listed > 0, "{all}");
    assert!(
        all.contains(&format!("figures · section · all · {listed} ")),
        "{all}"
    );
    let region = first.meta.region.as_deref().unwrap();
    assert!(
        all.contains(&format!("{region} {}", first.meta.year.unwrap())),
        "{all}"
    );
}
