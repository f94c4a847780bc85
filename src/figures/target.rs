//! Target or result: a figure's status from the structure of the report (chapters that plan,
//! `民生实事` lists, a glossary's programmes) and from its sentence (`力争`, `预期目标`, a recap
//! of last year, a year opening the sentence).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::Status;

/// Chapter and section titles that announce plans rather than results.
static PLAN_TITLES: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("plan-titles"));

/// Chapter titles that look back: a review stays a review whatever plan words it quotes
/// (`一、2025年工作总结和“十四五”发展成就`).
static REVIEW_TITLES: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("review-titles"));

/// The plan title words, built once.
static PLAN_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(*PLAN_TITLES).expect("the plan title words build an automaton")
});
/// The review title words, built once.
static REVIEW_AUTOMATON: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::new(*REVIEW_TITLES).expect("the review title words build an automaton")
});

/// What a section says about the time its figures belong to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// It plans: its figures are targets unless a sentence recaps.
    Plan,
    /// It reviews, or says neither: its figures are results unless a sentence sets goals.
    Review,
}

/// The stance of a section path (chapter first) of a report of `year`. A chapter title that
/// looks back makes the path a review. Otherwise a title is a plan when it carries a plan word
/// (`三、2025年重点任务`, `民生实事`), names the report's year or a later one with no review
/// word (`2026年重点工作`, `二、关于2025年工作`), or names a five-year plan that has not yet
/// begun (`“十五五”时期的主要目标任务` in 2026).
pub fn stance<'a>(titles: impl IntoIterator<Item = &'a str>, year: Option<i32>) -> Stance {
    let mut plan = false;
    for (depth, title) in titles.into_iter().enumerate() {
        // Only a chapter looks back: a section under a plan may promise `新成就`.
        if depth == 0 && REVIEW_AUTOMATON.is_match(title) {
            return Stance::Review;
        }
        plan |= title_plans(title, year);
    }
    if plan { Stance::Plan } else { Stance::Review }
}

/// Whether one title of a section path plans (see [`stance`]).
fn title_plans(title: &str, year: Option<i32>) -> bool {
    let ahead = |from: i32| year.is_some_and(|y| from >= y);
    PLAN_AUTOMATON.is_match(title)
        || super::period::title_year(title).is_some_and(ahead)
        || super::period::plan_period(title).is_some_and(|(from, _)| ahead(from))
}

/// Words that state the year's goals (`主要预期目标是`): a chapter whose lead says them plans.
static GOAL_STATEMENTS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("goal-statements"));

/// What a section's titles and its chapter's paragraphs say about the time of its figures.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SectionStance {
    /// The stance of the section's text.
    pub stance: Stance,
    /// In a chapter that looks back and then ahead (`二、“十四五”时期发展成就和“十五五”时期主要
    /// 目标任务`), the byte offset of the paragraph that turns to the plan: a plan from there on.
    pub plan_from: Option<usize>,
}

/// The stance of section `index` of `report` (of `year`): its titles' (see [`stance`]); a plan,
/// though its titles say nothing, where its chapter's lead paragraphs state the year's goals
/// (`今年经济社会发展的主要预期目标是：`) and the chapter title does not look back; and in a
/// chapter whose title looks back and ahead, a plan from the paragraph opening on a plan not yet
/// begun (`“十五五”时期是…`) or on the next five years.
pub fn section_stance(
    report: &crate::corpus::Report,
    index: usize,
    year: Option<i32>,
) -> SectionStance {
    ChapterStance::of(report, chapter_of(report, index), year).section(report, index, year)
}

/// The chapter holding section `index` of `report`: its outermost enclosing section.
pub fn chapter_of(report: &crate::corpus::Report, index: usize) -> usize {
    let mut chapter = index;
    while let Some(parent) = report.sections.get(chapter).and_then(|s| s.parent) {
        chapter = parent;
    }
    chapter
}

/// What a chapter tells the stance of each of its sections (see [`section_stance`]), read once
/// for all of them: its title, its lead paragraphs and where it turns to its plan.
#[derive(Debug, Clone, Copy)]
pub struct ChapterStance {
    /// The chapter.
    chapter: usize,
    /// Its title looks back.
    review: bool,
    /// Its title plans ([`title_plans`]).
    plans: bool,
    /// In a chapter not looking back, its lead paragraphs state the year's goals.
    states_goals: bool,
    /// In a chapter looking back and ahead, where its plan starts.
    plan_from: Option<usize>,
}

impl ChapterStance {
    /// The stance chapter `chapter` of `report` (of `year`) gives its sections.
    pub fn of(report: &crate::corpus::Report, chapter: usize, year: Option<i32>) -> ChapterStance {
        let title = report
            .sections
            .get(chapter)
            .map_or("", |s| s.title.as_str());
        let review = REVIEW_AUTOMATON.is_match(title);
        let mut out = ChapterStance {
            chapter,
            review,
            plans: title_plans(title, year),
            states_goals: false,
            plan_from: None,
        };
        let Some(section) = report.sections.get(chapter) else {
            return out;
        };
        let span = section.heading.end.min(section.span.end)..section.span.end;
        if !review {
            // The chapter's own paragraphs: up to its first section.
            let lead_end = report
                .sections
                .iter()
                .skip(chapter + 1)
                .find(|s| s.parent == Some(chapter))
                .map_or(span.end, |s| s.span.start.max(span.start));
            let lead = report.text.get(span.start..lead_end).unwrap_or("");
            out.states_goals = GOAL_STATEMENTS.iter().any(|w| lead.contains(w));
            return out;
        }
        let ahead = |title: &str| {
            PLAN_AUTOMATON.is_match(title)
                || super::period::plan_periods(title)
                    .any(|(from, _)| year.is_some_and(|y| from >= y))
        };
        out.plan_from = ahead(&section.title)
            .then(|| {
                let text = report.text.get(span.clone())?;
                let mut offset = span.start;
                for paragraph in text.split_inclusive('\n') {
                    let opening = paragraph
                        .split(['，', '。', '：', '；'])
                        .next()
                        .unwrap_or("");
                    let opens_plan = super::period::plan_periods(opening)
                        .any(|(from, _)| year.is_some_and(|y| from >= y))
                        || super::period::plans_five_years(opening);
                    if opens_plan {
                        return Some(offset);
                    }
                    offset += paragraph.len();
                }
                None
            })
            .flatten();
        out
    }

    /// The stance of section `index` of `report` (of `year`), a section of this chapter: its
    /// titles' ([`stance`], the chapter's title read once), then what the chapter adds.
    pub fn section(
        &self,
        report: &crate::corpus::Report,
        index: usize,
        year: Option<i32>,
    ) -> SectionStance {
        let by_titles = if self.review {
            Stance::Review
        } else {
            // The titles below the chapter's, from the section up.
            let mut plan = self.plans;
            let mut current = Some(index).filter(|&i| i != self.chapter);
            while let Some(i) = current
                && !plan
            {
                plan = title_plans(&report.sections[i].title, year);
                current = report.sections[i].parent.filter(|&p| p != self.chapter);
            }
            if plan { Stance::Plan } else { Stance::Review }
        };
        SectionStance {
            stance: if !self.review && self.states_goals {
                Stance::Plan
            } else {
                by_titles
            },
            plan_from: if self.review { self.plan_from } else { None },
        }
    }
}

/// Words in a sentence that make its figures targets wherever it stands.
pub static TARGET_WORDS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("goal-words"));
/// Words that make a sentence in a plan chapter a recap of results.
pub static RECAP_WORDS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("recap-words"));

/// What tells a figure's status, read from its section and sentence.
#[derive(Debug, Clone, Copy)]
pub struct Cues {
    /// The stance of its section (or of the glossary entry it is in).
    pub stance: Stance,
    /// A [`TARGET_WORDS`] word stands before it in its sentence.
    pub goal: bool,
    /// A [`RECAP_WORDS`] word stands before it in its sentence.
    pub recap: bool,
    /// The year that opens its sentence (`2024年，…`), if one does.
    pub opening_year: Option<i32>,
    /// The report's year.
    pub year: Option<i32>,
}

/// A target or a result. In a plan a figure is a target unless its sentence recaps or opens
/// on a past year; elsewhere it is a target only in a sentence stating goals or opening on a
/// year after the report's.
pub fn status(cues: Cues) -> Status {
    let past = matches!((cues.opening_year, cues.year), (Some(o), Some(y)) if o < y);
    let future = matches!((cues.opening_year, cues.year), (Some(o), Some(y)) if o > y);
    match cues.stance {
        Stance::Plan if past || cues.recap => Status::Actual,
        Stance::Plan => Status::Target,
        // `到2027年，建成…`: a sentence opening on a later year plans, wherever it stands.
        Stance::Review if cues.goal || future => Status::Target,
        Stance::Review => Status::Actual,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plans_are_told_by_their_titles() {
        let plan =
            |titles: &[&str], year| stance(titles.iter().copied(), Some(year)) == Stance::Plan;
        assert!(plan(&["二、2023年工作安排"], 2023));
        assert!(plan(&["三、2021年重点工作", "（一）激活创新要素"], 2021));
        assert!(plan(&["二、“十四五”时期经济社会发展主要目标任务"], 2021));
        assert!(!plan(&["一、2022年工作回顾"], 2023));
        assert!(plan(&["二、今后五年奋斗目标"], 2023));
        assert!(plan(&["二、2021年主要目標和重點工作"], 2021));
        assert!(plan(&["三、2025年重点任务"], 2025));
        assert!(plan(&["2026年重点工作"], 2026), "no number");
        assert!(plan(&["工作总体要求和预期目标"], 2026), "no number");
        assert!(plan(&["二、关于2025年工作"], 2025), "the report's own year");
        assert!(
            plan(&["二、“十五五”时期主要任务"], 2026),
            "a plan not yet begun"
        );
        assert!(plan(
            &["（六）着力办好民生实事，在全面提高人民生活品质上开新局"],
            2026
        ));
        assert!(!plan(&["一、2025年工作总结和“十四五”发展成就"], 2026));
        assert!(
            !plan(&["一、“十四五”时期的主要成就"], 2026),
            "a plan ended is reviewed"
        );
        assert!(!plan(&["三、全面加强政府自身建设"], 2025));
        assert!(plan(
            &[
                "三、2021年重点工作",
                "（八）增进民生福祉，在构建幸福和谐民权中取得新成就"
            ],
            2021
        ));
    }

    #[test]
    fn chapters_that_plan_by_what_their_paragraphs_say() {
        use crate::corpus::parse_report;
        let report = parse_report(
            "t-2026.txt",
            None,
            "政府工作报告\n各位代表：\n一、牢记嘱托，建设取得新成效\n去年经济增长5%。\n\
             二、牢记使命，奋勇争先\n今年经济社会发展的主要预期目标是：经济增长5%左右。\n\
             （一）坚持自立自强\n新建学校10所。\n\
             三、“十四五”时期发展成就和“十五五”时期主要目标任务\n这五年，经济总量跨上新台阶。\n\
             “十五五”时期是关键时期，主要目标是经济年均增长5%。\n",
        );
        let at = |title: &str| {
            let index = report
                .sections
                .iter()
                .position(|s| s.title.starts_with(title))
                .unwrap_or_else(|| panic!("no section {title}: {:?}", report.sections));
            section_stance(&report, index, Some(2026))
        };
        assert_eq!(at("一、").stance, Stance::Review);
        assert_eq!(at("二、").stance, Stance::Plan, "its lead states the goals");
        assert_eq!(at("（一）").stance, Stance::Plan, "and so do its sections");
        let mixed = at("三、");
        assert_eq!(mixed.stance, Stance::Review);
        let turn = mixed.plan_from.expect("the chapter turns to its plan");
        assert!(report.text[turn..].starts_with("“十五五”时期是"));
    }

    #[test]
    fn targets_and_results() {
        let cues = |stance, goal, recap, opening_year| Cues {
            stance,
            goal,
            recap,
            opening_year,
            year: Some(2023),
        };
        assert_eq!(
            status(cues(Stance::Plan, false, false, None)),
            Status::Target
        );
        assert_eq!(
            status(cues(Stance::Plan, false, false, Some(2022))),
            Status::Actual,
            "a plan sentence opening on last year recaps"
        );
        assert_eq!(
            status(cues(Stance::Plan, false, true, None)),
            Status::Actual
        );
        assert_eq!(
            status(cues(Stance::Review, true, false, None)),
            Status::Target,
            "a review quoting a goal"
        );
        assert_eq!(
            status(cues(Stance::Review, false, false, None)),
            Status::Actual
        );
    }
}
