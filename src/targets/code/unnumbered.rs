//! Targets stated without a number: a clause that ends on a phrase of
//! `assets/lexicon/unnumbered-goals.txt` (`居民收入增长与经济增长同步`, `经济增长保持在合理区间`)
//! in a plan, or of `unnumbered-targets.txt` (`粮食产量保持稳定`) in a paragraph of goals or
//! governed by a firmness word (`确保城镇调查失业率总体稳定`); its indicator is the words
//! before the phrase.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::compare::AliasTable;
use crate::corpus::Report;
use crate::figures::status::{Stance, section_stance};
use crate::figures::{Figure, Period, Status, period};

use super::firmness;
use crate::targets::clause;
use crate::targets::words::{self, HARD, LEAD_INS, SOFT, UNNUMBERED, UNNUMBERED_GOALS};
use crate::targets::{Bound, Target};

/// Closing quotes, which may stand between the phrase and the clause's end.
const CLOSERS: [&str; 4] = ["”", "\"", "’", "」"];
/// Words that close an indicator's name without being part of it (`保持`, `持续`).
static TRAILERS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("target-subject-trailers"));
/// Verbs that lead a clause of goals without being part of the indicator.
static LEADS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("target-lead-verbs"));
/// Verbs of work to be done (`推动`, `推进`): a phrase after one is work, not a goal, unless a
/// firmness word governs it or a paragraph of goals says it.
static ACTIONS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("target-action-verbs"));

static PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(UNNUMBERED_GOALS.iter().chain(UNNUMBERED.iter()))
        .expect("the unnumbered target phrases build an automaton")
});

/// The targets without a number in `report`'s lines that set targets: the lines holding a
/// target figure or a goal paragraph's lead-in.
pub(super) fn find(
    index: usize,
    report: &Report,
    figures: &[Figure],
    aliases: &AliasTable,
) -> Vec<Target> {
    let mut targets = Vec::new();
    for (number, line) in report.lines.iter().enumerate() {
        let Some(content) = report.text.get(line.content.clone()) else {
            continue;
        };
        // Most lines hold no phrase: look no further at them.
        if !line.kind.is_readable() || !PHRASES.is_match(content) {
            continue;
        }
        let lead_in = LEAD_INS.iter().any(|l| content.contains(l));
        let sets_targets = lead_in
            || figures
                .iter()
                .any(|f| f.line as usize == number && f.status == Status::Target);
        let plans = plans(report, line.content.start);
        for m in PHRASES.find_iter(content) {
            let clause = clause::around(content, m.start(), m.end());
            // The phrase ends its item: the clause, or its part up to an enumeration comma.
            let item_end = content[m.end()..clause.end]
                .find('、')
                .map_or(clause.end, |i| m.end() + i);
            let item_start = content[clause.start..m.start()]
                .rfind('、')
                .map_or(clause.start, |i| clause.start + i + '、'.len_utf8());
            let mut rest = &content[m.end()..item_end];
            while let Some(r) = CLOSERS.iter().find_map(|c| rest.strip_prefix(c)) {
                rest = r;
            }
            let text = &content[clause.clone()];
            // `守住…不发生规模性返贫致贫底线`: a hard word may close it.
            if !(rest.is_empty() || words::is(&HARD, rest))
                || text.chars().any(|c| c.is_ascii_digit())
            {
                continue;
            }
            let (firmness, firmness_from, firmness_words) =
                firmness(content, clause.clone(), m.start(), m.end(), None);
            // With nothing before it but the words that commit to it (`坚决守住不发生规模性
            // 返贫致贫底线`), the phrase names its own indicator.
            let phrase = &content[m.range()];
            let subject = match subject(&content[item_start..m.start()]) {
                "" if firmness_from == super::FirmnessFrom::Clause => phrase,
                s if s.chars().count() < 2 => continue,
                s => s,
            };
            // In a plan's prose, a phrase is a target only where a firmness word governs it
            // (`确保城镇调查失业率总体稳定`); in a paragraph of goals, wherever it ends a clause.
            let governed = firmness_from == super::FirmnessFrom::Clause;
            let goal = UNNUMBERED_GOALS.contains(&phrase);
            if !(sets_targets || (plans && (governed || goal))) {
                continue;
            }
            // `推动自贸试验区提质增效`: work to do, in prose that sets targets only by its figures.
            let item = &content[item_start..m.start()];
            if !(lead_in || governed || goal) && ACTIONS.iter().any(|a| item.contains(a)) {
                continue;
            }
            targets.push(Target {
                report: index,
                figure: None,
                span: line.content.start + m.start()..line.content.start + m.end(),
                line: number as u32,
                col: super::column(report, number, line.content.start + m.start()),
                text: phrase.to_string(),
                indicator: Some(aliases.canonical(subject)),
                period: super::this_year(
                    report,
                    content,
                    clause.clone(),
                    period_at(report, content, m.start(), line.content.start),
                ),
                value: None,
                value_high: None,
                unit: "",
                measure: None,
                basis: None,
                bound: Bound::None,
                firmness,
                firmness_words,
                firmness_from,
            });
        }
    }
    targets
}

/// The period of a target without a number at byte `at` of `content`, a line starting at byte
/// `offset` of `report`: a later year opening its sentence (`到2030年，…居民收入增长与经济增长
/// 同步`) makes it a goal from the report's year to then; else it takes the period its section
/// gives a target whose sentence states none (a 十五五 chapter's goals are of 2026-2030, and so
/// are a paragraph's that plans five years), as the figures beside it do, but never a period
/// over before the report's year.
fn period_at(report: &Report, content: &str, at: usize, offset: usize) -> Option<Period> {
    let year = crate::figures::report_year(report);
    let sentence_start = content[..at]
        .rfind(['。', '！', '？'])
        .map_or(0, |i| i + '。'.len_utf8());
    let later = period::opening_years(content)
        .into_iter()
        .filter(|&(i, _)| i >= sentence_start && i < at)
        .map(|(_, y)| y)
        .next_back();
    if let (Some(from), Some(to)) = (year, later)
        && to > from
    {
        return Some(Period { from, to });
    }
    let titles = report
        .section_at(offset)
        .map_or_else(Vec::new, |s| report.section_path(s));
    let dates: Vec<period::TitleDates> = titles.iter().map(|t| period::TitleDates::of(t)).collect();
    let five_years =
        period::plans_five_years(content) || titles.iter().any(|t| period::plans_five_years(t));
    let by_section = period::default_period(Status::Target, five_years, &dates, year);
    // A review's title dates what is done, not what is aimed at: a goal is of the report's
    // year at the earliest.
    match (by_section, year) {
        (Some(p), Some(y)) if p.to < y => Some(Period { from: y, to: y }),
        _ => by_section,
    }
}

/// Whether the section holding byte `offset` of `report` plans there (see [`section_stance`]).
fn plans(report: &Report, offset: usize) -> bool {
    report.section_at(offset).is_some_and(|index| {
        let at = section_stance(report, index, crate::figures::report_year(report));
        at.stance == Stance::Plan || at.plan_from.is_some_and(|from| offset >= from)
    })
}

/// The indicator a phrase is about: the clause before it without the firmness words and verbs
/// that lead it (`确保城镇调查失业率` → `城镇调查失业率`).
fn subject(before: &str) -> &str {
    let mut s = before.trim();
    loop {
        let next = words::find(s)
            .first()
            .filter(|f| f.at == 0 && (words::is(&HARD, f.word) || words::is(&SOFT, f.word)))
            .map(|f| &s[f.word.len()..])
            .or_else(|| LEADS.iter().find_map(|l| s.strip_prefix(l)));
        match next {
            Some(rest) => s = rest,
            None => break,
        }
    }
    while let Some(rest) = TRAILERS.iter().find_map(|t| s.strip_suffix(t)) {
        s = rest;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_subject_is_the_indicator_without_its_leading_verbs() {
        assert_eq!(subject("确保城镇调查失业率"), "城镇调查失业率");
        assert_eq!(subject("推动经济增长"), "经济增长");
        assert_eq!(subject("居民收入增长"), "居民收入增长");
        assert_eq!(subject("其中居民收入增长"), "居民收入增长");
        assert_eq!(subject("经济保持"), "经济");
    }
}
