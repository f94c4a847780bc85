//! The text pane's sentence cursor: `j`/`k` move it sentence by sentence and the text scrolls
//! to keep it on screen; scrolling by page or wheel brings it along to the first (or last)
//! sentence in view. Marks, copying and selections start from it.

use std::ops::Range;

use super::sentences::{self, index_at};
use super::{App, Pane};

/// Split the current report into sentences, once.
pub(super) fn ensure(app: &mut App) {
    if app.sentences.len() < app.corpus.reports.len() {
        app.sentences.resize(app.corpus.reports.len(), None);
    }
    if let Some(slot @ None) = app.sentences.get_mut(app.report) {
        *slot = Some(sentences::split(&app.corpus.reports[app.report]));
    }
}

/// The sentence under the cursor.
pub fn sentence(app: &App) -> Option<Range<usize>> {
    let all = app.current_sentences();
    index_at(all, app.text.cursor).map(|i| all[i].clone())
}

/// In a selection: from the sentence it started at to the one under the cursor, either way.
pub fn selection(app: &App) -> Option<Range<usize>> {
    let anchor = app.marks.selection_anchor?;
    let all = app.current_sentences();
    let from = all.get(index_at(all, anchor)?)?;
    let to = sentence(app)?;
    Some(from.start.min(to.start)..from.end.max(to.end))
}

/// Move the cursor `delta` sentences and scroll the least to show all of it (its first row, if
/// it is taller than the pane).
pub(super) fn step(app: &mut App, delta: isize) {
    let all = app.current_sentences();
    let Some(here) = index_at(all, app.text.cursor) else {
        return;
    };
    let target = here.saturating_add_signed(delta).min(all.len() - 1);
    let span = all[target].clone();
    app.text.cursor = span.start;
    let Some(layout) = app.layout() else {
        return;
    };
    let first = layout.row_of(span.start);
    let last = layout.row_of(span.end.saturating_sub(1).max(span.start));
    let height = app.panes.inner_height(Pane::Text).max(1);
    if first < app.text.top {
        app.text.top = first;
    } else if last >= app.text.top + height {
        app.text.top = (last + 1 - height).min(first);
    }
    app.text.top = app.text.top.min(app.max_text_top());
}

/// Put the cursor on the first sentence of the report, or its last.
pub(super) fn to_end(app: &mut App, last: bool) {
    let all = app.current_sentences();
    let span = if last { all.last() } else { all.first() };
    if let Some(span) = span {
        app.text.cursor = span.start;
    }
}

/// After the text scrolled: a cursor gone off screen comes to the nearest sentence in view.
pub(super) fn keep_in_view(app: &mut App) {
    let Some(layout) = app.layout() else {
        return;
    };
    let all = app.current_sentences();
    let Some(here) = index_at(all, app.text.cursor) else {
        return;
    };
    let height = app.panes.inner_height(Pane::Text).max(1);
    let (top, bottom) = (app.text.top, app.text.top + height);
    let span = &all[here];
    let first = layout.row_of(span.start);
    let last = layout.row_of(span.end.saturating_sub(1).max(span.start));
    let target = if last < top {
        index_at(all, layout.offset_of(top))
    } else if first >= bottom {
        let end = layout.offset_of(bottom);
        Some(all.partition_point(|s| s.start < end).saturating_sub(1))
    } else {
        None
    };
    if let Some(target) = target {
        app.text.cursor = all[target].start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::bundled_app;
    use crate::app::{Action, update};

    fn text_of(app: &App) -> String {
        let span = sentence(app).unwrap();
        app.current_report().unwrap().text[span].to_string()
    }

    #[test]
    fn j_and_k_walk_sentence_by_sentence_and_the_text_follows() {
        let mut app = bundled_app(120, 30);
        let first = text_of(&app);
        update(&mut app, Action::MoveDown);
        let second = text_of(&app);
        assert_ne!(first, second);
        update(&mut app, Action::MoveUp);
        assert_eq!(text_of(&app), first);
        let height = app.panes.inner_height(Pane::Text);
        for _ in 0..200 {
            update(&mut app, Action::MoveDown);
            let layout = app.layout().unwrap();
            let row = layout.row_of(sentence(&app).unwrap().start);
            assert!(
                row >= app.text.top && row < app.text.top + height,
                "the cursor's sentence stays on screen"
            );
        }
        assert!(app.text.top > 0, "the text scrolled");
    }

    #[test]
    fn paging_brings_the_cursor_along() {
        let mut app = bundled_app(120, 30);
        update(&mut app, Action::PageDown);
        update(&mut app, Action::PageDown);
        let layout = app.layout().unwrap();
        let row = layout.row_of(sentence(&app).unwrap().end - 1);
        assert!(row >= app.text.top, "the cursor came down with the page");
        update(&mut app, Action::Bottom);
        let all = app.current_sentences();
        assert_eq!(sentence(&app), all.last().cloned());
        update(&mut app, Action::Top);
        assert_eq!(sentence(&app), app.current_sentences().first().cloned());
    }

    #[test]
    fn a_selection_spans_from_where_it_started_either_way() {
        let mut app = bundled_app(120, 30);
        for _ in 0..5 {
            update(&mut app, Action::MoveDown);
        }
        let start = sentence(&app).unwrap();
        update(&mut app, Action::StartSelection);
        update(&mut app, Action::MoveDown);
        update(&mut app, Action::MoveDown);
        let down = selection(&app).unwrap();
        assert_eq!(down.start, start.start);
        assert!(down.end > start.end);
        for _ in 0..4 {
            update(&mut app, Action::MoveUp);
        }
        let up = selection(&app).unwrap();
        assert_eq!(up.end, start.end);
        assert!(up.start < start.start);
    }
}
