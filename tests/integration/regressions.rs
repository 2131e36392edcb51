//! Inputs the fuzz targets (`fuzz/`) found, kept as ordinary tests so CI checks them without
//! fuzzing. Each test says which target found its input and what was wrong.

use std::time::{Duration, Instant};

use crate::common::grammar::{check_citation, check_due};
use chrono::{Datelike, NaiveDate, Weekday};
use lgsco::grammar::parse_citation;
use lgsco::{Period, PeriodUnit};

/// `citation` target: a connector word (`and`) was taken as the first word of an Act's name, so
/// `The and Childrca on Loen Act 2000` cited an Act named `and Childrca on Loen Act 2000`.
#[test]
fn an_act_name_starts_with_a_capitalised_word() {
    let crash = b"The and Childrca on Loen Act 2000\0,t\xfe\xff\0\0hied";
    check_citation(&String::from_utf8_lossy(crash));
    assert_eq!(parse_citation("The and Children Act 1989"), None);
    assert_eq!(parse_citation("of Act 1974"), None);
    let (reference, len) = parse_citation("The Adoption and Children Act 2002").unwrap();
    assert_eq!(
        reference.act.as_deref(),
        Some("Adoption and Children Act 2002")
    );
    assert_eq!(len, "The Adoption and Children Act 2002".len());
    let decision = lgsco::parse(
        "Summary: Mr Q complained.\nThe complaint\n  1. The and Children Act 1989 and the Care \
         Act 2014 say the Council must assess.\n",
    )
    .unwrap();
    // Each name starts at a capitalised word: `Children`, never `and`.
    let acts: Vec<Option<&str>> = decision
        .legislation
        .iter()
        .map(|c| c.reference.act.as_deref())
        .collect();
    assert_eq!(acts, [Some("Children Act 1989"), Some("Care Act 2014")]);
}

/// Counting working days one day at a time, as `due_from` once did: the reference.
fn working_days_by_steps(start: NaiveDate, count: u32) -> Option<NaiveDate> {
    let mut date = start;
    let mut left = count;
    while left > 0 {
        date = date.succ_opt()?;
        if !matches!(date.weekday(), Weekday::Sat | Weekday::Sun) {
            left -= 1;
        }
    }
    Some(date)
}

fn working_days(count: u32) -> Period {
    Period {
        count,
        unit: PeriodUnit::WorkingDays,
        from_decision: true,
    }
}

/// `due` target: `due_from` counted working days one at a time, so a period of `u32::MAX`
/// working days took over a second per call (about 0.3 s in a release build) to run off the end
/// of the calendar; a statement with a few such phrases took minutes. Now constant time, and the
/// same dates as counting one at a time.
#[test]
fn working_days_are_counted_in_constant_time_with_the_same_dates() {
    let monday = NaiveDate::from_ymd_opt(2025, 1, 27).unwrap();
    for offset in 0..14 {
        let start = monday + chrono::Days::new(offset);
        for count in 0..40 {
            assert_eq!(
                working_days(count).due_from(start),
                working_days_by_steps(start, count),
                "{count} working days from {start}"
            );
            check_due(working_days(count), start);
        }
    }
    let near_the_end = NaiveDate::MAX - chrono::Days::new(20);
    for count in 0..20 {
        assert_eq!(
            working_days(count).due_from(near_the_end),
            working_days_by_steps(near_the_end, count),
            "{count} working days from {near_the_end}"
        );
    }

    let began = Instant::now();
    for start in [NaiveDate::MIN, monday] {
        for _ in 0..1000 {
            assert_eq!(working_days(u32::MAX).due_from(start), None);
            check_due(working_days(u32::MAX), start);
        }
    }
    let statement = format!(
        "Summary: Mr Q complained.\nAgreed action\n{}",
        "  1. Within 4294967295 working days of my final decision the Council will pay Mr Q £100.\n"
            .repeat(200)
    );
    let decision = lgsco::parse(&statement).unwrap();
    assert!(!decision.agreed_actions.is_empty());
    // Counting one day at a time this took minutes; constant time takes microseconds.
    assert!(
        began.elapsed() < Duration::from_secs(10),
        "{:?}",
        began.elapsed()
    );
}

/// Random bytes that open with a UTF-16 byte-order mark are decoded as UTF-16, not reported as
/// invalid UTF-8: the byte check reads them so (the property test met `FF FE` by chance).
#[test]
fn random_bytes_opening_with_a_utf16_mark_are_checked_as_utf16() {
    crate::common::check_bytes(&[0xFF, 0xFE, 0xE9, 0xD8, 0x41, 0x00]);
    crate::common::check_bytes(&[0xFE, 0xFF, 0x00]);
    let summary: Vec<u8> = "Summary: Mr Q complained."
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    crate::common::check_bytes(&[&[0xFF, 0xFE][..], &summary].concat());
    assert!(lgsco::parse_bytes(&[&[0xFF, 0xFE][..], &summary].concat()).is_ok());
}

/// A page that links back to the top under every heading: the link right after `What I found`
/// separates nothing, so `Law and guidance` stays a sub-heading of it.
#[test]
fn back_to_top_right_after_a_heading_does_not_start_a_main_section() {
    let text = "Summary: Mr Q complained.\n\nThe complaint\n\n  1. Mr Q says it was late.\n\n\
                Back to top\n\nWhat I found\n\nBack to top\n\nLaw and guidance\n\n  2. The law says.\n\n\
                Back to top\n\nFinal decision\n\n  3. There was no fault.\n";
    let decision = lgsco::parse(text).unwrap();
    let levels: Vec<(&str, u8)> = decision
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.level))
        .collect();
    assert_eq!(
        levels,
        [
            ("The complaint", 1),
            ("What I found", 1),
            ("Law and guidance", 2),
            ("Final decision", 1)
        ]
    );
}

/// In a plain copy, a short line in lower case without a full stop among a lead-in's items is
/// one of them, not a heading (`to hold a conference on 27 October 2020`).
#[test]
fn a_lower_case_line_among_items_is_an_item_not_a_heading() {
    let text = "Summary: Miss B complained.\n\nWhat happened\n\n\
                The Council agreed the following actions:\n\n\
                a senior manager would audit the case.\n\
                to hold a conference on 27 October 2020\n\
                to get further information about therapy.\n\n\
                Miss B had already contacted the Ombudsman and in December 2020 she complained \
                again to us saying she was dissatisfied with the response.\n";
    let decision = lgsco::parse(text).unwrap();
    let headings: Vec<&str> = decision
        .sections
        .iter()
        .map(|s| s.heading.as_str())
        .collect();
    assert_eq!(headings, ["What happened"]);
    let lead = &decision.sections[0].paragraphs[0];
    assert_eq!(lead.items.len(), 3);
    assert_eq!(
        lead.items[1].text,
        "to hold a conference on 27 October 2020"
    );
}
