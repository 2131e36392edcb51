//! Writing batches of records: JSON Lines, one JSON array, or flat CSV rows.
//!
//! Every record carries the `source` it came from (a path, or `-` for standard input). A document
//! that could not be parsed is written as an error record, so a batch never loses an input.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};
use std::str::FromStr;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::model::{Decision, Layout, OutcomeKind, PaymentKind, Template};

/// An output format for [`RecordWriter`].
///
/// Parsed from its command-line name:
///
/// ```
/// use lgsco::Format;
/// assert_eq!("jsonl".parse::<Format>(), Ok(Format::JsonLines));
/// assert_eq!("csv".parse::<Format>(), Ok(Format::Csv));
/// assert_eq!(Format::Json.to_string(), "json");
/// assert!("xml".parse::<Format>().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// `jsonl`: one JSON object per line, `{"source": ..., <the Decision's fields>}`.
    #[default]
    JsonLines,
    /// `json`: one JSON array holding the same objects, one per line.
    Json,
    /// `csv`: a header row, then one [`FlatRecord`] per line.
    Csv,
}

impl Format {
    /// Every format's name, as [`FromStr`] reads it and [`fmt::Display`] writes it.
    pub const NAMES: [&'static str; 3] = ["jsonl", "json", "csv"];

    fn name(self) -> &'static str {
        match self {
            Format::JsonLines => Self::NAMES[0],
            Format::Json => Self::NAMES[1],
            Format::Csv => Self::NAMES[2],
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(name: &str) -> Result<Self, String> {
        [Format::JsonLines, Format::Json, Format::Csv]
            .into_iter()
            .find(|format| format.name() == name)
            .ok_or_else(|| format!("unknown format `{name}`: expected jsonl, json or csv"))
    }
}

/// One decision as a flat row: the fields a spreadsheet needs, no nesting.
///
/// The CSV format writes these with [`FlatRecord::HEADERS`] as its header row. Absent values are
/// empty cells. A document that failed has only `source` and `error`.
///
/// `total_payment_pence`, `agreed_action_count` and `fault_found` are the remedy columns, filled
/// from `Decision::total_payment_pence`, the number of `Decision::agreed_actions` and
/// `Decision::fault_found`; `truncated`, `layout` and `warnings` (the kinds, joined by `|`) say
/// how far the values can be trusted (a cut-off copy has no agreed actions to count).
///
/// ```
/// let text = std::fs::read_to_string("corpus/knowsley-22-014-796.txt")?;
/// let decision = lgsco::parse(&text)?;
/// let row = lgsco::FlatRecord::from_decision("knowsley.txt", &decision);
/// assert_eq!(row.reference.as_deref(), Some("22 014 796"));
/// assert_eq!(row.category_area.as_deref(), Some("Children's care services"));
/// assert_eq!(row.outcome_kind, Some(lgsco::OutcomeKind::Upheld));
/// assert_eq!(row.decision_date.unwrap().to_string(), "2023-08-22");
/// assert!(row.error.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FlatRecord {
    /// Where the document came from.
    pub source: String,
    /// [`Decision::organisation`].
    pub organisation: Option<String>,
    /// [`Decision::reference`].
    pub reference: Option<String>,
    /// The category's area, the part before `>`.
    pub category_area: Option<String>,
    /// The category's subcategory, the part after `>`.
    pub category_subcategory: Option<String>,
    /// What the outcome means (`upheld`, `not_upheld`, …).
    pub outcome_kind: Option<OutcomeKind>,
    /// The outcome as written.
    pub outcome_text: Option<String>,
    /// [`Decision::decision_date`], as an ISO date.
    pub decision_date: Option<NaiveDate>,
    /// [`Decision::complainant`].
    pub complainant: Option<String>,
    /// The total the organisation agreed to pay, in pence (from `Decision::total_payment_pence`).
    pub total_payment_pence: Option<u64>,
    /// Where the decision's sum paid is read from: `agreed_actions` (the agreed actions, whose
    /// total is `total_payment_pence`), `summary` (no agreed actions in the copy, but the summary's
    /// remedy pays `summary_remedy_pence`), absent when neither says. The two are never added.
    pub total_payment_from: Option<PaymentSource>,
    /// How many actions the organisation agreed to (the length of `Decision::agreed_actions`).
    pub agreed_action_count: Option<u64>,
    /// Whether the Ombudsman found fault (from `Decision::fault_found`).
    pub fault_found: Option<bool>,
    /// [`Decision::truncated`].
    pub truncated: Option<bool>,
    /// [`Decision::layout`].
    pub layout: Option<Layout>,
    /// [`Decision::template`].
    pub template: Option<Template>,
    /// The kinds of [`Decision::warnings`], joined by `|` (`no_header_lines|truncated`); absent
    /// when there are none.
    pub warnings: Option<String>,
    /// How many findings the statement makes (the length of `Decision::findings`).
    pub finding_count: Option<u64>,
    /// How many dates it mentions (the length of `Decision::dates`).
    pub date_count: Option<u64>,
    /// How many citations of legislation it makes (the length of `Decision::legislation`).
    pub citation_count: Option<u64>,
    /// What the summary's remedy pays, in pence (the sum of `Decision::summary_remedy`'s
    /// payments); absent when the summary states no remedy.
    pub summary_remedy_pence: Option<u64>,
    /// Why the document could not be parsed; empty for a parsed one.
    pub error: Option<String>,
}

/// Where a [`FlatRecord`]'s sum paid is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PaymentSource {
    /// The agreed actions: their total is `total_payment_pence`.
    AgreedActions,
    /// Only the summary's remedy (the copy stops before any agreed actions): `summary_remedy_pence`.
    Summary,
}

impl FlatRecord {
    /// The CSV header row: the field names, in order.
    ///
    /// ```
    /// assert_eq!(lgsco::FlatRecord::HEADERS[0], "source");
    /// assert_eq!(lgsco::FlatRecord::HEADERS.last(), Some(&"error"));
    /// ```
    pub const HEADERS: [&'static str; 22] = crate::tables::DECISION_HEADERS;

    /// The row with every text cell that a spreadsheet would read as a formula (one starting
    /// with `=`, `+`, `-`, `@`, a tab or a carriage return) prefixed with `'`, as OWASP advises
    /// for CSV files opened in spreadsheets. [`RecordWriter`] writes rows so unless told
    /// [`RecordWriter::raw_csv`].
    ///
    /// ```
    /// let row = lgsco::FlatRecord {
    ///     organisation: Some("=HYPERLINK(\"x\") Council".into()),
    ///     ..Default::default()
    /// };
    /// assert_eq!(row.neutralised().organisation.as_deref(), Some("'=HYPERLINK(\"x\") Council"));
    /// ```
    pub fn neutralised(&self) -> FlatRecord {
        let optional =
            |text: &Option<String>| text.as_deref().map(|t| formula_safe(t).into_owned());
        FlatRecord {
            source: formula_safe(&self.source).into_owned(),
            organisation: optional(&self.organisation),
            reference: optional(&self.reference),
            category_area: optional(&self.category_area),
            category_subcategory: optional(&self.category_subcategory),
            outcome_text: optional(&self.outcome_text),
            complainant: optional(&self.complainant),
            error: optional(&self.error),
            ..self.clone()
        }
    }

    /// The row for a parsed decision.
    pub fn from_decision(source: &str, decision: &Decision) -> Self {
        // A conditional sum (`up to £300`, `£150 if …`) is not agreed, here as in the total.
        let summary_remedy_pence = decision.summary_remedy.as_ref().map(|r| {
            (r.payments.iter())
                .filter(|p| p.kind != PaymentKind::Conditional)
                .map(|p| p.amount_pence)
                .sum()
        });
        let category = decision.category.as_ref();
        let outcome = decision.outcome.as_ref();
        FlatRecord {
            source: source.to_owned(),
            organisation: decision.organisation.clone(),
            reference: decision.reference.clone(),
            category_area: category.map(|c| c.area.clone()),
            category_subcategory: category.and_then(|c| c.subcategory.clone()),
            outcome_kind: outcome.map(|o| o.kind),
            outcome_text: outcome.map(|o| o.text.clone()),
            decision_date: decision.decision_date,
            complainant: decision.complainant.clone(),
            total_payment_pence: decision.total_payment_pence,
            agreed_action_count: Some(decision.agreed_actions.len() as u64),
            fault_found: decision.fault_found,
            truncated: Some(decision.truncated),
            layout: Some(decision.layout),
            template: Some(decision.template),
            warnings: Some(joined_names(decision.warnings.iter().map(|w| w.kind))),
            finding_count: Some(decision.findings.len() as u64),
            date_count: Some(decision.dates.len() as u64),
            citation_count: Some(decision.legislation.len() as u64),
            summary_remedy_pence,
            total_payment_from: if decision.total_payment_pence.is_some() {
                Some(PaymentSource::AgreedActions)
            } else {
                summary_remedy_pence
                    .filter(|&pence| pence > 0)
                    .map(|_| PaymentSource::Summary)
            },
            error: None,
        }
    }

    /// The row for a document that could not be parsed.
    ///
    /// ```
    /// let row = lgsco::FlatRecord::from_error("a.txt", "empty input");
    /// assert_eq!(row.error.as_deref(), Some("empty input"));
    /// assert!(row.organisation.is_none());
    /// ```
    pub fn from_error(source: &str, error: &str) -> Self {
        FlatRecord {
            source: source.to_owned(),
            error: Some(error.to_owned()),
            ..FlatRecord::default()
        }
    }
}

/// `text` with a `'` before it when a spreadsheet would read it as a formula (it starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return), as OWASP advises for CSV files: `=1+1`
/// becomes `'=1+1`, `Ms X` stays as it is.
pub(crate) fn formula_safe(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The serde names of `values` (`no_header_lines`, `truncated`), joined by `|`: how a list of
/// kinds goes into one CSV cell.
pub(crate) fn joined_names<T: Serialize>(values: impl IntoIterator<Item = T>) -> String {
    let names: Vec<String> = values
        .into_iter()
        .filter_map(|value| match serde_json::to_value(value) {
            Ok(serde_json::Value::String(name)) => Some(name),
            _ => None,
        })
        .collect();
    names.join("|")
}

/// One record rendered for a [`Format`], ready for [`RecordWriter::write`]. Rendering is most of
/// the cost of writing a record, and it can be done on any thread, so a parallel batch renders
/// records where it parses them and only writes them in order.
///
/// ```
/// use lgsco::{Format, Prepared, RecordWriter};
/// let decision = lgsco::parse("Summary: Mr Q complained.\nThe complaint\nIt was late.")?;
/// let record = Format::JsonLines.prepare_decision("q.txt", &decision)?;
/// assert!(matches!(&record, Prepared::Json(bytes) if bytes.starts_with(br#"{"source":"q.txt""#)));
/// let mut writer = RecordWriter::new(Vec::new(), Format::JsonLines);
/// writer.write(&record)?;
/// assert_eq!(writer.finish()?.iter().filter(|&&b| b == b'\n').count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum Prepared {
    /// A JSON object, for [`Format::JsonLines`] and [`Format::Json`] (separators are added on writing).
    Json(Vec<u8>),
    /// A CSV row, for [`Format::Csv`] (boxed: it is much larger than the JSON variant).
    Row(Box<FlatRecord>),
}

impl Format {
    /// Renders the record of a parsed decision for this format.
    pub fn prepare_decision(self, source: &str, decision: &Decision) -> io::Result<Prepared> {
        self.prepare(&Sourced { source, decision }, || {
            FlatRecord::from_decision(source, decision)
        })
    }

    /// Renders the record of a document that could not be parsed for this format.
    pub fn prepare_error(self, source: &str, error: &str) -> io::Result<Prepared> {
        self.prepare(&Failed { source, error }, || {
            FlatRecord::from_error(source, error)
        })
    }

    /// The JSON object for the JSON formats, the flat row for CSV.
    fn prepare(
        self,
        json: &impl Serialize,
        row: impl FnOnce() -> FlatRecord,
    ) -> io::Result<Prepared> {
        match self {
            Format::JsonLines | Format::Json => Ok(Prepared::Json(serde_json::to_vec(json)?)),
            Format::Csv => Ok(Prepared::Row(Box::new(row()))),
        }
    }
}

/// A JSON record: the source first, then the decision's own fields.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Sourced<'a> {
    /// Where the document came from: its path, `-` for standard input, `PATH#N` for the Nth of
    /// several statements in one file.
    source: &'a str,
    #[serde(flatten)]
    decision: &'a Decision,
}

/// A JSON error record.
#[derive(Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
struct Failed<'a> {
    /// Where the document came from.
    source: &'a str,
    /// Why it could not be parsed.
    error: &'a str,
}

/// The JSON Schema (draft 2020-12) of one record as [`RecordWriter`] writes it in JSON: a parsed
/// decision (`source` and the [`Decision`]'s fields) or a failed document (`source` and `error`).
/// Generated from the model types, so it changes with them.
///
/// ```
/// let schema = lgsco::record_schema();
/// assert_eq!(schema["title"], "Record");
/// assert_eq!(schema["anyOf"].as_array().map(Vec::len), Some(2));
/// assert!(schema["$defs"]["Finding"]["properties"]["verdict"].is_object());
/// ```
#[cfg(feature = "schema")]
pub fn record_schema() -> serde_json::Value {
    /// One line of lgsco's JSON Lines output: a parsed decision, or a document that failed.
    #[derive(schemars::JsonSchema)]
    #[serde(untagged)]
    #[expect(dead_code, reason = "only its schema is used")]
    enum Record<'a> {
        Parsed(Sourced<'a>),
        Failed(Failed<'a>),
    }
    schemars::schema_for!(Record).to_value()
}

/// Writes records one at a time in a [`Format`], holding none of them in memory.
///
/// Call [`RecordWriter::finish`] at the end: it closes the JSON array and flushes.
///
/// ```
/// use lgsco::{Format, RecordWriter};
/// let decision = lgsco::parse("Summary: Mr Q complained about transport.\nThe complaint\nIt was late.")?;
/// let mut writer = RecordWriter::new(Vec::new(), Format::JsonLines);
/// writer.write_decision("q.txt", &decision)?;
/// writer.write_error("bad.txt", "empty input: no text to parse")?;
/// let text = String::from_utf8(writer.finish()?)?;
/// let lines: Vec<&str> = text.lines().collect();
/// assert_eq!(lines.len(), 2);
/// assert!(lines[0].starts_with(r#"{"source":"q.txt","organisation":null,"#));
/// assert_eq!(lines[1], r#"{"source":"bad.txt","error":"empty input: no text to parse"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub struct RecordWriter<W: Write> {
    format: Format,
    /// `None` once [`RecordWriter::finish`] has taken the output.
    sink: Option<Sink<W>>,
    written: u64,
    raw_csv: bool,
}

enum Sink<W: Write> {
    Json { out: W, array: bool },
    // Boxed: the CSV writer's buffers would make every `Sink` large.
    Csv(Box<csv::Writer<W>>),
}

impl<W: Write> RecordWriter<W> {
    /// A writer of `format` records to `out`. Wrap unbuffered outputs in a [`io::BufWriter`].
    pub fn new(out: W, format: Format) -> Self {
        let sink = match format {
            Format::JsonLines => Sink::Json { out, array: false },
            Format::Json => Sink::Json { out, array: true },
            Format::Csv => Sink::Csv(Box::new(
                csv::WriterBuilder::new()
                    .has_headers(false)
                    .from_writer(out),
            )),
        };
        RecordWriter {
            format,
            sink: Some(sink),
            written: 0,
            raw_csv: false,
        }
    }

    /// Writes CSV cells as they are, even those a spreadsheet would read as formulas (by default
    /// they are [neutralised](FlatRecord::neutralised)).
    pub fn raw_csv(mut self, raw: bool) -> Self {
        self.raw_csv = raw;
        self
    }

    /// Writes the record of a parsed decision.
    pub fn write_decision(&mut self, source: &str, decision: &Decision) -> io::Result<()> {
        let record = self.format.prepare_decision(source, decision)?;
        self.write(&record)
    }

    /// Writes the record of a document that could not be parsed.
    pub fn write_error(&mut self, source: &str, error: &str) -> io::Result<()> {
        let record = self.format.prepare_error(source, error)?;
        self.write(&record)
    }

    /// Writes a record rendered with this writer's format ([`Format::prepare_decision`],
    /// [`Format::prepare_error`]); a record rendered for another format is an `InvalidInput` error.
    pub fn write(&mut self, record: &Prepared) -> io::Result<()> {
        if self.written == 0 {
            self.start()?;
        }
        match (self.sink.as_mut(), record) {
            (Some(Sink::Json { out, array }), Prepared::Json(bytes)) => {
                if *array {
                    out.write_all(if self.written == 0 { b"\n" } else { b",\n" })?;
                }
                out.write_all(bytes)?;
                if !*array {
                    out.write_all(b"\n")?;
                }
            }
            (Some(Sink::Csv(writer)), Prepared::Row(row)) if self.raw_csv => {
                writer.serialize(row)?
            }
            (Some(Sink::Csv(writer)), Prepared::Row(row)) => writer.serialize(row.neutralised())?,
            _ => {
                return Err(io::Error::new(
                    io::ErrorKind::InvalidInput,
                    format!("record prepared for another format than {}", self.format),
                ));
            }
        }
        self.written += 1;
        Ok(())
    }

    /// Ends the output (closing a JSON array, writing a CSV header if no row did), flushes it,
    /// and returns it.
    pub fn finish(mut self) -> io::Result<W> {
        if let Err(error) = self.close() {
            // Not tried again on drop.
            self.sink = None;
            return Err(error);
        }
        match self.sink.take() {
            Some(Sink::Json { out, .. }) => Ok(out),
            Some(Sink::Csv(writer)) => writer.into_inner().map_err(|e| e.into_error()),
            None => Err(io::Error::other("the records were finished already")),
        }
    }

    /// Writes what ends the output (`]` of an array, a CSV header if no row did) and flushes.
    fn close(&mut self) -> io::Result<()> {
        if self.written == 0 {
            self.start()?;
        }
        match self.sink.as_mut() {
            Some(Sink::Json { out, array }) => {
                if *array {
                    out.write_all(if self.written == 0 { b"]\n" } else { b"\n]\n" })?;
                }
                out.flush()
            }
            Some(Sink::Csv(writer)) => writer.flush(),
            None => Ok(()),
        }
    }

    /// Writes what comes before the first record: `[` of an array, the CSV header.
    fn start(&mut self) -> io::Result<()> {
        match self.sink.as_mut() {
            Some(Sink::Json { out, array: true }) => out.write_all(b"["),
            Some(Sink::Json { array: false, .. }) | None => Ok(()),
            Some(Sink::Csv(writer)) => Ok(writer.write_record(FlatRecord::HEADERS)?),
        }
    }
}

/// A writer dropped without [`RecordWriter::finish`] (a caller returning early with `?`) still
/// ends its output, so a JSON array is never left open; an error then is not reported.
impl<W: Write> Drop for RecordWriter<W> {
    fn drop(&mut self) {
        if self.sink.is_some() {
            let _ = self.close();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decision() -> Decision {
        crate::parse(
            "Example Council (23 001 002)\nCategory : Education > School transport\n\
             Decision : Not upheld\nDecision date : 05 Feb 2024\n\
             Summary: Mr Q complained, about \"transport\".\nThe complaint\n- It was late.\n",
        )
        .expect("a decision")
    }

    fn written(format: Format) -> String {
        let mut writer = RecordWriter::new(Vec::new(), format);
        writer.write_decision("a.txt", &decision()).unwrap();
        writer.write_error("b,\"c\".txt", "no text").unwrap();
        String::from_utf8(writer.finish().unwrap()).unwrap()
    }

    #[test]
    fn a_json_array_writer_dropped_unfinished_still_closes_its_array() {
        let mut out = Vec::new();
        {
            let mut writer = RecordWriter::new(&mut out, Format::Json);
            writer.write_decision("a.txt", &decision()).unwrap();
            writer.write_error("b.txt", "no text").unwrap();
        }
        let array: serde_json::Value = serde_json::from_slice(&out).expect("a closed array");
        assert_eq!(array.as_array().map(Vec::len), Some(2));
        let mut empty = Vec::new();
        drop(RecordWriter::new(&mut empty, Format::Json));
        assert_eq!(empty, b"[]\n");
    }

    #[test]
    fn cells_a_spreadsheet_would_run_get_a_quote() {
        assert_eq!(formula_safe("=1+1"), "'=1+1");
        assert_eq!(formula_safe("-5"), "'-5");
        assert_eq!(formula_safe("Ms X"), "Ms X");
        assert_eq!(
            joined_names([OutcomeKind::Upheld, OutcomeKind::NotUpheld]),
            "upheld|not_upheld"
        );
    }

    #[test]
    fn headers_are_the_serde_field_names() {
        let mut writer = csv::Writer::from_writer(Vec::new());
        writer.serialize(FlatRecord::default()).unwrap();
        let text = String::from_utf8(writer.into_inner().unwrap()).unwrap();
        assert_eq!(
            text.lines().next(),
            Some(FlatRecord::HEADERS.join(",").as_str())
        );
    }

    #[test]
    fn a_record_prepared_for_another_format_is_refused() {
        let row = Format::Csv.prepare_error("a.txt", "empty").unwrap();
        let mut writer = RecordWriter::new(Vec::new(), Format::JsonLines);
        let err = writer.write(&row).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
        let json = Format::Json.prepare_error("a.txt", "empty").unwrap();
        assert!(
            RecordWriter::new(Vec::new(), Format::Csv)
                .write(&json)
                .is_err()
        );
        // JSON Lines and JSON array records are the same object.
        assert_eq!(
            json,
            Format::JsonLines.prepare_error("a.txt", "empty").unwrap()
        );
    }

    #[test]
    fn json_array_holds_every_record() {
        let value: serde_json::Value = serde_json::from_str(&written(Format::Json)).unwrap();
        let records = value.as_array().unwrap();
        assert_eq!(records.len(), 2);
        assert_eq!(records[0]["source"], "a.txt");
        assert_eq!(records[0]["reference"], "23 001 002");
        assert_eq!(records[1]["error"], "no text");
    }

    #[test]
    fn empty_outputs_are_still_well_formed() {
        let finish = |format| {
            String::from_utf8(RecordWriter::new(Vec::new(), format).finish().unwrap()).unwrap()
        };
        assert_eq!(finish(Format::JsonLines), "");
        assert_eq!(finish(Format::Json), "[]\n");
        assert_eq!(
            finish(Format::Csv),
            format!("{}\n", FlatRecord::HEADERS.join(","))
        );
    }

    #[test]
    fn csv_rows_read_back() {
        let text = written(Format::Csv);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let rows: Vec<FlatRecord> = reader.deserialize().collect::<Result<_, _>>().unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], FlatRecord::from_decision("a.txt", &decision()));
        assert_eq!(rows[0].outcome_kind, Some(OutcomeKind::NotUpheld));
        assert_eq!(rows[1], FlatRecord::from_error("b,\"c\".txt", "no text"));
    }
}
