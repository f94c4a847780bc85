//! [`update`]: apply one [`Action`] to the [`App`], in place, returning what the run loop must
//! do. No I/O happens here. Each mode handles its own actions; resizes and the mouse work in
//! every mode.

use ratatui::layout::Rect;
use tui_textarea::{CursorMove, TextArea};

use super::navigate::{
    activate, collapse, expand, jump_to_selected_figure, select_figure_at, step_hit, step_section,
};
use super::{Action, App, Effect, Message, Mode, Pane, Panes, Shown};

/// Apply `action` to `app` and return the effects to perform (in order).
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    // The first frame may have shown only the report's first screen laid out: every action
    // sees it whole.
    app.ensure_layout();
    if !matches!(action, Action::Resize { .. } | Action::Scroll { .. }) {
        app.message = None;
    }
    if !matches!(action, Action::Resize { .. }) {
        app.text.kept_top = None;
    }
    let effects = match action {
        Action::Quit => {
            // A note being typed is kept, not thrown away with the browser.
            let mut effects = super::note::save(app);
            effects.push(Effect::Quit);
            effects
        }
        Action::Resize { width, height } => {
            resize(app, width, height);
            Vec::new()
        }
        Action::Click { column, row } => {
            click(app, column, row);
            Vec::new()
        }
        // Lists drawn over the panes scroll themselves.
        Action::Scroll { lines, .. } if matches!(app.mode, Mode::Help | Mode::Marks) => {
            let step = if lines > 0 {
                Action::MoveDown
            } else {
                Action::MoveUp
            };
            for _ in 0..lines.unsigned_abs() {
                match app.mode {
                    Mode::Marks => drop(super::marks_list::handle(app, step)),
                    _ => help(app, step),
                }
            }
            Vec::new()
        }
        Action::Scroll { column, row, lines } => {
            if let Some(pane) = app.panes.at(column, row) {
                scroll(app, pane, isize::from(lines));
            }
            Vec::new()
        }
        other => match app.mode {
            Mode::Normal => normal(app, other),
            Mode::Search => none(|| search(app, other)),
            Mode::Help => none(|| help(app, other)),
            Mode::Compare => none(|| super::compare::handle(app, other)),
            Mode::Glossary => none(|| glossary(app, other)),
            Mode::Visual => visual(app, other),
            Mode::Marks => super::marks_list::handle(app, other),
            Mode::Note => super::note::handle(app, other),
            Mode::Export => super::export_dialog::handle(app, other),
            Mode::GoTo => none(|| super::goto::handle(app, other)),
        },
    };
    app.sync();
    effects
}

/// A new terminal size: the text the reader last had at the top stays there (through any
/// number of resizes in a row), and the input lines show their text from the start again.
fn resize(app: &mut App, width: u16, height: u16) {
    let offset = app
        .text
        .kept_top
        .or_else(|| app.layout().map(|l| l.offset_of(app.text.top)));
    app.text.kept_top = offset;
    app.panes = Panes::compute_with(Rect::new(0, 0, width, height), app.pane_choice);
    app.ensure_layout();
    if let (Some(offset), Some(layout)) = (offset, app.layout()) {
        app.text.top = layout.row_of(offset);
    }
    if !app.panes.shows(app.focus) {
        app.focus = Pane::Text;
    }
    rescroll(&mut app.search.input);
    rescroll(&mut app.compare.filter);
    rescroll(&mut app.export.input);
    rescroll(&mut app.compare.export.input);
    if let Some(editor) = &mut app.note {
        rescroll(&mut editor.input);
    }
}

/// Forget how far `input` was scrolled for an earlier size (tui-textarea keeps the offset it
/// last drew at), keeping its text, cursor and looks.
fn rescroll(input: &mut TextArea<'static>) {
    let mut fresh = TextArea::new(input.lines().to_vec());
    fresh.set_placeholder_text(input.placeholder_text().to_string());
    fresh.set_style(input.style());
    fresh.set_cursor_line_style(input.cursor_line_style());
    let cursor = input.cursor();
    fresh.move_cursor(CursorMove::Jump(
        u16::try_from(cursor.0).unwrap_or(u16::MAX),
        u16::try_from(cursor.1).unwrap_or(u16::MAX),
    ));
    *input = fresh;
}

/// `t` / `p`: hide a side pane that is shown, or show one that is hidden (at any width), and
/// give it the focus when it appears.
fn toggle_pane(app: &mut App, pane: Pane) {
    let shown = if app.panes.shows(pane) {
        Shown::Never
    } else {
        Shown::Always
    };
    match pane {
        Pane::Tree => app.pane_choice.tree = shown,
        Pane::Figures => app.pane_choice.figures = shown,
        Pane::Text => return,
    }
    let area = app.panes.area;
    resize(app, area.width, area.height);
    app.text.kept_top = None;
    if shown == Shown::Always && app.panes.shows(pane) {
        app.focus = pane;
    }
}

/// Run a handler that never has effects.
fn none(handler: impl FnOnce()) -> Vec<Effect> {
    handler();
    Vec::new()
}

fn normal(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ToggleMark => return super::marks::toggle(app),
        Action::EditNote => return super::note::open(app, None),
        Action::Undo => return super::marks::undo(app),
        Action::CopyPassage => return super::marks::copy(app),
        Action::StartSelection => super::marks::start_selection(app),
        Action::OpenMarks => super::marks_list::open(app),
        Action::OpenExport => super::export_dialog::open(app),
        Action::MoveDown if app.focus == Pane::Text => super::cursor::step(app, 1),
        Action::MoveUp if app.focus == Pane::Text => super::cursor::step(app, -1),
        Action::Top | Action::Bottom if app.focus == Pane::Text => {
            let last = action == Action::Bottom;
            move_by(app, if last { isize::MAX / 2 } else { isize::MIN / 2 });
            super::cursor::to_end(app, last);
        }
        Action::FocusNext => cycle_focus(app, 1),
        Action::FocusPrev => cycle_focus(app, -1),
        Action::MoveDown => move_by(app, 1),
        Action::MoveUp => move_by(app, -1),
        Action::PageDown => move_by(app, page(app) as isize),
        Action::PageUp => move_by(app, -(page(app) as isize)),
        Action::HalfPageDown => move_by(app, (page(app) / 2).max(1) as isize),
        Action::HalfPageUp => move_by(app, -((page(app) / 2).max(1) as isize)),
        Action::Top => move_by(app, isize::MIN / 2),
        Action::Bottom => move_by(app, isize::MAX / 2),
        Action::Collapse => collapse(app),
        Action::Expand => expand(app),
        Action::Activate => activate(app),
        Action::NextSection => step_section(app, true),
        Action::PrevSection => step_section(app, false),
        Action::OpenSearch => {
            app.search.clear_input();
            app.mode = Mode::Search;
        }
        Action::NextHit => step_hit(app, 1),
        Action::PrevHit => step_hit(app, -1),
        Action::CycleFigureFilter => {
            app.figures_view.filter = app.figures_view.filter.next();
            app.figures_view.listed_for = None;
        }
        Action::ToggleFigureScope => {
            app.figures_view.whole_report = !app.figures_view.whole_report;
            app.figures_view.listed_for = None;
        }
        Action::ToggleHelp => {
            app.help_top = 0;
            app.mode = Mode::Help;
        }
        Action::OpenGoTo => super::goto::open(app),
        Action::JumpBack => super::navigate::step_history(app, true),
        Action::JumpForward => super::navigate::step_history(app, false),
        Action::SwapLastPlace => super::navigate::swap_last(app),
        Action::ToggleLineNumbers => {
            // The text at the top stays there as the wrapping changes.
            let top = app.layout().map(|l| l.offset_of(app.text.top));
            app.text.line_numbers = !app.text.line_numbers;
            app.ensure_layout();
            if let (Some(top), Some(layout)) = (top, app.layout()) {
                app.text.top = layout.row_of(top);
            }
        }
        Action::ToggleTree => toggle_pane(app, Pane::Tree),
        Action::ToggleFiguresPanel => toggle_pane(app, Pane::Figures),
        Action::OpenCompare => super::compare::open(app),
        Action::ShowTerm => super::glossary::show_next(app),
        _ => {}
    }
    Vec::new()
}

/// Keys while selecting: `j`/`k` extend, `m` marks, `y` copies, `Esc` leaves.
fn visual(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::MoveDown => super::cursor::step(app, 1),
        Action::MoveUp => super::cursor::step(app, -1),
        Action::ToggleMark => return super::marks::toggle(app),
        Action::CopyPassage => return super::marks::copy(app),
        Action::CancelSelection => super::marks::cancel_selection(app),
        _ => {}
    }
    Vec::new()
}

fn glossary(app: &mut App, action: Action) {
    match action {
        Action::ShowTerm => super::glossary::show_next(app),
        Action::CloseTerm => super::glossary::close(app),
        _ => {}
    }
}

fn search(app: &mut App, action: Action) {
    match action {
        Action::SearchInput(key) => {
            super::text_input::type_key(&mut app.search.input, key);
        }
        Action::CancelSearch => app.mode = Mode::Normal,
        Action::EarlierSearch => app.search.recall(true),
        Action::LaterSearch => app.search.recall(false),
        Action::SubmitSearch => {
            app.mode = Mode::Normal;
            let pattern = app.search.typed();
            app.search.remember(&pattern);
            match app.search.run(&app.corpus, &pattern) {
                Ok(outcome) if outcome.hits == 0 => {
                    let text = match outcome.fell_back {
                        Some(reason) => format!("{reason}; no hits as plain text either"),
                        None => format!("no hits for {pattern:?}"),
                    };
                    app.message = Some(Message::error(text));
                }
                Ok(outcome) => {
                    let offset = app.layout().map_or(0, |l| l.offset_of(app.text.top));
                    app.search.current = app
                        .search
                        .first_from(app.report, offset)
                        .and_then(|i| i.checked_sub(1));
                    step_hit(app, 1);
                    if let Some(reason) = outcome.fell_back {
                        app.message =
                            Some(Message::error(format!("{reason}; searched as plain text")));
                    }
                }
                Err(failure) => app.message = Some(Message::error(failure.to_string())),
            }
        }
        _ => {}
    }
}

fn help(app: &mut App, action: Action) {
    match action {
        Action::ToggleHelp => app.mode = Mode::Normal,
        Action::MoveDown => {
            let last = super::keymap::help_lines().len().saturating_sub(1);
            app.help_top = (app.help_top + 1).min(last);
        }
        Action::MoveUp => app.help_top = app.help_top.saturating_sub(1),
        _ => {}
    }
}

fn cycle_focus(app: &mut App, step: isize) {
    let visible = app.panes.visible();
    if visible.is_empty() {
        return;
    }
    let here = visible.iter().position(|&p| p == app.focus).unwrap_or(0);
    let next = (here as isize + step).rem_euclid(visible.len() as isize) as usize;
    app.focus = visible[next];
}

fn page(app: &App) -> usize {
    app.panes.inner_height(app.focus).max(1)
}

/// Move the focused pane's cursor (tree, figures) or scroll (text) by `delta` rows.
fn move_by(app: &mut App, delta: isize) {
    match app.focus {
        Pane::Text => {
            let max = app.max_text_top();
            app.text.top = shifted(app.text.top, delta, max);
        }
        Pane::Tree => {
            let max = app.tree.rows.len().saturating_sub(1);
            app.tree.cursor = shifted(app.tree.cursor, delta, max);
        }
        Pane::Figures => {
            let max = app.figures_view.rows.len().saturating_sub(1);
            app.figures_view.cursor = shifted(app.figures_view.cursor, delta, max);
            jump_to_selected_figure(app);
        }
    }
}

fn shifted(value: usize, delta: isize, max: usize) -> usize {
    value.saturating_add_signed(delta).min(max)
}

fn scroll(app: &mut App, pane: Pane, lines: isize) {
    let focus = app.focus;
    app.focus = pane;
    move_by(app, lines);
    app.focus = focus;
}

fn click(app: &mut App, column: u16, row: u16) {
    if app.mode != Mode::Normal {
        return;
    }
    let Some(pane) = app.panes.at(column, row) else {
        return;
    };
    app.focus = pane;
    let inner_top = app.panes.rect(pane).y + 1;
    let Some(offset) = row.checked_sub(inner_top).map(usize::from) else {
        return;
    };
    if offset >= app.panes.inner_height(pane) {
        return;
    }
    match pane {
        Pane::Tree => {
            let target = app.tree.top + offset;
            if target < app.tree.rows.len() {
                app.tree.cursor = target;
                activate(app);
            }
        }
        Pane::Figures => {
            let target = app.figures_view.top + offset;
            if target < app.figures_view.rows.len() {
                app.figures_view.cursor = target;
                jump_to_selected_figure(app);
            }
        }
        Pane::Text => {
            if let Some(offset) = app.text_offset_at(column, row) {
                app.text.cursor = offset;
                select_figure_at(app, offset);
                super::glossary::show_at(app, offset);
            }
        }
    }
}
