//! The record as a set of CSV tables, one per entity, for spreadsheets and data frames.
//!
//! Every row starts with the document's `source` and `reference`; below the document, rows are
//! keyed by their position (`index`, counted from 1) in the JSON list they come from. Column
//! names are the JSON keys, nested ones joined by `_` (`deadline_due` is `deadline.due`); lists
//! of names go into one cell joined by `|`; every row that has a place in the input keeps its
//! byte span as `span_start` and `span_end`. A document that failed has one `decisions.csv` row
//! with its `error` and no other rows.
//!
//! ```
//! use lgsco::{Table, TableRows, TableWriter};
//! let text = std::fs::read_to_string("corpus/knowsley-22-014-796.txt")?;
//! let decision = lgsco::parse(&text)?;
//! let mut writer = TableWriter::new(Table::ALL.map(|_| Vec::new()))?;
//! writer.write(&TableRows::of_decision("knowsley.txt", &decision, false)?)?;
//! let [decisions, .., payments, _, _, _, _] = writer.finish()?;
//! let decisions = String::from_utf8(decisions)?;
//! assert!(decisions.starts_with("source,organisation,reference,"));
//! assert_eq!(decisions.lines().count(), 2);
//! let payments = String::from_utf8(payments)?;
//! assert!(payments.lines().nth(1).unwrap().starts_with("knowsley.txt,22 014 796,agreed_actions,"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::{Decision, LegislationKind, PaymentKind, Precision, Span, Verdict, WarningKind};
use crate::output::{FlatRecord, formula_safe, joined_names};

/// One of the tables, in the order of [`Table::ALL`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Table {
    /// `decisions.csv`: one [`FlatRecord`] per document, failed ones included.
    Decisions,
    /// `sections.csv`: one row per heading.
    Sections,
    /// `paragraphs.csv`: one row per paragraph and one per item under it.
    Paragraphs,
    /// `agreed_actions.csv`: one row per agreed action.
    AgreedActions,
    /// `payments.csv`: one row per payment of an agreed action or of the summary's remedy.
    Payments,
    /// `findings.csv`: one row per finding.
    Findings,
    /// `dates.csv`: one row per date mentioned.
    Dates,
    /// `legislation.csv`: one row per citation.
    Legislation,
    /// `warnings.csv`: one row per warning.
    Warnings,
}

impl Table {
    /// Every table.
    pub const ALL: [Table; 9] = [
        Table::Decisions,
        Table::Sections,
        Table::Paragraphs,
        Table::AgreedActions,
        Table::Payments,
        Table::Findings,
        Table::Dates,
        Table::Legislation,
        Table::Warnings,
    ];

    /// The table's file name.
    ///
    /// ```
    /// assert_eq!(lgsco::Table::AgreedActions.file_name(), "agreed_actions.csv");
    /// ```
    pub fn file_name(self) -> &'static str {
        match self {
            Table::Decisions => "decisions.csv",
            Table::Sections => "sections.csv",
            Table::Paragraphs => "paragraphs.csv",
            Table::AgreedActions => "agreed_actions.csv",
            Table::Payments => "payments.csv",
            Table::Findings => "findings.csv",
            Table::Dates => "dates.csv",
            Table::Legislation => "legislation.csv",
            Table::Warnings => "warnings.csv",
        }
    }

    /// The table's header row: its column names, in order.
    ///
    /// ```
    /// assert_eq!(lgsco::Table::Dates.headers()[..3], ["source", "reference", "index"]);
    /// ```
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Table::Decisions => &DECISION_HEADERS,
            Table::Sections => &SECTION_HEADERS,
            Table::Paragraphs => &PARAGRAPH_HEADERS,
            Table::AgreedActions => &ACTION_HEADERS,
            Table::Payments => &PAYMENT_HEADERS,
            Table::Findings => &FINDING_HEADERS,
            Table::Dates => &DATE_HEADERS,
            Table::Legislation => &CITATION_HEADERS,
            Table::Warnings => &WARNING_HEADERS,
        }
    }

    /// The table's columns with their types, in the order of [`Table::headers`].
    ///
    /// ```
    /// use lgsco::{ColumnType, Table};
    /// let due = Table::AgreedActions.columns().iter().find(|c| c.name == "deadline_due").unwrap();
    /// assert_eq!(due.kind, ColumnType::Date);
    /// ```
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Decisions => &DECISION_COLUMNS,
            Table::Sections => &SECTION_COLUMNS,
            Table::Paragraphs => &PARAGRAPH_COLUMNS,
            Table::AgreedActions => &ACTION_COLUMNS,
            Table::Payments => &PAYMENT_COLUMNS,
            Table::Findings => &FINDING_COLUMNS,
            Table::Dates => &DATE_COLUMNS,
            Table::Legislation => &CITATION_COLUMNS,
            Table::Warnings => &WARNING_COLUMNS,
        }
    }

    /// The table's name, its file name without `.csv` (`agreed_actions`).
    pub fn name(self) -> &'static str {
        let file = self.file_name();
        &file[..file.len() - ".csv".len()]
    }

    /// The columns that tell its rows apart, if its rows have such columns that are never
    /// empty (a paragraph's `item` is empty on the paragraph's own row, a payment's `action`
    /// for the summary's remedy).
    pub fn primary_key(self) -> &'static [&'static str] {
        match self {
            Table::Decisions => &["source"],
            Table::Paragraphs | Table::Payments => &[],
            _ => &["source", "index"],
        }
    }

    /// The table's references to rows of other tables: (its columns, the table, that table's
    /// columns). Every row below `decisions` belongs to a document by its `source`.
    pub fn foreign_keys(
        self,
    ) -> &'static [(&'static [&'static str], Table, &'static [&'static str])] {
        const DOCUMENT: (&[&str], Table, &[&str]) = (&["source"], Table::Decisions, &["source"]);
        match self {
            Table::Decisions => &[],
            Table::Sections => &[
                DOCUMENT,
                (&["source", "parent"], Table::Sections, &["source", "index"]),
            ],
            Table::Paragraphs => &[
                DOCUMENT,
                (
                    &["source", "section"],
                    Table::Sections,
                    &["source", "index"],
                ),
            ],
            Table::Payments => &[
                DOCUMENT,
                (
                    &["source", "action"],
                    Table::AgreedActions,
                    &["source", "index"],
                ),
            ],
            _ => &[DOCUMENT],
        }
    }
}

/// What a table's cells hold, as the data dictionary (`datapackage.json`) says. Every column
/// may be empty, except those of [`Table::primary_key`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ColumnType {
    /// Text; a list of names is joined by `|`.
    String,
    /// A whole number: pence, counts, positions, byte offsets, years.
    Integer,
    /// `true` or `false`.
    Boolean,
    /// An ISO date, `2023-08-22`.
    Date,
}

impl ColumnType {
    /// The type's name in a Frictionless Table Schema (`string`, `integer`, `boolean`, `date`).
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::String => "string",
            ColumnType::Integer => "integer",
            ColumnType::Boolean => "boolean",
            ColumnType::Date => "date",
        }
    }
}

/// A column of a table: its name (the header) and what its cells hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Column {
    /// The column's name, as the header row gives it.
    pub name: &'static str,
    /// What its cells hold.
    pub kind: ColumnType,
}

/// Declares a table's columns once: the header row `$headers` and the typed `$columns`.
macro_rules! columns {
    ($headers:ident, $columns:ident, $n:literal: $($name:literal $kind:ident),+ $(,)?) => {
        pub(crate) const $headers: [&str; $n] = [$($name),+];
        const $columns: [Column; $n] = [$(Column { name: $name, kind: ColumnType::$kind }),+];
    };
}

columns!(DECISION_HEADERS, DECISION_COLUMNS, 22:
    "source" String, "organisation" String, "reference" String, "category_area" String,
    "category_subcategory" String, "outcome_kind" String, "outcome_text" String,
    "decision_date" Date, "complainant" String, "total_payment_pence" Integer,
    "total_payment_from" String, "agreed_action_count" Integer, "fault_found" Boolean,
    "truncated" Boolean, "layout" String, "template" String, "warnings" String,
    "finding_count" Integer, "date_count" Integer, "citation_count" Integer,
    "summary_remedy_pence" Integer, "error" String,
);
columns!(SECTION_HEADERS, SECTION_COLUMNS, 9:
    "source" String, "reference" String, "index" Integer, "heading" String, "level" Integer,
    "parent" Integer, "paragraph_count" Integer, "span_start" Integer, "span_end" Integer,
);
columns!(PARAGRAPH_HEADERS, PARAGRAPH_COLUMNS, 10:
    "source" String, "reference" String, "section" Integer, "heading" String, "index" Integer,
    "number" Integer, "item" Integer, "text" String, "span_start" Integer, "span_end" Integer,
);
columns!(ACTION_HEADERS, ACTION_COLUMNS, 11:
    "source" String, "reference" String, "index" Integer, "paragraph" Integer, "kinds" String,
    "payment_total_pence" Integer, "deadline_text" String, "deadline_due" Date, "text" String,
    "span_start" Integer, "span_end" Integer,
);
columns!(PAYMENT_HEADERS, PAYMENT_COLUMNS, 11:
    "source" String, "reference" String, "found_in" String, "action" Integer, "index" Integer,
    "amount_pence" Integer, "recipient" String, "type" String, "text" String,
    "span_start" Integer, "span_end" Integer,
);
columns!(FINDING_HEADERS, FINDING_COLUMNS, 9:
    "source" String, "reference" String, "index" Integer, "paragraph" Integer, "verdict" String,
    "subject" String, "text" String, "span_start" Integer, "span_end" Integer,
);
columns!(DATE_HEADERS, DATE_COLUMNS, 9:
    "source" String, "reference" String, "index" Integer, "paragraph" Integer, "date" Date,
    "precision" String, "text" String, "span_start" Integer, "span_end" Integer,
);
columns!(CITATION_HEADERS, CITATION_COLUMNS, 12:
    "source" String, "reference" String, "index" Integer, "paragraph" Integer, "act" String,
    "kind" String, "year" Integer, "sections" String, "parts" String, "schedules" String,
    "span_start" Integer, "span_end" Integer,
);
columns!(WARNING_HEADERS, WARNING_COLUMNS, 7:
    "source" String, "reference" String, "index" Integer, "kind" String, "message" String,
    "span_start" Integer, "span_end" Integer,
);

/// The data dictionary of the tables: a Frictionless Data Package (`datapackage.json`, which
/// `lgsco --tables DIR` writes beside the CSV files) giving each table's file, each column's
/// type, the primary keys and the foreign keys to `decisions`, so that DuckDB, polars, pandas
/// and frictionless read typed columns without guessing.
///
/// ```
/// let package = lgsco::data_package();
/// let payments = &package["resources"][4];
/// assert_eq!(payments["path"], "payments.csv");
/// assert_eq!(payments["schema"]["fields"][5]["name"], "amount_pence");
/// assert_eq!(payments["schema"]["fields"][5]["type"], "integer");
/// ```
pub fn data_package() -> serde_json::Value {
    use serde_json::json;
    let resources: Vec<serde_json::Value> = Table::ALL
        .iter()
        .map(|&table| {
            let fields: Vec<serde_json::Value> = table
                .columns()
                .iter()
                .map(|c| json!({"name": c.name, "type": c.kind.name()}))
                .collect();
            let mut schema = json!({"fields": fields, "missingValues": [""]});
            if !table.primary_key().is_empty() {
                schema["primaryKey"] = json!(table.primary_key());
            }
            let foreign: Vec<serde_json::Value> = table
                .foreign_keys()
                .iter()
                .map(|(fields, other, theirs)| {
                    json!({"fields": fields, "reference": {"resource": other.name(), "fields": theirs}})
                })
                .collect();
            if !foreign.is_empty() {
                schema["foreignKeys"] = json!(foreign);
            }
            json!({
                "name": table.name(),
                "path": table.file_name(),
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            })
        })
        .collect();
    json!({
        "name": "lgsco-decisions",
        "title": "Decision statements of the Local Government and Social Care Ombudsman, as lgsco reads them",
        "profile": "tabular-data-package",
        "resources": resources,
    })
}

/// One document's rows in every table, rendered as CSV without header rows. Rendering can be
/// done on any thread; [`TableWriter::write`] then only copies bytes, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TableRows {
    csv: [Vec<u8>; 9],
    /// Whether each table's rows start with its header row (only to test the headers).
    headers: bool,
}

impl TableRows {
    /// The rows of a parsed decision. Text cells a spreadsheet would run as formulas get a
    /// leading `'` unless `raw` (see [`FlatRecord::neutralised`]).
    pub fn of_decision(source: &str, decision: &Decision, raw: bool) -> io::Result<TableRows> {
        TableRows::rendered(source, decision, raw, false)
    }

    /// The rows of a parsed decision, each table's starting with its header row if `headers`.
    fn rendered(
        source: &str,
        decision: &Decision,
        raw: bool,
        headers: bool,
    ) -> io::Result<TableRows> {
        let key = Key {
            source: cell(source, raw),
            reference: decision.reference.as_deref().map(|r| cell(r, raw)),
        };
        let flat = FlatRecord::from_decision(source, decision);
        let mut rows = TableRows {
            headers,
            ..TableRows::default()
        };
        rows.render(
            Table::Decisions,
            [if raw { flat } else { flat.neutralised() }],
        )?;
        rows.render(Table::Sections, sections(&key, decision, raw))?;
        rows.render(Table::Paragraphs, paragraphs(&key, decision, raw))?;
        rows.render(Table::AgreedActions, agreed_actions(&key, decision, raw))?;
        rows.render(Table::Payments, payments(&key, decision, raw))?;
        rows.render(Table::Findings, findings(&key, decision, raw))?;
        rows.render(Table::Dates, dates(&key, decision, raw))?;
        rows.render(Table::Legislation, citations(&key, decision, raw))?;
        rows.render(Table::Warnings, warnings(&key, decision, raw))?;
        Ok(rows)
    }

    /// The rows of a document that could not be parsed: its `decisions.csv` row with the error.
    pub fn of_error(source: &str, error: &str, raw: bool) -> io::Result<TableRows> {
        let flat = FlatRecord::from_error(source, error);
        let mut rows = TableRows::default();
        rows.render(
            Table::Decisions,
            [if raw { flat } else { flat.neutralised() }],
        )?;
        Ok(rows)
    }

    /// The CSV bytes of `table`'s rows.
    pub fn csv(&self, table: Table) -> &[u8] {
        &self.csv[table as usize]
    }

    fn render<T: Serialize>(
        &mut self,
        table: Table,
        rows: impl IntoIterator<Item = T>,
    ) -> io::Result<()> {
        let mut writer = csv::WriterBuilder::new()
            .has_headers(self.headers)
            .from_writer(Vec::new());
        for row in rows {
            writer.serialize(row)?;
        }
        self.csv[table as usize] = writer.into_inner().map_err(|e| e.into_error())?;
        Ok(())
    }
}

/// Writes [`TableRows`] to one output per table (in the order of [`Table::ALL`]), each starting
/// with its header row, so that every table is well formed even when it has no rows.
pub struct TableWriter<W: Write> {
    outputs: [W; 9],
}

impl<W: Write> TableWriter<W> {
    /// Writes each table's header row to its output.
    pub fn new(mut outputs: [W; 9]) -> io::Result<TableWriter<W>> {
        for (table, output) in Table::ALL.into_iter().zip(&mut outputs) {
            let mut header = csv::Writer::from_writer(output);
            header.write_record(table.headers())?;
            header.flush()?;
        }
        Ok(TableWriter { outputs })
    }

    /// Appends one document's rows to every table.
    pub fn write(&mut self, rows: &TableRows) -> io::Result<()> {
        for (table, output) in Table::ALL.into_iter().zip(&mut self.outputs) {
            output.write_all(rows.csv(table))?;
        }
        Ok(())
    }

    /// Flushes every output and returns them.
    pub fn finish(mut self) -> io::Result<[W; 9]> {
        for output in &mut self.outputs {
            output.flush()?;
        }
        Ok(self.outputs)
    }
}

/// The columns that say which document a row belongs to.
#[derive(Serialize)]
struct Key<'a> {
    source: Cow<'a, str>,
    reference: Option<Cow<'a, str>>,
}

/// A text cell, made safe for spreadsheets unless `raw`.
fn cell(text: &str, raw: bool) -> Cow<'_, str> {
    if raw {
        Cow::Borrowed(text)
    } else {
        formula_safe(text)
    }
}

/// A row: the document's key, the entity's own columns, and the span it was read from.
type Keyed<'a, R> = (&'a Key<'a>, R, SpanColumns);

/// A span as two columns.
#[derive(Serialize)]
struct SpanColumns {
    span_start: usize,
    span_end: usize,
}

impl From<Span> for SpanColumns {
    fn from(span: Span) -> Self {
        SpanColumns {
            span_start: span.start,
            span_end: span.end,
        }
    }
}

#[derive(Serialize)]
struct SectionRow<'a> {
    index: usize,
    heading: Cow<'a, str>,
    level: u8,
    /// The `index` of the section it is under: the nearest one before it of a lower level;
    /// empty for a section under none.
    parent: Option<usize>,
    paragraph_count: usize,
}

fn sections<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> impl Iterator<Item = Keyed<'a, SectionRow<'a>>> {
    decision
        .sections
        .iter()
        .enumerate()
        .map(move |(i, section)| {
            (
                key,
                SectionRow {
                    index: i + 1,
                    heading: cell(&section.heading, raw),
                    level: section.level,
                    parent: decision.sections[..i]
                        .iter()
                        .rposition(|before| before.level < section.level)
                        .map(|j| j + 1),
                    paragraph_count: section.paragraphs.len(),
                },
                section.span.into(),
            )
        })
}

#[derive(Serialize)]
struct ParagraphRow<'a> {
    /// The section's `index`; empty for the preamble.
    section: Option<usize>,
    heading: Option<Cow<'a, str>>,
    /// The paragraph's position in its section (or the preamble).
    index: usize,
    number: Option<u32>,
    /// The item's position under its paragraph; empty on the paragraph's own row.
    item: Option<usize>,
    text: Cow<'a, str>,
}

fn paragraphs<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> Vec<Keyed<'a, ParagraphRow<'a>>> {
    let preamble = std::iter::once((None, None, decision.preamble.as_slice()));
    let sections = decision.sections.iter().enumerate().map(|(i, s)| {
        (
            Some(i + 1),
            Some(s.heading.as_str()),
            s.paragraphs.as_slice(),
        )
    });
    let mut rows = Vec::new();
    for (section, heading, paragraphs) in preamble.chain(sections) {
        for (p, paragraph) in paragraphs.iter().enumerate() {
            let row = |item: Option<usize>, text: &'a str, span: Span| {
                (
                    key,
                    ParagraphRow {
                        section,
                        heading: heading.map(|h| cell(h, raw)),
                        index: p + 1,
                        number: paragraph.number,
                        item,
                        text: cell(text, raw),
                    },
                    span.into(),
                )
            };
            rows.push(row(None, &paragraph.text, paragraph.text_span));
            for (i, item) in paragraph.items.iter().enumerate() {
                rows.push(row(Some(i + 1), &item.text, item.span));
            }
        }
    }
    rows
}

#[derive(Serialize)]
struct ActionRow<'a> {
    index: usize,
    paragraph: Option<u32>,
    kinds: String,
    payment_total_pence: u64,
    deadline_text: Option<Cow<'a, str>>,
    deadline_due: Option<NaiveDate>,
    text: Cow<'a, str>,
}

fn agreed_actions<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> impl Iterator<Item = Keyed<'a, ActionRow<'a>>> {
    decision
        .agreed_actions
        .iter()
        .enumerate()
        .map(move |(i, action)| {
            (
                key,
                ActionRow {
                    index: i + 1,
                    paragraph: action.paragraph,
                    kinds: joined_names(&action.kinds),
                    payment_total_pence: action.payments.iter().map(|p| p.amount_pence).sum(),
                    deadline_text: action.deadline.as_ref().map(|d| cell(&d.text, raw)),
                    deadline_due: action.deadline.as_ref().and_then(|d| d.due),
                    text: cell(&action.text, raw),
                },
                action.span.into(),
            )
        })
}

#[derive(Serialize)]
struct PaymentRow<'a> {
    /// `agreed_actions` or `summary_remedy`: the JSON key the payment is under.
    found_in: &'static str,
    /// The action's `index`; empty for the summary's remedy.
    action: Option<usize>,
    index: usize,
    amount_pence: u64,
    recipient: Option<Cow<'a, str>>,
    #[serde(rename = "type")]
    kind: PaymentKind,
    text: Cow<'a, str>,
}

fn payments<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> Vec<Keyed<'a, PaymentRow<'a>>> {
    let actions = decision
        .agreed_actions
        .iter()
        .enumerate()
        .map(|(i, a)| ("agreed_actions", Some(i + 1), a.payments.as_slice()));
    let summary = decision
        .summary_remedy
        .iter()
        .map(|r| ("summary_remedy", None, r.payments.as_slice()));
    let mut rows = Vec::new();
    for (found_in, action, payments) in actions.chain(summary) {
        rows.extend(payments.iter().enumerate().map(|(i, payment)| {
            (
                key,
                PaymentRow {
                    found_in,
                    action,
                    index: i + 1,
                    amount_pence: payment.amount_pence,
                    recipient: payment.recipient.as_deref().map(|r| cell(r, raw)),
                    kind: payment.kind,
                    text: cell(&payment.text, raw),
                },
                payment.span.into(),
            )
        }));
    }
    rows
}

#[derive(Serialize)]
struct FindingRow<'a> {
    index: usize,
    paragraph: Option<u32>,
    verdict: Verdict,
    subject: Option<Cow<'a, str>>,
    text: Cow<'a, str>,
}

fn findings<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> impl Iterator<Item = Keyed<'a, FindingRow<'a>>> {
    decision
        .findings
        .iter()
        .enumerate()
        .map(move |(i, finding)| {
            (
                key,
                FindingRow {
                    index: i + 1,
                    paragraph: finding.paragraph,
                    verdict: finding.verdict,
                    subject: finding.subject.as_deref().map(|s| cell(s, raw)),
                    text: cell(&finding.text, raw),
                },
                finding.span.into(),
            )
        })
}

#[derive(Serialize)]
struct DateRow<'a> {
    index: usize,
    paragraph: Option<u32>,
    date: NaiveDate,
    precision: Precision,
    text: Cow<'a, str>,
}

fn dates<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> impl Iterator<Item = Keyed<'a, DateRow<'a>>> {
    decision.dates.iter().enumerate().map(move |(i, mention)| {
        (
            key,
            DateRow {
                index: i + 1,
                paragraph: mention.paragraph,
                date: mention.value.date,
                precision: mention.value.precision,
                text: cell(&mention.text, raw),
            },
            mention.span.into(),
        )
    })
}

#[derive(Serialize)]
struct CitationRow<'a> {
    index: usize,
    paragraph: Option<u32>,
    act: Option<Cow<'a, str>>,
    kind: Option<LegislationKind>,
    year: Option<i32>,
    sections: String,
    parts: String,
    schedules: String,
}

fn citations<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> impl Iterator<Item = Keyed<'a, CitationRow<'a>>> {
    decision
        .legislation
        .iter()
        .enumerate()
        .map(move |(i, citation)| {
            let reference = &citation.reference;
            (
                key,
                CitationRow {
                    index: i + 1,
                    paragraph: citation.paragraph,
                    act: reference.act.as_deref().map(|a| cell(a, raw)),
                    kind: reference.kind,
                    year: reference.year,
                    sections: reference.sections.join("|"),
                    parts: reference.parts.join("|"),
                    schedules: reference.schedules.join("|"),
                },
                citation.span.into(),
            )
        })
}

#[derive(Serialize)]
struct WarningRow<'a> {
    index: usize,
    kind: WarningKind,
    message: Cow<'a, str>,
    span_start: Option<usize>,
    span_end: Option<usize>,
}

fn warnings<'a>(
    key: &'a Key<'a>,
    decision: &'a Decision,
    raw: bool,
) -> impl Iterator<Item = (&'a Key<'a>, WarningRow<'a>)> {
    decision
        .warnings
        .iter()
        .enumerate()
        .map(move |(i, warning)| {
            (
                key,
                WarningRow {
                    index: i + 1,
                    kind: warning.kind,
                    message: cell(&warning.message, raw),
                    span_start: warning.span.map(|s| s.start),
                    span_end: warning.span.map(|s| s.end),
                },
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A statement with a row for every table: a warning (no header lines), sections, items,
    /// an agreed action with a payment and a deadline, a summary remedy, findings, dates and a
    /// citation.
    const STATEMENT: &str = "Example Council (23 001 002)\n\
        Summary: Mr Q complained about transport. The Council has agreed to pay Mr Q £50.\n\
        The complaint\n\
        - Mr Q complains the Council refused transport on 3 May 2023.\n\
        What I found\n\
        - Section 508B of the Education Act 1996 applies.\n\
        - The Council did not consider his needs. This was fault.\n\
        Agreed action\n\
        - Within one month of my final decision, the Council will:\n\
        - apologise to Mr Q; and\n\
        - pay Mr Q £150.\n";

    #[test]
    fn headers_are_the_serde_field_names_of_each_row() {
        let decision = crate::parse(STATEMENT).expect("a decision");
        let rows = TableRows::rendered("q.txt", &decision, false, true).unwrap();
        for table in Table::ALL {
            let text = String::from_utf8(rows.csv(table).to_vec()).unwrap();
            let mut lines = text.lines();
            assert_eq!(
                lines.next(),
                Some(table.headers().join(",").as_str()),
                "{table:?}"
            );
            assert!(lines.next().is_some(), "{table:?} has no row");
        }
    }

    #[test]
    fn a_failed_document_has_only_its_decisions_row() {
        let rows = TableRows::of_error("bad.txt", "=empty", false).unwrap();
        let decisions = String::from_utf8(rows.csv(Table::Decisions).to_vec()).unwrap();
        assert!(decisions.starts_with("bad.txt,"));
        assert!(decisions.trim_end().ends_with(",'=empty"));
        assert!(Table::ALL[1..].iter().all(|&t| rows.csv(t).is_empty()));
    }

    #[test]
    fn every_table_starts_with_its_header_even_when_empty() {
        let writer = TableWriter::new(Table::ALL.map(|_| Vec::new())).unwrap();
        for (table, output) in Table::ALL.into_iter().zip(writer.finish().unwrap()) {
            assert_eq!(
                String::from_utf8(output).unwrap(),
                format!("{}\n", table.headers().join(","))
            );
        }
    }
}
