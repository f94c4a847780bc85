//! Names read after a figure (`207个重点项目`), quoted names, thresholds, and the words that
//! leave a figure's name to what follows it.

use std::sync::LazyLock;

use super::*;

/// Whether the clause before a figure leaves its object to the words after it: it ends with
/// `的`/`等` or an object-taking verb, or names nothing.
pub fn wants_name_after(clause: &str, before: &Name<'_>) -> bool {
    let raw = clause.trim_end();
    if raw.ends_with(['的', '等', '和', '及', '与']) {
        return true;
    }
    match before {
        Name::Named(name) => {
            OBJECT_VERBS_BY_LAST.longest_suffix(name).is_some() || is_bare_verb(name)
        }
        _ => true,
    }
}

/// Whether `clause` ends with a list of at least three short names parted by `、`, as places
/// are listed before the count of what they hold (`德令哈4个抽水蓄能电站`, the clause
/// `加快建设南山口、哇让、同德、德令哈`): the list names members, the count's noun after
/// names the things.
pub fn ends_with_enumeration(clause: &str) -> bool {
    let clause = clause.trim_end();
    // The list runs back to the last mark that is not `、` (a comma, a full stop, a quote).
    let start = clause
        .char_indices()
        .rev()
        .find(|&(_, c)| c != '、' && c <= '\u{4dff}')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let items: Vec<&str> = clause[start..].rsplit('、').collect();
    if items.len() < 3 {
        return false;
    }
    let short = |item: &str| {
        let n = item.chars().count();
        (1..=8).contains(&n) && item.chars().all(|c| c > '\u{4dff}')
    };
    // The first item runs on from the clause's start: only its last few characters count.
    let first = items[items.len() - 1];
    let first_tail: String = {
        let chars: Vec<char> = first.chars().collect();
        chars[chars.len().saturating_sub(4)..].iter().collect()
    };
    items[..items.len() - 1].iter().all(|item| short(item)) && short(&first_tail)
}

/// Whether `name` ends with a verb whose object is the things counted after the figure
/// (`建好` of `建好18个省级临床医学中心`, `惠及` of `惠及超3万名学生`): such a count is named
/// after it (assets/lexicon/counted-object-verbs.txt, beneficiary-verbs.txt).
pub fn counts_object_after(name: &str) -> bool {
    crate::figures::lexicon::by_last!("counted-object-verbs")
        .longest_suffix(name)
        .is_some()
        || crate::figures::lexicon::by_last!("beneficiary-verbs")
            .longest_suffix(name)
            .is_some()
}

/// Whether `name` is only a verb of reaching people (`惠及` of `惠及549万人`), which names
/// nothing alone: the people reached are not said.
pub fn is_beneficiary_verb(name: &str) -> bool {
    crate::figures::lexicon::by_last!("beneficiary-verbs").holds_ending(name)
}

/// Whether a name is only a verb taking an object (`启动`, `实施`), not a name at all.
pub fn is_bare_verb(name: &str) -> bool {
    OBJECT_VERBS_BY_LAST.holds_ending(name) || LEADING_BY_LAST.holds_ending(name)
}

static LEADING_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*LEADING, |w| w.chars().next_back()));

/// The first short quoted phrase of `clause` (`实施“三大改造”` → `三大改造`).
pub fn quoted(clause: &str) -> Option<&str> {
    let open = clause.find('“')? + '“'.len_utf8();
    let close = clause[open..].find('”')? + open;
    let inner = &clause[open..close];
    (inner.chars().count() <= 12 && !inner.is_empty()).then_some(inner)
}

/// The quoted name that ends `clause` (`开办公益“爱心托管班”` → `爱心托管班`).
pub fn quoted_before(clause: &str) -> Option<&str> {
    let head = clause.trim_end().strip_suffix('”')?;
    let open = head.rfind('“')? + '“'.len_utf8();
    let inner = &head[open..];
    (inner.chars().count() >= 2 && inner.chars().count() <= 12).then_some(inner)
}

/// Whether a name is the economy as a whole (`经济`, `全县经济`), whose growth is its output's.
pub fn is_economy(name: &str) -> bool {
    // Most names end otherwise: they need no look at the subjects.
    if !name.ends_with("经济") && !name.ends_with("經濟") {
        return false;
    }
    let rest = crate::figures::lexicon::list!("economy-subjects")
        .iter()
        .find_map(|p| name.strip_prefix(p))
        .unwrap_or(name);
    rest == "经济" || rest == "經濟"
}

/// Whether `name` is one [`threshold`] gives: a bar things are counted against, not a level.
pub fn is_threshold(name: &str) -> bool {
    name.ends_with("门槛")
}

/// The name of a threshold for `things` (`5000万元以上项目` → `项目投资门槛`).
pub fn threshold(things: &str) -> String {
    if things.ends_with("项目") {
        format!("{things}投资门槛")
    } else if things.ends_with("企业") {
        format!("{things}规模门槛")
    } else {
        format!("{things}门槛")
    }
}

/// The name of the things counted, read after the figure (`207个重点项目完成…` → `重点项目`).
pub fn name_after(after: &str) -> Option<String> {
    let mut s = after.trim_start();
    for q in ["以上", "以下", "左右"] {
        s = s.strip_prefix(q).unwrap_or(s);
    }
    // `40%的中小学校`: a share of the things named after it.
    s = s.strip_prefix('的').unwrap_or(s);
    // `10个“口袋公园”`: a quoted name; `1100多种“蒙”字标好产品`: quoted words before the noun
    // they qualify, kept with it without their marks (蒙字标好产品).
    if s.starts_with('“') {
        let inner = quoted(s)?;
        let mut noun = s;
        while let Some(close) = noun.strip_prefix('“').and_then(|q| q.find('”')) {
            noun = &noun['“'.len_utf8() + close + '”'.len_utf8()..];
        }
        let quotes: String = s[..s.len() - noun.len()]
            .chars()
            .filter(|&c| c != '“' && c != '”')
            .collect();
        return Some(match noun_after(noun) {
            noun if noun.chars().nth(1).is_some() => format!("{quotes}{noun}"),
            _ => inner.to_string(),
        });
    }
    let s = past_bar(s);
    let name = noun_after(s);
    // `10条超五百亿级的市域特色链`: a grade is no name, the things graded are.
    if name.ends_with('级')
        && let Some(graded) = s[name.len()..].strip_prefix('的')
        && let things = noun_after(graded)
        && things.chars().nth(1).is_some()
    {
        return Some(things.to_string());
    }
    // `64个预增产值过10亿元、2334个过2000万元的工业新增长点`: the things are named after the bar
    // they pass.
    if name.ends_with(['过', '超'])
        && let Some(things) = past_threshold(&s[name.len()..])
    {
        return Some(things.to_string());
    }
    (name.chars().count() >= 2).then(|| name.to_string())
}

/// The things named after `的` when `s` opens with the amount they pass (`10亿元、2334个过
/// 2000万元的工业新增长点` → 工业新增长点), within the clause.
fn past_threshold(s: &str) -> Option<&str> {
    if !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let clause = s
        .find(['，', '。', '；', '：', ',', ';'])
        .unwrap_or(s.len())
        .min(60);
    let mut end = clause.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    let of = s[..end].find('的')?;
    let things = noun_after(&s[of + '的'.len_utf8()..]);
    (things.chars().count() >= 2).then_some(things)
}

/// `s` past a bar on an attribute that names a group of the things counted
/// (`海拔1500米以上农村中小学` → `农村中小学`: assets/lexicon/label-attributes.txt), or `s`.
fn past_bar(s: &str) -> &str {
    let Some(attribute) = crate::figures::lexicon::by_first!("label-attributes").longest_prefix(s)
    else {
        return s;
    };
    let rest = &s[attribute.len()..];
    let number = rest.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.');
    if number.len() == rest.len() {
        return s;
    }
    // A unit of a few characters, then the bar's side.
    number
        .char_indices()
        .take(4)
        .find_map(|(i, _)| {
            let tail = &number[i..];
            tail.strip_prefix("以上")
                .or_else(|| tail.strip_prefix("以下"))
        })
        .unwrap_or(s)
}

/// Whether a name read after a figure ends where `rest` starts, past its first character: a word
/// of assets/lexicon/stops-after-inside.txt, or one of stops-after-closing.txt closing the phrase.
fn stops_inside(rest: &str) -> bool {
    crate::figures::lexicon::by_first!("stops-after-inside")
        .longest_prefix(rest)
        .is_some()
        || crate::figures::lexicon::by_first!("stops-after-closing")
            .prefixes_of(rest)
            .any(|w| !rest[w.len()..].starts_with(is_han))
}

/// The run of Han characters that starts `s` (at most fourteen), up to a word that ends a name
/// read after a figure (assets/lexicon/stops-after.txt; past its first character
/// stops-after-inside.txt, and stops-after-closing.txt where it closes the phrase), and without
/// a closing conjunction.
fn noun_after(s: &str) -> &str {
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if !is_han(c) || i >= 42 {
            break;
        }
        let rest = &s[i..];
        if STOPS_AFTER_BY_FIRST.longest_prefix(rest).is_some() || (i > 0 && stops_inside(rest)) {
            break;
        }
        end = i + c.len_utf8();
    }
    // `21家医疗机构和529个村卫生室`: the name stops before the conjunction.
    s[..end].trim_end_matches(['和', '及', '与', '與'])
}
