//! Word files (`.docx`): a zip archive whose `word/document.xml` holds the paragraphs. The text
//! is one line per paragraph, in order, as Word shows it: list numbers Word draws itself
//! (`一、` from a numbered list) written out, a table row on one line with its cells separated
//! by tabs, a text box's paragraphs after the paragraph that holds it, footnotes and endnotes
//! after the body. Deleted (tracked) and hidden text, field codes and the fallback copy of a
//! drawing are left out. Paragraphs Word marks as headings (an outline level) or sets all in
//! bold are passed on as heading candidates ([`HeadingHint`]).
//!
//! Every part is decompressed under one size cap, so a zip bomb is an error, not a crash.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};
use quick_xml::{NsReader, XmlVersion};
use zip::ZipArchive;
use zip::result::ZipError;

mod number_formats;
mod numbering;
mod paragraphs;
mod styles;
#[cfg(test)]
mod tests;

use crate::corpus::outline::HeadingHint;
use numbering::Numbering;
use paragraphs::Paragraphs;
use styles::Styles;

/// What [`super::super::Report::encoding`] says of a Word file.
pub const ENCODING: &str = "DOCX";

/// The most bytes all parts of one file may decompress to: a long report's XML is well under
/// 1 MB, so this is only ever reached by a damaged file or a zip bomb.
pub const MAX_UNZIPPED: u64 = 64 << 20;

/// WordprocessingML, as Word writes it and in its strict ISO form.
const WORD_NAMESPACES: [&str; 2] = [
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/// Why a Word file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocxError {
    /// Not a zip archive at all.
    #[error("not a Word file (.docx is a zip archive; this is not one)")]
    NotZip,
    /// An OLE compound file with a `.docx` name: an old binary `.doc`, or a Word file saved
    /// with a password (Word wraps those in one).
    #[error(
        "not a readable .docx: a Word 97–2003 .doc file or a password-protected Word file; save it as an unprotected .docx or as text"
    )]
    OldWord,
    /// The archive is damaged or cut short.
    #[error("damaged Word file: {0}")]
    Damaged(String),
    /// The archive holds no document part.
    #[error("not a Word file: the archive has no {0}")]
    NoDocument(String),
    /// Decompressing would pass [`MAX_UNZIPPED`].
    #[error("Word file too large: {part} decompresses to more than {} MB (a damaged file or a zip bomb)", MAX_UNZIPPED >> 20)]
    TooLarge {
        /// The part being read when the cap was passed.
        part: String,
    },
    /// A part is not well-formed XML.
    #[error("damaged Word file: {part} is broken XML at byte {position}: {reason}")]
    BrokenXml {
        /// The part.
        part: String,
        /// Where in the part's XML.
        position: u64,
        /// What the XML reader said.
        reason: String,
    },
    /// The document has no text.
    #[error("empty Word document (no text in any paragraph)")]
    Empty,
}

/// The text of a Word file: one line per paragraph, body first, then footnotes and endnotes.
pub fn to_text(bytes: &[u8]) -> Result<String, DocxError> {
    read(bytes).map(|converted| converted.text)
}

/// A Word file as text, with the paragraphs Word marks as headings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Converted {
    /// One line per paragraph, as [`to_text`] gives it.
    pub text: String,
    /// The body's heading candidates, by line of `text`, in order.
    pub headings: Vec<HeadingHint>,
}

/// Read a Word file: its text ([`to_text`]) and heading candidates.
pub fn read(bytes: &[u8]) -> Result<Converted, DocxError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(DocxError::OldWord);
    }
    if !bytes.starts_with(b"PK") {
        return Err(DocxError::NotZip);
    }
    let mut archive = Archive {
        zip: ZipArchive::new(Cursor::new(bytes))
            .map_err(|e| DocxError::Damaged(format!("cut short or corrupted zip archive ({e})")))?,
        budget: MAX_UNZIPPED,
    };
    let document = main_part(&mut archive)?;
    let folder = document.rsplit_once('/').map_or("", |(folder, _)| folder);
    let part = |name: &str| match folder {
        "" => name.to_string(),
        folder => format!("{folder}/{name}"),
    };
    let xml = archive
        .read(&document)?
        .ok_or_else(|| DocxError::NoDocument(document.clone()))?;
    // Lists and styles that cannot be read leave paragraphs unnumbered, not the file unread.
    let mut numbering = match archive.read(&part("numbering.xml"))? {
        Some(xml) => Numbering::parse(&xml).unwrap_or_default(),
        None => Numbering::default(),
    };
    if let Some(xml) = archive.read(&part("styles.xml"))? {
        numbering.styles = Styles::parse(&xml).unwrap_or_default();
    }
    let (mut lines, candidates) = Paragraphs::new(numbering).read(&document, &xml)?;
    let headings = heading_lines(&lines, &candidates);
    for notes in ["footnotes.xml", "endnotes.xml"] {
        let name = part(notes);
        if let Some(xml) = archive.read(&name)? {
            let (notes, _) = Paragraphs::new(Numbering::default()).read(&name, &xml)?;
            lines.extend(notes.into_iter().filter(|line| !line.trim().is_empty()));
        }
    }
    if lines.iter().all(|line| line.trim().is_empty()) {
        return Err(DocxError::Empty);
    }
    let mut text = lines.join("\n");
    text.push('\n');
    Ok(Converted { text, headings })
}

/// The heading candidates (an index in `paragraphs`, a level) by line of the text the
/// paragraphs make: a paragraph broken by `<w:br/>` takes more than one line, and is no heading.
fn heading_lines(paragraphs: &[String], candidates: &[paragraphs::Candidate]) -> Vec<HeadingHint> {
    let mut headings = Vec::with_capacity(candidates.len());
    let mut line = 0;
    let mut next = candidates.iter().peekable();
    for (index, paragraph) in paragraphs.iter().enumerate() {
        let breaks = memchr::memchr_iter(b'\n', paragraph.as_bytes()).count();
        if let Some((_, level)) = next.next_if(|(at, _)| *at == index)
            && breaks == 0
        {
            headings.push(HeadingHint {
                line,
                level: *level,
            });
        }
        line += breaks + 1;
    }
    headings
}

/// The archive, and how many more bytes its parts may decompress to.
struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    budget: u64,
}

impl Archive<'_> {
    /// The decompressed part `name`, `None` when the archive has no such part.
    fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, DocxError> {
        let mut file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(DocxError::Damaged(format!("{name}: {error}"))),
        };
        let mut bytes = Vec::with_capacity(file.size().min(self.budget) as usize);
        let read = (&mut file)
            .take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| DocxError::Damaged(format!("{name}: {e}")))?;
        if read as u64 > self.budget {
            return Err(DocxError::TooLarge {
                part: name.to_string(),
            });
        }
        self.budget -= read as u64;
        Ok(Some(bytes))
    }
}

/// The main document part's name: where the package's relationships point, else the usual
/// `word/document.xml`.
fn main_part(archive: &mut Archive) -> Result<String, DocxError> {
    const DEFAULT: &str = "word/document.xml";
    let Some(rels) = archive.read("_rels/.rels")? else {
        return Ok(DEFAULT.to_string());
    };
    let mut reader = NsReader::from_reader(rels.as_slice());
    let mut buf = Vec::new();
    loop {
        match reader.read_event_into(&mut buf) {
            Ok(Event::Start(e) | Event::Empty(e)) if e.local_name().as_ref() == "Relationship" => {
                let is_document = attribute(&e, "Type")
                    .is_some_and(|t| t.ends_with("/officeDocument") && !t.contains("/metadata/"));
                if let (true, Some(target)) = (is_document, attribute(&e, "Target")) {
                    let target = target.trim_start_matches('/');
                    if archive.zip.index_for_name(target).is_some() {
                        return Ok(target.to_string());
                    }
                }
            }
            // Relationships that cannot be read leave the usual name.
            Ok(Event::Eof) | Err(_) => return Ok(DEFAULT.to_string()),
            Ok(_) => {}
        }
        buf.clear();
    }
}

/// The value of the attribute whose local name is `name`, unescaped.
pub(super) fn attribute(element: &BytesStart, name: &str) -> Option<String> {
    element
        .attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| {
            a.normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}

/// Whether a resolved name is in WordprocessingML.
pub(super) fn is_word(namespace: &ResolveResult) -> bool {
    matches!(namespace, ResolveResult::Bound(Namespace(ns)) if WORD_NAMESPACES.contains(ns))
}
