//! Reports written to attack the terminal that shows them — an `ESC ] 52` clipboard write,
//! `ESC [ 2 J`, a title change, U+202E — and a file name holding an escape: no output of any
//! subcommand, on stdout or stderr, carries a raw control or bidirectional formatting
//! character. And a 2 MB one-line report searched in bounded memory.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use baogao::corpus::load_paths;
use baogao::marks::{Marks, store};

const CLIPBOARD: &str = "\u{1b}]52;c;SGVsbG8=\u{7}";
const CLEAR: &str = "\u{1b}[2J";
const TITLE: &str = "\u{1b}]0;pwned\u{7}";
const REVERSE: &str = "\u{202e}";

/// A copy of a bundled report (with glossary notes) laced with terminal controls in its body,
/// its headings and its notes, beside a binary file whose name holds an escape.
fn hostile_reports(dir: &Path) -> PathBuf {
    let reports = dir.join("reports");
    std::fs::create_dir(&reports).unwrap();
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports/xiping-2023.txt"),
    )
    .unwrap();
    let mut laced = String::new();
    for (i, piece) in text.split_inclusive('。').enumerate() {
        laced.push_str(piece);
        if i % 25 == 3 {
            laced.push_str([CLIPBOARD, CLEAR, TITLE, REVERSE][i % 4]);
        }
    }
    let laced = laced
        .replacen("一、", &format!("一、{TITLE}"), 1)
        .replace("生产总值", &format!("生产总值{REVERSE}"));
    std::fs::write(reports.join("xiping-2023.txt"), laced).unwrap();
    std::fs::write(
        reports.join(format!("evil{CLEAR}.txt")),
        b"\x00\x01\x02binary",
    )
    .unwrap();
    reports
}

fn baogao(args: &[&str], reports: &Path, marks: &Path) -> Output {
    crate::run::command()
        .args(args)
        .arg(reports)
        .env("BAOGAO_MARKS", marks)
        .output()
        .expect("the baogao binary runs")
}

fn raw_controls(bytes: &[u8]) -> Vec<char> {
    String::from_utf8_lossy(bytes)
        .chars()
        .filter(|&c| {
            (c.is_control() && c != '\n' && c != '\t')
                || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        })
        .collect()
}

#[test]
fn no_subcommand_prints_a_raw_control_character() {
    let dir = tempfile::tempdir().unwrap();
    let reports = hostile_reports(dir.path());
    // A mark on a laced passage, for the exports.
    let corpus = load_paths(std::slice::from_ref(&reports));
    let report = &corpus.reports[0];
    let start = report
        .text
        .find(CLEAR)
        .expect("the escape survives loading")
        - 30;
    let start = (0..=start)
        .rev()
        .find(|&i| report.text.is_char_boundary(i))
        .unwrap();
    let mut marks = Marks::default();
    let id = marks.add(report, start..start + 60);
    marks.set_note(id, &format!("笔记{CLIPBOARD}"));
    let marks_file = dir.path().join("marks.json");
    store::save(&marks_file, &marks).unwrap();
    assert!(marks.items[0].text.contains(CLEAR));

    let runs: &[&[&str]] = &[
        &["search", "生产总值"],
        &["search", "."],
        &["outline"],
        &["outline", "--format", "json"],
        &["figures"],
        &["figures", "--format", "csv"],
        &["figures", "--format", "jsonl"],
        &["glossary"],
        &["glossary", "--format", "json"],
        &["compare", "生产总值"],
        &["compare", "生产总值", "--format", "csv"],
        &["compare", "生产总值", "--format", "json"],
        &["compare", "--list", "-"],
        &["export"],
        &["export", "--format", "csv"],
        &["export", "--format", "json"],
        &["targets"],
        &["targets", "--format", "csv"],
        &["targets", "--format", "json"],
        &["targets", "--escalation"],
        &["check"],
    ];
    for args in runs {
        let output = baogao(args, &reports, &marks_file);
        assert!(!output.stdout.is_empty(), "{args:?} printed nothing");
        assert_eq!(
            raw_controls(&output.stdout),
            [] as [char; 0],
            "{args:?} stdout"
        );
        assert_eq!(
            raw_controls(&output.stderr),
            [] as [char; 0],
            "{args:?} stderr"
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("evil\\u{1b}[2J.txt"), "{args:?}: {stderr}");
    }
    // JSON stays valid JSON and carries the text exactly.
    let json = baogao(&["export", "--format", "json"], &reports, &marks_file);
    let records: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(records[0]["note"], format!("笔记{CLIPBOARD}"));
    // An export written to a file is as safe as one printed.
    let out = dir.path().join("out.md");
    let written = baogao(
        &["export", "-o", out.to_str().unwrap()],
        &reports,
        &marks_file,
    );
    assert!(written.status.success());
    assert_eq!(raw_controls(&std::fs::read(&out).unwrap()), [] as [char; 0]);
}

#[test]
#[cfg(target_os = "linux")]
fn searching_a_2_mb_line_stays_in_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("one-line.txt");
    let line = "全县生产总值增长5%，".repeat(70_000);
    std::fs::write(&file, format!("一、工作回顾\n{line}\n")).unwrap();
    assert!(line.len() > 2_000_000);
    // Measured from a fresh, small process (this one holds the 2 MB line and more, which a
    // child started from it would be charged with).
    // The test's name as the harness knows it: its module path without the binary's name.
    let module = module_path!()
        .split_once("::")
        .map_or("", |(_, module)| module);
    let probe = Command::new(std::env::current_exe().unwrap())
        .args(["--ignored", "--exact", "--nocapture"])
        .arg(format!("{module}::peak_rss_of_a_search"))
        .env(PROBE, &file)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&probe.stdout);
    let peak_kb: i64 = stdout
        .lines()
        .find_map(|l| l.strip_prefix("peak_kb="))
        .unwrap_or_else(|| panic!("no measure: {stdout}"))
        .parse()
        .unwrap();
    assert!(peak_kb < 100 * 1024, "{peak_kb} KB");
    // Each hit shows a window of the line, not the 2 MB line.
    let shown = crate::run::command()
        .args(["search", "生产总值"])
        .arg(&file)
        .output()
        .unwrap();
    let stdout = String::from_utf8(shown.stdout).unwrap();
    assert_eq!(stdout.lines().count(), 70_000);
    assert!(
        stdout.lines().all(|l| l.len() < 2_000),
        "windows, not lines"
    );
    assert!(stdout.lines().nth(1000).unwrap().contains('…'));
}

/// The file [`peak_rss_of_a_search`] searches.
const PROBE: &str = "BAOGAO_TEST_RSS_PROBE";

/// Search the file named by `$BAOGAO_TEST_RSS_PROBE` and print the search's peak resident
/// size, as the kernel accounts for waited-for children.
#[test]
#[ignore = "run by searching_a_2_mb_line_stays_in_bounded_memory in a fresh process"]
#[allow(unsafe_code)]
fn peak_rss_of_a_search() {
    let Some(file) = std::env::var_os(PROBE) else {
        return;
    };
    let status = crate::run::command()
        .args(["search", "生产总值"])
        .arg(file)
        .stdout(std::process::Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    // SAFETY: `rusage` is plain data that `getrusage` fills in.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    assert_eq!(
        unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) },
        0
    );
    println!("peak_kb={}", usage.ru_maxrss);
}
