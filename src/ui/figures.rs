//! The figures panel: one row per figure of the section in view (or the whole report), through
//! the current filter: a target mark, the value as written or its change (`↑5.2%`), and the
//! indicator. With the panel focused, its bottom border says what the row leaves out of the
//! figure under the cursor: period, result or target, measure and basis.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget, Wrap};

use super::theme::theme;
use super::{columns, fit};
use crate::app::{App, Mode, Pane};
use crate::figures::{Basis, Figure, Measure, Status, Value};

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
    let figures = app.current_figures();
    let focused = app.focus == Pane::Figures && app.mode == Mode::Normal;
    let mut block = super::pane_block(app, Pane::Figures, title);
    // The figure under the cursor: what the row has no room for.
    if let Some(figure) = view.rows.get(view.cursor).and_then(|&i| figures.get(i))
        && focused
    {
        let facts = fit(&facts_of(figure), usize::from(area.width.saturating_sub(4)));
        block = block.title_bottom(Line::styled(format!(" {facts} "), theme().dim));
    }
    let inner = block.inner(area);
    block.render(area, buffer);
    let width = usize::from(inner.width);
    let start = view.top.min(view.rows.len());
    let end = (start + usize::from(inner.height)).min(view.rows.len());
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

/// What a row of the panel leaves out of `figure`: its period, whether it is a result or a
/// target, what it measures and the basis of a change (`2021-2025 · result · change,
/// annual average`).
pub fn facts_of(figure: &Figure) -> String {
    let mut facts = vec![
        figure
            .period
            .map_or_else(|| "no period".to_string(), |p| p.to_string()),
        match figure.status {
            Status::Actual => "result".to_string(),
            Status::Target => "target".to_string(),
        },
    ];
    let measure = match figure.measure {
        Measure::Level => "level",
        Measure::Change => "change",
        Measure::Rank => "rank",
        Measure::Share => "share",
    };
    let basis = match (figure.basis, figure.base_year) {
        (Some(Basis::Yoy), _) => Some("year on year".to_string()),
        (Some(Basis::AnnualAverage), _) => Some("annual average".to_string()),
        (Some(Basis::Cumulative), Some(year)) => Some(format!("since {year}")),
        (Some(Basis::Cumulative), None) => Some("cumulative".to_string()),
        (None, _) => None,
    };
    facts.push(match basis {
        Some(basis) => format!("{measure}, {basis}"),
        None => measure.to_string(),
    });
    facts.join(" · ")
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
    fn the_facts_of_a_figure_say_its_period_status_measure_and_basis() {
        let report = embedded::report("xunxian-2021.txt").unwrap();
        let figures = crate::figures::extract(&report);
        let change = figures
            .iter()
            .find(|f| f.basis == Some(Basis::AnnualAverage))
            .expect("an annual average in the report");
        let facts = facts_of(change);
        let period = change.period.expect("a period").to_string();
        assert!(facts.starts_with(&period), "{facts}");
        assert!(facts.ends_with("change, annual average"), "{facts}");
        let target = figures.iter().find(|f| f.status == Status::Target).unwrap();
        assert!(facts_of(target).contains(" · target · "));
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
