//! Reading a report into figures: each readable line is scanned, and each span found is given
//! its meaning from the clause, sentence and section around it.

use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, LazyLock};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::corpus::{LineKind, Report};

use super::indicator::{self, Affixes, Name, is_boundary, is_part_boundary};
use super::scan::{self, Span};
use super::{Figure, Kind, Measure, Period, Status, Value};
use super::{basis, period, status};

mod clauses;
mod context;
mod glossary;
mod naming;
mod words;

use clauses::*;
use context::*;
use glossary::*;
use words::*;

/// The year a report was delivered: its metadata, or else the year in its file name or its
/// opening lines.
pub fn report_year(report: &Report) -> Option<i32> {
    report.meta.year.or_else(|| year_fallback(report))
}

/// Where metadata does not give the year: the year in the file name (`minquan-2023.txt`), else
/// the first `YYYY年` in the report's opening lines (`——2023年6月26日在…`).
fn year_fallback(report: &Report) -> Option<i32> {
    let name = report.file.as_bytes();
    let from_name = (0..name.len().saturating_sub(3)).find_map(|i| {
        let run = &name[i..i + 4];
        let bounded = (i == 0 || !name[i - 1].is_ascii_digit())
            && name.get(i + 4).is_none_or(|b| !b.is_ascii_digit());
        let year: i32 = std::str::from_utf8(run).ok()?.parse().ok()?;
        (bounded && run.iter().all(u8::is_ascii_digit) && (1949..=2100).contains(&year))
            .then_some(year)
    });
    from_name.or_else(|| {
        report
            .lines
            .iter()
            .take(12)
            .find_map(|line| period::title_year(&report.text[line.range.clone()]))
    })
}

/// Whether a line's text can hold figures: reading text, headings (a glued heading carries its
/// paragraph) and glossary entries; not the title and front matter.
fn holds_figures(kind: LineKind) -> bool {
    matches!(
        kind,
        LineKind::Body | LineKind::Heading(_) | LineKind::Glossary
    )
}

/// Every figure of `report`, in text order.
pub(super) fn figures(report: &Report) -> Vec<Figure> {
    let mut out = Vec::new();
    read(report, &mut out, |out, first, spans, _| {
        // Labels are few: the line's figures move down over them.
        if spans.iter().any(|s| s.label.is_some()) {
            let mut kept = first;
            for (k, span) in spans.iter().enumerate() {
                if span.label.is_none() {
                    out.swap(kept, first + k);
                    kept += 1;
                }
            }
            out.truncate(kept);
        }
    });
    out
}

/// Every figure of `report` with the rules that read it, labels included; see
/// [`Explained`](super::Explained).
pub(super) fn explained(report: &Report) -> Vec<super::Explained> {
    let mut out = Vec::new();
    let mut line = Vec::new();
    read(report, &mut line, |line, first, spans, named_by| {
        let read = line.drain(first..).zip(named_by).zip(spans);
        out.extend(read.map(|((figure, &named_by), span)| super::Explained {
            figure,
            named_by: Some(named_by),
            label: span.label,
        }));
    });
    out
}

/// Read every figure and label of `report`, in text order, onto `out`; after each line, hand
/// `line_read` the figures, the line's figures' first index in it, their spans (with the rule
/// that makes a span a label) and the rules that named them. The figures go straight onto
/// `out`, where those before on the line are read from, and are not moved again.
fn read(
    report: &Report,
    out: &mut Vec<Figure>,
    mut line_read: impl FnMut(&mut Vec<Figure>, usize, &[Span], &[&'static str]),
) {
    let year = report_year(report);
    // The paragraphs reviewing a past plan's five years, also those after the one that says so.
    let five_year_reviews = super::reviews::plan_reviews(report);
    // Worked out for a section when a figure is first found in it: most sections hold none.
    let mut sections: Vec<Option<SectionContext>> = Vec::new();
    sections.resize_with(report.sections.len(), || None);
    // What each section's title tells, read once for the section and those under it.
    let mut title_facts: Vec<Option<TitleFacts>> = vec![None; report.sections.len()];
    // What each chapter tells its sections' stance, read once for them all.
    let mut chapters: Vec<Option<status::ChapterStance>> = vec![None; report.sections.len()];
    let outside = SectionContext::of_titles(Vec::new(), year);
    // What follows the report (`附件1` `2025年省十件民生实事`) is in no section: the short
    // lines heading it give its stance.
    let report_start = report.sections.first().map_or(usize::MAX, |s| s.span.start);
    let mut appendix_titles: Vec<&str> = Vec::new();
    let mut appendix: Option<SectionContext> = None;
    let mut spans = Vec::new();
    // The rules that named the line's figures (labels included, so the names they carry reach
    // the figures after them: `经济总量跨过两个万亿元大关、超过6万亿元`).
    let mut named_by: Vec<&'static str> = Vec::new();
    for (index, line) in report.lines.iter().enumerate() {
        if !holds_figures(line.kind) {
            continue;
        }
        let content = &report.text[line.content.clone()];
        let outside_sections = report.section_at(line.content.start).is_none();
        if outside_sections
            && line.content.start > report_start
            && line.kind == LineKind::Body
            && is_appendix_title(content)
        {
            appendix_titles.push(content);
            appendix = Some(SectionContext::of_titles(appendix_titles.clone(), year));
        }
        spans.clear();
        let glossary = line.kind == LineKind::Glossary;
        if glossary {
            // `3．10种有色金属：…`: the entry's number is no figure, nor part of one.
            let skip = entry_number_len(content);
            scan::scan_all_into(&content[skip..], &mut spans);
            for span in &mut spans {
                span.start += skip;
                span.end += skip;
            }
            let programme = defines_programme(content);
            for span in &mut spans {
                if span.label.is_none() && glossary_label(content, span, programme) {
                    span.label = Some("glossary_part");
                }
            }
        } else {
            scan::scan_all_into(content, &mut spans);
        }
        if spans.is_empty() {
            continue;
        }
        // A defined term is followed by `指`: most lines have none.
        static ZHI: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("指"));
        if ZHI.find(content.as_bytes()).is_some() {
            spans.retain(|s| !in_defined_term(content, s));
            if spans.is_empty() {
                continue;
            }
        }
        let words = LineWords::find(content);
        let section = report.section_at(line.content.start);
        let in_section = match section {
            Some(s) => &*sections[s].get_or_insert_with(|| {
                let chapter = status::chapter_of(report, s);
                let stance = chapters[chapter]
                    .get_or_insert_with(|| status::ChapterStance::of(report, chapter, year))
                    .section(report, s, year);
                let facts = section_facts(report, s, &mut title_facts);
                SectionContext::new(&facts, year, stance)
            }),
            None if line.content.start > report_start => appendix.as_ref().unwrap_or(&outside),
            None => &outside,
        };
        let context = LineContext {
            content,
            spans: &spans,
            stance: if line.kind == LineKind::Glossary && plans_ahead(content, year)
                || in_section
                    .plan_from
                    .is_some_and(|from| line.content.start >= from)
            {
                status::Stance::Plan
            } else {
                in_section.stance
            },
            year,
            opening_years: period::opening_years(content),
            goals: words.goals,
            recaps: words.recaps,
            results: words.results,
            respectively: words.respectively,
            periods: in_section.periods.for_line(
                words.reviews_five_years
                    || five_year_reviews[index]
                    || period::reviews_past_plan(content, year),
                words.plans_five_years,
            ),
        };
        let mut columns = Columns {
            text: &report.text[line.range.start..line.content.end],
            byte: 0,
            chars: 0,
        };
        let lead = line.content.start - line.range.start;
        let mut state = State::default();
        named_by.clear();
        let first = out.len();
        for (k, span) in spans.iter().enumerate() {
            let (mut figure, rule) = context.figure(k, &mut state, &out[first..]);
            figure.span = line.content.start + span.start..line.content.start + span.end;
            figure.line = u32::try_from(index).unwrap_or(u32::MAX);
            figure.col = u32::try_from(columns.at(lead + span.start) + 1).unwrap_or(u32::MAX);
            figure.section = section;
            out.push(figure);
            named_by.push(rule);
        }
        line_read(out, first, &spans, &named_by);
    }
}

/// What the titles of section `index` and the sections it is in tell (chapter first, as
/// [`Report::section_path`] lists them), each title read once into `cache` by section.
fn section_facts(
    report: &Report,
    index: usize,
    cache: &mut [Option<TitleFacts>],
) -> Vec<TitleFacts> {
    let mut facts = Vec::new();
    let mut current = Some(index);
    while let Some(i) = current {
        let section = &report.sections[i];
        facts.push(*cache[i].get_or_insert_with(|| TitleFacts::of(&section.title)));
        current = section.parent;
    }
    facts.reverse();
    facts
}

/// Whether `content`, a line outside every section after the report's start, heads what
/// follows the report: short, with no sentence punctuation (`附件1`, `2025年省十件民生实事`).
fn is_appendix_title(content: &str) -> bool {
    !content.is_empty()
        && content.chars().nth(30).is_none()
        && !content.contains(['。', '，', '；', '：', ',', ';', ':'])
}

/// Character columns counted incrementally along one line.
struct Columns<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl Columns<'_> {
    /// The number of characters before byte `offset` (offsets must not decrease).
    fn at(&mut self, offset: usize) -> usize {
        self.chars += self.text[self.byte..offset].chars().count();
        self.byte = offset;
        self.chars
    }
}

/// The last entry of `list` (in text order by `at`) that starts before `offset`.
fn last_before<T>(list: &[T], offset: usize, at: impl Fn(&T) -> usize) -> Option<&T> {
    let n = list.partition_point(|x| at(x) < offset);
    n.checked_sub(1).map(|i| &list[i])
}
