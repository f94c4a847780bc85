//! Numbers joined into one target or sharing one: the two ends of a range (`4.5%-5%`,
//! `5%到6%`), a number and the unit it is per (`0.6人/百亿元`), two numbers under one bound word
//! (`不低于740元/月和485元/月`), and the level a target moves from, which is none
//! (`从每人每月2375元提高到2423元`).

use crate::corpus::Report;
use crate::figures::Figure;

use super::clause;
use super::{Bound, FirmnessFrom, Target};

/// Dashes and words that join the two ends of a range (`4.5%-5%`, `5.0%—5.5%`, `5%至6%`,
/// `5%到6%`).
const RANGE_JOINS: [&str; 9] = ["——", "—", "–", "－", "-", "~", "～", "至", "到"];
/// Words that move a level to a new one (`提高到`), from `assets/lexicon/moves.txt`.
static MOVES: std::sync::LazyLock<&'static [&'static str]> =
    std::sync::LazyLock::new(|| crate::figures::lexicon::list!("moves"));
/// Words before the first number that make `3%到5%` a move from one level to another, not a
/// range (`由3%到5%`).
const MOVE_FROM: [char; 2] = ['从', '由'];

/// Two numbers joined by `和` share one bound word: `不低于740元/月和485元/月` (the prefix
/// reaches the second), `分别稳定在310万吨和750万吨左右` (the suffix reaches the first).
pub(super) fn share_bounds(report: &Report, targets: &mut [Target]) {
    for i in 1..targets.len() {
        let (head, tail) = targets.split_at_mut(i);
        let (a, b) = (&mut head[i - 1], &mut tail[0]);
        let joined = a.line == b.line
            && report
                .text
                .get(a.span.end..b.span.start)
                .map(without_per_unit)
                .is_some_and(|t| t == "和" || t == "及");
        if !joined {
            continue;
        }
        if a.bound == Bound::Point
            && matches!(b.bound, Bound::About | Bound::AtLeast | Bound::AtMost)
        {
            a.bound = b.bound;
        } else if b.bound == Bound::Point && matches!(a.bound, Bound::AtLeast | Bound::AtMost) {
            b.bound = a.bound;
            if a.firmness_from == FirmnessFrom::Clause {
                b.firmness = a.firmness;
                b.firmness_from = a.firmness_from;
            }
        }
    }
}

/// `between` without the unit its number is per (`/月和` → `和`, in `740元/月和485元/月`).
fn without_per_unit(between: &str) -> &str {
    let Some(rest) = between
        .strip_prefix('/')
        .or_else(|| between.strip_prefix('每'))
    else {
        return between;
    };
    let unit_len: usize = rest
        .chars()
        .take(2)
        .take_while(|c| !matches!(c, '和' | '及'))
        .map(char::len_utf8)
        .sum();
    &rest[unit_len..]
}

/// The line content of `figure` and the figure's byte range within it, when the figure lies
/// inside its line's content.
pub(super) fn placed<'r>(
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

/// Whether `figure` is the level a target moves from (`从每人每月2375元提高到2423元`): the
/// target is the level it moves to.
pub(super) fn starts_a_move(report: &Report, figure: &Figure) -> bool {
    let Some((content, _, span)) = placed(report, figure) else {
        return false;
    };
    let after = content[span.end..].trim_start();
    let before = &content[clause::around(content, span.start, span.end).start..span.start];
    MOVES.iter().any(|m| after.starts_with(m)) && before.contains(MOVE_FROM)
}

/// The figure ending the range `figure` opens (`4.5%-5%`), when `next` follows it after a dash.
pub(super) fn range_end<'f>(
    report: &Report,
    figure: &Figure,
    next: Option<&'f Figure>,
) -> Option<&'f Figure> {
    let next = next.filter(|n| n.line == figure.line && n.unit == figure.unit)?;
    let between = report.text.get(figure.span.end..next.span.start)?.trim();
    let (content, base, _) = placed(report, figure)?;
    let before = content.get(..figure.span.start.checked_sub(base)?)?;
    let clause = &before[clause::around(before, before.len(), before.len())];
    let moves = clause.contains(MOVE_FROM);
    (RANGE_JOINS.contains(&between) && !moves).then_some(next)
}

/// The figure that names the unit `figure` is per (`0.6人/百亿元`), when `next` follows it
/// after a slash.
pub(super) fn per_unit<'f>(
    report: &Report,
    figure: &Figure,
    next: Option<&'f Figure>,
) -> Option<&'f Figure> {
    let next = next.filter(|n| n.line == figure.line)?;
    let between = report.text.get(figure.span.end..next.span.start)?;
    (between == "/" || between == "每").then_some(next)
}
