//! The figures panel's state: which figures it lists (the section in view or the whole report,
//! through a kind/status filter), the cursor and the scroll offset. The list is recomputed when
//! the section in view, the scope or the filter changes, never per frame.

use crate::figures::{Figure, Kind, Status};

/// Which figures the panel lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FigureFilter {
    /// Every figure.
    #[default]
    All,
    /// Sums of money.
    Money,
    /// Percentages and percentage points.
    Percent,
    /// Targets only.
    Targets,
}

impl FigureFilter {
    /// The next filter in the cycle.
    pub fn next(self) -> FigureFilter {
        match self {
            FigureFilter::All => FigureFilter::Money,
            FigureFilter::Money => FigureFilter::Percent,
            FigureFilter::Percent => FigureFilter::Targets,
            FigureFilter::Targets => FigureFilter::All,
        }
    }

    /// Its name in the panel's title.
    pub fn label(self) -> &'static str {
        match self {
            FigureFilter::All => "all",
            FigureFilter::Money => "money",
            FigureFilter::Percent => "percent",
            FigureFilter::Targets => "targets",
        }
    }

    /// Whether `figure` passes.
    pub fn admits(self, figure: &Figure) -> bool {
        match self {
            FigureFilter::All => true,
            FigureFilter::Money => figure.kind == Kind::Money,
            FigureFilter::Percent => matches!(figure.kind, Kind::Percent | Kind::PercentagePoint),
            FigureFilter::Targets => figure.status == Status::Target,
        }
    }
}

/// The figures panel's state.
#[derive(Debug, Clone, Default)]
pub struct FiguresView {
    /// List the whole report's figures instead of the section in view's.
    pub whole_report: bool,
    /// The filter applied.
    pub filter: FigureFilter,
    /// What the rows were listed for: (whole report, section in view, where the listed text
    /// ends when no section is in view); `None` forces a refill.
    pub listed_for: Option<(bool, Option<usize>, usize)>,
    /// Indices into the report's figures, in text order.
    pub rows: Vec<usize>,
    /// The row under the cursor.
    pub cursor: usize,
    /// The first row shown.
    pub top: usize,
}

impl FiguresView {
    /// List the figures of `section` (or all of them) that pass the filter, keeping the cursor
    /// on `keep` (a figure index) when it is still listed.
    pub fn refill(
        &mut self,
        figures: &[Figure],
        span: Option<std::ops::Range<usize>>,
        keep: Option<usize>,
    ) {
        self.rows = figures
            .iter()
            .enumerate()
            .filter(|(_, f)| self.filter.admits(f))
            .filter(|(_, f)| span.as_ref().is_none_or(|s| s.contains(&f.span.start)))
            .map(|(i, _)| i)
            .collect();
        self.cursor = keep
            .and_then(|k| self.rows.iter().position(|&r| r == k))
            .unwrap_or(0);
        self.top = self.top.min(self.cursor);
    }

    /// The figure index under the cursor.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor).copied()
    }
}
