//! The text pane: the visible slice of the report's cached screen lines, headings styled by
//! level, figures, the selected figure and search hits highlighted, a scrollbar on the border.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState, StatefulWidget, Widget};

use super::theme::theme;
use crate::app::{App, Mode, Pane, Role, ScreenLine, cursor};
use crate::corpus::{Report, clean_source};

/// Draw the text pane into `area`.
pub fn render(app: &App, area: Rect, buffer: &mut Buffer) {
    let (Some(report), Some(layout)) = (app.current_report(), app.layout()) else {
        super::pane_block(app, Pane::Text, " no report ").render(area, buffer);
        return;
    };
    let block = super::pane_block(app, Pane::Text, format!(" {} ", report.label()));
    let inner = block.inner(area);
    block.render(area, buffer);
    let gutter = app.gutter_width();
    let width = inner.width.saturating_sub(gutter);
    let height = usize::from(inner.height);
    let end = (app.text.top + height).min(layout.len());
    let start = app.text.top.min(end);
    let lines: Vec<Line> = layout.lines[start..end]
        .iter()
        .enumerate()
        .map(|(at, screen)| {
            let mut line = styled_line(app, report, screen);
            let indent = screen.indent(&report.text[screen.range.clone()], width);
            if indent > 0 {
                line.spans
                    .insert(0, Span::raw(" ".repeat(usize::from(indent))));
            }
            if gutter > 0 {
                // The file's line number on the first row of each line, blank below it.
                // (A gap before a line carries that line's number.)
                let row = start + at;
                let first = row == 0
                    || layout.lines[row - 1].line != screen.line
                    || layout.lines[row - 1].role == Role::Gap;
                let number = if first && screen.role != Role::Gap {
                    format!("{:>w$} ", screen.line + 1, w = usize::from(gutter - 1))
                } else {
                    " ".repeat(usize::from(gutter))
                };
                line.spans.insert(0, Span::styled(number, theme().dim));
            }
            line
        })
        .collect();
    // Each line is laid out to fit already: set straight into the buffer (a Paragraph would
    // truncate each line again, grapheme by grapheme, at three times the cost).
    for (row, line) in (inner.y..inner.bottom()).zip(&lines) {
        buffer.set_line(inner.x, row, line, inner.width);
    }
    if layout.rows_estimate > height {
        let mut state = ScrollbarState::new(app.scroll_extent()).position(app.text.top);
        Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .render(area.inner(Margin::new(0, 1)), buffer, &mut state);
    }
}

/// One screen line as styled spans: the base style of its role, then figures, search hits, the
/// current hit and the selected figure painted over it, in that order; Markdown bold markers
/// left out.
pub fn styled_line<'a>(app: &App, report: &'a Report, screen: &ScreenLine) -> Line<'a> {
    let range = screen.range.clone();
    if range.is_empty() {
        return Line::default();
    }
    let overlays = overlays(app, &range);
    let heading = match screen.role {
        Role::Heading { section, level } => report
            .sections
            .get(section)
            .map(|s| (s.heading.clone(), heading_style(level))),
        _ => None,
    };
    let base = base_style(screen.role);
    // Markdown bold markers the source left in are not drawn.
    let hidden = clean_source::hidden_in_line(report, screen.line);
    let mut spans: Vec<Span> = Vec::new();
    let mut run_start = range.start;
    let mut run_style: Option<Style> = None;
    for (offset, _) in report.text[range.clone()].char_indices() {
        let at = range.start + offset;
        if hidden.iter().any(|marker| marker.contains(&at)) {
            if let Some(previous) = run_style.take() {
                spans.push(Span::styled(&report.text[run_start..at], previous));
            }
            continue;
        }
        let mut style = match &heading {
            Some((span, style)) if span.contains(&at) => *style,
            _ => base,
        };
        for (span, overlay) in &overlays {
            if span.contains(&at) {
                style = style.patch(*overlay);
            }
        }
        if run_style != Some(style) {
            if let Some(previous) = run_style {
                spans.push(Span::styled(&report.text[run_start..at], previous));
            }
            run_start = at;
            run_style = Some(style);
        }
    }
    if let Some(style) = run_style {
        spans.push(Span::styled(&report.text[run_start..range.end], style));
    }
    Line::from(spans)
}

/// The highlights over `range`, lowest priority first: marks and the cursor's sentence (or the
/// selection) under everything else.
fn overlays(app: &App, range: &Range<usize>) -> Vec<(Range<usize>, Style)> {
    let mut out = marks_overlays(app, range);
    let figures = app.current_figures();
    let first = figures.partition_point(|f| f.span.end <= range.start);
    out.extend(
        figures[first..]
            .iter()
            .take_while(|f| f.span.start < range.end)
            .map(|f| (f.span.clone(), theme().figure)),
    );
    for (hit, current) in app.search.hits_within(app.report, range) {
        out.push((
            hit,
            if current {
                theme().current_hit
            } else {
                theme().hit
            },
        ));
    }
    if let Some(selected) = app.text.selected_figure.and_then(|i| figures.get(i)) {
        out.push((selected.span.clone(), theme().selected_figure));
    }
    out.extend(super::glossary::overlays(app, range));
    out
}

/// Marked passages, then the sentence under the cursor (brighter inside a mark) or, while
/// selecting, the selection.
fn marks_overlays(app: &App, range: &Range<usize>) -> Vec<(Range<usize>, Style)> {
    let mut out: Vec<(Range<usize>, Style)> = app
        .marks
        .spans_within(app.report, range)
        .map(|(span, _)| (span.clone(), theme().marked))
        .collect();
    let meets = |span: &Range<usize>| span.start < range.end && range.start < span.end;
    if app.mode == Mode::Visual {
        if let Some(selection) = cursor::selection(app).filter(meets) {
            out.push((selection, theme().selection));
        }
    } else if let Some(sentence) = cursor::sentence(app).filter(meets) {
        let style = if app.marks.at(app.report, sentence.start).is_some() {
            theme().sentence_marked
        } else {
            theme().sentence
        };
        out.push((sentence, style));
    }
    out
}

fn base_style(role: Role) -> Style {
    match role {
        Role::Title => theme().title,
        Role::Front => theme().front,
        Role::Glossary => theme().glossary,
        Role::Heading { .. } | Role::Body | Role::Gap => theme().body,
    }
}

fn heading_style(level: u8) -> Style {
    match level {
        0 | 1 => theme().heading1,
        2 => theme().heading2,
        _ => theme().heading3,
    }
}
