//! Moving through the corpus: opening tree nodes, folding them, jumping to sections, figures
//! and search hits. Each step puts the text where the reader asked; `App::sync` then brings the
//! tree, the figures panel and the status bar along.

use super::{App, Message, Pane, TreeNode};

/// Select the figure drawn over byte `offset`, if any, and put the figures panel's cursor on it.
pub(super) fn select_figure_at(app: &mut App, offset: usize) {
    let figures = app.current_figures();
    let index = figures.partition_point(|f| f.span.end <= offset);
    if !figures.get(index).is_some_and(|f| f.span.contains(&offset)) {
        return;
    }
    app.text.selected_figure = Some(index);
    app.figures_view.listed_for = None;
}

/// `h` in the tree: fold the node under the cursor, or go to its parent.
pub(super) fn collapse(app: &mut App) {
    if app.focus != Pane::Tree {
        return;
    }
    let Some(row) = app.tree.rows.get(app.tree.cursor).copied() else {
        return;
    };
    if row.expanded {
        app.tree.expanded.remove(&row.node);
        app.tree.rebuild(&app.corpus.reports);
        return;
    }
    let parent = row.node.section.map(|s| TreeNode {
        report: row.node.report,
        section: app.corpus.reports[row.node.report].sections[s].parent,
    });
    if let Some(parent_row) = parent.and_then(|p| app.tree.row_of(p)) {
        app.tree.cursor = parent_row;
    }
}

/// `l` in the tree: unfold the node under the cursor, or go to its first child.
pub(super) fn expand(app: &mut App) {
    if app.focus != Pane::Tree {
        return;
    }
    let Some(row) = app.tree.rows.get(app.tree.cursor).copied() else {
        return;
    };
    if !row.has_children {
        return;
    }
    if row.expanded {
        app.tree.cursor += 1;
    } else {
        app.tree.expanded.insert(row.node);
        app.tree.rebuild(&app.corpus.reports);
    }
}

/// `Enter`: open the tree node under the cursor at its heading, or jump to the figure.
pub(super) fn activate(app: &mut App) {
    match app.focus {
        Pane::Tree => {
            let Some(row) = app.tree.rows.get(app.tree.cursor).copied() else {
                return;
            };
            let node = row.node;
            let report = &app.corpus.reports[node.report];
            // A report opens where the reader left it (if elsewhere), a section at its heading.
            let left_at = (node.section.is_none() && node.report != app.report)
                .then(|| app.resume.offset_in(report))
                .flatten();
            let offset = node
                .section
                .and_then(|s| report.sections.get(s))
                .map_or(left_at.unwrap_or(0), |s| s.heading.start);
            open_at(app, node.report, offset, left_at.is_some());
            app.tree.cursor = app.tree.row_of(node).unwrap_or(app.tree.cursor);
            app.last_anchor = None;
        }
        Pane::Figures => jump_to_selected_figure(app),
        Pane::Text => {}
    }
}

/// A place the reader was: a report and the cursor's byte offset in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    /// Index of the report.
    pub report: usize,
    /// Byte offset of the cursor.
    pub offset: usize,
}

/// The places left by jumps, for `Ctrl-o` (back), `Ctrl-i` (forward) and `'` (to the last one
/// and back again), as in vim and less.
#[derive(Debug, Clone, Default)]
pub struct History {
    /// Places jumped away from, the latest last.
    pub back: Vec<Place>,
    /// Places gone back from, the latest last.
    pub forward: Vec<Place>,
    /// The place the latest move of any kind (a jump, `Ctrl-o`, `Ctrl-i`, `'`) left: where
    /// `'` goes, as `''` in less and vim.
    pub last_left: Option<Place>,
}

/// How many places each list keeps.
const HISTORY_LEN: usize = 100;

fn push(list: &mut Vec<Place>, place: Place) {
    if list.last() != Some(&place) {
        list.push(place);
    }
    if list.len() > HISTORY_LEN {
        list.remove(0);
    }
}

/// Where the reader is now.
fn here(app: &App) -> Place {
    Place {
        report: app.report,
        offset: app.text.cursor,
    }
}

/// `Ctrl-o` / `Ctrl-i`: go back to the place the last jump left (or forward again).
pub(super) fn step_history(app: &mut App, back: bool) {
    let current = here(app);
    let (from, to) = if back {
        (&mut app.history.back, &mut app.history.forward)
    } else {
        (&mut app.history.forward, &mut app.history.back)
    };
    let Some(place) = from.pop() else {
        app.message = Some(Message::info(if back {
            "no earlier place: jumps (Enter, n, ], a figure, a mark) leave one"
        } else {
            "no later place"
        }));
        return;
    };
    push(to, current);
    app.history.last_left = Some(current);
    show(app, place.report, place.offset, true);
}

/// `'`: back to where the latest move left; `'` again returns.
pub(super) fn swap_last(app: &mut App) {
    let Some(place) = app.history.last_left else {
        app.message = Some(Message::info(
            "no earlier place: jumps (Enter, n, ], a figure, a mark) leave one",
        ));
        return;
    };
    let current = here(app);
    push(&mut app.history.back, current);
    app.history.forward.clear();
    app.history.last_left = Some(current);
    show(app, place.report, place.offset, true);
}

/// Jump: show `report` with byte `offset` at the top (or, with `reveal`, just somewhere on
/// screen), leaving the place the reader was in the history when the jump leaves the screen.
pub(super) fn open_at(app: &mut App, report: usize, offset: usize, reveal: bool) {
    if report >= app.corpus.reports.len() {
        return;
    }
    let current = here(app);
    let on_screen = report == app.report
        && app.layout().is_some_and(|layout| {
            let row = layout.row_of(offset);
            let height = app.panes.inner_height(Pane::Text).max(1);
            row >= app.text.top && row < app.text.top + height
        });
    if !on_screen && !app.corpus.reports.is_empty() {
        push(&mut app.history.back, current);
        app.history.forward.clear();
        app.history.last_left = Some(current);
    }
    show(app, report, offset, reveal);
}

/// Show `report` with byte `offset` at the top (or, with `reveal`, just somewhere on screen),
/// the cursor there. Leaving a report keeps the reader's place in it.
pub(super) fn show(app: &mut App, report: usize, offset: usize, reveal: bool) {
    if report >= app.corpus.reports.len() {
        return;
    }
    if report != app.report {
        let left = here(app);
        app.resume.keep(&app.corpus.reports, left);
    }
    if report != app.report {
        app.report = report;
        app.text.selected_figure = None;
        app.text.top = 0;
        app.figures_view.listed_for = None;
    }
    // The cursor first: a first screen is laid out through it.
    app.text.cursor = offset;
    app.ensure_layout();
    let Some(row) = app.layout().map(|l| l.row_of(offset)) else {
        return;
    };
    let height = app.panes.inner_height(Pane::Text).max(1);
    if !reveal {
        app.text.top = row;
    } else if row < app.text.top || row >= app.text.top + height {
        app.text.top = row.saturating_sub(height / 3);
    }
    app.text.top = app.text.top.min(app.max_text_top());
}

/// Select the figure under the figures panel's cursor and bring it on screen.
pub(super) fn jump_to_selected_figure(app: &mut App) {
    let Some(index) = app.figures_view.selected() else {
        return;
    };
    let Some(start) = app.current_figures().get(index).map(|f| f.span.start) else {
        return;
    };
    app.text.selected_figure = Some(index);
    open_at(app, app.report, start, true);
}

/// `]` / `[`: put the next (or previous) section heading at the top of the text.
pub(super) fn step_section(app: &mut App, forward: bool) {
    let Some(layout) = app.layout() else {
        return;
    };
    let here = layout.offset_of(app.text.top);
    let sections = &app.corpus.reports[app.report].sections;
    let target = if forward {
        sections.iter().find(|s| s.heading.start > here)
    } else {
        sections.iter().rev().find(|s| s.heading.start < here)
    };
    if let Some(offset) = target.map(|s| s.heading.start) {
        open_at(app, app.report, offset, false);
    }
}

/// `n` / `N`: go `delta` search hits on, across reports, and bring the hit on screen.
pub(super) fn step_hit(app: &mut App, delta: isize) {
    let Some(hit) = app.search.step(delta).cloned() else {
        if app.search.pattern.is_none() {
            app.message = Some(Message::error("no search yet: press / to search".into()));
        }
        return;
    };
    open_at(app, hit.report, hit.range.start, true);
}
