//! The words of a line that bear on status, period and lists, found in one pass.

use super::*;

/// The words that pair a list of items with a list of figures (`A、B分别增长9.8%、12.5%`).
pub(super) static RESPECTIVELY: LazyLock<&'static [&'static str]> =
    LazyLock::new(|| crate::figures::lexicon::list!("respectively"));

/// The words of a line that bear on status, period and lists, found in one pass.
pub(super) struct LineWords {
    pub(super) goals: Vec<Range<usize>>,
    pub(super) recaps: Vec<Range<usize>>,
    /// Where words turning from a goal to its result (`实际增长`) start.
    pub(super) results: Vec<usize>,
    /// Where [`RESPECTIVELY`] words start.
    pub(super) respectively: Vec<usize>,
    pub(super) reviews_five_years: bool,
    pub(super) plans_five_years: bool,
}

/// The lists of line words a word belongs to: a word may be in several, as `过去五年` is a
/// recap and a five-year review.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct WordLists {
    /// A goal word ([`status::TARGET_WORDS`]).
    pub(super) goal: bool,
    /// A recap word ([`status::RECAP_WORDS`]).
    pub(super) recap: bool,
    /// A word of a five-year review ([`period::FIVE_YEAR_REVIEW_WORDS`]).
    pub(super) five_year_review: bool,
    /// A word of a five-year plan ([`period::FIVE_YEAR_PLAN_WORDS`]).
    pub(super) five_year_plan: bool,
    /// `分别` ([`RESPECTIVELY`]).
    pub(super) respectively: bool,
    /// A word turning from a goal to its result (`实际增长`).
    pub(super) result: bool,
}

/// Every status and period word in one automaton, each with the lists it belongs to.
pub(super) static LINE_WORDS: LazyLock<(AhoCorasick, Vec<WordLists>)> = LazyLock::new(|| {
    type Mark = fn(&mut WordLists);
    let lists: [(&[&str], Mark); 6] = [
        (*status::TARGET_WORDS, |l| l.goal = true),
        (*status::RECAP_WORDS, |l| l.recap = true),
        (*period::FIVE_YEAR_REVIEW_WORDS, |l| {
            l.five_year_review = true
        }),
        (*period::FIVE_YEAR_PLAN_WORDS, |l| l.five_year_plan = true),
        (*RESPECTIVELY, |l| l.respectively = true),
        (crate::figures::lexicon::list!("result-words"), |l| {
            l.result = true
        }),
    ];
    let mut words: Vec<&str> = Vec::new();
    let mut lists_of: Vec<WordLists> = Vec::new();
    for (list, mark) in lists {
        for w in list {
            let at = words.iter().position(|x| x == w).unwrap_or_else(|| {
                words.push(w);
                lists_of.push(WordLists::default());
                words.len() - 1
            });
            mark(&mut lists_of[at]);
        }
    }
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(&words)
        .expect("status words build an automaton");
    (automaton, lists_of)
});

impl LineWords {
    pub(super) fn find(text: &str) -> LineWords {
        let (automaton, lists_of) = &*LINE_WORDS;
        let mut words = LineWords {
            goals: Vec::new(),
            recaps: Vec::new(),
            results: Vec::new(),
            respectively: Vec::new(),
            reviews_five_years: false,
            plans_five_years: false,
        };
        for m in automaton.find_iter(text) {
            let lists = lists_of[m.pattern().as_usize()];
            // `争取到2027年…` plans; `争取到中央资金2.76亿元` reports money secured: a goal word
            // ending in `到` sets a goal only before a time.
            let secured = text[m.range()].ends_with('到')
                && !text[m.end()..].starts_with(|c: char| {
                    c.is_ascii_digit() || "０１２３４５６７８９年今明本十二〇".contains(c)
                });
            if lists.goal && !secured {
                words.goals.push(m.range());
            }
            if lists.recap {
                words.recaps.push(m.range());
            }
            if lists.result {
                words.results.push(m.start());
            }
            if lists.respectively {
                words.respectively.push(m.start());
            }
            words.reviews_five_years |= lists.five_year_review;
            words.plans_five_years |= lists.five_year_plan;
        }
        words
    }
}

#[cfg(test)]
mod tests {
    use super::LineWords;

    #[test]
    fn money_secured_is_no_goal_but_a_time_strived_for_is() {
        assert!(
            LineWords::find("争取到中央和自治区预算内投资2.76亿元")
                .goals
                .is_empty()
        );
        assert_eq!(LineWords::find("争取到2027年建成5个").goals.len(), 1);
        assert_eq!(LineWords::find("力争实现增长5%").goals.len(), 1);
    }
}
