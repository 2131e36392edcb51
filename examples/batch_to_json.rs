//! The smallest complete batch conversion: every `*.txt` file under a folder (recursively, in
//! sorted order) to JSON Lines on standard output, one record per file, failures included as
//! `{"source", "error"}` records. Exits with status 1 when any document failed.
//!
//! ```sh
//! cargo run --example batch_to_json                  # corpus/
//! cargo run --example batch_to_json -- statements/ > decisions.jsonl
//! ```
//!
//! The `lgsco` program does the same in parallel, with CSV and a report.

#[path = "common/mod.rs"]
mod common;

use std::error::Error;
use std::io;
use std::path::PathBuf;
use std::process::ExitCode;

use lgsco::{Format, RecordWriter};

fn main() -> Result<ExitCode, Box<dyn Error>> {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "corpus".to_owned()),
    );
    let mut records = RecordWriter::new(io::BufWriter::new(io::stdout()), Format::JsonLines);
    let mut failed = 0;
    for path in common::statements(&folder)? {
        let source = path.display().to_string();
        let parsed = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| lgsco::parse_bytes(&bytes).map_err(|e| e.to_string()));
        match parsed {
            Ok(decision) => records.write_decision(&source, &decision)?,
            Err(error) => {
                failed += 1;
                eprintln!("{source}: {error}");
                records.write_error(&source, &error)?;
            }
        }
    }
    records.finish()?;
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}
