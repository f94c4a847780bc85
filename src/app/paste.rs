//! Pasted text (bracketed paste): always text, never keys. A paste into the note editor keeps
//! its lines; into the search line, the export destination or the compare filter it becomes
//! one line; anywhere else it is ignored with a word. Inserting is linear in the paste's
//! length, so a long paste does not freeze the browser.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::{Action, App, Effect, Message, Mode};

/// The longest filter a paste types into the compare view, one key at a time.
const COMPARE_FILTER_MAX: usize = 200;

/// Insert `text`, pasted by the user, where the keys go now.
pub fn paste(app: &mut App, text: &str) -> Vec<Effect> {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let text: String = text
        .chars()
        .filter(|c| *c == '\n' || *c == '\t' || !c.is_control())
        .collect();
    let one_line = || {
        text.split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    };
    match app.mode {
        Mode::Note => {
            if let Some(editor) = &mut app.note {
                editor.input.insert_str(&text);
            }
        }
        Mode::Search => {
            app.search.input.insert_str(one_line());
        }
        Mode::Export => {
            super::export_dialog::active_mut(app)
                .input
                .insert_str(one_line());
        }
        Mode::Compare => {
            for c in one_line().chars().take(COMPARE_FILTER_MAX) {
                let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
                super::update(app, Action::CompareInput(key));
            }
        }
        _ => {
            app.message = Some(Message::info(
                "pasted text is ignored here: paste into a note (a), the search line (/) or a filter",
            ));
        }
    }
    Vec::new()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_embedded;

    fn app() -> App {
        App::new(load_embedded(), 160, 45)
    }

    #[test]
    fn a_multi_line_paste_is_text_in_the_search_line_and_runs_nothing() {
        let mut app = app();
        super::super::update(&mut app, Action::OpenSearch);
        let marks_before = app.marks.all.clone();
        paste(&mut app, "生产总值\rmore\r\nd");
        assert_eq!(app.mode, Mode::Search);
        assert_eq!(app.search.typed(), "生产总值 more d");
        assert_eq!(app.marks.all, marks_before);
    }

    #[test]
    fn a_paste_in_normal_mode_is_not_keys() {
        let mut app = app();
        paste(&mut app, "m\nq\n");
        assert_eq!(app.mode, Mode::Normal);
        assert!(app.marks.all.items.is_empty());
    }

    #[test]
    fn a_long_paste_into_a_note_is_quick_and_keeps_its_lines() {
        let mut app = app();
        super::super::update(&mut app, Action::EditNote);
        assert_eq!(app.mode, Mode::Note);
        let long = "生产总值增长\n".repeat(6_000);
        let start = std::time::Instant::now();
        paste(&mut app, &long);
        assert!(start.elapsed().as_secs() < 2, "{:?}", start.elapsed());
        let editor = app.note.as_ref().unwrap();
        assert_eq!(editor.input.lines().len(), 6_001);
    }
}
