//! The glossary a report closes with (`《政府工作报告》有关词语注释`, `名词解释`): numbered
//! entries `1. 一办五部：指…`, each a term and its definition, possibly wrapped over lines.
//! These are notes on the report, not sections of it.

use super::parts::is_appendix_heading;
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

/// A searcher for each of [`HEADING_WORDS`], built once rather than for each line tried.
static HEADING_FINDERS: std::sync::LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    std::sync::LazyLock::new(|| {
        HEADING_WORDS
            .iter()
            .map(memchr::memmem::Finder::new)
            .collect()
    });

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
            && HEADING_FINDERS
                .iter()
                .any(|w| w.find(content.as_bytes()).is_some())
            && lines[i + 1..]
                .iter()
                .find(|l| l.kind.is_readable())
                .is_some_and(|l| entry(&text[l.content.clone()], 1).is_some())
    })
}

/// Read the entries from the heading at `heading` to the end, or to an appendix after it
/// (`附件`), marking those lines as [`LineKind::Glossary`]. Unnumbered lines continue the entry
/// above them.
pub fn read(text: &str, lines: &mut [Line], heading: usize) -> Vec<GlossaryEntry> {
    let mut entries: Vec<GlossaryEntry> = Vec::new();
    for (index, line) in lines.iter_mut().enumerate().skip(heading) {
        if !line.kind.is_readable() {
            continue;
        }
        let content = &text[line.content.clone()];
        if index != heading && is_appendix_heading(content) && entry(content, 0).is_none() {
            break;
        }
        line.kind = LineKind::Glossary;
        if index == heading {
            continue;
        }
        match entry(content, entries.len() as u32 + 1) {
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

/// `12. 两个确立:指确立…` or `［12］两个确立：` → (`两个确立`, `指确立…`). A term that starts with a
/// digit (`3．10种有色金属：`) is taken only as entry number `expected`: `1.8%的增长：` is prose.
fn entry(content: &str, expected: u32) -> Option<(&str, &str)> {
    let (number, rest) = entry_number(content)?;
    if rest.starts_with(|c: char| c.is_ascii_digit()) && number != expected {
        return None;
    }
    let rest = rest.trim_start();
    let colon = rest.find(['：', ':'])?;
    let term = rest[..colon].trim();
    let definition = rest[colon..].trim_start_matches(['：', ':']).trim();
    (!term.is_empty() && term.chars().count() <= 30).then_some((term, definition))
}

/// The number an entry starts with and what follows it: `12.`, `12、`, `12．`, `［12］`, `[12]`,
/// `【12】`.
fn entry_number(content: &str) -> Option<(u32, &str)> {
    let (open, close) = match content.chars().next()? {
        '［' => ("［", '］'),
        '[' => ("[", ']'),
        '【' => ("【", '】'),
        _ => ("", '.'),
    };
    let inner = &content[open.len()..];
    let digits = inner.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return None;
    }
    let number = inner[..digits].parse().ok()?;
    let after = &inner[digits..];
    let rest = if open.is_empty() {
        after
            .strip_prefix(['.', '、'])
            .or_else(|| after.strip_prefix('．'))?
    } else {
        after.strip_prefix(close)?
    };
    Some((number, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_with_either_colon_and_spacing() {
        assert_eq!(
            entry("1. 一办五部：指县疫情防控指挥部下设的指挥部办公室", 0),
            Some(("一办五部", "指县疫情防控指挥部下设的指挥部办公室"))
        );
        assert_eq!(
            entry("26.“17110”工作制度：指市委提出的工作推进机制", 0),
            Some(("“17110”工作制度", "指市委提出的工作推进机制"))
        );
        assert_eq!(
            entry("20. 2 + 20 + N：“2”即由县委书记", 0),
            Some(("2 + 20 + N", "“2”即由县委书记"))
        );
        assert_eq!(
            entry("10. 万人助万企:是省委作出的", 0),
            Some(("万人助万企", "是省委作出的"))
        );
        assert_eq!(entry("学完善的食品药品安全治理体系。", 0), None);
        assert_eq!(entry("1.8%的增长：说明", 0), None);
    }

    #[test]
    fn bracketed_numbers_and_terms_that_start_with_a_digit() {
        assert_eq!(entry("［1］一降三减：", 1), Some(("一降三减", "")));
        assert_eq!(
            entry("【2】四大主导产业：旅游业", 2),
            Some(("四大主导产业", "旅游业"))
        );
        assert_eq!(
            entry("3．10种有色金属：铜、铅。", 3),
            Some(("10种有色金属", "铜、铅。"))
        );
        assert_eq!(entry("3．10种有色金属：铜、铅。", 5), None);
    }

    #[test]
    fn a_glossary_stops_at_the_appendix_after_it() {
        let text = "政府工作报告\n各位代表：\n一、工作回顾\n正文。\n注释\n［1］甲：\n指甲。\n［2］乙：指乙。\n附件\n某年民生实事\n1.办好甲。\n";
        let report = crate::corpus::parse_report("a.txt", None, text);
        let terms: Vec<(&str, &str)> = report
            .glossary
            .iter()
            .map(|e| (e.term.as_str(), e.definition.as_str()))
            .collect();
        assert_eq!(terms, [("甲", "指甲。"), ("乙", "指乙。")]);
        assert_eq!(report.lines[8].kind, LineKind::Body);
    }
}
