//! Where the records go: standard output, a file, or a folder of tables, each appearing complete
//! or not at all.

use std::fs::File;
use std::io::{self, BufWriter, Stdout, Write};
use std::path::Path;

use lgsco::{Format, Prepared, RecordWriter, Table, TableRows, TableWriter};

use super::atomic::{AtomicDir, AtomicFile};

/// Standard output or an [`AtomicFile`].
pub enum Destination {
    /// Standard output, buffered.
    Stdout(BufWriter<Stdout>),
    /// A file, renamed into place by [`Destination::close`].
    File(AtomicFile),
}

impl Destination {
    /// Standard output when `path` is `None`, else a new [`AtomicFile`] for `path`.
    fn open(path: Option<&Path>) -> io::Result<Destination> {
        Ok(match path {
            None => Destination::Stdout(BufWriter::new(io::stdout())),
            Some(path) => Destination::File(AtomicFile::create(path)?),
        })
    }

    /// Flushes standard output, or makes the file ready to be renamed into place.
    fn make_ready(&mut self) -> io::Result<()> {
        match self {
            Destination::Stdout(out) => out.flush(),
            Destination::File(file) => file.make_ready(),
        }
    }

    /// Renames the file into place (nothing to do for standard output).
    fn commit(self) -> io::Result<()> {
        match self {
            Destination::Stdout(_) => Ok(()),
            Destination::File(file) => file.commit(),
        }
    }
}

impl Write for Destination {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        match self {
            Destination::Stdout(out) => out.write(bytes),
            Destination::File(file) => file.write(bytes),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Destination::Stdout(out) => out.flush(),
            Destination::File(file) => file.flush(),
        }
    }
}

/// Why a run stopped writing.
#[derive(Debug)]
pub enum Stop {
    /// The reader of standard output went away (`lgsco … | head -1`): nothing is wrong.
    ReaderGone,
    /// An output could not be written; the message names it.
    Failed(String),
}

/// A [`RecordWriter`] to a [`Destination`], whose failures name it.
pub struct Output {
    records: RecordWriter<Destination>,
    name: String,
    to_stdout: bool,
}

impl Output {
    /// Records in `format` to standard output when `path` is `None`, else to the file `path`.
    pub fn open(path: Option<&Path>, format: Format, raw_csv: bool) -> Result<Output, Stop> {
        let name = path.map_or_else(
            || "standard output".to_owned(),
            |p| super::printable(&p.display().to_string()),
        );
        if path.is_none() {
            standard_output_is_open().map_err(|e| cannot_write(&name, e))?;
        }
        match Destination::open(path) {
            Ok(destination) => Ok(Output {
                records: RecordWriter::new(destination, format).raw_csv(raw_csv),
                name,
                to_stdout: path.is_none(),
            }),
            Err(e) => Err(cannot_write(&name, e)),
        }
    }

    /// Writes a record rendered for this output's format (or reports why it could not be).
    pub fn write(&mut self, record: io::Result<Prepared>) -> Result<(), Stop> {
        let written = record.and_then(|record| self.records.write(&record));
        written.map_err(|e| self.failed(e))
    }

    /// Writes a failed document's record.
    pub fn write_error(&mut self, source: &str, error: &str) -> Result<(), Stop> {
        let written = self.records.write_error(source, error);
        written.map_err(|e| self.failed(e))
    }

    /// Ends the records and makes them ready: standard output flushed, or the file written and
    /// synced, with only its rename into place left ([`Ready::commit`]).
    pub fn finish(self) -> Result<Ready, Stop> {
        let (name, to_stdout) = (self.name, self.to_stdout);
        let ready = self.records.finish().and_then(|mut destination| {
            destination.make_ready()?;
            Ok(destination)
        });
        match ready {
            Ok(destination) => Ok(Ready { destination, name }),
            Err(e) => Err(stop(&name, to_stdout, e)),
        }
    }

    fn failed(&self, e: io::Error) -> Stop {
        stop(&self.name, self.to_stdout, e)
    }
}

/// An output with everything written, waiting to be put in place.
pub struct Ready {
    destination: Destination,
    name: String,
}

impl Ready {
    /// Puts the output in place: renames the file over its target.
    pub fn commit(self) -> Result<(), Stop> {
        let name = self.name;
        self.destination
            .commit()
            .map_err(|e| cannot_write(&name, e))
    }
}

/// The `--tables` folder: one CSV file per [`Table`], written as a set into an [`AtomicDir`].
pub struct Tables {
    folder: AtomicDir,
    writer: TableWriter<BufWriter<File>>,
    name: String,
}

/// The data dictionary written beside the tables.
const DATA_PACKAGE: &str = "datapackage.json";

impl Tables {
    /// Starts the set of tables that becomes the folder `path`.
    pub fn open(path: &Path) -> Result<Tables, Stop> {
        let name = format!(
            "tables to {}",
            super::printable(&path.display().to_string())
        );
        let failed = |e: io::Error| cannot_write(&name, e);
        let names: Vec<&str> = Table::ALL
            .map(Table::file_name)
            .into_iter()
            .chain([DATA_PACKAGE])
            .collect();
        let folder = AtomicDir::create(path, &names).map_err(failed)?;
        // The data dictionary: each column's type, the keys (`lgsco::data_package`).
        let package = serde_json::to_vec_pretty(&lgsco::data_package()).map_err(io::Error::from);
        package
            .and_then(|json| {
                let mut file = folder.create_file(DATA_PACKAGE)?;
                file.write_all(&json)?;
                file.sync_all()
            })
            .map_err(failed)?;
        let files = Table::ALL.map(|table| folder.create_file(table.file_name()));
        let files = files
            .into_iter()
            .collect::<io::Result<Vec<File>>>()
            .map_err(failed)?;
        let outputs = <[File; 9]>::try_from(files)
            .map_err(|_| Stop::Failed("one file per table".into()))?
            .map(BufWriter::new);
        let writer = TableWriter::new(outputs).map_err(failed)?;
        Ok(Tables {
            folder,
            writer,
            name,
        })
    }

    /// Appends one document's rows.
    pub fn write(&mut self, rows: &TableRows) -> Result<(), Stop> {
        let written = self.writer.write(rows);
        written.map_err(|e| cannot_write(&self.name, e))
    }

    /// Writes and syncs every table, leaving only the folder's rename into place.
    pub fn finish(self) -> Result<ReadyTables, Stop> {
        let name = self.name;
        let ready = self.writer.finish().and_then(|outputs| {
            for output in outputs {
                output
                    .into_inner()
                    .map_err(|e| e.into_error())?
                    .sync_all()?;
            }
            self.folder.make_ready()
        });
        match ready {
            Ok(()) => Ok(ReadyTables {
                folder: self.folder,
                name,
            }),
            Err(e) => Err(cannot_write(&name, e)),
        }
    }
}

/// A complete set of tables, waiting to be put in place.
pub struct ReadyTables {
    folder: AtomicDir,
    name: String,
}

impl ReadyTables {
    /// Renames the folder into place.
    pub fn commit(self) -> Result<(), Stop> {
        let name = self.name;
        self.folder.commit().map_err(|e| cannot_write(&name, e))
    }
}

/// The failure to write the output named `name`.
fn cannot_write(name: &str, e: io::Error) -> Stop {
    Stop::Failed(format!("cannot write {name}: {e}"))
}

/// A write error as a [`Stop`]: a broken pipe on standard output is its reader going away.
fn stop(name: &str, to_stdout: bool, e: io::Error) -> Stop {
    if to_stdout && e.kind() == io::ErrorKind::BrokenPipe {
        Stop::ReaderGone
    } else {
        cannot_write(name, e)
    }
}

/// Whether standard output is open. A program started with it closed (`lgsco corpus >&-`) finds
/// it open on `/dev/null` for reading and writing (the Rust runtime reopens closed standard
/// descriptors so), where a shell's `> /dev/null` opens it for writing only; on Linux that is
/// told from `/proc/self/fdinfo/1`, elsewhere standard output is taken to be open.
fn standard_output_is_open() -> io::Result<()> {
    let reopened = std::fs::read_link("/proc/self/fd/1").is_ok_and(|p| p == Path::new("/dev/null"))
        && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
            info.lines()
                .find_map(|line| line.strip_prefix("flags:"))
                .and_then(|flags| u32::from_str_radix(flags.trim(), 8).ok())
                .is_some_and(|flags| flags & 0o3 == 0o2)
        });
    if reopened {
        Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "standard output is closed",
        ))
    } else {
        Ok(())
    }
}
