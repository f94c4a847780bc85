//! The real `baogao` binary in a pseudo-terminal over 300 reports: the tree starts folded, and
//! the go-to (`o`) finds a report by a fuzzy place name in two keys and opens it with Enter.
//!
//! The reports are the real 海拉尔区 reports (GB18030, 2012–2018), each copied under another
//! county of the divisions table: the place replaced throughout the text, the file named after
//! it, as a directory of many places' reports is.

use crate::session as pty;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use baogao::corpus::load_paths;
use baogao::corpus::places::places;
use pty::Session;

const REPORTS: usize = 300;
const ENTER: &str = "\r";

/// Loading 300 reports in a debug build on a busy machine takes a while.
const LOADING_PATIENCE: Duration = Duration::from_secs(120);

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/corpus")
}

/// The 海拉尔区 reports, decoded, with their years.
fn sources() -> Vec<(String, u16)> {
    let dir = corpus().join("hailaer");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| {
            let bytes = std::fs::read(path).unwrap();
            let (text, _, bad) = encoding_rs::GB18030.decode(&bytes);
            assert!(!bad, "{}", path.display());
            let stem = path.file_stem().unwrap().to_string_lossy();
            let year = stem.rsplit('_').next().unwrap().parse().unwrap();
            (text.into_owned(), year)
        })
        .collect()
}

/// Current counties of three characters whose name is theirs alone, spread over the table.
fn counties(count: usize) -> Vec<String> {
    let table =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/divisions.tsv"))
            .unwrap();
    let all: Vec<String> = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|line| {
            let fields: Vec<&str> = line.split('\t').collect();
            let [_, name, _, level, until, ..] = fields[..] else {
                return None;
            };
            (level == "county"
                && until.is_empty()
                && name.chars().count() == 3
                && places().named(name).len() == 1)
                .then(|| name.to_string())
        })
        .collect();
    assert!(all.len() >= count * 2, "{} counties", all.len());
    let step = all.len() / count;
    all.into_iter().step_by(step).take(count).collect()
}

/// Write the 300 reports into `dir/reports`; their places and years, in file order.
fn write_reports(dir: &Path) -> Vec<(String, u16)> {
    let sources = sources();
    let reports = dir.join("reports");
    std::fs::create_dir(&reports).unwrap();
    counties(REPORTS)
        .into_iter()
        .enumerate()
        .map(|(i, place)| {
            let (text, year) = &sources[i % sources.len()];
            let text = text.replace("海拉尔区", &place);
            std::fs::write(reports.join(format!("{place}_{year}.txt")), text).unwrap();
            (place, *year)
        })
        .collect()
}

fn wait_long(session: &Session, what: &str, ready: impl Fn(&str) -> bool) {
    let start = Instant::now();
    loop {
        let screen = session.contents();
        if ready(&screen) {
            return;
        }
        assert!(
            start.elapsed() < LOADING_PATIENCE,
            "timed out waiting for {what}; the screen was:\n{screen}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn status_line(screen: &str) -> &str {
    screen.lines().last().unwrap_or("")
}

#[test]
fn the_go_to_finds_one_of_300_reports_by_a_fuzzy_place_name_in_two_keys() {
    let dir = tempfile::tempdir().unwrap();
    let generated = write_reports(dir.path());
    assert_eq!(generated.len(), REPORTS);
    // The target: a place in the middle whose first character no other place starts with, so
    // that its first and last characters name it alone.
    let mut firsts: HashMap<char, usize> = HashMap::new();
    for (place, _) in &generated {
        *firsts.entry(place.chars().next().unwrap()).or_default() += 1;
    }
    let (place, year) = generated[REPORTS / 2..]
        .iter()
        .find(|(place, _)| firsts[&place.chars().next().unwrap()] == 1)
        .expect("a place with a first character of its own")
        .clone();
    let file = dir.path().join(format!("reports/{place}_{year}.txt"));
    // The copy reads as that place's report.
    let loaded = load_paths(std::slice::from_ref(&file));
    assert_eq!(
        loaded.reports[0].meta.region.as_deref(),
        Some(place.as_str())
    );
    assert_eq!(loaded.reports[0].meta.year, Some(i32::from(year)));
    let label = format!("{place} {year}");

    let reports = dir.path().join("reports");
    let mut session = Session::start(dir.path(), &[reports.to_str().unwrap()]);
    wait_long(&session, "the 300 reports to load", |s| {
        s.contains(&format!("sections · {REPORTS} reports")) && !status_line(s).contains("loading")
    });

    // Many reports: only the first is unfolded.
    let screen = session.contents();
    let unfolded = screen.lines().filter(|l| l.starts_with("│▾ ")).count();
    let folded = screen.lines().filter(|l| l.starts_with("│▸ ")).count();
    assert_eq!(unfolded, 1, "{screen}");
    assert!(folded > 20, "{screen}");
    // The first in file order (a directory's files are sorted).
    let (first, first_year) = generated
        .iter()
        .min_by_key(|(place, year)| format!("{place}_{year}.txt"))
        .unwrap();
    let first_row = screen.lines().find(|l| l.starts_with("│▾ ")).unwrap();
    assert!(
        first_row.contains(&format!("{first} {first_year}")),
        "{screen}"
    );
    assert!(
        !screen.contains(&label),
        "the target is not on screen yet:\n{screen}"
    );

    // `o`, the place's first and last characters, Enter.
    let mut chars = place.chars();
    let keys = format!("{}{}", chars.next().unwrap(), chars.last().unwrap());
    assert_eq!(keys.chars().count(), 2);
    session.send("o");
    session.wait_for("the go-to", |s| {
        s.contains("a place, a year, a file or a heading")
    });
    session.send(&keys);
    session.wait_for("the target among the matches", |s| s.contains(&label));
    session.send(ENTER);
    session.wait_for("the target report open", |s| {
        let title = s.lines().next().unwrap_or("");
        title.contains(&format!("{label} 政府工作报告"))
            && status_line(s).contains(&label)
            && !s.contains("a place, a year, a file or a heading")
    });
    let screen = session.contents();
    // Its own header, with the place put in.
    assert!(screen.contains(&format!("{place}人民政府")), "{screen}");
    assert!(screen.contains(&format!("{year}年")), "{screen}");
    session.quit();
}
