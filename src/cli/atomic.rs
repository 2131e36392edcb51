//! An output file, or a folder of them, that appears complete or not at all.
//!
//! Records are written to a hidden temporary file in the target's directory (so the final rename
//! stays on one file system and is atomic), which [`AtomicFile::commit`] syncs and renames over
//! the target. It is named `.TARGET.lgsco-tmp-PID-N`, or `.lgsco-tmp-PID-N` when that would be
//! longer than a file name may be. Dropping an uncommitted `AtomicFile` (an error, a panic)
//! removes the temporary file, and so does any signal that ends the program and can be caught
//! (see [`super::interrupt`]). Only SIGKILL, which no process can catch, leaves it behind,
//! recognisable by the `.lgsco-tmp` in its name. An [`AtomicDir`] does the same for a folder of
//! files (the `--tables` set).

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
        refuse_folder_name(target)?;
        let keep = match fs::symlink_metadata(target) {
            Ok(meta) if meta.is_file() => {
                may_replace(target, &meta)?;
                Some(meta.permissions())
            }
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
        let (temp, file) = temporary_beside(target, |temp| {
            // `create_new` never reuses a file someone else made; the mode follows the umask.
            OpenOptions::new().write(true).create_new(true).open(temp)
        })?;
        Ok(AtomicFile {
            target: target.to_path_buf(),
            temp,
            file: Some(BufWriter::new(file)),
            keep,
            committed: false,
        })
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
    #[cfg(test)]
    pub fn commit(self) -> io::Result<()> {
        self.place().map(Placed::settle).map_err(|(e, _)| e)
    }

    /// Makes the file ready (if it is not yet) and renames it over the target, keeping a link
    /// to the file it replaces so that [`Placed::undo`] can put that back. When the rename
    /// fails the finished file is kept where it was written, and its path is returned with the
    /// error.
    pub fn place(mut self) -> Result<Placed, (io::Error, Option<PathBuf>)> {
        if let Err(e) = self.make_ready() {
            return Err((e, None));
        }
        let mut old = self.temp.clone().into_os_string();
        old.push("-old");
        let old = PathBuf::from(old);
        // A second name for the file being replaced (none if there is none, or the file system
        // has no hard links: then it cannot be put back).
        interrupt::register(&old);
        let backup = fs::hard_link(&self.target, &old).is_ok();
        if !backup {
            let _ = interrupt::finish(&old, || Ok(()));
        }
        let placed = interrupt::finish(&self.temp, || fs::rename(&self.temp, &self.target));
        // From here the temporary file is either the target or kept: never removed.
        self.committed = true;
        match placed {
            Ok(()) => Ok(Placed {
                target: self.target.clone(),
                temp: self.temp.clone(),
                old: backup.then_some(old),
            }),
            Err(e) => {
                if backup {
                    let _ = interrupt::finish(&old, || fs::remove_file(&old));
                }
                Err((e, Some(self.temp.clone())))
            }
        }
    }
}

/// A file renamed into place, whose replaced file can still be put back.
pub struct Placed {
    target: PathBuf,
    temp: PathBuf,
    /// The replaced file's second name, if it had one.
    old: Option<PathBuf>,
}

impl Placed {
    /// Forgets the replaced file: the new one stays.
    pub fn settle(self) {
        if let Some(old) = &self.old {
            let _ = interrupt::finish(old, || fs::remove_file(old));
        }
    }

    /// Moves the new file back to its temporary name and puts back the file it replaced (or
    /// leaves no file, where there was none). Returns where the new file is kept.
    pub fn undo(self) -> io::Result<PathBuf> {
        fs::rename(&self.target, &self.temp)?;
        if let Some(old) = &self.old {
            interrupt::finish(old, || fs::rename(old, &self.target))?;
        }
        Ok(self.temp)
    }
}

/// Refuses a target spelled as a folder (`out.jsonl/`), which no file can be renamed to.
fn refuse_folder_name(target: &Path) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    if target.as_os_str().as_bytes().ends_with(b"/") {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "the name ends with `/`, as a folder's does; give a file name",
        ));
    }
    Ok(())
}

/// Refuses to replace the existing file `target` (with metadata `meta`) where a shell's `>`
/// would fail or the rename at the end would: a read-only file (no write permission for anyone,
/// or none for this user), or a file in a sticky folder (`/tmp`) that neither the file nor the
/// folder belongs to this user.
fn may_replace(target: &Path, meta: &fs::Metadata) -> io::Result<()> {
    use std::os::unix::ffi::OsStrExt;
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let refused = |why: &str| {
        Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            why.to_owned(),
        ))
    };
    if meta.permissions().mode() & 0o222 == 0 {
        return refused("the file is read-only; it is not replaced");
    }
    let Ok(path) = std::ffi::CString::new(target.as_os_str().as_bytes()) else {
        return Ok(());
    };
    // SAFETY: `access` only reads the NUL-terminated path it is given.
    if unsafe { libc::access(path.as_ptr(), libc::W_OK) } != 0 {
        return refused("the file is not writable by this user; it is not replaced");
    }
    let folder = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // SAFETY: `geteuid` has no preconditions.
    let me = unsafe { libc::geteuid() };
    if let Ok(dir) = fs::metadata(folder)
        && dir.permissions().mode() & 0o1000 != 0
        && me != 0
        && meta.uid() != me
        && dir.uid() != me
    {
        return refused(
            "the file is in a sticky folder and belongs to another user, who alone may replace it",
        );
    }
    Ok(())
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

/// Makes a new temporary file or folder with `create` beside `target`, named
/// `.TARGET.lgsco-tmp-PID-N` (or `.lgsco-tmp-PID-N` when that would be too long a name) with the
/// first `N` not taken, and registers it for removal on a signal.
fn temporary_beside<T>(
    target: &Path,
    create: impl Fn(&Path) -> io::Result<T>,
) -> io::Result<(PathBuf, T)> {
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
        match create(&temp) {
            Ok(made) => return Ok((temp, made)),
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

/// A folder of files that appears complete or not at all, like [`AtomicFile`]: the files are
/// written into a temporary folder beside the target, which [`AtomicDir::commit`] renames into
/// place. A target that already exists must be a folder holding nothing but files the new one
/// would hold (the output of an earlier run); it is replaced as a whole, so at any moment the
/// target is the old set, the new set, or (between two renames, never interrupted by a caught
/// signal) absent.
pub struct AtomicDir {
    target: PathBuf,
    temp: PathBuf,
    committed: bool,
}

impl AtomicDir {
    /// Creates the temporary folder beside `target`, which is left untouched until commit. A
    /// target that is not a folder, or holds anything but files named in `replaceable`, is
    /// refused.
    pub fn create(target: &Path, replaceable: &[&str]) -> io::Result<AtomicDir> {
        match fs::symlink_metadata(target) {
            Ok(meta) if meta.is_dir() => {
                for entry in fs::read_dir(target)? {
                    let entry = entry?;
                    let ours = entry.file_type()?.is_file()
                        && entry
                            .file_name()
                            .to_str()
                            .is_some_and(|name| replaceable.contains(&name));
                    if !ours {
                        return Err(io::Error::new(
                            io::ErrorKind::InvalidInput,
                            format!(
                                "it holds {}, which is not one of the tables; only a folder of tables or a new path is replaced",
                                Path::new(&entry.file_name()).display()
                            ),
                        ));
                    }
                }
            }
            Ok(_) => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    "not a folder; only a folder of tables or a new path is replaced",
                ));
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
        let (temp, ()) = temporary_beside(target, |temp| fs::create_dir(temp))?;
        Ok(AtomicDir {
            target: target.to_path_buf(),
            temp,
            committed: false,
        })
    }

    /// Creates the file `name` in the temporary folder.
    pub fn create_file(&self, name: &str) -> io::Result<File> {
        OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(self.temp.join(name))
    }

    /// Syncs the temporary folder's list of files (the files themselves are synced by whoever
    /// wrote them), leaving only the renames into place.
    pub fn make_ready(&self) -> io::Result<()> {
        File::open(&self.temp)?.sync_all()
    }

    /// Renames the temporary folder into place, moving an earlier set aside first and removing
    /// it afterwards.
    #[cfg(test)]
    pub fn commit(self) -> io::Result<()> {
        self.place().map(PlacedDir::settle).map_err(|(e, _)| e)
    }

    /// Renames the temporary folder into place, moving an earlier set aside first, so that
    /// [`PlacedDir::undo`] can put it back. When the rename fails the earlier set is put back and
    /// the finished folder kept where it was written, whose path is returned with the error.
    pub fn place(mut self) -> Result<PlacedDir, (io::Error, Option<PathBuf>)> {
        let mut old = self.temp.clone().into_os_string();
        old.push("-old");
        let old = PathBuf::from(old);
        interrupt::register(&old);
        let mut replacing = false;
        let placed = interrupt::finish(&self.temp, || {
            replacing = fs::symlink_metadata(&self.target).is_ok();
            if replacing {
                fs::rename(&self.target, &old)?;
            }
            fs::rename(&self.temp, &self.target).inspect_err(|_| {
                if replacing {
                    let _ = fs::rename(&old, &self.target);
                }
            })
        });
        self.committed = true;
        match placed {
            Ok(()) => {
                if !replacing {
                    let _ = interrupt::finish(&old, || Ok(()));
                }
                Ok(PlacedDir {
                    target: self.target.clone(),
                    temp: self.temp.clone(),
                    old: replacing.then_some(old),
                })
            }
            Err(e) => {
                let _ = interrupt::finish(&old, || Ok(()));
                Err((e, Some(self.temp.clone())))
            }
        }
    }
}

/// A folder renamed into place, whose earlier set can still be put back.
pub struct PlacedDir {
    target: PathBuf,
    temp: PathBuf,
    old: Option<PathBuf>,
}

impl PlacedDir {
    /// Removes the earlier set: the new one stays.
    pub fn settle(self) {
        if let Some(old) = &self.old {
            let _ = interrupt::finish(old, || fs::remove_dir_all(old));
        }
    }

    /// Moves the new folder back to its temporary name and the earlier set (if any) back in
    /// place. Returns where the new folder is kept.
    pub fn undo(self) -> io::Result<PathBuf> {
        fs::rename(&self.target, &self.temp)?;
        if let Some(old) = &self.old {
            interrupt::finish(old, || fs::rename(old, &self.target))?;
        }
        Ok(self.temp)
    }
}

impl Drop for AtomicDir {
    fn drop(&mut self) {
        if !self.committed {
            // Best effort, as for an AtomicFile.
            let _ = interrupt::finish(&self.temp, || fs::remove_dir_all(&self.temp));
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
    fn a_folder_appears_complete_and_replaces_only_an_earlier_set() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("tables");
        let set = AtomicDir::create(&target, &["a.csv"]).unwrap();
        set.create_file("a.csv").unwrap().write_all(b"new").unwrap();
        assert_eq!(names(dir.path()).len(), 1);
        assert!(!target.exists());
        set.make_ready().unwrap();
        set.commit().unwrap();
        assert_eq!(names(dir.path()), ["tables"]);
        assert_eq!(names(&target), ["a.csv"]);
        // An earlier set is replaced whole; a folder holding anything else is refused.
        let set = AtomicDir::create(&target, &["a.csv"]).unwrap();
        set.create_file("a.csv")
            .unwrap()
            .write_all(b"newer")
            .unwrap();
        set.commit().unwrap();
        assert_eq!(fs::read_to_string(target.join("a.csv")).unwrap(), "newer");
        assert_eq!(names(dir.path()), ["tables"]);
        fs::write(target.join("notes.txt"), "mine").unwrap();
        assert!(AtomicDir::create(&target, &["a.csv"]).is_err());
        assert!(AtomicDir::create(&target.join("notes.txt"), &["a.csv"]).is_err());
        // Dropped before commit, the temporary folder goes.
        let set = AtomicDir::create(&dir.path().join("other"), &["a.csv"]).unwrap();
        set.create_file("a.csv").unwrap();
        drop(set);
        assert_eq!(names(dir.path()), ["tables"]);
    }

    #[test]
    fn a_missing_directory_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(AtomicFile::create(&dir.path().join("no/such/out.jsonl")).is_err());
    }
}
