//! Scaling check, a development step like fuzzing (ignored by default, and timing-based, so not
//! for CI): `cargo test --release --test scaling -- --ignored --nocapture`.
//!
//! Each input shape is parsed at 1 MB and 4 MB; a linear stage takes about 4 times as long on the
//! larger one, a quadratic one 16 times. The bound is loose because the machine is shared.

#[path = "support/shapes.rs"]
mod shapes;

use std::time::{Duration, Instant};

use shapes::{DEEP_READERS, ONCE_QUADRATIC, Shape};

const HEAD: &str = "Summary: Ms X complained.\nThe complaint\n";

fn time_parse(shape: &Shape, bytes: usize) -> Duration {
    let text = shape.text(bytes);
    let start = Instant::now();
    let result = lgsco::parse(&text);
    let elapsed = start.elapsed();
    assert!(result.is_ok() || shape.unit.trim().is_empty());
    elapsed
}

#[test]
#[ignore = "timing; run by hand in release mode"]
fn parse_time_grows_linearly() {
    let shapes: &[(&str, &str, &str)] = &[
        ("plain headings", HEAD, "Aaa bbb ccc\n"),
        ("plain lead-ins", HEAD, "She said the Council:\n"),
        (
            "plain items",
            HEAD,
            "She said:\nfailed to act;\nlate; and\nlost.\n",
        ),
        ("dashed lists", HEAD, "- She said the Council:\n- a;\n"),
        (
            "numbered",
            HEAD,
            "  1. One:\n      1. sub\n    \u{2022} b\nLaw\n",
        ),
        (
            "names on one line",
            HEAD,
            "Mr X and Mrs Y and her mother\u{2019}s friend, Mrs C, ",
        ),
        ("relatives", HEAD, "her mother, Mrs C said.\n"),
        (
            "titles",
            "",
            "A Council (22 014 796)\nB Council (22 014 797)\n",
        ),
        ("header lines", "", "Decision : Upheld\nCategory : x\n"),
        (
            "final-decision lines",
            "",
            "The Ombudsman's final decision:\n",
        ),
        ("nested dashes", HEAD, "- - - - "),
        ("back to top", HEAD, "Back to top\nThe complaint\n"),
        ("lone CRs", HEAD, "x\r"),
        ("one long word", HEAD, "x"),
        ("letter markers", HEAD, "(a) b\n"),
        ("number markers", HEAD, "123. x\n1) y\n"),
    ];
    let shapes = shapes.iter().map(|&(name, head, unit)| Shape {
        name,
        head,
        unit,
        tail: "",
    });
    for shape in shapes
        .chain(ONCE_QUADRATIC.iter().copied())
        .chain(DEEP_READERS.iter().copied())
    {
        let small = time_parse(&shape, 1 << 20);
        let large = time_parse(&shape, 4 << 20);
        let name = shape.name;
        println!("{name:23} 1 MB {small:>10.1?}  4 MB {large:>10.1?}");
        assert!(
            large < small * 10 + Duration::from_millis(50),
            "{name}: {small:?} for 1 MB but {large:?} for 4 MB"
        );
    }
}
