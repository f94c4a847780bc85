//! Word-processor markers that survive a conversion to text — `[bookmark: _GoBack]`,
//! `[comment: …]`, `{#_Toc123 .anchor}`, `[]{#_Hlk…}`, `<!-- … -->`, form feeds — recognised
//! at the start or end of a line so they can be cut off its content (a line of nothing else is
//! residue).

/// Cut word-processor markers off the start and end of `line[start..end]`.
pub fn cut(line: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    loop {
        let content = &line[start..end];
        if let Some(len) = leading_marker(content) {
            start += len;
            start += line[start..end].len() - line[start..end].trim_start().len();
        } else if let Some(len) = trailing_marker(content) {
            end -= len;
            end = start + line[start..end].trim_end().len();
        } else {
            return (start, end);
        }
        if start >= end {
            return (start, end);
        }
    }
}

/// The length of a marker at the start of `content`: `[bookmark: …]`, `{#_Toc… .anchor}`,
/// `[]{#…}`, `<!-- … -->`, a form feed.
fn leading_marker(content: &str) -> Option<usize> {
    if content.starts_with('\u{c}') {
        return Some(1);
    }
    if content.starts_with("<!--") {
        return content.find("-->").map(|at| at + 3);
    }
    let close = match content.as_bytes().first()? {
        b'[' => ']',
        b'{' => '}',
        _ => return None,
    };
    let end = content.find(close)? + 1;
    let inner = &content[1..end - 1];
    let marker = is_marker(inner) || (inner.is_empty() && close == ']');
    if !marker {
        return None;
    }
    // `[]{#_Toc123 .anchor}`: the braces belong to the same marker.
    let rest = &content[end..];
    if rest.starts_with('{')
        && let Some(more) = rest.find('}')
    {
        return Some(end + more + 1);
    }
    Some(end)
}

fn trailing_marker(content: &str) -> Option<usize> {
    if content.ends_with('\u{c}') {
        return Some(1);
    }
    if content.ends_with("-->") {
        return content.rfind("<!--").map(|at| content.len() - at);
    }
    let open = match content.as_bytes().last()? {
        b']' => '[',
        b'}' => '{',
        _ => return None,
    };
    let start = content.rfind(open)?;
    let inner = &content[start + 1..content.len() - 1];
    is_marker(inner).then_some(content.len() - start)
}

fn is_marker(inner: &str) -> bool {
    const KINDS: &[&str] = &[
        "bookmark:",
        "comment:",
        "footnote:",
        "endnote:",
        "image:",
        "#_Toc",
        "#_GoBack",
        "#_Hlk",
        "#_Ref",
        ".anchor",
        ".underline",
        ".mark",
    ];
    inner.starts_with("_GoBack")
        || inner.starts_with("_Toc")
        || KINDS.iter().any(|kind| inner.contains(kind))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut_str(line: &str) -> &str {
        let (start, end) = cut(line, 0, line.len());
        &line[start..end.max(start)]
    }

    #[test]
    fn markers_at_either_end() {
        assert_eq!(
            cut_str("[bookmark: _GoBack]（四）精心打造韧性宜居城"),
            "（四）精心打造韧性宜居城"
        );
        assert_eq!(
            cut_str("三、加强政府自身建设 {#_Toc12 .anchor}"),
            "三、加强政府自身建设"
        );
        assert_eq!(
            cut_str("[]{#_Hlk1}[comment: x]一、回顾<!-- note -->\u{c}"),
            "一、回顾"
        );
        assert_eq!(cut_str("[bookmark: _GoBack]"), "");
    }

    #[test]
    fn brackets_that_are_text_stay() {
        for line in [
            "[1] 见附件",
            "一、回顾[注1]",
            "{未闭合",
            "[bookmark: 未闭合",
            "<!--",
        ] {
            assert_eq!(cut_str(line), line);
        }
    }
}
