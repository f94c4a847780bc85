//! Why an input could not be loaded, one error per input a user can act on, and decoding that
//! reports it.

use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::decode::{Decoded, decode};

/// The file extensions a directory is searched for (those `formats` reads), as the error for
/// a directory without reports names them.
pub const REPORT_EXTENSIONS: &str = "*.txt, *.docx, *.html or *.htm";

/// Why one input could not be loaded (or, for [`LoadError::Damaged`], loaded only in part).
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The path could not be read.
    #[error("{}: {}", path.display(), io_reason(source))]
    Io {
        /// The path as given.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The bytes are not text in any supported encoding (or no text at all).
    #[error("{}: {reason}", path.display())]
    Undecodable {
        /// The path as given.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// A directory holds no report file (`*.txt`, `*.docx`, `*.html`, `*.htm`).
    #[error("{}: no reports here (no {} files in this directory)", path.display(), REPORT_EXTENSIONS)]
    NoReports {
        /// The directory.
        path: PathBuf,
    },
    /// A symbolic link leads back into a directory being read.
    #[error("{}: symlink loop (leads back to {}); skipped", path.display(), target.display())]
    SymlinkLoop {
        /// The link.
        path: PathBuf,
        /// The directory it leads back to.
        target: PathBuf,
    },
    /// The path is neither a file nor a directory (a device, a pipe…).
    #[error("{}: not a regular file or directory", path.display())]
    NotAFile {
        /// The path as given.
        path: PathBuf,
    },
    /// A Word file or web page that cannot be read: not a zip, damaged, too large, no text…
    #[error("{}: {reason}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why it was refused.
        reason: String,
    },
    /// The report loaded, but not cleanly: damaged bytes were replaced by U+FFFD, or a web
    /// page was read in another charset than it declares.
    #[error("{}: {reason}", path.display())]
    Damaged {
        /// The file.
        path: PathBuf,
        /// What was replaced, and where.
        reason: String,
    },
}

impl LoadError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            LoadError::Io { path, .. }
            | LoadError::Undecodable { path, .. }
            | LoadError::NoReports { path }
            | LoadError::SymlinkLoop { path, .. }
            | LoadError::NotAFile { path }
            | LoadError::Unreadable { path, .. }
            | LoadError::Damaged { path, .. } => path,
        }
    }

    /// Whether the input was loaded anyway (damaged bytes replaced, a charset guessed).
    pub fn is_partial(&self) -> bool {
        matches!(self, LoadError::Damaged { .. })
    }
}

fn io_reason(error: &std::io::Error) -> String {
    match error.kind() {
        ErrorKind::NotFound => "no such file or directory".to_string(),
        ErrorKind::PermissionDenied => "permission denied (cannot read)".to_string(),
        _ => format!("cannot read: {error}"),
    }
}

/// Decode `bytes`, naming the file `shown` in the error: none, undecodable, or damaged (the
/// text kept, the damage replaced).
pub fn decode_reporting(shown: PathBuf, bytes: Vec<u8>) -> (Option<Decoded>, Option<LoadError>) {
    match decode(bytes) {
        Ok(decoded) => {
            let error = (decoded.replaced > 0).then(|| LoadError::Damaged {
                reason: format!(
                    "{} invalid UTF-8 byte sequence(s) replaced by U+FFFD, the first on line {}; loaded anyway",
                    decoded.replaced, decoded.first_damage_line
                ),
                path: shown,
            });
            (Some(decoded), error)
        }
        Err(reason) => (
            None,
            Some(LoadError::Undecodable {
                path: shown,
                reason: reason.to_string(),
            }),
        ),
    }
}
