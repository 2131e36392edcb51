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

use std::collections::HashSet;

use scraper::{ElementRef, Html, Node};

use super::numbered::Numbered;
use crate::words::starts_with_ignore_case;

mod bounds;

#[cfg(test)]
use bounds::MAX_OPEN;
pub(crate) use bounds::within_bounds;

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

/// Writes the statement text of `page` to `out` (nothing for a page past [`within_bounds`]),
/// and says how many top-level headings (`h1`) it shows.
pub(crate) fn read(page: &str, out: &mut Numbered) -> usize {
    if within_bounds(page).is_err() {
        return 0;
    }
    let document = Html::parse_document(page);
    let page = Page::of(&document);
    let mut walk = Walk {
        page: &page,
        out,
        inline: String::new(),
        item: None,
        lists: Vec::new(),
        items_open: 0,
        in_page_links: 0,
        text_outside_links: false,
        main_section: None,
        titles: 0,
    };
    walk.element(document.root_element(), 0);
    walk.flush();
    walk.titles
}

/// The state of one walk through the page.
struct Walk<'o> {
    page: &'o Page,
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
    /// How many top-level headings (`h1`) with text were met.
    titles: usize,
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

/// Elements that are never part of the statement (a `header` is, when it holds the title).
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

/// Class names that mark page furniture, each matched as a whole class name (so that
/// `category-adult-social-care` or `consent-given` is not furniture), also after a framework's
/// prefix (`govuk-breadcrumbs`). Ids are not read: they are often slugs of the content
/// (`id="childrens-social-care"`).
const CHROME_CLASSES: &[&str] = &[
    "back-to-top",
    "backtotop",
    "banner-cookie",
    "breadcrumb",
    "breadcrumbs",
    "consent-banner",
    "consent-popup",
    "cookie",
    "cookie-banner",
    "cookie-consent",
    "cookie-notice",
    "cookie-popup",
    "cookies",
    "cookies-banner",
    "gdpr",
    "gdpr-banner",
    "main-menu",
    "menu",
    "mobile-menu",
    "nav-menu",
    "share",
    "share-buttons",
    "share-links",
    "sidebar",
    "site-footer",
    "site-header",
    "site-menu",
    "skip-link",
    "skiplink",
    "skip-to-content",
    "social-links",
    "social-media",
    "social-share",
    "to-top",
];

/// Prefixes frameworks put before their class names.
const CLASS_PREFIXES: &[&str] = &["govuk-", "nhsuk-", "js-", "c-", "o-"];

/// Class names of text no browser shows, matched as whole class names.
const HIDDEN_CLASSES: &[&str] = &[
    "d-none",
    "hidden",
    "hide",
    "invisible",
    "is-hidden",
    "screen-reader-text",
    "sr-only",
    "u-hidden",
    "visually-hidden",
    "visuallyhidden",
];

/// Accessible names (`aria-label`) of page furniture, matched as the whole label.
const CHROME_LABELS: &[&str] = &[
    "back to top",
    "breadcrumb",
    "breadcrumbs",
    "cookie banner",
    "cookie consent",
    "cookie settings",
    "cookies",
    "footer",
    "main menu",
    "main navigation",
    "menu",
    "navigation",
    "primary navigation",
    "share",
    "share this page",
    "site navigation",
    "skip link",
    "skip to content",
    "social media",
];

/// What the walk needs to know of the whole page: the classes and ids its style sheets hide, and
/// the elements around its title (the first `h1` a browser shows), which are never left out as
/// furniture.
struct Page {
    hidden_classes: HashSet<String>,
    hidden_ids: HashSet<String>,
    /// The addresses of the title's element and every element around it.
    around_title: HashSet<usize>,
}

/// Whether `text` holds a reference in brackets, `(22 014 796)`.
fn holds_reference(text: &str) -> bool {
    text.as_bytes().windows(12).any(|w| {
        let digits = |range: std::ops::Range<usize>| w[range].iter().all(u8::is_ascii_digit);
        w[0] == b'('
            && digits(1..3)
            && w[3] == b' '
            && digits(4..7)
            && w[7] == b' '
            && digits(8..11)
            && w[11] == b')'
    })
}

/// An element's identity while the tree lives.
fn address(element: ElementRef<'_>) -> usize {
    std::ptr::from_ref(element.value()) as usize
}

impl Page {
    fn of(document: &Html) -> Page {
        let mut page = Page {
            hidden_classes: HashSet::new(),
            hidden_ids: HashSet::new(),
            around_title: HashSet::new(),
        };
        let elements = || {
            document
                .root_element()
                .descendants()
                .filter_map(ElementRef::wrap)
        };
        for style in elements().filter(|e| e.value().name() == "style") {
            page.read_style_sheet(&style.text().collect::<String>());
        }
        // The first `h1` no hiding hides that holds a reference (`Org (22 014 796)`), else the
        // first shown (the first few looked at, so a page of hidden ones costs little).
        let shown: Vec<ElementRef<'_>> = elements()
            .filter(|e| e.value().name() == "h1")
            .take(100)
            .filter(|h1| !page.hidden_with_ancestors(*h1))
            .collect();
        let title = shown
            .iter()
            .find(|h1| holds_reference(&h1.text().collect::<String>()))
            .or(shown.first())
            .copied();
        if let Some(title) = title {
            page.around_title.insert(address(title));
            page.around_title
                .extend(title.ancestors().filter_map(ElementRef::wrap).map(address));
        }
        page
    }

    /// Takes the classes and ids that rules of `sheet` hide: rules whose selector is one class
    /// or one id (`.hidden`, `p.note`, `#fake`), outside `@media` blocks.
    fn read_style_sheet(&mut self, sheet: &str) {
        let mut sheet = sheet.to_owned();
        while let Some(start) = sheet.find("/*") {
            let end = sheet[start..]
                .find("*/")
                .map_or(sheet.len(), |e| start + e + 2);
            sheet.replace_range(start..end, " ");
        }
        for rule in sheet.split('}') {
            let Some((selectors, declarations)) = rule.split_once('{') else {
                continue;
            };
            if !style_hides(declarations) {
                continue;
            }
            for selector in selectors.split(',').map(str::trim) {
                let plain = |name: &str| {
                    !name.is_empty()
                        && name
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
                };
                let tag_end = selector.find(['.', '#']).unwrap_or(selector.len());
                let (tag, rest) = selector.split_at(tag_end);
                if !(tag.is_empty() || plain(tag)) {
                    continue;
                }
                if let Some(class) = rest.strip_prefix('.')
                    && plain(class)
                {
                    self.hidden_classes.insert(class.to_owned());
                } else if let Some(id) = rest.strip_prefix('#')
                    && plain(id)
                {
                    self.hidden_ids.insert(id.to_owned());
                }
            }
        }
    }

    /// Whether a browser shows `element` at all, by its own attributes: the `hidden` attribute,
    /// `aria-hidden`, a hiding style (`display:none`, `visibility:hidden`, zero size, off-screen),
    /// a hiding class, or a class or id the page's style sheets hide.
    fn hidden(&self, element: ElementRef<'_>) -> bool {
        let value = element.value();
        if value.attr("hidden").is_some() || value.attr("aria-hidden") == Some("true") {
            return true;
        }
        if value.attr("style").is_some_and(style_hides) {
            return true;
        }
        if value.name() == "title" {
            return true;
        }
        if value.id().is_some_and(|id| self.hidden_ids.contains(id)) {
            return true;
        }
        let classes: Vec<&str> = value.classes().collect();
        let shown_from_a_width = classes.iter().any(|c| {
            c.strip_prefix("d-").is_some_and(|rest| {
                ["sm-", "md-", "lg-", "xl-", "xxl-"]
                    .iter()
                    .any(|width| rest.starts_with(width) && !rest.ends_with("-none"))
            })
        });
        classes.iter().any(|class| {
            let class = class.to_ascii_lowercase();
            (HIDDEN_CLASSES.contains(&class.as_str()) && !(class == "d-none" && shown_from_a_width))
                || self.hidden_classes.contains(&class)
        })
    }

    /// Whether `element` or an element around it is hidden, or it is in a closed `details`
    /// outside its `summary`.
    fn hidden_with_ancestors(&self, element: ElementRef<'_>) -> bool {
        let mut inner = element;
        if self.hidden(element) {
            return true;
        }
        for outer in element.ancestors().filter_map(ElementRef::wrap) {
            if self.hidden(outer)
                || (outer.value().name() == "details"
                    && outer.value().attr("open").is_none()
                    && inner.value().name() != "summary")
            {
                return true;
            }
            inner = outer;
        }
        false
    }

    /// Whether `element` is page furniture rather than part of the statement, or hidden. An
    /// element around the title is never furniture (an article's own `header`, a section whose
    /// class happens to name a menu); hidden, it is still left out.
    fn is_chrome(&self, element: ElementRef<'_>) -> bool {
        if self.hidden(element) {
            return true;
        }
        if self.around_title.contains(&address(element)) {
            return false;
        }
        let value = element.value();
        let name = value.name();
        if CHROME_ELEMENTS.contains(&name) || name == "header" {
            return true;
        }
        if value
            .attr("role")
            .is_some_and(|role| CHROME_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
        {
            return true;
        }
        if value.attr("aria-label").is_some_and(|label| {
            CHROME_LABELS.contains(&label.trim().to_ascii_lowercase().as_str())
        }) {
            return true;
        }
        value.classes().any(|class| {
            let class = class.to_ascii_lowercase();
            let bare = CLASS_PREFIXES
                .iter()
                .find_map(|prefix| class.strip_prefix(prefix))
                .unwrap_or(&class);
            CHROME_CLASSES.contains(&class.as_str()) || CHROME_CLASSES.contains(&bare)
        })
    }
}

/// Whether the declarations of a `style` attribute or rule hide what they style: `display:
/// none`, `visibility: hidden` or `collapse`, `opacity: 0`, a zero font size, a box of at most
/// one pixel with its overflow hidden (the screen-reader pattern), or an element moved far off
/// the screen (`left: -9999px`, `text-indent: -9999px`).
fn style_hides(declarations: &str) -> bool {
    let style: String = declarations
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    let value_of = |property: &str| -> Option<String> {
        style
            .split(';')
            .filter_map(|d| d.split_once(':'))
            .filter(|(p, _)| *p == property)
            .map(|(_, v)| v.trim_end_matches("!important").to_owned())
            .next_back()
    };
    let number = |value: &str| -> Option<f64> {
        let end = value
            .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == '-' || c == '+'))
            .unwrap_or(value.len());
        value[..end].parse().ok()
    };
    let is =
        |value: Option<String>, words: &[&str]| value.is_some_and(|v| words.contains(&v.as_str()));
    if is(value_of("display"), &["none"]) || is(value_of("visibility"), &["hidden", "collapse"]) {
        return true;
    }
    let zero = |value: Option<String>| value.as_deref().and_then(number) == Some(0.0);
    if zero(value_of("opacity")) || zero(value_of("font-size")) {
        return true;
    }
    let tiny = |value: Option<String>| value.as_deref().and_then(number).is_some_and(|n| n <= 1.0);
    if tiny(value_of("width")) && tiny(value_of("height")) && is(value_of("overflow"), &["hidden"])
    {
        return true;
    }
    let far_off = |value: Option<String>| {
        value
            .as_deref()
            .and_then(number)
            .is_some_and(|n| n <= -999.0)
    };
    let positioned = is(value_of("position"), &["absolute", "fixed"]);
    far_off(value_of("text-indent"))
        || (positioned
            && ["left", "top", "right", "margin-left", "margin-top"]
                .iter()
                .any(|side| far_off(value_of(side))))
}

impl Walk<'_> {
    fn element(&mut self, element: ElementRef<'_>, depth: usize) {
        if self.page.is_chrome(element) {
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
            // A closed `details` shows its `summary` alone.
            "details" if element.value().attr("open").is_none() => {
                self.flush();
                for summary in element
                    .children()
                    .filter_map(ElementRef::wrap)
                    .filter(|child| child.value().name() == "summary")
                {
                    self.element(summary, depth + 1);
                }
                self.flush();
            }
            "h1" => {
                self.flush();
                self.children(element, depth);
                self.titles += usize::from(!self.inline.trim().is_empty());
                self.flush();
            }
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
            "<div>".repeat(900),
            "</div>".repeat(900)
        );
        assert_eq!(derived(&page), "deep\n");
    }

    #[test]
    fn text_no_browser_shows_is_left_out() {
        let fake = "Fake Council (11 111 111)";
        let real = "<h1>Real Council (22 014 796)</h1><p>Summary: Mr Q complained.</p>";
        for hiding in [
            format!("<h1 style='visibility: hidden'>{fake}</h1>"),
            format!("<h1 style='VISIBILITY:collapse !important'>{fake}</h1>"),
            format!("<div class='note hidden'><h1>{fake}</h1></div>"),
            format!("<h1 class=d-none>{fake}</h1>"),
            format!("<title>{fake}</title>"),
            format!("<details><summary>More</summary><h1>{fake}</h1></details>"),
            format!("<h1 style='font-size:0'>{fake}</h1>"),
            format!("<h1 style='font-size: 0px'>{fake}</h1>"),
            format!("<h1 style='position:absolute; left:-10000px'>{fake}</h1>"),
            format!("<h1 style='text-indent:-9999px'>{fake}</h1>"),
            format!("<h1 style='opacity:0'>{fake}</h1>"),
            format!(
                "<style>/* x */ .gone, #away {{ display: none }}</style><h1 class=gone>{fake}</h1>"
            ),
            format!("<style>h1#away {{ visibility: hidden }}</style><h1 id=away>{fake}</h1>"),
        ] {
            let text = derived(&format!("<html><body>{hiding}{real}</body></html>"));
            assert!(!text.contains("Fake"), "{hiding}: {text}");
            let title = text.lines().find(|line| line.contains('('));
            assert_eq!(title, Some("Real Council (22 014 796)"), "{hiding}: {text}");
        }
        // What a browser does show stays: an open `details`, a closed one's summary, a small
        // font, a class shown from a width up, a rule inside `@media print`.
        for shown in [
            "<details open><summary>S</summary><p>Shown text</p></details>",
            "<details><summary>Shown text</summary><p>x</p></details>",
            "<p style='font-size:0.9em'>Shown text</p>",
            "<p class='d-none d-md-block'>Shown text</p>",
            "<style>@media print { .p { display: none } }</style><p class=p>Shown text</p>",
        ] {
            let text = derived(&format!("<html><body>{real}{shown}</body></html>"));
            assert!(text.contains("Shown text"), "{shown}: {text}");
        }
    }

    #[test]
    fn chrome_is_told_by_whole_class_names_and_never_holds_the_title() {
        let statement = "<h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p>";
        for wrapper in [
            "<div class='category-adult-social-care'>",
            "<div class=nomenu>",
            "<div class='consent-given'>",
            "<div aria-label='Decision statement: see the menu for others'>",
            // Furniture by its class, but holding the title: kept.
            "<div class=sidebar>",
            "<aside>",
            "<div role=complementary>",
        ] {
            let text = derived(&format!(
                "<html><body>{wrapper}{statement}</div></body></html>"
            ));
            assert!(text.starts_with("Org (22 014 796)"), "{wrapper}: {text}");
            assert!(
                text.contains("Summary: Mr Q complained."),
                "{wrapper}: {text}"
            );
        }
        let text = derived(&format!(
            "<html><body><div class='govuk-breadcrumbs'>Home</div><div class=menu>Menu</div>\
             <nav aria-label='Main menu'>Nav</nav><div aria-label='Cookie settings'>Cookies</div>\
             {statement}</body></html>"
        ));
        assert!(text.starts_with("Org (22 014 796)"), "{text}");
    }

    #[test]
    fn two_title_lines_are_warned_of_and_an_empty_page_says_why() {
        use crate::{ErrorKind, WarningKind};
        let page = "<h1>Fake Council (11 111 111)</h1><h1>Org (22 014 796)</h1>\
                    <p>Summary: Mr Q complained.</p>";
        let decision = crate::parse_html(page).unwrap();
        assert!(
            decision
                .warnings
                .iter()
                .any(|w| w.kind == WarningKind::TwoTitles),
            "{:?}",
            decision.warnings
        );
        let one = crate::parse_html("<h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p>");
        assert!(
            one.unwrap()
                .warnings
                .iter()
                .all(|w| w.kind != WarningKind::TwoTitles)
        );
        let error =
            crate::parse_html("<nav>Home</nav><div class=cookie-banner>Accept</div>").unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Empty);
        assert!(error.to_string().contains("navigation, banners"), "{error}");
        let refused = crate::parse_html(&"<div>".repeat(MAX_OPEN + 1)).unwrap_err();
        assert_eq!(refused.kind(), ErrorKind::PageTooComplex);
    }
}
