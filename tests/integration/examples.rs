//! Each example in `examples/` runs with no arguments and prints what it promises.

use std::process::Command;

use serde_json::Value;

/// Runs `cargo run --example NAME -- ARGS` from the repository root, in this test's profile (so
/// a `cargo test --release` reuses the release build).
fn example_with(name: &str, args: &[&str]) -> std::process::Output {
    let mut cargo = Command::new(env!("CARGO"));
    cargo
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(["run", "--quiet", "--example", name]);
    if !cfg!(debug_assertions) {
        cargo.arg("--release");
    }
    cargo.arg("--").args(args).output().expect("cargo runs")
}

/// Runs an example with no arguments, checks it succeeds, and returns its standard output.
fn run_example(name: &str) -> String {
    let output = example_with(name, &[]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{name} failed: {stderr}");
    String::from_utf8(output.stdout).expect("UTF-8 output")
}

fn corpus_len() -> usize {
    std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count()
}

#[test]
fn parse_one_prints_the_knowsley_record() {
    let record: Value = serde_json::from_str(&run_example("parse_one")).unwrap();
    assert_eq!(
        record["organisation"],
        "Knowsley Metropolitan Borough Council"
    );
    assert_eq!(record["reference"], "22 014 796");
    assert_eq!(record["decision_date"], "2023-08-22");
}

#[test]
fn batch_to_json_prints_one_line_per_corpus_file() {
    let output = run_example("batch_to_json");
    let records: Vec<Value> = output
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), corpus_len());
    for record in &records {
        assert!(
            record["source"].as_str().unwrap().ends_with(".txt"),
            "{record}"
        );
        assert!(record["reference"].is_string(), "{record}");
    }
}

#[test]
fn remedies_table_lists_every_decision_and_totals_per_area() {
    let output = run_example("remedies_table");
    let (table, totals) = output.split_once("\n\n").expect("two tables");
    assert!(table.starts_with("source"));
    assert!(table.contains("22 014 796"), "{table}");
    assert_eq!(table.lines().count(), 1 + corpus_len());
    assert!(table.contains("Knowsley Metropolitan Borough Council"));
    let area = totals
        .lines()
        .find(|l| l.starts_with("Children's care services"))
        .expect("an area row");
    let counts: Vec<&str> = area.split_whitespace().collect();
    assert!(
        counts.contains(&corpus_len().to_string().as_str()),
        "{area}"
    );
}

#[test]
fn parse_one_answers_help() {
    let output = example_with("parse_one", &["--help"]);
    assert!(output.status.success());
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("usage: parse_one"));
}

#[test]
fn batch_to_json_recurses_and_fails_when_a_document_does() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("a/b");
    std::fs::create_dir_all(&nested).unwrap();
    let seed = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/corpus/knowsley-22-014-796.txt"
    );
    std::fs::copy(seed, nested.join("k.txt")).unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    let output = example_with("batch_to_json", &[dir.path().to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let records: Vec<Value> = String::from_utf8(output.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["reference"], "22 014 796");
    assert!(records[1]["error"].is_string());
}
