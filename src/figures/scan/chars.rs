//! A line read by byte positions, and the character classes the scanner tests: the readers
//! of each form look both ways from a character without copying the line.

use std::cell::OnceCell;

use super::quotes::Quotes;
use crate::figures::numerals::arabic_digit;

/// A line read by byte positions, so the scanner can look both ways without copying the
/// line's characters: every position is the byte offset of a character (or the line's end).
pub(super) struct Chars<'a> {
    /// The line.
    pub(super) text: &'a str,
    /// The quotations of the line, found when a figure first needs them: most lines with a
    /// candidate character hold no figure.
    quotes: OnceCell<Quotes>,
}

impl<'a> Chars<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Chars {
            text,
            quotes: OnceCell::new(),
        }
    }

    pub(super) fn quotes(&self) -> &Quotes {
        self.quotes.get_or_init(|| Quotes::find(self.text))
    }

    /// The character at position `i`.
    pub(super) fn get(&self, i: usize) -> Option<char> {
        let &b = self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return Some(char::from(b));
        }
        self.text.get(i..).and_then(|rest| rest.chars().next())
    }

    /// The position after the character at `i` (the end stays the end).
    pub(super) fn next(&self, i: usize) -> usize {
        self.get(i).map_or(i, |c| i + c.len_utf8())
    }

    /// The character before position `i`.
    pub(super) fn prev(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|head| head.chars().next_back())
    }

    /// The position of the character before `i` (the start stays the start).
    pub(super) fn prev_pos(&self, i: usize) -> usize {
        self.prev(i).map_or(i, |c| i - c.len_utf8())
    }

    /// The position `n` characters before `i`, or the start.
    pub(super) fn back(&self, i: usize, n: usize) -> usize {
        let head = self.text.get(..i).unwrap_or("");
        head.char_indices()
            .rev()
            .take(n)
            .last()
            .map_or(i, |(at, _)| at)
    }

    pub(super) fn rest(&self, i: usize) -> &'a str {
        self.text.get(i..).unwrap_or("")
    }

    /// Skip up to two spaces if a character satisfying `then` follows them.
    pub(super) fn skip_spaces_if(&self, i: usize, then: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        for _ in 0..2 {
            if !self.get(j).is_some_and(is_space) {
                break;
            }
            j = self.next(j);
        }
        if j > i && self.get(j).is_some_and(then) {
            j
        } else {
            i
        }
    }
}

/// A space inside a line: ASCII, ideographic or no-break.
pub(super) fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

/// A Chinese character (the unified ideographs and extension A).
pub(super) fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

/// An Arabic digit, ASCII or full-width.
pub(super) fn is_arabic(c: char) -> bool {
    arabic_digit(c).is_some()
}
