//! Text that went through a tool reading UTF-8 as Latin-1 (html2text without `-utf8`, many
//! older scrapers): every `’` became `â\u{80}\u{99}`, every `£` became `Â£`. Such text is
//! encoded back to the bytes it was read from and decoded as the UTF-8 it was.
//!
//! ```text
//! the Councilâ\u{80}\u{99}s decision, Â£300    →    the Council’s decision, £300
//! ```

/// How many mis-decoded characters show the whole text was mis-decoded.
const EVIDENCE: usize = 2;

/// Whether `text` shows its UTF-8 was read as Latin-1: at least [`EVIDENCE`] characters written
/// as `Â`, `Ã` or `â` followed by a C1 control or a Latin-1 sign, as UTF-8's second bytes come
/// out, and [`redecoded`] can read it.
pub(crate) fn is_misdecoded(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `Â`, `Ã`, `â` are C3 82, C3 83, C3 A2 in UTF-8; a UTF-8 continuation byte read as Latin-1
    // is U+0080..U+00BF, C2 80..C2 BF.
    let marks = memchr::memchr_iter(0xC3, bytes)
        .filter(|&at| {
            matches!(bytes.get(at + 1), Some(0x82 | 0x83 | 0xA2))
                && bytes.get(at + 2) == Some(&0xC2)
                && bytes.get(at + 3).is_some_and(|b| (0x80..=0xBF).contains(b))
        })
        .take(EVIDENCE)
        .count();
    marks >= EVIDENCE && redecoded(text).is_some()
}

/// `text` with each Latin-1 character made the byte it was read from (characters beyond Latin-1,
/// such as the bullets a reader added, are kept), decoded as UTF-8; `None` when that is not UTF-8.
pub(crate) fn redecoded(text: &str) -> Option<String> {
    let mut bytes = Vec::with_capacity(text.len());
    for c in text.chars() {
        match u8::try_from(u32::from(c)) {
            Ok(byte) => bytes.push(byte),
            Err(_) => bytes.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
    String::from_utf8(bytes).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_utf8_read_as_latin1_again() {
        let misread: String = "the Council’s decision to pay £300 – in full"
            .bytes()
            .map(char::from)
            .collect();
        assert!(is_misdecoded(&misread));
        let bulleted = format!("    \u{2022} {misread}");
        assert_eq!(
            redecoded(&bulleted).as_deref(),
            Some("    \u{2022} the Council’s decision to pay £300 – in full")
        );
        // Text read right is left alone, as is one odd character.
        assert!(!is_misdecoded("the Council’s decision, £300"));
        assert!(!is_misdecoded("Ã\u{80} once"));
    }
}
