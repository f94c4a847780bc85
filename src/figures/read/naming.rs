//! What a figure measures: its indicator, read from the clause before it, the words after it,
//! a `分别` list, or the figure before it. The ways of naming are an ordered list of named
//! rules ([`RULES`]): the first that decides names the figure, and `figures --explain` says
//! which.

use super::*;

/// What a naming rule sees of one figure.
pub(super) struct Naming<'c, 'a> {
    /// The line.
    pub(super) line: &'c LineContext<'a>,
    /// The figure's index among the line's spans.
    pub(super) k: usize,
    /// The clause before the figure.
    pub(super) clause: &'a str,
    /// The text after the figure.
    pub(super) after: &'a str,
    /// The figures before it on the line.
    pub(super) earlier: &'c [Figure],
    /// The name read before the figure, worked out by [`base_name`] when a rule first needs it.
    base: std::cell::OnceCell<Base<'a>>,
}

/// The name read from the clause before a figure, after the adjustments every later rule
/// shares (a rank among places, the start of a move, a part named before `占`, an aside…).
pub(super) struct Base<'a> {
    /// The name.
    name: Name<'a>,
    /// Where a starting point (`由2015年的`) opens in the clause, if one does.
    start_of_move: Option<usize>,
}

/// What a rule decides: `None` leaves the figure to the next rule; `Some(name)` names it
/// (`Some(None)`: it is left unnamed).
type Decision<'a> = Option<Option<Cow<'a, str>>>;

/// One way of naming a figure.
pub(super) struct NameRule {
    /// The rule's name, as `figures --explain` shows it.
    pub(super) name: &'static str,
    /// The rule.
    pub(super) apply: for<'c, 'a> fn(&Naming<'c, 'a>, &mut State<'a>) -> Decision<'a>,
}

/// The naming rules, in the order they are tried. The last always decides.
pub(super) const RULES: &[NameRule] = &[
    NameRule {
        name: "respectively",
        apply: respectively,
    },
    NameRule {
        name: "threshold_after",
        apply: threshold_after,
    },
    NameRule {
        name: "quoted_before",
        apply: quoted_before,
    },
    NameRule {
        name: "threshold_before",
        apply: threshold_before,
    },
    NameRule {
        name: "moved_level",
        apply: moved_level,
    },
    NameRule {
        name: "multiple_or_share_of_before",
        apply: multiple_or_share_of_before,
    },
    NameRule {
        name: "named_after",
        apply: named_after,
    },
    NameRule {
        name: "object_of_bare_verb",
        apply: object_of_bare_verb,
    },
    NameRule {
        name: "named_before",
        apply: named_before,
    },
];

impl<'a> LineContext<'a> {
    /// What figure `k` measures, and the rule that named it; updates the indicator carried to
    /// the next figure.
    pub(super) fn indicator(
        &self,
        k: usize,
        clause: &'a str,
        after: &'a str,
        state: &mut State<'a>,
        earlier: &[Figure],
    ) -> (Option<Cow<'a, str>>, &'static str) {
        let naming = Naming {
            line: self,
            k,
            clause,
            after,
            earlier,
            base: std::cell::OnceCell::new(),
        };
        for rule in RULES {
            if let Some(name) = (rule.apply)(&naming, state) {
                return (name, rule.name);
            }
        }
        (None, "none")
    }

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
}

impl<'a> Naming<'_, 'a> {
    fn span(&self) -> &Span {
        &self.line.spans[self.k]
    }

    /// Where the clause starts in the line.
    fn clause_start(&self) -> usize {
        self.clause.as_ptr() as usize - self.line.content.as_ptr() as usize
    }

    fn base(&self) -> &Base<'a> {
        self.base.get_or_init(|| base_name(self))
    }
}

/// `A、B分别增长9.8%、12.5%`: the items pair with the figures in order; `A 38656元、B 20115元，
/// 分别增长8.9%和10.7%`: the figures before name the items.
fn respectively<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    let line = n.line;
    let span = n.span();
    let content = line.content;
    // The line's `分别` words were found with its other words: most figures have none before.
    let mut window = span.start.saturating_sub(600);
    while !content.is_char_boundary(window) {
        window -= 1;
    }
    let respectively = |from: usize| {
        line.respectively
            .iter()
            .copied()
            .find(|&at| at >= from && at + "分别".len() <= span.start)
    };
    respectively(window)?;
    let major_start = content[window..span.start]
        .rfind(|c| is_boundary(c) && !matches!(c, '、' | '（' | '）' | '(' | ')'))
        .map_or(window, |i| after_char(content, window + i));
    let major = &content[major_start..span.start];
    let p = respectively(major_start)? - major_start;
    let subject = &major[..p];
    let order = n.k - line.spans[..n.k].partition_point(|s| s.start <= major_start + p);
    match indicator::name_before(indicator::paired_item(subject, order)) {
        Name::Named(name) => {
            let name = indicator::expand_contraction(&name, order);
            Some(Some(
                indicator::with_shared_head(subject, order, &name).into(),
            ))
        }
        _ => line
            .paired_figure(n.k - order, order, n.earlier, state)
            .map(|name| Some(name.into())),
    }
}

/// `5000万元以上项目`: a threshold for the things after it (`项目投资门槛`).
fn threshold_after<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    let rest = n
        .after
        .strip_prefix("以上")
        .or(n.after.strip_prefix("以下"))?;
    if n.span().kind != Kind::Money {
        return None;
    }
    let things = indicator::name_after(rest)?;
    Some(Some(indicator::threshold(&things).into()))
}

/// `开办公益“爱心托管班”1.9万个`: a quoted name right before the figure.
fn quoted_before<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    let name = indicator::quoted_before(n.clause)?;
    state.indicator = Some(Cow::Borrowed(name));
    Some(Some(Cow::Borrowed(name)))
}

/// `超50亿元项目4个`: a threshold written before the things it bars.
fn threshold_before<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    let over = n.clause.ends_with('超') || n.clause.ends_with("超过");
    if n.span().kind != Kind::Money || !over {
        return None;
    }
    let things = indicator::name_after(n.after).filter(|t| t.ends_with("项目"))?;
    Some(Some(indicator::threshold(&things).into()))
}

/// `地区生产总值由2015年的186.5亿元增加到2020年的302.4亿元`: the end of a move is a level of
/// what its start measures.
fn moved_level<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    if !only_moves(n.clause) {
        return None;
    }
    state.indicator.clone().map(Some)
}

/// The name before a figure, with the adjustments every later rule shares.
fn base_name<'a>(n: &Naming<'_, 'a>) -> Base<'a> {
    let span = n.span();
    let clause = n.clause;
    let content = n.line.content;
    // `增速居鸡西市第二`: the rank of what comes before the place.
    let among_places = (span.kind == Kind::Rank)
        .then(|| indicator::rank_among_places(clause))
        .flatten();
    let named_part = among_places.map_or(clause, |at| &clause[..at]);
    let start_of_move = starting_point(named_part);
    let named_part = start_of_move.map_or(named_part, |at| &named_part[..at]);
    let mut name = indicator::name_before(named_part);
    let clause_start = n.clause_start();
    let spans = n.line.spans;
    // `亿元以上项目5个`: the things counted are those over the threshold before.
    if n.k > 0
        && span.kind == Kind::Count
        && spans[n.k - 1].kind == Kind::Money
        && clause_start == spans[n.k - 1].end
        && (clause.starts_with("以上") || clause.starts_with("以下"))
    {
        name = owned(indicator::name_before(
            &content[spans[n.k - 1].start..span.start],
        ));
    }
    // `民生支出占一般公共预算支出的比重达到80.2%`: the part is named before `占`.
    if let Name::Named(part) = &name
        && matches!(part.as_ref(), "比重" | "比例" | "份额")
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
    if let Name::Named(economy) = &name
        && indicator::is_economy(economy)
        && (clause.contains("增长") || clause.contains("增長") || clause.contains("增速"))
    {
        name = Name::Named(Cow::Borrowed("生产总值"));
    }
    Base {
        name,
        start_of_move,
    }
}

/// `是省定任务的3.4倍`, `占生产总值的比重15.9%`: a multiple or share of the indicator before.
fn multiple_or_share_of_before<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    // The base name is worked out here first, as the rules after need it.
    n.base();
    let trimmed = n.clause.trim();
    let of_before =
        (trimmed.starts_with('是') && trimmed.ends_with('的')) || trimmed.starts_with('占');
    of_before.then(|| state.indicator.clone())
}

/// `新建成207个重点项目`, `培育10家“专精特新”企业`: the things counted are named after the
/// figure, when the clause before leaves its object to them.
fn named_after<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    let counted = matches!(
        n.span().kind,
        Kind::Count | Kind::Percent | Kind::Money | Kind::Quantity
    );
    let base = n.base();
    let han_after = n
        .after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c > '\u{4dff}' || c == '“');
    if !counted
        || base.start_of_move.is_some()
        || !han_after
        || !indicator::wants_name_after(n.clause, &base.name)
    {
        return None;
    }
    indicator::name_after(n.after).map(|name| Some(name.into()))
}

/// `启动90个`, `实施“三大改造”80家`: a verb alone names nothing; its quoted object does, or else
/// the figure takes the name carried from the one before.
fn object_of_bare_verb<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    let Name::Named(verb) = &n.base().name else {
        return None;
    };
    if !indicator::is_bare_verb(verb) {
        return None;
    }
    Some(
        indicator::quoted(n.clause)
            .map_or_else(|| state.indicator.clone(), |q| Some(Cow::Borrowed(q))),
    )
}

/// `全县生产总值完成283.1亿元`: the name before the figure, carried to the figures after it;
/// an aspect (`增速`) of the name carried; or, with no name, the name carried.
fn named_before<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    Some(match &n.base().name {
        Name::Named(name) => {
            state.indicator = Some(name.clone());
            Some(name.clone())
        }
        Name::Aspect(aspect) => state
            .indicator
            .as_ref()
            .map(|base| format!("{base}{aspect}").into()),
        Name::Nothing => state.indicator.clone(),
    })
}

#[cfg(test)]
mod tests {
    use crate::corpus::parse_report;
    use crate::figures::extract_explained;

    /// The name and naming rule of each figure of `line` read as a one-line report.
    fn named(line: &str) -> Vec<(String, Option<String>, &'static str)> {
        let text = format!("一、2022年工作回顾\n过去一年，我们做了以下工作。\n{line}\n");
        let report = parse_report("rules-2023.txt", None, &text);
        extract_explained(&report)
            .into_iter()
            .filter(|e| e.label.is_none())
            .filter_map(|e| {
                let rule = e.named_by?;
                Some((
                    e.figure.text.to_string(),
                    e.figure.indicator.as_deref().map(String::from),
                    rule,
                ))
            })
            .collect()
    }

    fn rule_of(line: &str, text: &str) -> (Option<String>, &'static str) {
        let found = named(line);
        let (_, name, rule) = found
            .into_iter()
            .find(|(t, _, _)| t == text)
            .unwrap_or_else(|| panic!("{text} in {line}"));
        (name, rule)
    }

    #[test]
    fn respectively() {
        assert_eq!(
            rule_of("城镇、农村居民人均可支配收入分别增长4.4%、5.6%。", "5.6%"),
            (Some("农村居民人均可支配收入".into()), "respectively")
        );
    }

    #[test]
    fn threshold_after() {
        assert_eq!(
            rule_of("新开工5000万元以上项目46个。", "5000万元"),
            (Some("项目投资门槛".into()), "threshold_after")
        );
    }

    #[test]
    fn quoted_before() {
        assert_eq!(
            rule_of("开办公益“爱心托管班”1.9万个。", "1.9万个"),
            (Some("爱心托管班".into()), "quoted_before")
        );
    }

    #[test]
    fn threshold_before() {
        assert_eq!(
            rule_of("引进超50亿元项目4个。", "50亿元").1,
            "threshold_before"
        );
    }

    #[test]
    fn moved_level() {
        assert_eq!(
            rule_of(
                "地区生产总值由2015年的186.5亿元增加到2020年的302.4亿元。",
                "302.4亿元"
            ),
            (Some("地区生产总值".into()), "moved_level")
        );
    }

    #[test]
    fn multiple_or_share_of_before() {
        assert_eq!(
            rule_of("进出口额完成12亿元，是省定任务的3.4倍。", "3.4倍"),
            (Some("进出口额".into()), "multiple_or_share_of_before")
        );
    }

    #[test]
    fn named_after() {
        assert_eq!(
            rule_of("新建成207个重点项目。", "207个"),
            (Some("重点项目".into()), "named_after")
        );
    }

    #[test]
    fn object_of_bare_verb() {
        let line = "引进工业项目12个，启动90个。";
        let (carried, rule) = rule_of(line, "90个");
        assert_eq!(rule, "object_of_bare_verb");
        assert_eq!(
            carried,
            rule_of(line, "12个").0,
            "the name carried from before"
        );
        assert!(carried.is_some());
    }

    #[test]
    fn named_before() {
        assert_eq!(
            rule_of("全县生产总值完成283.1亿元。", "283.1亿元"),
            (Some("全县生产总值".into()), "named_before")
        );
    }
}
