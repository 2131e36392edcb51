//! The bytes of a scraped copy as text: UTF-8, UTF-16 with a byte-order mark (as Windows tools
//! often save text), or a legacy single-byte encoding the caller names (Windows-1252 copies are
//! common). Spans in the record then refer to the decoded text.

use std::borrow::Cow;

pub use encoding_rs::Encoding;

use crate::error::{ErrorKind, ParseError};

/// The text of `bytes`: UTF-16 when they start with a UTF-16 byte-order mark, else UTF-8; bytes
/// that are not UTF-8 are decoded with `legacy` when given (`Encoding::for_label(b"windows-1252")`),
/// only those bytes when `legacy` is a single-byte encoding (the UTF-8 around them is kept), and
/// are otherwise an [`ErrorKind::InvalidUtf8`] error at the first bad byte.
///
/// ```
/// use lgsco::{decode, Encoding};
/// let utf16: Vec<u8> = [0xFF, 0xFE].into_iter()
///     .chain("Summary: caf\u{e9}".encode_utf16().flat_map(u16::to_le_bytes))
///     .collect();
/// assert_eq!(decode(&utf16, None)?, "Summary: caf\u{e9}");
/// let windows_1252 = b"Summary: \x93quoted\x94 \xa3300";
/// assert!(decode(windows_1252, None).is_err());
/// let legacy = Encoding::for_label(b"windows-1252");
/// assert_eq!(decode(windows_1252, legacy)?, "Summary: \u{201c}quoted\u{201d} \u{a3}300");
/// // Mostly UTF-8, with one stray Windows-1252 byte: only that byte is read as Windows-1252.
/// let mixed = "the Council\u{2019}s reply \u{2013} ".bytes().chain([0xa3]).chain(*b"300");
/// let mixed: Vec<u8> = mixed.collect();
/// assert_eq!(decode(&mixed, legacy)?, "the Council\u{2019}s reply \u{2013} \u{a3}300");
/// # Ok::<(), lgsco::ParseError>(())
/// ```
pub fn decode<'a>(
    bytes: &'a [u8],
    legacy: Option<&'static Encoding>,
) -> Result<Cow<'a, str>, ParseError> {
    if let Some((encoding, bom)) = Encoding::for_bom(bytes)
        && encoding != encoding_rs::UTF_8
    {
        let rest = bytes.get(bom..).unwrap_or_default();
        return Ok(encoding.decode_without_bom_handling(rest).0);
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Cow::Borrowed(text)),
        Err(e) => match legacy {
            Some(encoding) if encoding.is_single_byte() => Ok(Cow::Owned(mixed(bytes, encoding))),
            Some(encoding) => Ok(encoding.decode_without_bom_handling(bytes).0),
            None => Err(ParseError::new(
                ErrorKind::InvalidUtf8,
                Some(e.valid_up_to()),
            )),
        },
    }
}

/// `bytes` read as UTF-8 where they are UTF-8, and in the single-byte `legacy` encoding where
/// they are not: a UTF-8 file with one stray Windows-1252 byte keeps every `’` it writes right.
/// A file in the legacy encoding has almost no byte sequences that are also UTF-8 (its letters
/// beyond ASCII stand alone, where UTF-8's come in twos and threes), so it is read as before.
fn mixed(bytes: &[u8], legacy: &'static Encoding) -> String {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    for chunk in bytes.utf8_chunks() {
        text.push_str(chunk.valid());
        text.push_str(&legacy.decode_without_bom_handling(chunk.invalid()).0);
    }
    text
}
