//! List inference: which lines are items of a list, in layouts that lost the nesting (dashed
//! and plain copies), told by the lead-in that opens a list and by how its items end and start.

use std::sync::LazyLock;

use regex::Regex;

use crate::lines::{fold, tail};
use crate::words::{number_word, starts_with_ignore_case};

/// Whether a paragraph's text ends by introducing a list.
pub(super) fn ends_with_colon(text: &str) -> bool {
    text.trim_end().ends_with(':')
}

/// Infers which `- ` lines (or bare lines) are list items, in layouts that lost the nesting.
///
/// A list opens after a line ending with `:`. It goes on while items end with `;` or `,` (or
/// `; and`, `, or`); a `.` after such items ends the last one and closes it.
/// Where items end with full stops, a line stays an item while it looks like one (lower-case start,
/// no closing punctuation, or short).
#[derive(Debug, Default)]
pub(super) struct ListInference {
    open: Option<OpenList>,
    /// Whether any lead-in was seen, i.e. numbering depended on inference.
    pub(super) used: bool,
}

#[derive(Debug, Clone, Copy)]
struct OpenList {
    items: usize,
    saw_semicolon: bool,
    prev_end: char,
    /// The opening words of the first item, which parallel items repeat (`Stage 1:`, `Stage 2:`).
    shape: Option<ItemShape>,
    /// How many items the lead-in announced (`13 different issues … as:`), if it did.
    announced: Option<usize>,
    /// Whether the first item is an instruction (`Apologise to …`), as agreed actions are.
    imperative: bool,
}

/// `13 different issues`, `the following four complaints`: a count of things the list will hold.
static ANNOUNCED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[a-z]+\s+)?(?:issues|complaints|recommendations|points|actions|matters|areas|questions|reasons|parts|elements|changes|concerns|things|failings|faults)(?-u:\b)",
    )
    .expect("announced count regex")
});

fn announced_count(lead_in: &str) -> Option<usize> {
    // The count is the match's first word, as nothing in it is a space: found without captures.
    let found = ANNOUNCED_COUNT.find(lead_in)?.as_str();
    let n = found.split(char::is_whitespace).next()?;
    n.parse()
        .ok()
        .or_else(|| number_word(n).map(|n| n as usize))
}

/// The opening of an item: its first word, and its second unless the first is too common to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ItemShape(u64);

impl ItemShape {
    fn of(text: &str) -> Option<Self> {
        use std::hash::{Hash, Hasher};
        let mut words = text.split_whitespace();
        let first = words.next()?;
        let common = [
            "The", "A", "An", "This", "It", "In", "I", "We", "He", "She", "They", "On", "At",
        ];
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        first.hash(&mut hasher);
        if common.contains(&first) {
            words.next()?.hash(&mut hasher);
        }
        Some(ItemShape(hasher.finish()))
    }
}

impl ListInference {
    /// Whether the next list line is an item (`true`) or a paragraph (`false`).
    pub(super) fn is_item(&mut self, text: &str) -> bool {
        let trimmed = text.trim_end();
        let lead_in = ends_with_colon(trimmed);
        // `…; and` / `…, or` continue a list as `;` does.
        let end = match trimmed.chars().next_back() {
            _ if ends_with_conjunction(trimmed) => ';',
            Some(end) => end,
            None => '.',
        };
        let item = match self.open {
            None => false,
            Some(list) if list.items == 0 => true,
            Some(list) if list.announced.is_some_and(|n| list.items < n) => true,
            // A new lead-in ends the list before it.
            Some(_) if lead_in => false,
            Some(list) if matches!(list.prev_end, ';' | ',') => true,
            Some(list) if list.saw_semicolon => false,
            Some(list) => {
                looks_like_item(text)
                    || (list.shape.is_some() && list.shape == ItemShape::of(text))
                    || (list.imperative && starts_with_imperative(text))
            }
        };
        if !item {
            self.open = lead_in.then(|| OpenList {
                items: 0,
                saw_semicolon: false,
                prev_end: ':',
                shape: None,
                announced: announced_count(text),
                imperative: false,
            });
            self.used |= self.open.is_some();
            return false;
        }
        if let Some(list) = &mut self.open {
            if list.items == 0 {
                list.shape = ItemShape::of(text);
                list.imperative = starts_with_imperative(text);
            }
            list.items += 1;
            list.saw_semicolon |= end == ';';
            list.prev_end = end;
        }
        true
    }

    /// Ends the open list, if any.
    pub(super) fn close(&mut self) {
        self.open = None;
    }

    /// Whether a list is open.
    pub(super) fn is_open(&self) -> bool {
        self.open.is_some()
    }

    /// Whether the heading-like line `text` can end the list: inside one, only after full-stopped
    /// items, and not when it starts in lower case as an item goes on from its lead-in (`to hold
    /// a conference on 27 October 2020` among `to reallocate the case.` and the like).
    pub(super) fn allows_heading(&self, text: &str) -> bool {
        self.open.is_none_or(|l| {
            l.items > 0 && l.prev_end == '.' && !text.starts_with(char::is_lowercase)
        })
    }
}

/// Whether a line ends with `; and`, `, or` and the like, which continue a list.
pub(super) fn ends_with_conjunction(text: &str) -> bool {
    let text = text.trim_end();
    // Every ending below ends in `d` or `r`; most lines can skip folding their tail.
    if !text.ends_with(['d', 'D', 'r', 'R']) {
        return false;
    }
    let tail = fold(tail(text, 8));
    [";and", "; and", ", and", "; or", ", or"]
        .iter()
        .any(|end| tail.ends_with(end))
}

/// Verbs that open an instruction, as agreed actions do (`Pay Ms X £300`, `Apologise to her`).
const IMPERATIVES: &[&str] = &[
    "apologise",
    "apologize",
    "arrange",
    "carry",
    "complete",
    "consider",
    "contact",
    "ensure",
    "give",
    "issue",
    "make",
    "offer",
    "pay",
    "produce",
    "provide",
    "reconsider",
    "refund",
    "reimburse",
    "remind",
    "review",
    "send",
    "share",
    "start",
    "take",
    "train",
    "update",
    "write",
];

/// Whether a line opens with an instruction, or with one after a leading phrase and comma
/// (`Considering the findings of this investigation, start stage two …`).
fn starts_with_imperative(text: &str) -> bool {
    let is_verb = |clause: &str| {
        clause.split_whitespace().next().is_some_and(|word| {
            IMPERATIVES
                .iter()
                .any(|verb| verb.eq_ignore_ascii_case(word))
        })
    };
    let after_comma = text
        .get(..text.len().min(120))
        .and_then(|head| head.split_once(','))
        .is_some_and(|(_, rest)| is_verb(rest));
    is_verb(text) || after_comma
}

/// Whether a line looks like an item of a list whose items end with full stops.
fn looks_like_item(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    let last = text.trim_end().chars().next_back().unwrap_or('.');
    let evidence_boilerplate =
        starts_with_ignore_case(text, "the ") && text.contains("with evidence");
    first.is_lowercase()
        || !matches!(last, '.' | '!' | '?' | ':' | '"' | '\u{201d}')
        || (text.len() <= 100 && !evidence_boilerplate)
}
