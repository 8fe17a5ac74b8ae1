//! Saving and loading again changes nothing: bundled profiles, the default and a profile with
//! every field changed survive save → load with equal contents, equal evaluations and
//! byte-identical files.

use crate::profile_support;

use std::path::Path;

use podvisor::model::profile::fields::{Field, FieldKind};
use podvisor::model::profile::{NodeAgents, Team, default_options};
use podvisor::model::purchase::Purchase;
use podvisor::model::sensitivity;
use podvisor::model::{AssumptionId, CriterionId, TRAITS, TraitKind, evaluate};
use podvisor::profile::schema::{ComponentField, Section, TopField};
use podvisor::profile::{self, Profile};

fn evaluation_json(profile: &Profile) -> serde_json::Value {
    podvisor::report::json::evaluation(profile, &evaluate(profile, podvisor::builtin::catalogs()))
}

fn reload(text: &str) -> Profile {
    let loaded = profile::parse(text.as_bytes(), "canonical.ron").unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
    loaded.profile
}

/// save → load → save: same profile, same evaluation, same bytes, through real files too.
fn assert_round_trip(label: &str, original: &Profile) {
    let text = profile::to_canonical_string(original);
    let reloaded = reload(&text);
    assert_eq!(&reloaded, original, "{label}");
    assert_eq!(profile::to_canonical_string(&reloaded), text, "{label}: not byte-stable");
    assert_eq!(evaluation_json(&reloaded), evaluation_json(original), "{label}: evaluation changed");

    let folder = tempfile::tempdir().expect("temp folder");
    let path = folder.path().join("saved.ron");
    profile::save_file(&path, original).unwrap_or_else(|e| panic!("{label}: {e}"));
    let first = std::fs::read(&path).expect("saved file");
    assert_eq!(first, text.as_bytes(), "{label}: the file differs from the canonical text");
    let loaded = profile::load_file(&path).unwrap_or_else(|e| panic!("{label}: {e}"));
    profile::save_file(&path, &loaded.profile).unwrap_or_else(|e| panic!("{label}: {e}"));
    assert_eq!(std::fs::read(&path).expect("saved file"), first, "{label}: second save differs");
}

#[test]
fn bundled_profiles_load_cleanly_and_round_trip() {
    for path in profile_support::bundled() {
        let loaded = profile::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        assert!(loaded.warnings.is_empty(), "{}: {:?}", path.display(), loaded.warnings);
        // Normalising keeps the evaluation the author wrote the file for.
        let normalized = reload(&profile::to_canonical_string(&loaded.profile));
        assert_eq!(evaluation_json(&normalized), evaluation_json(&loaded.profile), "{}", path.display());
        assert_round_trip(&path.display().to_string(), &loaded.profile);
    }
}

/// Every field of every section, changed alone from a default profile, is written, read back
/// the same and kept byte for byte: a row added to the trait or field table is covered here.
#[test]
fn every_field_of_the_tables_round_trips_on_its_own() {
    const CATALOG_HOST: &str = "aws/m6i.4xlarge";
    for section in Section::ALL {
        for field in section.fields() {
            let mut changed = Profile::default();
            match field {
                Field::Trait(id) => {
                    let meta = id.meta();
                    changed.set(id, if meta.default < meta.max { meta.max } else { meta.min });
                }
                Field::Other(meta) => match meta.kind {
                    FieldKind::Word(words) => (words.set)(&mut changed, (words.all)().last().expect("words")),
                    FieldKind::Text { set, .. } => set(&mut changed, "Kč \"koruna\"".to_owned()),
                    FieldKind::Host { set, .. } => set(&mut changed, CATALOG_HOST.to_owned()),
                    FieldKind::Price { set, .. } => {
                        changed.environment.host = CATALOG_HOST.to_owned();
                        set(&mut changed, Some(0.5));
                    }
                    FieldKind::Flag { set, .. } => set(&mut changed, true),
                    FieldKind::Section(nested) => {
                        let id = nested.traits()[0];
                        changed.set(id, id.meta().max);
                    }
                },
            }
            let key = field.key();
            assert_ne!(changed, Profile::default(), "{key} did not change");
            let text = profile::to_canonical_string(&changed);
            let line = text.lines().find(|line| line.trim_start().starts_with(&format!("{key}: ")));
            assert!(line.is_some(), "{key} is not written:\n{text}");
            assert_round_trip(key, &changed);
        }
    }
}

#[test]
fn default_and_fully_non_default_profiles_round_trip() {
    assert_round_trip("default", &Profile::default());
    assert_round_trip("non-default", &profile_support::fully_non_default());
}

#[test]
fn canonical_form_lists_every_field_in_schema_order() {
    let mut expected: Vec<&str> = Vec::new();
    for field in TopField::ALL {
        expected.push(field.key());
        match field {
            TopField::Section(section) => {
                expected.extend(section.field_names());
                if section == Section::Environment {
                    // Each nested section's fields follow its own name.
                    assert_eq!(expected.pop(), Some("node_agents"));
                    expected.extend(Section::Team.field_names());
                    expected.push("node_agents");
                    expected.extend(Section::NodeAgents.field_names());
                }
            }
            TopField::Components => {
                expected.extend(ComponentField::ALL.map(ComponentField::key));
                expected.extend(Section::Workload.field_names());
            }
            _ => {}
        }
    }
    // The default profile, but for the fields written only when set: an edited host price, a
    // way of buying other than on demand (the environment's and the component's), arm64-ready
    // images, privileged containers, a packet data plane and the team (whose own fields follow
    // `team`).
    let mut profile = Profile::default();
    profile.environment.host = "aws/m6i.large".to_owned();
    profile.environment.host_price_per_hour = Some(0.09);
    profile.environment.purchase = Purchase::CommittedSteady;
    profile.components[0].purchase = Some(Purchase::Spot);
    profile.workload_mut().arm64_ready = true;
    profile.workload_mut().privileged = true;
    profile.workload_mut().packet_data_plane = true;
    profile.environment.team = Some(Team::default());
    profile.environment.node_agents = Some(NodeAgents::default());
    let text = profile::to_canonical_string(&profile);
    let keys: Vec<&str> = text
        .lines()
        .filter_map(|line| line.trim_start().split_once(':').map(|(key, _)| key))
        .filter(|key| key.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'))
        .collect();
    assert_eq!(keys, expected);
}

#[test]
fn bundled_profiles_are_in_canonical_form() {
    for path in profile_support::bundled() {
        let text = std::fs::read_to_string(&path).expect("readable profile");
        let loaded = profile::parse(text.as_bytes(), &path.display().to_string()).expect("bundled profile loads");
        assert_eq!(
            profile::to_canonical_string(&loaded.profile),
            text,
            "{} is not in canonical form: run `podvisor normalize {0} -o {0}`",
            path.display()
        );
    }
}

#[test]
fn numbers_are_written_one_way() {
    let text = profile::to_canonical_string(&profile_support::fully_non_default());
    for meta in TRAITS {
        let line = text.lines().find(|line| line.trim_start().starts_with(&format!("{}:", meta.key))).unwrap();
        let value = line.split_once(':').unwrap().1.split(',').next().unwrap().trim();
        match meta.kind {
            TraitKind::Integer => assert!(value.parse::<i64>().is_ok(), "{line}"),
            TraitKind::Real => assert!(value.contains('.') && value.parse::<f64>().is_ok(), "{line}"),
            TraitKind::Flag => assert!(value == "true" || value == "false", "{line}"),
        }
    }
    for line in text.lines().filter(|line| line.trim_start().starts_with('"')) {
        let value = line.split_once(':').unwrap().1.split(',').next().unwrap().trim();
        assert!(value.contains('.'), "weights and assumptions are real: {line}");
    }
}

#[test]
fn one_changed_field_is_a_one_line_diff() {
    let base = profile_support::fully_non_default();
    let before = profile::to_canonical_string(&base);
    let mut changes: Vec<(String, Profile)> = TRAITS
        .iter()
        .map(|meta| {
            let mut changed = base.clone();
            let value = if meta.kind == TraitKind::Flag { 1.0 - base.get(meta.id) } else { meta.default };
            changed.set(meta.id, value);
            (meta.key.to_owned(), changed)
        })
        .collect();
    let mut weight = base.clone();
    weight.weights.insert(CriterionId::ISOLATION.key(), 1.0);
    changes.push(("weights.isolation".to_owned(), weight));
    let mut notes = base.clone();
    notes.notes = notes.notes.replace("Line one.", "Line one, edited.");
    changes.push(("notes".to_owned(), notes));
    for (label, changed) in changes {
        let after = profile::to_canonical_string(&changed);
        assert_eq!(before.lines().count(), after.lines().count(), "{label}");
        let differing = before.lines().zip(after.lines()).filter(|(a, b)| a != b).count();
        assert_eq!(differing, 1, "{label}:\n{after}");
    }
}

/// The bundled profiles as the previous build wrote them (schema v1), in `tests/profiles_v1/`:
/// each loads with the meaning it had, which is its v2 successor's comparing `vm` and
/// `container` — same evaluation, same verdict, same sensitivity. (Profiles bundled since
/// version 2 have no version-1 copy.)
#[test]
fn version_1_files_keep_their_meaning() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/profiles_v1");
    let bundled = profile_support::bundled();
    let old_files: Vec<_> =
        std::fs::read_dir(&folder).expect("v1 copies").map(|e| e.expect("entry").file_name()).collect();
    assert!(old_files.len() >= 6, "the six profiles bundled in version 1");
    for path in bundled.into_iter().filter(|path| old_files.iter().any(|f| Some(f.as_os_str()) == path.file_name())) {
        let old_path = folder.join(path.file_name().expect("file name"));
        let old = profile::load_file(&old_path).unwrap_or_else(|e| panic!("{e}"));
        assert!(old.warnings.is_empty(), "{:?}", old.warnings);
        assert!(std::fs::read_to_string(&old_path).expect("v1 text").contains("\n    version: 1,\n"));
        let mut new = profile::load_file(&path).unwrap_or_else(|e| panic!("{e}")).profile;
        assert_eq!(old.profile.options, default_options(), "{}", old_path.display());
        new.options = default_options();
        new.components[0].name.clone_from(&old.profile.components[0].name);
        assert_eq!(old.profile, new, "{}", path.display());
        let label = path.display();
        let (a, b) =
            (evaluate(&old.profile, podvisor::builtin::catalogs()), evaluate(&new, podvisor::builtin::catalogs()));
        assert_eq!((a.verdict.winner, a.verdict.leader), (b.verdict.winner, b.verdict.leader), "{label}");
        assert_eq!(evaluation_json(&old.profile), evaluation_json(&new), "{label}");
        let (a, b) = (
            sensitivity::analyse(&old.profile, podvisor::builtin::catalogs()),
            sensitivity::analyse(&new, podvisor::builtin::catalogs()),
        );
        assert_eq!(a, b, "{label}");
    }
}

#[test]
fn normalising_a_version_1_file_writes_version_3() {
    let old = "(format: \"podvisor-profile\", version: 1, name: \"Old\", workload: (services: 40))";
    let text = profile::to_canonical_string(&profile::parse(old.as_bytes(), "old.ron").unwrap().profile);
    assert!(text.contains("\n    version: 3,\n    name: \"Old\",\n"), "{text}");
    assert!(!text.contains("team:"), "a version 1 file states no team, so people stay unpriced: {text}");
    assert!(text.contains("\n    options: [\"vm\", \"container\"],"), "{text}");
    assert!(text.contains("\n    components: [\n        (\n            name: \"Workload\",\n            placement: None,\n            current: \"vm\",\n            workload: (\n                services: 40,"), "{text}");
    assert!(!text.contains("\n    workload:"), "no top-level workload: {text}");
}

#[test]
fn normalising_a_sparse_file_writes_every_field_with_its_default() {
    let sparse = "(format: \"podvisor-profile\", version: 1, workload: (services: 40))";
    let loaded = profile::parse(sparse.as_bytes(), "sparse.ron").unwrap();
    let mut expected = Profile::default();
    expected.workload_mut().services = 40;
    // Version 1's isolation need also said how untrusted the code is.
    expected.workload_mut().untrusted_code = expected.workload().isolation_need;
    assert_eq!(loaded.profile, expected);
    let text = profile::to_canonical_string(&loaded.profile);
    assert!(text.contains("        services: 40,"), "{text}");
    assert!(text.contains("        currency: \"USD\","), "{text}");
    assert_eq!(reload(&text), expected);
}

#[test]
fn adding_an_override_inserts_one_line_and_moves_no_other() {
    let mut base = Profile::default();
    base.weights.insert(CriterionId::ISOLATION.key(), 5.0);
    base.assumptions.insert(AssumptionId::VmBootSeconds, 25.0);
    let before = profile::to_canonical_string(&base);
    let mut grown = base.clone();
    grown.weights.insert(CriterionId::SUPPLY_CHAIN.key(), 4.0);
    grown.assumptions.insert(AssumptionId::ContainerKubeletMemoryPerPodMib, 10.0);
    let after = profile::to_canonical_string(&grown);
    let added: Vec<&str> = after.lines().filter(|line| !before.lines().any(|old| old == *line)).collect();
    assert_eq!(added.len(), 2, "{after}");
    assert!(
        added[0].contains("\"supply_chain\": 4.0,")
            && added[1].contains("\"container_kubelet_memory_per_pod_mib\": 10.0,")
    );
    let without: Vec<&str> = after.lines().filter(|line| !added.contains(line)).collect();
    assert_eq!(without, before.lines().collect::<Vec<_>>());
}
