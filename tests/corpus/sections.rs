//! The section tree `baogao outline --format json` gives a file, flattened: shared by the tests
//! of headings in Word files and web pages.

use std::path::Path;

/// `(level, title)` of every section `baogao outline` finds in `path`, in reading order.
pub fn sections(path: &Path) -> Vec<(u64, String)> {
    let out = crate::run::command()
        .args(["outline", "--format", "json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut flat = Vec::new();
    flatten(&reports[0]["sections"], &mut flat);
    flat
}

/// The sections of a JSON tree in reading order.
fn flatten(sections: &serde_json::Value, out: &mut Vec<(u64, String)>) {
    for section in sections.as_array().unwrap() {
        out.push((
            section["level"].as_u64().unwrap(),
            section["title"].as_str().unwrap().to_string(),
        ));
        flatten(&section["children"], out);
    }
}

/// Expected sections, as [`sections`] gives them.
pub fn owned(expected: &[(u64, &str)]) -> Vec<(u64, String)> {
    expected.iter().map(|(l, t)| (*l, t.to_string())).collect()
}
