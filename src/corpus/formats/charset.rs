//! A web page's bytes to text: a byte-order mark first, then the charset the page declares
//! (`<meta charset="gb2312">`, `<meta http-equiv="Content-Type" content="text/html;
//! charset=GBK">`, an XML declaration), else the sniffing plain text gets (UTF-8, then
//! GB18030). A declaration that is unknown or that the bytes contradict is not trusted blindly:
//! the page is sniffed instead and the reader told.

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

use crate::corpus::decode::{DecodeError, Decoded, decode};

/// How far into a page a charset declaration is looked for: the HTML standard says 1024
/// bytes, but saved pages often carry long `<head>`s before it.
const DECLARATION_WITHIN: usize = 4096;

/// A page's text, the encoding it was read as, and a note when that was a guess against the
/// page's own declaration or bytes had to be replaced.
pub struct PageText {
    /// The decoded text, BOM removed.
    pub text: String,
    /// The encoding's name (`UTF-8`, `GBK`, `GB18030`…).
    pub encoding: &'static str,
    /// Why the reading is doubtful, for the user.
    pub warning: Option<String>,
}

/// Why a page's bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CharsetError {
    /// Not text in the declared charset, nor in any the sniffing knows.
    #[error("{0}")]
    Decode(DecodeError),
    /// The page declares a charset that is not known, and is not UTF-8 or GB18030 either.
    #[error("unknown charset {label:?} declared, and not UTF-8 or GB18030 text ({reason})")]
    Unknown {
        /// The label as declared.
        label: String,
        /// Why sniffing failed too.
        reason: DecodeError,
    },
}

/// Decode a page.
pub fn decode_page(bytes: Vec<u8>) -> Result<PageText, CharsetError> {
    if Encoding::for_bom(&bytes).is_some() {
        return sniffed(bytes);
    }
    let Some(label) = declared_charset(&bytes) else {
        return sniffed(bytes);
    };
    let Some(encoding) = Encoding::for_label(label.as_bytes()) else {
        let mut page = decode(bytes)
            .map_err(|reason| CharsetError::Unknown {
                label: label.clone(),
                reason,
            })
            .map(sniffed_from)?;
        let note = format!(
            "unknown charset {label:?} declared; read as {}",
            page.encoding
        );
        page.warning = Some(match page.warning {
            Some(damage) => format!("{note}; {damage}"),
            None => note,
        });
        return Ok(page);
    };
    // A page that declares UTF-16 without a BOM is ASCII-compatible text (the HTML standard).
    let encoding = if encoding == UTF_16LE || encoding == UTF_16BE {
        UTF_8
    } else {
        encoding
    };
    if let Some(text) = encoding.decode_without_bom_handling_and_without_replacement(&bytes) {
        // Checked as text (no NUL or control characters, not empty) as any file is.
        let checked = decode(text.into_owned().into_bytes()).map_err(CharsetError::Decode)?;
        return Ok(PageText {
            text: checked.text,
            encoding: encoding.name(),
            warning: None,
        });
    }
    // The bytes are not what the page declares: trust what they are when sniffing reads them
    // cleanly, else the declaration, with the damage replaced.
    match decode(bytes.clone()) {
        Ok(sniffed) if sniffed.replaced == 0 => Ok(PageText {
            warning: Some(format!(
                "declares charset {label:?} but is {}; read as {}",
                sniffed.encoding, sniffed.encoding
            )),
            text: sniffed.text,
            encoding: sniffed.encoding,
        }),
        _ => {
            let (text, _) = encoding.decode_without_bom_handling(&bytes);
            let replaced = text.matches('\u{FFFD}').count();
            let checked = decode(text.into_owned().into_bytes()).map_err(CharsetError::Decode)?;
            Ok(PageText {
                text: checked.text,
                encoding: encoding.name(),
                warning: Some(format!(
                    "{replaced} byte sequence(s) invalid in {} replaced by U+FFFD; loaded anyway",
                    encoding.name()
                )),
            })
        }
    }
}

/// Read as a text file is read (BOM, UTF-8, GB18030), with any damage noted.
fn sniffed(bytes: Vec<u8>) -> Result<PageText, CharsetError> {
    Ok(sniffed_from(decode(bytes).map_err(CharsetError::Decode)?))
}

fn sniffed_from(decoded: Decoded) -> PageText {
    let warning = (decoded.replaced > 0).then(|| {
        format!(
            "{} invalid UTF-8 byte sequence(s) replaced by U+FFFD, the first on line {}; loaded anyway",
            decoded.replaced, decoded.first_damage_line
        )
    });
    PageText {
        text: decoded.text,
        encoding: decoded.encoding,
        warning,
    }
}

/// The charset a page declares near its start, if any: in an XML declaration or a `<meta>`.
pub fn declared_charset(bytes: &[u8]) -> Option<String> {
    let head = bytes[..bytes.len().min(DECLARATION_WITHIN)].to_ascii_lowercase();
    if head.starts_with(b"<?xml") {
        let end = memchr::memmem::find(&head, b"?>").unwrap_or(head.len());
        if let Some(label) = value_after(&head[..end], b"encoding") {
            return Some(label);
        }
    }
    let mut from = 0;
    while let Some(at) = memchr::memmem::find(&head[from..], b"<meta") {
        let start = from + at;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |e| start + e);
        if let Some(label) = value_after(&head[start..end], b"charset") {
            return Some(label);
        }
        from = end;
    }
    None
}

/// The value after `name`, `=` and an optional quote, in `tag`.
fn value_after(tag: &[u8], name: &[u8]) -> Option<String> {
    let at = memchr::memmem::find(tag, name)? + name.len();
    let rest = tag[at..].trim_ascii_start().strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let rest = rest
        .strip_prefix(b"\"")
        .or_else(|| rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let len = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':'))
        .count();
    (len > 0).then(|| String::from_utf8_lossy(&rest[..len]).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations() {
        let cases: [(&str, Option<&str>); 6] = [
            (
                "<html><head><meta charset=\"gb2312\"></head>",
                Some("gb2312"),
            ),
            (
                "<META HTTP-EQUIV=\"Content-Type\" CONTENT=\"text/html; charset=GBK\">",
                Some("gbk"),
            ),
            ("<meta charset = 'utf-8' />", Some("utf-8")),
            (
                "<?xml version=\"1.0\" encoding=\"GB18030\"?><html>",
                Some("gb18030"),
            ),
            (
                "<meta name=\"keywords\" content=\"报告\"><p>charset=gbk</p>",
                None,
            ),
            ("<meta charset=>", None),
        ];
        for (page, expected) in cases {
            assert_eq!(
                declared_charset(page.as_bytes()).as_deref(),
                expected,
                "{page}"
            );
        }
    }

    #[test]
    fn declared_charset_is_used_and_checked() {
        let page = "<meta charset=\"gb2312\"><p>一、工作回顾</p>";
        let gbk = encoding_rs::GBK.encode(page).0.into_owned();
        let read = decode_page(gbk).unwrap();
        assert_eq!((read.text.as_str(), read.encoding), (page, "GBK"));
        assert!(read.warning.is_none());
        // Declared GBK, but the bytes are UTF-8: read as what they are, and said so.
        let read = decode_page(page.as_bytes().to_vec()).unwrap();
        assert_eq!((read.text.as_str(), read.encoding), (page, "UTF-8"));
        assert!(
            read.warning
                .unwrap()
                .contains("declares charset \"gb2312\"")
        );
    }

    #[test]
    fn unknown_charsets_are_sniffed_or_refused() {
        let page = "<meta charset=\"x-klingon\"><p>一、工作回顾</p>";
        let read = decode_page(page.as_bytes().to_vec()).unwrap();
        assert_eq!(read.encoding, "UTF-8");
        assert!(
            read.warning
                .unwrap()
                .contains("unknown charset \"x-klingon\"")
        );
        let mut junk = b"<meta charset=\"x-klingon\">".to_vec();
        junk.extend([0u8, 1, 2, 3, 0xFF, 0xFE, 0, 0]);
        let error = decode_page(junk).err().unwrap();
        assert!(error.to_string().contains("unknown charset"), "{error}");
        let mut binary = b"<meta charset=\"utf-8\">".to_vec();
        binary.extend([0u8, 1, 2, 3]);
        assert!(matches!(
            decode_page(binary),
            Err(CharsetError::Decode(DecodeError::Binary(_)))
        ));
    }
}
