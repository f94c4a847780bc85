//! Marks kept in real files across edits of real report files, read back by the real binary
//! (`baogao export`, which loads, re-anchors and exports exactly as the browser does): a
//! passage that moved, a passage that is gone, a corrupt marks file, a stale temporary file,
//! two reports of one name, and exports that must not overwrite.

use std::fs;
use std::path::Path;

use baogao::corpus::load_paths;
use baogao::marks::{Marks, store};

const REPORT: &str = "minquan-2023.txt";
const PASSAGE: &str = "2022年，全县生产总值完成283.1亿元，同比增长5.2%；";

/// A directory holding a copy of a bundled report and a marks file with one noted mark on it.
fn setup(dir: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let reports = dir.join("reports");
    fs::create_dir(&reports).unwrap();
    let original = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports");
    fs::copy(original.join(REPORT), reports.join(REPORT)).unwrap();
    let corpus = load_paths(std::slice::from_ref(&reports));
    let report = &corpus.reports[0];
    let start = report.text.find(PASSAGE).unwrap();
    let mut marks = Marks::default();
    let id = marks.add(report, start..start + PASSAGE.len());
    marks.set_note(id, "对比2021年");
    let marks_file = dir.join("marks.json");
    store::save(&marks_file, &marks).unwrap();
    (reports, marks_file)
}

/// `baogao export --format json` over `reports` with `marks_file`: the records and stderr.
fn export(reports: &Path, marks_file: &Path) -> (serde_json::Value, String) {
    let output = crate::run::command()
        .args(["export", "--format", "json", "--marks"])
        .arg(marks_file)
        .arg(reports)
        .env_remove("BAOGAO_MARKS")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(output.status.success(), "{stderr}");
    (serde_json::from_slice(&output.stdout).unwrap(), stderr)
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn a_mark_follows_its_passage_when_the_report_file_is_edited() {
    let dir = tempfile::tempdir().unwrap();
    let (reports, marks_file) = setup(dir.path());
    let file = reports.join(REPORT);
    let (records, _) = export(&reports, &marks_file);
    let before = records[0]["line_start"].as_u64().unwrap() as usize;
    assert_eq!(
        before,
        line_of(&fs::read_to_string(&file).unwrap(), PASSAGE)
    );

    // Three paragraphs inserted above the passage.
    let text = fs::read_to_string(&file).unwrap();
    let at = text.find("2022年，全县生产总值").unwrap();
    let edited = format!(
        "{}新插入的第一段。\n\n新插入的第二段。\n\n{}",
        &text[..at],
        &text[at..]
    );
    fs::write(&file, &edited).unwrap();
    let (records, _) = export(&reports, &marks_file);
    assert_eq!(records.as_array().unwrap().len(), 1);
    assert_eq!(records[0]["text"], PASSAGE);
    assert_eq!(records[0]["orphaned"], false);
    assert_eq!(records[0]["note"], "对比2021年");
    let after = records[0]["line_start"].as_u64().unwrap() as usize;
    assert_eq!(after, line_of(&edited, PASSAGE));
    assert_eq!(after, before + 4);
}

#[test]
fn a_mark_whose_passage_is_gone_is_kept_as_orphaned() {
    let dir = tempfile::tempdir().unwrap();
    let (reports, marks_file) = setup(dir.path());
    let file = reports.join(REPORT);
    let text = fs::read_to_string(&file).unwrap();
    fs::write(&file, text.replace(PASSAGE, "")).unwrap();
    let (records, _) = export(&reports, &marks_file);
    assert_eq!(records.as_array().unwrap().len(), 1, "never dropped");
    assert_eq!(records[0]["orphaned"], true);
    assert_eq!(records[0]["text"], PASSAGE, "its text is kept");
    assert_eq!(records[0]["note"], "对比2021年");
    // The marks file itself still holds it.
    assert_eq!(store::load(&marks_file).unwrap().marks.items.len(), 1);
}

#[test]
fn export_never_moves_a_corrupt_marks_file() {
    let dir = tempfile::tempdir().unwrap();
    let (reports, marks_file) = setup(dir.path());
    let torn = b"{\"version\": 1, \"marks\": [{\"id\": 1, \"fi";
    fs::write(&marks_file, torn).unwrap();
    let output = crate::run::command()
        .args(["export", "--marks"])
        .arg(&marks_file)
        .arg(&reports)
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("could not be read"), "{stderr}");
    assert_eq!(fs::read(&marks_file).unwrap(), torn, "left as it was");
    // The browser's loader moves it aside instead of overwriting it.
    let loaded = store::load(&marks_file).unwrap();
    assert!(loaded.notice.unwrap().contains("moved to"));
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_string_lossy().contains("marks.json.bad-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(fs::read(&aside[0]).unwrap(), torn, "kept byte for byte");
}

#[test]
fn reports_of_the_same_name_in_two_years_keep_their_own_marks() {
    let dir = tempfile::tempdir().unwrap();
    let reports = dir.path().join("reports");
    let bundled = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports");
    for year in ["2021", "2023"] {
        fs::create_dir_all(reports.join(year)).unwrap();
        fs::copy(
            bundled.join(format!("minquan-{year}.txt")),
            reports.join(year).join("minquan.txt"),
        )
        .unwrap();
    }
    let corpus = load_paths(std::slice::from_ref(&reports));
    let in_year = |year: &str| {
        corpus
            .reports
            .iter()
            .find(|r| r.path.as_ref().unwrap().to_string_lossy().contains(year))
            .unwrap()
    };
    // Marked in the report loaded second: by name alone, the first would take its mark.
    let (old, new) = (in_year("2023"), in_year("2021"));
    let first_of_the_name = corpus.reports.iter().position(|r| r.file == "minquan.txt");
    assert_ne!(
        first_of_the_name,
        corpus.reports.iter().position(|r| std::ptr::eq(r, old))
    );
    // A line both reports have, marked in the 2023 one.
    let shared = old
        .lines
        .iter()
        .map(|line| &old.text[line.content.clone()])
        .find(|text| text.chars().count() >= 6 && new.text.contains(*text))
        .expect("a line in both years");
    let start = old.text.find(shared).unwrap();
    let mut marks = Marks::default();
    marks.add(old, start..start + shared.len());
    let marks_file = dir.path().join("marks.json");
    store::save(&marks_file, &marks).unwrap();
    let (records, stderr) = export(&reports, &marks_file);
    assert_eq!(records[0]["orphaned"], false, "{stderr}");
    assert_eq!(records[0]["report"], old.label());
    let line = old.text[..start].matches('\n').count() + 1;
    assert_eq!(records[0]["line_start"], line);
}

#[test]
fn export_refuses_the_marks_file_and_asks_for_force_over_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let (reports, marks_file) = setup(dir.path());
    let before = fs::read(&marks_file).unwrap();
    let run = |out: &Path, force: bool| {
        let mut command = crate::run::command();
        command.args(["export", "--marks"]).arg(&marks_file);
        command.arg("-o").arg(out).arg(&reports);
        if force {
            command.arg("--force");
        }
        command.output().unwrap()
    };
    let onto_marks = run(&marks_file, true);
    assert!(!onto_marks.status.success());
    assert!(String::from_utf8_lossy(&onto_marks.stderr).contains("the marks file"));
    assert_eq!(fs::read(&marks_file).unwrap(), before);
    let out = dir.path().join("out.md");
    assert!(run(&out, false).status.success());
    fs::write(&out, b"mine").unwrap();
    let again = run(&out, false);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("--force"));
    assert_eq!(fs::read(&out).unwrap(), b"mine");
    assert!(run(&out, true).status.success());
    assert!(fs::read_to_string(&out).unwrap().contains(PASSAGE));
}

#[test]
fn a_stale_temporary_file_from_an_interrupted_save_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let (reports, marks_file) = setup(dir.path());
    // What a save killed before its rename leaves behind.
    fs::write(
        dir.path().join("marks.json.tmp-99999"),
        b"{\"version\": 1, \"ma",
    )
    .unwrap();
    let (records, stderr) = export(&reports, &marks_file);
    assert_eq!(records.as_array().unwrap().len(), 1, "{stderr}");
    assert_eq!(records[0]["text"], PASSAGE);
    assert_eq!(records[0]["note"], "对比2021年");
}
