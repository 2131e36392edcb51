//! Citations of legislation: Acts and Regulations, with or without a year, with the sections,
//! Parts and Schedules cited of them (`Local Government Act 1974, sections 26(1) and 26A(1), as
//! amended`, `Section 26(3) of the Children Act (1989)`, `Part 4 of the Children Act 1989`,
//! `the Care and Support (Assessment) Regulations 2014`, `the Equality Act`), and bare sections
//! (`a section 47 enquiry`).
//!
//! [`parse_citation`] reads one citation where it starts. [`citations`] reads every sentence
//! that holds `Act`, `Regulations` or `section`, trying it at each word start. A bare section
//! belongs to the nearest legislation named in its sentence; with none it names no legislation.

use std::sync::LazyLock;

use memchr::memmem::Finder;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n, take_while1},
    character::complete::{char, digit1, satisfy},
    combinator::{opt, recognize, verify},
    multi::{many_m_n, many0_count},
    sequence::{delimited, preceded, terminated},
};

use crate::document::Document;
use crate::model::{ActReference, Citation, LegislationKind};
use crate::pieces::{self, Piece};
use crate::words::{spaces, starts_with_ignore_case, tag_ascii_no_case};

/// The most entries one list reads (`sections 1, 2, 3, …`) and the most words one name holds:
/// bounds that keep a reading tried at every word start linear in the sentence.
const MAX_ITEMS: usize = 32;

/// A section number: `26`, `26A`, `26(1)`, `34H(i)`, `34(B)`, `26(6)(c)`, ending the word
/// (`4.2` and `26ABC` are not sections).
fn section_number(input: &str) -> IResult<&str, &str> {
    recognize((
        digit1,
        take_while_m_n(0, 2, |c: char| c.is_ascii_uppercase()),
        many0_count(bracket),
    ))
    .parse(input)
    .and_then(|(rest, number)| {
        let mut next = rest.chars();
        let ends = match next.next() {
            Some('.') => !next.next().is_some_and(|c| c.is_ascii_digit()),
            Some(c) => !c.is_alphanumeric(),
            None => true,
        };
        if ends {
            Ok((rest, number))
        } else {
            fail(input)
        }
    })
}

fn fail<T>(input: &str) -> IResult<&str, T> {
    Err(nom::Err::Error(nom::error::Error::new(
        input,
        nom::error::ErrorKind::Verify,
    )))
}

/// `(1)`, `(1B)`, `(i)`: a bracket after a section number.
fn bracket(input: &str) -> IResult<&str, &str> {
    recognize(delimited(
        char('('),
        take_while_m_n(1, 8, |c: char| c.is_ascii_alphanumeric()),
        char(')'),
    ))
    .parse(input)
}

/// Between entries of a list: `, `, `, and `, ` and `, ` or `, ` & `.
fn list_separator(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            opt(spaces),
            char(','),
            opt(spaces),
            opt((tag("and"), spaces)),
        )),
        recognize((spaces, alt((tag("and"), tag("or"), tag("&"))), spaces)),
    ))
    .parse(input)
}

/// A section or a range of them, as written without its spaces: `26A(1)`, `20 to 23`, `18-20`
/// (also for `18 - 20`), `18–20`.
fn section_or_range(input: &str) -> IResult<&str, String> {
    let to = recognize((spaces, tag("to"), spaces)).map(|_| " to ");
    let dash = delimited(opt(spaces), alt((tag("-"), tag("\u{2013}"))), opt(spaces));
    let (rest, (first, last)) =
        (section_number, opt((alt((to, dash)), section_number))).parse(input)?;
    Ok((
        rest,
        match last {
            Some((between, last)) => format!("{first}{between}{last}"),
            None => first.to_string(),
        },
    ))
}

/// `26(1) and 26A(1)`, `26B, 34D and 34H(2) and (3)`, `30(1B) & 34H(i)`: a bare bracket takes
/// the place of the last bracket of the section before it (`24A(6) and (7)` lists `24A(7)`,
/// `26(6)(c) or (d)` lists `26(6)(d)`).
fn section_list(input: &str) -> IResult<&str, Vec<String>> {
    let (mut rest, first) = section_or_range(input)?;
    let mut list = vec![first];
    while list.len() < MAX_ITEMS {
        let Ok((after, _)) = list_separator(rest) else {
            break;
        };
        if let Ok((after, section)) = section_or_range(after) {
            list.push(section);
            rest = after;
        } else if let Ok((after, own)) = bracket(after) {
            let before = list.last().map_or("", String::as_str);
            let base = &before[..before.rfind('(').unwrap_or(before.len())];
            list.push(format!("{base}{own}"));
            rest = after;
        } else {
            break;
        }
    }
    Ok((rest, list))
}

/// `section 26`, `Sections 26B and 34D`, `s508B`, `s.17`, `s. 17`, `ss 20 and 31`.
fn sections_clause(input: &str) -> IResult<&str, Vec<String>> {
    let word = alt((
        terminated(
            recognize((alt((tag("section"), tag("Section"))), opt(char('s')))),
            spaces,
        ),
        recognize((tag("ss"), opt(char('.')), opt(spaces))),
        recognize((char('s'), opt((char('.'), opt(spaces))))),
    ));
    preceded(word, section_list).parse(input)
}

/// A list of Part or Schedule numbers after `word` (`Part`, `Parts`, `part`): `Part 7`,
/// `Parts 3 and 4`, `Part III`, `Schedule 5/5A`. Each number is `number`.
fn numbered<'a>(
    word: &'static str,
    number: fn(&'a str) -> IResult<&'a str, &'a str>,
) -> impl Parser<&'a str, Output = Vec<String>, Error = nom::error::Error<&'a str>> {
    move |input: &'a str| {
        let (rest, first) =
            preceded((tag_ascii_no_case(word), opt(char('s')), spaces), number).parse(input)?;
        let (rest, more) = many_m_n(0, MAX_ITEMS, preceded(list_separator, number)).parse(rest)?;
        let list = std::iter::once(first).chain(more).map(str::to_string);
        Ok((rest, list.collect()))
    }
}

/// A Part's number: `7`, `2A`, `III`.
fn part_number(input: &str) -> IResult<&str, &str> {
    alt((
        recognize((
            digit1,
            take_while_m_n(0, 1, |c: char| c.is_ascii_uppercase()),
        )),
        take_while_m_n(1, 6, |c: char| matches!(c, 'I' | 'V' | 'X')),
    ))
    .parse(input)
    .and_then(|(rest, number)| match rest.chars().next() {
        Some(c) if c.is_alphanumeric() => fail(input),
        _ => Ok((rest, number)),
    })
}

/// A Schedule's number: `2`, `35B`, `5/5A`.
fn schedule_number(input: &str) -> IResult<&str, &str> {
    let one = || {
        (
            digit1,
            take_while_m_n(0, 2, |c: char| c.is_ascii_uppercase()),
        )
    };
    recognize((one(), opt((char('/'), one())))).parse(input)
}

/// The provisions a citation lists, each sort in its own list.
#[derive(Debug, Default)]
struct Provisions {
    sections: Vec<String>,
    parts: Vec<String>,
    schedules: Vec<String>,
}

impl Provisions {
    /// Reads one group (`sections 26B and 34D`, `Part 7`, `Schedule 5/5A, paragraph 1/3`) into
    /// its list.
    fn read_group<'a>(&mut self, input: &'a str) -> IResult<&'a str, ()> {
        if let Ok((rest, sections)) = sections_clause(input) {
            self.sections.extend(sections);
            return Ok((rest, ()));
        }
        if let Ok((rest, parts)) = numbered("part", part_number).parse(input) {
            self.parts.extend(parts);
            return Ok((rest, ()));
        }
        let paragraph = (
            char(','),
            spaces,
            tag("paragraph"),
            opt(char('s')),
            spaces,
            take_while1(|c: char| c.is_ascii_alphanumeric() || c == '/'),
        );
        let (rest, (schedules, _)) =
            (numbered("schedule", schedule_number), opt(paragraph)).parse(input)?;
        self.schedules.extend(schedules);
        Ok((rest, ()))
    }

    /// Reads groups joined as list entries are: `s508B and Schedule 35B`.
    fn read<'a>(&mut self, input: &'a str) -> IResult<&'a str, ()> {
        // Every group starts with `s`, `S`, `p` or `P`; most capitalised words fail here.
        if !matches!(input.as_bytes().first(), Some(b's' | b'S' | b'p' | b'P')) {
            return fail(input);
        }
        let (mut rest, ()) = self.read_group(input)?;
        for _ in 0..MAX_ITEMS {
            match preceded(list_separator, |i| self.read_group(i)).parse(rest) {
                Ok((after, ())) => rest = after,
                Err(_) => break,
            }
        }
        Ok((rest, ()))
    }

    /// Adds the provisions of `other` after these.
    fn extend(&mut self, other: Provisions) {
        self.sections.extend(other.sections);
        self.parts.extend(other.parts);
        self.schedules.extend(other.schedules);
    }

    fn into_reference(self, name: Option<Name>) -> ActReference {
        let (act, kind, year) = match name {
            Some(name) => (Some(name.act), Some(name.kind), name.year),
            None => (None, None, None),
        };
        ActReference {
            act,
            kind,
            year,
            sections: self.sections,
            parts: self.parts,
            schedules: self.schedules,
        }
    }
}

/// Capitalised words that begin sentences and clauses but never a name of legislation: `Under the
/// Care Act` names the `Care Act`. Sorted, for a binary search.
const NOT_FIRST_IN_NAME: &[&str] = &[
    "A",
    "Additionally",
    "After",
    "Again",
    "Also",
    "Although",
    "An",
    "And",
    "Any",
    "As",
    "At",
    "Because",
    "Before",
    "Both",
    "But",
    "By",
    "Despite",
    "During",
    "Each",
    "Either",
    "Every",
    "Following",
    "For",
    "From",
    "Furthermore",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "Instead",
    "It",
    "Its",
    "Miss",
    "Moreover",
    "Mr",
    "Mrs",
    "Ms",
    "My",
    "Neither",
    "Of",
    "On",
    "Or",
    "Our",
    "Part",
    "Parts",
    "Regarding",
    "Schedule",
    "Section",
    "Sections",
    "She",
    "Similarly",
    "Since",
    "So",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "This",
    "Those",
    "Though",
    "Through",
    "Thus",
    "To",
    "Under",
    "Unless",
    "Until",
    "We",
    "When",
    "Where",
    "Whether",
    "While",
    "Whilst",
    "With",
    "Within",
    "Without",
    "Yet",
];

/// A capitalised word: `Local`, `SEND`, `Anti-social`.
fn capitalised(input: &str) -> IResult<&str, &str> {
    recognize((
        satisfy(|c| c.is_ascii_uppercase()),
        take_while_m_n(0, 40, |c: char| {
            c.is_alphanumeric() || c == '\'' || c == '-'
        }),
    ))
    .parse(input)
}

/// A lower-case word joining the words of a name: `Adoption and Children`, `Protection from
/// Eviction`, `Representation of the People` (`the` only after `of`), `Review Procedure etc.`.
fn connector(input: &str) -> IResult<&str, &str> {
    alt((
        tag("etc."),
        recognize((tag("of"), spaces, tag("the"))),
        tag("and"),
        tag("of"),
        tag("in"),
        tag("for"),
        tag("from"),
        tag("on"),
        tag("to"),
    ))
    .parse(input)
    .and_then(|(rest, word)| match rest.chars().next() {
        Some(c) if c.is_alphanumeric() => fail(input),
        _ => Ok((rest, word)),
    })
}

/// `(Assessment)`, `(Charging and Assessment of Resources)`, `(England)`: a bracketed group of a
/// name.
fn name_bracket(input: &str) -> IResult<&str, &str> {
    recognize((
        char('('),
        capitalised,
        many_m_n(
            0,
            MAX_ITEMS,
            (opt(char(',')), spaces, alt((capitalised, connector))),
        ),
        char(')'),
    ))
    .parse(input)
}

/// The year after `Act` or `Regulations`: ` 2014` or ` (1989)`. `Ok(None)` when no number
/// follows; an error when a number that is not a year does (`Act 19745`, `Act 12 weeks`).
fn year(input: &str) -> IResult<&str, Option<i32>> {
    let (rest, _) = opt(spaces).parse(input)?;
    if !rest.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        return Ok((input, None));
    }
    match alt((delimited(char('('), four_digits, char(')')), four_digits)).parse(rest) {
        Ok((after, digits)) if !after.starts_with(|c: char| c.is_ascii_digit()) => {
            Ok((after, digits.parse().ok()))
        }
        _ if rest.starts_with('(') => Ok((input, None)),
        _ => fail(input),
    }
}

fn four_digits(input: &str) -> IResult<&str, &str> {
    take_while_m_n(4, 4, |c: char| c.is_ascii_digit()).parse(input)
}

/// A name of legislation, read by [`name`].
#[derive(Debug)]
struct Name {
    act: String,
    kind: LegislationKind,
    year: Option<i32>,
}

/// A name ending in `Act` or `Regulations` and its year if written: capitalised words, with
/// connectors and bracketed groups between them, never first; a name may hold an Act
/// (`Health and Social Care Act 2008 (Regulated Activities) Regulations 2014`). The name is the
/// longest run of such words that ends in `Act` or `Regulations`. Regulations without a year
/// count only with a bracketed group (`the Council's Financial Regulations` are its own rules);
/// a run that goes on to `Order` names an order (`Care Act 2014 (Transitional Provision) Order`).
fn name(input: &str) -> IResult<&str, Name> {
    let (mut rest, _) = verify(capitalised, |word: &str| {
        !is_keyword(word) && NOT_FIRST_IN_NAME.binary_search(&word).is_err()
    })
    .parse(input)?;
    let mut end: Option<(&str, Name)> = None;
    let mut after_keyword = false;
    let mut bracketed = false;
    for _ in 0..MAX_ITEMS {
        // After `Act` or a comma only a capitalised word or a bracket goes on: `Children Act
        // 1989, Care Act 2014` is two names.
        let word = if after_keyword {
            preceded(spaces, alt((capitalised, name_bracket))).parse(rest)
        } else {
            alt((
                preceded((char(','), spaces), alt((capitalised, name_bracket))),
                preceded(spaces, alt((capitalised, connector, name_bracket))),
            ))
            .parse(rest)
        };
        let Ok((after_word, word)) = word else { break };
        if word == "Order" {
            return fail(input);
        }
        bracketed |= word.starts_with('(');
        rest = after_word;
        after_keyword = false;
        if is_keyword(word) {
            let Ok((after_year, year)) = year(rest) else {
                break;
            };
            let kind = if word == "Act" {
                LegislationKind::Act
            } else {
                LegislationKind::Regulations
            };
            if year.is_some() || kind == LegislationKind::Act || bracketed {
                let written = &input[..input.len() - rest.len()];
                let mut act = written.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(year) = year {
                    act = format!("{act} {year}");
                }
                end = Some((after_year, Name { act, kind, year }));
            }
            rest = after_year;
            after_keyword = true;
        }
    }
    match end {
        Some((rest, name)) => Ok((rest, name)),
        None => fail(input),
    }
}

fn is_keyword(word: &str) -> bool {
    word == "Act" || word == "Regulations"
}

/// Whether the next word says a name is not cited as legislation: `the Care Act guidance`,
/// `the Mental Capacity Act Code of Practice`.
fn names_something_else(rest: &str) -> bool {
    let word = rest.trim_start();
    ["guidance", "code", "order"].iter().any(|other| {
        starts_with_ignore_case(word, other)
            && !word[other.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// ` of the `, ` of `, ` of this `, ` to the ` (`Schedule 2 to the Children Act 1989`): between
/// provisions and what they belong to.
fn of_the(input: &str) -> IResult<&str, &str> {
    recognize((
        spaces,
        alt((tag("of"), tag("to"))),
        spaces,
        opt((alt((tag("the"), tag("this"), tag("that"))), spaces)),
    ))
    .parse(input)
}

/// `Local Government Act 1974, sections 26(1) and 26A(1), as amended`, `Section 26(3) of the
/// Children Act (1989)`, `Part 4 of the Children Act 1989`, `the Equality Act`.
fn named(input: &str) -> Option<(&str, ActReference)> {
    let mut provisions = Provisions::default();
    // `Section 26(3) of the Children Act`, `Section 20, Children Act 1989`, or as an
    // abbreviation `s.117 Mental Health Act 1983`.
    let before_name = alt((of_the, recognize((char(','), spaces)), spaces));
    let leading = terminated(|i| provisions.read(i), before_name).parse(input);
    let rest = match leading {
        Ok((rest, ())) => rest,
        Err(_) => {
            provisions = Provisions::default();
            input
        }
    };
    let (rest, _) = opt((tag("The"), spaces)).parse(rest).ok()?;
    let (mut rest, name) = name(rest).ok()?;
    if names_something_else(rest) {
        return None;
    }
    for _ in 0..MAX_ITEMS {
        let separator = alt((
            recognize((
                char(','),
                opt((spaces, tag("as amended"), char(','))),
                opt(spaces),
            )),
            spaces,
        ));
        if let Ok((after, ())) = preceded(separator, |i| provisions.read(i)).parse(rest) {
            rest = after;
            continue;
        }
        // `Care Act 2014 (section 18)`: read apart, kept only when the bracket closes.
        let mut bracketed = Provisions::default();
        let read = delimited((opt(spaces), char('(')), |i| bracketed.read(i), char(')'))
            .parse(rest)
            .map(|(after, ())| after);
        match read {
            Ok(after) => {
                provisions.extend(bracketed);
                rest = after;
            }
            Err(_) => break,
        }
    }
    if let Ok((after, _)) = (char(','), spaces, tag("as amended")).parse(rest) {
        rest = after;
    }
    Some((rest, provisions.into_reference(Some(name))))
}

/// `section 47`, `sections 20 and 31`, `section 17 of the Act`: provisions that name no
/// legislation. Not when they belong to something else (`section 2 of the plan`) or point within
/// the text (`section 4 above`).
fn bare(input: &str) -> Option<(&str, ActReference)> {
    let mut provisions = Provisions::default();
    let (rest, ()) = provisions.read(input).ok()?;
    // `of the Act`, `of that Act`, `of the 1989 Act`, `of the same Act`: legislation named
    // elsewhere.
    let year = terminated(take_while_m_n(4, 4, |c: char| c.is_ascii_digit()), spaces);
    let same = opt((alt((tag("same"), tag("said"))), spaces));
    let of_act = preceded(
        (of_the, same),
        (opt(year), alt((tag("Act"), tag("Regulations")))),
    );
    let (rest, of_act) = opt(of_act).parse(rest).ok()?;
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let next = rest.trim_start();
    let points_elsewhere = ["of ", "above", "below"]
        .iter()
        .any(|word| next.starts_with(word));
    if points_elsewhere || (of_act.is_none() && provisions.sections.is_empty()) {
        return None;
    }
    let mut reference = provisions.into_reference(None);
    // The year the provisions' legislation has, until it is found (`of the 1989 Act`).
    reference.year = of_act.and_then(|(year, _)| year?.parse().ok());
    Some((rest, reference))
}

/// Reads a citation of legislation at the start of `text` and returns it with the number of bytes
/// read: provisions and `of the` before a name (`Section 26(3) of the `), the name and its year,
/// and provisions after it (`, sections 26(1) and 26A(1), as amended`); or provisions naming no
/// legislation (`section 47`), with `act` `None`.
///
/// ```
/// use lgsco::{LegislationKind, grammar::parse_citation};
/// let text = "Local Government Act 1974, sections 26(1) and 26A(1), as amended)";
/// let (citation, len) = parse_citation(text).unwrap();
/// assert_eq!(citation.act.as_deref(), Some("Local Government Act 1974"));
/// assert_eq!((citation.kind, citation.year), (Some(LegislationKind::Act), Some(1974)));
/// assert_eq!(citation.sections, ["26(1)", "26A(1)"]);
/// assert_eq!(&text[len..], ")");
/// let (citation, _) = parse_citation("s508B and Schedule 35B of the Education Act 1996").unwrap();
/// assert_eq!((citation.sections, citation.schedules), (vec!["508B".to_string()], vec!["35B".to_string()]));
/// let (citation, _) = parse_citation("the Care and Support (Assessment) Regulations 2014".strip_prefix("the ").unwrap()).unwrap();
/// assert_eq!(citation.kind, Some(LegislationKind::Regulations));
/// let (citation, _) = parse_citation("section 47 enquiry").unwrap();
/// assert_eq!((citation.act, citation.sections), (None, vec!["47".to_string()]));
/// assert!(parse_citation("section 2 of the plan").is_none());
/// ```
pub fn parse_citation(text: &str) -> Option<(ActReference, usize)> {
    if !may_begin(text.as_bytes()) {
        return None;
    }
    named(text)
        .or_else(|| bare(text))
        .map(|(rest, reference)| (reference, text.len() - rest.len()))
}

/// Whether `text` starts as a citation can: with a capital, `section`, `schedule`, `part`, or `s`
/// before a digit, `.` or `s` (`s17`, `s.17`, `ss 20`). Most words fail at once.
fn may_begin(text: &[u8]) -> bool {
    match text {
        [b'A'..=b'Z', ..] => true,
        [b's', b'0'..=b'9' | b'.' | b's', ..] => true,
        _ => [&b"section"[..], b"schedule", b"part"]
            .iter()
            .any(|word| text.starts_with(word)),
    }
}

/// Whether a citation may start at byte `at` of `text`: where it may begin (see [`may_begin`]) at
/// the start of a word (not after a letter, a digit or an apostrophe: `Ms X's 2 sons`).
fn may_start(text: &str, at: usize) -> bool {
    may_begin(&text.as_bytes()[at..])
        && text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}')
}

/// Every citation in one sentence, as (reference, start, end) with offsets relative to it: a
/// reading tried at each word start, then bare provisions given the nearest legislation the
/// sentence names, or for `… of the Act` the legislation named before the sentence (`earlier`,
/// the piece's citations so far; `of the 1989 Act` the one of that year). With none named, a bare clause is kept when it cites a section with the word
/// `section`; an abbreviation (`s.17`) or a Part alone is too loose to stand alone.
fn read_sentence(sentence: &str, earlier: &[Citation]) -> Vec<(ActReference, usize, usize)> {
    let mut found = Vec::new();
    let bytes = sentence.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // A citation's first byte is a capital, `s` or `p`: one comparison rules out most bytes.
        if matches!(bytes[at], b'A'..=b'Z' | b's' | b'p')
            && may_start(sentence, at)
            && let Some((reference, len)) = parse_citation(&sentence[at..])
        {
            found.push((reference, at, at + len));
            at += len;
        } else {
            at += 1;
        }
    }
    if found.iter().any(|(r, _, _)| r.act.is_none()) {
        give_bare_their_legislation(sentence, &mut found, earlier);
    }
    found
}

/// Adds to `found` (the citations before them) every citation in `sentences`, in order, each
/// sentence read knowing the legislation named before it.
fn read_sentences<'p, 'a: 'p>(
    sentences: impl Iterator<Item = &'p Piece<'a>>,
    found: &mut Vec<Citation>,
) {
    for sentence in sentences {
        let read = read_sentence(sentence.text, found);
        found.extend(read.into_iter().map(|(reference, start, end)| Citation {
            reference,
            paragraph: sentence.paragraph,
            span: sentence.span(start, end),
        }));
    }
}

/// Gives each bare citation the name, kind and year of the nearest named one, or drops it when
/// there is none and it does not say `section`.
fn give_bare_their_legislation(
    sentence: &str,
    found: &mut Vec<(ActReference, usize, usize)>,
    earlier: &[Citation],
) {
    let named: Vec<(ActReference, usize, usize)> = found
        .iter()
        .filter(|(r, _, _)| r.act.is_some())
        .cloned()
        .collect();
    found.retain_mut(|(reference, start, end)| {
        if reference.act.is_some() {
            return true;
        }
        let distance = |&(_, s, e): &(ActReference, usize, usize)| {
            s.saturating_sub(*end).max(start.saturating_sub(e))
        };
        let cited = sentence.get(*start..*end).unwrap_or_default();
        // `of the Act` names the legislation named last, in this sentence or one before it;
        // `of the 1989 Act` the one with that year.
        let of_the_act = cited.ends_with("Act") || cited.ends_with("Regulations");
        let year = reference.year.take();
        let fits = |r: &&ActReference| year.is_none_or(|year| r.year == Some(year));
        let mut in_sentence: Vec<&(ActReference, usize, usize)> = named.iter().collect();
        in_sentence.sort_by_key(|n| distance(n));
        let before_it = earlier
            .iter()
            .rev()
            .map(|c| &c.reference)
            .filter(|r| of_the_act && r.act.is_some());
        let nearest = in_sentence
            .into_iter()
            .map(|(r, _, _)| r)
            .chain(before_it)
            .find(fits);
        match nearest {
            Some(nearest) => {
                reference.act.clone_from(&nearest.act);
                reference.kind = nearest.kind;
                reference.year = nearest.year;
                true
            }
            None => !reference.sections.is_empty() && SECTION_WORD.find(cited.as_bytes()).is_some(),
        }
    });
}

/// `ection`, as in the `section` a bare citation must say.
static SECTION_WORD: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ection"));

/// The words a citation holds one of, in one search: `Act`, `Regulations`, `section`.
static ANCHOR_WORDS: LazyLock<regex::bytes::Regex> =
    LazyLock::new(|| regex::bytes::Regex::new("Act|Regulations|[sS]ection").expect("anchor regex"));

/// The shortest anchor's length: an anchor found counts in a piece when this many bytes of it do.
const ANCHOR_LEN: usize = 3;

/// Where `Act`, `Regulations` and `section`/`Section` start in `input`, ascending.
fn anchors(input: &str) -> Vec<usize> {
    ANCHOR_WORDS
        .find_iter(input.as_bytes())
        .map(|m| m.start())
        .collect()
}

/// Every citation of legislation in the document, in order: a citation holds `Act`,
/// `Regulations` or `section`, or is a bare one that takes the legislation its sentence (or, `of
/// the Act`, one before it) names. The anchors are looked for once in the whole input, and only
/// the pieces and sentences that hold one are read.
pub(crate) fn citations(doc: &Document<'_>) -> Vec<Citation> {
    let anchors = anchors(doc.input);
    let mut found = Vec::new();
    for index in pieces::holding(doc.pieces(), &anchors, ANCHOR_LEN) {
        let sentences = doc.sentences(index);
        let anchored = pieces::holding(sentences, &anchors, ANCHOR_LEN).map(|i| &sentences[i]);
        read_sentences(anchored, &mut found);
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (act, sections, parts, schedules) read at the start of `text`.
    type Read = (Option<String>, Vec<String>, Vec<String>, Vec<String>);

    fn cite(text: &str) -> Option<Read> {
        parse_citation(text).map(|(c, _)| (c.act, c.sections, c.parts, c.schedules))
    }

    fn strings(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn reads_citations() {
        type Cited<'a> = Option<(Option<&'a str>, &'a [&'a str], &'a [&'a str], &'a [&'a str])>;
        let none: &[&str] = &[];
        let cases: &[(&str, Cited<'_>)] = &[
            (
                "Local Government Act 1974, sections 26(1) and 26A(1), as amended)",
                Some((
                    Some("Local Government Act 1974"),
                    &["26(1)", "26A(1)"],
                    none,
                    none,
                )),
            ),
            (
                "Local Government Act 1974, section 24A(6), as amended, section 34(B))",
                Some((
                    Some("Local Government Act 1974"),
                    &["24A(6)", "34(B)"],
                    none,
                    none,
                )),
            ),
            (
                "Section 26(3) of the Children Act (1989) says",
                Some((Some("Children Act 1989"), &["26(3)"], none, none)),
            ),
            (
                "The Adoption and Children Act 2002, introduced",
                Some((Some("Adoption and Children Act 2002"), none, none, none)),
            ),
            // Section lists in every form; a bare bracket is read as its section's.
            (
                "Housing Act 1996, sections 184, 188 and 193(2) and (5).",
                Some((
                    Some("Housing Act 1996"),
                    &["184", "188", "193(2)", "193(5)"],
                    none,
                    none,
                )),
            ),
            // Ranges written with a dash, and a section before its Act without `of the`.
            (
                "ss.18-20 of the Care Act 2014 apply",
                Some((Some("Care Act 2014"), &["18-20"], none, none)),
            ),
            (
                "Care Act 2014, sections 18 \u{2013} 20, apply",
                Some((Some("Care Act 2014"), &["18\u{2013}20"], none, none)),
            ),
            (
                "s.117 Mental Health Act 1983 says",
                Some((Some("Mental Health Act 1983"), &["117"], none, none)),
            ),
            // A section in brackets after its Act, before it with a comma, a Schedule `to` it.
            (
                "Care Act 2014 (section 18) sets the duty",
                Some((Some("Care Act 2014"), &["18"], none, none)),
            ),
            (
                "Section 20, Children Act 1989 applies",
                Some((Some("Children Act 1989"), &["20"], none, none)),
            ),
            (
                "Schedule 2 to the Children Act 1989 describes",
                Some((Some("Children Act 1989"), none, none, &["2"])),
            ),
            (
                "Care Act 2014 (section 18 of the guidance) says",
                Some((Some("Care Act 2014"), none, none, none)),
            ),
            ("section 47 Enquiry Team", Some((None, &["47"], none, none))),
            (
                "section 11(3)(a) or (b) of the Care Act 2014",
                Some((Some("Care Act 2014"), &["11(3)(a)", "11(3)(b)"], none, none)),
            ),
            (
                "ss. 17 and 20 of the Children Act 1989",
                Some((Some("Children Act 1989"), &["17", "20"], none, none)),
            ),
            (
                "s.42 & s44 of the Care Act 2014",
                Some((Some("Care Act 2014"), &["42", "44"], none, none)),
            ),
            (
                "sections 31 to 34 of the Childcare Act 2006",
                Some((Some("Childcare Act 2006"), &["31 to 34"], none, none)),
            ),
            // Parts and Schedules are their own lists.
            (
                "Part 6 of the Housing Act 1996",
                Some((Some("Housing Act 1996"), none, &["6"], none)),
            ),
            (
                "the Mental Health Act 1983, Part II."
                    .strip_prefix("the ")
                    .unwrap_or(""),
                Some((Some("Mental Health Act 1983"), none, &["II"], none)),
            ),
            (
                "section 9 and Schedule 2 of the Childcare Act 2006",
                Some((Some("Childcare Act 2006"), &["9"], none, &["2"])),
            ),
            (
                "Local Government Act 1974, Schedule 4/4A, paragraph 2/5, as amended)",
                Some((Some("Local Government Act 1974"), none, none, &["4/4A"])),
            ),
            // Bare sections name no legislation; one of a document is no citation.
            ("section 117 aftercare", Some((None, &["117"], none, none))),
            ("Section 17 support", Some((None, &["17"], none, none))),
            (
                "section 17 of this Act applies",
                Some((None, &["17"], none, none)),
            ),
            ("section 3 of her care plan", None),
            ("section 4.2 of the policy", None),
            ("section 5 above", None),
            ("Part 2 of the report", None),
            ("s 12 weeks", None),
            // Names: without a year, Regulations, names holding an Act.
            (
                "Equality Act says",
                Some((Some("Equality Act"), none, none, none)),
            ),
            (
                "Local Government Act",
                Some((Some("Local Government Act"), none, none, none)),
            ),
            (
                "Protection from Eviction Act 1977",
                Some((Some("Protection from Eviction Act 1977"), none, none, none)),
            ),
            (
                "Housing Grants, Construction and Regeneration Act 1996, section 23",
                Some((
                    Some("Housing Grants, Construction and Regeneration Act 1996"),
                    &["23"],
                    none,
                    none,
                )),
            ),
            (
                "Care and Support (Eligibility Criteria) Regulations 2015 say",
                Some((
                    Some("Care and Support (Eligibility Criteria) Regulations 2015"),
                    none,
                    none,
                    none,
                )),
            ),
            (
                "Health and Social Care Act 2008 (Regulated Activities) Regulations 2014.",
                Some((
                    Some("Health and Social Care Act 2008 (Regulated Activities) Regulations 2014"),
                    none,
                    none,
                    none,
                )),
            ),
            ("Financial Regulations", None),
            ("Care Act 2014 (Savings) Order 2016", None),
            ("Mental Capacity Act Code of Practice", None),
            ("Care Act guidance", None),
            ("Under Care Act 2014", None),
            ("Act 1974", None),
            ("The Act", None),
            ("Regulations 2010", None),
            ("Local Government Act 19745", None),
        ];
        for (text, expected) in cases {
            let expected = expected.map(|(act, sections, parts, schedules)| {
                (
                    act.map(str::to_string),
                    strings(sections),
                    strings(parts),
                    strings(schedules),
                )
            });
            assert_eq!(cite(text), expected, "{text}");
        }
    }

    #[test]
    fn words_not_first_in_a_name_are_sorted_for_the_binary_search() {
        assert!(NOT_FIRST_IN_NAME.is_sorted());
    }

    #[test]
    fn reads_kind_and_year() {
        let read = |text: &str| parse_citation(text).map(|(c, _)| (c.kind, c.year));
        assert_eq!(
            read("Special Educational Needs and Disability Regulations 2014"),
            Some((Some(LegislationKind::Regulations), Some(2014)))
        );
        assert_eq!(
            read("Mental Capacity Act (2005)"),
            Some((Some(LegislationKind::Act), Some(2005)))
        );
        assert_eq!(
            read("Homelessness Reduction Act"),
            Some((Some(LegislationKind::Act), None))
        );
        assert_eq!(read("section 20"), Some((None, None)));
    }

    /// `text` as a summary's piece.
    fn piece(text: &str) -> Piece<'_> {
        Piece {
            text,
            start: 0,
            paragraph: None,
        }
    }

    /// The citations of `text` read as a document's summary.
    fn cited(text: &str) -> Vec<Citation> {
        let summary = crate::model::Span::new(0, text.len());
        citations(&Document::new(text, Some(summary), &[], &[]))
    }

    /// (act, sections, cited text) of each citation found in `text`.
    fn found(text: &str) -> Vec<(Option<String>, Vec<String>, &str)> {
        cited(text)
            .into_iter()
            .map(|c| (c.reference.act, c.reference.sections, &text[c.span.range()]))
            .collect()
    }

    #[test]
    fn of_the_act_names_the_legislation_named_before_it() {
        let text = "Section 508B of the Highways Act 1980 sets the duty. Schedule 2 of the Act says \
                    who. Part 4 of the Act also applies.";
        let found: Vec<_> = cited(text)
            .into_iter()
            .map(|c| (c.reference.act, c.reference.schedules, c.reference.parts))
            .collect();
        let highways = Some("Highways Act 1980".to_string());
        assert_eq!(
            found,
            [
                (highways.clone(), vec![], vec![]),
                (highways.clone(), strings(&["2"]), vec![]),
                (highways, vec![], strings(&["4"])),
            ]
        );
        // `of the 1990 Act` is the one of that year named before, not the last one.
        let text = "Section 79 of the Environmental Protection Act 1990 applies. So does the \
                    Housing Act 2004. Section 82 of the 1990 Act lets people act.";
        let last = cited(text).pop().unwrap().reference;
        assert_eq!(
            last.act.as_deref(),
            Some("Environmental Protection Act 1990")
        );
        assert_eq!(last.sections, ["82"]);
        // `of the same Act` too.
        let text = "The Housing Act 1996 applies. Section 202 of the same Act allows a review.";
        let last = cited(text).pop().unwrap().reference;
        assert_eq!(last.act.as_deref(), Some("Housing Act 1996"));
        assert_eq!(last.sections, ["202"]);
        // With nothing named before, `the Act` names nothing.
        assert!(found_in("Schedule 2 of the Act says who.").is_empty());
        // `etc.` belongs to names.
        let acts: Vec<_> = found_in(
            "The Homelessness (Review Procedure etc.) Regulations 2018 and the Review Procedure etc. \
             Regulations 2018 apply.",
        );
        assert_eq!(
            acts,
            [
                "Homelessness (Review Procedure etc.) Regulations 2018",
                "Review Procedure etc. Regulations 2018"
            ]
        );
    }

    /// The names of the legislation cited in `text`.
    fn found_in(text: &str) -> Vec<String> {
        cited(text)
            .into_iter()
            .filter_map(|c| c.reference.act)
            .collect()
    }

    #[test]
    fn finds_names_after_sentence_openings() {
        let text = "Under the Homelessness Reduction Act 2017 the duty changed. However, the \
                    Equality Act still applied. In Care Act 2014 terms, this Act and the Act \
                    were not named.";
        let acts: Vec<_> = found(text)
            .into_iter()
            .map(|(act, _, t)| (act, t))
            .collect();
        assert_eq!(
            acts,
            [
                (
                    Some("Homelessness Reduction Act 2017".to_string()),
                    "Homelessness Reduction Act 2017"
                ),
                (Some("Equality Act".to_string()), "Equality Act"),
                (Some("Care Act 2014".to_string()), "Care Act 2014"),
            ]
        );
    }

    #[test]
    fn gives_bare_sections_the_legislation_of_their_sentence() {
        let text = "The Council held a section 47 strategy meeting. It owed the section 17 duty \
                    under the Children Act 1989 and acted under Part 3 of the Act. Section 2 of \
                    the plan was late; s.19 was not named.";
        assert_eq!(
            found(text),
            [
                (None, strings(&["47"]), "section 47"),
                (
                    Some("Children Act 1989".to_string()),
                    strings(&["17"]),
                    "section 17"
                ),
                (
                    Some("Children Act 1989".to_string()),
                    vec![],
                    "Children Act 1989"
                ),
                (
                    Some("Children Act 1989".to_string()),
                    vec![],
                    "Part 3 of the Act"
                ),
            ]
        );
    }

    #[test]
    fn finds_citations_with_spans_in_pieces() {
        let text = "  5. (Local Government Act 1974, section 24A(6), as amended) and section 26 \
                    of the Act. Section 26(3) of the Children Act (1989) says so.";
        let paragraph = crate::model::Paragraph {
            number: Some(5),
            text: text[5..].to_string(),
            text_span: crate::model::Span::new(5, text.len()),
            items: Vec::new(),
            span: crate::model::Span::new(0, text.len()),
        };
        let preamble = [paragraph];
        let found: Vec<_> = citations(&Document::new(text, None, &preamble, &[]))
            .into_iter()
            .map(|c| (c.reference.act, &text[c.span.range()], c.paragraph))
            .collect();
        let lga = Some("Local Government Act 1974".to_string());
        assert_eq!(
            found,
            [
                (
                    lga.clone(),
                    "Local Government Act 1974, section 24A(6), as amended",
                    Some(5)
                ),
                (lga, "section 26 of the Act", Some(5)),
                (
                    Some("Children Act 1989".to_string()),
                    "Section 26(3) of the Children Act (1989)",
                    Some(5)
                ),
            ]
        );
    }

    /// What `citations` must find reading only the sentences holding an anchor: what every
    /// sentence read in full gives.
    fn find_citations_by_whole_scan(piece: &Piece<'_>) -> Vec<Citation> {
        let mut found = Vec::new();
        read_sentences(pieces::sentences(piece).iter(), &mut found);
        found
    }

    proptest::proptest! {
        #[test]
        fn finds_what_a_whole_scan_reads(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "Act", "Act 1974", "Act (1989)", "Action", "Regulations", "Regulations 2014",
                "(Assessment)", "Local", "Government", "Children", "Care", "Under", "The", "and",
                "of", "the", "plan", "section", "sections", "Section", "s.", "s", "ss", "Part",
                "Schedule", "5/5A", "26(1)", "26A", "(7)", "47", "to", "above", "guidance",
                " ", "  ", "\n", ".", ",", ";", "(", ")", "\u{2019}", "\u{201c}", "é", "1974",
                "x", "-", "&",
            ]),
            0..20,
        )) {
            let text = words.concat();
            proptest::prop_assert_eq!(cited(&text), find_citations_by_whole_scan(&piece(&text)));
        }
    }
}
