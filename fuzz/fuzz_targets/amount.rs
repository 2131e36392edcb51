//! Arbitrary text through `lgsco::grammar::parse_amount_pence`: no panic, the bytes read are a
//! prefix on a char boundary that reads the same again and is worth exactly its digits.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lgsco_fuzz::check_amount(&String::from_utf8_lossy(data)));
