//! The `lgsco` program: walk the inputs, parse them in parallel, write records in input order,
//! report what happened.

mod args;
mod atomic;
mod batch;
mod destination;
mod interrupt;
mod progress;
mod report;
mod walk;

use std::process::ExitCode;

use indicatif::ProgressBar;
use lgsco::{Format, Prepared};

pub use args::Args;
use destination::Output;
use report::Tally;

/// Runs the whole conversion the arguments ask for and says how it went.
pub fn run(args: &Args) -> ExitCode {
    let inputs = walk::inputs(&args.paths);
    let bar = progress::bar(inputs.len(), args.quiet);
    let jobs = args.jobs.map_or(0, |n| n.get());
    let result = rayon::ThreadPoolBuilder::new()
        .num_threads(jobs)
        .build()
        .map_err(|e| format!("cannot start threads: {e}"))
        .and_then(|pool| pool.install(|| convert(args, &inputs, &bar)));
    bar.finish_and_clear();
    match result {
        Ok(tally) => {
            if !args.quiet {
                eprintln!("lgsco: {tally}");
            }
            if tally.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(fatal) => {
            eprintln!("lgsco: {fatal}");
            ExitCode::from(1)
        }
    }
}

/// One document's outcome with its record already rendered, on the thread that parsed it.
struct Rendered {
    source: String,
    /// Whether the parsed record has warnings, or why the document failed.
    parsed: Result<bool, String>,
    record: std::io::Result<Prepared>,
}

impl Rendered {
    fn of(format: Format, converted: batch::Converted) -> Rendered {
        let source = converted.source;
        let record = match &converted.result {
            Ok(decision) => format.prepare_decision(&source, decision),
            Err(error) => format.prepare_error(&source, error),
        };
        Rendered {
            parsed: converted.result.map(|d| !d.warnings.is_empty()),
            source,
            record,
        }
    }
}

/// Converts every input, writing records (and failures, with `--errors`) as it goes. An `Err`
/// is a failure to write, which ends the run; a document that fails is only counted.
fn convert(args: &Args, inputs: &[walk::Input], bar: &ProgressBar) -> Result<Tally, String> {
    let mut records = Output::open(args.output.as_deref(), args.format)?;
    let mut failures = match &args.errors {
        Some(path) => Some(Output::open(Some(path), Format::JsonLines)?),
        None => None,
    };
    let mut tally = Tally::default();
    let format = args.format;
    batch::convert_in_order(
        inputs,
        |converted| Rendered::of(format, converted),
        |document| {
            let source = &document.source;
            match &document.parsed {
                Ok(with_warnings) => {
                    tally.parsed += 1;
                    tally.with_warnings += u64::from(*with_warnings);
                }
                Err(error) => {
                    tally.failed += 1;
                    bar.suspend(|| eprintln!("lgsco: {source}: {error}"));
                    if let Some(failures) = &mut failures {
                        failures.write_error(source, error)?;
                    }
                }
            }
            records.write(document.record)?;
            bar.inc(1);
            Ok::<(), String>(())
        },
    )?;
    records.close()?;
    failures.map_or(Ok(()), Output::close)?;
    Ok(tally)
}
