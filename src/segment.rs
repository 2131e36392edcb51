//! Splitting the body of a statement into headings, paragraphs and items, whatever the layout,
//! and numbering paragraphs continuously as the website does.

use std::sync::LazyLock;

use regex::Regex;

use crate::headings::{
    holds_sub_headings, is_known_heading, reads_as_heading, starts_common_heading,
    starts_like_quote_or_citation,
};
use crate::lines::{Chrome, Line, chrome, fold, is_back_to_top, is_chrome_prefix, tail};
use crate::model::{Item, Layout, Paragraph, Section, Span, Warning, WarningKind};
use crate::words::{number_word, starts_with_ignore_case};

/// The body of a statement, segmented.
#[derive(Debug)]
pub(crate) struct Body {
    pub layout: Layout,
    pub truncated: bool,
    /// Paragraphs before the first heading.
    pub preamble: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub warnings: Vec<Warning>,
}

/// The list marker a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `1.` or `1)`.
    Number,
    /// `a)`, `(a)`, `(ii)`.
    Letter,
    /// `•` and friends.
    Bullet,
    /// `- `.
    Dash,
}

/// The marker at the start of `text` and the byte length to skip (marker and following space).
fn marker(text: &str) -> Option<(Marker, usize)> {
    let bytes = text.as_bytes();
    let space_after = |at: usize| -> Option<usize> {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        (trimmed.len() < rest.len()).then_some(at + rest.len() - trimmed.len())
    };
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) {
        return space_after(digits + 1).map(|skip| (Marker::Number, skip));
    }
    if bytes.first() == Some(&b'(') {
        let inner = bytes[1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .count();
        if (1..=4).contains(&inner) && bytes.get(inner + 1) == Some(&b')') {
            return space_after(inner + 2).map(|skip| (Marker::Letter, skip));
        }
    }
    if bytes.len() > 2 && bytes[0].is_ascii_lowercase() && bytes[1] == b')' {
        return space_after(2).map(|skip| (Marker::Letter, skip));
    }
    let first = text.chars().next()?;
    let kind = match first {
        '-' => Marker::Dash,
        '•' | '◦' | '▪' | '·' | '*' | '–' | '\u{f0b7}' => Marker::Bullet,
        _ => return None,
    };
    match space_after(first.len_utf8()) {
        Some(skip) => Some((kind, skip)),
        // An empty bullet at the end of a cut-off excerpt.
        None if text.len() == first.len_utf8() => Some((kind, text.len())),
        None => None,
    }
}

/// Whether a paragraph's text ends by introducing a list.
fn ends_with_colon(text: &str) -> bool {
    text.trim_end().ends_with(':')
}

/// Infers which `- ` lines (or bare lines) are list items, in layouts that lost the nesting.
///
/// A list opens after a line ending with `:`. It goes on while items end with `;` or `,` (or
/// `; and`, `, or`); a `.` after such items ends the last one and closes it.
/// Where items end with full stops, a line stays an item while it looks like one (lower-case start,
/// no closing punctuation, or short).
#[derive(Debug, Default)]
struct ListInference {
    open: Option<OpenList>,
    /// Whether any lead-in was seen, i.e. numbering depended on inference.
    used: bool,
}

#[derive(Debug, Clone, Copy)]
struct OpenList {
    items: usize,
    saw_semicolon: bool,
    prev_end: char,
    /// The opening words of the first item, which parallel items repeat (`Stage 1:`, `Stage 2:`).
    shape: Option<ItemShape>,
    /// How many items the lead-in announced (`13 different issues … as:`), if it did.
    announced: Option<usize>,
    /// Whether the first item is an instruction (`Apologise to …`), as agreed actions are.
    imperative: bool,
}

/// `13 different issues`, `the following four complaints`: a count of things the list will hold.
static ANNOUNCED_COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)\s+(?:[a-z]+\s+)?(?:issues|complaints|recommendations|points|actions|matters|areas|questions|reasons|parts|elements|changes|concerns|things|failings|faults)(?-u:\b)",
    )
    .expect("announced count regex")
});

fn announced_count(lead_in: &str) -> Option<usize> {
    let n = ANNOUNCED_COUNT.captures(lead_in)?.name("n")?.as_str();
    n.parse()
        .ok()
        .or_else(|| number_word(n).map(|n| n as usize))
}

/// The opening of an item: its first word, and its second unless the first is too common to tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct ItemShape(u64);

impl ItemShape {
    fn of(text: &str) -> Option<Self> {
        use std::hash::{Hash, Hasher};
        let mut words = text.split_whitespace();
        let first = words.next()?;
        let common = [
            "The", "A", "An", "This", "It", "In", "I", "We", "He", "She", "They", "On", "At",
        ];
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        first.hash(&mut hasher);
        if common.contains(&first) {
            words.next()?.hash(&mut hasher);
        }
        Some(ItemShape(hasher.finish()))
    }
}

impl ListInference {
    /// Whether the next list line is an item (`true`) or a paragraph (`false`).
    fn is_item(&mut self, text: &str) -> bool {
        // `…; and` / `…, or` continue a list as `;` does.
        let end = match text.trim_end().chars().next_back() {
            _ if ends_with_conjunction(text) => ';',
            Some(end) => end,
            None => '.',
        };
        let item = match self.open {
            None => false,
            Some(list) if list.items == 0 => true,
            Some(list) if list.announced.is_some_and(|n| list.items < n) => true,
            // A new lead-in ends the list before it.
            Some(_) if ends_with_colon(text) => false,
            Some(list) if matches!(list.prev_end, ';' | ',') => true,
            Some(list) if list.saw_semicolon => false,
            Some(list) => {
                looks_like_item(text)
                    || (list.shape.is_some() && list.shape == ItemShape::of(text))
                    || (list.imperative && starts_with_imperative(text))
            }
        };
        if !item {
            self.open = ends_with_colon(text).then(|| OpenList {
                items: 0,
                saw_semicolon: false,
                prev_end: ':',
                shape: None,
                announced: announced_count(text),
                imperative: false,
            });
            self.used |= self.open.is_some();
            return false;
        }
        if let Some(list) = &mut self.open {
            if list.items == 0 {
                list.shape = ItemShape::of(text);
                list.imperative = starts_with_imperative(text);
            }
            list.items += 1;
            list.saw_semicolon |= end == ';';
            list.prev_end = end;
        }
        true
    }

    fn close(&mut self) {
        self.open = None;
    }
}

fn ends_with_conjunction(text: &str) -> bool {
    let text = text.trim_end();
    // Every ending below ends in `d` or `r`; most lines can skip folding their tail.
    if !text.ends_with(['d', 'D', 'r', 'R']) {
        return false;
    }
    let tail = fold(tail(text, 8));
    [";and", "; and", ", and", "; or", ", or"]
        .iter()
        .any(|end| tail.ends_with(end))
}

/// Verbs that open an instruction, as agreed actions do (`Pay Ms X £300`, `Apologise to her`).
const IMPERATIVES: &[&str] = &[
    "apologise",
    "apologize",
    "arrange",
    "carry",
    "complete",
    "consider",
    "contact",
    "ensure",
    "give",
    "issue",
    "make",
    "offer",
    "pay",
    "produce",
    "provide",
    "reconsider",
    "refund",
    "reimburse",
    "remind",
    "review",
    "send",
    "share",
    "start",
    "take",
    "train",
    "update",
    "write",
];

/// Whether a line opens with an instruction, or with one after a leading phrase and comma
/// (`Considering the findings of this investigation, start stage two …`).
fn starts_with_imperative(text: &str) -> bool {
    let is_verb = |clause: &str| {
        clause
            .split_whitespace()
            .next()
            .is_some_and(|word| IMPERATIVES.contains(&word.to_ascii_lowercase().as_str()))
    };
    let after_comma = text
        .get(..text.len().min(120))
        .and_then(|head| head.split_once(','))
        .is_some_and(|(_, rest)| is_verb(rest));
    is_verb(text) || after_comma
}

fn looks_like_item(text: &str) -> bool {
    let first = text.chars().next().unwrap_or(' ');
    let last = text.trim_end().chars().next_back().unwrap_or('.');
    let evidence_boilerplate =
        starts_with_ignore_case(text, "the ") && text.contains("with evidence");
    first.is_lowercase()
        || !matches!(last, '.' | '!' | '?' | ':' | '"' | '\u{201d}')
        || (text.len() <= 100 && !evidence_boilerplate)
}

/// A block of the body before sections are formed.
#[derive(Debug)]
enum Block<'a> {
    Heading {
        line: Line<'a>,
        after_back_to_top: bool,
        /// What [`is_known_heading`] says of the line, read once.
        known_level: Option<u8>,
    },
    Paragraph(Para<'a>),
}

#[derive(Debug)]
struct Para<'a> {
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

    fn last_text(&self) -> &str {
        self.items
            .last()
            .map_or(self.line.text, |(l, skip)| &l.text[*skip..])
    }
}

/// Collects blocks, attaching items to the paragraph before them.
#[derive(Debug, Default)]
struct Blocks<'a> {
    blocks: Vec<Block<'a>>,
    after_back_to_top: bool,
}

impl<'a> Blocks<'a> {
    fn heading(&mut self, line: Line<'a>) {
        let after_back_to_top = std::mem::take(&mut self.after_back_to_top);
        self.blocks.push(Block::Heading {
            line,
            after_back_to_top,
            known_level: is_known_heading(line.text),
        });
    }

    fn paragraph(&mut self, line: Line<'a>, skip: usize, counted: bool) {
        self.after_back_to_top = false;
        self.blocks
            .push(Block::Paragraph(Para::new(line, skip, counted)));
    }

    fn item(&mut self, line: Line<'a>, skip: usize) {
        match self.blocks.last_mut() {
            Some(Block::Paragraph(para)) => para.items.push((line, skip)),
            _ => self.paragraph(line, skip, false),
        }
    }

    fn last_paragraph(&self) -> Option<&Para<'a>> {
        match self.blocks.last() {
            Some(Block::Paragraph(para)) => Some(para),
            _ => None,
        }
    }
}

/// Picks the layout from the markers the body lines carry.
fn detect_layout(lines: &[Line<'_>]) -> Layout {
    let (mut numbered, mut dashed) = (0, 0);
    for line in lines {
        match marker(line.text) {
            Some((Marker::Number, _)) if line.indent > 0 => numbered += 1,
            Some((Marker::Dash, _)) => dashed += 1,
            _ => {}
        }
    }
    if numbered > 0 && numbered >= dashed {
        Layout::Numbered
    } else if dashed > 0 && dashed * 4 >= lines.len() {
        Layout::Dashed
    } else {
        Layout::Plain
    }
}

/// Segments the body lines (from the first line after the summary to the end of the input).
pub(crate) fn segment(lines: &[Line<'_>]) -> Body {
    let end = lines
        .iter()
        .position(|l| matches!(chrome(l.text), Some(Chrome::Closing | Chrome::Page)));
    let truncated = end.is_none();
    let mut body = &lines[..end.unwrap_or(lines.len())];
    if truncated && body.last().is_some_and(|l| is_chrome_prefix(l.text)) {
        body = &body[..body.len() - 1];
    }
    let layout = detect_layout(body);
    // A block per line at most: room for them all spares regrowing the vector.
    let mut blocks = Blocks {
        blocks: Vec::with_capacity(body.len()),
        after_back_to_top: false,
    };
    let mut lists = ListInference::default();
    for (i, line) in body.iter().enumerate() {
        if is_back_to_top(line.text) {
            blocks.after_back_to_top = true;
            lists.close();
            continue;
        }
        let is_last_of_cut_text = truncated && i + 1 == body.len();
        match layout {
            Layout::Numbered => numbered_line(*line, &mut blocks),
            Layout::Dashed | Layout::Plain => {
                list_line(*line, layout, is_last_of_cut_text, &mut blocks, &mut lists)
            }
        }
    }
    let mut warnings = Vec::new();
    if truncated {
        warnings.push(Warning {
            kind: WarningKind::Truncated,
            message: "the text ends before the statement's closing line; it looks cut off".into(),
            span: lines.last().map(|l| l.span),
        });
    }
    if lists.used {
        warnings.push(Warning {
            kind: WarningKind::ParagraphNumbersInferred,
            message: format!(
                "paragraph numbers are inferred: the {} layout does not show which lines are list items",
                if layout == Layout::Dashed { "dashed" } else { "plain" }
            ),
            span: None,
        });
    }
    let (preamble, mut sections) = into_sections(blocks.blocks);
    if truncated && sections.last().is_some_and(is_cut_heading) {
        let fragment = sections.pop();
        warnings.extend(fragment.map(|fragment| Warning {
            kind: WarningKind::TruncatedHeading,
            message: format!(
                "the text stops inside a heading ({:?}); it is not kept as a section",
                fragment.heading
            ),
            span: Some(fragment.span),
        }));
    }
    Body {
        layout,
        truncated,
        preamble,
        sections,
        warnings,
    }
}

/// Whether the last section of a cut-off text is a heading cut short (`What I fo`, `Agreed act`):
/// it has no paragraphs, and its words start a common heading without being a heading we know.
fn is_cut_heading(section: &Section) -> bool {
    section.paragraphs.is_empty()
        && is_known_heading(&section.heading).is_none()
        && starts_common_heading(&section.heading)
}

fn numbered_line<'a>(line: Line<'a>, blocks: &mut Blocks<'a>) {
    match marker(line.text) {
        Some((Marker::Number, skip)) if line.indent <= 4 => blocks.paragraph(line, skip, true),
        Some((_, skip)) => blocks.item(line, skip),
        None if line.indent > 4 && blocks.last_paragraph().is_some() => blocks.item(line, 0),
        None => {
            let after_lead_in = blocks
                .last_paragraph()
                .is_some_and(|p| ends_with_colon(p.last_text()));
            let quoted = starts_like_quote_or_citation(line.text);
            if (after_lead_in || quoted) && is_known_heading(line.text).is_none() {
                blocks.paragraph(line, 0, false);
            } else {
                blocks.heading(line);
            }
        }
    }
}

fn list_line<'a>(
    line: Line<'a>,
    layout: Layout,
    is_last_of_cut_text: bool,
    blocks: &mut Blocks<'a>,
    lists: &mut ListInference,
) {
    let (text, skip) = match marker(line.text) {
        Some((Marker::Dash, skip)) => (&line.text[skip..], skip),
        Some((_, skip)) if layout == Layout::Dashed || lists.open.is_some() => {
            blocks.item(line, skip);
            return;
        }
        _ if is_heading_line(line, layout, is_last_of_cut_text, lists) => {
            lists.close();
            blocks.heading(line);
            return;
        }
        _ => (line.text, 0),
    };
    if lists.is_item(text) {
        blocks.item(line, skip);
    } else {
        blocks.paragraph(line, skip, true);
    }
}

/// Whether a line without a dash is a heading, in the dashed and plain layouts.
fn is_heading_line(
    line: Line<'_>,
    layout: Layout,
    is_last_of_cut_text: bool,
    lists: &ListInference,
) -> bool {
    // A known heading is one whatever its shape; the shape is tested first, as it is cheaper and
    // tells most headings (the block then reads the known level once).
    heading_by_shape(line.text, layout, is_last_of_cut_text, lists)
        || is_known_heading(line.text).is_some()
}

/// Whether a line reads as a heading by its shape and place, in the dashed and plain layouts.
fn heading_by_shape(
    text: &str,
    layout: Layout,
    is_last_of_cut_text: bool,
    lists: &ListInference,
) -> bool {
    if starts_like_quote_or_citation(text) {
        return false;
    }
    // A bare last line of a cut-off plain text may be a sentence cut short; only the start of a
    // common heading (`What I fo`) is taken as one. Dashed paragraphs always carry their dash.
    if is_last_of_cut_text && layout == Layout::Plain {
        return starts_common_heading(text);
    }
    match layout {
        Layout::Dashed => {
            let long_sentence = text.split_whitespace().count() > 25 && text.ends_with('.');
            !long_sentence && !ends_with_colon(text)
        }
        _ => {
            // Inside a list only a heading-like line after full-stopped items ends it.
            let list_allows = lists.open.is_none_or(|l| l.items > 0 && l.prev_end == '.');
            list_allows && !ends_with_conjunction(text) && reads_as_heading(text)
        }
    }
}

fn paragraph_from(para: Para<'_>, number: Option<u32>) -> Paragraph {
    let end = para
        .items
        .last()
        .map_or(para.line.span.end, |(l, _)| l.span.end);
    Paragraph {
        number,
        text: para.line.text[para.skip..].to_string(),
        items: para
            .items
            .into_iter()
            .map(|(line, skip)| Item {
                text: line.text[skip..].to_string(),
                span: line.sub_span(skip, line.text.len()),
            })
            .collect(),
        span: Span::new(para.line.span.start, end),
    }
}

/// Groups blocks under their headings, numbers paragraphs and assigns heading levels.
fn into_sections(blocks: Vec<Block<'_>>) -> (Vec<Paragraph>, Vec<Section>) {
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
                inside_container |= holds_sub_headings(line.text);
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;

    fn headings(body: &Body) -> Vec<(&str, u8)> {
        body.sections
            .iter()
            .map(|s| (s.heading.as_str(), s.level))
            .collect()
    }

    #[test]
    fn reads_markers() {
        assert_eq!(marker("1. Text"), Some((Marker::Number, 3)));
        assert_eq!(marker("12.  Text"), Some((Marker::Number, 5)));
        assert_eq!(marker("\u{2022} Text"), Some((Marker::Bullet, 4)));
        assert_eq!(marker("- Text"), Some((Marker::Dash, 2)));
        assert_eq!(marker("(a) Text"), Some((Marker::Letter, 4)));
        assert_eq!(marker("2019 was"), None);
        assert_eq!(marker("-Text"), None);
    }

    #[test]
    fn numbers_paragraphs_continuously_in_numbered_layout() {
        let text = "The complaint\n\n  1. One.\n  1. Two:\n    \u{2022} item\n\nBack to top\n\nWhat I found\n\nLaw\n\n  1. Three.\n      1. sub\n";
        let body = segment(&split_lines(text));
        assert_eq!(body.layout, Layout::Numbered);
        assert_eq!(
            headings(&body),
            [("The complaint", 1), ("What I found", 1), ("Law", 2)]
        );
        let numbers: Vec<_> = body
            .sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .map(|p| p.number)
            .collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)]);
        assert_eq!(body.sections[2].paragraphs[0].items[0].text, "sub");
        assert!(body.truncated);
    }

    #[test]
    fn a_heading_cut_short_is_not_a_section() {
        for (text, last) in [
            (
                "The complaint\n  1. Mr B complained.\n\nWhat I fo",
                "The complaint",
            ),
            (
                "The complaint\n- Mr B complained.\nAgreed act",
                "The complaint",
            ),
            (
                "The complaint\nMr B complained.\nLaw and guid",
                "The complaint",
            ),
            // A whole heading at the cut is kept.
            (
                "The complaint\n  1. Mr B complained.\n\nWhat I found",
                "What I found",
            ),
        ] {
            let body = segment(&split_lines(text));
            assert_eq!(
                body.sections.last().map(|s| s.heading.as_str()),
                Some(last),
                "{text}"
            );
            let cut = body
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::TruncatedHeading);
            assert_eq!(cut, last == "The complaint", "{text}");
        }
    }

    #[test]
    fn infers_items_in_dashed_layout() {
        let text = "Agreed action\n- Within one month, the Council has agreed to:\n- pay Ms X \u{a3}300; and\n\
                    - Provide evidence of the training.\n- The Council should provide us with evidence it has complied.\n\
                    Final decision\n- Done.\nInvestigator's decision on behalf of the Ombudsman\n";
        let body = segment(&split_lines(text));
        assert_eq!(body.layout, Layout::Dashed);
        assert!(!body.truncated);
        let action = &body.sections[0];
        assert_eq!(action.paragraphs.len(), 2);
        assert_eq!(action.paragraphs[0].items.len(), 2);
        assert_eq!(action.paragraphs[1].number, Some(2));
        assert_eq!(body.sections[1].paragraphs[0].number, Some(3));
    }

    #[test]
    fn items_ending_in_or_continue_the_list_in_plain_layout() {
        let text = "The Ombudsman\u{2019}s role and powers\nWe may decide not to investigate if we decide:\n\
                    there is not enough evidence of fault, or\nany fault has not caused injustice, or\n\
                    we cannot achieve the outcome someone wants, or\nthere is another body better placed.\n\
                    How I considered this complaint\nI read the papers.\n";
        let body = segment(&split_lines(text));
        assert_eq!(body.layout, Layout::Plain);
        assert_eq!(body.sections.len(), 2);
        assert_eq!(body.sections[0].paragraphs.len(), 1);
        assert_eq!(body.sections[0].paragraphs[0].items.len(), 4);
    }

    #[test]
    fn a_heading_cut_off_at_the_end_is_read_as_one_and_left_out() {
        for (text, layout) in [
            (
                "The complaint\n- Mr X complains.\nWhat I fo",
                Layout::Dashed,
            ),
            ("The complaint\nMr X complains.\nWhat I fo", Layout::Plain),
        ] {
            let body = segment(&split_lines(text));
            assert_eq!(body.layout, layout);
            assert_eq!(body.sections.len(), 1, "{layout:?}");
            assert_eq!(body.sections[0].paragraphs.len(), 1, "{layout:?}");
            let cut = body
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::TruncatedHeading);
            assert!(cut, "{layout:?}");
        }
        // A sentence cut short at the end of a plain text stays a paragraph.
        let body = segment(&split_lines(
            "The complaint\nMr X complains.\nHe said the Council",
        ));
        assert_eq!(body.sections.len(), 1);
        assert_eq!(body.sections[0].paragraphs.len(), 2);
    }

    #[test]
    fn keeps_long_instructions_in_an_action_list() {
        let long = "It should follow our guidance on making an effective apology, which sets out what we expect.";
        let text = format!(
            "Agreed action\n- The Council has agreed to take the following action within four weeks:\n\
             - Apologise to Miss X. {long}\n- Pay Miss X £250. {long}\n\
             - Considering the findings, start stage two without delay. {long}\n\
             - The Council should provide us with evidence it has complied with the above actions.\n"
        );
        let body = segment(&split_lines(&text));
        let paragraphs = &body.sections[0].paragraphs;
        assert_eq!(paragraphs.len(), 2);
        assert_eq!(paragraphs[0].items.len(), 3);
        assert!(paragraphs[1].text.starts_with("The Council should provide"));
    }

    #[test]
    fn tells_headings_from_paragraphs_in_plain_layout() {
        let text = "The complaint\nMs X complained about the Council.\nShe said the Council:\nFailed to consider Y\nExposed her to harm.\n\
                    What I found\nWhat happened next\nThe Council wrote to her.\nThe relevant \u{2018}qualif";
        let body = segment(&split_lines(text));
        assert_eq!(body.layout, Layout::Plain);
        assert_eq!(
            headings(&body),
            [
                ("The complaint", 1),
                ("What I found", 1),
                ("What happened next", 2)
            ]
        );
        assert_eq!(body.sections[0].paragraphs[1].items.len(), 2);
        assert_eq!(body.sections[2].paragraphs.len(), 2);
    }
}
