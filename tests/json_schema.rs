//! The evaluation JSON's schema: `docs/evaluation.schema.json` (and the comparison's,
//! `docs/comparison.schema.json`) is generated from the report structs that write the
//! documents, so it is published, not hand-kept. This test fails when the published files
//! drift from the structs (run with `UPDATE_DOCS=1` to rewrite them), and holds every bundled
//! profile's output to them with an independent validator (boon, draft 2020-12).

use crate::profile_support;
use crate::schema_support::{COMPARISON, EVALUATION, Validator, path};

use std::path::{Path, PathBuf};

use podvisor::report::{Analysis, ComparedPair, json};
use serde_json::Value;

/// Compares a published schema with the generated one, or rewrites it under `UPDATE_DOCS=1`.
fn check_published(relative: &str, generated: &schemars::Schema) {
    let text = serde_json::to_string_pretty(generated).expect("a schema serializes") + "\n";
    let file = path(relative);
    if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
        std::fs::write(&file, &text).expect("the docs folder is writable");
        return;
    }
    let published = std::fs::read_to_string(&file).unwrap_or_default();
    assert!(
        published == text,
        "{relative} differs from the report structs' schema; run `UPDATE_DOCS=1 cargo test --test cli json_schema` and review the diff"
    );
}

#[test]
fn the_published_schemas_are_the_generated_ones() {
    check_published(EVALUATION, &json::schema());
    check_published(COMPARISON, &json::comparison_schema());
}

/// Every bundled profile and every scenario of the panel.
fn profiles() -> Vec<PathBuf> {
    let mut paths = profile_support::bundled();
    paths.extend(profile_support::scenarios());
    paths
}

fn analysis_of(path: &Path) -> Analysis {
    let loaded = podvisor::profile::load_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Analysis::new(loaded.profile)
}

#[test]
fn every_bundled_profile_validates_against_the_published_schema() {
    let validator = Validator::published(EVALUATION);
    let paths = profiles();
    assert!(paths.len() > 30, "the bundled profiles and scenarios were not found");
    let (mut single, mut estates) = (0, 0);
    for path in &paths {
        let analysis = analysis_of(path);
        if analysis.mixed.is_some() {
            estates += 1;
        } else {
            single += 1;
        }
        let document = json::analysis(&analysis);
        if let Some(errors) = validator.errors(&document) {
            panic!("{}: {errors}", path.display());
        }
        // The library's evaluation alone (no sensitivity) is a document of the same contract.
        let evaluation = json::evaluation(&analysis.profile, &analysis.evaluation);
        assert_eq!(validator.errors(&evaluation), None, "{} (evaluation only)", path.display());
    }
    assert!(single >= 10 && estates >= 3, "{single} single-component profiles, {estates} estates");
}

#[test]
fn a_comparison_validates_against_its_published_schema() {
    let validator = Validator::published(COMPARISON);
    let [a, b] = ["legacy_monolith_lift_and_shift", "mixed_windows_linux_estate"]
        .map(|stem| analysis_of(&path(&format!("profiles/{stem}.ron"))).profile);
    let document = json::comparison(&ComparedPair::new(a, b));
    assert_eq!(validator.errors(&document), None);
}

/// Removes the value at a JSON pointer (`/verdict/leader`) from its parent object.
fn without(document: &Value, pointer: &str) -> Value {
    let mut changed = document.clone();
    let (parent, key) = pointer.rsplit_once('/').expect("a pointer with a parent");
    let removed = changed.pointer_mut(parent).and_then(Value::as_object_mut).and_then(|object| object.remove(key));
    assert!(removed.is_some(), "{pointer} is in the document");
    changed
}

#[test]
fn a_document_missing_a_required_field_fails_validation() {
    let validator = Validator::published(EVALUATION);
    let single = json::analysis(&analysis_of(&path("profiles/cloud_web_platform.ron")));
    let estate = json::analysis(&analysis_of(&path("profiles/three_tier_web_shop.ron")));
    assert!(estate.get("plan").is_some(), "three_tier_web_shop is an estate");
    assert_eq!(validator.errors(&single), None);
    assert_eq!(validator.errors(&estate), None);
    for pointer in ["/verdict/leader", "/options/vm/feasibility/status", "/options/vm/resources/monthly_cost"] {
        assert!(validator.errors(&without(&single, pointer)).is_some(), "single without {pointer} validated");
    }
    for pointer in ["/plan/path", "/components/0/sensitivity", "/plan/versus/vm/mix_saves_monthly"] {
        assert!(validator.errors(&without(&estate, pointer)).is_some(), "estate without {pointer} validated");
    }
    let mut wrong_type = single.clone();
    wrong_type["verdict"]["margin"] = Value::from("large");
    assert!(validator.errors(&wrong_type).is_some(), "a margin in words validated");
    let mut older = single.clone();
    older["version"] = Value::from(2);
    assert!(validator.errors(&older).is_some(), "a version 2 document validated as version 3");
}

#[test]
fn a_profile_with_every_field_set_validates() {
    // Every registered option the profile may hold, a team, node agents and a way of buying:
    // the optional parts of the document (purchase, pods, cost by way of buying) are written.
    let analysis = Analysis::new(profile_support::fully_non_default());
    let document = json::analysis(&analysis);
    let written = ["/environment/purchase", "/environment/team", "/options/vm/resources/purchase"];
    let missing: Vec<&str> = written.into_iter().filter(|p| document.pointer(p).is_none_or(Value::is_null)).collect();
    assert!(missing.is_empty(), "not written: {missing:?}");
    assert_eq!(Validator::published(EVALUATION).errors(&document), None);
}
