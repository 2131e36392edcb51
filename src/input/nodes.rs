//! Text with one line per text node of the page (BeautifulSoup's `get_text("\n", strip=True)`):
//! every link, emphasis or bold phrase stands on a line of its own, so sentences are broken
//! around them. Such lines are joined back into their sentence (a link, a sum set in bold, a
//! bracket's contents), the summary's sentences into its one paragraph, and a header label split
//! from its value (`Category :` over `Children's care services`) to it.
//!
//! ```text
//! I referred to the Ombudsman’s        →   I referred to the Ombudsman’s Guidance on
//! Guidance on Remedies                     Remedies, a copy of which is on our website.
//! , a copy of which is on
//! our website
//! .
//! ```

use super::blocks::{Joint, Kind, Piece, assemble};
use std::cell::Cell;

use super::numbered::Numbered;
use super::{CLOSING, Line, OPENING};
use crate::header::{is_bare_label, is_summary_line};
use crate::headings::is_known_heading;
use crate::lines::is_back_to_top;

/// How many broken sentences (a line starting with closing punctuation, or one ending with an
/// opening bracket or quote) show the text has a line per text node.
const EVIDENCE: usize = 2;

/// The lines of a text, its blank lines and its sentences broken at an inline element (a line
/// starting with closing punctuation, or one ending with an opening bracket or quote), counted
/// line by line.
#[derive(Debug, Default)]
pub(crate) struct SplitTally {
    lines: usize,
    blank: usize,
    broken: usize,
}

impl SplitTally {
    /// Counts `line`.
    #[inline]
    pub(crate) fn add(&mut self, line: Line<'_>) {
        let line = line.trimmed;
        self.lines += 1;
        if line.is_empty() {
            self.blank += 1;
        } else if line.starts_with(CLOSING) || line.ends_with(OPENING) {
            self.broken += 1;
        }
    }

    /// Whether the text has one line per text node: hardly any blank lines, and at least
    /// [`EVIDENCE`] sentences broken at an inline element.
    pub(crate) fn looks_split(&self) -> bool {
        self.broken >= EVIDENCE && self.blank * 20 <= self.lines
    }
}

/// Whether a line ends a sentence or clause: a full stop, colon, semicolon, question or
/// exclamation mark, perhaps inside a closing quote or bracket, or a list item's `; and`.
fn ends_clause(line: &str) -> bool {
    let line = [" and", " or"]
        .iter()
        .find_map(|word| line.strip_suffix(word).filter(|l| l.ends_with(';')))
        .unwrap_or(line);
    line.trim_end_matches(['’', '”', '"', '\'', ')'])
        .ends_with(['.', ':', ';', '?', '!'])
}

/// Whether `line` is one short sentence that comments on the one before it (`This was fault.`,
/// `That is not the case.`): a page sets such a sentence in bold inside its paragraph, and a
/// paragraph of its own hardly ever opens with a word that points back.
fn is_emphasised_comment(line: &str) -> bool {
    const POINTING_BACK: [&str; 6] = ["This ", "That ", "These ", "Those ", "It ", "Such "];
    line.len() <= 80
        && line.ends_with('.')
        && !line[..line.len() - 1].contains(". ")
        && POINTING_BACK.iter().any(|word| line.starts_with(word))
}

fn starts_lower_or_closing(line: &str) -> bool {
    line.starts_with(|c: char| c.is_lowercase() || CLOSING.contains(&c))
}

/// Whether `line` ends with a word no heading or sentence ends with (`Regulation 19 of the`,
/// `for the full cost under the`): the link or emphasis that completes it is on the next line.
fn ends_with_leading_word(line: &str) -> bool {
    const LEADING: [&str; 17] = [
        "the", "a", "an", "of", "to", "for", "and", "or", "by", "in", "on", "at", "with", "under",
        "from", "into", "than",
    ];
    line.rsplit_once(' ')
        .is_some_and(|(_, last)| LEADING.contains(&last))
}

/// Whether `line` is a sum of money and nothing else (`£900`): a page sets sums in bold inside
/// their sentence, never as a block of their own.
fn is_amount(line: &str) -> bool {
    crate::money::parse_amount_pence(line).is_some_and(|(_, len)| len == line.len())
}

/// Whether `line` opens with a bracketed word (`(Regulated Activities) Regulations 2014 says`),
/// which goes on from a line that does not end a clause; a list marker (`(a)`, `(ii)`) does not.
fn opens_with_bracketed_word(line: &str) -> bool {
    let mut chars = line.chars();
    chars.next() == Some('(')
        && chars.next().is_some_and(char::is_uppercase)
        && chars.next().is_some_and(char::is_lowercase)
}

/// Whether `line` is a heading or a `Back to top` link.
fn is_structure(line: &str) -> bool {
    is_known_heading(line).is_some() || is_back_to_top(line)
}

/// Whether `line` continues `previous`, and how: directly after an opening bracket or before
/// closing punctuation, else with a space.
/// A line that starts its block and is a heading or a `Back to top` link stands alone; one that
/// went on from the line before is part of a sentence, whatever its words (`injustice`).
fn joint(previous: &str, line: &str, next: Option<&str>, starts_block: bool) -> Option<Joint> {
    if is_bare_label(previous) {
        return Some(Joint::Space);
    }
    if starts_block && is_structure(previous) {
        return None;
    }
    let tight = previous.ends_with(OPENING) || line.starts_with(CLOSING);
    let goes_on = tight
        || (!ends_clause(previous)
            && (starts_lower_or_closing(line)
                || next.is_some_and(starts_lower_or_closing)
                || ends_with_leading_word(previous)
                || is_amount(line)
                || opens_with_bracketed_word(line)))
        || (ends_clause(previous) && is_emphasised_comment(line))
        || (!starts_block && is_amount(previous) && !is_structure(line));
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
    // The brackets the block so far leaves open (a line inside them goes on with it whatever it
    // starts with: `(` … `Children Act 1989` … `Representations Procedure … 2006 19(2)).`),
    // whether the line before went on from its own line before, and whether the block is the
    // summary.
    let block: Cell<Option<Block>> = Cell::new(None);
    assemble(
        &pieces,
        |previous, line, next, _| {
            let before = block
                .get()
                .unwrap_or_else(|| Block::starting(previous.text));
            let joint = joint(
                previous.text,
                line.text,
                next.map(|n| n.text),
                !before.joined,
            )
            .or_else(|| (before.open > 0).then_some(Joint::Space))
            .or_else(|| (before.summary && continues_summary(line.text)).then_some(Joint::Space));
            block.set(Some(match joint {
                Some(_) => Block {
                    open: brackets_left_open(before.open, line.text),
                    joined: true,
                    summary: before.summary,
                },
                None => Block::starting(line.text),
            }));
            joint
        },
        str::to_string,
        out,
    )
}

/// What [`read`] knows of the block a line is in.
#[derive(Debug, Clone, Copy)]
struct Block {
    /// Round brackets left open.
    open: usize,
    /// Whether the line went on from the line before it.
    joined: bool,
    /// Whether the block is the summary.
    summary: bool,
}

impl Block {
    fn starting(line: &str) -> Block {
        Block {
            open: brackets_left_open(0, line),
            joined: false,
            summary: is_summary_line(line),
        }
    }
}

/// Whether `line`, after a sentence of the summary, is one more: the summary is one paragraph
/// of the page, so every sentence up to the first heading is its own (`… stage two.` → bold
/// `This was fault.` → `The Council has agreed to apologise.`).
fn continues_summary(line: &str) -> bool {
    ends_clause(line) && !is_structure(line) && !is_bare_label(line)
}

/// How many round brackets are open after `text`, when `open` were before it.
fn brackets_left_open(open: usize, text: &str) -> usize {
    text.bytes().fold(open, |open, b| match b {
        b'(' => open + 1,
        b')' => open.saturating_sub(1),
        _ => open,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_inline_elements_into_their_sentence() {
        assert_eq!(
            joint("found on", "our website", Some("."), true),
            Some(Joint::Space)
        );
        assert_eq!(joint("our website", ".", None, true), Some(Joint::Tight));
        assert_eq!(
            joint("a remedy. (", "Local Government Act 1974", None, true),
            Some(Joint::Tight)
        );
        assert_eq!(
            joint("Category :", "Adult care", None, true),
            Some(Joint::Space)
        );
        assert_eq!(joint("What I found", "failed to act", None, true), None);
        assert_eq!(
            joint("It was late.", "The Council", Some("agreed"), true),
            None
        );
        // A heading's words inside a sentence do not end it; a `Back to top` line stands alone.
        assert_eq!(
            joint("injustice", "\u{2019}. If", None, false),
            Some(Joint::Tight)
        );
        assert_eq!(
            joint(
                "Return to top",
                "We investigate",
                Some("maladministration"),
                true
            ),
            None
        );
        // A short sentence pointing back was set in bold inside its paragraph.
        assert_eq!(
            joint(
                "to stage two.",
                "This was fault by the Council.",
                None,
                true
            ),
            Some(Joint::Space)
        );
        assert_eq!(
            joint(
                "to stage two.",
                "The Council then wrote to her.",
                None,
                true
            ),
            None
        );
    }

    #[test]
    fn links_and_sums_in_bold_stay_in_their_sentence() {
        // A link after a word no heading ends with; a bracketed name after it.
        assert_eq!(
            joint(
                "Regulation 12 of the",
                "Care Standards Act 2000",
                None,
                true
            ),
            Some(Joint::Space)
        );
        assert_eq!(
            joint(
                "Care Standards Act 2000",
                "(Registration) Regulations 2001 say",
                None,
                false
            ),
            Some(Joint::Space)
        );
        assert_eq!(joint("What happened", "(a) the visit", None, true), None);
        // A sum in bold, and what follows it.
        assert_eq!(
            joint("refund Mr Y", "£75.50", None, true),
            Some(Joint::Space)
        );
        assert_eq!(
            joint("£75.50", "Mr Y paid for the taxi;", None, false),
            Some(Joint::Space)
        );
        assert_eq!(joint("to Mr Y:", "£75.50 for the taxi", None, true), None);
        assert_eq!(joint("£75.50", "Back to top", None, false), None);
    }

    #[test]
    fn the_summary_is_one_paragraph() {
        let mut out = Numbered::default();
        read(
            "Summary: Mr Y complained about a taxi (\nsee\n). It was late.\nThat was fault.\nThe Council will pay him.\nThe complaint\nMr Y says it was late.\nHe had paid in advance.\n",
            &mut out,
        );
        let text = out.finish();
        assert!(
            text.starts_with("Summary: Mr Y complained about a taxi (see). It was late. That was fault. The Council will pay him.\n\nThe complaint\n"),
            "{text}"
        );
        // After the summary, a sentence starts its own paragraph.
        assert!(text.ends_with("\n\nHe had paid in advance.\n"), "{text}");
    }

    #[test]
    fn a_line_inside_open_brackets_goes_on() {
        let mut out = Numbered::default();
        read(
            "says (\nChildren Act 1989\nRepresentations Procedure 2006).\nNext paragraph.\n",
            &mut out,
        );
        let text = out.finish();
        assert!(
            text.contains("(Children Act 1989 Representations Procedure 2006)."),
            "{text}"
        );
        assert!(text.contains("\nNext paragraph."), "{text}");
    }

    #[test]
    fn tells_split_text_apart() {
        let split = |text: &str| super::super::tally(text, SplitTally::add).looks_split();
        assert!(split("a (\nb\n) c\nd\n, e\n"));
        assert!(!split("Summary: a.\n\nThe complaint\n\n  1. b (c).\n"));
    }
}
