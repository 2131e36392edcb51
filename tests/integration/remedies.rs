//! Agreed actions, payments, deadlines, findings, dates, legislation and sharing, checked against
//! values read by hand from the five seed statements in `corpus/`.

use lgsco::{ActionKind, Decision, Layout, Precision, Verdict};

use crate::common::check_decision;

fn seed(name: &str) -> String {
    let path = format!("{}/corpus/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn parse(text: &str) -> Decision {
    lgsco::parse(text).expect("seed parses")
}

fn kinds(d: &Decision) -> Vec<Vec<ActionKind>> {
    d.agreed_actions.iter().map(|a| a.kinds.clone()).collect()
}

fn dues(d: &Decision) -> Vec<Option<String>> {
    d.agreed_actions
        .iter()
        .map(|a| {
            a.deadline
                .as_ref()
                .and_then(|x| x.due)
                .map(|d| d.to_string())
        })
        .collect()
}

fn payments(d: &Decision) -> Vec<(u64, Option<&str>)> {
    d.agreed_actions
        .iter()
        .flat_map(|a| &a.payments)
        .map(|p| (p.amount_pence, p.recipient.as_deref()))
        .collect()
}

use ActionKind::*;

#[test]
fn knowsley() {
    let text = seed("knowsley-22-014-796");
    let d = parse(&text);
    check_decision(&text, &d);
    let numbers: Vec<_> = d.agreed_actions.iter().map(|a| a.paragraph).collect();
    assert_eq!(numbers, [Some(73), Some(73), Some(74), Some(74), Some(75)]);
    assert_eq!(
        kinds(&d),
        [
            vec![Payment],
            vec![Evidence],
            vec![StaffGuidance],
            vec![Procedure],
            vec![Evidence]
        ]
    );
    let one = Some("2023-09-22".to_string());
    let three = Some("2023-11-22".to_string());
    assert_eq!(dues(&d), [one.clone(), one, three.clone(), three, None]);
    assert_eq!(
        d.agreed_actions[0]
            .deadline
            .as_ref()
            .map(|x| x.text.as_str()),
        Some("Within one month of the date of the final decision")
    );
    assert_eq!(payments(&d), [(30000, Some("Ms X"))]);
    assert_eq!(d.agreed_actions[0].payments[0].text, "£300");
    assert_eq!(d.total_payment_pence, Some(30000));
    assert_eq!(d.fault_found, Some(true));
    assert!(
        d.findings
            .iter()
            .any(|f| f.text == "This was fault." && f.verdict == Verdict::Fault)
    );
    assert!(
        d.findings.iter().any(|f| f.verdict == Verdict::Injustice
            && f.text.contains("caused Ms X avoidable frustration"))
    );
    assert!(d.findings.iter().any(|f| f.verdict == Verdict::NoFault
        && f.text.contains("I do not consider that this was fault")));
    // The role-and-powers boilerplate is not a finding.
    assert!(
        d.findings
            .iter()
            .all(|f| !f.text.contains("we may suggest a remedy"))
    );
    assert_eq!(d.shared_with, ["Ofsted"]);
    let first = &d.legislation[0];
    assert_eq!(
        (
            first.reference.act.as_deref(),
            first.reference.sections.clone()
        ),
        (
            Some("Local Government Act 1974"),
            vec!["26(1)".to_string(), "26A(1)".to_string()]
        )
    );
    assert!(
        d.legislation
            .iter()
            .any(|c| c.reference.act.as_deref() == Some("Children Act 1989")
                && c.reference.sections.is_empty())
    );
    let date = |t: &str| {
        d.dates
            .iter()
            .find(|x| x.text == t)
            .map(|x| (x.value.date.to_string(), x.value.precision))
    };
    assert_eq!(
        date("13 September 2021"),
        Some(("2021-09-13".to_string(), Precision::Day))
    );
    assert_eq!(
        date("September 2021"),
        Some(("2021-09-01".to_string(), Precision::Month))
    );
    assert_eq!(
        date("2019"),
        Some(("2019-01-01".to_string(), Precision::Year))
    );
    assert!(d.dates.iter().all(|x| x.text != "1974" && x.text != "1989"));
}

#[test]
fn norfolk_counts_a_breakdown_once() {
    let text = seed("norfolk-20-005-547");
    let d = parse(&text);
    check_decision(&text, &d);
    assert_eq!(
        kinds(&d),
        [
            vec![Payment],
            vec![Procedure],
            vec![Procedure],
            vec![StaffGuidance]
        ]
    );
    assert_eq!(dues(&d), vec![Some("2022-02-26".to_string()); 4]);
    assert_eq!(payments(&d), [(100000, Some("Miss B"))]);
    assert_eq!(d.total_payment_pence, Some(100000));
    assert_eq!(d.fault_found, Some(true));
    assert!(
        d.findings
            .iter()
            .any(|f| f.text == "I have not found fault here." && f.verdict == Verdict::NoFault)
    );
    assert_eq!(d.shared_with, ["Ofsted"]);
}

#[test]
fn leicestershire_pays_nothing_and_skips_the_history_actions() {
    let text = seed("leicestershire-19-011-066");
    let d = parse(&text);
    assert_eq!(d.layout, Layout::Dashed);
    check_decision(&text, &d);
    assert_eq!(d.agreed_actions.len(), 2);
    assert!(
        d.agreed_actions[0]
            .text
            .contains("carers assessment of Ms C")
    );
    assert_eq!(kinds(&d), [vec![Assessment], vec![Evidence, Procedure]]);
    assert_eq!(
        dues(&d),
        [
            Some("2021-06-01".to_string()),
            Some("2021-10-01".to_string())
        ]
    );
    assert_eq!(
        d.agreed_actions[0]
            .deadline
            .as_ref()
            .map(|x| x.text.as_str()),
        Some("within 2 months of the date of my final decision")
    );
    assert_eq!(d.total_payment_pence, Some(0));
    assert!(payments(&d).is_empty());
    assert_eq!(d.fault_found, Some(true));
    assert!(d.findings.iter().any(|f| {
        f.verdict == Verdict::NoFault
            && f.text
                .starts_with("However, I do not find the Council to be at fault")
    }));
    assert!(
        d.legislation
            .iter()
            .any(|c| c.reference.sections == ["24A(6)"])
    );
    assert!(d.shared_with.is_empty());
}

#[test]
fn body_amounts_that_are_not_agreed_payments_stay_out() {
    for (name, body_amounts) in [
        (
            "leicestershire-19-011-066",
            &["£150", "£300", "£4500", "£7000", "£10,000"][..],
        ),
        ("norfolk-20-005-547", &["£500", "£400", "£100"][..]),
        ("liverpool-24-004-962", &["£50"][..]),
    ] {
        let text = seed(name);
        let d = parse(&text);
        let paid: Vec<&str> = d
            .agreed_actions
            .iter()
            .flat_map(|a| &a.payments)
            .map(|p| p.text.as_str())
            .collect();
        for amount in body_amounts {
            assert!(text.contains(amount), "{name} mentions {amount}");
            assert!(
                !paid.contains(amount),
                "{name}: {amount} is not an agreed payment"
            );
        }
    }
}

#[test]
fn liverpool_rate_is_not_extra() {
    let text = seed("liverpool-24-004-962");
    let d = parse(&text);
    check_decision(&text, &d);
    assert_eq!(
        kinds(&d),
        [
            vec![Apology],
            vec![Payment],
            vec![RestartProcess],
            vec![Evidence]
        ]
    );
    let four_weeks = Some("2024-09-15".to_string());
    assert_eq!(
        dues(&d),
        [four_weeks.clone(), four_weeks.clone(), four_weeks, None]
    );
    assert_eq!(payments(&d), [(25000, Some("Miss X"))]);
    assert_eq!(d.total_payment_pence, Some(25000));
    assert_eq!(d.fault_found, Some(true));
    assert!(
        d.findings
            .iter()
            .all(|f| !f.text.starts_with("We must also consider"))
    );
    let november = d
        .dates
        .iter()
        .find(|x| x.text == "November 2023")
        .map(|x| x.value.date.to_string());
    assert_eq!(november.as_deref(), Some("2023-11-01"));
}

#[test]
fn bradford_four_weeks() {
    let text = seed("bradford-24-001-902");
    let d = parse(&text);
    check_decision(&text, &d);
    assert_eq!(kinds(&d), [vec![Payment], vec![Evidence]]);
    assert_eq!(dues(&d), [Some("2025-02-25".to_string()), None]);
    assert_eq!(payments(&d), [(50000, Some("Mrs Y"))]);
    assert_eq!(d.total_payment_pence, Some(50000));
    assert!(
        d.legislation
            .iter()
            .any(|c| c.reference.act.as_deref() == Some("Children Act 1989")
                && c.reference.sections == ["26(3)"])
    );
    assert_eq!(d.shared_with, ["Ofsted"]);
}

#[test]
fn no_agreed_action_section_gives_null_total() {
    let d = parse(
        "Summary: Mr Q complained.\nThe complaint\n- Mr Q complains.\nFinal decision\n- There was no fault. I have completed my investigation.\n",
    );
    assert!(d.agreed_actions.is_empty());
    assert_eq!(d.total_payment_pence, None);
    assert_eq!(d.fault_found, Some(false));
}

#[test]
fn deadlines_without_a_decision_date_are_not_resolved() {
    let d = parse(
        "Summary: Mr Q complained.\nAgreed action\n- Within one month of my final decision, the Council will pay Mr Q £99999999999999999999 and £1,000.50.\n",
    );
    assert_eq!(d.agreed_actions.len(), 1);
    let deadline = d.agreed_actions[0].deadline.as_ref().expect("deadline");
    assert_eq!(deadline.due, None);
    assert_eq!(d.total_payment_pence, Some(100050));
}

/// Rewrites a numbered statement into the dashed layout (`dashed`) or the plain one: blank lines
/// and `Back to top` dropped, every list item a `- ` line without its number or bullet.
fn rewrite(text: &str, dashed: bool) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line == "Back to top" {
            continue;
        }
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        let item = if digits > 0 && line[digits..].starts_with(". ") {
            Some(&line[digits + 2..])
        } else {
            line.strip_prefix("• ")
        };
        match item {
            Some(rest) if dashed => out.push_str(&format!("- {rest}\n")),
            Some(rest) => out.push_str(&format!("{rest}\n")),
            None => out.push_str(&format!("{line}\n")),
        }
    }
    out
}

type Remedy = (
    String,
    Vec<ActionKind>,
    Vec<(u64, Option<String>)>,
    Option<String>,
);

fn remedies(d: &Decision) -> Vec<Remedy> {
    d.agreed_actions
        .iter()
        .map(|a| {
            (
                a.text.clone(),
                a.kinds.clone(),
                a.payments
                    .iter()
                    .map(|p| (p.amount_pence, p.recipient.clone()))
                    .collect(),
                a.deadline
                    .as_ref()
                    .and_then(|x| x.due)
                    .map(|d| d.to_string()),
            )
        })
        .collect()
}

fn findings(d: &Decision) -> Vec<(String, Verdict)> {
    d.findings
        .iter()
        .map(|f| (f.text.clone(), f.verdict))
        .collect()
}

#[test]
fn remedies_and_findings_do_not_depend_on_layout() {
    for name in [
        "knowsley-22-014-796",
        "liverpool-24-004-962",
        "norfolk-20-005-547",
    ] {
        let text = seed(name);
        let original = parse(&text);
        assert_eq!(original.layout, Layout::Numbered);
        for (dashed, layout) in [(true, Layout::Dashed), (false, Layout::Plain)] {
            let rewritten = rewrite(&text, dashed);
            let d = parse(&rewritten);
            assert_eq!(d.layout, layout, "{name}");
            check_decision(&rewritten, &d);
            assert_eq!(remedies(&d), remedies(&original), "{name} {layout:?}");
            assert_eq!(
                d.total_payment_pence, original.total_payment_pence,
                "{name} {layout:?}"
            );
            assert_eq!(findings(&d), findings(&original), "{name} {layout:?}");
            assert_eq!(d.fault_found, original.fault_found, "{name} {layout:?}");
        }
    }
}

#[test]
fn cut_off_copies_keep_valid_spans() {
    for name in ["knowsley-22-014-796", "leicestershire-19-011-066"] {
        let text = seed(name);
        let cuts = (0..text.len())
            .step_by(211)
            .filter(|&i| text.is_char_boundary(i));
        for cut in cuts {
            let prefix = &text[..cut];
            if let Ok(d) = lgsco::parse(prefix) {
                check_decision(prefix, &d);
                if d.agreed_actions.is_empty() {
                    assert_eq!(d.total_payment_pence, None, "{name} cut at {cut}");
                }
            }
        }
    }
}
