//! The command line.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use clap::Parser;
use lgsco::{Encoding, Format};

/// Parse LGSCO decision statements into JSON Lines, a JSON array or CSV.
///
/// Reads each PATH (a file, or a directory searched recursively for *.txt files, and *.html and
/// *.htm web pages, in sorted order, skipping hidden files and folders whose names start with .),
/// or standard input when no PATH is given (or for `-`), and writes one record per document, in
/// input order, with a "source" key. A document that cannot be read or parsed gives
/// {"source": ..., "error": ...} instead, a message on standard error, and the run goes on.
///
/// At the end a report line on standard error counts the documents read, parsed (and how many of
/// those with warnings) and failed.
///
/// Exit status: 0 when every document parsed, 1 when any failed or the output could not be
/// written, 2 for bad usage.
///
/// Examples:
///   lgsco corpus > decisions.jsonl
///   lgsco --format csv -o decisions.csv --errors failures.jsonl scraped/
///   cat statement.txt | lgsco
#[derive(Debug, Parser)]
#[command(version, verbatim_doc_comment)]
pub struct Args {
    /// Files or directories to read; `-` is standard input (default: standard input).
    ///
    /// Example: lgsco corpus/knowsley-22-014-796.txt more/
    pub paths: Vec<PathBuf>,

    /// Output format: jsonl (one JSON object per line), json (one JSON array) or csv (one flat
    /// row per document: source, organisation, reference, category, outcome, decision date,
    /// complainant, remedy columns, error).
    ///
    /// Example: lgsco --format csv corpus > decisions.csv
    #[arg(long, short = 'f', value_name = "FORMAT", default_value_t = Format::JsonLines)]
    pub format: Format,

    /// Write the records to FILE instead of standard output (`-` is standard output). The file
    /// appears complete or not at all: records go to a temporary file beside it, renamed into
    /// place at the end. A read-only file, or one among the inputs, is never replaced.
    ///
    /// Example: lgsco -o decisions.jsonl corpus
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,

    /// Also write one JSON line {"source": ..., "error": ...} per failed document to FILE
    /// (written like --output: complete or not at all).
    ///
    /// Example: lgsco --errors failures.jsonl corpus > decisions.jsonl
    #[arg(long, value_name = "FILE")]
    pub errors: Option<PathBuf>,

    /// Parse with at most N threads (default: one per core; at most 4 per core). The output
    /// order does not depend on N.
    ///
    /// Example: lgsco --jobs 2 corpus
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<NonZeroUsize>,

    /// With --format csv, write cells as they are. By default a cell that a spreadsheet would
    /// read as a formula (starting with =, +, -, @, a tab or a carriage return) is prefixed with
    /// a ' so that opening the file runs nothing.
    ///
    /// Example: lgsco --format csv --csv-raw corpus > decisions.csv
    #[arg(long)]
    pub csv_raw: bool,

    /// Read documents that are not UTF-8 in ENCODING (any WHATWG label: windows-1252, latin1,
    /// iso-8859-15, …), as legacy copies passed through Windows tools often are. UTF-16 with a
    /// byte-order mark is always read. Spans then refer to the decoded text.
    ///
    /// Example: lgsco --encoding windows-1252 old-copies/
    #[arg(long, value_name = "ENCODING", value_parser = encoding)]
    pub encoding: Option<&'static Encoding>,

    /// Leave the body out of JSON records: sections keep their headings, levels and spans but
    /// not their paragraphs (text, items, spans), and the preamble is empty; every extracted
    /// value (header fields, actions, payments, findings, dates, citations) stays. Records are
    /// then a fraction of the size.
    ///
    /// Example: lgsco --no-body corpus > decisions.jsonl
    #[arg(long)]
    pub no_body: bool,

    /// Also write the records as CSV tables in the folder DIR, one per entity: decisions.csv
    /// (one flat row per document, failed ones with their error), sections.csv, paragraphs.csv,
    /// agreed_actions.csv, payments.csv, findings.csv, dates.csv, legislation.csv and
    /// warnings.csv, each row keyed by source and reference (see the README for the columns).
    /// The folder appears complete or not at all; an existing DIR is replaced only if it holds
    /// nothing but these tables. Without --output, no records go to standard output.
    ///
    /// Example: lgsco --tables tables/ corpus
    #[arg(long, value_name = "DIR")]
    pub tables: Option<PathBuf>,

    /// Print the JSON Schema of the JSON records (a parsed decision or a failed document) and
    /// exit.
    ///
    /// Example: lgsco --schema > record.schema.json
    #[arg(long, exclusive = true)]
    pub schema: bool,

    /// Print the text lgsco reads from each input instead of records: the input itself for text
    /// in a layout it reads as it is, else the text derived from a web page, Markdown, or
    /// wrapped or split lines. Every span of a record refers to this text.
    ///
    /// Example: lgsco --text page.html
    #[arg(long, conflicts_with_all = ["output", "errors", "no_body", "csv_raw", "tables"])]
    pub text: bool,

    /// Print nothing on standard error but failures: no progress bar, no report line.
    ///
    /// Example: lgsco --quiet corpus > decisions.jsonl
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// An encoding by its WHATWG label.
fn encoding(label: &str) -> Result<&'static Encoding, String> {
    Encoding::for_label(label.as_bytes()).ok_or_else(|| format!("unknown encoding `{label}`"))
}
