//! Citations of Acts: `(Local Government Act 1974, sections 26(1) and 26A(1), as amended)`,
//! `Section 26(3) of the Children Act (1989)`, `Children Act 1989`.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, digit1, satisfy},
    combinator::{map, opt, recognize, verify},
    multi::{many0_count, separated_list1},
    sequence::{delimited, preceded, terminated},
};
use regex::Regex;

use crate::model::{ActReference, Citation};
use crate::pieces::{self, Piece};
use crate::words::{spaces, tag_ascii_no_case};

/// A section number: `26`, `26A`, `26(1)`, `34H(i)`, `26(6)(c)`.
fn section(input: &str) -> IResult<&str, &str> {
    recognize((
        digit1,
        take_while_m_n(0, 2, |c: char| c.is_ascii_uppercase()),
        many0_count(delimited(
            char('('),
            take_while1(|c: char| c.is_ascii_alphanumeric()),
            char(')'),
        )),
    ))
    .parse(input)
}

/// `26(1) and 26A(1)`, `26B, 34D`, `30(1B) & 34H(i)`.
fn section_list(input: &str) -> IResult<&str, Vec<String>> {
    let separator = alt((
        recognize((
            opt(spaces),
            tag(","),
            opt(spaces),
            opt((tag("and"), spaces)),
        )),
        recognize((spaces, alt((tag("and"), tag("or"), tag("&"))), spaces)),
    ));
    separated_list1(separator, map(section, str::to_string)).parse(input)
}

/// `section 26(1)`, `sections 26B and 34D`, `s508B`.
fn sections_clause(input: &str) -> IResult<&str, Vec<String>> {
    let word = alt((
        terminated(
            recognize((tag_ascii_no_case("section"), opt(tag_ascii_no_case("s")))),
            spaces,
        ),
        recognize((tag("s"), opt(tag(".")), opt(spaces))),
    ));
    preceded(word, section_list).parse(input)
}

/// A capitalised word of an Act's name other than `Act` itself.
fn capitalised(input: &str) -> IResult<&str, &str> {
    verify(
        recognize((
            satisfy(|c| c.is_ascii_uppercase()),
            take_while_m_n(0, 40, |c: char| {
                c.is_alphanumeric() || c == '\'' || c == '-'
            }),
        )),
        |word: &str| word != "Act",
    )
    .parse(input)
}

/// `Local Government`, `Adoption and Children`: capitalised words, with `and`/`of`/`in`/`for`
/// between them but never first (`The and Children Act 1989` names no Act). Returns the words
/// joined by single spaces.
fn act_name(input: &str) -> IResult<&str, String> {
    let connector = terminated(
        alt((
            tag("and"),
            tag("of"),
            tag("in"),
            tag("for"),
            tag("on"),
            tag("to"),
        )),
        spaces,
    );
    let (rest, words) = recognize((
        terminated(capitalised, opt(spaces)),
        many0_count(terminated(alt((capitalised, connector)), opt(spaces))),
    ))
    .parse(input)?;
    // Room for ` Act 1974` too, which the caller appends.
    let mut name = String::with_capacity(words.len() + 9);
    for word in words.split_whitespace() {
        if !name.is_empty() {
            name.push(' ');
        }
        name.push_str(word);
    }
    Ok((rest, name))
}

/// `Act 1974` or `Act (1989)`.
fn act_year(input: &str) -> IResult<&str, &str> {
    let year = take_while_m_n(4, 4, |c: char| c.is_ascii_digit());
    preceded(
        (tag("Act"), opt(spaces)),
        alt((delimited(char('('), year, char(')')), recognize(digit1))),
    )
    .parse(input)
}

/// Reads a citation of an Act at the start of `text` and returns it with the number of bytes read:
/// an optional `Section 26(3) of the ` before the Act, the Act's name and year, and any
/// `, sections 26(1) and 26A(1), as amended, section 34(B)` after it.
///
/// ```
/// use lgsco::grammar::parse_citation;
/// let text = "Local Government Act 1974, sections 26(1) and 26A(1), as amended)";
/// let (citation, len) = parse_citation(text).unwrap();
/// assert_eq!(citation.act, "Local Government Act 1974");
/// assert_eq!(citation.sections, ["26(1)", "26A(1)"]);
/// assert_eq!(&text[len..], ")");
/// assert!(parse_citation("Local Government Act 1974, as amended)").is_some());
/// let (citation, _) = parse_citation("Section 26(3) of the Children Act (1989) says").unwrap();
/// assert_eq!((citation.act.as_str(), citation.sections.as_slice()), ("Children Act 1989", &["26(3)".to_string()][..]));
/// assert!(parse_citation("section 26 of the Act").is_none());
/// ```
pub fn parse_citation(text: &str) -> Option<(ActReference, usize)> {
    let before = terminated(
        sections_clause,
        (
            spaces,
            tag("of"),
            spaces,
            opt((tag_ascii_no_case("the"), spaces)),
        ),
    );
    let (rest, (leading, _, name, year)) =
        (opt(before), opt((tag("The"), spaces)), act_name, act_year)
            .parse(text)
            .ok()?;
    if year.len() != 4 || rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut sections: Vec<String> = leading.unwrap_or_default();
    let mut rest = rest;
    loop {
        let after_clause = preceded(
            (
                tag(","),
                opt((spaces, tag("as amended"), tag(","))),
                opt(spaces),
            ),
            sections_clause,
        )
        .parse(rest);
        match after_clause {
            Ok((after, more)) => {
                sections.extend(more);
                rest = after;
            }
            Err(_) => break,
        }
    }
    if let Ok((after, _)) = (tag(","), spaces, tag("as amended")).parse(rest) {
        rest = after;
    }
    let mut act = name;
    act.push_str(" Act ");
    act.push_str(year);
    Some((ActReference { act, sections }, text.len() - rest.len()))
}

/// Candidates: an Act name and year, perhaps with `Section N of the` before it. Word boundaries
/// are ASCII (`(?-u:\b)`) so the fast lazy DFA runs on text with curly quotes too.
static ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?-u:\b)[Ss](?:ections?|\.)?\s*\d+[A-Z]{0,2}(?:\([0-9A-Za-z]+\))*
            (?:\s*(?:,|and|&)\s*\d+[A-Z]{0,2}(?:\([0-9A-Za-z]+\))*)*\s+of\s+(?:the\s+)?)?
        (?-u:\b)(?:[A-Z][\w'-]*\s+(?:(?:and|of|in|for|on|to)\s+)?)+Act\s*(?:\(\d{4}\)|\d{4}(?-u:\b))",
    )
    .expect("act regex")
});

/// Every citation holds the word `Act`; most paragraphs do not.
static ACT_WORD: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("Act"));

/// Every citation in `text`, as (reference, start, end) with offsets relative to `text`.
///
/// The candidate regex finds the same matches as it would scanning the whole text, but each search
/// starts just before the next `Act`: after the last character no candidate can hold (such as `;`,
/// a curly quote, or a full stop not after `s`), since a candidate is one run of such characters
/// ending in `Act` and its year.
pub(crate) fn find_citations(text: &str) -> Vec<(ActReference, usize, usize)> {
    let mut found = Vec::new();
    let mut searched_to = 0;
    for act in ACT_WORD.find_iter(text.as_bytes()) {
        if act < searched_to {
            continue;
        }
        let from = clause_start(text.as_bytes(), searched_to, act);
        let Some(candidate) = ACT.find_at(text, from) else {
            break;
        };
        searched_to = candidate.end();
        let start = candidate.start();
        if let Some((reference, len)) = text.get(start..).and_then(parse_citation) {
            found.push((reference, start, start + len));
        }
    }
    found
}

/// Where the run of characters that a candidate can hold, ending at `end`, starts, looking no
/// further back than `floor` (where the last search ended), so no byte is looked at twice.
fn clause_start(text: &[u8], floor: usize, end: usize) -> usize {
    (floor..end)
        .rev()
        .find(|&at| cannot_be_in_candidate(text, at))
        .map_or(floor, |at| at + 1)
}

/// Whether `text[at]` is a byte no candidate match can hold: ASCII punctuation the regex has no
/// place for, a full stop not after `s` (`s.`), or the last byte of a curly quote.
fn cannot_be_in_candidate(text: &[u8], at: usize) -> bool {
    let before = |back: usize| at.checked_sub(back).map(|i| text[i]);
    match text[at] {
        b'.' => !matches!(before(1), Some(b's' | b'S')),
        b'\'' | b'-' | b'(' | b')' | b',' | b'&' | b'_' => false,
        0x98 | 0x99 | 0x9c | 0x9d => before(1) == Some(0x80) && before(2) == Some(0xe2),
        b => b.is_ascii_punctuation(),
    }
}

/// Every citation of an Act in `pieces` of `input`, in order. `Act` is looked for once in the
/// whole input, and only the pieces that hold it are read.
pub(crate) fn citations(input: &str, pieces: &[Piece<'_>]) -> Vec<Citation> {
    let acts: Vec<usize> = ACT_WORD.find_iter(input.as_bytes()).collect();
    pieces::holding(pieces, &acts, ACT_WORD.needle().len())
        .flat_map(|piece| {
            find_citations(piece.text)
                .into_iter()
                .map(move |(reference, start, end)| Citation {
                    reference,
                    paragraph: piece.paragraph,
                    span: piece.span(start, end),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cite(text: &str) -> Option<(String, Vec<String>)> {
        parse_citation(text).map(|(c, _)| (c.act, c.sections))
    }

    #[test]
    fn reads_citations() {
        type Cited<'a> = Option<(&'a str, &'a [&'a str])>;
        let cases: &[(&str, Cited<'_>)] = &[
            (
                "Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
                Some(("Local Government Act 1974", &["26(1)", "26A(1)"])),
            ),
            (
                "Local Government Act 1974, section 30(1B) and 34H(i), as amended)",
                Some(("Local Government Act 1974", &["30(1B)", "34H(i)"])),
            ),
            (
                "Local Government Act 1974, section 24A(6), as amended, section 34(B))",
                Some(("Local Government Act 1974", &["24A(6)", "34(B)"])),
            ),
            (
                "Local Government Act 1974, sections 26B and 34D, as amended)",
                Some(("Local Government Act 1974", &["26B", "34D"])),
            ),
            (
                "Local Government Act 1974, section 26(6)(c), as amended)",
                Some(("Local Government Act 1974", &["26(6)(c)"])),
            ),
            (
                "Section 26(3) of the Children Act (1989) says",
                Some(("Children Act 1989", &["26(3)"])),
            ),
            (
                "Children Act 1989 sets out",
                Some(("Children Act 1989", &[])),
            ),
            (
                "The Adoption and Children Act 2002, introduced",
                Some(("Adoption and Children Act 2002", &[])),
            ),
            ("s508B and Schedule 35B of the Education Act 1996)", None),
            ("Act 1974", None),
            ("Local Government Act 19745", None),
            ("Local Government Act", None),
        ];
        for (text, expected) in cases {
            let expected =
                expected.map(|(a, s)| (a.to_string(), s.iter().map(|s| s.to_string()).collect()));
            assert_eq!(cite(text), expected, "{text}");
        }
    }

    /// The citations the candidate regex reads when it scans the whole text: what `find_citations`
    /// must find with its shorter searches.
    fn find_citations_by_whole_scan(text: &str) -> Vec<(ActReference, usize, usize)> {
        ACT.find_iter(text)
            .filter_map(|m| {
                let (reference, len) = parse_citation(&text[m.start()..])?;
                Some((reference, m.start(), m.start() + len))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn finds_what_a_whole_scan_reads(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Act", "Act 1974", "Act (1989)", "Action", "Local", "Government", "Children",
                "and", "of", "the", "The", "section", "sections", "s.", "S.", "s", "26(1)", "26A",
                "Care", " ", "  ", "\n", ".", ",", ";", "(", ")", "\u{2019}", "\u{201c}", "é",
                "1974", "x", "-", "&",
            ]),
            0..16,
        )) {
            let text = words.concat();
            proptest::prop_assert_eq!(find_citations(&text), find_citations_by_whole_scan(&text));
        }
    }

    #[test]
    fn finds_citations_in_text() {
        let text = "(Local Government Act 1974, section 24A(6), as amended) and the Children Act 1989 \
                    and section 26 of the Act. Section 26(3) of the Children Act (1989) says";
        let found: Vec<_> = find_citations(text)
            .into_iter()
            .map(|(c, s, e)| (c.act, &text[s..e]))
            .collect();
        assert_eq!(
            found,
            [
                (
                    "Local Government Act 1974".to_string(),
                    "Local Government Act 1974, section 24A(6), as amended"
                ),
                ("Children Act 1989".to_string(), "Children Act 1989"),
                (
                    "Children Act 1989".to_string(),
                    "Section 26(3) of the Children Act (1989)"
                ),
            ]
        );
    }
}
