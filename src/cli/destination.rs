//! Where the records go: standard output, a file, or a folder of tables, each appearing complete
//! or not at all.

use std::fs::File;
use std::io::{self, BufWriter, Stdout, Write};
use std::path::Path;
#[cfg(test)]
use std::{fs, path::PathBuf};

use lgsco::{Format, Prepared, RecordWriter, Table, TableRows, TableWriter};

use super::atomic::{AtomicDir, AtomicFile, Placed, PlacedDir};

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
        let path = path.filter(|path| !is_stdout(path));
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

/// A finished output waiting to be put in place: records or tables.
pub enum Pending {
    /// Records, to standard output or a file.
    Records(Ready),
    /// A folder of tables.
    Tables(ReadyTables),
}

/// An output put in place whose earlier version can still be put back.
enum Done {
    File(Placed, String),
    Dir(PlacedDir, String),
}

/// Puts every finished output in place, or none: when one cannot be renamed into place, those
/// already placed are put back as they were. Every finished file or folder that is not in place
/// then is kept under its temporary name, and the message says where.
pub fn place_all(pending: Vec<Pending>) -> Result<(), Stop> {
    let mut done: Vec<Done> = Vec::new();
    for output in pending {
        let (placed, name) = match output {
            Pending::Records(Ready {
                destination: Destination::Stdout(_),
                ..
            }) => continue,
            Pending::Records(Ready {
                destination: Destination::File(file),
                name,
            }) => (file.place().map(|p| Done::File(p, name.clone())), name),
            Pending::Tables(ReadyTables { folder, name }) => {
                (folder.place().map(|p| Done::Dir(p, name.clone())), name)
            }
        };
        match placed {
            Ok(placed) => done.push(placed),
            Err((e, kept)) => {
                let mut message = format!("cannot write {name}: {e}");
                if let Some(kept) = kept {
                    message.push_str(&format!(
                        "; the finished output is kept in {}",
                        shown(&kept)
                    ));
                }
                for placed in done.into_iter().rev() {
                    let (undone, name) = match placed {
                        Done::File(p, name) => (p.undo(), name),
                        Done::Dir(p, name) => (p.undo(), name),
                    };
                    message.push_str(&match undone {
                        Ok(kept) => format!(
                            "; {name} was put back as it was, and its finished output is kept in {}",
                            shown(&kept)
                        ),
                        Err(e) => format!("; {name} was written but could not be put back: {e}"),
                    });
                }
                return Err(Stop::Failed(message));
            }
        }
    }
    for placed in done {
        match placed {
            Done::File(p, _) => p.settle(),
            Done::Dir(p, _) => p.settle(),
        }
    }
    Ok(())
}

/// A path as messages show it.
fn shown(path: &Path) -> String {
    super::printable(&path.display().to_string())
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

/// Whether `path` names standard output: `-`, or `/dev/stdout` and its aliases (which are links
/// to whatever standard output is, so a target to write to rather than a file to replace).
pub fn is_stdout(path: &Path) -> bool {
    ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|name| path == Path::new(name))
}

/// Whether standard output was closed when the program started (`lgsco corpus >&-`), as recorded
/// by [`record_closed_stdout`] before the Rust runtime ran.
static STDOUT_CLOSED_AT_START: std::sync::atomic::AtomicBool =
    std::sync::atomic::AtomicBool::new(false);

/// Records whether descriptor 1 is closed. The Rust runtime reopens a closed standard descriptor
/// on `/dev/null` for reading and writing before `main`, which would make `>&-` look like an
/// open `1<>/dev/null` (as `subprocess.DEVNULL` and many job runners give): so this runs from
/// the ELF initialiser list, after the C library is set up and before the runtime's own start.
#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
extern "C" fn record_closed_stdout() {
    // SAFETY: `fcntl(F_GETFD)` only reads the descriptor's flags; it fails with EBADF when the
    // descriptor is not open.
    let closed = unsafe { libc::fcntl(1, libc::F_GETFD) } == -1;
    STDOUT_CLOSED_AT_START.store(closed, std::sync::atomic::Ordering::Relaxed);
}

#[cfg(any(target_os = "linux", target_os = "android", target_os = "freebsd"))]
#[used]
#[unsafe(link_section = ".init_array")]
static RECORD_CLOSED_STDOUT: extern "C" fn() = record_closed_stdout;

/// Whether standard output is open: it is unless it was closed when the program started (told
/// before the Rust runtime reopened it, see [`record_closed_stdout`]). `/dev/null` opened for
/// writing, or for reading and writing, is open.
fn standard_output_is_open() -> io::Result<()> {
    if STDOUT_CLOSED_AT_START.load(std::sync::atomic::Ordering::Relaxed) {
        Err(io::Error::new(
            io::ErrorKind::BrokenPipe,
            "standard output is closed",
        ))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(path: &Path, source: &str) -> Ready {
        let mut output = Output::open(Some(path), Format::JsonLines, false).unwrap();
        output.write_error(source, "x").unwrap();
        output.finish().unwrap()
    }

    #[test]
    fn outputs_are_placed_together_or_put_back_with_the_finished_files_kept() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        fs::write(&a, "old a\n").unwrap();
        let pending = vec![
            Pending::Records(ready(&a, "1")),
            Pending::Records(ready(&b, "1")),
        ];
        place_all(pending).unwrap();
        assert!(fs::read_to_string(&a).unwrap().contains("\"1\""));
        assert!(b.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 2);
        // b cannot be replaced when the time comes (it became a folder that is not empty): a is
        // put back as it was, and both finished files are kept, the message says where.
        let pending = vec![
            Pending::Records(ready(&a, "2")),
            Pending::Records(ready(&b, "2")),
        ];
        fs::remove_file(&b).unwrap();
        fs::create_dir(&b).unwrap();
        fs::write(b.join("x"), "").unwrap();
        let Err(Stop::Failed(message)) = place_all(pending) else {
            panic!("placed over a folder");
        };
        assert!(
            fs::read_to_string(&a).unwrap().contains("\"1\""),
            "{message}"
        );
        assert!(message.contains("cannot write"), "{message}");
        assert!(message.contains("was put back as it was"), "{message}");
        let kept: Vec<PathBuf> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.to_string_lossy().contains("lgsco-tmp"))
            .collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        for kept in kept {
            assert!(message.contains(&kept.display().to_string()), "{message}");
            assert!(fs::read_to_string(&kept).unwrap().contains("\"2\""));
        }
    }
}
