//! How deep a web page's elements nest, measured before it is parsed. A browser's parser scans
//! the stack of open elements for many start tags, so a page of a hundred thousand nested
//! `<div>`s takes minutes to parse; real pages nest a few dozen deep. This pass follows the
//! page's tags with the few rules that keep real pages shallow (an end tag closes what it
//! encloses, a new `<p>` or `<li>` closes the last, scripts and styles hold no tags) and stops
//! at the first element past the limit.

/// Elements that never have content or an end tag.
const VOID: &[&[u8]] = &[
    b"area",
    b"base",
    b"br",
    b"col",
    b"embed",
    b"hr",
    b"img",
    b"input",
    b"link",
    b"meta",
    b"param",
    b"source",
    b"track",
    b"wbr",
    b"keygen",
    b"basefont",
    b"bgsound",
    b"frame",
    b"image",
];

/// Elements whose start closes an open element of the same name (they do not nest in
/// practice): `<p>a<p>b`, `<li>a<li>b`, table cells and rows.
const SIBLINGS: &[&[u8]] = &[
    b"p", b"li", b"dt", b"dd", b"tr", b"td", b"th", b"option", b"tbody", b"thead", b"tfoot",
];

/// Elements whose content is text, not tags.
const RAW_TEXT: &[&[u8]] = &[
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
];

/// Whether `html` nests elements more than `limit` deep.
pub fn deeper_than(html: &str, limit: usize) -> bool {
    let bytes = html.as_bytes();
    let mut open: Vec<&[u8]> = Vec::new();
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let start = at + found + 1;
        let closing = bytes.get(start) == Some(&b'/');
        let name_start = start + usize::from(closing);
        let name_len = bytes[name_start..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
        at = name_start + name_len;
        if name_len == 0 {
            continue;
        }
        let name = &bytes[name_start..at];
        let is = |names: &[&[u8]]| names.iter().any(|n| n.eq_ignore_ascii_case(name));
        if closing {
            if let Some(i) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name)) {
                open.truncate(i);
            }
        } else if is(RAW_TEXT) {
            // Skip to the end tag (or to the end: an unclosed script holds the rest).
            let mut from = at;
            at = bytes.len();
            while let Some(found) = memchr::memmem::find(&bytes[from..], b"</") {
                let end = from + found;
                let tag = bytes.get(end + 2..end + 2 + name.len());
                if tag.is_some_and(|tag| tag.eq_ignore_ascii_case(name)) {
                    at = end;
                    break;
                }
                from = end + 2;
            }
        } else if !is(VOID) {
            if is(SIBLINGS)
                && let Some(i) = open.iter().rposition(|n| n.eq_ignore_ascii_case(name))
            {
                open.truncate(i);
            }
            open.push(name);
            if open.len() > limit {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_pages_are_shallow_and_hostile_ones_deep() {
        let paragraphs = "<div><p><font>一<p><font>二<br><li>三<li>四</div>".repeat(2000);
        let sloppy = format!("<html><body>{paragraphs}</body></html>");
        assert!(!deeper_than(&sloppy, 20));
        let scripted = format!(
            "<div><script>{}</script></div>",
            "if (a<b) x<y;".repeat(5000)
        );
        assert!(!deeper_than(&scripted, 20));
        assert!(deeper_than(&"<div>".repeat(21), 20));
        assert!(deeper_than(&"<FONT size=3>".repeat(21), 20));
        assert!(!deeper_than(&"<div></DIV>".repeat(1000), 1));
        assert!(!deeper_than("<", 1));
        assert!(!deeper_than("<script", 1));
        assert!(!deeper_than("<div><Script>a</b></SCRIPT></div>", 1));
    }
}
