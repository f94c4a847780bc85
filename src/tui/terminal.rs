//! Taking the terminal over and giving it back: refusing clearly where there is no terminal to
//! draw on, raw mode with the alternate screen, mouse reporting and bracketed paste, undone on
//! every exit — quitting, an error, a panic, or a signal ([`Signals`]).

use std::io::{self, BufWriter, IsTerminal, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    KeyboardEnhancementFlags, PopKeyboardEnhancementFlags, PushKeyboardEnhancementFlags,
};
use crossterm::execute;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

use super::backend::WideAware;

/// Why the browser cannot run here, as one line, or nothing when it can.
pub fn unusable() -> Option<String> {
    if !io::stdout().is_terminal() {
        return Some(
            "standard output is not a terminal, and the browser draws on one; \
             for scripts use a subcommand (baogao --help lists them)"
                .into(),
        );
    }
    if std::env::var_os("TERM").is_some_and(|t| t == "dumb") {
        return Some(
            "TERM=dumb cannot show the browser; set TERM to your terminal (e.g. xterm-256color) \
             or use a subcommand"
                .into(),
        );
    }
    #[cfg(unix)]
    if let Err(error) = std::fs::File::open("/dev/tty") {
        return Some(format!(
            "no controlling terminal to read keys from ({error}); run baogao from a terminal \
             or use a subcommand"
        ));
    }
    None
}

/// The terminal the browser draws on. Its output is buffered whole: a frame reaches the
/// terminal in one write when ratatui flushes it, not in the standard output's 1 KiB pieces
/// (a first frame at 160×45 is ~17 KB, which took 17 writes, each waking the terminal).
pub type Screen = Terminal<WideAware<CrosstermBackend<BufWriter<Stdout>>>>;

/// Bytes a frame may take before it is written out in parts: a full frame of a large terminal.
const FRAME_BUFFER: usize = 256 * 1024;

/// Take the terminal over: raw mode and the alternate screen, as `ratatui::try_init` does. The
/// panic hook restores it (ratatui's restoring, extended to release the mouse and paste mode
/// too).
pub fn enter() -> io::Result<Screen> {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(
            stdout(),
            PopKeyboardEnhancementFlags,
            DisableBracketedPaste,
            DisableMouseCapture
        );
        ratatui::restore();
        previous(info);
    }));
    crossterm::terminal::enable_raw_mode()?;
    execute!(stdout(), crossterm::terminal::EnterAlternateScreen)?;
    let terminal = Terminal::new(WideAware(CrosstermBackend::new(BufWriter::with_capacity(
        FRAME_BUFFER,
        stdout(),
    ))))?;
    // Terminals that speak the kitty keyboard protocol then tell Ctrl-i (forward through the
    // places jumps left) from Tab; the others ignore the request.
    execute!(
        stdout(),
        EnableMouseCapture,
        EnableBracketedPaste,
        PushKeyboardEnhancementFlags(KeyboardEnhancementFlags::DISAMBIGUATE_ESCAPE_CODES)
    )?;
    Ok(terminal)
}

/// Give the terminal back as it was: main screen, cooked mode, no mouse reporting, the
/// keyboard as it was.
pub fn leave() {
    let _ = execute!(
        stdout(),
        PopKeyboardEnhancementFlags,
        DisableBracketedPaste,
        DisableMouseCapture
    );
    ratatui::restore();
}

/// The signals that end the browser in order (SIGTERM, SIGHUP, SIGINT, SIGQUIT): each is only
/// noted when it arrives, and the run loop, seeing it, saves everything (an open note too),
/// restores the terminal and exits.
pub struct Signals {
    caught: Arc<AtomicUsize>,
}

impl Signals {
    /// Start noting the signals.
    pub fn register() -> io::Result<Signals> {
        let caught = Arc::new(AtomicUsize::new(0));
        #[cfg(unix)]
        for signal in [
            signal_hook::consts::SIGTERM,
            signal_hook::consts::SIGHUP,
            signal_hook::consts::SIGINT,
            signal_hook::consts::SIGQUIT,
        ] {
            signal_hook::flag::register_usize(signal, Arc::clone(&caught), signal as usize)?;
        }
        Ok(Signals { caught })
    }

    /// The signal that arrived, if one did.
    pub fn caught(&self) -> Option<i32> {
        match self.caught.load(Ordering::SeqCst) {
            0 => None,
            signal => i32::try_from(signal).ok(),
        }
    }
}
