//! The section tree pane: the visible slice of the tree's rows, each with its mark count (`✎2`)
//! and figure count, the
//! cursor row (the node in view, unless the user moved it) highlighted.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::theme;
use super::{columns, fit};
use crate::app::{App, Mode, Pane, TreeRow};

/// Draw the tree into `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let title = match app.corpus.reports.len() {
        1 => " sections ".to_string(),
        n => format!(" sections · {} reports ", crate::app::loading::thousands(n)),
    };
    let block = super::pane_block(app, Pane::Tree, title);
    let inner = block.inner(area);
    block.render(area, buffer);
    let width = usize::from(inner.width);
    let rows = &app.tree.rows;
    let start = app.tree.top.min(rows.len());
    let end = (start + usize::from(inner.height)).min(rows.len());
    let focused = app.focus == Pane::Tree && app.mode == Mode::Normal;
    let lines: Vec<Line> = (start..end)
        .map(|index| {
            let line = row_line(app, &rows[index], width);
            if index == app.tree.cursor {
                let style = if focused {
                    theme().cursor_focused
                } else {
                    theme().cursor
                };
                line.style(style)
            } else {
                line
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buffer);
}

/// `▾ 一、2022年工作回顾     ✎2 12`: indentation, a fold marker, the title cut to fit, and the
/// mark and figure counts at the right edge.
fn row_line<'a>(app: &App, row: &TreeRow, width: usize) -> Line<'a> {
    let report = &app.corpus.reports[row.node.report];
    let title = match row.node.section {
        Some(s) => report.sections[s].title.clone(),
        None => app
            .tree
            .titles
            .get(row.node.report)
            .cloned()
            .unwrap_or_else(|| report.label()),
    };
    let marker = match (row.has_children, row.expanded) {
        (true, true) => "▾ ",
        (true, false) => "▸ ",
        (false, _) => "  ",
    };
    let indent = "  ".repeat(usize::from(row.depth));
    let counts = &app.figure_counts[row.node.report];
    let count = counts[row.node.section.unwrap_or(counts.len() - 1)];
    let count = if count > 0 {
        format!(" {count}")
    } else {
        String::new()
    };
    let marks = match app.marks.count(row.node.report, row.node.section) {
        0 => String::new(),
        n => format!(" ✎{n}"),
    };
    let head = format!("{indent}{marker}");
    let room = width.saturating_sub(columns(&head) + columns(&marks) + columns(&count));
    // A report's row too narrow for its whole label keeps the place and the year whole, and
    // what tells it from a report of the same label (` · docx`).
    let title = match (&report.meta.region, report.meta.year) {
        (Some(region), Some(year)) if row.node.section.is_none() && columns(&title) > room => {
            let apart = title.strip_prefix(&report.label()).unwrap_or("");
            format!("{region} {year}{apart}")
        }
        _ => title,
    };
    let title = fit(&title, room);
    let pad =
        width.saturating_sub(columns(&head) + columns(&title) + columns(&marks) + columns(&count));
    let title_style = if row.depth == 0 {
        theme().title
    } else {
        theme().body
    };
    Line::from(vec![
        Span::styled(head, theme().dim),
        Span::styled(title, title_style),
        Span::raw(" ".repeat(pad)),
        Span::styled(marks, theme().mark_count),
        Span::styled(count, theme().dim),
    ])
}
