//! What follows a number (`余`/`多`, magnitudes, a unit) and the rules every figure obeys when
//! its number and tail are made a span.

use super::*;
use crate::figures::units::{Unit, match_unit};

/// The end of an Arabic number starting at `i` (digits, then a decimal part; `35. 8` counts).
pub(super) fn arabic_end(chars: &Chars, i: usize) -> usize {
    let mut j = i;
    while chars.get(j).is_some_and(is_arabic) {
        j = chars.next(j);
    }
    if matches!(chars.get(j), Some('.' | '．')) {
        let after_point = chars.next(j);
        let k = if chars.get(after_point).is_some_and(is_space) {
            chars.next(after_point)
        } else {
            after_point
        };
        if chars.get(k).is_some_and(is_arabic) {
            j = k;
            while chars.get(j).is_some_and(is_arabic) {
                j = chars.next(j);
            }
        }
    }
    j
}

/// The value of the Arabic number from `i` to `j`.
pub(super) fn number_at(chars: &Chars, i: usize, j: usize) -> Option<f64> {
    crate::figures::numerals::parse_arabic(&chars.text[i..j])
}

/// What follows a number: `余`/`多`, magnitudes, a unit.
pub(super) struct Tail {
    /// Product of the magnitudes applied.
    pub(super) factor: f64,
    /// The unit, if one follows.
    pub(super) unit: Option<Unit>,
    /// `余` or `多` inside the surface.
    pub(super) about: Option<&'static str>,
    /// Whether a `亿` magnitude was applied (a bare `10亿` is money).
    pub(super) hundred_millions: bool,
    /// Whether the number ends in a bare `万` with no unit after it (`入境游客111万、`,
    /// `71.3万监测对象`): people or things counted.
    pub(super) ten_thousands: bool,
    /// Where the surface ends.
    pub(super) end: usize,
}

/// Read `余`/`多`, magnitudes and a unit from `i`. With `magnitudes` false (Chinese numerals,
/// which carry their own) only `余`/`多` and the unit are read.
pub(super) fn tail(chars: &Chars, i: usize, magnitudes: bool) -> Tail {
    let mut j = i;
    let mut about = None;
    let about_at = |j: usize| match chars.get(j) {
        Some('余' | '餘') => Some("余"),
        Some('多') => Some("多"),
        _ => None,
    };
    if let Some(a) = about_at(j) {
        about = Some(a);
        j = chars.next(j);
    }
    j = chars.skip_spaces_if(j, |c| magnitude(c).is_some() || match_unit_char(c));
    let mut run_end = j;
    if magnitudes {
        while chars
            .get(run_end)
            .is_some_and(|c| matches!(c, '万' | '萬' | '亿' | '億' | '千' | '百'))
        {
            run_end = chars.next(run_end);
        }
    }
    // The longest run of magnitudes after which a unit follows (`13.83亿千瓦时` is 亿 + 千瓦时).
    let mut k = run_end;
    loop {
        let mut u = k;
        let mut about_here = about;
        if let Some(a) = about_at(u) {
            about_here = Some(a);
            u = chars.next(u);
        }
        let u = chars.skip_spaces_if(u, match_unit_char);
        if let Some(unit) = match_unit(chars.rest(u)) {
            let factor = crate::figures::numerals::magnitudes(&chars.text[j..k]).unwrap_or(1.0);
            let hundred_millions = chars.text[j..k].contains(['亿', '億']);
            return Tail {
                factor,
                unit: Some(unit),
                about: about_here,
                hundred_millions,
                ten_thousands: false,
                end: u + unit.surface.len(),
            };
        }
        if k == j {
            break;
        }
        k = chars.prev_pos(k);
    }
    let mags = &chars.text[j..run_end];
    let hundred_millions = mags.ends_with(['亿', '億']);
    // A bare `万` ends the number unless more of it follows (`3万多`, `2万余`).
    let ten_thousands = magnitudes
        && about.is_none()
        && mags.ends_with(['万', '萬'])
        && !chars
            .get(run_end)
            .is_some_and(|c| matches!(c, '余' | '餘' | '多'));
    let scaled = hundred_millions || ten_thousands;
    let end = if scaled { run_end } else { i };
    Tail {
        factor: if scaled {
            crate::figures::numerals::magnitudes(mags).unwrap_or(1.0)
        } else {
            1.0
        },
        unit: None,
        about: if hundred_millions { about } else { None },
        hundred_millions,
        ten_thousands,
        end,
    }
}

/// Whether `c` is a unit or may start one: spaces before it are skipped.
fn match_unit_char(c: char) -> bool {
    let mut buf = [0u8; 4];
    match_unit(c.encode_utf8(&mut buf)).is_some()
        || matches!(
            c,
            '个' | '個' | '平' | '立' | '公' | '千' | '微' | '毫' | '标' | '兆'
        )
}

/// Turn a number and its tail into a span, applying the rules every figure obeys.
pub(super) fn finish(chars: &Chars, start: usize, value: Value, t: Tail) -> Step {
    let after = chars.rest(t.end);
    let (kind, unit) = match t.unit {
        Some(u) => (u.kind, u.base),
        None if t.hundred_millions => (Kind::Money, "元"),
        None if t.ten_thousands => (Kind::Count, ""),
        None => return Step::Skip(t.end.max(chars.next(start))),
    };
    // A voltage class (`110千伏变电站`) names a kind of substation, not an amount.
    if unit == "千伏" && after.chars().next().is_some_and(is_han) {
        return Step::Skip(t.end);
    }
    let scale = |v: f64| crate::figures::numerals::scaled(v, t.factor);
    let value = match (kind, value) {
        (Kind::Ratio, v) => v,
        (_, Value::Number(v)) => Value::Number(scale(v)),
        (_, Value::Range(a, b)) => Value::Range(scale(a), scale(b)),
        (_, v) => v,
    };
    let graded = t.unit.is_none() && after.starts_with('级');
    let inner_qualifier = if graded { Some("级") } else { t.about };
    let end = if graded {
        t.end + '级'.len_utf8()
    } else {
        t.end
    };
    Step::Found(
        Span {
            start,
            end,
            kind,
            value: Some(value),
            unit,
            inner_qualifier,
            label: None,
        },
        end,
    )
}
