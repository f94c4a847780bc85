//! The last resort for marks that could not be saved: a file of their own, created new
//! (never over anything, never through a symlink) and private, in the data directory, else
//! the temporary directory, else the working directory.

use std::io::Write;
use std::path::PathBuf;

use crate::marks::Marks;
use crate::marks::atomic::create_private;
use crate::marks::store;

/// Write `marks` to a new rescue file; returns where, or why every place failed.
pub fn rescue(marks: &Marks) -> Result<PathBuf, String> {
    let mut places: Vec<PathBuf> = Vec::new();
    places.extend(dirs::data_dir().map(|d| d.join("baogao")));
    places.push(std::env::temp_dir());
    places.extend(std::env::current_dir().ok());
    let bytes = store::to_bytes(marks);
    let stamp = humantime::format_rfc3339_seconds(std::time::SystemTime::now())
        .to_string()
        .replace(':', "");
    let mut failures = Vec::new();
    for dir in places {
        let path = dir.join(format!(
            "baogao-marks-rescued-{stamp}-{:08x}.json",
            crate::marks::random_u32()
        ));
        let written = store::create_parent(&path)
            .and_then(|()| create_private(&path))
            .and_then(|mut file| {
                file.write_all(&bytes)?;
                file.sync_all()
            });
        match written {
            Ok(()) => return Ok(path),
            Err(error) => {
                let _ = std::fs::remove_file(&path);
                failures.push(format!("{}: {error}", dir.display()));
            }
        }
    }
    Err(failures.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::load_embedded;

    #[test]
    fn rescued_marks_read_back_and_are_private() {
        let corpus = load_embedded();
        let mut marks = Marks::default();
        marks.add(&corpus.reports[0], 100..130);
        let path = rescue(&marks).unwrap();
        let back = store::parse(&std::fs::read(&path).unwrap()).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::remove_file(&path).unwrap();
        assert_eq!(back, marks);
    }
}
