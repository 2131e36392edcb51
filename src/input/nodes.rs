//! Text with one line per text node of the page (BeautifulSoup's `get_text("\n", strip=True)`):
//! every link, emphasis or bold phrase stands on a line of its own, so sentences are broken
//! around them. Such lines are joined back into their sentence; a header label split from its
//! value (`Category :` over `Children's care services`) is joined too.
//!
//! ```text
//! I referred to the Ombudsman’s        →   I referred to the Ombudsman’s Guidance on
//! Guidance on Remedies                     Remedies, a copy of which is on our website.
//! , a copy of which is on
//! our website
//! .
//! ```

use super::blocks::{Joint, Kind, Piece, assemble};
use super::numbered::Numbered;
use super::{CLOSING, OPENING};
use crate::header::is_bare_label;
use crate::headings::is_known_heading;

/// How many broken sentences (a line starting with closing punctuation, or one ending with an
/// opening bracket or quote) show the text has a line per text node.
const EVIDENCE: usize = 2;

/// Whether `text` has one line per text node: hardly any blank lines, and at least [`EVIDENCE`]
/// sentences broken at an inline element.
pub(crate) fn looks_split(lines: &[&str]) -> bool {
    let (mut blank, mut broken) = (0usize, 0usize);
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            blank += 1;
        } else if line.starts_with(CLOSING) || line.ends_with(OPENING) {
            broken += 1;
        }
    }
    broken >= EVIDENCE && blank * 20 <= lines.len()
}

/// Whether a line ends a sentence or clause: a full stop, colon, semicolon, question or
/// exclamation mark, perhaps inside a closing quote or bracket.
fn ends_clause(line: &str) -> bool {
    line.trim_end_matches(['’', '”', '"', '\'', ')'])
        .ends_with(['.', ':', ';', '?', '!'])
}

fn starts_lower_or_closing(line: &str) -> bool {
    line.starts_with(|c: char| c.is_lowercase() || CLOSING.contains(&c))
}

/// Whether `line` continues `previous`, and how: directly after an opening bracket or before
/// closing punctuation, else with a space.
fn joint(previous: &str, line: &str, next: Option<&str>) -> Option<Joint> {
    if is_bare_label(previous) {
        return Some(Joint::Space);
    }
    if is_known_heading(previous).is_some() {
        return None;
    }
    let tight = previous.ends_with(OPENING) || line.starts_with(CLOSING);
    let goes_on = tight
        || (!ends_clause(previous)
            && (starts_lower_or_closing(line) || next.is_some_and(starts_lower_or_closing)));
    goes_on.then_some(if tight { Joint::Tight } else { Joint::Space })
}

/// Reads text with a line per text node into `out`; returns whether lines were joined.
pub(crate) fn read(text: &str, out: &mut Numbered) -> bool {
    let pieces: Vec<Piece<'_>> = text
        .lines()
        .map(|line| Piece {
            kind: Kind::Text,
            indent: 0,
            columns: 0,
            text: line.trim(),
        })
        .filter(|p| !p.text.is_empty())
        .collect();
    assemble(
        &pieces,
        |previous, line, next, _| joint(previous.text, line.text, next.map(|n| n.text)),
        str::to_string,
        out,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inline_elements_into_their_sentence() {
        assert_eq!(
            joint("found on", "our website", Some(".")),
            Some(Joint::Space)
        );
        assert_eq!(joint("our website", ".", None), Some(Joint::Tight));
        assert_eq!(
            joint("a remedy. (", "Local Government Act 1974", None),
            Some(Joint::Tight)
        );
        assert_eq!(joint("Category :", "Adult care", None), Some(Joint::Space));
        assert_eq!(joint("What I found", "failed to act", None), None);
        assert_eq!(joint("It was late.", "The Council", Some("agreed")), None);
    }

    #[test]
    fn tells_split_text_apart() {
        let split = |text: &str| looks_split(&super::super::lines_of(text));
        assert!(split("a (\nb\n) c\nd\n, e\n"));
        assert!(!split("Summary: a.\n\nThe complaint\n\n  1. b (c).\n"));
    }
}
