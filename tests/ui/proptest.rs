//! Random sequences of keys from every mode's table, typed text, clicks, wheel turns and
//! resizes, from terminal sizes down to 0×0, against `update` and `draw` on a `TestBackend`:
//! nothing may panic, and the state stays within its bounds.

use crate::common;

use std::sync::OnceLock;

use baogao::app::{Action, App, Mode, Pane, keymap, update};
use baogao::corpus::Corpus;
use baogao::figures::Figure;
use baogao::ui::draw;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The bundled reports and their hand-built figures, parsed once for every case.
fn fixture() -> &'static (Corpus, Vec<Vec<Figure>>) {
    static FIXTURE: OnceLock<(Corpus, Vec<Vec<Figure>>)> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let corpus = common::corpus();
        let figures = corpus.reports.iter().map(common::figures_for).collect();
        (corpus, figures)
    })
}

fn fresh_app(width: u16, height: u16) -> App {
    let (corpus, figures) = fixture();
    let copy = Corpus {
        reports: corpus.reports.clone(),
        errors: Vec::new(),
    };
    App::with_figures(copy, figures.clone(), width, height)
}

/// One input: a key from any keymap, a typed character, a click, a wheel turn or a resize.
#[derive(Debug, Clone)]
enum Input {
    Key(KeyEvent),
    Click(u16, u16),
    Wheel(u16, u16, i16),
    Resize(u16, u16),
}

/// Every key bound in any mode's table.
fn bound_keys() -> Vec<KeyEvent> {
    Mode::ALL
        .iter()
        .flat_map(|mode| keymap::bindings(*mode).iter())
        .flat_map(|binding| binding.keys.iter())
        .map(|key| KeyEvent::new(key.code, key.modifiers))
        .collect()
}

fn input() -> impl Strategy<Value = Input> {
    let keys = bound_keys();
    prop_oneof![
        6 => proptest::sample::select(keys).prop_map(Input::Key),
        2 => prop_oneof![
            Just('增'), Just('长'), Just('('), Just('['), Just('*'), Just('.'), Just('a'),
            Just('%'), Just('生'), Just('产'),
        ]
        .prop_map(|c| Input::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))),
        1 => Just(Input::Key(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE))),
        1 => (0u16..170, 0u16..55).prop_map(|(x, y)| Input::Click(x, y)),
        1 => (0u16..170, 0u16..55, -10i16..10).prop_map(|(x, y, n)| Input::Wheel(x, y, n)),
        1 => (0u16..160, 0u16..50).prop_map(|(w, h)| Input::Resize(w, h)),
    ]
}

fn action(app: &App, input: &Input) -> Option<Action> {
    match *input {
        Input::Key(key) => keymap::resolve(app.mode, key),
        Input::Click(column, row) => Some(Action::Click { column, row }),
        Input::Wheel(column, row, lines) => Some(Action::Scroll { column, row, lines }),
        Input::Resize(width, height) => Some(Action::Resize { width, height }),
    }
}

/// 500 cases unless `PROPTEST_CASES` asks for another number: `cargo test` stays quick, and a
/// long run (`PROPTEST_CASES=20000 cargo test --release --test ui proptest`) explores more.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(500)
}

#[test]
fn the_inputs_reach_every_mode_s_keys() {
    let keys = bound_keys();
    for mode in Mode::ALL {
        for binding in keymap::bindings(mode) {
            for key in binding.keys {
                assert!(keys.contains(&key.event()), "{mode:?} {key:?}");
            }
        }
    }
    assert!(keys.contains(&KeyEvent::new(KeyCode::Char('t'), KeyModifiers::CONTROL)));
    assert!(keys.contains(&KeyEvent::new(KeyCode::Char('s'), KeyModifiers::CONTROL)));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn no_sequence_of_inputs_panics(
        width in 0u16..160,
        height in 0u16..50,
        inputs in proptest::collection::vec(input(), 1..16),
    ) {
        let mut app = fresh_app(width, height);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        for input in &inputs {
            let Some(action) = action(&app, input) else { continue };
            let _ = update(&mut app, action);
            let area = app.panes.area;
            if terminal.backend().buffer().area != area {
                terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
            }
            terminal.draw(|frame| draw(&app, frame)).unwrap();

            prop_assert!(app.text.top <= app.max_text_top());
            prop_assert!(app.tree.cursor < app.tree.rows.len().max(1));
            prop_assert!(app.figures_view.rows.is_empty()
                || app.figures_view.cursor < app.figures_view.rows.len());
            prop_assert!(app.panes.shows(app.focus) || app.focus == Pane::Text);
            if let Some(current) = app.search.current {
                prop_assert!(current < app.search.hits.len());
            }
            prop_assert!(app.mode != Mode::Search || app.message.is_none()
                || app.message.as_ref().is_some_and(|m| !m.text.is_empty()));
        }
    }
}
