//! Which files the paths a user gives stand for: a file itself, a directory read recursively
//! for report files (`*.txt`, `*.docx`, `*.html`, `*.htm`), following symbolic links without
//! going round in circles, each directory's files sorted; and an error for each input that
//! cannot be listed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::formats::Format;
use super::load::LoadError;

/// Every file `paths` stand for (each path's files sorted, paths in the order given), and an
/// error for each input that cannot be listed.
pub fn list_inputs(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<LoadError>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        list(path, &mut files, &mut errors);
    }
    (files, errors)
}

/// The files `path` stands for, sorted, with an error for whatever cannot be listed.
pub(super) fn list(path: &Path, files: &mut Vec<PathBuf>, errors: &mut Vec<LoadError>) {
    let metadata = match std::fs::metadata(path) {
        Ok(metadata) => metadata,
        Err(source) => {
            errors.push(LoadError::Io {
                path: path.to_path_buf(),
                source,
            });
            return;
        }
    };
    if metadata.is_file() {
        files.push(path.to_path_buf());
    } else if metadata.is_dir() {
        let mut found = Vec::new();
        let mut ancestors = HashSet::new();
        walk(path, &mut ancestors, &mut found, errors);
        if found.is_empty() {
            errors.push(LoadError::NoReports {
                path: path.to_path_buf(),
            });
        }
        found.sort();
        files.append(&mut found);
    } else {
        errors.push(LoadError::NotAFile {
            path: path.to_path_buf(),
        });
    }
}

/// Read `dir` recursively for report files ([`Format::of_report`]), following symbolic links but not round in circles:
/// `ancestors` holds the canonical directories on the way down.
fn walk(
    dir: &Path,
    ancestors: &mut HashSet<PathBuf>,
    found: &mut Vec<PathBuf>,
    errors: &mut Vec<LoadError>,
) {
    let canonical = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    if !ancestors.insert(canonical.clone()) {
        return;
    }
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(source) => {
            errors.push(LoadError::Io {
                path: dir.to_path_buf(),
                source,
            });
            ancestors.remove(&canonical);
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(source) => {
                errors.push(LoadError::Io {
                    path: dir.to_path_buf(),
                    source,
                });
                continue;
            }
        };
        let path = entry.path();
        let file_type = entry.file_type().ok();
        let is_link = file_type.is_some_and(|t| t.is_symlink());
        // The directory listing tells files from directories; only a link needs a `stat`.
        let (is_dir, is_file) = match file_type {
            Some(t) if !t.is_symlink() => (t.is_dir(), t.is_file()),
            _ => match std::fs::metadata(&path) {
                Ok(metadata) => (metadata.is_dir(), metadata.is_file()),
                Err(source) => {
                    // A dangling or self-referencing link: report it only if it looks like a
                    // report.
                    if !is_link
                        || Format::of_report(&path).is_some()
                        || source.raw_os_error() == Some(40)
                    {
                        errors.push(LoadError::Io { path, source });
                    }
                    continue;
                }
            },
        };
        if is_dir {
            if is_link {
                let target = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if ancestors.contains(&target) {
                    errors.push(LoadError::SymlinkLoop { path, target });
                    continue;
                }
            }
            walk(&path, ancestors, found, errors);
        } else if is_file && Format::of_report(&path).is_some() {
            found.push(path);
        }
    }
    ancestors.remove(&canonical);
}
