//! Chinese numerals before a measure word that are no count, each by a named rule
//! ([`NOT_COUNTS`]), and tenths written `八成`.

use super::*;
use crate::figures::lexicon::by_first;

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
    let session = by_first!("count-sessions")
        .longest_prefix(case.after)
        .is_some();
    case.unit == "次" && (case.after.starts_with("产业") || session)
}

/// `两位数增长`: a number of digits, not of people.
fn number_of_digits(case: &CountCase) -> bool {
    case.unit == "位" && (case.after.starts_with('数') || case.after.starts_with('數'))
}

/// `三个一批`, `两个确保`, `四个不摘`: a slogan.
fn slogan(case: &CountCase) -> bool {
    by_first!("slogan-openers")
        .longest_prefix(case.after)
        .is_some()
}

/// `建成“三个强县、一个家园”`: a numeral inside a quotation belongs to a slogan.
fn quoted(case: &CountCase) -> bool {
    case.quoted
}

/// `八成以上`, `两成`: a single numeral before `成`, and no word running on after it (`一成不变`,
/// `三成员`) unless a bound stands before it (`近八成投向民生`, `超七成来自`), is tenths of a
/// whole: 80%.
pub(super) fn tenths(chars: &Chars, i: usize, run_end: usize) -> Option<Step> {
    if chars.get(run_end) != Some('成') || chars.next(i) != run_end {
        return None;
    }
    let digit = chinese_digit(chars.get(i)?).filter(|d| (2..=9).contains(d))?;
    let end = chars.next(run_end);
    let rest = chars.rest(end);
    let bounded = matches!(chars.prev(i), Some('近' | '超' | '逾' | '约' | '占'));
    let free = bounded
        || rest.chars().next().is_none_or(|c| !is_han(c))
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

#[cfg(test)]
mod tests {
    use super::{CountCase, not_a_count};

    fn case<'a>(numeral: &'a str, unit: &'a str, after: &'a str) -> CountCase<'a> {
        CountCase {
            numeral,
            value: crate::figures::numerals::parse_chinese(numeral).unwrap(),
            unit,
            after,
            quoted: false,
        }
    }

    #[test]
    fn article() {
        assert_eq!(not_a_count(&case("一", "批", "重点项目")), Some("article"));
    }

    #[test]
    fn ordinal_er() {
        assert_eq!(not_a_count(&case("二", "期", "工程")), Some("ordinal_er"));
        assert_eq!(not_a_count(&case("两", "期", "工程")), None);
    }

    #[test]
    fn session_or_class() {
        assert_eq!(
            not_a_count(&case("三", "次", "产业")),
            Some("session_or_class")
        );
        assert_eq!(
            not_a_count(&case("五", "次", "会议")),
            Some("session_or_class")
        );
        assert_eq!(not_a_count(&case("三", "次", "，")), None);
    }

    #[test]
    fn number_of_digits() {
        assert_eq!(
            not_a_count(&case("两", "位", "数增长")),
            Some("number_of_digits")
        );
    }

    #[test]
    fn slogan() {
        assert_eq!(not_a_count(&case("两", "个", "确保")), Some("slogan"));
        assert_eq!(not_a_count(&case("三", "个", "“")), Some("slogan"));
    }

    #[test]
    fn quoted() {
        let mut c = case("三", "个", "强县");
        assert_eq!(not_a_count(&c), None);
        c.quoted = true;
        assert_eq!(not_a_count(&c), Some("quoted"));
    }
}
