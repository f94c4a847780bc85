//! Where a line quotes: `“…”` quotations, and short quoted phrases and titles whose numerals
//! are slogans and names, not figures.

use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::packed;

/// Where a line quotes.
pub(super) struct Quotes {
    /// Byte ranges inside `“…”` quotations, of any length.
    pub(super) quotations: Vec<Range<usize>>,
    /// Byte ranges of short quoted phrases (`“1345”`, `“三个一批”`) and of titles in `《》`:
    /// slogan codes and names, whose numerals are not figures.
    pub(super) slogans: Vec<Range<usize>>,
}

impl Quotes {
    /// The quotations of `text`. Only quote marks are looked at: `"` (rare in Chinese text) by
    /// memchr, the others (three bytes each) by one vectorised multi-pattern search.
    pub(super) fn find(text: &str) -> Quotes {
        let bytes = text.as_bytes();
        let searched = QUOTE_MARKS.as_ref().map(|searcher| {
            searcher
                .find_iter(bytes)
                .map(|m| (m.start(), QUOTE_MARK_CHARS[m.pattern().as_usize()]))
        });
        let plain = || {
            text.char_indices()
                .filter(|(_, c)| QUOTE_MARK_CHARS.contains(c))
        };
        if memchr::memchr(b'"', bytes).is_none() {
            return match searched {
                Some(marks) => Quotes::pair(text, marks),
                None => Quotes::pair(text, plain()),
            };
        }
        let mut marks: Vec<(usize, char)> = match searched {
            Some(marks) => marks.collect(),
            None => plain().collect(),
        };
        marks.extend(memchr::memchr_iter(b'"', bytes).map(|at| (at, '"')));
        marks.sort_unstable_by_key(|&(at, _)| at);
        Quotes::pair(text, marks)
    }

    /// The quotations the quote `marks` of `text` (in text order) open and close.
    fn pair(text: &str, marks: impl IntoIterator<Item = (usize, char)>) -> Quotes {
        let mut quotations = Vec::new();
        let mut slogans = Vec::new();
        let mut open: Option<(usize, char)> = None; // byte, opener
        let mut ascii_open: Option<usize> = None;
        // Characters from `from` to `to`: whether a quotation is short.
        let short = |from: usize, to: usize| text[from..to].chars().nth(13).is_none();
        for (at, c) in marks {
            match c {
                '“' | '「' | '《' | '〈' => open = Some((at, c)),
                '"' => match ascii_open.take() {
                    Some(from) if short(from, at) => slogans.push(from..at),
                    Some(_) => {}
                    None => ascii_open = Some(at),
                },
                _ => {
                    if let Some((from, opener)) = open.take() {
                        if opener == '“' && c == '”' {
                            quotations.push(from..at);
                        }
                        if opener == '《' || opener == '〈' || short(from, at) {
                            slogans.push(from..at);
                        }
                    }
                }
            }
        }
        Quotes {
            quotations,
            slogans,
        }
    }
}

/// The quote marks other than `"`, as [`QUOTE_MARKS`] numbers them.
const QUOTE_MARK_CHARS: [char; 8] = ['“', '”', '「', '」', '《', '》', '〈', '〉'];

/// A vectorised searcher for [`QUOTE_MARK_CHARS`], where the machine has one.
static QUOTE_MARKS: LazyLock<Option<packed::Searcher>> = LazyLock::new(|| {
    let mut builder = packed::Config::new().builder();
    for c in QUOTE_MARK_CHARS {
        builder.add(c.to_string());
    }
    builder.build()
});
