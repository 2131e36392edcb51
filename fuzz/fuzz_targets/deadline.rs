//! Arbitrary text through `lgsco::grammar::parse_deadline`, the first four bytes choosing a start
//! date: no panic, the bytes read are a prefix on a char boundary that reads the same again, and
//! the due date is never before the start and exactly the period after it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((start, text)) = data.split_first_chunk::<4>() else {
        return;
    };
    let start = lgsco_fuzz::any_date(i32::from_le_bytes(*start));
    lgsco_fuzz::check_deadline(&String::from_utf8_lossy(text), start);
});
