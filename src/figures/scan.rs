//! The span finder: where in a line of reading text a figure stands, what kind it is and its
//! unsigned value. Everything that looks like a number but is not a figure is refused here:
//! years and dates (`2022年`, `6月26日`), ordinals (`第十六届`, `第三次会议`), quoted slogan codes
//! (`“1345”`, `“三个一批”`), list labels (`1.`), codes glued to Latin letters (`PM2.5`, `5G`),
//! numerals naming a class (`三次产业`, `110千伏变电站`, `三星级`) and fixed phrases.
//!
//! The scanner walks the line's bytes once, decoding only the characters that may start a
//! figure; it allocates only the figures it finds (and a line's quotations, when it has one).

use std::sync::LazyLock;

use super::numerals::{chinese_digit, is_chinese_numeral, is_financial, magnitude, parse_chinese};
use super::units::starts_unit;
use super::{Kind, Value};

/// A figure's surface in a line, before its meaning is read from the context.
#[derive(Debug, Clone, PartialEq)]
pub struct Span {
    /// Byte offset in the line where the surface starts.
    pub start: usize,
    /// Byte offset in the line where it ends.
    pub end: usize,
    /// What sort of quantity it is.
    pub kind: Kind,
    /// The value with magnitudes applied, unsigned.
    pub value: Option<Value>,
    /// The base unit (`元`, `%`, `吨`; empty for ranks and ratios).
    pub unit: &'static str,
    /// A qualifier written inside the surface (`990余万元` → `余`, `千亿级` → `级`).
    pub inner_qualifier: Option<&'static str>,
    /// The rule that makes it a label, not a figure (`八个方面`: `label_head`); see [`labels`].
    /// Only [`scan_all_into`] reports labels.
    pub label: Option<&'static str>,
}

impl Span {
    /// A figure with no unit or inner qualifier, read from `start` to `end` (a rank, a ratio).
    fn plain(start: usize, end: usize, kind: Kind, value: f64) -> Span {
        Span {
            start,
            end,
            kind,
            value: Some(Value::Number(value)),
            unit: "",
            inner_qualifier: None,
            label: None,
        }
    }
}

/// Every figure surface in `line`, in order.
pub fn scan(line: &str) -> Vec<Span> {
    let mut out = Vec::new();
    scan_into(line, &mut out);
    out
}

/// [`scan`], appending to `out`: a caller reading many lines reuses one vector.
pub fn scan_into(line: &str, out: &mut Vec<Span>) {
    let first = out.len();
    scan_all_into(line, out);
    let mut k = first;
    out.retain(|span| {
        k += 1;
        k <= first || span.label.is_none()
    });
}

/// [`scan_into`], keeping the labels too, each with the rule that tells it ([`Span::label`]):
/// the reader names figures from the words around them, labels included.
pub fn scan_all_into(line: &str, out: &mut Vec<Span>) {
    let chars = Chars::new(line);
    let bytes = line.as_bytes();
    let starts: &[u64; 1024] = &STARTS;
    let mut i = 0;
    loop {
        i = next_candidate(bytes, i, starts);
        let Some(c) = chars.get(i) else { break };
        // Where the character after it starts, worked out once for every way on.
        let after = i + c.len_utf8();
        // The candidate finder stops at quote marks too (and passes no other): read, they tell
        // most figures that they stand in no quotation.
        if is_quote_mark(c) {
            chars.read_mark(i, c);
            i = after;
            continue;
        }
        chars.read_to(after);
        let step = if c == '第' {
            rank(&chars, i)
        } else if c == '翻' {
            doubling(&chars, i)
        } else if c == '前' {
            top(&chars, i)
        } else if c == '倍' {
            doubled(&chars, i)
        } else if c == '首' {
            first_place(&chars, i)
        } else if c == '百' && chars.rest(i).starts_with("百分之") {
            percent_in_words(&chars, i)
        } else if is_arabic(c) {
            arabic(&chars, i)
        } else if is_chinese_numeral(c) {
            chinese(&chars, i)
        } else {
            Step::Skip(after)
        };
        let next = match step {
            Step::Found(mut span, next) => {
                if !chars.quoted(span.start, false) {
                    span.label = labels::label_rule(line, &span);
                    out.push(span);
                }
                next.max(after)
            }
            Step::Skip(next) => next.max(after),
        };
        // The text stepped over unread may hold quote marks.
        chars.read_marks(after, next);
        i = next;
    }
}

/// What the scanner makes of the characters at one position.
enum Step {
    /// A figure, and where to continue.
    Found(Span, usize),
    /// Nothing; continue at this character.
    Skip(usize),
}

/// Whether the character at `i` stands inside a `“…”` quotation of any length: a Chinese numeral
/// there belongs to a slogan (`建成“三个强县、一个家园”`).
fn inside_quotes(chars: &Chars, i: usize) -> bool {
    chars.quoted(i, true)
}

mod candidates;
mod chars;
mod counts;
mod forms;
mod quotes;
mod tail;

#[cfg(test)]
use candidates::stops_scan;
use candidates::{STARTS, next_candidate};
use chars::{Chars, is_arabic, is_han, is_space};
use quotes::is_quote_mark;
use tail::{Tail, arabic_end, finish, number_at, tail};

pub mod labels;
mod ranks;

use forms::{arabic, chinese, doubled, doubling, percent_in_words};
use ranks::{first_place, rank, top};

#[cfg(test)]
mod tests;
