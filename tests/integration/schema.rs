//! `lgsco --schema` against the records the program writes.

use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::Value;

#[test]
fn every_record_of_the_corpus_and_the_dev_folder_validates_against_the_schema() {
    let schema = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .arg("--schema")
        .output()
        .unwrap();
    assert!(schema.status.success());
    let schema: Value = serde_json::from_slice(&schema.stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();

    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dev = manifest.join("../shared/corpus/dev");
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let mut program = Command::new(env!("CARGO_BIN_EXE_lgsco"));
    program.arg(manifest.join("corpus")).arg(&empty);
    if dev.is_dir() {
        program.arg(&dev);
    }
    let output = program.stdin(Stdio::null()).output().unwrap();
    let records: Vec<Value> = std::str::from_utf8(&output.stdout)
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).unwrap())
        .collect();
    let expected = if dev.is_dir() { 46 } else { 6 };
    assert_eq!(records.len(), expected);
    for record in &records {
        let errors: Vec<String> = validator
            .iter_errors(record)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", record["source"]);
    }

    // The schema says what a record may not be, too.
    let mut wrong = records[0].clone();
    wrong["fault_found"] = Value::from("yes");
    assert!(!validator.is_valid(&wrong));
    wrong = records[0].clone();
    wrong["agreed_actions"][0]["payments"] = Value::from(300);
    assert!(!validator.is_valid(&wrong));
    assert!(!validator.is_valid(&serde_json::json!({"error": "no source"})));
}
