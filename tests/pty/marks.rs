//! Marks under stress, in the real binary in a pseudo-terminal (read through `vt100`): two
//! instances on one marks file, pasted text, a SIGTERM with a note open, a marks file that
//! cannot be written, and places with no terminal to draw on.

use crate::session as pty;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use pty::Session;

const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

fn first_frame(session: &Session) {
    session.wait_for("the reports", |s| {
        s.contains("政府工作报告") && s.contains("TEXT") && !status_line(s).contains("loading")
    });
}

fn marks_in(path: &Path) -> Vec<serde_json::Value> {
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(path).expect("the marks file")).unwrap();
    json["marks"].as_array().cloned().unwrap_or_default()
}

#[test]
fn two_instances_on_one_marks_file_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let marks_file = dir.path().join("marks.json");
    let mut one = Session::launch(dir.path(), &[], &[], "xterm-256color");
    let mut two = Session::launch(dir.path(), &[], &[], "xterm-256color");
    first_frame(&one);
    first_frame(&two);
    one.send("jjm");
    one.wait_for("the first mark", |s| status_line(s).contains("marked"));
    two.send("jjjjjjm");
    two.wait_for("the second instance told of the first", |s| {
        status_line(s).contains("another baogao changed the marks file")
    });
    // The first instance writes a note: its save keeps the second's mark too.
    one.send("a");
    one.wait_for("the note editor", |s| s.contains("Ctrl-s or Esc save"));
    one.send("第一个实例");
    one.send(CTRL_S);
    one.wait_for("the note saved", |s| status_line(s).contains("marks now"));
    one.quit();
    two.quit();
    let marks = marks_in(&marks_file);
    assert_eq!(marks.len(), 2, "{marks:?}");
    assert_ne!(marks[0]["id"], marks[1]["id"]);
    assert_ne!(marks[0]["text"], marks[1]["text"]);
    assert!(marks.iter().any(|m| m["note"] == "第一个实例"), "{marks:?}");
}

#[test]
fn a_pasted_newline_is_text_never_a_key() {
    let dir = tempfile::tempdir().unwrap();
    let marks_file = dir.path().join("marks.json");
    let mut session = Session::launch(dir.path(), &[], &[], "xterm-256color");
    first_frame(&session);
    // In the text: neither `m` nor `q` act.
    session.paste("m\rq\r");
    session.wait_for("the paste refused", |s| {
        status_line(s).contains("pasted text is ignored here")
    });
    assert!(!marks_file.exists(), "nothing was marked");
    // Into the search line: one line, not a search run by the newline.
    session.send("/");
    session.paste("生产总值\rmore");
    session.wait_for("the pasted query", |s| {
        status_line(s).starts_with("/生产总值 more")
    });
    session.send("\x1b");
    session.wait_for("the search line closed", |s| {
        !status_line(s).starts_with("/生产总值")
    });
    // Into a note: its lines kept.
    session.send("a");
    session.wait_for("the note editor", |s| s.contains("Ctrl-s or Esc save"));
    session.paste("第一行\r第二行");
    session.send(CTRL_S);
    session.wait_for("the note saved", |s| status_line(s).contains("note saved"));
    // A long paste is inserted at once, not a key at a time.
    let long = "增".repeat(32_000);
    let start = Instant::now();
    session.send("a");
    session.wait_for("the note editor", |s| s.contains("Ctrl-s or Esc save"));
    session.paste(&long);
    session.send(CTRL_S);
    session.wait_for("the long note saved", |s| {
        status_line(s).contains("note saved")
    });
    assert!(
        start.elapsed() < Duration::from_secs(5),
        "{:?}",
        start.elapsed()
    );
    session.quit();
    let marks = marks_in(&marks_file);
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(marks[0]["note"], format!("第一行\n第二行{long}"));
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_note_being_typed() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::launch(dir.path(), &[], &[], "xterm-256color");
    first_frame(&session);
    session.send("jja");
    session.wait_for("the note editor", |s| s.contains("Ctrl-s or Esc save"));
    session.send("信号前的笔记");
    session.wait_for("the note typed", |s| s.contains("信号前的笔记"));
    let pid = session.child.process_id().expect("a process id");
    let sent = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    assert_eq!(session.exit_code(), 128 + 15);
    session.wait_restored();
    let marks = marks_in(&dir.path().join("marks.json"));
    assert_eq!(marks.len(), 1, "{marks:?}");
    assert_eq!(marks[0]["note"], "信号前的笔记");
}

#[test]
fn a_marks_file_that_cannot_be_written_loses_nothing_and_says_where_the_marks_went() {
    let dir = tempfile::tempdir().unwrap();
    // The marks file's directory, and the data directory, are plain files: every save fails,
    // and the rescue falls back to the temporary directory.
    std::fs::write(dir.path().join("sub"), b"").unwrap();
    std::fs::write(dir.path().join("no-data"), b"").unwrap();
    let tmp = dir.path().join("tmp");
    std::fs::create_dir(&tmp).unwrap();
    let env = [
        ("BAOGAO_MARKS", dir.path().join("sub/marks.json")),
        ("XDG_DATA_HOME", dir.path().join("no-data/data")),
        ("TMPDIR", tmp.clone()),
    ];
    let mut session = Session::launch(dir.path(), &[], &env, "xterm-256color");
    first_frame(&session);
    session.send("jjm");
    session.wait_for("the failure", |s| {
        status_line(s).contains("marks NOT saved")
    });
    session.send("jjjjm");
    session.wait_for("the second mark", |s| s.contains("✎2"));
    session.quit();
    session.wait_for("the rescue notice", |s| s.contains("were written to"));
    let rescued: Vec<PathBuf> = std::fs::read_dir(&tmp)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(rescued.len(), 1, "{rescued:?}");
    let name = rescued[0]
        .file_name()
        .unwrap()
        .to_string_lossy()
        .into_owned();
    assert!(
        session.contents().contains(&name[..20]),
        "{}",
        session.contents()
    );
    assert_eq!(marks_in(&rescued[0]).len(), 2);
}

#[test]
fn without_a_terminal_the_browser_says_so_and_fails() {
    // Standard output a pipe: nothing drawn into it.
    let output = crate::run::command()
        .env("TERM", "xterm-256color")
        .output()
        .unwrap();
    assert!(!output.status.success());
    assert!(output.stdout.is_empty(), "nothing drawn into a pipe");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("not a terminal"), "{stderr}");

    // TERM=dumb in a real terminal.
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::launch(dir.path(), &[], &[], "dumb");
    assert_ne!(session.exit_code(), 0);
    session.wait_for("the reason", |s| s.contains("TERM=dumb"));
}

#[test]
fn the_export_dialog_asks_before_overwriting_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("baogao-marks.md");
    std::fs::write(&out, "我的草稿").unwrap();
    let mut session = Session::launch(dir.path(), &[], &[], "xterm-256color");
    first_frame(&session);
    session.send("jjm");
    session.wait_for("the mark", |s| status_line(s).contains("marked"));
    session.send("e");
    session.wait_for("the export dialog", |s| s.contains("./baogao-marks.md"));
    session.send(ENTER);
    session.wait_for("the question", |s| {
        status_line(s).contains("exists: Enter again overwrites it")
    });
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "我的草稿");
    session.send(ENTER);
    session.wait_for("the export", |s| status_line(s).contains("exported 1 mark"));
    session.quit();
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("# 摘录 Marks")
    );
}

#[test]
fn a_newer_marks_file_is_read_never_written_and_never_exported_over() {
    let dir = tempfile::tempdir().unwrap();
    let marks_file = dir.path().join("marks.json");
    let corpus = baogao::corpus::load_embedded();
    let mut marks = baogao::marks::Marks::default();
    marks.add(&corpus.reports[0], 100..160);
    baogao::marks::store::save(&marks_file, &marks).unwrap();
    let mut json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&marks_file).unwrap()).unwrap();
    json["version"] = 2.into();
    std::fs::write(&marks_file, serde_json::to_vec(&json).unwrap()).unwrap();
    let before = std::fs::read(&marks_file).unwrap();

    let mut session = Session::launch(dir.path(), &[], &[], "xterm-256color");
    session.wait_for("the notice", |s| status_line(s).contains("newer baogao"));
    first_frame(&session);
    session.send("e");
    session.wait_for("the export dialog", |s| s.contains("./baogao-marks.md"));
    // Erase the proposed destination, then type the marks file's name.
    session.send("\x1b[F");
    session.send(&"\x7f".repeat("./baogao-marks.md".len()));
    session.send("marks.json");
    session.wait_for("the destination typed", |s| !s.contains("baogao-marks.md"));
    session.send(ENTER);
    session.wait_for("the refusal", |s| status_line(s).contains("the marks file"));
    session.send("\x1b");
    // Wait for the Esc on its own, lest `q` arrive with it as Alt-q.
    session.wait_for("the dialog closed", |s| !s.contains("Enter export"));
    session.quit();
    assert_eq!(std::fs::read(&marks_file).unwrap(), before);
}
