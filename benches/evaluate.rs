//! Benchmarks of the model's hot paths: `evaluate` (budget: under 20 µs median with four
//! options) and the sensitivity analysis (budget: under 2 ms median), on every bundled
//! profile, with its own options and with all four; and `evaluate` with its outlook (the
//! curves over scale and their break-evens, which views and reports ask for).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use podvisor::app::examples::examples;
use podvisor::model::options::REGISTRY;
use podvisor::model::{Assumptions, evaluate, evaluate_options, sensitivity};

fn benches(c: &mut Criterion) {
    let assumptions = Assumptions::builtin();
    let profiles: Vec<(&str, _)> =
        examples().iter().map(|example| (example.file.trim_end_matches(".ron"), &example.profile)).collect();
    let mut group = c.benchmark_group("evaluate");
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| b.iter(|| evaluate(black_box(profile), assumptions)));
    }
    group.finish();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(30);
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| b.iter(|| sensitivity::analyse(black_box(profile), assumptions)));
    }
    group.finish();
    let mut group = c.benchmark_group("evaluate_four_options");
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| b.iter(|| evaluate_options(black_box(profile), assumptions, REGISTRY)));
    }
    group.finish();
    // What the Resources tab and the reports add: the curves over scale and their
    // break-evens, worked out on first use.
    let mut group = c.benchmark_group("evaluate_four_options_with_outlook");
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| {
            b.iter(|| evaluate_options(black_box(profile), assumptions, REGISTRY).break_even().len());
        });
    }
    group.finish();
    let mut group = c.benchmark_group("sensitivity_four_options");
    group.sample_size(30);
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| {
            b.iter(|| sensitivity::analyse_options(black_box(profile), assumptions, REGISTRY));
        });
    }
    group.finish();
}

criterion_group!(model, benches);
criterion_main!(model);
