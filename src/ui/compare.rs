//! The compare view (`c`), drawn over the panes: the filter line, the indicators matching it,
//! the picked indicator's table (one row per place and period: level, change, rank, the target
//! set for the period, the result reported for it and the verdict) and a bar chart of the
//! levels or the growth rates side by side; or, with `Ctrl-g`, the indicator's targets table
//! (the `targets` module). Everything drawn was computed by `update`; only the
//! visible rows and bars are built here.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Direction, Layout, Rect};
use ratatui::style::{Color, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{
    Bar, BarChart, Block, Borders, Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget,
};

use super::theme::theme;
use super::{columns, fit};
use crate::app::App;
use crate::app::compare::{ChartKind, CompareFocus, CompareView};
use crate::compare::{FigureRef, Row as CompareRow, Verdict, shown};
use crate::figures::{Figure, Kind, Value};

mod targets;

/// A target met.
pub const MET: Style = Style::new().fg(Color::LightGreen);
/// A target missed.
pub const MISSED: Style = Style::new().fg(Color::LightRed);

/// The table's columns.
const HEADER: [&str; 8] = [
    "地区", "期间", "水平", "增速", "排名", "目标", "结果", "判定",
];

/// Draw the compare view over `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let view = &app.compare;
    let name = view.entry().map_or("—", |e| e.name.as_str());
    let title = if view.targets.shown {
        format!(" compare · {name} · {} targets ", view.targets.rows.len())
    } else {
        format!(" compare · {name} · {} rows ", view.rows.len())
    };
    let Some(inner) = super::overlay_frame(area, buffer, title, None) else {
        return;
    };
    let [filter, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    render_filter(view, filter, buffer);
    let list_width = (inner.width / 4).clamp(12.min(inner.width), 28);
    let [list, right] =
        Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(body);
    render_indicators(view, list, buffer);
    if view.targets.shown {
        targets::render(app, right, buffer);
        return;
    }
    let table_height = (view.rows.len() as u16 + 3).min(right.height.saturating_sub(6).max(3));
    let [table, chart] =
        Layout::vertical([Constraint::Length(table_height), Constraint::Min(0)]).areas(right);
    render_table(app, table, buffer);
    render_chart(app, chart, buffer);
}

fn render_filter(view: &CompareView, area: Rect, buffer: &mut Buffer) {
    super::prompt(Span::styled("> ", theme().key), &view.filter, area, buffer);
}

fn render_indicators(view: &CompareView, area: Rect, buffer: &mut Buffer) {
    let block = Block::new()
        .borders(Borders::RIGHT)
        .border_style(theme().border);
    let inner = block.inner(area);
    block.render(area, buffer);
    let height = usize::from(inner.height);
    let width = usize::from(inner.width);
    if view.matches.is_empty() {
        Paragraph::new(Line::styled(
            fit("no indicator matches", width),
            theme().dim,
        ))
        .render(inner, buffer);
        return;
    }
    let top = (view.pick + 1).saturating_sub(height.max(1));
    let focused = view.focus == CompareFocus::Indicators;
    let lines: Vec<Line> = view.matches[top..]
        .iter()
        .enumerate()
        .take(height)
        .filter_map(|(i, &entry)| Some((top + i, view.index.entries.get(entry)?)))
        .map(|(i, entry)| {
            let count = format!(" {}", entry.figures.len());
            let name = fit(&entry.name, width.saturating_sub(columns(&count)));
            let pad = " ".repeat(width.saturating_sub(columns(&name) + columns(&count)));
            let line = Line::from(vec![
                Span::raw(name),
                Span::raw(pad),
                Span::styled(count, theme().dim),
            ]);
            match (i == view.pick, focused) {
                (true, true) => line.style(theme().cursor_focused),
                (true, false) => line.style(theme().cursor),
                _ => line,
            }
        })
        .collect();
    Paragraph::new(lines).render(inner, buffer);
}

/// The figure `at` points to, if it exists.
fn figure(app: &App, at: Option<FigureRef>) -> Option<&Figure> {
    let at = at?;
    app.figures.get(at.report)?.get(at.figure)
}

fn verdict_style(verdict: Verdict) -> Style {
    match verdict {
        Verdict::Met => MET,
        Verdict::Missed => MISSED,
        Verdict::NoResultYet | Verdict::NoTarget => theme().dim,
    }
}

fn cells(app: &App, row: &CompareRow) -> [String; 8] {
    let text = |at| figure(app, at).map(shown).unwrap_or_default();
    [
        row.region.clone(),
        row.period.clone().unwrap_or_else(|| "?".into()),
        text(row.level),
        text(row.change),
        text(row.rank),
        text(row.target),
        text(row.result),
        row.verdict.label().to_string(),
    ]
}

/// The columns left out, in order, when the table is wider than its area: rank, then level,
/// then growth. A value is never cut: a column is either shown whole or not at all.
const DROPPED_FIRST: [usize; 3] = [4, 2, 3];

/// The columns to show and their widths for an area `width` columns wide: the place's name is
/// shortened first (to six columns), then whole columns are left out ([`DROPPED_FIRST`]).
fn fit_columns(mut widths: [usize; 8], width: usize) -> Vec<(usize, usize)> {
    let mut shown: Vec<usize> = (0..8).collect();
    let total = |shown: &[usize], widths: &[usize; 8]| {
        shown.iter().map(|&i| widths[i]).sum::<usize>() + shown.len().saturating_sub(1)
    };
    let over = total(&shown, &widths).saturating_sub(width);
    widths[0] = widths[0].saturating_sub(over).max(6.min(widths[0]));
    for dropped in DROPPED_FIRST {
        if total(&shown, &widths) <= width {
            break;
        }
        shown.retain(|&i| i != dropped);
    }
    shown.into_iter().map(|i| (i, widths[i])).collect()
}

fn render_table(app: &App, area: Rect, buffer: &mut Buffer) {
    let view = &app.compare;
    let rows: Vec<[String; 8]> = view.rows.iter().map(|row| cells(app, row)).collect();
    let mut widths = HEADER.map(columns);
    for row in &rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(columns(cell));
        }
    }
    let columns_shown = fit_columns(widths, usize::from(area.width));
    let table_rows = rows.into_iter().zip(&view.rows).map(|(cells, row)| {
        let verdict = verdict_style(row.verdict);
        Row::new(columns_shown.iter().map(|&(i, width)| {
            let cell = Cell::from(fit(&cells[i], width));
            match i {
                5 => cell.style(theme().target),
                7 => cell.style(verdict),
                _ => cell,
            }
        }))
    });
    let highlight = if view.focus == CompareFocus::Rows {
        theme().cursor_focused
    } else {
        theme().cursor
    };
    let header = Row::new(
        columns_shown
            .iter()
            .map(|&(i, width)| fit(HEADER[i], width)),
    );
    let constraints = columns_shown
        .iter()
        .map(|&(_, width)| Constraint::Length(u16::try_from(width).unwrap_or(u16::MAX)));
    let table = Table::new(table_rows, constraints)
        .header(header.style(theme().heading2))
        .row_highlight_style(highlight)
        .block(
            Block::new()
                .borders(Borders::BOTTOM)
                .border_style(theme().border),
        );
    let mut state =
        TableState::default().with_selected((!view.rows.is_empty()).then_some(view.row));
    StatefulWidget::render(table, area, buffer, &mut state);
}

/// The bars of the chart: one per row with a level (levels), or one per row with a growth rate
/// and one per target rate (growth). Levels are drawn only in the unit most of them share.
pub fn bars<'a>(app: &'a App) -> Vec<Bar<'a>> {
    let view = &app.compare;
    let label = |row: &CompareRow, suffix: &str| {
        format!(
            "{} {}{suffix}",
            row.region,
            row.period.as_deref().unwrap_or("?")
        )
    };
    let number = |f: &Figure| match f.value {
        Some(Value::Number(v)) => Some(v),
        _ => None,
    };
    let mut found: Vec<(String, f64, String, Style)> = Vec::new();
    match view.chart {
        ChartKind::Levels => {
            let levels: Vec<(&CompareRow, &Figure)> = view
                .rows
                .iter()
                .filter_map(|row| Some((row, figure(app, row.level)?)))
                .filter(|(_, f)| number(f).is_some())
                .collect();
            let unit = most_common(levels.iter().map(|(_, f)| f.unit));
            for (row, f) in levels.into_iter().filter(|(_, f)| Some(f.unit) == unit) {
                found.push((
                    label(row, ""),
                    number(f).unwrap_or(0.0),
                    shown(f),
                    theme().figure,
                ));
            }
        }
        ChartKind::Growth => {
            let rate = |at| figure(app, at).filter(|f| f.kind == Kind::Percent);
            for row in &view.rows {
                if let Some(f) = rate(row.change).filter(|f| number(f).is_some()) {
                    found.push((
                        label(row, ""),
                        number(f).unwrap_or(0.0),
                        shown(f),
                        theme().up,
                    ));
                }
                if let Some(f) = rate(row.target).filter(|f| number(f).is_some()) {
                    let style = theme().target;
                    found.push((
                        label(row, " 目标"),
                        number(f).unwrap_or(0.0),
                        shown(f),
                        style,
                    ));
                }
            }
        }
    }
    let max = found.iter().map(|(_, v, _, _)| *v).fold(0.0, f64::max);
    let label_width = found.iter().map(|(l, ..)| columns(l)).max().unwrap_or(0);
    let text_width = found
        .iter()
        .map(|(_, _, t, _)| columns(t))
        .max()
        .unwrap_or(0);
    found
        .into_iter()
        .map(|(label, value, text, style)| {
            let scaled = if max > 0.0 {
                (value.max(0.0) / max * 1000.0).round() as u64
            } else {
                0
            };
            // The value goes in the label: ratatui writes a value drawn on the bar by bytes, not
            // columns, and would overrun the chart with CJK units.
            let label_pad = " ".repeat(label_width - columns(&label) + 1);
            let text_pad = " ".repeat(text_width - columns(&text));
            Bar::default()
                .label(Line::from(vec![
                    Span::raw(label),
                    Span::raw(label_pad),
                    Span::raw(text_pad),
                    Span::styled(text, style),
                ]))
                .value(scaled)
                .text_value("")
                .style(style)
        })
        .collect()
}

fn most_common<'a>(units: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for unit in units {
        match counts.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, n)) => *n += 1,
            None => counts.push((unit, 1)),
        }
    }
    counts
        .into_iter()
        .rev()
        .max_by_key(|&(_, n)| n)
        .map(|(u, _)| u)
}

fn render_chart(app: &App, area: Rect, buffer: &mut Buffer) {
    let title = match app.compare.chart {
        ChartKind::Levels => " levels · Ctrl-t growth ",
        ChartKind::Growth => " growth rates and targets (目标) · Ctrl-t levels ",
    };
    let block = Block::new().title(title).title_style(theme().heading2);
    let inner = block.inner(area);
    block.render(area, buffer);
    let bars = bars(app);
    if bars.is_empty() {
        let none = match app.compare.chart {
            ChartKind::Levels => "no level to chart",
            ChartKind::Growth => "no growth rate to chart",
        };
        Paragraph::new(Line::styled(
            fit(none, usize::from(inner.width)),
            theme().dim,
        ))
        .render(inner, buffer);
        return;
    }
    BarChart::horizontal(bars)
        .direction(Direction::Horizontal)
        .bar_width(1)
        .bar_gap(0)
        .max(1000)
        .render(inner, buffer);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_narrow_table_leaves_columns_out_rather_than_cut_values() {
        let widths = [12, 4, 10, 6, 4, 12, 8, 13];
        let all: usize = widths.iter().sum::<usize>() + 7;
        assert_eq!(fit_columns(widths, all).len(), 8);
        // A little short: the place's name gives way first.
        let shorter = fit_columns(widths, all - 4);
        assert_eq!(shorter.len(), 8);
        assert_eq!(shorter[0], (0, 8));
        // Much shorter: rank, then level, go; every value shown keeps its width.
        let narrow = fit_columns(widths, 60);
        let shown: Vec<usize> = narrow.iter().map(|&(i, _)| i).collect();
        assert_eq!(shown, [0, 1, 3, 5, 6, 7]);
        for &(i, width) in &narrow[1..] {
            assert_eq!(width, widths[i]);
        }
        assert!(narrow.iter().map(|&(_, w)| w).sum::<usize>() + narrow.len() - 1 <= 60);
    }
}
