//! Rendering: draws the browser from the [`App`] state, never changing it. One small module per
//! pane and overlay, styles from [`theme::theme`]. Every pane draws only its visible rows from
//! state computed by `update` (wrapped lines, tree rows, figures list), so a frame's cost does
//! not grow with the corpus.

pub mod compare;
pub mod figures;
pub mod glossary;
pub mod goto;
pub mod help;
pub mod marks;
pub mod search;
pub mod status;
pub mod text;
pub mod theme;
pub mod tree;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::{Block, Borders, Clear, Widget};
use unicode_truncate::UnicodeTruncateStr;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Mode, Pane, Panes};
use theme::theme;

/// Draw the whole browser for `app` into `frame`.
pub fn draw(app: &App, frame: &mut Frame) {
    // Normally `update` has seen the size already; if not, lay out for the frame at hand.
    let panes = if frame.area() == app.panes.area {
        app.panes
    } else {
        Panes::compute_with(frame.area(), app.pane_choice)
    };
    let buffer = frame.buffer_mut();
    if panes.shows(Pane::Tree) {
        tree::render(app, panes.tree, buffer);
    }
    if panes.shows(Pane::Text) {
        text::render(app, panes.text, buffer);
    }
    if panes.shows(Pane::Figures) {
        if panes.figures_over_text {
            clear_overlay(panes.figures, buffer);
        }
        figures::render(app, panes.figures, buffer);
    }
    match app.mode {
        Mode::Search => search::render(app, panes.status, buffer),
        Mode::Normal | Mode::Help => status::render(app, panes.status, buffer),
        // Compare, Glossary, Marks
        Mode::Compare
        | Mode::Glossary
        | Mode::Visual
        | Mode::Marks
        | Mode::Note
        | Mode::Export
        | Mode::GoTo => status::render(app, panes.status, buffer),
    }
    if app.mode == Mode::Help {
        help::render(app, panes.area, buffer);
    }
    // The compare view stays under its own export dialog.
    if app.mode == Mode::Compare || (app.mode == Mode::Export && app.compare.exporting) {
        let main = Rect {
            height: panes.area.height.saturating_sub(panes.status.height),
            ..panes.area
        };
        compare::render(app, main, buffer);
    }
    if app.mode == Mode::Glossary && panes.shows(Pane::Text) {
        glossary::render(app, panes.text, buffer);
    }
    let main = Rect {
        height: panes.area.height.saturating_sub(panes.status.height),
        ..panes.area
    };
    match app.mode {
        Mode::Marks => marks::render_list(app, main, buffer),
        Mode::Note => {
            if app.note.as_ref().is_some_and(|n| n.back_to == Mode::Marks) {
                marks::render_list(app, main, buffer);
            }
            marks::render_note(app, main, buffer);
        }
        Mode::Export => marks::render_export(app, main, buffer),
        Mode::GoTo => goto::render(app, main, buffer),
        _ => {}
    }
}

/// A pane's frame: a border, its title, highlighted when it has the focus.
fn pane_block<'a>(app: &App, pane: Pane, title: impl Into<ratatui::text::Line<'a>>) -> Block<'a> {
    let style = if app.focus == pane && app.mode == Mode::Normal {
        theme().border_focused
    } else {
        theme().border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(title)
}

/// Clear `area` for an overlay. A double-width character drawn just left of it would lose its
/// right half under the overlay's border and leave the terminal confused, so it is blanked too.
pub fn clear_overlay(area: Rect, buffer: &mut Buffer) {
    Clear.render(area, buffer);
    if area.x == 0 || area.x <= buffer.area.x {
        return;
    }
    for y in area.top()..area.bottom() {
        let cell = &mut buffer[(area.x - 1, y)];
        if cell.symbol().width() > 1 {
            cell.set_symbol(" ");
        }
    }
}

/// Draw an overlay's frame over `area`: clear it, border it (with `title` and, when given, a
/// `footer` of keys) in the overlay's colours. Returns the inside, or `None` when nothing fits.
pub fn overlay_frame<'a>(
    area: Rect,
    buffer: &mut Buffer,
    title: impl Into<ratatui::text::Line<'a>>,
    footer: Option<&'a str>,
) -> Option<Rect> {
    clear_overlay(area, buffer);
    let mut block = Block::bordered()
        .title(title)
        .border_style(theme().border_focused)
        .style(theme().overlay);
    if let Some(footer) = footer {
        block = block.title_bottom(footer);
    }
    let inner = block.inner(area);
    block.render(area, buffer);
    (inner.height > 0 && inner.width > 0).then_some(inner)
}

/// One input line: `label` at the left of `area`, then the text input in the rest of it.
pub fn prompt(label: Span, input: &tui_textarea::TextArea, area: Rect, buffer: &mut Buffer) {
    let width = (label.width() as u16).min(area.width);
    label.render(area, buffer);
    let rest = Rect {
        x: area.x + width,
        width: area.width - width,
        ..area
    };
    input.render(rest, buffer);
}

/// `text` cut to at most `width` columns (an ellipsis marks the cut), never splitting a
/// double-width character.
pub fn fit(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let (kept, _) = text.unicode_truncate(width - 1);
    format!("{kept}…")
}

/// Columns `text` takes, as ratatui measures.
pub fn columns(text: &str) -> usize {
    Span::raw(text).width()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_overlay_blanks_a_wide_character_it_would_cut() {
        let mut buffer = Buffer::empty(Rect::new(0, 0, 6, 2));
        buffer.set_string(0, 0, "一二三", ratatui::style::Style::new());
        buffer.set_string(0, 1, "ab二", ratatui::style::Style::new());
        clear_overlay(Rect::new(3, 0, 3, 2), &mut buffer);
        assert_eq!(buffer, Buffer::with_lines(["一    ", "ab    "]));
    }

    #[test]
    fn fit_cuts_by_columns_without_splitting_wide_characters() {
        assert_eq!(fit("生产总值", 8), "生产总值");
        assert_eq!(fit("生产总值", 7), "生产总…");
        assert_eq!(fit("生产总值", 6), "生产…");
        assert_eq!(fit("生产总值", 1), "…");
        assert_eq!(fit("生产总值", 0), "");
        assert!(columns(&fit("生产总值ab", 5)) <= 5);
    }
}
