//! `lgsco [PATH]...`: parse decision statements and print one JSON line per document.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use serde_json::{Value, json};

/// Parse LGSCO decision statements into JSON Lines.
///
/// Reads each PATH (a file, or a directory searched recursively for *.txt files in sorted order),
/// or standard input when no PATH is given, and prints one JSON object per document with a
/// "source" key. A document that cannot be parsed gives {"source": ..., "error": ...} instead.
///
/// Exit status: 0 when every document parsed, 1 when any failed, 2 for bad usage.
///
/// Example: lgsco corpus > decisions.jsonl
#[derive(Debug, Parser)]
#[command(version)]
struct Args {
    /// Files or directories to read (default: standard input).
    paths: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut emit = |source: &str, result: Result<Value, String>| -> io::Result<()> {
        let line = match result {
            Ok(mut record) => {
                record["source"] = json!(source);
                record
            }
            Err(error) => {
                failed += 1;
                eprintln!("lgsco: {source}: {error}");
                json!({ "source": source, "error": error })
            }
        };
        writeln!(out, "{line}")
    };
    let outcome = if args.paths.is_empty() {
        let mut bytes = Vec::new();
        let result = io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| e.to_string())
            .and_then(|_| parse_to_json(&bytes));
        emit("-", result)
    } else {
        inputs(&args.paths)
            .into_iter()
            .try_for_each(|input| emit(&input.source, input.bytes.and_then(|b| parse_to_json(&b))))
    };
    if let Err(e) = outcome.and_then(|_| out.flush()) {
        eprintln!("lgsco: cannot write output: {e}");
        return ExitCode::from(1);
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn parse_to_json(bytes: &[u8]) -> Result<Value, String> {
    let decision = lgsco::parse_bytes(bytes).map_err(|e| e.to_string())?;
    serde_json::to_value(decision).map_err(|e| e.to_string())
}

struct Input {
    source: String,
    bytes: Result<Vec<u8>, String>,
}

/// Every input document, in argument order, directories walked in sorted order.
fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        collect(path, true, &mut inputs);
    }
    inputs
}

fn collect(path: &Path, explicit: bool, inputs: &mut Vec<Input>) {
    let source = path.display().to_string();
    if path.is_dir() {
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for child in children {
                    collect(&child, false, inputs);
                }
            }
            Err(e) => inputs.push(Input {
                source,
                bytes: Err(format!("cannot read directory: {e}")),
            }),
        }
    } else if explicit || path.extension().is_some_and(|ext| ext == "txt") {
        let bytes = std::fs::read(path).map_err(|e| format!("cannot read file: {e}"));
        inputs.push(Input { source, bytes });
    }
}
