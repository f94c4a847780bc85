//! Loading in the background, report by report, so a browser can draw its first frame at once
//! and show progress (`loading 1,204 / 2,445 reports`) with a usable tree for what has loaded.
//!
//! [`load_in_background`] lists the inputs, says how many files there are, then parses them on
//! every core and sends each report as soon as it is ready. Reports arrive in any order; each
//! carries its place in the sorted order, so a receiver can keep the same order
//! [`super::load_paths`] gives.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use rayon::prelude::*;

use super::load::{LoadError, list_inputs, load_bytes, load_file};
use super::{Report, embedded};

/// What the background loader reports, in this order: one `Started`, then any number of
/// `Report`, `Skipped` and `Error` (one `Report` or `Skipped` for each of the `total` files),
/// then one `Finished`.
#[derive(Debug)]
pub enum LoadEvent {
    /// The inputs are listed: this many files will be read (errors found while listing are sent
    /// as `Error`s right after).
    Started {
        /// The number of files to read.
        total: usize,
    },
    /// One report, ready.
    Report {
        /// Its place among the `total` files, in the sorted order.
        index: usize,
        /// The report.
        report: Box<Report>,
    },
    /// The file at this place gave no report (its `Error` is sent too), so a receiver keeping
    /// the sorted order need not wait for it.
    Skipped {
        /// Its place among the `total` files.
        index: usize,
    },
    /// An input that could not be loaded (or loaded only in part, see
    /// [`LoadError::is_partial`]).
    Error(LoadError),
    /// Every file has been read.
    Finished,
}

/// Load `paths` (the embedded reports when empty) on a background thread, sending events as
/// they happen. Dropping the receiver stops nothing already running but is harmless: sends to a
/// closed channel are ignored.
pub fn load_in_background(paths: Vec<PathBuf>) -> Receiver<LoadEvent> {
    let (sender, receiver) = channel();
    std::thread::spawn(move || run(paths, sender));
    receiver
}

fn run(paths: Vec<PathBuf>, sender: Sender<LoadEvent>) {
    if paths.is_empty() {
        let _ = sender.send(LoadEvent::Started {
            total: embedded::REPORTS.len(),
        });
        embedded::REPORTS.par_iter().enumerate().for_each_with(
            sender.clone(),
            |sender, (index, (name, bytes))| {
                send(sender, index, load_bytes(name, None, bytes.to_vec()));
            },
        );
    } else {
        let (files, errors) = list_inputs(&paths);
        let _ = sender.send(LoadEvent::Started { total: files.len() });
        for error in errors {
            let _ = sender.send(LoadEvent::Error(error));
        }
        files
            .par_iter()
            .enumerate()
            .for_each_with(sender.clone(), |sender, (index, path)| {
                send(sender, index, load_file(path));
            });
    }
    let _ = sender.send(LoadEvent::Finished);
}

fn send(sender: &Sender<LoadEvent>, index: usize, loaded: (Option<Report>, Option<LoadError>)) {
    let (report, error) = loaded;
    match report {
        Some(report) => {
            let _ = sender.send(LoadEvent::Report {
                index,
                report: Box::new(report),
            });
        }
        None => {
            let _ = sender.send(LoadEvent::Skipped { index });
        }
    }
    if let Some(error) = error {
        let _ = sender.send(LoadEvent::Error(error));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_reports_arrive_with_their_places() {
        let events: Vec<LoadEvent> = load_in_background(Vec::new()).iter().collect();
        assert!(matches!(events[0], LoadEvent::Started { total: 5 }));
        assert!(matches!(events.last(), Some(LoadEvent::Finished)));
        let mut files: Vec<(usize, String)> = events
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Report { index, report } => Some((*index, report.file.clone())),
                _ => None,
            })
            .collect();
        files.sort();
        let expected: Vec<(usize, String)> = embedded::REPORTS
            .iter()
            .enumerate()
            .map(|(i, (name, _))| (i, name.to_string()))
            .collect();
        assert_eq!(files, expected);
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
        let events: Vec<LoadEvent> = load_in_background(vec![dir.path().to_path_buf()])
            .iter()
            .collect();
        assert!(matches!(events[0], LoadEvent::Started { total: 2 }));
        let mut reports: Vec<(usize, String, usize)> = events
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Report { index, report } => {
                    Some((*index, report.file.clone(), report.sections.len()))
                }
                _ => None,
            })
            .collect();
        reports.sort();
        assert_eq!(reports.len(), 2, "{events:?}");
        assert_eq!((reports[0].0, reports[0].1.as_str()), (0, "b.htm"));
        assert_eq!(reports[0].2, 1);
        assert_eq!((reports[1].0, reports[1].1.as_str()), (1, "陕西.docx"));
        assert!(reports[1].2 > 5);
    }

    #[test]
    fn a_file_without_a_report_is_skipped_in_its_place() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a.txt"), "一、总体要求\n正文。\n").unwrap();
        std::fs::write(dir.path().join("b.txt"), b"\x00\x01\x02binary\x00").unwrap();
        std::fs::write(dir.path().join("c.txt"), "二、工作\n正文。\n").unwrap();
        let events: Vec<LoadEvent> = load_in_background(vec![dir.path().to_path_buf()])
            .iter()
            .collect();
        assert!(matches!(events[0], LoadEvent::Started { total: 3 }));
        let skipped: Vec<usize> = events
            .iter()
            .filter_map(|e| match e {
                LoadEvent::Skipped { index } => Some(*index),
                _ => None,
            })
            .collect();
        assert_eq!(skipped, [1]);
        let errors = events
            .iter()
            .filter(|e| matches!(e, LoadEvent::Error(_)))
            .count();
        assert_eq!(errors, 1);
    }
}
