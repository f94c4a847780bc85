//! What paragraph styles (`word/styles.xml`) say about their paragraphs: the list they put them
//! in (Word numbers a document's headings `一、`, `（一）` by giving the heading styles a list,
//! so a paragraph with no list of its own is numbered through its style, or the style it is
//! based on), whether they are headings (an outline level, or a `heading 1`/`标题 1` name), and
//! whether their text is bold.

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::Event;

use super::{attribute, is_word};

/// Paragraph styles by style id: their lists, heading levels and boldness.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
}

#[derive(Debug, Default)]
struct Style {
    list: Option<String>,
    level: Option<u8>,
    based_on: Option<String>,
    /// The outline level (0 = top) the style gives its paragraphs.
    outline: Option<u8>,
    /// Whether the style's runs are bold, when it says.
    bold: Option<bool>,
}

/// The outline level (0 = top) a style's name gives it: `heading 1`, `标题 2`.
fn heading_name_level(name: &str) -> Option<u8> {
    let lower = name.trim().to_lowercase();
    let number = lower
        .strip_prefix("heading")
        .or_else(|| lower.strip_prefix("标题"))?
        .trim();
    number.parse::<u8>().ok()?.checked_sub(1)
}

/// Whether a toggle property (`<w:b/>`, `<w:b w:val="0"/>`) is on.
pub(super) fn toggle_on(value: Option<String>) -> bool {
    value.is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off"))
}

impl Styles {
    /// Read `word/styles.xml`; `None` when it is not well-formed.
    pub fn parse(xml: &[u8]) -> Option<Styles> {
        let mut styles = HashMap::new();
        let mut reader = NsReader::from_reader(xml);
        let mut buf = Vec::new();
        let mut current: Option<(String, Style)> = None;
        // Inside a style's own paragraph properties (not a change record's, not a table's).
        let mut depth_in_properties = 0usize;
        // Inside a style's own run properties (not a paragraph's mark's).
        let mut in_run_properties = false;
        loop {
            let (namespace, event) = reader.read_resolved_event_into(&mut buf).ok()?;
            let is_word = is_word(&namespace);
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(e) | Event::Empty(e) if is_word => {
                    let name = e.local_name();
                    let value = || attribute(&e, "val");
                    match (name.as_ref(), &mut current) {
                        ("style", _) => {
                            current = attribute(&e, "styleId").map(|id| (id, Style::default()));
                        }
                        ("pPr", Some(_)) if !empty => depth_in_properties += 1,
                        ("pPrChange", _) if !empty => depth_in_properties += 100,
                        ("basedOn", Some((_, style))) => style.based_on = value(),
                        ("numId", Some((_, style))) if depth_in_properties == 1 => {
                            style.list = value();
                        }
                        ("ilvl", Some((_, style))) if depth_in_properties == 1 => {
                            style.level = value().and_then(|v| v.parse().ok());
                        }
                        ("outlineLvl", Some((_, style))) if depth_in_properties == 1 => {
                            style.outline = value().and_then(|v| v.parse().ok());
                        }
                        ("name", Some((_, style))) if style.outline.is_none() => {
                            style.outline = value().as_deref().and_then(heading_name_level);
                        }
                        ("rPr", Some(_)) if !empty && depth_in_properties == 0 => {
                            in_run_properties = true;
                        }
                        ("b", Some((_, style))) if in_run_properties => {
                            style.bold = Some(toggle_on(value()));
                        }
                        _ => {}
                    }
                }
                Event::End(e) if is_word => match e.local_name().as_ref() {
                    "style" => {
                        styles.extend(current.take());
                        depth_in_properties = 0;
                    }
                    "pPr" => depth_in_properties = depth_in_properties.saturating_sub(1),
                    "pPrChange" => depth_in_properties = depth_in_properties.saturating_sub(100),
                    "rPr" => in_run_properties = false,
                    _ => {}
                },
                Event::Eof => return Some(Styles { styles }),
                _ => {}
            }
            buf.clear();
        }
    }

    /// The list id and level (when the style sets one) of paragraphs in style `id`, through
    /// the styles it is based on.
    pub fn list(&self, id: &str) -> Option<(String, Option<u8>)> {
        let mut current = self.styles.get(id)?;
        // A chain of `basedOn` is short; a cycle in a damaged file is cut off.
        for _ in 0..32 {
            if let Some(list) = &current.list {
                return Some((list.clone(), current.level));
            }
            current = self.styles.get(current.based_on.as_deref()?)?;
        }
        None
    }

    /// The style `id` and those it is based on, nearest first (a cycle in a damaged file is
    /// cut off).
    fn chain<'a>(&'a self, id: &str) -> impl Iterator<Item = &'a Style> + 'a {
        let mut current = self.styles.get(id);
        std::iter::from_fn(move || {
            let style = current?;
            current = style.based_on.as_deref().and_then(|b| self.styles.get(b));
            Some(style)
        })
        .take(32)
    }

    /// The outline level (0 = top) of paragraphs in style `id`, when it is a heading style.
    pub fn outline_level(&self, id: &str) -> Option<u8> {
        // Level 9 is Word's "body text": no heading.
        self.chain(id)
            .find_map(|style| style.outline)
            .filter(|&level| level < 9)
    }

    /// Whether the runs of paragraphs in style `id` are bold unless they say otherwise.
    pub fn bold(&self, id: &str) -> bool {
        self.chain(id).find_map(|style| style.bold).unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_through_based_on() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:styleId="1"><w:pPr><w:numPr><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="2"><w:pPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="9"/></w:numPr></w:pPr></w:pPrChange>
                <w:numPr><w:ilvl w:val="1"/><w:numId w:val="4"/></w:numPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="mine"><w:basedOn w:val="2"/></w:style>
            <w:style w:type="paragraph" w:styleId="a"><w:basedOn w:val="b"/></w:style>
            <w:style w:type="paragraph" w:styleId="b"><w:basedOn w:val="a"/></w:style>
        </w:styles>"#;
        let styles = Styles::parse(xml.as_bytes()).unwrap();
        assert_eq!(styles.list("1"), Some(("4".into(), None)));
        assert_eq!(styles.list("mine"), Some(("4".into(), Some(1))));
        assert_eq!(styles.list("a"), None);
        assert_eq!(styles.list("none"), None);
    }

    #[test]
    fn heading_levels_and_bold_through_based_on() {
        let xml = r#"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
            <w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:pPr><w:keepNext/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="a3"><w:name w:val="标题 2"/><w:rPr><w:b w:val="0"/></w:rPr></w:style>
            <w:style w:type="paragraph" w:styleId="x"><w:name w:val="My Heading"/><w:pPr><w:outlineLvl w:val="2"/><w:rPr><w:b/></w:rPr></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="body"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="9"/></w:pPr></w:style>
            <w:style w:type="paragraph" w:styleId="mine"><w:basedOn w:val="1"/></w:style>
        </w:styles>"#;
        let styles = Styles::parse(xml.as_bytes()).unwrap();
        assert_eq!(styles.outline_level("1"), Some(0));
        assert_eq!(styles.outline_level("mine"), Some(0));
        assert_eq!(styles.outline_level("a3"), Some(1));
        assert_eq!(styles.outline_level("x"), Some(2));
        assert_eq!(styles.outline_level("body"), None);
        assert_eq!(styles.outline_level("none"), None);
        assert!(styles.bold("1") && styles.bold("mine"));
        // A paragraph mark's bold is not the runs'.
        assert!(!styles.bold("a3") && !styles.bold("x") && !styles.bold("none"));
    }
}
