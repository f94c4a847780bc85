//! The note editor over the panes: the note of a mark, a multi-line tui-textarea; `Ctrl-s` or
//! `Esc` saves it.

use tui_textarea::TextArea;

use super::marks::add;
use super::{Action, App, Effect, Message, Mode, cursor};

/// The note editor: which mark, the text being edited, and the mode to go back to.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// The mark whose note this is.
    pub id: u64,
    /// The note as typed so far.
    pub input: TextArea<'static>,
    /// Where `Esc` returns: the text or the marks list.
    pub back_to: Mode,
    /// Whether `a` made the mark to hold this note: left empty, the mark goes again.
    pub made_for_note: bool,
}

/// `a`: edit the note of mark `id`, or of the mark under the cursor (marking the sentence
/// first when it is not marked yet).
pub(super) fn open(app: &mut App, id: Option<u64>) -> Vec<Effect> {
    let mut effects = Vec::new();
    let mut made_for_note = false;
    let id = match id {
        Some(id) => id,
        None => {
            let Some(sentence) = cursor::sentence(app) else {
                return effects;
            };
            match app.marks.at(app.report, sentence.start) {
                Some(id) => id,
                None => {
                    let Some(id) = add(app, sentence) else {
                        return effects;
                    };
                    effects.push(Effect::SaveMarks);
                    made_for_note = true;
                    id
                }
            }
        }
    };
    let Some(mark) = app.marks.all.get(id) else {
        return effects;
    };
    let mut input = TextArea::new(if mark.note.is_empty() {
        vec![String::new()]
    } else {
        mark.note.lines().map(String::from).collect()
    });
    input.set_placeholder_text("your note; Ctrl-s or Esc saves it");
    input.move_cursor(tui_textarea::CursorMove::Bottom);
    input.move_cursor(tui_textarea::CursorMove::End);
    let back_to = if app.mode == Mode::Marks {
        Mode::Marks
    } else {
        Mode::Normal
    };
    app.note = Some(NoteEditor {
        id,
        input,
        back_to,
        made_for_note,
    });
    app.mode = Mode::Note;
    effects
}

/// Keys while the note editor is open.
pub(super) fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::NoteInput(key) => {
            if let Some(editor) = &mut app.note {
                super::text_input::type_key(&mut editor.input, key);
            }
            Vec::new()
        }
        Action::SaveNote => save(app),
        _ => Vec::new(),
    }
}

/// Close the note editor, keeping what was typed. Nothing to do when it is not open.
pub(super) fn save(app: &mut App) -> Vec<Effect> {
    let Some(editor) = app.note.take() else {
        return Vec::new();
    };
    app.mode = editor.back_to;
    let note = editor.input.lines().join("\n");
    if editor.made_for_note && note.trim().is_empty() {
        // `a` then nothing: no mark left behind, and nothing to undo.
        super::marks::discard(app, editor.id);
        app.message = Some(Message::info("no note written: the sentence is not marked"));
        return vec![Effect::SaveMarks];
    }
    let changed = app
        .marks
        .all
        .get(editor.id)
        .is_some_and(|m| m.note != note.trim_end());
    if !changed {
        return Vec::new();
    }
    app.marks.all.set_note(editor.id, &note);
    app.message = Some(Message::info("note saved"));
    vec![Effect::SaveMarks]
}
