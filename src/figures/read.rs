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

/// The year a report was delivered: its metadata, or else [`year_fallback`].
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
    let year = report_year(report);
    // Worked out for a section when a figure is first found in it: most sections hold none.
    let mut sections: Vec<Option<SectionContext>> = Vec::new();
    sections.resize_with(report.sections.len(), || None);
    let outside = SectionContext::new(Vec::new(), year);
    let mut out = Vec::new();
    let mut spans = Vec::new();
    for (index, line) in report.lines.iter().enumerate() {
        if !holds_figures(line.kind) {
            continue;
        }
        let content = &report.text[line.content.clone()];
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
        // A defined term is followed by `指`: most lines have none.
        static ZHI: LazyLock<memchr::memmem::Finder<'static>> =
            LazyLock::new(|| memchr::memmem::Finder::new("指"));
        if ZHI.find(content.as_bytes()).is_some() {
            spans.retain(|s| !in_defined_term(content, s));
        }
        if spans.is_empty() {
            continue;
        }
        let words = LineWords::find(content);
        let section = report.section_at(line.content.start);
        let in_section = match section {
            Some(s) => &*sections[s]
                .get_or_insert_with(|| SectionContext::new(report.section_path(s), year)),
            None => &outside,
        };
        let context = LineContext {
            content,
            spans: &spans,
            stance: if line.kind == LineKind::Glossary && defines_programme(content) {
                status::Stance::Plan
            } else {
                in_section.stance
            },
            year,
            opening_years: period::opening_years(content),
            goals: words.goals,
            recaps: words.recaps,
            respectively: words.respectively,
            periods: [
                in_section.periods[usize::from(
                    words.reviews_five_years || period::reviews_past_plan(content, year),
                )],
                in_section.periods[2 + usize::from(words.plans_five_years)],
            ],
        };
        let mut columns = Columns {
            text: &report.text[line.range.start..line.content.end],
            byte: 0,
            chars: 0,
        };
        let lead = line.content.start - line.range.start;
        let mut state = State::default();
        let first = out.len();
        for (k, span) in spans.iter().enumerate() {
            let mut figure = context.figure(k, &mut state, &out[first..]);
            figure.span = line.content.start + span.start..line.content.start + span.end;
            figure.line = u32::try_from(index).unwrap_or(u32::MAX);
            figure.col = u32::try_from(columns.at(lead + span.start) + 1).unwrap_or(u32::MAX);
            figure.section = section;
            out.push(figure);
        }
        // Labels were read with the figures, so the names they carry reach the figures after
        // them (`经济总量跨过两个万亿元大关、超过6万亿元`); they are not figures themselves.
        if spans.iter().any(|s| s.label.is_some()) {
            let mut k = 0;
            let labels = &spans;
            let line_figures = out.split_off(first);
            out.extend(line_figures.into_iter().filter(|_| {
                k += 1;
                labels[k - 1].label.is_none()
            }));
        }
    }
    out
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

/// The words that pair a list of items with a list of figures (`A、B分别增长9.8%、12.5%`).
static RESPECTIVELY: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("respectively"));

/// The words of a line that bear on status, period and lists, found in one pass.
struct LineWords {
    goals: Vec<Range<usize>>,
    recaps: Vec<Range<usize>>,
    /// Where [`RESPECTIVELY`] words start.
    respectively: Vec<usize>,
    reviews_five_years: bool,
    plans_five_years: bool,
}

/// Every status and period word, and the lists it belongs to (a bit per list: a word may be in
/// several, as `过去五年` is a recap and a five-year review).
static LINE_WORDS: LazyLock<(AhoCorasick, Vec<u8>)> = LazyLock::new(|| {
    let lists: [&[&str]; 5] = [
        *status::TARGET_WORDS,
        *status::RECAP_WORDS,
        *period::FIVE_YEAR_REVIEW_WORDS,
        *period::FIVE_YEAR_PLAN_WORDS,
        *RESPECTIVELY,
    ];
    let mut words: Vec<&str> = Vec::new();
    let mut lists_of: Vec<u8> = Vec::new();
    for (i, list) in lists.iter().enumerate() {
        for w in *list {
            match words.iter().position(|x| x == w) {
                Some(at) => lists_of[at] |= 1 << i,
                None => {
                    words.push(w);
                    lists_of.push(1 << i);
                }
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("status words build an automaton");
    (automaton, lists_of)
});

impl LineWords {
    fn find(text: &str) -> LineWords {
        let (automaton, lists_of) = &*LINE_WORDS;
        let mut words = LineWords {
            goals: Vec::new(),
            recaps: Vec::new(),
            respectively: Vec::new(),
            reviews_five_years: false,
            plans_five_years: false,
        };
        for m in automaton.find_iter(text) {
            let lists = lists_of[m.pattern().as_usize()];
            if lists & 1 != 0 {
                words.goals.push(m.range());
            }
            if lists & 2 != 0 {
                words.recaps.push(m.range());
            }
            if lists & 16 != 0 {
                words.respectively.push(m.start());
            }
            words.reviews_five_years |= lists & 4 != 0;
            words.plans_five_years |= lists & 8 != 0;
        }
        words
    }
}

/// The last entry of `list` (in text order by `at`) that starts before `offset`.
fn last_before<T>(list: &[T], offset: usize, at: impl Fn(&T) -> usize) -> Option<&T> {
    let n = list.partition_point(|x| at(x) < offset);
    n.checked_sub(1).map(|i| &list[i])
}

/// Whether a span is part of a term being defined (`3. 四个口袋：指…`, as in a glossary): a
/// slogan's numeral, not a figure.
fn in_defined_term(content: &str, span: &Span) -> bool {
    let after = &content[span.end..];
    // A term is short: its colon comes within a few characters.
    let Some((end, _)) = after.char_indices().take(12).find(|&(_, c)| is_boundary(c)) else {
        return false;
    };
    let rest = &after[end..];
    let defines = rest
        .strip_prefix('：')
        .or_else(|| rest.strip_prefix(':'))
        .is_some_and(|r| r.trim_start().starts_with('指') || r.trim_start().starts_with("是指"));
    defines && !content[..span.start].contains(['：', ':', '，', ','])
}

/// Whether a glossary entry defines a programme (`“十县百乡千村万户”示范引领工程：建设10个…`,
/// `新时代“银龄人才万人计划”：用3年时间…`): what it counts is to be done.
fn defines_programme(content: &str) -> bool {
    const PROGRAMMES: [&str; 5] = ["工程", "计划", "行动", "計劃", "行動"];
    content.split_once(['：', ':']).is_some_and(|(term, _)| {
        let term = term.trim_end_matches(['”', '"', ' ']);
        term.chars().count() <= 40 && PROGRAMMES.iter().any(|p| term.ends_with(p))
    })
}

/// The length of a glossary entry's number (`3．`, `12.`, `5、`) at the start of `content`.
fn entry_number_len(content: &str) -> usize {
    let digits = content.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 3 {
        return 0;
    }
    let rest = &content[digits..];
    ['．', '.', '、']
        .iter()
        .find(|&&mark| rest.starts_with(mark))
        .map_or(0, |mark| digits + mark.len_utf8())
}

/// Whether a figure of a glossary entry only labels: it is in the term defined (`3个“三年行动”：`),
/// or, in an entry that does not define a programme, it counts what the term covers
/// (`4个方面21条措施`, `等6个重大科技专项`, `4个方向8条走廊`, `指六个横向输水大动脉`).
fn glossary_label(content: &str, span: &Span, programme: bool) -> bool {
    let in_term = content
        .find(['：', ':'])
        .is_some_and(|colon| span.start < colon);
    if in_term {
        return true;
    }
    if programme || span.kind != Kind::Count {
        return false;
    }
    // `指六个横向输水大动脉`, `等6个重大科技专项`: the parts a definition lists.
    if content[..span.start].ends_with(['指', '等']) || content[..span.start].ends_with("包括")
    {
        return true;
    }
    let rest = &content[span.end..];
    let noun_end = rest
        .char_indices()
        .find(|&(_, c)| is_boundary(c) || c.is_ascii_digit())
        .map_or(rest.len(), |(i, _)| i);
    let noun = &rest[..noun_end];
    GLOSSARY_PARTS.iter().any(|w| noun.ends_with(w))
}

/// What a glossary definition counts when it only says what its term covers.
static GLOSSARY_PARTS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("glossary-parts"));

/// One line being read, with what is worked out once per line.
struct LineContext<'a> {
    content: &'a str,
    spans: &'a [Span],
    /// Whether the line is in a plan chapter (or a glossary entry defining a programme).
    stance: status::Stance,
    /// The report's year.
    year: Option<i32>,
    /// Years opening a clause, by offset.
    opening_years: Vec<(usize, i32)>,
    /// Goal words (`预期目标`, `力争`) and recap words (`去年`), by range.
    goals: Vec<Range<usize>>,
    recaps: Vec<Range<usize>>,
    /// Where `分别` words start.
    respectively: Vec<usize>,
    /// The period of a result and of a target where the sentence states none.
    periods: [Option<Period>; 2],
}

/// A name owned, so it may outlive the text it was read from.
fn owned(name: Name<'_>) -> Name<'static> {
    match name {
        Name::Named(n) => Name::Named(Cow::Owned(n.into_owned())),
        Name::Aspect(a) => Name::Aspect(a),
        Name::Nothing => Name::Nothing,
    }
}

/// The clause before a figure with a parenthesised aside taken out, when the clause starts
/// right after the aside closes: `建成综合能源(加氢)站` → `建成综合能源站`.
fn across_aside(content: &str, clause_start: usize, end: usize) -> Option<String> {
    let head = &content[..clause_start];
    let close = head
        .chars()
        .next_back()
        .filter(|c| matches!(c, ')' | '）'))?;
    let opener = if close == ')' { '(' } else { '（' };
    let open = head.rfind(opener)?;
    let before = &content[..open];
    let start = before
        .rfind(is_boundary)
        .map_or(0, |i| after_char(content, i));
    (open - start <= 60)
        .then(|| format!("{}{}", &content[start..open], &content[clause_start..end]))
}

/// `s` split before a closing year (`…2015年`, `…2020年底`, `…2020年末`), with the year.
fn split_closing_year(s: &str) -> Option<(&str, i32)> {
    let head = s
        .strip_suffix("年底")
        .or_else(|| s.strip_suffix("年末"))
        .or_else(|| s.strip_suffix('年'))?;
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits != 4 {
        return None;
    }
    let (before, year) = head.split_at(head.len() - 4);
    Some((before, year.parse().ok()?))
}

/// Whether `s` is a year alone (`2015年`, `2020年底`).
fn is_year(s: &str) -> bool {
    split_closing_year(s).is_some_and(|(before, _)| before.is_empty())
}

/// The year a clause points its figure at, as the start or end of a move between two levels:
/// `由2015年的186.5亿元`, `增加到2020年底的302.4亿元` give 2015 and 2020 (`是2012年的1.5倍` does
/// not: that year is the base of the multiple).
fn pointed_year(clause: &str) -> Option<i32> {
    let (before, year) = split_closing_year(clause.strip_suffix('的')?)?;
    let moves = ['由', '从', '從', '到', '至', '为', '為'];
    before.ends_with(moves).then_some(year)
}

/// Where the clause before a figure opens its starting point (`全市地区生产总值由2015年的`):
/// the byte offset of `由`/`从`, when only a year (or `上年`) and `的` follow it.
fn starting_point(clause: &str) -> Option<usize> {
    let (at, from) = clause
        .char_indices()
        .rev()
        .find(|&(_, c)| matches!(c, '由' | '从' | '從'))?;
    let rest = &clause[at + from.len_utf8()..];
    let rest = rest.strip_suffix('的').unwrap_or(rest);
    let when =
        rest.is_empty() || ["上年", "去年", "上年末", "上年底"].contains(&rest) || is_year(rest);
    (at > 0 && when).then_some(at)
}

/// Whether a clause only moves the level before it to a new one (`增加到2020年的`, `下降到`),
/// naming nothing of its own.
fn only_moves(clause: &str) -> bool {
    static MOVES: LazyLock<&'static [&'static str]> =
        LazyLock::new(|| crate::figures::lexicon::list!("moves"));
    static MOVES_BY_FIRST: LazyLock<Affixes> =
        LazyLock::new(|| Affixes::new(*MOVES, |w| w.chars().next()));
    let c = clause.trim();
    MOVES_BY_FIRST.prefixes_of(c).any(|m| {
        let rest = &c[m.len()..];
        let rest = rest.strip_suffix('的').unwrap_or(rest);
        rest.is_empty() || is_year(rest)
    })
}

/// Whether the text between two figures joins them in a list: `、`, `和`, `及`.
fn is_list_separator(between: &str) -> bool {
    matches!(between.trim(), "、" | "和" | "及" | "与" | "以及" | "與")
}

/// Whether a clause only hopes for more (`力争达到`), naming nothing of its own.
fn only_hopes(clause: &str) -> bool {
    let c = clause.trim();
    ["力争", "力爭", "争取", "爭取"].iter().any(|h| {
        c.strip_prefix(h)
            .is_some_and(|rest| matches!(rest, "" | "达到" | "达" | "達到" | "实现" | "突破"))
    })
}

/// What a section tells its figures, worked out once per section.
struct SectionContext {
    /// Whether it is (inside) a plan chapter.
    stance: status::Stance,
    /// Default periods: of a result, of a result in a five-year review, of a target, of a
    /// target in a five-year plan.
    periods: [Option<Period>; 4],
}

impl SectionContext {
    fn new(titles: Vec<&str>, year: Option<i32>) -> SectionContext {
        // Each title is read once for all four default periods.
        let dates: Vec<period::TitleDates> =
            titles.iter().map(|t| period::TitleDates::of(t)).collect();
        let period = |status, five| period::default_period(status, five, &dates, year);
        // `一、过去五年工作回顾`, `二、今后五年奋斗目标`: the whole chapter is of five years.
        let reviews = titles.iter().any(|t| period::reviews_five_years(t));
        let plans = titles.iter().any(|t| period::plans_five_years(t));
        SectionContext {
            stance: status::stance(titles.iter().copied(), year),
            periods: [
                period(Status::Actual, reviews),
                period(Status::Actual, true),
                period(Status::Target, plans),
                period(Status::Target, true),
            ],
        }
    }
}

/// What carries from one figure of a line to the next.
#[derive(Default)]
struct State<'a> {
    /// The indicator of the last named figure in this sentence part.
    indicator: Option<Cow<'a, str>>,
    /// The measure, sign and kind of the last figure, for list continuations (`增长9.8%、12.5%`).
    measure: Option<(Measure, f64, Kind)>,
    /// The basis of the last figure, for list continuations (`年均增长8.9%、12.5%`).
    basis: basis::Based,
    /// Where the sentence of the last figure starts.
    sentence_start: usize,
}

const SENTENCE_END: [char; 5] = ['。', '！', '？', '!', '?'];

/// Where the last clause, sentence part and sentence of a stretch of text end.
#[derive(Debug, PartialEq)]
struct Stops {
    /// The offset after the last clause boundary ([`is_boundary`]).
    clause: Option<usize>,
    /// Whether a sentence part ends in it ([`is_part_boundary`]).
    part: bool,
    /// The offset after the last sentence end.
    sentence: Option<usize>,
}

impl Stops {
    /// The stops of `text`, read backwards once: every sentence end is a part boundary and
    /// every part boundary a clause boundary, so the reading stops at the last sentence end.
    fn before(text: &str) -> Stops {
        let mut stops = Stops {
            clause: None,
            part: false,
            sentence: None,
        };
        for (i, c) in text.char_indices().rev() {
            if !is_boundary(c) {
                continue;
            }
            let after = i + c.len_utf8();
            stops.clause.get_or_insert(after);
            if is_part_boundary(c) {
                stops.part = true;
                if SENTENCE_END.contains(&c) {
                    stops.sentence = Some(after);
                    break;
                }
            }
        }
        stops
    }
}

fn after_char(s: &str, i: usize) -> usize {
    i + s[i..].chars().next().map_or(0, char::len_utf8)
}

impl<'a> LineContext<'a> {
    /// The indicator of the figure before a `分别` list that pairs with its `order`-th member:
    /// the list starts at span `first` and the figures before it, as many as the list has
    /// members and in the same sentence, name its members in order.
    fn paired_figure(
        &self,
        first: usize,
        order: usize,
        earlier: &[Figure],
        state: &State,
    ) -> Option<String> {
        let members = 1
            + (first + 1..self.spans.len())
                .take_while(|&j| {
                    is_list_separator(&self.content[self.spans[j - 1].end..self.spans[j].start])
                })
                .count();
        let start = first.checked_sub(members)?;
        let in_sentence = self.spans[start].start >= state.sentence_start;
        if order >= members || !in_sentence || earlier.len() < first {
            return None;
        }
        earlier[start + order]
            .indicator
            .as_deref()
            .map(String::from)
    }

    /// Figure `k` of the line; `earlier` holds the figures before it on the line.
    fn figure(&self, k: usize, state: &mut State<'a>, earlier: &[Figure]) -> Figure {
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

        let indicator = self.indicator(k, clause, after, state, earlier);
        // `增长5%左右、5%以上`: a qualifier may stand before the separator.
        let continues_list =
            k > 0 && is_list_separator(status::strip_after_qualifier(between.trim_start()));
        let (measure, sign) = match state.measure {
            Some((measure, sign, _)) if continues_list => (measure, sign),
            // `增长7.5%，力争达到8%`: the hoped-for figure of the same change.
            Some((Measure::Change, sign, kind)) if kind == span.kind && only_hopes(clause) => {
                (Measure::Change, sign)
            }
            _ => status::measure(span.kind, clause, after, indicator.as_deref()),
        };
        state.measure = Some((measure, sign, span.kind));
        let qualifier = status::qualifier(clause, after, span.inner_qualifier);
        // Each list is in text order: look only at the last entry before the figure.
        let stated = last_before(&self.opening_years, span.start, |&(at, _)| at)
            .filter(|&&(at, _)| at >= sentence_start)
            .map(|&(_, y)| y);
        let goal = last_before(&self.goals, span.start, |r| r.start).is_some_and(in_sentence);
        let recap = last_before(&self.recaps, span.start, |r| r.start).is_some_and(in_sentence);
        let status = status::status(status::Cues {
            stance: self.stance,
            goal,
            recap,
            opening_year: stated,
            year: self.year,
        });
        let pointed = pointed_year(clause).filter(|_| span.kind != Kind::Multiple);
        let stated = pointed.or(stated);
        let one_year = |y: i32| Period { from: y, to: y };
        let period = match stated {
            Some(y) if status == Status::Target => period::yearly_average(clause, y, self.year)
                .as_deref()
                .and_then(Period::parse)
                .or(Some(one_year(y))),
            Some(y) => Some(one_year(y)),
            None => self.periods[usize::from(status == Status::Target)],
        };
        // `由上年的13.2:35.8:51.0调整为…`: the starting point is of the year before.
        let from_last_year = ["由上年的", "从上年的", "由去年的", "从去年的"]
            .iter()
            .any(|w| clause.ends_with(w));
        let period = match period {
            Some(p) if from_last_year && p.from == p.to => Some(one_year(p.from - 1)),
            other => other,
        };
        let based = match measure {
            Measure::Change if continues_list => state.basis,
            Measure::Change => basis::basis(span.kind, clause, period),
            _ => basis::Based::default(),
        };
        state.basis = based;
        let comparable_prices = measure == Measure::Change
            && basis::comparable_prices(&content[sentence_start.min(span.start)..span.start]);
        let value = span.value.clone().map(|v| match v {
            Value::Number(x) => Value::Number(x * sign),
            Value::Range(a, b) => Value::Range(a * sign, b * sign),
            other => other,
        });
        Figure {
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
        }
    }

    /// What figure `k` measures; updates the indicator carried to the next figure.
    fn indicator(
        &self,
        k: usize,
        clause: &'a str,
        after: &str,
        state: &mut State<'a>,
        earlier: &[Figure],
    ) -> Option<Cow<'a, str>> {
        let span = &self.spans[k];
        let content = self.content;
        // `A、B分别增长9.8%、12.5%`: the items pair with the figures in order. The line's
        // `分别` words were found with its other words: most figures have none before them.
        let mut window = span.start.saturating_sub(600);
        while !content.is_char_boundary(window) {
            window -= 1;
        }
        let respectively = |from: usize| {
            self.respectively
                .iter()
                .copied()
                .find(|&at| at >= from && at + "分别".len() <= span.start)
        };
        if respectively(window).is_some() {
            let major_start = content[window..span.start]
                .rfind(|c| is_boundary(c) && !matches!(c, '、' | '（' | '）' | '(' | ')'))
                .map_or(window, |i| after_char(content, window + i));
            let major = &content[major_start..span.start];
            if let Some(p) = respectively(major_start).map(|at| at - major_start) {
                let subject = &major[..p];
                let order = k - self.spans[..k].partition_point(|s| s.start <= major_start + p);
                match indicator::name_before(indicator::paired_item(subject, order)) {
                    Name::Named(name) => {
                        return Some(indicator::expand_contraction(&name, order).into());
                    }
                    // `A 38656元、B 20115元，分别增长8.9%和10.7%`: the figures before name the items.
                    _ => {
                        if let Some(name) = self.paired_figure(k - order, order, earlier, state) {
                            return Some(name.into());
                        }
                    }
                }
            }
        }
        // `5000万元以上项目`: a threshold for the things after it.
        if span.kind == Kind::Money
            && let Some(rest) = after.strip_prefix("以上").or(after.strip_prefix("以下"))
            && let Some(things) = indicator::name_after(rest)
        {
            return Some(indicator::threshold(&things).into());
        }
        // `开办公益“爱心托管班”1.9万个`: a quoted name right before the figure.
        if let Some(name) = indicator::quoted_before(clause) {
            state.indicator = Some(Cow::Borrowed(name));
            return Some(Cow::Borrowed(name));
        }
        // `超50亿元项目4个`: the same threshold, written before.
        if span.kind == Kind::Money
            && (clause.ends_with('超') || clause.ends_with("超过"))
            && let Some(things) = indicator::name_after(after)
            && things.ends_with("项目")
        {
            return Some(indicator::threshold(&things).into());
        }
        // `地区生产总值由2015年的186.5亿元增加到2020年的302.4亿元`: the start is named before
        // `由`, and the end is a level of the same.
        if only_moves(clause)
            && let Some(base) = &state.indicator
        {
            return Some(base.clone());
        }
        // `增速居鸡西市第二`: the rank of what comes before the place.
        let among_places = (span.kind == Kind::Rank)
            .then(|| indicator::rank_among_places(clause))
            .flatten();
        let named_part = among_places.map_or(clause, |at| &clause[..at]);
        let start_of_move = starting_point(named_part);
        let named_part = start_of_move.map_or(named_part, |at| &named_part[..at]);
        let mut name = indicator::name_before(named_part);
        let clause_start = clause.as_ptr() as usize - content.as_ptr() as usize;
        // `亿元以上项目5个`: the things counted are those over the threshold before.
        if k > 0
            && span.kind == Kind::Count
            && self.spans[k - 1].kind == Kind::Money
            && clause_start == self.spans[k - 1].end
            && (clause.starts_with("以上") || clause.starts_with("以下"))
        {
            name = owned(indicator::name_before(
                &content[self.spans[k - 1].start..span.start],
            ));
        }
        // `民生支出占一般公共预算支出的比重达到80.2%`: the part is named before `占`.
        if let Name::Named(n) = &name
            && matches!(n.as_ref(), "比重" | "比例" | "份额")
            && let Some(at) = clause.rfind('占')
        {
            name = indicator::name_before(&clause[..at]);
        }
        // `综合能源(加氢)站4座`, `智能工厂（智能车间）5家`: the name runs on across the aside.
        if !matches!(name, Name::Named(_))
            && let Some(joined) = across_aside(content, clause_start, span.start)
        {
            name = owned(indicator::name_before(&joined));
        }
        // `经济增长7.5%左右`: the economy's growth is that of its output.
        if let Name::Named(n) = &name
            && indicator::is_economy(n)
            && (clause.contains("增长") || clause.contains("增長") || clause.contains("增速"))
        {
            name = Name::Named(Cow::Borrowed("生产总值"));
        }
        let trimmed = clause.trim();
        // `是省定任务的3.4倍`, `占生产总值的比重15.9%`: a multiple or share of the indicator before.
        if (trimmed.starts_with('是') && trimmed.ends_with('的')) || trimmed.starts_with('占') {
            return state.indicator.clone();
        }
        let counted = matches!(
            span.kind,
            Kind::Count | Kind::Percent | Kind::Money | Kind::Quantity
        );
        if counted
            && start_of_move.is_none()
            && after
                .trim_start()
                .chars()
                .next()
                .is_some_and(|c| c > '\u{4dff}' || c == '“')
            && indicator::wants_name_after(clause, &name)
            && let Some(name) = indicator::name_after(after)
        {
            return Some(name.into());
        }
        // `启动90个`, `实施“三大改造”80家`: a verb alone names nothing; its quoted object does.
        if let Name::Named(n) = &name
            && indicator::is_bare_verb(n)
        {
            return indicator::quoted(clause)
                .map_or_else(|| state.indicator.clone(), |q| Some(Cow::Borrowed(q)));
        }
        match name {
            Name::Named(name) => {
                state.indicator = Some(name.clone());
                Some(name)
            }
            Name::Aspect(aspect) => state
                .indicator
                .as_ref()
                .map(|base| format!("{base}{aspect}").into()),
            Name::Nothing => state.indicator.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stops_are_found_where_reading_characters_finds_them() {
        let marks: String = ('\0'..='\u{ffff}').filter(|&c| is_boundary(c)).collect();
        let filler = "全县生产总值完成二百八十三亿元".repeat(8);
        let text = format!("生产总值{marks}增长5.2%，其中{filler}（一）工业、农业;好!Ａ{filler}");
        for (from, _) in text.char_indices() {
            let part = &text[from..];
            let by_chars = part
                .char_indices()
                .rev()
                .find(|&(_, c)| is_boundary(c))
                .map(|(i, c)| i + c.len_utf8());
            let sentence = part
                .char_indices()
                .rev()
                .find(|&(_, c)| SENTENCE_END.contains(&c))
                .map(|(i, c)| i + c.len_utf8());
            let stops = Stops::before(part);
            assert_eq!(stops.clause, by_chars, "{part}");
            assert_eq!(stops.part, part.contains(is_part_boundary), "{part}");
            assert_eq!(stops.sentence, sentence, "{part}");
        }
    }

    #[test]
    fn stops_are_read_back_to_the_last_sentence_end() {
        let text = "增长5%。工业；农业，服务业";
        let stops = Stops::before(text);
        assert_eq!(stops.clause, text.find('，').map(|i| i + 3));
        assert!(stops.part);
        assert_eq!(stops.sentence, text.find('。').map(|i| i + 3));
        let only_clauses = Stops::before("工业、农业，服务业");
        assert_eq!(only_clauses.clause, Some("工业、农业，".len()));
        assert!(!only_clauses.part);
        assert_eq!(only_clauses.sentence, None);
        assert_eq!(
            Stops::before("；"),
            Stops {
                clause: Some(3),
                part: true,
                sentence: None
            }
        );
    }

    #[test]
    fn moves_between_two_levels_are_read_at_both_ends() {
        assert_eq!(pointed_year("由2015年的"), Some(2015));
        assert_eq!(pointed_year("增加到2020年底的"), Some(2020));
        assert_eq!(pointed_year("是2012年的"), None, "the base of a multiple");
        assert_eq!(pointed_year("由上年的"), None);
        let clause = "全市地区生产总值由2015年的";
        assert_eq!(starting_point(clause), clause.find('由'));
        assert_eq!(starting_point("贫困发生率由"), Some("贫困发生率".len()));
        assert_eq!(starting_point("收入由上年末的"), Some("收入".len()));
        assert_eq!(
            starting_point("由2015年的"),
            None,
            "nothing named before it"
        );
        assert_eq!(starting_point("由政府投资"), None);
        assert!(only_moves("增加到2020年的"));
        assert!(only_moves("下降到"));
        assert!(!only_moves("增加到全市"));
    }
}
