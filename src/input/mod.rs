//! What scrapers hand over, turned into the text the parser reads: web pages, Markdown,
//! hard-wrapped text and text with one line per text node are each rewritten into the numbered
//! layout (see [`numbered`]); text already in one of the layouts the parser reads passes through
//! untouched. The record's spans then refer to this derived text, which
//! [`derived_text`](crate::derived_text) returns and `lgsco --text` prints.

mod blocks;
#[cfg(feature = "html")]
mod html;
mod markdown;
mod misdecoded;
mod nodes;
mod numbered;
mod rewrap;

use std::borrow::Cow;

use crate::model::{Layout, Warning, WarningKind};
use numbered::Numbered;

/// Characters that close what comes before them (a text node starting with one continues the
/// sentence before it).
const CLOSING: &[char] = &[',', '.', ';', ':', ')', ']', '’', '”', '?', '!'];

/// Characters that open what follows them.
const OPENING: &[char] = &['(', '[', '‘', '“'];

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
        if misdecoded::is_misdecoded(text) {
            return InputKind::Misdecoded;
        }
        InputKind::of_text(text)
    }

    /// Tells the kind of `text` that is neither a web page nor mis-decoded by its lines.
    fn of_text(text: &str) -> InputKind {
        let lines = lines_of(text);
        if markdown::looks_like_markdown(text, &lines) {
            InputKind::Markdown
        } else if nodes::looks_split(&lines) {
            InputKind::Split
        } else if let Some(width) = rewrap::wrap_width(&lines) {
            InputKind::Wrapped(width)
        } else if rewrap::numbers_out_of_place(&lines) || rewrap::has_reference_list(&lines) {
            InputKind::Indented
        } else {
            InputKind::Text
        }
    }
}

/// The lines of `text`, as [`str::lines`] gives them (a `\r` is dropped only before `\n`), found
/// in one pass and shared by every test of the input's kind.
pub(crate) fn lines_of(text: &str) -> Vec<&str> {
    let mut lines = Vec::with_capacity(text.len() / 48 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        let line = &text[start..end];
        lines.push(line.strip_suffix('\r').unwrap_or(line));
        start = end + 1;
    }
    if start < text.len() {
        lines.push(&text[start..]);
    }
    lines
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
            html::read(text, &mut out);
            (Some(Layout::Html), false, String::new())
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
    fn lines_are_those_str_lines_gives() {
        for text in [
            "",
            "a",
            "a\n",
            "a\r\nb\r\n",
            "a\rb\n\n\nc\r",
            "\n\n",
            "x\r\n\r\ny",
        ] {
            assert_eq!(lines_of(text), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
    }
}
