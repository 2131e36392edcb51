//! Text hard-wrapped at a fixed width (`pandoc -t plain` at 72 columns, `lynx -dump` at about
//! 80), with list continuation lines indented under the item's text: each paragraph and item is
//! joined back into one line. A line is joined to the one above only when it starts where the
//! text above it starts (or, in a list item, where the item's text starts) and the line above is
//! full (the first word of the line would not have fitted on it) or blocks are set apart by blank
//! lines; title and header lines are never joined. So headings, header lines and list items stay
//! apart. Lynx's `[12]` link markers and its closing `References` list of addresses are left
//! out.
//!
//! ```text
//!     1. Miss X complains the Council         →    1. Miss X complains the Council failed.
//!        failed.
//! ```

use std::borrow::Cow;

use super::Line;
use super::blocks::{
    Joint, Kind, Piece, assemble, columns, continues_indent, indent_width, list_or_text,
    list_or_text_unmeasured,
};
use super::numbered::Numbered;
use crate::header::{is_head_line, is_summary_line};
use crate::segment::markers::{Marker, marker};

/// The narrowest and widest wrapping widths recognised.
const WIDTHS: std::ops::RangeInclusive<usize> = 50..=100;

/// How many full lines, continued by a line starting in lower case, show a text is wrapped.
const EVIDENCE: usize = 3;

/// The width `text` is wrapped at, when it is hard-wrapped: the widest line that another line
/// goes on from is at most [`WIDTHS`] wide, and at least [`EVIDENCE`] full lines go on
/// mid-sentence on the next line. [`MidSentence`] rules most texts out in the pass over the lines
/// before this measures them.
pub(crate) fn wrap_width(lines: &[&str]) -> Option<usize> {
    let lines = without_references(lines);
    let pieces: Vec<Piece<'_>> = lines
        .iter()
        .map(|line| list_or_text_unmeasured(line))
        .collect();
    // Pairs of lines where the second goes on at the column of the first's text: only their
    // first lines are measured, as counting a line's characters is most of the cost.
    let going_on = || {
        lines
            .windows(2)
            .zip(pieces.windows(2))
            .filter(|(_, pair)| continues_indent(&pair[0], &pair[1]))
    };
    // The widest line that another line goes on from; a line standing alone (a heading some
    // converters do not wrap) does not count.
    let width = going_on()
        .filter(|(_, pair)| pair[1].kind == Kind::Text)
        .map(|(lines, _)| list_or_text(lines[0]).columns)
        .max()?;
    if !WIDTHS.contains(&width) {
        return None;
    }
    let evidence = going_on()
        .filter(|(lines, pair)| {
            pair[1].text.starts_with(|c: char| c.is_lowercase())
                && is_full(&list_or_text(lines[0]), &pair[1], width)
        })
        .count();
    (evidence >= EVIDENCE).then_some(width)
}

/// The lines that go on from a full line above at its indentation with text starting in lower
/// case, counted line by line up to [`EVIDENCE`]: a wrapped text has that many (each line of
/// evidence [`wrap_width`] counts is one of them), and they are looked for cheaply (most lines
/// start with a capital or a list marker and are ruled out by their first bytes) before the
/// lines are measured.
#[derive(Debug, Default)]
pub(crate) struct MidSentence<'a> {
    above: Option<&'a str>,
    count: usize,
}

impl<'a> MidSentence<'a> {
    /// Counts `line` when it goes on from the line before.
    #[inline]
    pub(crate) fn add(&mut self, line: Line<'a>) {
        if let Some(above) = self.above.replace(line.text)
            && self.count < EVIDENCE
            && may_start_in_lower_case(line.body)
            && goes_on_in_lower_case(above, line.text)
        {
            self.count += 1;
        }
    }

    /// Whether at least [`EVIDENCE`] lines went on mid-sentence: else [`wrap_width`] finds no
    /// width.
    pub(crate) fn may_be_wrapped(&self) -> bool {
        self.count >= EVIDENCE
    }
}

/// Whether the text of a line (`body`, without its indentation) may start in lower case: most
/// lines are told by their first character (no list marker starts with a capital, and only `a)`
/// with a lower-case letter), the few left by the exact test of [`goes_on_in_lower_case`].
#[inline]
fn may_start_in_lower_case(body: &str) -> bool {
    match body.chars().next() {
        None => false,
        Some(c) if c.is_uppercase() => false,
        Some(c) if c.is_lowercase() && !body[c.len_utf8()..].starts_with(')') => true,
        // A list marker's text is what follows it; a line that starts otherwise is its text.
        // A marker's text is the line's second word on (see [`after_first_word`]): a line whose
        // second word starts otherwise (as a numbered paragraph's does) needs no marker read.
        Some(_) => after_first_word(body).starts_with(char::is_lowercase),
    }
}

/// `text` after its first word and the white space after that: where a list marker's text
/// starts, as a marker holds no white space and white space follows it.
fn after_first_word(text: &str) -> &str {
    // Most first words are ASCII and followed by one space and a character that is not white
    // space: those are told by their bytes.
    let word = text.bytes().take_while(u8::is_ascii_graphic).count();
    match text.as_bytes().get(word..word + 2) {
        Some([b' ', next]) if next.is_ascii_graphic() => &text[word + 1..],
        _ => text
            .split_once(char::is_whitespace)
            .map_or("", |(_, rest)| rest.trim_start()),
    }
}

/// Whether `line` goes on from the line `above` at its indentation with text starting in lower
/// case, `above` being full at the narrowest width (as it is at any wider one).
fn goes_on_in_lower_case(above: &str, line: &str) -> bool {
    let piece = list_or_text_unmeasured(line);
    piece.text.starts_with(char::is_lowercase) && {
        let above_piece = list_or_text_unmeasured(above);
        continues_indent(&above_piece, &piece) && {
            let above_piece = Piece {
                columns: columns(above),
                ..above_piece
            };
            is_full(&above_piece, &piece, *WIDTHS.start())
        }
    }
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

/// Where the numbered list lines of a text stand, gathered line by line.
#[derive(Debug, Default)]
pub(crate) struct NumberPlaces {
    numbered: usize,
    at_margin: usize,
    /// Numbered lines indented more than the numbered layout's paragraphs.
    deep: usize,
    /// Whether a number stands one to three columns in, as the numbered layout's do.
    right_aligned: bool,
}

impl NumberPlaces {
    /// Measures `line` when it is a numbered list line.
    #[inline]
    pub(crate) fn add(&mut self, line: Line<'_>) {
        // A numbered item starts with a digit; other lines are not measured.
        if self.right_aligned
            || !line.body.starts_with(|c: char| c.is_ascii_digit())
            || !matches!(marker(line.body), Some((Marker::Number, _)))
        {
            return;
        }
        let indent = indent_width(line.indentation());
        // Numbers right-aligned (` 9.` over `10.`, as w3m writes them) are the numbered layout's.
        self.right_aligned = (1..=3).contains(&indent);
        self.numbered += 1;
        self.at_margin += usize::from(indent == 0);
        self.deep += usize::from(indent > 4);
    }

    /// Whether the numbered list lines (at least [`EVIDENCE`] of them) stand where the numbered
    /// layout's paragraphs do not: all indented more (`       1. text`, as inscriptis writes a
    /// list nested in page elements, which the parser would read as sub-items), or the outermost
    /// at the margin (`1.  text`, as `pandoc --wrap=none` writes them, which it would read as
    /// text).
    pub(crate) fn out_of_place(&self) -> bool {
        !self.right_aligned
            && self.numbered >= EVIDENCE
            && (self.deep == self.numbered || self.at_margin >= EVIDENCE)
    }
}

/// Whether a trimmed line is the heading of lynx's list of link addresses.
pub(crate) fn is_references_heading(trimmed: &str) -> bool {
    trimmed == "References"
}

/// Whether `lines` end with lynx's list of link addresses (`References` over numbered
/// addresses): then the `[12]` markers in the text are lynx's, wrapped or not. Most texts have no
/// [`is_references_heading`] line at all, which the pass over the lines tells before this runs.
pub(crate) fn has_reference_list(lines: &[&str]) -> bool {
    without_references(lines).len() < lines.len()
}

/// Reads text wrapped at `width` (`None`: not wrapped) into `out`; returns whether lines were
/// joined. A line joins the one above when it starts where that one's text starts (or under a
/// list item's text) and the one above was full or blocks are set apart by blank lines; a title
/// or header line never joins or is joined.
pub(crate) fn read(text: &str, width: Option<usize>, out: &mut Numbered) -> bool {
    let lines = super::lines_of(text);
    let kept = without_references(&lines);
    let has_references = kept.len() < lines.len();
    let headings = fenced_headings(kept);
    let fenced = !headings.is_empty();
    let mut pieces: Vec<Piece<'_>> = Vec::with_capacity(kept.len());
    let mut next_heading = headings.iter().peekable();
    let mut at = 0;
    while at < kept.len() {
        match next_heading.next_if(|(lines, _)| lines.start == at) {
            Some((lines, text)) => {
                pieces.push(Piece {
                    kind: Kind::Heading,
                    indent: 0,
                    columns: text.chars().count(),
                    text,
                });
                at = lines.end;
            }
            None => {
                pieces.push(line_piece(kept[at], pieces.last(), width));
                at += 1;
            }
        }
    }
    let set_apart = blocks_set_apart(&pieces);
    assemble(
        &pieces,
        |line, next, _, under_item| {
            let head = is_head_line(line.text) || starts_head_line(next.text);
            let continues = (under_item || continues_indent(line, next))
                && (set_apart || width.is_some_and(|width| is_full(line, next, width)));
            // A wrapper breaks at a space, so a line that starts with punctuation was broken at
            // an element's edge (w3m: `Local Government Act 1974` over `, sections 26(1)`), or
            // inside a section number before its bracket (w3m: `26A` over `(1), as amended)`).
            let last_word = line.text.rsplit(' ').next().unwrap_or_default();
            let tight = next.text.starts_with([',', '.', ';', ':', ')'])
                || (last_word.contains(|c: char| c.is_ascii_digit())
                    && last_word.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && starts_with_section_bracket(next.text))
                || breaks_after_hyphen(last_word, next.text);
            (continues && !head).then_some(if tight { Joint::Tight } else { Joint::Space })
        },
        |block| {
            let block = if fenced {
                Cow::Owned(with_spaced_links(block))
            } else {
                Cow::Borrowed(block)
            };
            if has_references {
                without_link_markers(&block)
            } else {
                block.into_owned()
            }
        },
        out,
    )
}

/// The opening fence of a heading as html2text (the C++ tool Debian ships) writes it: two to six
/// asterisks and a space (`****** Title ******`, five for a section, four for a sub-heading; a
/// long heading is wrapped, its closing fence on a later line).
pub(crate) fn fence(line: &str) -> Option<&str> {
    let line = line.trim_start();
    let stars = line.bytes().take_while(|&b| b == b'*').count();
    ((2..=6).contains(&stars) && line[stars..].starts_with(' ')).then(|| &line[..stars])
}

/// Whether a trimmed line is a heading html2text fenced whole on its line (`***** The complaint
/// *****`): a fence, text, and the same fence closing it.
pub(crate) fn is_fenced_heading(trimmed: &str) -> bool {
    trimmed.starts_with("**")
        && fence(trimmed).is_some_and(|fence| {
            trimmed.len() > 2 * fence.len() + 2
                && trimmed
                    .strip_suffix(fence)
                    .is_some_and(|rest| rest.ends_with(' '))
        })
}

/// Whether a line opens or closes an html2text heading fence (`**** Analysis ****`, or `process
/// ****` closing a wrapped one): its asterisks are not Markdown's bold.
pub(crate) fn is_fence_line(line: &str) -> bool {
    let line = line.trim();
    let closing = line.bytes().rev().take_while(|&b| b == b'*').count();
    let before = &line[..line.len() - closing];
    fence(line).is_some()
        || ((2..=6).contains(&closing) && (before.is_empty() || before.ends_with(' ')))
}

/// The fenced headings of `lines`, each as the range of lines it spans and its text (the lines
/// joined), for the lines that hold one.
fn fenced_headings(lines: &[&str]) -> Vec<(std::ops::Range<usize>, String)> {
    let mut headings = Vec::new();
    let mut at = 0;
    while at < lines.len() {
        let Some(fence) = fence(lines[at]) else {
            at += 1;
            continue;
        };
        let closing = format!(" {fence}");
        let closes = |line: &str| {
            let line = line.trim();
            line == fence || line.ends_with(&closing)
        };
        // A heading is short: its closing fence is on its line or one of the next two.
        let end = (at..lines.len().min(at + 3))
            .find(|&i| closes(lines[i]) && (i > at || lines[i].trim().len() > 2 * fence.len()));
        match end {
            Some(end) => {
                let joined = lines[at..=end]
                    .iter()
                    .map(|l| l.trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                let text = joined[fence.len()..joined.len() - fence.len()]
                    .trim()
                    .to_string();
                headings.push((at..end + 1, text));
                at = end + 1;
            }
            None => at += 1,
        }
    }
    headings
}

/// `text` with the underscores html2text writes for the spaces of a link's text
/// (`Local_Government_Act_1974`) made spaces again (an underscore between two letters or digits
/// is nothing else in a statement), and the character references it leaves (`Children&#x27;s`)
/// read.
fn with_spaced_links(text: &str) -> String {
    let text = with_references_read(text);
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    let mut previous = ' ';
    while let Some(c) = chars.next() {
        let joins_words = c == '_'
            && previous.is_alphanumeric()
            && chars.peek().is_some_and(|next| next.is_alphanumeric());
        out.push(if joins_words { ' ' } else { c });
        previous = c;
    }
    out
}

/// `line` as [`list_or_text`] reads it, except that a numbered "item" that is a wrapped sentence
/// going on (`… in more detail at paragraph` over `38. The Council began …`) is text: a number at
/// the column where the text above starts, after a full line that ends no sentence. A list nested
/// in an item starts further in, or after a line that ends its lead-in.
fn line_piece<'a>(line: &'a str, above: Option<&Piece<'_>>, width: Option<usize>) -> Piece<'a> {
    let piece = list_or_text(line);
    let (Kind::Item { ordered: true, .. }, Some(above), Some(width)) = (piece.kind, above, width)
    else {
        return piece;
    };
    let text_column = match above.kind {
        Kind::Item { content, .. } => content,
        Kind::Text => above.indent,
        Kind::Blank | Kind::Heading => return piece,
    };
    let as_text = Piece {
        kind: Kind::Text,
        text: line.trim_start_matches([' ', '\t']).trim_end(),
        ..piece
    };
    let goes_on = piece.indent == text_column
        && !above.text.trim_end().ends_with(['.', ':', ';', '!', '?'])
        && is_full(above, &as_text, width);
    if goes_on { as_text } else { piece }
}

/// `text` with its HTML character references (`&#x27;`, `&#39;`, `&amp;`, `&quot;`) read.
fn with_references_read(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        let name = after
            .split_once(';')
            .map(|(name, _)| name)
            .filter(|n| n.len() <= 8);
        let read = name.and_then(|name| match name {
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|hex| u32::from_str_radix(hex, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|dec| dec.parse().ok()))
                .and_then(char::from_u32),
        });
        match (name, read) {
            (Some(name), Some(c)) => {
                out.push(c);
                rest = &after[name.len() + 1..];
            }
            _ => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a word was broken after its hyphen by the wrapper (html2text: `mid-` over `2023`):
/// a letter before the hyphen, and a letter or digit going on.
fn breaks_after_hyphen(last_word: &str, next: &str) -> bool {
    last_word
        .strip_suffix('-')
        .is_some_and(|word| word.ends_with(char::is_alphabetic))
        && next.starts_with(char::is_alphanumeric)
}

/// Whether `text` starts with a section number's bracket (`(1)`, `(iv)`, `(b)`) followed by
/// punctuation, a space or its end.
fn starts_with_section_bracket(text: &str) -> bool {
    let Some(rest) = text.strip_prefix('(') else {
        return false;
    };
    let inner = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    (1..=4).contains(&inner)
        && rest[inner..].starts_with(')')
        && !rest[inner + 1..].starts_with(|c: char| c.is_alphanumeric())
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
        if is_references_heading(line.trim()) {
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
    fn counts_lines_going_on_from_full_lines_in_lower_case() {
        let may_be_wrapped =
            |text: &str| super::super::tally(text, MidSentence::add).may_be_wrapped();
        let full = "x ".repeat(30);
        assert!(may_be_wrapped(&format!("{full}\nand on\n").repeat(3)));
        assert!(may_be_wrapped(
            &format!("  1. {full}\n     and on\n").repeat(3)
        ));
        // After a short or blank line, under a list item's marker, or starting with a capital.
        assert!(!may_be_wrapped(&"x x\nand on\n".repeat(3)));
        assert!(!may_be_wrapped(&"\nand on\n".repeat(3)));
        assert!(!may_be_wrapped(&format!("- {full}\n- and on\n").repeat(3)));
        assert!(!may_be_wrapped(&format!("{full}\nAnd on\n").repeat(3)));
    }

    #[test]
    fn a_markers_text_is_after_the_first_word() {
        for (text, after) in [
            ("1. the", "the"),
            ("(iv)  the", "the"),
            ("•\u{a0}the", "the"),
            ("12.\t the", "the"),
            ("a) b", "b"),
            ("word", ""),
            ("a\u{2019}s  ", ""),
        ] {
            assert_eq!(after_first_word(text), after, "{text:?}");
        }
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

    #[test]
    fn reads_html2text_fenced_headings_linked_words_and_references() {
        let text = "****** Example Council (23 001 002) ******\n\
                    Category : Children&#x27;s care services > Other\n\
                    ***** What I found *****\n\
                    **** failed to implement the agreed actions and recommendations at each\n\
                    ****\n   \
                    1. The Council did not follow the Local_Government_Act_1974 when it wrote\n      \
                    to Ms X about her complaint, as set out in more detail at paragraph\n      \
                    38. This was fault by the Council and it caused Ms X some distress.\n";
        let lines = super::super::lines_of(text);
        assert!(is_fence_line(lines[0]) && is_fence_line(lines[4]) && !is_fence_line(lines[5]));
        let mut out = Numbered::default();
        read(text, Some(74), &mut out);
        let derived = out.finish();
        assert!(
            derived.starts_with("Example Council (23 001 002)\n"),
            "{derived}"
        );
        assert!(
            derived.contains("\nCategory : Children's care services > Other\n"),
            "{derived}"
        );
        assert!(derived.contains("\nWhat I found\n"), "{derived}");
        assert!(
            derived
                .contains("\nfailed to implement the agreed actions and recommendations at each\n"),
            "{derived}"
        );
        // The wrapped `38.` goes on with its sentence; the link's underscores are spaces.
        assert!(
            derived.contains("the Local Government Act 1974 when it wrote to Ms X about her complaint, as set out in more detail at paragraph 38. This was fault"),
            "{derived}"
        );
        assert_eq!(
            with_references_read("a &amp; b &#39;c&#x2019; &bogus; &"),
            "a & b 'c\u{2019} &bogus; &"
        );
    }

    #[test]
    fn tells_numbers_out_of_place_from_the_numbered_layout() {
        let out_of_place = |text: &str| super::super::tally(text, NumberPlaces::add).out_of_place();
        // pandoc --wrap=none: at the margin, nested ones further in.
        assert!(out_of_place("1.  a\n2.  b\n    1.  c\n3.  d\n"));
        // inscriptis: all further in than paragraphs are.
        assert!(out_of_place("       1. a\n       2. b\n       3. c\n"));
        // The numbered layout, and w3m's right-aligned numbers, are read as they are.
        assert!(!out_of_place("  1. a\n  2. b\n      1. c\n  3. d\n"));
        assert!(!out_of_place(" 8. a\n 9. b\n10. c\n11. d\n12. e\n"));
    }

    #[test]
    fn a_line_broken_at_an_element_edge_joins_without_a_space() {
        let first = "    to others we may suggest a remedy. (Local Government Act 1974";
        let text = format!("{first}\n    , sections 26(1) and 26A(1), as amended) and so on\n");
        let mut out = Numbered::default();
        // Wrapped where the comma would have gone past the width.
        read(&text, Some(first.len() + 1), &mut out);
        assert!(out.finish().contains("Act 1974, sections 26(1)"));
        let first =
            "    to others we may suggest a remedy. (Local Government Act 1974, section 24A";
        let text = format!("{first}\n    (6), as amended) and so on\n");
        let mut out = Numbered::default();
        read(&text, Some(first.len() + 1), &mut out);
        assert!(out.finish().contains("section 24A(6), as amended"));
        assert!(starts_with_section_bracket("(iv) and") && !starts_with_section_bracket("(see"));
        // A list of brackets goes on with a space; a hyphenated word broken at its hyphen, tight.
        let first = "    (Local Government Act 1974, sections 26B, 34D and 34H(2) and";
        let text =
            format!("{first}\n    (3), as amended) and so on until mid-\n    2023 it went on\n");
        let mut out = Numbered::default();
        read(&text, Some(first.len() + 1), &mut out);
        let derived = out.finish();
        assert!(derived.contains("34H(2) and (3), as amended"), "{derived}");
        assert!(breaks_after_hyphen("mid-", "2023") && !breaks_after_hyphen("-", "2023"));
    }
}
