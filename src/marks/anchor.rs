//! Finding marks again in the loaded reports.
//!
//! A report file may be edited, re-encoded or re-collected between sessions. A mark remembers
//! its passage's text, so it follows the passage: first where it was, then the occurrence
//! nearest its old place in the same file, then in any report with the same text hash. A mark
//! whose passage is gone is flagged orphaned and kept, never dropped.

use std::collections::HashMap;

use crate::corpus::Report;

use super::{Mark, Marks, text_hash};

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

/// Find `mark` in `reports`, updating its place; returns what happened and the index of the
/// report it belongs to, if loaded.
pub fn anchor(mark: &mut Mark, reports: &[Report]) -> (Anchoring, Option<usize>) {
    let same_file = reports.iter().position(|r| r.file == mark.file);
    let Some(index) = same_file.or_else(|| {
        reports
            .iter()
            .position(|r| text_hash(&r.text) == mark.text_hash)
    }) else {
        return (Anchoring::ReportNotLoaded, None);
    };
    (anchor_in(mark, &reports[index]), Some(index))
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

/// Anchor every mark; returns how many moved and how many are orphaned. Each report's text
/// is hashed at most once, and only if a mark's file is not loaded under its name.
pub fn anchor_all(marks: &mut Marks, reports: &[Report]) -> (usize, usize) {
    anchor_each(marks.items.iter_mut(), reports)
}

/// [`anchor_all`] for some of the marks only.
pub fn anchor_each<'a>(
    marks: impl IntoIterator<Item = &'a mut Mark>,
    reports: &[Report],
) -> (usize, usize) {
    let by_file: HashMap<&str, usize> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| (r.file.as_str(), i))
        .collect();
    let mut by_hash: Option<HashMap<String, usize>> = None;
    let (mut moved, mut orphaned) = (0, 0);
    for mark in marks {
        let index = by_file.get(mark.file.as_str()).copied().or_else(|| {
            let hashes = by_hash.get_or_insert_with(|| {
                reports
                    .iter()
                    .enumerate()
                    .map(|(i, r)| (text_hash(&r.text), i))
                    .collect()
            });
            hashes.get(&mark.text_hash).copied()
        });
        let Some(index) = index else {
            continue;
        };
        match anchor_in(mark, &reports[index]) {
            Anchoring::Moved => moved += 1,
            Anchoring::Orphaned => orphaned += 1,
            Anchoring::InPlace | Anchoring::ReportNotLoaded => {}
        }
    }
    (moved, orphaned)
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
        assert_eq!(anchor_all(&mut marks, &[edited]), (0, 1));
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
