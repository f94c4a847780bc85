//! The glossaries of all loaded reports as one lookup: every term any report defines, found
//! wherever it occurs in any report, so a reader meeting `三个一批` in one report can read the
//! definition another report gives.
//!
//! Matching is leftmost-longest (`一办五部` wins over a shorter term inside it) with one
//! Aho–Corasick automaton over all terms, so finding terms costs one pass over the text.

use std::ops::Range;

use aho_corasick::{AhoCorasick, MatchKind};

use super::Report;

/// A defined term and where its definition comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// The term as written (`三个一批`).
    pub term: String,
    /// The definition as the report gives it.
    pub definition: String,
    /// Index of the defining report in the slice the lookup was built from.
    pub report: usize,
    /// 1-based line of the definition in that report's file.
    pub line: usize,
}

/// Every term of every loaded report, ready to be found in any text.
#[derive(Debug, Clone, Default)]
pub struct Terms {
    /// The terms; when two reports define the same term, the first report's definition is kept.
    pub terms: Vec<Term>,
    automaton: Option<AhoCorasick>,
}

/// One occurrence of a term in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Occurrence {
    /// Byte range of the occurrence in the text searched.
    pub range: Range<usize>,
    /// Index of the term in [`Terms::terms`].
    pub term: usize,
}

impl Terms {
    /// Gather the glossaries of `reports`. Terms of one character are left out: they would
    /// match everywhere and explain nothing.
    pub fn build(reports: &[Report]) -> Terms {
        let mut terms: Vec<Term> = Vec::new();
        for (index, report) in reports.iter().enumerate() {
            for entry in &report.glossary {
                let known = terms.iter().any(|t| t.term == entry.term);
                if entry.term.chars().count() >= 2 && !known {
                    terms.push(Term {
                        term: entry.term.clone(),
                        definition: entry.definition.clone(),
                        report: index,
                        line: entry.line,
                    });
                }
            }
        }
        let automaton = (!terms.is_empty())
            .then(|| {
                AhoCorasick::builder()
                    .match_kind(MatchKind::LeftmostLongest)
                    .build(terms.iter().map(|t| &t.term))
                    .ok()
            })
            .flatten();
        Terms { terms, automaton }
    }

    /// Every occurrence of a term in `text`, in order, never overlapping.
    pub fn find(&self, text: &str) -> Vec<Occurrence> {
        let Some(automaton) = &self.automaton else {
            return Vec::new();
        };
        automaton
            .find_iter(text)
            .map(|m| Occurrence {
                range: m.range(),
                term: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Every occurrence of a term in each of `reports`, one sorted list per report: what the
    /// browser underlines, computed once.
    pub fn occurrences(&self, reports: &[Report]) -> Vec<Vec<Occurrence>> {
        reports
            .iter()
            .map(|report| self.find(&report.text))
            .collect()
    }

    /// The term at byte `offset` of `text`, if one occurs there.
    pub fn at(&self, text: &str, offset: usize) -> Option<&Term> {
        self.find(text)
            .into_iter()
            .find(|o| o.range.contains(&offset))
            .map(|o| &self.terms[o.term])
    }

    /// Whether no report defines any term.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{GlossaryEntry, parse_report};

    fn report(file: &str, text: &str, glossary: &[(&str, &str)]) -> Report {
        let mut report = parse_report(file, None, text);
        report.glossary = glossary
            .iter()
            .enumerate()
            .map(|(i, (term, definition))| GlossaryEntry {
                term: term.to_string(),
                definition: definition.to_string(),
                line: i + 1,
            })
            .collect();
        report
    }

    #[test]
    fn a_term_defined_in_one_report_is_found_in_another() {
        let reports = [
            report(
                "a.txt",
                "",
                &[("三个一批", "指集中签约一批、集中开工一批、集中投产一批")],
            ),
            report("b.txt", "实施“三个一批”，再抓三个一批。", &[]),
        ];
        let terms = Terms::build(&reports);
        let found = terms.find(&reports[1].text);
        assert_eq!(found.len(), 2);
        assert_eq!(&reports[1].text[found[0].range.clone()], "三个一批");
        assert_eq!(terms.terms[found[0].term].report, 0);
        let offset = found[1].range.start + 3;
        assert_eq!(terms.at(&reports[1].text, offset).unwrap().term, "三个一批");
        assert!(terms.at(&reports[1].text, 0).is_none());
    }

    #[test]
    fn the_longest_term_wins_and_the_first_definition_is_kept() {
        let reports = [
            report(
                "a.txt",
                "",
                &[("五部", "短"), ("一办五部", "长"), ("县", "一个字")],
            ),
            report("b.txt", "", &[("一办五部", "另一个定义")]),
        ];
        let terms = Terms::build(&reports);
        assert_eq!(
            terms.terms.len(),
            2,
            "duplicates and one-character terms are left out"
        );
        let found = terms.find("推行一办五部机制");
        assert_eq!(found.len(), 1);
        assert_eq!(terms.terms[found[0].term].definition, "长");
    }

    #[test]
    fn no_glossaries_means_nothing_found() {
        let terms = Terms::build(&[report("a.txt", "三个一批", &[])]);
        assert!(terms.is_empty());
        assert!(terms.find("三个一批").is_empty());
    }
}
