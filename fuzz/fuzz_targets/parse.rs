//! Arbitrary bytes through `lgsco::parse_bytes`, and lossily decoded through `lgsco::parse`:
//! no panic, every span inside the input, invalid UTF-8 reported at the first bad byte.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| lgsco_fuzz::check_bytes(data));
