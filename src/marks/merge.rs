//! Merging one instance's changes into the marks file another instance may have changed.
//!
//! Each instance remembers what the file held when it last read or wrote it (the base). On
//! saving it reads the file again and applies only its own changes to that: the marks it added,
//! edited (a note, a new place) and deleted, each by id. Marks the other instance added or
//! changed are kept; a mark one instance edited and the other deleted is kept with the edit, so
//! nothing is lost to a race.

use std::collections::HashMap;

use super::{Mark, Marks};

/// `theirs` (the file as it is now) with the changes from `base` to `ours` applied.
pub fn merge(base: &Marks, ours: &Marks, theirs: &Marks) -> Marks {
    let base_by_id: HashMap<u64, &Mark> = base.items.iter().map(|m| (m.id, m)).collect();
    let ours_by_id: HashMap<u64, &Mark> = ours.items.iter().map(|m| (m.id, m)).collect();
    let mut merged: Vec<Mark> = theirs
        .items
        .iter()
        .filter(|m| {
            // Deleted here: in the base, gone from ours, and not changed there since.
            let deleted_here = base_by_id.contains_key(&m.id) && !ours_by_id.contains_key(&m.id);
            !(deleted_here && base_by_id.get(&m.id) == Some(m))
        })
        .cloned()
        .collect();
    let mut position: HashMap<u64, usize> =
        merged.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
    for mark in &ours.items {
        let changed_here = base_by_id.get(&mark.id) != Some(&mark);
        match position.get(&mark.id) {
            Some(&at) if changed_here => merged[at] = mark.clone(),
            Some(_) => {}
            // Added here, or edited here while deleted there: either way, keep it.
            None if changed_here => {
                position.insert(mark.id, merged.len());
                merged.push(mark.clone());
            }
            // Unchanged here and deleted there: the other instance's delete stands.
            None => {}
        }
    }
    Marks { items: merged }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_embedded;

    fn ids(marks: &Marks) -> Vec<u64> {
        marks.items.iter().map(|m| m.id).collect()
    }

    #[test]
    fn both_instances_keep_their_new_marks() {
        let corpus = load_embedded();
        let report = &corpus.reports[0];
        let mut base = Marks::default();
        let kept = base.add(report, 10..20);
        let mut ours = base.clone();
        let mut theirs = base.clone();
        let a = ours.add(report, 100..130);
        let b = theirs.add(report, 200..230);
        assert_ne!(a, b);
        assert_eq!(ids(&merge(&base, &ours, &theirs)), [kept, b, a]);
    }

    #[test]
    fn deletes_and_edits_apply_by_id() {
        let corpus = load_embedded();
        let report = &corpus.reports[0];
        let mut base = Marks::default();
        let one = base.add(report, 10..20);
        let two = base.add(report, 30..40);
        let three = base.add(report, 50..60);
        let mut ours = base.clone();
        ours.remove(one);
        ours.set_note(two, "ours");
        let mut theirs = base.clone();
        theirs.set_note(three, "theirs");
        theirs.remove(two);
        let merged = merge(&base, &ours, &theirs);
        // two: edited here, deleted there: kept with the edit.
        assert_eq!(ids(&merged), [three, two]);
        assert_eq!(merged.get(two).unwrap().note, "ours");
        assert_eq!(merged.get(three).unwrap().note, "theirs");
    }

    #[test]
    fn a_mark_edited_there_and_deleted_here_is_kept() {
        let corpus = load_embedded();
        let report = &corpus.reports[0];
        let mut base = Marks::default();
        let one = base.add(report, 10..20);
        let mut ours = base.clone();
        ours.remove(one);
        let mut theirs = base.clone();
        theirs.set_note(one, "theirs");
        assert_eq!(ids(&merge(&base, &ours, &theirs)), [one]);
    }
}
