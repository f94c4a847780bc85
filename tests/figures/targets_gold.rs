//! Target coding scored against the gold written by reading the reports
//! (`tests/data/targets/`): the 23 provinces' 2025 GDP growth targets paired with the growth
//! their 2026 reports state, and 126 targets coded for bound and firmness by hand.
//!
//! First score, the coder's first run before any tuning: GDP pairs 23/23 paired and judged
//! right; of the 126 hand-coded targets, found 0.881, bound 0.865, firmness 0.865,
//! firmness_words 0.762, value 0.881, period 0.794 (each over all 126, a target not found
//! counting as wrong).
//!
//! Before the fixes below: GDP pairs 23/23; found 0.929, bound 0.921, firmness 0.929,
//! firmness_words 0.921, value 0.929, period 0.849.
//!
//! Then: GDP pairs 23/23; found 0.968, bound 0.968, firmness 0.968, firmness_words 0.960,
//! value 0.968, period 0.968. What was fixed, in general: the 民生实事 listed
//! after a report's end (广东's `附件1`) take their stance from the lines heading them; a chapter
//! whose lead states the year's goals (福建 2025's untitled plan chapter) plans; a chapter that
//! reviews 十四五 and then sets 十五五 goals (北京 2026) plans from the paragraph turning to
//! the plan, and its targets are of 2026-2030, not 2021-2025; a chapter of 十五五 goals and
//! 2026 work dates its sections to 2026 (内蒙古, 辽宁); a target without a number takes the
//! period its section gives (山西, 青海), or from the report's year to a later year opening its
//! sentence (`到2030年，…`); a bound shared across `740元/月和485元/月`.
//!
//! Since: life expectancies and PM2.5 in 微克每立方米 are read (found 0.992), and a
//! water-quality class held as a target (`稳定保持在地表水Ⅲ类`, 河北 2026) is a target without a
//! number: found, bound, firmness, value and period 1.000 (126 of 126), firmness_words 0.992
//! (the floors below are 0.99).
//!
//! What is left (1 of 126), not the coding's: `不少于3613.97万亩` (贵州 2026): the gold lists
//! only `不少于` though `确保` opens the clause and its note says `确保` applies; the README's
//! rule lists every word of the clause.
//!
//! Every miss is printed, so `cargo test --test figures targets_gold -- --nocapture` shows what to fix.

use std::path::Path;
use std::sync::LazyLock;

use baogao::compare::BUNDLED;
use baogao::corpus::{Report, load_paths};
use baogao::figures::{Figure, extract};
use baogao::targets::{self, Paired, Verdict};
use serde_json::Value;

struct Loaded {
    reports: Vec<Report>,
    paired: Vec<Paired>,
}

static LOADED: LazyLock<Loaded> = LazyLock::new(|| {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus");
    let corpus = load_paths(&[root.join("provinces-2025"), root.join("provinces-2026")]);
    assert!(corpus.errors.is_empty(), "{:?}", corpus.errors);
    let figures: Vec<Vec<Figure>> = corpus.reports.iter().map(extract).collect();
    let coded: Vec<_> = corpus
        .reports
        .iter()
        .enumerate()
        .flat_map(|(i, r)| targets::code(i, r, &figures[i], &BUNDLED))
        .collect();
    let paired = targets::pair(&corpus.reports, &figures, &coded, &BUNDLED);
    Loaded {
        reports: corpus.reports,
        paired,
    }
});

fn file_of(loaded: &Loaded, report: usize) -> &str {
    &loaded.reports[report].file
}

/// `provinces-2025/江苏省_2025.txt` names the report whose file is `江苏省_2025.txt`.
fn same_file(gold: &str, file: &str) -> bool {
    gold.rsplit('/').next() == Some(file)
}

fn gold_gdp() -> Vec<Value> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/targets/gdp-2025.json"),
    )
    .unwrap();
    serde_json::from_str(&text).unwrap()
}

fn gold_bound() -> Vec<Value> {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/targets/targets-bound.jsonl"),
    )
    .unwrap();
    text.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

#[test]
fn every_2025_gdp_target_is_paired_with_its_result_and_judged() {
    let loaded = &*LOADED;
    let gold = gold_gdp();
    assert_eq!(gold.len(), 23);
    let mut right = 0;
    for g in &gold {
        let line = g["target_line"].as_u64().unwrap() as u32 - 1;
        let found = loaded.paired.iter().find(|p| {
            same_file(
                g["target_file"].as_str().unwrap(),
                file_of(loaded, p.target.report),
            ) && p.target.line == line
                && p.target.indicator.as_deref() == Some("生产总值")
                && p.target
                    .value
                    .is_some_and(|v| close(v, g["target_value"].as_f64().unwrap()))
        });
        let Some(p) = found else {
            println!("MISS {}: no target at line {}", g["region"], line + 1);
            continue;
        };
        let result_at = p.result.map(|r| {
            let f = r.figure;
            (file_of(loaded, r.report).to_string(), f)
        });
        let mut faults = Vec::new();
        if p.target.bound.as_str() != g["bound"] {
            faults.push(format!(
                "bound {} ≠ {}",
                p.target.bound.as_str(),
                g["bound"]
            ));
        }
        if p.target.firmness.as_str() != g["firmness"] {
            faults.push(format!("firmness {}", p.target.firmness.as_str()));
        }
        if p.result_value
            .is_none_or(|v| !close(v, g["result_value"].as_f64().unwrap()))
        {
            faults.push(format!(
                "result {:?} ≠ {}",
                p.result_value, g["result_value"]
            ));
        }
        if !result_at
            .as_ref()
            .is_some_and(|(file, _)| same_file(g["result_file"].as_str().unwrap(), file))
        {
            faults.push(format!("result from {result_at:?}"));
        }
        if p.verdict.as_str() != g["verdict"] {
            faults.push(format!("verdict {} ≠ {}", p.verdict.as_str(), g["verdict"]));
        }
        if faults.is_empty() {
            right += 1;
        } else {
            println!("MISS {}: {}", g["region"], faults.join("; "));
        }
    }
    println!("GDP pairs right: {right}/{}", gold.len());
    assert_eq!(right, gold.len(), "every GDP pair paired and judged right");
}

#[test]
fn bound_and_firmness_of_the_hand_coded_targets() {
    let loaded = &*LOADED;
    let gold = gold_bound();
    let fields = [
        "found",
        "bound",
        "firmness",
        "firmness_words",
        "value",
        "period",
    ];
    let mut right = [0usize; 6];
    for g in &gold {
        let file = g["file"].as_str().unwrap();
        let line = g["line"].as_u64().unwrap() as u32 - 1;
        let col = g["col"].as_u64().unwrap() as u32;
        let width = g["text"].as_str().unwrap().chars().count() as u32;
        let found = loaded.paired.iter().map(|p| &p.target).find(|t| {
            same_file(file, file_of(loaded, t.report))
                && t.line == line
                && t.col < col + width
                && col < t.col + t.text.chars().count() as u32
        });
        let Some(t) = found else {
            println!("MISS {file}:{}:{col} {}: not found", line + 1, g["text"]);
            continue;
        };
        right[0] += 1;
        let value_ok = match g["value"].as_f64() {
            None => t.value.is_none(),
            Some(v) => t.value.is_some_and(|x| {
                [1.0, 1e4, 1e8, 1e12, 1e3, 1e7]
                    .iter()
                    .any(|scale| (x - v * scale).abs() <= 1e-6 * (v * scale).abs().max(1.0))
            }),
        };
        let words: Vec<&str> = g["firmness_words"]
            .as_array()
            .unwrap()
            .iter()
            .map(|w| w.as_str().unwrap())
            .collect();
        let checks = [
            t.bound.as_str() == g["bound"],
            t.firmness.as_str() == g["firmness"],
            t.firmness_words == words,
            value_ok,
            t.period.map(|p| p.to_string()).as_deref() == g["period"].as_str(),
        ];
        for (i, ok) in checks.iter().enumerate() {
            if *ok {
                right[i + 1] += 1;
            } else {
                let ours = match i {
                    0 => t.bound.as_str().to_string(),
                    1 => format!("{} ({:?})", t.firmness.as_str(), t.firmness_from),
                    2 => format!("{:?}", t.firmness_words),
                    3 => format!("{:?}", t.value),
                    _ => format!("{:?}", t.period.map(|p| p.to_string())),
                };
                let theirs = match i {
                    0 => g["bound"].to_string(),
                    1 => g["firmness"].to_string(),
                    2 => format!("{words:?}"),
                    3 => g["value"].to_string(),
                    _ => g["period"].to_string(),
                };
                println!(
                    "MISS {file}:{}:{col} {} [{}]: {} {ours} ≠ {theirs}",
                    line + 1,
                    g["text"],
                    t.text,
                    fields[i + 1]
                );
            }
        }
    }
    let n = gold.len() as f64;
    let score: Vec<f64> = right.iter().map(|&r| r as f64 / n).collect();
    for (field, s) in fields.iter().zip(&score) {
        println!("{field}: {s:.3}");
    }
    // The scores reached (see the module comment): a rule change may not lower them. Period:
    // this set dates a five-year plan's levels (`常住人口城镇化率达到69%` among the 十五五 goals)
    // to the plan's years; the blind sets on real reports (tests/data/figures-real2 and -real3,
    // `2030 levels`) to its last year, as the reader does since 2026-12-07: 6 of its 126
    // targets differ by that convention alone.
    let floors = [0.99, 0.99, 0.99, 0.99, 0.99, 0.95];
    for ((field, s), floor) in fields.iter().zip(&score).zip(floors) {
        assert!(*s >= floor, "{field}: {s:.3} below its floor {floor}");
    }
}

#[test]
fn targets_without_a_number_have_no_value_and_are_not_judged() {
    let unnumbered: Vec<&Paired> = LOADED
        .paired
        .iter()
        .filter(|p| p.target.value.is_none())
        .collect();
    assert!(!unnumbered.is_empty());
    for p in unnumbered {
        assert_eq!(p.verdict, Verdict::NotJudged, "{:?}", p.target);
        assert!(p.gap.is_none());
    }
}
