//! Small pieces the grammars share: runs of whitespace, and numbers written as words.

use nom::{IResult, Parser, bytes::complete::take_while1};

const NUMBER_WORDS: [&str; 12] = [
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve",
];

/// One or more whitespace characters (no-break spaces included).
pub(crate) fn spaces(input: &str) -> IResult<&str, &str> {
    take_while1(char::is_whitespace).parse(input)
}

/// The value of `one` to `twelve`, in any ASCII case.
pub(crate) fn number_word(word: &str) -> Option<u32> {
    NUMBER_WORDS
        .iter()
        .position(|n| n.eq_ignore_ascii_case(word))
        .and_then(|i| u32::try_from(i + 1).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_spaces_and_number_words() {
        assert_eq!(spaces(" \u{a0}x"), Ok(("x", " \u{a0}")));
        assert!(spaces("x").is_err());
        assert_eq!(number_word("Four"), Some(4));
        assert_eq!(number_word("twelve"), Some(12));
        assert_eq!(number_word("thirteen"), None);
    }
}
