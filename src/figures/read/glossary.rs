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
    let programmes = crate::figures::lexicon::list!("glossary-programmes");
    content.split_once(['：', ':']).is_some_and(|(term, _)| {
        let term = term.trim_end_matches(['”', '"', ' ']);
        term.chars().count() <= 40 && programmes.iter().any(|p| term.ends_with(p))
    })
}

/// Whether a glossary entry plans: it defines a programme, or its definition names the
/// report's year or a later one (`人人持证、技能河南：指…至2025年，全省完成1500万人次…` in 2023).
pub(super) fn plans_ahead(content: &str, year: Option<i32>) -> bool {
    defines_programme(content)
        || year.is_some_and(|y| period::years(content).any(|(_, stated)| stated >= y))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_glossary_entry_plans_a_programme_or_a_year_ahead() {
        let ahead = "29. 人人持证、技能河南：指省委省政府提出的至2025年，全省完成1500万人次职业技能培训任务";
        assert!(plans_ahead(ahead, Some(2023)));
        assert!(!plans_ahead(ahead, Some(2026)));
        let programme = "34.“十县百乡千村万户”示范引领工程：建设10个民族团结进步示范县";
        assert!(plans_ahead(programme, Some(2025)));
        let model = "9.“622”联农带农模式：蒙自市在发展蓝莓产业中，形成以农户占60%的利益分配模式。";
        assert!(!plans_ahead(model, Some(2025)));
    }

    #[test]
    fn entry_numbers_and_terms_are_no_figures() {
        assert_eq!(entry_number_len("3．10种有色金属：铜、铅"), "3．".len());
        assert_eq!(entry_number_len("12. 两个确立：指"), "12.".len());
        assert_eq!(entry_number_len("2025年"), 0);
    }
}
