//! Lines of a plain-text rendering (Markdown, a hard-wrapped dump, one line per text node) put
//! back together into blocks: a line a reader's rule says continues the one before it is joined
//! to it, list items nest by their indentation, and each block is written to [`Numbered`].
//!
//! ```text
//!   1. Ms X complained the Council            →    1. Ms X complained the Council delayed.
//!      delayed.                                       • It did.
//!      * It did.
//! ```

use super::numbered::Numbered;
use crate::segment::markers::{Marker, marker};

/// What a line is, as a reader classed it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A blank line (or one a reader leaves out, such as a Markdown rule): it ends a block.
    Blank,
    /// A heading: it ends any list, and a line joins it only when the reader's rule says so.
    Heading,
    /// A list item's first line; its text starts at column `content`.
    Item { ordered: bool, content: usize },
    /// Any other line.
    Text,
}

/// One line of the rendering.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Piece<'a> {
    pub kind: Kind,
    /// Leading spaces (a tab counts as four).
    pub indent: usize,
    /// The line's width in characters, indentation included.
    pub columns: usize,
    /// The text without indentation, list marker or heading marks.
    pub text: &'a str,
}

/// How a joined line meets the line before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Joint {
    /// With a space: the line was broken at a space.
    Space,
    /// Directly: the break fell between two text nodes (`found on` + `our website` + `.`).
    Tight,
}

/// Classes a line as a list item when it starts with a list marker (`1.`, `1)`, `*`, `-`, `+`,
/// `•`; not an en dash, which wrapped sentences start lines with), else as text. Letters in brackets (`(a)`) are text: they are how statements letter
/// their own points.
pub(crate) fn list_or_text(line: &str) -> Piece<'_> {
    Piece {
        columns: columns(line),
        ..list_or_text_unmeasured(line)
    }
}

/// The width of `line` in characters, its indentation counted as [`Piece::indent`] is.
pub(crate) fn columns(line: &str) -> usize {
    let (indentation, body) = split_indentation(line);
    indent_width(indentation) + body.chars().count()
}

/// [`list_or_text`] without the line's width (`columns` is 0), for a reader that compares only
/// where lines and their texts start: counting a line's characters is most of the cost.
pub(crate) fn list_or_text_unmeasured(line: &str) -> Piece<'_> {
    let (indentation, body) = split_indentation(line);
    let indent = indent_width(indentation);
    // `o`, html2text's bullet for a nested list, is a bullet in its renderings only.
    let html2text_bullet = body.strip_prefix('o').filter(|rest| rest.starts_with(' '));
    // A dash of punctuation (`–`) starting a wrapped line is not a bullet.
    let kind = match (
        marker(body).filter(|_| !body.starts_with('–')),
        html2text_bullet,
    ) {
        (Some((Marker::Number, skip)), _) => Some((true, skip)),
        (Some((Marker::Bullet | Marker::Dash, skip)), _) => Some((false, skip)),
        (_, Some(rest)) => Some((false, body.len() - rest.trim_start().len())),
        _ => None,
    };
    match kind {
        Some((ordered, skip)) if skip < body.len() => Piece {
            kind: Kind::Item {
                ordered,
                content: indent + body[..skip].chars().count(),
            },
            indent,
            columns: 0,
            text: body[skip..].trim_end(),
        },
        _ => Piece {
            kind: if body.trim().is_empty() {
                Kind::Blank
            } else {
                Kind::Text
            },
            indent,
            columns: 0,
            text: body.trim_end(),
        },
    }
}

/// A line's indentation (its leading spaces and tabs) and the rest of it.
#[inline]
pub(crate) fn split_indentation(line: &str) -> (&str, &str) {
    line.split_at(
        line.bytes()
            .take_while(|&b| b == b' ' || b == b'\t')
            .count(),
    )
}

/// The width of a line's indentation, its leading spaces and tabs (a tab counts as four).
pub(crate) fn indent_width(indentation: &str) -> usize {
    indentation
        .bytes()
        .map(|b| if b == b'\t' { 4 } else { 1 })
        .sum()
}

/// The block being gathered.
struct Open {
    /// `None` for a paragraph, else the item's depth and whether it is numbered.
    item: Option<(usize, bool)>,
    /// The column the block's text lines start at.
    content: usize,
    text: String,
}

/// Puts `pieces` together into blocks and writes them to `out`, each block's text passed through
/// `inline` first. `joins(previous line, line, next line, under item)` says whether a line
/// continues the line before it (it is asked only for a text line right after a line of an open
/// block; `under item` when it starts at the column of the open list item's text).
/// Returns whether any line was joined.
pub(crate) fn assemble(
    pieces: &[Piece<'_>],
    joins: impl Fn(&Piece<'_>, &Piece<'_>, Option<&Piece<'_>>, bool) -> Option<Joint>,
    inline: impl Fn(&str) -> String,
    out: &mut Numbered,
) -> bool {
    let mut open: Option<Open> = None;
    // The content columns of the list items around the current line, outermost first.
    let mut lists: Vec<usize> = Vec::new();
    let mut joined = false;
    let mut after_blank = false;
    let flush = |open: &mut Option<Open>, out: &mut Numbered| {
        if let Some(block) = open.take() {
            let text = inline(&block.text);
            match block.item {
                Some((depth, ordered)) => out.item(depth, ordered, &text),
                None => out.text(&text),
            }
        }
    };
    for (i, piece) in pieces.iter().enumerate() {
        let previous = i.checked_sub(1).and_then(|p| pieces.get(p));
        match piece.kind {
            Kind::Blank => {
                after_blank = true;
                continue;
            }
            Kind::Heading => {
                flush(&mut open, out);
                lists.clear();
                open = Some(Open {
                    item: None,
                    content: piece.indent,
                    text: piece.text.to_string(),
                });
            }
            Kind::Item { ordered, content } => {
                flush(&mut open, out);
                while lists.last().is_some_and(|&c| piece.indent < c) {
                    lists.pop();
                }
                open = Some(Open {
                    item: Some((lists.len(), ordered)),
                    content,
                    text: piece.text.to_string(),
                });
                lists.push(content);
            }
            Kind::Text => {
                let joint = match (&mut open, previous) {
                    (Some(block), Some(previous)) if !after_blank => {
                        let under_item = block.item.is_some() && piece.indent == block.content;
                        joins(previous, piece, pieces.get(i + 1), under_item)
                    }
                    // A paragraph of a list item after a blank line, indented as its text (a
                    // line indented otherwise, such as a centred title, is not).
                    (Some(block), _) if block.item.is_some() && piece.indent == block.content => {
                        Some(Joint::Space)
                    }
                    _ => None,
                };
                match (joint, &mut open) {
                    (Some(joint), Some(block)) => {
                        if joint == Joint::Space {
                            block.text.push(' ');
                        }
                        block.text.push_str(piece.text);
                        joined = true;
                    }
                    _ => {
                        flush(&mut open, out);
                        while lists.last().is_some_and(|&c| piece.indent < c) {
                            lists.pop();
                        }
                        open = Some(Open {
                            item: None,
                            content: piece.indent,
                            text: piece.text.to_string(),
                        });
                    }
                }
            }
        }
        after_blank = false;
    }
    flush(&mut open, out);
    joined
}

/// Whether `piece` starts at the column the text of the line above starts at: a rule for readers
/// that join only lines indented as the text above them.
pub(crate) fn continues_indent(previous: &Piece<'_>, piece: &Piece<'_>) -> bool {
    match previous.kind {
        Kind::Item { content, .. } => piece.indent == content,
        _ => piece.indent == previous.indent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_measures_lines() {
        let item = list_or_text("\t 12. Ms X’s complaint ");
        assert_eq!(
            item.kind,
            Kind::Item {
                ordered: true,
                content: 9
            }
        );
        assert_eq!((item.indent, item.columns), (5, 26));
        assert_eq!(item.text, "Ms X’s complaint");
        // Unmeasured, the same but for the width.
        let unmeasured = list_or_text_unmeasured("\t 12. Ms X’s complaint ");
        assert_eq!(
            (unmeasured.kind, unmeasured.indent, unmeasured.text),
            (item.kind, item.indent, item.text)
        );
        assert_eq!(columns("  – text"), 8);
        assert_eq!(split_indentation(" \t\u{a0}x "), (" \t", "\u{a0}x "));
        assert_eq!(list_or_text("  – text").kind, Kind::Text);
        assert_eq!(list_or_text(" \t ").kind, Kind::Blank);
    }
}
