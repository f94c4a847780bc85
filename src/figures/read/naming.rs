//! What a figure measures: its indicator, read from the clause before it, the words after it,
//! a `分别` list, or the figure before it. The ways of naming are an ordered list of named
//! rules ([`RULES`]): the first that decides names the figure, and `figures --explain` says
//! which.

use super::*;

/// What a naming rule sees of one figure.
pub(super) struct Naming<'c, 'a> {
    /// The line.
    pub(super) line: &'c LineContext<'a>,
    /// The figure's index among the line's spans.
    pub(super) k: usize,
    /// The clause before the figure.
    pub(super) clause: &'a str,
    /// The text after the figure.
    pub(super) after: &'a str,
    /// The figures before it on the line.
    pub(super) earlier: &'c [Figure],
    /// The name read before the figure, worked out by [`base_name`] when a rule first needs it.
    base: std::cell::OnceCell<Base<'a>>,
}

/// What a rule decides: `None` leaves the figure to the next rule; `Some(name)` names it
/// (`Some(None)`: it is left unnamed).
type Decision<'a> = Option<Option<Cow<'a, str>>>;

/// One way of naming a figure.
pub(super) struct NameRule {
    /// The rule's name, as `figures --explain` shows it.
    pub(super) name: &'static str,
    /// The rule.
    pub(super) apply: for<'c, 'a> fn(&Naming<'c, 'a>, &mut State<'a>) -> Decision<'a>,
}

/// The naming rules, in the order they are tried. The last always decides.
pub(super) const RULES: &[NameRule] = &[
    NameRule {
        name: "respectively",
        apply: respectively,
    },
    NameRule {
        name: "threshold_after",
        apply: threshold_after,
    },
    NameRule {
        name: "quoted_before",
        apply: quoted_before,
    },
    NameRule {
        name: "threshold_before",
        apply: threshold_before,
    },
    NameRule {
        name: "moved_level",
        apply: moved_level,
    },
    NameRule {
        name: "multiple_or_share_of_before",
        apply: multiple_or_share_of_before,
    },
    NameRule {
        name: "capacity_of_works",
        apply: capacity_of_works,
    },
    NameRule {
        name: "named_after",
        apply: named_after,
    },
    NameRule {
        name: "object_of_bare_verb",
        apply: object_of_bare_verb,
    },
    NameRule {
        name: "named_before",
        apply: named_before,
    },
];

impl<'a> LineContext<'a> {
    /// What figure `k` measures, and the rule that named it; updates the indicator carried to
    /// the next figure.
    pub(super) fn indicator(
        &self,
        k: usize,
        clause: &'a str,
        after: &'a str,
        state: &mut State<'a>,
        earlier: &[Figure],
    ) -> (Option<Cow<'a, str>>, &'static str) {
        let naming = Naming {
            line: self,
            k,
            clause,
            after,
            earlier,
            base: std::cell::OnceCell::new(),
        };
        for rule in RULES {
            if let Some(name) = (rule.apply)(&naming, state) {
                return (name, rule.name);
            }
        }
        (None, "none")
    }

    /// The indicator of the figure before a `分别` list that pairs with its `order`-th member:
    /// the list starts at span `first` and the figures before it, as many as the list has
    /// members and in the same sentence, name its members in order.
    fn paired_figure(
        &self,
        first: usize,
        order: usize,
        earlier: &[Figure],
        state: &State,
    ) -> Option<String> {
        let members = 1
            + (first + 1..self.spans.len())
                .take_while(|&j| {
                    is_list_separator(&self.content[self.spans[j - 1].end..self.spans[j].start])
                })
                .count();
        let start = first.checked_sub(members)?;
        let in_sentence = self.spans[start].start >= state.sentence_start;
        if order >= members || !in_sentence || earlier.len() < first {
            return None;
        }
        earlier[start + order]
            .indicator
            .as_deref()
            .map(String::from)
    }
}

impl<'a> Naming<'_, 'a> {
    fn span(&self) -> &Span {
        &self.line.spans[self.k]
    }

    /// Where the clause starts in the line.
    fn clause_start(&self) -> usize {
        self.clause.as_ptr() as usize - self.line.content.as_ptr() as usize
    }

    fn base(&self) -> &Base<'a> {
        self.base.get_or_init(|| base_name(self))
    }
}

mod base;
mod rules;

use base::{Base, base_name};
use rules::*;

#[cfg(test)]
mod tests;
