//! Small exact grammars for calendar dates written in words (`22 Aug 2023`, `13 September 2021`).

use chrono::NaiveDate;
use nom::{
    IResult, Parser,
    bytes::complete::{take_while_m_n, take_while1},
    character::complete::alpha1,
    combinator::{map_opt, map_res},
};

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
    let lower = word.to_ascii_lowercase();
    let lower = lower.trim_end_matches('.');
    MONTHS
        .iter()
        .position(|name| name.starts_with(lower))
        .map(|i| i as u32 + 1)
}

fn spaces(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_whitespace())(input)
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

/// `22 Aug 2023`, `1 September 2021`, `01 Apr 2021`: a real calendar date (no `31 February`).
pub(crate) fn day_month_year(input: &str) -> IResult<&str, NaiveDate> {
    map_opt(
        (number(1, 2), spaces, month, spaces, number(4, 4)),
        |(day, _, month, _, year)| NaiveDate::from_ymd_opt(year as i32, month, day),
    )
    .parse(input)
}

/// Reads a whole header value such as `22 Aug 2023` as a date.
pub(crate) fn parse_header_date(value: &str) -> Option<NaiveDate> {
    match day_month_year(value.trim()) {
        Ok((rest, date)) if rest.trim().is_empty() => Some(date),
        _ => None,
    }
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

    #[test]
    fn rejects_impossible_or_partial_dates() {
        assert_eq!(parse_header_date("31 February 2021"), None);
        assert_eq!(parse_header_date("22 Agu 2023"), None);
        assert_eq!(parse_header_date("22 Aug"), None);
        assert_eq!(parse_header_date("22 Aug 2023 extra"), None);
        assert_eq!(parse_header_date(""), None);
    }
}
