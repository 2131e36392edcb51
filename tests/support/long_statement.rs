//! Long statements built from a real one, for the scaling test and benchmark.

/// `seed` grown to at least `target` bytes by repeating the paragraphs of its longest section
/// inside that section, with the number of paragraphs the result holds.
///
/// The repeated block runs from the start of the section's first paragraph line to the end of its
/// last paragraph line, so the statement keeps its head, its other sections and its closing line.
pub fn long_statement(seed: &str, target: usize) -> (String, usize) {
    let decision = lgsco::parse(seed).expect("the seed parses");
    let count = |d: &lgsco::Decision| d.sections.iter().map(|s| s.paragraphs.len()).sum::<usize>();
    let section = decision
        .sections
        .iter()
        .filter(|s| !s.paragraphs.is_empty())
        .max_by_key(|s| s.paragraphs.last().unwrap().span.end - s.paragraphs[0].span.start)
        .expect("a section with paragraphs");
    let first = section.paragraphs[0].span.start;
    let last = section.paragraphs.last().unwrap().span.end;
    let start = seed[..first].rfind('\n').map_or(0, |i| i + 1);
    let end = seed[last..].find('\n').map_or(seed.len(), |i| last + i + 1);
    let block = &seed[start..end];
    let repeats = target
        .saturating_sub(seed.len())
        .div_ceil(block.len())
        .max(1);
    let mut text = String::with_capacity(seed.len() + block.len() * repeats);
    text.push_str(&seed[..end]);
    for _ in 0..repeats {
        text.push_str(block);
    }
    text.push_str(&seed[end..]);
    (text, count(&decision) + repeats * section.paragraphs.len())
}
