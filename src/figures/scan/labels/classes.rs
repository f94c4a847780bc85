//! Amounts that name a class or a group rather than measure: graded sizes (`千亿级`,
//! `30万千瓦级`), class nouns (`千亿县`), kinds (`四类村庄`), round amounts in project names
//! (`百万吨乙烯`), counts of amounts (`两个万亿元大关`), bars on an attribute or in a count, ages
//! and hours that name a group or a regime.

use super::*;

/// `培育千亿级产业集群`, `两万亿级`, `30万千瓦级煤电机组`: an amount graded with `级` names a
/// class, and the size of a first product (`首款9兆瓦时储能系统`) its specification.
pub(super) fn class_grade(line: &str, span: &Span) -> bool {
    // `30万千瓦级煤电机组`, `26兆瓦级海上风电机组`: a size graded so names the class too.
    let graded_size = span.kind == Kind::Quantity && after(line, span).starts_with('级');
    // `全球首款9兆瓦时储能系统`: the size of a first product is its specification.
    let first_product = span.kind == Kind::Quantity
        && ["首款", "首台", "首套", "首台套"]
            .iter()
            .any(|w| before(line, span).ends_with(w));
    span.inner_qualifier == Some("级") || graded_size || first_product
}

/// `新增4个千亿县`, `3个过三千亿元城市`, `迈向万亿目标`, `百亿企业`: money right before a class
/// noun names the class.
pub(super) fn class_noun(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Money {
        return false;
    }
    let rest = after(line, span);
    let bare = !surface(line, span).ends_with('元');
    starts_with_word(rest, by_first!("class-nouns"))
        || (bare && starts_with_word(rest, by_first!("class-nouns-bare")))
}

/// `10类重点就业群体`, `四类村庄`, `1类创新药`, `12类45件民生实事`: a class, not a count.
pub(super) fn class_kind(line: &str, span: &Span) -> bool {
    span.unit == "类"
        && after(line, span)
            .chars()
            .next()
            .is_some_and(|c| is_han(c) || c.is_ascii_digit())
}

/// `南港百万吨乙烯`, `延长千万吨炼化`, `万亿立柱、千亿提升`, `千亿县扩容`: a round amount without
/// digits right before a word names a class or a project by its size, unless the word is what
/// it measures (assets/lexicon/bare-amount-measures.txt: `迈上万亿元台阶`, `新增千万吨产能`).
pub(super) fn round_amount_class(line: &str, span: &Span) -> bool {
    if !matches!(span.kind, Kind::Money | Kind::Quantity) {
        return false;
    }
    let round = surface(line, span)
        .chars()
        .take_while(|c| matches!(c, '百' | '千' | '万' | '亿' | '億' | '萬'))
        .count();
    let rest = after(line, span);
    let word_follows = rest.starts_with(is_han)
        && !rest.starts_with(['、', '，', '。', '；', '的', '和', '及', '与']);
    round > 0
        && word_follows
        && matches!(span.kind, Kind::Money | Kind::Quantity)
        && by_first!("bare-amount-measures")
            .longest_prefix(rest)
            .is_none()
}

/// `跨过两个万亿元大关`, `实现两个翻番`: a count of amounts, and the amount it counts.
pub(super) fn count_of_amounts(line: &str, span: &Span) -> bool {
    let rest = after(line, span);
    let magnitudes = rest
        .char_indices()
        .find(|&(_, c)| !matches!(c, '万' | '千' | '百' | '亿'))
        .map_or(rest.len(), |(i, _)| i);
    // `1.22万个亿元以上项目`: a count of things over a threshold is a figure.
    let threshold = |t: &str| t.starts_with("以上") || t.starts_with("以下");
    let counts_amounts = span.kind == Kind::Count
        && span.unit == "个"
        && ((magnitudes > 0
            && rest[magnitudes..]
                .strip_prefix('元')
                .is_some_and(|t| !threshold(t)))
            || rest.starts_with("翻"));
    let counted = span.kind == Kind::Money
        && before(line, span).ends_with('个')
        && !threshold(rest)
        && !surface(line, span).contains(|c: char| c.is_ascii_digit());
    counts_amounts || counted
}

/// `为100所海拔1500米以上农村中小学`: a bar on an attribute (assets/lexicon/label-attributes.txt)
/// names a group of things, it measures nothing.
pub(super) fn bar_of_group(line: &str, span: &Span) -> bool {
    let rest = after(line, span);
    (rest.starts_with("以上") || rest.starts_with("以下"))
        && by_last!("label-attributes")
            .longest_suffix(before(line, span))
            .is_some()
}

/// `64个预增产值过10亿元、2334个过2000万元的工业新增长点`: an amount the things counted pass,
/// written between the count and the things, tells which things are counted; it measures
/// nothing.
pub(super) fn bar_in_count(line: &str, span: &Span) -> bool {
    if span.kind != Kind::Money {
        return false;
    }
    let rest = after(line, span);
    let rest = rest.strip_prefix("以上").unwrap_or(rest);
    let head = before(line, span);
    let Some(head) = head.strip_suffix('过').or_else(|| head.strip_suffix('超')) else {
        return false;
    };
    if !rest.starts_with(['的', '、']) {
        return false;
    }
    // The words since the count: its measure word (`个`), then a few Han characters.
    let words = head
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_han(c))
        .last()
        .map_or(head.len(), |(i, _)| i);
    let (number, words) = head.split_at(words);
    let counted = words.chars().next().is_some_and(|c| {
        by_first!("count-words")
            .words(c)
            .iter()
            .any(|w| words.starts_with(w))
    });
    counted && words.chars().nth(8).is_none() && number.ends_with(|c: char| c.is_ascii_digit())
}

/// `60岁以上老年人`, `3岁以下婴幼儿`: an age names a group of people; only a life expectancy
/// (`人均预期寿命达81.2岁`) measures something.
pub(super) fn age(line: &str, span: &Span) -> bool {
    if span.unit != "岁" {
        return false;
    }
    // The clause before the age, at most 20 characters.
    let before = before(line, span);
    let clause = before
        .rfind(['，', '。', '；', '：', '！', '？', '、', ',', ';'])
        .map_or(before, |i| &before[i..]);
    let near = clause
        .char_indices()
        .rev()
        .nth(19)
        .map_or(clause, |(i, _)| &clause[i..]);
    !(near.contains("寿命") || near.contains("壽命"))
}

/// `公园24小时开放`, `240小时过境免签政策`, `1小时通勤圈`: hours that name a regime or a reach
/// (assets/lexicon/label-after-durations.txt), not a time measured.
pub(super) fn regime_of_hours(line: &str, span: &Span) -> bool {
    span.unit == "小时"
        && by_first!("label-after-durations")
            .longest_prefix(after(line, span))
            .is_some()
}

/// `每10万人口拥有博物馆2.1个`, `每万人拥有`: the people a rate is reckoned per are its scope,
/// not a figure.
pub(super) fn rate_scope(line: &str, span: &Span) -> bool {
    span.unit == "人" && before(line, span).ends_with('每')
}
