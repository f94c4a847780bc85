//! The marks file on disk.
//!
//! Every change is written at once and atomically — a temporary file beside the real one,
//! flushed to disk, then renamed over it — so a crash or `kill -9` at any moment leaves either
//! the old file or the new one, never a torn one. A file that cannot be parsed is moved aside
//! (`marks.json.bad-TIMESTAMP`) rather than overwritten, and the reader is told.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{Mark, Marks};

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
}

/// The marks file as read: the marks, and anything the reader must be told about it.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The marks in the file (none when it does not exist yet).
    pub marks: Marks,
    /// A message for the reader, e.g. that an unreadable file was moved aside.
    pub notice: Option<String>,
}

/// What the file holds: a version for later changes of shape, and the marks.
#[derive(Serialize, Deserialize)]
struct MarksFile {
    version: u32,
    marks: Vec<Mark>,
}

const VERSION: u32 = 1;

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

/// Read the marks at `path`. A missing file is an empty set. A file that cannot be parsed is
/// renamed to `NAME.bad-TIMESTAMP` and reported in [`Loaded::notice`], so nothing is lost and
/// the next save does not overwrite it.
pub fn load(path: &Path) -> Result<Loaded, MarksError> {
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
    match parse(&bytes) {
        Ok(marks) => Ok(Loaded {
            marks,
            notice: None,
        }),
        Err(parse_error) => {
            let aside = aside_path(path);
            fs::rename(path, &aside).map_err(|source| MarksError::Io {
                path: path.to_path_buf(),
                source,
            })?;
            Ok(Loaded {
                marks: Marks::default(),
                notice: Some(format!(
                    "{} could not be read ({parse_error}); it was moved to {} and a new marks file was started",
                    path.display(),
                    aside.display()
                )),
            })
        }
    }
}

/// The marks held in the bytes of a marks file.
pub fn parse(bytes: &[u8]) -> Result<Marks, serde_json::Error> {
    serde_json::from_slice::<MarksFile>(bytes).map(|file| Marks { items: file.marks })
}

/// Write `marks` to `path` atomically, creating its directory if needed.
pub fn save(path: &Path, marks: &Marks) -> Result<(), MarksError> {
    let io_error = |source| MarksError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io_error)?;
    }
    let file = MarksFile {
        version: VERSION,
        marks: marks.items.clone(),
    };
    let json = serde_json::to_vec_pretty(&file).expect("marks always serialise");
    write_atomically(path, &json).map_err(io_error)
}

/// Write `bytes` to `path` through a temporary file in the same directory, fsync, then rename.
/// Used for marks and for exports alike.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = temp_path(path);
    let result = (|| {
        let mut file = File::create(&temp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        fs::rename(&temp, path)?;
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            // Make the rename itself durable; not every platform lets a directory be opened.
            if let Ok(dir) = File::open(dir) {
                let _ = dir.sync_all();
            }
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn temp_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{}", std::process::id()));
    path.with_file_name(name)
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
        assert_eq!(
            fs::read_dir(path.parent().unwrap()).unwrap().count(),
            1,
            "no temp file left"
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
        fs::write(temp_path(&path), b"{\"version\": 1, \"ma").unwrap();
        assert_eq!(load(&path).unwrap().marks, marks);
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
    fn explicit_path_wins_over_the_environment() {
        let explicit = Path::new("/tmp/x/marks.json");
        assert_eq!(resolve_path(Some(explicit)).unwrap(), explicit);
    }
}
