//! An import as a profile: hand-computed components of the fixtures, the hints, the profile's
//! own notes, figures fitted to the traits' ranges, merging beyond the most components a
//! profile holds, and that the profile saves and loads unchanged.

use std::fmt::Write as _;
use std::path::Path;

use podvisor::import::{
    CURRENT, FENCED_ISOLATION_NEED, Field, Imported, MAX_LISTED_NOTES, Note, SANDBOXED_UNTRUSTED_CODE,
    STATEFUL_DATA_INTENSITY, import_file, import_str,
};
use podvisor::model::OptionId;
use podvisor::model::profile::{Component, MAX_COMPONENTS, Profile};
use podvisor::model::traits::PrimaryOs;
use podvisor::profile::{parse, to_canonical_string};

const FIXTURES: [&str; 4] = ["awesome-compose.yaml", "helm-bundle.yaml", "cronjob.yaml", "windows-compose.yml"];

fn fixture(name: &str) -> Imported {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(name);
    import_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn component<'a>(profile: &'a Profile, name: &str) -> &'a Component {
    profile.components.iter().find(|c| c.name == name).unwrap_or_else(|| {
        panic!("no component {name}: {:?}", profile.components.iter().map(|c| &c.name).collect::<Vec<_>>())
    })
}

fn default_workload() -> podvisor::model::Workload {
    podvisor::model::Workload::default()
}

#[test]
fn awesome_compose_becomes_five_components_with_the_database_apart() {
    let imported = fixture("awesome-compose.yaml");
    let profile = imported.to_profile();
    assert_eq!(profile.name, "awesome-compose", "named after the file");
    assert_eq!(profile.options, [OptionId::VM, OptionId::CONTAINER, OptionId::CONTAINERS_ON_VMS]);
    let names: Vec<&str> = profile.components.iter().map(|c| c.name.as_str()).collect();
    // backend (2 replicas) and worker (1) were one component before issue 23 bounded grouping
    // by replica similarity.
    assert_eq!(names, ["frontend", "backend", "worker", "db", "cache"]);
    for c in &profile.components {
        assert_eq!((c.placement, c.current), (None, CURRENT), "{}", c.name);
    }

    // db: postgres with reservations 1 CPU / 1gb, no replicas (Compose default 1).
    let db = &component(&profile, "db").workload;
    assert_eq!((db.services, db.replicas), (1, 1));
    assert_eq!((db.memory_per_instance_mib, db.cpu_per_instance), (1024.0, 1.0));
    assert_eq!(db.data_intensity as f64, STATEFUL_DATA_INTENSITY);
    assert_eq!(db.isolation_need, default_workload().isolation_need, "nothing fences it off");

    // backend (2 replicas) and worker (1), each 384 MiB / 0.5 cores, apart: ×2 is beyond the
    // replica factor (they were one component of mean replicas 1.5 → 2 before issue 23).
    for (name, replicas) in [("backend", 2), ("worker", 1)] {
        let node = &component(&profile, name).workload;
        assert_eq!((node.services, node.replicas), (1, replicas));
        assert_eq!((node.memory_per_instance_mib, node.cpu_per_instance), (384.0, 0.5));
        assert_eq!(node.data_intensity, default_workload().data_intensity, "stateless keeps the default");
    }

    let frontend = &component(&profile, "frontend").workload;
    assert_eq!((frontend.services, frontend.replicas), (1, 3));
    assert_eq!((frontend.memory_per_instance_mib, frontend.cpu_per_instance), (128.0, 0.25));
    // Everything not read is the profile default.
    let expected = podvisor::model::Workload {
        services: 1,
        replicas: 3,
        memory_per_instance_mib: 128.0,
        cpu_per_instance: 0.25,
        ..default_workload()
    };
    assert_eq!(*frontend, expected);

    let cache = &component(&profile, "cache").workload;
    assert_eq!((cache.memory_per_instance_mib, cache.cpu_per_instance), (300.0, 0.5));
    assert_eq!(cache.data_intensity as f64, STATEFUL_DATA_INTENSITY, "redis is a stateful image");
    assert_eq!(profile.environment, Profile::default().environment);
}

#[test]
fn the_notes_say_where_the_profile_came_from_and_list_the_import_notes() {
    let imported = fixture("awesome-compose.yaml");
    let notes = imported.to_profile().notes;
    assert!(notes.starts_with("Imported from awesome-compose.yaml (Compose): 5 services in 5 components."), "{notes}");
    assert!(notes.contains("\ndb: Data intensity 8/10 (it holds state)."), "{notes}");
    assert!(notes.contains(&format!("\nImport notes ({}):", imported.notes.len())), "{notes}");
    for note in &imported.notes {
        assert!(notes.contains(&format!("\n- {note}")), "{note} missing from {notes}");
    }
}

#[test]
fn a_sandbox_runtime_adds_microvms_and_raises_isolation() {
    let profile = fixture("cronjob.yaml").to_profile();
    assert_eq!(
        profile.options,
        [OptionId::VM, OptionId::CONTAINER, OptionId::CONTAINERS_ON_VMS, OptionId::MICROVM],
        "gVisor is the microVM option's user-space variant"
    );
    let [job] = profile.components.as_slice() else { panic!("one component") };
    assert_eq!(job.name, "nightly-report");
    assert_eq!(
        (job.workload.replicas, job.workload.memory_per_instance_mib, job.workload.cpu_per_instance),
        (4, 1024.0, 0.5)
    );
    assert_eq!(job.workload.isolation_need as f64, FENCED_ISOLATION_NEED);
    assert_eq!(job.workload.untrusted_code as f64, SANDBOXED_UNTRUSTED_CODE);
    assert!(
        profile
            .notes
            .contains("nightly-report: Isolation need 7/10 (it runs in a sandbox runtime), Untrusted code 7/10")
    );
}

#[test]
fn windows_hyper_v_and_undeclared_values() {
    let profile = fixture("windows-compose.yml").to_profile();
    assert_eq!(profile.options.len(), 3, "Hyper-V isolation is no microVM option");
    let web = &component(&profile, "web").workload;
    assert_eq!(web.primary_os, PrimaryOs::Windows);
    assert_eq!((web.replicas, web.memory_per_instance_mib, web.cpu_per_instance), (2, 2048.0, 2.0));
    assert_eq!(web.isolation_need, default_workload().isolation_need);
    let agent = &component(&profile, "agent").workload;
    assert_eq!(agent.primary_os, PrimaryOs::Windows);
    assert_eq!(agent.isolation_need as f64, FENCED_ISOLATION_NEED, "Hyper-V isolation is a sandbox");
    let sql = &component(&profile, "sql").workload;
    assert_eq!(sql.primary_os, PrimaryOs::Linux);
    assert_eq!(sql.memory_per_instance_mib, 4096.0);
    assert_eq!(sql.cpu_per_instance, default_workload().cpu_per_instance, "no CPU declared: the default");
}

#[test]
fn privileged_raises_isolation_need_but_not_untrusted_code() {
    let text = "apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers:\n        - name: a\n          securityContext: {privileged: true}\n          resources: {requests: {memory: 64Mi, cpu: 100m}}\n";
    let profile = import_str(text, "agent.yaml").expect("imports").to_profile();
    let agent = &profile.components[0].workload;
    assert_eq!(agent.isolation_need as f64, FENCED_ISOLATION_NEED);
    assert_eq!(agent.untrusted_code, 0, "privileged pods are run by trusted users");
    assert_eq!((agent.memory_per_instance_mib, agent.cpu_per_instance), (64.0, 0.1));
}

#[test]
fn figures_outside_the_traits_ranges_are_fitted_and_noted() {
    let text = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: tiny}\nspec:\n  replicas: 0\n  template:\n    spec:\n      containers:\n        - {name: a, resources: {requests: {memory: 8Mi, cpu: 10m}}}\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {name: wide}\nspec:\n  replicas: 500\n  template:\n    spec:\n      containers:\n        - {name: a, resources: {requests: {memory: 2Ti, cpu: '100'}}}\n";
    let imported = import_str(text, "odd.yaml").expect("imports");
    let tiny = &imported.components[0];
    assert_eq!((tiny.replicas, tiny.memory_per_instance_mib, tiny.cpu_per_instance), (1, Some(16.0), Some(0.05)));
    let wide = &imported.components[1];
    assert_eq!(
        (wide.replicas, wide.memory_per_instance_mib, wide.cpu_per_instance),
        (100, Some(1_048_576.0), Some(64.0))
    );
    let fitted: Vec<(&str, Field, &str, &str)> = imported
        .notes
        .iter()
        .filter_map(|n| match &n.note {
            Note::OutOfRange { field, value, used } => {
                Some((n.place.object.as_deref().unwrap_or(""), *field, value.as_str(), used.as_str()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        fitted,
        [
            ("component tiny", Field::Replicas, "0", "1"),
            ("component tiny", Field::Memory, "8 MiB", "16 MiB"),
            ("component tiny", Field::Cpu, "0.01 cores", "0.05 cores"),
            ("component wide", Field::Replicas, "500", "100"),
            ("component wide", Field::Memory, "2097152 MiB", "1048576 MiB"),
            ("component wide", Field::Cpu, "100 cores", "64 cores"),
        ]
    );
    let profile = imported.to_profile();
    assert_eq!(profile.components[0].workload.replicas, 1);
    assert_eq!(profile.components[1].workload.memory_per_instance_mib, 1_048_576.0);
}

/// `count` databases, each its own component, `db{i}` with 1000 + 10·i MiB.
fn databases(count: usize) -> String {
    let mut text = String::from("services:\n");
    for i in 0..count {
        let _ =
            write!(text, "  db{i}:\n    image: postgres:16\n    mem_reservation: {}m\n    cpus: 1\n", 1000 + 10 * i);
    }
    text
}

#[test]
fn beyond_the_most_components_the_smallest_merges_into_its_most_similar() {
    let imported = import_str(&databases(MAX_COMPONENTS + 1), "dbs.yaml").expect("imports");
    assert_eq!(imported.components.len(), MAX_COMPONENTS);
    assert_eq!(imported.services(), 65, "no service is lost");
    // db0 (1000 MiB) is the smallest; db1 (1010 MiB) the nearest: one instance each, so the
    // merged component has 2 services of (1000 + 1010) / 2 = 1005 MiB.
    let merged = &imported.components[0];
    assert_eq!(merged.name, "db1 and 1 similar");
    assert_eq!(merged.members, ["db1", "db0"]);
    assert_eq!((merged.services, merged.replicas, merged.memory_per_instance_mib), (2, 1, Some(1005.0)));
    let note = imported.notes.iter().find(|n| matches!(n.note, Note::Merged { .. })).expect("a merge note");
    assert_eq!(note.place.object.as_deref(), Some("component db1 and 1 similar"));
    assert_eq!(note.note, Note::Merged { services: vec!["db0".into()], components: 65, limit: MAX_COMPONENTS });
    assert!(note.to_string().contains("the file makes 65 components and a profile holds at most 64, so db0 merged"));

    let many = import_str(&databases(200), "dbs.yaml").expect("imports");
    assert_eq!(many.components.len(), MAX_COMPONENTS);
    assert_eq!(many.services(), 200);
    let memory: f64 =
        many.components.iter().map(|c| f64::from(c.services) * c.memory_per_instance_mib.expect("declared")).sum();
    let expected: f64 = (0..200).map(|i| 1000.0 + 10.0 * f64::from(i)).sum();
    assert!((memory - expected).abs() < 1e-6, "the memory of all instances is kept: {memory} vs {expected}");
    let profile = many.to_profile();
    assert_eq!(profile.components.len(), MAX_COMPONENTS);
}

#[test]
fn long_note_lists_are_cut_in_the_profile() {
    // Every service without replicas, memory or CPU: three notes each.
    let mut text = String::from("services:\n");
    for i in 0..30 {
        let _ = write!(text, "  s{i}:\n    image: app\n");
    }
    let imported = import_str(&text, "many.yaml").expect("imports");
    assert_eq!(imported.notes.len(), 90);
    let notes = imported.to_profile().notes;
    assert_eq!(notes.matches("\n- ").count(), MAX_LISTED_NOTES + 1);
    assert!(notes.ends_with("\n- … and 50 more (`podvisor import many.yaml` lists them all)"), "{notes}");
}

#[test]
fn imported_profiles_save_and_load_unchanged() {
    for name in FIXTURES {
        let profile = fixture(name).to_profile();
        let text = to_canonical_string(&profile);
        let loaded = parse(text.as_bytes(), name).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
        assert_eq!(loaded.profile, profile, "{name}");
        assert_eq!(to_canonical_string(&loaded.profile), text, "{name}: saving again gives the same bytes");
    }
    let merged = import_str(&databases(100), "dbs.yaml").expect("imports").to_profile();
    let loaded = parse(to_canonical_string(&merged).as_bytes(), "dbs").expect("loads");
    assert_eq!(loaded.profile, merged);
}

#[test]
fn a_merge_note_names_each_service_once() {
    let imported = import_str(&databases(200), "dbs.yaml").expect("imports");
    let mut named: Vec<&str> = imported
        .notes
        .iter()
        .filter_map(|n| match &n.note {
            Note::Merged { services, .. } => Some(services.iter().map(String::as_str)),
            _ => None,
        })
        .flatten()
        .collect();
    // 200 services in 64 components: 136 merges, each naming the service it moved once.
    assert_eq!(named.len(), 136);
    named.sort_unstable();
    named.dedup();
    assert_eq!(named.len(), 136, "a service named twice");
}

#[test]
fn inferences_come_first_and_are_never_cut() {
    // 30 services with nothing declared (three routine notes each), then a database.
    let mut text = String::from("services:\n");
    for i in 0..30 {
        let _ = write!(text, "  s{i}:\n    image: app\n");
    }
    text.push_str("  db:\n    image: postgres:16\n");
    let imported = import_str(&text, "many.yaml").expect("imports");
    assert_eq!(imported.notes.len(), 94);
    assert!(matches!(imported.notes[0].note, Note::Inferred { .. }), "{}", imported.notes[0]);
    let ranks: Vec<_> = imported.notes.iter().map(|n| n.note.rank()).collect();
    assert!(ranks.is_sorted(), "{ranks:?}");
    let notes = imported.to_profile().notes;
    assert!(
        notes.contains("\n- service db: treated as stateful: `postgres:16` is a database or broker image"),
        "{notes}"
    );
    assert!(notes.ends_with("\n- … and 54 more (`podvisor import many.yaml` lists them all)"), "{notes}");
}

#[test]
fn means_print_as_the_file_wrote_them() {
    // Seven Deployments of 100m: the mean is 0.1 cores, not 0.09999999999999999.
    let mut text = String::new();
    for i in 0..7 {
        let _ = write!(
            text,
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d{i}}}\nspec:\n  template:\n    spec:\n      containers:\n      - name: c\n        image: app\n        resources: {{requests: {{cpu: 100m, memory: 0.3Gi}}}}\n"
        );
    }
    let imported = import_str(&text, "seven.yaml").expect("imports");
    assert_eq!(imported.components.len(), 1);
    assert_eq!(imported.components[0].cpu_per_instance, Some(0.1));
    assert_eq!(imported.components[0].memory_per_instance_mib, Some(307.2));
    let saved = to_canonical_string(&imported.to_profile());
    assert!(saved.contains("cpu_per_instance: 0.1,"), "{saved}");
    assert!(!saved.contains("9999"), "{saved}");
}
