//! Throughput of each stage of the parser on the real statements (`corpus/` and
//! `../shared/corpus/dev/`), of the whole parse with and without JSON, and of the whole parse of
//! one statement grown from 10 KB to 10 MB and of the shapes that were once quadratic at 100 KB
//! and 1 MB (flat MB/s means linear time).
//!
//! `cargo bench --features unstable-bench-api --bench stages`, with `-- whole` after it for one
//! group. The stages are reached through `lgsco::bench_api`, which only that feature compiles.

use std::hint::black_box;
use std::path::Path;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use lgsco::bench_api;

#[path = "../tests/support/long_statement.rs"]
mod support;

#[path = "../tests/support/shapes.rs"]
mod shapes;

#[path = "../tests/common/mod.rs"]
mod common;

/// Every real statement: the five seeds and the dev excerpts.
fn corpus() -> Vec<String> {
    common::real_statements()
        .into_iter()
        .map(|(_, text)| text)
        .collect()
}

fn stages(c: &mut Criterion) {
    let texts = corpus();
    let bytes: usize = texts.iter().map(String::len).sum();
    let decisions: Vec<lgsco::Decision> = texts.iter().map(|t| lgsco::parse(t).unwrap()).collect();
    let mut group = c.benchmark_group("stages");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("lines", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| bench_api::lines(t).len())
                .sum::<usize>()
        })
    });
    let lines: Vec<_> = texts.iter().map(|t| bench_api::lines(t)).collect();
    group.bench_function("header", |b| {
        b.iter(|| {
            for l in &lines {
                black_box(bench_api::header(l));
            }
        })
    });
    let bodies: Vec<_> = lines.iter().map(bench_api::header).collect();
    group.bench_function("segmentation", |b| {
        b.iter(|| {
            lines
                .iter()
                .zip(&bodies)
                .map(|(l, body)| bench_api::segment(l, body).1.len())
                .sum::<usize>()
        })
    });
    let documents = || {
        texts
            .iter()
            .zip(&decisions)
            .map(|(t, d)| bench_api::document(t, d.spans.summary, &d.preamble, &d.sections))
    };
    group.bench_function("document", |b| {
        b.iter(|| documents().for_each(|doc| drop(black_box(doc))))
    });
    // Each reader gets a fresh document (it keeps the sentences it splits), so these include
    // building one.
    group.bench_function("agreed_actions", |b| {
        b.iter(|| {
            documents()
                .zip(&decisions)
                .map(|(doc, d)| bench_api::agreed_actions(&doc, d.decision_date).len())
                .sum::<usize>()
        })
    });
    group.bench_function("findings", |b| {
        b.iter(|| {
            documents()
                .map(|doc| bench_api::findings(&doc).len())
                .sum::<usize>()
        })
    });
    group.bench_function("whole_parse", |b| {
        b.iter(|| {
            texts
                .iter()
                .map(|t| black_box(lgsco::parse(t).unwrap()).sections.len())
                .sum::<usize>()
        })
    });
    let mut out = Vec::with_capacity(bytes * 2);
    group.bench_function("whole_parse_to_jsonl", |b| {
        b.iter(|| {
            out.clear();
            let mut writer = lgsco::RecordWriter::new(&mut out, lgsco::Format::JsonLines);
            for t in &texts {
                writer
                    .write_decision("x.txt", &lgsco::parse(t).unwrap())
                    .unwrap();
            }
            writer.finish().unwrap();
            out.len()
        })
    });
    group.bench_function("jsonl_only", |b| {
        b.iter(|| {
            out.clear();
            let mut writer = lgsco::RecordWriter::new(&mut out, lgsco::Format::JsonLines);
            for d in &decisions {
                writer.write_decision("x.txt", d).unwrap();
            }
            writer.finish().unwrap();
            out.len()
        })
    });
    group.finish();
}

fn scaling(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let seed = std::fs::read_to_string(root.join("corpus/knowsley-22-014-796.txt")).unwrap();
    let mut group = c.benchmark_group("scaling");
    group.sample_size(10);
    for size in [10_000, 100_000, 1_000_000, 10_000_000] {
        let (text, _) = support::long_statement(&seed, size);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
            b.iter(|| lgsco::parse(text).unwrap().sections.len())
        });
    }
    for shape in shapes::ONCE_QUADRATIC.iter().chain(shapes::DEEP_READERS) {
        for size in [100_000, 1_000_000] {
            let text = shape.text(size);
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_with_input(BenchmarkId::new(shape.name, size), &text, |b, text| {
                b.iter(|| lgsco::parse(text).unwrap().sections.len())
            });
        }
    }
    group.finish();
}

criterion_group!(benches, stages, scaling);
criterion_main!(benches);
