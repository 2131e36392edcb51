//! The statement's head: title line, header lines and summary, and where the body begins.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use crate::dates::parse_header_date;
use crate::lines::{Line, fold};
use crate::model::{Category, FieldSpans, Outcome, OutcomeKind, Warning, WarningKind};

/// `Knowsley Metropolitan Borough Council (22 014 796)`; the reference may use spaces, no-break
/// spaces, hyphens or nothing between its groups, and other text may follow it in the brackets.
static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<org>.*?\S)\s*\((?P<ref>(?P<a>\d{2})[\s\-]?(?P<b>\d{3})[\s\-]?(?P<c>\d{3})(?P<suffix>[a-z]?))(?-u:\b)[^()]*\)$")
        .expect("title regex")
});

/// `Category : value`, `Decision : value`, `Decision date : value`.
static HEADER_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?P<name>category|decision date|date of decision|decision)\s*:\s*(?P<value>.*)$",
    )
    .expect("header field regex")
});

/// `Summary: text` (the text may also start on the next line).
static SUMMARY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^summary\s*:?\s*").expect("summary regex"));

/// The values read from the head of a statement.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub organisation: Option<String>,
    pub reference: Option<String>,
    pub category: Option<Category>,
    pub outcome: Option<Outcome>,
    pub decision_date: Option<NaiveDate>,
    pub summary: Option<String>,
    pub spans: FieldSpans,
    /// Index of the first body line.
    pub body_start: usize,
    /// Index of the title line, when there is one.
    pub title_at: Option<usize>,
    /// Index of the `Summary:` line, when there is one.
    pub summary_at: Option<usize>,
    /// Whether any mark of a decision statement was seen.
    pub looks_like_decision: bool,
    pub warnings: Vec<Warning>,
}

fn is_final_decision_line(text: &str) -> bool {
    let folded = fold(text);
    let folded = folded.trim_end_matches(':').trim_end();
    folded.starts_with("the ombudsman's final decision")
        || folded.starts_with("the ombudsmen's final decision")
        || folded == "final decision summary"
}

fn is_summary_line(text: &str) -> bool {
    text.len() >= 7 && text.is_char_boundary(7) && text[..7].eq_ignore_ascii_case("summary") && {
        let rest = text[7..].trim_start();
        rest.starts_with(':') || rest.is_empty()
    }
}

/// Whether a line belongs to a statement's head: its title line, a header line
/// (`Category :`, `Decision :`, `Decision date :`) or the `The Ombudsman's final decision` line.
pub(crate) fn is_head_line(text: &str) -> bool {
    text.len() <= 300
        && (TITLE.is_match(text) || HEADER_FIELD.is_match(text) || is_final_decision_line(text))
}

/// The kind of outcome a `Decision :` value describes.
pub(crate) fn outcome_kind(value: &str) -> OutcomeKind {
    let folded = fold(value);
    if folded.starts_with("not upheld") {
        OutcomeKind::NotUpheld
    } else if folded.starts_with("upheld") {
        OutcomeKind::Upheld
    } else if folded.starts_with("closed after initial enquir") {
        OutcomeKind::ClosedAfterInitialEnquiries
    } else {
        OutcomeKind::Other
    }
}

fn category(value: &str) -> Category {
    let (area, subcategory) = match value.split_once('>') {
        Some((area, sub)) => (area.trim(), Some(sub.trim().to_string())),
        None => (value.trim(), None),
    };
    Category {
        text: value.to_string(),
        area: area.to_string(),
        subcategory: subcategory.filter(|s| !s.is_empty()),
    }
}

/// Reads the head of a statement from its lines. Never fails; missing parts become `None` and warnings.
pub(crate) fn read_header(lines: &[Line<'_>]) -> Header {
    let mut header = Header::default();
    let summary_at = lines.iter().position(|l| is_summary_line(l.text));
    let final_decision_at = lines
        .iter()
        .take(summary_at.unwrap_or(lines.len()))
        .position(|l| is_final_decision_line(l.text));
    let head_end = summary_at
        .or(final_decision_at)
        .unwrap_or(lines.len().min(12));

    let mut saw_header_line = false;
    let mut last_head_line = None;
    for (i, line) in lines[..head_end].iter().enumerate() {
        if header.organisation.is_none() && read_title(line, &mut header) {
            header.title_at = Some(i);
            last_head_line = Some(i);
        } else if read_field(line, &mut header) {
            saw_header_line = true;
            last_head_line = Some(i);
        }
    }

    header.summary_at = summary_at;
    header.body_start = match (summary_at, final_decision_at) {
        (Some(at), _) => read_summary(lines, at, &mut header),
        (None, Some(at)) => at + 1,
        (None, None) => last_head_line.map_or(0, |i| i + 1),
    };
    header.looks_like_decision = header.organisation.is_some()
        || summary_at.is_some()
        || final_decision_at.is_some()
        || saw_header_line;

    if header.organisation.is_none() {
        header.warn(
            WarningKind::NoTitle,
            "no title line `Organisation (NN NNN NNN)` found",
        );
    }
    if !saw_header_line {
        header.warn(
            WarningKind::NoHeaderLines,
            "no `Category`, `Decision` or `Decision date` header lines",
        );
    }
    if header.summary.is_none() {
        header.warn(WarningKind::NoSummary, "no `Summary:` paragraph found");
    }
    header
}

impl Header {
    fn warn(&mut self, kind: WarningKind, message: &str) {
        self.warnings.push(Warning {
            kind,
            message: message.to_string(),
            span: None,
        });
    }
}

fn read_title(line: &Line<'_>, header: &mut Header) -> bool {
    // The title regex needs the closing bracket at the end; most lines fail on that alone.
    if line.text.len() > 300 || !line.text.ends_with(')') {
        return false;
    }
    let Some(caps) = TITLE.captures(line.text) else {
        return false;
    };
    let (org, reference) = (&caps["org"], caps.name("ref").expect("ref group"));
    header.organisation = Some(org.to_string());
    header.reference = Some(format!(
        "{} {} {}{}",
        &caps["a"], &caps["b"], &caps["c"], &caps["suffix"]
    ));
    header.spans.organisation = Some(line.sub_span(0, org.len()));
    header.spans.reference = Some(line.sub_span(reference.start(), reference.end()));
    true
}

fn read_field(line: &Line<'_>, header: &mut Header) -> bool {
    // Every header field has a colon; most lines fail on that alone.
    if line.text.len() > 300 || !line.text.contains(':') {
        return false;
    }
    let Some(caps) = HEADER_FIELD.captures(line.text) else {
        return false;
    };
    let value = caps.name("value").expect("value group");
    let text = value.as_str().trim();
    let span = Some(line.sub_span(value.start(), value.start() + text.len()));
    if text.is_empty() {
        return true;
    }
    match caps["name"].to_ascii_lowercase().as_str() {
        "category" => {
            header.category = Some(category(text));
            header.spans.category = span;
        }
        "decision" => {
            header.outcome = Some(Outcome {
                text: text.to_string(),
                kind: outcome_kind(text),
            });
            header.spans.outcome = span;
        }
        _ => match parse_header_date(text) {
            Some(date) => {
                header.decision_date = Some(date);
                header.spans.decision_date = span;
            }
            None => header.warnings.push(Warning {
                kind: WarningKind::BadHeaderValue,
                message: format!("decision date `{text}` is not a calendar date"),
                span,
            }),
        },
    }
    true
}

/// Reads the summary at line `at` and returns the index of the first body line.
fn read_summary(lines: &[Line<'_>], at: usize, header: &mut Header) -> usize {
    let line = &lines[at];
    let skip = SUMMARY.find(line.text).map_or(0, |m| m.end());
    let rest = &line.text[skip..];
    if !rest.is_empty() {
        header.summary = Some(rest.to_string());
        header.spans.summary = Some(line.sub_span(skip, line.text.len()));
        return at + 1;
    }
    match lines.get(at + 1) {
        Some(next)
            if crate::headings::is_known_heading(next.text).is_none()
                && !is_summary_line(next.text) =>
        {
            header.summary = Some(next.text.to_string());
            header.spans.summary = Some(next.span);
            at + 2
        }
        _ => at + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;
    use crate::model::Span;

    fn span_text(input: &str, span: Option<Span>) -> Option<&str> {
        span.map(|s| &input[s.range()])
    }

    #[test]
    fn reads_title_fields_and_summary() {
        let input = "Redcar & Cleveland Council (24 005 034)\nCategory : Children's care services > Child protection\n\
                     Decision : Closed after initial enquiries\nDecision date : 28 Sep 2024\n\
                     The Ombudsman's final decision:\nSummary: We will not investigate.\nThe complaint\n";
        let lines = split_lines(input);
        let h = read_header(&lines);
        assert_eq!(
            h.organisation.as_deref(),
            Some("Redcar & Cleveland Council")
        );
        assert_eq!(h.reference.as_deref(), Some("24 005 034"));
        assert_eq!(span_text(input, h.spans.reference), Some("24 005 034"));
        assert_eq!(
            h.category.as_ref().unwrap().subcategory.as_deref(),
            Some("Child protection")
        );
        assert_eq!(
            h.outcome.as_ref().unwrap().kind,
            OutcomeKind::ClosedAfterInitialEnquiries
        );
        assert_eq!(h.decision_date, NaiveDate::from_ymd_opt(2024, 9, 28));
        assert_eq!(h.summary.as_deref(), Some("We will not investigate."));
        assert_eq!(
            span_text(input, h.spans.summary),
            Some("We will not investigate.")
        );
        assert_eq!(lines[h.body_start].text, "The complaint");
        assert!(h.warnings.is_empty());
    }

    #[test]
    fn reads_other_reference_spellings() {
        for title in [
            "A Council (22-014-796)",
            "A Council (22014796)",
            "A Council (22\u{a0}014\u{a0}796)",
        ] {
            let lines = split_lines(title);
            assert_eq!(
                read_header(&lines).reference.as_deref(),
                Some("22 014 796"),
                "{title}"
            );
        }
    }

    #[test]
    fn maps_long_outcome_wordings() {
        assert_eq!(
            outcome_kind("Upheld: maladministration and injustice"),
            OutcomeKind::Upheld
        );
        assert_eq!(
            outcome_kind("Not upheld: no maladministration"),
            OutcomeKind::NotUpheld
        );
        assert_eq!(
            outcome_kind("Closed after initial enquiries: out of jurisdiction"),
            OutcomeKind::ClosedAfterInitialEnquiries
        );
        assert_eq!(outcome_kind("Withdrawn"), OutcomeKind::Other);
    }
}
