//! A small map from characters to values, for the word and unit lists looked up by a word's
//! first or last character many times per figure. It is an open-addressing hash table kept
//! mostly empty, so the usual answer (nothing is listed under this character) takes one probe
//! and none of the hard-to-predict branches of a binary search.

/// Values by character.
pub(super) struct CharTable<T> {
    values: Vec<T>,
    /// A key character and 1 + its value's index; 0 marks an empty slot.
    slots: Vec<(char, u16)>,
    /// `slots.len() - 1` (a power of two less one).
    mask: usize,
}

/// The home slot of `c` in a table of `mask + 1` slots.
fn slot_of(c: char, mask: usize) -> usize {
    (u32::from(c).wrapping_mul(0x9E37_79B1) >> 16) as usize & mask
}

impl<T> CharTable<T> {
    /// A table of `entries`; a character listed twice keeps its first value.
    pub(super) fn new(entries: Vec<(char, T)>) -> CharTable<T> {
        let size = (entries.len() * 4).next_power_of_two().max(16);
        let mask = size - 1;
        let mut slots = vec![('\0', 0u16); size];
        let mut values = Vec::with_capacity(entries.len());
        for (c, value) in entries {
            let mut at = slot_of(c, mask);
            while slots[at].1 != 0 && slots[at].0 != c {
                at = (at + 1) & mask;
            }
            if slots[at].1 != 0 {
                continue;
            }
            values.push(value);
            slots[at] = (c, u16::try_from(values.len()).unwrap_or(u16::MAX));
        }
        CharTable {
            values,
            slots,
            mask,
        }
    }

    /// The value listed under `c`.
    pub(super) fn get(&self, c: char) -> Option<&T> {
        let mut at = slot_of(c, self.mask);
        loop {
            let (key, index) = self.slots[at];
            if index == 0 {
                return None;
            }
            if key == c {
                return self.values.get(usize::from(index) - 1);
            }
            at = (at + 1) & self.mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_and_only_those() {
        let keys: Vec<char> = ('一'..='龥').step_by(97).collect();
        let table = CharTable::new(keys.iter().map(|&c| (c, u32::from(c))).collect());
        for &c in &keys {
            assert_eq!(table.get(c), Some(&u32::from(c)));
        }
        assert_eq!(table.get('a'), None);
        assert_eq!(table.get('\0'), None);
        let empty: CharTable<u8> = CharTable::new(Vec::new());
        assert_eq!(empty.get('一'), None);
    }
}
