//! What a figure states, read from the words around it: a level, a change (signed: `下降4.3%`
//! is -4.3), a rank or a share; its qualifier (`左右`, `以上`, `超`, `近`…); whether it is a
//! target or a result; and the period it refers to.

use std::sync::LazyLock;

use super::indicator::{Affixes, has_word};
use super::lexicon::{by_first, by_last, list};
use super::words::{has_either, trim_end, trim_start};
use super::{Kind, Measure};

pub use super::target::{
    ChapterStance, Cues, RECAP_WORDS, SectionStance, Stance, TARGET_WORDS, chapter_of,
    section_stance, stance, status,
};

/// Verbs of decline: the change they introduce is negative.
static FALLING: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("falling"));
/// Verbs of growth.
static RISING: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("rising"));
/// Words between a change verb and its number that do not change its meaning.
static FILLERS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("change-fillers"));
/// [`FILLERS`] by their last character, in the list's order: the first listed is stripped
/// first (`近` before `将近`).
static FILLERS_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::in_list_order(*FILLERS, |w| w.chars().next_back()));
/// After a verb of change, these make the number the new level (`降到70微克/立方米`).
const TO_LEVEL: [char; 3] = ['到', '至', '为'];

/// Qualifiers written after a figure, from `assets/lexicon/qualifiers-after.txt`.
static AFTER: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("qualifiers-after"));
/// Qualifiers written before a figure, from `assets/lexicon/qualifiers-before.txt`.
static BEFORE: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("qualifiers-before"));

/// Whether the figure states a level, a change or a share, and the sign of a change. `before`
/// is the clause text before the figure, `after` the text after it.
pub fn measure(kind: Kind, before: &str, after: &str, indicator: Option<&str>) -> (Measure, f64) {
    if kind == Kind::Rank {
        let core = strip_fillers(before);
        if by_last!("rank-falling").longest_suffix(core).is_some() {
            return (Measure::Change, -1.0);
        }
        if by_last!("rank-rising").longest_suffix(core).is_some() {
            return (Measure::Change, 1.0);
        }
        return (Measure::Rank, 1.0);
    }
    let core = strip_fillers(before);
    let to_level = core.ends_with(TO_LEVEL);
    let core = core.strip_suffix(TO_LEVEL).unwrap_or(core);
    let verb_falling = FALLING_BY_LAST.longest_suffix(core).is_some();
    let verb_rising = RISING_BY_LAST.longest_suffix(core).is_some();
    if (verb_falling || verb_rising) && !to_level {
        return (Measure::Change, if verb_falling { -1.0 } else { 1.0 });
    }
    // `PM2.5浓度同比改善7.9%`: an improvement of what is better lower is a fall.
    if core.ends_with("改善") && !to_level {
        let lower_is_better = list!("lower-is-better").iter().any(|w| has_word(core, w));
        return (Measure::Change, if lower_is_better { -1.0 } else { 1.0 });
    }
    if kind == Kind::PercentagePoint {
        return (Measure::Change, 1.0);
    }
    // `减少碳排放12万吨`: the verb leads its object, and the figure is the amount of the cut.
    let opening = trim_start(before);
    // `下降到1000元` is the new level, not the cut.
    let leading = |verbs: &Affixes| {
        verbs
            .prefixes_of(opening)
            .any(|v| !opening[v.len()..].starts_with(TO_LEVEL))
    };
    let amount = matches!(kind, Kind::Quantity | Kind::Money | Kind::Count);
    if amount && leading(by_first!("leading-cuts")) {
        return (Measure::Change, -1.0);
    }
    // `净增耕地20万亩`: the same, of a gain.
    if amount && leading(by_first!("leading-gains")) {
        return (Measure::Change, 1.0);
    }
    if kind == Kind::Multiple {
        // `是省定任务的3.4倍` is a share of a goal; `是2015年的1.9倍` a change since then.
        let of_time = core.strip_suffix('的').is_some_and(|s| {
            s.ends_with('年') || s.ends_with('末') || s.ends_with("同期") || s.ends_with("时期")
        });
        if core.ends_with('的') && !of_time {
            return (Measure::Share, 1.0);
        }
        return (Measure::Change, 1.0);
    }
    if kind == Kind::Percent {
        let share_name = indicator.is_some_and(|name| {
            by_last!("share-names").longest_suffix(name).is_some()
                && by_last!("not-share-names").longest_suffix(name).is_none()
        });
        let qualified = AFTER_BY_FIRST.longest_prefix(after).is_some();
        let of_whole =
            core.ends_with('的') || (!qualified && after.chars().next().is_some_and(is_han));
        // `高技术制造业增加值占规上工业12.3％`: a part of the whole named after `占`.
        let of_named_whole = core
            .rfind('占')
            .is_some_and(|at| !core[at..].contains(['增', '降', '提', '达', '为']));
        let part_of = opening.starts_with('占')
            || of_named_whole
            || by_last!("part-words").longest_suffix(core).is_some();
        if share_name || of_whole || part_of {
            return (Measure::Share, 1.0);
        }
    }
    (Measure::Level, 1.0)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// `before` without trailing spaces and the fillers between a verb and its number.
fn strip_fillers(before: &str) -> &str {
    let mut s = trim_end(before);
    loop {
        let next = FILLERS_BY_LAST
            .longest_suffix(s)
            .map(|f| trim_end(&s[..s.len() - f.len()]));
        match next {
            Some(n) if n.len() < s.len() => s = n,
            _ => return s,
        }
    }
}

/// `text` without the qualifier written after a figure at its start (`左右、` → `、`).
pub fn strip_after_qualifier(text: &str) -> &str {
    AFTER_BY_FIRST
        .longest_prefix(text)
        .map_or(text, |q| &text[q.len()..])
}

/// Whether a qualifier is written after its figure (`左右`, `以上`), not before (`超过`).
pub fn written_after(qualifier: &str) -> bool {
    AFTER.contains(&qualifier)
}

/// The qualifier of a figure: written after it (`8%左右`), inside it (`990余万元`), or before
/// it (`超500亿元`, `首次突破10亿度`). It is reported in simplified characters, whatever the text's script.
pub fn qualifier(before: &str, after: &str, inner: Option<&'static str>) -> Option<&'static str> {
    written_qualifier(before, after, inner).map(simplified)
}

/// The qualifiers' simplified forms, by every form written.
static QUALIFIER_FORMS: LazyLock<std::collections::HashMap<&'static str, &'static str>> =
    LazyLock::new(|| crate::figures::lexicon::simplified_forms(&[&AFTER, &BEFORE]));

/// A qualifier in simplified characters (`超過` → `超过`, `控制於` → `控制在`).
fn simplified(q: &'static str) -> &'static str {
    let q = QUALIFIER_FORMS.get(q).copied().unwrap_or(q);
    if q == "控制于" { "控制在" } else { q }
}

fn written_qualifier(
    before: &str,
    after: &str,
    inner: Option<&'static str>,
) -> Option<&'static str> {
    let after = trim_start(after);
    if let Some(q) = AFTER_BY_FIRST.longest_prefix(after) {
        return Some(q);
    }
    if inner.is_some() {
        return inner;
    }
    let before = trim_end(before);
    // `力争达到8%`: the verb stands between the qualifier and the number.
    let unverbed = ["达到", "達到", "达", "達"]
        .iter()
        .find_map(|v| before.strip_suffix(v))
        .unwrap_or(before);
    let written = |s: &str| {
        BEFORE_BY_LAST
            .longest_suffix(s)
            .filter(|q| simplified(q) != "达到")
    };
    written(before).or_else(|| written(unverbed)).or_else(|| {
        // `预计全年生产总值完成1905亿元`: the whole clause is an estimate.
        has_either(before, "预计", "預計").then_some("预计")
    })
}

/// The verbs of change grouped by their last character: whether a clause ends with one costs a
/// lookup, not a comparison with each.
static FALLING_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*FALLING, |w| w.chars().next_back()));
static RISING_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*RISING, |w| w.chars().next_back()));

/// The qualifier lists grouped by the character they are matched from, so matching one costs
/// a lookup and a comparison or two.
static AFTER_BY_FIRST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*AFTER, |w| w.chars().next()));
static BEFORE_BY_LAST: LazyLock<Affixes> =
    LazyLock::new(|| Affixes::new(*BEFORE, |w| w.chars().next_back()));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declines_are_negative_changes() {
        for verb in ["下降", "同比下降", "减少", "回落", "降低"] {
            assert_eq!(
                measure(Kind::Percent, verb, "", None),
                (Measure::Change, -1.0),
                "{verb}"
            );
        }
        assert_eq!(
            measure(Kind::Percent, "同比增长", "", None),
            (Measure::Change, 1.0)
        );
        assert_eq!(
            measure(Kind::PercentagePoint, "提高", "", None),
            (Measure::Change, 1.0)
        );
    }

    #[test]
    fn falling_to_a_level_is_a_level() {
        assert_eq!(
            measure(Kind::Quantity, "平均浓度分别降到", "", None),
            (Measure::Level, 1.0)
        );
        assert_eq!(
            measure(
                Kind::Percent,
                "涨幅控制在",
                "左右",
                Some("居民消费价格涨幅")
            ),
            (Measure::Level, 1.0)
        );
    }

    #[test]
    fn leading_verbs_of_change() {
        assert_eq!(
            measure(Kind::Quantity, "净增耕地", "。", None),
            (Measure::Change, 1.0)
        );
        assert_eq!(
            measure(Kind::Money, "下降到", "左右", None),
            (Measure::Level, 1.0)
        );
        assert_eq!(
            measure(Kind::Percent, "压减", "。", None),
            (Measure::Change, -1.0)
        );
        assert_eq!(
            measure(Kind::Percent, "年均递增", "。", None),
            (Measure::Change, 1.0)
        );
        assert_eq!(
            measure(Kind::Multiple, "是“十一五”时期的", "。", None).0,
            Measure::Change
        );
        assert_eq!(
            measure(Kind::Percent, "高技术制造业增加值占规上工业", "，", None).0,
            Measure::Share
        );
    }

    #[test]
    fn improvements() {
        assert_eq!(
            measure(Kind::Percent, "全省PM2.5浓度同比改善", "，", None),
            (Measure::Change, -1.0)
        );
        assert_eq!(
            measure(Kind::Percent, "优良天数比例同比改善", "，", None),
            (Measure::Change, 1.0)
        );
    }

    #[test]
    fn net_growth_is_a_change() {
        assert_eq!(
            measure(Kind::Count, "净增", "，", None),
            (Measure::Change, 1.0)
        );
    }

    #[test]
    fn shares_and_multiples() {
        assert_eq!(
            measure(Kind::Percent, "其中民生支出占", "，", None).0,
            Measure::Share
        );
        assert_eq!(
            measure(
                Kind::Percent,
                "研发经费投入强度达到",
                "。",
                Some("研发经费投入强度")
            )
            .0,
            Measure::Share
        );
        assert_eq!(
            measure(Kind::Percent, "覆盖率达到", "以上", Some("良种覆盖率")).0,
            Measure::Share
        );
        assert_eq!(
            measure(Kind::Percent, "完成年度投资计划的", "。", None).0,
            Measure::Share
        );
        assert_eq!(
            measure(Kind::Multiple, "是省定任务的", "，", None).0,
            Measure::Share
        );
        assert_eq!(
            measure(Kind::Multiple, "分别是2015年的", "、", None).0,
            Measure::Change
        );
    }

    #[test]
    fn ranks_and_rank_moves() {
        assert_eq!(measure(Kind::Rank, "增速居全市", "", None).0, Measure::Rank);
        assert_eq!(
            measure(Kind::Rank, "较2015年前进", "", None),
            (Measure::Change, 1.0)
        );
        assert_eq!(
            measure(Kind::Rank, "后退", "", None),
            (Measure::Change, -1.0)
        );
    }

    #[test]
    fn qualifiers_before_inside_and_after() {
        assert_eq!(qualifier("增长", "左右，", None), Some("左右"));
        assert_eq!(qualifier("增长", "以上", None), Some("以上"));
        assert_eq!(qualifier("控制在", "以内", None), Some("以内"));
        assert_eq!(qualifier("控制在", "。", None), Some("控制在"));
        assert_eq!(qualifier("发放价值", "的", Some("余")), Some("余"));
        assert_eq!(qualifier("收入超", "，", None), Some("超"));
        assert_eq!(qualifier("首次突破", "，", None), Some("突破"));
        assert_eq!(qualifier("提高近", "；", None), Some("近"));
        assert_eq!(qualifier("将近", "。", None), Some("将近"));
        assert_eq!(qualifier("完成", "。", None), None);
        assert_eq!(qualifier("达到", "。", None), None);
        assert_eq!(qualifier("力争达到", "；", None), Some("力争"));
        assert_eq!(qualifier("接待遊客約", "，", None), Some("约"));
        assert_eq!(qualifier("控制在", "以內", None), Some("以内"));
        assert_eq!(qualifier("预计全年生产总值完成", "，", None), Some("预计"));
    }

    #[test]
    fn qualifiers_are_shown_where_written() {
        use crate::figures::qualified;
        assert_eq!(qualified("3%", Some("左右")), "3%左右");
        assert_eq!(qualified("3%", Some("以内")), "3%以内");
        assert_eq!(qualified("7%", Some("以上")), "7%以上");
        assert_eq!(qualified("500亿元", Some("超")), "超500亿元");
        assert_eq!(qualified("990余万元", Some("余")), "990余万元");
        assert_eq!(qualified("4.5-5%", None), "4.5-5%");
    }
}
