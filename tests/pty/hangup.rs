//! The terminal going away under the browser (a closed window, a killed tmux pane): the browser
//! ends within seconds instead of reading the dead terminal forever at full speed.

use std::io::Read;
use std::time::{Duration, Instant};

use portable_pty::{CommandBuilder, PtySize, native_pty_system};

#[test]
fn the_browser_ends_when_its_terminal_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: 30,
            cols: 100,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(env!("CARGO_BIN_EXE_baogao"));
    command.env("TERM", "xterm-256color");
    command.env("BAOGAO_MARKS", dir.path().join("marks.json"));
    command.env("XDG_DATA_HOME", dir.path().join("data"));
    command.cwd(dir.path());
    let mut child = pty.slave.spawn_command(command).expect("baogao starts");
    drop(pty.slave);
    // Read until the reports are on screen, then let go of every handle on the terminal.
    let mut reader = pty.master.try_clone_reader().unwrap();
    let shown = std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(30, 100, 0);
        let mut buffer = [0u8; 8192];
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(20) {
            match reader.read(&mut buffer) {
                Ok(0) | Err(_) => return false,
                Ok(n) => parser.process(&buffer[..n]),
            }
            if parser.screen().contents().contains("政府工作报告") {
                return true;
            }
        }
        false
    });
    assert!(shown.join().unwrap(), "the reports were never shown");
    drop(pty.master);
    let gone = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if gone.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("baogao still runs 10 s after its terminal went away");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}
