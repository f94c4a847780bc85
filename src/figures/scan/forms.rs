//! The forms a figure takes, one reader each: Arabic numbers (with ranges and ratios), Chinese
//! numerals, doublings (`翻一番`, `倍增`) and percentages in words (`百分之八`); ranks are read
//! in `ranks`. Each reads from a character's byte position and says what it found and where
//! to go on.

use super::*;
use crate::figures::lexicon::by_last;

use super::counts::{CountCase, not_a_count, tenths};
/// Whether `rest` opens with a unit written in Latin letters and nothing more of them
/// (`7000PF、`, `2万P，`, `15EFlops`), not a code (`5G`, `4A`).
fn latin_unit_at(rest: &str) -> bool {
    let letters = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    crate::figures::units::match_unit(rest).is_some_and(|u| u.surface.len() == letters)
}

/// A number in Arabic digits: a plain figure, a range (`1-2项`), or a ratio (`24:34.6:41.4`).
pub(super) fn arabic(chars: &Chars, i: usize) -> Step {
    let end = arabic_end(chars, i);
    // Codes glued to Latin letters: PM2.5, 5G, 4A, G30.
    let glued_before = chars.prev(i).is_some_and(|c| c.is_ascii_alphabetic());
    let glued_after =
        chars.get(end).is_some_and(|c| c.is_ascii_alphabetic()) && !latin_unit_at(chars.rest(end));
    if glued_before || glued_after {
        let mut j = end;
        while chars
            .get(j)
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.')
        {
            j = chars.next(j);
        }
        return Step::Skip(j);
    }
    let Some(first) = number_at(chars, i, end) else {
        return Step::Skip(end);
    };
    if let Some(step) = ratio(chars, i, end, first) {
        return step;
    }
    if let Some(step) = fraction(chars, i, end, first) {
        return step;
    }
    // `6大领域`: a count of the fields named after it.
    let after_end = chars.next(end);
    if chars.get(end) == Some('大')
        && chars.get(after_end).is_some_and(is_han)
        && first.fract() == 0.0
    {
        return Step::Found(
            Span {
                start: i,
                end: after_end,
                kind: Kind::Count,
                value: Some(Value::Number(first)),
                unit: "大",
                inner_qualifier: None,
                label: None,
            },
            after_end,
        );
    }
    // A range: `1-2项`, `1—2家`, `3至5个`.
    if let Some(k) = range_dash(chars, end) {
        let end2 = arabic_end(chars, k);
        if let Some(second) = number_at(chars, k, end2) {
            let t = tail(chars, end2, true);
            if t.unit.is_some() {
                return finish(chars, i, Value::Range(first, second), t);
            }
            return Step::Skip(end2);
        }
    }
    let t = shared_rate_unit(chars, end, tail(chars, end, true));
    if let Some(step) = bare_ratio(chars, i, end, first, &t) {
        return step;
    }
    if let Some(step) = range_of_rates(chars, i, first, &t) {
        return step;
    }
    finish(chars, i, Value::Number(first), t)
}

/// `分别增长5.1、6.2%`, `分别快于全国3.4个、1个百分点`: a number in a list of rates, written
/// without its unit (or with `个` alone), takes the unit the list ends with. Only rates are
/// shared so: amounts in a list carry their own units.
fn shared_rate_unit(chars: &Chars, end: usize, t: Tail) -> Tail {
    let bare = t.unit.is_none() && !t.hundred_millions && !t.ten_thousands;
    let ge = t
        .unit
        .as_ref()
        .is_some_and(|u| u.surface == "个" || u.surface == "個");
    if !(bare || ge) || chars.get(t.end) != Some('、') {
        return t;
    }
    // The list's next members, up to the first written with a unit.
    let mut k = chars.next(t.end);
    for _ in 0..6 {
        if !chars.get(k).is_some_and(is_arabic) {
            return t;
        }
        let next_end = arabic_end(chars, k);
        let next = tail(chars, next_end, true);
        match next.unit {
            Some(unit) if next.factor == 1.0 => {
                let shares = match unit.kind {
                    Kind::Percent => bare,
                    Kind::PercentagePoint => ge || bare,
                    _ => false,
                };
                return if shares {
                    Tail {
                        unit: Some(unit),
                        about: t.about,
                        end: if ge { t.end } else { end },
                        ..next
                    }
                } else {
                    t
                };
            }
            Some(_) => return t,
            None if chars.get(next.end) == Some('、') && next.end == next_end => {
                k = chars.next(next.end);
            }
            None => return t,
        }
    }
    t
}

/// Where the second number of a range starts, when a range's dash (`-`, `—`, `——`, `～`, `至`,
/// `到`) stands at `at` and a number in digits follows it.
fn range_dash(chars: &Chars, at: usize) -> Option<usize> {
    let dash = chars.get(at)?;
    if !matches!(dash, '-' | '—' | '–' | '~' | '～' | '至' | '到') {
        return None;
    }
    let mut k = chars.next(at);
    if dash == '—' && chars.get(k) == Some('—') {
        k = chars.next(k);
    }
    chars.get(k).is_some_and(is_arabic).then_some(k)
}

/// `增长4.5%—5%`, `4%～5%`, `2.5%到3%`: a range of rates, each end written with its unit, is one
/// figure.
fn range_of_rates(chars: &Chars, i: usize, first: f64, t: &Tail) -> Option<Step> {
    let unit = t.unit.as_ref().filter(|u| u.kind == Kind::Percent)?;
    // `由3%到5%` is a move, not a range.
    if chars
        .prev(i)
        .is_some_and(|c| matches!(c, '由' | '从' | '從'))
    {
        return None;
    }
    let k = range_dash(chars, t.end)?;
    let end2 = arabic_end(chars, k);
    let second = number_at(chars, k, end2)?;
    let t2 = tail(chars, end2, true);
    let same_unit = t2
        .unit
        .as_ref()
        .is_some_and(|u2| u2.surface == unit.surface);
    (same_unit && t2.factor == t.factor && first < second && t.about.is_none())
        .then(|| finish(chars, i, Value::Range(first, second), t2))
}

/// `城乡居民收入比缩小至2.12`: a decimal with no unit right after an income ratio's name and verb
/// is the ratio to one.
fn bare_ratio(chars: &Chars, i: usize, end: usize, value: f64, t: &Tail) -> Option<Step> {
    if t.unit.is_some() || t.hundred_millions || t.ten_thousands {
        return None;
    }
    let decimal = chars.text[i..end].contains(['.', '．']);
    let before = chars.text[chars.back(i, 8)..i].trim_end();
    let at = before.rfind("收入比")?;
    let verb = &before[at + "收入比".len()..];
    if !decimal || !(verb.is_empty() || RATIO_VERBS.contains(&verb)) {
        return None;
    }
    Some(Step::Found(Span::plain(i, end, Kind::Ratio, value), end))
}

/// `24:34.6:41.4` (any colon): three or more parts, or two after `比`.
fn ratio(chars: &Chars, i: usize, end: usize, first: f64) -> Option<Step> {
    let is_colon = |c: char| matches!(c, ':' | '：' | '∶');
    // Nearly every number is no ratio: say so before allocating the parts.
    if !(chars.get(end).is_some_and(is_colon) && chars.get(chars.next(end)).is_some_and(is_arabic))
    {
        return None;
    }
    let mut parts = vec![first];
    let mut j = end;
    while chars.get(j).is_some_and(is_colon) && chars.get(chars.next(j)).is_some_and(is_arabic) {
        let from = chars.next(j);
        let e = arabic_end(chars, from);
        parts.push(number_at(chars, from, e)?);
        j = e;
    }
    // The words before are read only for two parts, and only as far back as a ratio's name
    // and verb reach.
    let named = || {
        let before = chars.text[chars.back(i, 8)..i].trim_end();
        names_ratio(before)
            || before.ends_with("调整为")
            || before.ends_with("优化为")
            || before.ends_with("结构为")
    };
    // `2.39：1`: a decimal to one is a ratio (no clock or score reads so).
    let to_one = parts.len() == 2
        && parts[1] == 1.0
        && chars.text[i..end].contains(['.', '．'])
        && chars.text[chars.next(end)..j]
            .chars()
            .all(|c| c == '1' || c == '１');
    if parts.len() >= 3 || to_one || named() {
        return Some(Step::Found(
            Span {
                start: i,
                end: j,
                kind: Kind::Ratio,
                value: Some(Value::Ratio(parts.into())),
                unit: "",
                inner_qualifier: None,
                label: None,
            },
            j,
        ));
    }
    if parts.len() == 2 {
        return Some(Step::Skip(j)); // a time of day, a score
    }
    None
}

/// `占全国1/4`, `稳定在全国1/10以上`: a fraction of a whole, in digits (a part under a whole of
/// a hundred at most), its value the quotient. A rate per unit (`42万元/人`) or a date
/// (`2025/1/3`) is none.
fn fraction(chars: &Chars, i: usize, end: usize, numerator: f64) -> Option<Step> {
    if !matches!(chars.get(end), Some('/' | '／')) {
        return None;
    }
    let from = chars.next(end);
    if !chars.get(from).is_some_and(is_arabic) {
        return None;
    }
    let stop = arabic_end(chars, from);
    let denominator = number_at(chars, from, stop)?;
    let after_slash = chars
        .get(stop)
        .is_some_and(|c| matches!(c, '/' | '／' | '.'));
    let whole = |n: f64| n.fract() == 0.0 && n >= 1.0;
    let before = chars.prev(i).is_some_and(|c| matches!(c, '/' | '／'));
    if !(whole(numerator) && whole(denominator) && numerator < denominator)
        || denominator > 100.0
        || after_slash
        || before
    {
        return Some(Step::Skip(stop));
    }
    let quotient = numerator / denominator;
    Some(Step::Found(
        Span::plain(i, stop, Kind::Ratio, quotient),
        stop,
    ))
}

/// Words between a ratio's name (`城乡居民收入比`) and its parts.
static RATIO_VERBS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("ratio-verbs"));

/// Whether `before` ends with a ratio's name and a verb (`城乡收入比缩小到`): two parts after it
/// are a ratio, not a time of day. `同比` and `比上年` are comparisons, not names.
fn names_ratio(before: &str) -> bool {
    let tail = before.trim_end();
    let Some(at) = tail.rfind('比') else {
        return false;
    };
    let verb = &tail[at + '比'.len_utf8()..];
    // `开工备案项目比例达到1∶3.4`: a proportion named so.
    let verb = verb.strip_prefix('例').unwrap_or(verb);
    let comparison = ["同", "对", "相"].iter().any(|w| tail[..at].ends_with(w));
    !comparison && RATIO_VERBS.contains(&verb)
}

/// A Chinese numeral: a figure only with a unit, and never as an article (`一批`), a class
/// (`三次产业`, `三星级`), a fraction (`二分之一`) or a slogan (`三个一批`, `两个确保`).
pub(super) fn chinese(chars: &Chars, i: usize) -> Step {
    let mut run_end = i;
    while chars.get(run_end).is_some_and(is_chinese_numeral) {
        run_end = chars.next(run_end);
    }
    // `第三`, `双一流`, `几十`, `每万人`, `五星`: no amount.
    let blocked = chars
        .prev(i)
        .is_some_and(|c| by_last!("numeral-blockers").holds_ending(c.encode_utf8(&mut [0; 4])));
    // `陆家嘴`: one financial numeral alone is a name's character; sums are written out.
    let lone = chars.next(i) == run_end;
    if blocked || (lone && chars.get(i).is_some_and(is_financial)) {
        return Step::Skip(run_end);
    }
    // `八成以上`: tenths of a whole, a share.
    if let Some(step) = tenths(chars, i, run_end) {
        return step;
    }
    // Most numerals in prose are words (`统一`, `进一步`): nothing that could start a unit follows.
    let next = chars.get(run_end);
    let unit_may_follow = next
        .is_some_and(|c| starts_unit(c) || matches!(c, '余' | '多' | '分' | '级'))
        || next.is_some_and(is_space)
        || chars.text[i..run_end].contains(['千', '百', '亿', '億']);
    if !unit_may_follow {
        return Step::Skip(run_end);
    }
    if chars.rest(run_end).starts_with("分之") {
        let mut j = run_end + "分之".len();
        while chars
            .get(j)
            .is_some_and(|c| is_chinese_numeral(c) || is_arabic(c))
        {
            j = chars.next(j);
        }
        return Step::Skip(j);
    }
    // The longest prefix of the run that is a numeral followed by a unit.
    let ends = std::iter::successors(Some(run_end), |&k| Some(chars.prev_pos(k)));
    for k in ends.take_while(|&k| k > i) {
        let numeral = &chars.text[i..k];
        let Some(value) = parse_chinese(numeral) else {
            continue;
        };
        let mut t = tail(chars, k, false);
        if t.unit.is_none() && numeral.ends_with(['亿', '億']) {
            t.hundred_millions = true;
            t.end = k;
        }
        let bare = !numeral.chars().any(|c| chinese_digit(c).is_some());
        let kind = match t.unit {
            Some(u) => u.kind,
            None if numeral.ends_with(['亿', '億']) => Kind::Money,
            None => continue,
        };
        let after = chars.rest(t.end);
        if bare {
            // `百亿元`, `百万吨`, `千亿级` are amounts; `千家万户` and `万人` are not counts, but a
            // count passed is (`整车出口突破百万辆`, `超千万人次`); a lone `万元`/`亿元` is a figure
            // only as a threshold (`亿元以上项目`).
            let single = numeral.chars().count() == 1;
            let count_passed = kind == Kind::Count && !single && passed_before(chars, i);
            if !matches!(kind, Kind::Money | Kind::Quantity) && !count_passed {
                return Step::Skip(run_end);
            }
            if single && !(after.starts_with("以上") || after.starts_with("以下")) {
                return Step::Skip(run_end);
            }
        }
        if kind == Kind::Count {
            let case = CountCase {
                numeral,
                value,
                unit: t.unit.map_or("", |u| u.surface),
                after,
                quoted: inside_quotes(chars, i),
            };
            if not_a_count(&case).is_some() {
                return Step::Skip(t.end);
            }
        }
        if kind == Kind::Percent {
            return Step::Skip(run_end);
        }
        return finish(chars, i, Value::Number(value), t);
    }
    Step::Skip(run_end)
}

/// Whether a verb of passing a mark stands right before `i` (`突破`, `超过`, `超`, `达到`).
fn passed_before(chars: &Chars, i: usize) -> bool {
    let before = &chars.text[chars.back(i, 2)..i];
    ["突破", "超过", "超", "达到"]
        .iter()
        .any(|verb| before.ends_with(verb))
}

/// `均实现倍增`: a doubling, written as a verb (not `倍增计划`, a programme's name).
pub(super) fn doubled(chars: &Chars, i: usize) -> Step {
    let end = i + "倍增".len();
    if !chars.rest(i).starts_with("倍增") || chars.get(end).is_some_and(is_han) {
        return Step::Skip(chars.next(i));
    }
    Step::Found(
        Span {
            start: i,
            end,
            kind: Kind::Multiple,
            value: Some(Value::Number(2.0)),
            unit: "倍",
            inner_qualifier: None,
            label: None,
        },
        end,
    )
}

/// `翻一番` (doubled), `翻了两番` (four times), `翻番`.
pub(super) fn doubling(chars: &Chars, i: usize) -> Step {
    let mut j = chars.next(i);
    if chars.get(j) == Some('了') {
        j = chars.next(j);
    }
    let times = if chars.get(j) == Some('番') {
        1.0
    } else if let Some(n) = chars.get(j).and_then(chinese_digit)
        && chars.get(chars.next(j)) == Some('番')
    {
        j = chars.next(j);
        f64::from(n)
    } else {
        return Step::Skip(chars.next(i));
    };
    let end = chars.next(j);
    Step::Found(
        Span {
            start: i,
            end,
            kind: Kind::Multiple,
            value: Some(Value::Number(2f64.powf(times))),
            unit: "倍",
            inner_qualifier: None,
            label: None,
        },
        end,
    )
}

/// `百分之八`, `百分之十五`, `百分之三点五`, `百分之12.5`.
pub(super) fn percent_in_words(chars: &Chars, i: usize) -> Step {
    let start = i + "百分之".len();
    let mut j = start;
    let value = if chars.get(j).is_some_and(is_arabic) {
        j = arabic_end(chars, j);
        number_at(chars, start, j)
    } else {
        while chars.get(j).is_some_and(is_chinese_numeral) {
            j = chars.next(j);
        }
        parse_chinese(&chars.text[start..j]).map(|whole| {
            // `百分之三点五`: the digits after `点` are the decimals.
            let mut fraction: u64 = 0;
            let mut decimals = 0;
            let first_decimal = chars.next(j);
            let mut k = first_decimal;
            if matches!(chars.get(j), Some('点' | '點')) {
                while let Some(d) = chars.get(k).and_then(chinese_digit) {
                    fraction = fraction.saturating_mul(10).saturating_add(u64::from(d));
                    decimals += 1;
                    k = chars.next(k);
                }
                if k > first_decimal {
                    j = k;
                }
            }
            // Added as one division, so `三点五` is 3.5 exactly as written.
            whole + fraction as f64 / 10f64.powi(decimals)
        })
    };
    match value {
        Some(v) => Step::Found(
            Span {
                start: i,
                end: j,
                kind: Kind::Percent,
                value: Some(Value::Number(v)),
                unit: "%",
                inner_qualifier: None,
                label: None,
            },
            j,
        ),
        None => Step::Skip(start),
    }
}
