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

/// The first quote mark other than `"` at or after `from` in `text`: where a `“` is open, the
/// position is inside a quotation exactly when this closes it (`”`), as [`Quotes::pair`]
/// reads the marks.
pub(super) fn next_mark(text: &str, from: usize) -> Option<char> {
    let rest = text.get(from..)?;
    match QUOTE_MARKS.as_ref() {
        Some(searcher) => searcher
            .find(rest.as_bytes())
            .map(|m| QUOTE_MARK_CHARS[m.pattern().as_usize()]),
        None => rest.chars().find(|c| QUOTE_MARK_CHARS.contains(c)),
    }
}

/// Whether `c` is a quote mark [`Quotes::find`] reads.
pub(super) fn is_quote_mark(c: char) -> bool {
    c == '"' || QUOTE_MARK_CHARS.contains(&c)
}

/// Where [`Quotes::pair`]'s reading stands after the quote marks of a line up to some offset,
/// read one by one as the scanner meets them: enough to tell that a position is inside no
/// quotation or slogan (nothing is open there) without finding the line's quotations; where
/// something is open, only the marks after it tell, and the caller finds the quotations.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct OpenQuotes {
    /// The opener (`“`, `「`, `《`, `〈`) a closing mark would pair with.
    opener: Option<char>,
    /// Whether a `"` is open.
    ascii: bool,
    /// Where the last mark read stands.
    last: Option<usize>,
}

impl OpenQuotes {
    /// Read the mark `c` at `at` (marks are read in text order), as [`Quotes::pair`] does.
    pub(super) fn read(&mut self, at: usize, c: char) {
        match c {
            '“' | '「' | '《' | '〈' => self.opener = Some(c),
            '"' => self.ascii = !self.ascii,
            _ => self.opener = None,
        }
        self.last = Some(at);
    }

    /// Whether a `“` is open at `at`, every mark before `read_to` read, `at` before it and after
    /// the last mark: `at` is then inside a quotation exactly when the next mark closes
    /// it ([`next_mark`]).
    pub(super) fn quotation_open(&self, at: usize, read_to: usize) -> bool {
        let known = at < read_to && self.last.is_none_or(|last| last < at);
        known && self.opener == Some('“')
    }

    /// Whether `at` is surely outside every quotation (`quotations`) or every slogan
    /// ([`Quotes::slogans`]), every mark before `read_to` read: `at` is before it, no mark read
    /// is at or after it, and nothing is open.
    pub(super) fn outside(&self, at: usize, read_to: usize, quotations: bool) -> bool {
        let known = at < read_to && self.last.is_none_or(|last| last < at);
        let open = if quotations {
            self.opener == Some('“')
        } else {
            self.opener.is_some() || self.ascii
        };
        known && !open
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every position the marks read before it say is outside lies in no range found.
    #[test]
    fn outside_is_never_said_of_a_quoted_position() {
        let lines = [
            "基本建成“三个强县、一个家园、两个示范区”，增长5%",
            "两个“一百年”奋斗目标和《十四五规划》",
            "“三城”建设资金“两停一闲”要素",
            "\"1345\"工程和“未闭合的引号3个",
            "「一」〈二〉《三》”四“",
            "没有引号的一行12个",
        ];
        for line in lines {
            let quotes = Quotes::find(line);
            let mut open = OpenQuotes::default();
            for (at, c) in line.char_indices() {
                if is_quote_mark(c) {
                    open.read(at, c);
                    continue;
                }
                // The marks are read up to the end of this character, as the scanner reads them.
                let read_to = at + c.len_utf8();
                for (ranges, quotations) in [(&quotes.quotations, true), (&quotes.slogans, false)] {
                    if open.outside(at, read_to, quotations) {
                        assert!(!ranges.iter().any(|r| r.contains(&at)), "{line} {at}");
                    }
                }
                if open.quotation_open(at, read_to) {
                    let inside = quotes.quotations.iter().any(|r| r.contains(&at));
                    assert_eq!(next_mark(line, at) == Some('”'), inside, "{line} {at}");
                }
            }
        }
    }

    #[test]
    fn outside_is_said_where_nothing_is_open() {
        let line = "增长5%，“三个一批”之后12个";
        let mut open = OpenQuotes::default();
        assert!(open.outside(3, 6, false));
        let (quote, _) = line.char_indices().find(|&(_, c)| c == '“').unwrap();
        open.read(quote, '“');
        assert!(!open.outside(quote + 3, quote + 6, true));
        assert!(!open.outside(quote + 3, quote + 6, false));
        assert!(!open.outside(quote, quote + 3, true), "at the opener");
        assert!(open.quotation_open(quote + 3, quote + 6));
        assert!(
            !open.outside(line.len(), quote + 6, false),
            "not read that far"
        );
    }
}
