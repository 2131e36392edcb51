//! Invariants every parsed record must satisfy, shared by the property and adversarial tests and
//! by the fuzz targets (`fuzz/src/lib.rs` includes this file by path).
#![allow(dead_code)]

pub mod grammar;

use std::path::PathBuf;

use lgsco::{Decision, Paragraph, Span};

/// The preamble's paragraphs, then the sections'.
fn paragraphs(decision: &Decision) -> impl Iterator<Item = &Paragraph> {
    decision
        .preamble
        .iter()
        .chain(decision.sections.iter().flat_map(|s| &s.paragraphs))
}

/// Every value of `decision` that is a piece of the input as written, with its span and a label:
/// headings, paragraphs' own texts, items, agreed actions, payments, deadlines, findings and
/// dates.
pub fn quoted(decision: &Decision) -> Vec<(&'static str, Span, &str)> {
    let mut quoted = Vec::new();
    for section in &decision.sections {
        quoted.push(("heading", section.span, section.heading.as_str()));
    }
    for paragraph in paragraphs(decision) {
        quoted.push((
            "paragraph text",
            paragraph.text_span,
            paragraph.text.as_str(),
        ));
        for item in &paragraph.items {
            quoted.push(("item", item.span, item.text.as_str()));
        }
    }
    for action in &decision.agreed_actions {
        quoted.push(("agreed action", action.span, action.text.as_str()));
        for payment in &action.payments {
            quoted.push(("payment", payment.span, payment.text.as_str()));
        }
        if let Some(deadline) = &action.deadline {
            quoted.push(("deadline", deadline.span, deadline.text.as_str()));
        }
    }
    if let Some(remedy) = &decision.summary_remedy {
        quoted.push(("summary remedy", remedy.span, remedy.text.as_str()));
        for payment in &remedy.payments {
            quoted.push(("summary payment", payment.span, payment.text.as_str()));
        }
    }
    for finding in &decision.findings {
        quoted.push(("finding", finding.span, finding.text.as_str()));
    }
    for date in &decision.dates {
        quoted.push(("date", date.span, date.text.as_str()));
    }
    quoted
}

/// Every span in `decision`, with a label saying where it came from.
pub fn all_spans(decision: &Decision) -> Vec<(String, Span)> {
    let mut spans: Vec<(String, Span)> = paragraphs(decision)
        .map(|p| ("paragraph".to_string(), p.span))
        .collect();
    let fields = &decision.spans;
    for (name, span) in [
        ("organisation", fields.organisation),
        ("reference", fields.reference),
        ("category", fields.category),
        ("outcome", fields.outcome),
        ("decision_date", fields.decision_date),
        ("summary", fields.summary),
        ("complainant", fields.complainant),
    ] {
        if let Some(span) = span {
            spans.push((name.to_string(), span));
        }
    }
    for warning in &decision.warnings {
        if let Some(span) = warning.span {
            spans.push((format!("warning {:?}", warning.kind), span));
        }
    }
    for citation in &decision.legislation {
        spans.push((
            format!("citation of {:?}", citation.reference.act),
            citation.span,
        ));
    }
    spans.extend(
        quoted(decision)
            .into_iter()
            .map(|(label, span, _)| (label.to_string(), span)),
    );
    spans
}

/// Panics (with a message naming the span) unless every span of `decision` lies inside the text
/// read from `input` ([`lgsco::derived_text`])
/// on char boundaries, each paragraph's span covers its text, each value copied from the input
/// ([`quoted`]) is exactly the text its span covers, each citation's span holds the words of its
/// legislation or a provision it cites, and each payment lies inside its action or summary remedy.
pub fn check_decision(input: &str, decision: &Decision) {
    // Spans refer to the text the parser read: the input itself, or the text derived from a web
    // page, Markdown or wrapped lines.
    let text = &*lgsco::derived_text(input);
    for (label, span) in all_spans(decision) {
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{label} span {span:?} outside input of {} bytes",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
            "{label} span {span:?} not on char boundaries"
        );
    }
    for paragraph in paragraphs(decision) {
        let (outer, inner) = (paragraph.span, paragraph.text_span);
        assert!(
            outer.start <= inner.start && inner.end <= outer.end,
            "paragraph span {outer:?} does not cover its text at {inner:?}"
        );
    }
    for (label, span, value) in quoted(decision) {
        assert_eq!(&text[span.range()], value, "{label} span {span:?}");
    }
    for citation in &decision.legislation {
        // The span holds the words of the legislation it names, or else (a bare provision given
        // the legislation its sentence names: `section 17 of the Act`) a provision it cites.
        let cited = &text[citation.span.range()];
        let r = &citation.reference;
        let names_it = r
            .act
            .as_deref()
            .is_some_and(|act| act.split_whitespace().all(|word| cited.contains(word)));
        let mut provisions = r.sections.iter().chain(&r.parts).chain(&r.schedules);
        assert!(
            names_it || provisions.any(|p| cited.contains(p.split(['(', ' ']).next().unwrap_or(p))),
            "citation span {:?} ({cited:?}) holds neither the words of {:?} nor a provision",
            citation.span,
            r.act
        );
    }
    let remedies = decision
        .agreed_actions
        .iter()
        .map(|a| (a.span, &a.payments))
        .chain(
            decision
                .summary_remedy
                .iter()
                .map(|r| (r.span, &r.payments)),
        );
    for (span, payments) in remedies {
        for payment in payments {
            assert!(
                span.start <= payment.span.start && payment.span.end <= span.end,
                "payment span {:?} outside its action {:?}",
                payment.span,
                span
            );
        }
    }
}

/// Parses `bytes` with `parse_bytes` and, lossily decoded, with `parse`; checks every record
/// returned and that an invalid-UTF-8 error points at the first bad byte. Bytes that open with a
/// UTF-16 byte-order mark are decoded as UTF-16 first, and their record's spans refer to that.
pub fn check_bytes(bytes: &[u8]) {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let text = lgsco::decode(bytes, None).expect("UTF-16 always decodes");
        if let Ok(decision) = lgsco::parse_bytes(bytes) {
            check_decision(&text, &decision);
        }
        return;
    }
    match (lgsco::parse_bytes(bytes), std::str::from_utf8(bytes)) {
        (Ok(decision), Ok(text)) => check_decision(text, &decision),
        (Err(err), Ok(_)) => assert_ne!(err.kind(), lgsco::ErrorKind::InvalidUtf8),
        (Err(err), Err(utf8)) => {
            assert_eq!(err.kind(), lgsco::ErrorKind::InvalidUtf8);
            assert_eq!(err.position(), Some(utf8.valid_up_to()));
        }
        (Ok(_), Err(_)) => panic!("invalid UTF-8 parsed"),
    }
    let text = String::from_utf8_lossy(bytes);
    if let Ok(decision) = lgsco::parse(&text) {
        check_decision(&text, &decision);
    }
}

/// The real statements to test against: `corpus/*.txt`, and `../shared/corpus/dev/*.txt` when
/// that directory exists beside the crate.
pub fn real_statements() -> Vec<(PathBuf, String)> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mut statements = Vec::new();
    for dir in [root.join("corpus"), root.join("../shared/corpus/dev")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        paths.sort();
        for path in paths {
            let text = std::fs::read_to_string(&path).expect("corpus file is UTF-8");
            statements.push((path, text));
        }
    }
    statements
}
