//! Scoring hand-annotated figures against the extractor, shared by the gold test on the bundled
//! reports (`figures_gold.rs`) and the held-out test on reports the rules were not written
//! from (`figures_heldout.rs`).
//!
//! An annotation file holds one JSON object a line in the shape of `baogao figures --format
//! jsonl` (`file`, `line`, `col`, `text`, `kind`, `value`, `unit`, `measure`, `indicator` as a
//! list of acceptable names, `status`, `qualifier`, optionally `period` and `sentence`), or
//! `"not_a_figure": true` for text that must not be reported. A held-out file also holds the
//! documents themselves: rows `{"document": NAME, "lines": [...]}`.
//!
//! Scoring rules: an indicator is right when the predicted name and a listed name contain one
//! another; rows annotated with no indicator (`null`), no status or no value are left out of
//! that accuracy. How often a `null` row is also left unnamed is printed.

#![allow(dead_code)]

use std::collections::{HashMap, HashSet};

use baogao::corpus::Report;
use baogao::figures::{self, Figure, Value};
use serde_json::Value as Json;

/// One annotated row.
pub struct Gold {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub text: String,
    pub row: Json,
}

impl Gold {
    /// Whether the row marks text that is not a figure.
    pub fn not_a_figure(&self) -> bool {
        self.row["not_a_figure"].as_bool() == Some(true)
    }

    fn key(&self) -> Key {
        (self.file.clone(), self.line, self.col, self.text.clone())
    }
}

/// Rows of `tests/data/NAME` that annotate figures (documents left out).
pub fn load(name: &str) -> Vec<Gold> {
    rows(name)
        .into_iter()
        .filter(|row| row.get("document").is_none())
        .map(|row| Gold {
            file: row["file"].as_str().expect("file").to_string(),
            line: row["line"].as_u64().expect("line") as usize,
            col: row["col"].as_u64().expect("col") as usize,
            text: row["text"].as_str().expect("text").to_string(),
            row,
        })
        .collect()
}

/// The documents of `tests/data/NAME`, each parsed as a report.
pub fn documents(name: &str) -> Vec<Report> {
    rows(name)
        .into_iter()
        .filter_map(|row| {
            let file = row.get("document")?.as_str()?.to_string();
            let lines: Vec<&str> = row["lines"]
                .as_array()
                .expect("lines")
                .iter()
                .map(|l| l.as_str().expect("a line is a string"))
                .collect();
            let text = lines.join("\n") + "\n";
            Some(baogao::corpus::parse_report(&file, None, &text))
        })
        .collect()
}

fn rows(name: &str) -> Vec<Json> {
    let path = format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(path)
        .expect("annotation file")
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(l).expect("annotation row is JSON"))
        .collect()
}

/// File, 1-based line, 1-based column, surface.
pub type Key = (String, usize, usize, String);

/// Every figure the extractor finds in `reports`, by key.
pub fn predicted<'a>(reports: impl IntoIterator<Item = &'a Report>) -> HashMap<Key, Figure> {
    let mut map = HashMap::new();
    for report in reports {
        for f in figures::extract(report) {
            map.insert(
                (
                    report.file.clone(),
                    f.line as usize + 1,
                    f.col as usize,
                    f.text.to_string(),
                ),
                f,
            );
        }
    }
    map
}

fn value_matches(gold: &Json, got: &Option<Value>) -> bool {
    let close = |a: f64, b: f64| (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0);
    match (gold, got) {
        (Json::Number(n), Some(Value::Number(v))) => close(n.as_f64().unwrap(), *v),
        (Json::Array(parts), Some(Value::Range(a, b))) => {
            parts.len() == 2
                && close(parts[0].as_f64().unwrap(), *a)
                && close(parts[1].as_f64().unwrap(), *b)
        }
        (Json::Array(parts), Some(Value::Ratio(got))) => {
            parts.len() == got.len()
                && parts
                    .iter()
                    .zip(got)
                    .all(|(p, g)| close(p.as_f64().unwrap(), *g))
        }
        _ => false,
    }
}

fn indicator_matches(gold: &Json, got: Option<&str>) -> bool {
    let Some(got) = got else { return false };
    let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    let got = strip(got);
    gold.as_array().unwrap().iter().any(|name| {
        let name = strip(name.as_str().unwrap());
        name.contains(&got) || got.contains(&name)
    })
}

/// Right answers out of rows scored, per field; misses, violations and mistakes listed.
#[derive(Default, Debug)]
pub struct Score {
    pub figures: usize,
    pub found: usize,
    pub value: (usize, usize),
    pub kind: (usize, usize),
    pub measure: (usize, usize),
    pub indicator: (usize, usize),
    /// Indicators equal to one of the listed names (what an analyst would write), not only
    /// contained in one or containing one.
    pub indicator_exact: (usize, usize),
    /// Rows annotated with no indicator: how many the extractor also leaves unnamed.
    pub unnamed: (usize, usize),
    pub status: (usize, usize),
    pub qualifier: (usize, usize),
    pub period: (usize, usize),
    /// The basis of a change (`yoy`, `annual_average`, `cumulative` or none), with its base
    /// year, on rows that annotate one (`basis` present and the measure a change).
    pub basis: (usize, usize),
    pub non_figures: usize,
    pub violations: Vec<String>,
    pub misses: Vec<String>,
    /// One line per wrong field of a found figure.
    pub mistakes: Vec<String>,
}

/// `right / of`, 1 when nothing was scored.
pub fn ratio((right, of): (usize, usize)) -> f64 {
    if of == 0 {
        1.0
    } else {
        right as f64 / of as f64
    }
}

/// Score the annotations `gold` against the figures `predicted`. With `strict`, the measure is
/// scored and wrong qualifiers listed too (the gold files do not annotate them consistently).
pub fn score(gold: &[Gold], predicted: &HashMap<Key, Figure>, strict: bool) -> Score {
    let mut s = Score::default();
    let tally = |slot: &mut (usize, usize), ok: bool| {
        slot.1 += 1;
        if ok {
            slot.0 += 1;
        }
    };
    for g in gold {
        if g.not_a_figure() {
            s.non_figures += 1;
            // Any figure overlapping the non-figure's span is a violation.
            let start = g.col;
            let end = g.col + g.text.chars().count();
            for (k, f) in predicted {
                let f_end = f.col as usize + f.text.chars().count();
                if k.0 == g.file && k.1 == g.line && (f.col as usize) < end && start < f_end {
                    s.violations.push(format!(
                        "{}:{}:{} {} ⊃ {}",
                        g.file, g.line, g.col, g.text, f.text
                    ));
                }
            }
            continue;
        }
        s.figures += 1;
        let Some(f) = predicted.get(&g.key()) else {
            s.misses
                .push(format!("{}:{}:{} {}", g.file, g.line, g.col, g.text));
            continue;
        };
        s.found += 1;
        let r = &g.row;
        let mut wrong = |field: &str, gold: String, got: String| {
            s.mistakes.push(format!(
                "{field:<9} {}:{} {} gold {gold} got {got}",
                g.file, g.line, g.text
            ));
        };
        if !r["value"].is_null() {
            let ok = value_matches(&r["value"], &f.value);
            tally(&mut s.value, ok);
            if !ok {
                wrong("value", r["value"].to_string(), format!("{:?}", f.value));
            }
        }
        let kind_ok = r["kind"].as_str() == Some(f.kind.as_str());
        tally(&mut s.kind, kind_ok);
        if !kind_ok {
            wrong("kind", r["kind"].to_string(), f.kind.as_str().to_string());
        }
        if strict && let Some(m) = r["measure"].as_str() {
            let ok = m == f.measure.as_str();
            tally(&mut s.measure, ok);
            if !ok {
                wrong("measure", m.to_string(), f.measure.as_str().to_string());
            }
        }
        if r["indicator"].is_null() {
            tally(&mut s.unnamed, f.indicator.is_none());
        } else {
            let ok = indicator_matches(&r["indicator"], f.indicator.as_deref());
            tally(&mut s.indicator, ok);
            let exact = f.indicator.as_deref().is_some_and(|got| {
                r["indicator"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .any(|name| name.as_str() == Some(got))
            });
            tally(&mut s.indicator_exact, exact);
            if !ok {
                wrong(
                    "indicator",
                    r["indicator"].to_string(),
                    format!("{:?}", f.indicator),
                );
            }
        }
        if let Some(status) = r["status"].as_str() {
            let ok = status == f.status.as_str();
            tally(&mut s.status, ok);
            if !ok {
                wrong("status", status.to_string(), f.status.as_str().to_string());
            }
        }
        let q = r["qualifier"].as_str();
        let ok = q == f.qualifier;
        tally(&mut s.qualifier, ok);
        if !ok && strict {
            wrong("qualifier", format!("{q:?}"), format!("{:?}", f.qualifier));
        }
        if r.get("basis").is_some() && r["measure"].as_str() == Some("change") {
            let got = serde_json::to_value(f).unwrap_or(Json::Null);
            let want = (&r["basis"], r.get("base_year").unwrap_or(&Json::Null));
            let have = (&got["basis"], got.get("base_year").unwrap_or(&Json::Null));
            let ok = want == have;
            tally(&mut s.basis, ok);
            if !ok {
                wrong(
                    "basis",
                    format!("{} {}", want.0, want.1),
                    format!("{} {}", have.0, have.1),
                );
            }
        }
        if let Some(p) = r.get("period").and_then(Json::as_str) {
            let ok = Some(p) == f.period.map(|p| p.to_string()).as_deref();
            tally(&mut s.period, ok);
            if !ok {
                wrong("period", p.to_string(), format!("{:?}", f.period));
            }
        }
    }
    s
}

/// Print the scores of `s` under `name`, and its misses, violations and mistakes.
pub fn print(name: &str, s: &Score) {
    println!(
        "{name}: recall {:.3} ({}/{}), value {:.3}, kind {:.3}, measure {}, indicator {:.3} ({}/{}; exactly {:.3}; unnamed also unnamed {}/{}), status {:.3}, qualifier {:.3}, period {}, basis {}, non-figures reported {}/{}",
        s.found as f64 / s.figures.max(1) as f64,
        s.found,
        s.figures,
        ratio(s.value),
        ratio(s.kind),
        if s.measure.1 == 0 {
            "not scored".to_string()
        } else {
            format!("{:.3}", ratio(s.measure))
        },
        ratio(s.indicator),
        s.indicator.0,
        s.indicator.1,
        ratio(s.indicator_exact),
        s.unnamed.0,
        s.unnamed.1,
        ratio(s.status),
        ratio(s.qualifier),
        if s.period.1 == 0 {
            "not annotated".to_string()
        } else {
            format!("{:.3}", ratio(s.period))
        },
        if s.basis.1 == 0 {
            "not annotated".to_string()
        } else {
            format!("{:.3}", ratio(s.basis))
        },
        s.violations.len(),
        s.non_figures,
    );
    for m in &s.misses {
        println!("  missed {m}");
    }
    for v in &s.violations {
        println!("  non-figure reported {v}");
    }
    for m in &s.mistakes {
        println!("  {m}");
    }
}

/// Figures reported inside `inside` (by key) that are not annotated figures of `gold`: the
/// false positives, sorted, and how many were reported there.
pub fn false_positives(
    gold: &[Gold],
    predicted: &HashMap<Key, Figure>,
    inside: impl Fn(&Key, &Figure) -> bool,
) -> (Vec<String>, usize) {
    let gold_keys: HashSet<Key> = gold
        .iter()
        .filter(|g| !g.not_a_figure())
        .map(Gold::key)
        .collect();
    let mut reported = 0;
    let mut wrong = Vec::new();
    for (key, f) in predicted {
        if inside(key, f) {
            reported += 1;
            if !gold_keys.contains(key) {
                wrong.push(format!("{}:{}:{} {}", key.0, key.1, key.2, key.3));
            }
        }
    }
    wrong.sort();
    (wrong, reported)
}
