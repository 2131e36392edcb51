//! Small exact grammars for calendar dates written in words (`22 Aug 2023`, `13 September 2021`,
//! `November 2023`, `2019`), and finding the dates a text mentions.

use chrono::NaiveDate;
use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, take_while_m_n},
    character::complete::alpha1,
    combinator::{map_opt, map_res, opt},
    sequence::terminated,
};

use crate::model::{DateMention, DateValue, Precision};
use crate::pieces::Piece;
use crate::words::{is_word_byte, spaces, starts_with_ignore_case};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1–12) of a month name or its abbreviation (`Aug`, `Sept`, `August`).
pub(crate) fn month_number(word: &str) -> Option<u32> {
    if word.len() < 3 {
        return None;
    }
    let word = word.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|name| starts_with_ignore_case(name, word))
        .map(|i| i as u32 + 1)
}

fn number<'a>(
    min: usize,
    max: usize,
) -> impl Parser<&'a str, Output = u32, Error = nom::error::Error<&'a str>> {
    map_res(
        take_while_m_n(min, max, |c: char| c.is_ascii_digit()),
        str::parse,
    )
}

/// A month name or abbreviation.
pub(crate) fn month(input: &str) -> IResult<&str, u32> {
    map_opt(alpha1, month_number).parse(input)
}

/// `22 Aug 2023`, `1 September 2021`, `01 Apr 2021`, `1st April 2022`: a real calendar date
/// (no `31 February`).
pub(crate) fn day_month_year(input: &str) -> IResult<&str, NaiveDate> {
    let ordinal = opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th"))));
    map_opt(
        (
            terminated(number(1, 2), ordinal),
            spaces,
            month,
            opt(tag(".")),
            spaces,
            year,
        ),
        |(day, _, month, _, _, year)| NaiveDate::from_ymd_opt(year, month, day),
    )
    .parse(input)
}

/// A four-digit year from 1900 to 2099.
fn year(input: &str) -> IResult<&str, i32> {
    map_opt(number(4, 4), |y| {
        (1900..=2099).contains(&y).then_some(y as i32)
    })
    .parse(input)
}

fn month_year(input: &str) -> IResult<&str, NaiveDate> {
    map_opt(
        (month, opt(tag(".")), spaces, year),
        |(month, _, _, year)| NaiveDate::from_ymd_opt(year, month, 1),
    )
    .parse(input)
}

fn year_only(input: &str) -> IResult<&str, NaiveDate> {
    map_opt(year, |year| NaiveDate::from_ymd_opt(year, 1, 1)).parse(input)
}

/// Reads a date at the start of `text` (`13 September 2021`, `November 2023`, `2019`) and
/// returns it with its precision and the number of bytes read. Impossible dates give `None`.
///
/// ```
/// use lgsco::grammar::parse_date_phrase;
/// use lgsco::Precision;
/// let (value, len) = parse_date_phrase("13 September 2021, she").unwrap();
/// assert_eq!(value.date.to_string(), "2021-09-13");
/// assert_eq!((value.precision, len), (Precision::Day, 17));
/// assert_eq!(parse_date_phrase("November 2023").unwrap().0.precision, Precision::Month);
/// assert_eq!(parse_date_phrase("2019").unwrap().0.date.to_string(), "2019-01-01");
/// assert_eq!(parse_date_phrase("31 February 2021"), None);
/// ```
pub fn parse_date_phrase(text: &str) -> Option<(DateValue, usize)> {
    let with = |precision: Precision| move |date| DateValue { date, precision };
    let (rest, value) = alt((
        day_month_year.map(with(Precision::Day)),
        month_year.map(with(Precision::Month)),
        year_only.map(with(Precision::Year)),
    ))
    .parse(text)
    .ok()?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((value, text.len() - rest.len()))
}

/// Every date in `text`, as (value, start, end) with offsets relative to `text`.
///
/// Every date ends in a year, so the search starts from each four-digit year standing alone
/// after whitespace and reads back to where the date begins: a capitalised month name (`May`,
/// `Sept.`), perhaps with a day before it (`13`, `1st`), or else a preposition (`in 2019`, `since
/// 2019`: the date is the year). A year after anything else (`Act 1974`) is not a date. Word
/// boundaries are ASCII ones, as the grammar's digits and month names are.
pub(crate) fn find_dates(text: &str) -> Vec<(DateValue, usize, usize)> {
    years(text)
        .filter_map(|year| {
            let start = date_start(text, year)?;
            let (value, len) = parse_date_phrase(text.get(start..)?)?;
            Some((value, start, start + len))
        })
        .collect()
}

/// Where each year candidate starts: exactly four ASCII digits after whitespace and before a
/// character that is not an ASCII letter, digit or `_`. Only years from 1900 to 2099 can be
/// read, so the search jumps between the digits `1` and `2` with a vectorised byte search.
fn years(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).filter(move |&start| {
        // Only a digit after whitespace starts a run, and no more than five digits are counted,
        // so a long run of digits is not counted again from each of its digits.
        if !text[..start].ends_with(char::is_whitespace) {
            return false;
        }
        let len = bytes[start..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        len == 4 && !bytes.get(start + len).is_some_and(|&b| is_word_byte(b))
    })
}

/// Where the date whose year starts at `year` begins, if the words before the year make one.
fn date_start(text: &str, year: usize) -> Option<usize> {
    let before = text[..year].trim_end_matches(char::is_whitespace);
    let month_word = before.strip_suffix('.').unwrap_or(before);
    if let Some(month) = word_before(month_word).filter(|w| is_month_word(w)) {
        let month_start = month_word.len() - month.len();
        return Some(day_start(&text[..month_start]).unwrap_or(month_start));
    }
    let preposition = word_before(before)?;
    PREPOSITIONS
        .iter()
        .any(|p| p.eq_ignore_ascii_case(preposition))
        .then_some(year)
}

/// Words after which a bare year is a date.
const PREPOSITIONS: [&str; 12] = [
    "in",
    "since",
    "until",
    "during",
    "before",
    "after",
    "by",
    "from",
    "throughout",
    "early",
    "late",
    "mid",
];

/// Where a day (`13`, `1st`) ending `text`, before whitespace, starts.
fn day_start(text: &str) -> Option<usize> {
    let trimmed = text.trim_end_matches(char::is_whitespace);
    if trimmed.len() == text.len() {
        return None;
    }
    let number = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|ordinal| trimmed.strip_suffix(ordinal))
        .unwrap_or(trimmed);
    let digits = number.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = number.len() - digits;
    ((1..=2).contains(&digits) && starts_word(text, start)).then_some(start)
}

/// The run of ASCII letters that ends `text`, if it starts a word.
fn word_before(text: &str) -> Option<&str> {
    let letters = text
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let start = text.len() - letters;
    (letters > 0 && starts_word(text, start)).then(|| &text[start..])
}

/// A month name as it is capitalised in a date: `Jan` to `Dec` and lower-case letters after.
fn is_month_word(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    ABBREVIATIONS.iter().any(|a| {
        word.strip_prefix(a)
            .is_some_and(|rest| rest.bytes().all(|b| b.is_ascii_lowercase()))
    })
}

/// Whether an ASCII word boundary comes before `text[at..]`.
fn starts_word(text: &str, at: usize) -> bool {
    at == 0 || !is_word_byte(text.as_bytes()[at - 1])
}

/// Reads a whole header value such as `22 Aug 2023` as a date.
pub(crate) fn parse_header_date(value: &str) -> Option<NaiveDate> {
    match day_month_year(value.trim()) {
        Ok((rest, date)) if rest.trim().is_empty() => Some(date),
        _ => None,
    }
}

/// Every date mentioned in `pieces`, in order.
pub(crate) fn date_mentions(pieces: &[Piece<'_>]) -> Vec<DateMention> {
    pieces
        .iter()
        .flat_map(|piece| {
            find_dates(piece.text)
                .into_iter()
                .map(move |(value, start, end)| DateMention {
                    text: piece.text.get(start..end).unwrap_or_default().to_string(),
                    value,
                    paragraph: piece.paragraph,
                    span: piece.span(start, end),
                })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn reads_header_dates() {
        assert_eq!(parse_header_date("22 Aug 2023"), Some(ymd(2023, 8, 22)));
        assert_eq!(parse_header_date("01 Apr 2021"), Some(ymd(2021, 4, 1)));
        assert_eq!(parse_header_date("1 September 2021"), Some(ymd(2021, 9, 1)));
        assert_eq!(parse_header_date("5 Sept 2023"), Some(ymd(2023, 9, 5)));
        assert_eq!(
            parse_header_date("22\u{a0}Aug\u{a0}2023"),
            Some(ymd(2023, 8, 22))
        );
    }

    /// Year, month, day, precision and bytes read.
    type Read = (i32, u32, u32, Precision, usize);

    #[test]
    fn reads_date_phrases() {
        let cases: &[(&str, Option<Read>)] = &[
            ("13 September 2021", Some((2021, 9, 13, Precision::Day, 17))),
            ("1st April 2022.", Some((2022, 4, 1, Precision::Day, 14))),
            (
                "November 2023 we",
                Some((2023, 11, 1, Precision::Month, 13)),
            ),
            ("Sept. 2020", Some((2020, 9, 1, Precision::Month, 10))),
            ("2019,", Some((2019, 1, 1, Precision::Year, 4))),
            ("31 February 2021", None),
            ("29 February 2023", None),
            ("1974A", None),
            ("20190", None),
            ("Mayor 2019", None),
        ];
        for (text, expected) in cases {
            let got = parse_date_phrase(text).map(|(v, len)| {
                use chrono::Datelike;
                (
                    v.date.year(),
                    v.date.month(),
                    v.date.day(),
                    v.precision,
                    len,
                )
            });
            assert_eq!(got, *expected, "{text}");
        }
    }

    #[test]
    fn finds_dates_but_not_act_years() {
        let text = "In 2019, under the Local Government Act 1974, section 26, on 31 February 2021 \
                    and at the start of April 2024 and on 13 September 2021.";
        let found: Vec<_> = find_dates(text)
            .iter()
            .map(|(v, s, e)| (&text[*s..*e], v.precision))
            .collect();
        assert_eq!(
            found,
            [
                ("2019", Precision::Year),
                ("April 2024", Precision::Month),
                ("13 September 2021", Precision::Day)
            ]
        );
    }

    /// The date candidates as one regex reads them: the specification `find_dates` scans for by
    /// hand, year first.
    fn find_dates_by_regex(text: &str) -> Vec<(DateValue, usize, usize)> {
        let candidates = regex::Regex::new(
            r"(?x)(?-u:\b)(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]{4}(?-u:\b)
              | (?-u:\b)(?i-u:in|since|until|during|before|after|by|from|throughout|early|late|mid)\s+([0-9]{4})(?-u:\b)",
        )
        .unwrap();
        candidates
            .captures_iter(text)
            .filter_map(|caps| {
                let start = caps.get(1).or_else(|| caps.get(0))?.start();
                let (value, len) = parse_date_phrase(&text[start..])?;
                Some((value, start, start + len))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn finds_what_the_candidate_regex_reads(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "13", "1st", "113", "x1", "2nd", "May", "Mayor", "Sept.", "Sept", "JUNE", "Junk",
                "in", "IN", "within", "Mid", "since", "Act", "2019", "2020", "20190", "2019a",
                "2019_", "1899", "3019", "12019", " ", "  ", "\u{a0}", "\n", ".", ",", "(", "é", "x",
            ]),
            0..12,
        )) {
            let text = words.concat();
            proptest::prop_assert_eq!(find_dates(&text), find_dates_by_regex(&text));
        }
    }

    #[test]
    fn rejects_impossible_or_partial_dates() {
        assert_eq!(parse_header_date("31 February 2021"), None);
        assert_eq!(parse_header_date("22 Agu 2023"), None);
        assert_eq!(parse_header_date("22 Aug"), None);
        assert_eq!(parse_header_date("22 Aug 2023 extra"), None);
        assert_eq!(parse_header_date(""), None);
    }
}
