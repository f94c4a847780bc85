//! The corpus model on the 52 real reports of `tests/data/corpus/` (23 provinces in 2025 and in
//! 2026, 海拉尔区 2012–2018), loaded from disk through the real loader as the CLI loads them, and
//! compared field by field with `tests/data/corpus-gold.json`. That gold was written by reading
//! the reports, before any rule of the model was changed for them; its `notes` say what each
//! report's header looks like.
//!
//! Every mismatch is printed, with a score per field; the test fails when a field scores below
//! its floor. First score, on the model as it stood before the rules were written for these
//! reports (of 52): region 33, level 0, parents 0, code 0, year 52, date 52, speaker 26,
//! office 23, session 35, chapters 48. Since the header, region and chapter rules: 52 in every
//! field, which the floors now hold.

use std::path::{Path, PathBuf};

use baogao::corpus::{Report, load_paths};
use serde_json::Value;

/// The fields compared, with the least number of the 52 reports that must be right in each.
const FLOORS: [(&str, usize); 10] = [
    ("region", 52),
    ("level", 52),
    ("parents", 52),
    ("code", 52),
    ("year", 52),
    ("date", 52),
    ("speaker", 52),
    ("office", 52),
    ("session", 52),
    ("chapters", 52),
];

fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus")
}

/// What the model says for `field`, as JSON, so the gold's values compare directly.
fn actual(report: &Report, field: &str) -> Value {
    if field == "chapters" {
        return report
            .sections
            .iter()
            .filter(|s| s.level == 1)
            .map(|s| Value::String(s.title.clone()))
            .collect();
    }
    let meta = serde_json::to_value(&report.meta).expect("metadata serialises");
    meta.get(field).cloned().unwrap_or(Value::Null)
}

/// The gold's value for `field` (`null` where the gold has none).
fn expected(gold: &Value, field: &str) -> Value {
    gold.get(field).cloned().unwrap_or(Value::Null)
}

#[test]
fn the_real_reports_read_as_the_gold_says() {
    let gold: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(corpus_dir().join("../corpus-gold.json")).expect("gold readable"),
    )
    .expect("gold is JSON");
    assert_eq!(gold.len(), 52);
    let corpus = load_paths(&[corpus_dir()]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let mut right = [0usize; FLOORS.len()];
    let mut mismatches = Vec::new();
    for entry in &gold {
        let file = entry["file"].as_str().expect("file named");
        let report = corpus
            .reports
            .iter()
            .find(|r| r.path.as_deref().is_some_and(|p| p.ends_with(file)))
            .unwrap_or_else(|| panic!("{file} not loaded"));
        for (i, (field, _)) in FLOORS.iter().enumerate() {
            let (want, got) = (expected(entry, field), actual(report, field));
            if want == got {
                right[i] += 1;
            } else {
                mismatches.push(format!("{file} {field}: want {want}, got {got}"));
            }
        }
    }
    for line in &mismatches {
        eprintln!("{line}");
    }
    let mut low = Vec::new();
    for ((field, floor), right) in FLOORS.iter().zip(right) {
        eprintln!("{field:>9}: {right}/52 (floor {floor})");
        if right < *floor {
            low.push(format!("{field} {right} < {floor}"));
        }
    }
    assert!(low.is_empty(), "below the floor: {low:?}");
}

/// What follows a report (`附件`, a `民生实事` list, `名词解释`; the gold's `after_report`) is no
/// section of it, and a glossary there is still read as one.
#[test]
fn lists_after_the_report_are_not_sections_and_glossaries_are_read() {
    let gold: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(corpus_dir().join("../corpus-gold.json")).expect("gold readable"),
    )
    .expect("gold is JSON");
    let corpus = load_paths(&[corpus_dir()]);
    let mut wrong = Vec::new();
    for entry in &gold {
        let file = entry["file"].as_str().expect("file named");
        let Some(report) = corpus
            .reports
            .iter()
            .find(|r| r.path.as_deref().is_some_and(|p| p.ends_with(file)))
        else {
            wrong.push(format!("{file} not loaded"));
            continue;
        };
        for after in entry["after_report"].as_array().expect("a list") {
            let after = after.as_str().expect("a title");
            if report.sections.iter().any(|s| s.title == after) {
                wrong.push(format!("{file}: {after} is a section"));
            }
            let glossary = after.contains("名词解释") || after == "注释";
            if glossary && report.glossary.is_empty() {
                wrong.push(format!("{file}: {after} not read as a glossary"));
            }
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}
