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

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use indicatif::ProgressBar;
use lgsco::{Format, Prepared, TableRows};

pub use args::Args;
use destination::{Output, Stop, Tables};
use report::Tally;

/// Runs the whole conversion the arguments ask for and says how it went.
pub fn run(args: &Args) -> ExitCode {
    if args.schema {
        let schema = serde_json::to_string_pretty(&lgsco::record_schema());
        let written = schema
            .map_err(std::io::Error::from)
            .and_then(|schema| writeln!(std::io::stdout().lock(), "{schema}"));
        return match written {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                diagnostic(format_args!("lgsco: cannot write the schema: {e}"));
                ExitCode::from(1)
            }
        };
    }
    let walked = walk::walk(&args.paths);
    if let Err(usage) = check_usage(args, &walked) {
        diagnostic(format_args!("lgsco: {usage}"));
        return ExitCode::from(2);
    }
    let inputs = walked.inputs.as_slice();
    if args.text {
        return print_texts(args, inputs);
    }
    let bar = progress::bar(inputs.len(), args.quiet);
    let result = rayon::ThreadPoolBuilder::new()
        .num_threads(threads(args.jobs.map(|n| n.get())))
        .build()
        .map_err(|e| Stop::Failed(format!("cannot start threads: {e}")))
        .and_then(|pool| pool.install(|| convert(args, inputs, &bar)));
    bar.finish_and_clear();
    match result {
        Ok(tally) => {
            if !args.quiet {
                diagnostic(format_args!("lgsco: {tally}"));
                if let Some(breakdown) = tally.breakdown() {
                    diagnostic(format_args!("lgsco: {breakdown}"));
                }
                if walked.hidden > 0 {
                    diagnostic(format_args!(
                        "lgsco: {} hidden files or folders (names starting with `.`) skipped in folders",
                        walked.hidden
                    ));
                }
            }
            if tally.failed == 0 {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            }
        }
        Err(Stop::ReaderGone) => ExitCode::SUCCESS,
        Err(Stop::Failed(fatal)) => {
            diagnostic(format_args!("lgsco: {fatal}"));
            ExitCode::from(1)
        }
    }
}

/// `--text`: writes the text lgsco reads from each input (which its record's spans refer to) to
/// standard output, in input order. An input that cannot be read is reported and skipped.
fn print_texts(args: &Args, inputs: &[walk::Input]) -> ExitCode {
    let mut status = ExitCode::SUCCESS;
    let mut stdout = std::io::stdout().lock();
    for input in inputs {
        let written = match batch::derived_text(input, args.encoding) {
            Ok(text) => stdout.write_all(text.as_bytes()),
            Err(error) => {
                diagnostic(format_args!(
                    "lgsco: {}: {error}",
                    printable(&input.source())
                ));
                status = ExitCode::from(1);
                Ok(())
            }
        };
        match written.and_then(|()| stdout.flush()) {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return ExitCode::SUCCESS,
            Err(e) => {
                diagnostic(format_args!("lgsco: cannot write the text: {e}"));
                return ExitCode::from(1);
            }
        }
    }
    status
}

/// Writes a line to standard error, or nothing if standard error cannot be written: a message
/// that cannot be shown must not stop (or panic) the run that has the records to write.
pub fn diagnostic(line: fmt::Arguments<'_>) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// `name` with its control characters escaped (`\n`, `\u{1b}`), so that a file name cannot
/// forge or garble a line on standard error.
pub fn printable(name: &str) -> String {
    if !name.contains(char::is_control) {
        return name.to_owned();
    }
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// The most threads per core `--jobs` gets: parsing is bound by the processor, so more only
/// cost memory and start-up.
const THREADS_PER_CORE: usize = 4;

/// The threads to parse with: `jobs` (one per core when not given), at most
/// [`THREADS_PER_CORE`] per core, saying so when `jobs` asked for more.
fn threads(jobs: Option<usize>) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let most = cores.saturating_mul(THREADS_PER_CORE);
    match jobs {
        Some(jobs) if jobs > most => {
            diagnostic(format_args!(
                "lgsco: --jobs {jobs} is more than {THREADS_PER_CORE} threads for each of {cores} cores; using {most}"
            ));
            most
        }
        Some(jobs) => jobs,
        None => cores,
    }
}

/// Refuses, before any work, outputs that would destroy each other or an input: `--output`,
/// `--errors` and `--tables` naming the same path, or any of them naming a file that is read or
/// a folder that is walked (told by device and inode, however it is spelled), or a new file that
/// would land among the files a walk takes.
fn check_usage(args: &Args, walked: &walk::Walked) -> Result<(), String> {
    let outputs = [
        ("--output", &args.output),
        ("--errors", &args.errors),
        ("--tables", &args.tables),
    ];
    let to_stdout = |path: &Option<PathBuf>| path.as_deref().is_some_and(destination::is_stdout);
    if to_stdout(&args.tables) {
        return Err("--tables names a folder, not standard output".into());
    }
    let records_to_stdout =
        to_stdout(&args.output) || (args.output.is_none() && args.tables.is_none());
    if to_stdout(&args.errors) && records_to_stdout {
        return Err("--errors and the records would both go to standard output".into());
    }
    let named: Vec<(&str, PathBuf)> = outputs
        .iter()
        .filter_map(|(flag, path)| Some((*flag, path.as_deref()?)))
        .filter(|(_, path)| !destination::is_stdout(path))
        .map(|(flag, path)| (flag, resolved(path)))
        .collect();
    for (i, (flag, path)) in named.iter().enumerate() {
        if let Some((other, _)) = named[i + 1..].iter().find(|(_, p)| p == path) {
            return Err(format!("{flag} and {other} name the same path"));
        }
    }
    if let Some(tables) = named.iter().find(|(flag, _)| *flag == "--tables") {
        let inside = named
            .iter()
            .find(|(flag, path)| *flag != "--tables" && path.starts_with(&tables.1));
        if let Some((flag, path)) = inside {
            return Err(format!(
                "{flag} {} is inside the --tables folder {}, which is written as a whole: put it elsewhere",
                printable(&path.display().to_string()),
                printable(&tables.1.display().to_string())
            ));
        }
    }
    for (flag, path) in &named {
        let shown = || printable(&path.display().to_string());
        let read = args.paths.iter().filter(|p| p.as_os_str() != "-");
        if read.map(|p| resolved(p)).any(|input| input == *path) {
            return Err(format!("{flag} {} is also an input", shown()));
        }
        match std::fs::metadata(path) {
            Ok(meta) if walked.holds(&meta) => {
                return Err(format!("{flag} {} is also an input", shown()));
            }
            Ok(_) => {}
            Err(_) => {
                let folder = match path.parent() {
                    Some(parent) if !parent.as_os_str().is_empty() => parent,
                    _ => Path::new("."),
                };
                let name = path.file_name().unwrap_or_default();
                let lands_among_inputs = *flag != "--tables"
                    && std::fs::metadata(folder).is_ok_and(|meta| walked.would_take(&meta, name));
                if lands_among_inputs {
                    return Err(format!(
                        "{flag} {} would be among the inputs: its folder is read and its name is one a folder's walk takes",
                        shown()
                    ));
                }
            }
        }
    }
    Ok(())
}

/// `path` made absolute with its links resolved, as far as it exists (a file not yet written is
/// its resolved folder and its name), so that two spellings of one file compare equal.
fn resolved(path: &Path) -> PathBuf {
    if let Ok(path) = path.canonicalize() {
        return path;
    }
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    match (folder.canonicalize(), path.file_name()) {
        (Ok(folder), Some(name)) => folder.join(name),
        _ => path.to_path_buf(),
    }
}

/// What each document is rendered as: a record in `records` format, if records are written;
/// rows of the tables, if tables are written.
#[derive(Clone, Copy)]
struct Renderings {
    records: Option<Format>,
    tables: bool,
    raw_csv: bool,
    no_body: bool,
}

/// One document's outcome with its record and table rows already rendered, on the thread that
/// parsed it.
struct Rendered {
    source: String,
    /// What the report counts of the parsed record, or why the document failed.
    parsed: Result<report::Seen, String>,
    record: Option<std::io::Result<Prepared>>,
    rows: Option<std::io::Result<TableRows>>,
}

impl Rendered {
    /// Renders a result; with `no_body`, a parsed record without its paragraphs (the tables
    /// then have no paragraph rows either).
    fn of(renderings: Renderings, mut converted: batch::Converted) -> Rendered {
        if let (true, Ok(decision)) = (renderings.no_body, &mut converted.result) {
            decision.preamble.clear();
            decision
                .sections
                .iter_mut()
                .for_each(|s| s.paragraphs.clear());
        }
        let source = converted.source;
        let record = renderings.records.map(|format| match &converted.result {
            Ok(decision) => format.prepare_decision(&source, decision),
            Err(error) => format.prepare_error(&source, error),
        });
        let raw = renderings.raw_csv;
        let rows = renderings.tables.then(|| match &converted.result {
            Ok(decision) => TableRows::of_decision(&source, decision, raw),
            Err(error) => TableRows::of_error(&source, error, raw),
        });
        Rendered {
            parsed: converted
                .result
                .as_ref()
                .map(report::Seen::of)
                .map_err(Clone::clone),
            source,
            record,
            rows,
        }
    }
}

/// Converts every input, writing records (and failures, with `--errors`) as it goes. An `Err`
/// is a failure to write, which ends the run; a document that fails is only counted.
fn convert(args: &Args, inputs: &[walk::Input], bar: &ProgressBar) -> Result<Tally, Stop> {
    // With --tables, records go to standard output only if asked for with --output.
    let mut records = match (&args.output, &args.tables) {
        (None, Some(_)) => None,
        (output, _) => Some(Output::open(output.as_deref(), args.format, args.csv_raw)?),
    };
    let mut failures = match &args.errors {
        Some(path) => Some(Output::open(Some(path), Format::JsonLines, false)?),
        None => None,
    };
    let mut tables = args.tables.as_deref().map(Tables::open).transpose()?;
    let mut tally = Tally::default();
    // Whether files are written besides the records.
    let others = failures.is_some() || tables.is_some();
    let renderings = Renderings {
        records: records.is_some().then_some(args.format),
        tables: tables.is_some(),
        raw_csv: args.csv_raw,
        no_body: args.no_body,
    };
    batch::convert_in_order(
        inputs,
        args.encoding,
        |converted| Rendered::of(renderings, converted),
        |document| {
            let source = printable(&document.source);
            match document.parsed {
                Ok(seen) => tally.count(seen),
                Err(error) => {
                    tally.failed += 1;
                    bar.suspend(|| diagnostic(format_args!("lgsco: {source}: {error}")));
                    if let Some(failures) = &mut failures {
                        failures.write_error(&document.source, &error)?;
                    }
                }
            }
            if let (Some(output), Some(record)) = (&mut records, document.record) {
                match output.write(record) {
                    // The reader of standard output went away (`| head -1`): the files named
                    // for failures or tables are still finished, so none is left stale.
                    Err(Stop::ReaderGone) if others => records = None,
                    written => written?,
                }
            }
            if let (Some(tables), Some(rows)) = (&mut tables, document.rows) {
                let rows = rows.map_err(|e| Stop::Failed(format!("cannot render tables: {e}")))?;
                tables.write(&rows)?;
            }
            bar.inc(1);
            Ok::<(), Stop>(())
        },
    )?;
    // Every output is written in full before any is put in place, so a failure (a full disk)
    // leaves none of them changed.
    let records = match records.map(Output::finish).transpose() {
        Err(Stop::ReaderGone) if others => None,
        records => records?,
    };
    let failures = failures.map(Output::finish).transpose()?;
    let tables = tables.map(Tables::finish).transpose()?;
    let pending = [records, failures]
        .into_iter()
        .flatten()
        .map(destination::Pending::Records)
        .chain(tables.map(destination::Pending::Tables));
    destination::place_all(pending.collect())?;
    Ok(tally)
}
