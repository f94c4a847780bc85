//! The browser over the bundled reports at every terminal size from 1×1 to 400×120, in every
//! mode the keys reach (reading, help, search, compare, a glossary term), and through a storm of
//! resizes: nothing panics, nothing is drawn past the buffer's edge, the status bar and the
//! text pane's title are there once the terminal is big enough to hold them, and each resize
//! keeps the line at the top in view.

use std::sync::OnceLock;

use baogao::app::{Action, App, Mode, Pane, keymap, update};
use baogao::corpus::{Corpus, load_embedded};
use baogao::figures::Figure;
use baogao::ui::draw;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthStr;

/// Every size of at most 12×8, then a coarser grid up to 400×120 (both ends included).
fn sizes() -> Vec<(u16, u16)> {
    let mut sizes: Vec<(u16, u16)> = (1..=12)
        .flat_map(|w| (1..=8).map(move |h| (w, h)))
        .collect();
    let widths = [
        1, 2, 5, 13, 20, 39, 40, 49, 50, 64, 80, 99, 100, 101, 133, 160, 200, 257, 399, 400,
    ];
    let heights = [1, 2, 3, 9, 10, 11, 17, 24, 40, 61, 119, 120];
    for &w in &widths {
        for &h in &heights {
            if w > 12 || h > 8 {
                sizes.push((w, h));
            }
        }
    }
    sizes
}

fn key(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

/// Press `event` as the browser would: through the active mode's key table.
fn press(app: &mut App, event: KeyEvent) {
    if let Some(action) = keymap::resolve(app.mode, event) {
        update(app, action);
    }
}

/// The bundled reports and their figures, extracted once for every browser built here.
fn fixture() -> &'static (Corpus, Vec<Vec<Figure>>) {
    static FIXTURE: OnceLock<(Corpus, Vec<Vec<Figure>>)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let corpus = load_embedded();
        let figures = App::new(load_embedded(), 1, 1).figures;
        (corpus, figures)
    })
}

/// A browser over the bundled reports, with their real figures, at `width` × `height`.
fn browser(width: u16, height: u16) -> App {
    let (corpus, figures) = fixture();
    let corpus = Corpus {
        reports: corpus.reports.clone(),
        errors: Vec::new(),
    };
    App::with_figures(corpus, figures.clone(), width, height)
}

/// Put `app` into `mode` with the keys a reader would press (`?`, `/` and a query, `c`, `K`).
fn enter(app: &mut App, mode: Mode) {
    match mode {
        Mode::Normal => {}
        Mode::Help => press(app, key('?')),
        Mode::Search => {
            press(app, key('/'));
            for c in "增长".chars() {
                press(app, key(c));
            }
        }
        Mode::Compare => press(app, key('c')),
        Mode::Glossary => {
            // `K` explains the first term on screen; page on until one is.
            for _ in 0..60 {
                press(app, key('K'));
                if app.mode == Mode::Glossary {
                    return;
                }
                press(app, KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE));
            }
        }
        Mode::Visual => press(app, key('v')),
        Mode::Marks => {
            press(app, key('m'));
            press(app, key('M'));
        }
        Mode::Note => press(app, key('a')),
        Mode::Export => {
            // `e` needs a mark to export; `m` again would unmark it.
            if app.marks.all.items.is_empty() {
                press(app, key('m'));
            }
            press(app, key('e'));
        }
        Mode::GoTo => {
            press(app, key('o'));
            press(app, key('县'));
        }
    }
}

fn draw_at(app: &App) -> Buffer {
    let area = app.panes.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    terminal.backend().buffer().clone()
}

/// A row as a terminal shows it: each symbol, skipping the cells a wide one covers.
fn row_text(buffer: &Buffer, y: u16) -> String {
    row_span(buffer, y, 0, buffer.area.width)
}

/// Columns `from..to` of row `y`, as a terminal shows them.
fn row_span(buffer: &Buffer, y: u16, from: u16, to: u16) -> String {
    let mut text = String::new();
    let mut x = from;
    while x < to {
        let symbol = buffer[(x, y)].symbol();
        text.push_str(symbol);
        x += symbol.width().max(1) as u16;
    }
    text
}

/// Nothing drawn past the edge: the panes lie inside the terminal, and no row's symbols take
/// more columns than the row has (a double-width character in the last column would).
fn assert_inside(app: &App, buffer: &Buffer, what: &str) {
    let area = app.panes.area;
    assert_eq!(buffer.area, area, "{what}");
    for pane in [
        app.panes.tree,
        app.panes.text,
        app.panes.figures,
        app.panes.status,
    ] {
        assert!(
            pane.is_empty() || area.union(pane) == area,
            "{what}: pane {pane:?} outside {area:?}"
        );
    }
    for y in 0..area.height {
        let mut used = 0;
        let mut x = 0;
        while x < area.width {
            let width = buffer[(x, y)].symbol().width();
            assert!(width <= 2, "{what}: row {y} col {x}");
            used += width.max(1);
            x += width.max(1) as u16;
        }
        assert!(
            used <= usize::from(area.width),
            "{what}: row {y} is {used} columns wide: {:?}",
            row_text(buffer, y)
        );
    }
}

/// What a reader must see once the terminal holds it: the status bar (or the search line) on
/// the bottom row, and the text pane's title (or the compare view's, over it) on the top row.
fn assert_chrome(app: &App, buffer: &Buffer, what: &str) {
    let area = app.panes.area;
    let bottom = row_text(buffer, area.height - 1);
    let badge = match app.mode {
        Mode::Normal => match app.focus {
            Pane::Tree => " TREE ",
            Pane::Text => " TEXT ",
            Pane::Figures => " FIGURES ",
        },
        Mode::Help => " HELP ",
        Mode::Search => "/",
        Mode::Compare => " COMPARE ",
        Mode::Glossary => " TERM ",
        Mode::Visual => " SELECT ",
        Mode::Marks => " MARKS ",
        Mode::Note => " NOTE ",
        Mode::Export => " EXPORT ",
        Mode::GoTo => " GO TO ",
    };
    assert!(
        bottom.starts_with(badge),
        "{what}: status bar {bottom:?} lacks {badge:?}"
    );
    let top = row_text(buffer, 0);
    if app.mode == Mode::Compare {
        assert!(top.contains(" compare · "), "{what}: top row {top:?}");
        return;
    }
    if app.mode == Mode::Marks {
        assert!(top.contains(" marks · "), "{what}: top row {top:?}");
        return;
    }
    if let Some(title) = match app.mode {
        Mode::Note => Some(" note "),
        Mode::Export => Some(" export "),
        Mode::GoTo => Some(" go to "),
        _ => None,
    } {
        let shown = (0..area.height).any(|y| row_text(buffer, y).contains(title));
        assert!(shown, "{what}: no popup titled {title:?}");
        return;
    }
    let label = app.current_report().unwrap().label();
    // The title may be cut to the pane; its first words must show.
    let start: String = label.chars().take(4).collect();
    let pane = app.panes.text;
    let title_row = row_span(buffer, pane.y, pane.x, pane.right());
    assert!(
        title_row.contains(&start),
        "{what}: text pane title {title_row:?} lacks {start:?}"
    );
}

#[test]
fn every_size_in_every_mode_draws_inside_the_buffer() {
    let sizes = sizes();
    assert!(sizes.contains(&(1, 1)) && sizes.contains(&(400, 120)));
    for mode in Mode::ALL {
        // Entered at a usual size, then resized through the whole grid.
        let mut app = browser(100, 30);
        enter(&mut app, mode);
        assert_eq!(app.mode, mode, "the keys reach {mode:?}");
        for &(width, height) in &sizes {
            update(&mut app, Action::Resize { width, height });
            let what = format!("{mode:?} at {width}×{height}");
            let buffer = draw_at(&app);
            assert_inside(&app, &buffer, &what);
            if width >= 40 && height >= 10 {
                assert_chrome(&app, &buffer, &what);
            }
        }
    }
}

#[test]
fn every_mode_can_be_entered_and_left_at_any_size() {
    // Started at the size, the keys pressed there: every size up to 12×8, and two larger ones.
    let sizes = sizes()
        .into_iter()
        .filter(|&(w, h)| (w <= 12 && h <= 8) || (w, h) == (400, 120) || (w, h) == (40, 10));
    let escape = KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE);
    for (width, height) in sizes {
        let mut app = browser(width, height);
        for mode in Mode::ALL {
            enter(&mut app, mode);
            let what = format!("{mode:?} entered at {width}×{height}");
            let buffer = draw_at(&app);
            assert_inside(&app, &buffer, &what);
            if width >= 40 && height >= 10 {
                assert_eq!(app.mode, mode, "{what}");
                assert_chrome(&app, &buffer, &what);
            }
            press(&mut app, escape);
            assert_eq!(app.mode, Mode::Normal, "Esc leaves {what}");
        }
    }
}

/// A small deterministic generator (xorshift), so a failing storm replays the same way.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The byte offset of the text pane's top row.
fn top_offset(app: &App) -> usize {
    app.layout().unwrap().offset_of(app.text.top)
}

/// Movement keys the storm presses between bursts of resizes.
const MOVEMENT: [(KeyCode, KeyModifiers); 6] = [
    (KeyCode::Char('j'), KeyModifiers::NONE),
    (KeyCode::Char('k'), KeyModifiers::NONE),
    (KeyCode::PageDown, KeyModifiers::NONE),
    (KeyCode::Char('d'), KeyModifiers::CONTROL),
    (KeyCode::Char(']'), KeyModifiers::NONE),
    (KeyCode::Char('['), KeyModifiers::NONE),
];

/// The size a storm starts from and comes back to.
const HOME: (u16, u16) = (120, 40);

/// Forty rounds of a few movement keys, then a burst of random resizes (a quarter of them
/// tiny), each drawn, then the home size again: `check` sees the offset at the top before the
/// burst, before and after each resize, and back home.
fn storm(mut check: impl FnMut(&App, Step)) -> usize {
    let mut app = browser(HOME.0, HOME.1);
    let mut terminal = Terminal::new(TestBackend::new(HOME.0, HOME.1)).unwrap();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut resizes = 0;
    for _ in 0..40 {
        for _ in 0..rng.below(6) {
            let (code, modifiers) = MOVEMENT[rng.below(MOVEMENT.len() as u64) as usize];
            press(&mut app, KeyEvent::new(code, modifiers));
        }
        let kept = top_offset(&app);
        for _ in 0..rng.below(12) + 1 {
            let (width, height) = match rng.below(4) {
                0 => (rng.below(13) as u16, rng.below(9) as u16),
                _ => (rng.below(401) as u16, rng.below(121) as u16),
            };
            update(&mut app, Action::Resize { width, height });
            resizes += 1;
            terminal.resize(Rect::new(0, 0, width, height)).unwrap();
            terminal.draw(|frame| draw(&app, frame)).unwrap();
            assert!(app.text.top <= app.max_text_top());
            check(&app, Step::Resized { kept });
        }
        update(
            &mut app,
            Action::Resize {
                width: HOME.0,
                height: HOME.1,
            },
        );
        terminal.resize(Rect::new(0, 0, HOME.0, HOME.1)).unwrap();
        terminal.draw(|frame| draw(&app, frame)).unwrap();
        check(&app, Step::Home { kept });
    }
    resizes
}

/// Where a storm is, for its check.
#[derive(Debug, Clone, Copy)]
enum Step {
    /// Just resized: `kept` was at the top before the burst.
    Resized { kept: usize },
    /// Back at the home size after a burst that began with `kept` at the top.
    Home { kept: usize },
}

/// Whether the top row of the text pane holds byte `offset`, or the text's end keeps that row
/// from reaching the top.
fn top_row_holds(app: &App, offset: usize) -> bool {
    let layout = app.layout().unwrap();
    let top = app.text.top;
    let next = if top + 1 < layout.len() {
        layout.offset_of(top + 1)
    } else {
        usize::MAX
    };
    (layout.offset_of(top) <= offset && offset < next) || top == app.max_text_top()
}

#[test]
fn the_same_text_is_at_the_top_through_a_resize_storm_and_when_the_size_comes_back() {
    let resizes = storm(|app, step| match step {
        Step::Resized { kept, .. } => {
            assert!(
                top_row_holds(app, kept),
                "{step:?}: top at {}",
                top_offset(app)
            );
        }
        Step::Home { kept } => assert_eq!(top_offset(app), kept, "{step:?}"),
    });
    assert!(resizes >= 200, "{resizes} resizes");
}

#[test]
fn the_query_shows_again_after_the_terminal_was_too_narrow_for_it() {
    let mut app = browser(100, 30);
    enter(&mut app, Mode::Search);
    update(
        &mut app,
        Action::Resize {
            width: 3,
            height: 1,
        },
    );
    draw_at(&app);
    update(
        &mut app,
        Action::Resize {
            width: 100,
            height: 30,
        },
    );
    let bottom = row_text(&draw_at(&app), 29);
    assert!(bottom.starts_with("/增长"), "{bottom:?}");
}
