//! The compare view's export in the real binary in a pseudo-terminal (read through `vt100`): the
//! file `Ctrl-s` writes is, byte for byte, what `baogao compare` prints for the same indicator.

use crate::session as pty;

use pty::Session;

const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";
const TAB: &str = "\t";

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// `baogao compare 生产总值 --format FORMAT` over the bundled reports.
fn cli(format: &str) -> String {
    let run = crate::run::command()
        .args(["compare", "生产总值", "--format", format])
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
    String::from_utf8(run.stdout).unwrap()
}

#[test]
fn the_compare_export_writes_what_the_command_line_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::launch(dir.path(), &[], &[], "xterm-256color");
    session.wait_for("the reports", |s| {
        s.contains("政府工作报告") && !status_line(s).contains("loading")
    });
    session.send("c");
    session.wait_for("the compare view", |s| status_line(s).contains("COMPARE"));
    session.send("生产总值");
    session.wait_for("the rows", |s| s.contains("283.1亿元"));
    // CSV, then JSON (one Tab on), then Markdown (one more): the dialog keeps the last format.
    for (tabs, format, name) in [(0, "csv", "csv"), (1, "json", "json"), (1, "md", "md")] {
        session.send(CTRL_S);
        session.wait_for("the export dialog", |s| {
            s.contains("./baogao-compare-生产总值.")
        });
        session.send(&TAB.repeat(tabs));
        let file = format!("./baogao-compare-生产总值.{name}");
        session.wait_for("the format chosen", |s| s.contains(&file));
        session.send(ENTER);
        session.wait_for("the export", |s| {
            status_line(s).contains(&format!("rows to {file}"))
        });
        let written = std::fs::read_to_string(dir.path().join(&file)).unwrap();
        assert_eq!(written, cli(format), "{file}");
    }
    // The same destination again: asked about, not written over.
    let csv = dir.path().join("baogao-compare-生产总值.csv");
    std::fs::write(&csv, "我的表").unwrap();
    session.send(CTRL_S);
    session.wait_for("the export dialog", |s| {
        s.contains("./baogao-compare-生产总值.md")
    });
    session.send(TAB);
    session.wait_for("CSV again", |s| s.contains("./baogao-compare-生产总值.csv"));
    session.send(ENTER);
    session.wait_for("the question", |s| {
        status_line(s).contains("exists: Enter again overwrites it")
    });
    assert_eq!(std::fs::read_to_string(&csv).unwrap(), "我的表");
    session.send("\x1b");
    session.wait_for("the view again", |s| status_line(s).contains("COMPARE"));
    session.send("\x1b");
    session.wait_for("the text", |s| !status_line(s).contains("COMPARE"));
    session.quit();
}
