//! Exports of marks made in the real reports: golden files for the three formats, the CLI, and
//! failed writes that must leave the marks untouched.

use std::path::Path;
use std::process::Command;

use baogao::corpus::{Report, load_embedded};
use baogao::export::{self, Format};
use baogao::figures;
use baogao::marks::{Marks, store};

fn mark(marks: &mut Marks, report: &Report, passage: &str, note: &str) {
    let start = report
        .text
        .find(passage)
        .unwrap_or_else(|| panic!("{passage} not in {}", report.file));
    let id = marks.add(report, start..start + passage.len());
    marks.set_note(id, note);
    // A fixed stamp keeps the golden files stable.
    marks.items.last_mut().unwrap().created = "2026-11-24T09:00:00Z".into();
}

fn sample() -> (Vec<Report>, Marks) {
    let reports = load_embedded().reports;
    let find = |file: &str| reports.iter().find(|r| r.file == file).unwrap();
    let mut marks = Marks::default();
    mark(
        &mut marks,
        find("minquan-2023.txt"),
        "2022年，全县生产总值完成283.1亿元，同比增长5.2%；",
        "对比2021年目标8%左右",
    );
    mark(
        &mut marks,
        find("minquan-2023.txt"),
        "社会消费品零售总额96.2亿元，同比增长2.4%，增速居全市第1位；",
        "",
    );
    mark(
        &mut marks,
        find("puyang-2023.txt"),
        "生产总值增长7%以上,人均生产总值增长7%",
        "目标\n第二行",
    );
    (reports, marks)
}

fn rendered(format: Format) -> String {
    let (reports, marks) = sample();
    let figures: Vec<_> = reports.iter().map(figures::extract).collect();
    export::render(format, &export::records(&marks, &reports, &figures))
}

#[test]
fn markdown_export_groups_quotes_and_cites() {
    let md = rendered(Format::Md);
    assert!(
        md.lines()
            .any(|l| l.starts_with("## ") && l.contains("minquan-2023.txt")),
        "{md}"
    );
    assert!(md.contains("> 2022年，全县生产总值完成283.1亿元，同比增长5.2%；"));
    assert!(md.contains("Note: 对比2021年目标8%左右"));
    assert!(md.contains("line 8"), "{md}");
    assert_eq!(
        md.matches("\n## ").count(),
        2,
        "one heading per report: {md}"
    );
    insta::assert_snapshot!("export_md", md);
}

#[test]
fn json_export_carries_every_field() {
    let json = rendered(Format::Json);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let rows = value.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for field in [
        "report",
        "file",
        "section",
        "line_start",
        "line_end",
        "text",
        "note",
        "figures",
        "created",
    ] {
        assert!(rows[0].get(field).is_some(), "missing {field}");
    }
    assert_eq!(rows[2]["file"], "puyang-2023.txt");
    assert_eq!(rows[2]["note"], "目标\n第二行");
    insta::assert_snapshot!("export_json", json);
}

#[test]
fn csv_export_has_a_header_and_a_row_per_mark() {
    let csv = rendered(Format::Csv);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        [
            "report",
            "file",
            "section",
            "line_start",
            "line_end",
            "text",
            "note",
            "figures",
            "created",
            "orphaned"
        ]
    );
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[2][6], "目标\n第二行");
    assert_eq!(&rows[0][3], "8");
    insta::assert_snapshot!("export_csv", csv);
}

#[test]
fn a_failed_export_names_the_path_and_leaves_the_marks_alone() {
    let dir = tempfile::tempdir().unwrap();
    let marks_path = dir.path().join("marks.json");
    let (_, marks) = sample();
    store::save(&marks_path, &marks).unwrap();
    let before = std::fs::read(&marks_path).unwrap();
    let out = dir.path().join("missing-dir/out.md");
    let error = export::write(&out, "x").unwrap_err();
    assert!(error.to_string().contains("missing-dir"), "{error}");
    assert_eq!(std::fs::read(&marks_path).unwrap(), before);
}

fn baogao(args: &[&str], marks: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_baogao"))
        .args(args)
        .arg("--marks")
        .arg(marks)
        .env_remove("BAOGAO_MARKS")
        .output()
        .unwrap()
}

#[test]
fn cli_export_writes_each_format() {
    let dir = tempfile::tempdir().unwrap();
    let marks_path = dir.path().join("marks.json");
    let (_, marks) = sample();
    store::save(&marks_path, &marks).unwrap();

    let stdout = baogao(&["export", "--format", "json"], &marks_path);
    assert!(stdout.status.success(), "{stdout:?}");
    assert_eq!(
        String::from_utf8(stdout.stdout).unwrap(),
        rendered(Format::Json)
    );

    let out = dir.path().join("marks.md");
    let to_file = baogao(&["export", "-o", out.to_str().unwrap()], &marks_path);
    assert!(to_file.status.success(), "{to_file:?}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), rendered(Format::Md));
    assert!(String::from_utf8_lossy(&to_file.stderr).contains("exported 3 marks"));
}

#[test]
fn cli_export_to_an_unwritable_place_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let marks_path = dir.path().join("marks.json");
    let (_, marks) = sample();
    store::save(&marks_path, &marks).unwrap();
    let before = std::fs::read(&marks_path).unwrap();
    let out = dir.path().join("nope/marks.csv");
    let run = baogao(
        &["export", "-f", "csv", "-o", out.to_str().unwrap()],
        &marks_path,
    );
    assert!(!run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(stderr.contains("nope/marks.csv"), "{stderr}");
    assert_eq!(std::fs::read(&marks_path).unwrap(), before);
}
