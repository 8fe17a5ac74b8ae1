//! Profiles and files shared by the tests of profiles, the CLI and the bundled examples.
#![allow(dead_code, reason = "each test crate uses a different part")]

use std::path::{Path, PathBuf};

use podvisor::model::criteria::MAX_WEIGHT;
use podvisor::model::options::REGISTRY;
use podvisor::model::profile::MAX_OPTIONS;
use podvisor::model::{AssumptionId, CRITERIA, TRAITS, TraitKind};
use podvisor::profile::Profile;

/// The bundled profiles in `profiles/`, found at test time so new ones are covered too.
pub fn bundled() -> Vec<PathBuf> {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles");
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
        component: "Storefront \"edge\" — ünï".to_owned(),
        ..Profile::default()
    };
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
    profile.environment.currency = "€ (EUR)".to_owned();
    for (index, spec) in CRITERIA.iter().enumerate() {
        profile.weights.insert(spec.id, (index % 6) as f64 * MAX_WEIGHT / 5.0 * 0.9);
    }
    for id in AssumptionId::ALL {
        let spec = id.spec();
        profile.assumptions.insert(*id, spec.min + (spec.max - spec.min) / 3.0);
    }
    profile
}
