//! Writing files so that nothing is lost or exposed: temporary files with random names,
//! created exclusively (never through a planted symlink) and readable by the owner only,
//! flushed, then renamed over the destination — or over what a symlink points to, so the link
//! stays a link. Also the advisory lock that serialises instances saving one marks file.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use super::ids::random_u32;

/// How long a save waits for another instance to finish its own.
const LOCK_PATIENCE: Duration = Duration::from_secs(3);

/// What `path` names once symlinks are followed: the file a write must replace. A path that
/// is not a symlink (or does not exist) is itself.
pub fn target_of(path: &Path) -> PathBuf {
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if !is_link {
        return path.to_path_buf();
    }
    if let Ok(real) = fs::canonicalize(path) {
        return real;
    }
    // A dangling link: its target, relative to the link's directory.
    match fs::read_link(path) {
        Ok(to) if to.is_absolute() => to,
        Ok(to) => path.parent().unwrap_or(Path::new("")).join(to),
        Err(_) => path.to_path_buf(),
    }
}

/// Create a new file at `path` that did not exist, readable and writable by the owner only.
pub fn create_private(path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

/// `NAME.tmp-RANDOM` beside `path`.
pub fn temp_name(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(format!(".tmp-{:08x}{:08x}", random_u32(), random_u32()));
    path.with_file_name(name)
}

/// The prefix every temporary file of `path` starts with.
pub fn temp_prefix(path: &Path) -> String {
    format!(
        "{}.tmp-",
        path.file_name().unwrap_or_default().to_string_lossy()
    )
}

/// Write `bytes` to `path` through a private temporary file in the same directory, fsync, then
/// rename over it (over a symlink's target, keeping the link). An existing file keeps its
/// permissions; a new one is the owner's only.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let target = target_of(path);
    let mut temp = temp_name(&target);
    let mut file = loop {
        match create_private(&temp) {
            Ok(file) => break file,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => temp = temp_name(&target),
            Err(e) => return Err(e),
        }
    };
    let result = (|| {
        file.write_all(bytes)?;
        if let Ok(existing) = fs::metadata(&target) {
            file.set_permissions(existing.permissions())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&temp, &target)?;
        if let Some(dir) = target.parent().filter(|d| !d.as_os_str().is_empty()) {
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

/// An exclusive advisory lock on `path` (through `NAME.lock` beside it, since the file itself
/// is replaced by every save), held until the returned file is dropped. Waits a few seconds for
/// another instance; `Ok(None)` when the directory cannot hold a lock file or the file system
/// has no locks, so saving still works there, unserialised.
pub fn lock(path: &Path) -> io::Result<Option<File>> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    let lock_path = path.with_file_name(name);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    let Ok(file) = options.open(&lock_path) else {
        return Ok(None);
    };
    let start = Instant::now();
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(fs::TryLockError::WouldBlock) if start.elapsed() < LOCK_PATIENCE => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(fs::TryLockError::WouldBlock) => {
                return Err(io::Error::new(
                    io::ErrorKind::WouldBlock,
                    format!(
                        "{} is held by another process for more than {} s",
                        lock_path.display(),
                        LOCK_PATIENCE.as_secs()
                    ),
                ));
            }
            Err(fs::TryLockError::Error(_)) => return Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_file_is_private_and_a_symlink_stays_a_link() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real.json");
        write_atomically(&real, b"one").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o600);
            let link = dir.path().join("link.json");
            std::os::unix::fs::symlink(&real, &link).unwrap();
            write_atomically(&link, b"two").unwrap();
            assert!(
                fs::symlink_metadata(&link)
                    .unwrap()
                    .file_type()
                    .is_symlink()
            );
            assert_eq!(fs::read(&real).unwrap(), b"two");
        }
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert!(names.len() <= 2, "no temporary file left");
    }

    #[test]
    fn temporary_names_are_random_and_never_reused() {
        let path = Path::new("/x/marks.json");
        let (a, b) = (temp_name(path), temp_name(path));
        assert_ne!(a, b);
        assert!(
            a.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&temp_prefix(path))
        );
    }

    #[test]
    #[cfg(unix)]
    fn a_planted_symlink_is_never_followed_by_a_private_create() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        fs::write(&victim, b"keep").unwrap();
        let planted = dir.path().join("planted");
        std::os::unix::fs::symlink(&victim, &planted).unwrap();
        assert!(create_private(&planted).is_err());
        assert_eq!(fs::read(&victim).unwrap(), b"keep");
    }

    #[test]
    fn a_second_lock_waits_for_the_first() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("marks.json");
        let held = lock(&path).unwrap().expect("locks work here");
        let released = std::thread::spawn({
            let path = path.clone();
            move || {
                let start = Instant::now();
                let _second = lock(&path).unwrap();
                start.elapsed()
            }
        });
        std::thread::sleep(Duration::from_millis(200));
        drop(held);
        assert!(released.join().unwrap() >= Duration::from_millis(150));
    }
}
