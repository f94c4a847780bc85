//! Ranks: `第1位`, `全市第一`, `居全省第3`, the last of a list of ranks, and places among the
//! first few (`居全国前六`).

use super::*;
use crate::figures::lexicon::{by_first, list};
use crate::figures::words::after_char;

/// Whether the words before position `i` rank: a ranking word within five characters, or a
/// list of ranks after one (`分别居全国第二、第七、第九`).
fn ranked_before(chars: &Chars, i: usize) -> bool {
    let near = &chars.text[chars.back(i, 5)..i];
    if by_first!("rank-context").found_in(near) {
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

/// The number written at `start`, in Arabic digits or Chinese numerals, and where it ends.
fn whole_number(chars: &Chars, start: usize) -> (Option<f64>, usize) {
    if chars.get(start).is_some_and(is_arabic) {
        let end = arabic_end(chars, start);
        return (number_at(chars, start, end), end);
    }
    let mut end = start;
    while chars.get(end).is_some_and(is_chinese_numeral) {
        end = chars.next(end);
    }
    (parse_chinese(&chars.text[start..end]), end)
}

/// `居全国前六`, `降幅居全国前5位`: a place among the first few, ranked with qualifier `前`.
pub(super) fn top(chars: &Chars, i: usize) -> Step {
    let start = chars.next(i);
    let (value, j) = whole_number(chars, start);
    let Some(value) = value.filter(|v| *v >= 1.0 && v.fract() == 0.0) else {
        return Step::Skip(start);
    };
    let near = &chars.text[chars.back(i, 5)..i];
    if !by_first!("rank-context").found_in(near) {
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

/// `第1位`, `第 3`, `第八位`, `全市第一`, `居全省第3`, `排名第五`; any other `第…` is an ordinal.
pub(super) fn rank(chars: &Chars, i: usize) -> Step {
    let mut j = chars.skip_spaces_if(chars.next(i), |c| is_arabic(c) || is_chinese_numeral(c));
    let number_start = j;
    let value;
    (value, j) = whole_number(chars, number_start);
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

/// `居全国首位`, `连续4年保持全国首位`, `居全球城市首位`: first place, a rank of 1, when a ranking
/// verb (assets/lexicon/rank-verbs.txt) stands in the clause before it (a priority, `摆在首位`,
/// is none), and not `首位度` or `首位产业`.
pub(super) fn first_place(chars: &Chars, i: usize) -> Step {
    let after = chars.next(i);
    if !chars.rest(i).starts_with("首位") {
        return Step::Skip(after);
    }
    let end = chars.next(after);
    if chars.get(end).is_some_and(|c| is_han(c) && c != '的') {
        return Step::Skip(end);
    }
    let near = &chars.text[chars.back(i, 12)..i];
    let clause = &near[near
        .rfind(['，', '。', '；', '：', '、', ',', ';'])
        .map_or(0, |k| after_char(near, k))..];
    if !list!("rank-verbs").iter().any(|verb| clause.contains(verb)) {
        return Step::Skip(end);
    }
    Step::Found(Span::plain(i, end, Kind::Rank, 1.0), end)
}
