//! A readable table of a folder's decisions: organisation, outcome, total paid and the due dates
//! of the agreed actions, then totals per category area.
//!
//! ```sh
//! cargo run --example remedies_table                 # corpus/
//! cargo run --example remedies_table -- statements/
//! ```
//!
//! The remedy values are read from the record's JSON (`total_payment_pence`,
//! `agreed_actions[].deadline.due`), so a value the parser does not give shows as `-`.

use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

use serde_json::Value;

/// One table row's remedy values, read from a record's JSON.
struct Remedies {
    total_payment_pence: Option<u64>,
    due_dates: Vec<String>,
}

impl Remedies {
    fn of(record: &Value) -> Remedies {
        let actions = record["agreed_actions"]
            .as_array()
            .map_or(&[][..], Vec::as_slice);
        // ISO dates sort in time order; several actions often share one deadline.
        let mut due_dates: Vec<String> = actions
            .iter()
            .filter_map(|action| action["deadline"]["due"].as_str().map(str::to_owned))
            .collect();
        due_dates.sort();
        due_dates.dedup();
        Remedies {
            total_payment_pence: record["total_payment_pence"].as_u64(),
            due_dates,
        }
    }
}

/// The totals of one category area.
#[derive(Default)]
struct AreaTotals {
    decisions: usize,
    upheld: usize,
    paid_pence: Option<u64>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let folder = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "corpus".to_owned());
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&folder)?
        .map(|entry| entry.map(|e| e.path()))
        .collect::<Result<_, _>>()?;
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "txt"));
    paths.sort();

    let mut areas: BTreeMap<String, AreaTotals> = BTreeMap::new();
    println!(
        "{:<42}  {:<32}  {:>11}  due",
        "organisation", "outcome", "total paid"
    );
    for path in &paths {
        let parsed = std::fs::read(path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| lgsco::parse_bytes(&bytes).map_err(|e| e.to_string()));
        let decision = match parsed {
            Ok(decision) => decision,
            Err(error) => {
                eprintln!("skipped {}: {error}", path.display());
                continue;
            }
        };
        let record = serde_json::to_value(&decision)?;
        let remedies = Remedies::of(&record);
        let outcome = decision.outcome.as_ref();
        let due = if remedies.due_dates.is_empty() {
            "-".to_owned()
        } else {
            remedies.due_dates.join(", ")
        };
        println!(
            "{:<42}  {:<32}  {:>11}  {due}",
            clip(decision.organisation.as_deref().unwrap_or("-"), 42),
            clip(outcome.map_or("-", |o| o.text.as_str()), 32),
            remedies.total_payment_pence.map_or("-".to_owned(), pounds),
        );

        let area = decision
            .category
            .as_ref()
            .map_or("(no category)", |c| c.area.as_str());
        let totals = areas.entry(area.to_owned()).or_default();
        totals.decisions += 1;
        totals.upheld += usize::from(outcome.is_some_and(|o| o.kind == lgsco::OutcomeKind::Upheld));
        if let Some(pence) = remedies.total_payment_pence {
            totals.paid_pence = Some(totals.paid_pence.unwrap_or(0) + pence);
        }
    }

    println!();
    println!(
        "{:<42}  {:>9}  {:>6}  {:>11}",
        "category area", "decisions", "upheld", "total paid"
    );
    for (area, totals) in &areas {
        println!(
            "{:<42}  {:>9}  {:>6}  {:>11}",
            clip(area, 42),
            totals.decisions,
            totals.upheld,
            totals.paid_pence.map_or("-".to_owned(), pounds),
        );
    }
    Ok(())
}

/// `123456` pence as `£1,234.56`.
fn pounds(pence: u64) -> String {
    let whole = (pence / 100).to_string();
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    format!("£{grouped}.{:02}", pence % 100)
}

/// `text` cut to `width` characters, with `…` when cut.
fn clip(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut clipped: String = text.chars().take(width.saturating_sub(1)).collect();
        clipped.push('…');
        clipped
    }
}
