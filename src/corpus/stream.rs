//! Loading in the background, report by report, so a browser can draw its first frame at once,
//! show a report's text the moment it is read, and show progress (`loading 1,204 / 2,445
//! reports`) with a usable tree for what has loaded.
//!
//! [`load_in_background`] lists the inputs, says how many files there are, then reads them on
//! every core ([`super::ordered`]) and sends the reports in their sorted order, each as soon as
//! it and those before it are read — without their metadata, whose first inference loads the
//! divisions table. Each is then completed on every core: its metadata inferred and the
//! caller's `complete` run over it (a browser extracts its figures there), and sent again.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use rayon::prelude::*;

use super::load::{complete_meta, list_inputs, load_bytes_text, load_file_text};
use super::load_error::LoadError;
use super::ordered::{Outcome, load_windows};
use super::{Metadata, Report, embedded};

/// What the background loader reports, in this order: one `Started`, then any number of
/// `Report`, `Skipped`, `Completed` and `Error` (one `Report` or `Skipped` for each of the
/// `total` files, in the files' order; one `Completed` for each `Report`, after it), then one
/// `Finished`.
#[derive(Debug)]
pub enum LoadEvent<D> {
    /// The inputs are listed: this many files will be read (errors found while listing are sent
    /// as `Error`s right after).
    Started {
        /// The number of files to read.
        total: usize,
    },
    /// One report, readable, its metadata still empty.
    Report {
        /// Its place among the reports sent (0 for the first report, whatever files gave none
        /// before it).
        index: usize,
        /// The report.
        report: Box<Report>,
    },
    /// The next file gave no report (its `Error` is sent too).
    Skipped,
    /// What the report at `index` says about itself, and what `complete` made of it.
    Completed {
        /// The report's place, as in [`LoadEvent::Report`].
        index: usize,
        /// Its metadata, the sidecar's overlaid.
        meta: Box<Metadata>,
        /// Warnings found while completing it (a sidecar that could not be used).
        warnings: Vec<String>,
        /// What the caller's `complete` returned.
        extra: D,
    },
    /// An input that could not be loaded (or loaded only in part, see
    /// [`LoadError::is_partial`]).
    Error(LoadError),
    /// Every file has been read and every report completed.
    Finished,
}

/// Load `paths` (the embedded reports when empty) on a background thread, sending events as
/// they happen; `complete` runs over each report once its metadata is in, on any core.
/// `hold` is called once, after the first report is sent and before any is completed: a
/// browser holds the loader there until that report is on screen, so that drawing it does not
/// share the cores with completing it. Dropping the receiver stops the loading.
pub fn load_in_background<D: Send + 'static>(
    paths: Vec<PathBuf>,
    complete: impl Fn(&Report) -> D + Send + Sync + 'static,
    hold: impl FnOnce() + Send + 'static,
) -> Receiver<LoadEvent<D>> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || run(paths, &complete, hold, sender));
    receiver
}

fn run<D: Send>(
    paths: Vec<PathBuf>,
    complete: &(impl Fn(&Report) -> D + Sync),
    hold: impl FnOnce(),
    sender: Sender<LoadEvent<D>>,
) {
    let mut sent = 0;
    let mut hold = Some(hold);
    let mut each_window = |_, window| send_window(window, &mut sent, complete, &mut hold, &sender);
    if paths.is_empty() {
        let _ = sender.send(LoadEvent::Started {
            total: embedded::REPORTS.len(),
        });
        load_windows(
            embedded::REPORTS,
            |(name, bytes)| load_bytes_text(name, None, bytes.to_vec()),
            &mut each_window,
        );
    } else {
        let (files, errors) = list_inputs(&paths);
        let _ = sender.send(LoadEvent::Started { total: files.len() });
        for error in errors {
            let _ = sender.send(LoadEvent::Error(error));
        }
        load_windows(&files, |path| load_file_text(path), &mut each_window);
    }
    let _ = sender.send(LoadEvent::Finished);
}

/// Send a window's reports (or skips) and errors in order, then complete the reports on every
/// core and send each as it is done; `hold`, if still there, is called before completing.
/// Breaks when nobody listens any more.
fn send_window<D: Send>(
    window: Vec<Outcome<Report>>,
    sent: &mut usize,
    complete: &(impl Fn(&Report) -> D + Sync),
    hold: &mut Option<impl FnOnce()>,
    sender: &Sender<LoadEvent<D>>,
) -> ControlFlow<()> {
    let mut to_complete = Vec::with_capacity(window.len());
    for (report, error) in window {
        let event = match report {
            Some(report) => {
                // The reader gets the report now; a copy stays to complete.
                to_complete.push((*sent, report.clone()));
                *sent += 1;
                LoadEvent::Report {
                    index: *sent - 1,
                    report: Box::new(report),
                }
            }
            None => LoadEvent::Skipped,
        };
        if sender.send(event).is_err() {
            return ControlFlow::Break(());
        }
        if let Some(error) = error {
            let _ = sender.send(LoadEvent::Error(error));
        }
    }
    // Kept past a window with no report in it (the first file unreadable): held before the
    // first completion.
    if !to_complete.is_empty()
        && let Some(hold) = hold.take()
    {
        hold();
    }
    to_complete
        .into_par_iter()
        .for_each_with(sender.clone(), |sender, (index, mut report)| {
            let known = report.warnings.len();
            complete_meta(&mut report);
            let extra = complete(&report);
            let _ = sender.send(LoadEvent::Completed {
                index,
                warnings: report.warnings.split_off(known),
                meta: Box::new(report.meta),
                extra,
            });
        });
    ControlFlow::Continue(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(paths: Vec<PathBuf>) -> Vec<LoadEvent<usize>> {
        load_in_background(paths, |report| report.text.len(), || ())
            .iter()
            .collect()
    }

    #[test]
    fn the_embedded_reports_arrive_in_order_then_complete() {
        let events = events(Vec::new());
        assert!(matches!(events[0], LoadEvent::Started { total: 5 }));
        assert!(matches!(events.last(), Some(LoadEvent::Finished)));
        let mut files = Vec::new();
        let mut completed = Vec::new();
        for event in &events {
            match event {
                LoadEvent::Report { index, report } => {
                    assert_eq!(*index, files.len(), "in order");
                    assert_eq!(report.meta, Metadata::default(), "metadata comes later");
                    files.push((report.file.clone(), report.text.len()));
                }
                LoadEvent::Completed {
                    index, meta, extra, ..
                } => {
                    assert!(*index < files.len(), "completed after it arrived");
                    assert_eq!(*extra, files[*index].1);
                    completed.push((*index, meta.region.clone(), meta.year));
                }
                _ => {}
            }
        }
        let expected: Vec<String> = embedded::REPORTS
            .iter()
            .map(|(name, _)| name.to_string())
            .collect();
        let files: Vec<String> = files.into_iter().map(|(file, _)| file).collect();
        assert_eq!(files, expected);
        completed.sort();
        let loaded = super::super::load_embedded();
        let expected: Vec<_> = loaded
            .reports
            .iter()
            .enumerate()
            .map(|(i, r)| (i, r.meta.region.clone(), r.meta.year))
            .collect();
        assert_eq!(completed, expected, "the same metadata as a whole load");
        assert!(completed.iter().all(|(_, region, _)| region.is_some()));
    }

    #[test]
    fn word_files_and_web_pages_arrive_as_reports() {
        let dir = tempfile::tempdir().unwrap();
        let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
        let word = corpus.join("provinces-2025-docx/2025年陕西省政府工作报告.docx");
        std::fs::copy(word, dir.path().join("陕西.docx")).unwrap();
        let page = "<html><body><div class=\"nav\">首页</div><p>一、总体要求</p><p>正文。</p></body></html>";
        std::fs::write(dir.path().join("b.htm"), page).unwrap();
        std::fs::write(dir.path().join("c.md"), "一、不是报告\n").unwrap();
        let events = events(vec![dir.path().to_path_buf()]);
        assert!(matches!(events[0], LoadEvent::Started { total: 2 }));
        let reports: Vec<(usize, String, usize)> = events
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Report { index, report } => {
                    Some((*index, report.file.clone(), report.sections.len()))
                }
                _ => None,
            })
            .collect();
        assert_eq!(reports.len(), 2, "{events:?}");
        assert_eq!((reports[0].0, reports[0].1.as_str()), (0, "b.htm"));
        assert_eq!(reports[0].2, 1);
        assert_eq!((reports[1].0, reports[1].1.as_str()), (1, "陕西.docx"));
        assert!(reports[1].2 > 5);
        let region = events.iter().find_map(|e| match e {
            LoadEvent::Completed { index: 1, meta, .. } => Some(meta.region.clone()),
            _ => None,
        });
        assert_eq!(region, Some(Some("陕西省".to_string())));
    }

    #[test]
    fn a_file_without_a_report_is_skipped_in_its_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "一、总体要求\n正文。\n").unwrap();
        std::fs::write(dir.path().join("b.txt"), b"\x00\x01\x02binary\x00").unwrap();
        std::fs::write(dir.path().join("c.txt"), "二、工作\n正文。\n").unwrap();
        let events = events(vec![dir.path().to_path_buf()]);
        assert!(matches!(events[0], LoadEvent::Started { total: 3 }));
        // The report of a.txt, the skip of b.txt and its error, then c.txt's report (numbered
        // 1: the second report), completions anywhere after their reports.
        let order: Vec<String> = events
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Report { index, report } => Some(format!("{index} {}", report.file)),
                LoadEvent::Skipped => Some("skipped".into()),
                LoadEvent::Error(error) => Some(format!("error {}", error.path().display())),
                _ => None,
            })
            .collect();
        let b = dir.path().join("b.txt");
        assert_eq!(
            order,
            [
                "0 a.txt".to_string(),
                "skipped".into(),
                format!("error {}", b.display()),
                "1 c.txt".into()
            ]
        );
    }

    #[test]
    fn a_sidecar_that_cannot_be_used_is_a_warning_of_its_report() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "一、总体要求\n正文。\n").unwrap();
        std::fs::write(dir.path().join("a.meta.json"), "{not json").unwrap();
        let warnings = events(vec![dir.path().to_path_buf()])
            .into_iter()
            .find_map(|e| match e {
                LoadEvent::Completed { warnings, .. } => Some(warnings),
                _ => None,
            })
            .unwrap();
        assert_eq!(warnings.len(), 1, "{warnings:?}");
        assert!(warnings[0].starts_with("sidecar metadata ignored"));
    }

    #[test]
    fn nothing_is_completed_until_the_hold_is_let_go() {
        let (release, held) = channel::<()>();
        let events = load_in_background(
            Vec::new(),
            |report| report.text.len(),
            move || {
                let _ = held.recv();
            },
        );
        let first = events
            .iter()
            .find(|e| matches!(e, LoadEvent::Report { .. }));
        assert!(first.is_some());
        // Held: more reports may come, but none is completed.
        let waited = std::time::Instant::now() + std::time::Duration::from_millis(100);
        while let Some(left) = waited.checked_duration_since(std::time::Instant::now()) {
            if let Ok(event) = events.recv_timeout(left) {
                assert!(
                    !matches!(event, LoadEvent::Completed { .. }),
                    "completed while held"
                );
            }
        }
        drop(release);
        let rest: Vec<_> = events.iter().collect();
        let completed = rest
            .iter()
            .filter(|e| matches!(e, LoadEvent::Completed { .. }))
            .count();
        assert_eq!(completed, 5);
    }
}
