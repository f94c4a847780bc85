//! The grapheme clusters ratatui draws, with their widths, found quickly for Chinese text.
//!
//! Segmenting every grapheme with unicode-segmentation took most of the wrapping time. Most
//! characters of a report (ideographs, CJK punctuation, full-width forms, ASCII) are "simple":
//! their Grapheme_Cluster_Break property is Other, so between two of them there is always a
//! boundary and each is a cluster by itself. Only stretches around other characters (combining
//! marks, emoji, Hangul, control characters) go through ratatui's own segmentation, cut at
//! boundaries between two simple characters so the result is exactly the same.

use ratatui::buffer::CellWidth;
use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// Whether `c` is a cluster by itself next to any other simple character, and drawn by ratatui
/// as `c.width()` columns (checked over the whole set by a test).
pub(super) fn is_simple(c: char) -> bool {
    let code = u32::from(c);
    // The common cases first: ideographs, then ASCII.
    if (0x4E00..=0x9FFF).contains(&code) {
        return true;
    }
    if code < 0x80 {
        return (0x20..=0x7E).contains(&code);
    }
    matches!(
        code,
        0xA0..=0xAC
            | 0xAE..=0x2FF
            | 0x2010..=0x2027
            | 0x2030..=0x205E
            | 0x3000..=0x3029
            | 0x3030..=0x303F
            | 0x3041..=0x3096
            | 0x309B..=0x30FF
            | 0x3400..=0x4DBF
            | 0xFF01..=0xFF9D
    )
}

/// The columns of a simple character, skipping the table lookup for ideographs and ASCII.
fn simple_width(c: char) -> usize {
    match u32::from(c) {
        0x4E00..=0x9FFF => 2,
        0x20..=0x7E => 1,
        _ => c.width().unwrap_or(0),
    }
}

/// One grapheme cluster as ratatui draws it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Cluster {
    /// Its byte range in the text.
    pub start: usize,
    pub end: usize,
    /// Columns it takes on screen.
    pub columns: usize,
    /// Its base character.
    pub first: char,
    /// Whether it is white space only (a space, `U+3000`…).
    pub blank: bool,
}

impl Cluster {
    fn simple(start: usize, c: char) -> Self {
        Self {
            start,
            end: start + c.len_utf8(),
            columns: simple_width(c),
            first: c,
            blank: c.is_whitespace(),
        }
    }
}

/// Call `visit` with every grapheme cluster of `text` ratatui would draw, in order. Clusters
/// holding a control character are skipped, as ratatui skips them.
pub(super) fn for_each_grapheme(text: &str, mut visit: impl FnMut(Cluster)) {
    // A simple character whose successor is not known yet, and the start of a stretch that
    // needs real segmentation.
    let mut held: Option<(usize, char)> = None;
    let mut stretch: Option<usize> = None;
    let mut segmented: Vec<Cluster> = Vec::new();
    for (at, c) in text.char_indices() {
        let simple = is_simple(c);
        match (stretch, held) {
            (None, Some((start, previous))) if simple => visit(Cluster::simple(start, previous)),
            (None, _) if !simple => stretch = Some(held.map_or(at, |(start, _)| start)),
            (Some(from), Some(_)) if simple => {
                // Two simple characters in a row: a true boundary, so the stretch ends here.
                segment(text, from..at, &mut segmented);
                segmented.iter().copied().for_each(&mut visit);
                stretch = None;
            }
            _ => {}
        }
        held = simple.then_some((at, c));
    }
    match (stretch, held) {
        (Some(from), _) => {
            segment(text, from..text.len(), &mut segmented);
            segmented.iter().copied().for_each(&mut visit);
        }
        (None, Some((start, c))) => visit(Cluster::simple(start, c)),
        (None, None) => {}
    }
}

/// Segment `text[range]` as ratatui does, into the clusters it draws.
fn segment(text: &str, range: std::ops::Range<usize>, out: &mut Vec<Cluster>) {
    out.clear();
    let span = Span::raw(&text[range]);
    for grapheme in span.styled_graphemes(Style::default()) {
        let symbol = grapheme.symbol;
        let start = symbol.as_ptr() as usize - text.as_ptr() as usize;
        out.push(Cluster {
            start,
            end: start + symbol.len(),
            columns: usize::from(symbol.cell_width()),
            first: symbol.chars().next().unwrap_or(' '),
            blank: symbol.chars().all(char::is_whitespace),
        });
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What ratatui alone says: every drawn grapheme with its start and width.
    fn ratatui_graphemes(text: &str) -> Vec<(usize, String, usize)> {
        let span = Span::raw(text);
        span.styled_graphemes(Style::default())
            .map(|g| {
                let start = g.symbol.as_ptr() as usize - text.as_ptr() as usize;
                (
                    start,
                    g.symbol.to_string(),
                    usize::from(g.symbol.cell_width()),
                )
            })
            .collect()
    }

    fn fast_graphemes(text: &str) -> Vec<(usize, String, usize)> {
        let mut out = Vec::new();
        for_each_grapheme(text, |cluster| {
            let symbol = &text[cluster.start..cluster.end];
            assert_eq!(cluster.first, symbol.chars().next().unwrap());
            assert_eq!(cluster.blank, symbol.chars().all(char::is_whitespace));
            out.push((cluster.start, symbol.to_string(), cluster.columns));
        });
        out
    }

    #[test]
    fn every_simple_character_is_a_cluster_of_its_own_width() {
        let mut checked = 0;
        for c in (0..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|&c| is_simple(c))
        {
            // An Extend or Prepend character would join "a", Hangul or regional indicators
            // would join each other, a control character would be dropped.
            let text = format!("a{c}{c}a");
            let expected = [("a", 1), (&*c.to_string(), simple_width(c))];
            let got = ratatui_graphemes(&text);
            let got: Vec<(&str, usize)> = got.iter().map(|(_, s, w)| (s.as_str(), *w)).collect();
            assert_eq!(
                got,
                [expected[0], expected[1], expected[1], expected[0]],
                "{c:?}"
            );
            checked += 1;
        }
        assert!(checked > 28_000);
    }

    #[test]
    fn the_fast_path_agrees_with_ratatui_around_complex_characters() {
        for text in [
            "",
            "中文",
            "e\u{301}中\u{301}文",
            "\u{301}开头",
            "a\tb\nc\r\nd\u{1}",
            "👍🏽好👨‍👩‍👧",
            "한국어中文",
            "ｶﾞｷﾞ",
            "❤\u{FE0F}心",
            "中\u{200D}文\u{FE0F}",
            "\u{1F1E8}\u{1F1F3}中国",
            "x\u{301}\u{301}",
        ] {
            assert_eq!(fast_graphemes(text), ratatui_graphemes(text), "{text:?}");
        }
    }

    proptest! {
        #[test]
        fn the_fast_path_agrees_with_ratatui_on_random_text(chars in prop::collection::vec(
            prop::sample::select(vec![
                '中', '，', '“', 'a', '1', ' ', '\u{3000}', '\t', '\n', '\r', '\u{1}', '\u{301}',
                '\u{200D}', '\u{FE0F}', '👍', '\u{1F3FD}', '한', '\u{1161}', '\u{1100}', 'ｶ',
                '\u{FF9E}', '\u{1F1E8}', '\u{0915}', '\u{094D}', '\u{0600}', '\u{AD}',
            ]),
            0..40,
        )) {
            let text: String = chars.into_iter().collect();
            prop_assert_eq!(fast_graphemes(&text), ratatui_graphemes(&text));
        }
    }
}
