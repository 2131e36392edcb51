//! The integration tests, one module per concern, in one test binary so that `cargo test` links
//! once rather than once per file. `cargo test --release --test integration remedies` runs one
//! module.

#[path = "../common/mod.rs"]
mod common;
#[path = "../support/long_statement.rs"]
mod support;

mod adversarial;
#[cfg(feature = "cli")]
mod cli;
mod converted;
mod deep_fields;
mod dev_corpus;
mod examples;
mod inputs;
mod long_statement;
mod properties;
mod regressions;
mod remedies;
#[cfg(feature = "cli")]
mod schema;
mod seeds;
#[cfg(feature = "cli")]
mod tables;
mod templates;
