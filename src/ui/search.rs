//! The search line: `/`, the tui-textarea input, and at the right the keys that work in it, in
//! place of the status bar while searching.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::theme::theme;
use super::{columns, fit};
use crate::app::App;

/// What the right end of the search line says.
const KEYS: &str = " Enter search · Esc close ";

/// Draw the search line into `area` (one row).
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    buffer.set_style(area, theme().status);
    if area.width == 0 || area.height == 0 {
        return;
    }
    // The keys show only when they leave the input at least half the line.
    let keys = if columns(KEYS) * 2 <= usize::from(area.width) {
        KEYS
    } else {
        ""
    };
    let keys_width = columns(keys) as u16;
    let line = Rect {
        width: area.width - keys_width,
        ..area
    };
    super::prompt(
        Span::styled("/", theme().key),
        &app.search.input,
        line,
        buffer,
    );
    let right = Rect {
        x: area.right() - keys_width,
        width: keys_width,
        ..area
    };
    Span::styled(fit(keys, usize::from(keys_width)), theme().dim).render(right, buffer);
}
