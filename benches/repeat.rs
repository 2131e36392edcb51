//! Parses the real statements (`corpus/` and `../shared/corpus/dev/`) `LGSCO_REPS` times (default
//! 10) on one core and prints the bytes parsed, with the throughput on standard error: a fixed
//! workload for `benches/instructions.sh`, which counts its instructions with callgrind (a figure
//! that does not move with the machine's load), and the whole-parse throughput figure.
//!
//! ```sh
//! LGSCO_REPS=1000 cargo bench --bench repeat
//! ```

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
    let started = std::time::Instant::now();
    for _ in 0..reps {
        for text in &texts {
            if lgsco::parse(std::hint::black_box(text)).is_ok() {
                parsed += text.len();
            }
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    eprintln!(
        "parsed {parsed} bytes in {seconds:.3} s: {:.1} MB/s on one core",
        parsed as f64 / 1e6 / seconds
    );
    println!("{parsed}");
}
