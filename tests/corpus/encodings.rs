//! Re-encoded copies of the bundled reports — GB18030, UTF-16 LE and BE with BOM, UTF-8 with
//! BOM, CRLF and CR-only line ends — written to disk and loaded from there give the same
//! outline, metadata and glossary as the originals, with the same line numbers.

use std::path::{Path, PathBuf};

use baogao::corpus::{Report, embedded, load_embedded, load_paths};

/// What must not change with the encoding: sections (title, level, 1-based line, parent),
/// metadata, glossary, line count and the kind of every line.
fn shape(report: &Report) -> String {
    let sections: Vec<String> = report
        .sections
        .iter()
        .map(|s| format!("{}|{}|{}|{:?}", s.title, s.level, s.line + 1, s.parent))
        .collect();
    let kinds: Vec<_> = report.lines.iter().map(|l| l.kind).collect();
    format!(
        "{sections:?}\n{:?}\n{:?}\n{}\n{kinds:?}\n{:?}",
        report.meta,
        report.glossary,
        report.lines.len(),
        report.warnings
    )
}

/// A copy's directory name, the encoding it must be read as, and how to write it.
type Variant = (&'static str, &'static str, fn(&str) -> Vec<u8>);

fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut bytes = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        bytes.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    bytes
}

#[test]
fn every_encoding_gives_the_same_outline() {
    let originals = load_embedded().reports;
    let dir = tempfile::tempdir().unwrap();
    let variants: [Variant; 8] = [
        ("gb18030", "GB18030", |t| {
            encoding_rs::GB18030.encode(t).0.into_owned()
        }),
        ("utf16le", "UTF-16LE", |t| utf16(t, false)),
        ("utf16be", "UTF-16BE", |t| utf16(t, true)),
        ("utf16le-nobom", "UTF-16LE", |t| {
            utf16(t, false)[2..].to_vec()
        }),
        ("utf16be-nobom", "UTF-16BE", |t| {
            utf16(t, true)[2..].to_vec()
        }),
        ("utf8bom", "UTF-8", |t| {
            let mut b = b"\xEF\xBB\xBF".to_vec();
            b.extend_from_slice(t.as_bytes());
            b
        }),
        ("crlf", "UTF-8", |t| t.replace('\n', "\r\n").into_bytes()),
        ("cr", "UTF-8", |t| t.replace('\n', "\r").into_bytes()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in embedded::REPORTS {
        let text = std::str::from_utf8(bytes).unwrap();
        for (variant, _, encode) in &variants {
            let sub = dir.path().join(variant);
            std::fs::create_dir_all(&sub).unwrap();
            let path = sub.join(name);
            std::fs::write(&path, encode(text)).unwrap();
            paths.push(path);
        }
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    assert_eq!(corpus.reports.len(), originals.len() * variants.len());
    for original in &originals {
        for (variant, encoding, _) in &variants {
            let path: PathBuf = dir.path().join(variant).join(&original.file);
            let copy = corpus
                .reports
                .iter()
                .find(|r| r.path.as_deref() == Some(path.as_path()))
                .unwrap_or_else(|| panic!("{} not loaded", path.display()));
            assert_eq!(copy.encoding, *encoding, "{}", path.display());
            assert_eq!(copy.file, original.file);
            assert_eq!(shape(copy), shape(original), "{}", path.display());
            assert_eq!(copy.text, original.text, "{}", path.display());
        }
    }
}

#[test]
fn files_come_back_sorted_whatever_order_they_were_written_in() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["b.txt", "a/z.txt", "c.TXT", "a/y.txt", "notes.md"] {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, "政府工作报告\n一、工作回顾\n正文。\n").unwrap();
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    let names: Vec<String> = corpus
        .reports
        .iter()
        .map(|r| {
            r.path
                .as_ref()
                .unwrap()
                .strip_prefix(dir.path())
                .unwrap()
                .display()
                .to_string()
        })
        .collect();
    assert_eq!(names, ["a/y.txt", "a/z.txt", "b.txt", "c.TXT"]);
}

#[test]
fn a_sidecar_overrides_inferred_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("minquan-2023.txt");
    std::fs::write(&report, embedded::REPORTS[1].1).unwrap();
    std::fs::write(
        dir.path().join("minquan-2023.meta.json"),
        r#"{"speaker": "某某", "year": 2024}"#,
    )
    .unwrap();
    let loaded = load_paths(std::slice::from_ref(&report));
    let meta = &loaded.reports[0].meta;
    assert_eq!(meta.speaker.as_deref(), Some("某某"));
    assert_eq!(meta.year, Some(2024));
    assert_eq!(
        meta.region.as_deref(),
        Some("民权县"),
        "fields it does not set stay"
    );
    std::fs::write(dir.path().join("minquan-2023.meta.json"), "{not json").unwrap();
    let loaded = load_paths(&[report]);
    assert_eq!(loaded.reports[0].meta.speaker.as_deref(), Some("王静娴"));
    assert!(
        loaded.reports[0]
            .warnings
            .iter()
            .any(|w| w.contains("minquan-2023.meta.json") && w.contains("not valid")),
        "{:?}",
        loaded.reports[0].warnings
    );
}

#[test]
fn big5_copies_of_real_reports_are_read_as_big5_and_gb18030_files_stay_gb18030() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in embedded::REPORTS {
        let text = std::str::from_utf8(bytes).unwrap();
        // Simplified characters Big5 lacks become `&#NNNN;`: still Big5, as such files are.
        let (big5, _, _) = encoding_rs::BIG5.encode(text);
        std::fs::write(dir.path().join(name), &big5).unwrap();
    }
    let corpus = load_paths(&[dir.path().to_path_buf()]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    assert_eq!(corpus.reports.len(), embedded::REPORTS.len());
    for report in &corpus.reports {
        assert_eq!(report.encoding, "Big5", "{}", report.file);
        assert!(report.text.contains("政府工作"), "{}", report.file);
    }
    let hailaer = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus/hailaer");
    let real = load_paths(&[hailaer]);
    assert!(real.reports.len() >= 6);
    assert!(real.reports.iter().all(|r| r.encoding == "GB18030"));
}
