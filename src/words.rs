//! Small pieces the grammars share: runs of whitespace, and numbers written as words.

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

/// `word` in any ASCII case (`Section`, `SECTION`): nom's `tag_no_case` compares with full
/// Unicode lower-casing, which costs more than the rest of a small grammar.
pub(crate) fn tag_ascii_no_case<'a>(
    word: &'static str,
) -> impl Parser<&'a str, Output = &'a str, Error = Error<&'a str>> {
    move |input: &'a str| match input.get(..word.len()) {
        Some(head) if head.eq_ignore_ascii_case(word) => Ok((&input[word.len()..], head)),
        _ => Err(nom::Err::Error(Error::new(input, ErrorKind::Tag))),
    }
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
        assert_eq!(
            tag_ascii_no_case("section").parse("SECTIONs 2"),
            Ok(("s 2", "SECTION"))
        );
        assert!(tag_ascii_no_case("section").parse("sect").is_err());
        assert!(tag_ascii_no_case("é").parse("É").is_err());
        assert_eq!(number_word("Four"), Some(4));
        assert_eq!(number_word("twelve"), Some(12));
        assert_eq!(number_word("thirteen"), None);
    }
}
