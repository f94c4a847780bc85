//! Every input the fuzzers kept (`fuzz/regressions/TARGET/`) and every seed (`fuzz/seeds/`),
//! replayed through the same target code the fuzzers run, so what they once found stays fixed.

use std::path::Path;

#[path = "../../fuzz/src/targets.rs"]
mod targets;

fn replay(target: &str, run: fn(&[u8])) {
    let fuzz = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz");
    let mut replayed = 0;
    for folder in ["seeds", "regressions"] {
        let Ok(entries) = std::fs::read_dir(fuzz.join(folder).join(target)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let bytes = std::fs::read(&path).unwrap();
            eprintln!("replaying {}", path.display());
            run(&bytes);
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no seeds for {target}");
}

#[test]
fn figures_text_inputs() {
    replay("figures_text", targets::figures_text);
}

#[test]
fn marks_file_inputs() {
    replay("marks_file", targets::marks_file);
}

#[test]
fn decode_outline_inputs() {
    replay("decode_outline", targets::decode_outline);
}

#[test]
fn docx_outline_inputs() {
    replay("docx_outline", targets::docx_outline);
}

#[test]
fn html_outline_inputs() {
    replay("html_outline", targets::html_outline);
}

#[test]
fn numerals_inputs() {
    replay("numerals", targets::numerals);
}
