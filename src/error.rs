//! Errors for input that cannot be read as a decision statement at all.

use std::fmt;

/// Why a text could not be parsed as a decision statement.
///
/// ```
/// let err = lgsco::parse("Shopping list: eggs, milk").unwrap_err();
/// assert_eq!(err.kind(), lgsco::ErrorKind::NotADecision);
/// assert!(err.to_string().contains("not a decision statement"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    kind: ErrorKind,
    position: Option<usize>,
    /// Which bound a [`ErrorKind::PageTooComplex`] page passed.
    detail: Option<&'static str>,
}

/// The kinds of [`ParseError`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is empty or only whitespace.
    Empty,
    /// The input has none of the marks of a decision statement: a title line with a reference,
    /// `Category`/`Decision`/`Decision date` header lines, `Summary:`, or the final decision line.
    NotADecision,
    /// The bytes are not valid UTF-8; the position is the offset of the first invalid byte.
    InvalidUtf8,
    /// A web page past the bounds lgsco reads pages within (elements open at once, attributes
    /// on one element, elements in all, the work of building its tree), which no statement
    /// comes near: it is refused unparsed, in time linear in its size, so that no page can stall
    /// a run. The position is the byte where the bound was passed.
    PageTooComplex,
}

impl ParseError {
    pub(crate) fn new(kind: ErrorKind, position: Option<usize>) -> Self {
        ParseError {
            kind,
            position,
            detail: None,
        }
    }

    /// An [`ErrorKind::Empty`] error for a web page with no text outside its furniture.
    #[cfg(feature = "html")]
    pub(crate) fn empty_page() -> Self {
        ParseError {
            kind: ErrorKind::Empty,
            position: None,
            detail: Some(
                "the web page has no text once its navigation, banners, other furniture and hidden elements are left out",
            ),
        }
    }

    /// A [`ErrorKind::PageTooComplex`] error: the page passed the bound `detail` at byte `at`.
    #[cfg(feature = "html")]
    pub(crate) fn page_too_complex(detail: &'static str, at: usize) -> Self {
        ParseError {
            kind: ErrorKind::PageTooComplex,
            position: Some(at),
            detail: Some(detail),
        }
    }

    /// What went wrong.
    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    /// The byte offset the error refers to, when it has one.
    pub fn position(&self) -> Option<usize> {
        self.position
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Empty => match self.detail {
                Some(detail) => write!(f, "empty input: no text to parse ({detail})"),
                None => write!(f, "empty input: no text to parse"),
            },
            ErrorKind::NotADecision => write!(
                f,
                "not a decision statement: no title line with a reference, no header lines, \
                 no `Summary:` and no `The Ombudsman's final decision` line"
            ),
            ErrorKind::InvalidUtf8 => match self.position {
                Some(at) => write!(f, "invalid UTF-8 at byte {at}"),
                None => write!(f, "invalid UTF-8"),
            },
            ErrorKind::PageTooComplex => write!(
                f,
                "web page not read: {} (at byte {}); no statement's page comes near that, and \
                 such a page could stall the run",
                self.detail
                    .unwrap_or("past the bounds pages are read within"),
                self.position.unwrap_or(0)
            ),
        }
    }
}

impl std::error::Error for ParseError {}
