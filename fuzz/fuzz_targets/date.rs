//! Arbitrary text through `lgsco::grammar::parse_date_phrase`: no panic, the bytes read are a
//! prefix on a char boundary that reads the same again, and the date is a real one from 1900 to
//! 2099 that matches its precision.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lgsco_fuzz::check_date(&String::from_utf8_lossy(data)));
