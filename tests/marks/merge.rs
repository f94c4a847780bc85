//! Two writers on one marks file, each adding, noting and deleting marks and saving in any
//! order, through the real store (lock, re-read, merge, atomic write) on a real file: no mark
//! is ever lost, none appears from nowhere, no id repeats, and every note on disk is one written for its mark (the last save wins).

use std::collections::{BTreeMap, BTreeSet};

use baogao::corpus::{Report, load_embedded};
use baogao::marks::{Marks, store};
use proptest::prelude::*;

/// One step of one writer.
#[derive(Debug, Clone)]
enum Step {
    /// Mark a passage (its start, in hundreds of bytes).
    Add(usize),
    /// Write a note on the writer's `n`-th mark (modulo how many it has).
    Note(usize),
    /// Delete the writer's `n`-th mark.
    Delete(usize),
    /// Save: merge into the file.
    Save,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        (0usize..50).prop_map(Step::Add),
        (0usize..8).prop_map(Step::Note),
        (0usize..8).prop_map(Step::Delete),
        Just(Step::Save),
    ]
}

/// A writer: what it holds and what the file held when it last read or wrote it.
struct Writer {
    base: Marks,
    ours: Marks,
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn two_writers_never_lose_a_mark(steps in prop::collection::vec((any::<bool>(), step()), 1..40)) {
        let corpus = load_embedded();
        let report: &Report = &corpus.reports[0];
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        let start = store::load(&path).unwrap().marks;
        let mut writers = [
            Writer { base: start.clone(), ours: start.clone() },
            Writer { base: start.clone(), ours: start },
        ];
        let mut added = BTreeSet::new();
        let mut deleted = BTreeSet::new();
        let mut notes: BTreeMap<u64, BTreeSet<String>> = BTreeMap::new();
        let mut counter = 0;
        let mut steps = steps;
        // Both save at the end.
        steps.push((false, Step::Save));
        steps.push((true, Step::Save));
        for (which, step) in steps {
            let writer = &mut writers[usize::from(which)];
            match step {
                Step::Add(at) => {
                    let from = (at * 100).min(report.text.len() - 40);
                    added.insert(writer.ours.add(report, from..from + 30));
                }
                Step::Note(n) if !writer.ours.items.is_empty() => {
                    let id = writer.ours.items[n % writer.ours.items.len()].id;
                    counter += 1;
                    let note = format!("note {counter}");
                    writer.ours.set_note(id, &note);
                    notes.entry(id).or_default().insert(note);
                }
                Step::Delete(n) if !writer.ours.items.is_empty() => {
                    let id = writer.ours.items[n % writer.ours.items.len()].id;
                    writer.ours.remove(id);
                    deleted.insert(id);
                }
                Step::Save => {
                    let saved = store::save_merged(&path, &writer.base, &writer.ours).unwrap();
                    writer.base = saved.marks.clone();
                    writer.ours = saved.marks;
                }
                _ => {}
            }
        }
        let on_disk = store::load(&path).unwrap().marks;
        let ids: Vec<u64> = on_disk.items.iter().map(|m| m.id).collect();
        let unique: BTreeSet<u64> = ids.iter().copied().collect();
        prop_assert_eq!(unique.len(), ids.len(), "no id twice");
        for id in added.difference(&deleted) {
            prop_assert!(unique.contains(id), "mark {} lost", id);
        }
        prop_assert!(unique.is_subset(&added), "no mark from nowhere");
        for mark in &on_disk.items {
            let written = notes.get(&mark.id);
            prop_assert!(
                written.map_or(mark.note.is_empty(), |n| n.contains(&mark.note)),
                "note {:?} of {} was never written", mark.note, mark.id
            );
        }
    }
}
