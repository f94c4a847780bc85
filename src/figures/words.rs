//! Finding words in short Chinese text, shared by the figure reader's parts: word lists grouped
//! by their first or last character ([`Affixes`]), so matching an affix costs a look-up and a
//! comparison or two, and a word's first or last offset found by probing one byte
//! ([`find_word`]).

use super::char_table::CharTable;
use edges::Edges;

mod edges;
mod pairs;

pub(crate) use pairs::CharPairs;

/// Word lists indexed by their last (or first) character, longest word first, so stripping an
/// affix costs a lookup and a comparison or two, not a pass over the list.
pub(crate) struct Affixes {
    words: CharTable<Vec<&'static str>>,
    /// The characters the words are grouped under, for a quick "none" without the table.
    keys: Edges,
    /// The byte length of the longest word: a longer text is none of them.
    longest: usize,
}

impl Affixes {
    /// `words` grouped by the character `key` picks (the first or the last), longest first.
    pub(crate) fn new(words: &[&'static str], key: fn(&str) -> Option<char>) -> Affixes {
        let mut map = group(words, key);
        for (_, list) in &mut map {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Affixes::of(map)
    }

    /// `words` grouped as by [`Affixes::new`], each group kept in the list's order rather than
    /// longest first: for a list whose first match wins (`近` before `将近`), so that
    /// [`Affixes::longest_suffix`] gives the first word listed that `s` ends with.
    pub(crate) fn in_list_order(words: &[&'static str], key: fn(&str) -> Option<char>) -> Affixes {
        Affixes::of(group(words, key))
    }

    fn of(groups: Vec<(char, Vec<&'static str>)>) -> Affixes {
        let longest = groups
            .iter()
            .flat_map(|(_, list)| list.iter().map(|w| w.len()))
            .max()
            .unwrap_or(0);
        Affixes {
            keys: Edges::new(groups.iter().map(|&(c, _)| c)),
            words: CharTable::new(groups),
            longest,
        }
    }

    /// The words grouped under `c`, longest first.
    pub(crate) fn words(&self, c: char) -> &[&'static str] {
        self.words.get(c).map_or(&[], Vec::as_slice)
    }

    /// Whether `s` is one of the words (words grouped by their last character).
    pub(crate) fn holds_ending(&self, s: &str) -> bool {
        self.word_ending(s).is_some()
    }

    /// The word equal to `s`, if it is one (words grouped by their last character).
    pub(crate) fn word_ending(&self, s: &str) -> Option<&'static str> {
        if s.len() > self.longest || !self.keys.may_end(s) {
            return None;
        }
        let last = s.chars().next_back()?;
        self.words(last)
            .iter()
            .find(|w| same_bytes(w.as_bytes(), s.as_bytes()))
            .copied()
    }

    /// The longest of the words `s` ends with (words grouped by their last character).
    pub(crate) fn longest_suffix(&self, s: &str) -> Option<&'static str> {
        if !self.keys.may_end(s) {
            return None;
        }
        let last = s.chars().next_back()?;
        self.words(last).iter().find(|w| ends_with(s, w)).copied()
    }

    /// Every word `s` starts with, longest first (words grouped by their first character).
    pub(crate) fn prefixes_of<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'static str> + 's {
        let first = s.chars().next().filter(|_| self.keys.may_start(s));
        first
            .map_or(&[][..], |c| self.words(c))
            .iter()
            .copied()
            .filter(move |w| starts_with(s, w))
    }

    /// Whether one of the words stands anywhere in `s` (words grouped by their first
    /// character): `words.iter().any(|w| has_word(s, w))`, answered by one look-up at each
    /// character of `s` instead of one pass over `s` for each word.
    pub(crate) fn found_in(&self, s: &str) -> bool {
        s.char_indices()
            .any(|(i, _)| self.longest_prefix(&s[i..]).is_some())
    }

    /// The longest of the words `s` starts with (words grouped by their first character).
    pub(crate) fn longest_prefix(&self, s: &str) -> Option<&'static str> {
        if !self.keys.may_start(s) {
            return None;
        }
        let first = s.chars().next()?;
        self.words(first)
            .iter()
            .find(|w| starts_with(s, w))
            .copied()
    }
}

/// The offset just past the character at `i` of `s` (`i` itself at the end).
pub(crate) fn after_char(s: &str, i: usize) -> usize {
    i + s[i..].chars().next().map_or(0, char::len_utf8)
}

/// `s.trim()`: see [`trim_start`] and [`trim_end`].
pub(crate) fn trim(s: &str) -> &str {
    trim_end(trim_start(s))
}

/// `s.trim_start()`, told from the first character's bytes where they can open no whitespace,
/// as the Chinese characters around most figures cannot.
pub(crate) fn trim_start(s: &str) -> &str {
    let plain = match *s.as_bytes() {
        [] | [0x21..=0x7E, ..] | [0xE4..=0xF4, ..] => true,
        // `U+3000`, the ideographic space, is the only whitespace led by `E3`.
        [0xE3, second, third, ..] => (second, third) != (0x80, 0x80),
        _ => false,
    };
    if plain { s } else { s.trim_start() }
}

/// `s.trim_end()`, told from the last character's bytes where they can close no whitespace.
pub(crate) fn trim_end(s: &str) -> &str {
    let bytes = s.as_bytes();
    let plain = match *bytes {
        [] | [.., 0x21..=0x7E] | [.., 0xE4..=0xEF, _, _] | [.., 0xF0..=0xF4, _, _, _] => true,
        [.., 0xE3, second, third] => (second, third) != (0x80, 0x80),
        _ => false,
    };
    if plain { s } else { s.trim_end() }
}

/// Whether `s` starts with `word`, compared as by [`same_bytes`].
fn starts_with(s: &str, word: &str) -> bool {
    s.as_bytes()
        .get(..word.len())
        .is_some_and(|head| same_bytes(head, word.as_bytes()))
}

/// Whether `s` ends with `word`, compared as by [`same_bytes`].
fn ends_with(s: &str, word: &str) -> bool {
    s.len()
        .checked_sub(word.len())
        .is_some_and(|at| same_bytes(&s.as_bytes()[at..], word.as_bytes()))
}

/// Whether `a` and `b` hold the same bytes. A listed word is a few characters long: two loads
/// from each end of both cover it, where a call to `memcmp` for each word tried costs more.
#[inline]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    fn ends<const N: usize>(s: &[u8]) -> Option<(&[u8; N], &[u8; N])> {
        Some((s.first_chunk::<N>()?, s.last_chunk::<N>()?))
    }
    if a.len() != b.len() {
        return false;
    }
    match a.len() {
        4..=8 => ends::<4>(a) == ends::<4>(b),
        9..=16 => ends::<8>(a) == ends::<8>(b),
        _ => a == b,
    }
}

/// `words` grouped by the character `key` picks, in the list's order.
fn group(words: &[&'static str], key: fn(&str) -> Option<char>) -> Vec<(char, Vec<&'static str>)> {
    let mut map: Vec<(char, Vec<&'static str>)> = Vec::new();
    for &w in words {
        let Some(k) = key(w) else { continue };
        match map.iter_mut().find(|(c, _)| *c == k) {
            Some((_, list)) => list.push(w),
            None => map.push((k, vec![w])),
        }
    }
    map
}

/// The first offset of `word` in `s`. Clauses and titles are short: probing for one byte of
/// the word beats building a substring searcher for each lookup. The probe is the word's
/// second byte, which for a Chinese character (its first byte one of a handful shared by all)
/// tells far more; a match found from it starts at the word's first byte, a character's lead
/// byte, so at a character boundary.
pub fn find_word(s: &str, word: &str) -> Option<usize> {
    let (text, word) = (s.as_bytes(), word.as_bytes());
    match *word {
        [] => None,
        [only] => memchr::memchr(only, text),
        [_, probe, ..] => {
            memchr::memchr_iter(probe, text.get(1..)?).find(|&i| text[i..].starts_with(word))
        }
    }
}

/// Whether `s` holds `word` (see [`find_word`]).
pub(crate) fn has_word(s: &str, word: &str) -> bool {
    find_word(s, word).is_some()
}

/// Whether `s` holds `a` or `b`: `has_word(s, a) || has_word(s, b)` in one pass over `s`,
/// probing for both words' second bytes at once.
pub(crate) fn has_either(s: &str, a: &str, b: &str) -> bool {
    let (text, words) = (s.as_bytes(), (a.as_bytes(), b.as_bytes()));
    let ([_, probe_a, ..], [_, probe_b, ..]) = words else {
        return has_word(s, a) || has_word(s, b);
    };
    text.get(1..).is_some_and(|rest| {
        memchr::memchr2_iter(*probe_a, *probe_b, rest)
            .any(|i| text[i..].starts_with(words.0) || text[i..].starts_with(words.1))
    })
}

/// The last offset of `word` in `s` (see [`find_word`]).
pub(crate) fn rfind_word(s: &str, word: &str) -> Option<usize> {
    let (text, word) = (s.as_bytes(), word.as_bytes());
    match *word {
        [] => None,
        [only] => memchr::memrchr(only, text),
        [_, probe, ..] => {
            memchr::memrchr_iter(probe, text.get(1..)?).find(|&i| text[i..].starts_with(word))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn found_in_is_any_word_anywhere() {
        let words = ["同比", "比上年", "年均", "增"];
        let affixes = Affixes::new(&words, |w| w.chars().next());
        for text in [
            "",
            "同比",
            "全县生产总值同比增长",
            "较上年末",
            "比上年提高",
            "年均",
            "全年均衡",
            "减少",
            "2025年",
        ] {
            let expected = words.iter().any(|w| has_word(text, w));
            assert_eq!(affixes.found_in(text), expected, "{text}");
        }
    }

    #[test]
    fn has_either_is_either_word() {
        for text in [
            "",
            "预计",
            "全年預計完成",
            "计划",
            "预",
            "预算计划",
            "a预计b",
            "ab",
        ] {
            for (a, b) in [("预计", "預計"), ("b", "预计"), ("a", "b")] {
                let expected = has_word(text, a) || has_word(text, b);
                assert_eq!(has_either(text, a, b), expected, "{text} {a} {b}");
            }
        }
    }

    #[test]
    fn bytes_compare_as_slices_do_at_every_length() {
        let text = "全县生产总值完成二百八十三亿元，同比增长5.2%".as_bytes();
        for n in 0..=text.len().min(24) {
            for from in 0..=text.len() - n {
                for other in 0..=text.len() - n {
                    let (a, b) = (&text[from..from + n], &text[other..other + n]);
                    assert_eq!(same_bytes(a, b), a == b, "{from} {other} {n}");
                }
            }
        }
        assert!(!same_bytes(b"abcd", b"abc"));
    }

    #[test]
    fn trimming_agrees_with_the_standard_library() {
        let spaces: Vec<char> = ('\0'..='\u{ffff}').filter(|c| c.is_whitespace()).collect();
        let ends = [
            '增',
            '、',
            '。',
            'a',
            '5',
            '“',
            '\u{3001}',
            '\u{2f00}',
            '\u{1f600}',
            'é',
        ];
        let mut samples = vec![String::new()];
        for &a in spaces.iter().chain(&ends) {
            for &b in spaces.iter().chain(&ends) {
                samples.push(format!("{a}"));
                samples.push(format!("{a}增长{b}"));
                samples.push(format!("{a}{b}"));
            }
        }
        for s in &samples {
            assert_eq!(trim(s), s.trim(), "{s:?}");
            assert_eq!(trim_start(s), s.trim_start(), "{s:?}");
            assert_eq!(trim_end(s), s.trim_end(), "{s:?}");
        }
    }

    #[test]
    fn affixes_find_the_longest_word_first() {
        let words = ["增长", "同比增长", "长", "下降"];
        let by_last = Affixes::new(&words, |w| w.chars().next_back());
        assert_eq!(by_last.longest_suffix("全年同比增长"), Some("同比增长"));
        assert_eq!(by_last.longest_suffix("增长"), Some("增长"));
        assert_eq!(by_last.longest_suffix("成长"), Some("长"));
        assert_eq!(by_last.longest_suffix("下"), None);
        assert_eq!(by_last.word_ending("下降"), Some("下降"));
        assert_eq!(by_last.word_ending("大幅下降"), None);
        let by_first = Affixes::new(&words, |w| w.chars().next());
        assert_eq!(by_first.longest_prefix("同比增长5%"), Some("同比增长"));
        assert_eq!(by_first.longest_prefix("同比"), None);
        let all: Vec<_> = by_first.prefixes_of("增长率").collect();
        assert_eq!(all, ["增长"]);
    }
}
