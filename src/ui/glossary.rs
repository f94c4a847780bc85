//! Glossary terms in the text pane: every occurrence underlined, the one explained highlighted,
//! and the popup (`K`, or a click on a term) with the definition and where it comes from.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::Line;
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::theme::theme;
use super::{columns, fit};
use crate::app::App;

/// A glossary term in the text.
pub const TERM: Style = Style::new().add_modifier(Modifier::UNDERLINED);
/// The term the popup explains.
pub const EXPLAINED: Style = Style::new()
    .fg(Color::Black)
    .bg(Color::LightCyan)
    .add_modifier(Modifier::UNDERLINED);

/// The glossary highlights over `range` of the report in the text pane, lowest priority first.
pub fn overlays(app: &App, range: &Range<usize>) -> Vec<(Range<usize>, Style)> {
    let mut out: Vec<(Range<usize>, Style)> = app
        .glossary
        .within(app.report, range)
        .iter()
        .map(|o| (o.range.clone(), TERM))
        .collect();
    if let Some(shown) = &app.glossary.shown
        && shown.report == app.report
        && shown.range.start < range.end
        && shown.range.end > range.start
    {
        out.push((shown.range.clone(), EXPLAINED));
    }
    out
}

/// Draw the definition popup in the lower part of `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let Some(term) = app.glossary.shown_term() else {
        return;
    };
    let source = app.corpus.reports.get(term.report).map_or_else(
        || format!("line {}", term.line),
        |report| format!("{}:{} · {}", report.file, term.line, report.label()),
    );
    let width = area.width.saturating_sub(4).min(72);
    let inner_width = usize::from(width.saturating_sub(2)).max(1);
    // Rows the wrapped definition needs, estimated by columns.
    let rows = columns(&term.definition).div_ceil(inner_width) as u16;
    let height = (rows + 4).min(area.height.saturating_sub(2));
    let [popup] = Layout::horizontal([Constraint::Length(width)])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height)])
        .flex(Flex::End)
        .areas(popup);
    super::clear_overlay(popup, buffer);
    let block = Block::bordered()
        .title(format!(" {} ", fit(&term.term, inner_width)))
        .title_bottom(" K next · Esc close ")
        .border_style(theme().border_focused)
        .style(theme().overlay);
    let inner = block.inner(popup);
    block.render(popup, buffer);
    let text = vec![
        Line::raw(term.definition.clone()),
        Line::default(),
        Line::styled(source, theme().dim),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: false })
        .render(inner, buffer);
}
