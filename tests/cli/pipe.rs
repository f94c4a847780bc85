//! `baogao … | head`: when the reader of standard output goes away, every subcommand ends
//! quietly (nothing on stderr) with status 0, as grep and ripgrep do. Run on the real binary
//! with its standard output a pipe closed early.

use std::io::Read;
use std::process::Stdio;

use baogao::corpus::load_embedded;
use baogao::marks::{Marks, store};

/// Run `baogao ARGS` with stdout a pipe whose reader takes `read` bytes (none: closed before
/// the command writes anything) and goes away; the exit status and stderr.
fn closed_early(args: &[&str], read: usize) -> (Option<i32>, String) {
    let mut child = crate::run::command()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the baogao binary runs");
    let mut stdout = child.stdout.take().unwrap();
    let mut buffer = vec![0; read];
    stdout.read_exact(&mut buffer).unwrap();
    drop(stdout);
    let output = child.wait_with_output().unwrap();
    (
        output.status.code(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn every_subcommand_ends_quietly_when_its_reader_goes_away() {
    let dir = tempfile::tempdir().unwrap();
    let marks_path = dir.path().join("marks.json");
    let reports = load_embedded().reports;
    let mut marks = Marks::default();
    // Enough marks that every export format outgrows a pipe's buffer.
    for report in &reports {
        for (i, line) in report
            .lines
            .iter()
            .enumerate()
            .filter(|(_, l)| l.content.len() > 60)
        {
            if i % 2 == 0 {
                marks.add(report, line.content.clone());
            }
        }
    }
    store::save(&marks_path, &marks).unwrap();
    let marks_arg = marks_path.to_str().unwrap();
    let commands: Vec<Vec<&str>> = vec![
        vec!["outline"],
        vec!["outline", "-f", "json"],
        vec!["compare", "生产总值"],
        vec!["compare", "生产总值", "-f", "json"],
        vec!["compare", "生产总值", "-f", "csv"],
        vec!["compare", "--list"],
        vec!["glossary"],
        vec!["search", "增长"],
        vec!["search", "--heading", "增长"],
        vec!["search", "--json", "增长"],
        vec!["figures"],
        vec!["figures", "-f", "jsonl"],
        vec!["figures", "-f", "csv"],
        vec!["check"],
        vec!["targets"],
        vec!["targets", "-f", "csv"],
        vec!["targets", "-f", "json"],
        vec!["targets", "--escalation"],
        vec!["completions", "bash"],
        vec!["man"],
        vec!["export", "--marks", marks_arg],
        vec!["export", "--marks", marks_arg, "-f", "json"],
        vec!["export", "--marks", marks_arg, "-f", "csv"],
        vec!["export", "--marks", marks_arg, "-f", "bib"],
        vec!["export", "--marks", marks_arg, "-f", "csl"],
    ];
    for args in &commands {
        for read in [0, 10] {
            let (code, stderr) = closed_early(args, read);
            assert_eq!(code, Some(0), "{args:?} after {read} bytes: {stderr}");
            assert!(stderr.is_empty(), "{args:?} after {read} bytes: {stderr}");
        }
    }
}
