//! Statements in the other forms scraped copies come in: the 2013–2017 report summaries, mirror
//! sites' republished copies with their own header, and copies that lost their opening or stop
//! inside a heading. The statements are written for these tests.

use lgsco::{OutcomeKind, Template, WarningKind};

fn parse(text: &str) -> lgsco::Decision {
    lgsco::parse(text).expect("a decision")
}

fn headings(decision: &lgsco::Decision) -> Vec<&str> {
    decision
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect()
}

/// A report summary: the bare reference as its title, no `Summary` label, the finding inside
/// `The complaint`, and a status line with a date after the body.
const REPORT_SUMMARY: &str = "14 005 321\n\nCategory : Housing > Allocations\n\n\
    Decision : Upheld\n\nDecision date : 12 Mar 2016\n\n\n\
    Mr D complains the council did not assess his housing priority when his health got worse.\n\n\
    The complaint\n\n\
    Mr D complains the council took eight months to decide his medical priority in 2015.\n\n\
    The Ombudsman upheld the complaint and found fault causing injustice.\n\n\
    To remedy the injustice caused, the council has agreed to:\n\n\
    - apologise to Mr D; and\n\
    - pay him £200 for his time and trouble.\n\n\
    Ombudsman satisfied with council's response: 3 June 2016.\n\nPrint this page\n";

#[test]
fn a_report_summary_reads_its_bare_reference_unlabelled_summary_and_status_line() {
    let decision = parse(REPORT_SUMMARY);
    assert_eq!(decision.template, Template::ReportSummary);
    assert_eq!(decision.reference.as_deref(), Some("14 005 321"));
    assert_eq!(decision.organisation, None);
    let summary = decision.summary.as_deref().expect("a summary");
    assert!(summary.starts_with("Mr D complains the council did not assess"));
    let span = decision.spans.summary.expect("a summary span");
    assert_eq!(&REPORT_SUMMARY[span.range()], summary);
    assert_eq!(headings(&decision), ["The complaint"]);
    assert!(!decision.truncated);
    let [status] = decision.status_updates.as_slice() else {
        panic!("one status line: {:?}", decision.status_updates);
    };
    assert_eq!(status.text, "Ombudsman satisfied with council's response");
    assert_eq!(
        status.date.map(|d| d.to_string()).as_deref(),
        Some("2016-06-03")
    );
    let date_span = status.date_span.expect("the date's span");
    assert_eq!(&REPORT_SUMMARY[date_span.range()], "3 June 2016");
    let last = decision.dates.last().expect("dates");
    assert_eq!((last.text.as_str(), last.span), ("3 June 2016", date_span));
    assert_eq!(decision.fault_found, Some(true));
}

/// A mirror site's copy: its own chrome, the organisation on a line of its own and a header line
/// of labels, then the statement without the Ombudsman's title and header lines.
const MIRROR: &str = "Source \u{b7} A Decisions Tracker\n\nNorthfield District Council\n\n\
    LGSCO decision Reference 23-014-562 Sector Planning And Development Category Enforcement \
    Decided 14 March 2024\n\nView the council's record\n\n\
    The Ombudsman's final decision\n\n\
    Summary: We will not investigate this complaint about a neighbour's fence. It is unlikely \
    we would find fault by the Council.\n\n\
    The complaint\n\nMr P complains the Council has not taken action about a fence.\n";

#[test]
fn a_mirror_sites_own_header_is_read() {
    let decision = parse(MIRROR);
    assert_eq!(decision.template, Template::Mirror);
    assert_eq!(
        decision.organisation.as_deref(),
        Some("Northfield District Council")
    );
    assert_eq!(decision.reference.as_deref(), Some("23 014 562"));
    let category = decision.category.as_ref().expect("a category");
    assert_eq!(category.text, "Planning And Development > Enforcement");
    assert_eq!(category.subcategory.as_deref(), Some("Enforcement"));
    assert_eq!(
        decision.decision_date.map(|d| d.to_string()).as_deref(),
        Some("2024-03-14")
    );
    for span in [
        decision.spans.organisation,
        decision.spans.reference,
        decision.spans.decision_date,
    ] {
        assert!(span.is_some_and(|s| !MIRROR[s.range()].is_empty()));
    }
    assert_eq!(
        &MIRROR[decision.spans.reference.unwrap().range()],
        "23-014-562"
    );
    // Declined, and its reason is no verdict.
    assert_eq!(decision.fault_found, None);
    assert!(decision.findings.is_empty(), "{:?}", decision.findings);
}

#[test]
fn a_copy_without_the_ombudsmans_head_is_a_mirror_copy() {
    let decision = parse(
        "The Ombudsman's final decision\nSummary: Ms V complained about a bin. We upheld the \
         complaint.\nThe complaint\nMs V complained the Council missed her bin.\n",
    );
    assert_eq!(decision.template, Template::Mirror);
    assert_eq!(decision.fault_found, Some(true));
    let plain = parse(
        "Eastvale Council (22 001 002)\nCategory : Housing > Allocations\nDecision : Upheld\n\
         Decision date : 01 Feb 2023\nSummary: Ms V complained.\nThe complaint\nMs V complained.\n",
    );
    assert_eq!(plain.template, Template::Statement);
}

#[test]
fn a_copy_that_lost_its_opening_is_read_by_its_sections() {
    let text = "this complaint by a town council about a land sale. We cannot investigate \
        complaints from public bodies.\nThe complaint\nThe Town Council complained about the \
        sale of a field.\nThe Ombudsman's role and powers\nWe cannot investigate complaints \
        from public bodies. (Local Government Act 1974, section 27(1)(a), as amended)\n\
        Final decision\nWe cannot investigate this complaint.\n";
    let decision = parse(text);
    assert_eq!(
        headings(&decision),
        [
            "The complaint",
            "The Ombudsman's role and powers",
            "Final decision"
        ]
    );
    assert!(
        decision
            .summary
            .as_deref()
            .unwrap()
            .starts_with("this complaint")
    );
    assert_eq!(decision.legislation[0].reference.sections, ["27(1)(a)"]);
    // One known heading alone is not enough to call text a statement.
    assert!(lgsco::parse("Some notes\nThe complaint\nA line.\n").is_err());
}

#[test]
fn fragments_at_the_cut_are_not_headings() {
    for cut in [
        "My ",
        "Wh",
        "Investigator\u{2019}s decisi",
        "Assistant Ombudsman's dec",
    ] {
        let text = format!(
            "Westmoor Council (24 001 003)\nSummary: Mr T complained.\nThe complaint\n\
             - Mr T complained about a road.\n{cut}"
        );
        let decision = parse(&text);
        assert_eq!(headings(&decision), ["The complaint"], "{cut:?}");
        assert!(
            decision
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::TruncatedHeading),
            "{cut:?}"
        );
    }
}

#[test]
fn a_dashed_copys_sentence_without_a_dash_is_no_heading() {
    let decision = parse(
        "Westmoor Council (24 001 004)\nDecision : Upheld\nSummary: Mr T complained.\n\
         The complaint\n- Mr T complained about a road.\n\
         We found the Council delayed in repairing the road for a year.\n\
         What I found\n- The road was repaired late.\n",
    );
    assert_eq!(headings(&decision), ["The complaint", "What I found"]);
    assert_eq!(decision.outcome.map(|o| o.kind), Some(OutcomeKind::Upheld));
}

#[test]
fn a_numbered_copys_sentence_outside_its_list_is_no_heading() {
    let decision = parse(
        "Westmoor Council (24 001 005)\nSummary: Ms R complained.\n\nThe complaint\n\n  \
         1. Ms R complained the Council failed to:\n  1. collect her bins; and\n  \
         1. answer her calls.\n\nShe would like the Council to apologise and to collect her \
         bins on time.\n\nBack to top\n\nWhat I found\n\n  2. The bins were missed.\n",
    );
    assert_eq!(headings(&decision), ["The complaint", "What I found"]);
}
