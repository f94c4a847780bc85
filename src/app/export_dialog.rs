//! The export dialog over the panes: a format (`Tab` cycles Markdown, JSON and CSV) and a
//! destination; `Enter` exports the marks.

use std::path::{Path, PathBuf};

use tui_textarea::TextArea;

use super::marks::info;
use super::{Action, App, Effect, Mode};
use crate::export::{self, Format};

/// The export dialog's choices.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// The format chosen.
    pub format: Format,
    /// The destination as typed.
    pub input: TextArea<'static>,
    /// A destination that exists and that the reader was asked about: `Enter` on it again
    /// overwrites it.
    pub confirm: Option<String>,
}

impl Default for ExportDialog {
    fn default() -> ExportDialog {
        ExportDialog {
            format: Format::Md,
            input: TextArea::new(vec![DEFAULT_DESTINATION.to_string()]),
            confirm: None,
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

/// `e`: open the export dialog, unless there is nothing to export.
pub(super) fn open(app: &mut App) {
    if app.marks.all.items.is_empty() {
        app.message = Some(info(
            "no marks to export yet: m marks the sentence under the cursor",
        ));
        return;
    }
    // Typing appends to the destination proposed (Ctrl-u clears it, as in a shell).
    app.marks
        .export
        .input
        .move_cursor(tui_textarea::CursorMove::End);
    app.mode = Mode::Export;
}

/// Keys while the export dialog is open.
pub(super) fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ExportInput(key)
            if super::text_input::type_key(&mut app.marks.export.input, key) =>
        {
            app.marks.export.confirm = None;
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
    dialog.confirm = None;
    let at = Format::ALL
        .iter()
        .position(|f| *f == dialog.format)
        .unwrap_or(0);
    let next = Format::ALL[(at + 1) % Format::ALL.len()];
    let destination = dialog.destination();
    // By suffix, not `Path::extension`: CSL-JSON's is two parts (`.csl.json`).
    if let Some(stem) = destination.strip_suffix(&format!(".{}", dialog.format.extension())) {
        let renamed = format!("{stem}.{}", next.extension());
        dialog.input = TextArea::new(vec![renamed]);
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
    let overwrite = app.marks.export.confirm.take().as_ref() == Some(&destination);
    let records = export::records(&app.marks.all, &app.corpus.reports, &app.figures);
    let content = export::render(app.marks.export.format, &records);
    vec![Effect::Export {
        path: PathBuf::from(destination),
        content,
        count: records.len(),
        overwrite,
    }]
}

/// What the run loop reports when the destination exists: the dialog opens again and `Enter`
/// on the same destination overwrites it.
pub fn exists(app: &mut App, path: &Path) {
    app.message = Some(super::update::error(format!(
        "{} exists: Enter again overwrites it, or edit the name",
        path.display()
    )));
    app.marks.export.confirm = Some(app.marks.export.destination());
    app.mode = Mode::Export;
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
