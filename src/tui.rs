//! The terminal run loop: set the terminal up (raw mode, alternate screen, mouse capture), then
//! draw, read an event, turn it into actions, update, and perform the effects (saving the
//! marks, writing exports, copying), until quit. The terminal is restored on every exit, and on
//! panic by the hook `ratatui::try_init` installs (extended here to release the mouse too).
//! What went wrong while the alternate screen was up is repeated on stderr once it is gone.

use std::io::{self, Write, stdout};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use crate::app::loading::{self, Arrival};
use crate::app::{Action, App, Effect, Message, Mode, export_dialog, keymap, marks, update};
use crate::corpus::Corpus;
use crate::export;
use crate::marks::{Marks, store};
use crate::ui;

/// Rows one wheel notch scrolls.
const WHEEL_ROWS: i16 = 3;

/// How often the screen is redrawn while reports are still arriving.
const LOADING_TICK: Duration = Duration::from_millis(40);

/// Open the browser at once and fill it with the reports as `arrivals` brings them (see
/// [`loading::start`]), then run it until the user quits. Marks are read from and saved to
/// `marks_file` (`--marks`), else `$BAOGAO_MARKS`, else the data directory's
/// `baogao/marks.json`. Returns false when no report at all could be loaded.
pub fn run(arrivals: Receiver<Arrival>, marks_file: Option<&Path>) -> io::Result<bool> {
    let opened = open_marks(marks_file);
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let mut report = Vec::new();
    let mut loaded_any = true;
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        let mut app = App::new(Corpus::default(), size.width, size.height);
        start(&mut app, opened, &mut report);
        loading::begin(&mut app);
        let result = event_loop(&mut terminal, &mut app, &arrivals, &mut report);
        rescue_unsaved(&app, &mut report);
        report.splice(0..0, app.load_errors.iter().map(ToString::to_string));
        loaded_any = !app.corpus.reports.is_empty();
        result
    });
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    for line in report {
        eprintln!("baogao: {line}");
    }
    if !loaded_any {
        eprintln!("baogao: no reports to show");
    }
    result.map(|()| loaded_any)
}

/// The marks file as found before the terminal is taken over.
struct OpenedMarks {
    marks: Marks,
    /// Where changes go; `Err` says why they cannot be saved.
    path: Result<PathBuf, String>,
    /// What the reader must be told about the file.
    notice: Option<String>,
}

fn open_marks(explicit: Option<&Path>) -> OpenedMarks {
    let path = match store::resolve_path(explicit) {
        Ok(path) => path,
        Err(error) => {
            return OpenedMarks {
                marks: Marks::default(),
                path: Err(error.to_string()),
                notice: Some(format!("marks will not be saved: {error}")),
            };
        }
    };
    match store::load(&path) {
        Ok(loaded) => OpenedMarks {
            marks: loaded.marks,
            path: Ok(path),
            notice: loaded.notice,
        },
        // Never write over a file that could not be read: it may hold marks.
        Err(error) => OpenedMarks {
            marks: Marks::default(),
            path: Err(format!("{error} (not overwritten)")),
            notice: Some(format!(
                "marks could not be read: {error}; changes will not be saved"
            )),
        },
    }
}

/// Hand the marks to the browser and say what the reader must know about them.
fn start(app: &mut App, opened: OpenedMarks, report: &mut Vec<String>) {
    let (path, reason) = match opened.path {
        Ok(path) => (Some(path), None),
        Err(reason) => (None, Some(reason)),
    };
    let (message, changed) = marks::attach(app, opened.marks, path);
    app.marks.save_error = reason;
    app.message = match opened.notice {
        Some(notice) => {
            report.push(notice.clone());
            Some(Message {
                text: notice,
                is_error: true,
            })
        }
        None => message,
    };
    if changed {
        save_marks(app);
    }
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    arrivals: &Receiver<Arrival>,
    report: &mut Vec<String>,
) -> io::Result<()> {
    loop {
        if app.loading.is_some() {
            let mut batch = Vec::new();
            loop {
                match arrivals.try_recv() {
                    Ok(arrival) => batch.push(arrival),
                    Err(TryRecvError::Empty) => break,
                    Err(TryRecvError::Disconnected) => {
                        batch.push(Arrival::Finished);
                        break;
                    }
                }
            }
            if !batch.is_empty() {
                for effect in loading::receive(app, batch) {
                    let _ = perform(app, terminal, effect, report);
                }
            }
            if app.loading.is_none() && app.corpus.reports.is_empty() {
                return Ok(());
            }
        }
        let size = terminal.size()?;
        if (size.width, size.height) != (app.panes.area.width, app.panes.area.height) {
            update(
                app,
                Action::Resize {
                    width: size.width,
                    height: size.height,
                },
            );
        }
        terminal.draw(|frame| ui::draw(app, frame))?;
        if app.loading.is_some() && !event::poll(LOADING_TICK)? {
            continue;
        }
        for action in actions(app.mode, event::read()?) {
            let mut quit = false;
            for effect in update(app, action) {
                quit |= perform(app, terminal, effect, report).is_break();
            }
            if quit {
                return Ok(());
            }
        }
    }
}

/// Carry out one effect `update` asked for, telling the state how it went; `Break` ends the
/// browser.
fn perform(
    app: &mut App,
    terminal: &mut DefaultTerminal,
    effect: Effect,
    report: &mut Vec<String>,
) -> ControlFlow<()> {
    match effect {
        Effect::Quit => return ControlFlow::Break(()),
        Effect::SaveMarks => save_marks(app),
        Effect::Export {
            path,
            content,
            count,
        } => {
            let result = export::write(&path, &content).map_err(|e| e.to_string());
            if let Err(reason) = &result {
                report.push(format!("export failed: {reason}"));
            }
            export_dialog::exported(app, &path, count, result);
        }
        Effect::Copy(text) => {
            let backend = terminal.backend_mut();
            let written = backend
                .write_all(export::clipboard::osc52(&text).as_bytes())
                .and_then(|()| backend.flush());
            if let Err(error) = written {
                app.message = Some(update::error(format!("copy failed: {error}")));
            }
        }
    }
    ControlFlow::Continue(())
}

/// Write the marks file, if there is one, and tell the state how it went.
fn save_marks(app: &mut App) {
    let result = match &app.marks.path {
        Some(path) => store::save(path, &app.marks.all).map_err(|e| e.to_string()),
        None => Err(app
            .marks
            .save_error
            .clone()
            .unwrap_or_else(|| "no marks file".into())),
    };
    marks::saved(app, result);
}

/// If the marks could not be saved, write them to a file of their own in the temporary
/// directory and say where, so quitting never loses them.
fn rescue_unsaved(app: &App, report: &mut Vec<String>) {
    let Some(reason) = &app.marks.save_error else {
        return;
    };
    if app.marks.all.items.is_empty() {
        return;
    }
    let rescue = std::env::temp_dir().join(format!("baogao-marks-{}.json", std::process::id()));
    match store::save(&rescue, &app.marks.all) {
        Ok(()) => report.push(format!(
            "the marks could not be saved ({reason}); they were written to {} instead",
            rescue.display()
        )),
        Err(error) => report.push(format!(
            "the marks could not be saved ({reason}) nor rescued ({error})"
        )),
    }
}

/// The actions a terminal event stands for in `mode`.
pub fn actions(mode: Mode, event: Event) -> Vec<Action> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => {
            keymap::resolve(mode, key).into_iter().collect()
        }
        Event::Resize(width, height) => vec![Action::Resize { width, height }],
        Event::Mouse(mouse) => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => vec![Action::Click { column, row }],
                MouseEventKind::ScrollDown => vec![Action::Scroll {
                    column,
                    row,
                    lines: WHEEL_ROWS,
                }],
                MouseEventKind::ScrollUp => vec![Action::Scroll {
                    column,
                    row,
                    lines: -WHEEL_ROWS,
                }],
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}
