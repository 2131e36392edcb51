//! What the examples share: finding the statements in a folder.

use std::io;
use std::path::{Path, PathBuf};

/// Every `*.txt` file under `folder`, recursively, in sorted order (as the `lgsco` program
/// finds them).
pub fn statements(folder: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(folder)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    let mut found = Vec::new();
    for path in entries {
        if path.is_dir() {
            found.extend(statements(&path)?);
        } else if path
            .extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("txt"))
        {
            found.push(path);
        }
    }
    Ok(found)
}
