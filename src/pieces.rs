//! The pieces of text a paragraph is made of (its own line and its items), borrowed from the
//! input with their offsets, and their sentences.

use crate::model::{Paragraph, Section, Span};

/// A run of the input's text with its offset and the paragraph number it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Piece<'a> {
    pub text: &'a str,
    pub start: usize,
    pub paragraph: Option<u32>,
}

impl<'a> Piece<'a> {
    /// The span of `text[start..end]` in the input.
    pub fn span(&self, start: usize, end: usize) -> Span {
        Span::new(self.start + start, self.start + end)
    }

    /// The span of the whole piece.
    pub fn whole(&self) -> Span {
        self.span(0, self.text.len())
    }
}

/// The text of `span` in `input` as a piece outside any numbered paragraph (the summary).
pub(crate) fn unnumbered(input: &str, span: Span) -> Option<Piece<'_>> {
    Some(Piece {
        text: input.get(span.range())?,
        start: span.start,
        paragraph: None,
    })
}

/// A paragraph's own text (after its list marker), as a piece of `input`.
pub(crate) fn lead<'a>(input: &'a str, paragraph: &Paragraph) -> Piece<'a> {
    let piece = |start: usize, len: usize| {
        input.get(start..start + len).map(|text| Piece {
            text,
            start,
            paragraph: paragraph.number,
        })
    };
    input
        .get(paragraph.span.range())
        .and_then(|outer| find_near_start(outer, &paragraph.text))
        .and_then(|at| piece(paragraph.span.start + at, paragraph.text.len()))
        .or_else(|| piece(paragraph.span.start, 0))
        .unwrap_or(Piece {
            text: "",
            start: 0,
            paragraph: paragraph.number,
        })
}

/// Where `needle` first occurs in `haystack`, as `str::find` says, but looking first at the few
/// bytes a list marker takes: a paragraph's text is its first line after the marker, and building
/// a substring searcher for every paragraph would cost more than the rest of the lookup.
fn find_near_start(haystack: &str, needle: &str) -> Option<usize> {
    const MARKER_BYTES: usize = 16;
    let (bytes, first) = (haystack.as_bytes(), needle.as_bytes().first());
    (0..=haystack.len().min(MARKER_BYTES))
        .find(|&at| {
            // The first byte rules out most places before the whole comparison is made.
            (first.is_none() || bytes.get(at) == first)
                && haystack.is_char_boundary(at)
                && bytes[at..].starts_with(needle.as_bytes())
        })
        .or_else(|| haystack.find(needle))
}

/// A paragraph's items, as pieces of `input`.
pub(crate) fn items<'a>(input: &'a str, paragraph: &Paragraph) -> impl Iterator<Item = Piece<'a>> {
    paragraph.items.iter().filter_map(move |item| {
        Some(Piece {
            text: input.get(item.span.range())?,
            start: item.span.start,
            paragraph: paragraph.number,
        })
    })
}

/// A paragraph's own text followed by its items.
pub(crate) fn all<'a>(input: &'a str, paragraph: &Paragraph) -> impl Iterator<Item = Piece<'a>> {
    std::iter::once(lead(input, paragraph)).chain(items(input, paragraph))
}

/// Every piece of every paragraph of `sections`, in order.
pub(crate) fn of_sections<'a, 's>(
    input: &'a str,
    sections: impl IntoIterator<Item = &'s Section>,
) -> impl Iterator<Item = Piece<'a>> {
    sections
        .into_iter()
        .flat_map(|s| &s.paragraphs)
        .flat_map(move |p| all(input, p))
}

/// The pieces that hold one of `starts` (ascending offsets in the input where something was found
/// by one search over the whole input) with `len` bytes after it inside the piece: where a rare
/// literal lies, so that a closer reading need not search every piece for it.
pub(crate) fn holding<'p, 'a>(
    pieces: &'p [Piece<'a>],
    starts: &'p [usize],
    len: usize,
) -> impl Iterator<Item = &'p Piece<'a>> {
    pieces.iter().filter(move |piece| {
        // The first start inside the piece is the one that can fit; a binary search finds it.
        let first = starts.partition_point(|&at| at < piece.start);
        starts
            .get(first)
            .is_some_and(|&at| at + len <= piece.start + piece.text.len())
    })
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "e.g", "i.e", "etc", "no", "para", "s", "ss", "st", "vs",
];

/// The sentences of a piece: split after `.`, `!` or `?` (and any closing quote or bracket)
/// where whitespace and a capital letter, digit or quote follow, except after abbreviations.
pub(crate) fn sentences<'a>(piece: &Piece<'a>) -> Vec<Piece<'a>> {
    let text = piece.text;
    let mut out = Vec::new();
    let mut start = 0;
    for i in memchr::memchr3_iter(b'.', b'!', b'?', text.as_bytes()) {
        // The mark is one ASCII byte; closing quotes and brackets belong to its sentence.
        let after_mark = &text[i + 1..];
        let closed = after_mark.trim_start_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
        let end = text.len() - closed.len();
        let next = closed.trim_start();
        let gap = closed.len() - next.len();
        let starts_sentence = next.chars().next().is_some_and(|q| {
            q.is_uppercase()
                || q.is_ascii_digit()
                || matches!(q, '"' | '\u{201c}' | '\u{2018}' | '(')
        });
        if gap == 0
            || !starts_sentence
            || (text.as_bytes()[i] == b'.' && ends_with_abbreviation(&text[start..i]))
        {
            continue;
        }
        out.push(piece_of(piece, start, end));
        start = end + gap;
    }
    if start < text.len() {
        out.push(piece_of(piece, start, text.len()));
    }
    out
}

/// Whether the last word of `text` is an abbreviation that a full stop does not end a sentence
/// after (`Mr.`, `e.g.`).
fn ends_with_abbreviation(text: &str) -> bool {
    let word = text
        .split_whitespace()
        .next_back()
        .unwrap_or("")
        .trim_start_matches(|q: char| !q.is_alphanumeric());
    ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.eq_ignore_ascii_case(word))
}

fn piece_of<'a>(piece: &Piece<'a>, start: usize, end: usize) -> Piece<'a> {
    Piece {
        text: piece.text.get(start..end).unwrap_or(""),
        start: piece.start + start,
        paragraph: piece.paragraph,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_sentences_with_spans() {
        let input = "  1. This was fault. Ms X said (i.e. twice) \u{201c}late.\u{201d} Mr Y agreed! 2019 came.";
        let piece = Piece {
            text: &input[5..],
            start: 5,
            paragraph: Some(1),
        };
        let found: Vec<_> = sentences(&piece).iter().map(|s| s.text).collect();
        assert_eq!(
            found,
            [
                "This was fault.",
                "Ms X said (i.e. twice) \u{201c}late.\u{201d}",
                "Mr Y agreed!",
                "2019 came."
            ]
        );
        for s in sentences(&piece) {
            assert_eq!(&input[s.whole().range()], s.text);
        }
    }
}
