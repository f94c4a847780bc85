//! `update` driven by key sequences, as a user would type them, against the bundled reports.

use super::fixture::bundled_app;
use super::*;
use crate::corpus::load_embedded;
use crate::figures::{Kind, Measure, Status};

/// Figures over every `亿元` amount, built by hand.
fn money_figures(report: &Report) -> Vec<Figure> {
    let pattern = regex::Regex::new(r"\d+(?:\.\d+)?亿元").unwrap();
    pattern
        .find_iter(&report.text)
        .map(|m| Figure {
            span: m.range(),
            line: report.line_of(m.start()) as u32,
            col: 1,
            text: m.as_str().into(),
            kind: Kind::Money,
            value: None,
            unit: "元",
            measure: Measure::Level,
            indicator: None,
            status: Status::Actual,
            qualifier: None,
            period: None,
            basis: None,
            base_year: None,
            comparable_prices: false,
            section: report.section_at(m.start()),
        })
        .collect()
}

/// The browser over the bundled reports with [`money_figures`] as their figures.
fn money_app() -> App {
    let corpus = load_embedded();
    let figures = corpus.reports.iter().map(money_figures).collect();
    App::with_figures(corpus, figures, 160, 45)
}

pub(super) use super::fixture::press;

#[test]
fn focus_cycles_through_the_visible_panes_only() {
    let mut app = money_app();
    assert_eq!(app.focus, Pane::Text);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Figures);
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Tree);
    press(&mut app, "<S-Tab><S-Tab>");
    assert_eq!(app.focus, Pane::Text);
    update(
        &mut app,
        Action::Resize {
            width: 60,
            height: 20,
        },
    );
    press(&mut app, "<Tab><Tab>");
    assert_eq!(
        app.focus,
        Pane::Text,
        "the figures panel is hidden at 60 columns"
    );
}

#[test]
fn text_scrolls_by_page_and_to_the_ends_and_j_moves_by_sentence() {
    let mut app = money_app();
    let page = app.panes.inner_height(Pane::Text);
    press(&mut app, "<PgDn>");
    assert_eq!(app.text.top, page);
    press(&mut app, "<C-u>");
    assert_eq!(app.text.top, page - page / 2);
    press(&mut app, "G");
    assert_eq!(app.text.top, app.max_text_top());
    assert!(app.max_text_top() > 0);
    press(&mut app, "j");
    assert_eq!(
        app.text.top,
        app.max_text_top(),
        "no scrolling past the end"
    );
    press(&mut app, "g");
    assert_eq!(app.text.top, 0);
    let sentences = app.current_sentences().to_vec();
    press(&mut app, "jjj");
    assert_eq!(cursor::sentence(&app), Some(sentences[3].clone()));
    press(&mut app, "k");
    assert_eq!(cursor::sentence(&app), Some(sentences[2].clone()));
}

#[test]
fn opening_a_tree_node_scrolls_the_text_to_its_heading() {
    let mut app = money_app();
    // The second report's second chapter: root 0 and its chapters, then root 1, chapter 1, 2.
    let target = app
        .tree
        .rows
        .iter()
        .position(|r| r.node.report == 1 && r.node.section == Some(1))
        .unwrap();
    press(&mut app, "<S-Tab>");
    assert_eq!(app.focus, Pane::Tree);
    for _ in 0..target {
        press(&mut app, "j");
    }
    press(&mut app, "<Enter>");
    assert_eq!(app.report, 1);
    let report = &app.corpus.reports[1];
    let layout = app.layout().unwrap();
    let top = &layout.lines[app.text.top];
    assert_eq!(top.range.start, report.sections[1].heading.start);
    assert_eq!(app.text.section, Some(1));
    assert_eq!(app.tree.cursor, target);
}

#[test]
fn the_tree_highlight_follows_the_text_and_sections_step() {
    let mut app = money_app();
    press(&mut app, "]");
    let first = app.corpus.reports[0].sections[0].heading.start;
    assert_eq!(app.layout().unwrap().offset_of(app.text.top), first);
    assert_eq!(app.text.section, Some(0));
    let row = app.tree.rows[app.tree.cursor];
    assert_eq!(
        row.node,
        TreeNode {
            report: 0,
            section: Some(0)
        }
    );
    press(&mut app, "]]");
    assert_eq!(app.text.section, Some(2));
    press(&mut app, "[");
    assert_eq!(app.text.section, Some(1));
}

#[test]
fn collapse_and_expand_in_the_tree() {
    let mut app = money_app();
    let rows = app.tree.rows.len();
    press(&mut app, "<S-Tab>g");
    assert_eq!(app.tree.cursor, 0);
    press(&mut app, "h");
    assert!(
        app.tree.rows.len() < rows,
        "collapsing the first report hides its chapters"
    );
    assert!(!app.tree.rows[0].expanded);
    press(&mut app, "l");
    assert_eq!(app.tree.rows.len(), rows);
    press(&mut app, "lh");
    assert_eq!(app.tree.cursor, 0, "h on a leaf goes to its parent");
}

#[test]
fn search_finds_hits_walks_them_and_reports_bad_patterns() {
    let mut app = money_app();
    press(&mut app, "/");
    assert_eq!(app.mode, Mode::Search);
    press(&mut app, "q");
    assert_eq!(app.mode, Mode::Search, "q is typed, not quit");
    press(&mut app, "<BS>生产总值<Enter>");
    assert_eq!(app.mode, Mode::Normal);
    let total = app.search.hits.len();
    assert!(total > 5, "{total}");
    assert_eq!(app.search.current, Some(0));
    press(&mut app, "nn");
    assert_eq!(app.search.current, Some(2));
    press(&mut app, "NNN");
    assert_eq!(app.search.current, Some(total - 1), "N wraps round");
    let hit = app.search.hits[total - 1].clone();
    assert_eq!(app.report, hit.report, "the last hit is in the last report");
    let row = app.layout().unwrap().row_of(hit.range.start);
    let height = app.panes.inner_height(Pane::Text);
    assert!(row >= app.text.top && row < app.text.top + height);
    // The figures panel lists the section of the hit, the one the status line names.
    let report = app.current_report().unwrap();
    assert_eq!(app.text.section, report.section_at(hit.range.start));

    press(&mut app, "/增长(<Enter>");
    let message = app.message.clone().unwrap();
    assert!(
        message.is_error && message.text.contains("unclosed group"),
        "{message:?}"
    );
    press(&mut app, "/<Enter>");
    assert_eq!(app.message.unwrap().text, "empty search pattern");
    let mut app2 = self::money_app();
    press(&mut app2, "/没有这个词<Esc>");
    assert_eq!(app2.mode, Mode::Normal);
    assert!(
        app2.search.pattern.is_none(),
        "Esc closes without searching"
    );
}

#[test]
fn selecting_a_figure_row_scrolls_the_text_to_it() {
    let mut app = money_app();
    press(&mut app, "<Tab>");
    assert_eq!(app.focus, Pane::Figures);
    press(&mut app, "F");
    assert!(app.figures_view.whole_report);
    assert_eq!(app.figures_view.rows.len(), app.figures[0].len());
    press(&mut app, "G");
    let last = app.figures[0].len() - 1;
    assert_eq!(app.text.selected_figure, Some(last));
    let row = app
        .layout()
        .unwrap()
        .row_of(app.figures[0][last].span.start);
    assert!(row >= app.text.top, "the text shows the selected figure");
    press(&mut app, "F");
    let section = app.text.section;
    assert_eq!(
        section,
        app.corpus.reports[0].section_at(app.figures[0][last].span.start)
    );
    assert_eq!(
        app.figures_view.selected(),
        Some(last),
        "the section's list keeps it"
    );
}

#[test]
fn the_filter_cycles_and_help_opens_and_closes() {
    let mut app = money_app();
    press(&mut app, "fff");
    assert_eq!(app.figures_view.filter, FigureFilter::Targets);
    assert!(
        app.figures_view.rows.is_empty(),
        "none of the money figures is a target"
    );
    press(&mut app, "f");
    assert_eq!(app.figures_view.filter, FigureFilter::All);
    press(&mut app, "?");
    assert_eq!(app.mode, Mode::Help);
    press(&mut app, "jj");
    assert_eq!(app.help_top, 2);
    assert!(
        press(&mut app, "q").is_empty(),
        "q closes the help, not the browser"
    );
    assert_eq!(app.mode, Mode::Normal);
    assert_eq!(press(&mut app, "q"), [Effect::Quit]);
    assert_eq!(press(&mut app, "<C-c>"), [Effect::Quit]);
}

#[test]
fn resizing_keeps_the_text_in_view_and_reuses_layouts() {
    let mut app = money_app();
    press(&mut app, "]]");
    let offset = app.layout().unwrap().offset_of(app.text.top);
    update(
        &mut app,
        Action::Resize {
            width: 70,
            height: 20,
        },
    );
    assert_eq!(app.layout().unwrap().width, app.panes.text_width());
    assert_eq!(app.layout().unwrap().offset_of(app.text.top), offset);
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 45,
        },
    );
    assert_eq!(app.layouts.len(), 2, "one layout per (report, width), kept");
    for (width, height) in [(1, 1), (0, 0), (3, 2), (2000, 3)] {
        update(&mut app, Action::Resize { width, height });
        press(&mut app, "jG<Tab><Enter>]n");
    }
}

#[test]
fn the_mouse_focuses_selects_and_scrolls_the_pane_under_it() {
    let mut app = money_app();
    let tree = app.panes.tree;
    // The second row of the tree: the first report's first chapter.
    update(
        &mut app,
        Action::Click {
            column: tree.x + 3,
            row: tree.y + 2,
        },
    );
    assert_eq!(app.focus, Pane::Tree);
    assert_eq!(app.tree.cursor, 1);
    assert_eq!(app.text.section, Some(0));
    let text = app.panes.text;
    let top = app.text.top;
    update(
        &mut app,
        Action::Scroll {
            column: text.x + 5,
            row: text.y + 5,
            lines: 3,
        },
    );
    assert_eq!(app.text.top, top + 3);
    assert_eq!(app.focus, Pane::Tree, "the wheel does not move the focus");
    let figures = app.panes.figures;
    update(
        &mut app,
        Action::Click {
            column: figures.x + 2,
            row: figures.y + 1,
        },
    );
    assert_eq!(app.focus, Pane::Figures);
    assert_eq!(
        app.text.selected_figure,
        app.figures_view.rows.first().copied()
    );
    assert!(app.text.selected_figure.is_some(), "{:?}", app.figures_view);
    let status = app.panes.status.y;
    update(
        &mut app,
        Action::Click {
            column: 0,
            row: status,
        },
    );
    assert_eq!(
        app.focus,
        Pane::Figures,
        "a click on the status bar changes nothing"
    );
}

#[test]
fn a_click_on_a_figure_in_the_text_selects_it() {
    use unicode_width::UnicodeWidthStr;
    let mut app = money_app();
    press(&mut app, "]");
    let layout = app.layout().unwrap();
    let height = app.panes.inner_height(Pane::Text);
    let (index, figure) = app.figures[0]
        .iter()
        .enumerate()
        .find(|(_, f)| {
            let row = layout.row_of(f.span.start);
            let on_one_row = f.span.end <= layout.lines[row].range.end;
            row >= app.text.top && row < app.text.top + height && on_one_row
        })
        .map(|(i, f)| (i, f.clone()))
        .expect("a figure on screen");
    let line = &layout.lines[layout.row_of(figure.span.start)];
    let report = &app.corpus.reports[0];
    let inner_x = app.panes.text.x + 1;
    let before = report.text[line.range.start..figure.span.start].width() as u16;
    let row = app.panes.text.y + 1 + (layout.row_of(figure.span.start) - app.text.top) as u16;
    // The figure's last character, and the character just before it.
    let width = figure.text.width() as u16;
    let inside = inner_x + before + width - 1;
    assert_eq!(
        app.text_offset_at(inside, row)
            .map(|o| figure.span.contains(&o)),
        Some(true)
    );
    update(
        &mut app,
        Action::Click {
            column: inside,
            row,
        },
    );
    assert_eq!(app.focus, Pane::Text);
    assert_eq!(app.text.selected_figure, Some(index));
    assert_eq!(app.figures_view.selected(), Some(index));
    if before > 0 {
        let outside = inner_x + before - 1;
        let offset = app.text_offset_at(outside, row).unwrap();
        assert!(offset < figure.span.start);
    }
    assert_eq!(app.text_offset_at(0, 0), None, "the tree is not text");
}

#[test]
fn before_the_first_chapter_the_panel_lists_the_figures_on_screen() {
    let mut app = money_app();
    assert_eq!(
        app.text.section, None,
        "the report opens on its front matter"
    );
    let on_screen = |app: &App| -> Vec<usize> {
        let layout = app.layout().unwrap();
        let rows = app.text.top..app.text.top + app.panes.inner_height(Pane::Text);
        (0..app.figures[0].len())
            .filter(|&i| rows.contains(&layout.row_of(app.figures[0][i].span.start)))
            .collect()
    };
    let shown = on_screen(&app);
    assert!(
        !shown.is_empty(),
        "the first screen of 民权县 2021 holds 亿元 amounts"
    );
    assert_eq!(app.figures_view.rows, shown);
    // The wheel scrolls three rows, still before the first chapter's heading: the list
    // follows the screen.
    update(
        &mut app,
        Action::Scroll {
            column: 60,
            row: 10,
            lines: 3,
        },
    );
    assert_eq!(app.text.top, 3);
    assert_eq!(app.text.section, None);
    assert_eq!(app.figures_view.rows, on_screen(&app));
}

#[test]
fn t_and_p_hide_and_show_the_side_panes_at_any_width() {
    let mut app = bundled_app(80, 24);
    assert!(!app.panes.shows(Pane::Figures), "no room for the panel");
    let text_width = app.panes.text.width;
    press(&mut app, "p");
    assert!(app.panes.shows(Pane::Figures));
    assert!(app.panes.figures_over_text);
    assert_eq!(app.focus, Pane::Figures);
    assert_eq!(app.panes.text.width, text_width, "the text keeps its width");
    press(&mut app, "j<Enter>");
    assert!(
        app.text.selected_figure.is_some(),
        "the panel works as a pane"
    );
    press(&mut app, "p");
    assert!(!app.panes.shows(Pane::Figures));
    assert_eq!(app.focus, Pane::Text);
    press(&mut app, "t");
    assert!(!app.panes.shows(Pane::Tree));
    assert_eq!(app.panes.text.width, 80, "the text takes the tree's room");
    assert!(app.layout().unwrap().width > text_width - 2);
    // The choice holds through resizes.
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 40,
        },
    );
    assert!(!app.panes.shows(Pane::Tree));
    assert!(!app.panes.shows(Pane::Figures));
    press(&mut app, "p");
    assert!(app.panes.shows(Pane::Figures) && !app.panes.figures_over_text);
    press(&mut app, "t");
    assert!(app.panes.shows(Pane::Tree));
    assert_eq!(app.focus, Pane::Tree);
}

#[test]
fn ctrl_o_goes_back_where_a_jump_left_ctrl_i_forward_and_quote_swaps() {
    let mut app = bundled_app(120, 30);
    press(&mut app, "jjj");
    let start = (app.report, app.text.cursor);
    // A search hit in another report is a jump.
    press(&mut app, "/濮阳县<Enter>");
    let hit = (app.report, app.text.cursor);
    assert_ne!(hit.0, start.0, "the hit is in another report");
    press(&mut app, "<C-o>");
    assert_eq!((app.report, app.text.cursor), start);
    press(&mut app, "<C-i>");
    assert_eq!((app.report, app.text.cursor), hit);
    press(&mut app, "'");
    assert_eq!((app.report, app.text.cursor), start);
    press(&mut app, "'");
    assert_eq!((app.report, app.text.cursor), hit, "' again returns");
    // A move within the screen is no jump.
    let before = app.history.back.len();
    press(&mut app, "jk");
    assert_eq!(app.history.back.len(), before);
    // Nothing further back than the first place: said, not done.
    press(&mut app, "<C-o><C-o><C-o><C-o>");
    assert!(app.message.is_some());
}

#[test]
fn space_and_b_page_as_in_less() {
    let mut app = bundled_app(120, 30);
    press(&mut app, "<Space>");
    let paged = app.text.top;
    assert!(paged > 0);
    press(&mut app, "b");
    assert_eq!(app.text.top, 0);
    press(&mut app, "<PgDn>");
    assert_eq!(app.text.top, paged);
}

#[test]
fn up_in_the_search_line_brings_back_earlier_searches() {
    let mut app = bundled_app(120, 30);
    press(&mut app, "/生产总值<Enter>/增长<Enter>/生产总值<Enter>");
    assert_eq!(
        app.search.history,
        ["增长", "生产总值"],
        "each once, latest last"
    );
    press(&mut app, "/半<Up>");
    assert_eq!(app.search.typed(), "生产总值");
    press(&mut app, "<Up><Up>");
    assert_eq!(app.search.typed(), "增长", "no further back than the first");
    press(&mut app, "<Down>");
    assert_eq!(app.search.typed(), "生产总值");
    press(&mut app, "<Down>");
    assert_eq!(app.search.typed(), "半", "what was typed comes back");
    press(&mut app, "<Up>率<Enter>");
    assert_eq!(app.search.pattern.as_deref(), Some("生产总值率"));
}
