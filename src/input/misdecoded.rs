//! Text that went through a tool reading UTF-8 as Latin-1 (html2text without `-utf8`, many
//! older scrapers) or as Windows-1252 (most Windows tools): every `’` became `â\u{80}\u{99}` or
//! `â€™`, every `£` became `Â£`. Each such run of characters is encoded back to the bytes it was
//! read from and decoded as the UTF-8 it was; the rest of the text, even characters beyond ASCII
//! written right, is kept.
//!
//! ```text
//! the Councilâ\u{80}\u{99}s decision, Â£300    →    the Council’s decision, £300
//! the Councilâ€™s decision, Â£300             →    the Council’s decision, £300
//! ```

/// How many mis-decoded characters show the whole text was mis-decoded.
const EVIDENCE: usize = 2;

/// The characters Windows-1252 reads the bytes 0x80 to 0x9F as (`None` for the five it leaves
/// undefined, which it reads as the C1 controls, as Latin-1 does).
const WINDOWS_1252_HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The byte a character was read from when a byte of 0x80 or more was read as Latin-1 or
/// Windows-1252 (`None` for any other character).
fn byte_of(c: char) -> Option<u8> {
    match u32::from(c) {
        0x80..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&high| high == Some(c))
            .and_then(|at| u8::try_from(0x80 + at).ok()),
    }
}

/// Whether `text` shows its UTF-8 was read as Latin-1 or Windows-1252: at least [`EVIDENCE`]
/// characters written as `Â`, `Ã` or `â` followed by a character a UTF-8 second byte comes out
/// as (a C1 control or Latin-1 sign, or a Windows-1252 one such as `€` or `™`).
pub(crate) fn is_misdecoded(text: &str) -> bool {
    let bytes = text.as_bytes();
    // `Â`, `Ã`, `â` are C3 82, C3 83, C3 A2 in UTF-8.
    let marks = memchr::memchr_iter(0xC3, bytes)
        .filter(|&at| {
            matches!(bytes.get(at + 1), Some(0x82 | 0x83 | 0xA2))
                && text
                    .get(at + 2..)
                    .and_then(|rest| rest.chars().next())
                    .and_then(byte_of)
                    .is_some_and(|b| (0x80..=0xBF).contains(&b))
        })
        .take(EVIDENCE)
        .count();
    marks >= EVIDENCE && redecoded(text).is_some()
}

/// `text` with each run of characters that were bytes of 0x80 or more read as Latin-1 or
/// Windows-1252 made those bytes again and decoded as UTF-8, where they are UTF-8; everything
/// else (ASCII, characters written right, the bullets a reader added) is kept as it is. `None`
/// when nothing was decoded again.
pub(crate) fn redecoded(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    // The run being gathered: its bytes, and the characters they were read as.
    let mut bytes: Vec<u8> = Vec::new();
    let mut chars: Vec<char> = Vec::new();
    let mut changed = false;
    let mut flush = |bytes: &mut Vec<u8>, chars: &mut Vec<char>, out: &mut String| {
        let mut at = 0;
        for chunk in bytes.utf8_chunks() {
            // Every byte of a run is 0x80 or more, so a valid part is characters of several
            // bytes: mojibake, decoded again.
            let valid = chunk.valid();
            out.push_str(valid);
            changed |= !valid.is_empty();
            at += valid.len();
            let invalid = chunk.invalid().len();
            out.extend(&chars[at..at + invalid]);
            at += invalid;
        }
        bytes.clear();
        chars.clear();
    };
    for c in text.chars() {
        if let Some(byte) = byte_of(c) {
            bytes.push(byte);
            chars.push(c);
            continue;
        }
        if !bytes.is_empty() {
            flush(&mut bytes, &mut chars, &mut out);
        }
        out.push(c);
    }
    if !bytes.is_empty() {
        flush(&mut bytes, &mut chars, &mut out);
    }
    changed.then_some(out)
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

    #[test]
    fn decodes_utf8_read_as_windows_1252_again_keeping_what_was_read_right() {
        let (misread, _, _) =
            encoding_rs::WINDOWS_1252.decode("the Council’s decision – £300".as_bytes());
        assert_eq!(misread, "the Councilâ€™s decision â€“ Â£300");
        assert!(is_misdecoded(&misread));
        assert_eq!(
            redecoded(&misread).as_deref(),
            Some("the Council’s decision – £300")
        );
        // Mojibake beside characters written right: only the mojibake is decoded again.
        let mixed = "Mr X’s café: the Councilâ€™s reply, Â£300 “late”";
        assert!(is_misdecoded(mixed));
        assert_eq!(
            redecoded(mixed).as_deref(),
            Some("Mr X’s café: the Council’s reply, £300 “late”")
        );
        assert_eq!(redecoded("Mr X’s café, £300 • done"), None);
    }
}
