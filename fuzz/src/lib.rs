//! Shared checks for the fuzz targets: the same invariants the test suite asserts.

#[path = "../../tests/common/mod.rs"]
mod common;

use chrono::{Datelike, NaiveDate};

pub use common::grammar::{check_amount, check_citation, check_date, check_deadline, check_due};
pub use common::{check_bytes, check_decision};

/// The date `raw` days from the start of the common era (day 1 is 0001-01-01), wrapped into the
/// dates chrono can represent: every `i32` maps to one.
pub fn any_date(raw: i32) -> NaiveDate {
    if let Some(date) = NaiveDate::from_num_days_from_ce_opt(raw) {
        return date;
    }
    let first = i64::from(NaiveDate::MIN.num_days_from_ce());
    let last = i64::from(NaiveDate::MAX.num_days_from_ce());
    let day = first + i64::from(raw).rem_euclid(last - first + 1);
    i32::try_from(day)
        .ok()
        .and_then(NaiveDate::from_num_days_from_ce_opt)
        .expect("a day between chrono's first and last")
}
