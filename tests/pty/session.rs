//! The real `baogao` binary in a pseudo-terminal, its screen read through the `vt100` terminal
//! emulator: shared by the pty tests (`use crate::session as pty;`).

#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

/// The terminal's size.
pub const ROWS: u16 = 40;
/// The terminal's size.
pub const COLS: u16 = 140;
/// How long to wait for anything.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// A running browser and the screen it has drawn so far.
pub struct Session {
    /// The process.
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    /// The screen as drawn so far.
    pub screen: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    /// Start `baogao ARGS` in `dir` on an xterm, keeping its marks in `dir/marks.json`.
    pub fn start(dir: &Path, args: &[&str]) -> Session {
        Session::launch(dir, args, &[], "xterm-256color")
    }

    /// Start `baogao ARGS` in `dir` with `TERM=term` and `env` set: the marks in
    /// `dir/marks.json` and rescues in `dir/data` unless `env` says otherwise, no colour
    /// settings from the environment running the tests.
    pub fn launch(dir: &Path, args: &[&str], env: &[(&str, PathBuf)], term: &str) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_baogao"));
        command.args(args);
        command.env("TERM", term);
        command.env_remove("NO_COLOR");
        command.env_remove("BAOGAO_THEME");
        command.env("BAOGAO_MARKS", dir.join("marks.json"));
        // Rescued marks go to the data directory first: keep them in the test's own.
        command.env("XDG_DATA_HOME", dir.join("data"));
        for (key, value) in env {
            command.env(key, value);
        }
        command.cwd(dir);
        let child = pty.slave.spawn_command(command).expect("baogao starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().unwrap();
        let writer = pty.master.take_writer().unwrap();
        let screen = Arc::new(Mutex::new(vt100::Parser::new(ROWS, COLS, 0)));
        let feed = Arc::clone(&screen);
        std::thread::spawn(move || {
            // Keep the master open for the reader's lifetime.
            let _master = pty.master;
            let mut buffer = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                feed.lock().unwrap().process(&buffer[..n]);
            }
        });
        Session {
            child,
            writer,
            screen,
        }
    }

    /// The screen's text.
    pub fn contents(&self) -> String {
        self.screen.lock().unwrap().screen().contents()
    }

    /// Wait until the screen satisfies `ready`, failing with the screen if it never does.
    pub fn wait_for(&self, what: &str, ready: impl Fn(&str) -> bool) {
        let start = Instant::now();
        loop {
            let screen = self.contents();
            if ready(&screen) {
                return;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; the screen was:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until some cell is drawn on `colour` (a frame may be read half written).
    pub fn wait_for_background(&self, what: &str, colour: vt100::Color) {
        let start = Instant::now();
        while !self.shows_background(colour) {
            assert!(
                start.elapsed() < PATIENCE,
                "timed out waiting for {what}; the screen was:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Whether any cell is drawn on `colour`.
    pub fn shows_background(&self, colour: vt100::Color) -> bool {
        let parser = self.screen.lock().unwrap();
        let screen = parser.screen();
        (0..ROWS).any(|row| {
            (0..COLS).any(|col| {
                screen
                    .cell(row, col)
                    .is_some_and(|cell| cell.bgcolor() == colour)
            })
        })
    }

    /// Type `keys` (raw bytes as a terminal sends them).
    pub fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Paste `text` as a terminal in bracketed-paste mode sends it.
    pub fn paste(&mut self, text: &str) {
        self.send(&format!("\x1b[200~{text}\x1b[201~"));
    }

    /// Wait for the process to end; its exit code.
    pub fn exit_code(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.exit_code();
            }
            assert!(start.elapsed() < PATIENCE, "baogao did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Wait until the terminal is back as it was: main screen, cursor shown, mouse released.
    pub fn wait_restored(&self) {
        let start = Instant::now();
        loop {
            let restored = {
                let parser = self.screen.lock().unwrap();
                let screen = parser.screen();
                !screen.alternate_screen()
                    && !screen.hide_cursor()
                    && screen.mouse_protocol_mode() == vt100::MouseProtocolMode::None
            };
            if restored {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the terminal was not restored:\n{}",
                self.contents()
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// `q`: the browser exits with status 0 and gives the terminal back.
    pub fn quit(&mut self) {
        self.send("q");
        assert_eq!(self.exit_code(), 0, "exit status");
        self.wait_restored();
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}
