//! `lgsco._lgsco`, the compiled part of the `lgsco` Python package: the parser, and the batch of
//! files parsed on a pool of threads, with the GIL released while Rust works. The Python part
//! (`lgsco/__init__.py`) adds the tables and documents the API; its stubs (`__init__.pyi`) give
//! every signature.

mod files;
mod tables;
mod topy;

use lgsco::{Decision, ErrorKind, InputKind, Parser};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use serde::Serialize;

/// A document that could not be parsed, as the program writes it.
#[derive(Serialize)]
struct Failed<'a> {
    source: &'a str,
    error: &'a str,
}

pyo3::create_exception!(
    lgsco,
    ParseError,
    PyValueError,
    "The text is not a decision statement, or its bytes cannot be decoded.\n\n\
     ``kind`` is ``\"empty\"``, ``\"not_a_decision\"`` or ``\"invalid_utf8\"``; ``message`` says \
     what is wrong in words; ``position`` is the byte offset it refers to (the first byte that \
     is not UTF-8), or ``None``."
);

/// The name of an error kind, as `ParseError.kind` gives it.
fn kind_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Empty => "empty",
        ErrorKind::NotADecision => "not_a_decision",
        ErrorKind::InvalidUtf8 => "invalid_utf8",
        _ => "other",
    }
}

/// `error` raised as a `lgsco.ParseError`, with its `kind`, `message` and `position`.
fn raise(py: Python<'_>, error: &lgsco::ParseError) -> PyErr {
    let message = error.to_string();
    let err = ParseError::new_err(message.clone());
    let value = err.value(py);
    let set = value
        .setattr("kind", kind_name(error.kind()))
        .and_then(|()| value.setattr("message", message))
        .and_then(|()| value.setattr("position", error.position()));
    match set {
        Ok(()) => err,
        Err(e) => e,
    }
}

/// The record of `decision` as a dict: `source`, then the decision's fields, as the program
/// writes them.
fn record<'py>(
    py: Python<'py>,
    source: Option<&str>,
    decision: &Decision,
) -> PyResult<Bound<'py, PyAny>> {
    let dict = PyDict::new(py);
    dict.set_item(pyo3::intern!(py, "source"), source)?;
    topy::to_py_into(dict, decision)
}

/// The record of a document that failed, `{"source": …, "error": …}`.
fn failed<'py>(py: Python<'py>, source: &str, error: &str) -> PyResult<Bound<'py, PyAny>> {
    topy::to_py(py, &Failed { source, error })
}

/// How to read `kind` (`"auto"`, `"text"`, `"html"`).
fn input_kind(kind: &str) -> PyResult<InputKind> {
    match kind {
        "auto" => Ok(InputKind::Auto),
        "text" => Ok(InputKind::Text),
        "html" => Ok(InputKind::Html),
        other => Err(PyValueError::new_err(format!(
            "kind must be \"auto\", \"text\" or \"html\", not {other:?}"
        ))),
    }
}

/// A legacy encoding named by its label (`"windows-1252"`).
fn encoding(label: Option<&str>) -> PyResult<Option<&'static lgsco::Encoding>> {
    label
        .map(|label| {
            lgsco::Encoding::for_label(label.as_bytes())
                .ok_or_else(|| PyValueError::new_err(format!("unknown encoding {label:?}")))
        })
        .transpose()
}

/// Parses one decision statement; see `lgsco.parse`.
#[pyfunction]
#[pyo3(signature = (text, source = None, kind = "auto", encoding = None))]
fn parse<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
    source: Option<&str>,
    kind: &str,
    encoding: Option<&str>,
) -> PyResult<Bound<'py, PyAny>> {
    let parser = Parser::new()
        .kind(input_kind(kind)?)
        .encoding(self::encoding(encoding)?)
        .split_statements(false);
    let parsed = if let Ok(text) = text.downcast::<PyString>() {
        let text = text.to_cow()?;
        py.allow_threads(|| first(parser.parse_str(&text).decisions))
    } else if let Ok(bytes) = text.downcast::<PyBytes>() {
        let bytes = bytes.as_bytes();
        py.allow_threads(|| parser.parse(bytes).and_then(|p| first(p.decisions)))
    } else {
        return Err(PyTypeError::new_err(format!(
            "text must be str or bytes, not {}",
            text.get_type().name()?
        )));
    };
    match parsed {
        Ok(decision) => record(py, source, &decision),
        Err(e) => Err(raise(py, &e)),
    }
}

/// The one result of a parse that does not split statements.
fn first(
    decisions: Vec<Result<Decision, lgsco::ParseError>>,
) -> Result<Decision, lgsco::ParseError> {
    decisions
        .into_iter()
        .next()
        .unwrap_or_else(|| Err(lgsco::parse("").unwrap_err()))
}

/// The JSON Schema of a record, as JSON text (`lgsco.schema()` reads it).
#[pyfunction]
fn schema_json() -> PyResult<String> {
    serde_json::to_string(&lgsco::record_schema()).map_err(|e| PyValueError::new_err(e.to_string()))
}

#[pymodule]
fn _lgsco(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("ParseError", m.py().get_type::<ParseError>())?;
    m.add_class::<files::Records>()?;
    m.add_function(wrap_pyfunction!(parse, m)?)?;
    m.add_function(wrap_pyfunction!(files::parse_file, m)?)?;
    m.add_function(wrap_pyfunction!(files::parse_files, m)?)?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table_csv_of_files, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table_csv_of_records, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(tables::data_package_json, m)?)?;
    Ok(())
}
