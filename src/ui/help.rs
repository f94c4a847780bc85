//! The `?` overlay: every key of every mode, as [`keymap::help_lines`] generates them from the
//! keymap tables, so the help can never disagree with what the keys do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget};

use super::theme::theme;
use super::{columns, fit};
use crate::app::App;
use crate::app::keymap;

/// Draw the overlay centred in `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let rows = keymap::help_lines();
    let width = area.width.saturating_sub(4).min(78);
    let height = area.height.saturating_sub(2).min(rows.len() as u16 + 2);
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::Center)
        .areas(popup);
    super::clear_overlay(popup, buffer);
    let block = Block::bordered()
        .title(" keys · Esc closes ")
        .border_style(theme().border_focused)
        .style(theme().overlay);
    let inner = block.inner(popup);
    block.render(popup, buffer);
    let visible = usize::from(inner.height);
    let top = app.help_top.min(rows.len().saturating_sub(visible));
    let inner_width = usize::from(inner.width);
    let key_width = 14.min(inner_width / 2);
    let text: Vec<Line> = rows[top..]
        .iter()
        .take(visible)
        .map(|(keys, help)| {
            if keys.is_empty() {
                return Line::styled(fit(help, inner_width), theme().heading2);
            }
            let keys = fit(keys, key_width);
            let pad = " ".repeat(key_width.saturating_sub(columns(&keys)) + 1);
            let help = fit(help, inner_width.saturating_sub(key_width + 1));
            Line::from(vec![
                Span::styled(keys, theme().key),
                Span::raw(pad),
                Span::raw(help),
            ])
        })
        .collect();
    Paragraph::new(text).render(inner, buffer);
}
