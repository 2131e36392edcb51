//! Who brought the complaint: read from the summary and `The complaint` section.
//!
//! Statements name people by pseudonym (`Ms X`, `Mrs Y`, `Miss B`, or a bare `X`). The complainant
//! is found by the strongest evidence available, in this order:
//! 1. an explicit naming (`The complainant, whom I shall call Mrs X`);
//! 2. a pseudonym as the subject of complaining (`Ms A and Mr B complain`, `Mrs X's complaint`);
//! 3. the first titled pseudonym that is not introduced as a relative (`her mother, Mrs C`);
//! 4. a bare letter that complains (`X complained`).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use regex_automata::meta;

use crate::document::Document;
use crate::headings::HeadingRole;
use crate::lines::tail;
use crate::model::Span;

/// A titled pseudonym: `Ms X`, `Mrs Y`, `Dr B`.
const TITLED: &str = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+[A-Z](?-u:\b)";
/// A pseudonym with or without a title.
const NAME: &str = r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s+)?[A-Z](?-u:\b)";

/// An explicit naming, which ends with the name (or with the bracket closing it): `The
/// complainant, whom I shall call Mrs X`, `I have called the complainant ‘Ms B`, `the
/// complainant (Mr Y)`.
static EXPLICIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        complainants?,?\s+(?:who|whom)\s+(?:I|we)\s+(?:shall\s+|will\s+|have\s+|am\s+going\s+to\s+)?
            (?:call|called|refer\s+to|referred\s+to)\s+(?:here\s+)?(?:as\s+)?['‘“]?{NAME}
        | (?:I|we)\s+(?:have\s+|shall\s+|will\s+)?(?:call|called|refer\s+to|referred\s+to)\s+(?:the\s+complainant|him|her|them)\s+
            (?:here\s+)?(?:as\s+)?['‘“]?{NAME}
        | the\s+complainant\s+\({TITLED}\)"
    ))
    .expect("explicit complainant regex")
});

/// A pseudonym ending the text: the name an explicit naming ends with.
static NAME_AT_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("{NAME}$")).expect("name at end regex"));

/// Titles that share one letter: `Mr and Mrs X`, `Mr & Mrs X`.
static SHARED_LETTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<first>Mr|Mrs|Ms|Miss|Mx|Dr)\s+(?:and|&)\s+(?P<second>Mr|Mrs|Ms|Miss|Mx|Dr)\s+(?P<letter>[A-Z])(?-u:\b)")
        .expect("shared letter regex")
});

/// One or more people: `Ms A and Mr B`, `Mr and Mrs X`, `Mr & Mrs X`, `Ms W`.
pub(crate) fn people() -> String {
    let one = format!(r"(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr)\s+(?:and|&)\s+{TITLED}|{TITLED})");
    format!(r"{one}(?:\s*(?:,|and|&)\s*{one})*")
}

/// One or more people named by pseudonym, as complainants or as the recipients of a payment.
pub(crate) static PEOPLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){}", people())).expect("people regex"));

/// How a text names who complains: each form is the pattern of [`COMPLAINS`] at its index.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ComplainsForm {
    /// `Ms A and Mr B complain`, `Mr and Mrs X complained`, `Ms W has made a complaint`,
    /// `Ms F, a former foster carer, complains`: the people, then [`SUBJECT_AFTER`].
    Subject,
    /// `Mr & Mrs X’s complaint`: the people, then [`OWN_AFTER`].
    Own,
    /// `complaint from Mr X`: [`BY_BEFORE`], then the people.
    By,
}

const COMPLAINS_FORMS: [ComplainsForm; 3] = [
    ComplainsForm::Subject,
    ComplainsForm::Own,
    ComplainsForm::By,
];

/// What follows the people who complain: an aside between commas, then `complain` or a
/// complaint made or brought. No capital; no comma but the aside's two.
const SUBJECT_AFTER: &str = r"(?:,[^,.;]{1,80},)?\s+(?:(?:has|have|had)\s+)?(?:also\s+)?(?:complain|made\s+a\s+complaint|brought\s+(?:a|this|the)\s+complaint)";
/// What follows the people whose complaint it is: an apostrophe first.
const OWN_AFTER: &str = r"['’]s?\s+complaint";
/// What comes before the people a complaint is from. No capital.
const BY_BEFORE: &str = r"complaint\s+(?:from|by|made\s+by)\s+";

/// The forms of [`ComplainsForm`] in one automaton that prefers them in that order, as one
/// alternation would, and tells which form a match is of.
static COMPLAINS: LazyLock<meta::Regex> = LazyLock::new(|| {
    let people = people();
    meta::Regex::new_many(&[
        format!("{people}{SUBJECT_AFTER}"),
        format!("{people}{OWN_AFTER}"),
        format!("{BY_BEFORE}{people}"),
    ])
    .expect("complains regex")
});

static TITLED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?-u:\b){TITLED}")).expect("titled regex"));

static BARE_COMPLAINS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[.;]\s+|\s)(?P<name>[A-Z])\s+(?:(?:has|had)\s+)?complain")
        .expect("bare complains regex")
});

/// Words that introduce someone other than the complainant just before their name.
static RELATIVE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:mother|father|mum|dad|wife|husband|partner|son|daughter|child|grandmother|grandfather|grandson|granddaughter|brother|sister|aunt|uncle|niece|nephew|friend|neighbour|resident|relative|carer|tenant|late)(?-u:\b)[^.;]{0,15}$",
    )
    .expect("relative regex")
});

/// The complainants found, first named first, and where the evidence lies.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Complainants {
    pub names: Vec<String>,
    pub span: Option<Span>,
}

/// A piece of text to search, with its offset in the input.
type Source<'a> = (&'a str, usize);

/// `Mrs.  X` as `Mrs X`: full stops dropped, words joined by single spaces.
fn normalise_name(name: &str) -> String {
    let mut normal = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        let mut letters = word.chars().filter(|&c| c != '.').peekable();
        if letters.peek().is_some() {
            if !normal.is_empty() {
                normal.push(' ');
            }
            normal.extend(letters);
        }
    }
    normal
}

fn found(names: Vec<String>, at: usize, len: usize) -> Complainants {
    Complainants {
        names,
        span: Some(Span::new(at, at + len)),
    }
}

/// Finds the complainant(s) of the document in its summary, then in the paragraphs of the section
/// about the complaint (or, with none, the first section).
pub(crate) fn complainants(doc: &Document<'_>) -> Complainants {
    let complaint_section = doc
        .sections
        .iter()
        .find(|s| s.role == HeadingRole::Complaint)
        .or(doc.sections.first());
    let paragraphs = complaint_section.map_or(&[][..], |roled| &roled.section.paragraphs[..]);
    let mut sources: Vec<Source<'_>> = Vec::with_capacity(1 + paragraphs.len());
    sources.extend(doc.summary().map(|s| (s.text, s.start)));
    sources.extend(
        paragraphs
            .iter()
            .filter_map(|p| Some((doc.input.get(p.span.range())?, p.span.start))),
    );
    find_complainants(&sources)
}

/// Finds the complainant(s) in the given texts (the summary first, then `The complaint`).
fn find_complainants(sources: &[Source<'_>]) -> Complainants {
    explicit(sources)
        .or_else(|| complaining_subject(sources))
        .or_else(|| first_non_relative(sources))
        .or_else(|| bare_letter(sources))
        .unwrap_or_default()
}

/// What every explicit naming holds: `call`, `refer` or the end of `complainant (` (its start,
/// `complain`, is in most sentences of a complaint section). A search for these before the full
/// regex, which most paragraphs of a complaint section fail.
static EXPLICIT_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"call|refer|ainant\s+\(").expect("explicit words regex"));

/// The first explicit naming in the texts. Its name is the one ending it (before a closing
/// bracket), found by a search of the naming's end rather than by a capturing search (several
/// times dearer): the words before the name hold no title, so the name's title, when it has
/// one, is the title right before its letter.
fn explicit(sources: &[Source<'_>]) -> Option<Complainants> {
    sources.iter().find_map(|&(text, offset)| {
        if !EXPLICIT_WORDS.is_match(text) {
            return None;
        }
        let naming = EXPLICIT.find(text)?;
        let before_bracket = naming.as_str().strip_suffix(')').unwrap_or(naming.as_str());
        let name = NAME_AT_END.find(before_bracket)?;
        Some(found(
            vec![normalise_name(name.as_str())],
            offset + naming.start() + name.start(),
            name.len(),
        ))
    })
}

/// The people of the first text that says who complains.
fn complaining_subject(sources: &[Source<'_>]) -> Option<Complainants> {
    sources.iter().find_map(|&(text, offset)| {
        let matched = COMPLAINS.find(text)?;
        let form = *COMPLAINS_FORMS.get(matched.pattern().as_usize())?;
        let people = people_in(form, text.get(matched.range())?)?;
        let start = matched.start() + people.start;
        Some(found(
            names_in(text.get(start..matched.start() + people.end)?),
            offset + start,
            people.len(),
        ))
    })
}

/// Where the people lie in `matched`, a match of `form`, told by the words around them rather
/// than by a capturing search (several times dearer). People (see [`people`]) start with a
/// title's capital, end with a pseudonym's capital and hold no apostrophe; the words of each
/// form around them hold no capital, and the aside that may follow them in
/// [`ComplainsForm::Subject`] is bounded by the form's only commas after the people.
fn people_in(form: ComplainsForm, matched: &str) -> Option<Range<usize>> {
    match form {
        ComplainsForm::Subject => {
            // The last capital ends the people, unless a comma follows it: then it closes an
            // aside (which may hold the last capital), and the comma before it ends the people.
            let last_capital = matched.rfind(|c: char| c.is_ascii_uppercase())?;
            let end = match matched.get(last_capital..)?.rfind(',') {
                Some(aside_end) => matched.get(..last_capital + aside_end)?.rfind(',')?,
                None => last_capital + 1,
            };
            Some(0..end)
        }
        ComplainsForm::Own => Some(0..matched.find(['\'', '\u{2019}'])?),
        ComplainsForm::By => Some(matched.find(|c: char| c.is_ascii_uppercase())?..matched.len()),
    }
}

/// Every person a `people` match names, in order; `Mr and Mrs X` names two.
fn names_in(people: &str) -> Vec<String> {
    // Without `and` or `&`, which join each pair and every list but one of commas, the people
    // are one name between each two commas, read without a search.
    if !people.contains("and") && !people.contains('&') {
        return people.split(',').map(normalise_name).collect();
    }
    let mut names = Vec::new();
    let mut at = 0;
    // The first shared-letter pair starting at `at` or later, looked for again only once `at` has
    // passed its start, so the text is searched for pairs once rather than once for every name.
    let mut pair = SHARED_LETTER.captures(people);
    while let Some(m) = people.get(at..).and_then(|rest| TITLED_NAME.find(rest)) {
        let name_start = at + m.start();
        if pair.as_ref().is_some_and(|p| match_start(p) < at) {
            pair = SHARED_LETTER.captures_at(people, at);
        }
        // A shared-letter pair starting no later than the next single name contains it.
        match pair.as_ref().filter(|p| match_start(p) <= name_start) {
            Some(pair) => {
                names.push(format!("{} {}", &pair["first"], &pair["letter"]));
                names.push(format!("{} {}", &pair["second"], &pair["letter"]));
                at = pair.get(0).map_or(people.len(), |p| p.end());
            }
            None => {
                names.push(normalise_name(m.as_str()));
                at = name_start + m.len();
            }
        }
    }
    names
}

/// Where a match starts.
fn match_start(captures: &regex::Captures<'_>) -> usize {
    captures.get(0).map_or(0, |m| m.start())
}

fn first_non_relative(sources: &[Source<'_>]) -> Option<Complainants> {
    sources.iter().find_map(|&(text, offset)| {
        TITLED_NAME
            .find_iter(text)
            .find(|m| !RELATIVE_BEFORE.is_match(words_before(text, m.start())))
            .map(|m| {
                found(
                    vec![normalise_name(m.as_str())],
                    offset + m.start(),
                    m.len(),
                )
            })
    })
}

/// The few words before byte `at`: enough to see `her mother, ` without rescanning the text.
fn words_before(text: &str, at: usize) -> &str {
    tail(&text[..at], 48)
}

fn bare_letter(sources: &[Source<'_>]) -> Option<Complainants> {
    sources.iter().find_map(|&(text, offset)| {
        let name = BARE_COMPLAINS.captures(text)?.name("name")?;
        Some(found(
            vec![name.as_str().to_string()],
            offset + name.start(),
            name.len(),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_names() {
        assert_eq!(normalise_name("Mrs.\u{a0} X"), "Mrs X");
        assert_eq!(normalise_name("Mr . X"), "Mr X");
        assert_eq!(normalise_name("Dr B"), "Dr B");
    }

    #[test]
    fn names_everyone_in_a_list() {
        assert_eq!(
            names_in("Ms A, Mr and Mrs B, Dr C and Mr & Ms D, Miss E"),
            ["Ms A", "Mr B", "Mrs B", "Dr C", "Mr D", "Ms D", "Miss E"]
        );
        assert_eq!(
            names_in("Ms A ,Mrs. B,\u{a0}Dr  C"),
            ["Ms A", "Mrs B", "Dr C"]
        );
        assert_eq!(names_in("Mr X"), ["Mr X"]);
    }

    #[test]
    fn finds_the_people_a_capturing_search_would() {
        let people = people();
        let capturing = Regex::new(&format!(
            "(?P<subject>{people}){SUBJECT_AFTER}|(?P<own>{people}){OWN_AFTER}|{BY_BEFORE}(?P<by>{people})"
        ))
        .unwrap();
        let texts = [
            "Mr X complained about the Council.",
            "In 2023 Ms A, Mr and Mrs B and Dr. C have also complained.",
            "Ms F, a former carer of Mr G\u{2019}s, complains.",
            "Mr and Mrs X, Mrs Y, complained.",
            "Mr X, Mrs Y, Mr Z, complained; Ms W, her friend, has brought this complaint.",
            "We will not investigate Ms F\u{2019}s complaint, or Mr & Mrs D's complaint.",
            "This is a complaint made by\u{a0}Miss B and Mr C about care.",
        ];
        for text in texts {
            let captured = capturing.captures(text).and_then(|caps| {
                let group = ["subject", "own", "by"].iter().find_map(|g| caps.name(g))?;
                Some(group.range())
            });
            let read = COMPLAINS.find(text).and_then(|matched| {
                let form = COMPLAINS_FORMS[matched.pattern().as_usize()];
                let people = people_in(form, &text[matched.range()])?;
                Some(matched.start() + people.start..matched.start() + people.end)
            });
            assert!(captured.is_some(), "{text}");
            assert_eq!(read, captured, "{text}");
        }
    }

    fn names(texts: &[&str]) -> Vec<String> {
        let sources: Vec<Source<'_>> = texts.iter().map(|t| (*t, 0)).collect();
        find_complainants(&sources).names
    }

    #[test]
    fn finds_the_complainant() {
        // One row per case: texts searched in order, expected names.
        let cases: &[(&[&str], &[&str])] = &[
            (
                &["Mrs X complained the Council did not ensure her child, C, received care."],
                &["Mrs X"],
            ),
            (
                &["Ms B complained the Council did not help her mother, Mrs C."],
                &["Ms B"],
            ),
            (
                &[
                    "The complainant says the Council delayed.",
                    "The complainant, who I shall refer to as Mr X, complains.",
                ],
                &["Mr X"],
            ),
            (
                &[
                    "We will not investigate this complaint about Mr X\u{2019}s family.",
                    "Mr X complained about the Council.",
                ],
                &["Mr X"],
            ),
            (
                &[
                    "the Council accepts it did not help Ms F. We will not investigate Ms F\u{2019}s complaint about it.",
                ],
                &["Ms F"],
            ),
            (
                &["Ms F, a former foster carer, complains about the fostering service."],
                &["Ms F"],
            ),
            (
                &["Mr X complained in his own right and for his wife Mrs X."],
                &["Mr X"],
            ),
            (
                &["Ms A and Mr B complain about the Council."],
                &["Ms A", "Mr B"],
            ),
            (
                &["Mr and Mrs Y complained about delay."],
                &["Mr Y", "Mrs Y"],
            ),
            (
                &["Ms W has made a complaint about various failings."],
                &["Ms W"],
            ),
            (
                &["Mr Y complains about the decision to withdraw X\u{2019}s transport."],
                &["Mr Y"],
            ),
            (
                &["I have called the complainant \u{2018}Ms B\u{2019}. She complains."],
                &["Ms B"],
            ),
            (&["X complains the Council failed to act."], &["X"]),
            (
                &["Mr Y says the complainant (Mrs.  Z) was not told."],
                &["Mrs Z"],
            ),
            (
                &["The complainants, whom we will call Dr. P and Mr Q, complain."],
                &["Dr P"],
            ),
            (&["The complainant, who I shall call T, complains."], &["T"]),
            (
                &[
                    "There was fault by the Council.",
                    "The Council refused transport for her son, Mr Z.",
                ],
                &[],
            ),
        ];
        for (texts, expected) in cases {
            assert_eq!(names(texts), *expected, "{texts:?}");
        }
    }
}
