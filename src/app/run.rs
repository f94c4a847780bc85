//! The terminal run loop: set the terminal up (raw mode, alternate screen, mouse capture), then
//! draw, read an event, turn it into actions, update, and perform the effects, until quit. The
//! terminal is restored on every exit, and on panic by the hook `ratatui::try_init` installs
//! (extended here to release the mouse too).

use std::io::{self, stdout};
use std::ops::ControlFlow;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseButton, MouseEventKind,
};
use crossterm::execute;
use ratatui::DefaultTerminal;

use super::{Action, App, Effect, Mode, keymap, update};
use crate::corpus::Corpus;
use crate::ui;

/// Rows one wheel notch scrolls.
const WHEEL_ROWS: i16 = 3;

/// Open the browser over `corpus` in the terminal and run it until the user quits.
pub fn run(corpus: Corpus) -> io::Result<()> {
    let mut terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(stdout(), DisableMouseCapture);
        previous(info);
    }));
    let result = execute!(stdout(), EnableMouseCapture).and_then(|()| {
        let size = terminal.size()?;
        let mut app = App::new(corpus, size.width, size.height);
        event_loop(&mut terminal, &mut app)
    });
    let _ = execute!(stdout(), DisableMouseCapture);
    ratatui::restore();
    result
}

fn event_loop(terminal: &mut DefaultTerminal, app: &mut App) -> io::Result<()> {
    loop {
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
        for action in actions(app.mode, event::read()?) {
            if update(app, action)
                .into_iter()
                .map(perform)
                .any(|flow| flow.is_break())
            {
                return Ok(());
            }
        }
    }
}

/// Carry out one effect `update` asked for; `Break` ends the browser.
fn perform(effect: Effect) -> ControlFlow<()> {
    match effect {
        Effect::Quit => ControlFlow::Break(()),
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
