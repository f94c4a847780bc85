//! The marks file on disk.
//!
//! Every change is written at once and atomically (see [`super::atomic`]), so a crash or
//! `kill -9` at any moment leaves either the old file or the new one, never a torn one. Saves
//! take an advisory lock, read the file again and merge this instance's changes into it (see
//! [`super::merge`]), so two instances on one file keep each other's marks. A file that cannot
//! be parsed is moved aside (`marks.json.bad-TIMESTAMP`) rather than overwritten; a file written
//! by a newer version, or one the user made read-only, is read and never written; fields this
//! version does not know are kept.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::atomic::{self, target_of};
use super::{Mark, Marks, ids, merge};

pub use super::atomic::write_atomically;

/// The environment variable that chooses the marks file when `--marks` is not given.
pub const MARKS_ENV: &str = "BAOGAO_MARKS";

/// Why the marks file could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum MarksError {
    /// Reading, writing or renaming failed.
    #[error("{path}: {source}")]
    Io {
        /// The file involved.
        path: PathBuf,
        /// What the operating system said.
        source: io::Error,
    },
    /// No marks file was given and there is no data directory to keep one in.
    #[error("no data directory for the marks file; pass --marks FILE or set {MARKS_ENV}")]
    NoDataDir,
    /// The file must not be written: made read-only, or written by a newer version.
    #[error("{path} is not written: {reason}")]
    ReadOnly {
        /// The file.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The file does not hold marks (it changed since it was read, or was always so).
    #[error("{path} could not be read ({reason}); not overwritten")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What the parser said.
        reason: String,
    },
}

/// The marks file as read: the marks, and anything the reader must be told about it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The marks in the file (none when it does not exist yet).
    pub marks: Marks,
    /// A message for the reader, e.g. that an unreadable file was moved aside.
    pub notice: Option<String>,
    /// Set when the file must not be written, with the reason (a newer version wrote it, or it
    /// is read-only).
    pub read_only: Option<String>,
}

/// What a merging save wrote.
#[derive(Debug)]
pub struct Saved {
    /// The marks now in the file: this instance's and any another instance saved meanwhile.
    pub marks: Marks,
    /// Whether another instance had changed the file since this one last read or wrote it.
    pub others_changed: bool,
}

/// What the file holds: a version for later changes of shape, the marks, and whatever a newer
/// version added (kept as it was).
#[derive(Serialize, Deserialize)]
struct MarksFile {
    version: u32,
    marks: Vec<Mark>,
    #[serde(flatten)]
    extra: serde_json::Map<String, serde_json::Value>,
}

/// The version this build writes; a file with a higher one is read but never written.
pub const VERSION: u32 = 1;

/// The marks file to use: `explicit` (`--marks`), else `$BAOGAO_MARKS`, else `marks.json` in
/// the platform's data directory (`$XDG_DATA_HOME/baogao/` on Linux).
pub fn resolve_path(explicit: Option<&Path>) -> Result<PathBuf, MarksError> {
    if let Some(path) = explicit {
        return Ok(path.to_path_buf());
    }
    if let Some(path) = std::env::var_os(MARKS_ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(path));
    }
    dirs::data_dir()
        .map(|dir| dir.join("baogao").join("marks.json"))
        .ok_or(MarksError::NoDataDir)
}

/// Read the marks at `path` for the browser. A missing file is an empty set — or, when an
/// interrupted save left a complete temporary file, that file's marks. Temporary files left by
/// interrupted saves are removed. A file that cannot be parsed is renamed to
/// `NAME.bad-TIMESTAMP` and reported in [`Loaded::notice`], so nothing is lost and the next
/// save does not overwrite it.
pub fn load(path: &Path) -> Result<Loaded, MarksError> {
    let target = target_of(path);
    let io_error = |source| MarksError::Io {
        path: path.to_path_buf(),
        source,
    };
    let _lock = atomic::lock(&target).map_err(io_error)?;
    let recovered = clean_temporaries(&target);
    let mut loaded = match read(path) {
        Err(MarksError::Corrupt { reason, .. }) => {
            let aside = aside_path(&target);
            fs::rename(&target, &aside).map_err(io_error)?;
            return Ok(Loaded {
                notice: Some(format!(
                    "{} could not be read ({reason}); it was moved to {} and a new marks file was started",
                    path.display(),
                    aside.display()
                )),
                ..Loaded::default()
            });
        }
        other => other?,
    };
    if let Some(from) = recovered {
        loaded.notice = Some(format!(
            "{} was missing; its marks were recovered from {}",
            path.display(),
            from.display()
        ));
    }
    Ok(loaded)
}

/// Read the marks at `path` and change nothing on disk (what `baogao export` does): a file that
/// cannot be parsed is an error.
pub fn read(path: &Path) -> Result<Loaded, MarksError> {
    let bytes = match fs::read(path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Loaded::default()),
        Err(source) => {
            return Err(MarksError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    };
    let file = parse_file(&bytes).map_err(|e| MarksError::Corrupt {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let mut marks = Marks { items: file.marks };
    let renumbered = ids::dedupe(&mut marks.items);
    let read_only = refusal(path, file.version);
    let mut notices = Vec::new();
    if let Some(reason) = &read_only {
        notices.push(format!(
            "{}: {reason}; changes will not be saved to it",
            path.display()
        ));
    }
    if renumbered > 0 {
        notices.push(format!(
            "{renumbered} marks in {} shared an id with another and were given their own",
            path.display()
        ));
    }
    Ok(Loaded {
        marks,
        notice: (!notices.is_empty()).then(|| notices.join("; ")),
        read_only,
    })
}

/// The marks held in the bytes of a marks file (a UTF-8 BOM is allowed).
pub fn parse(bytes: &[u8]) -> Result<Marks, serde_json::Error> {
    parse_file(bytes).map(|file| {
        let mut marks = Marks { items: file.marks };
        ids::dedupe(&mut marks.items);
        marks
    })
}

fn parse_file(bytes: &[u8]) -> Result<MarksFile, serde_json::Error> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    serde_json::from_slice::<MarksFile>(bytes)
}

/// Why `path` (holding a file of `version`) must not be written, if it must not.
fn refusal(path: &Path, version: u32) -> Option<String> {
    if version > VERSION {
        return Some(format!(
            "written by a newer baogao (marks file version {version}; this one writes {VERSION})"
        ));
    }
    let readonly = fs::metadata(path).is_ok_and(|m| m.permissions().readonly());
    readonly.then(|| "the file is read-only".to_string())
}

/// Write exactly `marks` to `path` atomically (no merge), creating its directory if needed.
pub fn save(path: &Path, marks: &Marks) -> Result<(), MarksError> {
    let target = target_of(path);
    let io_error = |source| MarksError::Io {
        path: path.to_path_buf(),
        source,
    };
    create_parent(&target).map_err(io_error)?;
    let _lock = atomic::lock(&target).map_err(io_error)?;
    write(path, marks, serde_json::Map::new())
}

/// Save this instance's changes: lock the file, read it again, apply the changes from `base`
/// (what this instance last read or wrote) to `ours` onto what it holds now, and write the
/// result. Returns the marks now in the file.
pub fn save_merged(path: &Path, base: &Marks, ours: &Marks) -> Result<Saved, MarksError> {
    let target = target_of(path);
    let io_error = |source| MarksError::Io {
        path: path.to_path_buf(),
        source,
    };
    create_parent(&target).map_err(io_error)?;
    let _lock = atomic::lock(&target).map_err(io_error)?;
    let (theirs, extra) = match fs::read(&target) {
        Ok(bytes) => {
            let file = parse_file(&bytes).map_err(|e| MarksError::Corrupt {
                path: path.to_path_buf(),
                reason: e.to_string(),
            })?;
            if let Some(reason) = refusal(&target, file.version) {
                return Err(MarksError::ReadOnly {
                    path: path.to_path_buf(),
                    reason,
                });
            }
            let mut marks = Marks { items: file.marks };
            ids::dedupe(&mut marks.items);
            (marks, file.extra)
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Default::default(),
        Err(source) => return Err(io_error(source)),
    };
    let merged = merge::merge(base, ours, &theirs);
    if merged != theirs || !target.exists() {
        write(path, &merged, extra)?;
    }
    Ok(Saved {
        others_changed: &theirs != base,
        marks: merged,
    })
}

/// The bytes of a marks file holding `marks` (what a rescue file holds too).
pub fn to_bytes(marks: &Marks) -> Vec<u8> {
    file_bytes(marks, serde_json::Map::new())
}

fn file_bytes(marks: &Marks, extra: serde_json::Map<String, serde_json::Value>) -> Vec<u8> {
    let file = MarksFile {
        version: VERSION,
        marks: marks.items.clone(),
        extra,
    };
    serde_json::to_vec_pretty(&file).expect("marks always serialise")
}

fn write(
    path: &Path,
    marks: &Marks,
    extra: serde_json::Map<String, serde_json::Value>,
) -> Result<(), MarksError> {
    write_atomically(path, &file_bytes(marks, extra)).map_err(|source| MarksError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// Create the directory that will hold `path`, private to the owner when it is new.
pub fn create_parent(path: &Path) -> io::Result<()> {
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir)
}

/// Remove the temporary files interrupted saves left beside `target` (the caller holds the
/// lock, so none is being written). When `target` is missing, the newest that holds marks
/// becomes it first; returns that file's former name.
fn clean_temporaries(target: &Path) -> Option<PathBuf> {
    let dir = match target.parent().filter(|d| !d.as_os_str().is_empty()) {
        Some(dir) => dir.to_path_buf(),
        None => PathBuf::from("."),
    };
    let prefix = atomic::temp_prefix(target);
    let mut temps: Vec<(std::time::SystemTime, PathBuf)> = fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(&prefix))
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| {
            let modified = e.metadata().and_then(|m| m.modified());
            (modified.unwrap_or(std::time::UNIX_EPOCH), e.path())
        })
        .collect();
    temps.sort();
    let mut recovered = None;
    if !target.exists() {
        while let Some((_, newest)) = temps.pop() {
            let holds_marks = fs::read(&newest).is_ok_and(|b| parse_file(&b).is_ok());
            if holds_marks && fs::rename(&newest, target).is_ok() {
                recovered = Some(newest);
                break;
            }
            let _ = fs::remove_file(&newest);
        }
    }
    for (_, temp) in temps {
        let _ = fs::remove_file(temp);
    }
    recovered
}

fn aside_path(path: &Path) -> PathBuf {
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
        .to_string()
        .replace(':', "");
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".bad-{stamp}"));
    let mut aside = path.with_file_name(&name);
    let mut n = 1;
    while aside.exists() {
        aside = path.with_file_name(format!("{}-{n}", name.to_string_lossy()));
        n += 1;
    }
    aside
}

#[cfg(test)]
mod tests;
