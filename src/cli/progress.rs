//! The progress bar on standard error.

use std::io::{self, IsTerminal};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar counting `documents`, drawn only when standard error is a terminal and not `quiet`;
/// otherwise a hidden bar that draws nothing.
pub fn bar(documents: usize, quiet: bool) -> ProgressBar {
    if quiet || !io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(documents as u64), ProgressDrawTarget::stderr());
    // The template is a constant; the fallback only guards against a typo in it.
    let style = ProgressStyle::with_template(
        "{bar:40} {human_pos}/{human_len} documents, {per_sec}, ETA {eta}",
    )
    .unwrap_or_else(|_| ProgressStyle::default_bar());
    bar.set_style(style);
    bar
}
