//! Search across every loaded report: a regular expression (a plain string is a valid one) run
//! over each report's text, keeping only hits in the reading text (not in web or print residue).
//!
//! The browser's `/` and the headless `baogao search` share this module, so both find exactly
//! the same hits in the same order: report by report, then by position.

use std::ops::Range;

use regex::{Regex, RegexBuilder};

use super::{Corpus, Report};

/// A compiled search: the pattern as the user typed it and the regex it compiled to.
#[derive(Debug, Clone)]
pub struct Query {
    pattern: String,
    regex: Regex,
}

/// Why a pattern could not be searched for; the message is fit for a status bar.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SearchError {
    /// Nothing to search for.
    #[error("empty search pattern")]
    Empty,
    /// The pattern is not a valid regular expression.
    #[error("invalid pattern {pattern:?}: {reason}")]
    Invalid {
        /// The pattern as typed.
        pattern: String,
        /// The regex engine's explanation, on one line.
        reason: String,
    },
}

/// One place a query matched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index of the report in [`Corpus::reports`].
    pub report: usize,
    /// Byte range of the match in that report's text.
    pub range: Range<usize>,
    /// 0-based line of the match's start in the original file.
    pub line: usize,
    /// 0-based column of the match's start, in characters from the start of its line.
    pub col: usize,
}

impl Query {
    /// Compile `pattern` as a regular expression. Letters match case-insensitively when the
    /// pattern has no upper-case letter ("smart case"), as in ripgrep.
    pub fn new(pattern: &str) -> Result<Self, SearchError> {
        if pattern.is_empty() {
            return Err(SearchError::Empty);
        }
        let smart_case = !pattern.chars().any(char::is_uppercase);
        Self::build(pattern, pattern, smart_case)
    }

    /// Search for `text` exactly as written, with no regex syntax.
    pub fn literal(text: &str) -> Result<Self, SearchError> {
        if text.is_empty() {
            return Err(SearchError::Empty);
        }
        Self::build(text, &regex::escape(text), false)
    }

    fn build(pattern: &str, source: &str, case_insensitive: bool) -> Result<Self, SearchError> {
        let regex = RegexBuilder::new(source)
            .case_insensitive(case_insensitive)
            .build()
            .map_err(|error| SearchError::Invalid {
                pattern: pattern.to_string(),
                reason: last_line(&error.to_string()),
            })?;
        Ok(Self {
            pattern: pattern.to_string(),
            regex,
        })
    }

    /// The pattern as the user typed it.
    pub fn pattern(&self) -> &str {
        &self.pattern
    }

    /// Every hit in one report (`index` is its place in the corpus), in text order.
    pub fn hits_in(&self, index: usize, report: &Report) -> Vec<Hit> {
        let mut hits = Vec::new();
        let mut line = 0;
        for found in self.regex.find_iter(&report.text) {
            if found.is_empty() {
                continue;
            }
            // Matches arrive in order, so the line cursor only moves forward.
            while line + 1 < report.lines.len() && report.lines[line].range.end < found.start() {
                line += 1;
            }
            let Some(entry) = report.lines.get(line) else {
                break;
            };
            let readable = entry.kind.is_readable()
                && found.start() >= entry.content.start
                && found.start() < entry.content.end;
            if !readable {
                continue;
            }
            let col = report.text[entry.range.start..found.start()]
                .chars()
                .count();
            hits.push(Hit {
                report: index,
                range: found.range(),
                line,
                col,
            });
        }
        hits
    }
}

/// Every hit of `query` in `corpus`, report by report, in text order.
pub fn search(corpus: &Corpus, query: &Query) -> Vec<Hit> {
    let per_report = |(index, report)| query.hits_in(index, report);
    let reports: Vec<(usize, &Report)> = corpus.reports.iter().enumerate().collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    if threads < 2 || reports.len() < 2 {
        return reports.into_iter().flat_map(per_report).collect();
    }
    // Reports are independent: split them into one contiguous chunk per core and keep the order.
    let chunk = reports.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let workers: Vec<_> = reports
            .chunks(chunk)
            .map(|slice| scope.spawn(move || slice.iter().copied().flat_map(per_report).collect()))
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| worker.join().unwrap_or_else(|_| Vec::<Hit>::new()))
            .collect()
    })
}

fn last_line(message: &str) -> String {
    message
        .lines()
        .rev()
        .find(|line| !line.trim().is_empty())
        .unwrap_or(message)
        .trim()
        .trim_start_matches("error: ")
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{LineKind, parse_report};

    fn corpus(texts: &[&str]) -> Corpus {
        Corpus {
            reports: texts
                .iter()
                .enumerate()
                .map(|(i, text)| parse_report(&format!("r{i}.txt"), None, text))
                .collect(),
            errors: Vec::new(),
        }
    }

    #[test]
    fn finds_every_hit_with_line_and_character_column() {
        let corpus = corpus(&[
            "一、总结\n生产总值增长5%，生产总值达到100亿元。\n",
            "生产总值",
        ]);
        let hits = search(&corpus, &Query::new("生产总值").unwrap());
        let places: Vec<_> = hits.iter().map(|h| (h.report, h.line, h.col)).collect();
        assert_eq!(places, [(0, 1, 0), (0, 1, 9), (1, 0, 0)]);
        let first = &hits[1];
        assert_eq!(&corpus.reports[0].text[first.range.clone()], "生产总值");
    }

    #[test]
    fn regex_syntax_works_and_invalid_patterns_explain_themselves() {
        let corpus = corpus(&["增长5.2%，下降4.3%"]);
        let hits = search(&corpus, &Query::new(r"\d+\.\d%").unwrap());
        assert_eq!(hits.len(), 2);
        let error = Query::new("增长(").unwrap_err();
        assert!(matches!(error, SearchError::Invalid { .. }));
        assert!(error.to_string().contains("unclosed group"), "{error}");
        assert!(matches!(Query::new(""), Err(SearchError::Empty)));
    }

    #[test]
    fn literal_queries_take_regex_characters_as_written() {
        let corpus = corpus(&["GDP(地区生产总值)增长"]);
        let hits = search(&corpus, &Query::literal("GDP(").unwrap());
        assert_eq!(hits.len(), 1);
    }

    #[test]
    fn smart_case_ignores_case_only_for_lower_case_patterns() {
        let corpus = corpus(&["GDP and gdp"]);
        assert_eq!(search(&corpus, &Query::new("gdp").unwrap()).len(), 2);
        assert_eq!(search(&corpus, &Query::new("GDP").unwrap()).len(), 1);
    }

    #[test]
    fn hits_in_residue_lines_are_left_out() {
        let mut corpus = corpus(&["来源：某某网\n生产总值\n"]);
        corpus.reports[0].lines[0].kind = LineKind::Residue;
        let hits = search(&corpus, &Query::new("某某网|生产总值").unwrap());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].line, 1);
    }

    #[test]
    fn many_reports_keep_their_order_when_searched_in_parallel() {
        let texts: Vec<String> = (0..37).map(|i| format!("第{i}份 增长\n增长")).collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let hits = search(&corpus(&refs), &Query::new("增长").unwrap());
        assert_eq!(hits.len(), 74);
        assert!(
            hits.windows(2)
                .all(|w| (w[0].report, w[0].range.start) < (w[1].report, w[1].range.start))
        );
    }
}
