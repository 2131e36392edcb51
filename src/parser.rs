//! The front door: one input (bytes or text) in, every decision statement it holds out, as the
//! `lgsco` program reads a file: decoded (byte-order marks, UTF-16, a legacy encoding), its kind
//! told (web page, Markdown, wrapped text, …) and, when it holds several statements, split
//! into them with their spans moved to point into the whole text.

use std::borrow::Cow;

use crate::decode::{Encoding, decode};
use crate::error::ParseError;
use crate::input;
use crate::model::Decision;
use crate::statements::statements;

/// How [`Parser`] reads its input.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum InputKind {
    /// Told from the input itself, as [`crate::parse`] does: a web page when it opens as one
    /// (`<!DOCTYPE html`, `<html`), else Markdown, wrapped or plain text by its lines. The
    /// program reads standard input and every file not named `.html`/`.htm` so.
    #[default]
    Auto,
    /// Text, whatever it holds: never read as a web page (Markdown, wrapped lines and
    /// misdecoded UTF-8 are still told and read as [`InputKind::Auto`] reads them).
    Text,
    /// A web page, however it opens, as [`crate::parse_html`] reads it; the program reads files
    /// named `.html`/`.htm` so. Without the `html` feature it is read as [`InputKind::Auto`].
    Html,
}

/// Parses inputs as the `lgsco` program parses each file, with options.
///
/// ```
/// let one = std::fs::read_to_string("corpus/knowsley-22-014-796.txt")?;
/// let other = std::fs::read_to_string("corpus/norfolk-20-005-547.txt")?;
/// let both = format!("{one}\n{other}");
/// let parsed = lgsco::Parser::new().parse(both.as_bytes())?;
/// assert_eq!(parsed.decisions.len(), 2);
/// let second = parsed.decisions[1].as_ref().unwrap();
/// assert_eq!(second.reference.as_deref(), Some("20 005 547"));
/// // The spans point into the whole input, which `text` holds.
/// let title = second.spans.organisation.unwrap();
/// assert!(title.start > one.len());
/// assert!(parsed.text[title.range()].starts_with(second.organisation.as_deref().unwrap()));
///
/// let alone = lgsco::Parser::new().split_statements(false).parse_str(&both);
/// assert_eq!(alone.decisions.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Parser {
    encoding: Option<&'static Encoding>,
    kind: InputKind,
    split: bool,
}

impl Default for Parser {
    fn default() -> Self {
        Parser::new()
    }
}

/// What [`Parser`] read from one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed<'a> {
    /// One result per statement, in the order they stand in the input: one for an input of
    /// one statement (or of none, an `Err`).
    pub decisions: Vec<Result<Decision, ParseError>>,
    /// The text the records' spans refer to: the decoded input, or for a web page, Markdown or
    /// other text lgsco rewrites, the text derived from it ([`crate::derived_text`]).
    pub text: Cow<'a, str>,
}

impl Parser {
    /// A parser that reads UTF-8 and UTF-16 (with a byte-order mark), tells the input's kind
    /// from the input, and splits an input holding several statements.
    pub fn new() -> Parser {
        Parser {
            encoding: None,
            kind: InputKind::Auto,
            split: true,
        }
    }

    /// Decodes bytes that are not UTF-8 with `legacy` (`Encoding::for_label(b"windows-1252")`)
    /// instead of failing with [`crate::ErrorKind::InvalidUtf8`].
    pub fn encoding(mut self, legacy: Option<&'static Encoding>) -> Parser {
        self.encoding = legacy;
        self
    }

    /// Reads inputs as `kind` ([`InputKind::Auto`] unless said).
    pub fn kind(mut self, kind: InputKind) -> Parser {
        self.kind = kind;
        self
    }

    /// Whether a text holding several statements (see [`crate::statements`]) gives one record
    /// each (the default) or is read as one statement.
    pub fn split_statements(mut self, split: bool) -> Parser {
        self.split = split;
        self
    }

    /// Decodes `bytes` (see [`crate::decode`]) and parses the text. `Err` only when the bytes
    /// cannot be decoded.
    ///
    /// ```
    /// let err = lgsco::Parser::new().parse(b"Summary: ok \xff").unwrap_err();
    /// assert_eq!(err.position(), Some(12));
    /// let latin = lgsco::Parser::new().encoding(lgsco::Encoding::for_label(b"windows-1252"));
    /// let parsed = latin.parse(b"Summary: Mr Q complained about \x93fees\x94.\nThe complaint\nMr Q says so.")?;
    /// assert!(parsed.text.contains("\u{201c}fees\u{201d}"));
    /// # Ok::<(), lgsco::ParseError>(())
    /// ```
    pub fn parse<'a>(&self, bytes: &'a [u8]) -> Result<Parsed<'a>, ParseError> {
        Ok(match decode(bytes, self.encoding)? {
            Cow::Borrowed(text) => self.parse_str(text),
            Cow::Owned(text) => {
                let Parsed {
                    decisions,
                    text: read,
                } = self.parse_str(&text);
                let derived = match read {
                    // The decoded text itself.
                    Cow::Borrowed(_) => None,
                    Cow::Owned(derived) => Some(derived),
                };
                Parsed {
                    decisions,
                    text: Cow::Owned(derived.unwrap_or(text)),
                }
            }
        })
    }

    /// Parses `text`, which needs no decoding.
    pub fn parse_str<'a>(&self, text: &'a str) -> Parsed<'a> {
        let tell = |text: &str| match self.kind {
            InputKind::Text => input::InputKind::of_plain(text),
            #[cfg(feature = "html")]
            InputKind::Html => input::InputKind::Html,
            _ => input::InputKind::of(text),
        };
        let html = cfg!(feature = "html") && self.kind == InputKind::Html;
        if self.split && !html {
            let ranges = statements(text);
            // A text lgsco rewrites (Markdown, wrapped lines) is read as one statement; telling
            // that is left to the reading unless the text holds several.
            if ranges.len() > 1 && matches!(input::derive(text, tell(text)).text, Cow::Borrowed(_))
            {
                let decisions = ranges
                    .into_iter()
                    .map(|range| {
                        let part = &text[range.clone()];
                        let mut decision = crate::read(part, tell(part))?;
                        decision.offset_spans(range.start);
                        Ok(decision)
                    })
                    .collect();
                return Parsed {
                    decisions,
                    text: Cow::Borrowed(text),
                };
            }
        }
        let (decision, text) = crate::read_keeping(text, tell(text));
        Parsed {
            decisions: vec![decision],
            text,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Layout;

    const STATEMENT: &str = "Example Council (23 001 002)\n\
        Summary: Mr Q complained about transport.\n\
        The complaint\n\
        - Mr Q complains the Council refused transport.\n";

    #[test]
    fn reads_as_the_kind_it_is_told() {
        let page = format!(
            "<html><body><p>{}</p></body></html>",
            STATEMENT.replace('\n', "</p><p>")
        );
        let auto = Parser::new().parse_str(&page);
        assert_eq!(auto.decisions[0].as_ref().unwrap().layout, Layout::Html);
        assert!(!auto.text.contains("<p>"));
        // Read as text, the markup stays in the text read (and this page is no statement then).
        let text = Parser::new().kind(InputKind::Text).parse_str(&page);
        assert!(!matches!(&text.decisions[0], Ok(d) if d.layout == Layout::Html));
        assert!(text.text.contains("<p>"));
        let fragment = "<p>Summary: Mr Q complained.</p><h2>The complaint</h2><p>It was late.</p>";
        let html = Parser::new().kind(InputKind::Html).parse_str(fragment);
        assert_eq!(html.decisions[0].as_ref().unwrap().layout, Layout::Html);
    }

    #[test]
    fn decodes_bytes_and_keeps_the_text_the_spans_refer_to() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(STATEMENT.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let parsed = Parser::new().parse(&utf16).unwrap();
        assert_eq!(parsed.text, STATEMENT);
        let decision = parsed.decisions[0].as_ref().unwrap();
        let span = decision.spans.summary.unwrap();
        assert!(parsed.text[span.range()].starts_with("Mr Q complained"));
        assert_eq!(
            Parser::new().parse(b"\xff").unwrap_err().kind(),
            crate::ErrorKind::InvalidUtf8
        );
    }

    #[test]
    fn splits_several_statements_only_when_asked() {
        let other = STATEMENT.replace("Example Council (23 001 002)", "Other Council (23 009 009)");
        let closing = "\nInvestigator's decision on behalf of the Ombudsman\n";
        let both = format!("{STATEMENT}{closing}{other}{closing}");
        let split = Parser::new().parse_str(&both);
        assert_eq!(split.decisions.len(), 2);
        let second = split.decisions[1].as_ref().unwrap();
        assert_eq!(second.reference.as_deref(), Some("23 009 009"));
        let title = second.spans.reference.unwrap();
        assert_eq!(&both[title.range()], "23 009 009");
        let whole = Parser::new().split_statements(false).parse_str(&both);
        assert_eq!(whole.decisions.len(), 1);
        assert_eq!(Parser::new().parse_str("").decisions.len(), 1);
        assert!(Parser::new().parse_str("").decisions[0].is_err());
    }
}
