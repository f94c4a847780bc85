//! The terminal run loop: set the terminal up (the `terminal` module), then draw, read an event,
//! turn it into actions, update, and perform the effects (saving the marks, writing exports,
//! copying), until quit or a signal. The terminal is restored on every exit. Marks that cannot
//! be saved are kept, the save retried every few seconds, and on the way out written to a
//! rescue file of their own (the `rescue` module). What went wrong while the alternate screen was up is
//! repeated on stderr once it is gone.

mod backend;
mod rescue;
mod terminal;

use std::io::{self, Write};
use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError};
use std::time::{Duration, Instant};

use crossterm::event::{self, Event, KeyEventKind, MouseButton, MouseEventKind};

use crate::app::loading::{self, Arrival, FirstFrame};
use crate::app::resume::{self, Resume};
use crate::app::{Action, App, Effect, Message, Mode, export_dialog, keymap, marks, paste, update};
use crate::corpus::{Corpus, LoadEvent};
use crate::export::{self, Destination, ExportError};
use crate::marks::{Marks, store};
use crate::ui;

use terminal::{Screen, Signals};

/// Rows one wheel notch scrolls.
const WHEEL_ROWS: i16 = 3;

/// How often the screen is redrawn while reports are still arriving.
const LOADING_TICK: Duration = Duration::from_millis(40);

/// How long the loop waits for the first report before it looks at the keys, and before the
/// first frame: the first report is drawn the moment it arrives, in the first frame when it
/// comes within this (no empty frame drawn first and then at once drawn over), a key pressed
/// meanwhile within this.
const FIRST_REPORT_WAIT: Duration = Duration::from_millis(20);

/// How often the loop looks for a signal or a due retry while nothing happens.
const IDLE_TICK: Duration = Duration::from_millis(200);

/// How long after a failed save the marks are saved again.
const RETRY_AFTER: Duration = Duration::from_secs(5);

/// Open the browser at once and fill it with the reports as `arrivals` brings them (see
/// [`loading::start`]), then run it until the user quits. Marks are read from and saved to
/// `marks_file` (`--marks`), else `$BAOGAO_MARKS`, else the data directory's
/// `baogao/marks.json`. Returns false when no report at all could be loaded. Where there is no
/// terminal to draw on, says why and fails without touching anything.
pub fn run(
    arrivals: Receiver<Arrival>,
    mut first_frame: FirstFrame,
    marks_file: Option<&Path>,
) -> io::Result<bool> {
    if let Some(reason) = terminal::unusable() {
        return Err(io::Error::other(reason));
    }
    let signals = Signals::register()?;
    let opened = open_marks(marks_file);
    let places = opened.file.as_deref().map(places_file);
    let mut terminal = terminal::enter()?;
    let mut report = Vec::new();
    let mut loaded_any = true;
    let result = (|| {
        let size = terminal.size()?;
        let mut app = App::new(Corpus::default(), size.width, size.height);
        if let Some(bytes) = places.as_ref().and_then(|p| std::fs::read(p).ok()) {
            app.resume = Resume::parse(&bytes);
        }
        start(&mut app, opened, &mut report);
        loading::begin(&mut app);
        let loading = Loading {
            arrivals: &arrivals,
            first_frame: &mut first_frame,
        };
        let result = event_loop(&mut terminal, &mut app, loading, &signals, &mut report);
        if app.marks.save_error.is_some() && app.marks.path.is_some() {
            save_marks(&mut app);
        }
        rescue_unsaved(&app, &mut report);
        if let Some(places) = &places {
            keep_places(&mut app, places);
        }
        report.splice(0..0, app.load_errors.iter().map(ToString::to_string));
        loaded_any = !app.corpus.reports.is_empty();
        result
    })();
    // Shown again here, not only when the terminal is dropped: a signal exits without drops.
    let _ = terminal.show_cursor();
    drop(terminal);
    terminal::leave();
    for line in report {
        eprintln!("baogao: {}", crate::text::escape::escaped(&line));
    }
    if let Some(signal) = signals.caught() {
        std::process::exit(128 + signal);
    }
    if !loaded_any {
        eprintln!("baogao: no reports to show");
    }
    result.map(|()| loaded_any)
}

/// Where the reader's places are kept: beside the marks file (`marks.places.json`), so a
/// `--marks` file of its own keeps places of its own.
fn places_file(marks: &Path) -> PathBuf {
    marks.with_extension("places.json")
}

/// Keep where the reader was in each report for the next launch. Failing is not worth a word:
/// the places are a convenience, and the marks were saved apart.
fn keep_places(app: &mut App, places: &Path) {
    if app.corpus.reports.is_empty() {
        return;
    }
    resume::keep_current(app);
    let _ = crate::marks::store::create_parent(places);
    let _ = crate::marks::atomic::write_atomically(places, &app.resume.to_bytes());
}

/// The marks file as found before the terminal is taken over.
struct OpenedMarks {
    marks: Marks,
    /// The marks file, whether or not it may be written.
    file: Option<PathBuf>,
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
                file: None,
                path: Err(error.to_string()),
                notice: Some(format!("marks will not be saved: {error}")),
            };
        }
    };
    match store::load(&path) {
        Ok(loaded) => OpenedMarks {
            marks: loaded.marks,
            file: Some(path.clone()),
            path: match loaded.read_only {
                Some(reason) => Err(format!("{}: {reason}", path.display())),
                None => Ok(path),
            },
            notice: loaded.notice,
        },
        // Never write over a file that could not be read: it may hold marks.
        Err(error) => OpenedMarks {
            marks: Marks::default(),
            file: Some(path.clone()),
            path: Err(format!("{error} (not overwritten)")),
            notice: Some(format!(
                "marks could not be read: {error}; changes will not be saved to it"
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
    app.marks.file = opened.file;
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

/// Take arrivals into `batch` until a report (or the end of loading) is among them, for at most
/// [`FIRST_REPORT_WAIT`].
fn wait_for_a_report(arrivals: &Receiver<Arrival>, batch: &mut Vec<Arrival>) {
    let deadline = Instant::now() + FIRST_REPORT_WAIT;
    while let Some(left) = deadline.checked_duration_since(Instant::now()) {
        match arrivals.recv_timeout(left) {
            Ok(arrival) => {
                let done = matches!(arrival, LoadEvent::Report { .. } | LoadEvent::Finished);
                batch.push(arrival);
                if done {
                    return;
                }
            }
            Err(RecvTimeoutError::Timeout) => return,
            Err(RecvTimeoutError::Disconnected) => return batch.push(Arrival::Finished),
        }
    }
}

/// The terminal's events, read on a thread of their own and passed on as they come. The loop
/// so never waits inside crossterm's reader, which, once the terminal is gone (a closed window,
/// a killed tmux pane), reads the dead terminal again and again without returning
/// (crossterm-rs/crossterm#793): the loop still sees the hang-up signal, saves and ends, and
/// the reader ends with the process. A reading error is passed on and ends the reader.
fn read_events() -> Receiver<io::Result<Event>> {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(event).is_err() || failed {
                return;
            }
        }
    });
    receiver
}

/// The reports arriving, and the loader waiting to hear of the first frame.
struct Loading<'a> {
    arrivals: &'a Receiver<Arrival>,
    first_frame: &'a mut FirstFrame,
}

fn event_loop(
    terminal: &mut Screen,
    app: &mut App,
    Loading {
        arrivals,
        first_frame,
    }: Loading,
    signals: &Signals,
    report: &mut Vec<String>,
) -> io::Result<()> {
    let input = read_events();
    let mut last_save_try = Instant::now();
    let mut redraw = true;
    let mut drawn = false;
    loop {
        if signals.caught().is_some() {
            // As `q` does: an open note is kept, and everything saved.
            for effect in update(app, Action::Quit) {
                let _ = perform(app, terminal, effect, report);
            }
            return Ok(());
        }
        if app.loading.is_some() {
            let mut batch = Vec::new();
            if app.corpus.reports.is_empty() && (!redraw || !drawn) {
                // Until the first report is in, wait for it rather than for a key, and before
                // the first frame rather than draw one without it.
                wait_for_a_report(arrivals, &mut batch);
            }
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
            redraw = true;
        }
        let failing = app.marks.save_error.is_some() && app.marks.path.is_some();
        if failing && last_save_try.elapsed() >= RETRY_AFTER {
            save_marks(app);
            last_save_try = Instant::now();
            redraw = true;
        }
        if redraw {
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
            if !app.corpus.reports.is_empty() {
                first_frame.drawn();
            }
            (redraw, drawn) = (false, true);
        }
        let tick = match &app.loading {
            // Until the first report is in, only look at the keys: the wait is above.
            Some(_) if app.corpus.reports.is_empty() => Duration::ZERO,
            Some(_) => LOADING_TICK,
            None => IDLE_TICK,
        };
        let event = match input.recv_timeout(tick) {
            Ok(Ok(event)) => event,
            // A signal may interrupt the reading; the next turn sees it.
            Ok(Err(_)) if signals.caught().is_some() => continue,
            Ok(Err(error)) => return Err(error),
            Err(RecvTimeoutError::Timeout) => continue,
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        redraw = true;
        let effects = match event {
            Event::Paste(text) => paste::paste(app, &text),
            event => {
                let mut effects = Vec::new();
                for action in actions(app.mode, event) {
                    effects.extend(update(app, action));
                }
                effects
            }
        };
        let mut quit = false;
        for effect in effects {
            if effect == Effect::SaveMarks {
                last_save_try = Instant::now();
            }
            quit |= perform(app, terminal, effect, report).is_break();
        }
        if quit {
            return Ok(());
        }
    }
}

/// Carry out one effect `update` asked for, telling the state how it went; `Break` ends the
/// browser.
fn perform(
    app: &mut App,
    terminal: &mut Screen,
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
            overwrite,
        } => {
            let destination = Destination {
                overwrite,
                marks_file: app.marks.file.as_deref(),
            };
            match export::write_to(&path, &content, destination) {
                Ok(()) => export_dialog::exported(app, &path, count, Ok(())),
                Err(ExportError::Exists { .. }) => export_dialog::exists(app, &path),
                Err(error) => {
                    report.push(format!("export failed: {error}"));
                    export_dialog::exported(app, &path, count, Err(error.to_string()));
                }
            }
        }
        Effect::Copy(text) => {
            let backend = terminal.backend_mut();
            let written = backend
                .write_all(export::clipboard::osc52(&text).as_bytes())
                .and_then(|()| backend.flush());
            if let Err(error) = written {
                app.message = Some(Message::error(format!("copy failed: {error}")));
            }
        }
    }
    ControlFlow::Continue(())
}

/// Save the marks, merged with whatever another instance saved meanwhile, if there is a file
/// to save them to, and tell the state how it went.
fn save_marks(app: &mut App) {
    match &app.marks.path {
        Some(path) => match store::save_merged(path, &app.marks.on_disk, &app.marks.all) {
            Ok(saved) => marks::merged(app, saved),
            Err(error) => marks::saved(app, Err(error.to_string())),
        },
        None => {
            let reason = app
                .marks
                .save_error
                .clone()
                .unwrap_or_else(|| "no marks file".into());
            marks::saved(app, Err(reason));
        }
    }
}

/// If the marks could not be saved, write them to a rescue file and say where, so quitting
/// never loses them.
fn rescue_unsaved(app: &App, report: &mut Vec<String>) {
    let Some(reason) = &app.marks.save_error else {
        return;
    };
    if app.marks.all == app.marks.on_disk {
        return;
    }
    match rescue::rescue(&app.marks.all) {
        Ok(path) => report.push(format!(
            "the marks could not be saved ({reason}); all {} were written to {} instead",
            app.marks.all.items.len(),
            path.display()
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
