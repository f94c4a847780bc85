//! The real `baogao` binary in a pseudo-terminal, its screen read through the `vt100` terminal
//! emulator: start, navigate the tree to a section, jump to a figure, search and walk the hits,
//! open the help, and quit with exit status 0 and the terminal restored; mark a sentence, note
//! it, quit, start again, find the mark, and export it. Each session has its own marks file and
//! working directory.

use crate::session as pty;

use std::path::Path;
use std::time::{Duration, Instant};

use pty::{PATIENCE, Session};

/// Whether a cell is drawn in the selected figure's colours (light magenta behind).
fn shows_selected_figure(session: &Session) -> bool {
    session.shows_background(vt100::Color::Idx(13))
}

const SHIFT_TAB: &str = "\x1b[Z";
const ENTER: &str = "\r";
const ESC: &str = "\x1b";

/// Wait for the first frame and for the reports to have loaded (the status bar counts them
/// while they arrive).
fn first_frame(session: &Session) {
    session.wait_for("the first frame", |s| {
        s.contains("sections") && s.contains("figures") && s.contains("TEXT")
    });
    session.wait_for("the reports", |s| {
        s.contains("政府工作报告") && !status_line(s).contains("loading")
    });
    let parser = session.screen.lock().unwrap();
    let screen = parser.screen();
    assert!(
        screen.alternate_screen(),
        "the browser draws on the alternate screen"
    );
    assert_ne!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "the mouse is captured"
    );
}

/// Focus the tree, move to the first report's third chapter (its plan for the year, rich in
/// figures) and open it.
fn open_third_chapter(session: &mut Session) {
    session.send(SHIFT_TAB);
    session.wait_for("the tree to take the focus", |s| {
        s.lines().last().is_some_and(|l| l.contains("TREE"))
    });
    session.send("jjj");
    session.send(ENTER);
    // The status bar is drawn after the text, so wait for both rather than read it early.
    session.wait_for(
        "the third chapter in the text pane and the status bar",
        |s| {
            let text_top = s.lines().nth(1).unwrap_or("");
            let status = s.lines().last().unwrap_or("");
            text_top.contains("三、2021年重点工作") && status.contains("§ 三、2021年重点工作")
        },
    );
}

/// Focus the figures panel, move to its second row and jump: the figure is drawn selected.
fn jump_to_a_figure(session: &mut Session) {
    session.send("\t\t");
    session.wait_for("the figures panel to take the focus", |s| {
        s.lines().last().is_some_and(|l| l.contains("FIGURES"))
    });
    session.send("j");
    session.send(ENTER);
    let start = Instant::now();
    while !shows_selected_figure(session) {
        assert!(
            start.elapsed() < PATIENCE,
            "no selected figure:\n{}",
            session.contents()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn search_and_walk_hits(session: &mut Session) {
    session.send("/生产总值");
    session.wait_for("the search line", |s| {
        s.lines().last().is_some_and(|l| l.starts_with("/生产总值"))
    });
    session.send(ENTER);
    session.wait_for("a hit", |s| hit_number(s).is_some());
    // The first hit after the text in view, not necessarily the first of the corpus.
    let first = hit_number(&session.contents()).unwrap();
    session.send("n");
    session.wait_for("the next hit", |s| hit_number(s) == Some(first + 1));
    session.send("N");
    session.wait_for("back to the first hit", |s| hit_number(s) == Some(first));
}

/// `K` in the status bar's `hit K/N`.
fn hit_number(screen: &str) -> Option<usize> {
    let status = screen.lines().last()?;
    let after = &status[status.find("hit ")? + 4..];
    after[..after.find('/')?].parse().ok()
}

fn help_opens_and_closes(session: &mut Session) {
    session.send("?");
    session.wait_for("the help overlay", |s| s.contains("keys · Esc closes"));
    assert!(session.contents().contains("Shift-Tab"));
    session.send(ESC);
    session.wait_for("the help to close", |s| !s.contains("keys · Esc closes"));
}

/// Quit with `q`: exit status 0 and the terminal restored. Returns the session to read the
/// screen left behind.
/// `q`: exit status 0 and the terminal given back as it was (main screen, cursor shown, mouse
/// released); the session, for what is printed after.
fn quit(mut session: Session) -> Session {
    session.quit();
    session
}

#[test]
fn browse_search_help_and_quit_in_a_real_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), &[]);
    first_frame(&session);
    open_third_chapter(&mut session);
    jump_to_a_figure(&mut session);
    search_and_walk_hits(&mut session);
    help_opens_and_closes(&mut session);
    quit(session);
}

#[test]
fn nothing_to_load_exits_non_zero_without_opening_the_terminal() {
    let output = crate::run::command()
        .arg("/nonexistent/report.txt")
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("/nonexistent/report.txt"), "{stderr}");
    assert!(output.stdout.is_empty(), "no terminal set-up was written");
}

/// The background of a marked passage (`theme::DARK.marked`).
const MARKED: vt100::Color = vt100::Color::Idx(58);
/// The background of the sentence under the cursor inside a mark (`theme::DARK.sentence_marked`).
const MARKED_UNDER_CURSOR: vt100::Color = vt100::Color::Idx(100);
const CTRL_S: &str = "\x13";

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

#[test]
fn a_mark_and_its_note_survive_a_restart_and_export_to_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let marks_file = dir.path().join("marks.json");

    // Mark the fifth sentence and write a note on it.
    let mut session = Session::start(dir.path(), &[]);
    first_frame(&session);
    session.send("jjjj");
    session.send("m");
    session.wait_for("the mark", |s| status_line(s).contains("marked"));
    session.wait_for_background(
        "the passage drawn marked, under the cursor",
        MARKED_UNDER_CURSOR,
    );
    let saved: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&marks_file).expect("saved at once")).unwrap();
    let passage = saved["marks"][0]["text"].as_str().unwrap().to_string();
    assert!(!passage.is_empty());
    session.send("a");
    session.wait_for("the note editor", |s| s.contains("Ctrl-s or Esc save"));
    session.send("核对原文数据");
    session.send(CTRL_S);
    session.wait_for("the note saved", |s| status_line(s).contains("note saved"));
    quit(session);
    let saved = std::fs::read_to_string(&marks_file).unwrap();
    assert!(saved.contains("核对原文数据"), "{saved}");

    // Start again: the mark is there, counted in the tree, listed with its note.
    let mut session = Session::start(dir.path(), &[]);
    session.wait_for("the marks loaded", |s| {
        status_line(s).contains("1 mark from") && s.contains("✎1")
    });
    // The browser opens where it was left: the cursor on the marked sentence.
    session.wait_for_background(
        "the passage drawn marked, under the cursor as it was left",
        MARKED_UNDER_CURSOR,
    );
    session.send("j");
    session.wait_for_background("the passage marked, the cursor moved on", MARKED);
    session.send("M");
    session.wait_for("the marks list", |s| {
        s.contains("marks · 1") && s.contains("核对原文数据")
    });

    // Export it to Markdown with the dialog's default destination.
    session.send("e");
    session.wait_for("the export dialog", |s| s.contains("./baogao-marks.md"));
    session.send(ENTER);
    session.wait_for("the export", |s| {
        status_line(s).contains("exported 1 mark to ./baogao-marks.md")
    });
    quit(session);
    let markdown = std::fs::read_to_string(dir.path().join("baogao-marks.md")).unwrap();
    let first_words: String = passage
        .split_whitespace()
        .next()
        .unwrap()
        .chars()
        .take(8)
        .collect();
    assert!(markdown.contains(&first_words), "{markdown}");
    assert!(markdown.contains("核对原文数据"), "{markdown}");
    assert!(
        markdown.contains("《政府工作报告》") && markdown.contains(".txt:"),
        "the passage is cited, the file and line as its locator: {markdown}"
    );
}

#[test]
fn a_failed_save_is_shown_and_the_marks_are_rescued_on_quit() {
    let dir = tempfile::tempdir().unwrap();
    let marks_file = dir.path().join("sub/marks.json");
    let mut session = Session::start(dir.path(), &["--marks", marks_file.to_str().unwrap()]);
    first_frame(&session);
    // The marks file's directory becomes a plain file: every save now fails.
    std::fs::write(dir.path().join("sub"), b"").unwrap();
    session.send("m");
    session.wait_for("the failure", |s| {
        status_line(s).contains("marks NOT saved")
    });
    // After quitting, stderr (on the main screen, now back) names the file the marks went to.
    let session = quit(session);
    session.wait_for("the rescue notice", |s| s.contains("were written to"));
    let screen = session.contents();
    let path = screen[screen.find("were written to ").unwrap() + 16..]
        .split_whitespace()
        .next()
        .unwrap()
        .to_string();
    let rescued = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let _ = std::fs::remove_file(&path);
    assert!(rescued.contains("\"marks\""), "{rescued}");
    assert!(rescued.contains("\"text\""), "{rescued}");
}

#[test]
fn a_directory_of_reports_fills_in_and_a_bad_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports");
    for entry in std::fs::read_dir(&bundled).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        for copy in 0..40 {
            std::fs::copy(&path, reports.join(format!("{name}-{copy:02}.txt"))).unwrap();
        }
    }
    std::fs::write(
        reports.join("broken.txt"),
        b"\x00\x01\x02\x03binary\x00\xff",
    )
    .unwrap();
    let session = Session::start(dir.path(), &[reports.to_str().unwrap()]);
    session.wait_for("every report, and the bad file reported", |s| {
        status_line(s).contains("1 file could not be loaded") && !s.contains("loading")
    });
    session.wait_for("the tree's title", |s| s.contains("sections · 200 reports"));
    let session = quit(session);
    session.wait_for("the bad file on stderr", |s| s.contains("broken.txt"));
}

#[test]
fn a_mark_shown_survives_kill_9() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), &[]);
    first_frame(&session);
    session.send("jjm");
    session.wait_for("the mark", |s| status_line(s).contains("marked"));
    let pid = session.child.process_id().expect("a process id");
    let killed = std::process::Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let _ = session.child.wait();
    let saved = store_marks(&dir.path().join("marks.json"));
    assert_eq!(saved["marks"].as_array().map(Vec::len), Some(1), "{saved}");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(".tmp-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no torn temporary file: {leftovers:?}"
    );
}

fn store_marks(path: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(path).expect("the marks file")).unwrap()
}

#[test]
fn word_files_and_web_pages_open_in_the_browser() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    std::fs::copy(
        corpus.join("provinces-2025-docx/2025年河北省政府工作报告.docx"),
        reports.join("河北.docx"),
    )
    .unwrap();
    let text = std::fs::read_to_string(corpus.join("provinces-2025/陕西省_2025.txt")).unwrap();
    let page: String = text.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    std::fs::write(reports.join("陕西.html"), format!("<nav>首页</nav>{page}")).unwrap();
    std::fs::write(reports.join("broken.docx"), "一、不是Word文件\n").unwrap();
    let session = Session::start(dir.path(), &[reports.to_str().unwrap()]);
    session.wait_for("both reports, and the bad file reported", |s| {
        status_line(s).contains("1 file could not be loaded") && !s.contains("loading")
    });
    session.wait_for("the tree's title", |s| s.contains("sections · 2 reports"));
    let screen = session.contents();
    assert!(
        screen.contains("一、2024年工作回顾"),
        "the first report's chapters are shown:\n{screen}"
    );
    let session = quit(session);
    session.wait_for("the bad file on stderr", |s| {
        s.contains("broken.docx: not a Word file")
    });
}

/// The text pane's title: the report shown.
fn text_title(screen: &str) -> String {
    screen.lines().next().unwrap_or("").to_string()
}

/// Go to 西平县 with the go-to and walk into it, go to the first report, come back with
/// Ctrl-o, swap with `'` twice, quit, and start again: the browser opens on 西平县 where the
/// reader left it.
#[test]
fn back_and_forth_through_jumps_and_the_place_kept_across_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::start(dir.path(), &[]);
    first_frame(&session);
    let start_title = text_title(&session.contents());
    session.send("o西平");
    session.wait_for("the go-to's matches", |s| {
        s.contains("go to ·") && s.contains("西平县")
    });
    session.send(ENTER);
    session.wait_for("西平县 in the text pane", |s| {
        text_title(s).contains("西平县")
    });
    session.send("]]]");
    session.wait_for("a section of 西平县, down the text", |s| {
        status_line(s).contains("西平县 2023 § ") && !status_line(s).contains(" · 0%")
    });
    std::thread::sleep(Duration::from_millis(200));
    // `西平县 2023 § （一）…`: the report and the section of the sentence under the cursor (the
    // percentage depends on where a jump puts it on screen).
    let status = status_line(&session.contents()).trim_end().to_string();
    let from = status.find("西平县 2023 § ").unwrap();
    let left_at = status[from..status.rfind(" · ").unwrap()].to_string();
    session.send("o民权2021");
    session.wait_for("民权县 2021 in the go-to", |s| s.contains("民权县 2021"));
    session.send(ENTER);
    session.wait_for("the first report again", |s| text_title(s) == start_title);
    // Ctrl-o: back where the go-to left.
    session.send("\x0f");
    session.wait_for("西平县 where it was left", |s| {
        status_line(s).contains(&left_at)
    });
    session.send("'");
    session.wait_for("' to the first report", |s| text_title(s) == start_title);
    session.send("'");
    session.wait_for("' back again", |s| status_line(s).contains(&left_at));
    drop(quit(session));
    assert!(dir.path().join("marks.places.json").exists());

    let session = Session::start(dir.path(), &[]);
    session.wait_for("西平县 where it was left, after a restart", |s| {
        status_line(s).contains(&left_at)
    });
    quit(session);
}
