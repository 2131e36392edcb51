//! `lgsco::Period::due_from` with any period and any start date chrono can represent: no panic or
//! hang, the due date is never before the start and exactly the period after it, and `None` only
//! when the period runs past chrono's last date.
#![no_main]

use lgsco::{Period, PeriodUnit};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;

/// A period and a start date, drawn from the fuzzer's bytes.
#[derive(Debug, Arbitrary)]
struct Input {
    count: u32,
    unit: u8,
    from_decision: bool,
    start: i32,
}

fuzz_target!(|input: Input| {
    let units = [
        PeriodUnit::Days,
        PeriodUnit::WorkingDays,
        PeriodUnit::Weeks,
        PeriodUnit::Months,
    ];
    let period = Period {
        count: input.count,
        unit: units[usize::from(input.unit % 4)],
        from_decision: input.from_decision,
    };
    lgsco_fuzz::check_due(period, lgsco_fuzz::any_date(input.start));
});
