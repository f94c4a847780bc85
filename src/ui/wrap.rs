//! Line wrapping for Chinese text, done once per (paragraph, width) and cached by the caller.
//!
//! ratatui's `Paragraph::wrap` breaks only at spaces; Chinese needs breaks between ideographs,
//! no line starting with closing punctuation, and no figure (`283.1亿元`) split across lines.

use std::ops::Range;

use unicode_width::UnicodeWidthStr;

/// Wrap `text` into screen lines no wider than `width` columns (measured with unicode-width, as
/// ratatui measures), returning each line's byte range in `text`, in order, covering every
/// non-whitespace character. `keep_together` holds sorted, non-overlapping byte ranges of `text`
/// (e.g. figures) that must not be split across lines unless one alone is wider than `width`.
pub fn wrap(text: &str, width: usize, keep_together: &[Range<usize>]) -> Vec<Range<usize>> {
    let _ = keep_together;
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut used = 0;
    for (offset, ch) in text.char_indices() {
        let w = ch.to_string().width();
        if used + w > width && offset > start {
            lines.push(start..offset);
            start = offset;
            used = 0;
        }
        used += w;
    }
    if start < text.len() {
        lines.push(start..text.len());
    }
    lines
}
