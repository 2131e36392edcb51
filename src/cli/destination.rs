//! Where the records go: standard output, or a file that appears complete or not at all.

use std::io::{self, BufWriter, Stdout, Write};
use std::path::Path;

use lgsco::{Format, Prepared, RecordWriter};

use super::atomic::AtomicFile;

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

    /// Flushes standard output, or commits the file.
    fn close(self) -> io::Result<()> {
        match self {
            Destination::Stdout(mut out) => out.flush(),
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

/// A [`RecordWriter`] to a [`Destination`], whose failures name it.
pub struct Output {
    records: RecordWriter<Destination>,
    name: String,
}

impl Output {
    /// Records in `format` to standard output when `path` is `None`, else to the file `path`.
    pub fn open(path: Option<&Path>, format: Format) -> Result<Output, String> {
        let name = path.map_or_else(|| "standard output".to_owned(), |p| p.display().to_string());
        match Destination::open(path) {
            Ok(destination) => Ok(Output {
                records: RecordWriter::new(destination, format),
                name,
            }),
            Err(e) => Err(format!("cannot write {name}: {e}")),
        }
    }

    /// Writes a record rendered for this output's format (or reports why it could not be).
    pub fn write(&mut self, record: io::Result<Prepared>) -> Result<(), String> {
        let written = record.and_then(|record| self.records.write(&record));
        written.map_err(|e| self.failed(e))
    }

    /// Writes a failed document's record.
    pub fn write_error(&mut self, source: &str, error: &str) -> Result<(), String> {
        let written = self.records.write_error(source, error);
        written.map_err(|e| self.failed(e))
    }

    /// Ends the records and flushes standard output or commits the file.
    pub fn close(self) -> Result<(), String> {
        let name = self.name;
        self.records
            .finish()
            .and_then(Destination::close)
            .map_err(|e| format!("cannot write {name}: {e}"))
    }

    fn failed(&self, e: io::Error) -> String {
        format!("cannot write {}: {e}", self.name)
    }
}
