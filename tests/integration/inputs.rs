//! The same statement in the forms scraped copies arrive in reads the same, and text that is not
//! a decision statement is an error.

use lgsco::{ErrorKind, Layout, OutcomeKind, WarningKind};

fn knowsley() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/knowsley-22-014-796.txt"
    ))
    .expect("seed")
}

/// The values that must not change when only the bytes' form changes, as JSON.
fn essentials(text: &str) -> serde_json::Value {
    let d = lgsco::parse(text).expect("parses");
    serde_json::json!({
        "organisation": d.organisation,
        "reference": d.reference,
        "complainant": d.complainant,
        "decision_date": d.decision_date,
        "headings": d.sections.iter().map(|s| (s.heading.replace('\'', "’"), s.level)).collect::<Vec<_>>(),
        "numbers": d.sections.iter().flat_map(|s| s.paragraphs.iter().map(|p| p.number)).collect::<Vec<_>>(),
    })
}

#[test]
fn crlf_bom_nbsp_and_straight_quotes_read_the_same() {
    let original = knowsley();
    let want = essentials(&original);
    let variants = [
        ("CRLF", original.replace('\n', "\r\n")),
        ("BOM", format!("\u{feff}{original}")),
        (
            "no-break spaces",
            original
                .replace("  1. ", "\u{a0}\u{a0}1.\u{a0}")
                .replace("(22 014 796)", "(22\u{a0}014\u{a0}796)"),
        ),
        ("straight quotes", original.replace('’', "'")),
        ("old Mac line ends", original.replace('\n', "\r")),
    ];
    for (name, text) in variants {
        assert_eq!(essentials(&text), want, "{name}");
    }
}

#[test]
fn spans_stay_on_the_original_bytes_with_crlf_and_bom() {
    let text = format!("\u{feff}{}", knowsley().replace('\n', "\r\n"));
    let d = lgsco::parse(&text).expect("parses");
    assert_eq!(
        &text[d.spans.organisation.expect("span").range()],
        "Knowsley Metropolitan Borough Council"
    );
    for section in &d.sections {
        assert_eq!(&text[section.span.range()], section.heading);
    }
}

#[test]
fn table_of_contents_and_cookie_banner_before_the_summary_are_skipped() {
    let banner =
        "Privacy settings\n\nLGO logogram\n\nReview your privacy settings\n\nRequired cookies\n\n";
    let toc =
        "- The complaint\n- The Ombudsman's role and powers\n- Agreed action\n- Final decision\n";
    let original = knowsley();
    let (title, rest) = original.split_once('\n').expect("title line");
    let text = format!("{banner}{title}\n{toc}{rest}");
    assert_eq!(essentials(&text), essentials(&original));
    let d = lgsco::parse(&text).expect("parses");
    assert_eq!(d.outcome.expect("outcome").kind, OutcomeKind::Upheld);
}

#[test]
fn missing_header_lines_are_null_with_a_warning() {
    let text = "Wirral Metropolitan Borough Council (22 010 680)\nThe Ombudsman's final decision:\n\
                Summary: Ms B complained the Council did not help her mother, Mrs C.\nThe complaint\n\
                - I have called the complainant \u{2018}Ms B\u{2019}.\n";
    let d = lgsco::parse(text).expect("parses");
    assert_eq!(d.reference.as_deref(), Some("22 010 680"));
    assert!(d.category.is_none() && d.outcome.is_none() && d.decision_date.is_none());
    assert!(
        d.warnings
            .iter()
            .any(|w| w.kind == WarningKind::NoHeaderLines)
    );
    assert!(d.warnings.iter().any(|w| w.kind == WarningKind::Truncated));
    assert_eq!(d.complainant.as_deref(), Some("Ms B"));
    assert_eq!(d.layout, Layout::Dashed);
}

#[test]
fn several_complainants_are_all_listed() {
    let text = "Summary: Ms A and Mr B complain the Council failed to repair their home.\nThe complaint\nMs A and Mr B say the Council ignored them.\n";
    let d = lgsco::parse(text).expect("parses");
    assert_eq!(d.complainant.as_deref(), Some("Ms A"));
    assert_eq!(d.complainants, ["Ms A", "Mr B"]);
}

#[test]
fn text_that_is_not_a_decision_is_an_error() {
    let cases = [
        ("", ErrorKind::Empty),
        (" \n\t\u{a0}\n", ErrorKind::Empty),
        (
            "Dear Sir,\nPlease find attached the minutes of the meeting.\nRegards",
            ErrorKind::NotADecision,
        ),
        (
            "<html><body><h1>404 Not Found</h1></body></html>",
            ErrorKind::NotADecision,
        ),
    ];
    for (text, kind) in cases {
        let err = lgsco::parse(text).expect_err(text);
        assert_eq!(err.kind(), kind, "{text:?}");
        assert!(!err.to_string().is_empty());
    }
}

/// A wrapped summary line read as a heading (`complaint. The Council has …`) is not the
/// complaint section: the complainant is read from `The complaint`.
#[test]
fn the_complaint_section_is_told_by_its_heading_role() {
    let text = "Summary: We find the Council at fault for closing the\n\
                complaint. The Council has re-started the complaints procedure\n\n\
                The complaint\n\n  1. Miss X complains the Council failed to act.\n";
    let d = lgsco::parse(text).unwrap();
    assert_eq!(
        d.sections[0].heading,
        "complaint. The Council has re-started the complaints procedure"
    );
    assert_eq!(d.complainant.as_deref(), Some("Miss X"));
}
