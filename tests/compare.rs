//! Issue 24, "Compare that a colleague can trust": an estate against its own edited copy
//! lists exactly the settings edited, however the copy was reordered or written; money in
//! two currencies is never subtracted; the verdict's words say what changed.

use std::path::{Path, PathBuf};
use std::process::Command;

use podvisor::model::compare::differences;
use podvisor::model::{CriterionId, ResourceId};
use podvisor::profile::{Profile, load_file, save_file};
use podvisor::report::{ComparedPair, json, markdown, text};

/// The bundled five-component estate.
fn estate_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("profiles/phased_modernisation.ron")
}

fn estate() -> Profile {
    let profile = load_file(&estate_path()).expect("the bundled estate loads").profile;
    assert_eq!(profile.components.len(), 5, "a five-component estate");
    profile
}

/// The estate with one trait of its third component and one weight edited, as a colleague
/// would send it back.
fn edited(estate: &Profile) -> Profile {
    let mut copy = estate.clone();
    assert_eq!(copy.components[2].name, "Customer portal services");
    copy.components[2].workload.isolation_need = 9;
    copy.weights.insert(CriterionId::ISOLATION.key(), 5.0);
    copy
}

fn fields(a: &Profile, b: &Profile) -> Vec<String> {
    differences(a, b, podvisor::builtin::catalogs())
        .into_iter()
        .map(|d| format!("{} {} → {}", d.field, d.a, d.b))
        .collect()
}

const EDITED: [&str; 2] =
    [r#"components["Customer portal services"].workload.isolation_need 4/10 → 9/10"#, "weights.isolation 4 → 5"];

#[test]
fn an_estate_against_its_edited_copy_lists_exactly_the_edits() {
    let estate = estate();
    let copy = edited(&estate);
    assert_eq!(fields(&estate, &copy), EDITED);

    let mut reordered = copy.clone();
    reordered.components.swap(0, 3);
    reordered.components.swap(1, 4);
    assert_eq!(fields(&estate, &reordered), EDITED, "components pair by name, not position");

    // Saved through the app's writer and read back: the same two.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("copy.ron");
    save_file(&path, &reordered).expect("saved");
    let read = load_file(&path).expect("read back").profile;
    assert_eq!(fields(&estate, &read), EDITED);

    // The reports the CLI prints say the same.
    let pair = ComparedPair::new(estate.clone(), read);
    assert_eq!(pair.comparison.differences.len(), 2);
    assert!(text::comparison(&pair).contains("Settings that differ (2)"));
}

#[test]
fn a_component_only_one_side_has_is_named_once_as_added_or_removed() {
    let estate = estate();
    let mut fewer = estate.clone();
    let removed = fewer.components.remove(3);
    assert_eq!(fields(&estate, &fewer), [format!("components[{:?}] present → removed", removed.name)]);
    assert_eq!(fields(&fewer, &estate), [format!("components[{:?}] absent → added", removed.name)]);
}

/// The estate priced in euros against the same estate priced in US dollars.
fn euros_and_dollars() -> (Profile, Profile) {
    let euros = estate();
    assert_eq!(euros.environment.currency, "EUR");
    let mut dollars = euros.clone();
    dollars.environment.currency = "USD".to_owned();
    dollars.environment.host_cost_per_month *= 8.0;
    (euros, dollars)
}

#[test]
fn euros_against_dollars_are_never_subtracted() {
    let (euros, dollars) = euros_and_dollars();
    let pair = ComparedPair::new(euros, dollars);
    let c = &pair.comparison;
    assert!(!c.same_currency());
    let cost = ResourceId::ALL.iter().position(|r| *r == ResourceId::MonthlyCost).expect("a resource");
    for option in &c.options {
        assert_eq!(option.resources[cost].change, None, "{:?}", option.option);
        assert!(option.resources[cost].b > option.resources[cost].a, "both figures are kept");
    }

    let json = json::comparison(&pair);
    assert_eq!(json["currencies"], serde_json::json!({ "a": "EUR", "b": "USD" }));
    for (id, option) in json["options"].as_object().expect("options") {
        let money = &option["resources"]["monthly_cost"];
        assert!(money["delta"].is_null() && money["a"].is_number() && money["b"].is_number(), "{id}: {money}");
        assert!(option["resources"]["hosts"]["delta"].is_number(), "{id}: other figures still move");
    }

    let text = text::comparison(&pair);
    let lines: Vec<&str> = text.lines().filter(|line| line.contains("Monthly cost")).collect();
    assert!(!lines.is_empty(), "{text}");
    for line in &lines {
        assert!(
            line.contains("(A in EUR, B in USD)") && line.contains(" EUR → ") && line.ends_with(" USD (—)"),
            "{line}"
        );
    }
    assert!(text.contains("A counts money in EUR and B in USD"), "{text}");

    let markdown = markdown::comparison(&pair);
    let rows: Vec<&str> = markdown.lines().filter(|line| line.starts_with("| Monthly cost")).collect();
    assert!(!rows.is_empty(), "{markdown}");
    for row in rows {
        assert!(row.contains(" EUR | ") && row.ends_with(" USD | — |"), "{row}");
    }
}

#[test]
fn the_cli_never_subtracts_euros_from_dollars() {
    let (euros, dollars) = euros_and_dollars();
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = (dir.path().join("eur.ron"), dir.path().join("usd.ron"));
    save_file(&a, &euros).expect("saved");
    save_file(&b, &dollars).expect("saved");
    let out = Command::new(env!("CARGO_BIN_EXE_podvisor"))
        .args(["compare", a.to_str().expect("path"), b.to_str().expect("path"), "--format", "json"])
        .output()
        .expect("podvisor runs");
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["options"]["vm"]["resources"]["monthly_cost"]["delta"].is_null(), "{json}");
}

#[test]
fn only_a_margin_that_moved_is_not_a_changed_verdict() {
    let estate = estate();
    let pair = ComparedPair::new(estate.clone(), edited(&estate));
    let said = podvisor::narrative::verdict_change(&pair.comparison);
    let leader = pair.a.evaluation.verdict.leader.spec().plural;
    assert!(!said.contains(&format!("lead in A, {leader} in B")), "{said}");
    if pair.comparison.leader_a == pair.comparison.leader_b {
        assert!(said.contains("in A and in B"), "{said}");
    }
}
