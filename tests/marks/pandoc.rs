//! The BibTeX and CSL-JSON exports read by a citation processor as Zotero reads them: marks in
//! every bundled report are exported by the real binary and pandoc (`--citeproc`) renders a
//! bibliography from each file, which must name each report's place, title and year.
//!
//! Needs pandoc 2.11 or later (`apt-get install pandoc`; `.ci/run` installs it). Without it the
//! test says so on stderr and passes: set `BAOGAO_REQUIRE_PANDOC=1` to make its absence fail.

use std::path::Path;
use std::process::Command;

use baogao::corpus::load_embedded;
use baogao::marks::{Marks, store};

/// Whether pandoc is there and has `--citeproc` (2.11 or later).
fn pandoc_with_citeproc() -> bool {
    Command::new("pandoc")
        .args(["--citeproc", "--version"])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `baogao export -f FORMAT -o OUT` over the marks file `marks`.
fn export(marks: &Path, format: &str, out: &Path) {
    let run = crate::run::command()
        .args(["export", "-f", format, "-o"])
        .arg(out)
        .arg("--marks")
        .arg(marks)
        .env_remove("BAOGAO_MARKS")
        .output()
        .unwrap();
    assert!(run.status.success(), "{run:?}");
}

/// The bibliography pandoc renders, as plain text, citing every item of `bibliography`.
fn bibliography(bibliography: &Path, dir: &Path) -> String {
    let document = dir.join("cite.md");
    std::fs::write(&document, "---\nnocite: '@*'\n---\n").unwrap();
    let run = Command::new("pandoc")
        .arg("--citeproc")
        .arg("--bibliography")
        .arg(bibliography)
        .args(["-t", "plain", "--wrap=none"])
        .arg(&document)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "pandoc failed: {stderr}");
    assert!(
        !stderr.contains("[WARNING]"),
        "pandoc warned about {}: {stderr}",
        bibliography.display()
    );
    String::from_utf8(run.stdout).unwrap()
}

#[test]
fn pandoc_renders_a_bibliography_from_the_bibtex_and_the_csl_json() {
    if !pandoc_with_citeproc() {
        assert!(
            std::env::var_os("BAOGAO_REQUIRE_PANDOC").is_none(),
            "BAOGAO_REQUIRE_PANDOC is set but pandoc --citeproc does not run"
        );
        eprintln!("SKIPPED: pandoc with --citeproc (2.11 or later) is not installed");
        return;
    }
    let reports = load_embedded().reports;
    assert!(reports.len() >= 5, "the bundled reports");
    let mut marks = Marks::default();
    for report in &reports {
        // The first sentence of each report's body.
        let start = report.text.find('。').map_or(0, |end| end / 2);
        let start = (0..=start)
            .rev()
            .find(|&i| report.text.is_char_boundary(i))
            .unwrap();
        let end = report.text[start..]
            .find('。')
            .map_or(report.text.len(), |e| start + e + '。'.len_utf8());
        marks.add(report, start..end);
    }
    let dir = tempfile::tempdir().unwrap();
    let marks_file = dir.path().join("marks.json");
    store::save(&marks_file, &marks).unwrap();
    for (format, name) in [("bib", "marks.bib"), ("csl", "marks.json")] {
        let out = dir.path().join(format!("export-{name}"));
        export(&marks_file, format, &out);
        let rendered = bibliography(&out, dir.path());
        for report in &reports {
            let meta = &report.meta;
            let region = meta.region.as_deref().expect("a bundled report's region");
            let title = meta.title.as_deref().expect("a bundled report's title");
            let year = meta.year.expect("a bundled report's year").to_string();
            let entry = rendered
                .split("\n\n")
                .find(|entry| entry.contains(region) && entry.contains(&year))
                .unwrap_or_else(|| {
                    panic!("{format}: no entry with {region} and {year}:\n{rendered}")
                });
            assert!(entry.contains(title), "{format}: {title} in {entry}");
        }
        assert_eq!(
            rendered
                .split("\n\n")
                .filter(|e| !e.trim().is_empty())
                .count(),
            reports.len(),
            "{format}: one entry per mark:\n{rendered}"
        );
    }
}
