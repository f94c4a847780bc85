//! Marks in the browser: marking the sentence under the cursor or a selection of sentences,
//! unmarking, undo, and the bookkeeping every frame reads (each report's marked spans, the
//! count per tree node, the rows of the marks list).
//!
//! Every change returns [`Effect::SaveMarks`]; the run loop writes the file at once and tells
//! the state how it went through [`saved`], so a failed save is shown and the marks stay in
//! memory. The marks list is in `app::marks_list`, the note editor in [`super::note`]
//! and the export dialog in [`super::export_dialog`].

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;

use super::cursor;
use super::{App, Effect, Message, Mode};
use crate::export;
use crate::marks::store::Saved;
use crate::marks::{Mark, Marks, anchor};

/// Everything the browser keeps about marks.
#[derive(Debug, Default)]
pub struct MarksState {
    /// Every mark, orphaned ones and those of reports not loaded included.
    pub all: Marks,
    /// The file every change is saved to; `None` when there is none (the reason is in
    /// `save_error`) or in tests.
    pub path: Option<PathBuf>,
    /// The marks file, known even when it is not written (read-only, or written by a newer
    /// version): exports never write over it.
    pub file: Option<PathBuf>,
    /// Why the last save failed, while it is still failing.
    pub save_error: Option<String>,
    /// The marks as the file held them when last read or written: what this instance's changes
    /// are measured from when another instance saved meanwhile.
    pub on_disk: Marks,
    /// The report each mark belongs to (by id), once found among the loaded reports.
    pub placed: HashMap<u64, usize>,
    /// Marks removed by unmarking or deleting, most recent last, with their former position.
    pub undo: Vec<(usize, Mark)>,
    /// In a selection (`v`): the offset of the sentence it started from.
    pub selection_anchor: Option<usize>,
    /// The marks list's rows (mark ids, in reading order), cursor and scroll.
    pub list: ListView,
    /// Each report's marked spans with their mark ids, sorted by start.
    spans: Vec<Vec<(Range<usize>, u64)>>,
    /// Each report's mark count per section (subsections included), then its total.
    counts: Vec<Vec<usize>>,
}

/// The marks list's rows and position.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ListView {
    /// Mark ids in reading order: report by report, then by position; unplaced marks last.
    pub rows: Vec<u64>,
    /// The row under the cursor.
    pub cursor: usize,
    /// The first row shown.
    pub top: usize,
}

impl MarksState {
    /// The marked spans of report `report` that meet `range`, with their ids.
    pub fn spans_within(
        &self,
        report: usize,
        range: &Range<usize>,
    ) -> impl Iterator<Item = &(Range<usize>, u64)> {
        let spans = self.spans.get(report).map_or(&[][..], Vec::as_slice);
        spans
            .iter()
            .filter(move |(span, _)| span.start < range.end && range.start < span.end)
    }

    /// How many marks lie in section `section` of report `report` (`None`: the whole report).
    pub fn count(&self, report: usize, section: Option<usize>) -> usize {
        self.counts.get(report).map_or(0, |counts| {
            let index = section.unwrap_or(counts.len().saturating_sub(1));
            counts.get(index).copied().unwrap_or(0)
        })
    }

    /// The mark of report `report` covering `offset`, if any (the latest made, when several).
    pub fn at(&self, report: usize, offset: usize) -> Option<u64> {
        self.spans
            .get(report)?
            .iter()
            .filter(|(span, _)| span.contains(&offset))
            .map(|&(_, id)| id)
            .max()
    }
}

/// Give the browser the marks read from `path` (or none, when `path` is `None`): each is found
/// again in the loaded reports. Returns the status-bar message to show, if any, and whether
/// anchoring changed marks so they should be saved.
pub fn attach(app: &mut App, marks: Marks, path: Option<PathBuf>) -> (Option<Message>, bool) {
    let mut marks = marks;
    app.marks.on_disk = marks.clone();
    let anchored = anchor::anchor_all(&mut marks, &app.corpus.reports);
    let (moved, orphaned) = (anchored.moved, anchored.orphaned);
    app.marks.placed = anchored.placed.into_iter().collect();
    let total = marks.items.len();
    let from = path
        .as_ref()
        .map(|p| format!(" from {}", p.display()))
        .unwrap_or_default();
    app.marks.all = marks;
    app.marks.path = path;
    reindex(app);
    let text = match (total, moved, orphaned) {
        (0, _, _) => return (None, false),
        (_, 0, 0) => format!("{}{from}", count_of(total)),
        _ => format!(
            "{}{from}; {moved} moved with their edited report; {orphaned} orphaned \
             (their passage is gone; kept in M)",
            count_of(total)
        ),
    };
    let message = Message {
        text,
        is_error: orphaned > 0,
    };
    (Some(message), moved > 0 || orphaned > 0)
}

/// Recompute what frames read from the marks: spans per report, counts per node, list rows.
pub(super) fn reindex(app: &mut App) {
    let reports = &app.corpus.reports;
    let mut spans = vec![Vec::new(); reports.len()];
    let mut counts: Vec<Vec<usize>> = reports
        .iter()
        .map(|r| vec![0; r.sections.len() + 1])
        .collect();
    let mut order: Vec<(usize, usize, u64)> = Vec::new();
    for mark in &app.marks.all.items {
        let report = app.marks.placed.get(&mark.id).copied();
        match report {
            Some(r) if r < reports.len() && !mark.orphaned && mark.end <= reports[r].text.len() => {
                spans[r].push((mark.span(), mark.id));
                let section = reports[r].section_at(mark.start);
                super::tree::count_in(&mut counts[r], &reports[r], section);
                order.push((r, mark.start, mark.id));
            }
            _ => order.push((usize::MAX, usize::MAX, mark.id)),
        }
    }
    for list in &mut spans {
        list.sort_by_key(|(span, id)| (span.start, span.end, *id));
    }
    order.sort();
    let state = &mut app.marks;
    state.spans = spans;
    state.counts = counts;
    state.list.rows = order.into_iter().map(|(_, _, id)| id).collect();
    state.list.cursor = state
        .list
        .cursor
        .min(state.list.rows.len().saturating_sub(1));
}

/// `m`: in a selection, mark it (or unmark it when it is exactly a mark); otherwise mark the
/// sentence under the cursor, or unmark the mark it is in.
pub(super) fn toggle(app: &mut App) -> Vec<Effect> {
    let selecting = app.mode == Mode::Visual;
    let Some(span) = (if selecting {
        cursor::selection(app)
    } else {
        cursor::sentence(app)
    }) else {
        return Vec::new();
    };
    app.mode = Mode::Normal;
    app.marks.selection_anchor = None;
    let existing = if selecting {
        app.marks
            .spans_within(app.report, &span)
            .find(|(s, _)| *s == span)
            .map(|&(_, id)| id)
    } else {
        app.marks.at(app.report, span.start)
    };
    match existing {
        Some(id) => {
            remove(app, id);
            app.message = Some(Message::info("unmarked; u undoes"));
        }
        None => {
            if add(app, span).is_none() {
                return Vec::new();
            }
            app.message = Some(Message::info("marked; a adds a note, M lists the marks"));
        }
    }
    vec![Effect::SaveMarks]
}

/// Mark `span` of the report in the text pane; returns the new mark's id.
pub(super) fn add(app: &mut App, span: Range<usize>) -> Option<u64> {
    let report = app.corpus.reports.get(app.report)?;
    let id = app.marks.all.add(report, span);
    app.marks.placed.insert(id, app.report);
    reindex(app);
    Some(id)
}

/// Take mark `id` out, keeping it for undo.
pub(super) fn remove(app: &mut App, id: u64) {
    if let Some(removed) = app.marks.all.remove(id) {
        app.marks.undo.push(removed);
        reindex(app);
    }
}

/// Take mark `id` out for good: one made a moment ago and given up (`a`, then no note).
pub(super) fn discard(app: &mut App, id: u64) {
    if app.marks.all.remove(id).is_some() {
        app.marks.placed.remove(&id);
        reindex(app);
    }
}

/// `u`: put back the mark removed last.
pub(super) fn undo(app: &mut App) -> Vec<Effect> {
    let Some((index, mark)) = app.marks.undo.pop() else {
        app.message = Some(Message::info("nothing to undo"));
        return Vec::new();
    };
    let id = mark.id;
    app.marks.all.restore(index, mark);
    reindex(app);
    if let Some(row) = app.marks.list.rows.iter().position(|&r| r == id) {
        app.marks.list.cursor = row;
    }
    app.message = Some(Message::info("mark restored"));
    vec![Effect::SaveMarks]
}

/// `v`: start a selection at the sentence under the cursor, in the text pane.
pub(super) fn start_selection(app: &mut App) {
    let Some(span) = cursor::sentence(app) else {
        return;
    };
    app.focus = super::Pane::Text;
    app.marks.selection_anchor = Some(span.start);
    app.mode = Mode::Visual;
}

/// `Esc` in a selection.
pub(super) fn cancel_selection(app: &mut App) {
    app.marks.selection_anchor = None;
    app.mode = Mode::Normal;
}

/// `y`: the selection, else the mark under the cursor, else its sentence, quoted with its
/// citation, for the run loop to put on the clipboard.
pub(super) fn copy(app: &mut App) -> Vec<Effect> {
    let span = match app.mode {
        Mode::Visual => cursor::selection(app),
        _ => cursor::sentence(app).map(|sentence| {
            app.marks
                .at(app.report, sentence.start)
                .and_then(|id| app.marks.all.get(id))
                .map_or(sentence, Mark::span)
        }),
    };
    let Some((span, report)) = span.zip(app.corpus.reports.get(app.report)) else {
        return Vec::new();
    };
    let passage = Mark::new(0, report, span);
    let record = export::record(
        &passage,
        &app.corpus.reports,
        Some(app.report),
        &app.figures,
    );
    let text = export::clipboard::cited_text(&record);
    let preview: String = passage.text.chars().take(16).collect();
    app.message = Some(Message::info(&format!(
        "copied “{preview}…” with its citation"
    )));
    cancel_selection(app);
    vec![Effect::Copy(text)]
}

/// What the run loop reports after saving the marks.
pub fn saved(app: &mut App, result: Result<(), String>) {
    match result {
        Ok(()) => app.marks.save_error = None,
        Err(reason) => {
            let again = if app.marks.path.is_some() {
                "kept and saved again every few seconds"
            } else {
                "kept"
            };
            app.message = Some(Message::error(format!(
                "marks NOT saved: {reason} — {again}; on quit, if still unsaved, they are \
                 written to a rescue file named on the terminal"
            )));
            app.marks.save_error = Some(reason);
        }
    }
}

/// What the run loop reports after a merging save: the marks now in the file become the
/// browser's, those another instance added are placed, and the reader is told when another
/// instance had changed the file.
pub fn merged(app: &mut App, saved: Saved) {
    app.marks.save_error = None;
    app.marks.on_disk = saved.marks.clone();
    if saved.marks == app.marks.all {
        return;
    }
    app.marks.all = saved.marks;
    let placed = &app.marks.placed;
    let newcomers = app
        .marks
        .all
        .items
        .iter_mut()
        .filter(|m| !placed.contains_key(&m.id));
    let anchored = anchor::anchor_each(newcomers, &app.corpus.reports);
    app.marks.placed.extend(anchored.placed);
    reindex(app);
    if saved.others_changed {
        app.message = Some(Message::info(&format!(
            "another baogao changed the marks file; its changes were merged ({} now)",
            count_of(app.marks.all.items.len())
        )));
    }
}

/// `1 mark`, `3 marks`.
pub fn count_of(marks: usize) -> String {
    if marks == 1 {
        "1 mark".into()
    } else {
        format!("{marks} marks")
    }
}

#[cfg(test)]
mod tests;
