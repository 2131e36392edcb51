//! Blocks and sections: the headings, paragraphs and items read from the body lines, grouped
//! into the preamble and sections with continuous paragraph numbers and heading levels.

use crate::headings::level_and_container;
use crate::lines::Line;
use crate::model::{Item, Paragraph, Section, Span};

/// A block of the body before sections are formed.
#[derive(Debug)]
enum Block<'a> {
    Heading {
        line: Line<'a>,
        after_back_to_top: bool,
        /// What [`is_known_heading`](crate::headings::is_known_heading) says of the line, read once.
        known_level: Option<u8>,
        /// Whether the heading is a main section that usually holds sub-headings.
        holds_sub_headings: bool,
    },
    Paragraph(Para<'a>),
}

/// A paragraph's line (its text `skip` bytes in), whether it is numbered, and its item lines.
#[derive(Debug)]
pub(super) struct Para<'a> {
    line: Line<'a>,
    skip: usize,
    counted: bool,
    items: Vec<(Line<'a>, usize)>,
}

impl<'a> Para<'a> {
    fn new(line: Line<'a>, skip: usize, counted: bool) -> Self {
        Para {
            line,
            skip,
            counted,
            items: Vec::new(),
        }
    }

    /// The text of the paragraph's last line: its own, or its last item's.
    pub(super) fn last_text(&self) -> &str {
        self.items
            .last()
            .map_or(self.line.text, |(l, skip)| &l.text[*skip..])
    }
}

/// Collects blocks, attaching items to the paragraph before them.
#[derive(Debug)]
pub(super) struct Blocks<'a> {
    blocks: Vec<Block<'a>>,
    after_back_to_top: bool,
}

impl<'a> Blocks<'a> {
    /// Room for `lines` blocks: a block per line at most spares regrowing the vector.
    pub(super) fn with_capacity(lines: usize) -> Self {
        Blocks {
            blocks: Vec::with_capacity(lines),
            after_back_to_top: false,
        }
    }

    /// Notes a `Back to top` line: the next heading starts a main section, unless the line
    /// comes right after a heading (a page that links back to the top under every heading
    /// separates nothing there).
    pub(super) fn back_to_top(&mut self) {
        if !matches!(self.blocks.last(), Some(Block::Heading { .. })) {
            self.after_back_to_top = true;
        }
    }

    /// Adds a heading line.
    pub(super) fn heading(&mut self, line: Line<'a>) {
        let after_back_to_top = std::mem::take(&mut self.after_back_to_top);
        let (known_level, holds_sub_headings) = level_and_container(line.text);
        self.blocks.push(Block::Heading {
            line,
            after_back_to_top,
            known_level,
            holds_sub_headings,
        });
    }

    /// Adds a paragraph whose text starts `skip` bytes into `line`, numbered when `counted`.
    pub(super) fn paragraph(&mut self, line: Line<'a>, skip: usize, counted: bool) {
        self.after_back_to_top = false;
        self.blocks
            .push(Block::Paragraph(Para::new(line, skip, counted)));
    }

    /// Adds an item to the paragraph before it (or, with none, starts a paragraph of it).
    pub(super) fn item(&mut self, line: Line<'a>, skip: usize) {
        match self.blocks.last_mut() {
            Some(Block::Paragraph(para)) => para.items.push((line, skip)),
            _ => self.paragraph(line, skip, false),
        }
    }

    /// The last block, if it is a paragraph.
    pub(super) fn last_paragraph(&self) -> Option<&Para<'a>> {
        match self.blocks.last() {
            Some(Block::Paragraph(para)) => Some(para),
            _ => None,
        }
    }
}

/// The paragraph a [`Para`] makes, numbered `number`.
fn paragraph_from(para: Para<'_>, number: Option<u32>) -> Paragraph {
    let end = para
        .items
        .last()
        .map_or(para.line.span.end, |(l, _)| l.span.end);
    Paragraph {
        number,
        text: para.line.text[para.skip..].to_string(),
        text_span: para.line.sub_span(para.skip, para.line.text.len()),
        // Most paragraphs have no items, and an empty list needs no collecting.
        items: if para.items.is_empty() {
            Vec::new()
        } else {
            para.items
                .into_iter()
                .map(|(line, skip)| Item {
                    text: line.text[skip..].to_string(),
                    span: line.sub_span(skip, line.text.len()),
                })
                .collect()
        },
        span: Span::new(para.line.span.start, end),
    }
}

/// Groups the blocks under their headings, numbers paragraphs and assigns heading levels: the
/// preamble (paragraphs before the first heading) and the sections.
pub(super) fn into_sections(blocks: Blocks<'_>) -> (Vec<Paragraph>, Vec<Section>) {
    let blocks = blocks.blocks;
    let uses_back_to_top = blocks.iter().any(|b| {
        matches!(
            b,
            Block::Heading {
                after_back_to_top: true,
                ..
            }
        )
    });
    let mut preamble = Vec::new();
    let mut sections: Vec<Section> = Vec::new();
    let mut number = 0u32;
    let mut inside_container = false;
    for block in blocks {
        match block {
            Block::Heading {
                line,
                after_back_to_top,
                known_level,
                holds_sub_headings,
            } => {
                let first = sections.is_empty();
                // Copies with `Back to top` lines show where the website's main sections start;
                // others are read from the template: before `What I found` (or `My assessment`)
                // every heading is a main section, inside it unknown headings are sub-headings.
                let main = known_level == Some(1)
                    || if uses_back_to_top {
                        after_back_to_top || first
                    } else {
                        !inside_container
                    };
                inside_container |= holds_sub_headings;
                sections.push(Section {
                    heading: line.text.to_string(),
                    level: if main { 1 } else { 2 },
                    span: line.span,
                    paragraphs: Vec::new(),
                });
            }
            Block::Paragraph(para) => {
                let counted = para.counted.then(|| {
                    number = number.saturating_add(1);
                    number
                });
                let paragraph = paragraph_from(para, counted);
                match sections.last_mut() {
                    Some(section) => section.paragraphs.push(paragraph),
                    None => preamble.push(paragraph),
                }
            }
        }
    }
    (preamble, sections)
}
