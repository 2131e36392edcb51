//! The bodies a decision is shared with, from the standard information-sharing sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::pieces;

/// How the sharing sentence starts.
const SHARE_START: &str = r"(?i)share (?:this|the|our|my) (?:final )?decision(?: statement)? with ";

/// The sharing sentence: where it starts, and the bodies up to the full stop.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){SHARE_START}(.+?)(?:\.(?:\s|$)|$)")).expect("share regex")
});

/// Where the sharing sentence may start, looked for once in the whole input.
/// The sharing phrase at the start of a text.
static SHARE_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^{SHARE_START}")).expect("share start regex"));

/// `hare `, in `share` and `Share` alike: a case-sensitive byte search finds where the phrase may
/// start several times faster than a case-insensitive regex.
static HARE: LazyLock<memchr::memmem::Finder<'static>> =
    LazyLock::new(|| memchr::memmem::Finder::new("hare "));

static SHORT_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([A-Z][A-Za-z&' ]{1,40})\)").expect("short name regex"));

static LIST: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",\s*(?:and\s+)?|\s+and\s+").expect("list regex"));

/// The bodies named in the document's information-sharing sentences, short names preferred,
/// each once.
pub(crate) fn shared_with(doc: &Document<'_>) -> Vec<String> {
    let input = doc.input;
    let mut bodies: Vec<String> = Vec::new();
    let bytes = input.as_bytes();
    let starts: Vec<usize> = HARE
        .find_iter(bytes)
        .filter_map(|at| at.checked_sub(1))
        .filter(|&at| {
            bytes[at].eq_ignore_ascii_case(&b's')
                && input
                    .get(at..)
                    .is_some_and(|rest| SHARE_AT_START.is_match(rest))
        })
        .collect();
    for index in pieces::holding(doc.pieces(), &starts, 0) {
        for caps in SHARE.captures_iter(doc.pieces()[index].text) {
            let Some(list) = caps.get(1).map(|m| m.as_str()) else {
                continue;
            };
            let short: Vec<&str> = SHORT_NAME
                .captures_iter(list)
                .filter_map(|c| c.get(1).map(|m| m.as_str()))
                .collect();
            let names: Vec<&str> = if short.is_empty() {
                LIST.split(list).collect()
            } else {
                short
            };
            for name in names {
                let name = name.trim();
                let name = name
                    .strip_prefix("the ")
                    .or_else(|| name.strip_prefix("The "))
                    .unwrap_or(name)
                    .trim();
                if !name.is_empty() && !bodies.iter().any(|b| b == name) {
                    bodies.push(name.to_string());
                }
            }
        }
    }
    bodies
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bodies `text`, read as a summary, shares the decision with.
    fn shared(text: &str) -> Vec<String> {
        let summary = crate::model::Span::new(0, text.len());
        shared_with(&Document::new(text, Some(summary), &[], &[]))
    }

    #[test]
    fn reads_the_sharing_sentence() {
        assert_eq!(
            shared(
                "Under our information sharing agreement, we will share this decision with the Office for Standards in Education, Children's Services and Skills (Ofsted)."
            ),
            ["Ofsted"]
        );
        assert_eq!(
            shared(
                "Under our information sharing agreement, we will share this decision with the Care Quality Commission."
            ),
            ["Care Quality Commission"]
        );
        assert_eq!(
            shared(
                "we will share the final decision with the Care Quality Commission and the Ofsted"
            ),
            ["Care Quality Commission", "Ofsted"]
        );
        assert!(shared("We shared our concerns.").is_empty());
    }
}
