//! Text repeated by scrapers: a line repeated right after itself (a `Summary:` line twice, or
//! every line doubled), and a statement pasted twice into one file, where the second copy begins.

use crate::header::{Header, is_head_line};
use crate::lines::Line;
use crate::model::{Span, Warning, WarningKind};

/// `lines` without each line that repeats the line before it word for word, and a
/// [`WarningKind::RepeatedLines`] warning naming the first such line (its span is the first
/// repeat) when there was one. A statement's own lines never repeat like this, but scraped copies
/// do: a `Summary:` line twice, or every line doubled.
pub(crate) fn without_repeated_lines<'a>(
    mut lines: Vec<Line<'a>>,
) -> (Vec<Line<'a>>, Option<Warning>) {
    let (mut repeats, mut first) = (0usize, None);
    // In place: each line is compared with the last line kept, in order.
    lines.dedup_by(|line, kept| {
        let repeat = line.text == kept.text;
        if repeat {
            repeats += 1;
            first.get_or_insert(*line);
        }
        repeat
    });
    let warning = first.map(|line| Warning {
        kind: WarningKind::RepeatedLines,
        message: format!(
            "{repeats} line(s) repeat the line before them, the first `{}`; each repeat was skipped",
            line.text.chars().take(60).collect::<String>()
        ),
        span: Some(line.span),
    });
    (lines, warning)
}

/// How far back from a repeated title or summary line the second copy's head may reach.
const MAX_HEAD_LINES: usize = 12;

/// Where the body of the statement read into `header` ends: where a second copy of it begins
/// (see [`second_copy`]), with a [`WarningKind::DuplicateStatement`] warning in `header`, else at
/// the end of `lines`.
pub(crate) fn body_end(lines: &[Line<'_>], header: &mut Header) -> usize {
    let end = second_copy(lines, header).unwrap_or(lines.len());
    if let (Some(first), Some(last)) = (lines.get(end), lines.last()) {
        header.warnings.push(Warning {
            kind: WarningKind::DuplicateStatement,
            message: "the statement appears again further on; only the first copy was read".into(),
            span: Some(Span::new(first.span.start, last.span.end)),
        });
    }
    end
}

/// The index in `lines` where a second copy of the statement read into `header` begins, if any.
///
/// A second copy is a body line repeating the statement's title line, or its `Summary:` line (with
/// the line after it, when the summary text starts there). The copy's own header lines just before
/// that line (`Category :`, `Decision :`, the final-decision line) belong to it too.
fn second_copy(lines: &[Line<'_>], header: &Header) -> Option<usize> {
    let body_start = header.body_start.min(lines.len());
    let title = header.title_at.and_then(|i| lines.get(i)).map(|l| l.text);
    let summary = header
        .summary_at
        .and_then(|i| lines.get(i..body_start))
        .filter(|s| !s.is_empty());
    let repeats_summary = |at: usize| {
        summary.is_some_and(|summary| {
            lines.get(at..at + summary.len()).is_some_and(|here| {
                here.iter()
                    .zip(summary)
                    .all(|(here, there)| here.text == there.text)
            })
        })
    };
    let mut at = (body_start..lines.len())
        .find(|&at| title == lines.get(at).map(|l| l.text) || repeats_summary(at))?;
    let lowest = at.saturating_sub(MAX_HEAD_LINES).max(body_start);
    while at > lowest && lines.get(at - 1).is_some_and(|l| is_head_line(l.text)) {
        at -= 1;
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::header::read_header;
    use crate::lines::split_lines;

    const STATEMENT: &str = "A Council (22 014 796)\nDecision : Upheld\nSummary: Ms X complained.\n\
                             The complaint\n  1. Ms X complained.\n";

    fn restart(text: &str) -> Option<&str> {
        let lines = split_lines(text);
        let header = read_header(&lines);
        second_copy(&lines, &header).map(|at| lines[at].text)
    }

    #[test]
    fn finds_the_second_copy_from_its_title_or_summary() {
        let twice = format!("{STATEMENT}{STATEMENT}");
        assert_eq!(restart(&twice), Some("A Council (22 014 796)"));
        let without_title = STATEMENT.replace("A Council (22 014 796)\n", "");
        let twice = format!("{without_title}\n{without_title}");
        assert_eq!(restart(&twice), Some("Decision : Upheld"));
    }

    #[test]
    fn a_line_repeated_right_after_itself_is_read_once() {
        let doubled: String = STATEMENT.lines().flat_map(|l| [l, "\n", l, "\n"]).collect();
        let (lines, warning) = without_repeated_lines(split_lines(&doubled));
        let texts: Vec<&str> = lines.iter().map(|l| l.text).collect();
        let once: Vec<&str> = split_lines(STATEMENT).iter().map(|l| l.text).collect();
        assert_eq!(texts, once);
        let warning = warning.unwrap();
        assert!(
            warning.message.starts_with("5 line(s)"),
            "{}",
            warning.message
        );
        assert_eq!(
            &doubled[warning.span.unwrap().range()],
            "A Council (22 014 796)"
        );
        assert!(without_repeated_lines(split_lines(STATEMENT)).1.is_none());
    }

    #[test]
    fn a_single_statement_has_no_second_copy() {
        assert_eq!(restart(STATEMENT), None);
        assert_eq!(
            restart("Summary: Ms X complained.\nThe complaint\nMs X said so."),
            None
        );
    }
}
