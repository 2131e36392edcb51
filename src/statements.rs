//! Several statements in one text (`cat *.txt > all.txt`, a scraper's single output file):
//! where each one begins.

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::header::read_header;
use crate::lines::{Line, is_chrome, is_closing, split_lines};

/// What every closing line holds (`Investigator's decision on behalf of the Ombudsman`).
static CLOSING_WORDS: LazyLock<Finder<'static>> =
    LazyLock::new(|| Finder::new("behalf of the Ombudsman"));

/// How much text after a closing line (and at a statement's start) is read for a title and a
/// summary: they come first, after a little page chrome.
const HEAD_BYTES: usize = 8 << 10;

/// The byte ranges of the statements in `text`, in order: a new statement begins after a
/// statement's closing line (and any page chrome after it) when what follows reads as a
/// decision statement with a title other than the one before (the same statement pasted again is
/// left to [`crate::parse`], which reads the first copy and warns). A text of one statement, or
/// of none, is one range holding it all.
///
/// Parse each range with [`crate::parse`] and move its spans with
/// [`crate::Decision::offset_spans`] to point into the whole text.
///
/// ```
/// let one = std::fs::read_to_string("corpus/knowsley-22-014-796.txt")?;
/// let other = std::fs::read_to_string("corpus/norfolk-20-005-547.txt")?;
/// let both = format!("{one}\n{other}");
/// let ranges = lgsco::statements(&both);
/// assert_eq!(ranges, [0..one.len() + 1, one.len() + 1..both.len()]);
/// assert_eq!(lgsco::statements(&one), [0..one.len()]);
/// assert_eq!(lgsco::statements(&format!("{one}\n{one}")).len(), 1);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn statements(text: &str) -> Vec<Range<usize>> {
    let mut starts = vec![0];
    let mut title: Option<Option<&str>> = None;
    for found in CLOSING_WORDS.find_iter(text.as_bytes()) {
        let line_start = text[..found].rfind(['\n', '\r']).map_or(0, |at| at + 1);
        let line_end = text[found..]
            .find(['\n', '\r'])
            .map_or(text.len(), |at| found + at);
        if line_end <= *starts.last().unwrap_or(&0)
            || !is_closing(text[line_start..line_end].trim())
        {
            continue;
        }
        let after = head(text, line_end);
        let lines = split_lines(after);
        let chrome = lines.iter().take_while(|l| is_chrome(l.text)).count();
        let rest = lines.get(chrome..).unwrap_or_default();
        let header = read_header(rest);
        let Some(first) = header
            .title_at
            .or(header.summary_at)
            .and_then(|i| rest.get(i))
        else {
            continue;
        };
        let current = *title.get_or_insert_with(|| {
            let start = *starts.last().unwrap_or(&0);
            title_of(&split_lines(head(text, start)))
        });
        let next = header.title_at.and_then(|i| rest.get(i)).map(|l| l.text);
        if next == current {
            continue;
        }
        // The new statement starts at the start of its title's line (or its summary's): what
        // lies between (page chrome, a cookie banner) belongs to the statement before.
        let start = line_end
            + after[..first.span.start]
                .rfind(['\n', '\r'])
                .map_or(0, |at| at + 1);
        starts.push(start);
        title = Some(next);
    }
    let mut ends: Vec<usize> = starts.iter().skip(1).copied().collect();
    ends.push(text.len());
    starts
        .into_iter()
        .zip(ends)
        .map(|(start, end)| start..end)
        .collect()
}

/// The first [`HEAD_BYTES`] or so of `text` from `start`, cut on a char boundary.
fn head(text: &str, start: usize) -> &str {
    let mut end = (start + HEAD_BYTES).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text.get(start..end).unwrap_or_default()
}

/// The title line of the statement `lines` begin, if it has one.
fn title_of<'a>(lines: &[Line<'a>]) -> Option<&'a str> {
    read_header(lines)
        .title_at
        .and_then(|i| lines.get(i))
        .map(|line| line.text)
}
