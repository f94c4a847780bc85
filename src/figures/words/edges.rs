//! A quick "no" for affix look-ups: most texts looked up start (or end) with a character no
//! listed word starts (or ends) with, and a bit per character, read from the text's bytes
//! without decoding the character, says so before the word table is consulted.

/// A bit per character by the low six bits of its last two UTF-8 bytes (an ASCII character
/// counts as its byte after a zero byte): exact for the three-byte characters of one lead byte,
/// and for the rest a character outside the set may share a bit with one in it, which only
/// sends that look-up on to the table.
pub(super) struct Edges {
    bits: [u64; 64],
}

impl Edges {
    /// The bits of `chars`.
    pub(super) fn new(chars: impl IntoIterator<Item = char>) -> Edges {
        let mut edges = Edges { bits: [0; 64] };
        for c in chars {
            let mut utf8 = [0u8; 4];
            let bytes = c.encode_utf8(&mut utf8).as_bytes();
            let index = match *bytes {
                [only] => index(0, only),
                [.., before, last] => index(before, last),
                [] => continue,
            };
            edges.bits[index / 64] |= 1 << (index % 64);
        }
        edges
    }

    /// Whether the first character of `s` may be in the set (not when `s` is empty).
    #[inline]
    pub(super) fn may_start(&self, s: &str) -> bool {
        let bytes = s.as_bytes();
        let Some(&lead) = bytes.first() else {
            return false;
        };
        let width = match lead {
            0..=0x7F => return self.has(index(0, lead)),
            0xC0..=0xDF => 2,
            0xE0..=0xEF => 3,
            _ => 4,
        };
        match bytes.get(width - 2..width) {
            Some(&[before, last]) => self.has(index(before, last)),
            _ => true,
        }
    }

    /// Whether the last character of `s` may be in the set (not when `s` is empty).
    #[inline]
    pub(super) fn may_end(&self, s: &str) -> bool {
        match *s.as_bytes() {
            [] => false,
            [.., last @ 0..=0x7F] => self.has(index(0, last)),
            [.., before, last] => self.has(index(before, last)),
            [_] => true,
        }
    }

    fn has(&self, index: usize) -> bool {
        self.bits[index / 64] >> (index % 64) & 1 != 0
    }
}

/// The bit of a character whose UTF-8 ends in `before`, `last`.
fn index(before: u8, last: u8) -> usize {
    usize::from(before & 0x3F) << 6 | usize::from(last & 0x3F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_member_passes_at_either_end() {
        let set = ['增', '长', '%', 'é', '😀', '〇', 'a'];
        let edges = Edges::new(set);
        for c in set {
            for text in [
                format!("{c}"),
                format!("{c}全年"),
                format!("x{c}"),
                format!("全{c}"),
            ] {
                if text.starts_with(c) {
                    assert!(edges.may_start(&text), "{text}");
                }
                if text.ends_with(c) {
                    assert!(edges.may_end(&text), "{text}");
                }
            }
        }
        assert!(!edges.may_start(""));
        assert!(!edges.may_end(""));
    }

    #[test]
    fn most_others_are_refused() {
        let edges = Edges::new(['增', '长']);
        let refused = ('一'..='龥')
            .filter(|&c| c != '增' && c != '长')
            .filter(|c| !edges.may_start(&c.to_string()) && !edges.may_end(&c.to_string()))
            .count();
        assert!(refused > 20_000, "{refused}");
    }
}
