//! The statement's head: title line, header lines and summary, and where the body begins.

use chrono::NaiveDate;

use crate::dates::parse_header_date;
use crate::lines::{Line, fold};
use crate::model::{Category, FieldSpans, Outcome, OutcomeKind, Warning, WarningKind};
use crate::words::{
    contains_ignore_case, is_invisible, is_word_byte, offset_in, starts_with_ignore_case, visible,
};

/// A title line taken apart: `Knowsley Metropolitan Borough Council (22 014 796)`.
#[derive(Debug, PartialEq, Eq)]
struct Title<'a> {
    organisation: &'a str,
    /// Where the reference is written in the line.
    reference_at: std::ops::Range<usize>,
    /// The reference written `NN NNN NNN` (plus any letter suffix).
    reference: String,
}

/// The digits of a reference: two, three and three, separated by one space, no-break space or
/// hyphen, or by nothing, perhaps with a lower-case letter after (`17 002 402b`), and then not
/// followed by another letter or digit. Gives the text after it and the reference written
/// `NN NNN NNN` (plus any suffix).
fn reference(input: &str) -> Option<(&str, String)> {
    let mut rest = input;
    let mut groups = [""; 3];
    for (at, (group, len)) in groups.iter_mut().zip([2, 3, 3]).enumerate() {
        if at > 0 {
            rest = rest
                .strip_prefix(|c: char| c.is_whitespace() || c == '-')
                .unwrap_or(rest);
        }
        *group = rest
            .get(..len)
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))?;
        rest = &rest[len..];
    }
    let suffix = rest.chars().next().filter(char::is_ascii_lowercase);
    rest = &rest[suffix.map_or(0, char::len_utf8)..];
    if rest.bytes().next().is_some_and(is_word_byte) {
        return None;
    }
    let mut reference = groups.join(" ");
    reference.extend(suffix);
    Some((rest, reference))
}

/// Reads a title line: an organisation, then a reference in the line's last brackets (other
/// text may follow the reference inside them).
fn title(line: &str) -> Option<Title<'_>> {
    let inner_end = line.len().checked_sub(1).filter(|_| line.ends_with(')'))?;
    let open = line[..inner_end].rfind('(')?;
    let organisation = line[..open].trim_end();
    let inner = &line[open + 1..inner_end];
    if organisation.is_empty() || inner.contains(')') {
        return None;
    }
    let (rest, reference) = reference(inner)?;
    let start = open + 1;
    Some(Title {
        organisation,
        reference_at: start..start + inner.len() - rest.len(),
        reference,
    })
}

/// Reads a title line that is the bare reference (`16 003 985`), as the 2013–2017 report
/// summaries have: where the reference is written in the line, and the reference.
fn bare_reference(line: &str) -> Option<(std::ops::Range<usize>, String)> {
    let trimmed = line.trim_end();
    let (rest, reference) = reference(trimmed)?;
    rest.is_empty().then_some((0..trimmed.len(), reference))
}

/// A mirror site's own header, on one line or several: `Reference 23-021-042 Sector Other
/// Categories Category Commercial And Contracts Decided 09 May 2024`, each label followed by its
/// value up to the next label.
#[derive(Debug, Default, PartialEq, Eq)]
struct MirrorFields {
    reference: Option<(std::ops::Range<usize>, String)>,
    sector: Option<std::ops::Range<usize>>,
    category: Option<std::ops::Range<usize>>,
    decided: Option<(std::ops::Range<usize>, NaiveDate)>,
}

/// The labels of a mirror site's header, as the sites write them.
const MIRROR_LABELS: [&str; 4] = ["Reference ", "Sector ", "Category ", "Decided "];

/// Reads a mirror site's header labels in `line`: a label starts the line or follows a space,
/// and its value runs to the next label. A line counts only when it holds a reference, or
/// starts with a label and every value it holds reads (`Decided` a date).
fn mirror_fields(line: &str) -> Option<MirrorFields> {
    let mut starts: Vec<(usize, usize)> = Vec::new();
    for (which, label) in MIRROR_LABELS.iter().enumerate() {
        let mut from = 0;
        while let Some(found) = line[from..].find(label) {
            let at = from + found;
            if at == 0 || line.as_bytes()[at - 1] == b' ' {
                starts.push((at, which));
            }
            from = at + label.len();
        }
    }
    if starts.is_empty() {
        return None;
    }
    starts.sort_unstable();
    let mut fields = MirrorFields::default();
    for (i, &(at, which)) in starts.iter().enumerate() {
        let value_start = at + MIRROR_LABELS[which].len();
        let value_end = starts.get(i + 1).map_or(line.len(), |next| next.0);
        let value = line.get(value_start..value_end)?.trim_end();
        let range = value_start..value_start + value.len();
        match which {
            0 => fields.reference = Some(bare_reference(value).map(|(_, r)| (range, r))?),
            1 => fields.sector = Some(range).filter(|r| !r.is_empty()),
            2 => fields.category = Some(range).filter(|r| !r.is_empty()),
            _ => fields.decided = Some((range, parse_header_date(value)?)),
        }
    }
    (fields.reference.is_some() || starts[0].0 == 0).then_some(fields)
}

/// Whether a head line before a mirror site's reference names the organisation (`Lancashire
/// County Council` on a line of its own): a short line of words in capitals, with no digits, no
/// sentence or label punctuation, and not the site's own chrome.
fn is_organisation_line(line: &str) -> bool {
    let line = line.trim();
    (3..=100).contains(&line.len())
        && line.starts_with(|c: char| c.is_ascii_uppercase())
        && !line.contains(['.', ':', '·', '|', '?', '!'])
        && !line.bytes().any(|b| b.is_ascii_digit())
        && ![
            "Source",
            "View",
            "Full decision",
            "Home",
            "Decisions",
            "LGO",
        ]
        .iter()
        .any(|chrome| line.starts_with(chrome))
        && !contains_ignore_case(line, "ombudsman")
}

/// The header lines a statement may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Field {
    Category,
    Decision,
    DecisionDate,
}

/// Reads `Category : value`, `Decision : value`, `Decision date : value` (any case): the field
/// and where its value starts in the line.
fn field(line: &str) -> Option<(Field, usize)> {
    // Every name starts with `c` or `d`: most lines are ruled out before looking for a colon.
    if !line.starts_with(['c', 'C', 'd', 'D']) {
        return None;
    }
    let (name, after) = line.split_once(':')?;
    let name = name.trim_end();
    let field = [
        ("category", Field::Category),
        ("decision", Field::Decision),
        ("decision date", Field::DecisionDate),
        ("date of decision", Field::DecisionDate),
    ]
    .into_iter()
    .find(|(known, _)| known.eq_ignore_ascii_case(name))?
    .1;
    let value = after.trim_start();
    Some((field, line.len() - value.len()))
}

/// The text after the word `Summary` (in any ASCII case) that starts `line`, without the
/// white space after it; `None` when the line does not start with the word.
fn after_summary_word(line: &str) -> Option<&str> {
    starts_with_ignore_case(line, "summary").then(|| line["summary".len()..].trim_start())
}

/// Where the text after the label of `Summary: text` starts in `line` (the text may also start
/// on the next line): after the word, any spaces, a colon and any spaces after it; 0 when the
/// line does not start with the word.
fn after_summary_label(line: &str) -> usize {
    after_summary_word(line).map_or(0, |rest| {
        let rest = rest.strip_prefix(':').unwrap_or(rest).trim_start();
        line.len() - rest.len()
    })
}

/// The values read from the head of a statement.
#[derive(Debug, Default)]
pub(crate) struct Header {
    pub organisation: Option<String>,
    pub reference: Option<String>,
    pub category: Option<Category>,
    pub outcome: Option<Outcome>,
    pub decision_date: Option<NaiveDate>,
    pub summary: Option<String>,
    pub spans: FieldSpans,
    /// Index of the first body line.
    pub body_start: usize,
    /// Index of the title line, when there is one.
    pub title_at: Option<usize>,
    /// Index of the `Summary:` line, when there is one.
    pub summary_at: Option<usize>,
    /// Whether any mark of a decision statement was seen.
    pub looks_like_decision: bool,
    /// The head is a 2013–2017 report summary's: a bare-reference title, or a summary without
    /// its label.
    pub report_summary: bool,
    /// The head is a mirror site's own (`Reference 23-021-042 … Decided 09 May 2024`).
    pub mirror: bool,
    pub warnings: Vec<Warning>,
}

fn is_final_decision_line(text: &str) -> bool {
    // Every form starts with `the` or `final`; folding only lowers the case of ASCII letters and
    // makes no other character one, so most lines are ruled out without folding them.
    if !starts_with_ignore_case(text, "the") && !starts_with_ignore_case(text, "final") {
        return false;
    }
    let folded = fold(text);
    let folded = folded.trim_end_matches(':').trim_end();
    folded.starts_with("the ombudsman's final decision")
        || folded.starts_with("the ombudsmen's final decision")
        || folded == "final decision summary"
}

pub(crate) fn is_summary_line(text: &str) -> bool {
    // A line starting with an ASCII character other than `s` is none (invisible characters are
    // never ASCII, so no label can hide behind it).
    if text
        .as_bytes()
        .first()
        .is_some_and(|&b| b.is_ascii() && !matches!(b, b's' | b'S'))
    {
        return false;
    }
    let is_label = |text: &str| {
        after_summary_word(text).is_some_and(|rest| rest.starts_with(':') || rest.is_empty())
    };
    if is_label(text) {
        return true;
    }
    // A label with invisible characters in it (`Sum\u{200b}mary:`) is read without them; a line
    // whose first visible letter is not `s` is not one, and only the first bytes are copied.
    if !text
        .trim_start_matches(is_invisible)
        .starts_with(['s', 'S'])
    {
        return false;
    }
    let mut head = text.len().min(48);
    while !text.is_char_boundary(head) {
        head -= 1;
    }
    is_label(&visible(&text[..head]))
}

/// Whether a line is a header label with its value missing (`Category :`, `Summary:`), as a
/// page shows it when the value is another element.
pub(crate) fn is_bare_label(text: &str) -> bool {
    let text = text.trim_end();
    field(text).is_some_and(|(_, value_at)| value_at == text.len())
        || (is_summary_line(text) && text.len() <= "summary :".len())
}

/// Whether a line belongs to a statement's head: its title line, a header line
/// (`Category :`, `Decision :`, `Decision date :`) or the `The Ombudsman's final decision` line.
pub(crate) fn is_head_line(text: &str) -> bool {
    let text = &*visible(text);
    text.len() <= 300
        && (title(text).is_some() || field(text).is_some() || is_final_decision_line(text))
}

/// Whether a line may be a title line (ending with `)`) or a header line (starting with `c` or
/// `d`) once its invisible characters are left out, told from its end bytes alone: an invisible
/// character, never ASCII, may hide either end.
fn may_be_title_or_field(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (Some(&first), Some(&last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    !first.is_ascii()
        || !last.is_ascii()
        || matches!(first, b'c' | b'C' | b'd' | b'D')
        || first.is_ascii_digit()
        || last == b')'
}

/// The kind of outcome a `Decision :` value describes.
pub(crate) fn outcome_kind(value: &str) -> OutcomeKind {
    let folded = fold(value);
    if folded.starts_with("not upheld") {
        OutcomeKind::NotUpheld
    } else if folded.starts_with("upheld") {
        OutcomeKind::Upheld
    } else if folded.starts_with("closed after initial enquir") {
        OutcomeKind::ClosedAfterInitialEnquiries
    } else {
        OutcomeKind::Other
    }
}

fn category(value: &str) -> Category {
    let (area, subcategory) = match value.split_once('>') {
        Some((area, sub)) => (area.trim(), Some(sub.trim().to_string())),
        None => (value.trim(), None),
    };
    Category {
        text: value.to_string(),
        area: area.to_string(),
        subcategory: subcategory.filter(|s| !s.is_empty()),
    }
}

/// Reads the head of a statement from its lines. Never fails; missing parts become `None` and warnings.
pub(crate) fn read_header(lines: &[Line<'_>]) -> Header {
    let mut header = Header::default();
    let summary_at = lines.iter().position(|l| is_summary_line(l.text));
    let final_decision_at = lines
        .iter()
        .take(summary_at.unwrap_or(lines.len()))
        .position(|l| is_final_decision_line(l.text));
    let head_end = summary_at
        .or(final_decision_at)
        .unwrap_or(lines.len().min(12));

    let mut saw_header_line = false;
    let mut last_head_line = None;
    for (i, line) in lines[..head_end].iter().enumerate() {
        if line.text.len() > 300 || !may_be_title_or_field(line.text) {
            continue;
        }
        // Read without invisible characters; offsets are taken back to the line's own.
        let text = visible(line.text);
        if header.organisation.is_none() && read_title(line, &text, &mut header) {
            header.title_at = Some(i);
            last_head_line = Some(i);
        } else if read_field(line, &text, &mut header) {
            saw_header_line = true;
            last_head_line = Some(i);
        } else if header.reference.is_none()
            && let Some((at, reference)) = bare_reference(line.text)
        {
            header.reference = Some(reference);
            header.spans.reference = Some(line.sub_span(at.start, at.end));
            header.title_at = Some(i);
            header.report_summary = true;
            last_head_line = Some(i);
        }
    }
    if header.reference.is_none() && header.outcome.is_none() {
        read_mirror_header(&lines[..head_end], &mut header);
        saw_header_line |= header.mirror;
    }

    header.summary_at = summary_at;
    header.body_start = match (summary_at, final_decision_at) {
        (Some(at), _) => read_summary(lines, at, &mut header),
        (None, Some(at)) => at + 1,
        (None, None) => {
            let after_head = last_head_line.map_or(0, |i| i + 1);
            read_unlabelled_summary(lines, after_head, &mut header)
        }
    };
    header.looks_like_decision = header.organisation.is_some()
        || header.reference.is_some()
        || summary_at.is_some()
        || final_decision_at.is_some()
        || saw_header_line
        || has_template_sections(lines);

    if header.organisation.is_none() {
        header.warn(
            WarningKind::NoTitle,
            "no title line `Organisation (NN NNN NNN)` found",
        );
    }
    if !saw_header_line {
        header.warn(
            WarningKind::NoHeaderLines,
            "no `Category`, `Decision` or `Decision date` header lines",
        );
    }
    if header.summary.is_none() {
        header.warn(WarningKind::NoSummary, "no `Summary:` paragraph found");
    }
    header
}

impl Header {
    /// Warns, once, that invisible characters were left out of a `line` read as `visible`.
    fn note_invisible(&mut self, what: &str, visible: &str, line: &str) {
        let warned = self
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::InvisibleCharacters);
        if visible.len() != line.len() && !warned {
            self.warnings.push(Warning {
                kind: WarningKind::InvisibleCharacters,
                message: format!(
                    "invisible characters (zero-width spaces, direction marks) were left out of the {what} `{visible}`"
                ),
                span: None,
            });
        }
    }

    fn warn(&mut self, kind: WarningKind, message: &str) {
        self.warnings.push(Warning {
            kind,
            message: message.to_string(),
            span: None,
        });
    }
}

/// Reads `line` as a title line, its invisible characters left out in `text`.
fn read_title(line: &Line<'_>, text: &str, header: &mut Header) -> bool {
    let Some(title) = title(text) else {
        return false;
    };
    let at = |offset| offset_in(line.text, text, offset);
    let span = |start, end| line.sub_span(at(start), at(end));
    header.organisation = Some(title.organisation.to_string());
    header.reference = Some(title.reference);
    header.spans.organisation = Some(span(0, title.organisation.len()));
    header.spans.reference = Some(span(title.reference_at.start, title.reference_at.end));
    header.note_invisible("title", text, line.text);
    true
}

/// Reads `line` as a header line, its invisible characters left out in `visible_line`.
fn read_field(line: &Line<'_>, visible_line: &str, header: &mut Header) -> bool {
    let Some((field, value_start)) = field(visible_line) else {
        return false;
    };
    let text = visible_line[value_start..].trim_end();
    let at = |offset| offset_in(line.text, visible_line, offset);
    let (start, end) = (at(value_start), at(value_start + text.len()));
    let span = Some(line.sub_span(start, end));
    if text.is_empty() {
        return true;
    }
    header.note_invisible("header line", visible_line, line.text);
    match field {
        Field::Category => {
            header.category = Some(category(text));
            header.spans.category = span;
        }
        Field::Decision => {
            header.outcome = Some(Outcome {
                text: text.to_string(),
                kind: outcome_kind(text),
            });
            header.spans.outcome = span;
        }
        Field::DecisionDate => match parse_header_date(text) {
            Some(date) => {
                header.decision_date = Some(date);
                header.spans.decision_date = span;
            }
            None => header.warnings.push(Warning {
                kind: WarningKind::BadHeaderValue,
                message: format!("decision date `{text}` is not a calendar date"),
                span,
            }),
        },
    }
    true
}

/// Reads a mirror site's header in the head `lines`: its labels (see [`mirror_fields`]) and the
/// organisation on a line of its own before them.
fn read_mirror_header(lines: &[Line<'_>], header: &mut Header) {
    for (i, line) in lines.iter().enumerate() {
        let Some(fields) = mirror_fields(line.text) else {
            continue;
        };
        header.mirror = true;
        let span = |range: &std::ops::Range<usize>| line.sub_span(range.start, range.end);
        if let Some((range, reference)) = &fields.reference {
            header.reference = Some(reference.clone());
            header.spans.reference = Some(span(range));
            if header.organisation.is_none()
                && let Some(name) = lines[..i]
                    .iter()
                    .rev()
                    .find(|l| is_organisation_line(l.text))
            {
                let trimmed = name.text.trim();
                let start = name.text.len() - name.text.trim_start().len();
                header.organisation = Some(trimmed.to_string());
                header.spans.organisation = Some(name.sub_span(start, start + trimmed.len()));
            }
        }
        let text = |range: &std::ops::Range<usize>| &line.text[range.clone()];
        match (&fields.sector, &fields.category) {
            (Some(sector), Some(category)) => {
                header.category = Some(Category {
                    text: format!("{} > {}", text(sector), text(category)),
                    area: text(sector).to_string(),
                    subcategory: Some(text(category).to_string()),
                });
                header.spans.category = Some(line.sub_span(sector.start, category.end));
            }
            (Some(only), None) | (None, Some(only)) => {
                header.category = Some(category(text(only)));
                header.spans.category = Some(span(only));
            }
            (None, None) => {}
        }
        if let Some((range, date)) = fields.decided {
            header.decision_date = Some(date);
            header.spans.decision_date = Some(span(&range));
        }
    }
}

/// Whether `lines` hold two or more of the headings every statement's body has (`The complaint`,
/// `The Ombudsman's role and powers`, `Final decision`, …): a copy that lost its opening is still
/// a statement when its sections say so.
fn has_template_sections(lines: &[Line<'_>]) -> bool {
    lines
        .iter()
        .filter(|line| crate::headings::is_known_heading(line.text) == Some(1))
        .nth(1)
        .is_some()
}

/// The summary of a head without a `Summary` label (the 2013–2017 report summaries, a copy that
/// lost its opening): the paragraph at line `at`, when a main heading (`The complaint`) follows it
/// and it is neither a heading nor a list item itself. Returns the index of the first body line.
fn read_unlabelled_summary(lines: &[Line<'_>], at: usize, header: &mut Header) -> usize {
    let (Some(line), Some(next)) = (lines.get(at), lines.get(at + 1)) else {
        return at;
    };
    let text = line.text.trim();
    let is_paragraph = text.len() > 40
        && text.ends_with(['.', ':', '\u{201d}', '"', ')'])
        && !text.starts_with(['-', '\u{2022}', '*'])
        && !text.starts_with(|c: char| c.is_ascii_digit())
        && crate::headings::is_known_heading(text).is_none();
    if !is_paragraph || crate::headings::is_known_heading(next.text) != Some(1) {
        return at;
    }
    let start = line.text.len() - line.text.trim_start().len();
    header.summary = Some(text.to_string());
    header.spans.summary = Some(line.sub_span(start, start + text.len()));
    header.report_summary |= header.organisation.is_some() || header.reference.is_some();
    at + 1
}

/// Reads the summary at line `at` and returns the index of the first body line.
fn read_summary(lines: &[Line<'_>], at: usize, header: &mut Header) -> usize {
    let line = &lines[at];
    // The label may hold invisible characters (`Sum\u{200b}mary:`); the summary is the rest.
    let label = visible(line.text);
    let skip = offset_in(line.text, &label, after_summary_label(&label));
    let rest = &line.text[skip..];
    if !rest.is_empty() {
        header.summary = Some(rest.to_string());
        header.spans.summary = Some(line.sub_span(skip, line.text.len()));
        return at + 1;
    }
    match lines.get(at + 1) {
        Some(next)
            if crate::headings::is_known_heading(next.text).is_none()
                && !is_summary_line(next.text) =>
        {
            header.summary = Some(next.text.to_string());
            header.spans.summary = Some(next.span);
            at + 2
        }
        _ => at + 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split_lines;
    use crate::model::Span;

    fn span_text(input: &str, span: Option<Span>) -> Option<&str> {
        span.map(|s| &input[s.range()])
    }

    #[test]
    fn reads_title_fields_and_summary() {
        let input = "Redcar & Cleveland Council (24 005 034)\nCategory : Children's care services > Child protection\n\
                     Decision : Closed after initial enquiries\nDecision date : 28 Sep 2024\n\
                     The Ombudsman's final decision:\nSummary: We will not investigate.\nThe complaint\n";
        let lines = split_lines(input);
        let h = read_header(&lines);
        assert_eq!(
            h.organisation.as_deref(),
            Some("Redcar & Cleveland Council")
        );
        assert_eq!(h.reference.as_deref(), Some("24 005 034"));
        assert_eq!(span_text(input, h.spans.reference), Some("24 005 034"));
        assert_eq!(
            h.category.as_ref().unwrap().subcategory.as_deref(),
            Some("Child protection")
        );
        assert_eq!(
            h.outcome.as_ref().unwrap().kind,
            OutcomeKind::ClosedAfterInitialEnquiries
        );
        assert_eq!(h.decision_date, NaiveDate::from_ymd_opt(2024, 9, 28));
        assert_eq!(h.summary.as_deref(), Some("We will not investigate."));
        assert_eq!(
            span_text(input, h.spans.summary),
            Some("We will not investigate.")
        );
        assert_eq!(lines[h.body_start].text, "The complaint");
        assert!(h.warnings.is_empty());
    }

    #[test]
    fn reads_other_reference_spellings() {
        for title in [
            "A Council (22-014-796)",
            "A Council (22014796)",
            "A Council (22\u{a0}014\u{a0}796)",
        ] {
            let lines = split_lines(title);
            assert_eq!(
                read_header(&lines).reference.as_deref(),
                Some("22 014 796"),
                "{title}"
            );
        }
    }

    #[test]
    fn reads_title_lines() {
        // (line, organisation and reference, or None)
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "Knowsley Metropolitan Borough Council (22 014 796)",
                Some(("Knowsley Metropolitan Borough Council", "22 014 796")),
            ),
            (
                "Park Homes (UK) Limited (24 017 587)",
                Some(("Park Homes (UK) Limited", "24 017 587")),
            ),
            (
                "A Council (22 001 234 and 22 001 235)",
                Some(("A Council", "22 001 234")),
            ),
            ("A Trust (17 002 402b)", Some(("A Trust", "17 002 402b"))),
            ("A Council (22 014 7960)", None),
            ("A Council (22 014 796ab)", None),
            ("A Council (22 014 796) (note)", None),
            ("(22 014 796)", None),
            ("The Council wrote to her (see paragraph 12)", None),
        ];
        for (line, expected) in cases {
            let got = title(line).map(|t| (t.organisation, t.reference));
            assert_eq!(got, expected.map(|(o, r)| (o, r.to_string())), "{line}");
            if let Some(t) = title(line) {
                assert!(line[t.reference_at].starts_with(&t.reference[..2]));
            }
        }
    }

    #[test]
    fn reads_field_lines() {
        let cases: &[(&str, Option<(Field, &str)>)] = &[
            (
                "Category : Education > School transport",
                Some((Field::Category, "Education > School transport")),
            ),
            ("decision:Upheld", Some((Field::Decision, "Upheld"))),
            (
                "Decision date :\u{a0}22 Aug 2023",
                Some((Field::DecisionDate, "22 Aug 2023")),
            ),
            (
                "Date of decision : 22 Aug 2023",
                Some((Field::DecisionDate, "22 Aug 2023")),
            ),
            ("Decision maker: Ms Q", None),
            ("Summary: text", None),
        ];
        for (line, expected) in cases {
            let got = field(line).map(|(f, at)| (f, &line[at..]));
            assert_eq!(got, *expected, "{line}");
        }
    }

    #[test]
    fn maps_long_outcome_wordings() {
        assert_eq!(
            outcome_kind("Upheld: maladministration and injustice"),
            OutcomeKind::Upheld
        );
        assert_eq!(
            outcome_kind("Not upheld: no maladministration"),
            OutcomeKind::NotUpheld
        );
        assert_eq!(
            outcome_kind("Closed after initial enquiries: out of jurisdiction"),
            OutcomeKind::ClosedAfterInitialEnquiries
        );
        assert_eq!(outcome_kind("Withdrawn"), OutcomeKind::Other);
    }
}
