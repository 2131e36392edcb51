//! Files and folders of statements: `parse_file`, and `parse_files`, which parses on a pool of
//! threads while Python takes the records, in input order, one at a time.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};

use lgsco::{Decision, InputKind, Parser};
use pyo3::exceptions::{PyOSError, PyStopIteration};
use pyo3::prelude::*;
use rayon::prelude::*;

use crate::{failed, raise, record};

/// Files larger than this are refused unread, as the program refuses them (8 MiB: see the
/// README's bounds).
const MAX_BYTES: u64 = 8 << 20;

/// The most files parsed together; with the records waiting in the channel, this bounds how
/// far parsing runs ahead of the Python code taking the records.
const CHUNK: usize = 256;

/// One input: a file to read, or a path that could not be walked.
pub(crate) enum Input {
    File(PathBuf),
    Failed { source: String, error: String },
}

/// One record to hand to Python.
pub(crate) enum Item {
    Parsed {
        source: String,
        decision: Box<Decision>,
    },
    Failed {
        source: String,
        error: String,
    },
}

/// The files `paths` name, in order: a file as it is, whatever its name; a folder's `*.txt`,
/// `*.html` and `*.htm` files (any case), walked in sorted order and leaving hidden files and
/// folders out (`._a.txt` copied from a Mac), as the program walks folders.
pub(crate) fn inputs(paths: &[PathBuf]) -> Vec<Input> {
    let mut inputs = Vec::new();
    for path in paths {
        if path.is_dir() {
            let before = inputs.len();
            walk(path, &mut inputs);
            if inputs.len() == before {
                inputs.push(Input::Failed {
                    source: path.display().to_string(),
                    error: "no *.txt, *.html or *.htm files in this directory".into(),
                });
            }
        } else {
            inputs.push(Input::File(path.clone()));
        }
    }
    inputs
}

/// Adds the statements under `dir` to `inputs`.
fn walk(dir: &Path, inputs: &mut Vec<Input>) {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            inputs.push(Input::Failed {
                source: dir.display().to_string(),
                error: format!("cannot read directory: {e}"),
            });
            return;
        }
    };
    let mut children: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    children.sort();
    let hidden = |path: &Path| {
        path.file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
    };
    for child in children.into_iter().filter(|child| !hidden(child)) {
        if child.is_dir() {
            walk(&child, inputs);
        } else if has_extension(&child, &["txt", "html", "htm"]) {
            inputs.push(Input::File(child));
        }
    }
}

fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .is_some_and(|ext| extensions.iter().any(|e| ext.eq_ignore_ascii_case(e)))
}

/// The parser for `path`: a web page when it is named as one, as the program reads files.
fn parser_for(path: &Path, legacy: Option<&'static lgsco::Encoding>) -> Parser {
    let kind = if has_extension(path, &["html", "htm"]) {
        InputKind::Html
    } else {
        InputKind::Auto
    };
    Parser::new().kind(kind).encoding(legacy)
}

/// The bytes of the file at `path`, at most [`MAX_BYTES`].
fn read(path: &Path) -> Result<Vec<u8>, String> {
    let file = fs::File::open(path).map_err(|e| format!("cannot read file: {e}"))?;
    let mut bytes = Vec::new();
    file.take(MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read file: {e}"))?;
    if bytes.len() as u64 > MAX_BYTES {
        return Err(format!(
            "larger than {} MiB: not read as a decision statement",
            MAX_BYTES >> 20
        ));
    }
    Ok(bytes)
}

/// Every record of one input: one per statement it holds (`all.txt#1`, `all.txt#2`, … when it
/// holds several), or one failure.
pub(crate) fn convert(input: &Input, legacy: Option<&'static lgsco::Encoding>) -> Vec<Item> {
    let (path, source) = match input {
        Input::File(path) => (path, path.display().to_string()),
        Input::Failed { source, error } => {
            return vec![Item::Failed {
                source: source.clone(),
                error: error.clone(),
            }];
        }
    };
    let fail = |error: String| {
        vec![Item::Failed {
            source: source.clone(),
            error,
        }]
    };
    if path.is_dir() {
        return fail("not read: a directory, not a regular file".into());
    }
    let bytes = match read(path) {
        Ok(bytes) => bytes,
        Err(error) => return fail(error),
    };
    let decisions = match parser_for(path, legacy).parse(&bytes) {
        Ok(parsed) => parsed.decisions,
        Err(e) => return fail(e.to_string()),
    };
    let several = decisions.len() > 1;
    decisions
        .into_iter()
        .enumerate()
        .map(|(i, result)| {
            let source = if several {
                format!("{source}#{}", i + 1)
            } else {
                source.clone()
            };
            match result {
                Ok(decision) => Item::Parsed {
                    source,
                    decision: Box::new(decision),
                },
                Err(e) => Item::Failed {
                    source,
                    error: e.to_string(),
                },
            }
        })
        .collect()
}

/// Parses the statement in one file; see `lgsco.parse_file`.
#[pyfunction]
#[pyo3(signature = (path, encoding = None))]
pub fn parse_file<'py>(
    py: Python<'py>,
    path: PathBuf,
    encoding: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let legacy = crate::encoding(encoding)?;
    let source = path.display().to_string();
    let result = py.allow_threads(|| {
        let bytes = fs::read(&path)?;
        let parsed = parser_for(&path, legacy)
            .split_statements(false)
            .parse(&bytes)
            .and_then(|p| crate::first(p.decisions));
        Ok::<_, std::io::Error>(parsed)
    });
    match result {
        Ok(Ok(decision)) => record(py, Some(&source), &decision),
        Ok(Err(e)) => Err(raise(py, &e)),
        Err(e) => Err(PyOSError::new_err((
            e.raw_os_error().unwrap_or(0),
            e.to_string(),
            source,
        ))),
    }
}

/// The records of many files, in input order, parsed on a pool of threads; see
/// `lgsco.parse_files`.
#[pyfunction]
#[pyo3(signature = (paths, jobs = None, encoding = None))]
pub fn parse_files(
    paths: Vec<PathBuf>,
    jobs: Option<usize>,
    encoding: Option<&str>,
) -> PyResult<Records> {
    let legacy = crate::encoding(encoding)?;
    let pool = pool(jobs)?;
    let (sender, receiver) = sync_channel(CHUNK);
    std::thread::Builder::new()
        .name("lgsco-parse-files".into())
        .spawn(move || produce(&paths, legacy, &pool, &sender))
        .map_err(|e| PyOSError::new_err(format!("cannot start a thread: {e}")))?;
    Ok(Records {
        receiver: Mutex::new(receiver),
    })
}

/// A pool of `jobs` threads (one per core when not given).
pub(crate) fn pool(jobs: Option<usize>) -> PyResult<rayon::ThreadPool> {
    let threads = jobs
        .filter(|&n| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| PyOSError::new_err(format!("cannot start threads: {e}")))
}

/// Walks `paths` and parses their files a chunk at a time on `pool`, sending the records in
/// input order; stops when the receiving end is gone.
fn produce(
    paths: &[PathBuf],
    legacy: Option<&'static lgsco::Encoding>,
    pool: &rayon::ThreadPool,
    sender: &SyncSender<Item>,
) {
    let inputs = inputs(paths);
    for chunk in inputs.chunks(CHUNK) {
        let items: Vec<Item> = pool.install(|| {
            chunk
                .par_iter()
                .flat_map_iter(|input| convert(input, legacy))
                .collect()
        });
        for item in items {
            if sender.send(item).is_err() {
                return;
            }
        }
    }
}

/// An iterator over the records of `lgsco.parse_files`, in input order.
#[pyclass(module = "lgsco")]
pub struct Records {
    receiver: Mutex<Receiver<Item>>,
}

#[pymethods]
impl Records {
    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    fn __next__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let receiver = &self.receiver;
        let item = py.allow_threads(|| {
            receiver
                .lock()
                .map_err(|_| ())
                .and_then(|r| r.recv().map_err(|_| ()))
        });
        match item {
            Ok(Item::Parsed { source, decision }) => record(py, Some(&source), &decision),
            Ok(Item::Failed { source, error }) => failed(py, &source, &error),
            Err(()) => Err(PyStopIteration::new_err(())),
        }
    }
}
