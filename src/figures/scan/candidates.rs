//! Finding where a figure may start: the line's bytes are stepped over undecoded, and only
//! the few characters that can start a figure (and the quote marks) stop the scan.

use std::sync::LazyLock;

use super::is_arabic;
use super::quotes::is_quote_mark;
use crate::figures::numerals::is_chinese_numeral;

/// The position of the first character at or after `i` where the scan stops ([`stops_scan`]: a
/// figure may start there, or it is a quote mark), or the end. Only ASCII digits, `"` and
/// three-byte characters (full-width digits, Chinese numerals, `第`, `翻`, `百`, `“`, `《`…) can:
/// everything else is stepped over undecoded. A three-byte character is first looked
/// up by its last two bytes alone (one load, one bit of [`PAIRS`]), which rules out nearly all
/// of them; the few left are looked up by code point in `starts`.
pub(super) fn next_candidate(bytes: &[u8], mut i: usize, starts: &[u64; 1024]) -> usize {
    let pairs: &[u64; 1024] = &PAIRS;
    let bit = |table: &[u64; 1024], key: usize| (table[key >> 6] >> (key & 63)) & 1 != 0;
    loop {
        // Chinese prose is runs of three-byte characters: five are read at once (one load) and
        // stepped over together up to the first that is not three bytes long or whose last two
        // bytes may end a figure's start (one bit of [`PAIRS`]). When all five are three bytes
        // long, one mask says so and only their last two bytes are looked up.
        while let Some(&chunk) = bytes.get(i..).and_then(<[u8]>::first_chunk::<16>) {
            const LEADS: u128 = 0xF0 | 0xF0 << 24 | 0xF0 << 48 | 0xF0 << 72 | 0xF0 << 96;
            const THREE_BYTE: u128 = 0xE0 | 0xE0 << 24 | 0xE0 << 48 | 0xE0 << 72 | 0xE0 << 96;
            let block = u128::from_le_bytes(chunk);
            let may_start = |k: usize| bit(pairs, usize::from((block >> (8 * k + 8)) as u16));
            let stop = if block & LEADS == THREE_BYTE {
                [0, 3, 6, 9, 12].into_iter().find(|&k| may_start(k))
            } else {
                [0, 3, 6, 9, 12]
                    .into_iter()
                    .find(|&k| chunk[k] & 0xF0 != 0xE0 || may_start(k))
            };
            match stop {
                Some(k) => {
                    i += k;
                    break;
                }
                None => i += 15,
            }
        }
        // One character where the run breaks, four bytes read at once.
        let Some(&word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<4>) else {
            break;
        };
        let word = u32::from_le_bytes(word);
        let lead = word as u8;
        if lead & 0xF0 == 0xE0 {
            if bit(pairs, ((word >> 8) & 0xFFFF) as usize) && bit(starts, code_point(word)) {
                return i;
            }
            i += 3;
        } else if lead < 0x80 {
            if lead.is_ascii_digit() || lead == b'"' {
                return i;
            }
            i += 1;
        } else {
            i += utf8_width(lead);
        }
    }
    // The last three bytes: a three-byte character, or ASCII digits and `"`.
    if let [lead @ 0xE0..=0xEF, second, third] = bytes[i.min(bytes.len())..] {
        let word = u32::from_le_bytes([lead, second, third, 0]);
        return if bit(starts, code_point(word)) {
            i
        } else {
            bytes.len()
        };
    }
    // Fewer than three bytes after a character that is not three bytes long: only an ASCII
    // digit or `"` can stop the scan there.
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() || bytes[i] == b'"' {
            return i;
        }
        i += utf8_width(bytes[i]);
    }
    bytes.len()
}

/// The code point of the three-byte UTF-8 sequence in the low three bytes of `word` (read
/// little-endian).
fn code_point(word: u32) -> usize {
    (((word & 0x0F) << 12) | ((word >> 2) & 0xFC0) | ((word >> 16) & 0x3F)) as usize
}

/// The length of the UTF-8 sequence that byte `b` leads (1 for a stray continuation byte).
fn utf8_width(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Whether a figure can start at a character of the Basic Multilingual Plane.
pub(super) fn starts_figure(c: char) -> bool {
    is_arabic(c) || is_chinese_numeral(c) || matches!(c, '第' | '翻' | '百' | '前' | '倍' | '首')
}

/// Whether the scan stops at `c`: a figure may start there, or it is a quote mark, which the
/// scanner reads on its way ([`super::chars::Chars::read_mark`]).
pub(super) fn stops_scan(c: char) -> bool {
    starts_figure(c) || is_quote_mark(c)
}

/// A bit per character of the Basic Multilingual Plane: whether the scan stops there
/// ([`stops_scan`]).
pub(super) static STARTS: LazyLock<[u64; 1024]> = LazyLock::new(|| {
    let mut bits = [0u64; 0x10000 / 64];
    for c in ('\0'..='\u{ffff}').filter(|&c| stops_scan(c)) {
        bits[c as usize / 64] |= 1 << (c as usize % 64);
    }
    bits
});

/// A bit per pair of bytes (read little-endian): whether it ends the UTF-8 of a three-byte
/// character that can start a figure.
static PAIRS: LazyLock<[u64; 1024]> = LazyLock::new(|| {
    let mut bits = [0u64; 0x10000 / 64];
    // The characters of [`STARTS`], read from its bits rather than tested again.
    let starts = (0x800..0x10000u32)
        .filter(|&c| STARTS[c as usize / 64] >> (c % 64) & 1 != 0)
        .filter_map(char::from_u32);
    for c in starts {
        let mut utf8 = [0u8; 4];
        c.encode_utf8(&mut utf8);
        let key = usize::from(u16::from_le_bytes([utf8[1], utf8[2]]));
        bits[key / 64] |= 1 << (key % 64);
    }
    bits
});
