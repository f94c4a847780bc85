//! Exports of marks made in the real reports: golden files for the three formats, the CLI, and
//! failed writes that must leave the marks untouched.

use std::path::Path;

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
    assert!(
        md.contains("— 民权县人民政府县长王静娴《政府工作报告》（2023-06-26，民权县第十六届人民代表大会第三次会议），一、2022年工作回顾 [minquan-2023.txt:8]"),
        "{md}"
    );
    assert!(
        md.contains(
            "GB/T 7714: 王静娴. 政府工作报告[R]. 民权县第十六届人民代表大会第三次会议, 2023-06-26."
        ),
        "{md}"
    );
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
    assert_eq!(rows[0]["issuer"], "民权县人民政府");
    assert_eq!(rows[0]["speaker"], "王静娴");
    assert_eq!(rows[0]["office"], "县长");
    assert_eq!(rows[0]["date"], "2023-06-26");
    assert_eq!(rows[0]["session"], "民权县第十六届人民代表大会第三次会议");
    assert_eq!(
        rows[0]["gbt7714"],
        "王静娴. 政府工作报告[R]. 民权县第十六届人民代表大会第三次会议, 2023-06-26."
    );
    // 濮阳's report names no speaker or date: the fields are null, not guessed.
    assert!(rows[2]["speaker"].is_null() && rows[2]["date"].is_null());
    assert_eq!(rows[2]["year"], 2023);
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
            "issuer",
            "title",
            "speaker",
            "office",
            "date",
            "year",
            "session",
            "gbt7714",
            "text",
            "note",
            "figures",
            "created",
            "orphaned"
        ]
    );
    let rows: Vec<_> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 3);
    assert_eq!(&rows[2][14], "目标\n第二行");
    assert_eq!(&rows[0][3], "8");
    assert_eq!(&rows[0][5], "民权县人民政府");
    assert_eq!(&rows[0][7], "王静娴");
    assert_eq!(&rows[0][9], "2023-06-26");
    assert_eq!(&rows[2][5], "濮阳市人民政府");
    assert_eq!(&rows[2][12], "濮阳市人民政府. 政府工作报告[R]. 2023.");
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
    crate::run::command()
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

    for (name, format) in [
        ("bib", Format::Bib),
        ("csl", Format::Csl),
        ("csv", Format::Csv),
    ] {
        let run = baogao(&["export", "-f", name], &marks_path);
        assert!(run.status.success(), "{run:?}");
        assert_eq!(String::from_utf8(run.stdout).unwrap(), rendered(format));
    }
    let bom = baogao(&["export", "-f", "csv", "--bom"], &marks_path);
    assert!(bom.stdout.starts_with("\u{feff}report,".as_bytes()));

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

#[test]
fn csl_json_round_trips_into_report_items() {
    let (reports, marks) = sample();
    let figures: Vec<_> = reports.iter().map(figures::extract).collect();
    let records = export::records(&marks, &reports, &figures);
    let csl = export::render(Format::Csl, &records);
    let items: Vec<serde_json::Value> = serde_json::from_str(&csl).unwrap();
    assert_eq!(items.len(), records.len());
    let first = &items[0];
    assert_eq!(first["type"], "report");
    assert_eq!(first["title"], "政府工作报告");
    assert_eq!(first["author"][0]["literal"], "王静娴");
    assert_eq!(first["publisher"], "民权县人民政府");
    assert_eq!(first["event-title"], "民权县第十六届人民代表大会第三次会议");
    assert_eq!(
        first["issued"]["date-parts"],
        serde_json::json!([[2023, 6, 26]])
    );
    assert_eq!(first["section"], records[0].section.as_str());
    assert!(
        first["note"]
            .as_str()
            .unwrap()
            .starts_with("minquan-2023.txt:8")
    );
    assert_eq!(first["abstract"], records[0].text.trim());
    assert_eq!(
        items[2]["issued"]["date-parts"],
        serde_json::json!([[2023]])
    );
    assert_eq!(items[2]["author"][0]["literal"], "濮阳市人民政府");
    let ids: std::collections::HashSet<_> = items.iter().map(|i| i["id"].clone()).collect();
    assert_eq!(ids.len(), items.len(), "ids are unique");
}

/// A BibTeX entry as read back: its type, key and fields in order.
type Entry = (String, String, Vec<(String, String)>);

/// A minimal BibTeX reader for the round trip: `@type{key, name = {value}, …}` with nested
/// braces, LaTeX escapes undone.
fn parse_bibtex(text: &str) -> Vec<Entry> {
    let mut entries = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find('@') {
        rest = &rest[at + 1..];
        let open = rest.find('{').expect("entry opens");
        let kind = rest[..open].to_string();
        rest = &rest[open + 1..];
        let comma = rest.find(',').expect("key ends");
        let key = rest[..comma].trim().to_string();
        rest = &rest[comma + 1..];
        let mut fields = Vec::new();
        loop {
            rest = rest.trim_start();
            if let Some(after) = rest.strip_prefix('}') {
                rest = after;
                break;
            }
            let eq = rest.find('=').expect("field has =");
            let name = rest[..eq].trim().to_string();
            rest = rest[eq + 1..].trim_start();
            assert!(rest.starts_with('{'), "braced value: {rest}");
            let (mut depth, mut value, mut chars) = (0, String::new(), rest.char_indices());
            let mut end = 0;
            while let Some((i, c)) = chars.next() {
                match c {
                    '\\' => {
                        let (_, next) = chars.next().unwrap();
                        if next.is_ascii_alphabetic() {
                            let mut word = String::from(next);
                            for (_, c) in chars.by_ref() {
                                if c == '{' {
                                    break;
                                }
                                word.push(c);
                            }
                            chars.next(); // the closing brace of `{}`
                            value.push(match word.as_str() {
                                "textbackslash" => '\\',
                                "textasciitilde" => '~',
                                "textasciicircum" => '^',
                                other => panic!("unknown command {other}"),
                            });
                        } else {
                            value.push(next);
                        }
                    }
                    '{' => {
                        if depth > 0 {
                            value.push(c);
                        }
                        depth += 1;
                    }
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = i + 1;
                            break;
                        }
                        value.push(c);
                    }
                    c => value.push(c),
                }
            }
            rest = rest[end..].trim_start();
            rest = rest.strip_prefix(',').unwrap_or(rest);
            fields.push((name, value));
        }
        entries.push((kind, key, fields));
    }
    entries
}

#[test]
fn bibtex_round_trips_through_a_reader() {
    let (reports, marks) = sample();
    let figures: Vec<_> = reports.iter().map(figures::extract).collect();
    let mut records = export::records(&marks, &reports, &figures);
    records[1].note = "special {braces} 50% & $ # _ ~ ^ \\ here".into();
    let bib = export::render(Format::Bib, &records);
    let entries = parse_bibtex(&bib);
    assert_eq!(entries.len(), records.len());
    let field = |entry: usize, name: &str| {
        entries[entry]
            .2
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    };
    assert_eq!(entries[0].0, "techreport");
    assert_eq!(entries[0].1, "minquan-2023:8");
    assert_eq!(field(0, "author").as_deref(), Some("{王静娴}"));
    assert_eq!(field(0, "title").as_deref(), Some("政府工作报告"));
    assert_eq!(field(0, "institution").as_deref(), Some("民权县人民政府"));
    assert_eq!(field(0, "date").as_deref(), Some("2023-06-26"));
    assert_eq!(
        field(0, "eventtitle").as_deref(),
        Some("民权县第十六届人民代表大会第三次会议")
    );
    assert_eq!(
        field(0, "abstract").as_deref(),
        Some(records[0].text.trim())
    );
    assert_eq!(
        field(1, "annote").as_deref(),
        Some(records[1].note.as_str())
    );
    assert_eq!(field(2, "author").as_deref(), Some("{濮阳市人民政府}"));
    assert_eq!(field(2, "year").as_deref(), Some("2023"));
}

#[test]
fn cli_export_refuses_a_marks_file_that_does_not_exist() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no-such-marks.json");
    let run = baogao(&["export", "--format", "bib"], &missing);
    assert!(!run.status.success(), "{run:?}");
    assert!(run.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("no marks file") && stderr.contains("no-such-marks.json"),
        "{stderr}"
    );
    assert!(!missing.exists(), "nothing created");
}
