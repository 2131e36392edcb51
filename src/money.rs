//! Sums of money: the `£1,000.50` grammar, and telling a payment from its breakdown or rate.

use std::sync::LazyLock;

use nom::{
    IResult, Parser,
    bytes::complete::{tag, take_while_m_n, take_while1},
    combinator::{opt, recognize},
    multi::many0,
    sequence::preceded,
};
use regex::Regex;

/// Reads a sterling amount at the start of `text` and returns it in pence with the number of
/// bytes read: `£300`, `£10,000`, `£1,000.50`. Amounts too large for a `u64` of pence give `None`.
///
/// ```
/// use lgsco::grammar::parse_amount_pence;
/// assert_eq!(parse_amount_pence("£1,000.50 for her"), Some((100050, "£1,000.50".len())));
/// assert_eq!(parse_amount_pence("£99999999999999999999"), None);
/// assert_eq!(parse_amount_pence("300"), None);
/// ```
pub fn parse_amount_pence(text: &str) -> Option<(u64, usize)> {
    let (rest, (pounds, pence)) = amount(text).ok()?;
    let digits: String = pounds.chars().filter(char::is_ascii_digit).collect();
    let pounds: u64 = digits.parse().ok()?;
    let pence: u64 = match pence {
        Some(p) => p.parse().ok()?,
        None => 0,
    };
    let total = pounds.checked_mul(100)?.checked_add(pence)?;
    Some((total, text.len() - rest.len()))
}

fn digits(input: &str) -> IResult<&str, &str> {
    take_while1(|c: char| c.is_ascii_digit()).parse(input)
}

/// `£` then `1000` or `1,000` (comma groups of three), then optional `.50`.
fn amount(input: &str) -> IResult<&str, (&str, Option<&str>)> {
    let group = preceded(tag(","), take_while_m_n(3, 3, |c: char| c.is_ascii_digit()));
    let (rest, pounds) = preceded(tag("£"), recognize((digits, many0(group)))).parse(input)?;
    // A comma group must not run on into more digits (`£1,0000`).
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        return Err(nom::Err::Error(nom::error::Error::new(
            rest,
            nom::error::ErrorKind::Digit,
        )));
    }
    let (rest, pence) = opt(preceded(
        tag("."),
        take_while_m_n(2, 2, |c: char| c.is_ascii_digit()),
    ))
    .parse(rest)?;
    Ok((rest, (pounds, pence)))
}

/// An amount found in a text, with its byte range relative to that text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Amount {
    pub pence: u64,
    pub start: usize,
    pub end: usize,
    /// Part of a bracketed breakdown of an amount before it (`£1000 (£500 for her, …)`): in
    /// brackets after it, and no larger than the sum before it.
    pub breakdown: bool,
    /// A rate (`£50 for every month`, `£20 a week`), not a sum.
    pub rate: bool,
}

static POUND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"£\d").expect("pound regex"));

static RATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:for\s+(?:every|each)|per|a|an|each)\s+(?:day|week|month|year|hour|night)(?-u:\b)",
    )
    .expect("rate regex")
});

/// Every amount in `text`, in order, with breakdowns and rates marked.
pub(crate) fn find_amounts(text: &str) -> Vec<Amount> {
    let mut amounts: Vec<Amount> = Vec::new();
    let mut brackets = Brackets::default();
    // Where the first amount that is not a breakdown ends: amounts come in order and do not
    // overlap, so a bracket holds a breakdown exactly when it opens at or after this.
    let mut first_sum_end: Option<usize> = None;
    // The last amount that is not a breakdown: a part is never more than its whole, so a larger
    // amount in brackets after it is a sum of its own (`costs (£2,200), including the charge
    // (£5,400)`).
    let mut last_sum: u64 = 0;
    for m in POUND.find_iter(text) {
        let Some(rest) = text.get(m.start()..) else {
            continue;
        };
        let Some((pence, len)) = parse_amount_pence(rest) else {
            continue;
        };
        let end = m.start() + len;
        let breakdown = brackets
            .open_at(text, m.start())
            .zip(first_sum_end)
            .is_some_and(|(open, sum_end)| sum_end <= open)
            && pence <= last_sum;
        if !breakdown {
            first_sum_end.get_or_insert(end);
            last_sum = pence;
        }
        let rate = text.get(end..).is_some_and(|after| RATE.is_match(after));
        amounts.push(Amount {
            pence,
            start: m.start(),
            end,
            breakdown,
            rate,
        });
    }
    amounts
}

/// The brackets open at a point of a text, read in one forward pass as the point moves on.
#[derive(Debug, Default)]
struct Brackets {
    /// The offsets of the `(` still open at `read`, innermost last.
    open: Vec<usize>,
    /// How far the text has been read.
    read: usize,
}

impl Brackets {
    /// The offset of the innermost unclosed `(` before `at`, if `at` lies inside brackets. `at`
    /// never moves back between calls on the same `text`; a `)` with none open is ignored.
    fn open_at(&mut self, text: &str, at: usize) -> Option<usize> {
        let from = self.read;
        let unread = text.as_bytes().get(from..at).unwrap_or_default();
        for i in memchr::memchr2_iter(b'(', b')', unread) {
            if unread[i] == b'(' {
                self.open.push(from + i);
            } else {
                self.open.pop();
            }
        }
        self.read = self.read.max(at);
        self.open.last().copied()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_amounts() {
        let cases: &[(&str, Option<(u64, usize)>)] = &[
            ("£300", Some((30000, 5))),
            ("£10,000", Some((1000000, 8))),
            ("£1,000.50", Some((100050, 10))),
            ("£4500 for distress", Some((450000, 6))),
            ("£250.", Some((25000, 5))),
            ("£1,0000", None),
            ("£", None),
            ("£99999999999999999999", None),
            ("£184467440737095517", None),
            ("300", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount_pence(text), *expected, "{text}");
        }
    }

    #[test]
    fn marks_breakdowns_and_rates() {
        let text = "pay Miss B £1000 (£500 for her, £400 for the children and £100 for the delay)";
        let flags: Vec<_> = find_amounts(text)
            .iter()
            .map(|a| (a.pence, a.breakdown))
            .collect();
        assert_eq!(
            flags,
            [(100000, false), (50000, true), (40000, true), (10000, true)]
        );
        let rate = find_amounts("a payment of £250. This is £50 for every month of delay.");
        assert_eq!(
            rate.iter().map(|a| a.rate).collect::<Vec<_>>(),
            [false, true]
        );
        let larger = find_amounts("refund its fees (£200), and the court costs (£450)");
        assert!(larger.iter().all(|a| !a.breakdown));
        let aside = find_amounts("pay £100 (as offered) and £50 (for trouble)");
        assert!(aside.iter().all(|a| !a.breakdown));
    }

    #[test]
    fn tracks_open_brackets_in_one_pass() {
        let text = "a) (b (c) d (e";
        let mut brackets = Brackets::default();
        assert_eq!(brackets.open_at(text, 1), None);
        assert_eq!(
            brackets.open_at(text, 2),
            None,
            "a stray `)` closes nothing"
        );
        assert_eq!(brackets.open_at(text, 7), Some(6));
        assert_eq!(brackets.open_at(text, 9), Some(3));
        assert_eq!(brackets.open_at(text, text.len()), Some(12));
    }
}
