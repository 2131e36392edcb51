//! The statement as its readers see it, built once after segmentation: the sections with their
//! heading roles, and the summary and every paragraph's text and items as pieces of the input,
//! each knowing its section, with its sentences split once, when a reader first asks for them.
//! Complainant, findings, remedies, dates, legislation and sharing each read this document: a
//! reader picks pieces (all of them, those of the sections it reads, those holding a word found
//! in the whole input) and reads their sentences, split once however many readers ask.

use std::cell::OnceCell;

use crate::headings::{self, RoledSection};
use crate::model::{Paragraph, Section, Span};
use crate::pieces::{self, Piece};

/// Where a piece lies in the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The index of its section; `None` for the summary and the preamble.
    pub section: Option<usize>,
    /// Which paragraph it belongs to, counted through the whole document (the summary is none).
    pub paragraph: Option<usize>,
    /// Whether it is an item under its paragraph's own text.
    pub item: bool,
}

/// The summary and the body, as pieces of the input, with the sections' roles.
#[derive(Debug)]
pub(crate) struct Document<'a> {
    /// The text parsed; every piece borrows from it.
    pub input: &'a str,
    /// The body's sections with the roles their headings name, in order.
    pub sections: Vec<RoledSection<'a>>,
    /// The summary (if any), then each paragraph's text followed by its items, in order.
    pieces: Vec<Piece<'a>>,
    places: Vec<Place>,
    sentences: Vec<OnceCell<Vec<Piece<'a>>>>,
}

impl<'a> Document<'a> {
    /// The document of a statement whose summary is at `summary` in `input`, with the preamble
    /// and sections segmentation found.
    pub fn new(
        input: &'a str,
        summary: Option<Span>,
        preamble: &'a [Paragraph],
        sections: &'a [Section],
    ) -> Self {
        // One piece for the summary, each paragraph's own text and each item: room for all.
        let count = 1 + preamble
            .iter()
            .chain(sections.iter().flat_map(|s| &s.paragraphs))
            .map(|p| 1 + p.items.len())
            .sum::<usize>();
        let mut document = Document {
            input,
            sections: headings::with_roles(sections),
            pieces: Vec::with_capacity(count),
            places: Vec::with_capacity(count),
            sentences: Vec::new(),
        };
        if let Some(summary) = summary.and_then(|span| pieces::unnumbered(input, span)) {
            document.push(summary, None, None, false);
        }
        let paragraphs = preamble.iter().map(|p| (None, p)).chain(
            sections
                .iter()
                .enumerate()
                .flat_map(|(i, s)| s.paragraphs.iter().map(move |p| (Some(i), p))),
        );
        for (index, (section, paragraph)) in paragraphs.enumerate() {
            let piece = |span: Span| Piece {
                text: input.get(span.range()).unwrap_or_default(),
                start: span.start,
                paragraph: paragraph.number,
            };
            document.push(piece(paragraph.text_span), section, Some(index), false);
            for item in &paragraph.items {
                document.push(piece(item.span), section, Some(index), true);
            }
        }
        document.sentences = document.pieces.iter().map(|_| OnceCell::new()).collect();
        document
    }

    fn push(
        &mut self,
        piece: Piece<'a>,
        section: Option<usize>,
        paragraph: Option<usize>,
        item: bool,
    ) {
        self.pieces.push(piece);
        self.places.push(Place {
            section,
            paragraph,
            item,
        });
    }

    /// Every piece, the summary first.
    pub fn pieces(&self) -> &[Piece<'a>] {
        &self.pieces
    }

    /// Where the piece at `index` lies.
    pub fn place(&self, index: usize) -> Place {
        self.places[index]
    }

    /// The index of the summary's piece, if the statement has a summary.
    pub fn summary_index(&self) -> Option<usize> {
        self.places
            .first()
            .is_some_and(|place| place.paragraph.is_none())
            .then_some(0)
    }

    /// The summary, if the statement has one.
    pub fn summary(&self) -> Option<&Piece<'a>> {
        self.summary_index().map(|i| &self.pieces[i])
    }

    /// The summary's sentences (none without a summary).
    pub fn summary_sentences(&self) -> &[Piece<'a>] {
        self.summary_index().map_or(&[], |i| self.sentences(i))
    }

    /// The sentences of the piece at `index`, split the first time they are asked for.
    pub fn sentences(&self, index: usize) -> &[Piece<'a>] {
        self.sentences[index].get_or_init(|| pieces::sentences(&self.pieces[index]))
    }

    /// The indices of the pieces in the sections `chosen` marks (by section index), in order.
    pub fn in_sections<'d>(&'d self, chosen: &'d [bool]) -> impl Iterator<Item = usize> + 'd {
        self.places.iter().enumerate().filter_map(|(i, place)| {
            let section = place.section?;
            chosen.get(section).copied().unwrap_or(false).then_some(i)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Summary: Mr Q complained. It was late.\n\
        The complaint\n\
        - Mr Q says the bus was late. He missed school.\n\
        Agreed action\n\
        - Within one month the Council will:\n\
        - apologise to Mr Q; and\n\
        - pay Mr Q £100.\n";

    #[test]
    fn pieces_borrow_the_input_with_their_places_and_sentences() {
        let decision = crate::parse(TEXT).unwrap();
        let doc = Document::new(
            TEXT,
            decision.spans.summary,
            &decision.preamble,
            &decision.sections,
        );
        let texts: Vec<&str> = doc.pieces().iter().map(|p| p.text).collect();
        assert_eq!(texts[0], "Mr Q complained. It was late.");
        assert_eq!(texts[1], "Mr Q says the bus was late. He missed school.");
        for piece in doc.pieces() {
            assert_eq!(&TEXT[piece.whole().range()], piece.text);
        }
        assert_eq!(doc.summary_index(), Some(0));
        assert_eq!(doc.summary_sentences().len(), 2);
        assert_eq!(doc.sentences(1)[1].text, "He missed school.");
        let actions: Vec<usize> = doc.in_sections(&[false, true]).collect();
        assert!(actions.len() >= 2);
        assert!(actions.iter().all(|&i| doc.place(i).section == Some(1)));
        assert!(doc.place(*actions.last().unwrap()).item || actions.len() == 3);
    }
}
