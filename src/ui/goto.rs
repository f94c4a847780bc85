//! The go-to (`o`), drawn over the panes: the query line, then the matching reports and
//! headings, the one under the cursor highlighted. Only the rows that fit are built.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::theme;
use super::{fit, overlay_frame, prompt};
use crate::app::App;

/// Draw the go-to centred in `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let view = &app.goto;
    let width = area.width.saturating_sub(4).clamp(area.width.min(20), 90);
    let height = area.height.saturating_sub(2).clamp(area.height.min(5), 24);
    let [box_area] = Layout::horizontal([Constraint::Length(width)])
        .flex(ratatui::layout::Flex::Center)
        .areas(area);
    let [box_area] = Layout::vertical([Constraint::Length(height)])
        .flex(ratatui::layout::Flex::Center)
        .areas(box_area);
    let title = format!(" go to · {} of {} ", view.matches.len(), view.entries.len());
    let Some(inner) = overlay_frame(box_area, buffer, title, Some(" Enter open · Esc close "))
    else {
        return;
    };
    let [query, list] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    prompt(Span::styled("> ", theme().key), &view.input, query, buffer);
    let rows = usize::from(list.height);
    // Keep the cursor in the rows shown.
    let top = view.cursor.saturating_sub(rows.saturating_sub(1));
    let lines: Vec<Line> = view
        .matches
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .filter_map(|(at, &index)| {
            let entry = view.entries.get(index)?;
            let style = if at == view.cursor {
                theme().cursor_focused
            } else if entry.section.is_none() {
                theme().title
            } else {
                theme().body
            };
            Some(Line::styled(
                fit(&entry.label, usize::from(list.width)),
                style,
            ))
        })
        .collect();
    if lines.is_empty() {
        Paragraph::new(Line::styled(
            fit("nothing matches", usize::from(list.width)),
            theme().dim,
        ))
        .render(list, buffer);
    } else {
        Paragraph::new(lines).render(list, buffer);
    }
}
