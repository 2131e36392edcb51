//! Splitting the body of a statement into headings, paragraphs and items, whatever the layout,
//! and numbering paragraphs continuously as the website does: each line is read as a heading, a
//! paragraph or an item by the layout its markers give ([`markers`]), inferring lists where the
//! layout lost them ([`lists`]), and the blocks read are grouped into sections ([`blocks`]).

mod blocks;
mod lists;
pub(crate) mod markers;

use blocks::{Blocks, into_sections};
use lists::{ListInference, ends_with_colon, ends_with_conjunction};
use markers::{Marker, detect_layout, markers};

use crate::dates::parse_header_date;
use crate::headings::{
    is_known_heading, reads_as_heading, starts_common_heading, starts_like_quote_or_citation,
};
use crate::lines::{Line, is_back_to_top, status_line, until_end};
use crate::model::{Layout, Paragraph, Section, StatusUpdate, Warning, WarningKind};

/// The body of a statement, segmented.
#[derive(Debug)]
pub(crate) struct Body {
    pub layout: Layout,
    pub truncated: bool,
    /// Paragraphs before the first heading.
    pub preamble: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub warnings: Vec<Warning>,
    /// The status lines after the body (older report summaries).
    pub status_updates: Vec<StatusUpdate>,
}

/// Segments the body lines (from the first line after the summary to the end of the input).
pub(crate) fn segment(lines: &[Line<'_>]) -> Body {
    let (body, truncated) = until_end(lines);
    let status_updates = status_updates(&lines[body.len()..]);
    let markers = markers(body);
    let layout = detect_layout(body, &markers);
    let mut blocks = Blocks::with_capacity(body.len());
    let mut lists = ListInference::default();
    // Whether each line is `Back to top` is told once, when it is the next line.
    let mut is_link = body.first().is_some_and(|first| is_back_to_top(first.text));
    for (i, (line, &marker)) in body.iter().zip(&markers).enumerate() {
        let next_is_link = body
            .get(i + 1)
            .is_some_and(|next| is_back_to_top(next.text));
        if std::mem::replace(&mut is_link, next_is_link) {
            blocks.back_to_top();
            lists.close();
            continue;
        }
        let place = Place {
            last_of_cut_text: truncated && i + 1 == body.len(),
            before_back_to_top: next_is_link,
        };
        match layout {
            Layout::Numbered | Layout::Html | Layout::Markdown => {
                numbered_line(*line, marker, &mut blocks)
            }
            Layout::Dashed | Layout::Plain => {
                list_line(*line, marker, layout, place, &mut blocks, &mut lists)
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
    let (preamble, mut sections) = into_sections(blocks);
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
        status_updates,
    }
}

/// The status lines among the lines after the body, each with the date after its colon.
fn status_updates(after_body: &[Line<'_>]) -> Vec<StatusUpdate> {
    after_body
        .iter()
        .filter_map(|line| {
            let (colon, value) = status_line(line.text)?;
            let date_text = line.text[value..].trim_end().trim_end_matches('.');
            let date = parse_header_date(date_text);
            Some(StatusUpdate {
                text: line.text[..colon].trim_end().to_string(),
                date,
                date_span: date.map(|_| line.sub_span(value, value + date_text.len())),
                span: line.span,
            })
        })
        .collect()
}

/// Whether a bare line of the numbered layout is a sentence, not a heading: a full stop after
/// more than eight words (a paragraph the page set outside its list, such as what the
/// complainant wants after the list of what they complain about). It starts with a capital:
/// sub-headings written as clauses (`failed to provide any remedy … her children.`) start in
/// lower case.
fn is_bare_sentence(text: &str) -> bool {
    text.starts_with(|c: char| c.is_uppercase())
        && text.ends_with('.')
        && text.split_whitespace().count() > 8
        && !reads_as_heading(text)
}

/// Whether the last section of a cut-off text is a heading cut short (`What I fo`, `Agreed act`):
/// it has no paragraphs, and its words start a common heading without being a heading we know.
fn is_cut_heading(section: &Section) -> bool {
    section.paragraphs.is_empty()
        && is_known_heading(&section.heading).is_none()
        && starts_common_heading(&section.heading)
}

/// Reads a line of the numbered layout, where paragraphs carry numbers and items are indented;
/// `marker` is the list marker it starts with.
fn numbered_line<'a>(line: Line<'a>, marker: Option<(Marker, usize)>, blocks: &mut Blocks<'a>) {
    match marker {
        Some((Marker::Number, skip)) if line.indent <= 4 => blocks.paragraph(line, skip, true),
        Some((_, skip)) => blocks.item(line, skip),
        None if line.indent > 4 && blocks.last_paragraph().is_some() => blocks.item(line, 0),
        None => {
            let after_lead_in = blocks
                .last_paragraph()
                .is_some_and(|p| ends_with_colon(p.last_text()));
            let quoted = starts_like_quote_or_citation(line.text);
            if (after_lead_in || quoted || is_bare_sentence(line.text))
                && is_known_heading(line.text).is_none()
            {
                blocks.paragraph(line, 0, false);
            } else {
                blocks.heading(line);
            }
        }
    }
}

/// Where a line of the dashed or plain layout stands, as far as telling a heading goes.
#[derive(Debug, Clone, Copy)]
struct Place {
    /// The last line of a text that stops before the statement's end.
    last_of_cut_text: bool,
    /// Right before a `Back to top` link, which ends a section: a heading has something under it.
    before_back_to_top: bool,
}

/// Reads a line of the dashed or plain layout, inferring which lines are list items; `marker` is
/// the list marker it starts with.
fn list_line<'a>(
    line: Line<'a>,
    marker: Option<(Marker, usize)>,
    layout: Layout,
    place: Place,
    blocks: &mut Blocks<'a>,
    lists: &mut ListInference,
) {
    let (text, skip) = match marker {
        Some((Marker::Dash, skip)) => (&line.text[skip..], skip),
        Some((_, skip)) if layout == Layout::Dashed || lists.is_open() => {
            blocks.item(line, skip);
            return;
        }
        _ if is_heading_line(line, layout, place, lists) => {
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
fn is_heading_line(line: Line<'_>, layout: Layout, place: Place, lists: &ListInference) -> bool {
    // A known heading is one whatever its shape; the shape is tested first, as it is cheaper and
    // tells most headings (the block then reads the known level once).
    heading_by_shape(line.text, layout, place, lists) || is_known_heading(line.text).is_some()
}

/// Whether a line reads as a heading by its shape and place, in the dashed and plain layouts.
fn heading_by_shape(text: &str, layout: Layout, place: Place, lists: &ListInference) -> bool {
    if starts_like_quote_or_citation(text) {
        return false;
    }
    // A bare last line of a cut-off plain text may be a sentence cut short; only the start of a
    // common heading (`What I fo`) is taken as one. A line with nothing under it before `Back to
    // top` is the end of its section's last paragraph (a page cut short keeps its links). Dashed
    // paragraphs always carry their dash.
    if layout == Layout::Plain {
        if place.last_of_cut_text {
            return starts_common_heading(text);
        }
        if place.before_back_to_top {
            return false;
        }
    }
    match layout {
        Layout::Dashed => {
            // A sentence without its dash (an older page's paragraph, a paragraph whose dash was
            // lost) is no heading: headings end without a full stop, or are a few words.
            let sentence = text.ends_with(['.', ')', ';'])
                && text.split_whitespace().count() > 6
                && !reads_as_heading(text);
            !sentence && !ends_with_colon(text)
        }
        _ => lists.allows_heading(text) && !ends_with_conjunction(text) && reads_as_heading(text),
    }
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
    fn a_line_with_nothing_under_it_before_back_to_top_is_a_paragraph() {
        let body = segment(&split_lines(
            "The complaint\nMr B complained.\nWhat happened\nIn March the Council wrote.\nOn 4 May 20\n\nBack to top\n\nFinal decision\nI have completed my investigation.\n",
        ));
        let headings: Vec<&str> = body.sections.iter().map(|s| s.heading.as_str()).collect();
        assert_eq!(
            headings,
            ["The complaint", "What happened", "Final decision"]
        );
        assert_eq!(
            body.sections[1].paragraphs.last().map(|p| p.text.as_str()),
            Some("On 4 May 20")
        );
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
