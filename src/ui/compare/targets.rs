//! The compare view's targets table (`Ctrl-g`): one row per target of the picked indicator —
//! place, period, target, bound, firmness, result, gap, verdict, and the parent's target.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::Line;
use ratatui::widgets::{
    Block, Borders, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

use super::super::theme::theme;
use super::super::{columns, fit};
use super::{MET, MISSED};
use crate::app::App;
use crate::app::compare::CompareFocus;
use crate::targets::{Paired, Verdict};

/// The table's columns.
const HEADER: [&str; 9] = [
    "地区", "期间", "目标", "约束", "力度", "结果", "差距", "判定", "上级",
];

/// A row's cells.
fn cells(app: &App, p: &Paired) -> [String; 9] {
    let result = p
        .result
        .and_then(|r| app.figures.get(r.report)?.get(r.figure))
        .map(|f| f.qualified_text())
        .unwrap_or_default();
    [
        p.region.clone(),
        p.target.period.map(|x| x.to_string()).unwrap_or_default(),
        p.target.text.clone(),
        p.target.bound.as_str().to_string(),
        p.target.firmness.as_str().to_string(),
        result,
        p.gap.map(|g| format!("{g:+}")).unwrap_or_default(),
        p.verdict.as_str().replace('_', " "),
        p.parents
            .first()
            .map(|q| format!("{} {} ({:+})", q.region, q.value, q.difference))
            .unwrap_or_default(),
    ]
}

/// Draw the targets table over `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let table = &app.compare.targets;
    let period = table.period_shown().unwrap_or("all periods");
    let order = if table.by_gap { "by gap" } else { "by period" };
    let title =
        format!(" targets · {period} · {order} · Ctrl-y period · Ctrl-o order · Ctrl-g back ");
    let block = Block::new()
        .title(fit(&title, usize::from(area.width)))
        .title_style(theme().heading2)
        .borders(Borders::NONE);
    let inner = block.inner(area);
    block.render(area, buffer);
    if table.rows.is_empty() {
        Paragraph::new(Line::styled(
            fit("no target set for this indicator", usize::from(inner.width)),
            theme().dim,
        ))
        .render(inner, buffer);
        return;
    }
    let rows: Vec<(&Paired, [String; 9])> = table
        .rows
        .iter()
        .filter_map(|&i| table.all.get(i))
        .map(|p| (p, cells(app, p)))
        .collect();
    let mut widths = HEADER.map(columns);
    for (_, row) in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(columns(cell));
        }
    }
    let table_rows = rows.into_iter().map(|(p, cells)| {
        let verdict = match p.verdict {
            Verdict::Met => MET,
            Verdict::Missed => MISSED,
            Verdict::NoResult | Verdict::NotJudged | Verdict::NoIndicator => theme().dim,
        };
        Row::new(cells.into_iter().enumerate().map(move |(i, text)| {
            let cell = Cell::from(text);
            match i {
                2 => cell.style(theme().target),
                6 | 7 => cell.style(verdict),
                _ => cell,
            }
        }))
    });
    let highlight = if app.compare.focus == CompareFocus::Rows {
        theme().cursor_focused
    } else {
        theme().cursor
    };
    let widget = Table::new(table_rows, widths.map(|w| Constraint::Length(w as u16)))
        .header(Row::new(HEADER).style(theme().heading2))
        .row_highlight_style(highlight);
    let mut state = TableState::default().with_selected(Some(table.row));
    StatefulWidget::render(widget, inner, buffer, &mut state);
}
