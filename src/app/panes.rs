//! Where each pane sits for a terminal size: computed in `update` on every resize, read by the
//! renderer and by mouse hit-testing, so both always agree. Narrow terminals drop the figures
//! panel first, then the tree, unless the reader asked for them ([`Shown`]): a tree asked for
//! takes its width from the text; a figures panel asked for where there is no room for three
//! panes is drawn over the text's right side.

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

/// Whether the reader wants a side pane: as the width allows, or always, or never.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Shown {
    /// Shown when the terminal is wide enough.
    #[default]
    Auto,
    /// Shown at any width (`t` / `p` asked for it).
    Always,
    /// Hidden at any width.
    Never,
}

/// The reader's choice for the two side panes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneChoice {
    /// The section tree.
    pub tree: Shown,
    /// The figures panel.
    pub figures: Shown,
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
    /// Whether the figures panel lies over the text pane (asked for without room for it).
    pub figures_over_text: bool,
}

impl Panes {
    /// Lay out a terminal of `area`, each side pane shown as the width allows.
    pub fn compute(area: Rect) -> Panes {
        Panes::compute_with(area, PaneChoice::default())
    }

    /// Lay out a terminal of `area` with the reader's `choice` of side panes.
    pub fn compute_with(area: Rect, choice: PaneChoice) -> Panes {
        let [main, status] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
        let wanted = |shown: Shown, min_width: u16| match shown {
            Shown::Auto => area.width >= min_width,
            Shown::Always => true,
            Shown::Never => false,
        };
        let tree_width = if wanted(choice.tree, TREE_MIN_WIDTH) {
            (area.width / 4).clamp(18, 40).min(area.width / 2)
        } else {
            0
        };
        let figures_wanted = wanted(choice.figures, FIGURES_MIN_WIDTH);
        let figures_over_text = figures_wanted && area.width < FIGURES_MIN_WIDTH;
        let figures_width = if figures_wanted {
            (area.width / 4).clamp(24, 48).min(area.width)
        } else {
            0
        };
        let beside = if figures_over_text { 0 } else { figures_width };
        let [tree, text, mut figures] = Layout::horizontal([
            Constraint::Length(tree_width),
            Constraint::Min(0),
            Constraint::Length(beside),
        ])
        .areas(main);
        if figures_over_text {
            // Over the right side of the text (or of the whole width when that is narrower).
            let width = figures_width.max(main.width.min(36)).min(main.width);
            figures = Rect::new(main.right() - width, main.y, width, main.height);
        }
        Panes {
            area,
            tree,
            text,
            figures,
            status,
            figures_over_text,
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

    /// The pane under a cell, if any (the figures panel first: it may lie over the text).
    pub fn at(&self, column: u16, row: u16) -> Option<Pane> {
        let position = Position::new(column, row);
        self.visible()
            .into_iter()
            .rev()
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
    fn side_panes_asked_for_are_shown_at_any_width_and_hidden_ones_never() {
        let always = PaneChoice {
            tree: Shown::Always,
            figures: Shown::Always,
        };
        let narrow = Panes::compute_with(Rect::new(0, 0, 80, 24), always);
        assert_eq!(narrow.visible(), [Pane::Tree, Pane::Text, Pane::Figures]);
        assert!(narrow.figures_over_text);
        assert!(narrow.text.contains(Position::new(narrow.figures.x, 5)));
        assert_eq!(narrow.at(narrow.figures.x + 1, 5), Some(Pane::Figures));
        assert_eq!(narrow.figures.right(), 80);
        let tiny = Panes::compute_with(Rect::new(0, 0, 30, 10), always);
        assert!(tiny.figures.width <= 30 && tiny.tree.width <= 15);
        let wide = Panes::compute_with(Rect::new(0, 0, 160, 40), always);
        assert!(!wide.figures_over_text);
        let hidden = PaneChoice {
            tree: Shown::Never,
            figures: Shown::Never,
        };
        let text_only = Panes::compute_with(Rect::new(0, 0, 160, 40), hidden);
        assert_eq!(text_only.visible(), [Pane::Text]);
        assert_eq!(text_only.text.width, 160, "the text takes the room");
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
