//! What tests start from: the bundled reports and a browser over them, keys typed as a user
//! types them, and reports built line by line, so a test states exactly which lines are
//! headings, body or residue instead of depending on how the loader classifies them.

use super::{App, Effect, keymap, update};
use crate::corpus::{Line, LineKind, Metadata, Report, Section, load_embedded};

/// The browser over the bundled reports (their figures read as usual), at `width` × `height`.
pub fn bundled_app(width: u16, height: u16) -> App {
    App::new(load_embedded(), width, height)
}

/// Type `keys` into `app` as a user would, through the keymap of the mode the app is in at
/// each key (notation: [`keymap::parse_keys`]). Returns the effects of every key, in order.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in keymap::parse_keys(keys) {
        if let Some(action) = keymap::resolve(app.mode, key.event()) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// A report of `lines`, each with its kind. A `Heading(level)` line (level 1..3) becomes a
/// section of that level under the last section of a lower level, spanning to the next heading
/// of the same or a higher level; the kind is then renumbered to the section's index.
pub fn report(file: &str, lines: &[(&str, LineKind)]) -> Report {
    let text: String = lines.iter().map(|(line, _)| format!("{line}\n")).collect();
    let mut built = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut start = 0;
    for (index, (line, kind)) in lines.iter().enumerate() {
        let range = start..start + line.len();
        start = range.end + 1;
        let kind = match kind {
            LineKind::Heading(level) => {
                let level = (*level).clamp(1, 3) as u8;
                for open in sections.iter_mut().filter(|s| s.level >= level) {
                    open.span.end = open.span.end.min(range.start);
                }
                let parent = sections.iter().rposition(|s| s.level < level);
                sections.push(Section {
                    title: line.to_string(),
                    level,
                    line: index,
                    heading: range.clone(),
                    span: range.start..text.len(),
                    parent,
                });
                LineKind::Heading(sections.len() - 1)
            }
            other => *other,
        };
        let content = if kind.is_readable() {
            range.clone()
        } else {
            range.start..range.start
        };
        built.push(Line {
            range,
            content,
            kind,
        });
    }
    Report {
        file: file.to_string(),
        path: None,
        encoding: "UTF-8",
        text,
        lines: built,
        meta: Metadata::default(),
        sections,
        glossary: Vec::new(),
        warnings: Vec::new(),
    }
}
