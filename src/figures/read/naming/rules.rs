//! The naming rules themselves, in the order [`RULES`](super::RULES) tries them: each looks at
//! one figure and its clause and either names it or leaves it to the next.

use super::*;

/// `A、B分别增长9.8%、12.5%`: the items pair with the figures in order; `A 38656元、B 20115元，
/// 分别增长8.9%和10.7%`: the figures before name the items.
pub(super) fn respectively<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
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
    // `一二三产增加值年均分别增长`: the basis is no part of the items' names.
    let written = indicator::list_subject(&major[..p]);
    let written = ["年均", "年平均", "同比"]
        .iter()
        .find_map(|basis| written.strip_suffix(basis))
        .unwrap_or(written);
    let subject = indicator::expand_listed(written);
    let subject = subject.as_ref();
    let order = n.k - line.spans[..n.k].partition_point(|s| s.start <= major_start + p);
    // The item with the head its list shares (`肉、奶产量` → 肉产量), then named as any clause.
    let item = indicator::paired_item(subject, order);
    let whole = indicator::with_shared_head(subject, order, item);
    // `交通、水利分别完成投资2500亿元、800亿元`: the measure written after `分别`.
    let first = line.spans[n.k - order].start;
    let measure = match indicator::name_before(&content[major_start + p + "分别".len()..first]) {
        Name::Named(measure) => measure,
        _ => Cow::Borrowed(""),
    };
    match indicator::name_before(&whole) {
        Name::Named(name) => Some(Some(
            indicator::with_measure_after(&indicator::expand_contraction(&name, order), &measure)
                .into(),
        )),
        _ => line
            .paired_figure(n.k - order, order, n.earlier, state)
            .map(|name| Some(name.into())),
    }
}

/// `5000万元以上项目`: a threshold for the things after it (`项目投资门槛`).
pub(super) fn threshold_after<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    let rest = n
        .after
        .strip_prefix("以上")
        .or(n.after.strip_prefix("以下"))?;
    if n.span().kind != Kind::Money {
        return None;
    }
    let things = indicator::name_after(rest)?;
    // `进入了5万亿元以上的新阶段`: a level reached, not a bar for things
    // (assets/lexicon/bare-amount-measures.txt).
    if crate::figures::lexicon::by_first!("bare-amount-measures")
        .longest_prefix(&things)
        .is_some()
    {
        return None;
    }
    Some(Some(indicator::threshold(&things).into()))
}

/// `开办公益“爱心托管班”1.9万个`: a quoted name right before the figure.
pub(super) fn quoted_before<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    let name = indicator::quoted_before(n.clause)?;
    state.indicator = Some(Cow::Borrowed(name));
    Some(Some(Cow::Borrowed(name)))
}

/// `超50亿元项目4个`: a threshold written before the things it bars.
pub(super) fn threshold_before<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    let over = n.clause.ends_with('超') || n.clause.ends_with("超过");
    if n.span().kind != Kind::Money || !over {
        return None;
    }
    let things = indicator::name_after(n.after).filter(|t| t.ends_with("项目"))?;
    Some(Some(indicator::threshold(&things).into()))
}

/// `地区生产总值由2015年的186.5亿元增加到2020年的302.4亿元`: the end of a move is a level of
/// what its start measures.
pub(super) fn moved_level<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    if !only_moves(n.clause) {
        return None;
    }
    state.indicator.clone().map(Some)
}

/// `是省定任务的3.4倍`, `占生产总值的比重15.9%`: a multiple or share of the indicator before.
pub(super) fn multiple_or_share_of_before<'a>(
    n: &Naming<'_, 'a>,
    state: &mut State<'a>,
) -> Decision<'a> {
    // The base name is worked out here first, as the rules after need it.
    n.base();
    let trimmed = n.clause.trim();
    let of_before =
        (trimmed.starts_with('是') && trimmed.ends_with('的')) || trimmed.starts_with('占');
    of_before.then(|| state.indicator.clone())
}

/// `大唐700万吨露天煤矿`, `关停晨鸣公司3.5万吨造纸生产线`, `亘富200万吨褐煤提质项目年内投产`:
/// a capacity glued to the works it belongs to (assets/lexicon/works.txt) is named by them,
/// up to the first such word (not `工程化`) and before a `等` (`麦多利10万吨大麦芽二期等项目` →
/// 大麦芽二期); never works joined to others by `和`. After a rate of output (`年产`), the
/// product: `鑫洋集团年产6万吨酸辣粉及玉米浆` → 酸辣粉.
pub(super) fn capacity_of_works<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    if n.span().kind != Kind::Quantity {
        return None;
    }
    let run = han_run(n.after, 16)?;
    if run.starts_with(['的', '以', '左', '等', '及', '和', '级']) {
        return None;
    }
    let works = crate::figures::lexicon::by_last!("works");
    let found = run
        .char_indices()
        .map(|(i, c)| &run[..i + c.len_utf8()])
        .skip(1)
        .find(|prefix| {
            works.longest_suffix(prefix).is_some() && !run[prefix.len()..].starts_with('化')
        });
    // `鑫洋集团年产6万吨酸辣粉及玉米浆`: a rate of output names the product, the first listed.
    let rate = crate::figures::lexicon::by_last!("output-rates")
        .longest_suffix(n.clause.trim_end())
        .is_some();
    let name = match found {
        Some(name) => name,
        None if rate => {
            let product = run.split(['及', '和', '与', '等']).next().unwrap_or(run);
            let product = indicator::name_after(product)?;
            return Some(Some(Cow::Owned(product)));
        }
        None => return None,
    };
    // `2×66万千瓦发电和东海拉尔发电厂`: works joined to others are not this capacity's alone.
    if name.contains(['和', '及', '与']) || name.chars().nth(12).is_some() {
        return None;
    }
    let name = match name.find('等') {
        Some(at) if name[..at].chars().nth(1).is_some() => &name[..at],
        _ => name,
    };
    Some(Some(Cow::Borrowed(name)))
}

/// `新建成207个重点项目`, `培育10家“专精特新”企业`: the things counted are named after the
/// figure, when the clause before leaves its object to them.
pub(super) fn named_after<'a>(n: &Naming<'_, 'a>, _: &mut State<'a>) -> Decision<'a> {
    let counted = matches!(
        n.span().kind,
        Kind::Count | Kind::Percent | Kind::Money | Kind::Quantity
    );
    let base = n.base();
    // `建好18个省级临床医学中心`: a verb whose object is the things counted (a share it covers,
    // `覆盖94%农村人口`, keeps the name before).
    let verb = match &base.name {
        Name::Named(verb) if n.span().kind != Kind::Percent => Some(verb.as_ref()),
        _ => None,
    };
    let counted_verb = verb.is_some_and(indicator::counts_object_after);
    // `惠及549万人`: the people reached, unsaid, leave the count unnamed.
    if counted_verb && verb.is_some_and(indicator::is_beneficiary_verb) {
        return Some(indicator::name_after(n.after).map(Cow::Owned));
    }
    let han_after = n
        .after
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| c > '\u{4dff}' || c == '“');
    if !counted || base.start_of_move.is_some() || !han_after {
        return None;
    }
    // A list of places: the clause starts inside it, after a `、`; the list is read from the
    // line up to the figure.
    let listed = || {
        let start = n.clause_start();
        n.span().kind == Kind::Count
            && n.line.content[..start].ends_with('、')
            && indicator::ends_with_enumeration(&n.line.content[..start + n.clause.len()])
    };
    if !counted_verb && !indicator::wants_name_after(n.clause, &base.name) && !listed() {
        return None;
    }
    let name = indicator::name_after(n.after)?;
    // `迈上3万亿元台阶`: a mark reached names nothing (assets/lexicon/reached-marks.txt); the
    // name is carried.
    if crate::figures::lexicon::list!("reached-marks").contains(&name.as_str()) {
        return None;
    }
    Some(Some(with_listed_head(n, name).into()))
}

/// `新建8个国家级、36个省级临床重点专科`: counts in a list whose things share the head written
/// on the last (`国家级` → `国家级临床重点专科`), when the name is such a modifier
/// (assets/lexicon/listed-modifiers.txt). The head is what follows, in the last item's name,
/// the character the first name ends with (`级`); a name without it is left as it is.
fn with_listed_head(n: &Naming<'_, '_>, name: String) -> String {
    let content = n.line.content;
    let modifier = crate::figures::lexicon::list!("listed-modifiers")
        .iter()
        .any(|end| name.ends_with(end));
    // Only a modifier read as written right after the figure: its end is then known.
    if !modifier || !content[n.span().end..].starts_with(name.as_str()) {
        return name;
    }
    let (mut at, mut k) = (n.span().end + name.len(), n.k);
    let mut last = None;
    while content.get(at..).is_some_and(|rest| rest.starts_with('、')) {
        let Some(next) = n.line.spans.get(k + 1) else {
            break;
        };
        if next.start != at + '、'.len_utf8() || next.kind != Kind::Count {
            break;
        }
        let Some(item) = indicator::name_after(&content[next.end..])
            .filter(|item| content[next.end..].starts_with(item.as_str()))
        else {
            break;
        };
        (at, k) = (next.end + item.len(), k + 1);
        last = Some(item);
    }
    let (Some(last), Some(end)) = (last, name.chars().last()) else {
        return name;
    };
    match last.find(end).map(|i| &last[i + end.len_utf8()..]) {
        Some(head) if head.chars().count() >= 2 => format!("{name}{head}"),
        _ => name,
    }
}

/// `启动90个`, `实施“三大改造”80家`: a verb alone names nothing; its quoted object does, or else
/// the figure takes the name carried from the one before.
pub(super) fn object_of_bare_verb<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
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
pub(super) fn named_before<'a>(n: &Naming<'_, 'a>, state: &mut State<'a>) -> Decision<'a> {
    Some(match &n.base().name {
        Name::Named(name) if n.span().kind == Kind::Money && is_money_head(name) => {
            let name: Cow<'a, str> =
                object_of_money(n, name).map_or_else(|| name.clone(), Cow::Owned);
            state.indicator = Some(name.clone());
            Some(name)
        }
        Name::Named(name) => {
            // `粮食播种面积1.1亿亩、产量825亿斤`: a measure in a list takes the thing before.
            let listed = n.line.content[..n.clause_start()].ends_with('、');
            let name = match state.indicator.as_deref() {
                Some(before) if listed => {
                    // A thing alone, right after a figure of its kind.
                    let previous = n.k.checked_sub(1).map(|k| &n.line.spans[k]);
                    let alone = n.clause.trim() == name.as_ref()
                        && previous.is_some_and(|p| {
                            p.kind == n.span().kind && p.end + '、'.len_utf8() == n.clause_start()
                        });
                    indicator::with_subject_before(name, before, alone)
                        .map_or_else(|| name.clone(), Cow::Owned)
                }
                _ => name.clone(),
            };
            // `交通、能源、水利完成投资5400多亿元`: money put into every item listed.
            let money = listed && n.span().kind != Kind::Count && ends_in_money_head(&name);
            let items = money
                .then(|| listed_items_before(n.line.content, n.clause_start()))
                .flatten();
            let name = match items {
                Some(items) => Cow::Owned(format!("{items}{name}")),
                None => name,
            };
            state.indicator = Some(name.clone());
            Some(name)
        }
        Name::Aspect(aspect) => state
            .indicator
            .as_ref()
            .map(|base| format!("{base}{aspect}").into()),
        Name::Nothing => carried_to_count(n, state),
    })
}

/// The name carried to a figure whose clause names nothing, but never a count's from an amount
/// of another kind (`城乡居民收入比缩小至2.31:1，17个区…获评`: the districts are no ratio;
/// `投资4.7亿元,完成65条…道路`). From a change, a share or a rank it is carried
/// (`汽车产量保持40%以上增长、达357万辆`).
fn carried_to_count<'a>(n: &Naming<'_, 'a>, state: &State<'a>) -> Option<Cow<'a, str>> {
    let name = state.indicator.as_deref()?;
    let from = n.earlier[..n.k]
        .iter()
        .rev()
        .find(|f| f.indicator.as_deref() == Some(name));
    match from {
        Some(from)
            if n.span().kind == Kind::Count
                && matches!(from.kind, Kind::Money | Kind::Quantity | Kind::Ratio)
                && from.measure != Measure::Change =>
        {
            None
        }
        _ => state.indicator.clone(),
    }
}

/// The items listed before the clause starting at `start` of `content`, each with its `、`
/// (`交通、能源、`), when they are all short names without a number since the clause's
/// sentence or phrase began: subjects sharing the verb and the money of the last item.
fn listed_items_before(content: &str, start: usize) -> Option<&str> {
    let before = &content[..start];
    let from = before
        .rfind(|c: char| is_boundary(c) && c != '、')
        .map_or(0, |i| after_char(content, i));
    let items = &before[from..];
    let short_names = items
        .strip_suffix('、')?
        .split('、')
        .all(|item| (1..=4).contains(&item.chars().count()) && item.chars().all(indicator::is_han));
    short_names.then_some(items)
}

/// Whether `name` ends in a money head (`水利投资`).
fn ends_in_money_head(name: &str) -> bool {
    crate::figures::lexicon::list!("money-heads")
        .iter()
        .any(|head| name.ends_with(head))
}

/// Whether `name` is money put into something unnamed (`投资`, `投入`:
/// assets/lexicon/money-heads.txt).
fn is_money_head(name: &str) -> bool {
    crate::figures::lexicon::list!("money-heads").contains(&name)
}

/// What money named `head` alone (`投资`) is put into, from the words around the figure:
/// the things after `的` (`投资3500万元的二三级供水管网改造` → 二三级供水管网改造投资), the
/// object of the verb that follows (`投入125亿元办好40件民生实事` → 民生实事投入), or the
/// projects counted just before in a list (`推进2000个省级重点项目、完成投资9800亿元` →
/// 省级重点项目投资).
fn object_of_money(n: &Naming<'_, '_>, head: &str) -> Option<String> {
    // Investment completed keeps its statistical name (`完成投资` → 省级重点项目完成投资).
    let head = if head == "投资" && n.clause.contains("完成投资") {
        "完成投资"
    } else {
        head
    };
    let after = n.after.trim_start();
    let after = after
        .strip_prefix(['，', ','])
        .unwrap_or(after)
        .trim_start_matches(['以', '上', '下', '左', '右', '多', '余']);
    let named = |object: &str| {
        let object = object.strip_prefix('了').unwrap_or(object);
        indicator::name_after(object)
            .filter(|t| {
                crate::figures::lexicon::by_last!("money-objects")
                    .longest_suffix(t)
                    .is_some()
            })
            .map(|t| format!("{t}{head}"))
    };
    if let Some(things) = after.strip_prefix('的') {
        let things = things.strip_prefix('了').unwrap_or(things);
        return named(things)
            .or_else(|| money_object_opening(things).map(|t| format!("{t}{head}")));
    }
    // A verb of making things and its object, a count of it or its name.
    let verb = crate::figures::lexicon::by_first!("object-verbs")
        .longest_prefix(after)
        .or_else(|| {
            crate::figures::lexicon::by_first!("counted-object-verbs").longest_prefix(after)
        });
    if let Some(verb) = verb {
        let object = &after[verb.len()..];
        let object = match n.line.spans.get(n.k + 1) {
            Some(next) if n.line.content[n.span().end..next.start].ends_with(verb) => {
                &n.line.content[next.end..]
            }
            _ => object,
        };
        return named(object);
    }
    // `推进2000个省级重点项目、完成投资`: the projects counted before.
    let start = n.clause_start();
    let content = n.line.content;
    let previous = n.k.checked_sub(1).map(|k| &n.line.spans[k])?;
    if previous.kind != Kind::Count {
        return None;
    }
    let listed = content[..start].ends_with('、');
    let projects = indicator::name_after(&content[previous.end..start]);
    if let Some(projects) = projects.filter(|p| listed && p.ends_with("项目")) {
        return Some(format!("{projects}{head}"));
    }
    // `实施重点项目2000多个、完成投资1800多亿元`, `签约项目近500个、总投资超2600亿元`: the
    // projects the count just before names, when no other count of projects since the
    // sentence began could own the money (`新开工项目254个,竣工项目207个,完成投资` is left).
    let joined = content[previous.end..start]
        .trim_start_matches(|c: char| indicator::is_han(c) && !is_boundary(c))
        .chars()
        .all(|c| matches!(c, '、' | '，' | ','));
    let sentence = content[..start]
        .rfind(['。', '；', ';', '：'])
        .map_or(0, |i| after_char(content, i));
    let projects_named = |figure: &Figure| {
        figure.kind == Kind::Count
            && figure
                .indicator
                .as_deref()
                .is_some_and(|p| p.ends_with("项目"))
    };
    let counts_of_projects = n.earlier[..n.k]
        .iter()
        .zip(&n.line.spans[..n.k])
        .filter(|&(figure, span)| span.start >= sentence && projects_named(figure))
        .count();
    let projects = n.earlier.get(n.k - 1)?.indicator.as_deref()?;
    (joined && counts_of_projects == 1 && projects_named(&n.earlier[n.k - 1]))
        .then(|| format!("{projects}{head}"))
}

/// The Han characters opening `s`, at most `most` of them and up to a clause mark, if any.
fn han_run(s: &str, most: usize) -> Option<&str> {
    s.char_indices()
        .take(most)
        .take_while(|&(_, c)| indicator::is_han(c) && !is_boundary(c))
        .last()
        .map(|(i, c)| &s[..i + c.len_utf8()])
}

/// The longest run of Han characters opening `s` (at most 20) that ends in a thing money is put
/// into (assets/lexicon/money-objects.txt), for the things after `的` too long for a name read
/// after a figure: `西出口道路工程进展顺利` → 西出口道路工程, `自治区冰上运动训练中心项目成功落地`
/// → 自治区冰上运动训练中心项目.
fn money_object_opening(s: &str) -> Option<&str> {
    let objects = crate::figures::lexicon::by_last!("money-objects");
    let run = han_run(s, 20)?;
    run.char_indices()
        .rev()
        .map(|(i, c)| &run[..i + c.len_utf8()])
        .take_while(|prefix| prefix.chars().nth(1).is_some())
        .find(|prefix| objects.longest_suffix(prefix).is_some())
}
