//! Profiles and files shared by the tests of profiles, the CLI and the bundled examples.
#![allow(dead_code, reason = "each test crate uses a different part")]

use std::path::{Path, PathBuf};

use podvisor::builtin::Described as _;
use podvisor::model::OptionId;
use podvisor::model::criteria::MAX_WEIGHT;
use podvisor::model::options::REGISTRY;
use podvisor::model::profile::fields::{FIELDS, FieldKind};
use podvisor::model::profile::{Component, MAX_OPTIONS};
use podvisor::model::{AssumptionId, CRITERIA, TRAITS, TraitKind};
use podvisor::profile::Profile;
use proptest::prelude::*;

/// The bundled profiles in `profiles/`, found at test time so new ones are covered too.
pub fn bundled() -> Vec<PathBuf> {
    profiles_in("profiles")
}

/// The scenario panel's profiles in `tests/scenarios/` (`expected.ron` beside them holds their
/// expert answers, not a profile).
pub fn scenarios() -> Vec<PathBuf> {
    let mut paths = profiles_in("tests/scenarios");
    paths.retain(|path| path.file_stem().is_none_or(|stem| stem != "expected"));
    paths
}

/// The `.ron` files of a folder of the repository, sorted.
fn profiles_in(folder: &str) -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join(folder);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| entries.map(|entry| entry.expect("readable profiles folder").path()).collect())
        .unwrap_or_default();
    paths.retain(|path| path.extension().is_some_and(|ext| ext == "ron"));
    paths.sort();
    paths
}

/// Temp files (`*.tmp`) left in a folder: an atomic write must never leave any.
pub fn temp_files(folder: &Path) -> Vec<String> {
    std::fs::read_dir(folder)
        .expect("readable folder")
        .map(|entry| entry.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|name| Path::new(name).extension().is_some_and(|e| e == "tmp"))
        .collect()
}

/// A profile where every field differs from its default, with text that stresses quoting.
pub fn fully_non_default() -> Profile {
    let mut profile = Profile {
        name: "Shop \"v2\" \\ r#\"raw\"# — ünïcødé".to_owned(),
        notes: "Line one.\n\tIndented \"quoted\" line with \"# and \"## inside.\nLast line, no newline".to_owned(),
        ..Profile::default()
    };
    profile.components[0].name = "Storefront \"edge\" — ünï".to_owned();
    profile.components[0].placement = Some(OptionId::MICROVM);
    profile.components[0].current = OptionId::CONTAINER;
    // Every registered option the profile may hold, in reverse display order.
    profile.options = REGISTRY.iter().rev().take(MAX_OPTIONS).map(|spec| spec.id()).collect();
    for meta in TRAITS {
        // A value away from the default, inside the range, fractional for real fields.
        let value = match meta.kind {
            TraitKind::Flag => 1.0 - meta.default,
            TraitKind::Integer if meta.default < meta.max => meta.default + 1.0,
            TraitKind::Integer => meta.default - 1.0,
            TraitKind::Real => meta.min + (meta.max - meta.min) * 0.123_456_789,
        };
        profile.set(meta.id, value);
        assert!((profile.get(meta.id) - meta.default).abs() > 1e-9, "{} kept its default", meta.key);
    }
    // A second component, whose workload differs from the first's.
    let mut second = Component { name: "Orders database".to_owned(), ..Component::default() };
    second.workload.services = 1;
    second.workload.memory_per_instance_mib = 65_536.0;
    profile.components.push(second);
    profile.environment.currency = "€ (EUR)".to_owned();
    profile.environment.host = "gcp/n2-standard-8".to_owned();
    profile.environment.host_price_per_hour = Some(0.123_456_789);
    profile.environment.purchase = podvisor::model::purchase::Purchase::CommittedSteady;
    profile.components[0].purchase = Some(podvisor::model::purchase::Purchase::Spot);
    // Every other field of the table away from its default: a choice's last word, a flag on.
    for field in FIELDS {
        match field.kind {
            FieldKind::Word(words) => assert!(profile.set_choice(field.key, (words.all)().last().expect("words"))),
            FieldKind::Flag { set, .. } => set(&mut profile, true),
            FieldKind::Text { .. } | FieldKind::Host { .. } | FieldKind::Price { .. } | FieldKind::Section(_) => {}
        }
        assert!(!field.is_default(&profile), "{} kept its default", field.key);
    }
    for (index, spec) in CRITERIA.iter().enumerate() {
        profile.weights.insert(spec.id().key(), (index % 6) as f64 * MAX_WEIGHT / 5.0 * 0.9);
    }
    for id in AssumptionId::ALL {
        let spec = id.spec();
        profile.assumptions.insert(*id, spec.min + (spec.max - spec.min) / 3.0);
    }
    profile
}

/// Any profile the model accepts: every trait within range, random weights and overrides.
#[expect(clippy::cast_possible_truncation, reason = "integer trait ranges are small whole numbers")]
pub fn any_profile() -> impl Strategy<Value = Profile> {
    let traits = TRAITS
        .iter()
        .map(|meta| {
            let (min, max) = (meta.min, meta.max);
            match meta.kind {
                TraitKind::Real if meta.logarithmic && min > 0.0 => (min.ln()..=max.ln()).prop_map(f64::exp).boxed(),
                TraitKind::Real if meta.logarithmic => (0.0..=max.ln_1p()).prop_map(f64::exp_m1).boxed(),
                TraitKind::Real => (min..=max).boxed(),
                _ => (min as i64..=max as i64).prop_map(|v| v as f64).boxed(),
            }
        })
        .collect::<Vec<_>>();
    let weights = proptest::collection::vec(proptest::option::of(0.0..=5.0_f64), CRITERIA.len());
    let overrides = proptest::collection::vec(proptest::option::of(0.0..=1.0_f64), AssumptionId::ALL.len());
    // The choices every schema version has (the workload's kernel, VM patching): the later
    // ones (flavour, purchase) are drawn by the tests that read them.
    let plain = || FIELDS.iter().filter(|field| field.choice().is_some_and(|words| words.expected.is_none()));
    let choices = proptest::collection::vec(0..2_usize, plain().count());
    (traits, weights, overrides, choices).prop_map(move |(values, weights, overrides, choices)| {
        let mut profile = Profile::default();
        for (choice, pick) in plain().zip(choices) {
            let words = choice.words();
            profile.set_choice(choice.key, words[pick % words.len()]);
        }
        for (meta, value) in TRAITS.iter().zip(values) {
            profile.set(meta.id, value);
        }
        for (criterion, weight) in CRITERIA.iter().zip(weights) {
            if let Some(weight) = weight {
                profile.weights.insert(criterion.id().key(), weight);
            }
        }
        for (id, share) in AssumptionId::ALL.iter().zip(overrides) {
            if let Some(share) = share {
                let spec = id.spec();
                profile.assumptions.insert(*id, spec.min + share * (spec.max - spec.min));
            }
        }
        profile
    })
}
