//! Text hard-wrapped at a fixed width (`pandoc -t plain` at 72 columns, `lynx -dump` at about
//! 80), with list continuation lines indented under the item's text: each paragraph and item is
//! joined back into one line. A line is joined to the one above only when it starts where the
//! text above it starts (or, in a list item, where the item's text starts) and the line above is
//! full (the first word of the line would not have fitted on it) or blocks are set apart by blank
//! lines; title and header lines are never joined. So headings, header lines and list items stay
//! apart. Lynx's `[12]` link markers and
//! its closing `References` list of addresses are left out.
//!
//! ```text
//!     1. Miss X complains the Council         →    1. Miss X complains the Council failed.
//!        failed.
//! ```

use super::blocks::{Joint, Kind, Piece, assemble, continues_indent, list_or_text};
use super::numbered::Numbered;
use crate::header::{is_head_line, is_summary_line};

/// The narrowest and widest wrapping widths recognised.
const WIDTHS: std::ops::RangeInclusive<usize> = 50..=100;

/// How many full lines, continued by a line starting in lower case, show a text is wrapped.
const EVIDENCE: usize = 3;

/// The width `text` is wrapped at, when it is hard-wrapped: the widest line that another line
/// goes on from is at most [`WIDTHS`] wide, and at least [`EVIDENCE`] full lines go on
/// mid-sentence on the next line.
pub(crate) fn wrap_width(lines: &[&str]) -> Option<usize> {
    if !may_go_on_mid_sentence(lines) {
        return None;
    }
    let pieces: Vec<Piece<'_>> = without_references(lines)
        .iter()
        .map(|line| list_or_text(line))
        .collect();
    // The widest line that another line goes on from; a line standing alone (a heading some
    // converters do not wrap) does not count.
    let width = pieces
        .windows(2)
        .filter(|pair| pair[1].kind == Kind::Text && continues_indent(&pair[0], &pair[1]))
        .map(|pair| pair[0].columns)
        .max()?;
    if !WIDTHS.contains(&width) {
        return None;
    }
    let evidence = pieces
        .windows(2)
        .filter(|pair| {
            is_full(&pair[0], &pair[1], width)
                && continues_indent(&pair[0], &pair[1])
                && pair[1].text.starts_with(|c: char| c.is_lowercase())
        })
        .count();
    (evidence >= EVIDENCE).then_some(width)
}

/// Whether at least [`EVIDENCE`] lines go on from the line above at its indentation with text
/// starting in lower case: what a wrapped text must have, looked for cheaply (most lines start
/// with a capital or a list marker and are ruled out by their first bytes) before the lines are
/// measured.
fn may_go_on_mid_sentence(lines: &[&str]) -> bool {
    let mut previous: Option<&str> = None;
    let mut count = 0;
    for &line in lines {
        let body = line.trim_start_matches([' ', '\t']);
        // No list marker starts with a capital, and only `a)` with a lower-case letter: most
        // lines are told by their first character; the exact test below is for the few left.
        let goes_on_in_lower_case = match body.chars().next() {
            None => false,
            Some(c) if c.is_uppercase() => false,
            Some(c) if c.is_lowercase() && !body[c.len_utf8()..].starts_with(')') => true,
            // A marker holds no space: an item's text is what follows its first space.
            Some(_) => body
                .split_once(char::is_whitespace)
                .is_some_and(|(_, rest)| rest.trim_start().starts_with(char::is_lowercase)),
        };
        if goes_on_in_lower_case
            && let Some(above) = previous
            && list_or_text(line).text.starts_with(char::is_lowercase)
            && continues_indent(&list_or_text(above), &list_or_text(line))
        {
            count += 1;
            if count >= EVIDENCE {
                return true;
            }
        }
        previous = Some(line);
    }
    false
}

/// Whether `line` was broken because the first word of `next` would not have fitted on it.
fn is_full(line: &Piece<'_>, next: &Piece<'_>, width: usize) -> bool {
    let word = next.text.split(' ').next().unwrap_or_default();
    line.columns + 1 + word.chars().count() > width
}

/// Whether blocks are set apart by blank lines (at least one line in ten is blank): then every
/// line of a block goes on from the one above, wrapped or not, as the block is one paragraph.
fn blocks_set_apart(pieces: &[Piece<'_>]) -> bool {
    pieces.iter().filter(|p| p.kind == Kind::Blank).count() * 10 >= pieces.len()
}

/// Whether every numbered list line of `text` (at least [`EVIDENCE`] of them) is indented more
/// than the numbered layout's paragraphs are (`       1. text`, as inscriptis writes a list
/// nested in page elements), so that the parser would read them all as sub-items.
pub(crate) fn numbers_all_indented(lines: &[&str]) -> bool {
    // A numbered item starts with a digit; other lines are not measured.
    let mut numbered = lines
        .iter()
        .filter(|line| {
            line.trim_start_matches([' ', '\t'])
                .starts_with(|c: char| c.is_ascii_digit())
        })
        .map(|line| list_or_text(line))
        .filter(|p| matches!(p.kind, Kind::Item { ordered: true, .. }))
        .peekable();
    numbered.peek().is_some()
        && numbered
            .try_fold(0, |count, p| (p.indent > 4).then_some(count + 1))
            .is_some_and(|count| count >= EVIDENCE)
}

/// Reads text wrapped at `width` (`None`: not wrapped) into `out`; returns whether lines were
/// joined. A line joins the one above when it starts where that one's text starts (or under a
/// list item's text) and the one above was full or blocks are set apart by blank lines; a title
/// or header line never joins or is joined.
pub(crate) fn read(text: &str, width: Option<usize>, out: &mut Numbered) -> bool {
    let lines = super::lines_of(text);
    let kept = without_references(&lines);
    let has_references = kept.len() < lines.len();
    let pieces: Vec<Piece<'_>> = kept.iter().map(|line| list_or_text(line)).collect();
    let set_apart = blocks_set_apart(&pieces);
    assemble(
        &pieces,
        |line, next, _, under_item| {
            let head = is_head_line(line.text) || starts_head_line(next.text);
            let continues = (under_item || continues_indent(line, next))
                && (set_apart || width.is_some_and(|width| is_full(line, next, width)));
            (continues && !head).then_some(Joint::Space)
        },
        |block| {
            if has_references {
                without_link_markers(block)
            } else {
                block.to_string()
            }
        },
        out,
    )
}

/// Whether a line starts like a title, header or summary line (with a capital: a wrapped
/// sentence can go on with `decision: …`).
fn starts_head_line(line: &str) -> bool {
    line.starts_with(char::is_uppercase) && (is_head_line(line) || is_summary_line(line))
}

/// The lines up to lynx's closing list of link addresses (a `References` line followed by
/// numbered addresses), or all of them.
fn without_references<'l, 'a>(lines: &'l [&'a str]) -> &'l [&'a str] {
    for (i, line) in lines.iter().enumerate() {
        if line.trim() == "References" {
            let next_filled = lines[i + 1..]
                .iter()
                .map(|l| l.trim())
                .find(|l| !l.is_empty());
            let is_address = next_filled.is_some_and(|l| {
                l.split_once(". ")
                    .is_some_and(|(n, rest)| n.parse::<u32>().is_ok() && rest.contains(':'))
            });
            if is_address {
                return &lines[..i];
            }
        }
    }
    lines
}

/// `text` without lynx's `[12]` link markers.
fn without_link_markers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let digits = rest[open + 1..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let close = open + 1 + digits;
        out.push_str(&rest[..open]);
        if digits > 0 && rest.as_bytes().get(close) == Some(&b']') {
            rest = &rest[close + 1..];
        } else {
            out.push('[');
            rest = &rest[open + 1..];
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_lines_and_drops_link_markers() {
        let text = "   Summary: We find the Council at fault for failing to complete the\n   \
                    statutory procedure and closing her complaint. The Council has\n   \
                    re-started the procedure. It will also make a [3]payment to Miss X\n   \
                    and apologise to her.\n\nThe complaint\n\n    1. Miss X complains the \
                    Council failed to complete the statutory\n       children’s complaints \
                    procedure.\n\nReferences\n\n   3. https://example.org/\n";
        // The widest line another line goes on from.
        let widest = "   re-started the procedure. It will also make a [3]payment to Miss X";
        let width = wrap_width(&super::super::lines_of(text)).expect("wrapped");
        assert_eq!(width, widest.len());
        let mut out = Numbered::default();
        assert!(read(text, Some(width), &mut out));
        assert_eq!(
            out.finish(),
            "Summary: We find the Council at fault for failing to complete the statutory \
             procedure and closing her complaint. The Council has re-started the procedure. It \
             will also make a payment to Miss X and apologise to her.\n\nThe complaint\n\n  1. \
             Miss X complains the Council failed to complete the statutory children’s \
             complaints procedure.\n"
        );
    }

    #[test]
    fn leaves_short_separate_lines_alone() {
        assert_eq!(
            wrap_width(&super::super::lines_of(
                "Decision : Upheld\nDecision date : 1 May 2024\n"
            )),
            None
        );
        let long = "x ".repeat(80);
        assert_eq!(
            wrap_width(&super::super::lines_of(&format!(
                "{long}\nand more\nand more\nand more\n"
            ))),
            None
        );
    }
}
