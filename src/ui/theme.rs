//! Every colour and style of the browser in one table, so a look can be changed in one place and
//! tests can assert on the same values the renderer uses.

use ratatui::style::{Color, Modifier, Style};

/// The browser's styles.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// Reading text.
    pub body: Style,
    /// The report title.
    pub title: Style,
    /// Date, session and speaker.
    pub front: Style,
    /// Chapter headings (`一、`).
    pub heading1: Style,
    /// Section headings (`（一）`).
    pub heading2: Style,
    /// Item headings (`1.`).
    pub heading3: Style,
    /// Glossary entries.
    pub glossary: Style,
    /// A figure in the text.
    pub figure: Style,
    /// The selected figure.
    pub selected_figure: Style,
    /// A search hit.
    pub hit: Style,
    /// The search hit the user is on.
    pub current_hit: Style,
    /// A pane's border.
    pub border: Style,
    /// The focused pane's border.
    pub border_focused: Style,
    /// The cursor row of a pane without focus (the node in view, in the tree).
    pub cursor: Style,
    /// The cursor row of the focused pane.
    pub cursor_focused: Style,
    /// Secondary text: counts, dimmed columns.
    pub dim: Style,
    /// Targets in the figures panel.
    pub target: Style,
    /// A rise (red, as Chinese readers expect).
    pub up: Style,
    /// A fall (green).
    pub down: Style,
    /// The status bar.
    pub status: Style,
    /// The focus/mode badge in the status bar.
    pub badge: Style,
    /// An error message.
    pub error: Style,
    /// An overlay's background.
    pub overlay: Style,
    /// A key in the help.
    pub key: Style,
    /// A marked passage.
    pub marked: Style,
    /// The sentence under the text cursor.
    pub sentence: Style,
    /// The sentence under the cursor inside a marked passage.
    pub sentence_marked: Style,
    /// The sentences selected with `v`.
    pub selection: Style,
    /// A mark count in the tree.
    pub mark_count: Style,
}

/// The one theme.
pub const THEME: Theme = Theme {
    body: Style::new(),
    title: Style::new().add_modifier(Modifier::BOLD),
    front: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
    heading1: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
    heading2: Style::new()
        .fg(Color::LightCyan)
        .add_modifier(Modifier::BOLD),
    heading3: Style::new().fg(Color::LightGreen),
    glossary: Style::new().fg(Color::Gray),
    figure: Style::new().fg(Color::LightMagenta),
    selected_figure: Style::new()
        .fg(Color::Black)
        .bg(Color::LightMagenta)
        .add_modifier(Modifier::BOLD),
    hit: Style::new().fg(Color::Black).bg(Color::Yellow),
    current_hit: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::DarkGray),
    border_focused: Style::new().fg(Color::Cyan),
    cursor: Style::new().bg(Color::DarkGray),
    cursor_focused: Style::new().fg(Color::Black).bg(Color::Cyan),
    dim: Style::new().fg(Color::DarkGray),
    target: Style::new()
        .fg(Color::LightBlue)
        .add_modifier(Modifier::BOLD),
    up: Style::new().fg(Color::LightRed),
    down: Style::new().fg(Color::LightGreen),
    status: Style::new().fg(Color::White).bg(Color::Indexed(236)),
    badge: Style::new()
        .fg(Color::Black)
        .bg(Color::Cyan)
        .add_modifier(Modifier::BOLD),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    overlay: Style::new().bg(Color::Indexed(235)),
    key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
    marked: Style::new().bg(Color::Indexed(58)),
    sentence: Style::new().bg(Color::Indexed(238)),
    sentence_marked: Style::new()
        .bg(Color::Indexed(100))
        .add_modifier(Modifier::BOLD),
    selection: Style::new().fg(Color::White).bg(Color::Indexed(25)),
    mark_count: Style::new().fg(Color::Yellow),
};
