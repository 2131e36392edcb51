//! The smallest complete batch conversion: every `*.txt` file of a folder to JSON Lines on
//! standard output, one record per file, failures included as `{"source", "error"}` records.
//!
//! ```sh
//! cargo run --example batch_to_json                  # corpus/
//! cargo run --example batch_to_json -- statements/ > decisions.jsonl
//! ```
//!
//! The `lgsco` program does the same in parallel, recursively, with CSV and a report.

use std::error::Error;
use std::io;
use std::path::PathBuf;

use lgsco::{Format, RecordWriter};

fn main() -> Result<(), Box<dyn Error>> {
    let folder = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus".to_owned());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    paths.sort();

    let mut records = RecordWriter::new(io::BufWriter::new(io::stdout()), Format::JsonLines);
    for path in &paths {
        let source = path.display().to_string();
        let parsed = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| lgsco::parse_bytes(&bytes).map_err(|e| e.to_string()));
        match parsed {
            Ok(decision) => records.write_decision(&source, &decision)?,
            Err(error) => records.write_error(&source, &error)?,
        }
    }
    records.finish()?;
    Ok(())
}
