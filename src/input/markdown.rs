//! Markdown, as HTML-to-Markdown converters and crawling tools write a page: ATX (`## The
//! complaint`) and setext (`The complaint` over `---`) headings, `**bold**`, `*em*` and `_em_`,
//! `[text](url)` and reference links, images, backslash escapes (`1\.`), and `*`/`-`/`+`/`1.`
//! lists nested by indentation. Lines of a paragraph are joined (Markdown reads them as one), and
//! the values keep no markup.
//!
//! ```text
//! **Decision :** Upheld                 →   Decision : Upheld
//! See [our guidance](https://…).        →   See our guidance.
//! ```

use super::blocks::{Joint, Kind, Piece, assemble, list_or_text};
use super::numbered::Numbered;
use super::{CLOSING, Line, OPENING};

/// The width from which a heading line followed by a text line was wrapped there.
const WRAPPED_HEADING: usize = 60;

/// Whether `text` reads as Markdown: at least three lines carry Markdown marks (a `#` heading, a
/// setext underline, a `**` pair, a `[text](url)` link or an escaped list number). Plain text,
/// which has none, is told before by [`starts_as_mark`] and [`has_inline_mark`].
pub(crate) fn looks_like_markdown(text: &str) -> bool {
    let mut marked = 0;
    let mut previous_was_text = false;
    for line in super::lines(text) {
        let trimmed = line.trim();
        let mark = atx_heading(line).is_some()
            || (previous_was_text && is_underline(trimmed))
            || (trimmed.contains("**")
                && trimmed.matches("**").count() >= 2
                && !super::rewrap::is_fence_line(trimmed))
            || has_inline_link(trimmed)
            || escaped_list_number(trimmed);
        if mark {
            marked += 1;
            if marked >= 3 {
                return true;
            }
        }
        previous_was_text = !trimmed.is_empty() && !is_underline(trimmed);
    }
    false
}

/// Whether a line starts as a mark [`looks_like_markdown`] counts does (a `#` heading, a setext
/// underline, an escaped list number): a text must have such a line or an inline mark
/// ([`has_inline_mark`]) to read as Markdown.
#[inline]
pub(crate) fn starts_as_mark(line: Line<'_>) -> bool {
    // Most lines are told by their first byte.
    match line.trimmed.as_bytes().first() {
        Some(b'#') => atx_heading(line.text).is_some(),
        Some(b'=' | b'-') => is_underline(line.trimmed),
        Some(b'0'..=b'9') => escaped_list_number(line.trimmed),
        _ => false,
    }
}

/// Whether `text` holds `**` or `](`, which a bold pair and an inline link hold: with
/// [`starts_as_mark`], what a text must have to read as Markdown. A vectorised search for `*` and
/// `]`, which plain text hardly has, finds them.
pub(crate) fn has_inline_mark(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'*', b']', bytes)
        .any(|at| matches!(bytes.get(at..at + 2), Some(b"**" | b"](")))
}

/// Whether a line holds `](` after a `[`: an inline link or image.
fn has_inline_link(line: &str) -> bool {
    line.find('[')
        .is_some_and(|open| line[open..].contains("]("))
}

/// `1\. text`: a paragraph starting with a number, escaped so it is not read as a list.
fn escaped_list_number(line: &str) -> bool {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && line[digits..].starts_with("\\.")
}

/// The text of an ATX heading line (`## What I found ##`).
fn atx_heading(line: &str) -> Option<&str> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let hashes = trimmed.bytes().take_while(|&b| b == b'#').count();
    let rest = &trimmed[hashes..];
    if !(1..=6).contains(&hashes) || !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let text = rest.trim().trim_end_matches('#').trim_end();
    Some(text)
}

/// A setext underline (`=====` or `-----`) or, after a blank line, a thematic break.
fn is_underline(trimmed: &str) -> bool {
    trimmed.len() >= 2 && (trimmed.bytes().all(|b| b == b'=') || trimmed.bytes().all(|b| b == b'-'))
}

/// A thematic break: three or more `*`, `-` or `_`, spaces allowed between.
fn is_rule(trimmed: &str) -> bool {
    let marks: Vec<u8> = trimmed.bytes().filter(|&b| b != b' ').collect();
    marks.len() >= 3
        && matches!(marks.first(), Some(b'*' | b'-' | b'_'))
        && marks.iter().all(|&b| Some(&b) == marks.first())
}

/// A link reference definition (`[1]: https://…`), which shows nothing.
fn is_link_definition(trimmed: &str) -> bool {
    trimmed.starts_with('[')
        && trimmed
            .find("]:")
            .is_some_and(|end| !trimmed[1..end].contains(']'))
}

/// Reads Markdown into `out`; returns whether lines of a paragraph were joined.
pub(crate) fn read(text: &str, out: &mut Numbered) -> bool {
    let mut pieces: Vec<Piece<'_>> = Vec::new();
    for line in text.lines() {
        let trimmed = line.trim();
        let previous_is_text = pieces.last().is_some_and(|p| p.kind == Kind::Text);
        let piece = if let Some(heading) = atx_heading(line) {
            Piece {
                kind: Kind::Heading,
                indent: 0,
                columns: line.chars().count(),
                text: heading,
            }
        } else if previous_is_text && is_underline(trimmed) {
            // The paragraph above is a setext heading: it stays a block of its own.
            if let Some(last) = pieces.last_mut() {
                last.kind = Kind::Heading;
            }
            continue;
        } else if is_rule(trimmed) || is_link_definition(trimmed) {
            Piece {
                kind: Kind::Blank,
                ..list_or_text("")
            }
        } else {
            list_or_text(line)
        };
        pieces.push(piece);
    }
    assemble(&pieces, continues, inline, out)
}

/// Whether a line goes on with the block above: always in a paragraph or list item (Markdown
/// joins their lines); after a heading only when the heading line is long enough to have been
/// wrapped by the converter (html2text wraps `###` headings at 78 columns).
fn continues(previous: &Piece<'_>, _: &Piece<'_>, _: Option<&Piece<'_>>, _: bool) -> Option<Joint> {
    (previous.kind != Kind::Heading || previous.columns >= WRAPPED_HEADING).then_some(Joint::Space)
}

/// A block's text without Markdown's inline marks: emphasis markers, link targets, images, code
/// ticks and escaping backslashes.
pub(crate) fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let next = rest[c.len_utf8()..].chars().next();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.extend(next);
                rest = &rest[2..];
                continue;
            }
            '!' if next == Some('[') => {
                if let Some((_, after)) = link(&rest[1..]) {
                    rest = after;
                    continue;
                }
            }
            '[' => {
                if let Some((label, after)) = link(rest) {
                    out.push_str(&inline(label));
                    rest = after;
                    continue;
                }
            }
            '*' | '_' | '`' => {
                let run = rest.len() - rest.trim_start_matches(c).len();
                let before = out.chars().last();
                let after = rest[run..].chars().next();
                let inside_word = before.is_some_and(char::is_alphanumeric)
                    && after.is_some_and(char::is_alphanumeric);
                if !(c == '_' && inside_word) {
                    rest = unpadded(&mut out, &rest[run..], before);
                    continue;
                }
            }
            _ => {}
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// The text after an emphasis mark, without the space some converters pad emphasis with where
/// it meets a quote or bracket (`‘ _Getting the Best_ ’` for `‘Getting the Best’`): a space
/// between an opening quote and an opening mark is dropped from `out`, and one between a closing
/// mark (`before` is not a space) and a closing quote or bracket from the text returned.
fn unpadded<'t>(out: &mut String, after_mark: &'t str, before: Option<char>) -> &'t str {
    let mut before_space = out.chars().rev().skip(1);
    if before == Some(' ') && before_space.next().is_some_and(|c| OPENING.contains(&c)) {
        out.pop();
    }
    match after_mark.strip_prefix(' ') {
        Some(rest) if before.is_some_and(|c| c != ' ') && rest.starts_with(CLOSING) => rest,
        _ => after_mark,
    }
}

/// A link at the start of `text` (`[label](target)`, `[label][ref]`, `[label][]`): its label and
/// the text after it. A bracket with neither after it is not a link.
fn link(text: &str) -> Option<(&str, &str)> {
    let close = matching(text, '[', ']')?;
    let label = &text[1..close];
    let after = &text[close + 1..];
    if after.starts_with('(') {
        let end = matching(after, '(', ')')?;
        return Some((label, &after[end + 1..]));
    }
    if after.starts_with('[') {
        let end = after.find(']')?;
        return Some((label, &after[end + 1..]));
    }
    None
}

/// The longest link label or target looked for, in bytes: a bracket left open does not make every
/// later bracket scan to the end of the text.
const MAX_LINK: usize = 2048;

/// The byte offset of the bracket closing the one `text` starts with, skipping escaped and
/// nested brackets, within [`MAX_LINK`] bytes.
fn matching(text: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0usize;
    let mut escaped = false;
    for (i, c) in text.char_indices().take_while(|(i, _)| *i < MAX_LINK) {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            c if c == open => depth += 1,
            c if c == close => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(text: &str) -> String {
        let mut out = Numbered::default();
        read(text, &mut out);
        out.finish()
    }

    #[test]
    fn strips_inline_marks() {
        assert_eq!(inline("**Category :** Adult care"), "Category : Adult care");
        assert_eq!(
            inline("see [our website](https://x.org/a_(b)) now"),
            "see our website now"
        );
        assert_eq!(
            inline("an _Effective Apology_ and *this*"),
            "an Effective Apology and this"
        );
        assert_eq!(
            inline("snake_case stays; 1\\. escaped \\*"),
            "snake_case stays; 1. escaped *"
        );
        assert_eq!(inline("![logo](/a.svg)[ref][1] [x]"), "ref [x]");
        assert_eq!(
            inline("guidance ‘ _Getting the Best_ ’, and ( *this* )"),
            "guidance ‘Getting the Best’, and (this)"
        );
    }

    #[test]
    fn unclosed_brackets_stay_linear() {
        let text = "[".repeat(200_000);
        assert_eq!(inline(&text), text);
    }

    #[test]
    fn reads_headings_paragraphs_and_nested_lists() {
        let text = "Title (22 014 796)\n==================\n\nSummary: one\ntwo\n\n## The complaint\n\n\
                    1. First:\n   * a;\n   * b.\n2. Second\n\n[1]: https://x\n---\n";
        assert_eq!(
            derived(text),
            "Title (22 014 796)\n\nSummary: one two\n\nThe complaint\n\n  1. First:\n    • a;\n    • b.\n  2. Second\n"
        );
    }

    #[test]
    fn tells_markdown_from_plain_text() {
        assert!(looks_like_markdown("# Title\n\n**A :** b\n\nsee [x](y)\n"));
        assert!(!looks_like_markdown(
            "Title (22 014 796)\nSummary: text\n- item\n"
        ));
        let starts_as_mark = |line: &str| starts_as_mark(Line::new(line));
        assert!(starts_as_mark("## The complaint") && starts_as_mark("  ----"));
        assert!(starts_as_mark("1\\. text") && !starts_as_mark("1. text"));
        assert!(!starts_as_mark("- item") && !starts_as_mark("#hashtag"));
        assert!(has_inline_mark("a **b** c") && has_inline_mark("see [x](y)"));
        assert!(!has_inline_mark("a * b [c] (d) *") && !has_inline_mark("x]"));
    }
}
