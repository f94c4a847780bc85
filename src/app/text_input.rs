//! Keys typed into a text field (the search line, the go-to, the compare filter, the export
//! destination, a note), as a shell's line editor takes them: `Ctrl-u` deletes back to the
//! start of the line rather than undoing (tui-textarea's own binding), everything else as
//! tui-textarea reads it.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tui_textarea::TextArea;

/// Apply `key` to `input`; true when the text changed.
pub fn type_key(input: &mut TextArea<'static>, key: KeyEvent) -> bool {
    if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
        return input.delete_line_by_head();
    }
    input.input(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn ctrl_u_deletes_back_to_the_start_as_in_a_shell() {
        let mut input = TextArea::new(vec!["./baogao-marks.md".to_string()]);
        input.move_cursor(tui_textarea::CursorMove::End);
        assert!(type_key(
            &mut input,
            key(KeyCode::Char('u'), KeyModifiers::CONTROL)
        ));
        assert_eq!(input.lines(), [""]);
        assert!(type_key(
            &mut input,
            key(KeyCode::Char('a'), KeyModifiers::NONE)
        ));
        assert_eq!(input.lines(), ["a"]);
        assert!(
            !type_key(
                &mut input,
                key(
                    KeyCode::Char('u'),
                    KeyModifiers::CONTROL | KeyModifiers::SHIFT
                )
            ) || input.lines() == [""]
        );
    }
}
