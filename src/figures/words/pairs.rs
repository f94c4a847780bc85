//! A set of Chinese characters told by their last two UTF-8 bytes, so that a loop over a
//! clause can pass over the characters outside it without decoding them.

/// Three-byte characters (Chinese characters and full-width punctuation) told by a bit per pair
/// of their last two bytes. A set bit may also stand for a character outside the set that ends
/// in the same two bytes: [`CharPairs::positions`] decodes such a character and gives it to the
/// caller, who tests it as before, so the filter only saves the decoding of the rest.
pub(crate) struct CharPairs {
    bits: Box<[u64; 1024]>,
}

impl CharPairs {
    /// The set of `chars`, each of which must be three bytes long in UTF-8 (`U+0800`–`U+FFFF`);
    /// a shorter or longer one is left out, as [`CharPairs::positions`] never gives such
    /// characters.
    pub(crate) fn new(chars: impl IntoIterator<Item = char>) -> CharPairs {
        let mut bits = Box::new([0u64; 1024]);
        for c in chars {
            let mut utf8 = [0u8; 4];
            if c.encode_utf8(&mut utf8).len() == 3 {
                let key = usize::from(u16::from_le_bytes([utf8[1], utf8[2]]));
                bits[key / 64] |= 1 << (key % 64);
            }
        }
        CharPairs { bits }
    }

    /// The three-byte characters of `s` whose last two bytes are of the set, with their byte
    /// offsets, in text order: every character of the set in `s`, and a few others.
    pub(crate) fn positions<'s>(&'s self, s: &'s str) -> impl Iterator<Item = (usize, char)> + 's {
        let bytes = s.as_bytes();
        let mut i = 0;
        std::iter::from_fn(move || {
            while let Some(&lead) = bytes.get(i) {
                let at = i;
                if lead & 0xF0 != 0xE0 {
                    i += match lead {
                        0xC0..=0xDF => 2,
                        0xF0..=0xF7 => 4,
                        _ => 1,
                    };
                    continue;
                }
                i += 3;
                let (Some(&second), Some(&third)) = (bytes.get(at + 1), bytes.get(at + 2)) else {
                    break;
                };
                let key = usize::from(u16::from_le_bytes([second, third]));
                if self.bits[key / 64] >> (key % 64) & 1 != 0 {
                    let code = u32::from(lead & 0x0F) << 12
                        | u32::from(second & 0x3F) << 6
                        | u32::from(third & 0x3F);
                    if let Some(c) = char::from_u32(code) {
                        return Some((at, c));
                    }
                }
            }
            None
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_hold_every_member_in_order() {
        let set = ['较', '比', '等', '的', '从', '、'];
        let pairs = CharPairs::new(set);
        for text in [
            "",
            "全县生产总值比上年增长",
            "a比b的c",
            "较2015年的从等",
            "é比😀的、x",
            "比",
            "x",
        ] {
            let expected: Vec<(usize, char)> = text
                .char_indices()
                .filter(|(_, c)| set.contains(c))
                .collect();
            let found: Vec<(usize, char)> = pairs
                .positions(text)
                .filter(|(_, c)| set.contains(c))
                .collect();
            assert_eq!(found, expected, "{text}");
            // Whatever else is given is a real character of the text at its offset.
            for (at, c) in pairs.positions(text) {
                assert!(text[at..].starts_with(c), "{text} {at}");
            }
        }
    }

    #[test]
    fn other_characters_are_mostly_passed_over() {
        let pairs = CharPairs::new(['比', 'é', '😀']);
        let given: Vec<char> = pairs
            .positions("全县生产总值比上年é😀")
            .map(|(_, c)| c)
            .collect();
        assert_eq!(given, ['比']);
    }
}
