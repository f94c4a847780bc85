//! The figures panel: one row per figure of the section in view (or the whole report), through
//! the current filter: a target mark, the value as written or its change (`↑5.2%`), and the
//! indicator.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::theme;
use super::{columns, fit};
use crate::app::{App, Mode, Pane};
use crate::figures::{Figure, Measure, Status, Value};

/// Draw the figures panel into `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let view = &app.figures_view;
    let scope = if view.whole_report {
        "report"
    } else {
        "section"
    };
    let title = format!(
        " figures · {scope} · {} · {} ",
        view.filter.label(),
        view.rows.len()
    );
    let block = super::pane_block(app, Pane::Figures, title);
    let inner = block.inner(area);
    block.render(area, buffer);
    let figures = app.current_figures();
    let width = usize::from(inner.width);
    let start = view.top.min(view.rows.len());
    let end = (start + usize::from(inner.height)).min(view.rows.len());
    let focused = app.focus == Pane::Figures && app.mode == Mode::Normal;
    let lines: Vec<Line> = (start..end)
        .filter_map(|i| Some((i, figures.get(view.rows[i])?)))
        .map(|(i, figure)| {
            let line = row_line(figure, width);
            let selected = i == view.cursor;
            match (selected, focused) {
                (true, true) => line.style(theme().cursor_focused),
                (true, false) => line.style(theme().cursor),
                _ => line,
            }
        })
        .collect();
    if lines.is_empty() && inner.height > 0 {
        let empty = match (view.whole_report, app.text.section) {
            _ if crate::app::loading::awaiting_figures(app, app.report) => "reading figures…",
            (true, _) => "no figures in this report",
            (false, None) => "none on screen before the first chapter; F lists the whole report",
            (false, Some(_)) => "none in this section; F lists the whole report",
        };
        Paragraph::new(Line::styled(empty, theme().dim))
            .wrap(Wrap { trim: true })
            .render(inner, buffer);
        return;
    }
    Paragraph::new(lines).render(inner, buffer);
}

/// `目标 ↑5.2%左右  生产总值`.
pub fn row_line<'a>(figure: &Figure, width: usize) -> Line<'a> {
    let mark = if figure.status == Status::Target {
        Span::styled("目标 ", theme().target)
    } else {
        Span::raw("     ")
    };
    let (value, style) = shown_value(figure);
    let value = format!(
        "{value}{} ",
        " ".repeat(10usize.saturating_sub(columns(&value)))
    );
    let fixed = columns(&mark.content) + columns(&value);
    if fixed > width {
        // No room for both: the value and its unit come first, whole where they fit, the
        // target's mark as a style of its own.
        let style = if figure.status == Status::Target {
            style.patch(theme().target)
        } else {
            style
        };
        return Line::styled(fit(value.trim_end(), width), style);
    }
    let indicator = figure.indicator.clone().unwrap_or_default();
    let indicator = fit(&indicator, width - fixed);
    Line::from(vec![mark, Span::styled(value, style), Span::raw(indicator)])
}

/// The value as a reader wants it, with its qualifier (`目标 ↑3%左右`, not `↑3%`): changes with
/// an arrow, everything else as written.
fn shown_value(figure: &Figure) -> (String, ratatui::style::Style) {
    let text = figure.qualified_text();
    if figure.measure != Measure::Change {
        return (text, theme().body);
    }
    let falling = matches!(figure.value, Some(Value::Number(v)) if v < 0.0);
    if falling {
        (format!("↓{text}"), theme().down)
    } else {
        (format!("↑{text}"), theme().up)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::embedded;

    fn text_of(line: &Line) -> String {
        line.spans.iter().map(|s| s.content.as_ref()).collect()
    }

    #[test]
    fn a_narrow_panel_keeps_the_value_and_its_unit_whole() {
        let report = embedded::report("minquan-2021.txt").unwrap();
        let figures = crate::figures::extract(&report);
        for figure in figures
            .iter()
            .filter(|f| f.status == Status::Target)
            .take(20)
        {
            let (value, _) = shown_value(figure);
            let narrow = row_line(figure, columns(&value));
            assert_eq!(text_of(&narrow), value, "{}", figure.text);
            let wide = row_line(figure, 40);
            assert!(text_of(&wide).contains(&value));
        }
    }
}
