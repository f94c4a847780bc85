//! `baogao search` run as a user runs it: the real binary over the bundled reports and over
//! files on disk, checked against the report files themselves.

use crate::run::baogao;
use std::path::Path;

fn report_lines(file: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("assets/reports")
        .join(file);
    std::fs::read_to_string(path)
        .expect("bundled report is UTF-8")
        .lines()
        .map(str::to_string)
        .collect()
}

#[test]
fn every_hit_points_at_the_pattern_in_the_original_file() {
    let output = baogao(&["search", "生产总值"]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut hits = 0;
    for line in stdout.lines() {
        let mut parts = line.splitn(4, ':');
        let (file, number, col) = (
            parts.next().unwrap(),
            parts.next().unwrap(),
            parts.next().unwrap(),
        );
        let number: usize = number.parse().expect("a line number");
        let col: usize = col.parse().expect("a column");
        let text = &report_lines(file)[number - 1];
        let at: String = text.chars().skip(col - 1).take(4).collect();
        assert_eq!(at, "生产总值", "{line}");
        hits += 1;
    }
    // Every occurrence in the bundled files is reading text, so every one must be found.
    let expected: usize =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports"))
            .unwrap()
            .map(|entry| {
                std::fs::read_to_string(entry.unwrap().path())
                    .unwrap()
                    .matches("生产总值")
                    .count()
            })
            .sum();
    assert!(expected > 10);
    assert_eq!(hits, expected);
}

#[test]
fn count_and_exit_status_follow_grep() {
    let count = baogao(&["search", "--count", "高质量发展"]);
    assert!(count.status.success());
    let n: usize = String::from_utf8(count.stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    assert!(n > 0);

    let none = baogao(&["search", "这个词不会出现在任何报告里"]);
    assert_eq!(none.status.code(), Some(1));
    assert!(none.stdout.is_empty());

    let invalid = baogao(&["search", "增长("]);
    assert_eq!(invalid.status.code(), Some(2));
    let stderr = String::from_utf8(invalid.stderr).unwrap();
    assert!(stderr.contains("invalid pattern"), "{stderr}");

    let literal = baogao(&["search", "-F", "(一)"]);
    assert!(literal.status.code().is_some_and(|c| c <= 1), "{literal:?}");
}

#[test]
fn searches_files_on_disk_and_names_them_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("test-2024.txt");
    std::fs::write(&path, "一、工作回顾\n地区生产总值增长6.5%。\n").unwrap();
    let output = baogao(&["search", r"\d+\.\d%", path.to_str().unwrap()]);
    assert!(output.status.success(), "{output:?}");
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        stdout,
        format!("{}:2:9: 地区生产总值增长6.5%。\n", path.display())
    );
}

/// The command reads each file and cleans only the lines with a match; the browser loads and
/// parses every report first. On generated reports (a tenth GB18030, a tenth CRLF) and files
/// that cannot be read, both must print the same hits and the same errors.
#[test]
fn the_command_finds_what_the_loaded_corpus_finds() {
    use baogao::corpus::{load_paths, search};
    let dir = tempfile::tempdir().unwrap();
    for report in baogao::corpus::synthetic::generate(3_000_000, 11) {
        let path = dir.path().join(&report.name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, report.bytes).unwrap();
    }
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("binary.txt"), [0u8, 159, 146, 150, 0, 1]).unwrap();
    let mut damaged = "一、工作回顾\n生产总值增长5%。\n".as_bytes().to_vec();
    damaged.extend_from_slice(b"\xff\xfe");
    damaged.extend_from_slice("生产总值增长6%。\n".repeat(200).as_bytes());
    std::fs::write(dir.path().join("damaged.txt"), damaged).unwrap();
    let missing = dir.path().join("missing.txt");
    let paths = [dir.path().to_path_buf(), missing.clone()];

    for pattern in [
        "生产总值[^，。]*增长[0-9.]+%",
        r"\d+",
        "工作",
        "来源|责任编辑",
    ] {
        let output = baogao(&[
            "search",
            "-C",
            "1000000",
            pattern,
            dir.path().to_str().unwrap(),
            missing.to_str().unwrap(),
        ]);
        let corpus = load_paths(&paths);
        let query = search::Query::new(pattern).unwrap();
        let mut expected = String::new();
        for hit in search::search(&corpus, &query) {
            let report = &corpus.reports[hit.report];
            let line = &report.text[report.lines[hit.line].content.clone()];
            let name = report.path.as_ref().unwrap().display();
            expected.push_str(&format!(
                "{name}:{}:{}: {line}\n",
                hit.line + 1,
                hit.col + 1
            ));
        }
        let errors: String = corpus
            .errors
            .iter()
            .map(|error| format!("baogao: {error}\n"))
            .collect();
        assert_eq!(
            String::from_utf8(output.stdout).unwrap(),
            expected,
            "{pattern}"
        );
        assert_eq!(
            String::from_utf8(output.stderr).unwrap(),
            errors,
            "{pattern}"
        );
        assert_eq!(corpus.errors.len(), 4, "{errors}");
        assert!(
            expected.lines().count() > 20 || pattern.contains("来源"),
            "{pattern}"
        );
    }
}

/// The hits `baogao search --no-heading ARGS` prints, as (file, line, column, text).
fn flat(args: &[&str]) -> Vec<(String, usize, usize, String)> {
    let output = baogao(&[&["search", "--no-heading"], args].concat());
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|line| {
            let mut parts = line.splitn(4, ':');
            let file = parts.next().unwrap().to_string();
            let number = parts.next().unwrap().parse().unwrap();
            let col = parts.next().unwrap().parse().unwrap();
            let text = parts.next().unwrap().strip_prefix(' ').unwrap().to_string();
            (file, number, col, text)
        })
        .collect()
}

#[test]
fn each_hit_shows_a_window_of_its_paragraph_and_c_widens_it() {
    let narrow = flat(&["-C", "5", "生产总值"]);
    let wide = flat(&["-C", "40", "生产总值"]);
    assert_eq!(narrow.len(), wide.len());
    let mut cut = 0;
    for ((file, number, col, text), (_, _, _, wider)) in narrow.iter().zip(&wide) {
        let line = &report_lines(file)[number - 1];
        // At most 5 characters either side, and `…` where the paragraph goes on.
        let inner = text.trim_start_matches('…').trim_end_matches('…');
        assert!(inner.chars().count() <= 5 + 4 + 5, "{text}");
        assert!(line.contains(inner), "{text} not in {file}:{number}");
        let hit: String = line.chars().skip(col - 1).take(4).collect();
        assert_eq!(hit, "生产总值");
        assert!(inner.contains("生产总值"));
        if text.ends_with('…') {
            cut += 1;
        }
        let wider_inner = wider.trim_start_matches('…').trim_end_matches('…');
        assert!(wider_inner.contains(inner), "{wider} widens {text}");
        assert!(wider_inner.chars().count() <= 40 + 4 + 40);
    }
    assert!(cut > 10, "long paragraphs are cut: {cut}");
    // The longest paragraph of the bundled reports is shown in full only when asked.
    let longest = report_lines("minquan-2023.txt")
        .into_iter()
        .map(|l| l.chars().count())
        .max()
        .unwrap();
    assert!(longest > 500);
    let full = flat(&[
        "-C",
        "100000",
        "生产总值",
        "assets/reports/minquan-2023.txt",
    ]);
    assert!(full.iter().all(|(_, _, _, t)| !t.contains('…')));
}

#[test]
fn with_headings_hits_are_grouped_by_file_and_near_hits_share_a_window() {
    let output = baogao(&["search", "--heading", "-C", "6", "增长"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let hits = flat(&["-C", "6", "增长"]);
    let mut files: Vec<&str> = hits.iter().map(|h| h.0.as_str()).collect();
    files.dedup();
    // Each file is named once, alone on its line, before its hits; files apart by a blank line.
    let groups: Vec<&str> = stdout.split("\n\n").collect();
    assert_eq!(groups.len(), files.len());
    let mut printed = 0;
    for (group, file) in groups.iter().zip(&files) {
        let mut lines = group.lines();
        assert_eq!(lines.next(), Some(*file));
        for line in lines {
            let number: usize = line.split(':').next().unwrap().parse().unwrap();
            assert!(hits.iter().any(|h| h.0 == *file && h.1 == number), "{line}");
            assert!(line.contains("增长"));
            printed += 1;
        }
    }
    // Every paragraph with a hit is shown, hits close together once, not once per hit.
    let paragraphs: std::collections::BTreeSet<_> = hits.iter().map(|h| (&h.0, h.1)).collect();
    assert!(printed >= paragraphs.len());
    assert!(
        printed < hits.len(),
        "{printed} windows for {} hits",
        hits.len()
    );
}

#[test]
fn json_lines_give_the_match_and_its_context() {
    let output = baogao(&["search", "--json", r"\d+(\.\d+)?%"]);
    assert!(output.status.success());
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut n = 0;
    for line in stdout.lines() {
        let hit: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = &report_lines(hit["file"].as_str().unwrap())
            [hit["line"].as_u64().unwrap() as usize - 1];
        let matched = hit["match"].as_str().unwrap();
        assert!(matched.ends_with('%'), "{line}");
        let col = hit["column"].as_u64().unwrap() as usize;
        let at: String = text
            .chars()
            .skip(col - 1)
            .take(matched.chars().count())
            .collect();
        assert_eq!(at, matched);
        let window = format!(
            "{}{matched}{}",
            hit["before"].as_str().unwrap(),
            hit["after"].as_str().unwrap()
        );
        assert!(text.contains(&window), "{line}");
        n += 1;
    }
    assert_eq!(n, flat(&[r"\d+(\.\d+)?%"]).len());
}

#[test]
fn matches_are_highlighted_only_when_colour_is_on_and_report_text_stays_escaped() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile-2024.txt");
    std::fs::write(&path, "一、工作回顾\n生产总值\u{1b}[2J增长6.5%。\n").unwrap();
    let path = path.to_str().unwrap();
    let coloured = baogao(&["search", "--color", "always", "生产总值", path]);
    let stdout = String::from_utf8(coloured.stdout).unwrap();
    assert!(
        stdout.contains("\u{1b}[1;31m生产总值\u{1b}[0m"),
        "{stdout:?}"
    );
    assert!(stdout.contains("\\u{1b}[2J"), "{stdout:?}");
    assert!(!stdout.contains("\u{1b}[2J"), "{stdout:?}");
    // Piped, with no --color: no colour at all.
    let plain = baogao(&["search", "生产总值", path]);
    assert!(!plain.stdout.contains(&0x1b), "{plain:?}");
}
