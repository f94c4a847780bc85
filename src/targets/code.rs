//! Coding one report's targets: each target figure's bound and firmness, read from its clause,
//! and the targets its goal paragraphs state without a number.

use crate::compare::AliasTable;
use crate::corpus::Report;
use crate::figures::{Figure, Status, Value};

use super::clause;
use super::words::{self, ABOUT, AT_LEAST, AT_MOST, Found, HARD, HEDGES, LEAD_INS, SOFT, SUFFIXES};
use super::{Bound, Firmness, FirmnessFrom, Target};

/// Dashes and words that join the two ends of a range (`4.5%-5%`, `5.0%—5.5%`, `5%至6%`).
const RANGE_JOINS: [&str; 7] = ["——", "—", "–", "-", "~", "～", "至"];

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
        if figure.status != Status::Target || consumed == Some(i) {
            continue;
        }
        let high = range_end(report, figure, figures.get(i + 1));
        if high.is_some() {
            consumed = Some(i + 1);
        }
        if let Some(target) = numbered(index, report, figure, i, high, aliases) {
            targets.push(target);
        }
    }
    targets.extend(super::unnumbered::find(index, report, figures, aliases));
    targets.sort_by_key(|t| t.span.start);
    targets
}

/// The line content of `figure` and the figure's byte range within it, when the figure lies
/// inside its line's content.
fn placed<'r>(
    report: &'r Report,
    figure: &Figure,
) -> Option<(&'r str, usize, std::ops::Range<usize>)> {
    let line = report.lines.get(figure.line as usize)?;
    let content = report.text.get(line.content.clone())?;
    let base = line.content.start;
    let start = figure.span.start.checked_sub(base)?;
    let end = figure.span.end.checked_sub(base)?;
    content.get(start..end)?;
    Some((content, base, start..end))
}

/// The figure ending the range `figure` opens (`4.5%-5%`), when `next` follows it after a dash.
fn range_end<'f>(report: &Report, figure: &Figure, next: Option<&'f Figure>) -> Option<&'f Figure> {
    let next = next.filter(|n| n.line == figure.line && n.unit == figure.unit)?;
    let between = report.text.get(figure.span.end..next.span.start)?.trim();
    RANGE_JOINS.contains(&between).then_some(next)
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
    aliases: &AliasTable,
) -> Option<Target> {
    let (content, base, span) = placed(report, figure)?;
    let end = high
        .and_then(|h| h.span.end.checked_sub(base))
        .filter(|&e| e <= content.len() && content.is_char_boundary(e))
        .unwrap_or(span.end);
    let clause = clause::around(content, span.start, end);
    let suffix = SUFFIXES
        .iter()
        .find(|s| content[end..].starts_with(*s))
        .copied();
    let prefix = own_prefix(content, clause.start, span.start, &figure.text);
    let (mut value, mut value_high) = number(figure);
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
    if value.is_none() && bound != Bound::Range {
        value_high = None;
    }
    let text_start = prefix.map_or(span.start, |p| p.at.min(span.start));
    let text_end = end + suffix.map_or(0, str::len);
    let (firmness, firmness_from, firmness_words) =
        firmness(content, clause.clone(), text_start, text_end, prefix);
    if value.is_none() {
        value = None;
    }
    Some(Target {
        report: index,
        figure: Some(at),
        span: base + text_start..base + text_end,
        line: figure.line,
        col: content[..text_start].chars().count() as u32 + 1,
        text: content[text_start..text_end].to_string(),
        indicator: figure.indicator.as_deref().map(|n| aliases.canonical(n)),
        period: figure.period,
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
    let attached: Vec<Found> = clause::next(content, clause.end)
        .filter(|next| HEDGES.iter().any(|h| content[next.clone()].contains(h)))
        .map(|next| {
            words::find(&content[next.clone()])
                .into_iter()
                .map(|f| Found {
                    word: f.word,
                    at: next.start + f.at,
                })
                .collect()
        })
        .unwrap_or_default();
    let listed: Vec<&'static str> = in_clause
        .iter()
        .chain(&attached)
        .map(|f| f.word)
        .filter(|w| words::listed(w))
        .collect();
    let decided = |f: Firmness| (f, FirmnessFrom::Clause, listed.clone());
    // The target's own bound word, when it commits (`不低于80亿元`).
    if let Some(f) = prefix.and_then(|p| firm(p.word)) {
        return decided(f);
    }
    // The nearest word before it that governs it.
    let governing = in_clause.iter().rev().find(|f| {
        let f_end = f.at + f.word.len();
        f_end <= start
            && !SUFFIXES.contains(&f.word)
            && firm(f.word).is_some()
            && (governs_chain(content, f_end) || f_end == start)
    });
    if let Some(f) = governing.and_then(|g| firm(g.word)) {
        return decided(f);
    }
    // A word after it in its own item (`5%左右`, `…底线`), then an attached hedge.
    let item_end = content[end..clause.end]
        .find('、')
        .map_or(clause.end, |i| end + i);
    let after = in_clause
        .iter()
        .filter(|f| f.at >= end && f.at < item_end)
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
