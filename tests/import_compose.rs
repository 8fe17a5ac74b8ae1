//! Compose files as `docker compose config` reads them: a self-hosted stack in the style of
//! the large community ones (tests/import/selfhosted/: anchors, merge keys, `x-` fragments,
//! `.env` variables with defaults, `include:`, `extends` from another file, profiles, an
//! override file), and Compose's own refusals.

use crate::import_support;

use std::path::{Path, PathBuf};

use import_support::component;
use podvisor::import::{
    Field, Ignored, ImportError, Imported, Inference, Note, Options, import_file, import_file_with, import_str,
};

fn stack(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/selfhosted").join(name)
}

fn members(imported: &Imported) -> Vec<&str> {
    let mut names: Vec<&str> = imported.components.iter().flat_map(|c| c.members.iter().map(String::as_str)).collect();
    names.sort_unstable();
    names
}

#[test]
fn a_self_hosted_stack_reads_as_compose_resolves_it() {
    let imported = import_file(&stack("compose.yaml")).expect("imports");
    // pgadmin and notebook are behind profiles; prometheus and grafana come from include:.
    assert_eq!(
        members(&imported),
        ["database", "grafana", "machine-learning", "microservices", "prometheus", "redis", "server"]
    );
    let left_out = imported.notes.iter().find_map(|n| match &n.note {
        Note::Ignored { what: Ignored::Profiles { services, profiles } } => Some((services, profiles)),
        _ => None,
    });
    assert_eq!(
        left_out,
        Some((&vec!["pgadmin".to_owned(), "notebook".to_owned()], &vec!["debug".to_owned(), "ai".to_owned()]))
    );

    // The x-app fragment, its own deploy block winning: 2 × 1 GiB, 1 core, the image from .env.
    let server = component(&imported, "server");
    assert_eq!((server.services, server.replicas), (1, 2));
    assert_eq!((server.memory_per_instance_mib, server.cpu_per_instance), (Some(1024.0), Some(1.0)));
    assert_eq!(server.images, ["ghcr.io/example/photos-server:v1.121.0"]);
    assert!(!server.stateful, "a bind mount of the library is not a named volume");
    let workers = component(&imported, "microservices");
    assert_eq!((workers.memory_per_instance_mib, workers.cpu_per_instance), (Some(512.0), Some(0.5)));

    // extends: file common.yaml, its reservations, the service's own image.
    let ml = component(&imported, "machine-learning");
    assert_eq!((ml.memory_per_instance_mib, ml.cpu_per_instance), (Some(4096.0), Some(2.0)));
    assert_eq!(ml.images, ["ghcr.io/example/photos-ml:v1.121.0"]);

    // mem_limit: 0 and cpus: 0 mean no limit: nothing declared (was 16 MiB and 0.05 cores).
    let redis = component(&imported, "redis");
    assert_eq!((redis.memory_per_instance_mib, redis.cpu_per_instance), (None, None));
    assert!(redis.stateful, "valkey is a database image");

    // The image hides behind ${DB_IMAGE} (from .env); the named volume says it holds state.
    let database = component(&imported, "database");
    assert_eq!(database.images, ["docker.io/tensorchord/pgvecto-rs:pg16-v0.2.0"]);
    assert!(database.stateful);
    assert_eq!(database.memory_per_instance_mib, Some(2048.0), "mem_limit 2g equals deploy's 2048m");

    let prometheus = component(&imported, "prometheus");
    assert!(prometheus.stateful, "the included file's named volume");
    assert!(imported.notes.iter().any(|n| n.note == Note::Included { file: "monitoring.yaml".into(), services: 2 }));
    assert!(!imported.notes.iter().any(|n| matches!(n.note, Note::VariableUnset { .. })), "{:#?}", imported.notes);
}

#[test]
fn profiles_are_selected_as_compose_selects_them() {
    let options = |profiles: &[&str]| Options {
        profiles: profiles.iter().map(|p| (*p).to_owned()).collect(),
        ..Options::default()
    };
    let ai = import_file_with(&stack("compose.yaml"), &options(&["ai"])).expect("imports");
    assert!(members(&ai).contains(&"notebook") && !members(&ai).contains(&"pgadmin"));
    let all = import_file_with(&stack("compose.yaml"), &options(&["*"])).expect("imports");
    assert_eq!(all.services(), 9);
    assert!(!all.notes.iter().any(|n| matches!(n.note, Note::Ignored { what: Ignored::Profiles { .. } })));
}

#[test]
fn variables_from_the_environment_win_over_env_and_unset_ones_are_noted() {
    let mut options = Options::default();
    options.variables.insert("DB_IMAGE".into(), "postgres:17".into());
    let imported = import_file_with(&stack("compose.yaml"), &options).expect("imports");
    assert_eq!(component(&imported, "database").images, ["postgres:17"]);

    // Text alone has no .env: the image is blank, and said so.
    let text = std::fs::read_to_string(stack("compose.yaml")).expect("fixture");
    let alone = import_str(&text, "compose.yaml").expect("imports");
    assert!(alone.notes.iter().any(|n| n.note == Note::VariableUnset { name: "DB_IMAGE".into() }));
    assert!(alone.notes.iter().any(
        |n| matches!(&n.note, Note::Ignored { what: Ignored::NotFollowed { file } } if file == "monitoring.yaml")
    ));
    assert!(
        component(&alone, "database").images.is_empty() || component(&alone, "database").images == [""],
        "{:?}",
        component(&alone, "database").images
    );
}

#[test]
fn an_override_file_is_laid_over_its_base() {
    let imported = import_file(&stack("compose.override.yaml")).expect("imports");
    assert_eq!(component(&imported, "server").replicas, 3, "the override's replicas");
    assert_eq!(component(&imported, "server").memory_per_instance_mib, Some(1024.0), "the base's memory");
    assert_eq!(imported.services(), 7);
    assert!(imported.notes.iter().any(|n| n.note == Note::OverrideMerged { base: "compose.yaml".into() }));

    let alone = import_str("services:\n  web:\n    image: nginx\n", "docker-compose.override.yml").expect("imports");
    assert!(
        alone
            .notes
            .iter()
            .any(|n| n.note == Note::Ignored { what: Ignored::OverrideAlone { base: "docker-compose.yml".into() } })
    );
}

#[test]
fn what_compose_refuses_is_refused() {
    let conflict = "services:\n  db:\n    image: postgres\n    mem_limit: 1g\n    deploy:\n      resources:\n        limits:\n          memory: 2g\n";
    let error = import_str(conflict, "c.yaml").expect_err("conflicting limits");
    assert!(matches!(error, ImportError::Compose { line: Some(8), .. }), "{error:?}");
    assert_eq!(
        error.to_string(),
        "Compose refuses this file at line 8: service db: can't set distinct values on 'mem_limit' and 'deploy.resources.limits.memory'"
    );
    let cpus = "services:\n  db:\n    image: postgres\n    cpus: 1\n    deploy: {resources: {limits: {cpus: '2'}}}\n";
    assert!(matches!(import_str(cpus, "c.yaml"), Err(ImportError::Compose { .. })));

    let duplicate = "services:\n  web:\n    image: nginx\n  web:\n    image: httpd\n";
    let error = import_str(duplicate, "d.yaml").expect_err("a duplicate key");
    assert!(error.to_string().contains("the key `web` is written twice in one mapping (first at line 2)"), "{error}");
    assert!(matches!(error, ImportError::Yaml { line: Some(4), .. }), "{error:?}");

    let required =
        "services:\n  db:\n    image: postgres\n    environment:\n      PASSWORD: ${DB_PASSWORD:?set it in .env}\n";
    let error = import_str(required, "r.yaml").expect_err("a required variable");
    assert!(error.to_string().contains("required variable DB_PASSWORD is missing a value: set it in .env"), "{error}");
}

#[test]
fn zero_means_no_limit() {
    let text = "services:\n  app:\n    image: app\n    mem_limit: 0\n    mem_reservation: 0\n    cpus: 0\n";
    let imported = import_str(text, "z.yaml").expect("imports");
    let app = component(&imported, "app");
    assert_eq!((app.memory_per_instance_mib, app.cpu_per_instance), (None, None));
    let notes: Vec<&Note> = imported.notes.iter().map(|n| &n.note).collect();
    assert!(notes.contains(&&Note::NotDeclared { field: Field::Memory }), "{notes:?}");
    assert!(notes.contains(&&Note::NotDeclared { field: Field::Cpu }), "{notes:?}");
    assert!(!notes.iter().any(|n| matches!(n, Note::Inferred { fact: Inference::StatefulImage { .. } })));
}

#[test]
fn windows_paths_pipes_and_gpu_devices_are_evidence() {
    let text = r#"services:
  agent:
    image: example/build-agent:2.1
    volumes:
      - \\.\pipe\docker_engine:\\.\pipe\docker_engine
  iis:
    image: example/site:1.0
    volumes:
      - type: bind
        source: C:\inetpub\logs
        target: C:\logs
  linux:
    image: example/api:1.0
    volumes: ["./data:/data"]
  trainer:
    image: example/trainer:1.0
    deploy:
      resources:
        reservations:
          devices:
            - driver: nvidia
              count: 1
              capabilities: [gpu]
"#;
    let imported = import_str(text, "compose.yaml").expect("imports");
    assert!(component(&imported, "agent").windows, "a named pipe");
    assert!(component(&imported, "iis").windows, "a C:\\ path");
    assert!(!component(&imported, "linux").windows);
    assert!(
        imported
            .notes
            .iter()
            .any(|n| n.note == Note::Inferred { fact: Inference::WindowsPath { path: "C:\\inetpub\\logs".into() } })
    );
    assert!(component(&imported, "trainer").gpu.is_some());
    assert!(component(&imported, "linux").gpu.is_none());
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(name)
}

fn stateful(imported: &Imported) -> Vec<&str> {
    let mut names: Vec<&str> =
        imported.components.iter().filter(|c| c.stateful).flat_map(|c| c.members.iter().map(String::as_str)).collect();
    names.sort_unstable();
    names
}

fn inferred<'a>(imported: &'a Imported, service: &str) -> Vec<&'a Inference> {
    let object = format!("service {service}");
    imported
        .notes
        .iter()
        .filter(|n| n.place.object.as_deref() == Some(&object))
        .filter_map(|n| match &n.note {
            Note::Inferred { fact } => Some(fact),
            _ => None,
        })
        .collect()
}

#[test]
fn state_is_read_from_evidence_in_a_home_lab_stack() {
    let imported = import_file(&fixture("homelab-state.yaml")).expect("imports");
    assert_eq!(imported.services(), 18);
    // Six *arr helpers write to one volume: one storage concern, owned by the first (was six
    // stateful components). The media tree and the read-only library are not state; the photo
    // index (photoprism/storage), the database's /var/lib/mysql, the model caches and the
    // brokers, coordinators and search engine are.
    assert_eq!(
        stateful(&imported),
        [
            "embeddings",
            "etcd",
            "ollama",
            "open-webui",
            "opensearch",
            "photoprism",
            "photoprism-db",
            "redpanda",
            "sonarr",
            "zookeeper"
        ]
    );
    assert_eq!(
        inferred(&imported, "sonarr"),
        [
            &Inference::StatefulVolume { volume: "shared".into() },
            &Inference::SharedStore {
                store: "shared".into(),
                others: ["radarr", "lidarr", "prowlarr", "bazarr", "qbittorrent"].map(String::from).to_vec()
            }
        ]
    );
    // The five others share one stateless component: same kind and 512 MiB each.
    let helpers = component(&imported, "radarr");
    assert!(!helpers.stateful);
    assert_eq!(helpers.members, ["radarr", "lidarr", "prowlarr", "bazarr", "qbittorrent"]);
    assert!(inferred(&imported, "radarr").is_empty(), "one note, on the owner");

    assert!(inferred(&imported, "photoprism").contains(&&Inference::StatefulPath {
        source: "./photoprism/storage".into(),
        target: "/photoprism/storage".into()
    }));
    assert!(inferred(&imported, "embeddings").contains(&&Inference::StatefulPath {
        source: "~/.cache/huggingface".into(),
        target: "/root/.cache/huggingface".into()
    }));
    assert_eq!(
        inferred(&imported, "redpanda"),
        [&Inference::StatefulImage { image: "docker.redpanda.com/redpandadata/redpanda:v24.1.7".into() }]
    );
    assert!(!component(&imported, "jellyfin").stateful, "config, a transcode cache and a read-only library");
}

#[test]
fn one_volume_mounted_by_nineteen_services_is_one_store() {
    // The issue's stack: 19 services mount one named volume; a database writes elsewhere.
    let mut text =
        String::from("services:\n  db:\n    image: postgres:16\n    volumes: [pgdata:/var/lib/postgresql/data]\n");
    for i in 1..=19 {
        text.push_str(&format!("  app{i}:\n    image: example/app{i}:1\n    volumes: [appdata:/srv/appdata]\n"));
    }
    text.push_str("volumes:\n  pgdata:\n  appdata:\n");
    let imported = import_str(&text, "compose.yaml").expect("imports");
    assert_eq!(stateful(&imported), ["app1", "db"]);
    let shared = imported
        .notes
        .iter()
        .filter(
            |n| matches!(&n.note, Note::Inferred { fact: Inference::SharedStore { others, .. } } if others.len() == 18),
        )
        .count();
    assert_eq!(shared, 1);

    // A database image that writes to the shared volume owns it, before the first writer.
    let text = "services:\n  web:\n    image: example/web:1\n    volumes: [data:/data]\n  db:\n    image: postgres:16\n    volumes: [data:/var/lib/postgresql/data]\nvolumes:\n  data:\n";
    let imported = import_str(text, "compose.yaml").expect("imports");
    assert_eq!(stateful(&imported), ["db"]);
    assert_eq!(
        inferred(&imported, "db"),
        [
            &Inference::StatefulImage { image: "postgres:16".into() },
            &Inference::SharedStore { store: "data".into(), others: vec!["web".into()] }
        ]
    );
}

#[test]
fn where_the_image_is_a_variable_the_health_check_and_command_say_what_runs() {
    let text = r#"services:
  database:
    image: ${DB_IMAGE}
    healthcheck:
      test: ["CMD-SHELL", "pg_isready -U $${POSTGRES_USER} -d $${POSTGRES_DB}"]
  cache:
    build: ./cache
    command: redis-server --appendonly yes
  api:
    image: ${API_IMAGE:-example/api:1}
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost:8080/health"]
"#;
    let imported = import_str(text, "compose.yaml").expect("imports");
    assert_eq!(stateful(&imported), ["cache", "database"]);
    assert_eq!(
        inferred(&imported, "database"),
        [&Inference::StatefulProgram { program: "pg_isready".into(), from: "health check" }]
    );
    assert_eq!(
        inferred(&imported, "cache"),
        [&Inference::StatefulProgram { program: "redis-server".into(), from: "command" }]
    );
}
