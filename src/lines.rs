//! Splitting raw text into lines that keep their byte spans, recognising page chrome, and telling
//! where the statement ends or whether it was cut off.
//!
//! Nothing is copied: each [`Line`] borrows its trimmed text from the input, and its span points
//! back into the input, so every value read from a line can be traced to its bytes.

use regex_automata::util::syntax;
use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::util::pool::Pool;
use regex_automata::util::start;
use regex_automata::{MatchKind, hybrid};

use crate::model::Span;
use crate::words::{ends_with_ignore_case, starts_with_ignore_case};

/// One non-blank line of the input, trimmed of whitespace (including no-break spaces and a BOM).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Line<'a> {
    /// The trimmed text.
    pub text: &'a str,
    /// Where the trimmed text lies in the input.
    pub span: Span,
    /// How many whitespace characters preceded the text (a tab counts as four).
    pub indent: usize,
}

impl<'a> Line<'a> {
    /// A sub-span of this line, given offsets relative to `self.text`.
    pub fn sub_span(&self, start: usize, end: usize) -> Span {
        Span::new(self.span.start + start, self.span.start + end)
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{feff}' || c == '\u{200b}'
}

/// Whether `byte` is a whole ASCII character that is not [`is_space`].
fn is_ascii_non_space(byte: u8) -> bool {
    byte.is_ascii() && !is_space(char::from(byte))
}

/// Every non-blank line of `input`, in order. Handles `\n`, `\r\n` and lone `\r` line ends.
pub(crate) fn split_lines(input: &str) -> Vec<Line<'_>> {
    // Statements average well over 64 bytes a line: room for all of them, most times, saves
    // growing the vector (and copying it) again and again.
    let mut lines = Vec::with_capacity(input.len() / 64 + 1);
    let mut start = 0;
    let bytes = input.as_bytes();
    while let Some(&first) = bytes.get(start) {
        // An empty line (between paragraphs) is common, and told without a search.
        let end = if first == b'\n' || first == b'\r' {
            start
        } else {
            let end = memchr_line_end(bytes, start);
            push_trimmed(input, start, end, &mut lines);
            end
        };
        start = end + 1;
        if bytes.get(end) == Some(&b'\r') && bytes.get(end + 1) == Some(&b'\n') {
            start += 1;
        }
    }
    lines
}

fn memchr_line_end(bytes: &[u8], from: usize) -> usize {
    memchr::memchr2(b'\n', b'\r', &bytes[from..]).map_or(bytes.len(), |i| from + i)
}

fn push_trimmed<'a>(input: &'a str, start: usize, end: usize, lines: &mut Vec<Line<'a>>) {
    let raw = &input[start..end];
    let mut indent = 0;
    let mut text_start = raw.len();
    for (i, c) in raw.char_indices() {
        if !is_space(c) {
            text_start = i;
            break;
        }
        indent += if c == '\t' { 4 } else { 1 };
    }
    let text = &raw[text_start..];
    // Most lines end in a visible ASCII character, which no trimming can remove.
    let text = if text
        .as_bytes()
        .last()
        .is_some_and(|&b| is_ascii_non_space(b))
    {
        text
    } else {
        text.trim_end_matches(is_space)
    };
    if text.is_empty() {
        return;
    }
    let abs = start + text_start;
    lines.push(Line {
        text,
        span: Span::new(abs, abs + text.len()),
        indent,
    });
}

/// Lower-cases `text` and folds curly quotes and odd spaces to their plain forms, for matching.
pub(crate) fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_into(text, &mut folded);
    folded
}

/// [`fold`], written to `folded` (cleared first), for callers that reuse one buffer.
pub(crate) fn fold_into(text: &str, folded: &mut String) {
    folded.clear();
    let mut rest = text;
    while !rest.is_empty() {
        // Runs of plain ASCII (most of the text) only change case: copied whole, then lowered.
        let (run, tail) = rest.split_at(plain_ascii_len(rest.as_bytes()));
        let at = folded.len();
        folded.push_str(run);
        folded[at..].make_ascii_lowercase();
        let mut chars = tail.chars();
        if let Some(c) = chars.next() {
            folded.push(fold_char(c));
        }
        rest = chars.as_str();
    }
}

/// Whether [`fold`] changes a byte other than by lowering its case.
fn needs_folding(byte: u8) -> bool {
    !byte.is_ascii() || byte == b'`' || (b'\t'..=b'\r').contains(&byte)
}

/// How many bytes at the start of `bytes` [`fold`] only lowers. Tested 16 at a time without
/// stopping early, which the compiler turns into a few vector instructions.
fn plain_ascii_len(bytes: &[u8]) -> usize {
    const CHUNK: usize = 16;
    let mut chunks = bytes.chunks_exact(CHUNK);
    let mut done = 0;
    for chunk in chunks.by_ref() {
        let flags = chunk
            .iter()
            .fold(0u8, |any, &b| any | u8::from(needs_folding(b)));
        if flags != 0 {
            break;
        }
        done += CHUNK;
    }
    done + bytes[done..]
        .iter()
        .position(|&b| needs_folding(b))
        .unwrap_or(bytes.len() - done)
}

/// The characters [`fold`] makes a straight apostrophe.
pub(crate) const APOSTROPHES: [char; 5] = ['\'', '`', '\u{2018}', '\u{2019}', '\u{02bc}'];

/// What [`fold`] makes of a character that is not plain ASCII.
fn fold_char(c: char) -> char {
    match c {
        c if APOSTROPHES.contains(&c) => '\'',
        '\u{201c}' | '\u{201d}' => '"',
        '\u{2013}' | '\u{2014}' => '-',
        c if c.is_whitespace() => ' ',
        c => c,
    }
}

/// A regex for [`fold`]ed text, matched on its bytes with ASCII classes. Folded text has no
/// whitespace but spaces, so `\s` and `\S` mean a space and anything else exactly as the Unicode
/// classes would (a run of bytes that are not spaces always holds whole characters), and `\w`
/// reads ASCII words. The automata are several times smaller than with Unicode classes.
pub(crate) fn folded_regex(pattern: &str) -> Result<regex::bytes::Regex, regex::Error> {
    regex::bytes::RegexBuilder::new(pattern)
        .unicode(false)
        .build()
}

/// Patterns for [`fold`]ed text in one set that tells which of them match in one pass, with the
/// ASCII classes of [`folded_regex`].
///
/// The set is a lazy DFA walked byte by byte, noting the patterns of every match state it
/// enters. `meta::Regex::which_overlapping_matches` walks the same automaton, but returns to its
/// caller at each match and keeps account of its progress at every byte (about a third more
/// instructions a byte), and would put a literal prefilter in front, which sets of sentence
/// patterns gain nothing from: they start with common words (`the`, `was`, `not`).
pub(crate) struct FoldedSet {
    dfa: hybrid::dfa::DFA,
    caches: Pool<hybrid::dfa::Cache, CacheMaker>,
}

/// Makes a lazy DFA's cache for each thread that reads with a [`FoldedSet`].
type CacheMaker = Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

/// Which patterns of a [`FoldedSet`] matched: bit `i` for the pattern at `i`, so no set is
/// allocated for each text.
pub(crate) struct FoldedSetMatches(u64);

impl FoldedSet {
    /// How many patterns a set holds at most: one bit of [`FoldedSetMatches`] each.
    const MAX_PATTERNS: usize = 64;

    pub(crate) fn new(
        patterns: &[&str],
    ) -> Result<FoldedSet, Box<dyn std::error::Error + Send + Sync>> {
        if patterns.len() > Self::MAX_PATTERNS {
            return Err(
                format!("a folded set holds at most {} patterns", Self::MAX_PATTERNS).into(),
            );
        }
        let dfa = hybrid::dfa::DFA::builder()
            .configure(hybrid::dfa::DFA::config().match_kind(MatchKind::All))
            .syntax(syntax::Config::new().unicode(false).utf8(false))
            .build_many(patterns)?;
        let for_caches = dfa.clone();
        let make: CacheMaker = Box::new(move || for_caches.create_cache());
        Ok(FoldedSet {
            dfa,
            caches: Pool::new(make),
        })
    }

    /// Which patterns match somewhere in `folded`.
    pub(crate) fn matches(&self, folded: &str) -> FoldedSetMatches {
        let mut matched = 0;
        // The walk cannot fail: the lazy DFA never gives up (no minimum number of cache clears
        // is set) and has no quit bytes (its word boundaries are ASCII ones).
        let _ = self.walk(&mut self.caches.get(), folded.as_bytes(), &mut matched);
        FoldedSetMatches(matched)
    }

    /// Walks the automaton over `haystack`, setting in `matched` the bits of the patterns of each
    /// match state (a match shows one byte late, so the walk ends with the end-of-input
    /// transition).
    fn walk(
        &self,
        cache: &mut hybrid::dfa::Cache,
        haystack: &[u8],
        matched: &mut u64,
    ) -> Option<()> {
        let dfa = &self.dfa;
        let mut note = |state: hybrid::LazyStateID, cache: &hybrid::dfa::Cache| {
            if state.is_match() {
                for index in 0..dfa.match_len(cache, state) {
                    // Below `MAX_PATTERNS`, as every pattern's index is.
                    *matched |= 1 << dfa.match_pattern(cache, state, index).as_usize();
                }
            }
        };
        let mut state = dfa.start_state(cache, &start::Config::new()).ok()?;
        for &byte in haystack {
            // From an untagged state, the transition is a lookup; only a transition not yet
            // computed (an unknown state) or a tagged state needs the full step.
            let next = if state.is_tagged() {
                dfa.next_state(cache, state, byte).ok()?
            } else {
                let next = dfa.next_state_untagged(cache, state, byte);
                if next.is_unknown() {
                    dfa.next_state(cache, state, byte).ok()?
                } else {
                    next
                }
            };
            state = next;
            if state.is_tagged() {
                note(state, cache);
            }
        }
        note(dfa.next_eoi_state(cache, state).ok()?, cache);
        Some(())
    }
}

impl FoldedSetMatches {
    /// Whether the pattern at `index` (in the order given to [`FoldedSet::new`]) matched.
    pub(crate) fn matched(&self, index: usize) -> bool {
        index < FoldedSet::MAX_PATTERNS && self.0 >> index & 1 == 1
    }
}

/// The last `max_bytes` bytes of `text` or a little fewer, cut on a char boundary.
pub(crate) fn tail(text: &str, max_bytes: usize) -> &str {
    let mut start = text.len().saturating_sub(max_bytes);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    &text[start..]
}

/// Page chrome: lines that belong to the web page, not the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Chrome {
    /// `Back to top`, between the website's main sections.
    BackToTop,
    /// `Investigator's decision on behalf of the Ombudsman`: the statement's last line.
    Closing,
    /// `Print this page`, the logo and the cookie banner.
    Page,
    /// `Ombudsman satisfied with council's response: 4 May 2015`, after an older report
    /// summary's body.
    Status,
}

/// The starts of an older report summary's status lines, which also hold a `:` and a date.
const STATUS: [&str; 3] = [
    "ombudsman satisfied with",
    "ombudsman not satisfied with",
    "ombudsman dissatisfied with",
];

/// Reads a status line (`Ombudsman satisfied with council's response: 4 May 2015`): where its
/// event ends and where the text after the colon starts.
pub(crate) fn status_line(line: &str) -> Option<(usize, usize)> {
    let line = line.trim_end();
    if !STATUS
        .iter()
        .any(|start| starts_with_ignore_case(line, start))
    {
        return None;
    }
    let colon = line.rfind(':')?;
    let value = line[colon + 1..].trim_start();
    Some((colon, line.len() - value.len()))
}

const PAGE_CHROME: &[&str] = &[
    "print this page",
    "lgo logogram",
    "privacy settings",
    "review your privacy settings",
    "required cookies",
    "analytical cookies",
    "view required cookies",
    "view analytical cookies",
    "these cookies enable the website to function properly",
    "google analytics cookies help us",
    "we recommend you set these",
    "in using google analytics",
    "share this page",
    "skip to main content",
];

/// The ends of a statement's closing line (`Investigator's decision on behalf of the Ombudsman`).
pub(crate) const CLOSING: [&str; 2] = [
    "decision on behalf of the ombudsman",
    "decision on behalf of the local government and social care ombudsman",
];

/// Whether a chrome line may start with each byte: the first letters of [`BACK_TO_TOP`] and
/// [`PAGE_CHROME`] and [`STATUS`], in either case.
const CHROME_FIRST_BYTE: [bool; 256] = first_bytes(&[&BACK_TO_TOP, PAGE_CHROME, &STATUS]);

/// The first bytes of `wordings`, in either ASCII case, as a table.
const fn first_bytes(wordings: &[&[&str]]) -> [bool; 256] {
    let mut table = [false; 256];
    let mut list = 0;
    while list < wordings.len() {
        let mut i = 0;
        while i < wordings[list].len() {
            let first = wordings[list][i].as_bytes()[0];
            table[first.to_ascii_lowercase() as usize] = true;
            table[first.to_ascii_uppercase() as usize] = true;
            i += 1;
        }
        list += 1;
    }
    table
}

/// Whether a line is page chrome, and which kind. Compares without allocating: this runs on
/// every line.
fn chrome(line: &str) -> Option<Chrome> {
    // Chrome that ends or splits the body is short; paragraphs are not worth looking at.
    if line.len() > 100 {
        return None;
    }
    let first = *line.as_bytes().first()?;
    let line_end = line.trim_end_matches(['.', ':']);
    // Most lines start with a byte no chrome line starts with, and end with one no closing line
    // ends with.
    let may_close = line_end.as_bytes().last().is_some_and(|last| {
        CLOSING.iter().any(|end| {
            end.as_bytes()
                .last()
                .is_some_and(|e| e.eq_ignore_ascii_case(last))
        })
    });
    if !may_close && !CHROME_FIRST_BYTE[usize::from(first)] {
        return None;
    }
    if is_back_to_top(line) {
        return Some(Chrome::BackToTop);
    }
    if CLOSING
        .iter()
        .any(|end| ends_with_ignore_case(line_end, end))
    {
        return Some(Chrome::Closing);
    }
    if status_line(line).is_some() {
        return Some(Chrome::Status);
    }
    if PAGE_CHROME
        .iter()
        .any(|start| starts_with_ignore_case(line_end, start))
    {
        return Some(Chrome::Page);
    }
    None
}

/// Whether `line` is a statement's closing line (`Investigator's decision on behalf of the
/// Ombudsman`).
pub(crate) fn is_closing(line: &str) -> bool {
    matches!(chrome(line), Some(Chrome::Closing))
}

/// Whether `line` is page chrome of any kind (closing lines included).
pub(crate) fn is_chrome(line: &str) -> bool {
    chrome(line).is_some()
}

/// Whether `line` is a `Back to top` link (the one kind of chrome inside a statement), or one of
/// its other wordings (`Return to top`, `Back to the top`, `Top of page`).
pub(crate) fn is_back_to_top(line: &str) -> bool {
    let line = line.trim_end_matches(['.', ':', ' ', '↑', '^']);
    BACK_TO_TOP
        .iter()
        .any(|wording| line.eq_ignore_ascii_case(wording))
}

/// The wordings of a `Back to top` link.
const BACK_TO_TOP: [&str; 4] = [
    "back to top",
    "back to the top",
    "return to top",
    "top of page",
];

/// The body lines up to the statement's end (its closing line, or the page chrome after it), and
/// whether the text stops before any, i.e. it was cut off. The last line of a cut-off text is
/// left out when it is the start of a chrome line (`Back to`).
pub(crate) fn until_end<'l, 'a>(lines: &'l [Line<'a>]) -> (&'l [Line<'a>], bool) {
    let end = lines.iter().position(|l| {
        matches!(
            chrome(l.text),
            Some(Chrome::Closing | Chrome::Page | Chrome::Status)
        )
    });
    match (end, lines.split_last()) {
        (Some(end), _) => (&lines[..end], false),
        (None, Some((last, before))) if is_chrome_prefix(last.text) => (before, true),
        (None, _) => (lines, true),
    }
}

/// Whether a line cut off by truncation is the start of a chrome line (`Back to `).
fn is_chrome_prefix(line: &str) -> bool {
    // The chrome lines are 15 characters at most, and a folded character comes from at most
    // four bytes: a longer line (usually a cut-off paragraph) is not worth folding.
    if line.len() > 60 {
        return false;
    }
    let folded = fold(line);
    folded.len() >= 6
        && ("back to top".starts_with(&folded) || "print this page".starts_with(&folded))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folded_set_tells_every_pattern_that_matches() {
        let set = FoldedSet::new(&[
            r"(?-u:\b)no fault(?-u:\b)",
            r"(?-u:\b)fault(?-u:\b)",
            r"^upholding(?-u:\b)",
            r"caus\w* (?:\S+ ){0,2}?distress",
        ])
        .expect("set");
        let matched = |text: &str| -> Vec<usize> {
            let found = set.matches(text);
            (0..5).filter(|&i| found.matched(i)).collect()
        };
        // Overlapping matches, one ending the text (seen only at its end).
        assert_eq!(matched("there was no fault"), [0, 1]);
        assert_eq!(matched("upholding it, we found fault."), [1, 2]);
        assert_eq!(matched("we are upholding it"), Vec::<usize>::new());
        assert_eq!(matched("it caused her some distress"), [3]);
        assert_eq!(matched("faults"), Vec::<usize>::new());
        assert_eq!(matched(""), Vec::<usize>::new());
        // One bit a pattern: a set holds 64 at most.
        assert!(FoldedSet::new(&["a"; 64]).is_ok());
        assert!(FoldedSet::new(&["a"; 65]).is_err());
    }

    #[test]
    fn splits_all_line_ends_and_keeps_spans() {
        let input = "\u{feff}Title (1)\r\n\r\n  1. One\rTwo\n\u{a0}\n";
        let lines = split_lines(input);
        let texts: Vec<_> = lines.iter().map(|l| l.text).collect();
        assert_eq!(texts, ["Title (1)", "1. One", "Two"]);
        for line in &lines {
            assert_eq!(&input[line.span.range()], line.text);
        }
        assert_eq!(lines[1].indent, 2);
    }

    #[test]
    fn trims_every_kind_of_space_at_a_line_end() {
        let input = "One\u{a0}\u{200b}\nTwo \t\nThree\u{2003}.\u{feff}\nFour\x0b\n";
        let texts: Vec<_> = split_lines(input).iter().map(|l| l.text).collect();
        assert_eq!(texts, ["One", "Two", "Three\u{2003}.", "Four"]);
    }

    /// What [`fold`] means, one character at a time.
    fn fold_by_char(text: &str) -> String {
        text.chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
                '\u{201c}' | '\u{201d}' => '"',
                '\u{2013}' | '\u{2014}' => '-',
                c if c.is_whitespace() => ' ',
                c => c.to_ascii_lowercase(),
            })
            .collect()
    }

    #[test]
    fn fold_matches_its_char_by_char_definition() {
        let samples = [
            "",
            "Plain ASCII, Mixed CASE.",
            "tab\tvt\u{b}ff\u{c}cr\rlf\n`tick`",
            "Ms X\u{2019}s \u{201c}fault\u{201d} \u{2013} £300\u{a0}paid; CAFÉ ÅÄÖ \u{2003}em-space",
            "\u{feff}\u{200b}ends in multibyte \u{2014}",
        ];
        for sample in samples {
            assert_eq!(fold(sample), fold_by_char(sample), "{sample:?}");
        }
    }

    proptest::proptest! {
        /// Long plain runs, with the characters fold changes at any place in them (the plain
        /// run scan tests 16 bytes at a time).
        #[test]
        fn fold_matches_its_definition_anywhere(pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "Plain Text ", "0123456789ABCDEF", "`", "\t", "\r", "\u{b}", "\u{2019}", "\u{201c}",
                "\u{2014}", "\u{a0}", "\u{2003}", "É", "£", "x", "Q", "\u{7f}", "~", "@[",
            ]),
            0..40,
        )) {
            let text = pieces.concat();
            proptest::prop_assert_eq!(fold(&text), fold_by_char(&text));
        }
    }

    #[test]
    fn folds_quotes_and_case() {
        assert_eq!(fold("The Ombudsman\u{2019}s Role"), "the ombudsman's role");
    }

    #[test]
    fn recognises_chrome() {
        assert_eq!(chrome("Back to top"), Some(Chrome::BackToTop));
        assert_eq!(
            chrome("Investigator\u{2019}s decision on behalf of the Ombudsman"),
            Some(Chrome::Closing)
        );
        assert_eq!(chrome("Print this page"), Some(Chrome::Page));
        assert_eq!(chrome("The complaint"), None);
        // In any case, with the marks a line may end with.
        assert_eq!(chrome("TOP OF PAGE ↑"), Some(Chrome::BackToTop));
        assert_eq!(
            chrome("Final decision on behalf of the Local Government and Social Care Ombudsman."),
            Some(Chrome::Closing)
        );
        assert_eq!(chrome("skip to main content:"), Some(Chrome::Page));
        for not_chrome in [
            "",
            "·",
            "Top",
            "Back to the start",
            "A decision of the Ombudsman.",
        ] {
            assert_eq!(chrome(not_chrome), None, "{not_chrome:?}");
        }
        assert!(is_chrome_prefix("Back to"));
        assert!(!is_chrome_prefix("Back"));
    }

    #[test]
    fn ends_at_the_closing_line_or_is_cut_off() {
        fn texts<'a>(lines: &[Line<'a>]) -> Vec<&'a str> {
            lines.iter().map(|l| l.text).collect()
        }
        let closed = split_lines(
            "Para.\nInvestigator's decision on behalf of the Ombudsman\nPrint this page",
        );
        let (body, cut) = until_end(&closed);
        assert_eq!((texts(body), cut), (vec!["Para."], false));
        let lines = split_lines("Para.\nBack to");
        let (body, cut) = until_end(&lines);
        assert_eq!((texts(body), cut), (vec!["Para."], true));
        let lines = split_lines("Para.\nMore");
        let (body, cut) = until_end(&lines);
        assert_eq!((texts(body), cut), (vec!["Para.", "More"], true));
        assert!(until_end(&[]).1);
    }
}
