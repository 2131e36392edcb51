//! A 10 MB statement (one decision with a very long body) parses whole: the parser is linear in
//! its input, so this runs in seconds even in a debug build.

use crate::support;

#[test]
fn parses_a_ten_megabyte_statement() {
    let seed = std::fs::read_to_string("corpus/knowsley-22-014-796.txt").unwrap();
    let (text, expected) = support::long_statement(&seed, 10 << 20);
    assert!(text.len() >= 10 << 20);
    let decision = lgsco::parse(&text).unwrap();
    let paragraphs: usize = decision.sections.iter().map(|s| s.paragraphs.len()).sum();
    assert_eq!(paragraphs, expected);
    assert_eq!(decision.reference.as_deref(), Some("22 014 796"));
    assert!(!decision.truncated);
    let last = decision.sections.iter().flat_map(|s| &s.paragraphs).last();
    assert_eq!(last.and_then(|p| p.number), Some(expected as u32));
}
