//! Glossary terms found in every report, and the popup, driven by keys and clicks.

use super::super::fixture::{bundled_app, press};
use super::super::navigate::open_at;
use super::super::{Action, App, Mode, update};

fn report(app: &App, file: &str) -> usize {
    app.corpus
        .reports
        .iter()
        .position(|r| r.file == file)
        .unwrap()
}

/// Show `file` with the first occurrence of `needle` at the top of the text pane.
fn open_on(app: &mut App, file: &str, needle: &str) -> usize {
    let index = report(app, file);
    let offset = app.corpus.reports[index].text.find(needle).unwrap();
    open_at(app, index, offset, false);
    update(
        app,
        Action::Resize {
            width: 160,
            height: 45,
        },
    );
    offset
}

#[test]
fn terms_xiping_defines_are_found_in_minquan() {
    let app = bundled_app(160, 45);
    assert!(app.glossary.terms.terms.len() >= 37);
    let minquan = report(&app, "minquan-2023.txt");
    let text = &app.corpus.reports[minquan].text;
    let found: Vec<&str> = app.glossary.occurrences[minquan]
        .iter()
        .map(|o| &text[o.range.clone()])
        .collect();
    assert_eq!(found.iter().filter(|t| **t == "三个一批").count(), 2);
    let sorted = app.glossary.occurrences[minquan]
        .windows(2)
        .all(|w| w[0].range.end <= w[1].range.start);
    assert!(sorted, "sorted, never overlapping");
    let whole = 0..text.len();
    assert_eq!(
        app.glossary.within(minquan, &whole).len(),
        app.glossary.occurrences[minquan].len()
    );
    assert!(app.glossary.within(99, &whole).is_empty());
}

#[test]
fn k_explains_the_first_term_on_screen_and_again_the_next() {
    let mut app = bundled_app(160, 45);
    let offset = open_on(&mut app, "minquan-2023.txt", "实施“三个一批”");
    press(&mut app, "K");
    assert_eq!(app.mode, Mode::Glossary);
    let shown = app.glossary.shown.clone().unwrap();
    assert!(shown.range.start >= app.layout().unwrap().offset_of(app.text.top));
    let term = app.glossary.shown_term().unwrap();
    let first_visible = app.glossary.occurrences[app.report]
        .iter()
        .find(|o| o.range.start >= app.layout().unwrap().offset_of(app.text.top))
        .unwrap();
    assert_eq!(shown.range, first_visible.range);
    assert!(shown.range.start <= offset + "实施“".len());
    let first_term = term.term.clone();
    press(&mut app, "K");
    let next = app.glossary.shown.clone().unwrap();
    assert!(
        next.range.start > shown.range.start,
        "K again: the next term"
    );
    assert_eq!(app.mode, Mode::Glossary);
    press(&mut app, "<Esc>");
    assert_eq!(app.mode, Mode::Normal);
    assert!(app.glossary.shown.is_none());
    press(&mut app, "K");
    assert_eq!(
        app.glossary.shown_term().unwrap().term,
        first_term,
        "afresh"
    );
    press(&mut app, "q");
    assert_eq!(
        app.mode,
        Mode::Normal,
        "q closes the popup, it does not quit"
    );
}

#[test]
fn the_definition_comes_from_the_report_that_gives_it() {
    let mut app = bundled_app(160, 45);
    open_on(&mut app, "minquan-2023.txt", "三个一批");
    press(&mut app, "K");
    let term = app.glossary.shown_term().unwrap();
    assert_eq!(term.term, "三个一批");
    assert!(term.definition.starts_with("指集中签约一批"));
    assert_eq!(app.corpus.reports[term.report].file, "xiping-2023.txt");
    assert_eq!(term.line, 125);
}

#[test]
fn a_click_on_a_term_explains_it_and_elsewhere_does_nothing() {
    let mut app = bundled_app(160, 45);
    open_on(&mut app, "minquan-2023.txt", "三个一批");
    let inner_x = app.panes.text.x + 1;
    let inner_y = app.panes.text.y + 1;
    let (column, row) = (0..app.panes.text.width)
        .flat_map(|x| (0..4).map(move |y| (inner_x + x, inner_y + y)))
        .find(|&(x, y)| {
            app.text_offset_at(x, y)
                .is_some_and(|o| app.corpus.reports[app.report].text[o..].starts_with("三个一批"))
        })
        .expect("三个一批 is on screen");
    update(&mut app, Action::Click { column, row });
    assert_eq!(app.mode, Mode::Glossary);
    assert_eq!(app.glossary.shown_term().unwrap().term, "三个一批");
    press(&mut app, "<Esc>");
    let tree = app.panes.tree.x + 1;
    update(
        &mut app,
        Action::Click {
            column: tree,
            row: 2,
        },
    );
    assert_eq!(app.mode, Mode::Normal);
}

#[test]
fn k_with_no_term_on_screen_says_so() {
    let mut app = bundled_app(160, 45);
    let puyang = report(&app, "puyang-2023.txt");
    open_at(&mut app, puyang, 0, false);
    update(
        &mut app,
        Action::Resize {
            width: 160,
            height: 3,
        },
    );
    app.glossary.occurrences[puyang].clear();
    press(&mut app, "K");
    assert_eq!(app.mode, Mode::Normal);
    assert!(
        app.message
            .as_ref()
            .unwrap()
            .text
            .contains("no glossary term")
    );
}
