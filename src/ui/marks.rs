//! The marks overlays: the marks list (`M`), the note editor (`a`) and the export dialog (`e`).
//! Each draws only what `update` left in [`crate::app::marks::MarksState`].

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::theme::theme;
use super::{columns, fit};
use crate::app::App;
use crate::app::export_dialog::Subject;
use crate::marks::Mark;

/// Draw the marks list over `area`: one row per mark — report, section, first words, note.
pub fn render_list(app: &App, area: Rect, buffer: &mut Buffer) {
    let list = &app.marks.list;
    let title = format!(" marks · {} ", list.rows.len());
    let Some(inner) = super::overlay_frame(area, buffer, title, None) else {
        return;
    };
    let width = usize::from(inner.width);
    let widths = column_widths(width);
    let mut lines = vec![row_line(
        ["报告", "章节", "段落", "备注"],
        &widths,
        theme().dim,
    )];
    if list.rows.is_empty() {
        lines.push(Line::styled(
            fit(
                "no marks yet: m in the text marks the sentence under the cursor",
                width,
            ),
            theme().dim,
        ));
    }
    let height = usize::from(inner.height).saturating_sub(1);
    let end = (list.top + height).min(list.rows.len());
    for index in list.top.min(end)..end {
        let Some(mark) = app.marks.all.get(list.rows[index]) else {
            continue;
        };
        let style = if index == list.cursor {
            theme().cursor_focused
        } else {
            Style::new()
        };
        let cells = cells(mark);
        lines.push(row_line(
            [&cells[0], &cells[1], &cells[2], &cells[3]],
            &widths,
            style,
        ));
    }
    Paragraph::new(lines).render(inner, buffer);
}

/// Columns for report, section, passage and note in `width`.
fn column_widths(width: usize) -> [usize; 4] {
    let report = (width / 6).clamp(4, 16).min(width);
    let section = (width / 4).min(width.saturating_sub(report));
    let note = (width / 5).min(width.saturating_sub(report + section));
    let passage = width.saturating_sub(report + section + note);
    [report, section, passage, note]
}

/// The four cells of a mark's row.
fn cells(mark: &Mark) -> [String; 4] {
    let report = mark.report.replace(" 政府工作报告", "");
    let section = mark.section.last().cloned().unwrap_or_else(|| "—".into());
    let passage: String = mark.text.split_whitespace().collect::<Vec<_>>().join(" ");
    let passage = if mark.orphaned {
        format!("[orphaned] {passage}")
    } else {
        passage
    };
    let note = mark.note.lines().next().unwrap_or("").to_string();
    [report, section, passage, note]
}

/// One row: each cell cut to its column and padded, a space between columns.
fn row_line<'a>(cells: [&str; 4], widths: &[usize; 4], style: Style) -> Line<'a> {
    let spans: Vec<Span> = cells
        .iter()
        .zip(widths)
        .map(|(cell, &width)| {
            let room = width.saturating_sub(1);
            let text = fit(cell, room);
            let pad = width.saturating_sub(columns(&text));
            Span::raw(format!("{text}{}", " ".repeat(pad)))
        })
        .collect();
    Line::from(spans).style(style)
}

/// A centred popup of at most `width` × `height` inside `area`.
fn popup(area: Rect, width: u16, height: u16) -> Rect {
    let [row] = Layout::vertical([Constraint::Length(height.min(area.height))])
        .flex(Flex::Center)
        .areas(area);
    let [popup] = Layout::horizontal([Constraint::Length(width.min(area.width))])
        .flex(Flex::Center)
        .areas(row);
    popup
}

/// Draw the note editor: the passage it belongs to, then the note being typed.
pub fn render_note(app: &App, area: Rect, buffer: &mut Buffer) {
    let Some(editor) = &app.note else {
        return;
    };
    let area = popup(area, 72, 12);
    let Some(inner) = super::overlay_frame(area, buffer, " note ", Some(" Ctrl-s or Esc save "))
    else {
        return;
    };
    let passage = app
        .marks
        .all
        .get(editor.id)
        .map(|m| m.text.split_whitespace().collect::<String>())
        .unwrap_or_default();
    let [quote, input] = Layout::vertical([Constraint::Length(1), Constraint::Min(0)]).areas(inner);
    Line::styled(
        fit(&format!("“{passage}”"), usize::from(quote.width)),
        theme().dim,
    )
    .render(quote, buffer);
    (&editor.input).render(input, buffer);
}

/// Draw the export dialog: the format, the destination, how many marks it writes.
pub fn render_export(app: &App, area: Rect, buffer: &mut Buffer) {
    let area = popup(area, 64, 6);
    let dialog = crate::app::export_dialog::active(app);
    let title = match dialog.subject {
        Subject::Marks => format!(
            " export {} ",
            crate::app::marks::count_of(app.marks.all.items.len())
        ),
        Subject::CompareRows => format!(
            " export the rows of {} ",
            app.compare.entry().map_or("", |e| e.name.as_str())
        ),
        Subject::Targets => format!(
            " export the targets of {} ",
            app.compare.entry().map_or("", |e| e.name.as_str())
        ),
    };
    let footer = Some(" Tab format · Enter export · Esc cancel ");
    let Some(inner) = super::overlay_frame(area, buffer, title, footer) else {
        return;
    };
    let mut formats = vec![Span::styled("format ", theme().dim)];
    for &format in dialog.subject.formats() {
        let name = format.label();
        let style = if format == dialog.format {
            theme().cursor_focused
        } else {
            Style::new()
        };
        formats.push(Span::styled(format!(" {name} "), style));
        formats.push(Span::raw(" "));
    }
    let rows = Layout::vertical([Constraint::Length(1); 3]).split(inner);
    Line::from(formats).render(rows[0], buffer);
    if let Some(&row) = rows.get(2) {
        super::prompt(
            Span::styled("to     ", theme().dim),
            &dialog.input,
            row,
            buffer,
        );
    }
}
