//! The name read before a figure, worked out once for the rules that need it: the clause's
//! name with the adjustments they share (a rank among places, the start of a move, a part
//! named before `占`, a name run on across an aside, the economy's growth).

use super::*;

/// The name read from the clause before a figure, after the adjustments every later rule
/// shares (a rank among places, the start of a move, a part named before `占`, an aside…).
pub(super) struct Base<'a> {
    /// The name.
    pub(super) name: Name<'a>,
    /// Where a starting point (`由2015年的`) opens in the clause, if one does.
    pub(super) start_of_move: Option<usize>,
}

/// The name before a figure, with the adjustments every later rule shares.
pub(super) fn base_name<'a>(n: &Naming<'_, 'a>) -> Base<'a> {
    let span = n.span();
    let clause = n.clause;
    let content = n.line.content;
    // `增速居鸡西市第二`: the rank of what comes before the place.
    let among_places = (span.kind == Kind::Rank)
        .then(|| indicator::rank_among_places(clause))
        .flatten();
    let named_part = among_places.map_or(clause, |at| &clause[..at]);
    // `利润总额为“十三五”时期的2.2倍`: a multiple of what is named before `为`/`是`.
    // (Only a multiple's clause is searched: most figures are none.)
    let verb = (span.kind == Kind::Multiple)
        .then(|| named_part.rfind(['为', '是']))
        .flatten();
    let named_part = match verb {
        Some(at) if at > 0 && named_part.trim_end().ends_with('的') => &named_part[..at],
        _ => named_part,
    };
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
    // `综合能源(加氢)站4座`, `智能工厂（智能车间）5家`: the name runs on across the aside, also
    // when what follows it is a bare class noun (`规上（限上）企业270家` → 规上企业).
    let bare_noun = matches!(&name, Name::Named(noun) if noun.chars().nth(2).is_none()
        && clause.trim() == noun.as_ref());
    if (bare_noun || !matches!(name, Name::Named(_)))
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
