//! Parses the real statements (`corpus/` and `../shared/corpus/dev/`) `LGSCO_REPS` times (default
//! 10) and prints the bytes parsed: a fixed workload for `benches/instructions.sh`, which counts
//! its instructions with callgrind, a figure that does not move with the machine's load.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut texts = Vec::new();
    for dir in [root.join("corpus"), root.join("../shared/corpus/dev")] {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for path in entries.filter_map(|e| Some(e.ok()?.path())) {
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(&path).expect("a readable statement"));
            }
        }
    }
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
