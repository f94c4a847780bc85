//! Mark identifiers: unique across instances sharing one marks file, and made unique again when
//! a file (written by an older version, or by hand) repeats one.
//!
//! A new id is the time in seconds in the high 32 bits and 32 random bits below, so two
//! instances marking in the same second still almost never agree, and later marks still sort
//! after earlier ones. Old files' small sequential ids stay as they are.

use std::collections::HashSet;
use std::time::{SystemTime, UNIX_EPOCH};

use super::Mark;

/// An id that `taken` says is free: the time and random bits, stepped until free.
pub fn fresh(taken: impl Fn(u64) -> bool) -> u64 {
    let seconds = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let mut id = ((seconds & 0xFFFF_FFFF) << 32) | u64::from(random_u32());
    while id == 0 || taken(id) {
        id = id.wrapping_add(1);
    }
    id
}

/// 32 random bits from the operating system; the clock and process id should it have none.
pub fn random_u32() -> u32 {
    getrandom::u32().unwrap_or_else(|_| {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        nanos ^ std::process::id().rotate_left(16)
    })
}

/// Give every mark whose id an earlier mark already has a new one. The new id depends only on
/// the mark and the file's content, so two instances reading the same file agree on it (and a
/// merge sees the same marks in both).
pub fn dedupe(marks: &mut [Mark]) -> usize {
    let mut seen: HashSet<u64> = HashSet::with_capacity(marks.len());
    let mut all: HashSet<u64> = marks.iter().map(|m| m.id).collect();
    let mut changed = 0;
    for (index, mark) in marks.iter_mut().enumerate() {
        if seen.insert(mark.id) {
            continue;
        }
        let mut id = derived(mark, index);
        while id == 0 || all.contains(&id) {
            id = id.wrapping_add(1);
        }
        mark.id = id;
        all.insert(id);
        seen.insert(id);
        changed += 1;
    }
    changed
}

/// A deterministic id for a mark that repeats another's (FNV-1a over what makes it itself).
fn derived(mark: &Mark, index: usize) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    };
    feed(&mark.id.to_le_bytes());
    feed(&index.to_le_bytes());
    feed(mark.file.as_bytes());
    feed(&mark.start.to_le_bytes());
    feed(mark.created.as_bytes());
    feed(mark.text.as_bytes());
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_embedded;
    use crate::marks::Marks;

    #[test]
    fn fresh_ids_differ_and_avoid_taken_ones() {
        let a = fresh(|_| false);
        let b = fresh(|_| false);
        assert_ne!(a, b);
        assert_eq!(fresh(|id| id % 2 == 0) % 2, 1);
    }

    #[test]
    fn repeated_ids_are_renumbered_the_same_way_every_time() {
        let corpus = load_embedded();
        let mut marks = Marks::default();
        marks.add(&corpus.reports[0], 100..130);
        marks.add(&corpus.reports[0], 200..230);
        marks.add(&corpus.reports[0], 300..330);
        for mark in &mut marks.items {
            mark.id = 7;
        }
        let mut again = marks.clone();
        assert_eq!(dedupe(&mut marks.items), 2);
        dedupe(&mut again.items);
        assert_eq!(marks, again);
        let ids: HashSet<u64> = marks.items.iter().map(|m| m.id).collect();
        assert_eq!(ids.len(), 3);
        assert_eq!(marks.items[0].id, 7);
    }
}
