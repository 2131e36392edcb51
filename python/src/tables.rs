//! The program's tables (`lgsco --tables`), as CSV bytes with their header rows, for
//! `lgsco.tables` to read into typed `pyarrow.Table`s with the columns' types of
//! `lgsco::Table::columns`.

use lgsco::{Decision, Table, TableRows, TableWriter};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use rayon::prelude::*;

use crate::files::{self, Item};

/// The rows of one record (raw: no spreadsheet quoting, since the cells are read as data).
fn rows(item: &Item) -> std::io::Result<TableRows> {
    match item {
        Item::Parsed { source, decision } => TableRows::of_decision(source, decision, true),
        Item::Failed { source, error } => TableRows::of_error(source, error, true),
    }
}

/// Every table's CSV bytes, header row first, for `items` in order.
fn csv<'py>(py: Python<'py>, all: &[TableRows]) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let written = TableWriter::new(Table::ALL.map(|_| Vec::new())).and_then(|mut writer| {
        all.iter().try_for_each(|rows| writer.write(rows))?;
        writer.finish()
    });
    let outputs = written.map_err(|e| PyOSError::new_err(e.to_string()))?;
    Ok(outputs
        .iter()
        .map(|bytes| PyBytes::new(py, bytes))
        .collect())
}

/// The tables of the files and folders `paths`, parsed as `parse_files` parses them.
#[pyfunction]
#[pyo3(signature = (paths, jobs = None, encoding = None))]
pub fn table_csv_of_files<'py>(
    py: Python<'py>,
    paths: Vec<std::path::PathBuf>,
    jobs: Option<usize>,
    encoding: Option<&str>,
) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let legacy = crate::encoding(encoding)?;
    let pool = files::pool(jobs)?;
    let all = py.allow_threads(|| {
        let inputs = files::inputs(&paths);
        pool.install(|| {
            inputs
                .par_iter()
                .flat_map_iter(|input| files::convert(input, legacy))
                .map(|item| rows(&item))
                .collect::<std::io::Result<Vec<TableRows>>>()
        })
    });
    csv(py, &all.map_err(|e| PyOSError::new_err(e.to_string()))?)
}

/// The tables of records given as their JSON texts (the program's JSON Lines lines, or
/// `lgsco.parse`'s dicts written as JSON).
#[pyfunction]
pub fn table_csv_of_records<'py>(
    py: Python<'py>,
    records: Vec<String>,
) -> PyResult<Vec<Bound<'py, PyBytes>>> {
    let all = py.allow_threads(|| {
        records
            .par_iter()
            .map(|json| {
                let value: serde_json::Value =
                    serde_json::from_str(json).map_err(|e| e.to_string())?;
                let source = value
                    .get("source")
                    .and_then(|s| s.as_str())
                    .unwrap_or("")
                    .to_owned();
                if let Some(error) = value.get("error").and_then(|e| e.as_str()) {
                    let error = error.to_owned();
                    return rows(&Item::Failed { source, error }).map_err(|e| e.to_string());
                }
                let decision: Decision = serde_json::from_value(value)
                    .map_err(|e| format!("not a record of lgsco ({source}): {e}"))?;
                let decision = Box::new(decision);
                rows(&Item::Parsed { source, decision }).map_err(|e| e.to_string())
            })
            .collect::<Result<Vec<TableRows>, String>>()
    });
    csv(py, &all.map_err(PyValueError::new_err)?)
}

/// Each table's name and its columns' names and types (`string`, `integer`, `boolean`,
/// `date`), in order.
#[pyfunction]
pub fn table_columns() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    Table::ALL
        .iter()
        .map(|table| {
            let columns = table.columns().iter().map(|c| (c.name, c.kind.name()));
            (table.name(), columns.collect())
        })
        .collect()
}

/// The data dictionary of the tables (`datapackage.json`), as JSON text.
#[pyfunction]
pub fn data_package_json() -> PyResult<String> {
    serde_json::to_string(&lgsco::data_package()).map_err(|e| PyValueError::new_err(e.to_string()))
}
