//! Reading reports from disk (or the embedded set) into [`Report`]s: which paths, in what order,
//! and one clear error per input that cannot be read. Files are decoded and parsed in parallel
//! (rayon), each independently, and come back in a stable, sorted order.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::decode::Decoded;
use super::formats::{self, Format};
use super::listing::list;
pub use super::listing::list_inputs;
use super::load_error::{LoadError, decode_reporting};
use super::ordered::load_each_in_order;
use super::parse::{infer_meta, parse_text};
use super::{Corpus, Report, embedded, meta};

/// Load the reports compiled into the binary.
pub fn load_embedded() -> Corpus {
    let results: Vec<_> = embedded::REPORTS
        .par_iter()
        .map(|(name, bytes)| load_bytes(name, None, bytes.to_vec()))
        .collect();
    collect(results)
}

/// Load every report under `paths` (files, or directories read recursively for `*.txt`,
/// `*.docx`, `*.html` and `*.htm`). Each path's files are sorted; paths keep the order given.
pub fn load_paths(paths: &[PathBuf]) -> Corpus {
    let (reports, errors) = load_each(paths, load_file);
    Corpus { reports, errors }
}

/// Pass every file under `paths` (as [`load_paths`] finds them) through `load`, in parallel.
/// What it returns comes back in the files' order; errors in the order of the inputs: an
/// input's listing errors, then its files'.
pub fn load_each<T: Send>(
    paths: &[PathBuf],
    load: impl Fn(&Path) -> (Option<T>, Option<LoadError>) + Sync,
) -> (Vec<T>, Vec<LoadError>) {
    let mut loaded = Vec::new();
    let mut errors = Vec::new();
    load_in_order(paths, load, |value, error| {
        loaded.extend(value);
        errors.extend(error);
        ControlFlow::Continue(())
    });
    (loaded, errors)
}

/// Pass every file under `paths` through `load` on every core, and hand each outcome to `each`
/// on the calling thread in the files' order (an input's listing errors first, as `(None,
/// Some(error))`), as soon as it and all before it are done. A command can so print report
/// after report while the next ones load, holding only the few in flight (see
/// [`super::ordered`]); `each` breaking (the output closed, say) stops the loading.
pub fn load_in_order<T: Send>(
    paths: &[PathBuf],
    load: impl Fn(&Path) -> (Option<T>, Option<LoadError>) + Sync,
    mut each: impl FnMut(Option<T>, Option<LoadError>) -> ControlFlow<()>,
) {
    // List every input first (cheap, sequential), then read all files in one stream, so that
    // many inputs of one file each still load on every core.
    let mut files = Vec::new();
    let mut listed = Vec::with_capacity(paths.len());
    for path in paths {
        let first = files.len();
        let mut errors = Vec::new();
        list(path, &mut files, &mut errors);
        listed.push((first, errors));
    }
    // An input's listing errors go out just before its first file (or the next input's).
    let mut listed = listed.into_iter().peekable();
    let mut errors_before =
        |index: usize, each: &mut dyn FnMut(Option<T>, Option<LoadError>) -> ControlFlow<()>| {
            while let Some((_, errors)) = listed.next_if(|(first, _)| *first <= index) {
                for error in errors {
                    each(None, Some(error))?;
                }
            }
            ControlFlow::Continue(())
        };
    let mut flow = ControlFlow::Continue(());
    load_each_in_order(
        &files,
        |path| load(path),
        |index, (value, error)| {
            flow = match errors_before(index, &mut each) {
                ControlFlow::Continue(()) => each(value, error),
                stop => stop,
            };
            flow
        },
    );
    if flow.is_continue() {
        let _ = errors_before(usize::MAX, &mut each);
    }
}

/// A report, an error, or both (a report loaded with damaged bytes replaced).
pub type Loaded = (Option<Report>, Option<LoadError>);

fn collect(results: Vec<Loaded>) -> Corpus {
    // Keeps the order of `results`.
    let mut corpus = Corpus::default();
    for (report, error) in results {
        corpus.reports.extend(report);
        corpus.errors.extend(error);
    }
    corpus
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Read, decode (or convert, for a Word file or web page) and parse one file, and overlay its
/// sidecar metadata.
pub fn load_file(path: &Path) -> Loaded {
    let (report, error) = load_file_text(path);
    let report = report.map(|mut report| {
        complete_meta(&mut report);
        report
    });
    (report, error)
}

/// [`load_file`] but for the metadata, left empty (see [`parse_text`]): what a browser shows
/// first. [`complete_meta`] fills the metadata in.
pub fn load_file_text(path: &Path) -> Loaded {
    let (decoded, error) = read_text(path);
    let Some(decoded) = decoded else {
        return (None, error);
    };
    let report = parse_decoded(&file_name(path), Some(path.to_path_buf()), decoded, &error);
    (Some(report), error)
}

/// Fill in the metadata of a report loaded without it ([`load_file_text`],
/// [`load_bytes_text`]): inferred from its text, then overlaid with the sidecar beside its file,
/// if any. A sidecar that cannot be used is noted among the report's warnings.
pub fn complete_meta(report: &mut Report) {
    report.meta = infer_meta(report);
    let Some(path) = report.path.clone() else {
        return;
    };
    if let Err(problem) = meta::apply_sidecar(&mut report.meta, &path) {
        report
            .warnings
            .push(format!("sidecar metadata ignored: {problem}"));
    }
}

/// Decode and parse one report's bytes; `path` names it in errors (the file name when `None`).
pub fn load_bytes(file: &str, path: Option<PathBuf>, bytes: Vec<u8>) -> Loaded {
    let (report, error) = load_bytes_text(file, path, bytes);
    let report = report.map(|mut report| {
        report.meta = infer_meta(&report);
        report
    });
    (report, error)
}

/// [`load_bytes`] but for the metadata, left empty (see [`complete_meta`]).
pub fn load_bytes_text(file: &str, path: Option<PathBuf>, bytes: Vec<u8>) -> Loaded {
    let shown = path.clone().unwrap_or_else(|| PathBuf::from(file));
    let (decoded, error) = decode_reporting(shown, bytes);
    let report = decoded.map(|decoded| parse_decoded(file, path, decoded, &error));
    (report, error)
}

/// Parse decoded text without its metadata, noting in the report why its reading was not clean.
fn parse_decoded(
    file: &str,
    path: Option<PathBuf>,
    decoded: Decoded,
    error: &Option<LoadError>,
) -> Report {
    let mut report = parse_text(
        file,
        path,
        decoded.text,
        decoded.encoding,
        &decoded.headings,
    );
    if let Some(LoadError::Damaged { reason, .. }) = error {
        report.warnings.push(reason.clone());
    }
    report
}

/// Read and decode one file without parsing it (for a search, which needs only the text): the
/// text (a Word file's or web page's converted, see [`formats`]), or why there is none, and
/// the same error [`load_file`] would report.
pub fn read_text(path: &Path) -> (Option<Decoded>, Option<LoadError>) {
    match read(path) {
        Ok(bytes) => formats::to_text(path, Format::of_file(path, &bytes), bytes),
        Err(error) => (None, Some(error)),
    }
}

fn read(path: &Path) -> Result<Vec<u8>, LoadError> {
    std::fs::read(path).map_err(|source| LoadError::Io {
        path: path.to_path_buf(),
        source,
    })
}
