//! Counting what a run did, for the report line on standard error.

use std::fmt;

/// What happened to the documents of one run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    /// Documents parsed into a record.
    pub parsed: u64,
    /// Of those, how many carry warnings.
    pub with_warnings: u64,
    /// Documents that could not be read or parsed.
    pub failed: u64,
}

impl Tally {
    /// Every document counted, parsed or failed.
    pub fn documents(&self) -> u64 {
        self.parsed + self.failed
    }
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
}
