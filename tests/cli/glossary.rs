//! `baogao glossary` run as a user runs it: the terms the bundled reports define, and where any
//! report uses them.

use serde_json::Value;

fn glossary(paths: &[&str]) -> Vec<Value> {
    let output = crate::run::command()
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["glossary", "--format", "json"])
        .args(paths)
        .output()
        .expect("the baogao binary runs");
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("a JSON array")
}

#[test]
fn xiping_2023_defines_37_terms_in_its_notes() {
    let terms = glossary(&["assets/reports/xiping-2023.txt"]);
    assert_eq!(terms.len(), 37);
    let file = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/reports/xiping-2023.txt"),
    )
    .unwrap();
    let lines: Vec<&str> = file.lines().collect();
    for term in &terms {
        let name = term["term"].as_str().unwrap();
        let line = term["line"].as_u64().unwrap() as usize;
        assert_eq!(term["file"], "xiping-2023.txt");
        assert!(
            lines[line - 1].contains(name),
            "{name} is not on line {line}"
        );
        // A long definition runs on over the following lines; its opening is on this one.
        let opening: String = term["definition"]
            .as_str()
            .unwrap()
            .chars()
            .take(8)
            .collect();
        let defined = [format!("{name}：{opening}"), format!("{name}:{opening}")];
        assert!(
            defined.iter().any(|d| lines[line - 1].contains(d)),
            "{name}"
        );
    }
}

#[test]
fn a_term_defined_by_xiping_is_recognised_in_minquan() {
    let terms = glossary(&[]);
    let term = terms
        .iter()
        .find(|t| t["term"] == "三个一批")
        .expect("三个一批 is defined");
    assert_eq!(term["file"], "xiping-2023.txt");
    assert!(
        term["definition"]
            .as_str()
            .unwrap()
            .starts_with("指集中签约一批")
    );
    let places: Vec<(String, u64)> = term["found_in"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_string(),
                p["line"].as_u64().unwrap(),
            )
        })
        .collect();
    for place in [
        ("minquan-2023.txt", 10),
        ("minquan-2023.txt", 27),
        ("puyang-2023.txt", 15),
    ] {
        assert!(
            places.contains(&(place.0.to_string(), place.1)),
            "{place:?} in {places:?}"
        );
    }
    // Loaded alone, minquan defines nothing: the definition comes from another report.
    assert!(glossary(&["assets/reports/minquan-2023.txt"]).is_empty());
}
