//! Benchmarks of the model's hot paths: `evaluate` (budget: under 20 µs median) and the
//! sensitivity analysis (budget: under 2 ms median), on every bundled profile.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use podvisor::model::{Assumptions, evaluate, sensitivity};
use podvisor::profile::{Profile, load_file};

fn bundled() -> Vec<(String, Profile)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
    let mut profiles: Vec<(String, Profile)> = std::fs::read_dir(dir)
        .expect("profiles/ exists")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|e| e == "ron"))
        .map(|path| {
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            (name, load_file(&path).expect("bundled profile loads").profile)
        })
        .collect();
    profiles.sort_by(|a, b| a.0.cmp(&b.0));
    profiles
}

fn benches(c: &mut Criterion) {
    let assumptions = Assumptions::builtin();
    let profiles = bundled();
    let mut group = c.benchmark_group("evaluate");
    for (name, profile) in &profiles {
        group.bench_function(name.as_str(), |b| b.iter(|| evaluate(black_box(profile), assumptions)));
    }
    group.finish();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(30);
    for (name, profile) in &profiles {
        group.bench_function(name.as_str(), |b| b.iter(|| sensitivity::analyse(black_box(profile), assumptions)));
    }
    group.finish();
}

criterion_group!(model, benches);
criterion_main!(model);
