//! Small pieces the grammars share: runs of whitespace, numbers written as words, ASCII word
//! bytes and comparisons that ignore ASCII case.

use std::borrow::Cow;

use nom::{
    IResult, Parser,
    bytes::complete::take_while1,
    error::{Error, ErrorKind},
};

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// One or more whitespace characters (no-break spaces included).
pub(crate) fn spaces(input: &str) -> IResult<&str, &str> {
    take_while1(char::is_whitespace).parse(input)
}

/// Whether `text` starts with `prefix` in any ASCII case. Compares byte by byte and stops at the
/// first difference, which for most texts is the first byte.
pub(crate) fn starts_with_ignore_case(text: &str, prefix: &str) -> bool {
    text.len() >= prefix.len()
        && text
            .bytes()
            .zip(prefix.bytes())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// Whether `text` holds `needle` (lower-case ASCII) in any ASCII case: the places holding its
/// first letter, found by a vectorised search, are compared.
pub(crate) fn contains_ignore_case(text: &str, needle: &str) -> bool {
    let bytes = text.as_bytes();
    let Some(&first) = needle.as_bytes().first() else {
        return true;
    };
    memchr::memchr2_iter(first, first.to_ascii_uppercase(), bytes).any(|at| {
        bytes
            .get(at..at + needle.len())
            .is_some_and(|word| word.eq_ignore_ascii_case(needle.as_bytes()))
    })
}

/// Whether `text` ends with `suffix` in any ASCII case, compared from the last byte back.
pub(crate) fn ends_with_ignore_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text
            .bytes()
            .rev()
            .zip(suffix.bytes().rev())
            .all(|(a, b)| a.eq_ignore_ascii_case(&b))
}

/// Whether a byte belongs to a word as an ASCII `\b` sees it: a letter, digit or `_`.
pub(crate) fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// `word` in any ASCII case (`Section`, `SECTION`): nom's `tag_no_case` compares with full
/// Unicode lower-casing, which costs more than the rest of a small grammar.
pub(crate) fn tag_ascii_no_case<'a>(
    word: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = Error<&'a str>> {
    move |input: &'a str| {
        if starts_with_ignore_case(input, word) {
            // The bytes matched are ASCII, so the split falls between characters.
            let (head, rest) = input.split_at(word.len());
            Ok((rest, head))
        } else {
            Err(nom::Err::Error(Error::new(input, ErrorKind::Tag)))
        }
    }
}

/// The value of `one` to `twelve`, in any ASCII case.
pub(crate) fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Whether `c` is an invisible format character that scraped pages carry inside words and labels:
/// zero-width spaces and joiners, direction marks and embeddings, the word joiner, a byte-order
/// mark, a soft hyphen.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// `text` without its [invisible](is_invisible) characters, borrowed when it has none. Their
/// encodings all start with one of three bytes, so only the places holding one are looked at.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let invisible_at = |at: usize| match bytes.get(at..) {
        Some([0xc2, 0xad, ..]) | Some([0xef, 0xbb, 0xbf, ..]) => true,
        Some([0xe2, 0x80, b, ..]) => matches!(b, 0x8b..=0x8f | 0xaa..=0xae),
        Some([0xe2, 0x81, b, ..]) => matches!(b, 0xa0..=0xa4 | 0xa6..=0xa9),
        _ => false,
    };
    if !memchr::memchr3_iter(0xc2, 0xe2, 0xef, bytes).any(invisible_at) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(text.chars().filter(|&c| !is_invisible(c)).collect())
}

/// Where the byte at `offset` of `visible` (which [`visible`] made of `text`) lies in `text`:
/// the same offset when nothing was left out, else counted again (the end of `text` for an
/// offset at or past the end).
pub(crate) fn offset_in(text: &str, visible: &str, offset: usize) -> usize {
    if visible.len() == text.len() {
        return offset;
    }
    let mut seen = 0;
    for (at, c) in text.char_indices() {
        if is_invisible(c) {
            continue;
        }
        if seen >= offset {
            return at;
        }
        seen += c.len_utf8();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_word_in_any_case() {
        assert!(contains_ignore_case(
            "We will not INVESTIGATE",
            "investigat"
        ));
        assert!(contains_ignore_case("an Investigation", "investigat"));
        assert!(!contains_ignore_case("in vestigate", "investigat"));
        assert!(!contains_ignore_case("investiga", "investigat"));
        assert!(contains_ignore_case("", ""));
    }

    #[test]
    fn reads_spaces_and_number_words() {
        assert_eq!(spaces(" \u{a0}x"), Ok(("x", " \u{a0}")));
        assert!(spaces("x").is_err());
        assert_eq!(
            tag_ascii_no_case("section").parse("SECTIONs 2"),
            Ok(("s 2", "SECTION"))
        );
        assert!(tag_ascii_no_case("section").parse("sect").is_err());
        assert!(tag_ascii_no_case("é").parse("É").is_err());
        assert!(starts_with_ignore_case("Back to top", "BACK"));
        assert!(starts_with_ignore_case("x", ""));
        assert!(!starts_with_ignore_case("Ba", "back"));
        assert!(ends_with_ignore_case(
            "On behalf of the OMBUDSMAN",
            "ombudsman"
        ));
        assert!(!ends_with_ignore_case("man", "ombudsman"));
        assert_eq!(number_word("Four"), Some(4));
        assert_eq!(number_word("twelve"), Some(12));
        assert_eq!(number_word("thirteen"), None);
    }
}
