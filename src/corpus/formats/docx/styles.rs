//! The lists paragraph styles put their paragraphs in (`word/styles.xml`): Word numbers a
//! document's headings `一、`, `（一）` by giving the heading styles a list, so a paragraph with
//! no list of its own is numbered through its style (or the style it is based on).

use std::collections::HashMap;

use quick_xml::NsReader;
use quick_xml::events::Event;

use super::{attribute, is_word};

/// Paragraph styles that carry a list, by style id.
#[derive(Debug, Default)]
pub struct Styles {
    styles: HashMap<String, Style>,
}

#[derive(Debug, Default)]
struct Style {
    list: Option<String>,
    level: Option<u8>,
    based_on: Option<String>,
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
}
