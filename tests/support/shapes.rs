//! Input shapes for the scaling test and benchmark: a unit of text repeated to the size wanted,
//! between a head and a tail.

/// One input shape.
#[derive(Clone, Copy)]
pub struct Shape {
    pub name: &'static str,
    pub head: &'static str,
    pub unit: &'static str,
    pub tail: &'static str,
}

impl Shape {
    /// The shape grown to about `bytes` bytes.
    pub fn text(&self, bytes: usize) -> String {
        let unit = self.unit.repeat(bytes / self.unit.len());
        format!("{}{unit}{}", self.head, self.tail)
    }
}

/// Shapes one stage once took quadratic time on: each amount or name searched the text before or
/// after it again.
pub const ONCE_QUADRATIC: &[Shape] = &[
    Shape {
        name: "amounts in brackets",
        head: "Summary: Ms X complained.\nAgreed action\nPay Ms X (",
        unit: "£1 and ",
        tail: "",
    },
    Shape {
        name: "amounts in sentences",
        head: ACTION,
        unit: "Pay Ms X £1. ",
        tail: "",
    },
    Shape {
        name: "amounts, no one named",
        head: ACTION,
        unit: "Pay £1 and ",
        tail: "",
    },
    Shape {
        name: "names complaining",
        head: "Summary: ",
        unit: "Ms A, ",
        tail: "Ms B complained.\nThe complaint\n",
    },
];

/// Shapes of the deeper readers (findings, dates, citations, the summary's remedy), each a long
/// run of what one reader looks at closely, in one sentence or one paragraph.
pub const DEEP_READERS: &[Shape] = &[
    Shape {
        name: "summary remedy paying her",
        head: "Summary: Ms X complained. The Council has agreed to apologise to Ms X and pay her ",
        unit: "£1 and her ",
        tail: "£2.\nThe complaint\n",
    },
    Shape {
        name: "verdicts in one sentence",
        head: "Summary: Ms X complained.\nWhat I found\nWe found the Council at fault because ",
        unit: "it failed to act and whether it did not properly consider, ",
        tail: "",
    },
    Shape {
        name: "date ranges",
        head: "Summary: Ms X complained.\nThe complaint\nIt was late ",
        unit: "between 4 and 9 May 2019 and from early 2017 to 2018, ",
        tail: "",
    },
    Shape {
        name: "section lists",
        head: "Summary: Ms X complained.\nThe complaint\nUnder sections ",
        unit: "26B, 34H(2) and (3), ",
        tail: "of the Local Government Act 1974.",
    },
    Shape {
        name: "capitals before an Act",
        head: "Summary: Ms X complained.\nThe complaint\nThe ",
        unit: "Council Home Care Trust ",
        tail: "Care Act 2014 applies.",
    },
];

/// The head of a statement whose agreed action follows.
const ACTION: &str = "Summary: Ms X complained.\nAgreed action\n";
