//! Writing an export without destroying anything: never over the marks file, never replacing
//! a device, FIFO or symlink with a regular file (a device or FIFO is written through, a
//! symlink's target is replaced), and over an existing file only when asked to.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::marks::atomic::{target_of, write_atomically};

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The destination is the marks file itself.
    #[error("will not write {path}: it is the marks file; export somewhere else")]
    MarksFile {
        /// The destination.
        path: PathBuf,
    },
    /// The destination exists and overwriting was not asked for.
    #[error("will not write {path}: it exists (--force overwrites it)")]
    Exists {
        /// The destination.
        path: PathBuf,
    },
    /// Writing failed.
    #[error("cannot write {path}: {source}")]
    Io {
        /// The destination.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
}

/// Where an export goes and what it may replace.
#[derive(Debug, Clone, Copy, Default)]
pub struct Destination<'a> {
    /// Replace an existing regular file.
    pub overwrite: bool,
    /// The marks file, which is never written.
    pub marks_file: Option<&'a Path>,
}

/// Write `content` to `path` as `destination` allows. A regular file is written atomically (a
/// failed write leaves an earlier file intact); a device or FIFO is written through.
pub fn write_to(path: &Path, content: &str, destination: Destination) -> Result<(), ExportError> {
    let io_error = |source| ExportError::Io {
        path: path.to_path_buf(),
        source,
    };
    if destination
        .marks_file
        .is_some_and(|marks| same_file(path, marks))
    {
        return Err(ExportError::MarksFile {
            path: path.to_path_buf(),
        });
    }
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(io_error(io::Error::other("it is a directory"))),
        Ok(meta) if !meta.is_file() => OpenOptions::new()
            .write(true)
            .open(path)
            .and_then(|mut out| out.write_all(content.as_bytes()))
            .map_err(io_error),
        Ok(_) if !destination.overwrite => Err(ExportError::Exists {
            path: path.to_path_buf(),
        }),
        Ok(_) => write_atomically(path, content.as_bytes()).map_err(io_error),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            write_atomically(path, content.as_bytes()).map_err(io_error)
        }
        Err(e) => Err(io_error(e)),
    }
}

/// Whether `a` and `b` name the same file, through symlinks and `..`, existing or not.
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return (x.dev(), x.ino()) == (y.dev(), y.ino());
        }
    }
    normalised(a).is_some_and(|a| Some(a) == normalised(b))
}

/// `path`'s target with its directory made canonical.
fn normalised(path: &Path) -> Option<PathBuf> {
    let target = std::path::absolute(target_of(path)).ok()?;
    let name = target.file_name()?;
    let dir = target.parent()?;
    let dir = fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    Some(dir.join(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marks_file_is_refused_by_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let marks = dir.path().join("marks.json");
        fs::write(&marks, b"{}").unwrap();
        let roundabout = dir.path().join("sub/../marks.json");
        fs::create_dir(dir.path().join("sub")).unwrap();
        let to = Destination {
            overwrite: true,
            marks_file: Some(&marks),
        };
        assert!(matches!(
            write_to(&roundabout, "x", to),
            Err(ExportError::MarksFile { .. })
        ));
        assert_eq!(fs::read(&marks).unwrap(), b"{}");
        // Not there yet: still refused.
        let missing = dir.path().join("new.json");
        let to = Destination {
            overwrite: true,
            marks_file: Some(&missing),
        };
        assert!(write_to(&missing, "x", to).is_err());
        assert!(!missing.exists());
    }

    #[test]
    fn an_existing_file_is_kept_unless_overwriting_is_asked_for() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.md");
        fs::write(&out, b"old").unwrap();
        let error = write_to(&out, "new", Destination::default()).unwrap_err();
        assert!(matches!(error, ExportError::Exists { .. }), "{error}");
        assert_eq!(fs::read(&out).unwrap(), b"old");
        let force = Destination {
            overwrite: true,
            marks_file: None,
        };
        write_to(&out, "new", force).unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"new");
    }

    #[test]
    #[cfg(unix)]
    fn devices_are_written_through_and_symlinks_stay_links() {
        let force = Destination {
            overwrite: true,
            marks_file: None,
        };
        write_to(Path::new("/dev/null"), "x", force).unwrap();
        assert!(!fs::metadata("/dev/null").unwrap().is_file());
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.md");
        fs::write(&real, b"old").unwrap();
        let link = dir.path().join("link.md");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        write_to(&link, "new", force).unwrap();
        assert!(
            fs::symlink_metadata(&link)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(fs::read(&real).unwrap(), b"new");
    }
}
