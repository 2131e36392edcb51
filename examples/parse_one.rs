//! Parse one decision statement and print its record as pretty JSON.
//!
//! ```sh
//! cargo run --example parse_one                      # corpus/knowsley-22-014-796.txt
//! cargo run --example parse_one -- statement.txt
//! cargo run --example parse_one -- --help
//! ```

use std::error::Error;

const USAGE: &str = "usage: parse_one [FILE]\n\nParses one decision statement (default: \
                     corpus/knowsley-22-014-796.txt) and prints its record as pretty JSON.";

fn main() -> Result<(), Box<dyn Error>> {
    let argument = std::env::args().nth(1);
    if matches!(argument.as_deref(), Some("-h" | "--help")) {
        println!("{USAGE}");
        return Ok(());
    }
    let path = argument.unwrap_or_else(|| "corpus/knowsley-22-014-796.txt".to_owned());
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let decision = lgsco::parse_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?;
    println!("{}", serde_json::to_string_pretty(&decision)?);
    Ok(())
}
