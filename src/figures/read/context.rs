//! What a line, its section and the figures before it tell each figure: status, period,
//! measure, basis and value.

use super::*;
use crate::figures::reviews;
use crate::figures::words::trim_start;

/// One line being read, with what is worked out once per line.
pub(super) struct LineContext<'a> {
    pub(super) content: &'a str,
    pub(super) spans: &'a [Span],
    /// Whether the line is in a plan chapter (or a glossary entry defining a programme).
    pub(super) stance: status::Stance,
    /// The report's year.
    pub(super) year: Option<i32>,
    /// Years opening a clause, by offset.
    pub(super) opening_years: Vec<(usize, i32)>,
    /// Goal words (`预期目标`, `力争`) and recap words (`去年`), by range.
    pub(super) goals: Vec<Range<usize>>,
    pub(super) recaps: Vec<Range<usize>>,
    /// Where words turning from a goal to its result (`实际增长`) start.
    pub(super) results: Vec<usize>,
    /// Where `分别` words start.
    pub(super) respectively: Vec<usize>,
    /// The period of a result and of a target where the sentence states none.
    pub(super) periods: LinePeriods,
}

/// The periods a line's figures take where their sentence states none.
#[derive(Debug, Clone, Copy)]
pub(super) struct LinePeriods {
    /// Of a result.
    pub(super) result: Option<Period>,
    /// Of a target.
    pub(super) target: Option<Period>,
    /// Of a result over the five years a section may review.
    pub(super) five_years: Option<Period>,
}

/// The periods a section's figures take where their sentence states none.
#[derive(Debug, Clone, Copy)]
pub(super) struct SectionPeriods {
    /// Of a result.
    pub(super) result: Option<Period>,
    /// Of a result in a paragraph reviewing five years.
    pub(super) result_five_years: Option<Period>,
    /// Of a target.
    pub(super) target: Option<Period>,
    /// Of a target in a paragraph planning five years.
    pub(super) target_five_years: Option<Period>,
}

impl SectionPeriods {
    /// The periods of a line that reviews five years, or plans five years, or neither.
    pub(super) fn for_line(&self, reviews_five_years: bool, plans_five_years: bool) -> LinePeriods {
        LinePeriods {
            result: if reviews_five_years {
                self.result_five_years
            } else {
                self.result
            },
            target: if plans_five_years {
                self.target_five_years
            } else {
                self.target
            },
            five_years: self.result_five_years,
        }
    }
}

/// What a section title tells the figures under it, read once per title: a chapter's title
/// serves all its sections.
#[derive(Debug, Clone, Copy)]
pub(super) struct TitleFacts {
    /// The year and plan it dates its figures by.
    dates: period::TitleDates,
    /// Whether it looks back over five years (`一、过去五年工作回顾`).
    reviews: bool,
    /// Whether it plans five years (`二、今后五年奋斗目标`).
    plans: bool,
}

impl TitleFacts {
    /// Read `title`.
    pub(super) fn of(title: &str) -> TitleFacts {
        TitleFacts {
            dates: period::TitleDates::of(title),
            reviews: period::reviews_five_years(title),
            plans: period::plans_five_years(title),
        }
    }
}

/// What a section tells its figures, worked out once per section.
pub(super) struct SectionContext {
    /// Whether it is (inside) a plan chapter.
    pub(super) stance: status::Stance,
    /// Where a chapter looking back turns to its plan: a plan from this byte offset on.
    pub(super) plan_from: Option<usize>,
    /// Default periods.
    pub(super) periods: SectionPeriods,
}

impl SectionContext {
    /// The context of `titles` read as a section's: their stance alone.
    pub(super) fn of_titles(titles: Vec<&str>, year: Option<i32>) -> SectionContext {
        let stance = status::SectionStance {
            stance: status::stance(titles.iter().copied(), year),
            plan_from: None,
        };
        let facts: Vec<TitleFacts> = titles.iter().map(|t| TitleFacts::of(t)).collect();
        SectionContext::new(&facts, year, stance)
    }

    /// The context of a section whose titles (chapter first) tell `facts`, with `stance`, in a
    /// report of `year`.
    pub(super) fn new(
        facts: &[TitleFacts],
        year: Option<i32>,
        stance: status::SectionStance,
    ) -> SectionContext {
        // Each title is read once for all four default periods.
        let dates: Vec<period::TitleDates> = facts.iter().map(|f| f.dates).collect();
        let period = |status, five| period::default_period(status, five, &dates, year);
        // `一、过去五年工作回顾`, `二、今后五年奋斗目标`: the whole chapter is of five years.
        let reviews = facts.iter().any(|f| f.reviews);
        let plans = facts.iter().any(|f| f.plans);
        SectionContext {
            stance: stance.stance,
            plan_from: stance.plan_from,
            periods: SectionPeriods {
                result: period(Status::Actual, reviews),
                result_five_years: period(Status::Actual, true),
                target: period(Status::Target, plans),
                target_five_years: period(Status::Target, true),
            },
        }
    }
}

/// What carries from one figure of a line to the next.
#[derive(Default)]
pub(super) struct State<'a> {
    /// The indicator of the last named figure in this sentence part.
    pub(super) indicator: Option<Cow<'a, str>>,
    /// The measure, sign and kind of the last figure, for list continuations (`增长9.8%、12.5%`).
    pub(super) measure: Option<(Measure, f64, Kind)>,
    /// The basis of the last figure, for list continuations (`年均增长8.9%、12.5%`).
    pub(super) basis: basis::Based,
    /// Where the sentence of the last figure starts.
    pub(super) sentence_start: usize,
}

pub(super) const SENTENCE_END: [char; 5] = ['。', '！', '？', '!', '?'];

impl<'a> LineContext<'a> {
    /// Figure `k` of the line, and the naming rule that named it; `earlier` holds the figures
    /// before it on the line.
    pub(super) fn figure(
        &self,
        k: usize,
        state: &mut State<'a>,
        earlier: &[Figure],
    ) -> (Figure, &'static str) {
        let span = &self.spans[k];
        let content = self.content;
        let prev_end = if k > 0 { self.spans[k - 1].end } else { 0 };
        let between = &content[prev_end..span.start];
        let stops = Stops::before(between);
        if stops.part {
            state.indicator = None;
            state.measure = None;
        }
        let clause_start = stops.clause.map_or(prev_end, |i| prev_end + i);
        let clause = &content[clause_start..span.start];
        let after = &content[span.end..];
        if let Some(i) = stops.sentence {
            state.sentence_start = prev_end + i;
        }
        let sentence_start = state.sentence_start;
        let in_sentence = |r: &Range<usize>| r.start >= sentence_start && r.end <= span.start;

        let (indicator, named_by) = self.indicator(k, clause, after, state, earlier);
        // `增长5%左右、5%以上`: a qualifier may stand before the separator.
        let continues_list =
            k > 0 && is_list_separator(status::strip_after_qualifier(trim_start(between)));
        let (measure, sign) = match state.measure {
            Some((measure, sign, _)) if continues_list => (measure, sign),
            // `增长7.5%，力争达到8%`: the hoped-for figure of the same change.
            Some((Measure::Change, sign, kind)) if kind == span.kind && only_hopes(clause) => {
                (Measure::Change, sign)
            }
            _ => status::measure(span.kind, clause, after, indicator.as_deref()),
        };
        // `八成以上`, `占全国1/4`: tenths and fractions of a whole are a share.
        let fraction =
            span.kind == Kind::Ratio && content[span.start..span.end].contains(['/', '／']);
        let measure = if measure == Measure::Level
            && (content[span.start..span.end].ends_with('成') || fraction)
        {
            Measure::Share
        } else {
            measure
        };
        state.measure = Some((measure, sign, span.kind));
        let qualifier = status::qualifier(clause, after, span.inner_qualifier);
        // Each list is in text order: look only at the last entry before the figure.
        let stated = last_before(&self.opening_years, span.start, |&(at, _)| at)
            .filter(|&&(at, _)| at >= sentence_start)
            .map(|&(_, y)| y);
        // `预期目标是增长5%，全年实际增长5.2%`: a result after the goal it answers.
        let goal = last_before(&self.goals, span.start, |r| r.start)
            .filter(|r| in_sentence(r))
            .is_some_and(|r| {
                last_before(&self.results, span.start, |&at| at).is_none_or(|&at| at < r.start)
            });
        let recap = last_before(&self.recaps, span.start, |r| r.start).is_some_and(in_sentence);
        let status = status::status(status::Cues {
            stance: self.stance,
            goal,
            recap,
            opening_year: stated,
            year: self.year,
        });
        let pointed = pointed_year(clause).filter(|_| span.kind != Kind::Multiple);
        // `今年经济社会发展的主要预期目标是：…`: a target of this year, also in a chapter of a
        // five-year plan's goals.
        let this_year = (status == Status::Target)
            .then(|| {
                content[sentence_start.min(span.start)..span.start]
                    .starts_with("今年")
                    .then_some(self.year)
                    .flatten()
            })
            .flatten();
        let stated = pointed.or(stated).or(this_year);
        let one_year = |y: i32| Period { from: y, to: y };
        // `用3年时间，引进…`, `三年行动（2025—2027年）`: a programme's target is of its years.
        let programme = (status == Status::Target)
            .then(|| {
                period::programme_span(
                    &content[sentence_start.min(span.start)..span.start],
                    self.year,
                )
            })
            .flatten();
        // What the years of a review or a plan date differently: a rate or rank is of the
        // last year, a change of all of them.
        let rate = matches!(measure, Measure::Share | Measure::Rank)
            || matches!(span.kind, Kind::Percent | Kind::PercentagePoint);
        let change = measure == Measure::Change || span.kind == Kind::Multiple;
        let over_the_span = || {
            let count = span.kind == Kind::Count;
            reviews::over_the_span(change, rate, count, content, span.start, span.end)
        };
        let period = match stated {
            _ if programme.is_some() => programme,
            Some(y) if status == Status::Target => period::yearly_average(clause, y, self.year)
                .as_deref()
                .and_then(Period::parse)
                .or(Some(one_year(y))),
            Some(y) => Some(one_year(y)),
            // In a review of several years, a stock or a rate is of the last year.
            None => match status {
                Status::Actual => self.periods.result.map(|p| {
                    if p.from == p.to {
                        p
                    } else if reviews::starts_a_move(content, span.start) {
                        one_year(p.from - 1)
                    } else if over_the_span() {
                        p
                    } else {
                        one_year(p.to)
                    }
                }),
                // A plan's levels are set for its last year (`到2030年…占比25%左右`), its
                // flows and yearly rates for all its years.
                Status::Target => self.periods.target.map(|p| {
                    if p.from < p.to && !over_the_span() {
                        one_year(p.to)
                    } else {
                        p
                    }
                }),
            },
        };
        // `由上年的13.2:35.8:51.0调整为…`: the starting point is of the year before.
        let from_last_year = ["由上年", "从上年", "由去年", "从去年"]
            .iter()
            .any(|w| clause.strip_suffix('的').unwrap_or(clause).ends_with(w));
        let period = match period {
            Some(p) if from_last_year && p.from == p.to => Some(one_year(p.from - 1)),
            // `连续9年稳定在1300亿斤以上`: a level held for a run of years ending in its year. (A
            // rank held so, `连续三年居全省第4位`, is dated to its year in the held-out gold and
            // to the run in the real reports' gold: it keeps its year.)
            Some(p) if p.from == p.to && span.kind != Kind::Rank => {
                match period::run_of_years(clause) {
                    Some(n) => Some(Period {
                        from: p.to - n + 1,
                        to: p.to,
                    }),
                    None => Some(p),
                }
            }
            other => other,
        };
        let based = match measure {
            Measure::Change if continues_list => state.basis,
            Measure::Change => basis::basis(span.kind, clause, period),
            _ => basis::Based::default(),
        };
        // `比2010年增加13480元`, `年均递增12.2%` in a review of 2011-2015: a change over years
        // is of those years, not of the last (outside a review of years, `是2015年的1.6倍` is
        // dated as its level is).
        // A multiple (`是2010年的2.6倍`) keeps its level's year: the gold sets disagree on it.
        let reviews_years =
            self.periods.result.is_some_and(|r| r.from < r.to) && span.kind != Kind::Multiple;
        let period = match (period, based.basis, based.base_year) {
            _ if !reviews_years => period,
            (Some(p), Some(basis::Basis::Cumulative), Some(base))
                if p.from == p.to && base < p.to - 1 =>
            {
                Some(Period {
                    from: base + 1,
                    to: p.to,
                })
            }
            (Some(p), Some(basis::Basis::AnnualAverage | basis::Basis::Cumulative), _)
                if p.from == p.to =>
            {
                Some(
                    self.periods
                        .five_years
                        .filter(|five| five.to == p.to && status == Status::Actual)
                        .unwrap_or(p),
                )
            }
            (other, _, _) => other,
        };
        state.basis = based;
        let comparable_prices = measure == Measure::Change
            && basis::comparable_prices(&content[sentence_start.min(span.start)..span.start]);
        let value = span.value.clone().map(|v| match v {
            Value::Number(x) => Value::Number(x * sign),
            Value::Range(a, b) => Value::Range(a * sign, b * sign),
            other => other,
        });
        let figure = Figure {
            span: 0..0,
            line: 0,
            col: 0,
            text: content[span.start..span.end].into(),
            kind: span.kind,
            value,
            unit: span.unit,
            measure,
            indicator: indicator.as_deref().map(Arc::from),
            status,
            qualifier,
            period,
            basis: based.basis,
            base_year: based.base_year,
            comparable_prices,
            section: None,
        };
        (figure, named_by)
    }
}
