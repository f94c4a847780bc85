//! The search line and its results: the tui-textarea input, the last query and every hit across
//! the corpus, with the one the user is on. Searching is done by [`crate::corpus::search`], the
//! same code as the headless `baogao search`.

use std::ops::Range;

use tui_textarea::TextArea;

use crate::corpus::Corpus;
use crate::corpus::search::{Hit, Query, SearchError, search};

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct SearchState {
    /// The input line while it is open.
    pub input: TextArea<'static>,
    /// The pattern of the last search run.
    pub pattern: Option<String>,
    /// Every hit of the last search, report by report, in text order.
    pub hits: Vec<Hit>,
    /// The hit the user is on.
    pub current: Option<usize>,
    /// Where each report's hits start in `hits` (one entry per report, then the end), so a
    /// frame looks only at the hits of the report it shows, however many the corpus has.
    report_starts: Vec<usize>,
    /// Patterns searched for, the latest last, each once.
    pub history: Vec<String>,
    /// While `↑`/`↓` walk the history: the entry shown, and what had been typed before.
    recalled: Option<(usize, String)>,
}

/// How many patterns the history keeps.
const HISTORY_LEN: usize = 100;

/// What running a search said, for the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchOutcome {
    /// Hits found.
    pub hits: usize,
    /// Set when the pattern was not a valid regex and was searched for as written instead.
    pub fell_back: Option<String>,
}

impl SearchState {
    /// A fresh, empty input line.
    pub fn clear_input(&mut self) {
        self.set_input(String::new());
        self.recalled = None;
    }

    fn set_input(&mut self, text: String) {
        self.input = TextArea::new(vec![text]);
        self.input
            .set_placeholder_text("regex or text, Enter to search, ↑ earlier ones, Esc to close");
        self.input.move_cursor(tui_textarea::CursorMove::End);
    }

    /// Keep `pattern` as the latest in the history (moving it there if it was already in).
    pub fn remember(&mut self, pattern: &str) {
        if pattern.is_empty() {
            return;
        }
        self.history.retain(|p| p != pattern);
        self.history.push(pattern.to_string());
        if self.history.len() > HISTORY_LEN {
            self.history.remove(0);
        }
        self.recalled = None;
    }

    /// `↑` (`earlier`) or `↓`: put an earlier or later pattern from the history in the input;
    /// past the latest, what had been typed comes back.
    pub fn recall(&mut self, earlier: bool) {
        let (at, draft) = match self.recalled.take() {
            Some(walk) => walk,
            None if earlier => (self.history.len(), self.typed()),
            None => return,
        };
        let next = if earlier {
            at.checked_sub(1)
        } else {
            Some(at + 1)
        };
        match next {
            Some(i) if i < self.history.len() => {
                let pattern = self.history[i].clone();
                self.set_input(pattern);
                self.recalled = Some((i, draft));
            }
            // Before the earliest: stay there.
            None => self.recalled = Some((at, draft)),
            // After the latest: what was typed.
            Some(_) => self.set_input(draft),
        }
    }

    /// The text typed so far (one line).
    pub fn typed(&self) -> String {
        self.input.lines().join("")
    }

    /// Run `pattern` over `corpus`: a regex, or the literal text when it is not a valid one.
    pub fn run(&mut self, corpus: &Corpus, pattern: &str) -> Result<SearchOutcome, SearchError> {
        let (query, fell_back) = match Query::new(pattern) {
            Ok(query) => (query, None),
            Err(error @ SearchError::Invalid { .. }) => {
                (Query::literal(pattern)?, Some(error.to_string()))
            }
            Err(error) => return Err(error),
        };
        self.hits = search(corpus, &query);
        self.report_starts = (0..=corpus.reports.len())
            .map(|report| self.hits.partition_point(|h| h.report < report))
            .collect();
        self.pattern = Some(pattern.to_string());
        self.current = None;
        Ok(SearchOutcome {
            hits: self.hits.len(),
            fell_back,
        })
    }

    /// The first hit at or after `offset` in `report`, wrapping round the corpus.
    pub fn first_from(&self, report: usize, offset: usize) -> Option<usize> {
        if self.hits.is_empty() {
            return None;
        }
        let after = self
            .hits
            .partition_point(|h| (h.report, h.range.start) < (report, offset));
        Some(after % self.hits.len())
    }

    /// Step `delta` hits from the current one (or from the first), wrapping round.
    pub fn step(&mut self, delta: isize) -> Option<&Hit> {
        let len = self.hits.len();
        if len == 0 {
            return None;
        }
        let next = match self.current {
            Some(current) => (current as isize + delta).rem_euclid(len as isize) as usize,
            None if delta < 0 => len - 1,
            None => 0,
        };
        self.current = Some(next);
        self.hits.get(next)
    }

    /// The hits in `report` overlapping `range`, with whether each is the current one.
    pub fn hits_within(
        &self,
        report: usize,
        range: &Range<usize>,
    ) -> impl Iterator<Item = (Range<usize>, bool)> + '_ {
        let from = self.report_starts.get(report).copied().unwrap_or(0);
        let to = self.report_starts.get(report + 1).copied().unwrap_or(from);
        let hits = &self.hits[from..to];
        let first = from + hits.partition_point(|h| h.range.end <= range.start);
        let end = range.end;
        self.hits[first..to]
            .iter()
            .enumerate()
            .take_while(move |(_, h)| h.range.start < end)
            .map(move |(i, h)| (h.range.clone(), self.current == Some(first + i)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::parse_report;

    fn corpus() -> Corpus {
        Corpus {
            reports: vec![
                parse_report("a.txt", None, "增长5%，增长6%\n"),
                parse_report("b.txt", None, "增长(7%)\n"),
            ],
            errors: Vec::new(),
        }
    }

    #[test]
    fn hits_are_walked_round_the_corpus() {
        let mut state = SearchState::default();
        assert_eq!(state.run(&corpus(), "增长").unwrap().hits, 3);
        assert_eq!(state.step(1).map(|h| h.report), Some(0));
        assert_eq!(state.step(1).map(|h| h.report), Some(0));
        assert_eq!(state.step(1).map(|h| h.report), Some(1));
        assert_eq!(state.step(1).map(|h| h.range.start), Some(0));
        assert_eq!(state.step(-1).map(|h| h.report), Some(1));
        assert_eq!(state.first_from(0, 1), Some(1));
        assert_eq!(state.first_from(1, 99), Some(0));
    }

    #[test]
    fn an_invalid_regex_is_searched_as_written_and_says_so() {
        let mut state = SearchState::default();
        let outcome = state.run(&corpus(), "增长(").unwrap();
        assert_eq!(outcome.hits, 1);
        assert!(outcome.fell_back.unwrap().contains("unclosed group"));
        assert!(matches!(state.run(&corpus(), ""), Err(SearchError::Empty)));
    }

    #[test]
    fn hits_within_a_range_mark_the_current_one() {
        let mut state = SearchState::default();
        state.run(&corpus(), "增长").unwrap();
        state.step(1);
        let within: Vec<_> = state.hits_within(0, &(0..30)).collect();
        assert_eq!(within, [(0..6, true), (11..17, false)]);
        assert_eq!(state.hits_within(0, &(7..9)).count(), 0);
        assert_eq!(state.hits_within(1, &(0..30)).count(), 1);
    }
}
