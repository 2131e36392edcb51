//! Hostile and degenerate inputs: each returns a record with warnings or a clean error, and every
//! record's spans lie inside the input. Sizes are chosen so the debug-mode suite stays quick.

use crate::common::{check_decision, real_statements};
use lgsco::{Decision, ErrorKind, WarningKind};

const STATEMENT: &str = include_str!("../../corpus/knowsley-22-014-796.txt");

fn parse_ok(text: &str) -> Decision {
    let decision = lgsco::parse(text).expect("parses");
    check_decision(text, &decision);
    decision
}

fn kinds(decision: &Decision) -> Vec<WarningKind> {
    decision.warnings.iter().map(|w| w.kind).collect()
}

fn paragraph_count(decision: &Decision) -> usize {
    decision.preamble.len()
        + decision
            .sections
            .iter()
            .map(|s| s.paragraphs.len())
            .sum::<usize>()
}

#[test]
fn empty_and_blank_inputs_are_empty_errors() {
    for text in ["", " ", "\n\n\r\n", "\t \u{a0}\u{feff}\u{200b}\n  \r"] {
        let err = lgsco::parse(text).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Empty, "{text:?}");
        assert_eq!(err.to_string(), "empty input: no text to parse");
    }
}

#[test]
fn nul_bytes_are_text_not_a_crash() {
    let err = lgsco::parse("\0\0\0\n\0").unwrap_err();
    assert_eq!(err.kind(), ErrorKind::NotADecision);
    let with_nuls = STATEMENT.replace("Ms X", "Ms\0X").replace("\n\n", "\n\0\n");
    let decision = parse_ok(&with_nuls);
    assert_eq!(decision.reference.as_deref(), Some("22 014 796"));
}

#[test]
fn invalid_utf8_reports_the_first_bad_byte() {
    let mut bytes = STATEMENT.as_bytes().to_vec();
    let at = STATEMENT.find("The complaint").expect("heading");
    bytes.insert(at, 0xff);
    let err = lgsco::parse_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidUtf8);
    assert_eq!(err.position(), Some(at));
    assert_eq!(err.to_string(), format!("invalid UTF-8 at byte {at}"));
    // A multi-byte sequence cut short at the very end: the offset is where the sequence starts.
    let cut = "Summary: Mr Q £".as_bytes();
    let err = lgsco::parse_bytes(&cut[..cut.len() - 1]).unwrap_err();
    assert_eq!(err.position(), Some(cut.len() - 2));
}

#[test]
fn a_20_mb_single_line_returns() {
    let line = "Summary: ".to_string() + &"Ms X complained about the Council; ".repeat(600_000);
    assert!(line.len() > 20_000_000);
    let decision = parse_ok(&line);
    let summary = decision.summary.as_deref().expect("summary");
    assert_eq!(summary, line["Summary: ".len()..].trim_end());
    assert_eq!(decision.complainant.as_deref(), Some("Ms X"));
}

#[test]
fn ten_thousand_summary_lines_read_the_first_and_warn() {
    let text = "Summary: Mr Q complained about transport.\n".repeat(10_000);
    let decision = parse_ok(&text);
    assert_eq!(
        decision.summary.as_deref(),
        Some("Mr Q complained about transport.")
    );
    assert!(kinds(&decision).contains(&WarningKind::RepeatedLines));

    let bare = "Summary:\n".repeat(10_000);
    let decision = parse_ok(&bare);
    assert_eq!(decision.summary, None);
    assert!(kinds(&decision).contains(&WarningKind::RepeatedLines));

    // Apart, the repeated summaries are copies of the statement.
    let apart = "Summary: Mr Q complained about transport.\nThe complaint\n".repeat(10_000);
    let decision = parse_ok(&apart);
    assert!(kinds(&decision).contains(&WarningKind::DuplicateStatement));
}

/// The text of `corpus/knowsley-22-014-796.txt`.
fn knowsley() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/knowsley-22-014-796.txt"
    ))
    .unwrap()
}

#[test]
fn a_summary_line_twice_or_every_line_doubled_still_reads_the_body() {
    let seed = knowsley();
    let once = lgsco::parse(&seed).unwrap();
    let summary_line = seed.lines().find(|l| l.starts_with("Summary:")).unwrap();
    let summary_twice = seed.replacen(summary_line, &format!("{summary_line}\n{summary_line}"), 1);
    let doubled: String = seed.lines().flat_map(|l| [l, "\n", l, "\n"]).collect();
    for text in [summary_twice, doubled] {
        let decision = parse_ok(&text);
        assert_eq!(decision.sections.len(), once.sections.len());
        assert_eq!(decision.total_payment_pence, once.total_payment_pence);
        assert_eq!(decision.agreed_actions.len(), once.agreed_actions.len());
        assert!(!decision.truncated);
        let kinds = kinds(&decision);
        assert!(kinds.contains(&WarningKind::RepeatedLines), "{kinds:?}");
        assert!(
            !kinds.contains(&WarningKind::DuplicateStatement),
            "{kinds:?}"
        );
    }
}

#[test]
fn a_hundred_thousand_dash_lines_return() {
    let flat = "Summary: Ms X complained.\nThe complaint\n".to_string()
        + &(0..100_000)
            .map(|i| format!("- Ms X said the Council was late, {i} times.\n"))
            .collect::<String>();
    let decision = parse_ok(&flat);
    assert_eq!(decision.layout, lgsco::Layout::Dashed);
    assert_eq!(paragraph_count(&decision), 100_000);

    // Deep nesting: every line one dash deeper than the one before.
    let mut deep = String::from("Summary: Ms X complained.\nThe complaint\n");
    for depth in 1..=2_000 {
        deep.push_str(&"- ".repeat(depth));
        deep.push_str("item\n");
    }
    let decision = parse_ok(&deep);
    assert!(paragraph_count(&decision) > 0);
}

#[test]
fn a_statement_pasted_twice_is_read_once_with_a_warning() {
    let once = parse_ok(STATEMENT);
    for separator in ["\n", "\n\n----\n\n"] {
        let twice = format!("{STATEMENT}{separator}{STATEMENT}");
        let decision = parse_ok(&twice);
        let warning = decision
            .warnings
            .iter()
            .find(|w| w.kind == WarningKind::DuplicateStatement)
            .expect("duplicate warning");
        let span = warning.span.expect("warning span");
        assert!(
            twice[span.range()].starts_with("Knowsley Metropolitan Borough Council (22 014 796)")
        );
        assert_eq!(decision.sections, once.sections);
        assert_eq!(decision.summary, once.summary);
    }
    // A copy cut off part-way and pasted again: the second copy does not leak into the first.
    let cut = &STATEMENT[..STATEMENT.find("Back to top").expect("back to top")];
    let twice = format!("{cut}{STATEMENT}");
    let decision = parse_ok(&twice);
    assert!(kinds(&decision).contains(&WarningKind::DuplicateStatement));
    assert_eq!(decision.sections.len(), 1);
    assert_eq!(decision.sections[0].paragraphs.len(), 2);
}

#[test]
fn no_real_statement_warns_of_a_duplicate() {
    for (path, text) in real_statements() {
        let decision = parse_ok(&text);
        assert!(
            !kinds(&decision).contains(&WarningKind::DuplicateStatement),
            "{}",
            path.display()
        );
    }
}

#[test]
fn an_impossible_decision_date_is_a_warning() {
    let text = STATEMENT.replace("22 Aug 2023", "31 February 2021");
    let decision = parse_ok(&text);
    assert_eq!(decision.decision_date, None);
    let warning = decision
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::BadHeaderValue)
        .expect("bad header value warning");
    assert_eq!(
        &text[warning.span.expect("span").range()],
        "31 February 2021"
    );
}

#[test]
fn a_10_mb_statement_parses() {
    let start = STATEMENT
        .find("  1. Ms X complained")
        .expect("first paragraph");
    let end = STATEMENT.find("Back to top").expect("back to top");
    let paragraphs = &STATEMENT[start..end];
    let repeats = 10_000_000 / paragraphs.len() + 1;
    let text = format!(
        "{}{}{}",
        &STATEMENT[..start],
        paragraphs.repeat(repeats),
        &STATEMENT[end..]
    );
    assert!(text.len() > 10_000_000);
    let decision = parse_ok(&text);
    assert!(paragraph_count(&decision) >= 2 * repeats);
    assert!(!decision.truncated);
}

#[test]
fn many_relatives_before_names_stay_linear() {
    // Every name is introduced as a relative, so each one is checked against the text before it.
    let text = "Summary: We will not investigate.\nThe complaint\n".to_string()
        + &"her mother\u{2019}s friend, Mrs C and ".repeat(100_000);
    let decision = parse_ok(&text);
    assert_eq!(decision.complainant, None);
}

#[test]
fn invisible_characters_in_labels_are_tolerated_and_left_out_of_values() {
    let seed = knowsley();
    let once = lgsco::parse(&seed).unwrap();
    let title = seed.lines().next().unwrap();
    let scraped = seed
        .replacen("Category :", "Category\u{200b} :", 1)
        .replacen("Decision : Upheld", "Decision : Up\u{200d}held\u{feff}", 1)
        .replacen(title, &format!("{title}\u{200e}"), 1)
        .replacen("Summary:", "Sum\u{200b}mary:", 1);
    let decision = parse_ok(&scraped);
    assert_eq!(decision.organisation, once.organisation);
    assert_eq!(decision.reference, once.reference);
    assert_eq!(decision.category, once.category);
    assert_eq!(decision.outcome, once.outcome);
    assert_eq!(decision.summary, once.summary);
    assert_eq!(decision.sections.len(), once.sections.len());
    assert!(kinds(&decision).contains(&WarningKind::InvisibleCharacters));
    assert!(!kinds(&once).contains(&WarningKind::InvisibleCharacters));
    // The spans still point at the values in the scraped text.
    let span = decision.spans.category.unwrap();
    assert_eq!(&scraped[span.range()], once.category.unwrap().text);
}
