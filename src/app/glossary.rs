//! Glossary terms in the browser: every term any loaded report defines in its notes, found once
//! in every report as sorted ranges (which the text pane underlines), and the definition popup.
//!
//! The text pane has no cursor, so "the term under the cursor" is found this way: `K` explains
//! the first term occurring on screen, reading from the top line; `K` again, while the popup is
//! open, the next one on screen (wrapping round to the first). A click on a term explains that
//! term. The occurrence explained is highlighted in the text.

use std::ops::Range;

use super::{App, Message, Mode};
use crate::corpus::terms::{Occurrence, Term, Terms};

/// The term the popup explains.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownTerm {
    /// Index in [`Terms::terms`].
    pub term: usize,
    /// The report it occurs in.
    pub report: usize,
    /// Where it occurs there.
    pub range: Range<usize>,
}

/// The glossary of every loaded report and where its terms occur.
#[derive(Debug, Default)]
pub struct GlossaryState {
    /// Every term defined, with its definition and source.
    pub terms: Terms,
    /// Each report's occurrences of any term, sorted by position.
    pub occurrences: Vec<Vec<Occurrence>>,
    /// The popup, while it is open.
    pub shown: Option<ShownTerm>,
    /// How many reports the occurrences were found in.
    built_for: usize,
}

impl GlossaryState {
    /// The occurrences in `report` that overlap `range`.
    pub fn within(&self, report: usize, range: &Range<usize>) -> &[Occurrence] {
        let Some(all) = self.occurrences.get(report) else {
            return &[];
        };
        let first = all.partition_point(|o| o.range.end <= range.start);
        let end = first + all[first..].partition_point(|o| o.range.start < range.end);
        &all[first..end]
    }

    /// The term the popup explains, if it is open.
    pub fn shown_term(&self) -> Option<&Term> {
        self.shown
            .as_ref()
            .and_then(|s| self.terms.terms.get(s.term))
    }
}

/// Find the terms again when reports were loaded since they were last found.
pub(super) fn ensure(app: &mut App) {
    // Terms are gathered across the corpus: once, when it has all arrived.
    if app.loading.is_some() {
        return;
    }
    let loaded = app.corpus.reports.len();
    if app.glossary.built_for == loaded && !app.glossary.occurrences.is_empty() {
        return;
    }
    let terms = Terms::build(&app.corpus.reports);
    app.glossary.occurrences = terms.occurrences(&app.corpus.reports);
    app.glossary.terms = terms;
    app.glossary.built_for = loaded;
    app.glossary.shown = None;
}

/// `K`: explain the first term on screen, or the next one while the popup is open.
pub(super) fn show_next(app: &mut App) {
    let Some(screen) = app.on_screen() else {
        return;
    };
    let visible = app.glossary.within(app.report, &screen);
    let next = match &app.glossary.shown {
        Some(shown) if shown.report == app.report => visible
            .iter()
            .find(|o| o.range.start > shown.range.start)
            .or(visible.first()),
        _ => visible.first(),
    }
    .cloned();
    match next {
        Some(occurrence) => show(app, occurrence),
        None => {
            app.message = Some(Message {
                text: "no glossary term on screen".into(),
                is_error: false,
            });
        }
    }
}

/// A click at byte `offset` of the text: explain the term there. Whether there was one.
pub(super) fn show_at(app: &mut App, offset: usize) -> bool {
    let found = app
        .glossary
        .within(app.report, &(offset..offset + 1))
        .first()
        .cloned();
    match found {
        Some(occurrence) => {
            show(app, occurrence);
            true
        }
        None => false,
    }
}

fn show(app: &mut App, occurrence: Occurrence) {
    app.glossary.shown = Some(ShownTerm {
        term: occurrence.term,
        report: app.report,
        range: occurrence.range,
    });
    app.mode = Mode::Glossary;
}

/// Close the popup.
pub(super) fn close(app: &mut App) {
    app.glossary.shown = None;
    app.mode = Mode::Normal;
}

#[cfg(test)]
mod tests;
