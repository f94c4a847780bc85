//! White space in a page's text as a reader of Chinese wants it: HTML's collapsing, with line
//! ends and padding beside Chinese characters and punctuation dropped.

/// HTML's white space: each run of ASCII spaces, tabs and line ends becomes one space, and a
/// run with a line end next to a CJK character, or any run next to full-width punctuation,
/// none; trimmed. No-break spaces count as spaces (pages indent and align with them: Word's
/// `1.&nbsp;&nbsp;&nbsp;稳增长` reads `1. 稳增长`, `（一）&nbsp;&nbsp;稳增长` reads `（一）稳增长`);
/// ideographic spaces are kept. CSS removes such a line end only between two CJK characters;
/// Chinese puts no space between a word and a number either, so a paragraph wrapped in the
/// source at `增长` / `5.8%` reads `增长5.8%`, as it was written.
pub fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !is_html_space(c) {
            out.push(c);
            continue;
        }
        let mut line_end = c == '\n' || c == '\r';
        while let Some(&next) = chars.peek().filter(|&&n| is_html_space(n)) {
            line_end |= next == '\n' || next == '\r';
            chars.next();
        }
        let (before, after) = (out.chars().next_back(), chars.peek().copied());
        let beside = |test: fn(char) -> bool| before.is_some_and(test) || after.is_some_and(test);
        let joined = (line_end && beside(is_cjk)) || beside(is_cjk_punctuation);
        if before.is_some() && after.is_some() && !joined {
            out.push(' ');
        }
    }
    out
}

/// Full-width punctuation (`、`, `（`, `）`, `，`, `【`…), which carries its own spacing: a space
/// beside it is an artefact, such as the padding Word puts after a list's `（一）`.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c,
        '\u{3001}'..='\u{303F}' | '\u{FF01}'..='\u{FF0F}' | '\u{FF1A}'..='\u{FF20}'
        | '\u{FF3B}'..='\u{FF40}' | '\u{FF5B}'..='\u{FF65}')
}

fn is_html_space(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}' | '\u{a0}')
}

/// Wide East Asian characters (Hangul excepted, as CSS does): CJK ideographs, kana, fullwidth
/// forms and CJK punctuation.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{2E80}'..='\u{303F}' | '\u{3040}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}' | '\u{FF00}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}'
        | '\u{20000}'..='\u{3FFFD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn white_space_collapses_but_a_wrapped_line_in_chinese_joins() {
        assert_eq!(
            collapse("  增长\n  5.8%，\n 高质量 发展 \n"),
            "增长5.8%，高质量 发展"
        );
        assert_eq!(collapse("a \t\n b"), "a b");
        assert_eq!(collapse("增长 5.8%"), "增长 5.8%");
        assert_eq!(
            collapse("\u{a0}\u{a0}1.\u{a0}\u{a0}\u{a0} 稳增长"),
            "1. 稳增长"
        );
        assert_eq!(
            collapse("（一）\u{a0}\u{a0} 稳增长 ， 促改革"),
            "（一）稳增长，促改革"
        );
        assert_eq!(collapse("\u{3000}\u{3000}正文"), "\u{3000}\u{3000}正文");
    }
}
