//! The compare view's state (`c`): a fuzzy filter over the indicator index, the rows of the
//! indicator picked (one per place and period, with its target and verdict), the row under the
//! cursor and what the chart shows. The index is built when the view first opens and again only
//! when more reports have been loaded since; the rows when the pick changes, never per frame.

use tui_textarea::TextArea;

pub use targets::TargetsTable;

use super::navigate::open_at;
use super::{Action, App, Mode, Pane};
use crate::compare::{self, BUNDLED, FigureRef, IndicatorEntry, IndicatorIndex, Row};

/// Which part of the compare view takes ↑ and ↓.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CompareFocus {
    /// The list of indicators matching the filter.
    #[default]
    Indicators,
    /// The table of the picked indicator's rows.
    Rows,
}

/// What the compare view's bar chart shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ChartKind {
    /// The level reported for each row (`283.1亿元`).
    #[default]
    Levels,
    /// The growth reported for each row (`5.2%`).
    Growth,
}

/// The compare view.
#[derive(Debug, Default)]
pub struct CompareView {
    /// The indicators of every loaded report.
    pub index: IndicatorIndex,
    /// (reports, figures) the index was built from, to rebuild it once more are loaded.
    built_for: Option<(usize, usize)>,
    /// The filter line.
    pub filter: TextArea<'static>,
    /// Positions in the index's entries matching the filter, best first.
    pub matches: Vec<usize>,
    /// The picked match (a position in `matches`).
    pub pick: usize,
    /// The rows of the picked indicator.
    pub rows: Vec<Row>,
    /// The row under the cursor.
    pub row: usize,
    /// Which part takes ↑ and ↓.
    pub focus: CompareFocus,
    /// What the chart shows.
    pub chart: ChartKind,
    /// The targets table (`Ctrl-g`).
    pub targets: TargetsTable,
    /// The export dialog of the rows or the targets table (`Ctrl-s`).
    pub export: super::export_dialog::ExportDialog,
    /// Whether the export dialog open is this view's (not the marks').
    pub exporting: bool,
}

impl CompareView {
    /// The indicator picked, if any matches the filter.
    pub fn entry(&self) -> Option<&IndicatorEntry> {
        self.matches
            .get(self.pick)
            .and_then(|&i| self.index.entries.get(i))
    }

    /// The text typed into the filter.
    pub fn query(&self) -> String {
        self.filter.lines().join("")
    }

    fn clear_filter(&mut self) {
        self.filter = TextArea::default();
        self.filter
            .set_placeholder_text("type to filter indicators");
    }
}

/// The figure a row stands for when the reader jumps to it: its level, else its change, rank
/// or target.
pub fn row_figure(row: &Row) -> Option<FigureRef> {
    row.level.or(row.change).or(row.rank).or(row.target)
}

/// `c`: open the view, building the index if the loaded reports changed since it was built.
pub(super) fn open(app: &mut App) {
    let built_for = (
        app.corpus.reports.len(),
        app.figures.iter().map(Vec::len).sum(),
    );
    let view = &mut app.compare;
    if view.built_for != Some(built_for) {
        view.index = IndicatorIndex::build(&app.figures, &BUNDLED);
        view.targets.all = crate::targets::all(&app.corpus.reports, &app.figures, &BUNDLED);
        view.built_for = Some(built_for);
    }
    view.clear_filter();
    view.focus = CompareFocus::Indicators;
    app.mode = Mode::Compare;
    refilter(app);
}

/// Apply an action while the compare view is open.
pub(super) fn handle(app: &mut App, action: Action) {
    let view = &mut app.compare;
    match action {
        Action::CompareInput(key) if super::text_input::type_key(&mut view.filter, key) => {
            view.focus = CompareFocus::Indicators;
            refilter(app);
        }
        Action::CloseCompare => app.mode = Mode::Normal,
        Action::ToggleCompareFocus => {
            view.focus = match view.focus {
                CompareFocus::Indicators => CompareFocus::Rows,
                CompareFocus::Rows => CompareFocus::Indicators,
            };
        }
        Action::ToggleCompareChart => {
            view.chart = match view.chart {
                ChartKind::Levels => ChartKind::Growth,
                ChartKind::Growth => ChartKind::Levels,
            };
        }
        Action::ToggleCompareTargets => view.targets.shown = !view.targets.shown,
        Action::OpenExport => super::export_dialog::open_table(app),
        Action::SortTargetsByGap => {
            view.targets.by_gap = !view.targets.by_gap;
            fill_targets(view);
        }
        Action::CycleTargetsPeriod => {
            view.targets.next_period();
            fill_targets(view);
        }
        Action::MoveDown => step(app, 1),
        Action::MoveUp => step(app, -1),
        Action::Activate => match view.focus {
            CompareFocus::Indicators => view.focus = CompareFocus::Rows,
            CompareFocus::Rows if view.targets.shown => targets::jump(app),
            CompareFocus::Rows => jump(app),
        },
        _ => {}
    }
}

/// Move the focused list's cursor by `delta`.
fn step(app: &mut App, delta: isize) {
    let view = &mut app.compare;
    match view.focus {
        CompareFocus::Indicators => {
            let last = view.matches.len().saturating_sub(1);
            let pick = view.pick.saturating_add_signed(delta).min(last);
            if pick != view.pick {
                view.pick = pick;
                fill_rows(app);
            }
        }
        CompareFocus::Rows if view.targets.shown => view.targets.step(delta),
        CompareFocus::Rows => {
            let last = view.rows.len().saturating_sub(1);
            view.row = view.row.saturating_add_signed(delta).min(last);
        }
    }
}

/// Match the filter again and pick the best match.
fn refilter(app: &mut App) {
    let view = &mut app.compare;
    view.matches = view.index.ranked(&view.query(), &BUNDLED);
    view.pick = 0;
    fill_rows(app);
}

/// The rows of the picked indicator, cursor on the first.
fn fill_rows(app: &mut App) {
    let view = &mut app.compare;
    view.rows = match view.entry() {
        Some(entry) => compare::compare(entry, &app.corpus.reports, &app.figures),
        None => Vec::new(),
    };
    view.row = 0;
    fill_targets(view);
}

/// The targets table's rows for the picked indicator.
fn fill_targets(view: &mut CompareView) {
    let name = view.entry().map(|e| e.name.clone());
    view.targets.fill(name.as_deref(), &BUNDLED);
}

/// `Enter` on a row: close the view and show the row's figure, selected, in its report.
fn jump(app: &mut App) {
    let Some(at) = app.compare.rows.get(app.compare.row).and_then(row_figure) else {
        return;
    };
    let Some(start) = app
        .figures
        .get(at.report)
        .and_then(|list| list.get(at.figure))
        .map(|f| f.span.start)
    else {
        return;
    };
    app.mode = Mode::Normal;
    app.focus = Pane::Text;
    open_at(app, at.report, start, true);
    app.text.selected_figure = Some(at.figure);
    app.figures_view.listed_for = None;
}

mod targets;

#[cfg(test)]
pub(crate) mod tests;
