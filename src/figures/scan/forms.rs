//! The forms a figure takes, one reader each: Arabic numbers (with ranges and ratios), Chinese
//! numerals, ranks (`第1位`), doublings (`翻一番`) and percentages in words (`百分之八`). Each
//! reads from a character's byte position and says what it found and where to go on.

use super::*;
use crate::figures::indicator::has_word;
use crate::figures::lexicon::list;
/// A number in Arabic digits: a plain figure, a range (`1-2项`), or a ratio (`24:34.6:41.4`).
pub(super) fn arabic(chars: &Chars, i: usize) -> Step {
    let end = arabic_end(chars, i);
    // Codes glued to Latin letters: PM2.5, 5G, 4A, G30.
    let glued_before = chars.prev(i).is_some_and(|c| c.is_ascii_alphabetic());
    let glued_after = chars.get(end).is_some_and(|c| c.is_ascii_alphabetic());
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
    if let Some(c) = chars.get(end)
        && matches!(c, '-' | '—' | '–' | '~' | '～' | '至' | '到')
    {
        let mut k = after_end;
        if c == '—' && chars.get(k) == Some('—') {
            k = chars.next(k);
        }
        if chars.get(k).is_some_and(is_arabic) {
            let end2 = arabic_end(chars, k);
            if let Some(second) = number_at(chars, k, end2) {
                let t = tail(chars, end2, true);
                if t.unit.is_some() {
                    return finish(chars, i, Value::Range(first, second), t);
                }
                return Step::Skip(end2);
            }
        }
    }
    let t = tail(chars, end, true);
    finish(chars, i, Value::Number(first), t)
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
    let blocked = chars.prev(i).is_some_and(|c| {
        list!("numeral-blockers")
            .iter()
            .any(|b| b.len() == c.len_utf8() && b.starts_with(c))
    });
    if blocked {
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
            // `百亿元`, `百万吨`, `千亿级` are amounts; `千家万户` and `万人` are not counts, and a
            // lone `万元`/`亿元` is a figure only as a threshold (`亿元以上项目`).
            if !matches!(kind, Kind::Money | Kind::Quantity) {
                return Step::Skip(run_end);
            }
            let single = numeral.chars().count() == 1;
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

/// A Chinese numeral before a measure word, as the count rules see it.
pub(super) struct CountCase<'a> {
    /// The numeral (`两`, `十二`).
    pub(super) numeral: &'a str,
    /// Its value.
    pub(super) value: f64,
    /// The measure word as written (`个`, `次`).
    pub(super) unit: &'a str,
    /// The text after the measure word.
    pub(super) after: &'a str,
    /// Whether it stands inside a `“…”` quotation.
    pub(super) quoted: bool,
}

/// A reason a Chinese numeral before a measure word is no count, with its name.
pub(super) struct CountRule {
    /// The rule's name.
    pub(super) name: &'static str,
    /// Whether the case is no count by this rule.
    pub(super) test: fn(&CountCase) -> bool,
}

/// The reasons a Chinese numeral before a measure word is no count, in the order tried.
pub(super) const NOT_COUNTS: &[CountRule] = &[
    CountRule {
        name: "article",
        test: article,
    },
    CountRule {
        name: "ordinal_er",
        test: ordinal_er,
    },
    CountRule {
        name: "session_or_class",
        test: session_or_class,
    },
    CountRule {
        name: "number_of_digits",
        test: number_of_digits,
    },
    CountRule {
        name: "slogan",
        test: slogan,
    },
    CountRule {
        name: "quoted",
        test: quoted,
    },
];

/// The first rule by which the case is no count, if one is.
pub(super) fn not_a_count(case: &CountCase) -> Option<&'static str> {
    NOT_COUNTS
        .iter()
        .find(|rule| (rule.test)(case))
        .map(|rule| rule.name)
}

/// `一批`, `一个`: `一` before a measure word is an article.
fn article(case: &CountCase) -> bool {
    case.value == 1.0
}

/// `二期`, `二次创业`, `二套房`: `二` before a measure word is an ordinal (counts say `两`).
fn ordinal_er(case: &CountCase) -> bool {
    case.numeral == "二"
}

/// `三次产业`, `三次会议`: `次` of a class or a meeting, not times.
fn session_or_class(case: &CountCase) -> bool {
    let session = list!("count-sessions")
        .iter()
        .any(|w| case.after.starts_with(w));
    case.unit == "次" && (case.after.starts_with("产业") || session)
}

/// `两位数增长`: a number of digits, not of people.
fn number_of_digits(case: &CountCase) -> bool {
    case.unit == "位" && (case.after.starts_with('数') || case.after.starts_with('數'))
}

/// `三个一批`, `两个确保`, `四个不摘`: a slogan.
fn slogan(case: &CountCase) -> bool {
    list!("slogan-openers")
        .iter()
        .any(|w| case.after.starts_with(w))
}

/// `建成“三个强县、一个家园”`: a numeral inside a quotation belongs to a slogan.
fn quoted(case: &CountCase) -> bool {
    case.quoted
}

/// `八成以上`, `两成`: a single numeral before `成`, and no word running on after it (`一成不变`,
/// `三成员`), is tenths of a whole: 80%.
fn tenths(chars: &Chars, i: usize, run_end: usize) -> Option<Step> {
    if chars.get(run_end) != Some('成') || chars.next(i) != run_end {
        return None;
    }
    let digit = chinese_digit(chars.get(i)?).filter(|d| (2..=9).contains(d))?;
    let end = chars.next(run_end);
    let rest = chars.rest(end);
    let free = rest.chars().next().is_none_or(|c| !is_han(c))
        || ["以上", "以下", "左右", "多", "的"]
            .iter()
            .any(|w| rest.starts_with(w));
    free.then(|| {
        Step::Found(
            Span {
                start: i,
                end,
                kind: Kind::Percent,
                value: Some(Value::Number(f64::from(digit) * 10.0)),
                unit: "%",
                inner_qualifier: None,
                label: None,
            },
            end,
        )
    })
}

/// Whether the words before position `i` rank: a ranking word within five characters, or a
/// list of ranks after one (`分别居全国第二、第七、第九`).
fn ranked_before(chars: &Chars, i: usize) -> bool {
    let near = &chars.text[chars.back(i, 5)..i];
    if list!("rank-context").iter().any(|w| has_word(near, w)) {
        return true;
    }
    if !near.ends_with('、') {
        return false;
    }
    let wide = &chars.text[chars.back(i, 16)..i];
    let list_start = wide
        .char_indices()
        .rev()
        .find(|&(_, c)| {
            !(c == '第' || c == '、' || c == '位' || is_chinese_numeral(c) || is_arabic(c))
        })
        .map_or(0, |(at, c)| at + c.len_utf8());
    let head = &wide[..list_start];
    wide[list_start..].starts_with('第') && list!("rank-context").iter().any(|w| head.ends_with(w))
}

/// `居全国前六`, `降幅居全国前5位`: a place among the first few, ranked with qualifier `前`.
pub(super) fn top(chars: &Chars, i: usize) -> Step {
    let start = chars.next(i);
    let mut j = start;
    let value = if chars.get(j).is_some_and(is_arabic) {
        j = arabic_end(chars, j);
        number_at(chars, start, j)
    } else {
        while chars.get(j).is_some_and(is_chinese_numeral) {
            j = chars.next(j);
        }
        parse_chinese(&chars.text[start..j])
    };
    let Some(value) = value.filter(|v| *v >= 1.0 && v.fract() == 0.0) else {
        return Step::Skip(start);
    };
    let near = &chars.text[chars.back(i, 5)..i];
    if !list!("rank-context").iter().any(|w| has_word(near, w)) {
        return Step::Skip(j);
    }
    let end = match chars.get(j) {
        Some('位' | '名') => chars.next(j),
        Some(c) if is_han(c) && !matches!(c, '的' | '和' | '或') => return Step::Skip(j),
        _ => j,
    };
    Step::Found(
        Span {
            start: i,
            end,
            kind: Kind::Rank,
            value: Some(Value::Number(value)),
            unit: "",
            inner_qualifier: Some("前"),
            label: None,
        },
        end,
    )
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

/// `第1位`, `第 3`, `第八位`, `全市第一`, `居全省第3`, `排名第五`; any other `第…` is an ordinal.
pub(super) fn rank(chars: &Chars, i: usize) -> Step {
    let mut j = chars.skip_spaces_if(chars.next(i), |c| is_arabic(c) || is_chinese_numeral(c));
    let number_start = j;
    let value = if chars.get(j).is_some_and(is_arabic) {
        j = arabic_end(chars, j);
        number_at(chars, number_start, j)
    } else {
        while chars.get(j).is_some_and(is_chinese_numeral) {
            j = chars.next(j);
        }
        parse_chinese(&chars.text[number_start..j])
    };
    let Some(value) = value else {
        return Step::Skip(chars.next(i));
    };
    let k = chars.skip_spaces_if(j, |c| c == '位' || c == '名');
    let end = match chars.get(k) {
        Some('位' | '名') if !chars.rest(k).starts_with("名单") => chars.next(k),
        next => {
            let ends = next.is_none_or(|c| !is_han(c) || c == '的');
            if !(ranked_before(chars, i) && ends) {
                return Step::Skip(j);
            }
            j
        }
    };
    Step::Found(
        Span {
            start: i,
            end,
            kind: Kind::Rank,
            value: Some(Value::Number(value)),
            unit: "",
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
