//! Entry points to the parser's stages, one at a time, for the benchmarks in `benches/`.
//!
//! **Unstable, not part of the API**: compiled only with the `unstable-bench-api` feature, hidden
//! from the documentation and free to change in any release. The stages are private modules;
//! benchmarks are separate crates and can only call public items, so this module re-exposes each
//! stage behind a function on public types. Each stage reads what the one before it returned,
//! with the same boundaries as [`crate::parse`].

use std::ops::Range;

use chrono::NaiveDate;

use crate::lines::{Line, split_lines};
use crate::model::{AgreedAction, Finding, Paragraph, Section, Span};

/// The non-blank lines of a text, as the stages after line splitting read them.
#[derive(Debug)]
pub struct Lines<'a>(Vec<Line<'a>>);

/// Splits `text` into lines (the first stage of every parse).
pub fn lines(text: &str) -> Lines<'_> {
    Lines(split_lines(text))
}

impl Lines<'_> {
    /// How many non-blank lines there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// Where the body lies among the lines: after the head, and before a second copy of the
/// statement if the text holds one.
#[derive(Debug)]
pub struct Body(Range<usize>);

/// Reads the head (title, header lines, summary) and finds where the body ends.
pub fn header(lines: &Lines<'_>) -> Body {
    let mut header = crate::header::read_header(&lines.0);
    let end = crate::duplicate::body_end(&lines.0, &mut header);
    Body(header.body_start..end)
}

/// Segments the body lines into the preamble and sections.
pub fn segment(lines: &Lines<'_>, body: &Body) -> (Vec<Paragraph>, Vec<Section>) {
    let body = crate::segment::segment(lines.0.get(body.0.clone()).unwrap_or_default());
    (body.preamble, body.sections)
}

/// The document the readers take: the sections with their heading roles, and the summary and
/// paragraphs as pieces of the input, whose sentences are split when first read.
#[derive(Debug)]
pub struct Document<'a>(crate::document::Document<'a>);

/// Builds the document of `input` from the summary's span and the segmented body. A document
/// keeps the sentences its readers split, so a benchmark of a reader builds a fresh one each time.
pub fn document<'a>(
    input: &'a str,
    summary: Option<Span>,
    preamble: &'a [Paragraph],
    sections: &'a [Section],
) -> Document<'a> {
    Document(crate::document::Document::new(
        input, summary, preamble, sections,
    ))
}

/// Reads the agreed actions of the document.
pub fn agreed_actions(
    document: &Document<'_>,
    decision_date: Option<NaiveDate>,
) -> Vec<AgreedAction> {
    crate::remedies::find_remedies(&document.0, decision_date).actions
}

/// Reads the findings of the document.
pub fn findings(document: &Document<'_>) -> Vec<Finding> {
    let outcome = None;
    let declined = crate::findings::declined_to_investigate(outcome, &document.0);
    crate::findings::find_findings(&document.0, declined)
}
