//! Shared checks for the fuzz targets: the same invariants the test suite asserts.

#[path = "../../tests/common/mod.rs"]
mod common;

pub use common::{check_bytes, check_decision};
