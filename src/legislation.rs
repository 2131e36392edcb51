//! Citations of legislation: Acts and Regulations, with or without a year, with the sections,
//! Parts and Schedules cited of them (`Local Government Act 1974, sections 26(1) and 26A(1), as
//! amended`, `Section 26(3) of the Children Act (1989)`, `Part 4 of the Children Act 1989`,
//! `the Care and Support (Assessment) Regulations 2014`, `the Equality Act`), and bare sections
//! (`a section 47 enquiry`).
//!
//! [`parse_citation`] reads one citation where it starts. [`citations`] reads every sentence
//! that holds `Act`, `Regulation`, `regulation` or `section`, trying it at each word start. A
//! bare section belongs to the nearest legislation named in its sentence; with none it names no
//! legislation. A bare regulation (`Regulation 10 says`) belongs to Regulations, named in its
//! sentence or in its paragraph or the two before; with none it is no citation.

use std::sync::LazyLock;

use memchr::memmem::Finder;

use crate::document::Document;
use crate::model::{ActReference, Citation, LegislationKind};
use crate::pieces::{self, Piece};
use crate::words::starts_with_ignore_case;

// The grammar is written by hand over `&str`: each reader takes the text where it starts and
// returns the text after what it read (with what it read), or `None`. A citation is tried at
// every capitalised word of the sentences that may hold one, and combinators that build and
// unwind a parser state at each step cost several times more than these comparisons.

/// The most entries one list reads (`sections 1, 2, 3, …`) and the most words one name holds:
/// bounds that keep a reading tried at every word start linear in the sentence.
const MAX_ITEMS: usize = 32;

/// `text` without its leading whitespace (no-break spaces included), as [`str::trim_start`]
/// gives it, with ASCII whitespace and the first byte after it looked at a byte at a time: the
/// grammar asks at almost every step, and most often no space or one ASCII space comes first.
fn skip_spaces(text: &str) -> &str {
    let ascii = text
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'..=b'\r'))
        .count();
    let rest = &text[ascii..];
    if rest.as_bytes().first().is_some_and(|b| !b.is_ascii()) {
        rest.trim_start()
    } else {
        rest
    }
}

/// `text` after one or more whitespace characters, or `None` when it does not start with one.
fn after_spaces(text: &str) -> Option<&str> {
    let rest = skip_spaces(text);
    (rest.len() < text.len()).then_some(rest)
}

/// How many of the first `max` bytes of `text`, in a row, are ASCII bytes that `keep` accepts:
/// a count that falls between characters.
fn ascii_run(text: &str, max: usize, keep: impl Fn(&u8) -> bool) -> usize {
    text.bytes()
        .take(max)
        .take_while(|b| b.is_ascii() && keep(b))
        .count()
}

/// The part of `text` read before `rest`, a suffix of it.
fn consumed<'a>(text: &'a str, rest: &str) -> &'a str {
    text.get(..text.len() - rest.len()).unwrap_or_default()
}

/// A section number: `26`, `26A`, `26(1)`, `34H(i)`, `34(B)`, `26(6)(c)`, ending the word
/// (`4.2` and `26ABC` are not sections), with the forms copies write it in: a bracket after a
/// space (`24A (6)` is `24A(6)`), figures after a bracket (`34(B)6`, as written) and a list in
/// its last bracket (`34H(3 and 4)` is `34H(3)` and `34H(4)`, as a bare bracket after a full
/// section belongs to it). Gives the text after it and the sections it reads, as written without
/// spaces.
fn section_number(text: &str) -> Option<(&str, Vec<String>)> {
    let digits = ascii_run(text, usize::MAX, u8::is_ascii_digit);
    if digits == 0 {
        return None;
    }
    let letters = ascii_run(&text[digits..], 2, u8::is_ascii_uppercase);
    let mut written = text[..digits + letters].to_string();
    let mut rest = &text[digits + letters..];
    if let Some(after) = spaced_bracket(rest) {
        written.push_str(skip_spaces(consumed(rest, after)));
        rest = after;
    }
    let mut brackets = 0;
    let mut items = Vec::new();
    loop {
        if let Some(after) = bracket(rest) {
            written.push_str(consumed(rest, after));
            rest = after;
            brackets += 1;
        } else if let Some(after) = bracket_list(rest, &mut items) {
            rest = after;
            break;
        } else {
            break;
        }
    }
    if brackets > 0 && items.is_empty() {
        let figures = ascii_run(rest, 3, u8::is_ascii_digit);
        written.push_str(&rest[..figures]);
        rest = &rest[figures..];
    }
    let mut next = rest.chars();
    let ends = match next.next() {
        Some('.') => !next.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !c.is_alphanumeric(),
        None => true,
    };
    if !ends {
        return None;
    }
    if items.is_empty() {
        return Some((rest, vec![written]));
    }
    let listed = items.iter().map(|item| format!("{written}({item})"));
    Some((rest, listed.collect()))
}

/// `(1)`, `(1B)`, `(i)`: a bracket after a section number. Gives the text after it.
fn bracket(text: &str) -> Option<&str> {
    let inside = text.strip_prefix('(')?;
    let len = ascii_run(inside, 8, u8::is_ascii_alphanumeric);
    if len == 0 {
        return None;
    }
    inside[len..].strip_prefix(')')
}

/// ` (6)` in `24A (6)`: a bracket after spaces, of no more than four letters or figures and not
/// a year (`section 20 (2019)` is not `20(2019)`). Gives the text after it.
fn spaced_bracket(text: &str) -> Option<&str> {
    let inside = after_spaces(text)?.strip_prefix('(')?;
    let len = ascii_run(inside, 5, u8::is_ascii_alphanumeric);
    let year = len == 4 && ascii_run(inside, 4, u8::is_ascii_digit) == 4;
    if !(1..=4).contains(&len) || year {
        return None;
    }
    inside[len..].strip_prefix(')')
}

/// `(3 and 4)`, `(a, b or c)`: a list in a bracket after a section number, whose entries are
/// added to `items`. Gives the text after it; with `None`, `items` is as it was.
fn bracket_list<'a>(text: &'a str, items: &mut Vec<&'a str>) -> Option<&'a str> {
    let mut rest = text.strip_prefix('(')?;
    let before = items.len();
    for _ in 0..MAX_ITEMS {
        let len = ascii_run(rest, 8, u8::is_ascii_alphanumeric);
        if len == 0 {
            break;
        }
        items.push(&rest[..len]);
        rest = &rest[len..];
        if let Some(after) = rest.strip_prefix(')').filter(|_| items.len() - before > 1) {
            return Some(after);
        }
        match list_separator(rest) {
            Some(after) => rest = after,
            None => break,
        }
    }
    items.truncate(before);
    None
}

/// Between entries of a list: `, `, `, and `, ` and `, ` or `, ` & `. Gives the text after it.
fn list_separator(text: &str) -> Option<&str> {
    if let Some(after_comma) = skip_spaces(text).strip_prefix(',') {
        let after = skip_spaces(after_comma);
        return Some(
            after
                .strip_prefix("and")
                .and_then(after_spaces)
                .unwrap_or(after),
        );
    }
    let word = after_spaces(text)?;
    let after = (word.strip_prefix("and"))
        .or_else(|| word.strip_prefix("or"))
        .or_else(|| word.strip_prefix('&'))?;
    after_spaces(after)
}

/// What joins the two ends of a range of sections, as a range is written without its spaces:
/// ` to ` (written ` to `), `-` (also ` - `), `–`. Gives it and the text after it.
fn range_join(text: &str) -> Option<(&'static str, &str)> {
    let to = after_spaces(text).and_then(|word| after_spaces(word.strip_prefix("to")?));
    if let Some(after) = to {
        return Some((" to ", after));
    }
    let dashed = skip_spaces(text);
    let (dash, after) = match dashed.strip_prefix('-') {
        Some(after) => ("-", after),
        None => ("\u{2013}", dashed.strip_prefix('\u{2013}')?),
    };
    Some((dash, skip_spaces(after)))
}

/// A section or a range of them, as written without its spaces: `26A(1)`, `20 to 23`, `18-20`
/// (also for `18 - 20`), `18–20`, added to `sections`. Gives the text after it.
fn section_or_range<'a>(text: &'a str, sections: &mut Vec<String>) -> Option<&'a str> {
    let (rest, mut first) = section_number(text)?;
    let last = range_join(rest)
        .filter(|_| first.len() == 1)
        .and_then(|(join, after)| Some((join, section_number(after)?)))
        .filter(|(_, (_, last))| last.len() == 1);
    Some(match last {
        Some((join, (after, last))) => {
            sections.push(format!("{}{join}{}", first[0], last[0]));
            after
        }
        None => {
            sections.append(&mut first);
            rest
        }
    })
}

/// `26(1) and 26A(1)`, `26B, 34D and 34H(2) and (3)`, `30(1B) & 34H(i)`, added to `sections`:
/// a bare bracket takes the place of the last bracket of the section before it (`24A(6) and
/// (7)` lists `24A(7)`, `26(6)(c) or (d)` lists `26(6)(d)`). Gives the text after the list.
fn section_list<'a>(text: &'a str, sections: &mut Vec<String>) -> Option<&'a str> {
    let mut rest = section_or_range(text, sections)?;
    for _ in 1..MAX_ITEMS {
        let Some(after) = list_separator(rest) else {
            break;
        };
        if let Some(after) = section_or_range(after, sections) {
            rest = after;
        } else if let Some(after_bracket) = bracket(after) {
            let before = sections.last().map_or("", String::as_str);
            let base = &before[..before.rfind('(').unwrap_or(before.len())];
            let section = format!("{base}{}", consumed(after, after_bracket));
            sections.push(section);
            rest = after_bracket;
        } else {
            break;
        }
    }
    Some(rest)
}

/// The word before a list of sections: `section `, `Sections `, `s`, `s.`, `s. `, `ss`, `ss.`,
/// `ss `. Gives the text after it. The first form that starts the text is the one read, even
/// when no section follows it.
fn section_word(text: &str) -> Option<&str> {
    if let Some(after) = text
        .strip_prefix("section")
        .or_else(|| text.strip_prefix("Section"))
        && let Some(rest) = after_spaces(after.strip_prefix('s').unwrap_or(after))
    {
        return Some(rest);
    }
    if let Some(after) = text.strip_prefix("ss") {
        return Some(skip_spaces(after.strip_prefix('.').unwrap_or(after)));
    }
    let after = text.strip_prefix('s')?;
    Some(after.strip_prefix('.').map_or(after, skip_spaces))
}

/// The word before a list of regulations: `regulation `, `Regulations `. Gives the text after
/// it.
fn regulation_word(text: &str) -> Option<&str> {
    let after = (text.strip_prefix("regulation")).or_else(|| text.strip_prefix("Regulation"))?;
    after_spaces(after.strip_prefix('s').unwrap_or(after))
}

/// `10`, `10(2)`, `4 and 5`: a list of regulations, as [`section_list`] reads sections, added to
/// `regulations`. A regulation's number has no more than three figures: `Regulations 2014` is
/// the end of a name. Gives the text after the list.
fn regulation_list<'a>(text: &'a str, regulations: &mut Vec<String>) -> Option<&'a str> {
    if ascii_run(text, 4, u8::is_ascii_digit) > 3 {
        return None;
    }
    section_list(text, regulations)
}

/// A list of Part or Schedule numbers after `word` (`part`, `schedule`) in any case, singular
/// or with `s`, added to `list`: `Part 7`, `Parts 3 and 4`, `Part III`, `Schedule 5/5A`. Each
/// number is read by `number`, which gives the text after it and the number. Gives the text
/// after the list.
fn numbered<'a>(
    text: &'a str,
    word: &str,
    number: fn(&str) -> Option<(&str, &str)>,
    list: &mut Vec<String>,
) -> Option<&'a str> {
    if !starts_with_ignore_case(text, word) {
        return None;
    }
    // The bytes matched are ASCII, so the split falls between characters.
    let after = &text[word.len()..];
    let after = after_spaces(after.strip_prefix('s').unwrap_or(after))?;
    let (mut rest, first) = number(after)?;
    list.push(first.to_string());
    for _ in 0..MAX_ITEMS {
        let Some((after, next)) = list_separator(rest).and_then(number) else {
            break;
        };
        list.push(next.to_string());
        rest = after;
    }
    Some(rest)
}

/// A Part's number: `7`, `2A`, `III`, ending the word. Gives the text after it and the number.
fn part_number(text: &str) -> Option<(&str, &str)> {
    let digits = ascii_run(text, usize::MAX, u8::is_ascii_digit);
    let len = if digits > 0 {
        digits + ascii_run(&text[digits..], 1, u8::is_ascii_uppercase)
    } else {
        ascii_run(text, 6, |b| matches!(b, b'I' | b'V' | b'X'))
    };
    let rest = &text[len..];
    (len > 0 && !rest.starts_with(char::is_alphanumeric)).then_some((rest, &text[..len]))
}

/// A Schedule's number: `2`, `35B`, `5/5A`, `5/5a`, ending the word. Gives the text after it and
/// the number.
fn schedule_number(text: &str) -> Option<(&str, &str)> {
    // Digits and up to two letters: the length of one number.
    let one = |text: &str| {
        let digits = ascii_run(text, usize::MAX, u8::is_ascii_digit);
        (digits > 0).then(|| digits + ascii_run(&text[digits..], 2, u8::is_ascii_alphabetic))
    };
    let mut len = one(text)?;
    if let Some(after_slash) = text[len..].strip_prefix('/')
        && let Some(second) = one(after_slash)
    {
        len += 1 + second;
    }
    let rest = &text[len..];
    (!rest.starts_with(char::is_alphanumeric)).then_some((rest, &text[..len]))
}

/// `, paragraph 1/3`, `, paragraphs 2a`: a paragraph of a Schedule. Gives the text after it.
fn schedule_paragraph(text: &str) -> Option<&str> {
    let after = after_spaces(text.strip_prefix(',')?)?.strip_prefix("paragraph")?;
    let after = after_spaces(after.strip_prefix('s').unwrap_or(after))?;
    let len = ascii_run(after, usize::MAX, |&b| {
        b.is_ascii_alphanumeric() || b == b'/'
    });
    (len > 0).then(|| &after[len..])
}

/// The provisions a citation lists, each sort in its own list.
#[derive(Debug, Default)]
struct Provisions {
    sections: Vec<String>,
    /// The regulations of Regulations (`regulation 10`).
    regulations: Vec<String>,
    parts: Vec<String>,
    schedules: Vec<String>,
}

impl Provisions {
    /// Reads one group (`sections 26B and 34D`, `Part 7`, `Schedule 5/5A, paragraph 1/3`) into
    /// its list. Gives the text after it; with `None` no list has changed.
    fn read_group<'a>(&mut self, text: &'a str) -> Option<&'a str> {
        if let Some(after_word) = section_word(text)
            && let Some(rest) = section_list(after_word, &mut self.sections)
        {
            return Some(rest);
        }
        if let Some(after_word) = regulation_word(text)
            && let Some(rest) = regulation_list(after_word, &mut self.regulations)
        {
            return Some(rest);
        }
        if let Some(rest) = numbered(text, "part", part_number, &mut self.parts) {
            return Some(rest);
        }
        let rest = numbered(text, "schedule", schedule_number, &mut self.schedules)?;
        Some(schedule_paragraph(rest).unwrap_or(rest))
    }

    /// Reads groups joined as list entries are: `s508B and Schedule 35B`. Gives the text after
    /// them; with `None` no list has changed.
    fn read<'a>(&mut self, text: &'a str) -> Option<&'a str> {
        // Every group starts with `s`, `S`, `p`, `P`, `r` or `R`; most capitalised words fail
        // here.
        if !matches!(
            text.as_bytes().first(),
            Some(b's' | b'S' | b'p' | b'P' | b'r' | b'R')
        ) {
            return None;
        }
        let mut rest = self.read_group(text)?;
        for _ in 0..MAX_ITEMS {
            match list_separator(rest).and_then(|after| self.read_group(after)) {
                Some(after) => rest = after,
                None => break,
            }
        }
        Some(rest)
    }

    /// Adds the provisions of `other` after these.
    fn extend(&mut self, other: Provisions) {
        self.sections.extend(other.sections);
        self.regulations.extend(other.regulations);
        self.parts.extend(other.parts);
        self.schedules.extend(other.schedules);
    }

    /// Whether only regulations are cited: of Regulations, to be named or found before.
    fn only_regulations(&self) -> bool {
        !self.regulations.is_empty()
            && self.sections.is_empty()
            && self.parts.is_empty()
            && self.schedules.is_empty()
    }

    /// The reference these provisions make to `name`; with none, a bare one, whose `kind` is
    /// `regulations` when only regulations are cited (as the legislation to give it must be).
    fn into_reference(self, name: Option<Name>) -> ActReference {
        let (act, kind, year) = match name {
            Some(name) => (Some(name.act), Some(name.kind), name.year),
            None if self.only_regulations() => (None, Some(LegislationKind::Regulations), None),
            None => (None, None, None),
        };
        ActReference {
            act,
            kind,
            year,
            sections: self.sections,
            regulations: self.regulations,
            parts: self.parts,
            schedules: self.schedules,
        }
    }
}

/// Whether `word` is a capitalised word that begins sentences and clauses but never a name of
/// legislation: `Under the Care Act` names the `Care Act`. A `match`, which compares the few
/// words of the same length, costs less than a search of a list.
fn never_first_in_name(word: &str) -> bool {
    matches!(
        word,
        "A" | "Additionally"
            | "After"
            | "Again"
            | "Also"
            | "Although"
            | "An"
            | "And"
            | "Any"
            | "As"
            | "At"
            | "Because"
            | "Before"
            | "Both"
            | "But"
            | "By"
            | "Despite"
            | "During"
            | "Each"
            | "Either"
            | "Every"
            | "Following"
            | "For"
            | "From"
            | "Furthermore"
            | "He"
            | "Her"
            | "His"
            | "However"
            | "I"
            | "If"
            | "In"
            | "Instead"
            | "It"
            | "Its"
            | "Miss"
            | "Moreover"
            | "Mr"
            | "Mrs"
            | "Ms"
            | "My"
            | "Neither"
            | "Of"
            | "On"
            | "Or"
            | "Our"
            | "Part"
            | "Parts"
            | "Regarding"
            | "Schedule"
            | "Section"
            | "Sections"
            | "She"
            | "Similarly"
            | "Since"
            | "So"
            | "That"
            | "The"
            | "Their"
            | "Then"
            | "There"
            | "Therefore"
            | "These"
            | "They"
            | "This"
            | "Those"
            | "Though"
            | "Through"
            | "Thus"
            | "To"
            | "Under"
            | "Unless"
            | "Until"
            | "We"
            | "When"
            | "Where"
            | "Whether"
            | "While"
            | "Whilst"
            | "With"
            | "Within"
            | "Without"
            | "Yet"
    )
}

/// A table telling, for each byte `b`, whether `$test` holds of it: a lookup where a test runs
/// at every byte.
macro_rules! byte_table {
    (|$b:ident| $test:expr) => {{
        let mut table = [false; 256];
        let mut byte = 0;
        while byte < 256 {
            let $b = byte as u8;
            table[byte] = $test;
            byte += 1;
        }
        table
    }};
}

/// Whether each byte is an ASCII letter or digit, `'` or `-`: a byte of a capitalised word.
const CAPITALISED_WORD_BYTE: [bool; 256] =
    byte_table!(|b| b.is_ascii_alphanumeric() || b == b'\'' || b == b'-');

/// The most characters a capitalised word holds after its capital.
const CAPITALISED_TAIL: usize = 40;

/// A capitalised word: `Local`, `SEND`, `Anti-social`; a capital and up to 40 letters, digits,
/// apostrophes and hyphens. Gives the text after it and the word.
fn capitalised(text: &str) -> Option<(&str, &str)> {
    let (first, tail) = text.as_bytes().split_first()?;
    if !first.is_ascii_uppercase() {
        return None;
    }
    // ASCII bytes a byte at a time, through a table; any other letters as characters.
    let ascii = (tail.iter().take(CAPITALISED_TAIL))
        .take_while(|&&b| CAPITALISED_WORD_BYTE[usize::from(b)])
        .count();
    let mut len = 1 + ascii;
    if tail.get(ascii).is_some_and(|b| !b.is_ascii()) {
        let more = text.get(len..).unwrap_or_default().chars();
        for c in more.take(CAPITALISED_TAIL - ascii) {
            if !(c.is_alphanumeric() || c == '\'' || c == '-') {
                break;
            }
            len += c.len_utf8();
        }
    }
    let (word, rest) = text.split_at(len);
    Some((rest, word))
}

/// A lower-case word joining the words of a name: `Adoption and Children`, `Protection from
/// Eviction`, `Representation of the People` (`the` only after `of`), `Review Procedure etc.`.
/// Gives the text after it and the word. Where `of the` starts the text it is the connector
/// read, or none is (`of theory`).
fn connector(text: &str) -> Option<(&str, &str)> {
    let of_the = text
        .strip_prefix("of")
        .and_then(after_spaces)
        .and_then(|after| after.strip_prefix("the"));
    let rest = match of_the {
        Some(rest) => rest,
        None => ["etc.", "and", "of", "in", "for", "from", "on", "to"]
            .iter()
            .find_map(|word| text.strip_prefix(word))?,
    };
    (!rest.starts_with(char::is_alphanumeric)).then(|| (rest, consumed(text, rest)))
}

/// `(Assessment)`, `(Charging and Assessment of Resources)`, `(England)`: a bracketed group of a
/// name. Gives the text after it and the group.
fn name_bracket(text: &str) -> Option<(&str, &str)> {
    let (mut rest, _) = capitalised(text.strip_prefix('(')?)?;
    for _ in 0..MAX_ITEMS {
        let Some(word) = after_spaces(rest.strip_prefix(',').unwrap_or(rest)) else {
            break;
        };
        match capitalised(word).or_else(|| connector(word)) {
            Some((after, _)) => rest = after,
            None => break,
        }
    }
    let rest = rest.strip_prefix(')')?;
    Some((rest, consumed(text, rest)))
}

/// The year after `Act` or `Regulations`: ` 2014` or ` (1989)`, and the text after it; the year
/// as its four digits. `(text, None)` when no number follows; `None` when a number that is not
/// a year does (`Act 19745`, `Act 12 weeks`).
fn year(text: &str) -> Option<(&str, Option<&str>)> {
    let number = skip_spaces(text);
    if !number.starts_with(|c: char| c.is_ascii_digit() || c == '(') {
        return Some((text, None));
    }
    let read = match number.strip_prefix('(') {
        Some(inside) => {
            four_digits(inside).and_then(|(after, digits)| Some((after.strip_prefix(')')?, digits)))
        }
        None => four_digits(number),
    };
    match read {
        Some((after, digits)) if !after.starts_with(|c: char| c.is_ascii_digit()) => {
            Some((after, Some(digits)))
        }
        _ if number.starts_with('(') => Some((text, None)),
        _ => None,
    }
}

/// The first four characters of `text` when they are digits, and the text after them.
fn four_digits(text: &str) -> Option<(&str, &str)> {
    (ascii_run(text, 4, u8::is_ascii_digit) == 4).then(|| (&text[4..], &text[..4]))
}

/// A name of legislation, read by [`name`].
#[derive(Debug)]
struct Name {
    act: String,
    kind: LegislationKind,
    year: Option<i32>,
}

/// The next word of a name after `text` (the name so far): after spaces, a capitalised word, a
/// connector or a bracketed group; after a comma and spaces, a capitalised word or a bracketed
/// group. After `Act` or `Regulations` (`after_keyword`) neither a comma nor a connector goes
/// on: `Children Act 1989, Care Act 2014` is two names. Gives the text after it and the word.
fn next_name_word(text: &str, after_keyword: bool) -> Option<(&str, &str)> {
    if let Some(after_comma) = text.strip_prefix(',') {
        if after_keyword {
            return None;
        }
        let word = after_spaces(after_comma)?;
        return capitalised(word).or_else(|| name_bracket(word));
    }
    let word = after_spaces(text)?;
    capitalised(word)
        .or_else(|| connector(word).filter(|_| !after_keyword))
        .or_else(|| name_bracket(word))
}

/// A name ending in `Act` or `Regulations` and its year if written: capitalised words, with
/// connectors and bracketed groups between them, never first; a name may hold an Act
/// (`Health and Social Care Act 2008 (Regulated Activities) Regulations 2014`). The name is the
/// longest run of such words that ends in `Act` or `Regulations`. Regulations without a year
/// count only with a bracketed group (`the Council's Financial Regulations` are its own rules);
/// a run that goes on to `Order` names an order (`Care Act 2014 (Transitional Provision) Order`).
/// Gives the text after it and the name, whose text is built only once the run has ended.
fn name(text: &str) -> Option<(&str, Name)> {
    let (mut rest, first) = capitalised(text)?;
    // The longest name so far: the text after it and its year's digits, its kind and the text
    // it is written with up to the keyword.
    let mut end: Option<(&str, Option<&str>, LegislationKind, &str)> = None;
    let mut after_keyword = false;
    let mut bracketed = false;
    for _ in 0..MAX_ITEMS {
        let Some((after_word, word)) = next_name_word(rest, after_keyword) else {
            break;
        };
        if word == "Order" {
            return None;
        }
        bracketed |= word.starts_with('(');
        rest = after_word;
        after_keyword = false;
        if is_keyword(word) {
            let Some((after_year, year)) = year(rest) else {
                break;
            };
            let kind = if word == "Act" {
                LegislationKind::Act
            } else {
                LegislationKind::Regulations
            };
            if year.is_some() || kind == LegislationKind::Act || bracketed {
                end = Some((after_year, year, kind, consumed(text, rest)));
            }
            rest = after_year;
            after_keyword = true;
        }
    }
    let (rest, digits, kind, written) = end?;
    // Looked at last, as most readings end before: a name does not start with these words.
    if is_keyword(first) || never_first_in_name(first) {
        return None;
    }
    let name = Name {
        act: name_text(written, digits),
        kind,
        year: digits.and_then(|digits| digits.parse().ok()),
    };
    Some((rest, name))
}

/// A name's text: its words as `written` (no space at either end), one space between them,
/// then a space and the year's `digits` as a number (`0123` is `123`).
fn name_text(written: &str, digits: Option<&str>) -> String {
    let mut text = String::with_capacity(written.len() + " 2014".len());
    // Most names are written with one ASCII space between words: copied whole.
    let mut after_space = false;
    let single_spaced = written.bytes().all(|b| {
        let plain = b.is_ascii() && !matches!(b, b'\t'..=b'\r') && !(after_space && b == b' ');
        after_space = b == b' ';
        plain
    });
    if single_spaced {
        text.push_str(written);
    } else {
        for (i, word) in written.split_whitespace().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(word);
        }
    }
    if let Some(digits) = digits {
        let number = digits.trim_start_matches('0');
        text.push(' ');
        text.push_str(if number.is_empty() { "0" } else { number });
    }
    text
}

fn is_keyword(word: &str) -> bool {
    word == "Act" || word == "Regulations"
}

/// Whether the next word says a name is not cited as legislation: `the Care Act guidance`,
/// `the Mental Capacity Act Code of Practice`.
fn names_something_else(rest: &str) -> bool {
    let word = skip_spaces(rest);
    ["guidance", "code", "order"].iter().any(|other| {
        starts_with_ignore_case(word, other)
            && !word[other.len()..].starts_with(|c: char| c.is_alphanumeric())
    })
}

/// ` of the `, ` of `, ` of this `, ` to the ` (`Schedule 2 to the Children Act 1989`): between
/// provisions and what they belong to. Gives the text after it.
fn of_the(text: &str) -> Option<&str> {
    let word = after_spaces(text)?;
    let after = (word.strip_prefix("of")).or_else(|| word.strip_prefix("to"))?;
    let rest = after_spaces(after)?;
    let article = ["the", "this", "that"]
        .iter()
        .find_map(|article| rest.strip_prefix(article));
    Some(article.and_then(after_spaces).unwrap_or(rest))
}

/// Between provisions and the name they belong to: ` of the ` (see [`of_the`]), `, ` or spaces.
/// Gives the text after it.
fn before_name(text: &str) -> Option<&str> {
    of_the(text).or_else(|| after_spaces(text.strip_prefix(',').unwrap_or(text)))
}

/// Between a name or a group of provisions and the provisions after it: spaces, `, `,
/// `, as amended, `. Gives the text after it.
fn before_provisions(text: &str) -> Option<&str> {
    let Some(after_comma) = text.strip_prefix(',') else {
        return after_spaces(text);
    };
    let amended = after_spaces(after_comma).and_then(|words| words.strip_prefix("as amended,"));
    Some(skip_spaces(amended.unwrap_or(after_comma)))
}

/// `Local Government Act 1974, sections 26(1) and 26A(1), as amended`, `Section 26(3) of the
/// Children Act (1989)`, `Part 4 of the Children Act 1989`, `the Equality Act`: a citation at
/// `text` that names its legislation. `leading` holds the provisions read at the start of `text`
/// (`Section 26(3)`), which end at `after_leading`; it is taken only when the name follows them.
fn named<'a>(
    text: &'a str,
    leading: &mut Provisions,
    after_leading: Option<&'a str>,
) -> Option<(&'a str, ActReference)> {
    // `Section 26(3) of the Children Act`, `Section 20, Children Act 1989`, or as an
    // abbreviation `s.117 Mental Health Act 1983`.
    let before = after_leading.and_then(before_name);
    let name_start = before.unwrap_or(text);
    let name_start = (name_start.strip_prefix("The"))
        .and_then(after_spaces)
        .unwrap_or(name_start);
    let (mut rest, name) = name(name_start)?;
    if names_something_else(rest) {
        return None;
    }
    let mut provisions = match before {
        Some(_) => std::mem::take(leading),
        None => Provisions::default(),
    };
    for _ in 0..MAX_ITEMS {
        if let Some(after) = before_provisions(rest).and_then(|after| provisions.read(after)) {
            rest = after;
            continue;
        }
        // `Care Act 2014 (section 18)`: read apart, kept only when the bracket closes.
        let Some(inside) = skip_spaces(rest).strip_prefix('(') else {
            break;
        };
        let mut bracketed = Provisions::default();
        match (bracketed.read(inside)).and_then(|after| after.strip_prefix(')')) {
            Some(after) => {
                provisions.extend(bracketed);
                rest = after;
            }
            None => break,
        }
    }
    let amended = (rest.strip_prefix(','))
        .and_then(after_spaces)
        .and_then(|words| words.strip_prefix("as amended"));
    Some((
        amended.unwrap_or(rest),
        provisions.into_reference(Some(name)),
    ))
}

/// ` of the Act`, ` of that Act`, ` of the 1989 Act`, ` of the same Act`: provisions'
/// legislation named elsewhere. Gives the text after it and the year it says.
fn of_act(text: &str) -> Option<(&str, Option<i32>)> {
    let after = of_the(text)?;
    let same = ["same", "said"]
        .iter()
        .find_map(|word| after.strip_prefix(word));
    let after = same.and_then(after_spaces).unwrap_or(after);
    let year = four_digits(after).and_then(|(rest, digits)| Some((after_spaces(rest)?, digits)));
    let (after, year) = match year {
        Some((rest, digits)) => (rest, digits.parse().ok()),
        None => (after, None),
    };
    let rest = (after.strip_prefix("Act")).or_else(|| after.strip_prefix("Regulations"))?;
    Some((rest, year))
}

/// `section 47`, `sections 20 and 31`, `section 17 of the Act`: `provisions`, read before
/// `rest`, that name no legislation. Not when they belong to something else (`section 2 of the
/// plan`) or point within the text (`section 4 above`).
fn bare(rest: &str, provisions: Provisions) -> Option<(&str, ActReference)> {
    let (rest, of_act) = match of_act(rest) {
        Some((after, year)) => (after, Some(year)),
        None => (rest, None),
    };
    if rest.starts_with(char::is_alphanumeric) {
        return None;
    }
    let next = skip_spaces(rest);
    let points_elsewhere = ["of ", "above", "below"]
        .iter()
        .any(|word| next.starts_with(word));
    let no_sections = provisions.sections.is_empty() && provisions.regulations.is_empty();
    if points_elsewhere || (of_act.is_none() && no_sections) {
        return None;
    }
    let mut reference = provisions.into_reference(None);
    // The year the provisions' legislation has, until it is found (`of the 1989 Act`).
    reference.year = of_act.flatten();
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
    // Provisions at the start are read once, for a citation that names its legislation after
    // them and for one that names none.
    let mut provisions = Provisions::default();
    let after_provisions = provisions.read(text);
    let (rest, reference) = match named(text, &mut provisions, after_provisions) {
        Some(read) => read,
        None => bare(after_provisions?, provisions)?,
    };
    Some((reference, text.len() - rest.len()))
}

/// Whether each byte may be a citation's first (see [`may_begin`]): a capital, `s`, `p` or `r`.
const FIRST_BYTE: [bool; 256] =
    byte_table!(|b| b.is_ascii_uppercase() || matches!(b, b's' | b'p' | b'r'));

/// Whether `text` starts as a citation can: with a capital, `section`, `schedule`, `part`,
/// `regulation`, or `s` before a digit, `.` or `s` (`s17`, `s.17`, `ss 20`). Most words fail at
/// once.
fn may_begin(text: &[u8]) -> bool {
    match text {
        [b'A'..=b'Z', ..] => true,
        [b's', b'0'..=b'9' | b'.' | b's', ..] => true,
        _ => [&b"section"[..], b"schedule", b"part", b"regulation"]
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

/// Adds to `found` (the citations before it) every citation in `sentence`: a
/// reading tried at each word start, then bare provisions given the nearest legislation the
/// sentence names, or for `… of the Act` the legislation named before the sentence (`of the 1989
/// Act` the one of that year). With none named, a bare clause is kept when it cites a section
/// with the word `section`; an abbreviation (`s.17`) or a Part alone is too loose to stand alone.
fn read_sentence(sentence: &Piece<'_>, found: &mut Vec<Citation>) {
    let first = found.len();
    let text = sentence.text;
    let bytes = text.as_bytes();
    let mut from = 0;
    // A citation's first byte is a capital, `s` or `p`: a look in a table rules out most bytes.
    let next_first_byte = |from: usize| {
        let skipped = bytes
            .get(from..)?
            .iter()
            .position(|&b| FIRST_BYTE[usize::from(b)])?;
        Some(from + skipped)
    };
    while let Some(at) = next_first_byte(from) {
        from = at + 1;
        // The byte at `at` is ASCII, so `at` falls between characters.
        if may_start(text, at)
            && let Some((reference, len)) = parse_citation(&text[at..])
        {
            let citation = Citation {
                reference,
                paragraph: sentence.paragraph,
                span: sentence.span(at, at + len),
            };
            match found[first..].last_mut() {
                Some(before) if restates(sentence, before, &citation) => {
                    before.span.end = citation.span.end;
                    let (into, restated) = (&mut before.reference, citation.reference);
                    for (list, more) in [
                        (&mut into.sections, restated.sections),
                        (&mut into.parts, restated.parts),
                        (&mut into.schedules, restated.schedules),
                    ] {
                        let new: Vec<String> =
                            more.into_iter().filter(|p| !list.contains(p)).collect();
                        list.extend(new);
                    }
                }
                _ => found.push(citation),
            }
            from = at + len;
        }
    }
    if found[first..].iter().any(|c| c.reference.act.is_none()) {
        let mut read = found.split_off(first);
        give_bare_their_legislation(sentence, &mut read, found);
        found.append(&mut read);
    }
}

/// Whether `later` restates `before`, the citation before it in `sentence`, in a bracket right
/// after it: `section 117 of the Mental Health Act 1983 (Mental Health Act 1983, section 117)` is
/// one citation. It names the same legislation, and one's provisions of each sort are among the
/// other's.
fn restates(sentence: &Piece<'_>, before: &Citation, later: &Citation) -> bool {
    let (a, b) = (&before.reference, &later.reference);
    let between = (before.span.end.checked_sub(sentence.start))
        .zip(later.span.start.checked_sub(sentence.start))
        .and_then(|(start, end)| sentence.text.get(start..end));
    let among = |x: &[String], y: &[String]| x.iter().all(|p| y.contains(p));
    let lists = [
        (&a.sections, &b.sections),
        (&a.parts, &b.parts),
        (&a.schedules, &b.schedules),
    ];
    between.is_some_and(|between| between.trim() == "(")
        && a.act.is_some()
        && a.act == b.act
        && (lists.iter().all(|(x, y)| among(x, y)) || lists.iter().all(|(x, y)| among(y, x)))
}

/// Gives each bare citation `read` in `sentence` the name, kind and year of the nearest named
/// one, or drops it when there is none and it does not say `section`. `earlier` holds the
/// citations before the sentence.
fn give_bare_their_legislation(
    sentence: &Piece<'_>,
    read: &mut Vec<Citation>,
    earlier: &[Citation],
) {
    let named: Vec<Citation> = read
        .iter()
        .filter(|c| c.reference.act.is_some())
        .cloned()
        .collect();
    read.retain_mut(|citation| {
        let (paragraph, span) = (citation.paragraph, citation.span);
        let reference = &mut citation.reference;
        if reference.act.is_some() {
            return true;
        }
        let distance = |other: &Citation| {
            (other.span.start.saturating_sub(span.end))
                .max(span.start.saturating_sub(other.span.end))
        };
        let cited = (span.start.checked_sub(sentence.start))
            .and_then(|start| sentence.text.get(start..start + (span.end - span.start)))
            .unwrap_or_default();
        // `of the Act` names the legislation named last, in this sentence or one before it;
        // `of the 1989 Act` the one with that year.
        let of_the_act = cited.ends_with("Act") || cited.ends_with("Regulations");
        // `Regulation 10 says`: regulations alone belong to Regulations, named in the sentence
        // or, failing that, in the paragraph or the few before it.
        let regulations_only = reference.kind == Some(LegislationKind::Regulations);
        let year = reference.year.take();
        let fits = |r: &&ActReference| {
            year.is_none_or(|year| r.year == Some(year))
                && (!regulations_only || r.kind == Some(LegislationKind::Regulations))
        };
        let mut in_sentence: Vec<&Citation> = named.iter().collect();
        in_sentence.sort_by_key(|n| distance(n));
        let near = |other: &Citation| match (other.paragraph, paragraph) {
            (Some(other), Some(paragraph)) => other + NEARBY_PARAGRAPHS >= paragraph,
            (other, paragraph) => other == paragraph,
        };
        let looks_back = of_the_act || regulations_only;
        let before_it = (earlier.iter().rev())
            .take_while(|c| looks_back && (of_the_act || near(c)))
            .map(|c| &c.reference)
            .filter(|r| r.act.is_some());
        let nearest = in_sentence
            .into_iter()
            .map(|c| &c.reference)
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

/// How many paragraphs before its own a bare regulation's Regulations may be named in.
const NEARBY_PARAGRAPHS: u32 = 2;

/// `ection`, as in the `section` a bare citation must say.
static SECTION_WORD: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ection"));

/// `egulation`, which `Regulations`, `Regulation 10` and `regulations 4 and 5` hold.
static EGULATION: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("egulation"));

/// `ct`, which `Act`, `section` and `Section` hold.
static CT: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("ct"));

/// The shortest anchor's length: an anchor found counts in a piece when this many bytes of it do.
const ANCHOR_LEN: usize = 3;

/// Where the words a citation holds one of start in `input`, ascending: `Act`, `Regulation` (as
/// in `Regulations` and `Regulation 10`), `regulation`, `section` and `Section`, as one search
/// for the words finds them (a word that starts inside one found before it does not count). Two
/// searches, `ct` for three of the words and `egulation` for the others, each checked where it
/// is found, cost less than one search for all the words.
fn anchors(input: &str) -> Vec<usize> {
    let bytes = input.as_bytes();
    let is_at = |start: usize, word: &[u8]| bytes.get(start..start + word.len()) == Some(word);
    let act_or_section = CT.find_iter(bytes).filter_map(|ct| {
        let act = ct.checked_sub(1)?;
        if is_at(act, b"Act") {
            return Some((act, "Act".len()));
        }
        let section = ct.checked_sub(2)?;
        (is_at(section, b"section") || is_at(section, b"Section"))
            .then_some((section, "section".len()))
    });
    let regulations = EGULATION.find_iter(bytes).filter_map(|egulation| {
        let at = egulation.checked_sub(1)?;
        matches!(bytes[at], b'R' | b'r').then_some((at, "regulation".len()))
    });
    let mut found: Vec<(usize, usize)> = act_or_section.chain(regulations).collect();
    found.sort_unstable();
    let mut end = 0;
    found
        .into_iter()
        .filter_map(|(start, len)| {
            let counts = start >= end;
            if counts {
                end = start + len;
            }
            counts.then_some(start)
        })
        .collect()
}

/// Every citation of legislation in the document, in order: a citation holds `Act`,
/// `Regulation` (`regulation`) or `section`, or is a bare one that takes the legislation its sentence (or, `of
/// the Act`, one before it) names. The anchors are looked for once in the whole input, and only
/// the sentences that hold one are read, each found around its first anchor.
pub(crate) fn citations(doc: &Document<'_>) -> Vec<Citation> {
    let anchors = anchors(doc.input);
    let mut found = Vec::new();
    for index in pieces::holding(doc.pieces(), &anchors, ANCHOR_LEN) {
        let piece = &doc.pieces()[index];
        let piece_end = piece.start + piece.text.len();
        let mut next = anchors.partition_point(|&at| at < piece.start);
        while let Some(&at) = anchors.get(next).filter(|&&at| at < piece_end) {
            next += 1;
            // The first anchor of its sentence: read when the anchor fits in it, as `holding`
            // reads a piece; the sentence's later anchors are passed over.
            let Some(sentence) = pieces::sentence_holding(piece, at - piece.start) else {
                continue;
            };
            let sentence_end = sentence.start + sentence.text.len();
            if at + ANCHOR_LEN <= sentence_end {
                read_sentence(&sentence, &mut found);
            }
            next += anchors[next..].partition_point(|&later| later < sentence_end);
        }
    }
    drop_cut_provision(doc.input, &mut found);
    found
}

/// Drops the provision a copy cut off ends with: where the last citation runs to the very end of
/// the input (whitespace aside) and ends in a letter or figure (`… section 30(1B) and 3` of a
/// copy that stopped inside `34H(i)`), its last provision may be a stub, and is not kept; a bare
/// citation left with none goes too. A closed bracket (`section 30(1B)`) ends a provision whole.
fn drop_cut_provision(input: &str, found: &mut Vec<Citation>) {
    let Some(last) = found.last_mut() else {
        return;
    };
    let Some(cited) = input.get(last.span.start..last.span.end) else {
        return;
    };
    let at_end = input[last.span.end..].trim_start().is_empty();
    if !at_end || !cited.ends_with(|c: char| c.is_ascii_alphanumeric()) {
        return;
    }
    let reference = &mut last.reference;
    let lists = [
        &mut reference.sections,
        &mut reference.parts,
        &mut reference.schedules,
    ];
    let Some(list) = lists
        .into_iter()
        .find(|list| list.last().is_some_and(|p| cited.ends_with(p.as_str())))
    else {
        return;
    };
    list.pop();
    let none_left = [&reference.sections, &reference.parts, &reference.schedules]
        .iter()
        .all(|list| list.is_empty());
    if reference.act.is_none() && none_left {
        found.pop();
    }
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
    fn skips_spaces_as_trim_start_does() {
        for text in [
            "",
            "x",
            " x",
            " \t\n x",
            "\u{a0}x",
            " \u{a0} \u{2003}x",
            "\u{e9}",
            "\x0b\x0cx",
        ] {
            assert_eq!(skip_spaces(text), text.trim_start(), "{text:?}");
        }
        assert_eq!(after_spaces(" \u{a0}x"), Some("x"));
        assert_eq!(after_spaces("x "), None);
    }

    #[test]
    fn reads_capitalised_words_of_up_to_41_characters() {
        assert_eq!(
            capitalised("Anti-social behaviour"),
            Some((" behaviour", "Anti-social"))
        );
        assert_eq!(capitalised("Council's."), Some((".", "Council's")));
        assert_eq!(capitalised("M\u{e9}nage x"), Some((" x", "M\u{e9}nage")));
        assert_eq!(capitalised("local"), None);
        assert_eq!(capitalised("\u{c9}cole"), None);
        let long = format!("A{}", "b".repeat(45));
        assert_eq!(capitalised(&long).map(|(_, word)| word.len()), Some(41));
        // The 40 after the capital count characters, not bytes.
        let accented = format!("A{}x", "\u{e9}".repeat(39));
        assert_eq!(capitalised(&accented), Some(("", accented.as_str())));
        let longer = format!("A{}", "\u{e9}".repeat(41));
        assert_eq!(capitalised(&longer).map(|(rest, _)| rest), Some("\u{e9}"));
    }

    #[test]
    fn writes_names_with_one_space_and_the_year_as_a_number() {
        assert_eq!(name_text("Care Act", Some("2014")), "Care Act 2014");
        assert_eq!(
            name_text("Care  and\u{a0}Support\tAct", None),
            "Care and Support Act"
        );
        assert_eq!(name_text("Care\nAct", Some("0123")), "Care Act 123");
        assert_eq!(name_text("Care Act", Some("0000")), "Care Act 0");
        assert_eq!(
            name_text("Children\u{2019}s Act", None),
            "Children\u{2019}s Act"
        );
    }

    #[test]
    fn knows_words_that_never_start_a_name() {
        assert!(never_first_in_name("Under") && never_first_in_name("Section"));
        assert!(!never_first_in_name("Care") && !never_first_in_name("under"));
    }

    #[test]
    fn finds_anchors_as_one_search_would() {
        let text = "Acts, Regulations. subsection Section ection xsectio Regulationsection \
                    Actection regulation 10 egulation";
        let at = |word: &str, from: usize| text[from..].find(word).map(|i| from + i).unwrap();
        let joined = at("Regulationsection", 0);
        assert_eq!(
            anchors(text),
            [
                0,
                at("Regulations", 0),
                at("section", 0),
                at("Section", 0),
                joined,
                joined + "Regulation".len(),
                at("Actection", 0),
                at("regulation 10", 0),
            ]
        );
        assert!(anchors("ection sectio egulation").is_empty());
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

    /// The legislation cited in `text`, each with its regulations.
    fn regulations_found(text: &str) -> Vec<(Option<String>, Vec<String>)> {
        cited(text)
            .into_iter()
            .map(|c| (c.reference.act, c.reference.regulations))
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

    #[test]
    fn reads_provisions_in_the_forms_copies_write_them() {
        let none: &[&str] = &[];
        let cases: &[(&str, &[&str], &[&str])] = &[
            // A list in a bracket belongs to the section before it, as a bare bracket does.
            (
                "Local Government Act 1974, sections 30(1B) and 34H(3 and 4), as amended)",
                &["30(1B)", "34H(3)", "34H(4)"],
                none,
            ),
            (
                "Housing Act 1996, section 202(1)(b, c or d).",
                &["202(1)(b)", "202(1)(c)", "202(1)(d)"],
                none,
            ),
            (
                "Care Act 2014, section 27(1, 2), as amended)",
                &["27(1)", "27(2)"],
                none,
            ),
            // Figures after a bracket, as written; the bracket alone too.
            (
                "Local Government Act 1974, section 26(2), section 34(C)7)",
                &["26(2)", "34(C)7"],
                none,
            ),
            (
                "Local Government Act 1974, section 34(B), as amended)",
                &["34(B)"],
                none,
            ),
            // A bracket after a space is the section's.
            (
                "Local Government Act 1974, section 25A (4), as amended)",
                &["25A(4)"],
                none,
            ),
            (
                "Children Act 1989, sections 17 (10) and (11) apply",
                &["17(10)", "17(11)"],
                none,
            ),
            // Not a year, nor words, in a bracket after a space.
            ("Care Act 2014, section 42 (2015 version)", &["42"], none),
            ("Care Act 2014, section 9 (2014)", &["9"], none),
            // A Schedule's number with a small letter.
            (
                "Local Government Act 1974, Schedule 6/6b, paragraph 2, as amended)",
                none,
                &["6/6b"],
            ),
            ("Children Act 1989, Schedule 2a says", none, &["2a"]),
        ];
        for (text, sections, schedules) in cases {
            let (_, read_sections, _, read_schedules) = cite(text).unwrap();
            assert_eq!(
                (read_sections, read_schedules),
                (strings(sections), strings(schedules)),
                "{text}"
            );
        }
        // A list in a bracket ends with its bracket closed, of two entries or more.
        assert_eq!(cite("section 12(a and b of").unwrap().1, ["12"]);
        assert_eq!(cite("section 12(a and b)c of"), None);
        assert_eq!(cite("section 12(a and b)").unwrap().1, ["12(a)", "12(b)"]);
        // `Schedule 3rd` is no Schedule.
        assert_eq!(cite("Schedule 3rd"), None);
    }

    #[test]
    fn drops_a_provision_cut_off_at_the_end_of_the_text() {
        // The copy stops inside `34H(i)`: the stub is not a provision.
        let text = "We may end an investigation. (Local Government Act 1974, section 30(1B) and 3";
        assert_eq!(
            found(text),
            [(
                Some("Local Government Act 1974".to_string()),
                strings(&["30(1B)"]),
                "Local Government Act 1974, section 30(1B) and 3"
            )]
        );
        // Spaces after the stub change nothing; a bare citation left with nothing goes.
        let text = "The Council acted under section 1";
        assert_eq!(found(text), []);
        let text = "See the Care Act 2014, Schedule 1 \n ";
        assert_eq!(cited(text)[0].reference.schedules, Vec::<String>::new());
        // A closed bracket ends a provision whole, and a provision before the end is kept.
        let text = "(Local Government Act 1974, section 30(1B)";
        assert_eq!(found(text)[0].1, ["30(1B)"]);
        let text = "(Local Government Act 1974, section 24A(6), as ame";
        assert_eq!(found(text)[0].1, ["24A(6)"]);
        let text = "Section 3 of the Care Act 2014 applies. It ends";
        assert_eq!(found(text)[0].1, ["3"]);
    }

    #[test]
    fn reads_a_restatement_in_brackets_as_one_citation() {
        let act = |name: &str| Some(name.to_string());
        let text = "It had a duty under section 117 of the Mental Health Act 1983 (Mental Health \
                    Act 1983, section 117) to provide aftercare.";
        let read = found(text);
        assert_eq!(
            read,
            [(
                act("Mental Health Act 1983"),
                strings(&["117"]),
                "section 117 of the Mental Health Act 1983 (Mental Health Act 1983, section 117"
            )]
        );
        // The name alone, then its provisions in the bracket: one citation with them.
        let text = "The Care Act 2014 (Care Act 2014, sections 9 and 18) sets duties.";
        assert_eq!(found(text).len(), 1);
        assert_eq!(found(text)[0].1, ["9", "18"]);
        // Other provisions in the bracket, another Act, or words between: two citations.
        for text in [
            "Under section 117 of the Mental Health Act 1983 (Mental Health Act 1983, section 2) it acts.",
            "Under section 17 of the Children Act 1989 (Care Act 2014, section 17) it acts.",
            "Under section 17 of the Children Act 1989 and (Children Act 1989, section 17) it acts.",
            "The Children Act 1989 applies. (Children Act 1989, section 17)",
        ] {
            assert_eq!(found(text).len(), 2, "{text}");
        }
    }

    #[test]
    fn ties_regulations_to_the_regulations_named_before_them() {
        let statement = "Summary: Mr X complained about how Eastmoor Council charged for his \
            care. We found fault.\n\nThe complaint\n1. Mr X complained the Council charged him \
            too much for his care at home.\n\nWhat I found\n2. The Care and Support (Charging \
            and Assessment of Resources) Regulations 2014 set out how a council must assess what \
            a person can pay.\n3. Regulation 10 says a council must not charge for some services. \
            Regulations 4 and 5 set the limits. The Care Act 2014 says more.\n4. The Council did \
            not follow regulation 10(2) when the Care Act 2014 applied.\n5. Mr X says nobody told \
            him.\n6. Mr X wrote again.\n7. Mr X wrote once more.\n8. The Council relied on \
            regulation 7 alone.\n\nDecision\n9. I have completed my investigation. There was \
            fault by the Council, which caused injustice.\n";
        let decision = crate::parse(statement).unwrap();
        let read: Vec<_> = (decision.legislation.iter())
            .map(|c| {
                let r = &c.reference;
                (c.paragraph, r.act.as_deref(), r.kind, r.regulations.clone())
            })
            .collect();
        let charging =
            Some("Care and Support (Charging and Assessment of Resources) Regulations 2014");
        let regs = Some(LegislationKind::Regulations);
        let act = Some(LegislationKind::Act);
        assert_eq!(
            read,
            [
                (Some(2), charging, regs, vec![]),
                (Some(3), charging, regs, strings(&["10"])),
                (Some(3), charging, regs, strings(&["4", "5"])),
                (Some(3), Some("Care Act 2014"), act, vec![]),
                // Not the Act of its sentence: regulations belong to Regulations.
                (Some(4), charging, regs, strings(&["10(2)"])),
                (Some(4), Some("Care Act 2014"), act, vec![]),
                // Regulation 7, four paragraphs on, is too far from any Regulations named.
            ]
        );
        // Regulations named in the sentence, before or after; named with their regulations.
        let charging = Some(
            "Care and Support (Charging and Assessment of Resources) Regulations 2014".to_string(),
        );
        let text = "Under the Care and Support (Charging and Assessment of Resources) Regulations \
                    2014 a council must act (regulations 14 and 17).";
        assert_eq!(
            regulations_found(text)[1],
            (charging.clone(), strings(&["14", "17"]))
        );
        let text = "Regulation 5 of the Care and Support (Charging and Assessment of Resources) \
                    Regulations 2014 applies.";
        assert_eq!(
            regulations_found(text),
            [(charging.clone(), strings(&["5"]))]
        );
        assert_eq!(
            &text[cited(text)[0].span.range()],
            text.strip_suffix(" applies.").unwrap()
        );
        let text = "The Care and Support (Charging and Assessment of Resources) Regulations 2014, \
                    regulation 12(1), apply.";
        assert_eq!(regulations_found(text)[0].1, ["12(1)"]);
        // With no Regulations named, a regulation is no citation; nor a year after the word.
        assert!(found("Regulation 10 says a council must not charge.").is_empty());
        assert!(found("The Care Act 2014 applies under regulation 3.").len() == 1);
        assert_eq!(cite("Regulations 2014 say"), None);
        assert_eq!(cite("regulation 1000"), None);
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
        for sentence in pieces::sentences(piece) {
            read_sentence(&sentence, &mut found);
        }
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
