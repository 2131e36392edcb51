//! Turning the command line's paths into the ordered list of input documents.
//!
//! Only paths are collected here (cheap, even for 100,000 files); documents are read later, a
//! few at a time. Every path named or found yields exactly one [`Input`]: a directory that cannot
//! be listed, or a loop of symbolic links, is an input that has already failed.

use std::fs;
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
/// extension; inside directories only `*.txt` files (any case) are.
pub fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    if paths.is_empty() {
        return vec![Input::Stdin];
    }
    let mut inputs = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, &mut Vec::new(), &mut inputs);
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

/// Adds the `*.txt` files under `dir`. `ancestors` holds the canonical paths of the directories
/// being walked, so a symbolic link back to one of them is reported instead of followed forever.
fn walk(dir: &Path, ancestors: &mut Vec<PathBuf>, inputs: &mut Vec<Input>) {
    let failed = |error: String| Input::Failed {
        source: source_name(dir),
        error,
    };
    let canonical = dir.canonicalize().ok();
    if let Some(canonical) = &canonical {
        if ancestors.contains(canonical) {
            inputs.push(failed(format!(
                "directory loop: {} is already being read",
                canonical.display()
            )));
            return;
        }
        ancestors.push(canonical.clone());
    }
    match fs::read_dir(dir) {
        Err(e) => inputs.push(failed(format!("cannot read directory: {e}"))),
        Ok(entries) => {
            let mut children = Vec::new();
            let mut errors = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => {
                        let path = entry.path();
                        // The entry's type comes with the directory listing; only a symbolic
                        // link needs a look at its target.
                        let is_dir = match entry.file_type() {
                            Ok(kind) if !kind.is_symlink() => kind.is_dir(),
                            _ => path.is_dir(),
                        };
                        children.push((path, is_dir));
                    }
                    Err(e) => errors.push(failed(format!("cannot read directory entry: {e}"))),
                }
            }
            children.sort();
            for (child, is_dir) in children {
                if is_dir {
                    walk(&child, ancestors, inputs);
                } else if is_txt(&child) {
                    inputs.push(Input::File(child));
                }
            }
            inputs.extend(errors);
        }
    }
    if canonical.is_some() {
        ancestors.pop();
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

fn is_txt(path: &Path) -> bool {
    path.extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
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
