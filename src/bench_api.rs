//! Entry points to the parser's stages, one at a time, for the benchmarks in `benches/`.
//!
//! **Unstable, not part of the API**: hidden from the documentation and free to change in any
//! release. The stages are private modules; benchmarks are separate crates and can only call
//! public items, so this module re-exposes each stage behind a function on public types.

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

/// Reads the head (title, header lines, summary) and returns the index of the first body line.
pub fn header(lines: &Lines<'_>) -> usize {
    crate::header::read_header(&lines.0).body_start
}

/// Segments the body lines from `body_start` into the preamble and sections.
pub fn segment(lines: &Lines<'_>, body_start: usize) -> (Vec<Paragraph>, Vec<Section>) {
    let body = crate::segment::segment(lines.0.get(body_start..).unwrap_or_default());
    (body.preamble, body.sections)
}

/// Reads the agreed actions of segmented `sections` of `input`.
pub fn agreed_actions(
    input: &str,
    sections: &[Section],
    decision_date: Option<NaiveDate>,
) -> Vec<AgreedAction> {
    crate::remedies::find_remedies(input, &crate::headings::keyed(sections), decision_date).actions
}

/// Reads the findings of the summary at `summary` and of segmented `sections` of `input`.
pub fn findings(input: &str, summary: Option<Span>, sections: &[Section]) -> Vec<Finding> {
    let summary = summary.and_then(|span| crate::pieces::unnumbered(input, span));
    crate::findings::find_findings(input, summary, &crate::headings::keyed(sections))
}
