//! Invariants every parsed record must satisfy, shared by the property and adversarial tests and
//! by the fuzz targets (`fuzz/src/lib.rs` includes this file by path).
#![allow(dead_code)]

pub mod grammar;

use std::path::PathBuf;

use lgsco::{Decision, Span};

/// Every span in `decision`, with a label saying where it came from.
pub fn all_spans(decision: &Decision) -> Vec<(String, Span)> {
    let mut spans = Vec::new();
    let paragraphs = decision.preamble.iter().map(|p| ("preamble", p)).chain(
        decision
            .sections
            .iter()
            .flat_map(|s| s.paragraphs.iter().map(|p| ("section", p))),
    );
    for (where_, paragraph) in paragraphs {
        spans.push((format!("{where_} paragraph"), paragraph.span));
        for item in &paragraph.items {
            spans.push((format!("{where_} item"), item.span));
        }
    }
    for section in &decision.sections {
        spans.push(("heading".to_string(), section.span));
    }
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
    spans
}

/// Panics (with a message naming the span) unless every span of `decision` lies inside `text`
/// on char boundaries, and headings and items are exactly the text their spans cover.
pub fn check_decision(text: &str, decision: &Decision) {
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
    for section in &decision.sections {
        assert_eq!(text[section.span.range()], section.heading, "heading span");
    }
    let paragraphs = decision
        .preamble
        .iter()
        .chain(decision.sections.iter().flat_map(|s| &s.paragraphs));
    for paragraph in paragraphs {
        assert!(
            text[paragraph.span.range()].contains(paragraph.text.as_str()),
            "paragraph span {:?} does not cover its text",
            paragraph.span
        );
        for item in &paragraph.items {
            assert_eq!(text[item.span.range()], item.text, "item span");
        }
    }
}

/// Parses `bytes` with `parse_bytes` and, lossily decoded, with `parse`; checks every record
/// returned and that an invalid-UTF-8 error points at the first bad byte.
pub fn check_bytes(bytes: &[u8]) {
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
