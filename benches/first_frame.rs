//! Time to first frame, from process start: the real `baogao` binary started in a
//! pseudo-terminal on the bundled reports, timed until its screen (read through the `vt100`
//! terminal emulator) shows the whole first frame, status bar included.
//!
//! Baseline, in the same run: the same binary started the same way for `baogao --version`,
//! timed until it has printed its version — the cost of starting any process in a terminal,
//! which the browser cannot go below. Target: the first frame within 50 ms.
//!
//! And the first text of one report against `less` on the same file, started the same way:
//! both timed until the report's date line is on screen. Target: within 2× `less`.
//!
//! `cargo bench --bench first_frame`

use std::io::{Read, Write};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use portable_pty::{CommandBuilder, PtySize, native_pty_system};

const ROWS: u16 = 45;
const COLS: u16 = 160;
const PATIENCE: Duration = Duration::from_secs(10);

/// Start `baogao ARGS` in a fresh pseudo-terminal and return how long it took until the
/// screen satisfied `ready`; then send `quit` (if any) and reap the process, untimed.
fn time_until(args: &[&str], ready: fn(&vt100::Screen) -> bool, quit: Option<&str>) -> Duration {
    time_program(env!("CARGO_BIN_EXE_baogao"), args, ready, quit)
}

/// [`time_until`] for any program.
fn time_program(
    program: &str,
    args: &[&str],
    ready: fn(&vt100::Screen) -> bool,
    quit: Option<&str>,
) -> Duration {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows: ROWS,
            cols: COLS,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let mut command = CommandBuilder::new(program);
    command.args(args);
    command.env("TERM", "xterm-256color");
    let mut reader = pty.master.try_clone_reader().expect("a reader");
    let mut writer = pty.master.take_writer().expect("a writer");
    let (seen, ready_signal) = mpsc::channel();

    let start = Instant::now();
    let mut child = pty.slave.spawn_command(command).expect("baogao starts");
    drop(pty.slave);
    std::thread::spawn(move || {
        let mut parser = vt100::Parser::new(ROWS, COLS, 0);
        let mut buffer = [0u8; 16384];
        let mut told = false;
        while let Ok(n) = reader.read(&mut buffer) {
            if n == 0 {
                break;
            }
            parser.process(&buffer[..n]);
            if !told && ready(parser.screen()) {
                told = true;
                let _ = seen.send(Instant::now());
            }
        }
    });
    let shown = ready_signal
        .recv_timeout(PATIENCE)
        .expect("the screen became ready in time");
    let elapsed = shown - start;

    if let Some(keys) = quit {
        let _ = writer.write_all(keys.as_bytes());
        let _ = writer.flush();
    }
    let deadline = Instant::now() + PATIENCE;
    while child.try_wait().ok().flatten().is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    drop(pty.master);
    elapsed
}

/// The whole first frame is on screen: the panes' titles and the status bar's hints.
fn browser_ready(screen: &vt100::Screen) -> bool {
    let text = screen.contents();
    text.contains("sections") && text.contains("figures") && text.contains("q quit")
}

/// The report every reader is timed on, and a line of its front matter.
const ONE_REPORT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/assets/reports/minquan-2023.txt"
);
const ITS_DATE: &str = "2023年6月26日";

fn date_shown(screen: &vt100::Screen) -> bool {
    screen.contents().contains(ITS_DATE)
}

fn version_printed(screen: &vt100::Screen) -> bool {
    screen.contents().contains("baogao")
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("first_frame");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("baseline: baogao --version", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_until(&["--version"], version_printed, None))
                .sum()
        })
    });
    group.bench_function("browser on the bundled reports", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_until(&[], browser_ready, Some("q")))
                .sum()
        })
    });
    group.bench_function("baseline: less on one report", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_program("less", &[ONE_REPORT], date_shown, Some("q")))
                .sum()
        })
    });
    group.bench_function("browser's first text of one report", |b| {
        b.iter_custom(|iterations| {
            (0..iterations)
                .map(|_| time_until(&[ONE_REPORT], date_shown, Some("q")))
                .sum()
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
