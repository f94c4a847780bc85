//! The glossary a report closes with (`《政府工作报告》有关词语注释`, `名词解释`): numbered
//! entries `1. 一办五部：指…`, each a term and its definition, possibly wrapped over lines.
//! These are notes on the report, not sections of it.

use super::{GlossaryEntry, Line, LineKind};

/// Words a glossary heading carries.
const HEADING_WORDS: &[&str] = &[
    "注释",
    "名词解释",
    "词语解释",
    "名词注解",
    "词语注解",
    "释义",
    "註釋",
    "注釋",
    "名詞解釋",
    "詞語解釋",
    "釋義",
];

/// The line that opens the glossary: a short line naming it, after the report's first chapter
/// heading line (`after`), followed by a numbered entry.
pub fn find_heading(text: &str, lines: &[Line], after: usize) -> Option<usize> {
    (after..lines.len()).find(|&i| {
        let line = &lines[i];
        if line.kind != LineKind::Body {
            return false;
        }
        let content = &text[line.content.clone()];
        content.len() <= 120
            && content.chars().count() <= 30
            && !content.contains('。')
            && HEADING_WORDS.iter().any(|w| content.contains(w))
            && lines[i + 1..]
                .iter()
                .find(|l| l.kind.is_readable())
                .is_some_and(|l| entry(&text[l.content.clone()]).is_some())
    })
}

/// Read the entries from the heading at `heading` to the end, marking those lines as
/// [`LineKind::Glossary`]. Unnumbered lines continue the entry above them.
pub fn read(text: &str, lines: &mut [Line], heading: usize) -> Vec<GlossaryEntry> {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    for (index, line) in lines.iter_mut().enumerate().skip(heading) {
        if !line.kind.is_readable() {
            continue;
        }
        line.kind = LineKind::Glossary;
        if index == heading {
            continue;
        }
        let content = &text[line.content.clone()];
        match entry(content) {
            Some((term, definition)) => entries.push(GlossaryEntry {
                term: term.to_string(),
                definition: definition.to_string(),
                line: index + 1,
            }),
            None => {
                if let Some(last) = entries.last_mut() {
                    last.definition.push_str(content);
                }
            }
        }
    }
    entries
}

/// `12. 两个确立:指确立…` → (`两个确立`, `指确立…`).
fn entry(content: &str) -> Option<(&str, &str)> {
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let rest = content[digits..]
        .strip_prefix(['.', '、'])
        .or_else(|| content[digits..].strip_prefix('．'))?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let rest = rest.trim_start();
    let colon = rest.find(['：', ':'])?;
    let term = rest[..colon].trim();
    let definition = rest[colon..].trim_start_matches(['：', ':']).trim();
    (!term.is_empty() && term.chars().count() <= 30).then_some((term, definition))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_either_colon_and_spacing() {
        assert_eq!(
            entry("1. 一办五部：指县疫情防控指挥部下设的指挥部办公室"),
            Some(("一办五部", "指县疫情防控指挥部下设的指挥部办公室"))
        );
        assert_eq!(
            entry("26.“17110”工作制度：指市委提出的工作推进机制"),
            Some(("“17110”工作制度", "指市委提出的工作推进机制"))
        );
        assert_eq!(
            entry("20. 2 + 20 + N：“2”即由县委书记"),
            Some(("2 + 20 + N", "“2”即由县委书记"))
        );
        assert_eq!(
            entry("10. 万人助万企:是省委作出的"),
            Some(("万人助万企", "是省委作出的"))
        );
        assert_eq!(entry("学完善的食品药品安全治理体系。"), None);
        assert_eq!(entry("1.8%的增长：说明"), None);
    }
}
