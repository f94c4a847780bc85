//! The items of a `分别` list: which item a figure pairs with, and the name each item takes.

use super::{LEADING_BY_FIRST, find_word};

/// The items of a list subject: parted by `、` (`粮食、油料、蔬菜产量`), or, for two, by its one
/// `和`, `与` or `及` (`城镇和农村居民人均可支配收入`, `交通与水利投资`).
fn items(subject: &str) -> Vec<&str> {
    let listed: Vec<&str> = subject.split('、').collect();
    if listed.len() > 1 {
        return listed;
    }
    let mut joins = subject.match_indices(['和', '与', '及']);
    match (joins.next(), joins.next()) {
        (Some((at, join)), None) if at > 0 && at + join.len() < subject.len() => {
            vec![&subject[..at], &subject[at + join.len()..]]
        }
        _ => listed,
    }
}

/// A list subject without the verbs and hedges that open its clause (`确保肉、奶产量` →
/// `肉、奶产量`), so that its first item is as short as the others: taken off only where the
/// first item is then one or two characters or as long as the second (`推动制造业、数字经济…`
/// stays, its parts unlike). A subject that is no list is left whole.
pub fn list_subject(subject: &str) -> &str {
    let listed = items(subject);
    if listed.len() < 2 {
        return subject;
    }
    let second = listed[1].chars().count();
    let mut s = subject;
    while let Some(w) = LEADING_BY_FIRST.longest_prefix(s) {
        let Some(first) = items(&s[w.len()..]).first().map(|f| f.chars().count()) else {
            break;
        };
        if first == 0 || (first > 2 && (listed.len() < 3 || first != second)) {
            break;
        }
        s = &s[w.len()..];
    }
    s
}

/// The item of a list subject (`绿色食品、智能家居产业增加值`) that the `order`-th figure after
/// `分别` measures; the whole subject when it is not a list of that many.
pub fn paired_item(subject: &str, order: usize) -> &str {
    let items = items(subject);
    match items.get(order) {
        Some(item) if items.len() > 1 => item,
        _ => subject,
    }
}

/// The name of the `order`-th item of a `分别` list subject whose items share the head written
/// only on the last (`一产、二产、三产增加值` → 一产增加值, 二产增加值; `城镇、农村居民人均可支配收入`
/// → 城镇居民人均可支配收入): `name`, read from the item, with that head.
pub fn with_shared_head(subject: &str, order: usize, name: &str) -> String {
    let items = items(subject);
    let Some((last, heads)) = items.split_last() else {
        return name.to_string();
    };
    // The last item keeps its own words, but for the `等` before the head they share.
    let is_last = order == heads.len() && name == *last;
    let Some(item) = heads.get(order).or(heads.first().filter(|_| is_last)) else {
        return name.to_string();
    };
    let n = item.chars().count();
    if is_last {
        let mut chars = last.chars();
        let own: String = chars.by_ref().take(n).collect();
        return match chars.as_str().strip_prefix('等') {
            Some(head) if !head.is_empty() => format!("{own}{head}"),
            _ => name.to_string(),
        };
    }
    let han = |t: &str| t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let alike = heads.iter().all(|i| i.chars().count() == n && han(i))
        && han(&last.chars().take(n).collect::<String>());
    // Two parted by `和` share a head only when the first is one word (城镇和农村…): longer
    // ones are seldom alike (`设备购置和企业技术改造投资`).
    let most = if subject.contains('、') { 4 } else { 2 };
    if !alike || n > most || last.chars().count() <= n + 1 || !name.ends_with(item) {
        return with_measure_of_last(heads, last, item, name).unwrap_or_else(|| name.to_string());
    }
    let head: String = last.chars().skip(n).collect();
    // `石化、食品、医药等产业增加值`: the head is 产业增加值.
    let head = head.strip_prefix('等').unwrap_or(&head);
    format!("{name}{head}")
}

/// `高速公路、水利、电网投资` → 高速公路投资, 水利投资: items of unlike lengths share the measure
/// the last ends with (assets/lexicon/measure-heads.txt) when each other item is a short name
/// without one.
fn with_measure_of_last(heads: &[&str], last: &str, item: &str, name: &str) -> Option<String> {
    let measures = crate::figures::lexicon::by_last!("measure-heads");
    let measure = measures.longest_suffix(last)?;
    let short = |i: &str| {
        (1..=4).contains(&i.chars().count())
            && i.chars().all(super::is_han)
            && measures.longest_suffix(i).is_none()
    };
    let shared = last.len() > measure.len() && heads.iter().all(|i| short(i));
    (shared && name.ends_with(item) && !name.ends_with(measure)).then(|| format!("{name}{measure}"))
}

/// `subject` with a list written short spelled out (`一二三产增加值` → `一产、二产、三产增加值`,
/// `第一、二、三产业增加值` → `第一产业、第二产业、第三产业增加值`: assets/lexicon/
/// listed-contractions.txt), so that its items pair with the figures after `分别`.
pub fn expand_listed(subject: &str) -> std::borrow::Cow<'_, str> {
    static CONTRACTIONS: std::sync::LazyLock<Vec<(&'static str, &'static str)>> =
        std::sync::LazyLock::new(|| {
            crate::figures::lexicon::list!("listed-contractions")
                .iter()
                .filter_map(|line| line.split_once('='))
                .collect()
        });
    // The longest short form first: `第一、二、三产业` before `二、三产业`.
    let found = CONTRACTIONS
        .iter()
        .filter_map(|&(short, long)| subject.find(short).map(|at| (at, short, long)))
        .max_by_key(|&(_, short, _)| short.len());
    match found {
        Some((at, short, long)) => std::borrow::Cow::Owned(format!(
            "{}{long}{}",
            &subject[..at],
            &subject[at + short.len()..]
        )),
        None => std::borrow::Cow::Borrowed(subject),
    }
}

/// Contracted pairs a `分别` list may name in one word: `存贷款余额分别…` is 存款余额 then
/// 贷款余额.
pub fn expand_contraction(name: &str, order: usize) -> String {
    const PAIRS: &[(&str, [&str; 2])] = &[
        ("存贷款", ["存款", "贷款"]),
        ("进出口", ["进口", "出口"]),
        ("城乡居民", ["城镇居民", "农村居民"]),
    ];
    for (short, [first, second]) in PAIRS {
        if find_word(name, short).is_some() && order < 2 {
            return name.replace(short, if order == 0 { first } else { second });
        }
    }
    name.to_string()
}

/// `name`, a bare measure (`产量`), with the thing `before` measures, when `before` is that
/// thing and another measure (`粮食播种面积1.1亿亩、产量825亿斤` → 粮食产量): a list whose later
/// items leave the thing to the first (assets/lexicon/measure-heads.txt).
///
/// A thing alone (`alone`: the clause is the name and nothing else) takes the measure
/// instead (`石油地质储量3000万吨、天然气200亿立方米` → 天然气地质储量).
pub fn with_subject_before(name: &str, before: &str, alone: bool) -> Option<String> {
    let heads = crate::figures::lexicon::by_last!("measure-heads");
    let head = heads.longest_suffix(before)?;
    if !heads.holds_ending(name) {
        let thing = alone
            && name.chars().count() <= 4
            && heads.longest_suffix(name).is_none()
            && !name.ends_with(head.chars().last()?);
        return thing.then(|| format!("{name}{head}"));
    }
    let thing = &before[..before.len() - head.len()];
    let han = thing
        .chars()
        .all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    (thing.chars().nth(1).is_some() && han && !thing.ends_with(name))
        .then(|| format!("{thing}{name}"))
}

/// `name` with the measure written after `分别` (`交通、水利分别完成投资` → 交通投资), when that
/// is a bare measure (assets/lexicon/measure-heads.txt) the name does not already end with.
pub fn with_measure_after(name: &str, measure: &str) -> String {
    let heads = crate::figures::lexicon::by_last!("measure-heads");
    if heads.holds_ending(measure) && !name.ends_with(measure) {
        format!("{name}{measure}")
    } else {
        name.to_string()
    }
}
