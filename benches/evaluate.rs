//! Benchmarks of the model's hot paths: `evaluate` (budget: under 20 µs median with four
//! options), the sensitivity analysis (budget: under 2 ms median) and the verdict's confidence
//! (1,000 plausible worlds, budget: under 20 ms median with four options), on every bundled
//! profile, with its own options and with all four; and `evaluate` with its outlook (the
//! curves over scale and their break-evens, which views and reports ask for); and the plan
//! of a mixed estate (budget: a 20-component profile's evaluations and plan under 0.5 ms),
//! and the path chosen again once an estate's confidence is drawn (`Plan::set_confidence`, at
//! 20 and 200 components).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use podvisor::app::examples::examples;
use podvisor::model::options::REGISTRY;
use podvisor::model::plan::{placements, plan};
use podvisor::model::{Profile, confidence, evaluate, evaluate_options, sensitivity};

fn benches(c: &mut Criterion) {
    let catalogs = podvisor::builtin::catalogs();
    let profiles: Vec<(&str, _)> =
        examples().iter().map(|example| (example.file.trim_end_matches(".ron"), &example.profile)).collect();
    let mut group = c.benchmark_group("evaluate");
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| b.iter(|| evaluate(black_box(profile), catalogs)));
    }
    group.finish();
    let mut group = c.benchmark_group("sensitivity");
    group.sample_size(30);
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| b.iter(|| sensitivity::analyse(black_box(profile), catalogs)));
    }
    group.finish();
    let mut group = c.benchmark_group("evaluate_four_options");
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| b.iter(|| evaluate_options(black_box(profile), catalogs, REGISTRY)));
    }
    group.finish();
    // What the Resources tab and the reports add: the curves over scale and their
    // break-evens, worked out on first use.
    let mut group = c.benchmark_group("evaluate_four_options_with_outlook");
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| {
            b.iter(|| evaluate_options(black_box(profile), catalogs, REGISTRY).break_even().len());
        });
    }
    group.finish();
    let mut group = c.benchmark_group("sensitivity_four_options");
    group.sample_size(30);
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| {
            b.iter(|| sensitivity::analyse_options(black_box(profile), catalogs, REGISTRY));
        });
    }
    group.finish();
    // The verdict's confidence: 1,000 plausible worlds, four options (budget: under 20 ms on
    // one core). Criterion runs on one thread, so the median is one core's time.
    let mut group = c.benchmark_group("confidence_four_options");
    group.sample_size(20);
    for (name, profile) in &profiles {
        group.bench_function(*name, |b| {
            b.iter(|| confidence::confidence_options(black_box(profile), catalogs, REGISTRY, confidence::SEED));
        });
    }
    group.finish();
    // The confidence as the window, the reports and the command line draw it: `confidence`
    // over the profile's own options, here a profile that compares all four (budget: under
    // 20 ms median on one core).
    let four = profiles
        .iter()
        .find(|(_, profile)| profile.options.len() == REGISTRY.len() && !profile.is_mixed())
        .expect("a bundled profile compares every option");
    let mut group = c.benchmark_group("confidence");
    group.sample_size(20);
    group.bench_function(four.0, |b| b.iter(|| confidence(black_box(four.1), catalogs, confidence::SEED)));
    group.finish();
    let mut group = c.benchmark_group("plan");
    let (twenty, two_hundred) = (components(20), components(200));
    let mixed = profiles.iter().map(|(name, profile)| (*name, *profile)).filter(|(_, profile)| profile.is_mixed());
    for (name, profile) in mixed.chain([("twenty_components", &twenty), ("two_hundred_components", &two_hundred)]) {
        group.bench_function(name, |b| b.iter(|| plan(black_box(profile), catalogs).resources.monthly_cost));
    }
    group.finish();
    // What the window re-plans on every frame of a drag: the placements without the path
    // (chosen once the drag ends). Budget: a 200-component estate's evaluate + plan, 5 ms.
    let mut group = c.benchmark_group("plan_placements");
    group.sample_size(20);
    for (name, profile) in [("twenty_components", &twenty), ("two_hundred_components", &two_hundred)] {
        group.bench_function(name, |b| b.iter(|| placements(black_box(profile), catalogs).resources.monthly_cost));
    }
    group.finish();
    // Once the worker has drawn an estate's confidence, the plan takes it and chooses its
    // path again (the close calls may have changed): on the UI thread, once per drawing.
    let mut group = c.benchmark_group("plan_set_confidence");
    group.sample_size(20);
    for count in [20, 200] {
        let estate = components(count);
        let planned = plan(&estate, catalogs);
        let drawn = confidence::profile_confidence(&estate, catalogs, confidence::SEED);
        let values = evaluate(&estate, catalogs).values;
        group.bench_function(format!("{count}_components"), |b| {
            b.iter(|| {
                let mut plan = planned.clone();
                plan.set_confidence(black_box(&drawn), &values);
                plan.path.len()
            });
        });
    }
    group.finish();
}

/// The bundled three-tier shop grown to `count` components: tiers of different sizes,
/// shapes and starting points, about half of them moving.
fn components(count: u32) -> Profile {
    let shop = examples().iter().find(|example| example.file == "three_tier_web_shop.ron").expect("bundled shop");
    let mut profile = shop.profile.clone();
    let templates = profile.components.clone();
    profile.components = (0..count)
        .map(|i| {
            let mut component = templates[i as usize % templates.len()].clone();
            component.name = format!("Tier {i}");
            component.workload.services = i64::from(1 + i % 7 * 3);
            component.workload.memory_per_instance_mib *= f64::from(1 + i % 3) / 2.0;
            component.current = REGISTRY[i as usize % REGISTRY.len()].id();
            component
        })
        .collect();
    profile
}

criterion_group!(model, benches);
criterion_main!(model);
