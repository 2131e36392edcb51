//! Small exact grammars for calendar dates written in words (`22 Aug 2023`, `13 September 2021`,
//! `November 2023`, `2019`) or figures (`12/01/2023`), and finding the dates a text mentions:
//! with their qualifiers (`early 2020`, `the end of March 2021`) and every end of a range or list
//! that shares a year (`between April and August 2022`).

use chrono::NaiveDate;
use nom::IResult;

use crate::document::Document;
use crate::model::{DateMention, DateValue, Precision};
use crate::words::{ends_with_ignore_case, is_word_byte, starts_with_ignore_case};

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month number (1–12) of a month name or its abbreviation (`Aug`, `Sept`, `August`), a run
/// of ASCII letters: the month whose name starts with `word`, in any ASCII case, which must have
/// at least three letters. The names' first three letters differ, so they pick the one month
/// whose name is compared in full. The first three are compared as arrays of a known length,
/// which cost a few instructions, rather than as slices.
pub(crate) fn month_number(word: &str) -> Option<u32> {
    let first_three =
        (word.as_bytes().first_chunk::<3>()?).map(|letter| letter.to_ascii_lowercase());
    let month = MONTHS
        .iter()
        .position(|name| name.as_bytes().first_chunk() == Some(&first_three))?;
    starts_with_ignore_case(MONTHS[month], word).then_some(month as u32 + 1)
}

/// Reads the date grammars left to right over a text, byte by byte: each step either reads its
/// piece and moves on or gives `None`. Written by hand because the grammars are read at every
/// year candidate, and combinator alternatives cost several times more per call.
struct DateReader<'a> {
    text: &'a str,
    at: usize,
}

impl<'a> DateReader<'a> {
    fn new(text: &'a str) -> Self {
        DateReader { text, at: 0 }
    }

    fn rest(&self) -> &'a str {
        &self.text[self.at..]
    }

    /// The number made by the next `min` to `max` ASCII digits (as many as there are).
    fn number(&mut self, min: usize, max: usize) -> Option<u32> {
        let digits = self.rest().as_bytes();
        let len = digits
            .iter()
            .take(max)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if len < min {
            return None;
        }
        self.at += len;
        Some(
            digits[..len]
                .iter()
                .fold(0, |n, &d| n * 10 + u32::from(d - b'0')),
        )
    }

    /// Whether `word` comes next, stepping over it if it does.
    fn skip(&mut self, word: &str) -> bool {
        let found = self.rest().starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// The ordinal suffix (`st`, `nd`, `rd`, `th`) of a day, if one comes next.
    fn ordinal(&mut self) {
        let _ = ["st", "nd", "rd", "th"]
            .iter()
            .any(|suffix| self.skip(suffix));
    }

    /// `word`, which must come next.
    fn expect(&mut self, word: &str) -> Option<()> {
        self.skip(word).then_some(())
    }

    /// A run of whitespace (at least one character).
    fn spaces(&mut self) -> Option<()> {
        let rest = self.rest();
        let len = rest.len() - rest.trim_start_matches(char::is_whitespace).len();
        (len > 0).then(|| self.at += len)
    }

    /// A month name or abbreviation: the whole run of ASCII letters that comes next.
    fn month(&mut self) -> Option<u32> {
        let len = self
            .rest()
            .bytes()
            .take_while(u8::is_ascii_alphabetic)
            .count();
        let month = month_number(&self.rest()[..len])?;
        self.at += len;
        Some(month)
    }

    /// A four-digit year from 1900 to 2099.
    fn year(&mut self) -> Option<i32> {
        let year = self.number(4, 4)?;
        (1900..=2099).contains(&year).then_some(year as i32)
    }
}

/// `22 Aug 2023`, `1 September 2021`, `01 Apr 2021`, `1st April 2022`: a real calendar date
/// (no `31 February`), with the number of bytes read.
fn read_day_month_year(text: &str) -> Option<(NaiveDate, usize)> {
    let mut reader = DateReader::new(text);
    let day = reader.number(1, 2)?;
    reader.ordinal();
    reader.spaces()?;
    let month = reader.month()?;
    reader.skip(".");
    reader.spaces()?;
    let year = reader.year()?;
    Some((NaiveDate::from_ymd_opt(year, month, day)?, reader.at))
}

/// [`read_day_month_year`] as a parser of the start of `input`, giving the rest.
pub(crate) fn day_month_year(input: &str) -> IResult<&str, NaiveDate> {
    read_day_month_year(input)
        .map(|(date, len)| (&input[len..], date))
        .ok_or_else(|| {
            nom::Err::Error(nom::error::Error::new(input, nom::error::ErrorKind::Verify))
        })
}

/// `12/01/2023`: a date in figures, day first as British dates are written.
fn read_numeric_date(text: &str) -> Option<(NaiveDate, usize)> {
    let mut reader = DateReader::new(text);
    let day = reader.number(1, 2)?;
    reader.expect("/")?;
    let month = reader.number(1, 2)?;
    reader.expect("/")?;
    let year = reader.year()?;
    Some((NaiveDate::from_ymd_opt(year, month, day)?, reader.at))
}

/// Where the day of a date in figures (`12/01/` before a year) that ends `text` starts, as a word.
fn numeric_day_month(text: &str) -> Option<usize> {
    let month_end = text.strip_suffix('/')?;
    let month = month_end
        .bytes()
        .rev()
        .take_while(u8::is_ascii_digit)
        .count();
    let day_end = month_end[..month_end.len() - month].strip_suffix('/')?;
    let day = day_end.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = day_end.len() - day;
    ((1..=2).contains(&month) && (1..=2).contains(&day) && starts_word(text, start))
        .then_some(start)
}

/// `November 2023`, `Sept. 2020`: the first of the month.
fn read_month_year(text: &str) -> Option<(NaiveDate, usize)> {
    let mut reader = DateReader::new(text);
    let month = reader.month()?;
    reader.skip(".");
    reader.spaces()?;
    let year = reader.year()?;
    Some((NaiveDate::from_ymd_opt(year, month, 1)?, reader.at))
}

/// `2019`: the first of January.
fn read_year_only(text: &str) -> Option<(NaiveDate, usize)> {
    let mut reader = DateReader::new(text);
    let year = reader.year()?;
    Some((NaiveDate::from_ymd_opt(year, 1, 1)?, reader.at))
}

/// Reads a date at the start of `text` (`13 September 2021`, `November 2023`, `2019`,
/// `12/01/2023`) and returns it with its precision and the number of bytes read. Impossible dates
/// give `None`.
///
/// ```
/// use lgsco::grammar::parse_date_phrase;
/// use lgsco::Precision;
/// let (value, len) = parse_date_phrase("13 September 2021, she").unwrap();
/// assert_eq!(value.date.to_string(), "2021-09-13");
/// assert_eq!((value.precision, len), (Precision::Day, 17));
/// assert_eq!(parse_date_phrase("November 2023").unwrap().0.precision, Precision::Month);
/// assert_eq!(parse_date_phrase("2019").unwrap().0.date.to_string(), "2019-01-01");
/// assert_eq!(parse_date_phrase("12/01/2023").unwrap().0.date.to_string(), "2023-01-12");
/// assert_eq!(parse_date_phrase("31 February 2021"), None);
/// ```
pub fn parse_date_phrase(text: &str) -> Option<(DateValue, usize)> {
    let with = |precision: Precision| move |(date, len)| (DateValue { date, precision }, len);
    // The grammars start differently, so the leading digits choose the one that can read the
    // text: none, a month name; one or two, a day, in figures before `/`, else in words; more, a
    // year.
    let digits = text.bytes().take(3).take_while(u8::is_ascii_digit).count();
    let (value, len) = match (digits, text.as_bytes().get(digits)) {
        (0, _) => read_month_year(text).map(with(Precision::Month)),
        (1 | 2, Some(b'/')) => read_numeric_date(text).map(with(Precision::Day)),
        (1 | 2, _) => read_day_month_year(text).map(with(Precision::Day)),
        _ => read_year_only(text).map(with(Precision::Year)),
    }?;
    if text[len..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some((value, len))
}

/// Every date in `text`, as (value, start, end) with offsets relative to `text`, in order: the
/// dates written whole ([`dated_phrases`]) and the ends of ranges that share their year with the
/// other end (`between April and August 2022` gives April 2022 too; `between 2017 and 2018`
/// gives 2018 too; `in 2014/15` gives 2015 too, as `15`). They are appended to `found`, so that one buffer serves every piece.
pub(crate) fn find_dates(text: &str, found: &mut Vec<(DateValue, usize, usize)>) {
    use chrono::Datelike;
    let mut whole = dated_phrases(text).peekable();
    while let Some(phrase) = whole.next() {
        let (value, start, end) = phrase.date();
        found.extend(shared_year_starts(text, &phrase));
        found.push((value, start, end));
        if phrase.value.precision != Precision::Year {
            continue;
        }
        // `2014/15`, `between 2014 and 2016`, `from 2014/15 to 2016/17`: the years after a bare
        // one, each a slash's or the other end's, up to the next date written whole.
        let next_start = whole.peek().map_or(text.len(), |next| next.start);
        let slash = slash_year(text, phrase.end, phrase.value.date.year());
        let second = second_year(text, slash.map_or(phrase.end, |(_, _, end)| end));
        let second_slash =
            second.and_then(|(value, _, end)| slash_year(text, end, value.date.year()));
        let later = [slash, second, second_slash].into_iter().flatten();
        found.extend(later.filter(|&(_, start, _)| start < next_start));
    }
}

/// A date written whole: the qualifier or first word it starts at (`early 2019`, `the end of
/// March 2021`), where it ends, and what it reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DatedPhrase {
    start: usize,
    end: usize,
    value: DateValue,
}

impl DatedPhrase {
    fn date(&self) -> (DateValue, usize, usize) {
        (self.value, self.start, self.end)
    }
}

/// Every date written whole in `text`, in order, read as the caller asks for them.
///
/// Every date ends in a year, so the search starts from each four-digit year standing alone
/// after whitespace (or `mid-`, or a day and month in figures: `12/01/`) and reads back to where
/// the date begins: a date in figures, a capitalised month name (`May`, `Sept.`), perhaps with a
/// day before it (`13`, `1st`), or else a time word (`in 2019`, `since 2019`: the date is the
/// year) or a qualifier (`late 2015`, `mid-2020`, `the end of 2021`, `summer 2023`), which is kept
/// in the date's text. A year after anything else (`Act 1974`, `the 2019 assessment`) is not a
/// date. Word boundaries are ASCII ones, as the grammar's digits and month names are.
pub(crate) fn dated_phrases(text: &str) -> impl Iterator<Item = DatedPhrase> + '_ {
    years(text).filter_map(|year| {
        let (start, phrase) = date_start(text, year).or_else(|| named_year_range(text, year))?;
        let (value, len) = parse_date_phrase(text.get(phrase..)?)?;
        Some(DatedPhrase {
            start,
            end: phrase + len,
            value,
        })
    })
}

/// Where each year candidate starts: exactly four ASCII digits after whitespace (or `mid-`) and
/// before a character that is not an ASCII letter, digit or `_`. Only years from 1900 to 2099 can
/// be read, so the search jumps between the digits `1` and `2` with a vectorised byte search, and
/// only a `19` or a `20` is looked at further.
fn years(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b'1', b'2', bytes).filter(move |&start| {
        // The bytes are checked before the text before them: `19` or `20`, then the run of
        // digits, of which no more than five are counted, so a long run costs little at each
        // digit.
        let century = matches!(
            (bytes[start], bytes.get(start + 1)),
            (b'1', Some(b'9')) | (b'2', Some(b'0'))
        );
        if !century {
            return false;
        }
        let len = bytes[start..]
            .iter()
            .take(5)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if len != 4 || bytes.get(start + len).is_some_and(|&b| is_word_byte(b)) {
            return false;
        }
        let before = &text[..start];
        before.ends_with(char::is_whitespace)
            || mid_hyphen(before).is_some()
            || numeric_day_month(before).is_some()
    })
}

/// Where `mid-` ending `text` starts, as a word.
fn mid_hyphen(text: &str) -> Option<usize> {
    let start = text.len().checked_sub(4)?;
    (text.is_char_boundary(start)
        && ends_with_ignore_case(text, "mid-")
        && starts_word(text, start))
    .then_some(start)
}

/// Where the date whose year starts at `year` begins (its qualifier, if any) and where its
/// grammar phrase begins, if the words before the year make a date.
fn date_start(text: &str, year: usize) -> Option<(usize, usize)> {
    if let Some(day) = numeric_day_month(&text[..year]) {
        return Some((day, day));
    }
    let before = without_trailing_spaces(&text[..year]);
    // The word before the year, looked for once: a month's name (unless a dot follows it), a
    // qualifier or a preposition.
    let word = word_before(before);
    let month_word = before.strip_suffix('.');
    let month = month_word.map_or(word, word_before);
    if let Some(month) = month.filter(|w| is_month_word(w)) {
        let month_start = month_word.unwrap_or(before).len() - month.len();
        let phrase = day_start(&text[..month_start]).unwrap_or(month_start);
        return Some((qualifier_start(text, phrase), phrase));
    }
    let qualified = qualifier_after(text, year, before, word);
    if qualified < year {
        return Some((qualified, year));
    }
    (is_one_of(word?, &PREPOSITIONS) || ends_in_time_phrase(before)).then_some((year, year))
}

/// Phrases after which a bare year is a date as it is after a time word (`dating back to 2015`,
/// `as far back as 2012`, `as early as 2016`, `as of 2020`), each as its words.
const TIME_PHRASES: [&[&str]; 7] = [
    &["back", "to"],
    &["back", "as"],
    &["as", "early", "as"],
    &["as", "late", "as"],
    &["as", "recently", "as"],
    &["as", "long", "ago", "as"],
    &["as", "of"],
];

/// Whether `before`, the text before a year without its trailing spaces, ends in a phrase of
/// [`TIME_PHRASES`] or in `at least` after a time word (`since at least 2019`, `until at least
/// 2021`): whole words in any ASCII case, with whitespace between them.
fn ends_in_time_phrase(before: &str) -> bool {
    if TIME_PHRASES
        .iter()
        .any(|phrase| before_words(before, phrase).is_some())
    {
        return true;
    }
    before_words(before, &["at", "least"])
        .and_then(word_before)
        .is_some_and(|word| is_one_of(word, &PREPOSITIONS))
}

/// The text before `words` (whole words in any ASCII case, with whitespace between them) that end
/// `text`, without the whitespace before them; `None` unless they end it.
fn before_words<'a>(text: &'a str, words: &[&str]) -> Option<&'a str> {
    let mut rest = text;
    for (i, word) in words.iter().rev().enumerate() {
        if i > 0 {
            let trimmed = without_trailing_spaces(rest);
            if trimmed.len() == rest.len() {
                return None;
            }
            rest = trimmed;
        }
        let found = word_before(rest).filter(|w| w.eq_ignore_ascii_case(word))?;
        rest = &rest[..rest.len() - found.len()];
    }
    Some(without_trailing_spaces(rest))
}

/// Whether `word` is one of the lower-case `words` in any ASCII case (words of another length
/// are told by their length alone).
fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Words after which a bare year is a date.
const PREPOSITIONS: [&str; 10] = [
    "in",
    "since",
    "until",
    "during",
    "before",
    "after",
    "by",
    "from",
    "between",
    "throughout",
];

/// The seasons, which qualify a year as `early` and `late` do (`summer 2023`, `the autumn of 2021`).
const SEASONS: [&str; 4] = ["spring", "summer", "autumn", "winter"];

/// The words before `of` that qualify a date (`the end of March 2021`, `much of 2023`, `the whole
/// of 2021`), `the` before them kept with them.
const PARTS_OF_A_TIME: [&str; 11] = [
    "end",
    "start",
    "beginning",
    "middle",
    "much",
    "most",
    "part",
    "all",
    "whole",
    "rest",
    "remainder",
];

/// Where a qualifier before the date phrase at `phrase` starts (`early`, `mid`, `late`, `mid-`,
/// a season, `the end of`, `the start of`, `the beginning of`, `the middle of`, `the summer of`,
/// `much of`, `most of`, `part of`, `all of`, `the whole of`, `the rest of`, `the remainder
/// of`), or `phrase` if none does.
fn qualifier_start(text: &str, phrase: usize) -> usize {
    let trimmed = without_trailing_spaces(&text[..phrase]);
    qualifier_after(text, phrase, trimmed, word_before(trimmed))
}

/// [`qualifier_start`] told the text before `phrase` without the spaces that end it, `trimmed`,
/// and the word that ends that, `word`.
fn qualifier_after(text: &str, phrase: usize, trimmed: &str, word: Option<&str>) -> usize {
    if let Some(start) = mid_hyphen(&text[..phrase]) {
        return start;
    }
    if trimmed.len() == phrase {
        return phrase;
    }
    let Some(word) = word else {
        return phrase;
    };
    let word_start = trimmed.len() - word.len();
    if is_one_of(word, &["early", "mid", "late"]) || is_one_of(word, &SEASONS) {
        return word_start;
    }
    if !word.eq_ignore_ascii_case("of") {
        return phrase;
    }
    let part_of = without_trailing_spaces(&text[..word_start]);
    let Some(part) = word_before(part_of)
        .filter(|part| is_one_of(part, &PARTS_OF_A_TIME) || is_one_of(part, &SEASONS))
    else {
        return phrase;
    };
    let part_start = part_of.len() - part.len();
    let the = without_trailing_spaces(&text[..part_start]);
    match word_before(the) {
        Some(article) if article.eq_ignore_ascii_case("the") && the.len() < part_start => {
            the.len() - article.len()
        }
        _ => part_start,
    }
}

/// The words that join the two ends of a range (`April and August 2022`, `2017 to 2018`).
const RANGE_WORDS: [&str; 4] = ["and", "to", "until", "till"];

/// The text before `end` without a range word or dash (and the spaces around it) that ends it.
fn before_range_word(text: &str, end: usize) -> Option<&str> {
    let before = without_trailing_spaces(&text[..end]);
    if let Some(dashed) = before.strip_suffix(['-', '\u{2013}', '\u{2014}']) {
        return Some(without_trailing_spaces(dashed));
    }
    let word = word_before(before)?;
    (before.len() < end && is_one_of(word, &RANGE_WORDS))
        .then(|| without_trailing_spaces(&before[..before.len() - word.len()]))
}

/// The text after a range word or dash (and the spaces around it) that starts `text`.
fn after_range_word(text: &str) -> Option<&str> {
    let text = text.trim_start_matches(char::is_whitespace);
    if let Some(dashed) = text.strip_prefix(['-', '\u{2013}', '\u{2014}']) {
        return Some(dashed);
    }
    let word_len = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    let (word, rest) = text.split_at(word_len);
    (is_one_of(word, &RANGE_WORDS) && rest.starts_with(char::is_whitespace)).then_some(rest)
}

/// The earlier ends of a range or list that take their year (and month) from the date `phrase`
/// ends it with, in order: `between April and August 2022` gives April 2022, `from 4 March to 9
/// November 2018` gives 4 March 2018, `between 4 and 9 March 2018` gives 4 March 2018, `on 2 May,
/// 16 May and 30 May 2023` gives 2 May and 16 May 2023.
fn shared_year_starts(text: &str, phrase: &DatedPhrase) -> Vec<(DateValue, usize, usize)> {
    let mut found = Vec::new();
    if phrase.value.precision == Precision::Year {
        return found;
    }
    // The end next to the phrase is joined by a range word (`and`, `to`, a dash); ends before
    // it may be listed with commas (`2 May, 16 May and 30 May 2023`).
    let mut boundary = phrase.start;
    loop {
        let before = match found.last() {
            None => before_range_word(text, boundary),
            Some(_) => before_range_word(text, boundary).or_else(|| before_comma(text, boundary)),
        };
        let Some(end) = before.and_then(|before| date_ending(text, before, phrase)) else {
            break;
        };
        boundary = end.1;
        found.push(end);
    }
    found.reverse();
    found
}

/// The text before `end` without a comma (and the spaces around it) that ends it.
fn before_comma(text: &str, end: usize) -> Option<&str> {
    without_trailing_spaces(&text[..end])
        .strip_suffix(',')
        .map(without_trailing_spaces)
}

/// The end of a range or list that ends `before`, taking its year (and, for a bare day, its
/// month) from `phrase`: `April` or `4 March` (with `phrase`'s year), or `4` (with its month and
/// year when `phrase` has a day).
fn date_ending(
    text: &str,
    before: &str,
    phrase: &DatedPhrase,
) -> Option<(DateValue, usize, usize)> {
    use chrono::Datelike;
    let (year, month) = (phrase.value.date.year(), phrase.value.date.month());
    let end = before.len();
    let month_word = before.strip_suffix('.').unwrap_or(before);
    let (start, date, precision) =
        if let Some(name) = word_before(month_word).filter(|w| is_month_word(w)) {
            let month_start = month_word.len() - name.len();
            let first_month = month_number(name)?;
            match day_start(&text[..month_start]) {
                Some(day_at) => {
                    let day = leading_number(&text[day_at..])?;
                    (
                        day_at,
                        NaiveDate::from_ymd_opt(year, first_month, day)?,
                        Precision::Day,
                    )
                }
                None => (
                    month_start,
                    NaiveDate::from_ymd_opt(year, first_month, 1)?,
                    Precision::Month,
                ),
            }
        } else if phrase.value.precision == Precision::Day {
            let day_at = day_ending(before)?;
            let day = leading_number(&text[day_at..])?;
            (
                day_at,
                NaiveDate::from_ymd_opt(year, month, day)?,
                Precision::Day,
            )
        } else {
            return None;
        };
    let value = DateValue { date, precision };
    Some((value, qualifier_start(text, start), end))
}

/// The number the ASCII digits at the start of `text` make.
fn leading_number(text: &str) -> Option<u32> {
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    text[..digits].parse().ok()
}

/// The most years a range written with a slash spans (`2014/16`).
const SLASH_SPAN: i32 = 10;

/// The year after the slash of a range of years that the bare year `first`, ending at `end`,
/// begins (`in 2014/15`, `during 2014/5`, `since 2019/2020`): written with one, two or four
/// figures, of a later year no more than [`SLASH_SPAN`] on, as its text is written (`15`, year
/// precision).
fn slash_year(text: &str, end: usize, first: i32) -> Option<(DateValue, usize, usize)> {
    let (second, len) = year_after_slash(text.get(end..)?, first)?;
    let start = end + 1;
    let date = NaiveDate::from_ymd_opt(second, 1, 1)?;
    let value = DateValue {
        date,
        precision: Precision::Year,
    };
    Some((value, start, start + len))
}

/// The later year of a range written with a slash after the year `first` that `text` starts
/// with (`/15`, `/5`, `/2020`), and the number of figures it is written with. Not a date in
/// figures or a reference (`2014/15/3`, `2019/0123`).
fn year_after_slash(text: &str, first: i32) -> Option<(i32, usize)> {
    let figures = text.strip_prefix('/')?;
    let len = figures
        .bytes()
        .take(5)
        .take_while(u8::is_ascii_digit)
        .count();
    let after = figures.as_bytes().get(len);
    if after.is_some_and(|&b| is_word_byte(b) || b == b'/') {
        return None;
    }
    let written: i32 = figures.get(..len)?.parse().ok()?;
    let second = match len {
        1 => first - first % 10 + written,
        2 => first - first % 100 + written,
        4 => written,
        _ => return None,
    };
    // `2019/0` is 2020, `2099/00` is 2100: the later year with those last figures.
    let wrap = if len == 1 { 10 } else { 100 };
    let second = if len < 4 && second <= first {
        second + wrap
    } else {
        second
    };
    (1..=SLASH_SPAN)
        .contains(&(second - first))
        .then_some((second, len))
}

/// The words that make a range of two years written with a slash a time with no time word:
/// `the 2014/15 financial year`, `financial year 2019/20`, `the 2021/22 school year`.
const YEAR_KINDS: [&str; 4] = ["financial", "tax", "academic", "school"];

/// Where the date phrase of the year at `year` starts (at the year) when it begins a range of
/// two years in a row written with a slash and named as a kind of year ([`YEAR_KINDS`]) before
/// or after it; with no time word before it, that is what makes it a time.
fn named_year_range(text: &str, year: usize) -> Option<(usize, usize)> {
    let first: i32 = text.get(year..year + 4)?.parse().ok()?;
    let (second, len) = year_after_slash(&text[year + 4..], first)?;
    if second != first + 1 {
        return None;
    }
    let after = text[year + 5 + len..].trim_start_matches(char::is_whitespace);
    let kind_after = YEAR_KINDS.iter().any(|kind| {
        starts_with_ignore_case(after, kind)
            && after[kind.len()..]
                .trim_start_matches(char::is_whitespace)
                .get(..4)
                .is_some_and(|word| word.eq_ignore_ascii_case("year"))
    });
    let before = without_trailing_spaces(&text[..year]);
    let year_word = before.strip_suffix('s').unwrap_or(before);
    let kind_before = (word_before(year_word))
        .filter(|word| word.eq_ignore_ascii_case("year"))
        .and_then(|word| {
            word_before(without_trailing_spaces(
                &year_word[..year_word.len() - word.len()],
            ))
        })
        .is_some_and(|kind| is_one_of(kind, &YEAR_KINDS));
    (kind_after || kind_before).then_some((year, year))
}

/// The bare year that ends a range begun by the bare year that ends at `end` (`between 2017 and
/// 2018`, `from 2017 to 2019`), when no time word already makes it a date.
fn second_year(text: &str, end: usize) -> Option<(DateValue, usize, usize)> {
    let after_word = after_range_word(&text[end..])?;
    let year_text = after_word.trim_start_matches(char::is_whitespace);
    let start = text.len() - year_text.len();
    let digits = year_text
        .bytes()
        .take(5)
        .take_while(u8::is_ascii_digit)
        .count();
    if digits != 4
        || year_text
            .as_bytes()
            .get(4)
            .is_some_and(|&b| is_word_byte(b))
    {
        return None;
    }
    let (value, len) = parse_date_phrase(&year_text[..4])?;
    Some((value, start, start + len))
}

/// Where a day (`13`, `1st`) ending `text`, before whitespace, starts.
fn day_start(text: &str) -> Option<usize> {
    let trimmed = without_trailing_spaces(text);
    if trimmed.len() == text.len() {
        return None;
    }
    day_ending(trimmed)
}

/// Where a day (`13`, `1st`) that ends `text` starts, as a word.
fn day_ending(text: &str) -> Option<usize> {
    let number = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|ordinal| text.strip_suffix(ordinal))
        .unwrap_or(text);
    let digits = number.bytes().rev().take_while(u8::is_ascii_digit).count();
    let start = number.len() - digits;
    ((1..=2).contains(&digits) && starts_word(text, start)).then_some(start)
}

/// The run of ASCII letters that ends `text`, if it starts a word.
fn word_before(text: &str) -> Option<&str> {
    let letters = text
        .bytes()
        .rev()
        .take_while(u8::is_ascii_alphabetic)
        .count();
    let start = text.len() - letters;
    (letters > 0 && starts_word(text, start)).then(|| &text[start..])
}

/// A month name as it is capitalised in a date: `Jan` to `Dec` and lower-case letters after.
fn is_month_word(word: &str) -> bool {
    const ABBREVIATIONS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    // The abbreviations' letters differ, so the first three, compared as arrays, pick the one
    // that may match.
    let Some((first_three, rest)) = word.as_bytes().split_first_chunk::<3>() else {
        return false;
    };
    ABBREVIATIONS
        .iter()
        .any(|abbreviation| abbreviation.as_bytes().first_chunk() == Some(first_three))
        && rest.iter().all(u8::is_ascii_lowercase)
}

/// `text` without the whitespace that ends it (no-break spaces included), as
/// [`str::trim_end_matches`] with [`char::is_whitespace`] gives it, with ASCII whitespace looked
/// at a byte at a time: a date's words are most often parted by one ASCII space.
fn without_trailing_spaces(text: &str) -> &str {
    let ascii = (text.bytes().rev())
        .take_while(|b| matches!(b, b' ' | b'\t'..=b'\r'))
        .count();
    let rest = &text[..text.len() - ascii];
    if rest.as_bytes().last().is_some_and(|b| !b.is_ascii()) {
        rest.trim_end_matches(char::is_whitespace)
    } else {
        rest
    }
}

/// Whether an ASCII word boundary comes before `text[at..]`.
fn starts_word(text: &str, at: usize) -> bool {
    at == 0 || !is_word_byte(text.as_bytes()[at - 1])
}

/// Reads a whole header value such as `22 Aug 2023` as a date.
pub(crate) fn parse_header_date(value: &str) -> Option<NaiveDate> {
    let value = value.trim();
    let (date, len) = read_day_month_year(value)?;
    value[len..].trim().is_empty().then_some(date)
}

/// Every date the summary and the body mention, in order.
pub(crate) fn date_mentions(doc: &Document<'_>) -> Vec<DateMention> {
    let mut mentions = Vec::new();
    let mut found = Vec::new();
    for piece in doc.pieces() {
        found.clear();
        find_dates(piece.text, &mut found);
        mentions.extend(found.iter().map(|&(value, start, end)| DateMention {
            text: piece.text.get(start..end).unwrap_or_default().to_string(),
            value,
            paragraph: piece.paragraph,
            span: piece.span(start, end),
        }));
    }
    mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every date [`find_dates`] finds in `text`.
    fn dates_in(text: &str) -> Vec<(DateValue, usize, usize)> {
        let mut found = Vec::new();
        find_dates(text, &mut found);
        found
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn trims_trailing_spaces_as_trim_end_matches_does() {
        for text in [
            "",
            "x",
            "x ",
            "x \t\n ",
            "x\u{a0}",
            "x \u{a0} \u{2003}",
            "\u{e9}",
            "x\x0b\x0c",
            " ",
        ] {
            let trimmed = text.trim_end_matches(char::is_whitespace);
            assert_eq!(without_trailing_spaces(text), trimmed, "{text:?}");
        }
    }

    #[test]
    fn reads_month_names_and_abbreviations() {
        assert_eq!(month_number("Sept"), Some(9));
        assert_eq!(month_number("MAY"), Some(5));
        assert_eq!(month_number("march"), Some(3));
        assert_eq!(month_number("Decembers"), None);
        assert_eq!(month_number("Ju"), None);
        assert_eq!(month_number("Mayor"), None);
        assert_eq!(month_number(""), None);
    }

    #[test]
    fn matches_words_in_any_ascii_case() {
        assert!(is_one_of("Since", &PREPOSITIONS));
        assert!(is_one_of("THROUGHOUT", &PREPOSITIONS));
        assert!(!is_one_of("within", &PREPOSITIONS));
        assert!(!is_one_of("", &SEASONS));
        assert!(!is_one_of("springs", &SEASONS));
    }

    #[test]
    fn reads_header_dates() {
        assert_eq!(parse_header_date("22 Aug 2023"), Some(ymd(2023, 8, 22)));
        assert_eq!(parse_header_date("01 Apr 2021"), Some(ymd(2021, 4, 1)));
        assert_eq!(parse_header_date("1 September 2021"), Some(ymd(2021, 9, 1)));
        assert_eq!(parse_header_date("5 Sept 2023"), Some(ymd(2023, 9, 5)));
        assert_eq!(
            parse_header_date("22\u{a0}Aug\u{a0}2023"),
            Some(ymd(2023, 8, 22))
        );
    }

    /// Year, month, day, precision and bytes read.
    type Read = (i32, u32, u32, Precision, usize);

    #[test]
    fn reads_date_phrases() {
        let cases: &[(&str, Option<Read>)] = &[
            ("13 September 2021", Some((2021, 9, 13, Precision::Day, 17))),
            ("1st April 2022.", Some((2022, 4, 1, Precision::Day, 14))),
            (
                "November 2023 we",
                Some((2023, 11, 1, Precision::Month, 13)),
            ),
            ("Sept. 2020", Some((2020, 9, 1, Precision::Month, 10))),
            ("2019,", Some((2019, 1, 1, Precision::Year, 4))),
            ("31 February 2021", None),
            ("29 February 2023", None),
            ("1974A", None),
            ("20190", None),
            ("Mayor 2019", None),
            (
                "1st\u{a0}May\u{a0}2020",
                Some((2020, 5, 1, Precision::Day, 14)),
            ),
            ("03/7/1999)", Some((1999, 7, 3, Precision::Day, 9))),
            ("12/01/20235", None),
            ("0 May 2020", None),
            ("13May 2020", None),
            ("13 May2020", None),
            ("123 May 2020", None),
            ("1899", None),
            ("2019\u{e9}", None),
            ("Decem. 2021", Some((2021, 12, 1, Precision::Month, 11))),
        ];
        for (text, expected) in cases {
            let got = parse_date_phrase(text).map(|(v, len)| {
                use chrono::Datelike;
                (
                    v.date.year(),
                    v.date.month(),
                    v.date.day(),
                    v.precision,
                    len,
                )
            });
            assert_eq!(got, *expected, "{text}");
        }
    }

    /// What [`parse_date_phrase`] must read: what the first of its grammars to read the text
    /// reads, each tried in turn.
    fn first_grammar_reading(text: &str) -> Option<(DateValue, usize)> {
        let with = |precision: Precision| move |(date, len)| (DateValue { date, precision }, len);
        let (value, len) = read_numeric_date(text)
            .map(with(Precision::Day))
            .or_else(|| read_day_month_year(text).map(with(Precision::Day)))
            .or_else(|| read_month_year(text).map(with(Precision::Month)))
            .or_else(|| read_year_only(text).map(with(Precision::Year)))?;
        (!text[len..].starts_with(|c: char| c.is_alphanumeric())).then_some((value, len))
    }

    proptest::proptest! {
        #[test]
        fn chooses_the_grammar_that_reads_the_text(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "1", "13", "123", "2019", "1999", "20190", "1st", "3rd", "/", "12/", "May", "Sept",
                ".", " ", "\u{a0}", "x", "\u{e9}",
            ]),
            0..8,
        )) {
            let text = words.concat();
            proptest::prop_assert_eq!(parse_date_phrase(&text), first_grammar_reading(&text));
        }
    }

    #[test]
    fn finds_dates_but_not_act_years() {
        let text = "In 2019, under the Local Government Act 1974, section 26, on 31 February 2021 \
                    and at the start of April 2024 and on 13 September 2021.";
        let found: Vec<_> = dates_in(text)
            .iter()
            .map(|(v, s, e)| (&text[*s..*e], v.precision))
            .collect();
        assert_eq!(
            found,
            [
                ("2019", Precision::Year),
                ("the start of April 2024", Precision::Month),
                ("13 September 2021", Precision::Day)
            ]
        );
    }

    /// The date candidates as one regex reads them: the specification `dated_phrases` scans for
    /// by hand, year first.
    fn dated_phrases_by_regex(text: &str) -> Vec<(DateValue, usize, usize)> {
        let candidates = regex::Regex::new(
            r"(?x)
              (?P<n>(?-u:\b)[0-9]{1,2}/[0-9]{1,2}/[0-9]{4}(?-u:\b))
              | (?P<q>(?:(?i-u:(?-u:\b)the)\s+)?(?i-u:(?-u:\b)(?:end|start|beginning|middle|much|most|part|all|whole|rest|remainder|spring|summer|autumn|winter))\s+(?i-u:of)\s+|(?i-u:(?-u:\b)(?:early|mid|late|spring|summer|autumn|winter))\s+|(?i-u:(?-u:\b)mid-))?
              (?:
                (?P<m>(?-u:\b)(?:[0-9]{1,2}(?:st|nd|rd|th)?\s+)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+[0-9]{4}(?-u:\b))
                | (?P<y>[0-9]{4})(?-u:\b)
              )
              | (?-u:\b)(?i-u:(?:in|since|until|during|before|after|by|from|between|throughout)(?:\s+at\s+least)?
                  |back\s+to|back\s+as|as\s+early\s+as|as\s+late\s+as|as\s+recently\s+as|as\s+long\s+ago\s+as|as\s+of)
                \s+(?P<p>[0-9]{4})(?-u:\b)",
        )
        .unwrap();
        candidates
            .captures_iter(text)
            .filter_map(|caps| {
                let qualifier = caps.name("q");
                let phrase = caps
                    .name("n")
                    .or(caps.name("m"))
                    .or(caps.name("p"))
                    .or(caps.name("y").filter(|_| qualifier.is_some()))?;
                let start = qualifier.map_or(phrase.start(), |q| q.start());
                let (value, len) = parse_date_phrase(&text[phrase.start()..])?;
                Some((value, start, phrase.start() + len))
            })
            .collect()
    }

    proptest::proptest! {
        #[test]
        fn finds_what_the_candidate_regex_reads(words in proptest::collection::vec(
            proptest::sample::select(vec![
                "13", "1st", "113", "x1", "2nd", "May", "Mayor", "Sept.", "Sept", "JUNE", "Junk",
                "in", "IN", "within", "Mid", "since", "Act", "2019", "2020", "20190", "2019a",
                "2019_", "1899", "3019", "12019", " ", "  ", "\u{a0}", "\n", ".", ",", "(", "\u{e9}", "x",
                "early", "mid-", "the", "end", "of", "between", "\u{a0}early\u{a0}",
                "summer", "Autumn", "12/01/", "1/1/", "/", "13/13/", "much", "Most", "whole",
                "part", "back", "to", "as", "At", "least", "dating",
            ]),
            0..12,
        )) {
            let text = words.concat();
            let found: Vec<_> = dated_phrases(&text).map(|phrase| phrase.date()).collect();
            proptest::prop_assert_eq!(found, dated_phrases_by_regex(&text));
        }
    }

    #[test]
    fn reads_ranges_and_qualified_dates() {
        let text = "Between April and August 2022, from 4 March to 9 November 2018, between 4 and 9 \
                    May 2019 and between 2017 and 2018; in early 2020, mid-2022, by the end of 2021, \
                    late June 2019 and the end of March 2021, but not the 2019 assessment, in March, \
                    the Care Act 2014 or 2015 and 2016; on 2 May, 16 May and 30 May 2023; in \
                    March, the Council wrote in June 2020.";
        let found: Vec<_> = dates_in(text)
            .iter()
            .map(|(v, s, e)| (&text[*s..*e], v.date.to_string(), v.precision))
            .collect();
        use Precision::*;
        let expected = [
            ("April", "2022-04-01", Month),
            ("August 2022", "2022-08-01", Month),
            ("4 March", "2018-03-04", Day),
            ("9 November 2018", "2018-11-09", Day),
            ("4", "2019-05-04", Day),
            ("9 May 2019", "2019-05-09", Day),
            ("2017", "2017-01-01", Year),
            ("2018", "2018-01-01", Year),
            ("early 2020", "2020-01-01", Year),
            ("mid-2022", "2022-01-01", Year),
            ("the end of 2021", "2021-01-01", Year),
            ("late June 2019", "2019-06-01", Month),
            ("the end of March 2021", "2021-03-01", Month),
            ("2 May", "2023-05-02", Day),
            ("16 May", "2023-05-16", Day),
            ("30 May 2023", "2023-05-30", Day),
            ("June 2020", "2020-06-01", Month),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(t, d, p)| (*t, d.to_string(), *p))
            .collect();
        assert_eq!(found, expected);
    }

    /// (text, date, precision) of every date found in `text`.
    fn read_in(text: &str) -> Vec<(&str, String, Precision)> {
        dates_in(text)
            .iter()
            .map(|(v, s, e)| (&text[*s..*e], v.date.to_string(), v.precision))
            .collect()
    }

    fn years(list: &[(&'static str, i32)]) -> Vec<(&'static str, String, Precision)> {
        list.iter()
            .map(|(t, y)| (*t, format!("{y}-01-01"), Precision::Year))
            .collect()
    }

    #[test]
    fn reads_both_years_of_a_range_written_with_a_slash() {
        // After a time word: both years, the second as written.
        let text = "The arrears built up in 2016/17, during 2014/5 and since 2019/2020; the \
                    charges from 2009/10 and in 2019/0 too; between 2011/12 and 2012/13.";
        assert_eq!(
            read_in(text),
            years(&[
                ("2016", 2016),
                ("17", 2017),
                ("2014", 2014),
                ("5", 2015),
                ("2019", 2019),
                ("2020", 2020),
                ("2009", 2009),
                ("10", 2010),
                ("2019", 2019),
                ("0", 2020),
                ("2011", 2011),
                ("12", 2012),
                ("2012", 2012),
                ("13", 2013),
            ])
        );
        // A kind of year makes two years in a row a time with no time word.
        let text = "The 2021/22 financial year closed. For the financial year 2022/23 and tax \
                    years 2023/24 the Council wrote. The 2018/19 school year began.";
        assert_eq!(
            read_in(text),
            years(&[
                ("2021", 2021),
                ("22", 2022),
                ("2022", 2022),
                ("23", 2023),
                ("2023", 2023),
                ("24", 2024),
                ("2018", 2018),
                ("19", 2019),
            ])
        );
        // Not an earlier or far year, a date in figures, a reference, or a range with no time
        // word or kind of year: the first year alone after a time word, else nothing.
        let text = "It began in 2016/15, in 2014/2030, in 2014/15/3 and in 2019/0123; the \
                    charge for 2022/23, the 2020/21 budget and the 2018/20 financial year.";
        assert_eq!(
            read_in(text),
            years(&[
                ("2016", 2016),
                ("2014", 2014),
                ("2014", 2014),
                ("2019", 2019)
            ])
        );
    }

    #[test]
    fn reads_parts_of_a_year_as_qualified_years() {
        let text = "For much of 2023 and most of 2022 the roof leaked; throughout the whole of \
                    2021, all of 2020, part of 2019, the rest of 2018 and the remainder of 2017 \
                    too. Much of March 2016 was wet.";
        let mut expected = years(&[
            ("much of 2023", 2023),
            ("most of 2022", 2022),
            ("the whole of 2021", 2021),
            ("all of 2020", 2020),
            ("part of 2019", 2019),
            ("the rest of 2018", 2018),
            ("the remainder of 2017", 2017),
        ]);
        expected.push((
            "Much of March 2016",
            "2016-03-01".to_string(),
            Precision::Month,
        ));
        assert_eq!(read_in(text), expected);
        // `of` after another word is no qualifier: a label, not a time.
        assert!(read_in("The report of 2019 and the cost of 2020 prices.").is_empty());
    }

    #[test]
    fn reads_years_after_time_phrases() {
        let text = "Repairs dating back to 2015, going back to 2014, as far back as 2012, as \
                    early as 2016, as recently as 2021, as long ago as 2010, as of 2020, since \
                    at least 2019 and until at least\u{a0}2024.";
        assert_eq!(
            read_in(text),
            years(&[
                ("2015", 2015),
                ("2014", 2014),
                ("2012", 2012),
                ("2016", 2016),
                ("2021", 2021),
                ("2010", 2010),
                ("2020", 2020),
                ("2019", 2019),
                ("2024", 2024),
            ])
        );
        // `at least` after no time word, and `as` or `to` alone, are not time phrases.
        assert!(
            read_in("It has at least 2019 pages, as 2018 showed, up to 2017 cases.").is_empty()
        );
        assert!(read_in("The Housing Act 2004 as amended.").is_empty());
    }

    #[test]
    fn reads_dates_in_figures_day_first() {
        let text = "From 12/01/2023 to 3/7/2023, not 13/13/2023, v1/2/2023 or 2022/23.";
        let found: Vec<_> = dates_in(text)
            .iter()
            .map(|(v, s, e)| (&text[*s..*e], v.date.to_string(), v.precision))
            .collect();
        assert_eq!(
            found,
            [
                ("12/01/2023", "2023-01-12".to_string(), Precision::Day),
                ("3/7/2023", "2023-07-03".to_string(), Precision::Day),
            ]
        );
    }

    #[test]
    fn reads_seasons_as_qualified_years() {
        let text = "It happened in summer 2021, in the autumn of 2022 and in early spring 2023, \
                    but not in the summer.";
        let found: Vec<_> = dates_in(text)
            .iter()
            .map(|(v, s, e)| (&text[*s..*e], v.date.to_string(), v.precision))
            .collect();
        let expected = [
            ("summer 2021", "2021-01-01"),
            ("the autumn of 2022", "2022-01-01"),
            ("spring 2023", "2023-01-01"),
        ];
        let expected: Vec<_> = expected
            .iter()
            .map(|(t, d)| (*t, d.to_string(), Precision::Year))
            .collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn rejects_impossible_or_partial_dates() {
        assert_eq!(parse_header_date("31 February 2021"), None);
        assert_eq!(parse_header_date("22 Agu 2023"), None);
        assert_eq!(parse_header_date("22 Aug"), None);
        assert_eq!(parse_header_date("22 Aug 2023 extra"), None);
        assert_eq!(parse_header_date(""), None);
    }
}
