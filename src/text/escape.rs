//! Text from a report printed to a terminal must not drive it: an `ESC ] 52` sequence would
//! write the clipboard, `ESC [ 2 J` clear the screen, U+202E reverse what follows. Every text
//! output of the command line passes report text through
//! [`escaped`](crate::text::escape::escaped) (or
//! [`escaped_line`](crate::text::escape::escaped_line) for one-line fields), which shows such
//! characters as `\u{1b}` instead of sending them.

use std::borrow::Cow;

/// Whether `c` must not reach a terminal raw: C0 controls other than tab and line feed,
/// carriage return, DEL, C1 controls, and the bidirectional formatting characters.
pub fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t' && c != '\n')
        || matches!(
            c,
            '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
        )
}

/// `text` with every [`is_unsafe`] character written as `\u{…}`; line feeds and tabs kept.
/// Borrowed (no copy) when there is nothing to escape, as almost always.
pub fn escaped(text: &str) -> Cow<'_, str> {
    escape_where(text, is_unsafe)
}

/// [`escaped`] for a one-line field: line feeds are escaped too.
pub fn escaped_line(text: &str) -> Cow<'_, str> {
    escape_where(text, |c| c == '\n' || is_unsafe(c))
}

fn escape_where(text: &str, unsafe_char: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if unsafe_char(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_and_bidi_are_escaped_and_chinese_is_not() {
        let hostile = "增长\u{1b}]52;c;SGVsbG8=\u{7}\u{1b}[2J\u{202e}5%\r\u{9b}";
        let safe = escaped(hostile);
        assert!(!safe.chars().any(is_unsafe), "{safe}");
        assert_eq!(
            safe,
            "增长\\u{1b}]52;c;SGVsbG8=\\u{7}\\u{1b}[2J\\u{202e}5%\\u{d}\\u{9b}"
        );
        assert!(matches!(escaped("生产总值\t增长\n"), Cow::Borrowed(_)));
        assert_eq!(escaped_line("一\n二"), "一\\u{a}二");
    }
}
