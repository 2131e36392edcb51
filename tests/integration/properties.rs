//! Property tests: no string makes `parse` panic (nor text made of what scrapers write), and real
//! statements cut, thinned or padded line by line still give records whose spans lie inside the
//! input on char boundaries.

use crate::common::{check_decision, real_statements};
use proptest::prelude::*;
use proptest::test_runner::TestRunner;

/// Parses `text` and checks the record, if any. `Err` is a fine answer for a mangled statement.
fn parse_checked(text: &str) {
    if let Ok(decision) = lgsco::parse(text) {
        check_decision(text, &decision);
    }
}

fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Text built from the pieces statements are made of, so cases reach past the header.
fn statement_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Knowsley Council (22 014 796)".to_string()),
        Just("Category : Education > School transport".to_string()),
        Just("Decision : Upheld".to_string()),
        Just("Decision date : 31 Feb 2021".to_string()),
        Just("The Ombudsman's final decision:".to_string()),
        Just("Summary:".to_string()),
        Just("Summary: Ms X complained.".to_string()),
        Just("The complaint".to_string()),
        Just("  1. Ms X complained the Council:".to_string()),
        Just("      1. was late; and".to_string()),
        Just("    \u{2022} lost".to_string()),
        Just("- Mr and Mrs Y complained.".to_string()),
        Just("Back to top".to_string()),
        Just("Investigator's decision on behalf of the Ombudsman".to_string()),
        "\\PC{0,40}",
    ];
    let line_end = prop_oneof![Just("\n"), Just("\r\n"), Just("\r"), Just("\n\n")];
    prop::collection::vec((piece, line_end), 0..40)
        .prop_map(|lines| lines.into_iter().map(|(l, e)| l + e).collect())
}

/// Text built from what scrapers and HTML-to-text tools write (Markdown marks, html2text's
/// fences and underscores, lynx's markers and references, mis-decoded characters, markup), so
/// cases reach every reader of `src/input/`.
fn scraped_like() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("# Org (22 014 796)"),
        Just("**Decision :** Upheld"),
        Just("****** Org (22 014 796) ******"),
        Just("***** The complaint *****"),
        Just("**** failed to implement the agreed actions and"),
        Just("****"),
        Just("   1. Ms X complained the Council failed to provide the care she needed and"),
        Just("      38. The Council began looking into it at stage one of the procedure"),
        Just("          o apologise to Ms X; and"),
        Just("    \u{25a1} Pay \u{a3}500 to Mrs Y."),
        Just("+ item"),
        Just("1.  Ms X complained."),
        Just("[12]Return to top"),
        Just("References"),
        Just("   1. https://example.org/"),
        Just("Children&#x27;s_care_services &amp; &#99999999; &"),
        Just("the Council\u{e2}\u{80}\u{99}s \u{c2}\u{a3}300"),
        Just("(Local Government Act 1974"),
        Just(", sections 26(1) and 26A(1), as amended)"),
        Just("This was fault."),
        Just("<!DOCTYPE html><html><body><h1>Org (22 014 796)</h1><ol><li>a <em>b</em>"),
        Just("</li></ol><h2>The complaint</h2><p>Summary: Mr Q complained.</p>"),
        Just("====="),
        Just("-----"),
        Just("See [our guidance](https://example.org) and [x]"),
        Just("1\\. Ms X"),
        Just("Summary: Ms X complained."),
    ];
    let line = prop_oneof![piece.prop_map(str::to_string), "\\PC{0,30}"];
    let line_end = prop_oneof![Just("\n"), Just("\r\n"), Just("\n\n")];
    prop::collection::vec((line, line_end), 0..40)
        .prop_map(|lines| lines.into_iter().map(|(l, e)| l + e).collect())
}

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn any_scraped_like_text_returns(text in scraped_like()) {
        parse_checked(&text);
    }

    #[test]
    fn any_string_returns(text in "\\PC*") {
        parse_checked(&text);
    }

    #[test]
    fn any_statement_like_text_returns(text in statement_like()) {
        parse_checked(&text);
    }

    #[test]
    fn any_bytes_return(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        crate::common::check_bytes(&bytes);
    }
}

/// Runs `check` on `cases` random indices of each real statement's `units` (char boundaries or
/// lines). Exhaustive over every index would be slow in debug builds; proptest shrinks failures.
fn for_real_statements(cases: u32, check: impl Fn(&str, usize)) {
    for (path, text) in real_statements() {
        let mut runner = TestRunner::new(config(cases));
        runner
            .run(&any::<prop::sample::Index>(), |index| {
                check(&text, index.index(usize::MAX));
                Ok(())
            })
            .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    }
}

/// The line ranges of `text`, line ends included.
fn lines(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        ranges.push(start..start + line.len());
        start += line.len();
    }
    ranges
}

#[test]
fn real_statements_cut_at_any_char_boundary_return() {
    for_real_statements(64, |text, seed| {
        let boundaries: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        let cut = boundaries
            .get(seed % boundaries.len().max(1))
            .copied()
            .unwrap_or(0);
        parse_checked(&text[..cut]);
    });
}

#[test]
fn real_statements_missing_any_line_return() {
    for_real_statements(48, |text, seed| {
        let lines = lines(text);
        let line = &lines[seed % lines.len()];
        parse_checked(&format!("{}{}", &text[..line.start], &text[line.end..]));
    });
}

#[test]
fn real_statements_with_any_line_doubled_return() {
    for_real_statements(48, |text, seed| {
        let lines = lines(text);
        let line = &lines[seed % lines.len()];
        parse_checked(&format!("{}{}", &text[..line.end], &text[line.start..]));
    });
}

#[test]
fn every_real_statement_parses_and_its_spans_hold() {
    let statements = real_statements();
    assert!(statements.len() >= 5, "corpus/ has the bundled statements");
    for (path, text) in statements {
        let decision = lgsco::parse(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        check_decision(&text, &decision);
    }
}
