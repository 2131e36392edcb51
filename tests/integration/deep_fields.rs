//! The deep fields (fault_found, dates, citations, agreed payments) scored against values read by
//! hand, as `../shared/tools/score_deep.py` scores them, with the thresholds researchers rely on:
//! `fault_found` agreement >= 95%; dates precision >= 98% and recall >= 95%; Acts recall >= 98%;
//! Acts with their sections F1 >= 95%; agreed payments recall >= 90% at precision >= 95%.
//!
//! Two sets are scored: `../shared/corpus/dev/` (real statements, when that folder exists beside
//! the repository) and `tests/statements/` (statements written by hand in new wordings, so the
//! rules are checked on text they were not tuned to). Payments are matched by type: a sum agreed
//! as a remedy against `symbolic` payments, a refund or waiver against `refund_or_waiver` ones
//! (the Python scorer counts a refund as a wrong payment; the dev set has none).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// True positives, false positives and false negatives.
#[derive(Debug, Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// Greedy multiset matching, as the scorer does: gold entries marked optional neither count as
/// a miss nor make a prediction wrong.
fn score(
    gold: &[(String, bool)],
    predicted: &[String],
    counts: &mut Counts,
    misses: &mut Vec<String>,
) {
    let mut need: HashMap<&str, usize> = HashMap::new();
    let mut optional: HashMap<&str, usize> = HashMap::new();
    for (key, is_optional) in gold {
        *if *is_optional {
            &mut optional
        } else {
            &mut need
        }
        .entry(key)
        .or_default() += 1;
    }
    for p in predicted {
        if let Some(n) = need.get_mut(p.as_str()).filter(|n| **n > 0) {
            *n -= 1;
            counts.tp += 1;
        } else if let Some(n) = optional.get_mut(p.as_str()).filter(|n| **n > 0) {
            *n -= 1;
        } else {
            counts.fp += 1;
            misses.push(format!("extra {p}"));
        }
    }
    for (key, n) in need {
        counts.fn_ += n;
        misses.extend((0..n).map(|_| format!("missed {key}")));
    }
}

/// An Act's name as the scorer compares it: lower case, without `the`, brackets or extra spaces.
fn norm_act(act: &Value) -> String {
    let Some(act) = act.as_str() else {
        return "null".into();
    };
    let lower = act.replace('\u{2019}', "'").to_lowercase();
    let lower = lower
        .strip_prefix("the ")
        .unwrap_or(&lower)
        .replace(['(', ')'], " ");
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Sections as the scorer compares them: `34B(8)`, `(9)` -> `34b(8)`, `34b(9)`.
fn norm_sections(sections: &Value) -> String {
    let mut out = Vec::new();
    let mut base = String::new();
    for section in sections.as_array().into_iter().flatten() {
        let s: String = section
            .as_str()
            .unwrap_or("")
            .split_whitespace()
            .collect::<String>()
            .to_lowercase();
        if s.starts_with('(') && !base.is_empty() {
            out.push(format!("{base}{s}"));
        } else {
            let digits = s.bytes().take_while(u8::is_ascii_digit).count();
            let letters = s[digits..]
                .bytes()
                .take_while(u8::is_ascii_lowercase)
                .count();
            base = if digits > 0 {
                s[..digits + letters].to_string()
            } else {
                String::new()
            };
            out.push(s);
        }
    }
    out.join(",")
}

fn strings(values: &Value, key: impl Fn(&Value) -> String) -> Vec<String> {
    values.as_array().into_iter().flatten().map(key).collect()
}

fn gold_keys(values: &Value, key: impl Fn(&Value) -> String) -> Vec<(String, bool)> {
    values
        .as_array()
        .into_iter()
        .flatten()
        .map(|v| (key(v), v["optional"].as_bool().unwrap_or(false)))
        .collect()
}

/// The payments of a record, agreed actions and summary remedy, as `type:pence`.
fn payments(record: &Value) -> Vec<String> {
    let actions = record["agreed_actions"].as_array().into_iter().flatten();
    let from_actions = actions.flat_map(|a| a["payments"].as_array().into_iter().flatten());
    let from_summary = record["summary_remedy"]["payments"]
        .as_array()
        .into_iter()
        .flatten();
    // One sum paid to each of several people (`£250 each to Mr and Mrs Y`) is one payment a
    // person sharing the amount's span, and one mention, as `score_deep.py` counts it.
    let mut seen = std::collections::HashSet::new();
    from_actions
        .chain(from_summary)
        .filter(|p| p["span"].is_null() || seen.insert(p["span"].to_string()))
        .map(|p| {
            format!(
                "{}:{}",
                p["type"].as_str().unwrap_or("?"),
                p["amount_pence"]
            )
        })
        .collect()
}

/// What one set scores, field by field, with the misses that explain it.
#[derive(Debug, Default)]
struct Scores {
    dates: Counts,
    acts: Counts,
    acts_with_sections: Counts,
    payments: Counts,
    fault_agree: usize,
    documents: usize,
    misses: Vec<String>,
}

fn score_set(dir: &Path, labels: &str) -> Scores {
    let mut scores = Scores::default();
    for line in labels.lines().filter(|l| !l.trim().is_empty()) {
        let gold: Value = serde_json::from_str(line).expect("label line is JSON");
        let file = gold["file"].as_str().expect("file");
        let text = std::fs::read_to_string(dir.join(file)).expect("labelled file");
        let record = match lgsco::parse(&text) {
            Ok(decision) => serde_json::to_value(decision).expect("record serialises"),
            Err(e) => {
                scores.misses.push(format!("{file}: {e}"));
                Value::Null
            }
        };
        scores.documents += 1;
        let mut misses = Vec::new();
        let date_key = |d: &Value| {
            format!(
                "{}/{}",
                d["date"].as_str().unwrap_or(""),
                d["precision"].as_str().unwrap_or("")
            )
        };
        score(
            &gold_keys(&gold["dates"], date_key),
            &strings(&record["dates"], date_key),
            &mut scores.dates,
            &mut misses,
        );
        let act_key = |c: &Value| norm_act(&c["act"]);
        score(
            &gold_keys(&gold["legislation"], act_key),
            &strings(&record["legislation"], act_key),
            &mut scores.acts,
            &mut misses,
        );
        let with_sections = |c: &Value| {
            format!(
                "{} [{}]",
                norm_act(&c["act"]),
                norm_sections(&c["sections"])
            )
        };
        score(
            &gold_keys(&gold["legislation"], with_sections),
            &strings(&record["legislation"], with_sections),
            &mut scores.acts_with_sections,
            &mut misses,
        );
        let money: Vec<(String, bool)> = gold["money"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|m| {
                let kind = match m["role"].as_str()? {
                    "agreed_payment" => "symbolic",
                    "refund_or_waiver" => "refund_or_waiver",
                    _ => return None,
                };
                Some((format!("{kind}:{}", m["pence"]), false))
            })
            .collect();
        score(
            &money,
            &payments(&record),
            &mut scores.payments,
            &mut misses,
        );
        if gold["fault_found"] == record["fault_found"] {
            scores.fault_agree += 1;
        } else {
            misses.push(format!(
                "fault_found {} want {}",
                record["fault_found"], gold["fault_found"]
            ));
        }
        scores
            .misses
            .extend(misses.into_iter().map(|m| format!("{file}: {m}")));
    }
    scores
}

/// The thresholds a set must meet; the message names every field that falls short.
fn check(name: &str, scores: &Scores) {
    let fault = ratio(scores.fault_agree, scores.documents);
    let summary = format!(
        "{name}: fault_found {:.1}%, dates P {:.1}% R {:.1}%, Acts R {:.1}%, Acts with sections F1 {:.1}%, payments P {:.1}% R {:.1}%",
        100.0 * fault,
        100.0 * scores.dates.precision(),
        100.0 * scores.dates.recall(),
        100.0 * scores.acts.recall(),
        100.0 * scores.acts_with_sections.f1(),
        100.0 * scores.payments.precision(),
        100.0 * scores.payments.recall(),
    );
    eprintln!("{summary}");
    let short = [
        (fault < 0.95, "fault_found"),
        (
            scores.dates.precision() < 0.98 || scores.dates.recall() < 0.95,
            "dates",
        ),
        (scores.acts.recall() < 0.98, "Acts"),
        (scores.acts_with_sections.f1() < 0.95, "Acts with sections"),
        (
            scores.payments.precision() < 0.95 || scores.payments.recall() < 0.90,
            "payments",
        ),
    ];
    let failing: Vec<_> = short
        .iter()
        .filter(|(bad, _)| *bad)
        .map(|(_, field)| *field)
        .collect();
    assert!(
        failing.is_empty(),
        "{summary}\nshort of target: {failing:?}\n{}",
        scores.misses.join("\n")
    );
}

fn repository() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn dev_statements_meet_the_deep_field_targets() {
    let dir = repository().join("../shared/corpus/dev");
    let Ok(labels) = std::fs::read_to_string(dir.join("expected_deep.jsonl")) else {
        eprintln!("../shared/corpus/dev/expected_deep.jsonl not present: skipped");
        return;
    };
    check("dev", &score_set(&dir, &labels));
}

#[test]
fn hand_written_statements_meet_the_deep_field_targets() {
    let dir = repository().join("tests/statements");
    let labels = std::fs::read_to_string(dir.join("expected_deep.jsonl")).expect("labels");
    check("tests/statements", &score_set(&dir, &labels));
}
