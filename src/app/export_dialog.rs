//! The export dialog over the panes: a format (`Tab` cycles through those of what is exported)
//! and a destination; `Enter` exports. The marks list's dialog (`e`) exports the marks; the
//! compare view's (`Ctrl-s`) the picked indicator's rows, or its targets table when that shows,
//! in the columns `baogao compare` and `baogao targets` write.

use std::path::{Path, PathBuf};

use tui_textarea::TextArea;

use super::{Action, App, Effect, Message, Mode};
use crate::export::{self, Format};

/// What an export dialog writes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Subject {
    /// Every mark, with its citation.
    #[default]
    Marks,
    /// The compare view's rows of the picked indicator, as `baogao compare` writes them.
    CompareRows,
    /// The compare view's targets table, as `baogao targets` writes it.
    Targets,
}

impl Subject {
    /// The formats it can be written in, in the order `Tab` cycles through them.
    pub fn formats(self) -> &'static [Format] {
        match self {
            Subject::Marks => &Format::ALL,
            Subject::CompareRows | Subject::Targets => &export::compare::FORMATS,
        }
    }
}

/// The export dialog's choices.
#[derive(Debug, Clone)]
pub struct ExportDialog {
    /// What it exports.
    pub subject: Subject,
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
            subject: Subject::Marks,
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

/// The dialog open (or last opened): the compare view's while it exports, else the marks'.
pub fn active(app: &App) -> &ExportDialog {
    match app.compare.exporting {
        true => &app.compare.export,
        false => &app.export,
    }
}

/// The dialog open, to change.
pub(super) fn active_mut(app: &mut App) -> &mut ExportDialog {
    match app.compare.exporting {
        true => &mut app.compare.export,
        false => &mut app.export,
    }
}

/// The mode the dialog returns to when it closes.
fn back_to(app: &App) -> Mode {
    match app.compare.exporting {
        true => Mode::Compare,
        false => Mode::Normal,
    }
}

/// `Ctrl-s` in the compare view: open the dialog on the targets table when it shows, else on
/// the rows, unless there is nothing to export. The destination proposed names the indicator
/// (`./baogao-compare-生产总值.csv`); the format chosen last is kept.
pub(super) fn open_table(app: &mut App) {
    let view = &app.compare;
    let (subject, empty, kind) = match view.targets.shown {
        true => (Subject::Targets, view.targets.rows.is_empty(), "targets"),
        false => (Subject::CompareRows, view.rows.is_empty(), "compare"),
    };
    let Some(name) = view.entry().map(|e| e.name.clone()).filter(|_| !empty) else {
        app.message = Some(Message::info(
            "nothing to export: pick an indicator with rows first",
        ));
        return;
    };
    let dialog = &mut app.compare.export;
    // The first time (the dialog is still the default one), CSV: what a table is wanted in.
    if dialog.subject == Subject::Marks || !subject.formats().contains(&dialog.format) {
        dialog.format = subject.formats()[0];
    }
    dialog.subject = subject;
    dialog.confirm = None;
    let safe: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect();
    let proposed = format!("./baogao-{kind}-{safe}.{}", dialog.format.extension());
    dialog.input = TextArea::new(vec![proposed]);
    dialog.input.move_cursor(tui_textarea::CursorMove::End);
    app.compare.exporting = true;
    app.mode = Mode::Export;
}

/// `e`: open the export dialog, unless there is nothing to export.
pub(super) fn open(app: &mut App) {
    app.compare.exporting = false;
    if app.marks.all.items.is_empty() {
        app.message = Some(Message::info(
            "no marks to export yet: m marks the sentence under the cursor",
        ));
        return;
    }
    // Typing appends to the destination proposed (Ctrl-u clears it, as in a shell).
    app.export.input.move_cursor(tui_textarea::CursorMove::End);
    app.mode = Mode::Export;
}

/// Keys while the export dialog is open.
pub(super) fn handle(app: &mut App, action: Action) -> Vec<Effect> {
    match action {
        Action::ExportInput(key) => {
            let dialog = active_mut(app);
            if super::text_input::type_key(&mut dialog.input, key) {
                dialog.confirm = None;
            }
        }
        Action::CycleExportFormat => cycle_format(app),
        Action::CancelExport => app.mode = back_to(app),
        Action::SubmitExport => return submit(app),
        _ => {}
    }
    Vec::new()
}

fn cycle_format(app: &mut App) {
    let dialog = active_mut(app);
    dialog.confirm = None;
    let formats = dialog.subject.formats();
    let at = formats
        .iter()
        .position(|f| *f == dialog.format)
        .unwrap_or(0);
    let next = formats[(at + 1) % formats.len()];
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
    let dialog = active(app);
    let destination = dialog.destination();
    if destination.is_empty() {
        app.message = Some(Message::error(format!(
            "type where to export {}",
            what(dialog.subject)
        )));
        return Vec::new();
    }
    let overwrite = dialog.confirm.as_ref() == Some(&destination);
    let (format, subject) = (dialog.format, dialog.subject);
    active_mut(app).confirm = None;
    app.mode = back_to(app);
    let (content, count) = match subject {
        Subject::Marks => {
            let records = export::records(&app.marks.all, &app.corpus.reports, &app.figures);
            (export::render(format, &records), records.len())
        }
        Subject::CompareRows => {
            let view = &app.compare;
            let name = view.entry().map(|e| e.name.as_str()).unwrap_or_default();
            let rows = export::compare::compare_rows(&view.rows, &app.corpus.reports, &app.figures);
            (
                export::compare::render_compare(format, name, &rows),
                rows.len(),
            )
        }
        Subject::Targets => {
            let view = &app.compare;
            let chosen: Vec<&crate::targets::Paired> = view
                .targets
                .rows
                .iter()
                .filter_map(|&i| view.targets.all.get(i))
                .collect();
            let content =
                export::targets::render_targets(format, &app.corpus.reports, &app.figures, &chosen);
            (content, chosen.len())
        }
    };
    vec![Effect::Export {
        path: PathBuf::from(destination),
        content,
        count,
        overwrite,
    }]
}

/// What a subject is called in messages.
fn what(subject: Subject) -> &'static str {
    match subject {
        Subject::Marks => "the marks",
        Subject::CompareRows => "the rows",
        Subject::Targets => "the targets",
    }
}

/// `count` items of `subject`: `3 marks`, `1 row`, `12 targets`.
fn count_of(subject: Subject, count: usize) -> String {
    match (subject, count) {
        (Subject::Marks, _) => super::marks::count_of(count),
        (Subject::CompareRows, 1) => "1 row".into(),
        (Subject::CompareRows, n) => format!("{n} rows"),
        (Subject::Targets, 1) => "1 target".into(),
        (Subject::Targets, n) => format!("{n} targets"),
    }
}

/// What the run loop reports when the destination exists: the dialog opens again and `Enter`
/// on the same destination overwrites it.
pub fn exists(app: &mut App, path: &Path) {
    app.message = Some(Message::error(format!(
        "{} exists: Enter again overwrites it, or edit the name",
        path.display()
    )));
    let dialog = active_mut(app);
    dialog.confirm = Some(dialog.destination());
    app.mode = Mode::Export;
}

/// What the run loop reports after writing an export: on failure the dialog opens again so the
/// destination can be fixed; what was exported is untouched either way.
pub fn exported(app: &mut App, path: &Path, count: usize, result: Result<(), String>) {
    let subject = active(app).subject;
    match result {
        Ok(()) => {
            app.message = Some(Message::info(&format!(
                "exported {} to {}",
                count_of(subject, count),
                path.display()
            )));
        }
        Err(reason) => {
            app.message = Some(Message::error(format!(
                "export failed: {reason}; {} are untouched",
                what(subject)
            )));
            app.mode = Mode::Export;
        }
    }
}
