//! The browser's state and everything that changes it.
//!
//! The shape is the Elm architecture: [`App`] is the model, an [`Action`] is a message, and
//! [`update`] applies one action in place and returns the [`Effect`]s (quitting, later saving
//! and exporting) for the run loop to perform, so it can be tested without a terminal. Keys
//! become actions through the per-mode tables in [`keymap`]; `crate::ui::draw` only reads the
//! state. Everything a frame needs that costs more than the visible rows (wrapped lines, tree
//! rows, the figures list) is computed here, in `update`, and cached.
//!
//! To add a mode or an overlay (a marks list, a note editor, the compare view): add a [`Mode`]
//! variant, its key table in [`keymap`] (the help lists it by itself once it is in
//! [`keymap::HELP_SECTIONS`]), its actions in [`Action`], a handler beside `normal`/`search`/`help`
//! in `update`, and a `ui` module drawn over the panes for that mode. I/O it needs (saving,
//! exporting, the clipboard) is an [`Effect`] performed by the terminal loop, `crate::tui`. A new kind of highlight in
//! the text (marks, glossary terms) is one more layer in `ui::text`'s `overlays`, read from
//! ranges kept sorted here.

pub mod action;
pub mod compare;
pub mod cursor;
pub mod export_dialog;
pub mod figures_panel;
pub mod glossary;
pub mod goto;
pub mod keymap;
pub mod layout;
pub mod loading;
pub mod marks;
mod marks_list;
pub mod navigate;
pub mod note;
pub mod panes;
pub mod paste;
pub mod resume;
pub mod search;
pub mod sentences;
pub mod text_input;
pub mod tree;
pub(crate) mod update;

use std::collections::HashMap;

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

pub use action::{Action, Effect};
pub use figures_panel::{FigureFilter, FiguresView};
pub use layout::{Role, ScreenLine, TextLayout};
pub use panes::{Pane, PaneChoice, Panes, Shown};
pub use search::SearchState;
pub use tree::{TreeNode, TreeRow, TreeView};
pub use update::update;

use crate::corpus::{Corpus, Report};
use crate::figures::{self, Figure};

/// Which key table is active and what is drawn over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: keys move through the focused pane.
    Normal,
    /// The search line at the bottom takes the keys.
    Search,
    /// The help overlay is shown.
    Help,
    /// The compare view is shown; typed keys go to its filter.
    Compare,
    /// The glossary popup explains a term.
    Glossary,
    /// Selecting sentences from the cursor.
    Visual,
    /// The marks list is shown.
    Marks,
    /// The note editor takes the keys.
    Note,
    /// The export dialog is shown.
    Export,
    /// The go-to list is shown; typed keys go to its query.
    GoTo,
}

impl Mode {
    /// Every mode, for tests and tables that must cover them all.
    pub const ALL: [Mode; 10] = [
        Mode::Normal,
        Mode::Search,
        Mode::Help,
        Mode::Compare,
        Mode::Glossary,
        Mode::Visual,
        Mode::Marks,
        Mode::Note,
        Mode::Export,
        Mode::GoTo,
    ];
}

/// A line for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Whether it reports a failure (drawn as an error).
    pub is_error: bool,
}

impl Message {
    /// A message that reports a failure.
    pub fn error(text: String) -> Message {
        Message {
            text,
            is_error: true,
        }
    }

    /// A message that tells how something went.
    pub fn info(text: &str) -> Message {
        Message {
            text: text.to_string(),
            is_error: false,
        }
    }
}

/// The text pane's state.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextView {
    /// The first screen line shown.
    pub top: usize,
    /// The figure (index in the report's figures) highlighted as selected.
    pub selected_figure: Option<usize>,
    /// The deepest section holding the text in view.
    pub section: Option<usize>,
    /// A byte offset in the sentence under the cursor (see [`cursor`]).
    pub cursor: usize,
    /// Through a run of resizes, the offset the reader had at the top before the first, so
    /// the same text comes back to the top when the size does.
    pub kept_top: Option<usize>,
    /// Whether each line's number in the file is shown at its left (`#`).
    pub line_numbers: bool,
}

/// The whole browser state.
#[derive(Debug)]
pub struct App {
    /// Every loaded report.
    pub corpus: Corpus,
    /// Each report's figures, sorted by position, extracted once at start-up.
    pub figures: Vec<Vec<Figure>>,
    /// Each report's figure count per section (subsections included), then its total.
    pub figure_counts: Vec<Vec<usize>>,
    /// The active key table and overlay.
    pub mode: Mode,
    /// The pane that takes movement keys.
    pub focus: Pane,
    /// Where the panes are for the current terminal size.
    pub panes: Panes,
    /// Which side panes the reader asked to show or hide.
    pub pane_choice: PaneChoice,
    /// The places jumps left, for going back and forth.
    pub history: navigate::History,
    /// The go-to (`o`).
    pub goto: goto::GoToView,
    /// Where the reader was in each report, across launches.
    pub resume: resume::Resume,
    /// The report shown in the text pane.
    pub report: usize,
    /// The text pane's scroll and selection.
    pub text: TextView,
    /// The section tree.
    pub tree: TreeView,
    /// The figures panel.
    pub figures_view: FiguresView,
    /// The search line and its hits.
    pub search: SearchState,
    /// The first row of the help overlay shown.
    pub help_top: usize,
    /// The status bar's message, if any.
    pub message: Option<Message>,
    /// The compare view.
    pub compare: compare::CompareView,
    /// The glossary terms, where they occur, and the popup.
    pub glossary: glossary::GlossaryState,
    /// The marks and the marks list.
    pub marks: marks::MarksState,
    /// The note editor, while it is open.
    pub note: Option<note::NoteEditor>,
    /// The marks export dialog's format and destination (the compare view has its own).
    pub export: export_dialog::ExportDialog,
    /// While reports are still arriving: how far loading has got.
    pub loading: Option<loading::Progress>,
    /// The files that could not be loaded (or only in part).
    pub load_errors: Vec<crate::corpus::LoadError>,
    /// Every indicator name of the loaded figures, once: figures arriving share these.
    indicator_names: std::collections::HashSet<std::sync::Arc<str>>,
    /// Each report's sentences, split when the report is first shown.
    sentences: Vec<Option<Vec<std::ops::Range<usize>>>>,
    layouts: HashMap<(usize, u16), TextLayout>,
    /// While the first report arriving is put on screen: lay out only what the first frame
    /// shows (the next update lays the report out whole).
    first_screen_only: bool,
    /// The (report, offset) the tree and figures panel last followed.
    last_anchor: Option<(usize, usize)>,
}

/// How many (report, width) layouts to keep before starting afresh.
const LAYOUT_CACHE_LIMIT: usize = 64;

impl App {
    /// A browser over `corpus` in a terminal of `width` × `height`; extracts every report's
    /// figures once.
    pub fn new(corpus: Corpus, width: u16, height: u16) -> App {
        let figures: Vec<Vec<Figure>> = corpus
            .reports
            .iter()
            .map(|report| {
                let mut found = figures::extract(report);
                found.sort_by_key(|f| (f.span.start, f.span.end));
                found
            })
            .collect();
        Self::with_figures(corpus, figures, width, height)
    }

    /// A browser over `corpus` with figures already known (sorted by position), one list per
    /// report.
    pub fn with_figures(corpus: Corpus, figures: Vec<Vec<Figure>>, width: u16, height: u16) -> App {
        let mut figures = figures;
        figures.resize(corpus.reports.len(), Vec::new());
        let figure_counts = corpus
            .reports
            .iter()
            .zip(&figures)
            .map(|(report, found)| tree::figure_counts(report, found))
            .collect();
        let tree = TreeView::new(&corpus.reports);
        let mut search = SearchState::default();
        search.clear_input();
        let mut app = App {
            corpus,
            figures,
            figure_counts,
            mode: Mode::Normal,
            focus: Pane::Text,
            panes: Panes::compute(Rect::new(0, 0, width, height)),
            pane_choice: PaneChoice::default(),
            history: navigate::History::default(),
            goto: goto::GoToView::default(),
            resume: resume::Resume::default(),
            report: 0,
            text: TextView::default(),
            tree,
            figures_view: FiguresView::default(),
            search,
            help_top: 0,
            message: None,
            compare: compare::CompareView::default(),
            glossary: glossary::GlossaryState::default(),
            marks: marks::MarksState::default(),
            note: None,
            export: export_dialog::ExportDialog::default(),
            loading: None,
            load_errors: Vec::new(),
            indicator_names: Default::default(),
            sentences: Vec::new(),
            layouts: HashMap::new(),
            first_screen_only: false,
            last_anchor: None,
        };
        marks::reindex(&mut app);
        app.sync();
        app
    }

    /// The sentences of the report in the text pane (split by `update`).
    pub fn current_sentences(&self) -> &[std::ops::Range<usize>] {
        self.sentences
            .get(self.report)
            .and_then(Option::as_deref)
            .unwrap_or(&[])
    }

    /// The report in the text pane, if any loaded.
    pub fn current_report(&self) -> Option<&Report> {
        self.corpus.reports.get(self.report)
    }

    /// The figures of the report in the text pane.
    pub fn current_figures(&self) -> &[Figure] {
        self.figures.get(self.report).map_or(&[], Vec::as_slice)
    }

    /// The text pane's screen lines for the current report and width (built by `update`).
    pub fn layout(&self) -> Option<&TextLayout> {
        self.layouts.get(&(self.report, self.wrap_width()))
    }

    /// The byte range of the current report's text that the text pane shows.
    pub fn on_screen(&self) -> Option<std::ops::Range<usize>> {
        let layout = self.layout()?;
        let below = self.text.top + self.panes.inner_height(Pane::Text).max(1);
        let start = layout.offset_of(self.text.top);
        let end = if below < layout.len() {
            layout.offset_of(below)
        } else {
            self.current_report().map_or(start, |r| r.text.len())
        };
        Some(start..end)
    }

    /// The highest `top` the text pane scrolls to: the last line at the bottom.
    pub fn max_text_top(&self) -> usize {
        self.top_below(self.layout().map_or(0, TextLayout::len))
    }

    /// As [`App::max_text_top`], of the whole report even while only its first screen is laid
    /// out (estimated then): for the scroll bar and the percentage read.
    pub fn scroll_extent(&self) -> usize {
        self.top_below(self.layout().map_or(0, |layout| layout.rows_estimate))
    }

    /// The top row that shows the last of `rows` at the pane's bottom.
    fn top_below(&self, rows: usize) -> usize {
        rows.saturating_sub(self.panes.inner_height(Pane::Text).max(1))
    }

    /// The byte offset in the current report of the character drawn at a cell of the text pane,
    /// if a character is drawn there.
    pub fn text_offset_at(&self, column: u16, row: u16) -> Option<usize> {
        let inner = self.panes.inner(Pane::Text);
        if !inner.contains(ratatui::layout::Position::new(column, row)) {
            return None;
        }
        let line = self
            .layout()?
            .lines
            .get(self.text.top + usize::from(row - inner.y))?;
        let report = self.current_report()?;
        let text = &report.text[line.range.clone()];
        // Markdown bold markers are not drawn (see `ui::text`), so take no column.
        let hidden = crate::corpus::clean_source::hidden_in_line(report, line.line);
        let gutter = self.gutter_width();
        let width = inner.width.saturating_sub(gutter);
        let mut left = usize::from(inner.x + gutter) + usize::from(line.indent(text, width));
        let column = usize::from(column);
        for (offset, c) in text.char_indices() {
            let at = line.range.start + offset;
            if hidden.iter().any(|marker| marker.contains(&at)) {
                continue;
            }
            let width = c.width().unwrap_or(0);
            if column >= left && column < left + width.max(1) {
                return Some(line.range.start + offset);
            }
            left += width;
        }
        None
    }

    /// Make sure the current (report, width) layout exists, then bring every derived piece of
    /// state (scroll limits, section in view, tree cursor, figures list) up to date.
    fn sync(&mut self) {
        glossary::ensure(self);
        self.ensure_layout();
        cursor::ensure(self);
        self.text.top = self.text.top.min(self.max_text_top());
        cursor::keep_in_view(self);
        self.follow_text();
        let tree_height = self.panes.inner_height(Pane::Tree).max(1);
        keep_in_view(&mut self.tree.top, self.tree.cursor, tree_height);
        let figures_height = self.panes.inner_height(Pane::Figures).max(1);
        let view = &mut self.figures_view;
        view.cursor = view.cursor.min(view.rows.len().saturating_sub(1));
        keep_in_view(&mut view.top, view.cursor, figures_height);
        marks_list::follow(self, self.marks_list_height());
    }

    /// Rows of marks the marks list shows at once: the panes' area less the status bar, the
    /// list's border and its header.
    pub fn marks_list_height(&self) -> usize {
        usize::from(
            self.panes
                .area
                .height
                .saturating_sub(self.panes.status.height + 3),
        )
    }

    /// Columns the line numbers take at the left of the text (`#` shows them): the widest
    /// number and a space, or none.
    pub fn gutter_width(&self) -> u16 {
        if !self.text.line_numbers {
            return 0;
        }
        let lines = self.current_report().map_or(1, |r| r.lines.len().max(1));
        // Never more than half the pane.
        let digits = u16::try_from(lines.ilog10() + 1).unwrap_or(u16::MAX);
        (digits + 1).min(self.panes.text_width() / 2)
    }

    /// Columns the text is wrapped to: the text pane less the line numbers.
    pub fn wrap_width(&self) -> u16 {
        self.panes
            .text_width()
            .saturating_sub(self.gutter_width())
            .max(1)
    }

    /// Lay report `index` out again, its figures having come in (a figure is never broken
    /// across lines), keeping the text at the top of the pane where it was.
    pub(crate) fn relayout(&mut self, index: usize) {
        let top = (index == self.report)
            .then(|| self.layout().map(|l| l.offset_of(self.text.top)))
            .flatten();
        self.layouts.retain(|&(report, _), _| report != index);
        if let Some(offset) = top {
            self.ensure_layout();
            if let Some(layout) = self.layout() {
                self.text.top = layout.row_of(offset);
            }
        }
    }

    pub(super) fn ensure_layout(&mut self) {
        let key = (self.report, self.wrap_width());
        let first_screen_only = self.first_screen_only;
        if self
            .layouts
            .get(&key)
            .is_some_and(|l| l.complete || first_screen_only)
        {
            return;
        }
        let Some(report) = self.corpus.reports.get(self.report) else {
            return;
        };
        if self.layouts.len() >= LAYOUT_CACHE_LIMIT {
            self.layouts.clear();
        }
        let layout = if first_screen_only {
            // Through the cursor (where the report opens) and a pane's height after it.
            let rows = self.panes.inner_height(Pane::Text) + 1;
            TextLayout::build_through(
                report,
                self.current_figures(),
                key.1,
                self.text.cursor,
                rows,
            )
        } else {
            TextLayout::build(report, self.current_figures(), key.1)
        };
        self.layouts.insert(key, layout);
    }

    /// The offset the text pane is "at": the selected figure when it is on screen, else the
    /// sentence the reader is on (where a jump or a search hit put it, as the status line
    /// says) when on screen, else the top.
    fn anchor_offset(&self) -> usize {
        let Some(layout) = self.layout() else {
            return 0;
        };
        let top = layout.offset_of(self.text.top);
        let height = self.panes.inner_height(Pane::Text);
        let on_screen = |&offset: &usize| {
            let row = layout.row_of(offset);
            row >= self.text.top && row < self.text.top + height.max(1)
        };
        self.text
            .selected_figure
            .and_then(|i| self.current_figures().get(i))
            .map(|f| f.span.start)
            .filter(on_screen)
            .or_else(|| Some(self.text.cursor).filter(on_screen))
            .unwrap_or(top)
    }

    /// After the text moved: the section in view, the tree's highlighted node and the figures
    /// panel follow it.
    fn follow_text(&mut self) {
        let Some(report) = self.corpus.reports.get(self.report) else {
            return;
        };
        let anchor = (self.report, self.anchor_offset());
        let moved = self.last_anchor != Some(anchor);
        self.last_anchor = Some(anchor);
        let section = report.section_at(anchor.1);
        self.text.section = section;
        if moved {
            let node = TreeNode {
                report: self.report,
                section,
            };
            if let Some(row) = self.tree.visible_row_of(&self.corpus.reports, node) {
                self.tree.cursor = row;
            }
        }
        // Before the first section (the front matter, and a chapter heading further down the
        // screen) the panel lists what is on screen, so the first frame already shows figures.
        let listed = match (self.figures_view.whole_report, section) {
            (true, _) => (true, None, 0),
            (false, Some(s)) => (false, Some(s), 0),
            (false, None) => (false, None, self.on_screen().map_or(0, |r| r.end)),
        };
        if self.figures_view.listed_for == Some(listed) {
            return;
        }
        let span = match (listed, report.sections.first()) {
            ((true, _, _), _) => None,
            ((false, Some(s), _), _) => report.sections.get(s).map(|s| s.span.clone()),
            ((false, None, end), Some(first)) => Some(0..end.max(first.span.start)),
            ((false, None, _), None) => None,
        };
        let keep = self.text.selected_figure;
        self.figures_view.listed_for = Some(listed);
        let figures = self.figures.get(self.report).map_or(&[][..], Vec::as_slice);
        self.figures_view.refill(figures, span, keep);
    }
}

/// Scroll `top` the least so that `cursor` is within `height` rows of it.
fn keep_in_view(top: &mut usize, cursor: usize, height: usize) {
    if cursor < *top {
        *top = cursor;
    } else if cursor >= *top + height {
        *top = cursor + 1 - height;
    }
}

/// What this crate's tests and its integration tests start from: the bundled app, keys typed
/// in the help's notation, reports built line by line.
#[doc(hidden)]
pub mod fixture;
#[cfg(test)]
mod tests;
