//! Where each pane sits for a terminal size: computed in `update` on every resize, read by the
//! renderer and by mouse hit-testing, so both always agree. Narrow terminals drop the figures
//! panel first, then the tree.

use ratatui::layout::{Constraint, Layout, Position, Rect};

/// Terminals narrower than this show no figures panel.
pub const FIGURES_MIN_WIDTH: u16 = 100;
/// Terminals narrower than this show no tree either.
pub const TREE_MIN_WIDTH: u16 = 50;

/// A pane that can hold the focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The section tree.
    Tree,
    /// The report's text.
    Text,
    /// The figures panel.
    Figures,
}

/// The rectangles of one frame (empty ones are hidden).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Panes {
    /// The whole terminal.
    pub area: Rect,
    /// The section tree (with its border).
    pub tree: Rect,
    /// The text pane (with its border).
    pub text: Rect,
    /// The figures panel (with its border).
    pub figures: Rect,
    /// The bottom line: the status bar, or the search line while searching.
    pub status: Rect,
}

impl Panes {
    /// Lay out a terminal of `area`.
    pub fn compute(area: Rect) -> Panes {
        let [main, status] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        let tree_width = if area.width >= TREE_MIN_WIDTH {
            (area.width / 4).clamp(18, 40)
        } else {
            0
        };
        let figures_width = if area.width >= FIGURES_MIN_WIDTH {
            (area.width / 4).clamp(24, 48)
        } else {
            0
        };
        let [tree, text, figures] = Layout::horizontal([
            Constraint::Length(tree_width),
            Constraint::Min(0),
            Constraint::Length(figures_width),
        ])
        .areas(main);
        Panes {
            area,
            tree,
            text,
            figures,
            status,
        }
    }

    /// The rectangle of `pane`.
    pub fn rect(&self, pane: Pane) -> Rect {
        match pane {
            Pane::Tree => self.tree,
            Pane::Text => self.text,
            Pane::Figures => self.figures,
        }
    }

    /// Whether `pane` is shown at all.
    pub fn shows(&self, pane: Pane) -> bool {
        let rect = self.rect(pane);
        rect.width > 2 && rect.height > 2
    }

    /// The visible panes in focus order.
    pub fn visible(&self) -> Vec<Pane> {
        [Pane::Tree, Pane::Text, Pane::Figures]
            .into_iter()
            .filter(|&p| self.shows(p))
            .collect()
    }

    /// The pane under a cell, if any.
    pub fn at(&self, column: u16, row: u16) -> Option<Pane> {
        let position = Position::new(column, row);
        self.visible()
            .into_iter()
            .find(|&p| self.rect(p).contains(position))
    }

    /// The area inside `pane`'s border, where its content is drawn: the renderer draws there
    /// and a click is read against it, from this one definition.
    pub fn inner(&self, pane: Pane) -> Rect {
        self.rect(pane).inner(ratatui::layout::Margin::new(1, 1))
    }

    /// Rows of content inside `pane` (its border excluded).
    pub fn inner_height(&self, pane: Pane) -> usize {
        usize::from(self.rect(pane).height.saturating_sub(2))
    }

    /// Columns of text inside the text pane: its border excluded.
    pub fn text_width(&self) -> u16 {
        self.text.width.saturating_sub(2).max(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrow_terminals_drop_side_panels() {
        let wide = Panes::compute(Rect::new(0, 0, 160, 40));
        assert_eq!(wide.visible(), [Pane::Tree, Pane::Text, Pane::Figures]);
        assert_eq!(wide.tree.width + wide.text.width + wide.figures.width, 160);
        let middle = Panes::compute(Rect::new(0, 0, 80, 24));
        assert_eq!(middle.visible(), [Pane::Tree, Pane::Text]);
        let narrow = Panes::compute(Rect::new(0, 0, 30, 10));
        assert_eq!(narrow.visible(), [Pane::Text]);
        let tiny = Panes::compute(Rect::new(0, 0, 1, 1));
        assert!(tiny.visible().is_empty());
        assert_eq!(tiny.status, Rect::new(0, 0, 1, 1));
    }

    #[test]
    fn hit_testing_finds_the_pane_under_the_pointer() {
        let panes = Panes::compute(Rect::new(0, 0, 160, 40));
        assert_eq!(panes.at(0, 0), Some(Pane::Tree));
        assert_eq!(panes.at(80, 10), Some(Pane::Text));
        assert_eq!(panes.at(159, 38), Some(Pane::Figures));
        assert_eq!(panes.at(80, 39), None);
    }
}
