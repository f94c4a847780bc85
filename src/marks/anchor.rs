//! Finding marks again in the loaded reports.
//!
//! A mark belongs to the report at its recorded path (two reports may share a file name, e.g.
//! `2021/minquan.txt` and `2023/minquan.txt`). When that report is not loaded, a report with the
//! same text hash stands for it (a copy, or the file moved); when the path is gone from disk,
//! a report of the same file name does (preferring the one whose path shares the most trailing
//! directories). A report may be edited, re-encoded or re-collected between sessions: a mark
//! remembers its passage's text, so it follows the passage, first where it was, then the
//! occurrence nearest its old place. A mark whose passage is gone is flagged orphaned and kept,
//! never dropped.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::path::Path;

use crate::corpus::Report;

use super::{Mark, Marks, report_path, text_hash};

/// What happened to a mark when it was anchored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchoring {
    /// The passage is where it was.
    InPlace,
    /// The passage moved (the file changed); the mark now points at its new place.
    Moved,
    /// The passage cannot be found in any loaded report.
    Orphaned,
    /// The mark's report is not loaded; the mark is left untouched.
    ReportNotLoaded,
}

/// Which loaded report each mark belongs to; built once for a set of reports.
pub struct Locator<'a> {
    reports: &'a [Report],
    paths: Vec<Option<String>>,
    by_path: HashMap<String, usize>,
    by_name: HashMap<&'a str, Vec<usize>>,
    by_hash: OnceCell<HashMap<String, Vec<usize>>>,
}

impl<'a> Locator<'a> {
    /// Index `reports` by path and name (their text is hashed only if a mark needs it).
    pub fn new(reports: &'a [Report]) -> Locator<'a> {
        let paths: Vec<Option<String>> = reports.iter().map(report_path).collect();
        let by_path = paths
            .iter()
            .enumerate()
            .filter_map(|(i, p)| Some((p.clone()?, i)))
            .collect();
        let mut by_name: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, report) in reports.iter().enumerate() {
            by_name.entry(report.file.as_str()).or_default().push(i);
        }
        Locator {
            reports,
            paths,
            by_path,
            by_name,
            by_hash: OnceCell::new(),
        }
    }

    /// The index of the report `mark` belongs to, if it is loaded.
    pub fn locate(&self, mark: &Mark) -> Option<usize> {
        if let Some(&index) = mark.path.as_ref().and_then(|p| self.by_path.get(p)) {
            return Some(index);
        }
        let hashes = self.by_hash.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>> = HashMap::new();
            for (i, report) in self.reports.iter().enumerate() {
                map.entry(text_hash(&report.text)).or_default().push(i);
            }
            map
        });
        if let Some(same) = hashes.get(&mark.text_hash) {
            return self.closest(mark, same);
        }
        let path_gone = mark.path.as_ref().is_none_or(|p| !Path::new(p).exists());
        if !path_gone {
            return None;
        }
        self.by_name
            .get(mark.file.as_str())
            .and_then(|same| self.closest(mark, same))
    }

    /// Of `candidates`, the report whose path ends in the most of the mark's path's components.
    fn closest(&self, mark: &Mark, candidates: &[usize]) -> Option<usize> {
        let Some(marked) = &mark.path else {
            return candidates.first().copied();
        };
        let shared = |i: usize| {
            self.paths[i].as_ref().map_or(0, |p| {
                Path::new(p)
                    .components()
                    .rev()
                    .zip(Path::new(marked).components().rev())
                    .take_while(|(a, b)| a == b)
                    .count()
            })
        };
        // The first of the best, in load order.
        candidates
            .iter()
            .copied()
            .max_by_key(|&i| (shared(i), std::cmp::Reverse(i)))
    }

    /// Find `mark` in its report, updating its place; returns what happened and the report's
    /// index. A mark found through another path than its own, whose own path is gone, takes
    /// the new report's name and path.
    pub fn anchor(&self, mark: &mut Mark) -> (Anchoring, Option<usize>) {
        let Some(index) = self.locate(mark) else {
            return (Anchoring::ReportNotLoaded, None);
        };
        let found_elsewhere = mark.path != self.paths[index];
        let own_gone = mark.path.as_ref().is_none_or(|p| !Path::new(p).exists());
        if found_elsewhere && own_gone && self.paths[index].is_some() {
            mark.path = self.paths[index].clone();
            mark.file = self.reports[index].file.clone();
        }
        (anchor_in(mark, &self.reports[index]), Some(index))
    }
}

/// Find `mark` in `reports`, updating its place; returns what happened and the index of the
/// report it belongs to, if loaded.
pub fn anchor(mark: &mut Mark, reports: &[Report]) -> (Anchoring, Option<usize>) {
    Locator::new(reports).anchor(mark)
}

/// Find `mark` in `report`, the report it belongs to, updating its place.
pub fn anchor_in(mark: &mut Mark, report: &Report) -> Anchoring {
    if report.text.get(mark.start..mark.end) == Some(mark.text.as_str()) {
        mark.place(report, mark.start..mark.end);
        return Anchoring::InPlace;
    }
    match nearest_occurrence(&report.text, &mark.text, mark.start) {
        Some(start) => {
            mark.place(report, start..start + mark.text.len());
            Anchoring::Moved
        }
        None => {
            mark.orphaned = true;
            Anchoring::Orphaned
        }
    }
}

/// What anchoring a set of marks did.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Anchored {
    /// How many marks moved with their edited report.
    pub moved: usize,
    /// How many marks' passages are gone.
    pub orphaned: usize,
    /// Each mark whose report is loaded, by id, with that report's index.
    pub placed: Vec<(u64, usize)>,
}

/// Anchor every mark.
pub fn anchor_all(marks: &mut Marks, reports: &[Report]) -> Anchored {
    anchor_each(marks.items.iter_mut(), reports)
}

/// [`anchor_all`] for some of the marks only.
pub fn anchor_each<'a>(
    marks: impl IntoIterator<Item = &'a mut Mark>,
    reports: &[Report],
) -> Anchored {
    let locator = Locator::new(reports);
    let mut anchored = Anchored::default();
    for mark in marks {
        let (outcome, index) = locator.anchor(mark);
        match outcome {
            Anchoring::Moved => anchored.moved += 1,
            Anchoring::Orphaned => anchored.orphaned += 1,
            Anchoring::InPlace | Anchoring::ReportNotLoaded => {}
        }
        if let Some(index) = index {
            anchored.placed.push((mark.id, index));
        }
    }
    anchored
}

fn nearest_occurrence(text: &str, passage: &str, old_start: usize) -> Option<usize> {
    if passage.is_empty() {
        return None;
    }
    text.match_indices(passage)
        .map(|(start, _)| start)
        .min_by_key(|start| start.abs_diff(old_start))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::embedded;
    use crate::corpus::parse_report;

    fn mark_on(report: &Report, passage: &str) -> Mark {
        let start = report.text.find(passage).unwrap();
        Mark::new(1, report, start..start + passage.len())
    }

    #[test]
    fn an_unchanged_report_keeps_the_mark_in_place() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut mark = mark_on(&report, "规模以上工业增加值同比增长6.9%");
        let before = mark.clone();
        assert_eq!(anchor(&mut mark, &[report]), (Anchoring::InPlace, Some(0)));
        assert_eq!(mark, before);
    }

    #[test]
    fn an_edited_report_moves_the_mark_with_its_passage() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut mark = mark_on(&report, "规模以上工业增加值同比增长6.9%");
        let edited = format!("新增的一行\n\n{}", report.text);
        let edited = parse_report(&report.file, None, &edited);
        assert_eq!(
            anchor(&mut mark, std::slice::from_ref(&edited)).0,
            Anchoring::Moved
        );
        assert_eq!(&edited.text[mark.span()], "规模以上工业增加值同比增长6.9%");
        assert_eq!(mark.line_start, 10);
        assert_eq!(mark.text_hash, text_hash(&edited.text));
    }

    #[test]
    fn a_vanished_passage_orphans_the_mark_but_keeps_it() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut mark = mark_on(&report, "规模以上工业增加值同比增长6.9%");
        let edited = report.text.replace("6.9%", "7.0%");
        let edited = parse_report(&report.file, None, &edited);
        let mut marks = Marks {
            items: vec![mark.clone()],
        };
        assert_eq!(
            anchor(&mut mark, std::slice::from_ref(&edited)).0,
            Anchoring::Orphaned
        );
        assert!(mark.orphaned);
        assert_eq!(mark.text, "规模以上工业增加值同比增长6.9%");
        let anchored = anchor_all(&mut marks, &[edited]);
        assert_eq!((anchored.moved, anchored.orphaned), (0, 1));
        assert_eq!(marks.items.len(), 1);
    }

    #[test]
    fn a_renamed_file_is_found_by_its_hash() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut mark = mark_on(&report, "规模以上工业增加值同比增长6.9%");
        let mut renamed = report.clone();
        renamed.file = "renamed.txt".into();
        assert_eq!(anchor(&mut mark, &[renamed]), (Anchoring::InPlace, Some(0)));
    }

    #[test]
    fn a_report_not_loaded_leaves_the_mark_alone() {
        let report = embedded::report("minquan-2023.txt").unwrap();
        let mut mark = mark_on(&report, "规模以上工业增加值同比增长6.9%");
        let before = mark.clone();
        let other = parse_report("other.txt", None, "一、别的报告\n内容");
        assert_eq!(
            anchor(&mut mark, &[other]),
            (Anchoring::ReportNotLoaded, None)
        );
        assert_eq!(mark, before);
    }
}
