//! The compare view's export in the real binary in a pseudo-terminal (read through `vt100`): the
//! file `Ctrl-s` writes is, byte for byte, what `baogao compare` prints for the same indicator,
//! and from the targets table what `baogao targets` prints for the same indicator and period.

use crate::session as pty;

use pty::Session;

const ENTER: &str = "\r";
const CTRL_S: &str = "\x13";
const TAB: &str = "\t";
const CTRL_G: &str = "\x07";
const CTRL_Y: &str = "\x19";

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

/// The browser in `dir`, its compare view open on 生产总值 (GDP).
fn compare_gdp(dir: &std::path::Path) -> Session {
    let mut session = Session::launch(dir, &[], &[], "xterm-256color");
    session.wait_for("the reports", |s| {
        s.contains("政府工作报告") && !status_line(s).contains("loading")
    });
    session.send("c");
    session.wait_for("the compare view", |s| status_line(s).contains("COMPARE"));
    session.send("生产总值");
    session.wait_for("the rows", |s| s.contains("283.1亿元"));
    session
}

/// `baogao ARGS` over the bundled reports: what it prints.
fn printed(args: &[&str]) -> String {
    let run = crate::run::command().args(args).output().unwrap();
    assert!(run.status.success(), "{run:?}");
    String::from_utf8(run.stdout).unwrap()
}

/// `baogao compare 生产总值 --format FORMAT` over the bundled reports.
fn cli(format: &str) -> String {
    printed(&["compare", "生产总值", "--format", format])
}

#[test]
fn the_compare_export_writes_what_the_command_line_prints() {
    let dir = tempfile::tempdir().unwrap();
    let mut session = compare_gdp(dir.path());
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

#[test]
fn the_targets_table_exports_what_baogao_targets_prints_for_each_period() {
    let all = printed(&["targets", "--indicator", "生产总值", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&all).unwrap();
    let mut periods: Vec<String> = rows
        .iter()
        .filter_map(|row| row["period"].as_str().map(String::from))
        .collect();
    periods.sort();
    periods.dedup();
    assert!(
        periods.len() >= 2,
        "periods of the GDP targets: {periods:?}"
    );

    let dir = tempfile::tempdir().unwrap();
    let mut session = compare_gdp(dir.path());
    session.send(CTRL_G);
    session.wait_for("the targets table", |s| s.contains("Ctrl-g back"));
    let file = "./baogao-targets-生产总值.csv";
    // All periods, then each in turn (Ctrl-y): the rows written are the command's.
    for period in [None].into_iter().chain(periods.iter().map(Some)) {
        if let Some(period) = period {
            session.send(CTRL_Y);
            session.wait_for("the period shown", |s| s.contains(period.as_str()));
        }
        session.send(CTRL_S);
        session.wait_for("the export dialog", |s| s.contains(file));
        session.send(ENTER);
        let path = dir.path().join(file);
        session.wait_for("the export", |s| {
            status_line(s).contains(file) && path.exists()
        });
        let written = std::fs::read_to_string(&path).unwrap();
        std::fs::remove_file(&path).unwrap();
        let mut args = vec!["targets", "--indicator", "生产总值", "--format", "csv"];
        if let Some(period) = period {
            args.extend(["--period", period.as_str()]);
        }
        assert_eq!(written, printed(&args), "period {period:?}");
    }
    session.send("\x1b");
    session.wait_for("the text", |s| !status_line(s).contains("COMPARE"));
    session.quit();
}
