//! Reports in the formats users download besides plain text: Word files (`.docx`) and web pages
//! saved from a browser (`.html`, `.htm`). Each is turned into plain text, one line per
//! paragraph, so that the cleaning and outline rules read it exactly as they read a `.txt`.
//!
//! Which reader a file gets is told by its extension; anything else is read as text.

mod charset;
pub mod docx;
pub mod html;
mod nesting;

use std::path::Path;

use super::decode::Decoded;
use super::load_error::{LoadError, decode_reporting};

/// How a file is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text in any encoding [`super::decode`] knows.
    Text,
    /// A Word file (Office Open XML).
    Docx,
    /// A web page.
    Html,
    /// A kind of document that is not read (RTF, a single-file web page), which many sites
    /// serve as `.doc`: refused with this reason and what to do.
    Refused(&'static str),
}

impl Format {
    /// The format of a report file by its extension, `None` when the extension is not one of a
    /// report (`.txt`, `.docx`, `.html`, `.htm`): what a directory is searched for.
    pub fn of_report(path: &Path) -> Option<Format> {
        let extension = path.extension()?.to_str()?.to_ascii_lowercase();
        match extension.as_str() {
            "txt" => Some(Format::Text),
            "docx" => Some(Format::Docx),
            "html" | "htm" => Some(Format::Html),
            _ => None,
        }
    }

    /// The format a file is read in: its extension's when it is a report's; else what its
    /// bytes are (a `.doc` that is a saved web page, as sites often serve; a zip; an old Word
    /// file, refused with a reason), text for anything else.
    pub fn of_file(path: &Path, bytes: &[u8]) -> Format {
        Format::of_report(path).unwrap_or_else(|| Format::of_bytes(bytes))
    }

    /// What `bytes` look like: a zip or OLE file (Word), a page (HTML), RTF, or text.
    pub fn of_bytes(bytes: &[u8]) -> Format {
        const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
        if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(OLE) {
            return Format::Docx;
        }
        if bytes.starts_with(b"{\\rtf") {
            return Format::Refused(
                "an RTF document, which is not read: save it as .docx or as text",
            );
        }
        if bytes.starts_with(b"MIME-Version:") || bytes.starts_with(b"From: <Saved by") {
            return Format::Refused(
                "a single-file web page (MHT), which is not read: save it from a browser as .html",
            );
        }
        let start = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        let head = start[..start.len().min(1024)]
            .trim_ascii_start()
            .to_ascii_lowercase();
        let page = ["<!doctype html", "<html", "<head", "<meta", "<body"]
            .iter()
            .any(|tag| head.starts_with(tag.as_bytes()))
            || (head.starts_with(b"<?xml") && memchr::memmem::find(&head, b"<html").is_some());
        if page { Format::Html } else { Format::Text }
    }
}

/// Turn `bytes`, read from `path`, into text in `format`: the text, or why there is none, and
/// an error naming `path` when it could not be read or was read only in part.
pub fn to_text(
    path: &Path,
    format: Format,
    bytes: Vec<u8>,
) -> (Option<Decoded>, Option<LoadError>) {
    let refused = |reason: String| LoadError::Unreadable {
        path: path.to_path_buf(),
        reason,
    };
    match format {
        Format::Text => decode_reporting(path.to_path_buf(), bytes),
        Format::Docx => match docx::read(&bytes) {
            Ok(converted) => {
                let mut decoded = clean(converted.text, docx::ENCODING);
                decoded.headings = converted.headings;
                (Some(decoded), None)
            }
            Err(error) => (None, Some(refused(error.to_string()))),
        },
        Format::Refused(reason) => (None, Some(refused(reason.to_string()))),
        Format::Html => match html::to_text(bytes) {
            Ok(page) => {
                let warning = page.warning.map(|reason| LoadError::Damaged {
                    path: path.to_path_buf(),
                    reason,
                });
                let mut decoded = clean(page.text, page.encoding);
                decoded.headings = page.headings;
                (Some(decoded), warning)
            }
            Err(error) => (None, Some(refused(error.to_string()))),
        },
    }
}

/// Converted text as [`Decoded`]: nothing in it was replaced.
fn clean(text: String, encoding: &'static str) -> Decoded {
    Decoded {
        text,
        encoding,
        replaced: 0,
        first_damage_line: 0,
        headings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_by_extension() {
        assert_eq!(Format::of_report(Path::new("a.TXT")), Some(Format::Text));
        assert_eq!(Format::of_report(Path::new("a/b.Docx")), Some(Format::Docx));
        assert_eq!(Format::of_report(Path::new("a.htm")), Some(Format::Html));
        assert_eq!(Format::of_report(Path::new("a.HTML")), Some(Format::Html));
        assert_eq!(Format::of_report(Path::new("a.doc")), None);
        assert_eq!(Format::of_report(Path::new("docx")), None);
        let of_file = |name: &str, bytes: &[u8]| Format::of_file(Path::new(name), bytes);
        assert_eq!(of_file("notes.md", b"# notes"), Format::Text);
        assert_eq!(of_file("a.txt", b"<html><p>x</p>"), Format::Text);
        assert_eq!(
            of_file("report.doc", b"\xEF\xBB\xBF\r\n <HTML><p>x</p>"),
            Format::Html
        );
        assert_eq!(
            of_file("report.doc", b"<?xml version=\"1.0\"?>\n<html xmlns=\"x\">"),
            Format::Html
        );
        assert_eq!(
            of_file("report.doc", &[0xD0, 0xCF, 0x11, 0xE0, 0xA1]),
            Format::Docx
        );
        assert_eq!(of_file("report", b"PK\x03\x04rest"), Format::Docx);
        assert!(matches!(
            of_file("report.doc", b"{\\rtf1\\ansi"),
            Format::Refused(reason) if reason.contains("RTF")
        ));
        assert!(matches!(
            of_file("report.doc", b"MIME-Version: 1.0\r\nContent-Type: multipart/related"),
            Format::Refused(reason) if reason.contains("MHT")
        ));
        assert_eq!(of_file("report", "一、总体要求".as_bytes()), Format::Text);
    }
}
