//! Counting what a run did, for the report line on standard error.

use std::collections::BTreeMap;
use std::fmt;

use lgsco::Decision;

/// What happened to the documents of one run.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents parsed into a record.
    pub parsed: u64,
    /// Of those, how many carry warnings.
    pub with_warnings: u64,
    /// Documents that could not be read or parsed.
    pub failed: u64,
    /// How many parsed records carry each kind of warning, by its name in the record.
    pub warnings: BTreeMap<String, u64>,
    /// How many parsed records have each outcome kind (`none` without a `Decision :` line).
    pub outcomes: BTreeMap<String, u64>,
}

impl Tally {
    /// Every document counted, parsed or failed.
    pub fn documents(&self) -> u64 {
        self.parsed + self.failed
    }

    /// Counts a parsed record by what was [`Seen`] of it.
    pub fn count(&mut self, seen: Seen) {
        self.parsed += 1;
        self.with_warnings += u64::from(!seen.warnings.is_empty());
        for kind in seen.warnings {
            *self.warnings.entry(kind).or_default() += 1;
        }
        *self.outcomes.entry(seen.outcome).or_default() += 1;
    }

    /// `outcomes: upheld 21, not_upheld 9; warnings: truncated 30, no_header_lines 12`: what the
    /// parsed records were, for a second report line (`None` when nothing parsed).
    pub fn breakdown(&self) -> Option<String> {
        let list = |counts: &BTreeMap<String, u64>| {
            let mut counts: Vec<_> = counts.iter().collect();
            counts.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            let counts: Vec<String> = counts.iter().map(|(k, n)| format!("{k} {n}")).collect();
            if counts.is_empty() {
                "none".to_owned()
            } else {
                counts.join(", ")
            }
        };
        (self.parsed > 0).then(|| {
            format!(
                "outcomes: {}; warnings: {}",
                list(&self.outcomes),
                list(&self.warnings)
            )
        })
    }
}

/// What the report counts of one parsed record, taken where it is parsed so the record itself
/// need not wait to be counted.
#[derive(Debug)]
pub struct Seen {
    /// The kinds of its warnings, each once.
    warnings: Vec<String>,
    /// Its outcome kind, `none` without one.
    outcome: String,
}

impl Seen {
    pub fn of(decision: &Decision) -> Seen {
        let mut warnings: Vec<String> = decision.warnings.iter().map(|w| name(&w.kind)).collect();
        warnings.sort();
        warnings.dedup();
        Seen {
            warnings,
            outcome: decision
                .outcome
                .as_ref()
                .map_or("none".into(), |o| name(&o.kind)),
        }
    }
}

/// A kind's name as the record writes it (`not_upheld`, `no_header_lines`).
fn name(kind: &impl serde::Serialize) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// `45 documents: 44 parsed (40 with warnings), 1 failed`.
impl fmt::Display for Tally {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let documents = self.documents();
        let plural = if documents == 1 { "" } else { "s" };
        write!(
            f,
            "{documents} document{plural}: {} parsed ({} with warnings), {} failed",
            self.parsed, self.with_warnings, self.failed
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_line_adds_up() {
        let tally = Tally {
            parsed: 44,
            with_warnings: 40,
            failed: 1,
            ..Tally::default()
        };
        assert_eq!(
            tally.to_string(),
            "45 documents: 44 parsed (40 with warnings), 1 failed"
        );
        let one = Tally {
            parsed: 1,
            ..Tally::default()
        };
        assert_eq!(
            one.to_string(),
            "1 document: 1 parsed (0 with warnings), 0 failed"
        );
    }

    #[test]
    fn the_breakdown_counts_outcomes_and_warnings_by_kind() {
        let mut tally = Tally::default();
        assert_eq!(tally.breakdown(), None);
        for text in [
            "Summary: Mr Q complained.\nThe complaint\nIt was late.",
            "Decision : Upheld\nSummary: Ms R complained.\nThe complaint\nIt was late.",
        ] {
            tally.count(Seen::of(&lgsco::parse(text).unwrap()));
        }
        let breakdown = tally.breakdown().unwrap();
        assert!(
            breakdown.starts_with("outcomes: none 1, upheld 1; warnings: "),
            "{breakdown}"
        );
        assert!(breakdown.contains("no_title 2"), "{breakdown}");
        assert!(breakdown.contains("truncated 2"), "{breakdown}");
    }
}
