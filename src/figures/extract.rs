//! The span finder: where in a line of reading text a figure stands, what kind it is and its
//! unsigned value. Everything that looks like a number but is not a figure is refused here:
//! years and dates (`2022年`, `6月26日`), ordinals (`第十六届`, `第三次会议`), quoted slogan codes
//! (`“1345”`, `“三个一批”`), list labels (`1.`), codes glued to Latin letters (`PM2.5`, `5G`),
//! numerals naming a class (`三次产业`, `110千伏变电站`, `三星级`), the parts a speech announces
//! (`六个方面`) and fixed phrases.
//!
//! The scanner walks the line's characters once; it allocates only the figures it finds.

use std::cell::RefCell;
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
}

/// A line as characters with their byte offsets, so the scanner can look both ways.
struct Chars<'a> {
    text: &'a str,
    chars: Vec<(usize, char)>,
    /// Character ranges inside `“…”` quotations, of any length.
    quotations: Vec<std::ops::Range<usize>>,
    /// Byte ranges of short quoted phrases (`“1345”`, `“三个一批”`) and of titles in `《》`:
    /// slogan codes and names, whose numerals are not figures.
    slogans: Vec<std::ops::Range<usize>>,
    /// Whether any character can start a figure.
    candidates: bool,
}

impl<'a> Chars<'a> {
    /// The characters of `text`, kept in `buffer` (reused from line to line), and its
    /// quotations, found in the same pass.
    fn new(text: &'a str, mut buffer: Vec<(usize, char)>) -> Self {
        buffer.clear();
        let mut quotations = Vec::new();
        let mut slogans = Vec::new();
        let mut open: Option<(usize, usize, char)> = None; // char index, byte, opener
        let mut ascii_open: Option<(usize, usize)> = None;
        let mut candidates = false;
        for (i, (byte, c)) in text.char_indices().enumerate() {
            buffer.push((byte, c));
            candidates |= may_start_figure(c);
            if !matches!(c, '“' | '”' | '「' | '」' | '《' | '》' | '〈' | '〉' | '"') {
                continue;
            }
            match c {
                '“' | '「' | '《' | '〈' => open = Some((i, byte, c)),
                '"' => match ascii_open.take() {
                    Some((start, from)) if i - start <= 13 => slogans.push(from..byte),
                    Some(_) => {}
                    None => ascii_open = Some((i, byte)),
                },
                _ => {
                    if let Some((start, from, opener)) = open.take() {
                        if opener == '“' && c == '”' {
                            quotations.push(start..i);
                        }
                        if opener == '《' || opener == '〈' || i - start <= 13 {
                            slogans.push(from..byte);
                        }
                    }
                }
            }
        }
        Chars {
            text,
            chars: buffer,
            quotations,
            slogans,
            candidates,
        }
    }

    fn get(&self, i: usize) -> Option<char> {
        self.chars.get(i).map(|&(_, c)| c)
    }

    fn byte(&self, i: usize) -> usize {
        self.chars.get(i).map_or(self.text.len(), |&(b, _)| b)
    }

    fn rest(&self, i: usize) -> &'a str {
        &self.text[self.byte(i)..]
    }

    fn len(&self) -> usize {
        self.chars.len()
    }

    /// Skip up to two spaces if a character satisfying `then` follows them.
    fn skip_spaces_if(&self, i: usize, then: impl Fn(char) -> bool) -> usize {
        let mut j = i;
        while j < i + 2 && self.get(j).is_some_and(is_space) {
            j += 1;
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
    let chars = Chars::new(line, BUFFER.with(|b| std::mem::take(&mut *b.borrow_mut())));
    if !chars.candidates {
        BUFFER.with(|b| *b.borrow_mut() = chars.chars);
        return out;
    }
    let mut i = 0;
    while i < chars.len() {
        let c = chars.get(i).unwrap_or(' ');
        if !may_start_figure(c) {
            i += 1;
            continue;
        }
        let step = if c == '第' {
            rank(&chars, i)
        } else if c == '翻' {
            doubling(&chars, i)
        } else if c == '百' && chars.rest(i).starts_with("百分之") {
            percent_in_words(&chars, i)
        } else if is_arabic(c) {
            arabic(&chars, i)
        } else if is_chinese_numeral(c) {
            chinese(&chars, i)
        } else {
            Step::Skip(i + 1)
        };
        match step {
            Step::Found(span, next) => {
                if !in_ranges(&chars.slogans, span.start) {
                    out.push(span);
                }
                i = next;
            }
            Step::Skip(next) => i = next.max(i + 1),
        }
    }
    BUFFER.with(|b| *b.borrow_mut() = chars.chars);
    out
}

thread_local! {
    /// The character buffer [`scan`] reuses from line to line.
    static BUFFER: RefCell<Vec<(usize, char)>> = const { RefCell::new(Vec::new()) };
}

/// A bit per character of the Basic Multilingual Plane: whether a figure can start there.
static STARTS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 0x10000 / 64];
    for c in ('\0'..='\u{ffff}')
        .filter(|&c| is_arabic(c) || is_chinese_numeral(c) || matches!(c, '第' | '翻' | '百'))
    {
        bits[c as usize / 64] |= 1 << (c as usize % 64);
    }
    bits
});

/// Whether a figure can start at `c`: one table lookup instead of a dozen comparisons, for the
/// great majority of characters, which cannot.
fn may_start_figure(c: char) -> bool {
    let c = c as usize;
    c < 0x10000 && STARTS[c / 64] & (1 << (c % 64)) != 0
}

/// What the scanner makes of the characters at one position.
enum Step {
    /// A figure, and where to continue.
    Found(Span, usize),
    /// Nothing; continue at this character.
    Skip(usize),
}

/// Whether `at` falls in one of `ranges` (in text order, not overlapping).
fn in_ranges(ranges: &[std::ops::Range<usize>], at: usize) -> bool {
    let n = ranges.partition_point(|r| r.start <= at);
    n > 0 && ranges[n - 1].contains(&at)
}

/// Whether character `i` stands inside a `“…”` quotation of any length: a Chinese numeral
/// there belongs to a slogan (`建成“三个强县、一个家园”`).
fn inside_quotes(chars: &Chars, i: usize) -> bool {
    in_ranges(&chars.quotations, i)
}

/// The end of an Arabic number starting at `i` (digits, then a decimal part; `35. 8` counts).
fn arabic_end(chars: &Chars, i: usize) -> usize {
    let mut j = i;
    while chars.get(j).is_some_and(is_arabic) {
        j += 1;
    }
    if matches!(chars.get(j), Some('.' | '．')) {
        let k = if chars.get(j + 1).is_some_and(is_space) {
            j + 2
        } else {
            j + 1
        };
        if chars.get(k).is_some_and(is_arabic) {
            j = k;
            while chars.get(j).is_some_and(is_arabic) {
                j += 1;
            }
        }
    }
    j
}

fn number_at(chars: &Chars, i: usize, j: usize) -> Option<f64> {
    super::numerals::parse_arabic(&chars.text[chars.byte(i)..chars.byte(j)])
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
        j += 1;
    }
    j = chars.skip_spaces_if(j, |c| magnitude(c).is_some() || match_unit_char(c));
    let mut run_end = j;
    if magnitudes {
        while chars
            .get(run_end)
            .is_some_and(|c| matches!(c, '万' | '萬' | '亿' | '億' | '千' | '百'))
        {
            run_end += 1;
        }
    }
    // The longest run of magnitudes after which a unit follows (`13.83亿千瓦时` is 亿 + 千瓦时).
    for k in (j..=run_end).rev() {
        let mut u = k;
        let mut about_here = about;
        if let Some(a) = about_at(u) {
            about_here = Some(a);
            u += 1;
        }
        let u = chars.skip_spaces_if(u, match_unit_char);
        if let Some(unit) = match_unit(chars.rest(u)) {
            let factor = super::numerals::magnitudes(&chars.text[chars.byte(j)..chars.byte(k)])
                .unwrap_or(1.0);
            let hundred_millions = chars.text[chars.byte(j)..chars.byte(k)].contains(['亿', '億']);
            return Tail {
                factor,
                unit: Some(unit),
                about: about_here,
                hundred_millions,
                end: u + unit.surface.chars().count(),
            };
        }
    }
    let mags = &chars.text[chars.byte(j)..chars.byte(run_end)];
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
        None => return Step::Skip(t.end.max(start + 1)),
    };
    // `重点抓好六个方面的工作`: the parts of a speech, announced, not a count of anything.
    if kind == Kind::Count && after.starts_with("方面") {
        return Step::Skip(t.end);
    }
    // A voltage class (`110千伏变电站`) names a kind of substation, not an amount.
    if unit == "千伏" && after.chars().next().is_some_and(is_han) {
        return Step::Skip(t.end);
    }
    let scale = |v: f64| v * t.factor;
    let value = match (kind, value) {
        (Kind::Ratio, v) => v,
        (_, Value::Number(v)) => Value::Number(scale(v)),
        (_, Value::Range(a, b)) => Value::Range(scale(a), scale(b)),
        (_, v) => v,
    };
    let graded = t.unit.is_none() && after.starts_with('级');
    let inner_qualifier = if graded { Some("级") } else { t.about };
    let end = if graded { t.end + 1 } else { t.end };
    Step::Found(
        Span {
            start: chars.byte(start),
            end: chars.byte(end),
            kind,
            value: Some(value),
            unit,
            inner_qualifier,
        },
        end,
    )
}

mod forms;

use forms::{arabic, chinese, doubling, percent_in_words, rank};

#[cfg(test)]
mod tests;
