//! Coding one report's targets: each target figure's bound and firmness, read from its clause,
//! and the targets its goal paragraphs state without a number.

mod unnumbered;

use crate::compare::AliasTable;
use crate::corpus::Report;
use crate::figures::{Figure, Period, Status, Value};

use super::clause;
use super::joins::{per_unit, placed, range_end, share_bounds, starts_a_move};
use super::words::{
    self, ABOUT, AT_LEAST, AT_MOST, Found, HARD, HEDGES, LEAD_INS, MULTI_YEAR, RESPECTIVELY, SOFT,
    SUFFIXES, THIS_YEAR,
};
use super::{Bound, Firmness, FirmnessFrom, Target};

/// Every target `report` (the `index`th loaded) sets, in text order: its target figures coded,
/// and the targets its goal paragraphs state without a number. Indicators are named through
/// `aliases`.
pub fn code(
    index: usize,
    report: &Report,
    figures: &[Figure],
    aliases: &AliasTable,
) -> Vec<Target> {
    let mut targets = Vec::new();
    let mut consumed = None;
    for (i, figure) in figures.iter().enumerate() {
        if figure.status != Status::Target || consumed == Some(i) || starts_a_move(report, figure) {
            continue;
        }
        // `4.5%-5%` is one target; so is `0.6人/百亿元`, a number and the unit it is per.
        let high = range_end(report, figure, figures.get(i + 1));
        let per = high
            .is_none()
            .then(|| per_unit(report, figure, figures.get(i + 1)))
            .flatten();
        if high.is_some() || per.is_some() {
            consumed = Some(i + 1);
        }
        if let Some(target) = numbered(index, report, figure, i, high, per, aliases) {
            targets.push(target);
        }
    }
    share_bounds(report, &mut targets);
    targets.extend(unnumbered::find(index, report, figures, aliases));
    targets.sort_by_key(|t| t.span.start);
    targets
}

/// The number of a figure as a plain value (the low end of a range).
fn number(figure: &Figure) -> (Option<f64>, Option<f64>) {
    match &figure.value {
        Some(Value::Number(v)) => (Some(*v), None),
        Some(Value::Range(a, b)) => (Some(*a), Some(*b)),
        _ => (None, None),
    }
}

/// One target figure coded (with `high`, the figure ending its range).
fn numbered(
    index: usize,
    report: &Report,
    figure: &Figure,
    at: usize,
    high: Option<&Figure>,
    per: Option<&Figure>,
    aliases: &AliasTable,
) -> Option<Target> {
    let (content, base, span) = placed(report, figure)?;
    let end = high
        .or(per)
        .and_then(|h| h.span.end.checked_sub(base))
        .filter(|&e| e >= span.end && e <= content.len() && content.is_char_boundary(e))
        .unwrap_or(span.end);
    let clause = clause::around(content, span.start, end);
    let suffix = SUFFIXES
        .iter()
        .find(|s| content[end..].starts_with(*s))
        .copied();
    let prefix = own_prefix(content, clause.start, span.start, &figure.text);
    let (value, mut value_high) = number(figure);
    let bound = if let Some(high) = high {
        value_high = number(high).0;
        Bound::Range
    } else if value_high.is_some() {
        Bound::Range
    } else if let Some(word) = suffix.or(prefix.map(|p| p.word)) {
        bound_of(word)
    } else {
        Bound::Point
    };
    let text_start = prefix.map_or(span.start, |p| p.at.min(span.start));
    let text_end = end + suffix.map_or(0, str::len);
    let (firmness, firmness_from, firmness_words) =
        firmness(content, clause.clone(), text_start, text_end, prefix);
    Some(Target {
        report: index,
        figure: Some(at),
        span: base + text_start..base + text_end,
        line: figure.line,
        col: column(report, figure.line as usize, base + text_start),
        text: content[text_start..text_end].to_string(),
        indicator: own_name(content, clause.start, span.start, figure)
            .map(|n| aliases.canonical(n)),
        period: this_year(report, content, clause.clone(), figure.period),
        value,
        value_high,
        unit: figure.unit,
        measure: Some(figure.measure),
        basis: figure.basis,
        bound,
        firmness,
        firmness_words,
        firmness_from,
    })
}

/// The indicator the figure reader gave `figure` (at `at` of `content`, in the clause from
/// `clause_start`), unless the figure stands in a `分别` list that names its items and does not
/// write the name's head: a list names its own items (`一、二、三产增加值分别增长3.5%、7%、5%`), and a
/// name carried over from an earlier clause (`地区生产总值`) belongs to another figure.
fn own_name<'f>(
    content: &str,
    clause_start: usize,
    at: usize,
    figure: &'f Figure,
) -> Option<&'f str> {
    let name = figure.indicator.as_deref()?;
    let before = &content[clause_start..at];
    // `旅游收入达到38亿元，分别增长20%`: a list naming nothing itself takes the names before.
    let names_its_items = RESPECTIVELY
        .iter()
        .filter_map(|w| before.find(w))
        .min()
        .is_some_and(|i| before[..i].trim().chars().count() >= 2);
    if !names_its_items {
        return Some(name);
    }
    let head_at = name.char_indices().rev().nth(1).map_or(0, |(i, _)| i);
    before.contains(&name[head_at..]).then_some(name)
}

/// The period of a target at `clause` of `content`: a span of years holding the report's year
/// becomes that year where the line says so before it (`今年…主要预期目标是：`) and the clause
/// does not speak of the span (`年均`): a chapter of five-year goals often sets the year's
/// goals too (`“十五五”时期主要目标和2026年重点工作`).
pub(super) fn this_year(
    report: &Report,
    content: &str,
    clause: std::ops::Range<usize>,
    period: Option<Period>,
) -> Option<Period> {
    let year = crate::figures::report_year(report)?;
    let p = period?;
    let spans_year = p.from < p.to && (p.from..=p.to).contains(&year);
    let said = THIS_YEAR
        .iter()
        .any(|w| content[..clause.start].contains(w));
    let span_said = MULTI_YEAR
        .iter()
        .any(|w| content[clause.clone()].contains(w));
    if spans_year && said && !span_said {
        Some(Period {
            from: year,
            to: year,
        })
    } else {
        Some(p)
    }
}

/// The 1-based character column of byte `offset` on 0-based `line`, counted from the line's
/// start as figures count it.
pub(super) fn column(report: &Report, line: usize, offset: usize) -> u32 {
    let start = report.lines.get(line).map_or(0, |l| l.range.start);
    report
        .text
        .get(start..offset)
        .map_or(1, |s| s.chars().count() as u32 + 1)
}

/// The bound a bound word sets.
fn bound_of(word: &str) -> Bound {
    if words::is(&ABOUT, word) {
        Bound::About
    } else if words::is(&AT_LEAST, word) {
        Bound::AtLeast
    } else if words::is(&AT_MOST, word) {
        Bound::AtMost
    } else {
        Bound::Point
    }
}

/// The bound word written before the number that belongs to it: right before it (`超3000亿度`,
/// or inside the surface), or a longer word with no other number between (`不低于当地最低生活
/// 保障标准的1.6倍`).
fn own_prefix(content: &str, clause_start: usize, at: usize, surface: &str) -> Option<Found> {
    let prefixes = |w: &str| {
        !SUFFIXES.contains(&w)
            && (words::is(&ABOUT, w) || words::is(&AT_LEAST, w) || words::is(&AT_MOST, w))
    };
    if let Some(found) = words::find(surface)
        .into_iter()
        .find(|f| f.at == 0 && prefixes(f.word))
    {
        return Some(Found {
            word: found.word,
            at,
        });
    }
    let before = &content[clause_start..at];
    let found = words::find(before)
        .into_iter()
        .rev()
        .find(|f| prefixes(f.word))?;
    let gap = &before[found.at + found.word.len()..];
    let adjacent = gap.is_empty() || gap == "到" || gap == "在";
    let short = found.word.chars().count() == 1;
    let reaches = !gap
        .chars()
        .any(|c| c.is_ascii_digit() || clause::cuts(c) || c == '、');
    (adjacent || (!short && reaches && gap.chars().count() <= 16)).then_some(Found {
        word: found.word,
        at: clause_start + found.at,
    })
}

/// Whether a hard or soft word governs what follows it: a word written right before a number
/// (`不少于26万人`, `控制在5%`) governs that number only.
fn governs_chain(content: &str, found_end: usize) -> bool {
    !content[found_end..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '到' || c == '在')
}

/// How firmly the target at `start..end` of `content`, in `clause`, is promised, what decided
/// it, and the firmness words of its clause (with an attached hedging clause's).
pub(super) fn firmness(
    content: &str,
    clause: std::ops::Range<usize>,
    start: usize,
    end: usize,
    prefix: Option<Found>,
) -> (Firmness, FirmnessFrom, Vec<&'static str>) {
    let firm = |w: &str| {
        if words::is(&HARD, w) {
            Some(Firmness::Hard)
        } else if words::is(&SOFT, w) {
            Some(Firmness::Soft)
        } else {
            None
        }
    };
    let in_clause: Vec<Found> = words::find(&content[clause.clone()])
        .into_iter()
        .map(|f| Found {
            word: f.word,
            at: clause.start + f.at,
        })
        .collect();
    // Its item: the part of the clause between enumeration commas that holds it.
    let item_start = content[clause.start..start]
        .rfind('、')
        .map_or(clause.start, |i| clause.start + i + '、'.len_utf8());
    let item_end = content[end..clause.end]
        .find('、')
        .map_or(clause.end, |i| end + i);
    // What follows it and hedges it: the next items of its clause, then the next clause
    // (`、努力争取更好结果`, `，在实际工作中努力争取更好结果`, `，努力跑赢全国`).
    let hedging = |part: std::ops::Range<usize>| -> Option<Vec<Found>> {
        let text = &content[part.clone()];
        let found: Vec<Found> = words::find(text)
            .into_iter()
            .map(|f| Found {
                word: f.word,
                at: part.start + f.at,
            })
            .collect();
        let hedges = HEDGES.iter().any(|h| text.contains(h));
        let opens = found
            .first()
            .is_some_and(|f| f.at == part.start && firm(f.word).is_some());
        let own_number = text.chars().any(|c| c.is_ascii_digit());
        ((hedges || opens) && !own_number).then_some(found)
    };
    let mut attached: Vec<Found> = Vec::new();
    let mut from = item_end;
    while from < clause.end {
        let next = from + '、'.len_utf8();
        let stop = content[next..clause.end]
            .find('、')
            .map_or(clause.end, |i| next + i);
        match hedging(next..stop) {
            Some(found) => attached.extend(found),
            None => break,
        }
        from = stop;
    }
    if from >= clause.end
        && let Some(found) = clause::next(content, clause.end).and_then(hedging)
    {
        attached.extend(found);
    }
    let chains = |f: &&Found| {
        firm(f.word).is_some()
            && !SUFFIXES.contains(&f.word)
            && governs_chain(content, f.at + f.word.len())
    };
    let listed: Vec<&'static str> = in_clause
        .iter()
        .filter(|f| f.at < item_start)
        .filter(chains)
        // In its item: a firmness word, or a bound word of its own text (not the 以上 of
        // `省级及以上企业`).
        .chain(in_clause.iter().filter(|f| {
            f.at >= item_start
                && f.at < item_end
                && (firm(f.word).is_some() || (f.at >= start && f.at < end))
        }))
        .chain(&attached)
        .map(|f| f.word)
        .filter(|w| words::listed(w))
        .collect();
    let decided = |f: Firmness| (f, FirmnessFrom::Clause, listed.clone());
    // The target's own bound word, when it commits (`不低于80亿元`).
    if let Some(f) = prefix.and_then(|p| firm(p.word)) {
        return decided(f);
    }
    // The nearest word before it that governs it: in its own item, or one governing the
    // chain of items it is in.
    let governing = in_clause.iter().rev().find(|f| {
        f.at + f.word.len() <= start
            && !SUFFIXES.contains(&f.word)
            && firm(f.word).is_some()
            && (f.at >= item_start || chains(f))
    });
    if let Some(f) = governing.and_then(|g| firm(g.word)) {
        return decided(f);
    }
    // A word after it in its own item (`5%左右`, `…底线`), then an attached hedge.
    let after = in_clause
        .iter()
        .filter(|f| f.at >= start && f.at < item_end)
        .chain(&attached)
        .find_map(|f| firm(f.word));
    if let Some(f) = after {
        return decided(f);
    }
    if LEAD_INS.iter().any(|l| content[..clause.start].contains(l)) {
        return (Firmness::Soft, FirmnessFrom::LeadIn, listed);
    }
    (Firmness::Soft, FirmnessFrom::Default, listed)
}
