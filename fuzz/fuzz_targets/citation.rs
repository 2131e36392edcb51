//! Arbitrary text through `lgsco::grammar::parse_citation`: no panic, the bytes read are a prefix
//! on a char boundary that reads the same again, naming `… Act YYYY` and sections found in it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lgsco_fuzz::check_citation(&String::from_utf8_lossy(data)));
