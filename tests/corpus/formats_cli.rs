//! Word files and web pages through the built binary: every subcommand reads a `.docx` as it
//! reads the text made from it, directories are searched for `.docx`, `.html` and `.htm`, and
//! each damaged Word file or page gets one clear stderr line naming it while the rest load.

use std::io::Write;
use std::path::{Path, PathBuf};

use zip::write::SimpleFileOptions;

fn corpus_file(dir: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/corpus")
        .join(dir)
        .join(name)
}

struct Run {
    success: bool,
    stdout: String,
    stderr: Vec<String>,
}

fn baogao(args: &[&str], paths: &[&Path]) -> Run {
    let output = crate::run::command()
        .args(args)
        .args(paths)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "{stderr}");
    Run {
        success: output.status.success(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: stderr.lines().map(str::to_string).collect(),
    }
}

/// `args` run on `path`, with its path and file name written `F`.
fn output_on(args: &[&str], path: &Path) -> String {
    let run = baogao(args, &[path]);
    assert!(
        run.success && run.stderr.is_empty(),
        "{args:?}: {:?}",
        run.stderr
    );
    let name = path.file_name().unwrap().to_str().unwrap();
    run.stdout
        .replace(path.to_str().unwrap(), "F")
        .replace(name, "F")
        .lines()
        .filter(|line| !line.contains("\"encoding\""))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_subcommand_reads_a_word_file_as_its_text() {
    let word = corpus_file("provinces-2025-docx", "2025年云南省政府工作报告.docx");
    let text = corpus_file("provinces-2025", "云南省_2025.txt");
    let commands: [&[&str]; 5] = [
        &["outline", "--format", "json"],
        &["search", "生产总值"],
        &["figures", "--format", "csv"],
        &["glossary"],
        &["compare", "生产总值", "--format", "csv"],
    ];
    for args in commands {
        let from_word = output_on(args, &word);
        assert!(from_word.lines().count() > 1, "{args:?}: {from_word}");
        assert_eq!(from_word, output_on(args, &text), "{args:?}");
    }
}

/// A Word file holding `parts`.
fn zipped(parts: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default().compression_level(Some(1));
    for (name, content) in parts {
        zip.start_file(*name, options).unwrap();
        zip.write_all(content).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

const DOCUMENT_START: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#;

/// The bad Word files and pages: (file name, bytes, what its stderr line must say).
fn bad_files() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let real = std::fs::read(corpus_file(
        "provinces-2025-docx",
        "2025年河北省政府工作报告.docx",
    ))
    .unwrap();
    let broken =
        format!("{DOCUMENT_START}<w:p><w:r><w:t>一、总体要求</w:t></w:p></w:body></w:document>");
    let mut bomb = format!("{DOCUMENT_START}<w:p><w:r><w:t>正文</w:t></w:r></w:p>").into_bytes();
    bomb.resize(bomb.len() + (65 << 20), b' ');
    let mut junk = b"<html><head><meta charset=\"x-no-such-charset\"></head>".to_vec();
    junk.extend((0..=255u8).cycle().take(2048));
    vec![
        (
            "truncated.docx",
            real[..real.len() / 2].to_vec(),
            "damaged Word file",
        ),
        (
            "renamed.docx",
            "一、总体要求\n正文。\n".as_bytes().to_vec(),
            "not a Word file",
        ),
        (
            "no-document.docx",
            zipped(&[("word/styles.xml", b"<w:styles/>")]),
            "has no word/document.xml",
        ),
        (
            "broken-xml.docx",
            zipped(&[("word/document.xml", broken.as_bytes())]),
            "broken XML",
        ),
        (
            "bomb.docx",
            zipped(&[("word/document.xml", &bomb)]),
            "too large",
        ),
        (
            "scan.html",
            (0..=255u8).cycle().take(4096).collect(),
            "binary file",
        ),
        ("junk.htm", junk, "unknown charset \"x-no-such-charset\""),
        (
            "nested.html",
            format!("<p>一、总体要求</p>{}", "<div>".repeat(200_000)).into_bytes(),
            "nested more than 1000 elements deep",
        ),
        (
            "menu-only.html",
            b"<html><body><nav>\xE9\xA6\x96\xE9\xA1\xB5</nav><script>x()</script></body></html>"
                .to_vec(),
            "no text",
        ),
    ]
}

#[test]
fn each_bad_file_is_one_line_naming_it_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    let good_text = corpus_file("provinces-2025", "河北省_2025.txt");
    std::fs::copy(&good_text, dir.path().join("河北省.txt")).unwrap();
    let good_word = corpus_file("provinces-2025-docx", "2025年河北省政府工作报告.docx");
    std::fs::copy(&good_word, dir.path().join("河北省.docx")).unwrap();
    let page = std::fs::read_to_string(&good_text).unwrap();
    let page: String = page.lines().map(|l| format!("<p>{l}</p>\n")).collect();
    std::fs::write(dir.path().join("河北省.html"), page).unwrap();
    let bad = bad_files();
    for (name, bytes, _) in &bad {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let run = baogao(&["outline", "--format", "json"], &[dir.path()]);
    assert!(run.success);
    assert_eq!(run.stderr.len(), bad.len(), "{:#?}", run.stderr);
    for (name, _, reason) in &bad {
        let line = run
            .stderr
            .iter()
            .find(|line| line.contains(name))
            .unwrap_or_else(|| panic!("no line names {name}: {:#?}", run.stderr));
        assert!(line.starts_with("baogao: "), "{line}");
        assert!(line.contains(reason), "{line} should say {reason}");
    }
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let files: Vec<&str> = reports
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["河北省.docx", "河北省.html", "河北省.txt"]);
    let sections = |i: usize| reports[i]["sections"].to_string();
    assert_eq!(sections(0), sections(2));
    assert_eq!(sections(1).len(), sections(2).len());
}

#[test]
fn a_page_in_an_unknown_charset_that_is_still_text_loads_with_a_note() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("odd.html");
    let html = "<meta charset=\"x-odd\"><p>一、总体要求</p><p>全市生产总值增长5%。</p>";
    std::fs::write(&page, html).unwrap();
    let run = baogao(&["outline", "--format", "json"], &[&page]);
    assert!(run.success);
    assert_eq!(run.stderr.len(), 1, "{:?}", run.stderr);
    assert!(run.stderr[0].contains("odd.html: unknown charset \"x-odd\" declared; read as UTF-8"));
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(reports[0]["sections"][0]["title"], "一、总体要求");
    assert!(
        reports[0]["warnings"][0]
            .as_str()
            .unwrap()
            .contains("x-odd")
    );
}

#[test]
fn a_directory_of_word_files_is_read() {
    let dir = corpus_file("provinces-2025-docx", "");
    let run = baogao(&["search", "-c", "生产总值"], &[&dir]);
    assert!(run.success && run.stderr.is_empty(), "{:?}", run.stderr);
    let text_dir = corpus_file("provinces-2025", "");
    let from_text = baogao(&["search", "-c", "生产总值"], &[&text_dir]);
    assert!(run.stdout.trim().parse::<usize>().unwrap() > 23);
    assert_eq!(run.stdout, from_text.stdout);
}

#[test]
fn a_file_given_by_name_is_read_as_what_its_bytes_are() {
    let dir = tempfile::tempdir().unwrap();
    // Sites often serve a saved page, or RTF, as `.doc`.
    let page = dir.path().join("page.doc");
    std::fs::write(
        &page,
        "<html><body><p>一、总体要求</p><p>全市生产总值增长5%。</p></body></html>",
    )
    .unwrap();
    let rtf = dir.path().join("rich.doc");
    std::fs::write(&rtf, "{\\rtf1\\ansi{\\fonttbl}\\par}").unwrap();
    let old = dir.path().join("old.doc");
    std::fs::write(&old, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let run = baogao(&["outline", "--format", "json"], &[&page, &rtf, &old]);
    assert!(run.success);
    assert_eq!(run.stderr.len(), 2, "{:?}", run.stderr);
    assert!(
        run.stderr[0].contains("rich.doc: an RTF document"),
        "{}",
        run.stderr[0]
    );
    assert!(run.stderr[1].contains("old.doc: not a readable .docx: a Word 97–2003 .doc file"));
    let reports: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(reports[0]["file"], "page.doc");
    assert_eq!(reports[0]["sections"][0]["title"], "一、总体要求");
}
