//! Key bindings as data: one table per [`Mode`], each row a key (or keys), the [`Action`] it
//! triggers and the help text that the `?` overlay and the README show. Resolving a key is a
//! table look-up, never a growing `match`.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, Mode};

/// A key with the modifiers that matter for it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key itself.
    pub code: KeyCode,
    /// Only `CONTROL` and `ALT` are compared; `SHIFT` is part of the character.
    pub modifiers: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        modifiers: KeyModifiers::NONE,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        modifiers: KeyModifiers::CONTROL,
    }
}

/// One row of a keymap: the keys, what they do, and how the help describes it.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// Every key that triggers the action.
    pub keys: &'static [Key],
    /// The action triggered.
    pub action: Action,
    /// One line of help.
    pub help: &'static str,
    /// The word the status bar shows for it among the few keys that matter, if it is one.
    pub hint: Option<&'static str>,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint: None,
    }
}

const fn hint(
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    word: &'static str,
) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint: Some(word),
    }
}

/// Reading: the tree, the text and the figures panel.
pub const NORMAL: &[Binding] = &[
    hint(
        &[key(KeyCode::Tab)],
        Action::FocusNext,
        "focus next pane",
        "focus",
    ),
    bind(
        &[key(KeyCode::BackTab)],
        Action::FocusPrev,
        "focus previous pane",
    ),
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::MoveDown,
        "move down in the focused pane",
    ),
    bind(
        &[ch('k'), key(KeyCode::Up)],
        Action::MoveUp,
        "move up in the focused pane",
    ),
    bind(
        &[ch('h'), key(KeyCode::Left)],
        Action::Collapse,
        "collapse in the tree",
    ),
    bind(
        &[ch('l'), key(KeyCode::Right)],
        Action::Expand,
        "expand in the tree",
    ),
    bind(
        &[key(KeyCode::Enter)],
        Action::Activate,
        "open the selected node, or jump to the selected figure",
    ),
    bind(&[ch('g'), key(KeyCode::Home)], Action::Top, "go to the top"),
    bind(
        &[ch('G'), key(KeyCode::End)],
        Action::Bottom,
        "go to the bottom",
    ),
    bind(
        &[key(KeyCode::PageDown), ch(' ')],
        Action::PageDown,
        "page down",
    ),
    bind(&[key(KeyCode::PageUp), ch('b')], Action::PageUp, "page up"),
    bind(&[ctrl('d')], Action::HalfPageDown, "half a page down"),
    bind(&[ctrl('u')], Action::HalfPageUp, "half a page up"),
    bind(&[ch(']')], Action::NextSection, "next section"),
    bind(&[ch('[')], Action::PrevSection, "previous section"),
    hint(
        &[ch('/')],
        Action::OpenSearch,
        "search all reports (regex, or a plain string)",
        "search",
    ),
    bind(&[ch('n')], Action::NextHit, "next search hit"),
    bind(&[ch('N')], Action::PrevHit, "previous search hit"),
    bind(
        &[ch('f')],
        Action::CycleFigureFilter,
        "cycle the figures filter: all · money · percent · targets",
    ),
    bind(
        &[ch('F')],
        Action::ToggleFigureScope,
        "figures of the section in view, or of the whole report",
    ),
    hint(
        &[ch('o')],
        Action::OpenGoTo,
        "go to a report, place (or pinyin), year or heading (fuzzy)",
        "go to",
    ),
    bind(
        &[ctrl('o')],
        Action::JumpBack,
        "back to where the last jump left (search hit, section, figure, mark, tree)",
    ),
    bind(
        &[ctrl('i')],
        Action::JumpForward,
        "forward again (where the terminal tells Ctrl-i from Tab)",
    ),
    bind(
        &[ch('\'')],
        Action::SwapLastPlace,
        "to the place before the last jump, and back again",
    ),
    bind(
        &[ch('#')],
        Action::ToggleLineNumbers,
        "show or hide line numbers (the file's)",
    ),
    bind(
        &[ch('t')],
        Action::ToggleTree,
        "show or hide the section tree",
    ),
    bind(
        &[ch('p')],
        Action::ToggleFiguresPanel,
        "show or hide the figures panel (over the text when narrow)",
    ),
    bind(
        &[ch('c')],
        Action::OpenCompare,
        "compare an indicator across reports and years, targets against results",
    ),
    bind(
        &[ch('K')],
        Action::ShowTerm,
        "explain the first glossary term on screen (again: the next one)",
    ),
    bind(
        &[ch('m')],
        Action::ToggleMark,
        "mark the sentence under the cursor, or unmark its mark",
    ),
    bind(
        &[ch('v')],
        Action::StartSelection,
        "select sentences from the cursor: j/k extend, m marks them",
    ),
    bind(
        &[ch('a')],
        Action::EditNote,
        "write a note on the mark under the cursor (marking it first)",
    ),
    bind(&[ch('u')], Action::Undo, "undo the last unmark or delete"),
    bind(
        &[ch('y')],
        Action::CopyPassage,
        "copy the passage under the cursor with its citation (OSC 52)",
    ),
    hint(&[ch('M')], Action::OpenMarks, "list every mark", "marks"),
    bind(
        &[ch('e')],
        Action::OpenExport,
        "export the marks as Markdown, JSON or CSV",
    ),
    hint(&[ch('?')], Action::ToggleHelp, "this help", "help"),
    hint(&[ch('q'), ctrl('c')], Action::Quit, "quit", "quit"),
];

/// Selecting sentences (`v`).
pub const VISUAL: &[Binding] = &[
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::MoveDown,
        "extend the selection by the next sentence",
    ),
    bind(
        &[ch('k'), key(KeyCode::Up)],
        Action::MoveUp,
        "extend the selection by the previous sentence",
    ),
    hint(&[ch('m')], Action::ToggleMark, "mark the selection", "mark"),
    hint(
        &[ch('y')],
        Action::CopyPassage,
        "copy the selection with its citation",
        "copy",
    ),
    hint(
        &[key(KeyCode::Esc), ch('v')],
        Action::CancelSelection,
        "leave the selection",
        "cancel",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The marks list (`M`).
pub const MARKS: &[Binding] = &[
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::MoveDown,
        "next mark",
    ),
    bind(
        &[ch('k'), key(KeyCode::Up)],
        Action::MoveUp,
        "previous mark",
    ),
    bind(&[ch('g'), key(KeyCode::Home)], Action::Top, "first mark"),
    bind(&[ch('G'), key(KeyCode::End)], Action::Bottom, "last mark"),
    hint(
        &[key(KeyCode::Enter)],
        Action::Activate,
        "jump to the passage",
        "jump",
    ),
    hint(&[ch('a')], Action::EditNote, "edit the note", "note"),
    hint(&[ch('d')], Action::DeleteMark, "delete the mark", "delete"),
    hint(&[ch('u')], Action::Undo, "undo the last delete", "undo"),
    hint(
        &[ch('e')],
        Action::OpenExport,
        "export every mark",
        "export",
    ),
    hint(
        &[key(KeyCode::Esc), ch('q'), ch('M')],
        Action::CloseMarks,
        "close the list",
        "close",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The note editor: everything not listed here is typed into the note.
pub const NOTE: &[Binding] = &[
    hint(
        &[ctrl('s'), key(KeyCode::Esc)],
        Action::SaveNote,
        "save the note and close the editor",
        "save",
    ),
    bind(&[ctrl('c')], Action::Quit, "save the note and quit"),
];

/// The export dialog: everything not listed here is typed into the destination.
pub const EXPORT: &[Binding] = &[
    hint(
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::CycleExportFormat,
        "switch the format (Markdown, JSON, CSV; for marks BibTeX, CSL-JSON too)",
        "format",
    ),
    hint(
        &[key(KeyCode::Enter)],
        Action::SubmitExport,
        "export to the destination typed",
        "export",
    ),
    hint(
        &[key(KeyCode::Esc)],
        Action::CancelExport,
        "close without exporting",
        "cancel",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The search line: everything not listed here is typed into it.
pub const SEARCH: &[Binding] = &[
    hint(
        &[key(KeyCode::Enter)],
        Action::SubmitSearch,
        "search",
        "search",
    ),
    hint(
        &[key(KeyCode::Esc)],
        Action::CancelSearch,
        "close the search line",
        "close",
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        Action::EarlierSearch,
        "an earlier search",
    ),
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        Action::LaterSearch,
        "a later search (past the latest: what was typed)",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The help overlay.
pub const HELP: &[Binding] = &[
    hint(
        &[key(KeyCode::Esc), ch('?'), ch('q')],
        Action::ToggleHelp,
        "close the help",
        "close",
    ),
    bind(
        &[ch('j'), key(KeyCode::Down)],
        Action::MoveDown,
        "scroll down",
    ),
    bind(&[ch('k'), key(KeyCode::Up)], Action::MoveUp, "scroll up"),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The compare view: everything not listed here is typed into its filter.
pub const COMPARE: &[Binding] = &[
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        Action::MoveDown,
        "next indicator, or next row",
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        Action::MoveUp,
        "previous indicator, or previous row",
    ),
    hint(
        &[key(KeyCode::Tab), key(KeyCode::BackTab)],
        Action::ToggleCompareFocus,
        "move between the indicators and the rows",
        "rows",
    ),
    hint(
        &[key(KeyCode::Enter)],
        Action::Activate,
        "on an indicator: go to its rows; on a row: jump to its figure",
        "jump",
    ),
    hint(
        &[ctrl('t')],
        Action::ToggleCompareChart,
        "chart the levels or the growth rates",
        "chart",
    ),
    hint(
        &[ctrl('g')],
        Action::ToggleCompareTargets,
        "the targets table: bound, firmness, result, gap, verdict",
        "targets",
    ),
    bind(
        &[ctrl('o')],
        Action::SortTargetsByGap,
        "targets table: order by gap, or by period and place",
    ),
    bind(
        &[ctrl('y')],
        Action::CycleTargetsPeriod,
        "targets table: one period after another, then all",
    ),
    hint(
        &[ctrl('s')],
        Action::OpenExport,
        "export the rows, or the targets table, as CSV, JSON or Markdown",
        "export",
    ),
    hint(
        &[key(KeyCode::Esc)],
        Action::CloseCompare,
        "close the compare view",
        "close",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The glossary popup.
pub const GLOSSARY: &[Binding] = &[
    hint(
        &[ch('K')],
        Action::ShowTerm,
        "the next term on screen",
        "next",
    ),
    hint(
        &[key(KeyCode::Esc), ch('q'), key(KeyCode::Enter)],
        Action::CloseTerm,
        "close the definition",
        "close",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The go-to: everything not listed here is typed into its query.
pub const GOTO: &[Binding] = &[
    bind(
        &[key(KeyCode::Down), ctrl('n')],
        Action::MoveDown,
        "next match",
    ),
    bind(
        &[key(KeyCode::Up), ctrl('p')],
        Action::MoveUp,
        "previous match",
    ),
    hint(
        &[key(KeyCode::Enter)],
        Action::Activate,
        "open the match",
        "open",
    ),
    hint(
        &[key(KeyCode::Esc)],
        Action::CloseGoTo,
        "close the go-to",
        "close",
    ),
    bind(&[ctrl('c')], Action::Quit, "quit"),
];

/// The help's sections, in order: a title and a table.
pub const HELP_SECTIONS: &[(&str, &[Binding])] = &[
    ("reading", NORMAL),
    ("search line", SEARCH),
    ("this help", HELP),
    ("compare view", COMPARE),
    ("glossary popup", GLOSSARY),
    ("selection", VISUAL),
    ("marks list", MARKS),
    ("note editor", NOTE),
    ("export dialog", EXPORT),
    ("go-to", GOTO),
];

/// Mouse use, which no table lists.
const MOUSE: &str = "a click focuses a pane and selects a row (a figure, in the text); the wheel \
                     scrolls the pane under the pointer";

/// The help's rows: `("", title)` for each section, then `(keys, what they do)`.
pub fn help_lines() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (title, table) in HELP_SECTIONS {
        out.push((String::new(), (*title).to_string()));
        for binding in *table {
            out.push((keys_label(binding), binding.help.to_string()));
        }
    }
    out.push((String::new(), "mouse".into()));
    out.push(("click, wheel".into(), MOUSE.into()));
    out
}

/// The table for `mode`.
pub fn bindings(mode: Mode) -> &'static [Binding] {
    match mode {
        Mode::Normal => NORMAL,
        Mode::Search => SEARCH,
        Mode::Help => HELP,
        Mode::Compare => COMPARE,
        Mode::Glossary => GLOSSARY,
        Mode::Visual => VISUAL,
        Mode::Marks => MARKS,
        Mode::Note => NOTE,
        Mode::Export => EXPORT,
        Mode::GoTo => GOTO,
    }
}

/// The action `event` triggers in `mode`, if any. In the search line, unbound keys become
/// [`Action::SearchInput`].
pub fn resolve(mode: Mode, event: KeyEvent) -> Option<Action> {
    let wanted = normalise(event);
    let bound = bindings(mode)
        .iter()
        .find(|binding| binding.keys.contains(&wanted))
        .map(|binding| binding.action);
    match (bound, mode) {
        (Some(action), _) => Some(action),
        (None, Mode::Search) => Some(Action::SearchInput(event)),
        (None, Mode::Compare) => Some(Action::CompareInput(event)),
        (None, Mode::Note) => Some(Action::NoteInput(event)),
        (None, Mode::Export) => Some(Action::ExportInput(event)),
        (None, Mode::GoTo) => Some(Action::GoToInput(event)),
        (None, _) => None,
    }
}

fn normalise(event: KeyEvent) -> Key {
    let mut modifiers = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT);
    let code = match event.code {
        // Terminals send Shift-Tab as BackTab, sometimes with SHIFT set as well.
        KeyCode::BackTab => KeyCode::BackTab,
        KeyCode::Char(c) if modifiers.contains(KeyModifiers::CONTROL) => {
            KeyCode::Char(c.to_ascii_lowercase())
        }
        other => other,
    };
    if !matches!(code, KeyCode::Char(_)) {
        modifiers.remove(KeyModifiers::ALT);
    }
    Key { code, modifiers }
}

/// How a key is written in the help: `j`, `↓`, `Ctrl-u`, `Shift-Tab`, `PgDn`.
pub fn label(key: &Key) -> String {
    let name = match key.code {
        KeyCode::Char(' ') => "Space".to_string(),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Tab => "Tab".into(),
        KeyCode::BackTab => "Shift-Tab".into(),
        KeyCode::Enter => "Enter".into(),
        KeyCode::Esc => "Esc".into(),
        KeyCode::Up => "↑".into(),
        KeyCode::Down => "↓".into(),
        KeyCode::Left => "←".into(),
        KeyCode::Right => "→".into(),
        KeyCode::Home => "Home".into(),
        KeyCode::End => "End".into(),
        KeyCode::PageUp => "PgUp".into(),
        KeyCode::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{name}")
    } else {
        name
    }
}

impl Key {
    /// A key in the notation tests and scripts type: a character as itself (`j`, `增`), or a
    /// name in angle brackets — `<Tab>`, `<S-Tab>`, `<Enter>`, `<Esc>`, `<BS>`, `<Space>`,
    /// `<Up>` `<Down>` `<Left>` `<Right>`, `<Home>` `<End>`, `<PgUp>` `<PgDn>`, and `<C-x>` for
    /// Ctrl with a character. `None` for anything else.
    pub fn parse(name: &str) -> Option<Key> {
        let mut chars = name.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(ch(c));
        }
        let inner = name.strip_prefix('<')?.strip_suffix('>')?;
        if let Some(control) = inner.strip_prefix("C-") {
            let mut chars = control.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) => Some(ctrl(c)),
                _ => None,
            };
        }
        let code = match inner {
            "Tab" => KeyCode::Tab,
            "S-Tab" => KeyCode::BackTab,
            "Enter" => KeyCode::Enter,
            "Esc" => KeyCode::Esc,
            "BS" => KeyCode::Backspace,
            "Space" => KeyCode::Char(' '),
            "Up" => KeyCode::Up,
            "Down" => KeyCode::Down,
            "Left" => KeyCode::Left,
            "Right" => KeyCode::Right,
            "Home" => KeyCode::Home,
            "End" => KeyCode::End,
            "PgUp" => KeyCode::PageUp,
            "PgDn" => KeyCode::PageDown,
            _ => return None,
        };
        Some(key(code))
    }

    /// The event a terminal sends for this key.
    pub fn event(self) -> KeyEvent {
        KeyEvent::new(self.code, self.modifiers)
    }
}

/// A sequence of keys in [`Key::parse`]'s notation, one after another: `jj<C-d>/增长<Enter>`.
///
/// # Panics
/// On a `<…>` name [`Key::parse`] does not know, or an unclosed `<`: the notation is written
/// by hand in tests, where a typo should fail loudly.
pub fn parse_keys(keys: &str) -> Vec<Key> {
    let mut parsed = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        let len = if c == '<' && rest.len() > 1 {
            rest.find('>').map_or(c.len_utf8(), |end| end + 1)
        } else {
            c.len_utf8()
        };
        let name = &rest[..len];
        parsed.push(Key::parse(name).unwrap_or_else(|| panic!("unknown key {name}")));
        rest = &rest[len..];
    }
    parsed
}

/// All the keys of a binding, as the help writes them: `j ↓`.
pub fn keys_label(binding: &Binding) -> String {
    binding.keys.iter().map(label).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn the_key_notation_reads_what_the_help_writes() {
        assert_eq!(Key::parse("j"), Some(ch('j')));
        assert_eq!(Key::parse("<C-d>"), Some(ctrl('d')));
        assert_eq!(label(&Key::parse("<C-d>").unwrap()), "Ctrl-d");
        assert_eq!(label(&Key::parse("<S-Tab>").unwrap()), "Shift-Tab");
        assert_eq!(label(&Key::parse("<PgDn>").unwrap()), "PgDn");
        assert_eq!(Key::parse("<Nope>"), None);
        assert_eq!(Key::parse("<C-dd>"), None);
        assert_eq!(
            parse_keys("a<Down>增<"),
            vec![ch('a'), key(KeyCode::Down), ch('增'), ch('<')]
        );
        // Every key any table binds can be written in the notation.
        for (_, table) in HELP_SECTIONS {
            for binding in table.iter() {
                for bound in binding.keys {
                    let written = match bound.code {
                        KeyCode::Char(c) if bound.modifiers.contains(KeyModifiers::CONTROL) => {
                            format!("<C-{c}>")
                        }
                        KeyCode::Char(' ') => "<Space>".into(),
                        KeyCode::Char(c) => c.to_string(),
                        KeyCode::BackTab => "<S-Tab>".into(),
                        KeyCode::Backspace => "<BS>".into(),
                        KeyCode::Up => "<Up>".into(),
                        KeyCode::Down => "<Down>".into(),
                        KeyCode::Left => "<Left>".into(),
                        KeyCode::Right => "<Right>".into(),
                        _ => format!("<{}>", label(bound)),
                    };
                    assert_eq!(Key::parse(&written), Some(*bound), "{written}");
                }
            }
        }
    }

    #[test]
    fn keys_resolve_per_mode() {
        let j = press(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(resolve(Mode::Normal, j), Some(Action::MoveDown));
        assert_eq!(resolve(Mode::Search, j), Some(Action::SearchInput(j)));
        assert_eq!(resolve(Mode::Help, j), Some(Action::MoveDown));
        let shifted_g = press(KeyCode::Char('G'), KeyModifiers::SHIFT);
        assert_eq!(resolve(Mode::Normal, shifted_g), Some(Action::Bottom));
        let ctrl_d = press(KeyCode::Char('d'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Mode::Normal, ctrl_d), Some(Action::HalfPageDown));
        let back_tab = press(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(resolve(Mode::Normal, back_tab), Some(Action::FocusPrev));
        let x = press(KeyCode::Char('x'), KeyModifiers::NONE);
        assert_eq!(resolve(Mode::Normal, x), None);
    }

    #[test]
    fn no_key_is_bound_twice_in_one_mode() {
        for mode in Mode::ALL {
            let keys: Vec<Key> = bindings(mode)
                .iter()
                .flat_map(|b| b.keys)
                .copied()
                .collect();
            for (i, k) in keys.iter().enumerate() {
                assert!(!keys[i + 1..].contains(k), "{mode:?}: {} twice", label(k));
            }
        }
    }

    #[test]
    fn the_readme_documents_every_reading_key() {
        let readme = include_str!("../../README.md");
        let keys = &readme[readme.find("## Keys").expect("a Keys section")..];
        for binding in NORMAL {
            for key in binding.keys {
                let written = format!("`{}`", label(key));
                assert!(keys.contains(&written), "README lacks {written}");
            }
        }
    }

    #[test]
    fn labels_read_as_the_readme_writes_them() {
        assert_eq!(keys_label(&NORMAL[2]), "j ↓");
        assert_eq!(label(&ctrl('u')), "Ctrl-u");
        assert_eq!(label(&key(KeyCode::BackTab)), "Shift-Tab");
    }
}
