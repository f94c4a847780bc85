//! A glossary entry's figures: its number and its term are no figures, nor are the parts a
//! definition lists; a programme's definition plans.

use super::*;

/// Whether a span is part of a term being defined (`3. 四个口袋：指…`, as in a glossary): a
/// slogan's numeral, not a figure.
pub(super) fn in_defined_term(content: &str, span: &Span) -> bool {
    let after = &content[span.end..];
    // A term is short: its colon comes within a few characters.
    let Some((end, _)) = after.char_indices().take(12).find(|&(_, c)| is_boundary(c)) else {
        return false;
    };
    let rest = &after[end..];
    let defines = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))
        .is_some_and(|r| r.trim_start().starts_with('指') || r.trim_start().starts_with("是指"));
    defines && !content[..span.start].contains(['：', ':', '，', ','])
}

/// Whether a glossary entry defines a programme (`“十县百乡千村万户”示范引领工程：建设10个…`,
/// `新时代“银龄人才万人计划”：用3年时间…`): what it counts is to be done.
pub(super) fn defines_programme(content: &str) -> bool {
    const PROGRAMMES: [&str; 5] = ["工程", "计划", "行动", "計劃", "行動"];
    content.split_once(['：', ':']).is_some_and(|(term, _)| {
        let term = term.trim_end_matches(['”', '"', ' ']);
        term.chars().count() <= 40 && PROGRAMMES.iter().any(|p| term.ends_with(p))
    })
}

/// The length of a glossary entry's number (`3．`, `12.`, `5、`) at the start of `content`.
pub(super) fn entry_number_len(content: &str) -> usize {
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return 0;
    }
    let rest = &content[digits..];
    ['．', '.', '、']
        .iter()
        .find(|&&mark| rest.starts_with(mark))
        .map_or(0, |mark| digits + mark.len_utf8())
}

/// Whether a figure of a glossary entry only labels: it is in the term defined (`3个“三年行动”：`),
/// or, in an entry that does not define a programme, it counts what the term covers
/// (`4个方面21条措施`, `等6个重大科技专项`, `4个方向8条走廊`, `指六个横向输水大动脉`).
pub(super) fn glossary_label(content: &str, span: &Span, programme: bool) -> bool {
    let in_term = content
        .find(['：', ':'])
        .is_some_and(|colon| span.start < colon);
    if in_term {
        return true;
    }
    if programme || span.kind != Kind::Count {
        return false;
    }
    // `指六个横向输水大动脉`, `等6个重大科技专项`: the parts a definition lists.
    if content[..span.start].ends_with(['指', '等']) || content[..span.start].ends_with("包括")
    {
        return true;
    }
    let rest = &content[span.end..];
    let noun_end = rest
        .char_indices()
        .find(|&(_, c)| is_boundary(c) || c.is_ascii_digit())
        .map_or(rest.len(), |(i, _)| i);
    let noun = &rest[..noun_end];
    GLOSSARY_PARTS.iter().any(|w| noun.ends_with(w))
}

/// What a glossary definition counts when it only says what its term covers.
pub(super) static GLOSSARY_PARTS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("glossary-parts"));
