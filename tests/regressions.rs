//! Inputs the fuzz targets (`fuzz/`) found, kept as ordinary tests so CI checks them without
//! fuzzing. Each test says which target found its input and what was wrong.

mod common;

use common::grammar::check_citation;
use lgsco::grammar::parse_citation;

/// `citation` target: a connector word (`and`) was taken as the first word of an Act's name, so
/// `The and Childrca on Loen Act 2000` cited an Act named `and Childrca on Loen Act 2000`.
#[test]
fn an_act_name_starts_with_a_capitalised_word() {
    let crash = b"The and Childrca on Loen Act 2000\0,t\xfe\xff\0\0hied";
    check_citation(&String::from_utf8_lossy(crash));
    assert_eq!(parse_citation("The and Children Act 1989"), None);
    assert_eq!(parse_citation("of Act 1974"), None);
    let (reference, len) = parse_citation("The Adoption and Children Act 2002").unwrap();
    assert_eq!(reference.act, "Adoption and Children Act 2002");
    assert_eq!(len, "The Adoption and Children Act 2002".len());
    let decision = lgsco::parse(
        "Summary: Mr Q complained.\nThe complaint\n  1. The and Children Act 1989 and the Care \
         Act 2014 say the Council must assess.\n",
    )
    .unwrap();
    let acts: Vec<&str> = decision
        .legislation
        .iter()
        .map(|c| c.reference.act.as_str())
        .collect();
    assert_eq!(acts, ["Care Act 2014"]);
}
