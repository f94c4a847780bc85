//! The lines of a page as they are read: text is added to the line being read until a block
//! ends it, and a line that is a heading element's or all in bold is noted as a heading
//! candidate.

use super::space::collapse;
use crate::corpus::outline::HeadingHint;

/// Lines as they are finished, and the text of the one being read.
#[derive(Default)]
pub(super) struct Lines {
    /// The lines finished, blank ones left out.
    pub(super) done: Vec<String>,
    /// The text of the line being read.
    current: String,
    /// How many bold elements are open.
    pub(super) bold: usize,
    /// The levels of the heading elements open, innermost last.
    pub(super) headings: Vec<u8>,
    /// How many cells of rows of two cells or more are open.
    pub(super) table_cells: usize,
    /// Whether the line being read has text (not spaces) in bold, and outside bold.
    emphasis: (bool, bool),
    /// The heading candidates among `done`.
    pub(super) hints: Vec<HeadingHint>,
}

impl Lines {
    /// Add text to the line being read, noting whether it is bold.
    pub(super) fn push(&mut self, text: &str) {
        self.current.push_str(text);
        if text.chars().any(|c| !c.is_whitespace()) {
            if self.bold > 0 {
                self.emphasis.0 = true;
            } else {
                self.emphasis.1 = true;
            }
        }
    }

    /// End the current line; blank lines (no-break spaces only, too) are dropped. In `<pre>` the
    /// line ends stay. A line read inside a heading element, or all in bold, is a candidate,
    /// unless it is in a cell of a table of figures.
    pub(super) fn end(&mut self, preformatted: bool) {
        let current = std::mem::take(&mut self.current);
        let (bold, plain) = std::mem::take(&mut self.emphasis);
        if preformatted {
            let lines = current.split('\n').map(|line| line.trim_end().to_string());
            self.done
                .extend(lines.filter(|line| !line.trim().is_empty()));
        } else {
            let line = collapse(&current);
            if !line.trim().is_empty() {
                let level = self.headings.last().copied();
                if self.table_cells == 0 && (level.is_some() || bold && !plain) {
                    self.hints.push(HeadingHint {
                        line: self.done.len(),
                        level,
                    });
                }
                self.done.push(line);
            }
        }
    }
}
