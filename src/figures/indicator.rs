//! Indicators: what a figure measures, read from the words before it (`全县生产总值完成283.1亿元`),
//! or after it for a count of things (`207个重点项目`).
//!
//! A name is the clause before the figure with the verbs, adverbs and qualifiers around the
//! number taken off (`同比增长`, `完成`, `稳定在`, `力争`, `全年`…). Where nothing is left
//! (`，同比增长5.2%`) the figure measures the indicator of the figure before it, which the
//! caller carries; `增速居全市第1位` is that indicator's growth.

use std::borrow::Cow;
use std::sync::LazyLock;

use super::char_table::CharTable;

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

/// Word lists indexed by their last (or first) character, longest word first, so stripping an
/// affix costs a lookup and a comparison or two, not a pass over the list.
pub(super) struct Affixes(CharTable<Vec<&'static str>>);

impl Affixes {
    /// `words` grouped by the character `key` picks (the first or the last).
    pub(super) fn new(words: &[&'static str], key: fn(&str) -> Option<char>) -> Affixes {
        let mut map: Vec<(char, Vec<&'static str>)> = Vec::new();
        for &w in words {
            let Some(k) = key(w) else { continue };
            match map.iter_mut().find(|(c, _)| *c == k) {
                Some((_, list)) => list.push(w),
                None => map.push((k, vec![w])),
            }
        }
        for (_, list) in &mut map {
            list.sort_by_key(|w| std::cmp::Reverse(w.len()));
        }
        Affixes(CharTable::new(map))
    }

    fn words(&self, c: char) -> &[&'static str] {
        self.0.get(c).map_or(&[], Vec::as_slice)
    }

    /// Whether `s` is one of the words (words grouped by their last character).
    pub(super) fn holds_ending(&self, s: &str) -> bool {
        s.chars()
            .next_back()
            .is_some_and(|last| self.words(last).contains(&s))
    }

    /// The longest of the words `s` ends with (words grouped by their last character).
    pub(super) fn longest_suffix(&self, s: &str) -> Option<&'static str> {
        let last = s.chars().next_back()?;
        self.words(last).iter().find(|w| s.ends_with(**w)).copied()
    }

    /// Every word `s` starts with, longest first (words grouped by their first character).
    pub(super) fn prefixes_of<'s>(&'s self, s: &'s str) -> impl Iterator<Item = &'static str> + 's {
        let first = s.chars().next();
        first
            .map_or(&[][..], |c| self.words(c))
            .iter()
            .copied()
            .filter(move |w| s.starts_with(w))
    }

    /// The longest of the words `s` starts with (words grouped by their first character).
    pub(super) fn longest_prefix(&self, s: &str) -> Option<&'static str> {
        let first = s.chars().next()?;
        self.words(first)
            .iter()
            .find(|w| s.starts_with(**w))
            .copied()
    }
}

static TRAILING_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*TRAILING, |w| w.chars().next_back()));
/// Where a name ends inside a clause.
static CUTS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("name-cuts"));

/// Whether a word of [`CUTS`] can start with `c`: a comparison cheaper than the lookup, for
/// the many characters that start none.
fn cuts_may_start(c: char) -> bool {
    matches!(
        c,
        '较' | '比' | '同' | '提' | '增' | '降' | '下' | '减' | '在' | '較' | '減'
    )
}

static CUTS_BY_FIRST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*CUTS, |w| w.chars().next()));
static LEADING_BY_FIRST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*LEADING, |w| w.chars().next()));

/// Generic words that only name an aspect of the indicator before (`assets/lexicon/aspects.txt`).
static ASPECTS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("aspects"));

/// Words comparing with a wider area (`高于全国`), from `assets/lexicon/gaps.txt`.
static GAPS: LazyLock<&'static [&'static str]> = LazyLock::new(|| super::lexicon::list!("gaps"));
/// Words that name nothing alone (`三季度`, `总数`), from `assets/lexicon/not-names.txt`.
static NOT_NAMES: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| super::lexicon::list!("not-names"));

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
    for (i, c) in s.char_indices() {
        let cuts = i > 0
            && ((cuts_may_start(c)
                && CUTS_BY_FIRST.words(c).iter().any(|w| s[i..].starts_with(w)))
                || (c == '比' && is_comparison(&s[i..])));
        if cuts {
            cut = Some(i);
            break;
        }
        has_head_marker |= matches!(c, '等' | '的' | '实' | '實' | '完');
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
            if rest.chars().count() >= 2 && !is_comparison(rest) {
                s = rest;
            }
        }
    }
    loop {
        let before = s.len();
        if let Some(w) = LEADING_BY_FIRST.longest_prefix(s)
            && s[w.len()..].chars().count() >= 2
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
    if is_comparison(s) || STATISTICAL_BASES.contains(&s) {
        return Name::Nothing;
    }
    if let Some(aspect) = ASPECTS.iter().find(|a| s == **a) {
        return Name::Aspect(aspect);
    }
    // `增长5.4%、高于全国1.9个百分点`: a gap in the growth rate of the indicator before.
    if GAPS.iter().any(|g| s.starts_with(g)) {
        return Name::Aspect("增速");
    }
    if NOT_NAMES.contains(&s) {
        return Name::Nothing;
    }
    let place = super::lexicon::list!("whole-areas").contains(&s);
    if place || s.chars().count() < 2 || !s.chars().any(|c| is_han(c) || c.is_ascii_alphabetic()) {
        return Name::Nothing;
    }
    let start = s.as_ptr() as usize - compact.as_ptr() as usize;
    let range = start..start + s.len();
    Name::Named(match compact {
        Cow::Borrowed(whole) => Cow::Borrowed(&whole[range]),
        Cow::Owned(whole) => Cow::Owned(whole[range].to_string()),
    })
}

/// Where a closing `居鸡西市` (a rank verb, then a short place name: `…市`, `…省`, `…州`)
/// starts in the clause before a rank (`增速居鸡西市第二`): what is ranked is named before it.
/// The words for a whole area (`居全市`) are taken off with the other trailing words.
pub fn rank_among_places(s: &str) -> Option<usize> {
    let place_end = ['市', '省', '县', '縣', '区', '區', '州', '盟', '部'];
    if !s.ends_with(place_end) {
        return None;
    }
    super::lexicon::list!("rank-verbs")
        .iter()
        .filter_map(|verb| s.rfind(verb).map(|at| (at, at + verb.len())))
        .filter(|&(at, place)| {
            let name = &s[place..];
            at > 0 && !name.starts_with('全') && (2..=5).contains(&name.chars().count())
        })
        .map(|(at, _)| at)
        .min()
}

/// How a growth rate is reckoned, written where a name would stand.
static STATISTICAL_BASES: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("statistical-bases"));

/// Whether `s` is a comparison (`比上年`, `较2015年`, `较“十二五”期间`), not a name.
fn is_comparison(s: &str) -> bool {
    super::lexicon::list!("comparisons")
        .iter()
        .any(|w| s.starts_with(w))
        || s.strip_prefix('比')
            .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
}

/// The item of a list subject (`绿色食品、智能家居产业增加值`) that the `order`-th figure after
/// `分别` measures; the whole subject when it is not a list of that many.
pub fn paired_item(subject: &str, order: usize) -> &str {
    let items = subject.split('、').count();
    if items > 1 && order < items {
        subject.split('、').nth(order).unwrap_or(subject)
    } else {
        subject
    }
}

/// The name of the `order`-th item of a `分别` list subject whose items share the head written
/// only on the last (`一产、二产、三产增加值` → 一产增加值, 二产增加值; `城镇、农村居民人均可支配收入`
/// → 城镇居民人均可支配收入): `name`, read from the item, with that head.
pub fn with_shared_head(subject: &str, order: usize, name: &str) -> String {
    let items: Vec<&str> = subject.split('、').collect();
    let Some((last, heads)) = items.split_last() else {
        return name.to_string();
    };
    let Some(item) = heads.get(order) else {
        return name.to_string();
    };
    let n = item.chars().count();
    let han = |t: &str| t.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    let alike = heads.iter().all(|i| i.chars().count() == n && han(i))
        && han(&last.chars().take(n).collect::<String>());
    if !alike || n > 4 || last.chars().count() <= n + 1 || !name.ends_with(item) {
        return name.to_string();
    }
    let head: String = last.chars().skip(n).collect();
    format!("{name}{head}")
}

/// Contracted pairs a `分别` list may name in one word: `存贷款余额分别…` is 存款余额 then
/// 贷款余额.
pub fn expand_contraction(name: &str, order: usize) -> String {
    const PAIRS: &[(&str, [&str; 2])] = &[
        ("存贷款", ["存款", "贷款"]),
        ("进出口", ["进口", "出口"]),
        ("城乡居民", ["城镇居民", "农村居民"]),
    ];
    for (short, [first, second]) in PAIRS {
        if find_word(name, short).is_some() && order < 2 {
            return name.replace(short, if order == 0 { first } else { second });
        }
    }
    name.to_string()
}

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
    let rest = super::lexicon::list!("economy-subjects")
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
    // `10个“口袋公园”`: a quoted name.
    if s.starts_with('“') {
        return quoted(s).map(str::to_string);
    }
    let mut end = 0;
    for (i, c) in s.char_indices() {
        if !is_han(c) || i >= 30 || STOPS_AFTER_BY_FIRST.longest_prefix(&s[i..]).is_some() {
            break;
        }
        end = i + c.len_utf8();
    }
    // `21家医疗机构和529个村卫生室`: the name stops before the conjunction.
    let name = s[..end].trim_end_matches(['和', '及', '与', '與']);
    (name.chars().count() >= 2).then(|| name.to_string())
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// The first offset of `word` in `s`. Clauses and titles are short: probing for one byte of
/// the word beats building a substring searcher for each lookup. The probe is the word's
/// second byte, which for a Chinese character (its first byte one of a handful shared by all)
/// tells far more; a match found from it starts at the word's first byte, a character's lead
/// byte, so at a character boundary.
pub fn find_word(s: &str, word: &str) -> Option<usize> {
    let (text, word) = (s.as_bytes(), word.as_bytes());
    match *word {
        [] => None,
        [only] => memchr::memchr(only, text),
        [_, probe, ..] => {
            memchr::memchr_iter(probe, text.get(1..)?).find(|&i| text[i..].starts_with(word))
        }
    }
}

/// Whether `s` holds `word` (see [`find_word`]).
pub(super) fn has_word(s: &str, word: &str) -> bool {
    find_word(s, word).is_some()
}

/// The last offset of `word` in `s` (see [`find_word`]).
fn rfind_word(s: &str, word: &str) -> Option<usize> {
    let (text, word) = (s.as_bytes(), word.as_bytes());
    match *word {
        [] => None,
        [only] => memchr::memrchr(only, text),
        [_, probe, ..] => {
            memchr::memrchr_iter(probe, text.get(1..)?).find(|&i| text[i..].starts_with(word))
        }
    }
}

/// `clause` without spaces and without short quoted slogans (`盘活“两停一闲”要素资源` →
/// `盘活要素资源`).
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
    while let Some(open) = rest.find('“') {
        let after = &rest[open + '“'.len_utf8()..];
        match after.find('”') {
            Some(close) if after[..close].chars().count() <= 6 => {
                out.push_str(&rest[..open]);
                rest = &after[close + '”'.len_utf8()..];
            }
            _ => {
                out.push_str(&rest[..open + '“'.len_utf8()]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out.retain(|c| !c.is_whitespace());
    Cow::Owned(out)
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

/// `s` without a closing run of years (`粮食总产量连续9年` → 粮食总产量).
fn strip_run_of_years(s: &str) -> &str {
    match s.rfind("连续") {
        Some(at) if super::period::run_of_years(&s[at..]).is_some() && s.ends_with('年') => {
            &s[..at]
        }
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(clause: &str) -> Option<String> {
        match name_before(clause) {
            Name::Named(n) => Some(n.into_owned()),
            _ => None,
        }
    }

    #[test]
    fn shared_heads_runs_of_years_and_target_years() {
        assert_eq!(
            with_shared_head("一产、二产、三产增加值", 1, "二产"),
            "二产增加值"
        );
        assert_eq!(
            with_shared_head("城镇、农村居民人均可支配收入", 0, "城镇"),
            "城镇居民人均可支配收入"
        );
        assert_eq!(with_shared_head("PM10、PM2.5平均浓度", 0, "PM10"), "PM10");
        assert_eq!(with_shared_head("工业、农业", 0, "工业"), "工业");
        assert_eq!(named("粮食总产量连续9年稳定在"), Some("粮食总产量".into()));
        assert_eq!(
            named("到2030年人均地区生产总值达到"),
            Some("人均地区生产总值".into())
        );
        assert_eq!(named("殡葬基本服务费由平均"), Some("殡葬基本服务费".into()));
        assert!(wants_name_after("引进留用", &name_before("引进留用")));
    }

    #[test]
    fn gaps_times_and_generic_heads() {
        assert!(matches!(name_before("高于全国"), Name::Aspect("增速")));
        assert!(matches!(name_before("三季度增长"), Name::Nothing));
        assert!(matches!(name_before("总数达到"), Name::Nothing));
        assert!(matches!(name_before("规模升至全国"), Name::Aspect("规模")));
        assert_eq!(named("城镇新增就业每年"), Some("城镇新增就业".into()));
        assert_eq!(named("最低工资标准每月提高"), Some("最低工资标准".into()));
        assert_eq!(quoted_before("开办公益“爱心托管班”"), Some("爱心托管班"));
        assert_eq!(quoted_before("开办公益托管班"), None);
        assert!(wants_name_after("壮大", &name_before("壮大")));
    }

    #[test]
    fn verbs_and_fillers_come_off() {
        assert_eq!(named("全县生产总值完成").as_deref(), Some("全县生产总值"));
        assert_eq!(
            named("规模以上工业增加值同比增长").as_deref(),
            Some("规模以上工业增加值")
        );
        assert_eq!(
            named("全社会用电量首次突破").as_deref(),
            Some("全社会用电量")
        );
        assert_eq!(
            named("确保粮食种植面积稳定在").as_deref(),
            Some("粮食种植面积")
        );
        assert_eq!(named("三次产业比优化为").as_deref(), Some("三次产业比"));
        assert_eq!(
            named("全县生产总值较2015年提高近").as_deref(),
            Some("全县生产总值")
        );
        assert_eq!(
            named("一般公共预算收入在全市各县率先突破").as_deref(),
            Some("一般公共预算收入")
        );
        assert_eq!(named("7. 完成两癌筛查").as_deref(), Some("两癌筛查"));
        assert_eq!(
            named("新签约上海民禾冷储集散中心等项目").as_deref(),
            Some("项目")
        );
        assert_eq!(named("PM2. 5 平均浓度").as_deref(), Some("PM2.5平均浓度"));
        assert_eq!(named("PM10").as_deref(), Some("PM10"));
        assert_eq!(
            named("盘活“两停一闲”要素资源").as_deref(),
            Some("盘活要素资源")
        );
        assert_eq!(
            named("民权保税物流中心封关运行首年实现进出口额").as_deref(),
            Some("进出口额")
        );
    }

    #[test]
    fn words_are_found_at_character_boundaries() {
        assert_eq!(find_word("增速分别增长", "分别"), Some(6));
        assert_eq!(find_word("分别", "分别"), Some(0));
        assert_eq!(find_word("分", "分别"), None);
        assert_eq!(find_word("", "分别"), None);
        assert_eq!(find_word("a、b", "、"), Some(1));
        assert_eq!(find_word("abc", "c"), Some(2));
        assert_eq!(find_word("abc", ""), None);
        assert_eq!(rfind_word("的的", "的"), Some(3));
        assert_eq!(rfind_word("实现了实现", "实现"), Some(9));
        assert_eq!(rfind_word("x", "实现"), None);
    }

    #[test]
    fn affixes_find_every_word_and_only_those() {
        let by_last = Affixes::new(*TRAILING, |w| w.chars().next_back());
        for w in TRAILING.iter() {
            let found = by_last.longest_suffix(&format!("生产总值{w}"));
            assert!(found.is_some_and(|f| f.len() >= w.len()), "{w}");
        }
        assert_eq!(by_last.longest_suffix("生产总值"), None);
        assert_eq!(by_last.longest_suffix(""), None);
        assert_eq!(by_last.longest_suffix("同比增长"), Some("同比增长"));
    }

    #[test]
    fn every_cut_passes_the_gate() {
        for w in CUTS.iter() {
            assert!(cuts_may_start(w.chars().next().unwrap()), "{w}");
        }
    }

    #[test]
    fn a_bare_verb_names_nothing() {
        assert_eq!(name_before("比上年提高"), Name::Nothing);
        assert_eq!(name_before("较2015年增长"), Name::Nothing);
        assert_eq!(name_before("较“十二五”期间增长"), Name::Nothing);
        assert_eq!(name_before("两年平均增长"), Name::Nothing);
        assert_eq!(name_before("净增"), Name::Nothing);
        assert_eq!(name_before("力争达到"), Name::Nothing);
        assert_eq!(named("其中民生支出占").as_deref(), Some("民生支出"));
        assert_eq!(name_before("同比增长"), Name::Nothing);
        assert_eq!(name_before("增长 "), Name::Nothing);
        assert_eq!(name_before(""), Name::Nothing);
    }

    #[test]
    fn growth_rank_is_an_aspect() {
        assert_eq!(name_before("增速居全市"), Name::Aspect("增速"));
        assert_eq!(name_before("增速全市"), Name::Aspect("增速"));
        assert_eq!(named("综合排序居全省").as_deref(), Some("综合排序"));
        assert_eq!(
            named("居民人均可支配收入提前一年实现比2010年").as_deref(),
            Some("居民人均可支配收入")
        );
        assert_eq!(name_before("增速位列全省"), Name::Aspect("增速"));
        assert_eq!(name_before("增速排名全区"), Name::Aspect("增速"));
        assert_eq!(name_before("总量跃居全区"), Name::Aspect("总量"));
        assert_eq!(name_before("居全國"), Name::Nothing);
        assert_eq!(rank_among_places("增速居鸡西市"), Some("增速".len()));
        assert_eq!(rank_among_places("增速排名保山市"), Some("增速".len()));
        assert_eq!(rank_among_places("增速位居全省"), None, "a whole area");
        assert_eq!(rank_among_places("居鸡西市"), None, "nothing ranked");
        assert_eq!(name_before("按可比价格计算"), Name::Nothing);
        assert_eq!(name_before("同口径"), Name::Nothing);
    }

    #[test]
    fn counted_things_follow_the_number() {
        assert!(wants_name_after("全年确定的", &name_before("全年确定的")));
        assert!(wants_name_after("充分发挥", &name_before("充分发挥")));
        assert!(!wants_name_after("新建桥梁", &name_before("新建桥梁")));
        assert!(wants_name_after("实施好", &name_before("实施好")));
        assert_eq!(
            name_after("重点项目完成年度投资").as_deref(),
            Some("重点项目")
        );
        assert_eq!(
            name_after("输入型病例全部治愈").as_deref(),
            Some("输入型病例")
        );
        assert_eq!(name_after("，").as_deref(), None);
        assert_eq!(name_after("“口袋公园”，").as_deref(), Some("口袋公园"));
        assert_eq!(name_after("的中小学校达到").as_deref(), Some("中小学校"));
        assert_eq!(quoted("实施“三大改造”"), Some("三大改造"));
        assert!(is_bare_verb("启动") && is_bare_verb("实施") && !is_bare_verb("新建桥梁"));
        assert!(is_economy("经济") && is_economy("全县经济") && !is_economy("数字经济"));
        assert_eq!(threshold("项目"), "项目投资门槛");
        assert_eq!(
            name_after("医疗机构和529个村卫生室").as_deref(),
            Some("医疗机构")
        );
    }
}
