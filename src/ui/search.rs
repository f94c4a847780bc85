//! The search line: `/` and the tui-textarea input, in place of the status bar while searching.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Span;
use ratatui::widgets::Widget;

use super::theme::THEME;
use crate::app::App;

/// Draw the search line into `area` (one row).
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    buffer.set_style(area, THEME.status);
    if area.width == 0 || area.height == 0 {
        return;
    }
    Span::styled("/", THEME.key).render(area, buffer);
    let input = Rect {
        x: area.x + 1,
        width: area.width - 1,
        ..area
    };
    (&app.search.input).render(input, buffer);
}
