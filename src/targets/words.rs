//! The word lists that code a target, from `assets/lexicon/` (one word a line), and the
//! firmness and bound words found in a clause.

use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};

use crate::figures::lexicon::list;

/// Words that make a target hard (`确保`, `控制在`, `不低于`, `底线`).
pub(super) static HARD: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("firmness-hard"));
/// Words that make a target soft (`力争`, `预期`, `左右`).
pub(super) static SOFT: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("firmness-soft"));
/// Words holding a firmness word that is not one (`预期寿命`).
static BLOCKERS: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("firmness-blockers"));
/// Bound words: about (`左右`, `约`).
pub(super) static ABOUT: LazyLock<&'static [&'static str]> = LazyLock::new(|| list!("bound-about"));
/// Bound words: at least (`以上`, `不低于`, `超`).
pub(super) static AT_LEAST: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("bound-at-least"));
/// Bound words: at most (`以内`, `不超过`, `控制在`).
pub(super) static AT_MOST: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("bound-at-most"));
/// Lead-ins of a paragraph of goals (`预期目标`).
pub(super) static LEAD_INS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("target-lead-ins"));
/// Attached clauses that hedge the target before them (`更好结果`).
pub(super) static HEDGES: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("attached-hedges"));
/// Bound words listed among the firmness words though they carry no firmness (`以上`).
static BOUND_ONLY: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("firmness-bound-only"));
/// Words before a target on its line that set it for the report's year (`今年`).
pub(super) static THIS_YEAR: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("this-year-cues"));
/// Words in a target's clause that keep it a goal for its plan's years (`年均`).
pub(super) static MULTI_YEAR: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("multi-year-cues"));
/// Words pairing a list of items with a list of figures (`分别`).
pub(super) static RESPECTIVELY: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("respectively"));
/// Targets stated without a number that are goals wherever a plan says them
/// (`与经济增长同步`, `保持在合理区间`).
pub(super) static UNNUMBERED_GOALS: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("unnumbered-goals"));
/// Targets stated without a number (`保持稳定`, `稳中提质`).
pub(super) static UNNUMBERED: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| list!("unnumbered-targets"));

/// Bound words written after the number (`5%左右`); every other bound word is written before.
pub(super) const SUFFIXES: [&str; 7] = ["左右", "上下", "以上", "以内", "以下", "之内", "以內"];

/// One firmness or bound word found in a clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Found {
    /// The word as listed.
    pub word: &'static str,
    /// Byte offset in the text searched.
    pub at: usize,
}

/// Every word of the firmness and bound lists: the automaton finds the longest at each place,
/// the blockers included so that the word inside them is not found.
static ALL: LazyLock<(AhoCorasick, Vec<&'static str>)> = LazyLock::new(|| {
    let mut words: Vec<&'static str> = Vec::new();
    for list in [&*HARD, &*SOFT, &*ABOUT, &*AT_LEAST, &*AT_MOST, &*BLOCKERS] {
        for word in list.iter() {
            if !words.contains(word) {
                words.push(word);
            }
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("the firmness and bound words build an automaton");
    (automaton, words)
});

/// The firmness and bound words of `text`, in order (a blocker's words left out).
pub(super) fn find(text: &str) -> Vec<Found> {
    let (automaton, words) = &*ALL;
    automaton
        .find_iter(text)
        .map(|m| Found {
            word: words[m.pattern().as_usize()],
            at: m.start(),
        })
        .filter(|f| !BLOCKERS.contains(&f.word))
        .collect()
}

/// Whether `word` is in `list`.
pub(super) fn is(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Whether a found word counts as a firmness word in `firmness_words`: a hard, soft or
/// bound-only word (the bound words that also say at least or at most, like `约`, are not).
pub(super) fn listed(word: &str) -> bool {
    is(&HARD, word) || is(&SOFT, word) || is(&BOUND_ONLY, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_words_win_and_blockers_hide_their_words() {
        let words: Vec<&str> = find("确保人均预期寿命不低于80岁、力争5%以上")
            .iter()
            .map(|f| f.word)
            .collect();
        assert_eq!(words, ["确保", "不低于", "力争", "以上"]);
    }
}
