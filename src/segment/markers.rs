//! List markers (`1.`, `(a)`, `•`, `- `) at the start of a line, and the layout of a body told
//! by the markers its lines carry.

use crate::lines::Line;
use crate::model::Layout;

/// The list marker a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Marker {
    /// `1.` or `1)`.
    Number,
    /// `a)`, `(a)`, `(ii)`.
    Letter,
    /// `•` and friends.
    Bullet,
    /// `- `.
    Dash,
}

/// The marker at the start of `text` and the byte length to skip (marker and following space).
pub(crate) fn marker(text: &str) -> Option<(Marker, usize)> {
    let bytes = text.as_bytes();
    // Most lines start with a capital letter, which no marker does.
    if bytes.first().is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    let space_after = |at: usize| -> Option<usize> {
        let rest = &text[at..];
        let trimmed = rest.trim_start();
        (trimmed.len() < rest.len()).then_some(at + rest.len() - trimmed.len())
    };
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) && matches!(bytes.get(digits), Some(b'.' | b')')) {
        return space_after(digits + 1).map(|skip| (Marker::Number, skip));
    }
    if bytes.first() == Some(&b'(') {
        let inner = bytes[1..]
            .iter()
            .take_while(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
            .count();
        if (1..=4).contains(&inner) && bytes.get(inner + 1) == Some(&b')') {
            return space_after(inner + 2).map(|skip| (Marker::Letter, skip));
        }
    }
    if bytes.len() > 2 && bytes[0].is_ascii_lowercase() && bytes[1] == b')' {
        return space_after(2).map(|skip| (Marker::Letter, skip));
    }
    let first = text.chars().next()?;
    let kind = match first {
        '-' => Marker::Dash,
        '•' | '◦' | '▪' | '□' | '·' | '*' | '+' | '–' | '\u{f0b7}' => Marker::Bullet,
        _ => return None,
    };
    match space_after(first.len_utf8()) {
        Some(skip) => Some((kind, skip)),
        // An empty bullet at the end of a cut-off excerpt.
        None if text.len() == first.len_utf8() => Some((kind, text.len())),
        None => None,
    }
}

/// The list marker each line starts with, as [`marker`] reads it.
pub(super) fn markers(lines: &[Line<'_>]) -> Vec<Option<(Marker, usize)>> {
    lines.iter().map(|line| marker(line.text)).collect()
}

/// Picks the layout from the markers the body lines carry (`markers`, one for each line).
pub(super) fn detect_layout(lines: &[Line<'_>], markers: &[Option<(Marker, usize)>]) -> Layout {
    let (mut numbered, mut dashed) = (0, 0);
    for (line, marker) in lines.iter().zip(markers) {
        match marker {
            Some((Marker::Number, _)) if line.indent > 0 => numbered += 1,
            Some((Marker::Dash, _)) => dashed += 1,
            _ => {}
        }
    }
    if numbered > 0 && numbered >= dashed {
        Layout::Numbered
    } else if dashed > 0 && dashed * 4 >= lines.len() {
        Layout::Dashed
    } else {
        Layout::Plain
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_markers() {
        assert_eq!(marker("1. Text"), Some((Marker::Number, 3)));
        assert_eq!(marker("12.  Text"), Some((Marker::Number, 5)));
        assert_eq!(marker("\u{2022} Text"), Some((Marker::Bullet, 4)));
        assert_eq!(marker("- Text"), Some((Marker::Dash, 2)));
        assert_eq!(marker("\u{25a1} Text"), Some((Marker::Bullet, 4)));
        assert_eq!(marker("+ Text"), Some((Marker::Bullet, 2)));
        assert_eq!(marker("(a) Text"), Some((Marker::Letter, 4)));
        assert_eq!(marker("2019 was"), None);
        assert_eq!(marker("-Text"), None);
    }
}
