//! An output file that appears complete or not at all.
//!
//! Records are written to a hidden temporary file in the target's directory (so the final rename
//! stays on one file system and is atomic), which [`AtomicFile::commit`] syncs and renames over
//! the target. It is named `.TARGET.lgsco-tmp-PID-N`, or `.lgsco-tmp-PID-N` when that would be
//! longer than a file name may be. Dropping an uncommitted `AtomicFile` (an error, a panic)
//! removes the temporary file, and so does any signal that ends the program and can be caught
//! (see [`super::interrupt`]). Only SIGKILL, which no process can catch, leaves it behind,
//! recognisable by the `.lgsco-tmp` in its name.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::interrupt;

/// The longest file name most file systems take (`NAME_MAX`).
const MAX_NAME_BYTES: usize = 255;

/// A temporary file that becomes `target` on [`AtomicFile::commit`].
pub struct AtomicFile {
    target: PathBuf,
    temp: PathBuf,
    file: Option<BufWriter<File>>,
    /// The permissions of the file being replaced, given to the new one.
    keep: Option<fs::Permissions>,
    committed: bool,
}

impl AtomicFile {
    /// Creates the temporary file beside `target`; `target` itself is untouched until commit.
    /// Only a regular file (whose permissions the new one keeps) or a new path can be a target:
    /// a link, a device (`/dev/null`), a FIFO or a directory is refused, never replaced.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
        let keep = match fs::symlink_metadata(target) {
            Ok(meta) if meta.is_file() => Some(meta.permissions()),
            Ok(meta) => {
                let what = if meta.file_type().is_symlink() {
                    "a symbolic link"
                } else if meta.is_dir() {
                    "a directory"
                } else {
                    "not a regular file"
                };
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("{what}; only a regular file or a new path is replaced"),
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(e),
        };
        let name = target
            .file_name()
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
        let dir = match target.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut attempt = 0u32;
        loop {
            let suffix = format!(".lgsco-tmp-{}-{attempt}", std::process::id());
            let mut temp_name = std::ffi::OsString::from(".");
            temp_name.push(name);
            temp_name.push(&suffix);
            // A name that is valid but near the limit would be pushed over it by the suffix.
            if temp_name.len() > MAX_NAME_BYTES {
                temp_name = suffix.into();
            }
            let temp = dir.join(temp_name);
            // Recorded before it exists, so a signal from now on removes it.
            interrupt::register(&temp);
            // `create_new` never reuses a file someone else made; the mode follows the umask.
            match OpenOptions::new().write(true).create_new(true).open(&temp) {
                Ok(file) => {
                    return Ok(AtomicFile {
                        target: target.to_path_buf(),
                        temp,
                        file: Some(BufWriter::new(file)),
                        keep,
                        committed: false,
                    });
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => {
                    interrupt::finish(&temp, || Ok(()))?;
                    attempt += 1;
                }
                Err(e) => {
                    interrupt::finish(&temp, || Ok(()))?;
                    return Err(e);
                }
            }
        }
    }

    /// Flushes and syncs the written bytes and gives the file the replaced one's permissions: after
    /// this only the rename is left, so every output of a run can be made ready before any of
    /// them is renamed into place.
    pub fn make_ready(&mut self) -> io::Result<()> {
        if let Some(writer) = self.file.take() {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            if let Some(permissions) = self.keep.take() {
                file.set_permissions(permissions)?;
            }
            file.sync_all()?;
        }
        Ok(())
    }

    /// Makes the file ready (if it is not yet) and renames it over the target.
    pub fn commit(mut self) -> io::Result<()> {
        self.make_ready()?;
        interrupt::finish(&self.temp, || fs::rename(&self.temp, &self.target))?;
        self.committed = true;
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match &mut self.file {
            Some(file) => file.write(bytes),
            None => Err(io::Error::other("output file already closed")),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.file {
            Some(file) => file.flush(),
            None => Ok(()),
        }
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        self.file = None;
        if !self.committed {
            // Best effort: the run is already failing, and a leftover is named `.…lgsco-tmp…`.
            let _ = interrupt::finish(&self.temp, || fs::remove_file(&self.temp));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn commit_replaces_the_target_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.jsonl");
        fs::write(&target, "old").unwrap();
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"new").unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert_eq!(names(dir.path()).len(), 2);
        file.commit().unwrap();
        assert_eq!(fs::read_to_string(&target).unwrap(), "new");
        assert_eq!(names(dir.path()), ["out.jsonl"]);
    }

    #[test]
    fn dropping_without_commit_removes_the_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out.csv");
        let mut file = AtomicFile::create(&target).unwrap();
        file.write_all(b"partial").unwrap();
        drop(file);
        assert!(names(dir.path()).is_empty());
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(AtomicFile::create(&dir.path().join("no/such/out.jsonl")).is_err());
    }
}
