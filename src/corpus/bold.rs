//! Markdown bold left in a report by a converter (`**持续防治环境污染。**`): where its `**` are,
//! so that the reader hides them and a heading written in bold is read as one.

use std::ops::Range;

/// The byte ranges in `line` of the `**` that wrap text in Markdown bold (`**坚持创新驱动发展。**`),
/// two bytes each, in order.
pub fn bold_markers(line: &str) -> Vec<Range<usize>> {
    let stars = double_stars(line);
    let mut markers = Vec::new();
    let mut k = 0;
    while k + 1 < stars.len() {
        let (open, close) = (stars[k], stars[k + 1]);
        let inner = &line[open + 2..close];
        let wraps = !inner.is_empty()
            && !inner.starts_with(char::is_whitespace)
            && !inner.ends_with(char::is_whitespace);
        if wraps {
            markers.extend([open..open + 2, close..close + 2]);
            k += 2;
        } else {
            k += 1;
        }
    }
    markers
}

/// The part of `content` (a trimmed line) inside a Markdown bold pair that wraps all of it
/// (`**一、2024年工作回顾**` → `一、2024年工作回顾`), trimmed; `None` when no pair wraps it all.
pub fn inside_bold(content: &str) -> Option<Range<usize>> {
    if !content.starts_with("**") || !content.ends_with("**") {
        return None;
    }
    let markers = bold_markers(content);
    let [open, close] = markers.as_slice() else {
        return None;
    };
    (open.start == 0 && close.end == content.len()).then_some(open.end..close.start)
}

/// Where `line` has exactly two asterisks in a row (not one, not three).
fn double_stars(line: &str) -> Vec<usize> {
    let bytes = line.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(offset) = memchr::memchr(b'*', &bytes[at..]) {
        let start = at + offset;
        let run = bytes[start..].iter().take_while(|&&b| b == b'*').count();
        if run == 2 {
            found.push(start);
        }
        at = start + run;
    }
    found
}
