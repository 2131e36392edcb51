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

/// Hostile web pages, each repeating `unit` after a statement's opening: elements left open or
/// nested, formatting elements the tree builder reopens, one element with a great many
/// attributes. Each is either read or refused as `PageTooComplex`, in time linear in its size.
#[cfg(feature = "html")]
const HOSTILE_PAGES: &[(&str, &str)] = &[
    ("unclosed div", "<div>x"),
    ("nested ol li", "<ol><li>x"),
    ("unclosed section p", "<section><p>x"),
    ("unclosed font", "<font size=3>x"),
    ("misnested formatting", "<b><i>x</b></i>"),
    ("nested tables", "<table><tr><td>x"),
    ("paragraphs", "<p>x</p>"),
    ("attributes", " a=1"),
];

#[cfg(feature = "html")]
fn hostile_page(unit: &str, bytes: usize) -> String {
    let head = "<html><body><h1>Org (22 014 796)</h1><p>Summary: Mr Q complained.</p>";
    let mut page = String::from(head);
    if unit.starts_with(' ') {
        // The attributes of one element.
        page.push_str("<div");
        page.push_str(&unit.repeat(bytes / unit.len()));
        page.push_str(">x</div>");
    } else {
        page.push_str(&unit.repeat(bytes / unit.len()));
    }
    page
}

#[cfg(feature = "html")]
#[test]
#[ignore = "timing; run by hand in release mode"]
fn hostile_pages_are_read_or_refused_in_linear_time() {
    for &(name, unit) in HOSTILE_PAGES {
        let mut times = Vec::new();
        for bytes in [150_000, 600_000, 2_400_000] {
            let page = hostile_page(unit, bytes);
            let start = Instant::now();
            let result = lgsco::parse_html(&page);
            let elapsed = start.elapsed();
            let outcome = match &result {
                Ok(_) => "read".to_owned(),
                Err(e) => format!("{:?}", e.kind()),
            };
            println!("{name:22} {bytes:>9} B {elapsed:>10.1?}  {outcome}");
            times.push(elapsed);
        }
        // Four times the size, at most ten times the time (a quadratic stage takes 16).
        for pair in times.windows(2) {
            assert!(
                pair[1] < pair[0] * 10 + Duration::from_millis(50),
                "{name}: {:?} then {:?}",
                pair[0],
                pair[1]
            );
        }
        assert!(times[2] < Duration::from_secs(3), "{name}: {:?}", times[2]);
    }
}
