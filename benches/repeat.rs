//! Parses the real statements (`corpus/` and `../shared/corpus/dev/`) `LGSCO_REPS` times (default
//! 10) and prints the bytes parsed: a fixed workload for `benches/instructions.sh`, which counts
//! its instructions with callgrind, a figure that does not move with the machine's load.

#[path = "../tests/common/mod.rs"]
mod common;

fn main() {
    let texts: Vec<String> = common::real_statements()
        .into_iter()
        .map(|(_, text)| text)
        .collect();
    let reps: usize = std::env::var("LGSCO_REPS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(10);
    let mut parsed = 0usize;
    for _ in 0..reps {
        for text in &texts {
            if lgsco::parse(std::hint::black_box(text)).is_ok() {
                parsed += text.len();
            }
        }
    }
    println!("{parsed}");
}
