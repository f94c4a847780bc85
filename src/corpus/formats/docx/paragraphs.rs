//! The paragraphs of one part of a Word file (the body, the footnotes), read as a stream of
//! XML events into lines: what each open paragraph, table row and cell has collected so far
//! is a [`Frame`] on a stack, so text boxes and nested tables land where Word shows them.
//! Fields are followed too: a table of contents (a `TOC` field's result) repeats the headings
//! with page numbers, and is left out so the outline meets each heading once.
//!
//! A paragraph Word marks as a heading (an outline level, its own or its style's) or whose
//! text is all bold is noted as a heading candidate, for a document whose headings carry no
//! number the outline could know them by.

use quick_xml::NsReader;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::{Namespace, ResolveResult};

use super::numbering::{ListRef, Numbering};
use super::styles::toggle_on;
use super::{DocxError, attribute, is_word};

/// Markup compatibility: `mc:Fallback` repeats what `mc:Choice` holds, for older readers.
const MC_NAMESPACE: &str = "http://schemas.openxmlformats.org/markup-compatibility/2006";
/// A heading candidate: an index in the lines, and the outline level (0 = top) Word gives it,
/// `None` for a paragraph that is only bold.
pub(super) type Candidate = (usize, Option<u8>);

/// What an open element collects: a paragraph's text, a table row's cells, a cell's lines.
enum Frame {
    Paragraph {
        text: String,
        /// Lines of text boxes anchored in the paragraph, written after it.
        after: Vec<String>,
        /// The list and style the paragraph's number comes from.
        list: ListRef,
        /// Whether its text is a table of contents' entry.
        contents: bool,
        /// The outline level (0 = top) it sets itself.
        outline: Option<u8>,
        /// Whether some of its shown text is bold, and whether some is not.
        bold: (bool, bool),
    },
    Row(Vec<String>),
    Cell(Vec<String>),
}

/// The paragraphs of one part, read as a stream of XML events.
pub(super) struct Paragraphs {
    numbering: Numbering,
    lines: Vec<String>,
    frames: Vec<Frame>,
    /// Open elements whose content is left out (deleted text, fallbacks, property changes).
    skipping: usize,
    in_properties: bool,
    /// Inside a run's properties (`w:r/w:rPr`).
    in_run_properties: bool,
    in_text: bool,
    hidden_run: bool,
    /// Whether the open run says it is bold or not (`None`: as its paragraph's style).
    bold_run: Option<bool>,
    /// Heading candidates: an index in `lines` and the outline level (0 = top) Word gives it,
    /// `None` for a paragraph that is only bold.
    headings: Vec<Candidate>,
    /// The instructions of the fields open here (`TOC \o "1-3"`, `PAGEREF _Toc1`), outermost first.
    fields: Vec<String>,
    in_instruction: bool,
    /// The table of contents' lines, kept aside in case its field never ends (a damaged file),
    /// when they are the rest of the document.
    held: Vec<String>,
}

impl Paragraphs {
    pub(super) fn new(numbering: Numbering) -> Paragraphs {
        Paragraphs {
            numbering,
            lines: Vec::new(),
            frames: Vec::new(),
            skipping: 0,
            in_properties: false,
            in_run_properties: false,
            in_text: false,
            hidden_run: false,
            bold_run: None,
            headings: Vec::new(),
            fields: Vec::new(),
            in_instruction: false,
            held: Vec::new(),
        }
    }

    /// Every paragraph of the part `name` (its XML `xml`) as a line, and the heading candidates
    /// among them (an index in the lines, and the outline level Word gives it if any).
    pub(super) fn read(
        mut self,
        name: &str,
        xml: &[u8],
    ) -> Result<(Vec<String>, Vec<Candidate>), DocxError> {
        let mut reader = NsReader::from_reader(xml);
        let mut buf = Vec::new();
        let mut depth = 0usize;
        let broken = |reader: &NsReader<&[u8]>, reason: String| DocxError::BrokenXml {
            part: name.to_string(),
            position: reader.error_position(),
            reason,
        };
        loop {
            let (namespace, event) = match reader.read_resolved_event_into(&mut buf) {
                Ok(read) => read,
                Err(error) => {
                    let reason = error.to_string();
                    return Err(broken(&reader, reason));
                }
            };
            match event {
                Event::Start(e) => {
                    depth += 1;
                    self.start(&namespace, &e, false);
                }
                Event::Empty(e) => {
                    self.start(&namespace, &e, true);
                    self.end(&namespace, e.local_name().as_ref());
                }
                Event::End(e) => {
                    depth = depth.saturating_sub(1);
                    self.end(&namespace, e.local_name().as_ref());
                }
                Event::Text(text) => self.text(&text),
                Event::CData(text) => self.text(&text),
                Event::GeneralRef(reference) => {
                    let c = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c),
                        _ => match reference.as_ref() {
                            "amp" => Some('&'),
                            "lt" => Some('<'),
                            "gt" => Some('>'),
                            "quot" => Some('"'),
                            "apos" => Some('\''),
                            _ => None,
                        },
                    };
                    let Some(c) = c else {
                        return Err(broken(&reader, "unknown entity".to_string()));
                    };
                    self.text(c.encode_utf8(&mut [0; 4]));
                }
                Event::Eof if depth > 0 => {
                    return Err(broken(
                        &reader,
                        "ends before its elements close".to_string(),
                    ));
                }
                Event::Eof => {
                    if self.in_contents() {
                        self.lines.append(&mut self.held);
                    }
                    break;
                }
                _ => {}
            }
            buf.clear();
        }
        Ok((self.lines, self.headings))
    }

    fn start(&mut self, namespace: &ResolveResult, element: &BytesStart, empty: bool) {
        let name = element.local_name();
        let name = name.as_ref();
        if self.skipping > 0 {
            self.skipping += usize::from(!empty);
            return;
        }
        if matches!(namespace, ResolveResult::Bound(Namespace(ns)) if *ns == MC_NAMESPACE) {
            if name == "Fallback" && !empty {
                self.skipping = 1;
            }
            return;
        }
        if !is_word(namespace) {
            return;
        }
        match name {
            "del" | "moveFrom" | "pPrChange" | "rPrChange" | "sectPr" | "tblPrChange" if !empty => {
                self.skipping = 1;
            }
            "pPr" => self.in_properties = !empty,
            "rPr" if !self.in_properties => self.in_run_properties = !empty,
            "p" => self.frames.push(Frame::Paragraph {
                text: String::new(),
                after: Vec::new(),
                list: ListRef::default(),
                contents: self.in_contents(),
                outline: None,
                bold: (false, false),
            }),
            "tr" => self.frames.push(Frame::Row(Vec::new())),
            "tc" => self.frames.push(Frame::Cell(Vec::new())),
            "r" => {
                self.hidden_run = false;
                self.bold_run = None;
            }
            "b" if self.in_run_properties => {
                self.bold_run = Some(toggle_on(attribute(element, "val")));
            }
            "outlineLvl" if self.in_properties => {
                if let Some(Frame::Paragraph { outline, .. }) = self.frames.last_mut() {
                    *outline = attribute(element, "val").and_then(|v| v.parse().ok());
                }
            }
            "vanish" if !self.in_properties => {
                self.hidden_run = attribute(element, "val")
                    .is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"));
            }
            "numId" | "ilvl" | "pStyle" if self.in_properties => {
                if let Some(Frame::Paragraph { list, .. }) = self.frames.last_mut() {
                    let value = attribute(element, "val");
                    match name {
                        "numId" => list.list = value,
                        "ilvl" => list.level = value.and_then(|v| v.parse().ok()),
                        _ => list.style = value,
                    }
                }
            }
            "t" => self.in_text = !empty,
            "instrText" => self.in_instruction = !empty,
            "fldChar" => match attribute(element, "fldCharType").as_deref() {
                Some("begin") => self.fields.push(String::new()),
                Some("end") => drop(self.fields.pop()),
                _ => {}
            },
            "fldSimple" if !empty => self
                .fields
                .push(attribute(element, "instr").unwrap_or_default()),
            "tab" if !self.in_properties => self.push('\t'),
            "br" | "cr" => {
                let kind = attribute(element, "type");
                if kind.is_none_or(|kind| kind == "textWrapping") {
                    self.push('\n');
                }
            }
            "noBreakHyphen" => self.push('-'),
            _ => {}
        }
    }

    fn end(&mut self, namespace: &ResolveResult, name: &str) {
        if self.skipping > 0 {
            self.skipping -= 1;
            return;
        }
        if !is_word(namespace) {
            return;
        }
        match name {
            "pPr" => self.in_properties = false,
            "rPr" => self.in_run_properties = false,
            "t" => self.in_text = false,
            "instrText" => self.in_instruction = false,
            "fldSimple" => drop(self.fields.pop()),
            "r" => {
                self.hidden_run = false;
                self.bold_run = None;
            }
            "p" => {
                if let Some(Frame::Paragraph {
                    text,
                    after,
                    list,
                    contents,
                    outline,
                    bold,
                }) = self.pop_if(is_paragraph)
                {
                    let label = self.numbering.label_of(&list);
                    if !contents && !self.in_contents() {
                        if self.frames.is_empty() {
                            self.note_heading(&list, outline, bold);
                        }
                        self.deliver(label + &text);
                    } else if self.frames.is_empty() {
                        self.held.push(label + &text);
                    }
                    after.into_iter().for_each(|line| self.deliver(line));
                }
            }
            "tc" => {
                if let Some(Frame::Cell(lines)) = self.pop_if(|f| matches!(f, Frame::Cell(_))) {
                    let cell = lines.join(" ").replace('\n', " ");
                    if let Some(Frame::Row(cells)) = self.frames.last_mut() {
                        cells.push(cell.trim().to_string());
                    } else {
                        self.deliver(cell);
                    }
                }
            }
            "tr" => {
                if let Some(Frame::Row(cells)) = self.pop_if(|f| matches!(f, Frame::Row(_))) {
                    self.deliver(cells.join("\t"));
                }
            }
            _ => {}
        }
    }

    /// The top frame, if `test` holds for it (an element closing that never opened is ignored).
    fn pop_if(&mut self, test: impl Fn(&Frame) -> bool) -> Option<Frame> {
        self.frames.pop_if(|frame| test(frame))
    }

    fn text(&mut self, text: &str) {
        if self.skipping > 0 {
            return;
        }
        if self.in_instruction {
            if let Some(instruction) = self.fields.last_mut() {
                instruction.push_str(text);
            }
        } else if self.in_text {
            self.append(text);
        }
    }

    fn push(&mut self, c: char) {
        if self.skipping == 0 {
            self.append(c.encode_utf8(&mut [0; 4]));
        }
    }

    /// Whether a table of contents is open: a paragraph in it, or starting or ending it, is
    /// left out.
    fn in_contents(&self) -> bool {
        self.fields
            .iter()
            .any(|f| f.trim_start().starts_with("TOC"))
    }

    /// Text shown in the open paragraph (unless hidden), noting a table of contents' entry
    /// and whether the text is bold.
    fn append(&mut self, shown: &str) {
        let in_contents = self.in_contents();
        if self.hidden_run {
            return;
        }
        let styles = &self.numbering.styles;
        if let Some(Frame::Paragraph {
            text,
            contents,
            list,
            bold,
            ..
        }) = self.frames.last_mut()
        {
            text.push_str(shown);
            *contents |= in_contents;
            if !shown.trim().is_empty() {
                let is_bold = self
                    .bold_run
                    .unwrap_or_else(|| list.style.as_deref().is_some_and(|s| styles.bold(s)));
                if is_bold {
                    bold.0 = true;
                } else {
                    bold.1 = true;
                }
            }
        }
    }

    /// Note the paragraph about to be the next line as a heading candidate when Word gives it
    /// an outline level (its own, else its style's) or all its shown text is bold.
    fn note_heading(&mut self, list: &ListRef, outline: Option<u8>, (bold, plain): (bool, bool)) {
        let styles = &self.numbering.styles;
        let level = match outline {
            Some(level) => Some(level).filter(|&level| level < 9),
            None => list.style.as_deref().and_then(|s| styles.outline_level(s)),
        };
        if level.is_some() || (bold && !plain) {
            self.headings.push((self.lines.len(), level));
        }
    }

    /// A finished line goes to what encloses it: a paragraph (a text box's), a cell, or the text.
    fn deliver(&mut self, line: String) {
        match self.frames.last_mut() {
            Some(Frame::Paragraph { after, .. }) => after.push(line),
            Some(Frame::Cell(lines)) => lines.push(line),
            Some(Frame::Row(cells)) => cells.push(line),
            None => self.lines.push(line),
        }
    }
}

fn is_paragraph(frame: &Frame) -> bool {
    matches!(frame, Frame::Paragraph { .. })
}
