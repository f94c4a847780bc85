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
mod tests {
    use super::*;
    use crate::corpus::load_embedded;

    fn some_marks() -> Marks {
        let corpus = load_embedded();
        let mut marks = Marks::default();
        marks.add(&corpus.reports[0], 100..160);
        let id = marks.add(&corpus.reports[1], 400..460);
        marks.set_note(id, "对比2021年\n第二行");
        marks
    }

    #[test]
    fn save_then_load_gives_the_same_marks() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("deep/er/marks.json");
        let marks = some_marks();
        save(&path, &marks).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.marks, marks);
        assert!(loaded.notice.is_none());
        let left: Vec<_> = fs::read_dir(path.parent().unwrap())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        assert!(
            left.iter()
                .all(|n| n == "marks.json" || n == "marks.json.lock"),
            "no temp file left: {left:?}"
        );
    }

    #[test]
    fn a_missing_file_is_an_empty_set() {
        let dir = tempfile::tempdir().unwrap();
        let loaded = load(&dir.path().join("marks.json")).unwrap();
        assert!(loaded.marks.items.is_empty());
        assert!(loaded.notice.is_none());
    }

    #[test]
    fn a_corrupt_file_is_moved_aside_not_overwritten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        fs::write(&path, b"{\"version\": 1, \"marks\": [tor").unwrap();
        let loaded = load(&path).unwrap();
        assert!(loaded.marks.items.is_empty());
        let notice = loaded.notice.unwrap();
        assert!(notice.contains("moved to"), "{notice}");
        let aside: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| !n.ends_with(".lock"))
            .collect();
        assert_eq!(aside.len(), 1);
        assert!(aside[0].starts_with("marks.json.bad-"), "{aside:?}");
        let kept = fs::read(dir.path().join(&aside[0])).unwrap();
        assert_eq!(kept, b"{\"version\": 1, \"marks\": [tor");
        assert!(notice.contains(&aside[0]));
    }

    #[test]
    fn a_stale_temporary_file_from_an_interrupted_save_loses_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        let marks = some_marks();
        save(&path, &marks).unwrap();
        // A save killed after writing half its temporary file, before the rename.
        let stale = atomic::temp_name(&path);
        fs::write(&stale, b"{\"version\": 1, \"ma").unwrap();
        assert_eq!(load(&path).unwrap().marks, marks);
        assert!(!stale.exists(), "cleaned on start");
        let mut more = marks.clone();
        more.set_note(1, "after the crash");
        save(&path, &more).unwrap();
        assert_eq!(load(&path).unwrap().marks, more);
    }

    #[test]
    fn a_failed_save_reports_the_path_and_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let blocker = dir.path().join("not-a-dir");
        fs::write(&blocker, b"").unwrap();
        let path = blocker.join("marks.json");
        let error = save(&path, &some_marks()).unwrap_err();
        assert!(error.to_string().contains("not-a-dir"), "{error}");
    }

    #[test]
    fn a_complete_temporary_file_recovers_a_missing_marks_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        let marks = some_marks();
        save(&path, &marks).unwrap();
        fs::rename(&path, atomic::temp_name(&path)).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.marks, marks);
        assert!(loaded.notice.unwrap().contains("recovered"));
        assert_eq!(parse(&fs::read(&path).unwrap()).unwrap(), marks);
    }

    #[test]
    fn a_bom_is_accepted() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        let marks = some_marks();
        save(&path, &marks).unwrap();
        let mut bytes = b"\xEF\xBB\xBF".to_vec();
        bytes.extend(fs::read(&path).unwrap());
        fs::write(&path, bytes).unwrap();
        let loaded = load(&path).unwrap();
        assert_eq!(loaded.marks, marks);
        assert!(loaded.notice.is_none());
    }

    #[test]
    fn a_newer_file_is_read_and_never_written_and_unknown_fields_survive() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        save(&path, &some_marks()).unwrap();
        let mut json: serde_json::Value =
            serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        json["version"] = 2.into();
        json["tags"] = serde_json::json!(["kept"]);
        json["marks"][0]["colour"] = "red".into();
        fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
        let before = fs::read(&path).unwrap();
        let loaded = load(&path).unwrap();
        assert!(loaded.read_only.unwrap().contains("newer"));
        assert_eq!(loaded.marks.items.len(), 2);
        let base = loaded.marks.clone();
        let mut ours = base.clone();
        ours.items.pop();
        assert!(matches!(
            save_merged(&path, &base, &ours),
            Err(MarksError::ReadOnly { .. })
        ));
        assert_eq!(fs::read(&path).unwrap(), before);

        // A version-1 file with unknown fields keeps them through a save.
        json["version"] = 1.into();
        fs::write(&path, serde_json::to_vec(&json).unwrap()).unwrap();
        let loaded = load(&path).unwrap();
        let mut ours = loaded.marks.clone();
        let first = ours.items[0].id;
        ours.set_note(first, "edited");
        save_merged(&path, &loaded.marks, &ours).unwrap();
        let written: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(written["tags"], serde_json::json!(["kept"]));
        assert_eq!(written["marks"][0]["colour"], "red");
        assert_eq!(written["marks"][0]["note"], "edited");
    }

    #[test]
    fn a_read_only_file_is_respected() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        save(&path, &some_marks()).unwrap();
        let mut permissions = fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        fs::set_permissions(&path, permissions).unwrap();
        let loaded = load(&path).unwrap();
        assert!(loaded.read_only.is_some());
        let before = fs::read(&path).unwrap();
        let result = save_merged(&path, &loaded.marks, &Marks::default());
        assert!(
            matches!(result, Err(MarksError::ReadOnly { .. })),
            "{result:?}"
        );
        assert_eq!(fs::read(&path).unwrap(), before);
    }

    #[test]
    fn two_instances_saving_keep_both_marks_and_the_second_is_told() {
        let corpus = load_embedded();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        let base = load(&path).unwrap().marks;
        let mut one = base.clone();
        let mut two = base.clone();
        let a = one.add(&corpus.reports[0], 100..130);
        let b = two.add(&corpus.reports[0], 200..230);
        let saved = save_merged(&path, &base, &one).unwrap();
        assert!(!saved.others_changed);
        let saved = save_merged(&path, &base, &two).unwrap();
        assert!(saved.others_changed);
        let on_disk = load(&path).unwrap().marks;
        assert!(on_disk.get(a).is_some() && on_disk.get(b).is_some());
        assert_eq!(saved.marks, on_disk);
    }

    #[test]
    fn explicit_path_wins_over_the_environment() {
        let explicit = Path::new("/tmp/x/marks.json");
        assert_eq!(resolve_path(Some(explicit)).unwrap(), explicit);
    }
}
