//! Numbers that name rather than measure: classes (`千亿级`, `千亿县`), list headings (`八个方面`),
//! rules and programmes (`中央八项规定`, `百亿斤粮食产能提升工程`), meeting numbers
//! (`十五届四次、五次、六次全会`). Each rule reads the words right around a span the scanner
//! found, once per span: none is per-character work.

use super::{Kind, Span, is_han};
use crate::figures::lexicon::{by_first, by_last};
use crate::figures::words::Affixes;

/// A named rule that tells a label: its name (for `--explain`) and its test.
pub struct LabelRule {
    /// The rule's name.
    pub name: &'static str,
    /// Whether the span of `line` is a label by this rule.
    pub test: fn(line: &str, span: &Span) -> bool,
}

/// The label rules, in the order they are tried.
pub const RULES: &[LabelRule] = &[
    LabelRule {
        name: "class_grade",
        test: class_grade,
    },
    LabelRule {
        name: "class_noun",
        test: class_noun,
    },
    LabelRule {
        name: "label_head",
        test: label_head,
    },
    LabelRule {
        name: "class_kind",
        test: class_kind,
    },
    LabelRule {
        name: "count_of_amounts",
        test: count_of_amounts,
    },
    LabelRule {
        name: "meeting_number",
        test: meeting_number,
    },
    LabelRule {
        name: "programme_name",
        test: programme_name,
    },
    LabelRule {
        name: "lone_zero",
        test: lone_zero,
    },
    LabelRule {
        name: "one_for_one",
        test: one_for_one,
    },
    LabelRule {
        name: "age",
        test: age,
    },
    LabelRule {
        name: "bar_of_group",
        test: bar_of_group,
    },
    LabelRule {
        name: "rate_scope",
        test: rate_scope,
    },
    LabelRule {
        name: "regime_of_hours",
        test: regime_of_hours,
    },
    LabelRule {
        name: "bar_in_count",
        test: bar_in_count,
    },
    LabelRule {
        name: "set_phrase",
        test: set_phrase,
    },
    LabelRule {
        name: "name_of_numeral_yuan",
        test: name_of_numeral_yuan,
    },
    LabelRule {
        name: "streak",
        test: streak,
    },
    LabelRule {
        name: "list_summary",
        test: list_summary,
    },
    LabelRule {
        name: "numeral_in_word",
        test: numeral_in_word,
    },
    LabelRule {
        name: "round_amount_class",
        test: round_amount_class,
    },
    LabelRule {
        name: "populace",
        test: populace,
    },
    LabelRule {
        name: "indicator_list",
        test: indicator_list,
    },
    LabelRule {
        name: "policy_articles",
        test: policy_articles,
    },
];

/// The first rule that makes the span a label, if one does.
pub fn label_rule(line: &str, span: &Span) -> Option<&'static str> {
    RULES
        .iter()
        .find(|rule| (rule.test)(line, span))
        .map(|rule| rule.name)
}

fn after<'a>(line: &'a str, span: &Span) -> &'a str {
    line.get(span.end..).unwrap_or("")
}

fn before<'a>(line: &'a str, span: &Span) -> &'a str {
    line.get(..span.start).unwrap_or("")
}

fn surface<'a>(line: &'a str, span: &Span) -> &'a str {
    line.get(span.start..span.end).unwrap_or("")
}

/// Whether `text` starts with one of `words` that ends a phrase there (`县。`, not `县级`).
fn starts_with_word(text: &str, words: &Affixes) -> bool {
    words.prefixes_of(text).any(|w| {
        text[w.len()..]
            .chars()
            .next()
            .is_none_or(|c| !is_han(c) || c == '和')
    })
}

mod classes;
mod names;

use classes::*;
use names::*;

#[cfg(test)]
mod tests;
