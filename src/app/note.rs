//! Two small editors over the panes: the note of a mark (a multi-line tui-textarea; `Ctrl-s` or
//! `Esc` saves it) and the export dialog (a format and a destination; `Enter` exports).

use std::path::{Path, PathBuf};

use tui_textarea::TextArea;

use super::marks::{add, info};
use super::{Action, App, Effect, Mode, cursor};
use crate::export::{self, Format};

/// The note editor: which mark, the text being edited, and the mode to go back to.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    /// The mark whose note this is.
    pub id: u64,
    /// The note as typed so far.
    pub input: TextArea<'static>,
    /// Where `Esc` returns: the text or the marks list.
    pub back_to: Mode,
}

/// The export dialog's choices.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// The format chosen.
    pub format: Format,
    /// The destination as typed.
    pub input: TextArea<'static>,
}

impl Default for ExportDialog {
    fn default() -> ExportDialog {
        ExportDialog {
            format: Format::Md,
            input: TextArea::new(vec![DEFAULT_DESTINATION.to_string()]),
        }
    }
}

/// Where the export dialog proposes to write.
pub const DEFAULT_DESTINATION: &str = "./baogao-marks.md";

impl ExportDialog {
    /// The destination typed.
    pub fn destination(&self) -> String {
        self.input.lines().join("").trim().to_string()
    }
}

/// `a`: edit the note of mark `id`, or of the mark under the cursor (marking the sentence
/// first when it is not marked yet).
pub(super) fn open(app: &mut App, id: Option<u64>) -> Vec<Effect> {
    let mut effects = Vec::new();
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
                    id
                }
            }
        }
    };
    let Some(mark) = app.marks.marks.get(id) else {
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
    app.marks.note = Some(NoteEditor { id, input, back_to });
    app.mode = Mode::Note;
    effects
}

/// Keys while the note editor is open.
pub(super) fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::NoteInput(key) => {
            if let Some(editor) = &mut app.marks.note {
                editor.input.input(key);
            }
            Vec::new()
        }
        Action::SaveNote => save(app),
        _ => Vec::new(),
    }
}

/// Close the note editor, keeping what was typed. Nothing to do when it is not open.
pub(super) fn save(app: &mut App) -> Vec<Effect> {
    let Some(editor) = app.marks.note.take() else {
        return Vec::new();
    };
    app.mode = editor.back_to;
    let note = editor.input.lines().join("\n");
    let changed = app
        .marks
        .marks
        .get(editor.id)
        .is_some_and(|m| m.note != note.trim_end());
    if !changed {
        return Vec::new();
    }
    app.marks.marks.set_note(editor.id, &note);
    app.message = Some(info("note saved"));
    vec![Effect::SaveMarks]
}

/// `e`: open the export dialog, unless there is nothing to export.
pub(super) fn open_export(app: &mut App) {
    if app.marks.marks.items.is_empty() {
        app.message = Some(info(
            "no marks to export yet: m marks the sentence under the cursor",
        ));
        return;
    }
    app.mode = Mode::Export;
}

/// Keys while the export dialog is open.
pub(super) fn handle_export(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ExportInput(key) => {
            app.marks.export.input.input(key);
        }
        Action::CycleExportFormat => cycle_format(app),
        Action::CancelExport => app.mode = Mode::Normal,
        Action::SubmitExport => return submit(app),
        _ => {}
    }
    Vec::new()
}

fn cycle_format(app: &mut App) {
    let dialog = &mut app.marks.export;
    let next = match dialog.format {
        Format::Md => Format::Json,
        Format::Json => Format::Csv,
        Format::Csv => Format::Md,
    };
    let destination = dialog.destination();
    let path = Path::new(&destination);
    if path.extension().and_then(|e| e.to_str()) == Some(dialog.format.extension()) {
        let renamed = path.with_extension(next.extension());
        dialog.input = TextArea::new(vec![renamed.to_string_lossy().into_owned()]);
        dialog.input.move_cursor(tui_textarea::CursorMove::End);
    }
    dialog.format = next;
}

fn submit(app: &mut App) -> Vec<Effect> {
    let destination = app.marks.export.destination();
    if destination.is_empty() {
        app.message = Some(super::update::error(
            "type where to export the marks".into(),
        ));
        return Vec::new();
    }
    app.mode = Mode::Normal;
    let records = export::records(&app.marks.marks, &app.corpus.reports, &app.figures);
    let content = export::render(app.marks.export.format, &records);
    vec![Effect::Export {
        path: PathBuf::from(destination),
        content,
        count: records.len(),
    }]
}

/// What the run loop reports after writing an export: on failure the dialog opens again so the
/// destination can be fixed; the marks are untouched either way.
pub fn exported(app: &mut App, path: &Path, count: usize, result: Result<(), String>) {
    match result {
        Ok(()) => {
            app.message = Some(info(&format!(
                "exported {} to {}",
                super::marks::count_of(count),
                path.display()
            )));
        }
        Err(reason) => {
            app.message = Some(super::update::error(format!(
                "export failed: {reason}; the marks are untouched"
            )));
            app.mode = Mode::Export;
        }
    }
}
