//! Whether a target's indicator names one thing: a bare head (`投资`, `企业`), a verb or a
//! fragment the figure reader took for a name (`建好`, `从每人`), or a label counting items
//! (`22项主要指标`, `两项`) does not, and a target so named is paired with no result: two
//! unrelated 投资 are not one indicator. The names are `assets/lexicon/unspecific-names.txt`.

use std::sync::LazyLock;

use crate::figures::lexicon::list;

/// The bare names and the patterns (`从*`, `*过`, `*由每*`) of names that name no one thing.
static UNSPECIFIC: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("unspecific-names"));

/// Numerals that open a label counting items (`两项`, `22项主要指标`).
const NUMERALS: &str = "0123456789一二两三四五六七八九十百千";
/// Measure words that make a leading numeral a count of items, not part of a name (`5G基站`,
/// `一产增加值` and `四类管线` stay names).
const COUNTERS: &str = "项个件条批种";

/// Whether `name` (a canonical indicator) names one thing a result can be said to be for.
pub(super) fn specific(name: &str) -> bool {
    let name = name.trim();
    name.chars().count() >= 2 && !counts_items(name) && !UNSPECIFIC.iter().any(|p| matches(p, name))
}

/// Whether `name` opens with a count of items (`22项主要指标`, `两项`, `第4批`).
fn counts_items(name: &str) -> bool {
    let rest = name.strip_prefix('第').unwrap_or(name);
    let digits = rest.len() - rest.trim_start_matches(|c| NUMERALS.contains(c)).len();
    digits > 0 && rest[digits..].starts_with(|c| COUNTERS.contains(c))
}

/// Whether `pattern` (a word, or a word with `*` at either end) matches `name`.
fn matches(pattern: &str, name: &str) -> bool {
    match (pattern.strip_prefix('*'), pattern.strip_suffix('*')) {
        (Some(inner), Some(_)) => name.contains(inner.trim_end_matches('*')),
        (Some(tail), None) => name.ends_with(tail),
        (None, Some(head)) => name.starts_with(head),
        (None, None) => name == pattern,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bare_heads_verbs_fragments_and_labels_name_nothing() {
        for name in [
            "",
            "投资",
            "企业",
            "建好",
            "完善",
            "两项",
            "22项主要指标",
            "第4批",
            "从每人",
            "保费由每生",
            "东电2×",
            "预增产值过",
            "领域",
            "海拔",
            "每个县发展",
            "镇",
        ] {
            assert!(!specific(name), "{name}");
        }
        for name in [
            "生产总值",
            "5G基站",
            "一产增加值",
            "省重点项目投资",
            "城镇新增就业",
            "PM2.5浓度",
            "培训养老服务从业人员",
            "自由贸易试验区",
            "营造林",
            "十大民生实事",
        ] {
            assert!(specific(name), "{name}");
        }
    }
}
