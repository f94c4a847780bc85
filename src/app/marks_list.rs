//! The marks list (`M`): every mark in reading order; `Enter` jumps to its passage, `d` deletes
//! it (`u` undoes), `a` edits its note, `e` exports them all.

use super::marks::{remove, undo};
use super::navigate::open_at;
use super::{Action, App, Effect, Message, Mode, Pane, export_dialog, keep_in_view, note};

/// `M`: open the list, its cursor on the mark under the text cursor when there is one.
pub(super) fn open(app: &mut App) {
    if let Some(id) = super::cursor::sentence(app).and_then(|s| app.marks.at(app.report, s.start))
        && let Some(row) = app.marks.list.rows.iter().position(|&r| r == id)
    {
        app.marks.list.cursor = row;
    }
    app.mode = Mode::Marks;
}

/// Keys while the list is open.
pub(super) fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    let rows = app.marks.list.rows.len();
    let list = &mut app.marks.list;
    match action {
        Action::MoveDown => list.cursor = (list.cursor + 1).min(rows.saturating_sub(1)),
        Action::MoveUp => list.cursor = list.cursor.saturating_sub(1),
        Action::Top => list.cursor = 0,
        Action::Bottom => list.cursor = rows.saturating_sub(1),
        Action::CloseMarks => app.mode = Mode::Normal,
        Action::Activate => jump(app),
        Action::DeleteMark => return delete(app),
        Action::Undo => return undo(app),
        Action::EditNote => {
            let id = app.marks.list.rows.get(app.marks.list.cursor).copied();
            if id.is_some() {
                return note::open(app, id);
            }
        }
        Action::OpenExport => export_dialog::open(app),
        _ => {}
    }
    Vec::new()
}

/// Keep the list's cursor on screen, `height` rows at a time.
pub(super) fn follow(app: &mut App, height: usize) {
    let list = &mut app.marks.list;
    list.cursor = list.cursor.min(list.rows.len().saturating_sub(1));
    keep_in_view(&mut list.top, list.cursor, height.max(1));
}

fn jump(app: &mut App) {
    let Some(mark) = app
        .marks
        .list
        .rows
        .get(app.marks.list.cursor)
        .and_then(|&id| app.marks.all.get(id))
    else {
        return;
    };
    let report = app.marks.placed.get(&mark.id).copied();
    match report {
        Some(report) if !mark.orphaned => {
            let start = mark.start;
            app.mode = Mode::Normal;
            app.focus = Pane::Text;
            open_at(app, report, start, true);
            app.text.cursor = start;
        }
        Some(_) => {
            app.message = Some(Message::error(format!(
                "this passage is no longer in {}; the mark keeps its text",
                mark.file
            )));
        }
        None => {
            app.message = Some(Message::error(format!(
                "{} is not loaded; open it to see this mark",
                mark.file
            )));
        }
    }
}

fn delete(app: &mut App) -> Vec<Effect> {
    let Some(id) = app.marks.list.rows.get(app.marks.list.cursor).copied() else {
        return Vec::new();
    };
    remove(app, id);
    app.message = Some(Message::info("mark deleted; u undoes"));
    vec![Effect::SaveMarks]
}
