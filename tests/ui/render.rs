//! Rendering the browser into ratatui's `TestBackend`: whole-screen snapshots at several sizes
//! (down to 1×1) of two real reports whose line kinds the tests state, and style assertions on the buffer for what snapshots cannot show (figures,
//! the selected figure, search hits, the focused pane).

use crate::common;

use common::fixture;

use baogao::app::{Action, App, Pane, Role, update};
use baogao::corpus::{Corpus, LineKind};
use baogao::ui::{draw, theme::DARK as THEME};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use unicode_width::UnicodeWidthStr;

fn render(app: &App) -> Terminal<TestBackend> {
    let area = app.panes.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    terminal
}

/// A row as a reader sees it: the cells a wide character covers are skipped, not read as
/// spaces.
fn row_cells(buffer: &Buffer, y: u16) -> (String, Vec<(usize, u16)>) {
    let mut text = String::new();
    let mut cells = Vec::new();
    let mut x = 0;
    while x < buffer.area.width {
        let symbol = buffer[(x, y)].symbol();
        cells.push((text.len(), x));
        text.push_str(symbol);
        x += symbol.width().max(1) as u16;
    }
    (text, cells)
}

fn row_text(buffer: &Buffer, y: u16) -> String {
    row_cells(buffer, y).0
}

/// Where `needle` is first drawn: (column of its first cell, row).
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    find_in(buffer, buffer.area, needle)
}

/// Where `needle` is first drawn inside `area`.
fn find_in(buffer: &Buffer, area: Rect, needle: &str) -> Option<(u16, u16)> {
    for y in area.top()..area.bottom() {
        let (text, cells) = row_cells(buffer, y);
        let mut from = 0;
        while let Some(found) = text[from..].find(needle) {
            let at = from + found;
            let x = cells.iter().find(|(offset, _)| *offset == at)?.1;
            if area.contains(Position::new(x, y)) {
                return Some((x, y));
            }
            from = at + needle.len();
        }
    }
    None
}

#[test]
fn the_whole_screen_at_a_roomy_size() {
    let app = common::sample_app(160, 45);
    insta::assert_snapshot!("browser_160x45", render(&app).backend());
}

#[test]
fn a_classic_terminal_hides_the_figures_panel() {
    let mut app = common::sample_app(80, 24);
    update(&mut app, Action::NextSection);
    insta::assert_snapshot!("browser_80x24", render(&app).backend());
}

#[test]
fn narrow_and_tiny_terminals_show_what_fits() {
    for (width, height) in [(40, 12), (12, 4), (3, 3), (1, 1)] {
        let app = common::sample_app(width, height);
        let name = format!("browser_{width}x{height}");
        insta::assert_snapshot!(name, render(&app).backend());
    }
}

#[test]
fn the_help_overlay_lists_the_keymap() {
    let mut app = common::sample_app(100, 40);
    update(&mut app, Action::ToggleHelp);
    let terminal = render(&app);
    insta::assert_snapshot!("help_100x40", terminal.backend());
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, "Ctrl-d").is_some());
    assert!(find(buffer, "Shift-Tab").is_some());
}

#[test]
fn a_wide_character_that_meets_the_edge_moves_to_the_next_row() {
    // 13 columns: a text pane with 11 inside its border, so five ideographs (10 columns) fit
    // and the sixth would straddle the edge.
    let corpus = Corpus {
        reports: vec![fixture::report(
            "t.txt",
            &[("一二三四五六七八九十甲乙", LineKind::Body)],
        )],
        errors: Vec::new(),
    };
    let app = App::with_figures(corpus, Vec::new(), 13, 6);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(row_text(buffer, 1), "│一二三四五 │");
    assert_eq!(row_text(buffer, 2), "│六七八九十 │");
    assert_eq!(row_text(buffer, 3), "│甲乙       │");
    insta::assert_snapshot!("cjk_edge_13x6", terminal.backend());
}

/// One paragraph with three figures: the second selected in the figures panel (which has the
/// focus), `全县` searched for and the second hit current.
fn highlighted_app() -> App {
    let report = fixture::report(
        "t.txt",
        &[
            ("一、总结", LineKind::Heading(1)),
            (
                "全县生产总值283.1亿元，增长5.2%，全县一般公共预算收入13.4亿元。",
                LineKind::Body,
            ),
        ],
    );
    let figures = common::figures_for(&report);
    assert_eq!(figures.len(), 3);
    let corpus = Corpus {
        reports: vec![report],
        errors: Vec::new(),
    };
    let mut app = App::with_figures(corpus, vec![figures], 160, 20);
    // Select the second figure through the figures panel.
    update(&mut app, Action::FocusNext);
    assert_eq!(app.focus, Pane::Figures);
    update(&mut app, Action::MoveDown);
    assert_eq!(app.text.selected_figure, Some(1));
    update(&mut app, Action::OpenSearch);
    for c in "全县".chars() {
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
        update(&mut app, Action::SearchInput(key));
    }
    update(&mut app, Action::SubmitSearch);
    update(&mut app, Action::NextHit);
    app
}

/// The style drawn at the `nth` place `needle` is drawn inside `area`.
fn style_at(buffer: &Buffer, area: Rect, needle: &str, nth: usize) -> ratatui::style::Style {
    let (mut x, y) = find_in(buffer, area, needle).expect(needle);
    for _ in 0..nth {
        let rest = Rect::new(x + 1, y, area.right() - x - 1, 1);
        x = find_in(buffer, rest, needle).expect(needle).0;
    }
    buffer[(x, y)].style()
}

#[test]
fn figures_the_selected_figure_and_search_hits_have_their_own_styles() {
    let app = highlighted_app();
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let text = app.panes.text;
    let style_of = |needle: &str, nth: usize| style_at(buffer, text, needle, nth);
    assert_eq!(style_of("283.1亿元", 0).fg, THEME.figure.fg);
    // The one sentence of the paragraph is under the cursor (the current hit put it there).
    assert_eq!(style_of("283.1亿元", 0).bg, THEME.sentence.bg);
    assert_eq!(style_of("总结", 0).bg, ratatui::style::Color::Reset.into());
    assert_eq!(style_of("5.2%", 0).bg, THEME.selected_figure.bg);
    assert_eq!(style_of("全县", 0).bg, THEME.hit.bg);
    assert_eq!(style_of("全县", 1).bg, THEME.current_hit.bg);
    assert_eq!(style_of("生产", 0).bg, THEME.sentence.bg);

    // The focused pane's border, and the tree's node in view.
    let figures = app.panes.figures;
    assert_eq!(
        buffer[(figures.x, figures.y)].fg,
        THEME.border_focused.fg.unwrap()
    );
    assert_eq!(buffer[(text.x, text.y)].fg, THEME.border.fg.unwrap());
    let tree = app.panes.tree;
    let cursor_row = tree.y + 1 + (app.tree.cursor - app.tree.top) as u16;
    assert_eq!(
        buffer[(tree.x + 1, cursor_row)].bg,
        THEME.cursor.bg.unwrap()
    );
}

/// Without colour (`NO_COLOR`, the mono theme) nothing is drawn in colour, and every state is
/// still told apart by its modifiers: the figure, the selected figure, the text cursor, search
/// hits and the current one, the focused pane's border and the tree's cursor row.
#[test]
fn without_colour_every_highlight_is_a_modifier() {
    use ratatui::style::{Color, Modifier};
    baogao::ui::theme::set(&baogao::ui::theme::MONO);
    let app = highlighted_app();
    let terminal = render(&app);
    baogao::ui::theme::set(&THEME);
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
    let text = app.panes.text;
    let modifiers = |needle: &str, nth: usize| style_at(buffer, text, needle, nth).add_modifier;
    assert!(modifiers("283.1亿元", 0).contains(Modifier::UNDERLINED | Modifier::BOLD));
    assert!(modifiers("5.2%", 0).contains(Modifier::REVERSED | Modifier::BOLD));
    assert!(modifiers("全县", 0).contains(Modifier::REVERSED));
    assert!(!modifiers("全县", 0).contains(Modifier::UNDERLINED));
    assert!(modifiers("全县", 1).contains(Modifier::REVERSED | Modifier::UNDERLINED));
    assert_eq!(modifiers("总结", 0), MONO_HEADING1);
    let figures = app.panes.figures;
    assert!(
        buffer[(figures.x, figures.y)]
            .modifier
            .contains(Modifier::BOLD)
    );
    assert!(!buffer[(text.x, text.y)].modifier.contains(Modifier::BOLD));
    let tree = app.panes.tree;
    let cursor_row = tree.y + 1 + (app.tree.cursor - app.tree.top) as u16;
    assert!(
        buffer[(tree.x + 1, cursor_row)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
}

const MONO_HEADING1: ratatui::style::Modifier = baogao::ui::theme::MONO.heading1.add_modifier;

#[test]
fn headings_are_styled_by_level() {
    let mut app = common::app(160, 45);
    update(&mut app, Action::NextSection);
    let title = app.corpus.reports[0].sections[0].title.clone();
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let (x, y) = find_in(buffer, app.panes.text, &title).unwrap();
    assert_eq!(buffer[(x, y)].fg, THEME.heading1.fg.unwrap());
}

#[test]
fn the_title_is_centred_and_residue_is_not_drawn() {
    let report = fixture::report(
        "t.txt",
        &[
            ("报告", LineKind::Title),
            ("来源：某某网", LineKind::Residue),
            ("正文一句。", LineKind::Body),
        ],
    );
    let corpus = Corpus {
        reports: vec![report],
        errors: Vec::new(),
    };
    let app = App::with_figures(corpus, Vec::new(), 22, 7);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(row_text(buffer, 1), "│        报告        │");
    assert_eq!(row_text(buffer, 2), "│                    │");
    assert_eq!(row_text(buffer, 3), "│正文一句。          │");
    assert!(find(buffer, "某某网").is_none());
}

#[test]
fn the_search_line_replaces_the_status_bar_while_typing() {
    let mut app = common::sample_app(80, 10);
    update(&mut app, Action::OpenSearch);
    for c in "增长(".chars() {
        let key = crossterm::event::KeyEvent::from(crossterm::event::KeyCode::Char(c));
        update(&mut app, Action::SearchInput(key));
    }
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let status = row_text(buffer, 9);
    assert!(status.starts_with("/增长("), "{status}");
    assert!(
        status.trim_end().ends_with("Enter search · Esc close"),
        "{status}"
    );
    update(&mut app, Action::SubmitSearch);
    let terminal = render(&app);
    let status = row_text(terminal.backend().buffer(), 9);
    assert!(
        status.contains("unclosed group"),
        "the regex error in the status bar: {status}"
    );
    let (x, _) = find(terminal.backend().buffer(), "invalid").unwrap();
    assert_eq!(
        terminal.backend().buffer()[(x, 9)].bg,
        THEME.error.bg.unwrap()
    );
}

#[test]
fn the_status_bar_shows_the_keys_of_the_focused_pane() {
    let mut app = common::sample_app(160, 20);
    let status = |app: &App| row_text(render(app).backend().buffer(), 19);
    assert!(
        status(&app).contains(" TEXT  m mark · v select · n next hit · Tab focus"),
        "{}",
        status(&app)
    );
    update(&mut app, Action::FocusNext);
    assert!(
        status(&app).contains(" FIGURES  Enter jump · f filter · F scope"),
        "{}",
        status(&app)
    );
    update(&mut app, Action::FocusNext);
    assert!(
        status(&app).contains(" TREE  Enter open · h fold · l unfold"),
        "{}",
        status(&app)
    );
    update(&mut app, Action::ToggleHelp);
    assert!(
        status(&app).contains(" HELP  Esc close"),
        "{}",
        status(&app)
    );
}

/// A click is read back against what was drawn: every cell of the centred title — both
/// halves of each wide character — is the character the app finds there, at odd and even
/// widths, for titles of odd and even width.
#[test]
fn a_click_on_the_centred_title_finds_the_character_drawn_there() {
    for width in [80, 81, 120, 161] {
        for app in [
            common::sample_app(width, 30),
            baogao::app::fixture::bundled_app(width, 30),
        ] {
            let terminal = render(&app);
            let buffer = terminal.backend().buffer();
            let report = app.current_report().unwrap();
            let inner = app.panes.inner(Pane::Text);
            let layout = app.layout().unwrap();
            let row = layout
                .lines
                .iter()
                .position(|l| l.role == Role::Title)
                .expect("a title");
            let y = inner.y + u16::try_from(row - app.text.top).unwrap();
            let title = &report.text[layout.lines[row].range.clone()];
            // The cells before the title's first character are blank, the title follows.
            let mut x = inner.x;
            while buffer[(x, y)].symbol() == " " {
                x += 1;
            }
            x -= u16::try_from(title.len() - title.trim_start().len()).unwrap();
            for c in title.chars() {
                let cells = u16::try_from(c.to_string().width()).unwrap();
                assert_eq!(buffer[(x, y)].symbol(), c.to_string(), "width {width}");
                for half in x..x + cells {
                    let offset = app.text_offset_at(half, y).expect("a character is drawn");
                    assert_eq!(
                        report.text[offset..].chars().next(),
                        Some(c),
                        "{title} at width {width}, column {half}"
                    );
                }
                x += cells;
            }
        }
    }
}

/// Narrow to roomy terminals with the side panes as they come, with the tree hidden (`t`) and
/// with the figures panel asked for (`p`: beside the text where there is room, over it where
/// not).
#[test]
fn side_panes_toggled_at_three_sizes() {
    for (width, height) in [(60, 20), (80, 24), (120, 40)] {
        for (keys, name) in [("", "as_they_come"), ("t", "no_tree"), ("p", "figures")] {
            let mut app = common::sample_app(width, height);
            common::press(&mut app, keys);
            let terminal = render(&app);
            insta::assert_snapshot!(format!("panes_{name}_{width}x{height}"), terminal.backend());
        }
    }
}

/// `#` numbers each line as the file does, at the left of its first row, and the text wraps
/// in the room left; a click still finds the character drawn; `#` again takes them away.
#[test]
fn hash_shows_the_file_s_line_numbers() {
    let mut app = common::sample_app(100, 30);
    let report = app.current_report().unwrap().clone();
    let heading = &report.sections[0];
    common::press(&mut app, "#");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let inner = app.panes.inner(Pane::Text);
    let (x, y) = find_in(buffer, inner, &heading.title).expect("the heading is drawn");
    let gutter: String = (inner.x..x).map(|x| buffer[(x, y)].symbol()).collect();
    assert_eq!(gutter.trim(), (heading.line + 1).to_string());
    assert_eq!(
        app.layout().unwrap().width,
        app.panes.text_width() - app.gutter_width()
    );
    let offset = app.text_offset_at(x, y).unwrap();
    assert_eq!(offset, heading.heading.start);
    assert_eq!(
        app.text_offset_at(inner.x, y),
        None,
        "the number is not text"
    );
    common::press(&mut app, "#");
    let terminal = render(&app);
    let (x, _) = find_in(terminal.backend().buffer(), inner, &heading.title).unwrap();
    assert_eq!(x, inner.x);
}
