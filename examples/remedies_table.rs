//! A readable table of a folder's decisions (recursively): source, reference, organisation,
//! outcome, total paid and the due dates of the agreed actions, then totals per category area.
//!
//! ```sh
//! cargo run --example remedies_table                 # corpus/
//! cargo run --example remedies_table -- statements/
//! ```
//!
//! The values are read from the typed record (`Decision::total_payment_pence`,
//! `AgreedAction::deadline`), so a value the parser does not give shows as `-`.

#[path = "common/mod.rs"]
mod common;

use std::collections::BTreeMap;
use std::error::Error;
use std::path::PathBuf;

use lgsco::{Decision, OutcomeKind};

/// The distinct due dates of a decision's agreed actions, in time order (several actions often
/// share one deadline).
fn due_dates(decision: &Decision) -> Vec<String> {
    let mut due: Vec<_> = decision
        .agreed_actions
        .iter()
        .filter_map(|action| action.deadline.as_ref()?.due)
        .collect();
    due.sort();
    due.dedup();
    due.iter().map(ToString::to_string).collect()
}

/// The totals of one category area.
#[derive(Default)]
struct AreaTotals {
    decisions: usize,
    upheld: usize,
    paid_pence: Option<u64>,
}

fn main() -> Result<(), Box<dyn Error>> {
    let folder = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "corpus".to_owned()),
    );
    let mut areas: BTreeMap<String, AreaTotals> = BTreeMap::new();
    println!(
        "{:<36}  {:<10}  {:<42}  {:<16}  {:>11}  due",
        "source", "reference", "organisation", "outcome", "total paid"
    );
    for path in common::statements(&folder)? {
        let parsed = std::fs::read(&path)
            .map_err(|e| e.to_string())
            .and_then(|bytes| lgsco::parse_bytes(&bytes).map_err(|e| e.to_string()));
        let decision = match parsed {
            Ok(decision) => decision,
            Err(error) => {
                eprintln!("skipped {}: {error}", path.display());
                continue;
            }
        };
        let due = due_dates(&decision);
        let outcome = decision.outcome.as_ref();
        println!(
            "{:<36}  {:<10}  {:<42}  {:<16}  {:>11}  {}",
            clip(&path.display().to_string(), 36),
            decision.reference.as_deref().unwrap_or("-"),
            clip(decision.organisation.as_deref().unwrap_or("-"), 42),
            clip(outcome.map_or("-", |o| o.text.as_str()), 16),
            decision.total_payment_pence.map_or("-".to_owned(), pounds),
            if due.is_empty() {
                "-".to_owned()
            } else {
                due.join(", ")
            },
        );

        let area = decision
            .category
            .as_ref()
            .map_or("(no category)", |c| c.area.as_str());
        let totals = areas.entry(area.to_owned()).or_default();
        totals.decisions += 1;
        totals.upheld += usize::from(outcome.is_some_and(|o| o.kind == OutcomeKind::Upheld));
        if let Some(pence) = decision.total_payment_pence {
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
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
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
