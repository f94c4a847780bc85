//! The bad-input matrix, run through the built binary: each bad input gets one clear stderr line
//! naming the file and the reason, the good report beside it still loads, and the exit status is
//! non-zero only when nothing loaded.

use std::path::{Path, PathBuf};
use std::process::Command;

use baogao::corpus::embedded;

struct Run {
    success: bool,
    stderr: Vec<String>,
    reports: Vec<serde_json::Value>,
}

fn outline(paths: &[&Path]) -> Run {
    let output = crate::run::command()
        .args(["outline", "--format", "json"])
        .args(paths)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    let reports: serde_json::Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("stdout is not JSON ({e}); stderr: {stderr}"));
    Run {
        success: output.status.success(),
        stderr: stderr.lines().map(str::to_string).collect(),
        reports: reports.as_array().unwrap().clone(),
    }
}

/// A directory holding one good report (minquan-2023.txt).
fn with_good_report() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let good = dir.path().join("minquan-2023.txt");
    std::fs::write(&good, embedded::REPORTS[1].1).unwrap();
    (dir, good)
}

/// Run on the good report and `bad`; expect exactly one stderr line naming `bad` and saying
/// `reason`, and the good report loaded.
fn expect_one_error(good: &Path, bad: &Path, reason: &str) -> Run {
    let run = outline(&[good, bad]);
    assert_eq!(run.stderr.len(), 1, "{:?}", run.stderr);
    let line = &run.stderr[0];
    let name = bad.file_name().unwrap().to_string_lossy();
    assert!(line.starts_with("baogao: "), "{line}");
    assert!(line.contains(&*name), "{line} should name {name}");
    assert!(line.contains(reason), "{line} should say {reason}");
    assert!(
        run.success,
        "a report loaded, so the exit status is success"
    );
    assert!(
        run.reports.iter().any(|r| r["file"] == "minquan-2023.txt"),
        "the good report still loads"
    );
    run
}

#[test]
fn a_path_that_does_not_exist() {
    let (dir, good) = with_good_report();
    let run = expect_one_error(
        &good,
        &dir.path().join("missing.txt"),
        "no such file or directory",
    );
    assert_eq!(run.reports.len(), 1);
}

#[test]
fn a_directory_with_no_reports() {
    let (dir, good) = with_good_report();
    let empty = dir.path().join("empty-dir");
    std::fs::create_dir(&empty).unwrap();
    std::fs::write(empty.join("notes.md"), "not a report").unwrap();
    expect_one_error(&good, &empty, "no reports here");
}

#[test]
fn an_empty_file_and_a_blank_one() {
    let (dir, good) = with_good_report();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    expect_one_error(&good, &empty, "empty file");
    let blank = dir.path().join("blank.txt");
    std::fs::write(&blank, " \r\n\n\t\n").unwrap();
    expect_one_error(&good, &blank, "empty file");
}

#[test]
fn a_binary_file() {
    let (dir, good) = with_good_report();
    let binary = dir.path().join("scan.txt");
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend((0..=255u8).cycle().take(4096));
    std::fs::write(&binary, bytes).unwrap();
    expect_one_error(&good, &binary, "binary file");
}

#[test]
fn bytes_in_no_supported_encoding() {
    let (dir, good) = with_good_report();
    let bad = dir.path().join("garbled.txt");
    std::fs::write(&bad, b"report \xFF\xFF\xFE\xFF text \xFF\x80\xFF").unwrap();
    expect_one_error(&good, &bad, "not text in a supported encoding");
}

#[test]
fn invalid_bytes_in_the_middle_of_utf8_are_replaced_and_reported() {
    let (dir, good) = with_good_report();
    let damaged = dir.path().join("damaged.txt");
    let text = std::str::from_utf8(embedded::REPORTS[4].1).unwrap();
    // Damage the start of line 30 (xunxian-2021.txt).
    let at = text.match_indices('\n').nth(28).unwrap().0 + 1;
    let mut bytes = text.as_bytes().to_vec();
    bytes.splice(at..at, [0xC3, 0x28, 0xFF]);
    std::fs::write(&damaged, bytes).unwrap();
    let run = expect_one_error(&good, &damaged, "replaced by U+FFFD, the first on line 30");
    let copy = run
        .reports
        .iter()
        .find(|r| r["file"] == "damaged.txt")
        .expect("the damaged report still loads");
    assert_eq!(copy["region"], "浚县");
    assert_eq!(copy["sections"].as_array().unwrap().len(), 3);
    assert!(copy["warnings"][0].as_str().unwrap().contains("U+FFFD"));
}

#[cfg(unix)]
#[test]
fn an_unreadable_file() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, good) = with_good_report();
    let locked = dir.path().join("locked.txt");
    std::fs::write(&locked, embedded::REPORTS[0].1).unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        // Running as root: mode 000 does not stop root's reads, so as root the file honestly
        // loads. The refusal is then checked by running the binary as `nobody` (setpriv), where
        // that is possible.
        let run = outline(&[&good, &locked]);
        assert!(run.stderr.is_empty(), "{:?}", run.stderr);
        assert_eq!(run.reports.len(), 2);
        std::fs::set_permissions(dir.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
        let as_nobody = Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(env!("CARGO_BIN_EXE_baogao"))
            .args(["outline", "--format", "json"])
            .args([&good, &locked])
            .output();
        match as_nobody {
            Ok(output) if output.status.success() => {
                let stderr = String::from_utf8_lossy(&output.stderr);
                let lines: Vec<&str> = stderr.lines().collect();
                assert_eq!(lines.len(), 1, "{stderr}");
                assert!(
                    lines[0].contains("locked.txt: permission denied"),
                    "{stderr}"
                );
                let reports: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
                assert_eq!(reports.as_array().unwrap().len(), 1);
            }
            other => eprintln!("note: cannot drop privileges to test the refusal: {other:?}"),
        }
    } else {
        expect_one_error(&good, &locked, "permission denied");
    }
    // A directory that cannot be listed fails the same way, whoever runs the test, when it is
    // not a directory at all: a path through a file.
    let through_file = good.join("inner.txt");
    let run = outline(&[&good, &through_file]);
    assert_eq!(run.stderr.len(), 1, "{:?}", run.stderr);
    assert!(run.stderr[0].contains("inner.txt"), "{:?}", run.stderr);
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o644)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_in_a_directory() {
    let (dir, good) = with_good_report();
    let tree = dir.path().join("tree");
    std::fs::create_dir_all(tree.join("sub")).unwrap();
    std::fs::write(tree.join("sub/report.txt"), embedded::REPORTS[3].1).unwrap();
    std::os::unix::fs::symlink(&tree, tree.join("sub/back")).unwrap();
    let run = outline(&[&good, &tree]);
    assert_eq!(run.stderr.len(), 1, "{:?}", run.stderr);
    assert!(run.stderr[0].contains("sub/back"), "{}", run.stderr[0]);
    assert!(run.stderr[0].contains("symlink loop"), "{}", run.stderr[0]);
    assert_eq!(
        run.reports.len(),
        2,
        "the report inside the loop is read once"
    );
    // A link to itself cannot even be resolved.
    let selfish = dir.path().join("self.txt");
    std::os::unix::fs::symlink(&selfish, &selfish).unwrap();
    expect_one_error(&good, &selfish, "symbolic links");
}

#[test]
fn a_20_mb_single_line() {
    let (dir, good) = with_good_report();
    let long = dir.path().join("long.txt");
    let line = "一、推动高质量发展。".repeat(20_000_000 / 30 + 1);
    std::fs::write(&long, &line).unwrap();
    let run = outline(&[&good, &long]);
    assert!(run.stderr.is_empty(), "{:?}", run.stderr);
    let report = run
        .reports
        .iter()
        .find(|r| r["file"] == "long.txt")
        .unwrap();
    assert_eq!(report["sections"][0]["title"], "一、推动高质量发展");
    assert!(
        report["warnings"][0]
            .as_str()
            .unwrap()
            .contains("line 1 is 20.0 MB long")
    );
}

#[test]
fn a_directory_of_10000_tiny_files() {
    let (dir, good) = with_good_report();
    let many = dir.path().join("many");
    std::fs::create_dir(&many).unwrap();
    for i in 0..10_000 {
        std::fs::write(
            many.join(format!("{i:05}.txt")),
            format!("政府工作报告\n一、第{i}号\n"),
        )
        .unwrap();
    }
    let run = outline(&[&good, &many]);
    assert!(run.stderr.is_empty(), "{:?}", run.stderr);
    assert_eq!(run.reports.len(), 10_001);
    assert_eq!(run.reports[1]["file"], "00000.txt");
    assert_eq!(run.reports[10_000]["sections"][0]["title"], "一、第9999号");
}

#[test]
fn supported_encodings_and_line_ends_load_without_complaint() {
    let dir = tempfile::tempdir().unwrap();
    let text = std::str::from_utf8(embedded::REPORTS[2].1).unwrap();
    let mut le = vec![0xFF, 0xFE];
    le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let mut be = vec![0xFE, 0xFF];
    be.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let files: [(&str, Vec<u8>); 6] = [
        ("bom.txt", bom),
        ("cr.txt", text.replace('\n', "\r").into_bytes()),
        ("crlf.txt", text.replace('\n', "\r\n").into_bytes()),
        (
            "gb18030.txt",
            encoding_rs::GB18030.encode(text).0.into_owned(),
        ),
        ("utf16be.txt", be),
        ("utf16le.txt", le),
    ];
    for (name, bytes) in &files {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let run = outline(&[dir.path()]);
    assert!(run.stderr.is_empty(), "{:?}", run.stderr);
    assert_eq!(run.reports.len(), 6);
    for report in &run.reports {
        assert_eq!(report["region"], "濮阳市", "{}", report["file"]);
        assert_eq!(report["sections"][0]["line"], 7, "{}", report["file"]);
    }
    let encodings: Vec<&str> = run
        .reports
        .iter()
        .map(|r| r["encoding"].as_str().unwrap())
        .collect();
    assert_eq!(
        encodings,
        ["UTF-8", "UTF-8", "UTF-8", "GB18030", "UTF-16BE", "UTF-16LE"]
    );
}

#[test]
fn nothing_loaded_means_failure_with_a_line_per_input() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let missing = dir.path().join("missing.txt");
    let run = outline(&[&empty, &missing]);
    assert!(!run.success);
    assert!(run.reports.is_empty());
    assert_eq!(run.stderr.len(), 2, "{:?}", run.stderr);
    assert!(run.stderr[0].contains("empty.txt: empty file"));
    assert!(run.stderr[1].contains("missing.txt: no such file or directory"));
}
