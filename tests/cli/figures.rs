//! `baogao figures` run as a user runs it: the real binary over the bundled reports and over a
//! report on disk, its output checked against the report files.

use crate::run::baogao;
use std::path::Path;

fn report_line(file: &str, line: usize) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/reports")
        .join(file);
    std::fs::read_to_string(path)
        .expect("bundled report")
        .lines()
        .nth(line - 1)
        .expect("line exists")
        .to_string()
}

const FIELDS: [&str; 17] = [
    "file",
    "line",
    "col",
    "text",
    "kind",
    "value",
    "unit",
    "measure",
    "indicator",
    "status",
    "qualifier",
    "period",
    "basis",
    "base_year",
    "comparable_prices",
    "report",
    "section",
];

#[test]
fn jsonl_rows_carry_the_contract_fields_and_point_at_the_source() {
    let output = baogao(&["figures", "--format", "jsonl"]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let rows: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert!(rows.len() > 500, "{} figures", rows.len());
    for row in &rows {
        for field in FIELDS {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
        let file = row["file"].as_str().unwrap();
        let line = row["line"].as_u64().unwrap() as usize;
        let col = row["col"].as_u64().unwrap() as usize;
        let text = row["text"].as_str().unwrap();
        let source: String = report_line(file, line).chars().skip(col - 1).collect();
        assert!(source.starts_with(text), "{row} does not point at its text");
        assert!(row["section"].is_array());
    }
    let gdp = rows
        .iter()
        .find(|r| r["file"] == "minquan-2023.txt" && r["text"] == "283.1亿元")
        .expect("the 2022 GDP figure");
    assert_eq!(gdp["line"], 8);
    assert_eq!(gdp["col"], 199);
    assert_eq!(gdp["kind"], "money");
    assert_eq!(gdp["unit"], "元");
    assert_eq!(gdp["status"], "actual");
    assert_eq!(gdp["period"], "2022");
    assert!((gdp["value"].as_f64().unwrap() - 283.1e8).abs() < 1.0);
    assert_eq!(gdp["section"][0], "一、2022年工作回顾");
}

#[test]
fn csv_has_the_same_columns() {
    let output = baogao(&["figures", "--format", "csv"]);
    assert!(output.status.success(), "{output:?}");
    let mut reader = csv::Reader::from_reader(output.stdout.as_slice());
    let headers: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(headers, FIELDS);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let jsonl = baogao(&["figures", "--format", "jsonl"]);
    assert_eq!(
        rows.len(),
        String::from_utf8(jsonl.stdout).unwrap().lines().count()
    );
    let target = rows
        .iter()
        .find(|r| &r[0] == "minquan-2023.txt" && &r[1] == "24" && &r[3] == "8%")
        .expect("the 2023 growth target");
    assert_eq!(&target[9], "target");
    assert_eq!(&target[10], "左右");
    assert_eq!(&target[11], "2023");
    assert_eq!(&target[12], "yoy");
    assert_eq!(&target[14], "false");
    assert!(target[16].contains("工作安排"), "{:?}", &target[16]);
}

#[test]
fn the_table_reads_a_report_on_disk() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("兰考-2024.txt");
    std::fs::write(
        &path,
        "一、2023年工作回顾\n2023年，全县生产总值完成412.6亿元，同比下降1.2%；粮食产量达到15萬噸。\n",
    )
    .unwrap();
    // Every column, however wide the temporary path makes the table.
    let output = baogao(&["figures", "--width", "0", path.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with("where"), "{stdout}");
    assert_eq!(lines.len(), 4, "{stdout}");
    assert!(lines[1].contains("412.6亿元") && lines[1].contains("41260000000"));
    assert!(lines[2].contains("-1.2") && lines[2].contains("change"));
    assert!(lines[3].contains("15萬噸") && lines[3].contains("150000"));
    assert!(lines.iter().skip(1).all(|l| l.contains("2023")));
}

#[test]
fn an_unreadable_path_fails_clearly() {
    let output = baogao(&["figures", "/nonexistent/report.txt"]);
    assert!(!output.status.success());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(stderr.contains("/nonexistent/report.txt"), "{stderr}");
}

/// Generated reports on disk (GB18030 and CRLF among them) beside files that cannot be read:
/// the figures of every readable report, report after report in the files' sorted order, as
/// many as extraction finds in the loaded corpus; one error line per bad file; CSV the same.
#[test]
fn reports_on_disk_come_out_in_order_with_every_figure() {
    let dir = tempfile::tempdir().unwrap();
    for report in baogao::corpus::synthetic::generate(2_000_000, 5) {
        let path = dir.path().join(&report.name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, report.bytes).unwrap();
    }
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("binary.txt"), [0u8, 1, 2, 0, 3]).unwrap();
    let corpus = baogao::corpus::load_paths(&[dir.path().to_path_buf()]);
    assert_eq!(corpus.errors.len(), 2);
    let expected: Vec<(String, usize)> = corpus
        .reports
        .iter()
        .map(|report| (report.file.clone(), baogao::figures::extract(report).len()))
        .collect();

    let output = baogao(&["figures", "--format", "jsonl", dir.path().to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    let mut counted: Vec<(String, usize)> = Vec::new();
    for line in String::from_utf8(output.stdout).unwrap().lines() {
        let row: serde_json::Value = serde_json::from_str(line).unwrap();
        let file = row["file"].as_str().unwrap();
        match counted.last_mut() {
            Some((last, n)) if last == file => *n += 1,
            _ => counted.push((file.to_string(), 1)),
        }
    }
    let expected_nonempty: Vec<_> = expected.iter().filter(|(_, n)| *n > 0).cloned().collect();
    assert_eq!(counted, expected_nonempty);
    assert!(counted.len() > 20, "{} reports", counted.len());
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 2, "{stderr}");
    assert!(stderr.contains("empty.txt: empty file"), "{stderr}");

    let csv = baogao(&["figures", "--format", "csv", dir.path().to_str().unwrap()]);
    let rows = csv::Reader::from_reader(&csv.stdout[..]).records().count();
    assert_eq!(rows, expected.iter().map(|(_, n)| n).sum::<usize>());
}

/// A reader that stops early (`| head`) ends the command at once, quietly.
#[test]
fn a_closed_pipe_stops_the_command() {
    use std::io::{BufRead, BufReader};
    let dir = tempfile::tempdir().unwrap();
    for report in baogao::corpus::synthetic::generate(20_000_000, 3) {
        let path = dir.path().join(&report.name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, report.bytes).unwrap();
    }
    let mut child = crate::run::command()
        .args(["figures", "--format", "jsonl", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    assert!(first.starts_with("{\"file\":"), "{first}");
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "{status:?}: {stderr}");
    assert_eq!(stderr, "");
}

#[test]
fn explain_names_the_rules_and_lists_the_labels() {
    let report = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus/provinces-2026/湖北省_2026.txt");
    let report = report.to_str().expect("a UTF-8 path");
    let plain = baogao(&["figures", "--format", "jsonl", report]);
    let explained = baogao(&["figures", "--format", "jsonl", "--explain", report]);
    assert!(explained.status.success(), "{explained:?}");
    let rows: Vec<serde_json::Value> = String::from_utf8(explained.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect();
    assert!(
        rows.iter().all(|r| r["named_by"].is_string()),
        "every row says its rule"
    );
    let figures = rows.iter().filter(|r| r["label"].is_null()).count();
    let plain_lines = String::from_utf8(plain.stdout).unwrap().lines().count();
    assert_eq!(
        figures, plain_lines,
        "the figures are those printed without --explain"
    );
    let label = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == text && !r["label"].is_null())
            .map(|r| r["label"].as_str().unwrap().to_string())
    };
    assert_eq!(label("两万亿级").as_deref(), Some("class_grade"));
    assert_eq!(label("千亿").as_deref(), Some("class_noun"));
    let csv = baogao(&["figures", "--format", "csv", "--explain", report]);
    let header = String::from_utf8(csv.stdout).unwrap();
    assert!(header.lines().next().unwrap().ends_with(",named_by,label"));
}

#[test]
fn the_table_fits_80_columns_when_piped_and_keeps_every_locator_and_value() {
    use unicode_width::UnicodeWidthStr;
    let run = |args: &[&str]| {
        let output = crate::run::command().args(args).output().unwrap();
        assert!(output.status.success(), "{output:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let piped = run(&["figures"]);
    let full = run(&["figures", "--width", "0"]);
    let wider = run(&["figures", "--width", "120"]);
    assert_eq!(piped.lines().count(), full.lines().count());
    assert!(
        full.lines().any(|l| l.width() > 120),
        "the full table is wide"
    );
    assert!(full.lines().next().unwrap().contains("basis"));
    for line in piped.lines() {
        assert!(line.width() <= 80, "{} columns: {line}", line.width());
    }
    for line in wider.lines() {
        assert!(line.width() <= 120, "{line}");
    }
    // The locator and the value are whole on every row.
    let header: Vec<&str> = full.lines().next().unwrap().split_whitespace().collect();
    let value_at = header.iter().position(|h| *h == "value").unwrap();
    let mut values = 0;
    for (narrow, wide) in piped.lines().zip(full.lines()).skip(1) {
        let wide_cells: Vec<&str> = wide.split_whitespace().collect();
        assert!(narrow.starts_with(wide_cells[0]), "{narrow}");
        // The value column follows `where` and `text` in both tables.
        let value = wide.split("  ").filter(|c| !c.is_empty()).nth(value_at);
        if let Some(value) = value.filter(|v| v.trim().parse::<f64>().is_ok()) {
            assert!(narrow.contains(value.trim()), "{value} in {narrow}");
            values += 1;
        }
    }
    assert!(values > 100, "{values} values checked");
}
