//! Web pages: the statement's page read with a real HTML parser (scraper, on html5ever) and
//! written out as the text the website shows, in the numbered layout: headings and other blocks
//! on lines of their own, `ol` items numbered on through the page (as the site's CSS counters
//! number them), items of nested lists indented under them, inline elements (links, emphasis,
//! bold) joined into their sentence. The page's chrome is left out: `head`, scripts, navigation,
//! site header and footer, forms, hidden elements, elements whose role, class or label marks
//! them as navigation, a cookie or consent banner, breadcrumbs or a skip link, and blocks of
//! nothing but links within the page (`Back to top`, a contents list).
//!
//! ```text
//! <h2>Agreed action</h2>                      Agreed action
//! <ol><li>The Council will:             →
//!   <ul><li>pay <b>£300</b>.</li></ul>          1. The Council will:
//! </li></ol>                                      • pay £300.
//! ```

use scraper::{ElementRef, Html, Node};

use super::numbered::Numbered;
use crate::words::starts_with_ignore_case;

/// Elements nested deeper than this are read as plain text, so a page of a million nested
/// elements cannot exhaust the stack.
const MAX_DEPTH: usize = 200;

/// Whether `text` opens as an HTML document (`<!DOCTYPE html`, `<html`, or an XML declaration
/// followed by `<html`), after any byte-order mark, whitespace and comments.
pub(crate) fn looks_like_html(text: &str) -> bool {
    let mut head = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if starts_with_ignore_case(head, "<?xml") {
        head = head
            .find("?>")
            .map_or("", |end| &head[end + 2..])
            .trim_start();
    }
    while head.starts_with("<!--") {
        head = head
            .find("-->")
            .map_or("", |end| &head[end + 3..])
            .trim_start();
    }
    starts_with_ignore_case(head, "<!doctype html") || starts_with_ignore_case(head, "<html")
}

/// Writes the statement text of `page` to `out`.
pub(crate) fn read(page: &str, out: &mut Numbered) {
    let document = Html::parse_document(page);
    let mut walk = Walk {
        out,
        inline: String::new(),
        item: None,
        lists: Vec::new(),
        items_open: 0,
        in_page_links: 0,
        text_outside_links: false,
        main_section: None,
    };
    walk.element(document.root_element(), 0);
    walk.flush();
}

/// The state of one walk through the page.
struct Walk<'o> {
    out: &'o mut Numbered,
    /// The text of the block being gathered.
    inline: String,
    /// The list item whose first text is still to be written: its depth and whether it is
    /// numbered.
    item: Option<(usize, bool)>,
    /// The lists around the current element, outermost first: whether each is numbered.
    lists: Vec<bool>,
    /// How many list items the current element is inside.
    items_open: usize,
    /// How many links to a place on the same page (`href="#top"`) the current element is inside.
    in_page_links: usize,
    /// Whether the block being gathered has text outside such links: a block of nothing but
    /// them (`Back to top`, `Return to top`, a contents list's entries) is navigation.
    text_outside_links: bool,
    /// Once a main section (`h2`) has begun: whether text has been written in it since.
    main_section: Option<bool>,
}

/// Elements that start and end a block of text.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "caption",
    "center",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "html",
    "legend",
    "main",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
];

/// Elements that are never part of the statement.
const CHROME_ELEMENTS: &[&str] = &[
    "aside", "button", "canvas", "dialog", "footer", "form", "head", "iframe", "input", "menu",
    "nav", "noscript", "object", "script", "select", "style", "svg", "template", "textarea",
];

/// Roles of page furniture.
const CHROME_ROLES: &[&str] = &[
    "alertdialog",
    "banner",
    "complementary",
    "contentinfo",
    "dialog",
    "menu",
    "menubar",
    "navigation",
    "search",
];

/// Words in a class or an accessible name (`aria-label`) that mark page furniture. Ids are not
/// read: they are often slugs of the content (`id="childrens-social-care"`).
const CHROME_NAMES: &[&str] = &[
    "back-to-top",
    "backtotop",
    "breadcrumb",
    "consent",
    "cookie",
    "gdpr",
    "menu",
    "screen-reader",
    "share-",
    "sidebar",
    "site-footer",
    "site-header",
    "skip-link",
    "skiplink",
    "social-",
    "sr-only",
    "to-top",
    "visually-hidden",
    "visuallyhidden",
];

/// Whether `element` is page furniture rather than part of the statement. A `header` is kept
/// when it holds the page's `h1` (an article's own header).
fn is_chrome(element: ElementRef<'_>) -> bool {
    let value = element.value();
    let name = value.name();
    if CHROME_ELEMENTS.contains(&name) {
        return true;
    }
    if name == "header"
        && !element
            .descendants()
            .filter_map(ElementRef::wrap)
            .any(|e| e.value().name() == "h1")
    {
        return true;
    }
    if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
        return true;
    }
    if value
        .attr("role")
        .is_some_and(|role| CHROME_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if value.attr("style").is_some_and(|style| {
        style
            .to_ascii_lowercase()
            .replace(' ', "")
            .contains("display:none")
    }) {
        return true;
    }
    [value.attr("class"), value.attr("aria-label")]
        .into_iter()
        .flatten()
        .map(str::to_ascii_lowercase)
        .any(|names| CHROME_NAMES.iter().any(|word| names.contains(word)))
}

impl Walk<'_> {
    fn element(&mut self, element: ElementRef<'_>, depth: usize) {
        if is_chrome(element) {
            return;
        }
        if depth > MAX_DEPTH {
            self.inline.push(' ');
            self.inline.extend(element.text());
            self.text_outside_links |= self.in_page_links == 0;
            return;
        }
        let name = element.value().name();
        match name {
            "br" if self.items_open > 0 => self.inline.push(' '),
            "br" => self.flush(),
            "ul" | "ol" => {
                self.flush();
                self.lists.push(name == "ol");
                self.children(element, depth);
                self.lists.pop();
                self.flush();
            }
            "li" => {
                self.flush();
                let depth_in_lists = self.lists.len().saturating_sub(1);
                self.item = Some((depth_in_lists, self.lists.last().copied().unwrap_or(false)));
                self.items_open += 1;
                self.children(element, depth);
                self.flush();
                self.items_open -= 1;
                self.item = None;
            }
            "dt" => {
                self.flush();
                self.children(element, depth);
                if !self.inline.trim_end().ends_with(':') {
                    self.inline.push_str(" :");
                }
                self.inline.push(' ');
            }
            "dd" => {
                self.children(element, depth);
                self.flush();
            }
            "a" if element
                .value()
                .attr("href")
                .is_some_and(|h| h.starts_with('#')) =>
            {
                self.in_page_links += 1;
                self.children(element, depth);
                self.in_page_links -= 1;
            }
            // A main section's heading: the text marks where the one before it ended as the
            // site does (`Back to top`), so that its headings keep their levels.
            "h2" => {
                self.flush();
                if self.main_section == Some(true) {
                    self.out.text("Back to top");
                }
                self.children(element, depth);
                self.flush();
                self.main_section = Some(false);
            }
            "td" | "th" => {
                self.inline.push(' ');
                self.children(element, depth);
                self.inline.push(' ');
            }
            _ if BLOCKS.contains(&name) => {
                self.flush();
                self.children(element, depth);
                self.flush();
            }
            _ => self.children(element, depth),
        }
    }

    fn children(&mut self, element: ElementRef<'_>, depth: usize) {
        for child in element.children() {
            match child.value() {
                Node::Text(text) => {
                    self.inline.push_str(text);
                    if self.in_page_links == 0 && !text.trim().is_empty() {
                        self.text_outside_links = true;
                    }
                }
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.element(child, depth + 1);
                    }
                }
                _ => {}
            }
        }
    }

    /// Writes the block gathered so far: as the pending list item's text, or as a block. A block
    /// of nothing but links within the page is left out.
    fn flush(&mut self) {
        let navigation = !std::mem::take(&mut self.text_outside_links);
        if navigation || self.inline.trim().is_empty() {
            self.inline.clear();
            return;
        }
        let text = std::mem::take(&mut self.inline);
        if let Some(written) = &mut self.main_section {
            *written = true;
        }
        match self.item.take() {
            Some((depth, ordered)) => self.out.item(depth, ordered, &text),
            None => self.out.text(&text),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn derived(page: &str) -> String {
        let mut out = Numbered::default();
        read(page, &mut out);
        out.finish()
    }

    #[test]
    fn writes_a_page_as_numbered_text() {
        let page = "<!DOCTYPE html><html><head><title>T</title></head><body>\
            <nav><a href=/>Home</a></nav><h1>Org (22 014 796)</h1>\
            <dl><dt>Decision</dt><dd>Upheld</dd></dl>\
            <h2>The complaint</h2><ol><li>Ms X says <a href=#>it</a> was <em>late</em>.</li></ol>\
            <a href=#top>Return to top</a>\
            <ol><li>It agreed to:<ul><li>pay <b>£300</b>;</li></ul></li></ol>\
            <div class=cookie-banner><h2>Cookies</h2></div></body></html>";
        assert_eq!(
            derived(page),
            "Org (22 014 796)\n\nDecision : Upheld\n\nThe complaint\n\n  1. Ms X says it was late.\n  \
             2. It agreed to:\n    • pay £300;\n"
        );
    }

    #[test]
    fn recognises_pages_by_their_opening() {
        assert!(looks_like_html("\u{feff}\n<!doctype HTML>\n<p>x"));
        assert!(looks_like_html(
            "<?xml version=\"1.0\"?>\n<!-- c -->\n<html>"
        ));
        assert!(!looks_like_html("Summary: <html> is a tag"));
    }

    #[test]
    fn deep_nesting_is_read_as_text() {
        let page = format!(
            "<html><body>{}deep{}</body></html>",
            "<div>".repeat(5000),
            "</div>".repeat(5000)
        );
        assert_eq!(derived(&page), "deep\n");
    }
}
