//! Pieces of the input's text (the summary, a paragraph's own text, an item) with their offsets
//! and paragraph numbers, and their sentences.

use crate::model::Span;

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

/// The indices of the pieces that hold one of `starts` (ascending offsets in the input where
/// something was found by one search over the whole input) with `len` bytes after it inside the
/// piece: where a rare literal lies, so that a closer reading need not search every piece for it.
pub(crate) fn holding<'p>(
    pieces: &'p [Piece<'_>],
    starts: &'p [usize],
    len: usize,
) -> impl Iterator<Item = usize> + 'p {
    pieces.iter().enumerate().filter_map(move |(i, piece)| {
        // The first start inside the piece is the one that can fit; a binary search finds it.
        let first = starts.partition_point(|&at| at < piece.start);
        starts
            .get(first)
            .is_some_and(|&at| at + len <= piece.start + piece.text.len())
            .then_some(i)
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
        if let Some((end, next)) = boundary(text, i) {
            out.push(piece_of(piece, start, end));
            start = next;
        }
    }
    if start < text.len() {
        out.push(piece_of(piece, start, text.len()));
    }
    out
}

/// The sentence of a piece (one that [`sentences`] gives) holding byte `at` of its text, found
/// by looking only as far as the marks that end it either side; `None` when `at` lies between
/// two sentences or past the end.
pub(crate) fn sentence_holding<'a>(piece: &Piece<'a>, at: usize) -> Option<Piece<'a>> {
    let text = piece.text;
    let (before, after) = text.as_bytes().split_at_checked(at)?;
    let start = memchr::memrchr3_iter(b'.', b'!', b'?', before)
        .find_map(|i| boundary(text, i))
        .map_or(0, |(_, next)| next);
    let end = memchr::memchr3_iter(b'.', b'!', b'?', after)
        .find_map(|i| boundary(text, at + i))
        .map_or(text.len(), |(end, _)| end);
    (start <= at && at < end).then(|| piece_of(piece, start, end))
}

/// Whether the mark (`.`, `!` or `?`) at byte `i` of `text` ends a sentence: then where that
/// sentence ends (after its closing quotes and brackets) and where the next starts. It is told
/// by the text around the mark alone: a sentence starts after whitespace, so the last word
/// before the mark is the same in its sentence and in the whole text.
fn boundary(text: &str, i: usize) -> Option<(usize, usize)> {
    let after_mark = &text[i + 1..];
    // Most marks are followed by one space and an ASCII character, or by a letter or digit
    // (`e.g`, `1.5`): those are told by their bytes.
    let (end, next) = match after_mark.as_bytes() {
        [b' ', next, ..] if next.is_ascii_graphic() => {
            starts_sentence(char::from(*next)).then_some((i + 1, i + 2))?
        }
        [next, ..] if next.is_ascii_alphanumeric() => return None,
        _ => {
            // The mark is one ASCII byte; closing quotes and brackets belong to its sentence.
            let closed = after_mark.trim_start_matches(['"', '\'', ')', '\u{201d}', '\u{2019}']);
            let end = text.len() - closed.len();
            let next = closed.trim_start();
            let gap = closed.len() - next.len();
            (gap > 0 && next.chars().next().is_some_and(starts_sentence))
                .then_some((end, end + gap))?
        }
    };
    let abbreviated = text.as_bytes()[i] == b'.' && ends_with_abbreviation(&text[..i]);
    (!abbreviated).then_some((end, next))
}

/// Whether a sentence may start with `first`: a capital letter, a digit, a quote or a bracket.
fn starts_sentence(first: char) -> bool {
    first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(first, '"' | '\u{201c}' | '\u{2018}' | '(')
}

/// Whether the last word of `text` is an abbreviation that a full stop does not end a sentence
/// after (`Mr.`, `e.g.`).
fn ends_with_abbreviation(text: &str) -> bool {
    // Most words end with an ASCII character that no abbreviation ends with.
    if let Some(&last) = text.as_bytes().last()
        && last.is_ascii_graphic()
        && !ABBREVIATIONS
            .iter()
            .any(|abbreviation| abbreviation.as_bytes().last() == Some(&last.to_ascii_lowercase()))
    {
        return false;
    }
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

    #[test]
    fn finds_the_sentence_holding_each_byte_as_the_split_does() {
        let text =
            "Mr. X said \u{201c}no.\u{201d} 2019 came. (i.e. late) A b? \u{e9}. St. C.  D! e";
        let piece = Piece {
            text,
            start: 3,
            paragraph: None,
        };
        let split = sentences(&piece);
        for at in 0..=text.len() {
            let holding = split
                .iter()
                .find(|s| (s.start..s.start + s.text.len()).contains(&(piece.start + at)));
            assert_eq!(sentence_holding(&piece, at).as_ref(), holding, "{at}");
        }
    }
}
