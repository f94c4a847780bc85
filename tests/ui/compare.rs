//! Rendering the compare view, its chart and the glossary into ratatui's `TestBackend`, over
//! the bundled reports and their real figures: snapshots of the screen, and style assertions
//! for what a snapshot cannot show (a glossary term underlined).

use crate::common;

use baogao::app::App;
use baogao::corpus::load_embedded;
use baogao::ui::draw;
use common::press;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use unicode_width::UnicodeWidthStr;

fn render(app: &App) -> Terminal<TestBackend> {
    let area = app.panes.area;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| draw(app, frame)).unwrap();
    terminal
}

/// Where `needle` is first drawn: (column of its first cell, row), wide characters counted
/// once.
fn find(buffer: &Buffer, area: Rect, needle: &str) -> Option<(u16, u16)> {
    for y in area.top()..area.bottom() {
        let mut text = String::new();
        let mut cells = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buffer[(x, y)].symbol();
            cells.push((text.len(), x));
            text.push_str(symbol);
            x += symbol.width().max(1) as u16;
        }
        if let Some(at) = text.find(needle) {
            return cells
                .iter()
                .find(|(offset, _)| *offset == at)
                .map(|c| (c.1, y));
        }
    }
    None
}

fn gdp_app(width: u16, height: u16) -> App {
    let mut app = App::new(load_embedded(), width, height);
    press(&mut app, "c生产总值");
    app
}

#[test]
fn the_compare_view_of_gdp() {
    let app = gdp_app(120, 36);
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    for text in [
        "民权县",
        "283.1亿元",
        "↑8%左右",
        "no result yet",
        "西平县",
        "292.1 亿元",
    ] {
        assert!(find(buffer, buffer.area, text).is_some(), "{text} is drawn");
    }
    insta::assert_snapshot!("compare_gdp_levels_120x36", terminal.backend());
}

#[test]
fn the_chart_shows_growth_rates_beside_the_targets() {
    let mut app = gdp_app(120, 36);
    press(&mut app, "<C-t>");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let chart = find(buffer, buffer.area, "growth rates").expect("the chart's title");
    let below = Rect::new(0, chart.1, buffer.area.width, buffer.area.height - chart.1);
    for bar in ["民权县 2022", "西平县 2023 目标", "濮阳市 2023 目标"] {
        assert!(find(buffer, below, bar).is_some(), "{bar} has a bar");
    }
    insta::assert_snapshot!("compare_gdp_growth_120x36", terminal.backend());
}

#[test]
fn the_compare_view_fits_small_terminals() {
    for (width, height) in [(60, 16), (30, 8), (12, 4), (3, 3), (1, 1)] {
        let mut app = gdp_app(width, height);
        render(&app);
        press(&mut app, "<C-t>");
        render(&app);
    }
    insta::assert_snapshot!("compare_gdp_60x16", render(&gdp_app(60, 16)).backend());
}

/// The bundled reports with `minquan-2023.txt` in the text pane at its line 27, where it speaks
/// of `“三个一批”` (defined in `xiping-2023.txt`'s notes), found by searching for `以开展`.
fn minquan_app() -> App {
    let mut app = App::new(load_embedded(), 120, 36);
    press(&mut app, "/以开展<Enter>");
    while app.corpus.reports[app.report].file != "minquan-2023.txt" {
        press(&mut app, "n");
    }
    app
}

#[test]
fn a_term_from_another_reports_notes_is_underlined() {
    let app = minquan_app();
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let (x, y) = find(buffer, app.panes.text, "以开展“三个一批”").expect("on screen");
    let style_at = |columns: u16| buffer[(x + columns, y)].style();
    // 以开展“ takes 7 columns, then 三个一批 8.
    for column in [7, 9, 11, 13] {
        assert!(
            style_at(column).add_modifier.contains(Modifier::UNDERLINED),
            "column {column} of 三个一批"
        );
    }
    assert!(
        !style_at(0).add_modifier.contains(Modifier::UNDERLINED),
        "以 is not a term"
    );
    assert!(
        !style_at(15).add_modifier.contains(Modifier::UNDERLINED),
        "” is not a term"
    );
}

#[test]
fn k_shows_the_definition_and_its_source() {
    let mut app = minquan_app();
    while app
        .glossary
        .shown_term()
        .is_none_or(|t| t.term != "三个一批")
    {
        press(&mut app, "K");
        assert!(app.glossary.shown.is_some(), "a term is on screen");
    }
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, buffer.area, "指集中签约一批").is_some());
    assert!(find(buffer, buffer.area, "xiping-2023.txt:125").is_some());
    insta::assert_snapshot!("glossary_popup_120x36", terminal.backend());
    press(&mut app, "<Esc>");
    let terminal = render(&app);
    assert!(
        find(
            terminal.backend().buffer(),
            app.panes.area,
            "指集中签约一批"
        )
        .is_none()
    );
}

#[test]
fn the_targets_table_of_gdp() {
    let mut app = gdp_app(120, 36);
    press(&mut app, "<C-g>");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    for text in [
        "targets",
        "约束",
        "力度",
        "差距",
        "民权县",
        "8%左右",
        "about",
        "soft",
    ] {
        assert!(find(buffer, buffer.area, text).is_some(), "{text} is drawn");
    }
    insta::assert_snapshot!("compare_gdp_targets_120x36", terminal.backend());
    for (width, height) in [(60, 16), (30, 8), (12, 4), (1, 1)] {
        let mut small = gdp_app(width, height);
        press(&mut small, "<C-g><C-o><C-y>");
        render(&small);
    }
}

#[test]
fn ctrl_s_draws_the_export_dialog_over_the_compare_view() {
    let mut app = gdp_app(120, 36);
    press(&mut app, "<C-s>");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    let area = buffer.area;
    for text in [
        "export the rows of 生产总值",
        "./baogao-compare-生产总值.csv",
        " CSV ",
        " JSON ",
        " Markdown ",
        "民权县",
    ] {
        assert!(find(buffer, area, text).is_some(), "{text} on screen");
    }
    // The marks' formats are not offered for a table.
    assert!(find(buffer, area, "BibTeX").is_none());
    insta::assert_snapshot!("compare_export_dialog_120x36", terminal.backend());
    press(&mut app, "<Esc><C-g><C-s>");
    let terminal = render(&app);
    let buffer = terminal.backend().buffer();
    assert!(find(buffer, area, "export the targets of 生产总值").is_some());
    assert!(find(buffer, area, "./baogao-targets-生产总值.csv").is_some());
    // Every size draws it without panicking.
    for (width, height) in [(60, 16), (30, 8), (12, 4), (1, 1)] {
        let mut small = gdp_app(width, height);
        press(&mut small, "<C-s>");
        render(&small);
    }
}
