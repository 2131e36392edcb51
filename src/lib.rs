//! # lgsco
//!
//! Turns the raw text of a decision statement published by England's Local Government and Social
//! Care Ombudsman (LGSCO) into a typed [`Decision`]: organisation, reference, category, outcome,
//! decision date, complainant, summary, and the body's sections and continuously numbered
//! paragraphs, each with the byte span it came from.
//!
//! It reads every layout scraped copies come in (numbered `  1.` lists, dashed `- ` lines, plain
//! lines), with or without header lines, page chrome, CRLF line ends or a byte-order mark, and
//! copies cut off part-way (these parse, with a [`WarningKind::Truncated`] warning).
//!
//! ```
//! let text = "Knowsley Metropolitan Borough Council (22 014 796)\n\n\
//!     Category : Children's care services > Looked after children\n\n\
//!     Decision : Upheld\n\nDecision date : 22 Aug 2023\n\n\
//!     The Ombudsman's final decision:\n\n\
//!     Summary: Ms X complained about foster care placements.\n\n\
//!     The complaint\n\n  1. Ms X complained the Council placed her children in unsuitable placements.\n";
//! let decision = lgsco::parse(text)?;
//! assert_eq!(decision.organisation.as_deref(), Some("Knowsley Metropolitan Borough Council"));
//! assert_eq!(decision.reference.as_deref(), Some("22 014 796"));
//! assert_eq!(decision.category.as_ref().unwrap().area, "Children's care services");
//! assert_eq!(decision.decision_date.unwrap().to_string(), "2023-08-22");
//! assert_eq!(decision.complainant.as_deref(), Some("Ms X"));
//! let paragraph = &decision.sections[0].paragraphs[0];
//! assert_eq!(paragraph.number, Some(1));
//! assert!(text[paragraph.span.range()].ends_with("unsuitable placements."));
//! # Ok::<(), lgsco::ParseError>(())
//! ```
#![deny(missing_docs)]

#[cfg(feature = "unstable-bench-api")]
#[doc(hidden)]
pub mod bench_api;
mod complainant;
mod dates;
mod deadlines;
mod decode;
mod document;
mod duplicate;
mod error;
mod findings;
mod header;
mod headings;
mod input;
mod legislation;
mod lines;
mod model;
mod money;
mod output;
mod parser;
mod pieces;
mod remedies;
mod segment;
mod sharing;
mod statements;
mod tables;
mod words;

pub use decode::{Encoding, decode};
pub use error::{ErrorKind, ParseError};
pub use model::{
    ActReference, ActionKind, AgreedAction, Category, Citation, DateMention, DateValue, Deadline,
    Decision, FieldSpans, Finding, Item, Layout, LegislationKind, Outcome, OutcomeKind, Paragraph,
    Payment, PaymentKind, Period, PeriodUnit, Precision, Section, Span, StatusUpdate,
    SummaryRemedy, Template, Verdict, Warning, WarningKind,
};
#[cfg(feature = "schema")]
pub use output::record_schema;
pub use output::{FlatRecord, Format, PaymentSource, Prepared, RecordWriter};
pub use parser::{InputKind, Parsed, Parser};
pub use statements::statements;
pub use tables::{Column, ColumnType, Table, TableRows, TableWriter, data_package};

/// The small exact grammars the parser reads amounts, dates, deadlines and citations with.
///
/// Each reads from the start of its input and returns what it read with the number of bytes it
/// consumed, or `None`; none of them panics on any input.
///
/// ```
/// use lgsco::grammar::*;
/// assert_eq!(parse_amount_pence("£10,000"), Some((1_000_000, "£10,000".len())));
/// assert_eq!(parse_date_phrase("in 2019"), None);
/// assert_eq!(parse_deadline("within 6 months").unwrap().0.count, 6);
/// assert_eq!(parse_citation("Children Act 1989").unwrap().0.year, Some(1989));
/// ```
pub mod grammar {
    pub use crate::dates::parse_date_phrase;
    pub use crate::deadlines::parse_deadline;
    pub use crate::legislation::parse_citation;
    pub use crate::money::parse_amount_pence;
}

use std::borrow::Cow;

use document::Document;
use lines::split_lines;

/// Parses the text of one decision statement.
///
/// Returns `Err` only for text that is empty or has none of the marks of a decision statement;
/// anything odd but readable yields a record with [`Decision::warnings`].
///
/// ```
/// let decision = lgsco::parse("Summary: Mr Q complained about transport.\nThe complaint\nMr Q says it was late.")?;
/// assert_eq!(decision.complainant.as_deref(), Some("Mr Q"));
/// assert!(decision.organisation.is_none());
/// assert!(lgsco::parse("").is_err());
/// # Ok::<(), lgsco::ParseError>(())
/// ```
pub fn parse(text: &str) -> Result<Decision, ParseError> {
    read(text, input::InputKind::of(text))
}

/// Parses a web page holding a decision statement, however it opens (a page fragment without
/// `<html>` too). The record's spans refer to [`html_to_text`] of the page.
///
/// ```
/// let page = "<h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p>\
///             <h2>The complaint</h2><ol><li>Mr Q says <em>it</em> was late.</li></ol>";
/// let decision = lgsco::parse_html(page)?;
/// assert_eq!(decision.layout, lgsco::Layout::Html);
/// let paragraph = &decision.sections[0].paragraphs[0];
/// assert_eq!(paragraph.text, "Mr Q says it was late.");
/// let text = lgsco::html_to_text(page);
/// assert!(text[paragraph.span.range()].ends_with("Mr Q says it was late."));
/// # Ok::<(), lgsco::ParseError>(())
/// ```
#[cfg(feature = "html")]
pub fn parse_html(page: &str) -> Result<Decision, ParseError> {
    read(page, input::InputKind::Html)
}

/// The text lgsco reads from a web page: the statement without the page's chrome, in the
/// numbered layout (`  1. text` paragraphs numbered through the page, `    •` items). The spans
/// of [`parse_html`]'s record refer to it.
///
/// ```
/// let text = lgsco::html_to_text("<nav>Home</nav><ol><li>One <b>£5</b>.</li></ol><ol><li>Two</li></ol>");
/// assert_eq!(text, "  1. One £5.\n  2. Two\n");
/// ```
#[cfg(feature = "html")]
pub fn html_to_text(page: &str) -> String {
    input::derive(page, input::InputKind::Html)
        .text
        .into_owned()
}

/// The text [`parse`] reads `input` as, which its record's spans refer to: `input` itself when
/// it is in a layout the parser reads as it is, else the text derived from the web page,
/// Markdown, hard-wrapped text or one-line-per-text-node text (`lgsco --text` prints it).
///
/// ```
/// let plain = "Summary: Mr Q complained.\n";
/// assert!(matches!(lgsco::derived_text(plain), std::borrow::Cow::Borrowed(_)));
/// let markdown = "# Org (22 014 796)\n\n**Decision :** Upheld\n\n## The complaint\n\n1. See [this](https://x).\n";
/// assert_eq!(lgsco::derived_text(markdown), "Org (22 014 796)\n\nDecision : Upheld\n\nThe complaint\n\n  1. See this.\n");
/// ```
pub fn derived_text(input: &str) -> Cow<'_, str> {
    input::derive(input, input::InputKind::of(input)).text
}

/// Reads `input` as `kind`, then parses the text read; the derived layout and the warnings for
/// what was repaired (lines joined, text decoded again) are added to the record.
pub(crate) fn read(input: &str, kind: input::InputKind) -> Result<Decision, ParseError> {
    read_keeping(input, kind).0
}

/// [`read`], with the text read, which the record's spans refer to. A web page past the bounds
/// on its markup is refused before its tree is built; one with no text once its furniture is
/// left out says so.
pub(crate) fn read_keeping(
    input: &str,
    kind: input::InputKind,
) -> (Result<Decision, ParseError>, Cow<'_, str>) {
    #[cfg(feature = "html")]
    if matches!(kind, input::InputKind::Html)
        && let Err(error) = input::html_within_bounds(input)
    {
        return (Err(error), Cow::Borrowed(""));
    }
    let input::Derived {
        text,
        layout,
        warnings,
    } = input::derive(input, kind);
    #[cfg(feature = "html")]
    if matches!(kind, input::InputKind::Html) && text.trim().is_empty() && !input.trim().is_empty()
    {
        return (Err(ParseError::empty_page()), text);
    }
    let decision = parse_text(&text).map(|mut decision| {
        if let Some(layout) = layout {
            decision.layout = layout;
        }
        decision.warnings.extend(warnings);
        decision
    });
    (decision, text)
}

/// Parses text in one of the layouts the segmenter reads; spans refer to `text`.
fn parse_text(text: &str) -> Result<Decision, ParseError> {
    let (lines, repeated) = duplicate::without_repeated_lines(split_lines(text));
    if lines.is_empty() {
        return Err(ParseError::new(ErrorKind::Empty, None));
    }
    let mut header = header::read_header(&lines);
    if !header.looks_like_decision {
        return Err(ParseError::new(ErrorKind::NotADecision, None));
    }
    header.warnings.extend(repeated);
    let body_end = duplicate::body_end(&lines, &mut header);
    let body = segment::segment(lines.get(header.body_start..body_end).unwrap_or_default());

    // The readers, each taking the document built once from the summary and the body.
    let doc = Document::new(text, header.spans.summary, &body.preamble, &body.sections);
    let found = complainant::complainants(&doc);
    let remedies = remedies::find_remedies(&doc, header.decision_date);
    let summary_remedy = remedies::summary_remedy(&doc);
    let outcome_kind = header.outcome.as_ref().map(|o| o.kind);
    let declined = findings::declined_to_investigate(outcome_kind, &doc);
    let findings = findings::find_findings(&doc, declined);
    let mut dates = dates::date_mentions(&doc);
    let legislation = legislation::citations(&doc);
    let shared_with = sharing::shared_with(&doc);
    drop(doc);
    dates.extend(
        body.status_updates
            .iter()
            .filter_map(|update| status_date(text, update)),
    );
    let template = if header.mirror
        || (header.reference.is_none() && header.outcome.is_none() && header.category.is_none())
    {
        Template::Mirror
    } else if header.report_summary || !body.status_updates.is_empty() {
        Template::ReportSummary
    } else {
        Template::Statement
    };

    let mut warnings = header.warnings;
    warnings.extend(body.warnings);
    if found.names.is_empty() {
        warnings.push(Warning {
            kind: WarningKind::NoComplainant,
            message: "no complainant named in the summary or the complaint section".into(),
            span: None,
        });
    }
    let mut spans = header.spans;
    spans.complainant = found.span;
    Ok(Decision {
        organisation: header.organisation,
        reference: header.reference,
        category: header.category,
        outcome: header.outcome,
        decision_date: header.decision_date,
        complainant: found.names.first().cloned(),
        complainants: found.names,
        summary: header.summary,
        layout: body.layout,
        template,
        truncated: body.truncated,
        preamble: body.preamble,
        sections: body.sections,
        spans,
        warnings,
        agreed_actions: remedies.actions,
        total_payment_pence: remedies.total_pence,
        summary_remedy,
        fault_found: findings::fault_found(&findings, outcome_kind, declined),
        findings,
        dates,
        legislation,
        shared_with,
        status_updates: body.status_updates,
    })
}

/// The date of a status line in `text` as a date mention.
fn status_date(text: &str, update: &StatusUpdate) -> Option<DateMention> {
    let (date, span) = update.date.zip(update.date_span)?;
    Some(DateMention {
        text: text.get(span.range())?.to_string(),
        value: DateValue {
            date,
            precision: Precision::Day,
        },
        paragraph: None,
        span,
    })
}

/// Parses raw bytes, reporting invalid UTF-8 with the offset of the first bad byte. Bytes that
/// start with a UTF-16 byte-order mark are decoded first, as [`decode`] does; the record's spans
/// then refer to that decoded text.
///
/// ```
/// let err = lgsco::parse_bytes(b"Summary: ok \xff").unwrap_err();
/// assert_eq!(err.kind(), lgsco::ErrorKind::InvalidUtf8);
/// assert_eq!(err.position(), Some(12));
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Decision, ParseError> {
    parse(&decode(bytes, None)?)
}
