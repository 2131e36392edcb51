//! `lgsco [PATH]...`: parse decision statements into JSON Lines, a JSON array or CSV.

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    cli::run(&cli::Args::parse())
}
