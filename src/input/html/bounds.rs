//! The bounds a web page is read within, told before its tree is built: one pass over its tags,
//! linear in its length, following the open elements as a tree builder does, so that a page
//! built to stall the tree builder (elements left open or nested by the thousand, an element of
//! a million attributes) is refused in microseconds as [`crate::ErrorKind::PageTooComplex`].

use std::collections::HashMap;

use crate::error::ParseError;

/// The most elements open at once (nested, or left unclosed) a page may have. A statement's page
/// has a few dozen at most; the tree builder's work for each tag grows with the number open.
pub(crate) const MAX_OPEN: usize = 1_000;

/// The most attributes one element may have (a statement's page has a handful; the tree builder
/// checks each against the others).
pub(crate) const MAX_ATTRIBUTES: usize = 1_000;

/// The most elements and comments a page may have in all (a statement's page has a few hundred
/// to a few thousand), which bounds the memory of its tree.
pub(crate) const MAX_ELEMENTS: usize = 200_000;

/// The most work building a page's tree may take, counted as the tree builder's steps are:
/// for each tag, the elements open (which it searches) and the formatting elements it may have
/// to reopen, and for each element the square of its attributes. A statement's page takes a few
/// thousand; this budget keeps any page's tree to a fraction of a second.
pub(crate) const MAX_WORK: u64 = 20_000_000;

/// Elements that have no end tag and are never open.
const VOID: &[&str] = &[
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image", "img",
    "input", "keygen", "link", "meta", "param", "source", "track", "wbr",
];

/// Elements whose content is text up to their end tag, not markup.
const RAW_TEXT: &[&str] = &[
    "iframe", "noembed", "noframes", "noscript", "script", "style", "textarea", "title", "xmp",
];

/// The formatting elements a tree builder reopens while they are left open.
const FORMATTING: &[&str] = &[
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Elements that put a marker in the list of formatting elements to reopen: those opened
/// before it are not reopened inside it.
const MARKERS: &[&str] = &[
    "applet", "caption", "marquee", "object", "td", "template", "th",
];

/// Elements whose start closes an open `p`.
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "li",
    "listing",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
    "xmp",
];

/// Elements that end the scope in which an open `p`, `li`, `dd` or `dt` is closed by a start
/// tag (`<li>` inside a table cell does not close the `li` around the table).
const SCOPE: &[&str] = &[
    "applet", "button", "caption", "html", "marquee", "object", "table", "td", "template", "th",
];

/// A tag name lower-cased into a fixed key (longer names are cut: only the names above matter).
type Name = [u8; 12];

fn name_key(name: &[u8]) -> Name {
    let mut key = [0u8; 12];
    for (k, b) in key.iter_mut().zip(name) {
        *k = b.to_ascii_lowercase();
    }
    key
}

/// What a tag name is to [`OpenElements`], as bits.
const IS_VOID: u8 = 1;
const IS_RAW_TEXT: u8 = 2;
const IS_FORMATTING: u8 = 4;
const CLOSES_A_P: u8 = 8;
const IS_SCOPE: u8 = 16;
const IS_MARKER: u8 = 32;

/// The bits of `key`: looked up in a table made once, so that each tag costs one lookup.
fn kind_of(key: &Name) -> u8 {
    static KINDS: std::sync::LazyLock<HashMap<Name, u8>> = std::sync::LazyLock::new(|| {
        let mut kinds: HashMap<Name, u8> = HashMap::new();
        for (names, bit) in [
            (VOID, IS_VOID),
            (RAW_TEXT, IS_RAW_TEXT),
            (FORMATTING, IS_FORMATTING),
            (CLOSES_P, CLOSES_A_P),
            (SCOPE, IS_SCOPE),
            (MARKERS, IS_MARKER),
        ] {
            for name in names {
                *kinds.entry(name_key(name.as_bytes())).or_default() |= bit;
            }
        }
        kinds
    });
    KINDS.get(key).copied().unwrap_or(0)
}

/// The elements a start tag closes (the outermost open of them) when open inside the innermost
/// open of the containers.
type Closing = (&'static [&'static [u8]], &'static [&'static [u8]]);

/// The open elements of a page as a tree builder keeps them, roughly: start tags open elements
/// (void ones none), an end tag closes back to its element when it is open, and the starts that
/// close an open `p`, `li`, `dd` or `dt` in their scope do so, as HTML's rules say.
#[derive(Default)]
struct OpenElements {
    stack: Vec<Name>,
    /// Where each name stands in `stack`, innermost last.
    at: HashMap<Name, Vec<usize>>,
    /// Where the elements that end a scope stand in `stack`.
    scopes: Vec<usize>,
    /// The formatting elements a tree builder would reopen, by name and attributes (`None` for a
    /// marker), as HTML's list of active formatting elements: opened and not yet closed by
    /// their own end tag, at most three alike since the last marker.
    formatting: Vec<Option<Active>>,
}

/// An entry of the list of active formatting elements.
#[derive(Clone, Copy)]
struct Active {
    name: Name,
    /// The hash of its attributes as written.
    attributes: u64,
    /// Whether it is among the open elements (else the next text or tag reopens it).
    open: bool,
}

impl OpenElements {
    fn push(&mut self, key: Name, kind: u8) {
        if kind & IS_SCOPE != 0 {
            self.scopes.push(self.stack.len());
        }
        self.at.entry(key).or_default().push(self.stack.len());
        self.stack.push(key);
    }

    fn pop(&mut self) {
        if let Some(key) = self.stack.pop() {
            let index = self.stack.len();
            if let Some(at) = self.at.get_mut(&key) {
                at.pop();
            }
            if self.scopes.last() == Some(&index) {
                self.scopes.pop();
            }
            if kind_of(&key) & IS_FORMATTING != 0
                && let Some(active) = self
                    .formatting
                    .iter_mut()
                    .rev()
                    .flatten()
                    .find(|active| active.open && active.name == key)
            {
                // Closed by another element's end: still active, to be reopened.
                active.open = false;
            }
            if kind_of(&key) & IS_MARKER != 0 {
                // Closing a cell (or the like) clears the list back to its marker.
                while let Some(entry) = self.formatting.pop() {
                    if entry.is_none() {
                        break;
                    }
                }
            }
        }
    }

    /// Where the innermost open `key` stands, if one is open.
    fn innermost(&self, key: &Name) -> Option<usize> {
        self.at.get(key).and_then(|at| at.last().copied())
    }

    /// Closes the innermost open `key` and everything inside it, if it is open inside the
    /// innermost scope (anywhere, when `scoped` is false).
    fn close(&mut self, key: &Name, scoped: bool) {
        let Some(index) = self.innermost(key) else {
            return;
        };
        if scoped && self.scopes.last().is_some_and(|&scope| scope > index) {
            return;
        }
        while self.stack.len() > index {
            self.pop();
        }
    }

    /// Opens an element named `key` with attributes that hash to `attributes`, closing what its
    /// start tag closes first. Returns the work that took beyond a step per element open.
    fn start(&mut self, key: Name, kind: u8, attributes: u64) -> u64 {
        if kind & CLOSES_A_P != 0 {
            self.close(&name_key(b"p"), true);
        }
        let names = |names: &[&[u8]]| names.iter().map(|n| name_key(n)).collect::<Vec<Name>>();
        let closes: &[Closing] = match &key[..] {
            // An `li` closes the open `li` of its own list, a `dd` or `dt` the open one of its
            // list, a cell the open cell of its row, a row the open row of its table.
            [b'l', b'i', 0, ..] => &[(&[b"li"], &[b"ol", b"ul"])],
            [b'd', b'd' | b't', 0, ..] => &[(&[b"dd", b"dt"], &[b"dl"])],
            [b't', b'd' | b'h', 0, ..] => &[(&[b"td", b"th"], &[b"tr", b"table"])],
            [b't', b'r', 0, ..] => &[(&[b"td", b"th", b"tr"], &[b"table"])],
            [b't', b'b' | b'h' | b'f', b'o', ..] => &[(
                &[b"td", b"th", b"tr", b"tbody", b"thead", b"tfoot"],
                &[b"table"],
            )],
            [b'o', b'p', b't', b'i', b'o', b'n', 0, ..] => &[(&[b"option"], &[b"select"])],
            _ => &[],
        };
        for (closed, within) in closes {
            let container = names(within).iter().filter_map(|n| self.innermost(n)).max();
            // The outermost of them inside the container (a row closes its open cell too).
            let outermost = names(closed)
                .iter()
                .filter_map(|n| self.innermost(n))
                .filter(|&index| container.is_none_or(|container| container < index))
                .min();
            if let Some(index) = outermost {
                while self.stack.len() > index {
                    self.pop();
                }
            }
        }
        let mut work = 0;
        if kind & IS_FORMATTING != 0 {
            // At most three alike since the last marker: the earliest goes.
            let since_marker = self
                .formatting
                .iter()
                .rposition(Option::is_none)
                .map_or(0, |marker| marker + 1);
            work += (self.formatting.len() - since_marker) as u64;
            let alike: Vec<usize> = (since_marker..self.formatting.len())
                .filter(|&i| {
                    self.formatting[i].is_some_and(|a| a.name == key && a.attributes == attributes)
                })
                .collect();
            if alike.len() >= 3 {
                self.formatting.remove(alike[0]);
            }
            self.formatting.push(Some(Active {
                name: key,
                attributes,
                open: true,
            }));
        }
        if kind & IS_MARKER != 0 {
            self.formatting.push(None);
        }
        self.push(key, kind);
        work
    }

    /// Reopens the active formatting elements that are not open (after the last that is, and
    /// the last marker), as a tree builder does before text and most start tags: each is a new
    /// element. Returns how many.
    fn reopen(&mut self) -> usize {
        let from = self
            .formatting
            .iter()
            .rposition(|entry| entry.is_none_or(|active| active.open))
            .map_or(0, |last| last + 1);
        for i in from..self.formatting.len() {
            if let Some(active) = &mut self.formatting[i] {
                active.open = true;
                let key = active.name;
                self.push(key, kind_of(&key));
            }
        }
        self.formatting.len() - from
    }

    /// Closes the element an end tag `key` names, if it is open (and takes a formatting
    /// element off the list to reopen). Returns the work that took beyond a step per element
    /// open.
    fn end(&mut self, key: &Name) -> u64 {
        let mut work = 0;
        if kind_of(key) & IS_FORMATTING != 0 {
            work += self.formatting.len() as u64;
            let last = self
                .formatting
                .iter()
                .rposition(|entry| entry.is_none_or(|active| active.name == *key));
            if let Some(at) = last
                && self.formatting[at].is_some()
            {
                self.formatting.remove(at);
            }
        }
        if self.innermost(key).is_some() {
            self.close(key, false);
        }
        work
    }
}

/// Whether `page` is within the bounds a web page is read within ([`MAX_OPEN`],
/// [`MAX_ATTRIBUTES`], [`MAX_ELEMENTS`], [`MAX_WORK`]), told by one pass over its tags in time
/// linear in its length, before any tree is built: a page past them is a
/// [`crate::ErrorKind::PageTooComplex`] error at the byte where it passed one.
pub(crate) fn within_bounds(page: &str) -> Result<(), ParseError> {
    let bytes = page.as_bytes();
    let mut open = OpenElements::default();
    let (mut elements, mut work) = (0usize, 0u64);
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'<', &bytes[at..]) {
        let tag = at + found;
        if found > 0 {
            // Text: the formatting elements left open around it are reopened.
            elements += open.reopen();
        }
        let rest = &bytes[tag + 1..];
        at = tag + 1;
        match rest.first() {
            Some(b'!') => {
                // A comment, a doctype or a CDATA section.
                let end = if rest.starts_with(b"!--") {
                    memchr::memmem::find(&rest[3..], b"-->").map(|e| e + 3 + 3)
                } else {
                    memchr::memchr(b'>', rest).map(|e| e + 1)
                };
                at += end.unwrap_or(rest.len());
                elements += 1;
            }
            Some(b'?') => at += memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1),
            Some(b'/') if rest.get(1).is_some_and(u8::is_ascii_alphabetic) => {
                let name_end = tag_name_end(rest, 1);
                let key = name_key(&rest[1..name_end]);
                at += memchr::memchr(b'>', rest).map_or(rest.len(), |e| e + 1);
                work += open.stack.len() as u64 + open.end(&key);
            }
            Some(c) if c.is_ascii_alphabetic() => {
                let name_end = tag_name_end(rest, 0);
                let key = name_key(&rest[..name_end]);
                let (attributes, length) = attributes(&rest[name_end..]);
                let written = &rest[name_end..name_end + length];
                at += name_end + length;
                let kind = kind_of(&key);
                elements += 1;
                if kind & CLOSES_A_P == 0 {
                    elements += open.reopen();
                }
                if attributes > MAX_ATTRIBUTES {
                    return Err(ParseError::page_too_complex(
                        "more than 1000 attributes on one element",
                        tag,
                    ));
                }
                if elements > MAX_ELEMENTS {
                    return Err(ParseError::page_too_complex(
                        "more than 200000 elements",
                        tag,
                    ));
                }
                work += (open.stack.len() + open.formatting.len()) as u64
                    + (attributes * attributes) as u64;
                if work > MAX_WORK {
                    return Err(ParseError::page_too_complex(
                        "more work to build its tree than 20000000 steps (elements nested or left open on a large scale)",
                        tag,
                    ));
                }
                if kind & IS_VOID != 0 {
                    continue;
                }
                if kind & IS_RAW_TEXT != 0 {
                    // Text up to the end tag, which closes it.
                    let name = &rest[..name_end];
                    at += raw_text_end(&bytes[at..], name);
                    continue;
                }
                if key == name_key(b"plaintext") {
                    return Ok(());
                }
                work += open.start(key, kind, hash(written));
                if open.stack.len() > MAX_OPEN || open.formatting.len() > MAX_OPEN {
                    return Err(ParseError::page_too_complex(
                        "more than 1000 elements open at once (nested, or left unclosed)",
                        tag,
                    ));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// A hash of a start tag's attributes as written, telling formatting elements alike.
fn hash(attributes: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    attributes.hash(&mut hasher);
    hasher.finish()
}

/// Where the tag name starting at `from` in `rest` ends.
fn tag_name_end(rest: &[u8], from: usize) -> usize {
    rest[from..]
        .iter()
        .position(|&b| b.is_ascii_whitespace() || b == b'/' || b == b'>')
        .map_or(rest.len(), |end| from + end)
}

/// How many attributes a start tag has after its name, and how many bytes it goes on for
/// (through its `>`). Quoted values may hold `>`.
fn attributes(tag: &[u8]) -> (usize, usize) {
    let mut count = 0;
    let mut i = 0;
    loop {
        while tag
            .get(i)
            .is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
        {
            i += 1;
        }
        match tag.get(i) {
            None => return (count, i),
            Some(b'>') => return (count, i + 1),
            Some(_) => {}
        }
        count += 1;
        // The name (a first `=` belongs to it).
        i += 1;
        while tag
            .get(i)
            .is_some_and(|b| !b.is_ascii_whitespace() && !matches!(b, b'/' | b'>' | b'='))
        {
            i += 1;
        }
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        if tag.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while tag.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        match tag.get(i) {
            Some(&quote @ (b'"' | b'\'')) => {
                i += 1;
                i += memchr::memchr(quote, &tag[i..]).map_or(tag.len() - i, |end| end + 1);
            }
            _ => {
                while tag
                    .get(i)
                    .is_some_and(|b| !b.is_ascii_whitespace() && *b != b'>')
                {
                    i += 1;
                }
            }
        }
    }
}

/// How far the raw text of an element named `name` goes in `text`: through its end tag
/// (`</script`, any case), or to the end.
fn raw_text_end(text: &[u8], name: &[u8]) -> usize {
    let mut at = 0;
    while let Some(found) = memchr::memmem::find(&text[at..], b"</") {
        let start = at + found + 2;
        let candidate = text.get(start..start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name))
            && text
                .get(start + name.len())
                .is_none_or(|b| b.is_ascii_whitespace() || matches!(b, b'/' | b'>'))
        {
            return start + name.len();
        }
        at = start;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(page: &str) -> Option<String> {
        within_bounds(page).err().map(|e| e.to_string())
    }

    #[test]
    fn pages_past_the_bounds_are_refused_and_sloppy_ones_read() {
        let nested = |n: usize| format!("<html><body>{}x", "<div>".repeat(n));
        assert_eq!(refused(&nested(MAX_OPEN - 10)), None);
        let past = refused(&nested(MAX_OPEN + 1)).unwrap();
        assert!(
            past.contains("more than 1000 elements open at once"),
            "{past}"
        );
        let attributes = |n: usize| {
            let list: Vec<String> = (0..n).map(|i| format!("a{i}='>'")).collect();
            format!("<p {}>x</p>", list.join(" "))
        };
        assert_eq!(refused(&attributes(MAX_ATTRIBUTES)), None);
        assert!(
            refused(&attributes(MAX_ATTRIBUTES + 1))
                .unwrap()
                .contains("attributes")
        );
        let many = "<p>x</p>".repeat(MAX_ELEMENTS + 1);
        assert!(refused(&many).unwrap().contains("200000 elements"));
        // The messages name the bounds as the constants set them.
        assert_eq!(
            (MAX_OPEN, MAX_ATTRIBUTES, MAX_ELEMENTS, MAX_WORK),
            (1_000, 1_000, 200_000, 20_000_000)
        );
        // Formatting elements left open are reopened at each paragraph: each is an element.
        let reopened = format!(
            "<div>{}</div>{}",
            (0..100)
                .map(|i| format!("<font size={i}>"))
                .collect::<String>(),
            "<p>x</p>".repeat(3000)
        );
        assert!(refused(&reopened).is_some());
        // What sloppy pages do, many times over, is read: paragraphs and items left unclosed,
        // misnested emphasis, a bold left open across paragraphs (three alike are reopened at
        // most), markup inside scripts and comments, `>` inside quoted values.
        for sloppy in [
            "<p>x".repeat(20_000),
            "<ul><li>x".to_owned() + &"<li>x".repeat(20_000),
            "<dl>".to_owned() + &"<dt>a<dd>b".repeat(10_000),
            "<b><i>x</b></i>".repeat(20_000),
            "<p><b>x</p>".repeat(20_000),
            "<table>".to_owned() + &"<tr><td>x<td>y".repeat(10_000) + "</table>",
            format!(
                "<script>{}</script><!-- {} -->",
                "<div>".repeat(5_000),
                "<div>".repeat(5_000)
            ),
            "<a title='<div>' href=#>x</a>".repeat(5_000),
        ] {
            assert_eq!(refused(&sloppy), None, "{}", &sloppy[..60]);
        }
    }
}
