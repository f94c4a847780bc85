//! Loading while the browser runs: the first frame is drawn at once and the tree fills in as
//! reports arrive, the status bar counting them (`loading 1,204 / 2,445 reports`).
//!
//! [`start`] runs the corpus loader in the background ([`load_in_background`]): each report
//! arrives, in the sorted order, the moment it is read, so its text is on screen before
//! anything else is done with it; its metadata and figures follow, extracted on every core
//! (the figures panel says `reading figures…` meanwhile). [`receive`] is the update for what
//! arrives: reports join the corpus in order, so indices never shift under the reader, and
//! marks are placed as their reports come in.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::Duration;

use super::{App, Effect, Message, marks, tree};
use crate::corpus::{LoadEvent, Report, load_in_background};
use crate::figures::{self, Figure};
use crate::marks::anchor;

/// What the background loading sends the browser: [`LoadEvent`]s whose completion carries
/// the report's figures, sorted by position.
pub type Arrival = LoadEvent<Vec<Figure>>;

/// How long the loader waits for the first frame before it completes reports anyway.
const FIRST_FRAME_PATIENCE: Duration = Duration::from_millis(100);

/// Load `paths` (the bundled reports when empty) in the background. Reports are completed
/// (metadata, figures) only once the returned [`FirstFrame`] says the first is on screen.
pub fn start(paths: Vec<PathBuf>) -> (Receiver<Arrival>, FirstFrame) {
    let (drawn, first_frame) = channel::<()>();
    let arrivals = load_in_background(
        paths,
        |report| {
            let mut found = figures::extract(report);
            found.sort_by_key(|f| (f.span.start, f.span.end));
            found
        },
        move || {
            let _ = first_frame.recv_timeout(FIRST_FRAME_PATIENCE);
        },
    );
    (arrivals, FirstFrame(Some(drawn)))
}

/// Tells the loader that the first report is on screen, so it may go on to complete the
/// reports: until then their metadata and figures would take the cores from the first frame
/// (on two cores, it came ~0.5 ms later). Dropped, it tells the same.
#[derive(Debug)]
pub struct FirstFrame(Option<Sender<()>>);

impl FirstFrame {
    /// The first frame with a report is drawn.
    pub fn drawn(&mut self) {
        self.0 = None;
    }
}

/// How far loading has got.
#[derive(Debug, Default)]
pub struct Progress {
    /// Files to read, once known.
    pub total: Option<usize>,
    /// Files read so far (with or without a report).
    pub done: usize,
    /// Reports whose metadata and figures are still being read.
    awaiting: BTreeSet<usize>,
    /// How many reports the browser had before loading began: the loader's first report
    /// joins at this place.
    base: usize,
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

/// Whether the figures of report `index` are still being read (the panel says so).
pub fn awaiting_figures(app: &App, index: usize) -> bool {
    app.loading
        .as_ref()
        .is_some_and(|progress| progress.awaiting.contains(&index))
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
        base: app.corpus.reports.len(),
        ..Progress::default()
    });
}

/// Take in what has arrived. Returns the effects to perform (saving marks that moved).
pub fn receive(app: &mut App, arrivals: impl IntoIterator<Item = Arrival>) -> Vec<Effect> {
    let Some(mut progress) = app.loading.take() else {
        return Vec::new();
    };
    let mut finished = false;
    let mut named = false;
    let first_new = app.corpus.reports.len();
    for arrival in arrivals {
        match arrival {
            Arrival::Started { total } => progress.total = Some(total),
            Arrival::Report { report, .. } => {
                // Reports come in order: each joins at the next place.
                progress.done += 1;
                progress.awaiting.insert(app.corpus.reports.len());
                let expand = tree::starts_expanded(app.corpus.reports.len(), progress.total);
                add(app, *report, expand);
            }
            Arrival::Skipped => progress.done += 1,
            Arrival::Completed {
                index,
                meta,
                warnings,
                extra,
            } => {
                let index = progress.base + index;
                progress.awaiting.remove(&index);
                complete(app, index, *meta, warnings, extra);
                named = true;
            }
            Arrival::Error(error) => app.load_errors.push(error),
            Arrival::Finished => finished = true,
        }
    }
    if app.corpus.reports.len() > first_new {
        app.tree.rebuild(&app.corpus.reports);
        place_marks(app, &mut progress, first_new);
    }
    if named {
        // The tree's names are the labels, which the metadata just gave.
        app.tree.titles = tree::distinct_titles(&app.corpus.reports);
    }
    let mut effects = Vec::new();
    if finished {
        effects = finish(app, progress);
    } else {
        app.loading = Some(progress);
    }
    // The first report to arrive goes on screen at once: only what the first frame shows of
    // it is laid out now, the rest at the next update.
    app.first_screen_only = first_new == 0 && !app.corpus.reports.is_empty();
    super::resume::restore(app);
    if finished {
        // The report left last is not among these: nothing to wait for.
        app.resume.restored = true;
    }
    app.sync();
    app.first_screen_only = false;
    effects
}

/// A report joins the corpus, its figures to come.
fn add(app: &mut App, report: Report, expand: bool) {
    let index = app.corpus.reports.len();
    app.figure_counts.push(vec![0; report.sections.len() + 1]);
    if expand {
        app.tree.expanded.insert(super::TreeNode {
            report: index,
            section: None,
        });
    }
    app.corpus.reports.push(report);
    app.figures.push(Vec::new());
}

/// The metadata and figures of report `index` are in.
fn complete(
    app: &mut App,
    index: usize,
    meta: crate::corpus::Metadata,
    warnings: Vec<String>,
    mut figures: Vec<Figure>,
) {
    let Some(report) = app.corpus.reports.get_mut(index) else {
        return;
    };
    report.meta = meta;
    report.warnings.extend(warnings);
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
    app.figure_counts[index] = tree::figure_counts(&app.corpus.reports[index], &figures);
    app.figures[index] = figures;
    app.relayout(index);
    if index == app.report {
        app.figures_view.listed_for = None;
    }
    // The go-to lists labels, which the metadata just named.
    app.goto.relist();
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
    use crate::app::layout::TextLayout;
    use crate::app::{Action, Pane, update};
    use crate::corpus::{Corpus, load_embedded};

    fn empty_app() -> App {
        App::with_figures(Corpus::default(), Vec::new(), 120, 30)
    }

    fn arrivals() -> Vec<Arrival> {
        start(Vec::new()).0.iter().collect()
    }

    #[test]
    fn reports_join_in_order_and_their_figures_fill_in() {
        let all = arrivals();
        assert!(matches!(all.last(), Some(Arrival::Finished)));
        let mut app = empty_app();
        begin(&mut app);
        let (mut reports, mut completions) = (0, 0);
        for arrival in all {
            match &arrival {
                Arrival::Report { .. } => reports += 1,
                Arrival::Completed { .. } => completions += 1,
                _ => {}
            }
            receive(&mut app, [arrival]);
            if app.loading.is_some() {
                assert_eq!(app.corpus.reports.len(), reports);
                // Those not yet completed have no figures and no metadata yet.
                let waiting = (0..reports).filter(|&i| awaiting_figures(&app, i)).count();
                assert_eq!(waiting, reports - completions);
                for i in (0..reports).filter(|&i| awaiting_figures(&app, i)) {
                    assert!(app.figures[i].is_empty());
                    assert_eq!(app.corpus.reports[i].meta.region, None);
                }
            }
        }
        assert!(app.loading.is_none());
        let files: Vec<&str> = app.corpus.reports.iter().map(|r| r.file.as_str()).collect();
        let expected = load_embedded();
        let names: Vec<&str> = expected.reports.iter().map(|r| r.file.as_str()).collect();
        assert_eq!(files, names);
        for (got, want) in app.corpus.reports.iter().zip(&expected.reports) {
            assert_eq!(got.meta, want.meta, "{}", want.file);
            assert_eq!(got.warnings, want.warnings, "{}", want.file);
        }
        assert_eq!(app.tree.rows.iter().filter(|r| r.depth == 0).count(), 5);
        // The tree names each report by its label once its metadata is in.
        let labels: Vec<String> = expected.reports.iter().map(|r| r.label()).collect();
        assert_eq!(app.tree.titles, labels);
        assert_eq!(app.figures.len(), 5);
        for (i, report) in expected.reports.iter().enumerate() {
            let mut want = figures::extract(report);
            want.sort_by_key(|f| (f.span.start, f.span.end));
            assert_eq!(app.figures[i].len(), want.len(), "{}", report.file);
            assert!(!want.is_empty());
            assert_eq!(app.figure_counts[i], tree::figure_counts(report, &want));
        }
    }

    /// A browser that has received `Started` and the first report only, and the arrivals left.
    fn with_the_first_report_only() -> (App, Vec<Arrival>) {
        let mut all = arrivals();
        let mut app = empty_app();
        begin(&mut app);
        let first = all
            .iter()
            .position(|a| matches!(a, Arrival::Report { index: 0, .. }))
            .unwrap();
        let report = all.remove(first);
        receive(&mut app, [all.remove(0), report]);
        (app, all)
    }

    #[test]
    fn the_first_report_is_readable_before_its_figures_arrive() {
        // Started, then only the first report: its text, not yet its figures.
        let (mut app, mut all) = with_the_first_report_only();
        assert_eq!(app.corpus.reports.len(), 1);
        assert!(app.layout().is_some_and(|l| !l.is_empty()));
        assert!(awaiting_figures(&app, 0));
        assert!(app.current_figures().is_empty());
        assert_eq!(
            app.loading.as_ref().unwrap().label(),
            "loading 1 / 5 reports"
        );
        // Then its completion: the figures panel lists them.
        let completed = all
            .iter()
            .position(|a| matches!(a, Arrival::Completed { index: 0, .. }))
            .unwrap();
        receive(&mut app, [all.remove(completed)]);
        assert!(!awaiting_figures(&app, 0));
        assert!(!app.current_figures().is_empty());
        assert!(!app.figures_view.rows.is_empty(), "the panel is refilled");
        // Laid out again with its figures, which are never broken across lines.
        let fresh = App::with_figures(load_embedded(), app.figures.clone(), 120, 30);
        let rows = |app: &App| {
            let layout = app.layout().unwrap();
            (0..layout.len().min(200))
                .map(|row| layout.offset_of(row))
                .collect::<Vec<_>>()
        };
        assert_eq!(rows(&app), rows(&fresh));
        assert!(app.corpus.reports[0].meta.region.is_some());
    }

    #[test]
    fn the_first_report_is_laid_out_only_for_the_first_frame_then_whole() {
        let (mut app, _) = with_the_first_report_only();
        let height = app.panes.inner_height(Pane::Text);
        let layout = app.layout().unwrap();
        assert!(!layout.complete);
        assert!(layout.len() > height);
        assert!(layout.len() < 3 * height, "{} rows", layout.len());
        let whole = TextLayout::build(&app.corpus.reports[0], &[], layout.width);
        assert_eq!(layout.lines[..], whole.lines[..layout.len()]);
        // The scroll bar and the percentage read the whole report's rows, estimated.
        let estimate = layout.rows_estimate as f64 / whole.len() as f64;
        assert!((0.5..2.0).contains(&estimate), "{estimate}");
        // Any action sees it whole.
        update(&mut app, Action::PageDown);
        assert!(app.layout().unwrap().complete);
        assert_eq!(app.layout().unwrap().lines, whole.lines);
        assert_eq!(app.text.top, height);
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
