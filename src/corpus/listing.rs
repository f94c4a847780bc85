//! Which files the paths a user gives stand for: a file itself, a directory read recursively
//! for report files (`*.txt`, `*.docx`, `*.html`, `*.htm`), following symbolic links without
//! going round in circles, each directory's files sorted; and an error for each input that
//! cannot be listed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::formats::Format;
use super::load_error::LoadError;

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
            if is_saved_page_assets(&path) {
                continue;
            }
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

/// Whether `dir` holds the images, scripts and frames a browser (or Word) saved beside a page:
/// `报告_files/` or `报告.files/` next to `报告.html` or `报告.htm`. Its `.htm` frames (share
/// buttons, adverts) are not reports.
fn is_saved_page_assets(dir: &Path) -> bool {
    let Some(name) = dir.file_name().and_then(|n| n.to_str()) else {
        return false;
    };
    let Some(page) = name
        .strip_suffix("_files")
        .or_else(|| name.strip_suffix(".files"))
    else {
        return false;
    };
    ["html", "htm", "HTML", "HTM"]
        .iter()
        .any(|ext| dir.with_file_name(format!("{page}.{ext}")).is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_saved_page_s_assets_are_not_reports() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        std::fs::write(root.join("报告.html"), "<p>一、总体要求</p>").unwrap();
        std::fs::create_dir(root.join("报告_files")).unwrap();
        std::fs::write(root.join("报告_files/saved_resource.html"), "<p>分享</p>").unwrap();
        std::fs::write(root.join("旧.htm"), "<p>一、总体要求</p>").unwrap();
        std::fs::create_dir(root.join("旧.files")).unwrap();
        std::fs::write(root.join("旧.files/frame.htm"), "<p>广告</p>").unwrap();
        // A folder that only looks like one, with no page beside it, is read.
        std::fs::create_dir(root.join("2024_files")).unwrap();
        std::fs::write(root.join("2024_files/a.txt"), "一、总体要求\n").unwrap();
        let (files, errors) = list_inputs(&[root.to_path_buf()]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = files
            .iter()
            .map(|f| f.strip_prefix(root).unwrap().display().to_string())
            .collect();
        assert_eq!(names, ["2024_files/a.txt", "报告.html", "旧.htm"]);
    }
}
