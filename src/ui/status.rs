//! The status bar: the focus and mode, then a message or the few keys that matter now, and at
//! the right where the reader is (`§ 二、2023年工作安排 · 42%`) and which search hit
//! (`hit 3/17 · 民权县 2023`).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::theme;
use super::{columns, fit};
use crate::app::keymap::{self, bindings};
use crate::app::{Action, App, Mode, Pane};

/// Draw the status bar into `area` (one row).
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let width = usize::from(area.width);
    let right = fit(&position(app), width / 2);
    let badge = format!(" {} ", badge(app));
    let room = width.saturating_sub(columns(&right) + columns(&badge) + 1);
    let (middle, middle_style) = match &app.message {
        Some(message) if message.is_error => (format!(" {}", message.text), theme().error),
        Some(message) => (format!(" {}", message.text), theme().status),
        None => match note_here(app) {
            Some(note) => (format!(" ✎ {note}"), theme().status),
            None => (format!(" {}", hints(app)), theme().status),
        },
    };
    let middle = fit(&middle, room);
    let pad = width.saturating_sub(columns(&badge) + columns(&middle) + columns(&right));
    let line = Line::from(vec![
        Span::styled(fit(&badge, width), theme().badge),
        Span::styled(middle, middle_style),
        Span::raw(" ".repeat(pad)),
        Span::raw(right),
    ]);
    Paragraph::new(line)
        .style(theme().status)
        .render(area, buffer);
}

/// The note of the mark under the text cursor, on one line, while reading.
fn note_here(app: &App) -> Option<String> {
    if app.mode != Mode::Normal || app.focus != Pane::Text {
        return None;
    }
    let sentence = crate::app::cursor::sentence(app)?;
    let id = app.marks.at(app.report, sentence.start)?;
    let note = &app.marks.all.get(id)?.note;
    (!note.is_empty()).then(|| note.lines().collect::<Vec<_>>().join(" / "))
}

fn badge(app: &App) -> &'static str {
    match (app.mode, app.focus) {
        (Mode::Help, _) => "HELP",
        (Mode::Search, _) => "SEARCH",
        // Compare
        (Mode::Compare, _) => "COMPARE",
        // Glossary
        (Mode::Glossary, _) => "TERM",
        // Marks
        (Mode::Visual, _) => "SELECT",
        (Mode::Marks, _) => "MARKS",
        (Mode::Note, _) => "NOTE",
        (Mode::Export, _) => "EXPORT",
        (Mode::Normal, Pane::Tree) => "TREE",
        (Mode::Normal, Pane::Text) => "TEXT",
        (Mode::Normal, Pane::Figures) => "FIGURES",
    }
}

/// `Tab focus · / search · ? help · q quit`, from the keymap's hint rows.
fn hints(app: &App) -> String {
    let table = bindings(app.mode);
    let key_of = |action: Action| {
        table
            .iter()
            .find(|b| b.action == action)
            .and_then(|b| b.keys.first())
            .map(keymap::label)
    };
    let for_focus = FOCUS_HINTS
        .iter()
        .filter(|(pane, _, _)| app.mode == Mode::Normal && *pane == app.focus)
        .filter_map(|&(_, action, word)| Some(format!("{} {word}", key_of(action)?)));
    let always = table.iter().filter_map(|b| {
        Some(format!(
            "{} {}",
            b.keys.first().map(keymap::label)?,
            b.hint?
        ))
    });
    for_focus.chain(always).collect::<Vec<_>>().join(" · ")
}

/// The keys that matter in each pane, shown before the ones that matter everywhere; the keys
/// themselves come from the keymap, so they cannot disagree with it.
const FOCUS_HINTS: &[(Pane, Action, &str)] = &[
    (Pane::Tree, Action::Activate, "open"),
    (Pane::Tree, Action::Collapse, "fold"),
    (Pane::Tree, Action::Expand, "unfold"),
    (Pane::Text, Action::ToggleMark, "mark"),
    (Pane::Text, Action::StartSelection, "select"),
    (Pane::Text, Action::NextHit, "next hit"),
    (Pane::Figures, Action::Activate, "jump"),
    (Pane::Figures, Action::CycleFigureFilter, "filter"),
    (Pane::Figures, Action::ToggleFigureScope, "scope"),
];

/// Where the reader is, and the search hit they are on.
pub fn position(app: &App) -> String {
    let mut parts = Vec::new();
    if let Some(progress) = &app.loading {
        parts.push(progress.label());
    }
    if let (Some(current), Some(pattern)) = (app.search.current, &app.search.pattern) {
        let total = app.search.hits.len();
        let place = app
            .search
            .hits
            .get(current)
            .and_then(|hit| app.corpus.reports.get(hit.report))
            .map(short_label)
            .unwrap_or_default();
        parts.push(format!("/{pattern}/ hit {}/{total} · {place}", current + 1));
    }
    if let Some(report) = app.current_report() {
        let section = app
            .text
            .section
            .and_then(|s| report.sections.get(s))
            .map_or("—", |s| s.title.as_str());
        let max = app.max_text_top();
        let percent = (app.text.top * 100).checked_div(max).unwrap_or(100);
        parts.push(format!("§ {section} · {percent}%"));
    }
    format!("{} ", parts.join("  "))
}

/// `民权县 2023`, or the file name when the metadata is missing.
fn short_label(report: &crate::corpus::Report) -> String {
    match (&report.meta.region, report.meta.year) {
        (Some(region), Some(year)) => format!("{region} {year}"),
        _ => report.file.clone(),
    }
}
