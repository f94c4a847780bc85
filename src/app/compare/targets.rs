//! The compare view's targets table (`Ctrl-g`): every target set for the picked indicator,
//! across places, for one period or all (`Ctrl-y`), ordered by period and place or by gap
//! (`Ctrl-o`, most missed first), `Enter` jumping to where the target is set.

use super::super::navigate::open_at;
use super::super::{App, Mode, Pane};
use crate::compare::AliasTable;
use crate::targets::{Paired, select};

/// The targets table's state.
#[derive(Debug, Default)]
pub struct TargetsTable {
    /// Whether it shows, in place of the rows and chart.
    pub shown: bool,
    /// Every target of the loaded reports, judged (built with the index).
    pub all: Vec<Paired>,
    /// The periods the picked indicator has targets for, in order.
    pub periods: Vec<String>,
    /// The period shown (a position in `periods`); `None` for all.
    pub period: Option<usize>,
    /// Whether the rows are ordered by gap.
    pub by_gap: bool,
    /// The rows shown: positions in `all`.
    pub rows: Vec<usize>,
    /// The row under the cursor.
    pub row: usize,
}

impl TargetsTable {
    /// The target under the cursor.
    pub fn current(&self) -> Option<&Paired> {
        self.all.get(*self.rows.get(self.row)?)
    }

    /// The period shown, or `None` for all.
    pub fn period_shown(&self) -> Option<&str> {
        self.period
            .and_then(|p| self.periods.get(p))
            .map(String::as_str)
    }

    /// Fill the rows for `indicator` (a canonical name) from `all`, cursor on the first.
    pub fn fill(&mut self, indicator: Option<&str>, aliases: &AliasTable) {
        // The rows `baogao targets --indicator … [--period …]` prints, in its order.
        let rows = |period: Option<&str>| match indicator {
            Some(name) => select(&self.all, Some(name), period, aliases),
            None => Vec::new(),
        };
        let of_indicator = rows(None);
        let mut periods: Vec<String> = of_indicator
            .iter()
            .filter_map(|&i| self.all[i].target.period.map(|x| x.to_string()))
            .collect();
        periods.sort();
        periods.dedup();
        if periods != self.periods {
            self.period = None;
            self.periods = periods;
        }
        self.rows = match self.period_shown() {
            Some(period) => rows(Some(period)),
            None => of_indicator,
        };
        if self.by_gap {
            // Most missed first; targets with no gap last, in the order above.
            let all = &self.all;
            self.rows.sort_by(|a, b| match (all[*a].gap, all[*b].gap) {
                (Some(x), Some(y)) => x.total_cmp(&y),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            });
        }
        self.row = 0;
    }

    /// Move the cursor by `delta`.
    pub fn step(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1);
        self.row = self.row.saturating_add_signed(delta).min(last);
    }

    /// The next period (after the last, all).
    pub fn next_period(&mut self) {
        self.period = match self.period {
            None if !self.periods.is_empty() => Some(0),
            Some(p) if p + 1 < self.periods.len() => Some(p + 1),
            _ => None,
        };
    }
}

/// `Enter` on a target: close the view and show where it is set, its figure selected.
pub(super) fn jump(app: &mut App) {
    let Some(p) = app.compare.targets.current() else {
        return;
    };
    let (report, start, figure) = (p.target.report, p.target.span.start, p.target.figure);
    if report >= app.corpus.reports.len() {
        return;
    }
    app.mode = Mode::Normal;
    app.focus = Pane::Text;
    open_at(app, report, start, true);
    app.text.selected_figure = figure;
    app.figures_view.listed_for = None;
}
