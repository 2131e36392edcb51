//! Turning the command line's paths into the ordered list of input documents.
//!
//! Only paths are collected here (cheap, even for 100,000 files); documents are read later, a
//! few at a time. Every file named or found yields exactly one [`Input`], once however many
//! paths lead to it: a directory that cannot be listed, a loop of symbolic links, or a directory
//! with no documents is an input that has already failed.

use std::collections::HashSet;
use std::fs;
use std::os::unix::fs::{DirEntryExt, MetadataExt};
use std::path::{Path, PathBuf};

/// One input document, not yet read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// Standard input.
    Stdin,
    /// A file to read.
    File(PathBuf),
    /// A path that could not be walked.
    Failed {
        /// The path, as shown to the user.
        source: String,
        /// Why.
        error: String,
    },
}

impl Input {
    /// The name records carry in their `source` key.
    pub fn source(&self) -> String {
        match self {
            Input::Stdin => "-".to_owned(),
            Input::File(path) => source_name(path),
            Input::Failed { source, .. } => source.clone(),
        }
    }
}

/// Every input document, in argument order; directories are walked in sorted order.
///
/// No path at all means standard input. A path named on the command line is read whatever its
/// extension; inside directories only `*.txt` files (any case) are, and web pages (`*.html`,
/// `*.htm`) with the `html` feature, and no hidden file or folder (a name starting with `.`,
/// such as the `._a.txt` files macOS leaves beside copies). Each file and directory is read once
/// however many paths lead to it (overlapping arguments, links), told by its device and inode. A
/// directory named on the command line that holds no such file is an input that has failed,
/// with a hint when it holds web pages that were not read.
#[cfg(test)]
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    walk(paths).inputs
}

/// What a walk over the command line's paths found: the inputs, and what it passed over.
#[derive(Debug, Default)]
pub struct Walked {
    /// The input documents, in order (see [`inputs`]).
    pub inputs: Vec<Input>,
    /// The (device, inode) of every file taken and every directory walked.
    seen: HashSet<(u64, u64)>,
    /// The (device, inode) of every directory walked.
    dirs: HashSet<(u64, u64)>,
    /// How many hidden files and folders inside walked directories were left out.
    pub hidden: usize,
}

impl Walked {
    /// Whether the file or folder with metadata `meta` is an input, or a directory walked.
    pub fn holds(&self, meta: &fs::Metadata) -> bool {
        self.seen.contains(&(meta.dev(), meta.ino()))
    }

    /// Whether a new file named `name` in the folder with metadata `folder` would be among the
    /// inputs of this walk, were it run again: the folder is walked and the name is one a walk
    /// takes.
    pub fn would_take(&self, folder: &fs::Metadata, name: &std::ffi::OsStr) -> bool {
        self.dirs.contains(&(folder.dev(), folder.ino()))
            && !is_hidden(name)
            && has_extension(Path::new(name), DOCUMENTS)
    }
}

/// Walks `paths` as [`inputs`] says.
pub fn walk(paths: &[PathBuf]) -> Walked {
    if paths.is_empty() {
        return Walked {
            inputs: vec![Input::Stdin],
            ..Walked::default()
        };
    }
    let mut walker = Walker::default();
    let mut stdin_taken = false;
    for path in paths {
        if path.as_os_str() == "-" {
            // Standard input is one document, however many times it is named.
            if !std::mem::replace(&mut stdin_taken, true) {
                walker.found.inputs.push(Input::Stdin);
            }
        } else if path.is_dir() {
            let before = (
                walker.found.inputs.len(),
                walker.web_pages,
                walker.repeats,
                walker.found.hidden,
            );
            walker.walk(path);
            // Nothing found, and nothing passed over for having been read already.
            if (walker.found.inputs.len(), walker.repeats) == (before.0, before.2) {
                let pages = walker.web_pages - before.1;
                let hidden = walker.found.hidden - before.3;
                walker.found.inputs.push(Input::Failed {
                    source: source_name(path),
                    error: no_documents(pages, hidden),
                });
            }
        } else if walker.first_time(path, None) {
            walker.found.inputs.push(Input::File(path.clone()));
        }
    }
    walker.found
}

/// Why a directory gave no documents.
fn no_documents(web_pages: usize, hidden: usize) -> String {
    let mut error = if cfg!(feature = "html") {
        "no *.txt, *.html or *.htm files in this directory"
    } else {
        "no *.txt files in this directory"
    }
    .to_owned();
    if web_pages > 0 {
        error.push_str(&format!(
            " (it holds {web_pages} .html or .htm files: lgsco reads statements as text)"
        ));
    }
    if hidden > 0 {
        error.push_str(&format!(
            " ({hidden} hidden files or folders, whose names start with `.`, were skipped; name a file to read it)"
        ));
    }
    error
}

/// Whether a directory entry is hidden: its name starts with `.`.
fn is_hidden(name: &std::ffi::OsStr) -> bool {
    use std::os::unix::ffi::OsStrExt;
    name.as_bytes().first() == Some(&b'.')
}

/// The state of one walk over the command line's paths.
#[derive(Default)]
struct Walker {
    /// What was found so far.
    found: Walked,
    /// The (device, inode) of the directories being walked, so that a link back to one of them
    /// is reported instead of followed for ever. Told by inode rather than by canonical path,
    /// which would cost a `readlink` for every folder above each one, cubic in the depth.
    ancestors: Vec<(u64, u64)>,
    /// How many `.html` and `.htm` files the walk passed over.
    web_pages: usize,
    /// How many files and directories it passed over for having taken them already.
    repeats: usize,
}

impl Walker {
    /// Whether `path` is met for the first time. `inode` is its inode on `device` when the
    /// directory listing gave it (a file that is not a link), else it is looked up; a path that
    /// cannot be looked up counts as new, and fails when it is read.
    fn first_time(&mut self, path: &Path, listed: Option<(u64, u64)>) -> bool {
        let key = listed.or_else(|| fs::metadata(path).ok().map(|m| (m.dev(), m.ino())));
        let first = key.is_none_or(|key| self.found.seen.insert(key));
        self.repeats += usize::from(!first);
        first
    }

    /// Adds the `*.txt` files under `dir`.
    fn walk(&mut self, dir: &Path) {
        let failed = |error: String| Input::Failed {
            source: source_name(dir),
            error,
        };
        let Ok(meta) = fs::metadata(dir) else {
            self.found
                .inputs
                .push(failed("cannot read directory".into()));
            return;
        };
        let (device, key) = (meta.dev(), (meta.dev(), meta.ino()));
        if self.ancestors.contains(&key) {
            let shown = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
            self.found.inputs.push(failed(format!(
                "directory loop: {} is already being read",
                shown.display()
            )));
            return;
        }
        if !self.first_time(dir, Some(key)) {
            return;
        }
        self.found.dirs.insert(key);
        self.ancestors.push(key);
        match fs::read_dir(dir) {
            Err(e) => self
                .found
                .inputs
                .push(failed(format!("cannot read directory: {e}"))),
            Ok(entries) => {
                let mut children = Vec::new();
                let mut errors = Vec::new();
                for entry in entries {
                    match entry {
                        Ok(entry) if is_hidden(&entry.file_name()) => self.found.hidden += 1,
                        Ok(entry) => {
                            let path = entry.path();
                            // The entry's type and inode come with the directory listing; only
                            // a symbolic link needs a look at its target.
                            let (is_dir, listed) = match entry.file_type() {
                                Ok(kind) if !kind.is_symlink() => {
                                    (kind.is_dir(), Some((device, entry.ino())))
                                }
                                _ => (path.is_dir(), None),
                            };
                            children.push((path, is_dir, listed));
                        }
                        Err(e) => errors.push(failed(format!("cannot read directory entry: {e}"))),
                    }
                }
                children.sort();
                for (child, is_dir, listed) in children {
                    if is_dir {
                        self.walk(&child);
                    } else if has_extension(&child, DOCUMENTS) {
                        if self.first_time(&child, listed) {
                            self.found.inputs.push(Input::File(child));
                        }
                    } else if has_extension(&child, &["html", "htm"]) {
                        self.web_pages += 1;
                    }
                }
                self.found.inputs.extend(errors);
            }
        }
        self.ancestors.pop();
    }
}

/// A path as records name it: as it is when it is UTF-8; otherwise each byte that is not part of
/// a UTF-8 character as `\xNN` and each backslash as `\\`, so no two paths share a name and the
/// bytes can be read back.
///
/// On Unix only; elsewhere paths are shown as the platform shows them.
pub fn source_name(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::fmt::Write;
        use std::os::unix::ffi::OsStrExt;
        if path.to_str().is_none() {
            let mut name = String::new();
            for chunk in path.as_os_str().as_bytes().utf8_chunks() {
                name.push_str(&chunk.valid().replace('\\', "\\\\"));
                for byte in chunk.invalid() {
                    let _ = write!(name, "\\x{byte:02X}");
                }
            }
            return name;
        }
    }
    path.display().to_string()
}

/// The extensions of the files a directory walk takes.
const DOCUMENTS: &[&str] = if cfg!(feature = "html") {
    &["txt", "html", "htm"]
} else {
    &["txt"]
};

pub(super) fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_sorted_txt_files_and_keeps_named_files() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("b")).unwrap();
        for name in ["b/z.txt", "a.TXT", "c.txt", "notes.md", "b/y.txt"] {
            fs::write(root.join(name), "x").unwrap();
        }
        let named = root.join("notes.md");
        let found = inputs(&[root.to_path_buf(), named.clone(), "-".into()]);
        let expected = vec![
            Input::File(root.join("a.TXT")),
            Input::File(root.join("b/y.txt")),
            Input::File(root.join("b/z.txt")),
            Input::File(root.join("c.txt")),
            Input::File(named),
            Input::Stdin,
        ];
        assert_eq!(found, expected);
        assert_eq!(inputs(&[]), vec![Input::Stdin]);
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_distinct_and_readable() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let name = |bytes: &[u8]| source_name(Path::new(OsStr::from_bytes(bytes)));
        assert_eq!(name(b"dir/bad\xff.txt"), "dir/bad\\xFF.txt");
        assert_eq!(name(b"dir/bad\xfe.txt"), "dir/bad\\xFE.txt");
        assert_eq!(name(b"a\\b\xff"), "a\\\\b\\xFF");
        assert_eq!(name("caf\u{e9}\\.txt".as_bytes()), "caf\u{e9}\\.txt");
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_loop_is_one_failed_input() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        fs::create_dir(root.join("sub")).unwrap();
        fs::write(root.join("sub/a.txt"), "x").unwrap();
        std::os::unix::fs::symlink(root, root.join("sub/loop")).unwrap();
        let found = inputs(&[root.to_path_buf()]);
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], Input::File(root.join("sub/a.txt")));
        assert!(
            matches!(&found[1], Input::Failed { error, .. } if error.starts_with("directory loop"))
        );
    }
}
