//! Invariants of the small grammars in `lgsco::grammar` and of `Period::due_from`, shared by
//! `tests/integration/regressions.rs` and the grammar fuzz targets. Each `check_*` panics, naming
//! the broken invariant, or returns quietly; none assumes the input is well formed.

use chrono::{Datelike, NaiveDate};
use lgsco::grammar::{parse_amount_pence, parse_citation, parse_date_phrase, parse_deadline};
use lgsco::{Period, PeriodUnit, Precision};

/// The first `len` bytes of `text`, after asserting that they are a prefix ending on a char
/// boundary.
fn consumed<'a>(text: &'a str, len: usize, grammar: &str) -> &'a str {
    assert!(len > 0, "{grammar}: read nothing but succeeded");
    assert!(
        len <= text.len(),
        "{grammar}: read {len} bytes of a {}-byte input",
        text.len()
    );
    assert!(
        text.is_char_boundary(len),
        "{grammar}: read {len} bytes, not a char boundary"
    );
    &text[..len]
}

/// A read amount starts with `£`, reads the same again on its own, and is the value of its
/// digits: pounds (comma groups of three) and an optional two-digit pence part.
pub fn check_amount(text: &str) {
    let Some((pence, len)) = parse_amount_pence(text) else {
        return;
    };
    let read = consumed(text, len, "amount");
    assert_eq!(
        parse_amount_pence(read),
        Some((pence, len)),
        "amount re-read"
    );
    let body = read.strip_prefix('£').expect("an amount starts with £");
    let (pounds, part) = body.split_once('.').unwrap_or((body, "00"));
    assert_eq!(part.len(), 2, "pence part {part:?}");
    let mut groups = pounds.split(',');
    let first = groups.next().unwrap_or_default();
    assert!(!first.is_empty(), "no pounds digits in {read:?}");
    assert!(groups.all(|g| g.len() == 3), "comma groups in {read:?}");
    let digits: String = pounds.chars().filter(|c| *c != ',').collect();
    assert!(
        digits
            .bytes()
            .chain(part.bytes())
            .all(|b| b.is_ascii_digit())
    );
    // Leading zeros can make the digits arbitrarily long; the value still fits in a u64.
    let significant = digits.trim_start_matches('0');
    let pounds: u128 = match significant {
        "" => 0,
        _ => significant.parse().expect("pounds that fit in a u64"),
    };
    let value = pounds * 100 + part.parse::<u128>().expect("two digits");
    assert_eq!(u128::from(pence), value, "value of {read:?}");
}

/// A read date is a real calendar date from 1900 to 2099 whose precision matches what is
/// missing (the first of the month or year), reads the same again on its own, and names its
/// year (and, for a day, starts with its day number).
pub fn check_date(text: &str) {
    let Some((value, len)) = parse_date_phrase(text) else {
        return;
    };
    let read = consumed(text, len, "date");
    assert_eq!(parse_date_phrase(read), Some((value, len)), "date re-read");
    assert!(
        !text[len..].starts_with(char::is_alphanumeric),
        "date runs on"
    );
    let date = value.date;
    assert_eq!(
        NaiveDate::from_ymd_opt(date.year(), date.month(), date.day()),
        Some(date)
    );
    assert!((1900..=2099).contains(&date.year()), "year of {read:?}");
    assert!(
        read.contains(&date.year().to_string()),
        "year not in {read:?}"
    );
    match value.precision {
        Precision::Day => assert!(
            read.trim_start_matches('0')
                .starts_with(&date.day().to_string()),
            "day not at the start of {read:?}"
        ),
        Precision::Month => assert_eq!(date.day(), 1),
        Precision::Year => assert_eq!((date.month(), date.day()), (1, 1)),
    }
}

/// A read deadline starts with `within`, counts at least one unit, reads the same count and unit
/// again on its own, and its due date from `start` passes [`check_due`].
pub fn check_deadline(text: &str, start: NaiveDate) {
    let Some((period, len)) = parse_deadline(text) else {
        return;
    };
    let read = consumed(text, len, "deadline");
    assert!(
        read.get(..6)
            .is_some_and(|w| w.eq_ignore_ascii_case("within"))
    );
    assert!(period.count > 0, "a deadline of nothing");
    let (again, again_len) = parse_deadline(read).expect("deadline re-read");
    assert_eq!(
        (again.count, again.unit, again_len),
        (period.count, period.unit, len),
        "deadline re-read"
    );
    check_due(period, start);
}

/// The most days `count` units of `unit` can span.
fn max_span(count: i64, unit: PeriodUnit) -> i64 {
    match unit {
        PeriodUnit::Days => count,
        PeriodUnit::WorkingDays => count * 7 / 5 + 3,
        PeriodUnit::Weeks => count * 7,
        PeriodUnit::Months => count * 31,
    }
}

/// `period.due_from(start)` is never before `start`, lies exactly the period after it (days,
/// weeks, calendar months clamped to the month's end, weekdays), and is `None` only when the
/// period cannot fit before chrono's last date.
pub fn check_due(period: Period, start: NaiveDate) {
    let count = i64::from(period.count);
    let Some(due) = period.due_from(start) else {
        let room = (NaiveDate::MAX - start).num_days();
        assert!(
            room < max_span(count, period.unit),
            "{period:?} from {start} gave None with {room} days left"
        );
        return;
    };
    assert!(due >= start, "{period:?} from {start} is due before: {due}");
    let span = (due - start).num_days();
    match period.unit {
        PeriodUnit::Days => assert_eq!(span, count, "{period:?} from {start}"),
        PeriodUnit::Weeks => assert_eq!(span, 7 * count, "{period:?} from {start}"),
        PeriodUnit::WorkingDays => {
            assert!(
                (count..=max_span(count, period.unit)).contains(&span),
                "{period:?} from {start}: {span} days"
            );
            if count > 0 {
                assert!(due.weekday().num_days_from_monday() < 5, "due on a weekend");
            }
        }
        PeriodUnit::Months => {
            let months = |d: NaiveDate| i64::from(d.year()) * 12 + i64::from(d.month0());
            assert_eq!(
                months(due) - months(start),
                count,
                "{period:?} from {start}"
            );
            assert!(due.day() <= start.day());
            if due.day() < start.day() {
                assert!(
                    due.succ_opt().is_none_or(|next| next.day() == 1),
                    "not clamped"
                );
            }
        }
    }
}

/// A read citation reads the same again on its own; a name is capitalised and holds its year;
/// a year is in the text read; `kind` is there exactly when `act` is; every section, Part and
/// Schedule starts with a digit (a Part may be Roman) and is in the text read, a section's
/// range ends and bare brackets (`24A(6) and (7)` lists `24A(7)`) each in it.
pub fn check_citation(text: &str) {
    let Some((reference, len)) = parse_citation(text) else {
        return;
    };
    let read = consumed(text, len, "citation");
    assert_eq!(
        parse_citation(read),
        Some((reference.clone(), len)),
        "citation re-read"
    );
    assert_eq!(reference.act.is_some(), reference.kind.is_some());
    if let Some(act) = &reference.act {
        assert!(act.starts_with(|c: char| c.is_ascii_uppercase()), "{act:?}");
        if let Some(year) = reference.year {
            assert!(act.ends_with(&format!(" {year}")), "{act:?}");
        }
    }
    // A bare citation has a year only from the legislation it points to (`section 82 of the 1990
    // Act`); either way the year is in the text read.
    if let Some(year) = reference.year {
        assert!(read.contains(&year.to_string()), "year not in {read:?}");
    }
    for section in &reference.sections {
        assert!(
            section.starts_with(|c: char| c.is_ascii_digit()),
            "{section:?}"
        );
        for end in section
            .split(" to ")
            .flat_map(|part| part.split(['-', '\u{2013}']))
        {
            let own = end.rfind('(').map_or(end, |at| &end[at..]);
            assert!(
                read.contains(end) || read.contains(own),
                "{section:?} not in {read:?}"
            );
        }
    }
    for number in reference.parts.iter().chain(&reference.schedules) {
        assert!(read.contains(number.as_str()), "{number:?} not in {read:?}");
    }
}
