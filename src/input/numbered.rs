//! The text every reader of this module writes: the numbered layout the parser reads best, with
//! a blank line between blocks, top-level list items as `  1. text` paragraphs (numbered on
//! through the whole text, as the website's counters number them), nested numbered items as
//! `      1. text` and other items as `    • text`.
//!
//! ```text
//! What I found
//!
//!   7. The Council agreed to:
//!     • apologise to Ms X; and
//!       1. pay her £300.
//! ```

use crate::lines::is_back_to_top;

/// Builds the derived text block by block.
#[derive(Debug, Default)]
pub(crate) struct Numbered {
    out: String,
    /// Top-level numbered items written so far.
    paragraphs: u32,
    /// Numbered sub-items written since the last top-level block.
    sub_items: u32,
    /// Whether the last block written was a list item (items follow each other without blank
    /// lines between them).
    in_list: bool,
}

/// `text` with every run of ASCII whitespace (line ends included) made one space, trimmed. Other
/// spaces (no-break spaces) are kept, as the parser reads them.
pub(crate) fn collapse_spaces(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

impl Numbered {
    /// A block that is not a list item: a title, header line, heading, unnumbered paragraph, or
    /// a `Back to top` line, which the parser reads as the end of a main section. Empty blocks
    /// are left out.
    pub(crate) fn text(&mut self, text: &str) {
        let text = collapse_spaces(text);
        if text.is_empty() {
            return;
        }
        if !self.out.is_empty() {
            self.out.push('\n');
        }
        self.out.push_str(&text);
        self.out.push('\n');
        self.in_list = false;
        self.sub_items = 0;
    }

    /// A list item `depth` lists deep (0 for a list outside any other), numbered when `ordered`.
    pub(crate) fn item(&mut self, depth: usize, ordered: bool, text: &str) {
        let text = collapse_spaces(text);
        if text.is_empty() || is_back_to_top(&text) {
            return;
        }
        if !self.out.is_empty() && !self.in_list {
            self.out.push('\n');
        }
        self.in_list = true;
        let deeper = depth.saturating_sub(1).min(8) * 2;
        match (depth, ordered) {
            (0, true) => {
                self.paragraphs = self.paragraphs.saturating_add(1);
                self.sub_items = 0;
                self.out
                    .push_str(&format!("  {}. ", self.paragraphs % 1000));
            }
            (_, true) => {
                self.sub_items = self.sub_items.saturating_add(1);
                let indent = " ".repeat(6 + deeper);
                self.out
                    .push_str(&format!("{indent}{}. ", self.sub_items % 1000));
            }
            (_, false) => {
                self.out.push_str(&" ".repeat(4 + deeper));
                self.out.push_str("• ");
            }
        }
        self.out.push_str(&text);
        self.out.push('\n');
    }

    /// The text written.
    pub(crate) fn finish(self) -> String {
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_the_numbered_layout() {
        let mut out = Numbered::default();
        out.text("The  complaint\n");
        out.item(0, true, "Ms X complained:");
        out.item(1, false, "about delay;");
        out.item(1, true, "about cost.");
        out.text("Back to top");
        out.item(0, true, "Second.");
        assert_eq!(
            out.finish(),
            "The complaint\n\n  1. Ms X complained:\n    • about delay;\n      1. about cost.\n\nBack to top\n\n  2. Second.\n"
        );
    }
}
