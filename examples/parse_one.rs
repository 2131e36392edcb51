//! Parse one decision statement and print its record as pretty JSON.
//!
//! ```sh
//! cargo run --example parse_one                      # corpus/knowsley-22-014-796.txt
//! cargo run --example parse_one -- statement.txt
//! ```

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus/knowsley-22-014-796.txt".to_owned());
    let bytes = std::fs::read(&path).map_err(|e| format!("{path}: {e}"))?;
    let decision = lgsco::parse_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?;
    println!("{}", serde_json::to_string_pretty(&decision)?);
    Ok(())
}
