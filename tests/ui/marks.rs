//! Rendering marks into ratatui's `TestBackend` over the bundled reports: the marks list, the
//! note editor and the export dialog as snapshots, and what a snapshot cannot show — marked
//! text, the cursor's sentence and a selection each in their own style, counts in the tree.

use crate::common;

use baogao::app::{App, Mode, cursor};
use baogao::ui::draw;
use baogao::ui::theme::DARK as THEME;
use common::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;

fn render(app: &App) -> Terminal<TestBackend> {
    let area = app.panes.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    terminal
}

/// The screen cell where the text at byte `offset` of the current report is drawn.
fn cell_of(app: &App, offset: usize) -> (u16, u16) {
    let layout = app.layout().unwrap();
    let row = layout.row_of(offset);
    let line = &layout.lines[row];
    let text = &app.current_report().unwrap().text[line.range.start..offset];
    let column = unicode_width::UnicodeWidthStr::width(text) as u16;
    let pane = app.panes.text;
    (
        pane.x + 1 + column,
        pane.y + 1 + (row - app.text.top) as u16,
    )
}

fn bg(buffer: &Buffer, (x, y): (u16, u16)) -> Color {
    buffer[(x, y)].bg
}

/// Row `y` as text, each wide character once (without the blank cell it covers).
fn row_text(buffer: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buffer.area.width {
        let symbol = buffer[(x, y)].symbol();
        out.push_str(symbol);
        x += (unicode_width::UnicodeWidthStr::width(symbol) as u16).max(1);
    }
    out
}

/// Three marks in the first report, one with a note, made with the keys.
fn marked_app(width: u16, height: u16) -> App {
    let mut app = common::app(width, height);
    press(&mut app, "jjjjm");
    press(&mut app, "jjvjm");
    press(&mut app, "jja第一条备注<C-s>");
    app
}

#[test]
fn marked_text_the_cursor_and_a_selection_have_their_own_styles() {
    let mut app = marked_app(120, 36);
    let first = app.marks.all.items[0].span();
    let second = app.marks.all.items[1].span();
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(
        bg(buffer, cell_of(&app, first.start)),
        THEME.marked.bg.unwrap()
    );
    assert_eq!(
        bg(buffer, cell_of(&app, second.start)),
        THEME.marked.bg.unwrap()
    );
    // The cursor is on the third mark (made by `a`), drawn brighter.
    let here = cursor::sentence(&app).unwrap();
    assert_eq!(
        bg(buffer, cell_of(&app, here.start)),
        THEME.sentence_marked.bg.unwrap()
    );
    // Off the marks, the cursor's sentence has its own background; a selection another.
    press(&mut app, "j");
    let plain = cursor::sentence(&app).unwrap();
    let terminal = render(&app);
    assert_eq!(
        bg(terminal.backend().buffer(), cell_of(&app, plain.start)),
        THEME.sentence.bg.unwrap()
    );
    press(&mut app, "vj");
    let selection = cursor::selection(&app).unwrap();
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert_eq!(
        bg(buffer, cell_of(&app, selection.start)),
        THEME.selection.bg.unwrap()
    );
    assert!(row_text(buffer, 35).contains("SELECT"));
}

#[test]
fn the_tree_counts_marks_per_report() {
    let app = marked_app(120, 36);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let tree = app.panes.tree;
    let root = row_text(buffer, tree.y + 1);
    assert!(root.contains("✎3"), "{root}");
    let others: Vec<String> = (tree.y + 2..tree.bottom() - 1)
        .map(|y| row_text(buffer, y))
        .filter(|row| row.contains("政府工作报告"))
        .collect();
    assert!(others.iter().all(|row| !row.contains('✎')), "{others:?}");
}

#[test]
fn the_marks_list() {
    let mut app = marked_app(100, 24);
    press(&mut app, "M");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert!(row_text(buffer, 0).contains("marks · 3"));
    assert!((0..24).any(|y| row_text(buffer, y).contains("第一条备注")));
    insta::assert_snapshot!("marks_list_100x24", terminal.backend());
}

#[test]
fn the_note_editor_over_the_list() {
    let mut app = marked_app(100, 24);
    press(&mut app, "Ma多一行");
    insta::assert_snapshot!("note_editor_100x24", render(&app).backend());
}

#[test]
fn the_export_dialog() {
    let mut app = marked_app(100, 24);
    press(&mut app, "e<Tab><Tab>");
    let terminal = render(&app);
    assert!(
        (0..24).any(|y| row_text(terminal.backend().buffer(), y).contains("./baogao-marks.csv"))
    );
    insta::assert_snapshot!("export_dialog_100x24", terminal.backend());
}

#[test]
fn every_marks_overlay_survives_small_sizes_and_keeps_its_mode() {
    for (keys, mode, badge) in [
        ("M", Mode::Marks, " MARKS "),
        ("Ma", Mode::Note, " NOTE "),
        ("e", Mode::Export, " EXPORT "),
    ] {
        for (width, height) in [(1, 1), (2, 2), (8, 3), (20, 5), (33, 9)] {
            let mut app = marked_app(120, 36);
            press(&mut app, keys);
            baogao::app::update(&mut app, baogao::app::Action::Resize { width, height });
            assert_eq!(app.mode, mode, "{keys} at {width}×{height}");
            let terminal = render(&app);
            let buffer = terminal.backend().buffer();
            assert_eq!(buffer.area, Rect::new(0, 0, width, height));
            if width >= 20 {
                let status = row_text(buffer, height - 1);
                assert!(
                    status.starts_with(badge),
                    "{keys} at {width}×{height}: {status:?}"
                );
            }
        }
    }
}

#[test]
fn the_status_bar_shows_the_note_of_the_mark_under_the_cursor() {
    let app = marked_app(120, 36);
    let status = row_text(render(&app).backend().buffer(), 35);
    // The message of the save comes first; a key later, the note.
    assert!(status.contains("note saved"), "{status}");
    let mut app = app;
    press(&mut app, "jk");
    let status = row_text(render(&app).backend().buffer(), 35);
    assert!(status.contains("✎ 第一条备注"), "{status}");
}
