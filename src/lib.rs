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

mod complainant;
mod dates;
mod duplicate;
mod error;
mod header;
mod headings;
mod lines;
mod model;
mod segment;

pub use error::{ErrorKind, ParseError};
pub use model::{
    Category, Decision, FieldSpans, Item, Layout, Outcome, OutcomeKind, Paragraph, Section, Span,
    Warning, WarningKind,
};

use complainant::{Source, find_complainants};
use lines::{fold, split_lines};

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
    let lines = split_lines(text);
    if lines.is_empty() {
        return Err(ParseError::new(ErrorKind::Empty, None));
    }
    let mut header = header::read_header(&lines);
    if !header.looks_like_decision {
        return Err(ParseError::new(ErrorKind::NotADecision, None));
    }
    let body_end = duplicate::second_copy(&lines, &header).unwrap_or(lines.len());
    if let (Some(first), Some(last)) = (lines.get(body_end), lines.last()) {
        header.warnings.push(Warning {
            kind: WarningKind::DuplicateStatement,
            message: "the statement appears again further on; only the first copy was read".into(),
            span: Some(Span::new(first.span.start, last.span.end)),
        });
    }
    let body = segment::segment(lines.get(header.body_start..body_end).unwrap_or_default());

    let mut sources: Vec<Source<'_>> = Vec::new();
    if let Some(span) = header.spans.summary {
        sources.push((&text[span.range()], span.start));
    }
    let complaint_section = body
        .sections
        .iter()
        .find(|s| {
            let heading = fold(&s.heading);
            heading.starts_with("the complaint") || heading.starts_with("complaint")
        })
        .or(body.sections.first());
    if let Some(section) = complaint_section {
        sources.extend(
            section
                .paragraphs
                .iter()
                .map(|p| (&text[p.span.range()], p.span.start)),
        );
    }
    let found = find_complainants(&sources);

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
        truncated: body.truncated,
        preamble: body.preamble,
        sections: body.sections,
        spans,
        warnings,
    })
}

/// Parses raw bytes, reporting invalid UTF-8 with the offset of the first bad byte.
///
/// ```
/// let err = lgsco::parse_bytes(b"Summary: ok \xff").unwrap_err();
/// assert_eq!(err.kind(), lgsco::ErrorKind::InvalidUtf8);
/// assert_eq!(err.position(), Some(12));
/// ```
pub fn parse_bytes(bytes: &[u8]) -> Result<Decision, ParseError> {
    match std::str::from_utf8(bytes) {
        Ok(text) => parse(text),
        Err(e) => Err(ParseError::new(
            ErrorKind::InvalidUtf8,
            Some(e.valid_up_to()),
        )),
    }
}
