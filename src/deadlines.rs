//! Deadline phrases (`within one month of the date of my final decision`) and their due dates.

use std::sync::LazyLock;

use chrono::{Datelike, Days, Months, NaiveDate};
use nom::{
    IResult, Parser,
    branch::alt,
    character::complete::{alpha1, digit1},
    combinator::{map_opt, opt, recognize},
    sequence::{preceded, terminated},
};
use regex::Regex;

use crate::model::{Period, PeriodUnit};
use crate::words::{number_word, spaces, tag_ascii_no_case};

/// `4`, `20`, `four`, `twenty`, `a`.
fn count(input: &str) -> IResult<&str, u32> {
    let numeral = map_opt(digit1, |d: &str| d.parse::<u32>().ok().filter(|n| *n > 0));
    let word = map_opt(alpha1, |w: &str| {
        let w = w.to_ascii_lowercase();
        match w.as_str() {
            "a" | "an" => Some(1),
            "twenty" => Some(20),
            "thirty" => Some(30),
            _ => number_word(&w),
        }
    });
    alt((numeral, word)).parse(input)
}

/// `month(s)`, `week(s)`, `day(s)`, `working day(s)`, `business day(s)`.
fn unit(input: &str) -> IResult<&str, PeriodUnit> {
    let working = preceded(
        terminated(
            alt((tag_ascii_no_case("working"), tag_ascii_no_case("business"))),
            spaces,
        ),
        tag_ascii_no_case("day"),
    )
    .map(|_| PeriodUnit::WorkingDays);
    let (rest, unit) = alt((
        working,
        tag_ascii_no_case("month").map(|_| PeriodUnit::Months),
        tag_ascii_no_case("week").map(|_| PeriodUnit::Weeks),
        tag_ascii_no_case("day").map(|_| PeriodUnit::Days),
    ))
    .parse(input)?;
    let (rest, _) = opt(tag_ascii_no_case("s")).parse(rest)?;
    Ok((rest, unit))
}

/// ` of (the date of) (the|my|this|our) (final) decision`.
fn of_decision(input: &str) -> IResult<&str, &str> {
    recognize((
        spaces,
        tag_ascii_no_case("of"),
        spaces,
        opt((tag_ascii_no_case("the date of"), spaces)),
        alt((
            tag_ascii_no_case("the"),
            tag_ascii_no_case("my"),
            tag_ascii_no_case("this"),
            tag_ascii_no_case("our"),
        )),
        spaces,
        opt((tag_ascii_no_case("final"), spaces)),
        tag_ascii_no_case("decision"),
    ))
    .parse(input)
}

/// Reads a deadline phrase at the start of `text` (`within one month of the date of the final
/// decision`, `within 20 working days`) and returns its period with the number of bytes read.
/// A phrase that counts from something other than the decision (`within 20 working days of
/// receiving`) has `from_decision: false`.
///
/// ```
/// use lgsco::grammar::parse_deadline;
/// use lgsco::PeriodUnit;
/// let text = "Within one month of the date of the final decision, the Council";
/// let (period, len) = parse_deadline(text).unwrap();
/// assert_eq!((period.count, period.unit, period.from_decision), (1, PeriodUnit::Months, true));
/// assert_eq!(&text[..len], "Within one month of the date of the final decision");
/// let due = period.due_from(chrono::NaiveDate::from_ymd_opt(2023, 8, 22).unwrap());
/// assert_eq!(due.unwrap().to_string(), "2023-09-22");
/// assert!(parse_deadline("within reason").is_none());
/// ```
pub fn parse_deadline(text: &str) -> Option<(Period, usize)> {
    let (rest, (_, _, count, _, unit)) = (tag_ascii_no_case("within"), spaces, count, spaces, unit)
        .parse(text)
        .ok()?;
    if rest.starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let (rest, anchored) = match of_decision(rest) {
        Ok((rest, _)) => (rest, true),
        Err(_) => (rest, false),
    };
    let counts_from_other = !anchored && starts_with_other_anchor(rest);
    let period = Period {
        count,
        unit,
        from_decision: !counts_from_other,
    };
    Some((period, text.len() - rest.len()))
}

/// Whether the words after a period name another starting point (`of receiving`, `of the panel`).
fn starts_with_other_anchor(rest: &str) -> bool {
    let rest = rest.trim_start().to_ascii_lowercase();
    ["of ", "from ", "after "]
        .iter()
        .any(|word| rest.starts_with(word))
}

impl Period {
    /// The date the period ends, counted from `start`: months are calendar months, weeks are
    /// seven days, working days skip Saturdays and Sundays (bank holidays are not known).
    /// `None` when the date would be out of range.
    ///
    /// ```
    /// use lgsco::{Period, PeriodUnit};
    /// let start = chrono::NaiveDate::from_ymd_opt(2025, 1, 28).unwrap();
    /// let four_weeks = Period { count: 4, unit: PeriodUnit::Weeks, from_decision: true };
    /// assert_eq!(four_weeks.due_from(start).unwrap().to_string(), "2025-02-25");
    /// let five_working = Period { count: 5, unit: PeriodUnit::WorkingDays, from_decision: true };
    /// assert_eq!(five_working.due_from(start).unwrap().to_string(), "2025-02-04");
    /// ```
    pub fn due_from(&self, start: NaiveDate) -> Option<NaiveDate> {
        match self.unit {
            PeriodUnit::Months => start.checked_add_months(Months::new(self.count)),
            PeriodUnit::Weeks => {
                start.checked_add_days(Days::new(u64::from(self.count).checked_mul(7)?))
            }
            PeriodUnit::Days => start.checked_add_days(Days::new(u64::from(self.count))),
            PeriodUnit::WorkingDays => {
                if self.count == 0 {
                    return Some(start);
                }
                // Whole weeks of five, then the rest, counted from the last weekday on or before
                // `start` (a weekend start counts as its Friday): constant time for any count.
                let weekday = start.weekday().num_days_from_monday();
                let back = weekday.saturating_sub(4);
                let (weeks, rest) = (self.count / 5, self.count % 5);
                let weekend = if weekday - back + rest > 4 { 2 } else { 0 };
                let days = u64::from(weeks) * 7 + u64::from(rest + weekend) - u64::from(back);
                start.checked_add_days(Days::new(days))
            }
        }
    }
}

/// What a deadline phrase sets: a period (`within one month`) or a calendar date (`by 31 March
/// 2025`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Term {
    Within(Period),
    By(NaiveDate),
}

impl Term {
    /// The date the deadline falls on: a period counted from `decision_date` (when it runs from
    /// the decision), or the date itself.
    pub(crate) fn due(&self, decision_date: Option<NaiveDate>) -> Option<NaiveDate> {
        match self {
            Term::Within(period) => decision_date
                .filter(|_| period.from_decision)
                .and_then(|date| period.due_from(date)),
            Term::By(date) => Some(*date),
        }
    }
}

static DEADLINE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:within|by)\s").expect("deadline word regex"));

/// The first deadline phrase in `text` (`within 20 working days`, `by 31 March 2025`): what it
/// sets and its byte range relative to `text`.
pub(crate) fn find_deadline(text: &str) -> Option<(Term, usize, usize)> {
    DEADLINE_WORD.find_iter(text).find_map(|m| {
        let phrase = text.get(m.start()..)?;
        if let Some((period, len)) = parse_deadline(phrase) {
            return Some((Term::Within(period), m.start(), m.start() + len));
        }
        let date_text = text.get(m.end()..)?;
        let (rest, date) = crate::dates::day_month_year(date_text).ok()?;
        Some((Term::By(date), m.start(), text.len() - rest.len()))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn due(text: &str, y: i32, m: u32, d: u32) -> Option<String> {
        let start = NaiveDate::from_ymd_opt(y, m, d)?;
        let (period, _) = parse_deadline(text)?;
        period
            .from_decision
            .then(|| period.due_from(start))
            .flatten()
            .map(|d| d.to_string())
    }

    #[test]
    fn reads_deadlines() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "Within one month of the date of the final decision",
                Some("2023-09-22"),
            ),
            (
                "within 2 months of the date of my final decision",
                Some("2023-10-22"),
            ),
            ("Within four weeks of my final decision", Some("2023-09-19")),
            (
                "within four weeks of this final decision:",
                Some("2023-09-19"),
            ),
            (
                "Within 6 months of the date of my final decision",
                Some("2024-02-22"),
            ),
            ("within three months", Some("2023-11-22")),
            ("within 20 working days", Some("2023-09-19")),
            ("within 20 working days of receiving the response", None),
            ("within reason", None),
            ("within 0 days", None),
            ("within 4294967295 weeks", None),
        ];
        for (text, expected) in cases {
            assert_eq!(due(text, 2023, 8, 22).as_deref(), *expected, "{text}");
        }
    }

    #[test]
    fn months_clamp_to_month_end() {
        assert_eq!(
            due("within one month", 2023, 1, 31).as_deref(),
            Some("2023-02-28")
        );
    }

    #[test]
    fn finds_the_phrase_inside_a_sentence() {
        let text =
            "The Council has agreed that within 2 months of the date of my final decision, it will";
        let (term, start, end) = find_deadline(text).unwrap();
        assert!(matches!(term, Term::Within(Period { count: 2, .. })));
        assert_eq!(
            &text[start..end],
            "within 2 months of the date of my final decision"
        );
    }

    #[test]
    fn reads_a_deadline_written_as_a_date() {
        let text = "Review its procedure by 31 March 2025 and report to us.";
        let (term, start, end) = find_deadline(text).unwrap();
        assert_eq!(&text[start..end], "by 31 March 2025");
        let decided = NaiveDate::from_ymd_opt(2024, 11, 5);
        assert_eq!(term.due(decided), NaiveDate::from_ymd_opt(2025, 3, 31));
        assert_eq!(term.due(None), NaiveDate::from_ymd_opt(2025, 3, 31));
        assert!(find_deadline("by the Council").is_none());
        assert!(find_deadline("caused by 31 February 2025").is_none());
    }
}
