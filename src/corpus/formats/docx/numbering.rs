//! Word's list numbering (`word/numbering.xml`): the numbers Word draws before a paragraph in a
//! numbered list are not in the paragraph's text, so a heading numbered by Word (`一、`, `（一）`,
//! `1.`) would lose its number. This module counts the lists as Word does and writes the label
//! out, so the outline rules see the heading as it is shown.

use std::collections::{HashMap, HashSet};

use quick_xml::NsReader;
use quick_xml::events::Event;

use super::number_formats::number;
use super::styles::Styles;
use super::{attribute, is_word};

/// One level of a list: where it starts, how its numbers are written, and its label pattern.
#[derive(Debug, Clone, Default)]
struct Level {
    start: u32,
    format: String,
    /// The label with `%1`…`%9` standing for the numbers of levels 1–9 (`%1、`, `（%2）`).
    text: String,
    /// The paragraph style this level is for (a heading style numbered by the list).
    style: Option<String>,
}

/// Where a paragraph's number comes from: its own list (`w:numPr`) or its style's.
#[derive(Debug, Clone, Default)]
pub struct ListRef {
    /// The list id (`w:numId`) the paragraph sets.
    pub list: Option<String>,
    /// The level (`w:ilvl`) it sets.
    pub level: Option<u8>,
    /// Its paragraph style (`w:pStyle`).
    pub style: Option<String>,
}

/// A list instance (`w:num`): the list definition it uses and the levels it restarts.
#[derive(Debug, Clone, Default)]
struct List {
    definition: String,
    restarts: Vec<(usize, u32)>,
}

/// The lists of one Word file and their counters so far.
#[derive(Debug, Default)]
pub struct Numbering {
    definitions: HashMap<String, Vec<Level>>,
    lists: HashMap<String, List>,
    counters: HashMap<String, [Option<u32>; 9]>,
    used: HashSet<String>,
    /// The lists paragraph styles carry.
    pub styles: Styles,
}

impl Numbering {
    /// Read `word/numbering.xml`; `None` when it is not well-formed.
    pub fn parse(xml: &[u8]) -> Option<Numbering> {
        let mut numbering = Numbering::default();
        let mut reader = NsReader::from_reader(xml);
        let mut buf = Vec::new();
        let (mut definition, mut level, mut list, mut restart) = (None, None, None, None);
        loop {
            let (namespace, event) = reader.read_resolved_event_into(&mut buf).ok()?;
            let is_word = is_word(&namespace);
            match event {
                Event::Start(e) | Event::Empty(e) if is_word => {
                    let value = |name: &str| attribute(&e, name);
                    match e.local_name().as_ref() {
                        "abstractNum" => definition = value("abstractNumId"),
                        "num" => list = value("numId"),
                        "lvl" if definition.is_some() => {
                            level = value("ilvl").and_then(|v| v.parse::<usize>().ok());
                        }
                        "lvlOverride" => {
                            restart = value("ilvl").and_then(|v| v.parse::<usize>().ok());
                        }
                        name => {
                            numbering.set(name, value("val"), &definition, level, &list, restart)
                        }
                    }
                }
                Event::End(e) if is_word => match e.local_name().as_ref() {
                    "abstractNum" => definition = None,
                    "num" => list = None,
                    "lvl" => level = None,
                    "lvlOverride" => restart = None,
                    _ => {}
                },
                Event::Eof => return Some(numbering),
                _ => {}
            }
            buf.clear();
        }
    }

    /// Record one property (`w:start`, `w:numFmt`, `w:lvlText`, `w:abstractNumId`,
    /// `w:startOverride`) of the definition, level or list being read.
    fn set(
        &mut self,
        name: &str,
        value: Option<String>,
        definition: &Option<String>,
        level: Option<usize>,
        list: &Option<String>,
        restart: Option<usize>,
    ) {
        let Some(value) = value else { return };
        if let (Some(definition), Some(level)) = (definition, level.filter(|&l| l < 9)) {
            let levels = self.definitions.entry(definition.clone()).or_default();
            if levels.len() <= level {
                levels.resize(level + 1, Level::default());
            }
            let level = &mut levels[level];
            match name {
                "start" => level.start = value.parse().unwrap_or(0),
                "numFmt" => level.format = value,
                "lvlText" => level.text = value,
                "pStyle" => level.style = Some(value),
                _ => {}
            }
        } else if let Some(list) = list {
            let list = self.lists.entry(list.clone()).or_default();
            match (name, restart) {
                ("abstractNumId", _) => list.definition = value,
                ("startOverride", Some(level)) if level < 9 => {
                    list.restarts.push((level, value.parse().unwrap_or(1)));
                }
                _ => {}
            }
        }
    }

    /// The label of the next paragraph numbered as `paragraph` says (`一、`), counting it;
    /// empty when it is in no list.
    pub fn label_of(&mut self, paragraph: &ListRef) -> String {
        let (list, level) = match (&paragraph.list, &paragraph.style) {
            (Some(list), _) => (list.clone(), paragraph.level),
            (None, Some(style)) => match self.styles.list(style) {
                Some((list, level)) => {
                    let level = paragraph
                        .level
                        .or(level)
                        .or_else(|| self.level_of(&list, style));
                    (list, level)
                }
                None => return String::new(),
            },
            (None, None) => return String::new(),
        };
        self.label(&list, level.unwrap_or(0))
    }

    /// The level of list `id` that is for paragraph style `style`.
    fn level_of(&self, id: &str, style: &str) -> Option<u8> {
        let levels = self.definitions.get(&self.lists.get(id)?.definition)?;
        let at = levels
            .iter()
            .position(|l| l.style.as_deref() == Some(style))?;
        u8::try_from(at).ok()
    }

    /// The label of the next paragraph at `level` of list `id` (`一、`), counting it; empty for
    /// bullets and lists that are not defined.
    pub fn label(&mut self, id: &str, level: u8) -> String {
        let level = usize::from(level).min(8);
        let Some(list) = self.lists.get(id) else {
            return String::new();
        };
        let Some(levels) = self.definitions.get(&list.definition) else {
            return String::new();
        };
        let Some(this) = levels.get(level) else {
            return String::new();
        };
        let counters = self.counters.entry(list.definition.clone()).or_default();
        if self.used.insert(id.to_string()) {
            for &(at, start) in &list.restarts {
                counters[at] = start.checked_sub(1);
                counters[at + 1..].fill(None);
            }
        }
        counters[level] = Some(counters[level].map_or(this.start, |n| n + 1));
        counters[level + 1..].fill(None);
        if this.format == "bullet" {
            return String::new();
        }
        let mut label = String::new();
        let mut chars = this.text.chars().peekable();
        while let Some(c) = chars.next() {
            let placeholder = chars
                .peek()
                .and_then(|d| d.to_digit(10))
                .filter(|d| (1..=9).contains(d));
            match (c, placeholder) {
                ('%', Some(n)) => {
                    chars.next();
                    let at = n as usize - 1;
                    let format = levels.get(at).map_or("decimal", |l| l.format.as_str());
                    let start = levels.get(at).map_or(1, |l| l.start);
                    label.push_str(&number(counters[at].unwrap_or(start), format));
                }
                _ => label.push(c),
            }
        }
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NUMBERING: &str = r#"<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:abstractNum w:abstractNumId="3">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
</w:abstractNum>
<w:abstractNum w:abstractNumId="4">
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
</w:abstractNum>
<w:num w:numId="1"><w:abstractNumId w:val="3"/></w:num>
<w:num w:numId="2"><w:abstractNumId w:val="4"/></w:num>
<w:num w:numId="5"><w:abstractNumId w:val="3"/>
  <w:lvlOverride w:ilvl="0"><w:startOverride w:val="9"/></w:lvlOverride></w:num>
</w:numbering>"#;

    #[test]
    fn labels_count_by_level_and_restart_below() {
        let mut numbering = Numbering::parse(NUMBERING.as_bytes()).unwrap();
        let labels: Vec<String> = [(0, "1"), (1, "1"), (1, "1"), (2, "1"), (2, "1"), (1, "1")]
            .iter()
            .chain(&[(0, "1"), (1, "1"), (2, "1"), (0, "2"), (0, "7"), (0, "5")])
            .map(|&(level, list)| numbering.label(list, level))
            .collect();
        assert_eq!(
            labels,
            [
                "一、",
                "（一）",
                "（二）",
                "1.",
                "2.",
                "（三）",
                "二、",
                "（一）",
                "1.",
                "",
                "",
                "九、"
            ]
        );
    }
}
