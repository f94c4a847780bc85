//! Every colour and style of the browser in one table, so a look can be changed in one place and
//! tests can assert on the same values the renderer uses.
//!
//! Three tables: [`DARK`] (the default), [`LIGHT`] for light backgrounds, and [`MONO`] for
//! terminals without colour (`NO_COLOR`), where every highlight is a modifier — reverse, bold,
//! underline — since colours are not drawn at all. The renderer reads the table in use through
//! [`theme`]; the terminal loop picks it once at start ([`set`]).

use std::cell::Cell;

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

/// The styles for a dark background, the default.
pub const DARK: Theme = Theme {
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
    // Not DarkGray: dimmed text is DarkGray, and must stay readable on the cursor row.
    cursor: Style::new().bg(Color::Indexed(238)),
    cursor_focused: Style::new().fg(Color::Black).bg(Color::Cyan),
    dim: Style::new().fg(Color::Indexed(245)),
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

/// The styles for a light background: dark text colours, pale highlights.
pub const LIGHT: Theme = Theme {
    body: Style::new(),
    title: Style::new().add_modifier(Modifier::BOLD),
    front: Style::new()
        .fg(Color::Indexed(242))
        .add_modifier(Modifier::ITALIC),
    heading1: Style::new()
        .fg(Color::Indexed(94))
        .add_modifier(Modifier::BOLD),
    heading2: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    heading3: Style::new().fg(Color::Green),
    glossary: Style::new().fg(Color::Indexed(242)),
    figure: Style::new().fg(Color::Magenta),
    selected_figure: Style::new()
        .fg(Color::White)
        .bg(Color::Magenta)
        .add_modifier(Modifier::BOLD),
    hit: Style::new().fg(Color::Black).bg(Color::Indexed(228)),
    current_hit: Style::new()
        .fg(Color::Black)
        .bg(Color::Indexed(216))
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::Indexed(248)),
    border_focused: Style::new().fg(Color::Blue),
    cursor: Style::new().bg(Color::Indexed(253)),
    cursor_focused: Style::new().fg(Color::White).bg(Color::Blue),
    dim: Style::new().fg(Color::Indexed(243)),
    target: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    up: Style::new().fg(Color::Red),
    down: Style::new().fg(Color::Green),
    status: Style::new().fg(Color::Black).bg(Color::Indexed(252)),
    badge: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD),
    error: Style::new()
        .fg(Color::White)
        .bg(Color::Red)
        .add_modifier(Modifier::BOLD),
    overlay: Style::new().bg(Color::Indexed(255)),
    key: Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
    marked: Style::new().bg(Color::Indexed(229)),
    sentence: Style::new().bg(Color::Indexed(254)),
    sentence_marked: Style::new()
        .bg(Color::Indexed(222))
        .add_modifier(Modifier::BOLD),
    selection: Style::new().fg(Color::Black).bg(Color::Indexed(153)),
    mark_count: Style::new()
        .fg(Color::Indexed(94))
        .add_modifier(Modifier::BOLD),
};

const fn with(modifier: Modifier) -> Style {
    Style::new().add_modifier(modifier)
}

/// The styles without colour (`NO_COLOR`): every state a modifier of its own, so the cursor,
/// the selection, the focus, search hits and marks all stay visible.
pub const MONO: Theme = Theme {
    body: Style::new(),
    title: with(Modifier::BOLD),
    front: with(Modifier::ITALIC),
    heading1: with(Modifier::BOLD.union(Modifier::UNDERLINED)),
    heading2: with(Modifier::BOLD),
    heading3: with(Modifier::ITALIC),
    glossary: with(Modifier::ITALIC),
    figure: with(Modifier::UNDERLINED),
    selected_figure: with(Modifier::REVERSED.union(Modifier::BOLD)),
    hit: with(Modifier::REVERSED),
    current_hit: with(
        Modifier::REVERSED
            .union(Modifier::BOLD)
            .union(Modifier::UNDERLINED),
    ),
    border: Style::new(),
    border_focused: with(Modifier::BOLD),
    cursor: with(Modifier::UNDERLINED),
    cursor_focused: with(Modifier::REVERSED),
    dim: with(Modifier::DIM),
    target: with(Modifier::ITALIC),
    up: Style::new(),
    down: Style::new(),
    status: with(Modifier::REVERSED),
    badge: with(Modifier::BOLD),
    error: with(Modifier::REVERSED.union(Modifier::BOLD)),
    overlay: Style::new(),
    key: with(Modifier::BOLD),
    marked: with(Modifier::UNDERLINED),
    sentence: with(Modifier::BOLD),
    sentence_marked: with(Modifier::BOLD.union(Modifier::UNDERLINED)),
    selection: with(Modifier::REVERSED),
    mark_count: with(Modifier::BOLD),
};

/// A theme by name, as `--theme` and `BAOGAO_THEME` take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeName {
    /// [`DARK`].
    Dark,
    /// [`LIGHT`].
    Light,
    /// [`MONO`].
    Mono,
}

impl ThemeName {
    /// Every name, as typed.
    pub const NAMES: [&'static str; 3] = ["dark", "light", "mono"];

    /// The table it names.
    pub fn theme(self) -> &'static Theme {
        match self {
            ThemeName::Dark => &DARK,
            ThemeName::Light => &LIGHT,
            ThemeName::Mono => &MONO,
        }
    }

    /// The theme to use: `chosen` (`--theme`) if given, else `$BAOGAO_THEME`, else [`MONO`]
    /// when `NO_COLOR` is set to anything but the empty string (no-color.org), else [`DARK`].
    pub fn pick(chosen: Option<ThemeName>, env: impl Fn(&str) -> Option<String>) -> ThemeName {
        chosen
            .or_else(|| env("BAOGAO_THEME").and_then(|name| name.parse().ok()))
            .unwrap_or(if env("NO_COLOR").is_some_and(|v| !v.is_empty()) {
                ThemeName::Mono
            } else {
                ThemeName::Dark
            })
    }
}

impl std::str::FromStr for ThemeName {
    type Err = String;

    fn from_str(name: &str) -> Result<ThemeName, String> {
        match name {
            "dark" => Ok(ThemeName::Dark),
            "light" => Ok(ThemeName::Light),
            "mono" => Ok(ThemeName::Mono),
            other => Err(format!("unknown theme {other:?} (dark, light or mono)")),
        }
    }
}

thread_local! {
    static CURRENT: Cell<&'static Theme> = const { Cell::new(&DARK) };
}

/// The table the renderer draws with on this thread ([`DARK`] until [`set`]).
pub fn theme() -> &'static Theme {
    CURRENT.with(Cell::get)
}

/// Draw with `theme` from now on, on this thread (the one that draws).
pub fn set(theme: &'static Theme) {
    CURRENT.with(|current| current.set(theme));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every state a reader must see, by name.
    fn states(t: &Theme) -> [(&'static str, Style); 9] {
        [
            ("text cursor", t.sentence),
            ("pane cursor", t.cursor),
            ("focused pane cursor", t.cursor_focused),
            ("focused border", t.border_focused),
            ("selection", t.selection),
            ("search hit", t.hit),
            ("current hit", t.current_hit),
            ("mark", t.marked),
            ("selected figure", t.selected_figure),
        ]
    }

    #[test]
    fn without_colour_every_state_differs_from_the_text_by_its_modifiers_alone() {
        for (name, style) in states(&MONO) {
            assert!(
                style.fg.is_none() && style.bg.is_none(),
                "{name} uses colour"
            );
            assert_ne!(style.add_modifier, MONO.body.add_modifier, "{name}");
        }
        // And the states that can meet on one cell stay apart.
        let meet = [
            (MONO.sentence, MONO.marked),
            (MONO.sentence, MONO.hit),
            (MONO.marked, MONO.hit),
            (MONO.hit, MONO.current_hit),
            (MONO.cursor, MONO.cursor_focused),
            (MONO.border, MONO.border_focused),
            (MONO.figure, MONO.selected_figure),
        ];
        for (a, b) in meet {
            assert_ne!(a.add_modifier, b.add_modifier);
        }
    }

    #[test]
    fn no_text_is_drawn_in_the_colour_of_its_background() {
        for theme in [&DARK, &LIGHT] {
            for (name, style) in states(theme) {
                if let (Some(fg), Some(bg)) = (style.fg, style.bg) {
                    assert_ne!(fg, bg, "{name}");
                }
                // Dimmed text (counts) is drawn on cursor rows.
                assert_ne!(theme.dim.fg, style.bg, "dim text on {name}");
            }
        }
    }

    #[test]
    fn the_theme_is_chosen_by_flag_then_environment_then_no_color() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |key: &str| {
                pairs
                    .iter()
                    .find(|(k, _)| *k == key)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(ThemeName::pick(None, env(&[])), ThemeName::Dark);
        assert_eq!(
            ThemeName::pick(None, env(&[("NO_COLOR", "1")])),
            ThemeName::Mono
        );
        assert_eq!(
            ThemeName::pick(None, env(&[("NO_COLOR", "")])),
            ThemeName::Dark
        );
        assert_eq!(
            ThemeName::pick(None, env(&[("NO_COLOR", "1"), ("BAOGAO_THEME", "light")])),
            ThemeName::Light
        );
        assert_eq!(
            ThemeName::pick(Some(ThemeName::Dark), env(&[("NO_COLOR", "1")])),
            ThemeName::Dark
        );
        set(&MONO);
        assert!(std::ptr::eq(theme(), &MONO));
        set(&DARK);
    }
}
