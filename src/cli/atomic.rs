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
    committed: bool,
}

impl AtomicFile {
    /// Creates the temporary file beside `target`; `target` itself is untouched until commit.
    pub fn create(target: &Path) -> io::Result<AtomicFile> {
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

    /// Flushes and syncs the written bytes, then renames the temporary file over the target.
    pub fn commit(mut self) -> io::Result<()> {
        if let Some(writer) = self.file.take() {
            let file = writer.into_inner().map_err(|e| e.into_error())?;
            file.sync_all()?;
        }
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
