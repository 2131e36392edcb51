//! `lgsco [PATH]...`: parse decision statements into JSON Lines, a JSON array or CSV.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    match cli::Args::try_parse() {
        Ok(args) => cli::run(&args),
        // Help, version and usage errors, printed without panicking if standard error is gone.
        Err(e) => {
            let _ = e.print();
            ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
        }
    }
}
