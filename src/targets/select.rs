//! The rows of a targets table: the targets of one indicator and one period, in one order, so
//! `baogao targets` and the compare view's targets table (and an export from either) list the
//! same targets the same way.

use crate::compare::AliasTable;

use super::Paired;

/// The positions in `all` of the targets of `indicator` (any alias of it, by its canonical
/// name; when no target is named so, those whose names hold it) set for `period` (`2025`,
/// `2026-2030`), ordered by period, place and line. `None` asks for every indicator or period.
pub fn select(
    all: &[Paired],
    indicator: Option<&str>,
    period: Option<&str>,
    aliases: &AliasTable,
) -> Vec<usize> {
    let wanted = indicator.map(|name| aliases.canonical(name.trim()));
    // Each target named by its canonical name once (only when an indicator is asked for).
    let named: Vec<bool> = match &wanted {
        Some(wanted) => all
            .iter()
            .map(|p| {
                p.target
                    .indicator
                    .as_deref()
                    .is_some_and(|i| aliases.canonical(i) == *wanted)
            })
            .collect(),
        None => Vec::new(),
    };
    let exact = named.contains(&true);
    let of_indicator = |i: usize| match &wanted {
        None => true,
        Some(_) if exact => named[i],
        Some(words) => all[i]
            .target
            .indicator
            .as_deref()
            .is_some_and(|name| name.contains(words.as_str())),
    };
    let of_period = |p: &Paired| {
        period.is_none_or(|want| {
            p.target
                .period
                .is_some_and(|had| had.to_string() == want.trim())
        })
    };
    let mut rows: Vec<usize> = (0..all.len())
        .filter(|&i| of_indicator(i) && of_period(&all[i]))
        .collect();
    rows.sort_by(|&a, &b| {
        let (a, b) = (&all[a], &all[b]);
        (a.target.period, &a.region, a.target.line).cmp(&(
            b.target.period,
            &b.region,
            b.target.line,
        ))
    });
    rows
}
