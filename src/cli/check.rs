//! `baogao check [PATH...]`: for each report, what the model could not work out — no region,
//! speaker, date or chapters, a region not in the divisions table, an office that does not fit
//! the region, a plan chapter whose figures read as results — one line each (`FILE: problem`),
//! then a summary. Someone loading 3,000
//! reports learns which few need a look. Exits 0 whenever any report loaded.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::LazyLock;

use clap::Args;
use rayon::prelude::*;

use crate::corpus::{Report, check};
use crate::figures::{self, Status};

const PLAN_CHAPTER_WORDS: &str = include_str!("../../assets/plan-chapter-words.txt");

/// A plan chapter is flagged when it holds at least this many figures…
const MIN_FIGURES: usize = 10;
/// …and more than this share of them read as results.
const MAX_RESULT_SHARE: f64 = 0.6;

/// The options of `baogao check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Report files or directories; none means the bundled reports.
    pub paths: Vec<PathBuf>,
}

/// Run `baogao check`.
pub fn run(args: CheckArgs) -> anyhow::Result<ExitCode> {
    let corpus = super::load_corpus(&args.paths);
    let found: Vec<Vec<String>> = corpus.reports.par_iter().map(problems).collect();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for (report, problems) in corpus.reports.iter().zip(&found) {
        let name = report
            .path
            .as_ref()
            .map_or_else(|| report.file.clone(), |p| p.display().to_string());
        for problem in problems {
            writeln!(out, "{name}: {problem}")?;
        }
    }
    let flagged = found.iter().filter(|p| !p.is_empty()).count();
    let total: usize = found.iter().map(Vec::len).sum();
    writeln!(
        out,
        "{} report(s) checked, {flagged} need a look ({total} problem(s)){}",
        corpus.reports.len(),
        if corpus.errors.is_empty() {
            String::new()
        } else {
            format!(", {} input(s) could not be loaded", corpus.errors.len())
        }
    )?;
    out.flush()?;
    Ok(super::exit_code(&corpus))
}

/// The model's problems with `report` and, for each plan chapter, whether its figures read as
/// results.
pub fn problems(report: &Report) -> Vec<String> {
    let mut out = check::problems(report);
    out.extend(plans_reading_as_results(report));
    out
}

/// `(plan words, review words)` of chapter titles.
static WORDS: LazyLock<(Vec<&'static str>, Vec<&'static str>)> = LazyLock::new(|| {
    let mut plan = Vec::new();
    let mut review = Vec::new();
    for line in PLAN_CHAPTER_WORDS.lines().filter(|l| !l.starts_with('#')) {
        match line.split_once('\t') {
            Some(("plan", word)) => plan.push(word.trim()),
            Some(("review", word)) => review.push(word.trim()),
            _ => {}
        }
    }
    (plan, review)
});

/// Whether a chapter title announces plans: a plan word or the report's year (or a later one),
/// and no review word.
pub fn is_plan_chapter(title: &str, year: Option<i32>) -> bool {
    let (plan, review) = &*WORDS;
    if review.iter().any(|w| title.contains(w)) {
        return false;
    }
    let names_a_coming_year = year.is_some_and(|year| {
        title
            .as_bytes()
            .windows(4)
            .filter_map(|w| std::str::from_utf8(w).ok()?.parse::<i32>().ok())
            .any(|y| (year..year + 10).contains(&y))
    });
    names_a_coming_year || plan.iter().any(|w| title.contains(w))
}

/// One line for each plan chapter most of whose figures read as results: the figure reader (or
/// the outline) has likely gone wrong there.
fn plans_reading_as_results(report: &Report) -> Vec<String> {
    let year = figures::report_year(report);
    let chapters: Vec<usize> = (0..report.sections.len())
        .filter(|&i| report.sections[i].level == 1)
        .filter(|&i| is_plan_chapter(&report.sections[i].title, year))
        .collect();
    if chapters.is_empty() {
        return Vec::new();
    }
    let found = figures::extract(report);
    let mut out = Vec::new();
    for chapter in chapters {
        let span = &report.sections[chapter].span;
        let (mut results, mut all) = (0, 0);
        for figure in found.iter().filter(|f| span.contains(&f.span.start)) {
            all += 1;
            results += usize::from(figure.status == Status::Actual);
        }
        if all >= MIN_FIGURES && results as f64 > MAX_RESULT_SHARE * all as f64 {
            out.push(format!(
                "chapter {} is a plan, but {results} of its {all} figures read as results",
                report.sections[chapter].title
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_chapters_by_their_titles() {
        for title in [
            "二、2025年工作安排",
            "三、2026年重点工作",
            "二、“十五五”时期主要目标任务",
            "二、关于2025年工作",
        ] {
            assert!(is_plan_chapter(title, Some(2025)), "{title}");
        }
        for title in [
            "一、2024年工作回顾",
            "一、“十四五”时期发展成就和2025年工作回顾",
            "三、全面加强政府自身建设",
        ] {
            assert!(!is_plan_chapter(title, Some(2025)), "{title}");
        }
    }
}
