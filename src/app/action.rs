//! Everything the browser can be asked to do, as data: keys, mouse and resizes all become an
//! [`Action`] before they touch the state, so [`super::update`] can be driven by tests.

use crossterm::event::KeyEvent;

/// One thing the user asked for. Keys map to these through [`super::keymap`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the browser.
    Quit,
    /// Move the focus to the next visible pane.
    FocusNext,
    /// Move the focus to the previous visible pane.
    FocusPrev,
    /// Move down one row in the focused pane.
    MoveDown,
    /// Move up one row in the focused pane.
    MoveUp,
    /// Collapse the tree node under the cursor (or go to its parent).
    Collapse,
    /// Expand the tree node under the cursor.
    Expand,
    /// Open the selected tree node, or jump to the selected figure.
    Activate,
    /// Go to the first row of the focused pane.
    Top,
    /// Go to the last row of the focused pane.
    Bottom,
    /// Move down one page in the focused pane.
    PageDown,
    /// Move up one page in the focused pane.
    PageUp,
    /// Move down half a page in the focused pane.
    HalfPageDown,
    /// Move up half a page in the focused pane.
    HalfPageUp,
    /// Scroll the text to the next section heading.
    NextSection,
    /// Scroll the text to the previous section heading (or this one's start).
    PrevSection,
    /// Open the search line.
    OpenSearch,
    /// A key typed into the search line.
    SearchInput(KeyEvent),
    /// Run the query in the search line over every report.
    SubmitSearch,
    /// Put an earlier pattern from the search history in the search line.
    EarlierSearch,
    /// Put a later pattern from the search history in the search line.
    LaterSearch,
    /// Close the search line without searching.
    CancelSearch,
    /// Go to the next search hit, across reports.
    NextHit,
    /// Go to the previous search hit, across reports.
    PrevHit,
    /// Cycle the figures filter: all, money, percent, targets.
    CycleFigureFilter,
    /// Switch the figures panel between the section in view and the whole report.
    ToggleFigureScope,
    /// Show or hide the help overlay.
    ToggleHelp,
    /// Go back to the place the last jump left.
    JumpBack,
    /// Go forward again to the place `JumpBack` left.
    JumpForward,
    /// Go to the place the last jump left, and on a second press back again.
    SwapLastPlace,
    /// Open the go-to: a report, a place, a year or a heading, fuzzily.
    OpenGoTo,
    /// A key typed into the go-to's query.
    GoToInput(KeyEvent),
    /// Close the go-to without going anywhere.
    CloseGoTo,
    /// Show or hide each line's number in the file.
    ToggleLineNumbers,
    /// Show or hide the section tree (at any width).
    ToggleTree,
    /// Show or hide the figures panel (over the text when there is no room beside it).
    ToggleFiguresPanel,
    /// Open the compare view.
    OpenCompare,
    /// A key typed into the compare view's filter.
    CompareInput(KeyEvent),
    /// Close the compare view.
    CloseCompare,
    /// Move ↑/↓ between the compare view's indicators and its rows.
    ToggleCompareFocus,
    /// Chart the levels or the growth rates.
    ToggleCompareChart,
    /// Show the picked indicator's targets table (bound, firmness, result, gap, verdict), or
    /// the rows and chart again.
    ToggleCompareTargets,
    /// Order the targets table by gap, most missed first, or by period and place again.
    SortTargetsByGap,
    /// Show the targets of the next period only (after the last, of every period).
    CycleTargetsPeriod,
    /// Explain the first glossary term on screen, or the next one.
    ShowTerm,
    /// Close the glossary popup.
    CloseTerm,
    /// Start selecting sentences at the cursor; `j`/`k` extend the selection.
    StartSelection,
    /// Leave the selection without marking.
    CancelSelection,
    /// Mark the sentence under the cursor or the selection, or unmark the mark there.
    ToggleMark,
    /// Open the note editor on the mark under the cursor (or the list's cursor).
    EditNote,
    /// A key typed into the note editor.
    NoteInput(KeyEvent),
    /// Close the note editor, keeping the note.
    SaveNote,
    /// Put back the mark unmarked or deleted last.
    Undo,
    /// Copy the passage under the cursor, with its citation, to the clipboard.
    CopyPassage,
    /// Open the list of every mark.
    OpenMarks,
    /// Close the marks list.
    CloseMarks,
    /// Delete the mark under the list's cursor.
    DeleteMark,
    /// Open the export dialog.
    OpenExport,
    /// A key typed into the export dialog's destination.
    ExportInput(KeyEvent),
    /// Switch the export format: Markdown, JSON, CSV.
    CycleExportFormat,
    /// Export the marks as chosen.
    SubmitExport,
    /// Close the export dialog without exporting.
    CancelExport,
    /// The terminal now has this many columns and rows.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// A left click at this cell.
    Click {
        /// 0-based column.
        column: u16,
        /// 0-based row.
        row: u16,
    },
    /// The wheel turned over this cell: positive `lines` scroll down.
    Scroll {
        /// 0-based column.
        column: u16,
        /// 0-based row.
        row: u16,
        /// Rows to scroll, positive down.
        lines: i16,
    },
}

/// What the run loop must do after an update: the I/O that `update` itself never performs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Restore the terminal and exit.
    Quit,
    /// Write the marks file now (every change to the marks asks for this).
    SaveMarks,
    /// Write an export.
    Export {
        /// The destination.
        path: std::path::PathBuf,
        /// The rendered export.
        content: String,
        /// How many marks it holds, for the message.
        count: usize,
        /// Whether an existing file may be replaced (the reader confirmed it).
        overwrite: bool,
    },
    /// Put this text on the system clipboard (OSC 52).
    Copy(String),
}
