//! The status bar: the focus and mode, then a message or the few keys that matter now, and at
//! the right where the reader is (`§ 二、2023年工作安排 · 42%`) and which search hit
//! (`/增长/ hit 3/17` while at it, `/增长/ 17 hits` once the reader has moved on).

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
    let badge = format!(" {} ", badge(app));
    // A message comes before the position; otherwise the position may take half the bar.
    let right_room = match &app.message {
        Some(message) => width
            .saturating_sub(columns(&badge) + columns(&message.text) + 2)
            .min(width / 2),
        None => width / 2,
    };
    let right = position(app, right_room);
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
        (Mode::Compare, _) => "COMPARE",
        (Mode::Glossary, _) => "TERM",
        (Mode::Visual, _) => "SELECT",
        (Mode::Marks, _) => "MARKS",
        (Mode::Note, _) => "NOTE",
        (Mode::Export, _) => "EXPORT",
        (Mode::GoTo, _) => "GO TO",
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

/// Where the reader is, and the search hit they are on, in at most `room` columns: the
/// section's title is shortened first, then the report, so the numbers stay whole.
pub fn position(app: &App, room: usize) -> String {
    let mut parts = Vec::new();
    if let Some(progress) = &app.loading {
        parts.push(progress.label());
    }
    if let Some(pattern) = &app.search.pattern {
        let total = app.search.hits.len();
        // The hit's number only while the reader is at it: after moving away, the count.
        let at_hit = app
            .search
            .current
            .and_then(|current| Some((current, app.search.hits.get(current)?)))
            .filter(|(_, hit)| hit.report == app.report && hit_on_screen(app, hit.range.start));
        parts.push(match at_hit {
            Some((current, _)) => format!("/{pattern}/ hit {}/{total}", current + 1),
            None if total == 1 => format!("/{pattern}/ 1 hit"),
            None => format!("/{pattern}/ {total} hits"),
        });
    }
    let Some(report) = app.current_report() else {
        return fit(&format!("{} ", parts.join("  ")), room);
    };
    // The section of the sentence the reader is on, which a jump puts mid-screen.
    let section = report
        .section_at(app.text.cursor)
        .and_then(|s| report.sections.get(s))
        .map_or("—", |s| s.title.as_str());
    let max = app.scroll_extent();
    let percent = (app.text.top * 100).checked_div(max).unwrap_or(100);
    let label = short_label(report);
    let fixed = format!("{}  § · {percent}% ", parts.join("  "));
    let fixed = columns(&fixed) + columns(&label) + 1;
    let section = fit(section, room.saturating_sub(fixed).max(6));
    parts.push(format!("{label} § {section} · {percent}%"));
    fit(&format!("{} ", parts.join("  ")), room)
}

/// Whether byte `offset` of the report shown is on screen.
fn hit_on_screen(app: &App, offset: usize) -> bool {
    app.layout().is_some_and(|layout| {
        let row = layout.row_of(offset);
        row >= app.text.top && row < app.text.top + app.panes.inner_height(Pane::Text).max(1)
    })
}

/// `民权县 2023`, or the file name when the metadata is missing.
fn short_label(report: &crate::corpus::Report) -> String {
    match (&report.meta.region, report.meta.year) {
        (Some(region), Some(year)) => format!("{region} {year}"),
        _ => report.file.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::{bundled_app, press};

    #[test]
    fn the_position_tells_the_hit_only_while_the_reader_is_at_it() {
        let mut app = bundled_app(160, 45);
        press(&mut app, "/濮阳县<Enter>");
        let at = position(&app, 200);
        let report = app.current_report().unwrap();
        let label = short_label(report);
        assert!(at.contains("/濮阳县/ hit 1/1"), "{at}");
        assert!(at.contains(&format!("{label} § ")), "{at}");
        // The section named is the hit's, not the top line's.
        let hit = app.search.hits[0].range.start;
        let section = &report.sections[report.section_at(hit).unwrap()].title;
        assert!(at.contains(section.as_str()), "{at}");
        press(&mut app, "<C-o>");
        let away = position(&app, 200);
        assert!(away.contains("/濮阳县/ 1 hit "), "{away}");
        assert!(!away.contains(&label), "{away}");
    }

    #[test]
    fn a_narrow_position_shortens_the_section_and_keeps_the_numbers() {
        let mut app = bundled_app(160, 45);
        press(&mut app, "]]]]");
        let wide = position(&app, 200);
        let narrow = position(&app, 34);
        assert!(columns(&narrow) <= 34, "{narrow}");
        let percent = wide.trim_end().rsplit(' ').next().unwrap();
        assert!(narrow.trim_end().ends_with(percent), "{wide} → {narrow}");
    }
}
