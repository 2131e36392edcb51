//! What scrapers hand over, turned into the text the parser reads: web pages, Markdown,
//! hard-wrapped text and text with one line per text node are each rewritten into the numbered
//! layout (see [`numbered`]); text already in one of the layouts the parser reads passes through
//! untouched. The record's spans then refer to this derived text, which
//! [`derived_text`](crate::derived_text) returns and `lgsco --text` prints.

mod blocks;
#[cfg(feature = "html")]
mod html;
#[cfg(feature = "html")]
pub(crate) use html::within_bounds as html_within_bounds;
mod markdown;
mod misdecoded;
mod nodes;
mod numbered;
mod rewrap;

use std::borrow::Cow;
use std::cell::LazyCell;

use crate::model::{Layout, Warning, WarningKind};
use numbered::Numbered;

/// Characters that close what comes before them (a text node starting with one continues the
/// sentence before it).
const CLOSING: [char; 10] = [',', '.', ';', ':', ')', ']', '’', '”', '?', '!'];

/// Characters that open what follows them.
const OPENING: [char; 4] = ['(', '[', '‘', '“'];

/// The text to parse, with what reading it inferred.
#[derive(Debug)]
pub(crate) struct Derived<'a> {
    /// The input itself, or the text derived from it.
    pub text: Cow<'a, str>,
    /// The layout to report instead of the one the parser sees in the derived text.
    pub layout: Option<Layout>,
    /// Warnings saying what was repaired: text decoded again, lines joined.
    pub warnings: Vec<Warning>,
}

/// The kind of input `text` is, told from the text itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InputKind {
    /// A web page (`<!DOCTYPE html` or `<html` at the start).
    #[cfg(feature = "html")]
    Html,
    /// Markdown: `#` headings, `**bold**`, `[text](url)` links.
    Markdown,
    /// One line per text node: sentences broken at each link or emphasis.
    Split,
    /// Lines hard-wrapped at this width.
    Wrapped(usize),
    /// A text rendering whose numbered paragraphs all stand where the numbered layout's do not
    /// (indented as sub-items, as inscriptis writes nested page elements, or at the margin, as
    /// `pandoc --wrap=none` does), or that ends with lynx's list of link addresses: its lists are
    /// read by their indentation (and lynx's `[12]` markers dropped).
    Indented,
    /// Text whose UTF-8 was read as Latin-1 (`â\u{80}\u{99}` for `’`): read as the kind it is as
    /// written, then decoded again.
    Misdecoded,
    /// Text in a layout the parser reads as it is.
    Text,
}

impl InputKind {
    /// Tells the kind of `text`.
    pub(crate) fn of(text: &str) -> InputKind {
        #[cfg(feature = "html")]
        if html::looks_like_html(text) {
            return InputKind::Html;
        }
        InputKind::of_plain(text)
    }

    /// Tells the kind of `text` known not to be a web page (it is read as text whatever it holds).
    pub(crate) fn of_plain(text: &str) -> InputKind {
        if misdecoded::is_misdecoded(text) {
            return InputKind::Misdecoded;
        }
        InputKind::of_text(text)
    }

    /// Tells the kind of `text` that is neither a web page nor mis-decoded by its lines.
    fn of_text(text: &str) -> InputKind {
        let tests = LineTests::of(text);
        // The tests that need every line at hand, run only when the pass allows them an answer.
        let lines = LazyCell::new(|| lines_of(text));
        if (tests.starts_as_mark || markdown::has_inline_mark(text))
            && markdown::looks_like_markdown(text)
        {
            InputKind::Markdown
        } else if tests.split.looks_split() {
            InputKind::Split
        } else if tests.mid_sentence.may_be_wrapped()
            && let Some(width) = rewrap::wrap_width(&lines)
        {
            InputKind::Wrapped(width)
        } else if tests.numbers.out_of_place()
            || tests.fenced_headings >= 2
            || (tests.references_line && rewrap::has_reference_list(&lines))
        {
            InputKind::Indented
        } else {
            InputKind::Text
        }
    }
}

/// A line of the input as the tests of its kind read it.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Line<'a> {
    /// The line, as [`str::lines`] gives it.
    pub text: &'a str,
    /// The line without its indentation (leading spaces and tabs).
    pub body: &'a str,
    /// The line without white space at either end.
    pub trimmed: &'a str,
}

impl<'a> Line<'a> {
    /// The line `text`, as [`lines`] gives it.
    #[inline]
    pub(crate) fn new(text: &'a str) -> Line<'a> {
        let (_, body) = blocks::split_indentation(text);
        Line {
            text,
            body,
            trimmed: trim(body),
        }
    }

    /// The line's leading spaces and tabs.
    pub(crate) fn indentation(&self) -> &'a str {
        &self.text[..self.text.len() - self.body.len()]
    }
}

/// `text` without white space at either end, as [`str::trim`] gives it: most lines are empty or
/// start and end with an ASCII character that is not white space, and are told by those bytes.
fn trim(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(first), Some(last)) if !(first.is_ascii_graphic() && last.is_ascii_graphic()) => {
            text.trim()
        }
        _ => text,
    }
}

/// What the tests of the input's kind gather from its lines, in one pass over them rather than a
/// pass each, as the passes were most of their cost (each test's rule is in its module).
#[derive(Debug, Default)]
struct LineTests<'a> {
    /// Whether a line starts as a Markdown mark does ([`markdown::starts_as_mark`]).
    starts_as_mark: bool,
    /// The evidence of a line per text node.
    split: nodes::SplitTally,
    /// The lines going on mid-sentence, which a wrapped text has.
    mid_sentence: rewrap::MidSentence<'a>,
    /// Where the numbered list lines stand.
    numbers: rewrap::NumberPlaces,
    /// Whether a line is lynx's `References` heading, which [`rewrap::has_reference_list`] needs.
    references_line: bool,
    /// Headings fenced whole on their line as html2text writes them (`***** The complaint
    /// *****`): text not wrapped (`-width 1000`) is read by its indentation, fences taken off.
    fenced_headings: usize,
}

impl<'a> LineTests<'a> {
    /// Runs every test over the lines of `text`.
    fn of(text: &'a str) -> LineTests<'a> {
        let mut tests = LineTests::default();
        for line in lines(text).map(Line::new) {
            tests.starts_as_mark |= markdown::starts_as_mark(line);
            tests.split.add(line);
            tests.mid_sentence.add(line);
            tests.numbers.add(line);
            tests.references_line |= rewrap::is_references_heading(line.trimmed);
            tests.fenced_headings += usize::from(rewrap::is_fenced_heading(line.trimmed));
        }
        tests
    }
}

/// What a per-line tally of the kind pass (`add` a line at a time to a `T`) makes of `text`.
#[cfg(test)]
pub(crate) fn tally<'a, T: Default>(text: &'a str, add: impl Fn(&mut T, Line<'a>)) -> T {
    let mut tally = T::default();
    lines(text)
        .map(Line::new)
        .for_each(|line| add(&mut tally, line));
    tally
}

/// The lines of `text`, as [`str::lines`] gives them (a `\r` is dropped only before `\n`), each
/// line's end found by a vectorised search.
pub(crate) fn lines(text: &str) -> Lines<'_> {
    Lines { rest: text }
}

/// The iterator [`lines`] returns.
pub(crate) struct Lines<'a> {
    /// The text after the lines given so far.
    rest: &'a str,
}

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        if self.rest.is_empty() {
            return None;
        }
        // An empty line (between paragraphs) is common, and told without a search.
        let end = match self.rest.as_bytes() {
            [b'\n', ..] => Some(0),
            rest => memchr::memchr(b'\n', rest),
        };
        let line = match end {
            Some(end) => {
                let line = &self.rest[..end];
                self.rest = &self.rest[end + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut self.rest),
        };
        Some(line)
    }
}

/// The lines of `text`, as [`lines`] gives them, for the readers that look back and ahead.
pub(crate) fn lines_of(text: &str) -> Vec<&str> {
    let mut lines_of = Vec::with_capacity(text.len() / 48 + 1);
    lines_of.extend(lines(text));
    lines_of
}

/// Reads `text` as `kind` into the text to parse.
pub(crate) fn derive(text: &str, kind: InputKind) -> Derived<'_> {
    let mut out = Numbered::default();
    let (layout, joined, what) = match kind {
        InputKind::Misdecoded => {
            // Read as the kind it is as written (its wrapping was measured in the characters
            // it shows), then decoded again.
            let mut inner = derive(text, InputKind::of_text(text));
            let Some(text) = misdecoded::redecoded(&inner.text) else {
                return inner;
            };
            let warning = Warning {
                kind: WarningKind::Misdecoded,
                message: "the text's UTF-8 had been read as Latin-1 (`â€™` for `’`): it was decoded again"
                    .into(),
                span: None,
            };
            inner.warnings.insert(0, warning);
            return Derived {
                text: Cow::Owned(text),
                layout: inner.layout,
                warnings: inner.warnings,
            };
        }
        InputKind::Text => {
            return Derived {
                text: Cow::Borrowed(text),
                layout: None,
                warnings: Vec::new(),
            };
        }
        #[cfg(feature = "html")]
        InputKind::Html => {
            let titles = html::read(text, &mut out);
            let warning = Warning {
                kind: WarningKind::TwoTitles,
                message: format!(
                    "the page shows {titles} top-level headings (`h1`): the first was read as the title"
                ),
                span: None,
            };
            return Derived {
                text: Cow::Owned(out.finish()),
                layout: Some(Layout::Html),
                warnings: Vec::from_iter((titles > 1).then_some(warning)),
            };
        }
        InputKind::Markdown => (
            Some(Layout::Markdown),
            markdown::read(text, &mut out),
            "lines of a Markdown paragraph were joined".to_string(),
        ),
        InputKind::Split => (
            None,
            nodes::read(text, &mut out),
            "the text has a line per text node of the page: lines were joined into their sentences"
                .to_string(),
        ),
        InputKind::Wrapped(width) => (
            None,
            rewrap::read(text, Some(width), &mut out),
            format!("the text is wrapped at {width} columns: wrapped lines were joined"),
        ),
        InputKind::Indented => (
            None,
            rewrap::read(text, None, &mut out),
            "lists were read by their indentation; lines of a paragraph were joined".to_string(),
        ),
    };
    Derived {
        text: Cow::Owned(out.finish()),
        layout,
        warnings: Vec::from_iter(joined.then_some(Warning {
            kind: WarningKind::LinesRejoined,
            message: what,
            span: None,
        })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_each_kind_of_text() {
        let kind = |text: &str| InputKind::of(text);
        assert_eq!(
            kind("Summary: a.\n\nThe complaint\n\n  1. b (c).\n  2. d.\n"),
            InputKind::Text
        );
        assert_eq!(
            kind("# Title\n\n**A :** b\n\nsee [x](y)\n"),
            InputKind::Markdown
        );
        assert_eq!(kind("a (\nb\n) c\nd\n, e\n"), InputKind::Split);
        let full = "x ".repeat(30);
        assert_eq!(
            kind(&format!("{full}\nand on\n").repeat(3)),
            InputKind::Wrapped(60)
        );
        assert_eq!(kind("1.  a\n2.  b\n3.  c\n"), InputKind::Indented);
        assert_eq!(
            kind("****** A (1) ******\nx\n***** B *****\n   1. c\n*** D ***\n   2. e\n"),
            InputKind::Indented
        );
        assert_eq!(
            kind("a [1]b\n\nReferences\n\n   1. https://x.org/\n"),
            InputKind::Indented
        );
    }

    #[test]
    fn trims_as_str_trim_does() {
        for text in [
            "",
            " ",
            "a",
            " a\t",
            "a.",
            "\u{a0}a",
            "a\u{2003}",
            "‘a’",
            "\r\n",
        ] {
            assert_eq!(trim(text), text.trim(), "{text:?}");
        }
    }

    #[test]
    fn lines_are_those_str_lines_gives() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "a\rb\n\n\nc\r",
            "\n\n",
            "x\r\n\r\ny",
            "\r\n\r",
            "a\r",
        ] {
            assert_eq!(lines_of(text), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }
}
