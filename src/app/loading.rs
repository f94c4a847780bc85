//! Loading while the browser runs: the first frame is drawn at once and the tree fills in as
//! reports arrive, the status bar counting them (`loading 1,204 / 2,445 reports`).
//!
//! [`start`] runs the corpus loader in the background and extracts each report's figures on
//! every core as it arrives. [`receive`] is the update for what arrives: reports join the
//! corpus in their sorted order (one that arrives early waits for those before it), so indices
//! never shift under the reader, and marks are placed as their reports come in.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::{App, Effect, Message, marks, tree};
use crate::corpus::{LoadError, LoadEvent, Report, load_in_background};
use crate::figures::{self, Figure};
use crate::marks::anchor;

/// What the background loading sends the browser.
#[derive(Debug)]
pub enum Arrival {
    /// This many files will be read.
    Started {
        /// The number of files.
        total: usize,
    },
    /// A report and its figures (sorted by position), for place `index` of the sorted order.
    Report {
        /// Its place among the files.
        index: usize,
        /// The report.
        report: Box<Report>,
        /// Its figures.
        figures: Vec<Figure>,
    },
    /// The file at `index` gave no report.
    Skipped {
        /// Its place among the files.
        index: usize,
    },
    /// A file that could not be loaded, or only in part.
    Error(LoadError),
    /// Everything has arrived.
    Finished,
}

/// Load `paths` (the bundled reports when empty) in the background.
pub fn start(paths: Vec<PathBuf>) -> Receiver<Arrival> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || extract_as_they_come(load_in_background(paths), sender));
    receiver
}

fn extract_as_they_come(events: Receiver<LoadEvent>, sender: Sender<Arrival>) {
    // Extraction runs on the loader's thread pool; this thread only forwards, so it never holds
    // a pool thread while it waits. Each extraction says when it is done, so `Finished` is
    // sent only after every report.
    let (done, extracted) = channel();
    let mut spawned = 0;
    for event in events {
        let arrival = match event {
            LoadEvent::Started { total } => Arrival::Started { total },
            LoadEvent::Skipped { index } => Arrival::Skipped { index },
            LoadEvent::Error(error) => Arrival::Error(error),
            LoadEvent::Finished => break,
            LoadEvent::Report { index, report } => {
                let (sender, done) = (sender.clone(), done.clone());
                spawned += 1;
                rayon::spawn(move || {
                    let mut found = figures::extract(&report);
                    found.sort_by_key(|f| (f.span.start, f.span.end));
                    let _ = sender.send(Arrival::Report {
                        index,
                        report,
                        figures: found,
                    });
                    let _ = done.send(());
                });
                continue;
            }
        };
        let _ = sender.send(arrival);
    }
    for _ in 0..spawned {
        let _ = extracted.recv();
    }
    let _ = sender.send(Arrival::Finished);
}

/// A report that has arrived, with its figures.
type Ready = (Box<Report>, Vec<Figure>);

/// How far loading has got.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read, once known.
    pub total: Option<usize>,
    /// Files read so far (with or without a report).
    pub done: usize,
    /// The next place in the sorted order to join the corpus.
    next: usize,
    /// Arrivals waiting for the places before them.
    waiting: BTreeMap<usize, Option<Ready>>,
    /// Marks not yet found in any report.
    unplaced: HashSet<u64>,
    /// Marks moved or orphaned when their report came in.
    moved: usize,
    orphaned: usize,
}

impl Progress {
    /// `loading 1,204 / 2,445 reports`.
    pub fn label(&self) -> String {
        match self.total {
            Some(total) => format!(
                "loading {} / {} reports",
                thousands(self.done),
                thousands(total)
            ),
            None => "loading…".into(),
        }
    }
}

/// `2445` as `2,445`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Mark the browser as loading: the marks it has now are placed as their reports arrive.
pub fn begin(app: &mut App) {
    app.loading = Some(Progress {
        unplaced: app.marks.all.items.iter().map(|m| m.id).collect(),
        ..Progress::default()
    });
}

/// Take in what has arrived. Returns the effects to perform (saving marks that moved).
pub fn receive(app: &mut App, arrivals: impl IntoIterator<Item = Arrival>) -> Vec<Effect> {
    let Some(mut progress) = app.loading.take() else {
        return Vec::new();
    };
    let mut finished = false;
    for arrival in arrivals {
        match arrival {
            Arrival::Started { total } => progress.total = Some(total),
            Arrival::Report {
                index,
                report,
                figures,
            } => {
                progress.done += 1;
                progress.waiting.insert(index, Some((report, figures)));
            }
            Arrival::Skipped { index } => {
                progress.done += 1;
                progress.waiting.insert(index, None);
            }
            Arrival::Error(error) => app.load_errors.push(error),
            Arrival::Finished => finished = true,
        }
    }
    let first_new = app.corpus.reports.len();
    while let Some(entry) = progress.waiting.remove(&progress.next) {
        progress.next += 1;
        if let Some((report, figures)) = entry {
            let expand = tree::starts_expanded(app.corpus.reports.len(), progress.total);
            add(app, *report, figures, expand);
        }
    }
    if app.corpus.reports.len() > first_new {
        app.tree.rebuild(&app.corpus.reports);
        place_marks(app, &mut progress, first_new);
    }
    let mut effects = Vec::new();
    if finished {
        // Whatever is still waiting (a place never reported) joins now, in order.
        for (report, figures) in std::mem::take(&mut progress.waiting)
            .into_values()
            .flatten()
        {
            let expand = tree::starts_expanded(app.corpus.reports.len(), progress.total);
            add(app, *report, figures, expand);
        }
        app.tree.rebuild(&app.corpus.reports);
        effects = finish(app, progress);
    } else {
        app.loading = Some(progress);
    }
    super::resume::restore(app);
    if finished {
        // The report left last is not among these: nothing to wait for.
        app.resume.restored = true;
    }
    app.sync();
    effects
}

fn add(app: &mut App, report: Report, mut figures: Vec<Figure>, expand: bool) {
    // Kept for the whole session: no room left over from growing the list.
    figures.shrink_to_fit();
    // Reports name the same indicators over and over: one string each for the whole corpus.
    for name in figures.iter_mut().filter_map(|f| f.indicator.as_mut()) {
        match app.indicator_names.get(name) {
            Some(shared) => *name = std::sync::Arc::clone(shared),
            None => {
                app.indicator_names.insert(std::sync::Arc::clone(name));
            }
        }
    }
    let index = app.corpus.reports.len();
    app.figure_counts
        .push(tree::figure_counts(&report, &figures));
    if expand {
        app.tree.expanded.insert(super::TreeNode {
            report: index,
            section: None,
        });
    }
    app.corpus.reports.push(report);
    app.figures.push(figures);
}

/// Place the marks of reports `first_new..` whose path is one of theirs; the others wait for
/// every report (see [`finish`]), since a report of the same name may still arrive.
fn place_marks(app: &mut App, progress: &mut Progress, first_new: usize) {
    let new = &app.corpus.reports[first_new..];
    let paths: HashMap<String, usize> = new
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((crate::marks::report_path(r)?, first_new + i)))
        .collect();
    for mark in &mut app.marks.all.items {
        if !progress.unplaced.contains(&mark.id) {
            continue;
        }
        let Some(&index) = mark.path.as_ref().and_then(|p| paths.get(p)) else {
            continue;
        };
        progress.unplaced.remove(&mark.id);
        app.marks.placed.insert(mark.id, index);
        match anchor::anchor_in(mark, &app.corpus.reports[index]) {
            anchor::Anchoring::Moved => progress.moved += 1,
            anchor::Anchoring::Orphaned => progress.orphaned += 1,
            _ => {}
        }
    }
    marks::reindex(app);
}

/// Everything is in: marks of renamed files are looked for by their text, the reader is told
/// what could not be loaded and what happened to the marks.
fn finish(app: &mut App, progress: Progress) -> Vec<Effect> {
    let (mut moved, mut orphaned) = (progress.moved, progress.orphaned);
    if !progress.unplaced.is_empty() {
        let unplaced = app
            .marks
            .all
            .items
            .iter_mut()
            .filter(|m| progress.unplaced.contains(&m.id));
        let anchored = anchor::anchor_each(unplaced, &app.corpus.reports);
        (moved, orphaned) = (moved + anchored.moved, orphaned + anchored.orphaned);
        app.marks.placed.extend(anchored.placed);
        marks::reindex(app);
    }
    if !app.load_errors.is_empty() {
        let first = &app.load_errors[0];
        app.message = Some(Message {
            text: format!(
                "{} could not be loaded (listed on stderr when you quit); first: {first}",
                match app.load_errors.len() {
                    1 => "1 file".to_string(),
                    n => format!("{n} files"),
                }
            ),
            is_error: true,
        });
    } else if moved + orphaned > 0 {
        app.message = Some(Message {
            text: format!(
                "{moved} marks moved with their edited report; {orphaned} orphaned (their \
                 passage is gone; kept in M)"
            ),
            is_error: orphaned > 0,
        });
    }
    if moved + orphaned > 0 {
        vec![Effect::SaveMarks]
    } else {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, load_embedded};

    fn empty_app() -> App {
        App::with_figures(Corpus::default(), Vec::new(), 120, 30)
    }

    fn arrivals() -> Vec<Arrival> {
        start(Vec::new()).iter().collect()
    }

    #[test]
    fn reports_join_in_sorted_order_whatever_order_they_arrive_in() {
        let mut all = arrivals();
        assert!(matches!(all.last(), Some(Arrival::Finished)));
        let finished = all.pop().unwrap();
        // Deliver the reports back to front, one at a time.
        let started = all.remove(0);
        let place = |a: &Arrival| match a {
            Arrival::Report { index, .. } | Arrival::Skipped { index } => *index,
            _ => usize::MAX,
        };
        all.sort_by_key(|a| std::cmp::Reverse(place(a)));
        let mut app = empty_app();
        begin(&mut app);
        receive(&mut app, [started]);
        assert_eq!(
            app.loading.as_ref().unwrap().label(),
            "loading 0 / 5 reports"
        );
        let count = all.len();
        for (i, arrival) in all.into_iter().enumerate() {
            receive(&mut app, [arrival]);
            let expected = if i + 1 == count { 5 } else { 0 };
            assert_eq!(app.corpus.reports.len(), expected, "waits for the first");
        }
        receive(&mut app, [finished]);
        assert!(app.loading.is_none());
        let files: Vec<&str> = app.corpus.reports.iter().map(|r| r.file.as_str()).collect();
        let expected = load_embedded();
        let expected: Vec<&str> = expected.reports.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, expected);
        assert_eq!(app.tree.rows.iter().filter(|r| r.depth == 0).count(), 5);
        assert_eq!(app.figures.len(), 5);
        assert!(app.figures.iter().all(|f| !f.is_empty()));
    }

    #[test]
    fn the_first_report_is_readable_before_the_rest_arrive() {
        let mut all = arrivals();
        all.retain(|a| !matches!(a, Arrival::Finished));
        let mut app = empty_app();
        begin(&mut app);
        // Started, then only the report in the first place.
        let first = all
            .iter()
            .position(|a| matches!(a, Arrival::Report { index: 0, .. }))
            .unwrap();
        let report = all.remove(first);
        receive(&mut app, [all.remove(0), report]);
        assert_eq!(app.corpus.reports.len(), 1);
        assert!(app.layout().is_some_and(|l| !l.is_empty()));
        assert_eq!(
            app.loading.as_ref().unwrap().label(),
            "loading 1 / 5 reports"
        );
    }

    #[test]
    fn marks_are_placed_as_their_reports_arrive() {
        let corpus = load_embedded();
        let target = &corpus.reports[3];
        let start_at = target.text.find("。").unwrap() + "。".len();
        let mut app = empty_app();
        app.marks.all.add(target, start_at..start_at + 12);
        app.marks.all.items[0].start += 3;
        app.marks.all.items[0].end += 3;
        begin(&mut app);
        let effects = receive(&mut app, arrivals());
        let mark = &app.marks.all.items[0];
        assert_eq!(mark.start, start_at, "moved back onto its passage");
        assert_eq!(app.marks.count(3, None), 1);
        assert_eq!(effects, [Effect::SaveMarks]);
    }

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(7), "7");
        assert_eq!(thousands(1204), "1,204");
        assert_eq!(thousands(2_445_000), "2,445,000");
    }
}
