//! A line read by byte positions, and the character classes the scanner tests: the readers
//! of each form look both ways from a character without copying the line.

use std::cell::{Cell, OnceCell};

use super::quotes::{OpenQuotes, Quotes, is_quote_mark, next_mark};
use crate::figures::numerals::arabic_digit;

/// A line read by byte positions, so the scanner can look both ways without copying the
/// line's characters: every position is the byte offset of a character (or the line's end).
pub(super) struct Chars<'a> {
    /// The line.
    pub(super) text: &'a str,
    /// The quotations of the line, found when a figure first needs them: most lines with a
    /// candidate character hold no figure.
    quotes: OnceCell<Quotes>,
    /// The quote marks the scan has met so far: where nothing is open, a figure is outside
    /// every quotation and the quotations need not be found.
    open: Cell<OpenQuotes>,
    /// Every quote mark before this offset has been read into `open`.
    read_to: Cell<usize>,
}

impl<'a> Chars<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Chars {
            text,
            quotes: OnceCell::new(),
            open: Cell::new(OpenQuotes::default()),
            read_to: Cell::new(0),
        }
    }

    pub(super) fn quotes(&self) -> &Quotes {
        self.quotes.get_or_init(|| Quotes::find(self.text))
    }

    /// Read the quote mark `c` at `at`, the marks before it all read.
    pub(super) fn read_mark(&self, at: usize, c: char) {
        let mut open = self.open.get();
        open.read(at, c);
        self.open.set(open);
    }

    /// Read the quote marks from `from` to `to`, those before `from` all read.
    pub(super) fn read_marks(&self, from: usize, to: usize) {
        if to <= from {
            return;
        }
        let Some(text) = self.text.get(from..to) else {
            return;
        };
        // Every quote mark is `"` or led by `E2` or `E3`.
        if text.bytes().any(|b| matches!(b, b'"' | 0xE2 | 0xE3)) {
            for (k, c) in text.char_indices().filter(|&(_, c)| is_quote_mark(c)) {
                self.read_mark(from + k, c);
            }
        }
        self.read_to(to);
    }

    /// Note that every quote mark before `to` has been read.
    pub(super) fn read_to(&self, to: usize) {
        self.read_to.set(self.read_to.get().max(to));
    }

    /// Whether `at` falls in one of `ranges`, the line's quotations (`quotations`) or its
    /// slogans: told from the marks read when nothing is open there, else looked up.
    pub(super) fn quoted(&self, at: usize, quotations: bool) -> bool {
        let (open, read_to) = (self.open.get(), self.read_to.get());
        if open.outside(at, read_to, quotations) {
            return false;
        }
        if quotations && open.quotation_open(at, read_to) {
            return next_mark(self.text, at) == Some('”');
        }
        let quotes = self.quotes();
        let ranges = if quotations {
            &quotes.quotations
        } else {
            &quotes.slogans
        };
        let n = ranges.partition_point(|r| r.start <= at);
        n > 0 && ranges[n - 1].contains(&at)
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
