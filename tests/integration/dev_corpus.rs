//! Every statement in `../shared/corpus/dev/` (when that folder exists beside the repository)
//! against the values read by hand in its `expected.jsonl`.

use std::path::PathBuf;

use serde_json::Value;

fn dev_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/dev");
    dir.join("expected.jsonl").exists().then_some(dir)
}

/// The fields `expected.jsonl` records, taken from a parsed record in the same shape.
fn observed(d: &lgsco::Decision, summary_len: usize) -> Value {
    serde_json::json!({
        "organisation": d.organisation,
        "reference": d.reference,
        "category": d.category.as_ref().map(|c| &c.text),
        "outcome": d.outcome.as_ref().map(|o| &o.text),
        "decision_date": d.decision_date.map(|d| d.to_string()),
        "complainant": d.complainant,
        "summary_start": d.summary.as_ref().map(|s| s.chars().take(summary_len).collect::<String>()),
        "headings": d.sections.iter().map(|s| serde_json::json!([s.heading, s.level])).collect::<Vec<_>>(),
        "truncated": d.truncated,
    })
}

#[test]
fn dev_statements_match_expected_fields() {
    let Some(dir) = dev_dir() else {
        eprintln!("../shared/corpus/dev not present: skipped");
        return;
    };
    let expected = std::fs::read_to_string(dir.join("expected.jsonl")).expect("expected.jsonl");
    let mut mismatches = Vec::new();
    let mut checked = 0;
    for line in expected.lines().filter(|l| !l.trim().is_empty()) {
        let want: Value = serde_json::from_str(line).expect("expected line is JSON");
        let file = want["file"].as_str().expect("file");
        let text = std::fs::read_to_string(dir.join(file)).expect("dev file");
        let decision = match lgsco::parse(&text) {
            Ok(d) => d,
            Err(e) => {
                mismatches.push(format!("{file}: {e}"));
                continue;
            }
        };
        let summary_len = want["summary_start"]
            .as_str()
            .map_or(60, |s| s.chars().count());
        let got = observed(&decision, summary_len);
        for key in [
            "organisation",
            "reference",
            "category",
            "outcome",
            "decision_date",
            "complainant",
            "summary_start",
            "headings",
            "truncated",
        ] {
            if got[key] != want[key] {
                mismatches.push(format!("{file} {key}: got {} want {}", got[key], want[key]));
            }
        }
        checked += 1;
    }
    assert!(checked >= 40, "only {checked} files checked");
    assert!(
        mismatches.is_empty(),
        "{} mismatches:\n{}",
        mismatches.len(),
        mismatches.join("\n")
    );
}

#[test]
fn every_shared_statement_parses() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus");
    let Ok(folders) = std::fs::read_dir(&root) else {
        eprintln!("../shared/corpus not present: skipped");
        return;
    };
    let mut parsed = 0;
    for folder in folders.flatten() {
        for file in std::fs::read_dir(folder.path())
            .into_iter()
            .flatten()
            .flatten()
        {
            let path = file.path();
            if path.extension().is_some_and(|e| e == "txt") {
                let bytes = std::fs::read(&path).expect("readable");
                let decision = lgsco::parse_bytes(&bytes)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                assert!(!decision.sections.is_empty(), "{}", path.display());
                parsed += 1;
            }
        }
    }
    assert!(parsed >= 45, "only {parsed} statements found");
}
