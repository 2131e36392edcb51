//! The bodies a decision is shared with, from the standard information-sharing sentence.

use std::sync::LazyLock;

use regex::Regex;

use crate::document::Document;
use crate::pieces;

/// How the sharing sentence starts.
const SHARE_START: &str = r"(?i)share (?:this|the|our|my) (?:final )?decision(?: statement)? with ";

/// How the sharing sentence ends: a full stop before whitespace or the end, or the end.
const SHARE_END: &str = r"(?:\.(?:\s|$)|$)";

/// The sharing sentence: its start, then the bodies (read by [`bodies_listed`]) up to its end.
static SHARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?-u:\b){SHARE_START}.+?{SHARE_END}")).expect("share regex")
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
        for sentence in SHARE.find_iter(doc.pieces()[index].text) {
            let Some(list) = bodies_listed(sentence.as_str()) else {
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

/// The bodies listed in `sentence`, a match of [`SHARE`], as a lazy `(.+?)` before
/// [`SHARE_END`] would capture them: from the first character after the start up to the first
/// full stop after that character which whitespace or the match's end follows (a match ends
/// there only at the end of the text searched, as `$` needs), or else to the match's end. Read
/// without a capturing search, which costs several times the search itself.
fn bodies_listed(sentence: &str) -> Option<&str> {
    let start = SHARE_AT_START.find(sentence)?.end();
    let first = sentence.get(start..)?.chars().next()?;
    let from = start + first.len_utf8();
    let end = memchr::memchr_iter(b'.', sentence.as_bytes().get(from..)?)
        .map(|at| from + at)
        .find(|&stop| {
            sentence
                .get(stop + 1..)
                .is_some_and(|after| after.chars().next().is_none_or(char::is_whitespace))
        })
        .unwrap_or(sentence.len());
    sentence.get(start..end)
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

    #[test]
    fn lists_the_bodies_a_lazy_capture_would() {
        let capturing = Regex::new(&format!(r"(?-u:\b){SHARE_START}(.+?){SHARE_END}")).unwrap();
        let texts = [
            "We will share this decision with the CQC.",
            "share the decision with Ofsted. Then share our decision with the ICO",
            "share our decision with .x. y",
            "share my decision with e.g. the CQC.\u{a0}And",
            "share this decision with a.b.",
            "share this final decision with x\nand the CQC. y",
        ];
        for text in texts {
            let captured: Vec<&str> = capturing
                .captures_iter(text)
                .filter_map(|caps| Some(caps.get(1)?.as_str()))
                .collect();
            let listed: Vec<&str> = SHARE
                .find_iter(text)
                .filter_map(|sentence| bodies_listed(sentence.as_str()))
                .collect();
            assert_eq!(listed, captured, "{text:?}");
        }
    }
}
