//! `lgsco --tables`: every table's rows against the JSON records of the same run, and the set
//! of tables appearing whole or not at all.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use serde_json::Value;

/// A folder of inputs: the corpus statements, one of them cut off half-way, an empty file and
/// one that is not UTF-8 (both fail), and the dev statements when `../shared` is there.
fn inputs(dir: &Path) -> PathBuf {
    let root = dir.join("in");
    fs::create_dir_all(&root).unwrap();
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut folders = vec![manifest.join("corpus")];
    folders.push(manifest.join("../shared/corpus/dev"));
    for folder in folders.iter().filter(|f| f.is_dir()) {
        for entry in fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                fs::copy(&path, root.join(path.file_name().unwrap())).unwrap();
            }
        }
    }
    let whole = fs::read_to_string(manifest.join("corpus/knowsley-22-014-796.txt")).unwrap();
    let half = (whole.len() / 2..)
        .find(|&i| whole.is_char_boundary(i))
        .unwrap();
    fs::write(root.join("cut-off.txt"), &whole[..half]).unwrap();
    fs::write(root.join("empty.txt"), "").unwrap();
    fs::write(root.join("latin1.txt"), b"Summary: Mr Q \xe9 complained.").unwrap();
    root
}

/// Runs `lgsco` with `args`, expecting it to end with `status`.
fn lgsco(args: &[&Path], status: i32) {
    let output = Command::new(env!("CARGO_BIN_EXE_lgsco"))
        .args(args)
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(status),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// A table's rows, each a map from column name to cell.
fn table(dir: &Path, name: &str) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(dir.join(name)).unwrap();
    let headers = reader.headers().unwrap().clone();
    let expected: Vec<&str> = lgsco::Table::ALL
        .into_iter()
        .find(|t| t.file_name() == name)
        .unwrap()
        .headers()
        .to_vec();
    assert_eq!(headers.iter().collect::<Vec<_>>(), expected, "{name}");
    reader
        .records()
        .map(|record| {
            let record = record.unwrap();
            headers
                .iter()
                .zip(record.iter())
                .map(|(h, c)| (h.to_owned(), c.to_owned()))
                .collect()
        })
        .collect()
}

/// A JSON value as the tables write it: text as is, `null` as an empty cell, lists of names
/// joined by `|`.
fn cell(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(cell).collect::<Vec<_>>().join("|"),
        other => other.to_string(),
    }
}

/// The columns of one row to compare, with their cells.
type Columns = Vec<(&'static str, String)>;

/// Rows expected from the JSON.
type Expected = Vec<Columns>;

fn keyed(record: &Value, row: Columns) -> Columns {
    let mut keyed = vec![
        ("source", cell(&record["source"])),
        ("reference", cell(&record["reference"])),
    ];
    keyed.extend(row);
    keyed
}

fn span(value: &Value) -> [(&'static str, String); 2] {
    [
        ("span_start", cell(&value["span"][0])),
        ("span_end", cell(&value["span"][1])),
    ]
}

fn list<'a>(record: &'a Value, key: &str) -> &'a [Value] {
    record[key].as_array().map_or(&[], Vec::as_slice)
}

fn count(record: &Value, key: &str) -> String {
    if record.get("error").is_some() {
        String::new()
    } else {
        list(record, key).len().to_string()
    }
}

fn compare(dir: &Path, name: &str, expected: Expected) {
    let rows = table(dir, name);
    assert_eq!(rows.len(), expected.len(), "{name}: row count");
    for (i, (row, want)) in rows.iter().zip(&expected).enumerate() {
        for (column, value) in want {
            assert_eq!(&row[*column], value, "{name} row {} column {column}", i + 1);
        }
    }
}

#[test]
fn every_table_matches_the_json_records_one_for_one() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path());
    let tables = dir.path().join("tables");
    let json = dir.path().join("records.jsonl");
    lgsco(
        &[
            Path::new("--csv-raw"),
            Path::new("--tables"),
            &tables,
            Path::new("-o"),
            &json,
            &input,
        ],
        1,
    );
    let records: Vec<Value> = fs::read_to_string(&json)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(records.len() >= 8);
    let failed = records.iter().filter(|r| r.get("error").is_some()).count();
    assert_eq!(failed, 2);
    assert!(records.iter().any(|r| r["truncated"] == true));

    let decisions = records
        .iter()
        .map(|r| {
            let remedy = r
                .get("summary_remedy")
                .filter(|r| !r.is_null())
                .map(|remedy| {
                    let pence = list(remedy, "payments")
                        .iter()
                        .map(|p| p["amount_pence"].as_u64().unwrap());
                    pence.sum::<u64>().to_string()
                })
                .unwrap_or_default();
            let warnings = list(r, "warnings").iter().map(|w| cell(&w["kind"]));
            let total_from = if !r["total_payment_pence"].is_null() {
                "agreed_actions"
            } else if !remedy.is_empty() && remedy != "0" {
                "summary"
            } else {
                ""
            };
            vec![
                ("source", cell(&r["source"])),
                ("reference", cell(&r["reference"])),
                ("organisation", cell(&r["organisation"])),
                ("outcome_kind", cell(&r["outcome"]["kind"])),
                ("decision_date", cell(&r["decision_date"])),
                ("complainant", cell(&r["complainant"])),
                ("total_payment_pence", cell(&r["total_payment_pence"])),
                ("total_payment_from", total_from.to_string()),
                ("fault_found", cell(&r["fault_found"])),
                ("truncated", cell(&r["truncated"])),
                ("layout", cell(&r["layout"])),
                ("template", cell(&r["template"])),
                ("warnings", warnings.collect::<Vec<_>>().join("|")),
                ("agreed_action_count", count(r, "agreed_actions")),
                ("finding_count", count(r, "findings")),
                ("date_count", count(r, "dates")),
                ("citation_count", count(r, "legislation")),
                ("summary_remedy_pence", remedy),
                ("error", cell(&r["error"])),
            ]
        })
        .collect();
    compare(&tables, "decisions.csv", decisions);

    let parsed: Vec<&Value> = records
        .iter()
        .filter(|r| r.get("error").is_none())
        .collect();
    let per_entity = |entity: &str, row: &dyn Fn(usize, &Value) -> Columns| {
        parsed
            .iter()
            .flat_map(|r| {
                list(r, entity)
                    .iter()
                    .enumerate()
                    .map(|(i, value)| {
                        let mut columns = row(i, value);
                        columns.extend(span(value));
                        keyed(r, columns)
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Expected>()
    };
    let sections = per_entity("sections", &|i, s| {
        vec![
            ("index", (i + 1).to_string()),
            ("heading", cell(&s["heading"])),
            ("level", cell(&s["level"])),
            ("paragraph_count", list(s, "paragraphs").len().to_string()),
        ]
    });
    // A section's parent is the nearest section before it of a lower level.
    let parents = parsed.iter().flat_map(|r| {
        let levels: Vec<u64> = list(r, "sections")
            .iter()
            .map(|s| s["level"].as_u64().unwrap())
            .collect();
        (0..levels.len())
            .map(|i| {
                levels[..i]
                    .iter()
                    .rposition(|&l| l < levels[i])
                    .map_or(String::new(), |j| (j + 1).to_string())
            })
            .collect::<Vec<_>>()
    });
    let sections: Expected = sections
        .into_iter()
        .zip(parents)
        .map(|(mut columns, parent)| {
            columns.push(("parent", parent));
            columns
        })
        .collect();
    compare(&tables, "sections.csv", sections);

    let mut paragraphs: Expected = Vec::new();
    for r in &parsed {
        let preamble = std::iter::once((String::new(), String::new(), list(r, "preamble")));
        let sections = list(r, "sections").iter().enumerate().map(|(i, s)| {
            (
                (i + 1).to_string(),
                cell(&s["heading"]),
                list(s, "paragraphs"),
            )
        });
        for (section, heading, list_of) in preamble.chain(sections) {
            for (p, paragraph) in list_of.iter().enumerate() {
                // The paragraph's own text, then each item, with the span of its text.
                let own = (String::new(), &paragraph["text"], &paragraph["text_span"]);
                let items = list(paragraph, "items")
                    .iter()
                    .enumerate()
                    .map(|(i, item)| ((i + 1).to_string(), &item["text"], &item["span"]));
                for (item, text, text_span) in std::iter::once(own).chain(items) {
                    let columns = vec![
                        ("section", section.clone()),
                        ("heading", heading.clone()),
                        ("index", (p + 1).to_string()),
                        ("number", cell(&paragraph["number"])),
                        ("item", item),
                        ("text", cell(text)),
                        ("span_start", cell(&text_span[0])),
                        ("span_end", cell(&text_span[1])),
                    ];
                    paragraphs.push(keyed(r, columns));
                }
            }
        }
    }
    compare(&tables, "paragraphs.csv", paragraphs);

    let actions = per_entity("agreed_actions", &|i, a| {
        let total: u64 = list(a, "payments")
            .iter()
            .map(|p| p["amount_pence"].as_u64().unwrap())
            .sum();
        vec![
            ("index", (i + 1).to_string()),
            ("paragraph", cell(&a["paragraph"])),
            ("kinds", cell(&a["kinds"])),
            ("payment_total_pence", total.to_string()),
            ("deadline_text", cell(&a["deadline"]["text"])),
            ("deadline_due", cell(&a["deadline"]["due"])),
            ("text", cell(&a["text"])),
        ]
    });
    assert!(actions.len() >= 5);
    compare(&tables, "agreed_actions.csv", actions);

    let mut payments: Expected = Vec::new();
    for r in &parsed {
        let actions = list(r, "agreed_actions")
            .iter()
            .enumerate()
            .map(|(i, a)| ("agreed_actions", (i + 1).to_string(), list(a, "payments")));
        let summary = r
            .get("summary_remedy")
            .filter(|s| !s.is_null())
            .map(|s| ("summary_remedy", String::new(), list(s, "payments")));
        for (found_in, action, list_of) in actions.chain(summary) {
            for (i, payment) in list_of.iter().enumerate() {
                let mut columns = vec![
                    ("found_in", found_in.to_owned()),
                    ("action", action.clone()),
                    ("index", (i + 1).to_string()),
                    ("amount_pence", cell(&payment["amount_pence"])),
                    ("recipient", cell(&payment["recipient"])),
                    ("type", cell(&payment["type"])),
                    ("text", cell(&payment["text"])),
                ];
                columns.extend(span(payment));
                payments.push(keyed(r, columns));
            }
        }
    }
    assert!(payments.iter().any(|p| p[2].1 == "summary_remedy"));
    compare(&tables, "payments.csv", payments);

    let findings = per_entity("findings", &|i, f| {
        vec![
            ("index", (i + 1).to_string()),
            ("paragraph", cell(&f["paragraph"])),
            ("verdict", cell(&f["verdict"])),
            ("subject", cell(&f["subject"])),
            ("text", cell(&f["text"])),
        ]
    });
    compare(&tables, "findings.csv", findings);

    let dates = per_entity("dates", &|i, d| {
        vec![
            ("index", (i + 1).to_string()),
            ("paragraph", cell(&d["paragraph"])),
            ("date", cell(&d["date"])),
            ("precision", cell(&d["precision"])),
            ("text", cell(&d["text"])),
        ]
    });
    compare(&tables, "dates.csv", dates);

    let citations = per_entity("legislation", &|i, c| {
        vec![
            ("index", (i + 1).to_string()),
            ("paragraph", cell(&c["paragraph"])),
            ("act", cell(&c["act"])),
            ("kind", cell(&c["kind"])),
            ("year", cell(&c["year"])),
            ("sections", cell(&c["sections"])),
            ("parts", cell(&c["parts"])),
            ("schedules", cell(&c["schedules"])),
        ]
    });
    compare(&tables, "legislation.csv", citations);

    let mut warnings: Expected = Vec::new();
    for r in &parsed {
        for (i, w) in list(r, "warnings").iter().enumerate() {
            warnings.push(keyed(
                r,
                vec![
                    ("index", (i + 1).to_string()),
                    ("kind", cell(&w["kind"])),
                    ("message", cell(&w["message"])),
                    ("span_start", cell(&w["span"][0])),
                    ("span_end", cell(&w["span"][1])),
                ],
            ));
        }
    }
    compare(&tables, "warnings.csv", warnings);
}

#[test]
fn an_earlier_set_is_replaced_whole_and_another_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(dir.path());
    let tables = dir.path().join("tables");
    lgsco(
        &[Path::new("--tables"), &tables, &input.join("cut-off.txt")],
        0,
    );
    assert_eq!(table(&tables, "decisions.csv").len(), 1);
    lgsco(&[Path::new("--tables"), &tables, &input], 1);
    assert!(table(&tables, "decisions.csv").len() > 1);
    let names = |dir: &Path| fs::read_dir(dir).unwrap().count();
    assert_eq!(names(dir.path()), 2, "no temporary folder is left");
    // A folder holding anything else is never replaced: bad usage of an input, a refusal here.
    lgsco(&[Path::new("--tables"), &input, &input], 2);
    let other = dir.path().join("mine");
    fs::create_dir(&other).unwrap();
    fs::write(other.join("notes.txt"), "mine").unwrap();
    lgsco(
        &[Path::new("--tables"), &other, &input.join("cut-off.txt")],
        1,
    );
    assert_eq!(fs::read_to_string(other.join("notes.txt")).unwrap(), "mine");
}

/// Starts `lgsco --tables tables/` in `dir` reading a standard input kept open, waits for its
/// temporary folder, sends `signal`, and returns the names then in `dir`.
#[cfg(unix)]
fn killed_mid_run(dir: &Path, signal: &str) -> Vec<String> {
    super::cli::killed_mid_run(dir, &["--tables", "tables"], 1, signal).1
}

#[cfg(unix)]
#[test]
fn a_killed_run_leaves_the_earlier_set_or_none_never_a_partial_one() {
    let fresh = tempfile::tempdir().unwrap();
    let left = killed_mid_run(fresh.path(), "KILL");
    // SIGKILL cannot be caught: the temporary folder stays, the tables never appear.
    assert!(
        !left.is_empty() && left.iter().all(|n| n.contains(".lgsco-tmp")),
        "{left:?}"
    );
    let fresh = tempfile::tempdir().unwrap();
    assert!(killed_mid_run(fresh.path(), "TERM").is_empty());

    // With an earlier set in place, a killed run leaves it as it was.
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(&dir.path().join("src"));
    lgsco(
        &[Path::new("--tables"), &dir.path().join("tables"), &input],
        1,
    );
    let before = fs::read(dir.path().join("tables/decisions.csv")).unwrap();
    for signal in ["TERM", "KILL"] {
        let left = killed_mid_run(dir.path(), signal);
        let ours: Vec<&String> = left.iter().filter(|n| !n.contains(".lgsco-tmp")).collect();
        assert_eq!(ours, ["src", "tables"], "SIG{signal}");
        assert_eq!(
            fs::read(dir.path().join("tables/decisions.csv")).unwrap(),
            before
        );
        // Every table and the data dictionary beside them.
        let tables = fs::read_dir(dir.path().join("tables")).unwrap().count();
        assert_eq!(tables, lgsco::Table::ALL.len() + 1);
    }
}

#[test]
fn the_data_package_describes_every_table_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let input = inputs(&dir.path().join("src"));
    let out = dir.path().join("tables");
    lgsco(&[Path::new("--tables"), &out, &input], 1);
    let written = fs::read_to_string(out.join("datapackage.json")).unwrap();
    let package: Value = serde_json::from_str(&written).unwrap();
    assert_eq!(package, lgsco::data_package());
    let resources = package["resources"].as_array().unwrap();
    assert_eq!(resources.len(), lgsco::Table::ALL.len());
    for (table, resource) in lgsco::Table::ALL.iter().zip(resources) {
        let csv = fs::read_to_string(out.join(resource["path"].as_str().unwrap())).unwrap();
        let header = csv.lines().next().unwrap();
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields.join(","), "{table:?}");
        for key in resource["schema"]["primaryKey"]
            .as_array()
            .into_iter()
            .flatten()
        {
            assert!(fields.contains(&key.as_str().unwrap()), "{table:?}");
        }
    }
}
