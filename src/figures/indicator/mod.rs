//! Indicators: what a figure measures, read from the words before it (`全县生产总值完成283.1亿元`),
//! or after it for a count of things (`207个重点项目`).
//!
//! A name is the clause before the figure with the verbs, adverbs and qualifiers around the
//! number taken off (`同比增长`, `完成`, `稳定在`, `力争`, `全年`…). Where nothing is left
//! (`，同比增长5.2%`) the figure measures the indicator of the figure before it, which the
//! caller carries; `增速居全市第1位` is that indicator's growth.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::lexicon::{by_first, by_last};

use super::words::CharPairs;
pub(super) use super::words::{Affixes, find_word, has_word, rfind_word};

/// What the words before a figure name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Name<'a> {
    /// An indicator (`生产总值`), borrowed from the clause where it can be.
    Named(Cow<'a, str>),
    /// Only an aspect of the indicator before (`增速`): the caller joins the two.
    Aspect(&'static str),
    /// Nothing.
    Nothing,
}

/// Clause boundaries: a name never reaches across them.
pub fn is_boundary(c: char) -> bool {
    matches!(
        c,
        '，' | ','
            | '；'
            | ';'
            | '。'
            | '：'
            | ':'
            | '！'
            | '!'
            | '？'
            | '?'
            | '、'
            | '（'
            | '）'
            | '('
            | ')'
    )
}

/// Sentence-part boundaries: a figure takes the indicator of the one before only within these.
pub fn is_part_boundary(c: char) -> bool {
    matches!(c, '；' | ';' | '。' | '！' | '!' | '？' | '?')
}

/// Words taken off the end of the clause before a figure, tried repeatedly.
static TRAILING: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("name-trailing"));

/// Words taken off the start of the clause.
static LEADING: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("name-leading"));

static TRAILING_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*TRAILING, |w| w.chars().next_back()));
/// Where a name ends inside a clause.
static CUTS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("name-cuts"));

/// The characters a word of [`CUTS`] can start with: a comparison cheaper than the lookup, for
/// the many characters that start none.
const CUT_STARTS: [char; 20] = [
    '较', '比', '同', '提', '增', '降', '下', '减', '在', '較', '減', '从', '從', '由', '缩', '縮',
    '扩', '擴', '压', '壓',
];

/// Whether a word of [`CUTS`] can start with `c`.
fn cuts_may_start(c: char) -> bool {
    CUT_STARTS.contains(&c)
}

/// The characters that mark a name's head (`等`, `的`, `实现`, `實現`, `完成`).
const HEAD_MARKS: [char; 5] = ['等', '的', '实', '實', '完'];

/// The characters [`name_before`]'s pass over a clause acts on: the starts of cuts and the head
/// marks. The others are passed over undecoded.
static CUT_OR_HEAD: LazyLock<CharPairs> =
    LazyLock::new(|| CharPairs::new(CUT_STARTS.into_iter().chain(HEAD_MARKS)));

static CUTS_BY_FIRST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*CUTS, |w| w.chars().next()));
static LEADING_BY_FIRST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*LEADING, |w| w.chars().next()));

/// Verbs that take the counted things as their object: after them the name follows the number
/// (`充分发挥12个招商专班`).
static OBJECT_VERBS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("object-verbs"));

/// Words that end a name read after a figure.
static STOPS_AFTER: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("stops-after"));

static OBJECT_VERBS_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*OBJECT_VERBS, |w| w.chars().next_back()));
static STOPS_AFTER_BY_FIRST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*STOPS_AFTER, |w| w.chars().next()));

/// The name in `clause`, the text between the clause start and the figure.
pub fn name_before(clause: &str) -> Name<'_> {
    let compact = compact(clause);
    let mut s: &str = &compact;
    s = strip_label(s);
    loop {
        let before = s.len();
        while let Some(w) = TRAILING_BY_LAST.longest_suffix(s) {
            s = &s[..s.len() - w.len()];
        }
        s = strip_run_of_years(s);
        s = strip_multiplier(s);
        s = strip_move_start(s);
        if s.len() == before {
            break;
        }
    }
    // A name ends where a comparison (`较2015年`), a move to a level (`提高至`) or a place
    // (`在全市`) begins. The same pass notes whether a head marker (`等`, `的`, `实现`…) comes
    // before the cut: the markers are looked for only then (a marker in the words stripped
    // after the cut is merely looked for in vain).
    let mut has_head_marker = false;
    let mut cut = None;
    // Whose a generic head is (`省重点项目` of `省重点项目完成投资`), kept before it.
    let mut owner: Option<(&str, &str)> = None;
    for (i, c) in CUT_OR_HEAD.positions(s) {
        // `从每人每月`: a rate's unit, cut even at the start (the name is then before it).
        let cuts = (i > 0 || matches!(c, '从' | '從' | '由'))
            && ((cuts_may_start(c)
                && CUTS_BY_FIRST.words(c).iter().any(|w| s[i..].starts_with(w)))
                || (c == '比' && is_comparison(&s[i..])));
        if cuts {
            cut = Some(i);
            break;
        }
        has_head_marker |= HEAD_MARKS.contains(&c);
    }
    if let Some(cut) = cut {
        s = &s[..cut];
        while let Some(w) = TRAILING_BY_LAST.longest_suffix(s) {
            s = &s[..s.len() - w.len()];
        }
    }
    for marker in ["等", "的", "实现", "實現", "完成"] {
        if !has_head_marker {
            break;
        }
        if let Some(i) = rfind_word(s, marker) {
            let rest = &s[i + marker.len()..];
            // Not a marker inside quoted words (`“我的韶山行”红色研学规模`).
            let in_quote = rest
                .find('”')
                .is_some_and(|close| rest.find('“').is_none_or(|open| close < open));
            if rest.chars().nth(1).is_some() && !is_comparison(rest) && !in_quote {
                owner = doer(marker, &s[..i], rest).map(|o| (o, marker));
                s = rest;
            }
        }
    }
    loop {
        let before = s.len();
        if let Some(w) = LEADING_BY_FIRST.longest_prefix(s)
            && s[w.len()..].chars().nth(1).is_some()
            && by_first!("name-leading-keeps").longest_prefix(s).is_none()
        {
            s = &s[w.len()..];
        }
        s = strip_year(s);
        if s.len() == before {
            break;
        }
    }
    // `比上年提高1.7个百分点`: a comparison with the year before names nothing, nor does the
    // basis of a growth rate (`按可比价格计算增长5.3%`, `同口径增长9.7%`).
    // How a growth rate is reckoned, written where a name would stand.
    if is_comparison(s) || by_last!("statistical-bases").holds_ending(s) {
        return Name::Nothing;
    }
    // Generic words that only name an aspect of the indicator before.
    if let Some(aspect) = by_last!("aspects").word_ending(s) {
        return Name::Aspect(aspect);
    }
    // `增长5.4%、高于全国1.9个百分点`: a gap in the growth rate of the indicator before.
    if by_first!("gaps").longest_prefix(s).is_some() {
        return Name::Aspect("增速");
    }
    // Words that name nothing alone (`三季度`, `总数`).
    if by_last!("not-names").holds_ending(s) {
        return Name::Nothing;
    }
    let place = by_last!("whole-areas").holds_ending(s);
    if place
        || s.chars().nth(1).is_none()
        || !s.chars().any(|c| is_han(c) || c.is_ascii_alphabetic())
    {
        return Name::Nothing;
    }
    // Only a name that is the generic head alone takes its owner; investment completed keeps
    // its statistical name (`省重点项目完成投资`).
    if let Some((owner, marker)) = owner.filter(|_| is_generic_head(s)) {
        let completed = if marker == "完成" && s == "投资" {
            marker
        } else {
            ""
        };
        return Name::Named(Cow::Owned(format!("{owner}{completed}{s}")));
    }
    let start = s.as_ptr() as usize - compact.as_ptr() as usize;
    let range = start..start + s.len();
    Name::Named(match compact {
        Cow::Borrowed(whole) => Cow::Borrowed(&whole[range]),
        Cow::Owned(whole) => Cow::Owned(whole[range].to_string()),
    })
}

/// The noun before `完成`/`实现` whose generic `head` (`投资`, `产值`) it is
/// (`省重点项目完成投资` → `省重点项目`): what is left of `before` without the words that open a
/// clause, when two Han characters or more.
fn doer<'a>(marker: &str, before: &'a str, head: &str) -> Option<&'a str> {
    if !matches!(marker, "完成" | "实现" | "實現") || !is_generic_head(head) {
        return None;
    }
    let mut owner = before;
    while let Some(w) = LEADING_BY_FIRST.longest_prefix(owner) {
        owner = &owner[w.len()..];
    }
    let han = owner.chars().count() >= 2
        && owner
            .chars()
            .all(|c| is_han(c) || matches!(c, '、' | '“' | '”'));
    han.then_some(owner)
}

/// Whether `s` is one of the generic heads (`投资`, `产值`: assets/lexicon/generic-heads.txt).
fn is_generic_head(s: &str) -> bool {
    super::lexicon::list!("generic-heads").contains(&s)
}

/// Where a closing ranking scope starts in the clause before a rank: a rank verb, then a
/// short place name (`增速居鸡西市第二`) or a scope ending in a place or a set of peers
/// (`居全球城市首位`, `均居全国各城市首位`, `稳居全国试点省份首位`:
/// assets/lexicon/rank-scope-ends.txt). What is ranked is named before it. A whole area alone
/// (`居全市`) is taken off with the other trailing words.
pub fn rank_among_places(s: &str) -> Option<usize> {
    let scope_ends = super::lexicon::list!("rank-scope-ends");
    if !scope_ends.iter().any(|end| s.ends_with(end)) {
        return None;
    }
    super::lexicon::list!("rank-verbs")
        .iter()
        .filter_map(|verb| rfind_word(s, verb).map(|at| (at, at + verb.len())))
        .filter(|&(_, place)| {
            let scope = &s[place..];
            let chars = scope.chars().count();
            let area_wide = scope.starts_with('全');
            !scope.contains(|c: char| c.is_ascii_digit())
                && if area_wide {
                    chars > 2 && chars <= 10
                } else {
                    (2..=8).contains(&chars)
                }
        })
        .map(|(at, _)| at)
        .min()
}

/// Whether `s` is a comparison (`比上年`, `较2015年`, `较“十二五”期间`), not a name.
fn is_comparison(s: &str) -> bool {
    by_first!("comparisons").longest_prefix(s).is_some()
        || s.strip_prefix('比')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether `c` is a common Chinese character (CJK Unified Ideographs).
pub fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `clause` without spaces and without short quoted slogans (`盘活“两停一闲”要素资源` →
/// `盘活要素资源`), but for quoted words that open the name, before the noun they qualify,
/// kept without their marks as analysts write them (`培育“独角兽”“瞪羚”企业` →
/// `培育独角兽瞪羚企业`, `“三城”建设资金` → `三城建设资金`: see [`opens_name`]).
fn compact(clause: &str) -> Cow<'_, str> {
    // Every whitespace character and `“` is ASCII or led by one of these bytes; Chinese
    // characters never are, so most clauses are passed by a byte test, which looks at every
    // byte (no early exit) so that the compiler makes it vector code.
    let may_need = clause.bytes().fold(false, |seen, b| {
        seen | matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
    });
    if !may_need || !clause.contains(|c: char| c == '“' || c.is_whitespace()) {
        return Cow::Borrowed(clause);
    }
    let mut out = String::with_capacity(clause.len());
    let mut rest = clause;
    // Whether the quoted words just before were kept: those right after them are too.
    let mut kept = false;
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        match after.find('”') {
            Some(close)
                if after[..close].chars().nth(12).is_none()
                    && ((kept && open == 0)
                        || opens_name(&out, &rest[..open], &after[close + '”'.len_utf8()..])
                        || inside_name(
                            &after[..close],
                            &rest[..open],
                            &after[close + '”'.len_utf8()..],
                        )) =>
            {
                kept = true;
                out.push_str(&rest[..open]);
                out.push_str(&after[..close]);
                rest = &after[close + '”'.len_utf8()..];
            }
            Some(close) if after[..close].chars().nth(6).is_none() => {
                kept = false;
                out.push_str(&rest[..open]);
                rest = &after[close + '”'.len_utf8()..];
            }
            _ => {
                kept = false;
                out.push_str(&rest[..open + '“'.len_utf8()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_whitespace());
    Cow::Owned(out)
}

/// Whether a quoted phrase opens the name: before it (`done`, then `before`) only words
/// taken off a name's start (`培育`), and after it (`after`) the noun it qualifies, two Han
/// characters or more, or more quoted words (`“独角兽”“瞪羚”企业`; those right after a phrase
/// kept are kept too).
fn opens_name(done: &str, before: &str, after: &str) -> bool {
    if !opens_with_noun(after) && !after.starts_with('“') {
        return false;
    }
    let mut s = format!("{done}{before}");
    s.retain(|c| !c.is_whitespace());
    let mut s = s.as_str();
    while let Some(w) = LEADING_BY_FIRST.longest_prefix(s) {
        s = &s[w.len()..];
    }
    s.is_empty()
}

/// Whether a quoted phrase stands inside a name, glued to its words on both sides: a Han
/// character before, the noun it qualifies after (`县级“三保”支出` → 县级三保支出); not what a
/// comparison is made with (`比“十三五”时期`).
fn inside_name(quoted: &str, before: &str, after: &str) -> bool {
    let noun = opens_with_noun(after);
    let comparison = before.ends_with(['比', '较', '較']);
    // Words that end a list or a phrase (`立等可取`) would be read so once the marks are gone.
    let marker = quoted.contains(['等', '的']);
    noun && !comparison && !marker && before.chars().next_back().is_some_and(is_han)
}

/// Whether `after`, the words after a quoted phrase, opens with a noun it qualifies: two Han
/// characters or more.
fn opens_with_noun(after: &str) -> bool {
    after.chars().take(2).all(is_han) && after.chars().nth(1).is_some()
}

/// `1.`, `10、`, `（三）`, `一是` at the start of a clause.
fn strip_label(s: &str) -> &str {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        let rest = &s[digits..];
        if let Some(r) = rest
            .strip_prefix('.')
            .or_else(|| rest.strip_prefix('、'))
            .or_else(|| rest.strip_prefix('．'))
        {
            return r;
        }
    }
    s
}

/// A leading `2022年`, or `到2030年`.
fn strip_year(s: &str) -> &str {
    let year = s
        .strip_prefix('到')
        .or_else(|| s.strip_prefix('至'))
        .unwrap_or(s);
    let digits = year.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 4 {
        return year[4..].strip_prefix('年').unwrap_or(s);
    }
    s
}

/// `s` without a closing `从`/`由` that starts a move whose start is the figure, its scope
/// taken off as a trailing place (`两化融合发展水平从全国第15位` → 两化融合发展水平), but for words
/// that end so (`自由`: assets/lexicon/move-start-keeps.txt).
fn strip_move_start(s: &str) -> &str {
    match s.strip_suffix(['从', '從', '由']) {
        Some(head)
            if !head.is_empty() && by_last!("move-start-keeps").longest_suffix(s).is_none() =>
        {
            head
        }
        _ => s,
    }
}

/// `s` without a closing count of like units (`东海拉尔发电厂2×` of `2×35万千瓦`).
fn strip_multiplier(s: &str) -> &str {
    let Some(head) = s.strip_suffix(['×', 'x', 'X', '*']) else {
        return s;
    };
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return s;
    }
    &head[..head.len() - digits]
}

/// `s` without a closing run of years (`粮食总产量连续9年` → 粮食总产量).
fn strip_run_of_years(s: &str) -> &str {
    match rfind_word(s, "连续") {
        Some(at) if super::period::run_of_years(&s[at..]).is_some() && s.ends_with('年') => {
            &s[..at]
        }
        _ => s,
    }
}

mod after;
mod items;

pub use after::{
    counts_object_after, ends_with_enumeration, is_bare_verb, is_beneficiary_verb, is_economy,
    is_threshold, name_after, quoted, quoted_before, threshold, wants_name_after,
};
pub use items::{
    expand_contraction, expand_listed, list_subject, paired_item, with_measure_after,
    with_shared_head, with_subject_before,
};

#[cfg(test)]
mod tests;
