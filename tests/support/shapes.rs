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

/// The head of a statement whose agreed action follows.
const ACTION: &str = "Summary: Ms X complained.\nAgreed action\n";
