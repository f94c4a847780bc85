//! Where the reader was, kept across launches as ebook readers do: the report open last, and
//! the place in every report read, so `baogao` opens where it was left and a report opened
//! from the tree opens where it was left too. The terminal loop reads and writes the file
//! (`places.json` beside the marks file); everything here is state.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::App;
use super::navigate::Place;
use crate::corpus::Report;

/// The places kept, by report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resume {
    /// The report open when the browser was left ([`key`]).
    pub last: Option<String>,
    /// The cursor's byte offset in each report read, by [`key`].
    pub offsets: BTreeMap<String, usize>,
    /// Whether the place left last has been restored (or given up on) in this run.
    #[serde(skip)]
    pub restored: bool,
}

/// How many reports' places are kept: the most recently left win.
const KEPT: usize = 2000;

/// What identifies a report across launches: its path where it was read from a file, else its
/// name (the bundled reports).
pub fn key(report: &Report) -> String {
    report
        .path
        .as_ref()
        .map_or_else(|| report.file.clone(), |p| p.display().to_string())
}

impl Resume {
    /// Read the file's contents; anything unreadable is a fresh start (the places are a
    /// convenience, never worth an error).
    pub fn parse(bytes: &[u8]) -> Resume {
        serde_json::from_slice(bytes).unwrap_or_default()
    }

    /// The file's contents.
    pub fn to_bytes(&self) -> Vec<u8> {
        serde_json::to_vec_pretty(self).unwrap_or_default()
    }

    /// Where the reader was in `report`, if it was read before (and the offset still lies in
    /// its text).
    pub fn offset_in(&self, report: &Report) -> Option<usize> {
        self.offsets
            .get(&key(report))
            .copied()
            .filter(|&offset| offset < report.text.len() && report.text.is_char_boundary(offset))
    }

    /// Keep `place` as the reader's place in its report.
    pub fn keep(&mut self, app_reports: &[Report], place: Place) {
        let Some(report) = app_reports.get(place.report) else {
            return;
        };
        let key = key(report);
        self.offsets.remove(&key);
        if self.offsets.len() >= KEPT {
            // Forget one at random rather than grow: BTreeMap's first is as good as any.
            self.offsets.pop_first();
        }
        self.offsets.insert(key, place.offset);
    }
}

/// Keep where the reader is now, and that this report is the one open: called when leaving.
pub fn keep_current(app: &mut App) {
    let Some(report) = app.corpus.reports.get(app.report) else {
        return;
    };
    app.resume.last = Some(key(report));
    let place = Place {
        report: app.report,
        offset: app.text.cursor,
    };
    app.resume.keep(&app.corpus.reports, place);
}

/// As reports arrive: once the report open last is in, show it where the reader left it —
/// unless the reader has already gone somewhere.
pub fn restore(app: &mut App) {
    if app.resume.restored {
        return;
    }
    let moved = !app.history.back.is_empty() || app.report != 0 || app.text.cursor != 0;
    let Some(last) = app.resume.last.clone().filter(|_| !moved) else {
        app.resume.restored = moved || app.resume.last.is_none();
        return;
    };
    let Some(index) = app.corpus.reports.iter().position(|r| key(r) == last) else {
        return;
    };
    app.resume.restored = true;
    let offset = app
        .resume
        .offset_in(&app.corpus.reports[index])
        .unwrap_or(0);
    super::navigate::show(app, index, offset, true);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::fixture::{bundled_app, press};

    #[test]
    fn a_new_browser_opens_where_the_last_one_was_left() {
        let mut first = bundled_app(120, 30);
        press(&mut first, "o西平<Enter>]]jj");
        let place = (first.report, first.text.cursor);
        assert_ne!(place.0, 0);
        keep_current(&mut first);
        let saved = first.resume.to_bytes();

        let mut second = bundled_app(120, 30);
        second.resume = Resume::parse(&saved);
        restore(&mut second);
        assert_eq!((second.report, second.text.cursor), place);
        // Done once: moving on is not undone by more reports arriving.
        press(&mut second, "gg");
        restore(&mut second);
        assert_eq!(second.report, place.0);
    }

    #[test]
    fn a_report_opened_from_the_tree_opens_where_it_was_left() {
        let mut app = bundled_app(120, 30);
        press(&mut app, "]]]jj");
        let place = app.text.cursor;
        // Away to another report and back by the tree's report row.
        press(&mut app, "o西平<Enter>");
        assert_ne!(app.report, 0);
        press(&mut app, "<S-Tab>gg<Enter>");
        assert_eq!(app.report, 0);
        assert_eq!(app.text.cursor, place);
    }

    #[test]
    fn unreadable_or_stale_places_are_a_fresh_start() {
        assert_eq!(Resume::parse(b"{not json"), Resume::default());
        let app = bundled_app(120, 30);
        let report = &app.corpus.reports[0];
        let mut resume = Resume::default();
        resume.offsets.insert(key(report), report.text.len() + 10);
        assert_eq!(resume.offset_in(report), None);
    }
}
