//! Telling headings from paragraphs, and main sections from sub-headings.

use std::sync::LazyLock;

use regex::bytes::Regex;

use crate::lines::{fold, folded_regex};
use crate::model::Section;

/// Main-section headings of LGSCO statements (matched on folded text: lower case, straight quotes).
static MAIN_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)^(?:
            the\ complaints? | complaint\ background | background\ to\ the\ complaint
          | the\ ombudsm[ae]n'?s'?\ role(?:\ and\ powers)? | our\ role\ and\ powers | role\ and\ powers
          | what\ (?:i|we)\ (?:have|did)(?:\ and\ (?:have|did)\ not|\ not)?\ investigated?
          | parts?\ of\ the\ complaint\ (?:that\ )?(?:i|we)\ (?:did|have|could)\ not\ investigated?
          | how\ (?:i|we)\ considered\ (?:this|the)\ complaints?.*
          | what\ (?:i|we)\ found | (?:my|our)\ assessment | assessment
          | agreed\ actions? | recommendations? | recommended\ actions?
          | (?:final\ )?decisions?
        )\s*:?$",
    )
    .expect("main heading regex")
});

/// Sub-headings common enough to recognise without layout hints.
static SUB_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    folded_regex(
        r"(?x)^(?:
            law\ and\ guidance.* | relevant\ law.* | legal\ and\ administrative\ background
          | what\ happened | background | key\ facts | chronology
          | (?:my\ )?findings? | (?:my\ |the\ ombudsman's\ )?analysis | conclusions? | injustice | fault
          | remedy | financial\ remedy | service\ improvements? | delay
        )\s*:?$",
    )
    .expect("sub heading regex")
});

/// The level of a heading LGSCO statements commonly use: `Some(1)` for a main section,
/// `Some(2)` for a common sub-heading, `None` when the text is not a heading we know.
pub(crate) fn is_known_heading(text: &str) -> Option<u8> {
    if text.len() > 120 {
        return None;
    }
    let folded = fold(text);
    let folded = folded.trim().as_bytes();
    if MAIN_HEADING.is_match(folded) {
        Some(1)
    } else if SUB_HEADING.is_match(folded) {
        Some(2)
    } else {
        None
    }
}

/// Headings common enough that a text cut off inside one can still be recognised.
const COMMON_HEADINGS: &[&str] = &[
    "the complaint",
    "the ombudsman's role and powers",
    "what i have and have not investigated",
    "what i have investigated",
    "how i considered this complaint",
    "what i found",
    "my assessment",
    "law and guidance",
    "relevant law and guidance",
    "what happened",
    "my findings",
    "analysis",
    "agreed action",
    "final decision",
];

/// Whether a line cut off by truncation is the start of a common heading (`What I fo`).
pub(crate) fn starts_common_heading(text: &str) -> bool {
    let folded = fold(text);
    folded.len() >= 4
        && COMMON_HEADINGS
            .iter()
            .any(|h| h.starts_with(folded.as_str()))
}

/// A heading folded for comparison: lower case, plain quotes, without surrounding space or a
/// closing `:` or `.` (`Agreed action:` and `agreed action` compare equal).
pub(crate) fn heading_key(heading: &str) -> String {
    fold(heading)
        .trim()
        .trim_end_matches([':', '.'])
        .trim()
        .to_string()
}

/// A section with its heading folded once into a [`heading_key`], for the readers that pick
/// sections by heading (findings, agreed actions, the complaint).
#[derive(Debug)]
pub(crate) struct KeyedSection<'s> {
    pub section: &'s Section,
    pub key: String,
}

/// Every section with its heading key, in order.
pub(crate) fn keyed(sections: &[Section]) -> Vec<KeyedSection<'_>> {
    sections
        .iter()
        .map(|section| KeyedSection {
            section,
            key: heading_key(&section.heading),
        })
        .collect()
}

/// Whether a main section usually holds sub-headings (`What I found`, `My assessment`).
pub(crate) fn holds_sub_headings(heading: &str) -> bool {
    let folded = fold(heading);
    let folded = folded.trim().trim_end_matches(':');
    matches!(
        folded,
        "what i found"
            | "what we found"
            | "my assessment"
            | "our assessment"
            | "assessment"
            | "findings"
    )
}

/// Whether a bare line (no list marker) that is not a [known heading](is_known_heading) reads
/// as a heading rather than a paragraph: short, no sentence-ending punctuation, not a quotation
/// or citation.
pub(crate) fn reads_as_heading(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let last = text.chars().next_back().unwrap_or('.');
    let first = text.chars().next().unwrap_or(' ');
    words <= 14
        && text.len() <= 160
        && !matches!(
            last,
            '.' | ',' | ';' | ':' | '!' | '"' | '\u{201d}' | ')' | '-'
        )
        && (first.is_alphanumeric() || first == '\'' && words > 1)
        && !first.is_ascii_digit()
}

/// Whether a line starts like a quotation or a citation, which are never headings.
pub(crate) fn starts_like_quote_or_citation(text: &str) -> bool {
    text.starts_with(['(', '"', '\'', '\u{201c}', '\u{2018}', '['])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn knows_main_and_sub_headings() {
        assert_eq!(
            is_known_heading("The Ombudsman\u{2019}s role and powers"),
            Some(1)
        );
        assert_eq!(
            is_known_heading("What I have and have not investigated"),
            Some(1)
        );
        assert_eq!(is_known_heading("How I considered this complaint"), Some(1));
        assert_eq!(
            is_known_heading("Parts of the complaint that I did not investigate"),
            Some(1)
        );
        assert_eq!(is_known_heading("Final Decision"), Some(1));
        assert_eq!(is_known_heading("Agreed action"), Some(1));
        assert_eq!(is_known_heading("Law and guidance"), Some(2));
        assert_eq!(is_known_heading("My findings"), Some(2));
        assert_eq!(is_known_heading("Ms X\u{2019}s second complaint"), None);
    }

    #[test]
    fn tells_headings_from_paragraphs() {
        assert!(reads_as_heading("Ms X\u{2019}s second complaint"));
        assert!(reads_as_heading("Special Guardianship Order Allowance"));
        assert!(reads_as_heading("What should have happened?"));
        assert!(!reads_as_heading(
            "Exposed Ms X to her abusive ex-partner in meetings."
        ));
        assert!(!reads_as_heading(
            "(Local Government Act 1974, section 24A(6))"
        ));
        assert!(!reads_as_heading(
            "I considered the Ombudsman\u{2019}s Assessment Code and the information provided by both parties in their letters"
        ));
    }
}
