//! The span finder: where in a line of reading text a figure stands, what kind it is and its
//! unsigned value. Everything that looks like a number but is not a figure is refused here:
//! years and dates (`2022年`, `6月26日`), ordinals (`第十六届`, `第三次会议`), quoted slogan codes
//! (`“1345”`, `“三个一批”`), list labels (`1.`), codes glued to Latin letters (`PM2.5`, `5G`),
//! numerals naming a class (`三次产业`, `110千伏变电站`, `三星级`) and fixed phrases.
//!
//! The scanner walks the line's bytes once, decoding only the characters that may start a
//! figure; it allocates only the figures it finds (and a line's quotations, when it has one).

use std::cell::OnceCell;
use std::ops::Range;
use std::sync::LazyLock;

use super::numerals::{arabic_digit, chinese_digit, is_chinese_numeral, magnitude, parse_chinese};
use super::units::{Unit, match_unit, starts_unit};
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

/// A line read by byte positions, so the scanner can look both ways without copying the
/// line's characters: every position is the byte offset of a character (or the line's end).
struct Chars<'a> {
    text: &'a str,
    /// The quotations of the line, found when a figure first needs them: most lines with a
    /// candidate character hold no figure.
    quotes: OnceCell<Quotes>,
}

impl<'a> Chars<'a> {
    fn new(text: &'a str) -> Self {
        Chars {
            text,
            quotes: OnceCell::new(),
        }
    }

    fn quotes(&self) -> &Quotes {
        self.quotes.get_or_init(|| Quotes::find(self.text))
    }

    /// The character at position `i`.
    fn get(&self, i: usize) -> Option<char> {
        let &b = self.text.as_bytes().get(i)?;
        if b < 0x80 {
            return Some(char::from(b));
        }
        self.text.get(i..).and_then(|rest| rest.chars().next())
    }

    /// The position after the character at `i` (the end stays the end).
    fn next(&self, i: usize) -> usize {
        self.get(i).map_or(i, |c| i + c.len_utf8())
    }

    /// The character before position `i`.
    fn prev(&self, i: usize) -> Option<char> {
        self.text.get(..i).and_then(|head| head.chars().next_back())
    }

    /// The position of the character before `i` (the start stays the start).
    fn prev_pos(&self, i: usize) -> usize {
        self.prev(i).map_or(i, |c| i - c.len_utf8())
    }

    /// The position `n` characters before `i`, or the start.
    fn back(&self, i: usize, n: usize) -> usize {
        let head = self.text.get(..i).unwrap_or("");
        head.char_indices()
            .rev()
            .take(n)
            .last()
            .map_or(i, |(at, _)| at)
    }

    fn rest(&self, i: usize) -> &'a str {
        self.text.get(i..).unwrap_or("")
    }

    /// Skip up to two spaces if a character satisfying `then` follows them.
    fn skip_spaces_if(&self, i: usize, then: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        for _ in 0..2 {
            if !self.get(j).is_some_and(is_space) {
                break;
            }
            j = self.next(j);
        }
        if j > i && self.get(j).is_some_and(then) {
            j
        } else {
            i
        }
    }
}

fn is_space(c: char) -> bool {
    c == ' ' || c == '\u{3000}' || c == '\u{a0}'
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c) || ('\u{3400}'..='\u{4dbf}').contains(&c)
}

fn is_arabic(c: char) -> bool {
    arabic_digit(c).is_some()
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
        let step = if c == '第' {
            rank(&chars, i)
        } else if c == '翻' {
            doubling(&chars, i)
        } else if c == '前' {
            top(&chars, i)
        } else if c == '倍' {
            doubled(&chars, i)
        } else if c == '百' && chars.rest(i).starts_with("百分之") {
            percent_in_words(&chars, i)
        } else if is_arabic(c) {
            arabic(&chars, i)
        } else if is_chinese_numeral(c) {
            chinese(&chars, i)
        } else {
            Step::Skip(chars.next(i))
        };
        match step {
            Step::Found(mut span, next) => {
                if !in_ranges(&chars.quotes().slogans, span.start) {
                    span.label = labels::label_rule(line, &span);
                    out.push(span);
                }
                i = next.max(chars.next(i));
            }
            Step::Skip(next) => i = next.max(chars.next(i)),
        }
    }
}

/// The position of the first character at or after `i` that may start a figure (or the end).
/// Only ASCII digits and three-byte characters (full-width digits, Chinese numerals, `第`, `翻`,
/// `百`) can: everything else is stepped over undecoded. A three-byte character is first looked
/// up by its last two bytes alone (one load, one bit of [`PAIRS`]), which rules out nearly all
/// of them; the few left are looked up by code point in `starts`.
fn next_candidate(bytes: &[u8], mut i: usize, starts: &[u64; 1024]) -> usize {
    let pairs: &[u64; 1024] = &PAIRS;
    let bit = |table: &[u64; 1024], key: usize| (table[key >> 6] >> (key & 63)) & 1 != 0;
    // Four bytes are read at once (one load) while three more follow `i`.
    while let Some(&word) = bytes.get(i..).and_then(<[u8]>::first_chunk::<4>) {
        let word = u32::from_le_bytes(word);
        let lead = word as u8;
        if lead & 0xF0 == 0xE0 {
            if bit(pairs, ((word >> 8) & 0xFFFF) as usize) && bit(starts, code_point(word)) {
                return i;
            }
            i += 3;
        } else if lead < 0x80 {
            if lead.is_ascii_digit() {
                return i;
            }
            i += 1;
        } else {
            i += utf8_width(lead);
        }
    }
    // The last three bytes: a three-byte character, or ASCII digits.
    if let [lead @ 0xE0..=0xEF, second, third] = bytes[i.min(bytes.len())..] {
        let word = u32::from_le_bytes([lead, second, third, 0]);
        return if bit(starts, code_point(word)) {
            i
        } else {
            bytes.len()
        };
    }
    // Fewer than three bytes after a character that is not three bytes long: only an ASCII
    // digit can start a figure there.
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            return i;
        }
        i += utf8_width(bytes[i]);
    }
    bytes.len()
}

/// The code point of the three-byte UTF-8 sequence in the low three bytes of `word` (read
/// little-endian).
fn code_point(word: u32) -> usize {
    (((word & 0x0F) << 12) | ((word >> 2) & 0xFC0) | ((word >> 16) & 0x3F)) as usize
}

/// The length of the UTF-8 sequence that byte `b` leads (1 for a stray continuation byte).
fn utf8_width(b: u8) -> usize {
    match b {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF7 => 4,
        _ => 1,
    }
}

/// Whether a figure can start at a character of the Basic Multilingual Plane.
fn starts_figure(c: char) -> bool {
    is_arabic(c) || is_chinese_numeral(c) || matches!(c, '第' | '翻' | '百' | '前' | '倍')
}

/// A bit per character of the Basic Multilingual Plane: whether a figure can start there.
static STARTS: LazyLock<[u64; 1024]> = LazyLock::new(|| {
    let mut bits = [0u64; 0x10000 / 64];
    for c in ('\0'..='\u{ffff}').filter(|&c| starts_figure(c)) {
        bits[c as usize / 64] |= 1 << (c as usize % 64);
    }
    bits
});

/// A bit per pair of bytes (read little-endian): whether it ends the UTF-8 of a three-byte
/// character that can start a figure.
static PAIRS: LazyLock<[u64; 1024]> = LazyLock::new(|| {
    let mut bits = [0u64; 0x10000 / 64];
    for c in ('\u{800}'..='\u{ffff}').filter(|&c| starts_figure(c)) {
        let mut utf8 = [0u8; 4];
        c.encode_utf8(&mut utf8);
        let key = usize::from(u16::from_le_bytes([utf8[1], utf8[2]]));
        bits[key / 64] |= 1 << (key % 64);
    }
    bits
});

/// What the scanner makes of the characters at one position.
enum Step {
    /// A figure, and where to continue.
    Found(Span, usize),
    /// Nothing; continue at this character.
    Skip(usize),
}

/// Whether `at` falls in one of `ranges` (in text order, not overlapping).
fn in_ranges(ranges: &[Range<usize>], at: usize) -> bool {
    let n = ranges.partition_point(|r| r.start <= at);
    n > 0 && ranges[n - 1].contains(&at)
}

/// Whether the character at `i` stands inside a `“…”` quotation of any length: a Chinese numeral
/// there belongs to a slogan (`建成“三个强县、一个家园”`).
fn inside_quotes(chars: &Chars, i: usize) -> bool {
    in_ranges(&chars.quotes().quotations, i)
}

/// The end of an Arabic number starting at `i` (digits, then a decimal part; `35. 8` counts).
fn arabic_end(chars: &Chars, i: usize) -> usize {
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

fn number_at(chars: &Chars, i: usize, j: usize) -> Option<f64> {
    super::numerals::parse_arabic(&chars.text[i..j])
}

/// What follows a number: `余`/`多`, magnitudes, a unit.
struct Tail {
    /// Product of the magnitudes applied.
    factor: f64,
    /// The unit, if one follows.
    unit: Option<Unit>,
    /// `余` or `多` inside the surface.
    about: Option<&'static str>,
    /// Whether a `亿` magnitude was applied (a bare `10亿` is money).
    hundred_millions: bool,
    /// Where the surface ends.
    end: usize,
}

/// Read `余`/`多`, magnitudes and a unit from `i`. With `magnitudes` false (Chinese numerals,
/// which carry their own) only `余`/`多` and the unit are read.
fn tail(chars: &Chars, i: usize, magnitudes: bool) -> Tail {
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
            let factor = super::numerals::magnitudes(&chars.text[j..k]).unwrap_or(1.0);
            let hundred_millions = chars.text[j..k].contains(['亿', '億']);
            return Tail {
                factor,
                unit: Some(unit),
                about: about_here,
                hundred_millions,
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
    let end = if hundred_millions { run_end } else { i };
    Tail {
        factor: if hundred_millions {
            super::numerals::magnitudes(mags).unwrap_or(1.0)
        } else {
            1.0
        },
        unit: None,
        about: if hundred_millions { about } else { None },
        hundred_millions,
        end,
    }
}

fn match_unit_char(c: char) -> bool {
    let mut buf = [0u8; 4];
    match_unit(c.encode_utf8(&mut buf)).is_some()
        || matches!(
            c,
            '个' | '個' | '平' | '立' | '公' | '千' | '微' | '毫' | '标' | '兆'
        )
}

/// Turn a number and its tail into a span, applying the rules every figure obeys.
fn finish(chars: &Chars, start: usize, value: Value, t: Tail) -> Step {
    let after = chars.rest(t.end);
    let (kind, unit) = match t.unit {
        Some(u) => (u.kind, u.base),
        None if t.hundred_millions => (Kind::Money, "元"),
        None => return Step::Skip(t.end.max(chars.next(start))),
    };
    // A voltage class (`110千伏变电站`) names a kind of substation, not an amount.
    if unit == "千伏" && after.chars().next().is_some_and(is_han) {
        return Step::Skip(t.end);
    }
    let scale = |v: f64| super::numerals::scaled(v, t.factor);
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

mod counts;
mod forms;
mod quotes;

use quotes::Quotes;
pub mod labels;
mod ranks;

use forms::{arabic, chinese, doubled, doubling, percent_in_words};
use ranks::{rank, top};

#[cfg(test)]
mod tests;
