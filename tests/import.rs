//! Import of Compose files and Kubernetes manifests: fixtures in the formats' documented
//! shapes (tests/import/), and bad input that must be refused clearly and quickly.

use crate::import_support;

use std::time::{Duration, Instant};

use import_support::component;
use podvisor::import::{
    Field, Format, Ignored, ImportError, ImportNote, Imported, Inference, MAX_INPUT_BYTES, Note, RuntimeHint,
    WorkloadKind, import_file, import_str,
};

fn fixture(name: &str) -> Imported {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(name);
    import_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn notes_about<'a>(imported: &'a Imported, object: &str) -> Vec<&'a Note> {
    imported.notes.iter().filter(|n| n.place.object.as_deref() == Some(object)).map(|n| &n.note).collect()
}

fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a value");
    assert!((actual - expected).abs() < 1e-9, "{actual} != {expected}");
}

#[test]
fn awesome_compose_app() {
    let imported = fixture("awesome-compose.yaml");
    assert_eq!(imported.source, "awesome-compose.yaml");
    assert_eq!(imported.format, Format::Compose);
    let names: Vec<&str> = imported.components.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["frontend", "backend", "worker", "db", "cache"]);

    let frontend = component(&imported, "frontend");
    assert_eq!((frontend.kind, frontend.services, frontend.replicas), (WorkloadKind::ComposeService, 1, 3));
    close(frontend.memory_per_instance_mib, 128.0); // reservations preferred over limits
    close(frontend.cpu_per_instance, 0.25);
    assert!(!frontend.stateful, "a bind mount and an anonymous volume hold no state");

    // backend and worker share the x-node-service fragment (merge keys); worker overrides
    // replicas. Since issue 23 grouping is bounded by replica similarity (×1.5), so a single
    // worker no longer joins the backend's pair (they were one component of 2 replicas, the
    // rounded mean of 2 and 1, which counted the worker twice).
    for (name, replicas) in [("backend", 2), ("worker", 1)] {
        let node = component(&imported, name);
        assert_eq!((node.members.as_slice(), node.replicas), (&[name.to_owned()][..], replicas));
        close(node.memory_per_instance_mib, 384.0);
        close(node.cpu_per_instance, 0.5);
        assert_eq!(node.images, [format!("shop/{name}:2.0.0")]);
    }

    let db = component(&imported, "db");
    assert!(db.stateful);
    close(db.memory_per_instance_mib, 1024.0); // "1gb"
    close(db.cpu_per_instance, 1.0);
    assert!(
        notes_about(&imported, "service db")
            .contains(&&Note::Inferred { fact: Inference::StatefulImage { image: "postgres:16-alpine".into() } })
    );

    let cache = component(&imported, "cache");
    assert!(cache.stateful);
    close(cache.memory_per_instance_mib, 300.0); // legacy mem_limit "300m"
    close(cache.cpu_per_instance, 0.5);
    let cache_notes = notes_about(&imported, "service cache");
    assert!(cache_notes.contains(&&Note::LimitUsed { field: Field::Memory }), "{cache_notes:?}");
    assert!(cache_notes.iter().any(|n| matches!(n, Note::FormatDefault { field: Field::Replicas, .. })));
    // Nothing was unreadable in this file.
    assert!(!imported.notes.iter().any(|n| matches!(n.note, Note::Unreadable { .. })), "{:#?}", imported.notes);
}

#[test]
fn helm_rendered_bundle() {
    let imported = fixture("helm-bundle.yaml");
    assert_eq!(imported.format, Format::Kubernetes);
    assert_eq!(imported.components.len(), 4, "{:#?}", imported.components);

    // frontend 256 MiB/0.25 core and catalog 288+32 = 320 MiB/0.25 core are within ×1.25, but
    // the frontend's HPA (3–12 replicas, read since issue 23) gives it a peak factor of 4 that
    // the catalog does not share, so each is a component.
    let web = component(&imported, "shop-frontend");
    assert_eq!(web.name, "shop-frontend");
    assert_eq!((web.kind, web.services, web.replicas), (WorkloadKind::Deployment, 1, 3));
    assert_eq!(web.peak_factor, Some(4.0));
    close(web.memory_per_instance_mib, 256.0);
    close(web.cpu_per_instance, 0.25);
    let catalog = component(&imported, "shop-catalog");
    assert_eq!((catalog.services, catalog.replicas, catalog.peak_factor), (1, 2, None));
    close(catalog.memory_per_instance_mib, 320.0);
    assert_eq!(catalog.images.len(), 2, "catalog and the envoy sidecar");

    // orders: the init container (1 GiB) outweighs the running containers (768 MiB limit).
    let orders = component(&imported, "shop-orders");
    assert_eq!(orders.replicas, 1);
    close(orders.memory_per_instance_mib, 1024.0);
    close(orders.cpu_per_instance, 1.0);
    let orders_notes = notes_about(&imported, "Deployment shop-orders");
    assert!(orders_notes.iter().any(|n| matches!(n, Note::FormatDefault { field: Field::Replicas, .. })));
    assert!(orders_notes.contains(&&Note::LimitUsed { field: Field::Memory }));
    assert!(
        orders_notes.contains(&&Note::PartlyDeclared { field: Field::Memory, undeclared: vec!["log-shipper".into()] })
    );

    let db = component(&imported, "shop-postgresql");
    assert_eq!((db.kind, db.stateful), (WorkloadKind::StatefulSet, true));
    close(db.memory_per_instance_mib, 4096.0);
    close(db.cpu_per_instance, 2.0);

    // One note per kind (issue 23: 24 of 35 notes were "ignored"), at its first object.
    let ignored: Vec<(usize, &str, usize)> = imported
        .notes
        .iter()
        .filter_map(|n| match &n.note {
            Note::Ignored { what: Ignored::Kind { kind, objects, .. } } => {
                Some((n.place.document.expect("document"), kind.as_str(), *objects))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        ignored,
        [(1, "ServiceAccount", 1), (2, "ConfigMap", 1), (3, "Service", 2)],
        "the HorizontalPodAutoscaler is read"
    );
    let line = imported.notes.iter().find(|n| matches!(n.note, Note::Ignored { .. })).and_then(|n| n.place.line);
    assert_eq!(line, Some(3), "the ServiceAccount starts on line 3, after `---` and the `# Source:` comment");
}

#[test]
fn cronjob() {
    let imported = fixture("cronjob.yaml");
    let [job] = imported.components.as_slice() else { panic!("{:#?}", imported.components) };
    assert_eq!(job.name, "nightly-report");
    assert_eq!((job.kind, job.replicas), (WorkloadKind::CronJob, 4), "parallelism of the job template");
    close(job.memory_per_instance_mib, 1024.0);
    close(job.cpu_per_instance, 0.5);
    assert_eq!(job.runtime_hint, Some(RuntimeHint::Gvisor));
    let [note] = imported.notes.as_slice() else { panic!("{:#?}", imported.notes) };
    assert_eq!(note.note, Note::Inferred { fact: Inference::RunsToCompletion { deadline_seconds: None } });
}

#[test]
fn windows_compose() {
    let imported = fixture("windows-compose.yml");
    let web = component(&imported, "web");
    assert!(web.windows && web.runtime_hint.is_none());
    assert_eq!(web.replicas, 2);
    close(web.memory_per_instance_mib, 2048.0);
    close(web.cpu_per_instance, 2.0);
    assert!(
        notes_about(&imported, "service web")
            .iter()
            .any(|n| matches!(n, Note::Inferred { fact: Inference::WindowsImage { .. } }))
    );

    let agent = component(&imported, "agent");
    assert!(agent.windows, "platform: windows/amd64");
    assert_eq!(agent.runtime_hint, Some(RuntimeHint::HyperV));
    assert_eq!(agent.members, ["agent"], "a different runtime keeps it apart from web");

    let sql = component(&imported, "sql");
    assert!(sql.stateful && !sql.windows);
    close(sql.memory_per_instance_mib, 4096.0);
    assert_eq!(sql.cpu_per_instance, None);
    assert!(notes_about(&imported, "service sql").contains(&&Note::NotDeclared { field: Field::Cpu }));
}

#[test]
fn kubernetes_windows_selectors_privilege_and_lists() {
    let text = r"
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: DaemonSet
    metadata: { name: node-agent }
    spec:
      template:
        spec:
          nodeSelector: { kubernetes.io/os: windows }
          containers:
            - name: agent
              image: example/agent:1
              securityContext: { privileged: true }
              resources: { requests: { memory: 64Mi, cpu: 100m } }
  - apiVersion: v1
    kind: Pod
    metadata: { name: kata-pod }
    spec:
      runtimeClassName: kata-qemu
      os: { name: linux }
      volumes:
        - name: data
          persistentVolumeClaim: { claimName: scratch }
      containers:
        - { name: app, image: example/app:1, resources: { limits: { memory: 1Gi } } }
";
    let imported = import_str(text, "list.yaml").expect("imports");
    let agent = component(&imported, "node-agent");
    assert_eq!((agent.kind, agent.replicas), (WorkloadKind::DaemonSet, 1));
    assert!(agent.windows && agent.privileged);
    assert!(notes_about(&imported, "DaemonSet node-agent").contains(&&Note::Ignored { what: Ignored::PerNode }));
    let pod = component(&imported, "kata-pod");
    assert_eq!(pod.runtime_hint, Some(RuntimeHint::Kata));
    assert!(pod.stateful && !pod.windows);
    assert!(notes_about(&imported, "Pod kata-pod").contains(&&Note::NotDeclared { field: Field::Cpu }));
}

#[test]
fn unreadable_values_are_noted_with_their_place() {
    let text = "\
apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: three
  template:
    spec:
      containers:
        - name: api
          resources:
            requests:
              memory: 512m
              cpu: 250m
";
    let imported = import_str(text, "api.yaml").expect("imports");
    let api = component(&imported, "api");
    assert_eq!(api.memory_per_instance_mib, None, "`512m` is 0.512 bytes: refused, not guessed");
    close(api.cpu_per_instance, 0.25);
    let unreadable: Vec<&ImportNote> =
        imported.notes.iter().filter(|n| matches!(n.note, Note::Unreadable { .. })).collect();
    assert_eq!(unreadable.len(), 2, "{:#?}", imported.notes);
    assert_eq!(unreadable[0].place.field.as_deref(), Some("spec.replicas"));
    assert_eq!((unreadable[0].place.line, unreadable[0].place.column), (Some(6), Some(13)));
    assert_eq!(
        unreadable[1].place.field.as_deref(),
        Some("spec.template.spec.containers[0].resources.requests.memory")
    );
    assert_eq!(unreadable[1].place.line, Some(13));
    let shown = unreadable[1].to_string();
    assert!(shown.contains("`512m`") && shown.contains("line 13:23"), "{shown}");
}

#[test]
fn compose_quantities_in_every_form() {
    let forms = [("512m", 512.0), ("1gb", 1024.0), ("2g", 2048.0), ("1G", 1024.0), ("16777216", 16.0)];
    for (written, mib) in forms {
        let text = format!("services:\n  s:\n    image: x\n    mem_reservation: {written}\n    cpus: 0.5\n");
        let imported = import_str(&text, "c.yaml").expect("imports");
        close(imported.components[0].memory_per_instance_mib, mib);
    }
    let text = "services:\n  s:\n    mem_limit: 1 gigabyte\n    cpus: half\n";
    let imported = import_str(text, "c.yaml").expect("imports");
    let values: Vec<&str> = imported
        .notes
        .iter()
        .filter_map(|n| match &n.note {
            Note::Unreadable { value, .. } => Some(value.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(values, ["1 gigabyte", "half"]);
}

#[test]
fn kubernetes_quantities_in_every_form() {
    let forms = [
        ("512Mi", "500m", 512.0, 0.5),
        ("1Gi", "0.5", 1024.0, 0.5),
        ("1G", "2", 1e9 / 1_048_576.0, 2.0),
        ("1e9", "1e1", 1e9 / 1_048_576.0, 10.0),
        ("\"268435456\"", "\"1\"", 256.0, 1.0),
    ];
    for (memory, cpu, mib, cores) in forms {
        let text = format!(
            "apiVersion: v1\nkind: Pod\nmetadata: {{name: p}}\nspec:\n  containers:\n    - name: c\n      resources:\n        requests: {{memory: {memory}, cpu: {cpu}}}\n"
        );
        let imported = import_str(&text, "p.yaml").expect("imports");
        close(imported.components[0].memory_per_instance_mib, mib);
        close(imported.components[0].cpu_per_instance, cores);
    }
}

#[test]
fn only_unknown_kinds_is_an_error_listing_them() {
    let text = "apiVersion: v1\nkind: Service\nmetadata: {name: a}\n---\napiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: b}\n---\napiVersion: example.com/v1\nkind: Widget\nmetadata: {name: c}\n";
    let Err(ImportError::NoWorkloads { format, notes }) = import_str(text, "x.yaml") else {
        panic!("expected NoWorkloads");
    };
    assert_eq!(format, Format::Kubernetes);
    let kinds: Vec<String> = notes
        .iter()
        .filter_map(|n| match &n.note {
            Note::Ignored { what: Ignored::Kind { kind, .. } } => Some(kind.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(kinds, ["Service", "Ingress", "Widget"]);
}

#[test]
fn a_helm_template_is_named_and_the_command_to_render_it_given() {
    let chart = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ include \"shop.fullname\" . }}\n  labels:\n    {{- include \"shop.labels\" . | nindent 4 }}\nspec:\n  replicas: {{ .Values.replicaCount }}\n";
    let error = import_str(chart, "deployment.yaml").expect_err("a template");
    assert!(matches!(error, ImportError::HelmTemplate { line: 4 }), "{error:?}");
    let message = error.to_string();
    assert!(message.starts_with("an unrendered Helm template (`{{ … }}` at line 4)"), "{message}");
    assert!(message.contains("helm template RELEASE CHART > manifests.yaml"), "{message}");
    // Rendered output keeps Go templates inside quoted or block strings: it imports.
    let rendered = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rules}\ndata:\n  alert: |\n    {{ $labels.instance }} is down\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: app}]\n";
    assert_eq!(import_str(rendered, "ok.yaml").expect("imports").services(), 1);
}

#[test]
fn utf16_as_powershell_writes_it_imports_like_utf8() {
    let folder = tempfile::tempdir().expect("temp dir");
    let utf8 = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/import/windows-compose.yml"),
    )
    .expect("fixture");
    let path = folder.path().join("windows-compose.yml");
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(utf8.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(&path, &bytes).expect("written");
    assert_eq!(import_file(&path).expect("imports"), fixture("windows-compose.yml"));

    std::fs::write(&path, &bytes[2..]).expect("written");
    let message = import_file(&path).expect_err("no byte order mark").message(&path);
    assert!(
        message.contains(
            "not UTF-8 text (at byte 1; it looks like UTF-16 without a byte order mark): save the file as UTF-8"
        ),
        "{message}"
    );
}

#[test]
fn not_yaml_is_refused_with_a_position() {
    let err = import_str("services:\n  web:\n    image: [unclosed\n  db: {", "bad.yaml").expect_err("not YAML");
    let ImportError::Yaml { line, .. } = &err else { panic!("{err}") };
    assert!(line.is_some(), "{err}");
    assert!(err.to_string().contains("line"), "{err}");
    assert!(matches!(import_str("", "empty.yaml"), Err(ImportError::Empty)));
    assert!(matches!(import_str("just: a mapping\n", "x.yaml"), Err(ImportError::UnknownFormat)));
    assert!(matches!(import_str("- a list\n", "x.yaml"), Err(ImportError::UnknownFormat)));
}

#[test]
fn billion_laughs_fails_fast() {
    // Nine levels of ten aliases each: 10^9 "lol"s if expanded.
    let mut text = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for level in 1..=9 {
        let previous = format!("*a{}", level - 1);
        let items = [previous.as_str(); 10].join(", ");
        text.push_str(&format!("a{level}: &a{level} [{items}]\n"));
    }
    text.push_str("services:\n  bomb:\n    image: *a9\n");
    let start = Instant::now();
    let err = import_str(&text, "bomb.yaml").expect_err("refused");
    let elapsed = start.elapsed();
    assert!(matches!(err, ImportError::Limit { .. }), "{err}");
    // Expanded, it would take minutes and gigabytes; refused, a few milliseconds. The bound is
    // generous because this binary runs the other file tests (property tests) beside it.
    assert!(elapsed < Duration::from_secs(5), "took {elapsed:?}");
}

#[test]
fn deep_nesting_is_refused() {
    let text = format!("services:\n  x: {}1{}\n", "[".repeat(500), "]".repeat(500));
    let err = import_str(&text, "deep.yaml").expect_err("refused");
    assert!(matches!(err, ImportError::Limit { .. } | ImportError::Yaml { .. }), "{err}");
}

#[test]
fn ten_megabyte_file_is_refused_before_parsing() {
    let line = "# padding padding padding padding padding padding padding padding padding padding\n";
    let text = line.repeat(10_000_000 / line.len() + 1);
    assert!(text.len() > 10_000_000);
    let start = Instant::now();
    let err = import_str(&text, "huge.yaml").expect_err("refused");
    assert!(matches!(err, ImportError::TooLarge { bytes, limit } if bytes == text.len() && limit == MAX_INPUT_BYTES));
    assert!(start.elapsed() < Duration::from_millis(100));

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("huge.yaml");
    std::fs::write(&path, &text).expect("written");
    assert!(matches!(import_file(&path), Err(ImportError::TooLarge { .. })));
    assert!(err.to_string().contains("limited to"), "{err}");
}

#[test]
fn a_platform_with_autoscalers_rollouts_gpus_and_jobs() {
    let imported = fixture("platform-manifests.yaml");
    let kinds = |kind: &str| {
        imported
            .notes
            .iter()
            .filter(|n| matches!(&n.note, Note::Ignored { what: Ignored::Kind { kind: k, .. } } if k == kind))
            .count()
    };
    assert_eq!(kinds("CustomResourceDefinition"), 1, "one note for both CRDs");
    assert_eq!(kinds("HorizontalPodAutoscaler") + kinds("ScaledObject"), 0, "autoscalers are read");
    assert_eq!(imported.services(), 9, "{:#?}", imported.components);

    // The Rollout is the main workload: read for its template, its HPA says 3–12.
    let storefront = component(&imported, "storefront");
    assert_eq!((storefront.kind, storefront.replicas), (WorkloadKind::PodTemplate, 3));
    assert_eq!(storefront.peak_factor, Some(4.0));
    let notes = notes_about(&imported, "Rollout storefront");
    assert!(notes.contains(&&Note::Inferred { fact: Inference::PodTemplate { kind: "Rollout".into() } }));
    assert!(notes.contains(&&Note::Inferred {
        fact: Inference::Autoscaled { by: "HorizontalPodAutoscaler `storefront`".into(), min: 3, max: 12 }
    }));
    // minReplicas defaults to 1: 1–5 is peak 5 (was replicas 1, peak 2.0).
    let checkout = component(&imported, "checkout");
    assert_eq!((checkout.replicas, checkout.peak_factor), (1, Some(5.0)));
    let worker = component(&imported, "order-worker");
    assert_eq!((worker.replicas, worker.peak_factor), (2, Some(15.0)));

    assert_eq!(component(&imported, "thumbnailer").kind, WorkloadKind::PodTemplate);
    let billing = component(&imported, "legacy-billing");
    assert_eq!((billing.replicas, billing.memory_per_instance_mib), (2, Some(4096.0)));

    let gpu = component(&imported, "recommender");
    assert_eq!(gpu.gpu.as_deref(), Some("nvidia.com/gpu"));
    let profile = imported.to_profile();
    assert!(profile.notes.contains("\nrecommender: needs a GPU (nvidia.com/gpu)"), "{}", profile.notes);

    let nightly = component(&imported, "nightly-report");
    assert_eq!(nightly.lifespan_days, Some(3600.0 / 86_400.0));
    assert!(
        notes_about(&imported, "CronJob nightly-report")
            .contains(&&Note::Inferred { fact: Inference::RunsToCompletion { deadline_seconds: Some(3600) } })
    );
    let migrate = component(&imported, "db-migrate");
    assert_eq!((migrate.kind, migrate.lifespan_days), (WorkloadKind::Job, None));

    let pdf = component(&imported, "legacy-pdf");
    assert!(pdf.windows, "a C:\\ path");
    assert!(
        notes_about(&imported, "Deployment legacy-pdf")
            .contains(&&Note::Inferred { fact: Inference::WindowsPath { path: "C:\\fonts".into() } })
    );
    let storefront_profile =
        profile.components.iter().find(|c| c.name == "storefront").expect("a storefront component");
    assert_eq!((storefront_profile.workload.replicas, storefront_profile.workload.peak_factor), (3, 4.0));
}

#[test]
fn a_claim_written_by_several_workloads_is_one_store() {
    // A web tier and its workers both write user uploads to one ReadWriteMany claim, a report
    // job reads it read-only, and another namespace has a claim of the same name.
    let deployment = |name: &str, namespace: &str, claim: &str, read_only: bool| {
        format!(
            "---\napiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {name}, namespace: {namespace}}}\nspec:\n  template:\n    spec:\n      containers: [{{name: app, image: example/{name}:1}}]\n      volumes:\n        - name: uploads\n          persistentVolumeClaim: {{claimName: {claim}, readOnly: {read_only}}}\n"
        )
    };
    let text = [
        deployment("web", "shop", "uploads", false),
        deployment("worker", "shop", "uploads", false),
        deployment("reports", "shop", "uploads", true),
        deployment("blog", "blog", "uploads", false),
    ]
    .concat();
    let imported = import_str(&text, "manifests.yaml").expect("imports");
    let stateful: Vec<&str> =
        imported.components.iter().filter(|c| c.stateful).flat_map(|c| c.members.iter().map(String::as_str)).collect();
    assert_eq!(stateful, ["web", "blog"], "one store per namespace, owned by its first writer");
    assert!(notes_about(&imported, "Deployment web").contains(&&Note::Inferred {
        fact: Inference::SharedStore { store: "shop/uploads".into(), others: vec!["worker".into()] }
    }));
    assert!(!component(&imported, "reports").stateful, "a read-only mount");
}

/// Images pinned to arm64 run there: Compose's `platform: linux/arm64`, a node selector or a
/// required node affinity on `kubernetes.io/arch` set the component's `arm64_ready`; anything
/// else leaves it false (the images' meaning in older files).
#[test]
fn arm64_platforms_and_selectors_mark_the_images_arm64_ready() {
    let compose = "\
services:
  api: { image: example/api:1, platform: linux/arm64/v8 }
  legacy: { image: example/legacy:1, platform: linux/amd64 }
  plain: { image: example/plain:1 }
";
    let imported = import_str(compose, "compose.yaml").expect("imports");
    assert!(component(&imported, "api").arm64);
    assert!(!component(&imported, "legacy").arm64 && !component(&imported, "plain").arm64);
    let profile = imported.to_profile();
    let ready: Vec<(&str, bool)> =
        profile.components.iter().map(|c| (c.name.as_str(), c.workload.arm64_ready)).collect();
    assert!(ready.contains(&("api", true)) && ready.iter().filter(|(_, ready)| *ready).count() == 1, "{ready:?}");

    let manifests = r"
apiVersion: v1
kind: List
items:
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: graviton }
    spec:
      template:
        spec:
          nodeSelector: { kubernetes.io/arch: arm64 }
          containers: [{ name: app, image: example/app:1 }]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: either }
    spec:
      template:
        spec:
          affinity:
            nodeAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                nodeSelectorTerms:
                  - matchExpressions:
                      - { key: kubernetes.io/arch, operator: In, values: [amd64, arm64] }
          containers: [{ name: app, image: example/other:1 }]
  - apiVersion: apps/v1
    kind: Deployment
    metadata: { name: intel }
    spec:
      template:
        spec:
          nodeSelector: { kubernetes.io/arch: amd64 }
          containers: [{ name: app, image: example/x86:1 }]
";
    let imported = import_str(manifests, "arch.yaml").expect("imports");
    let arm64 = |name| imported.components.iter().any(|c| c.members.iter().any(|m| m == name) && c.arm64);
    assert!(arm64("graviton") && arm64("either") && !arm64("intel"));
}

/// A privileged container makes its component `privileged` (schema v3), which AWS Fargate
/// refuses: Compose's `privileged: true` and a container's `securityContext.privileged`.
#[test]
fn privileged_containers_mark_their_component() {
    let compose = "\
services:
  agent: { image: example/agent:1, privileged: true }
  web: { image: example/web:1 }
";
    let profile = import_str(compose, "compose.yaml").expect("imports").to_profile();
    let privileged: Vec<(&str, bool)> =
        profile.components.iter().map(|c| (c.name.as_str(), c.workload.privileged)).collect();
    assert!(privileged.contains(&("agent", true)) && privileged.contains(&("web", false)), "{privileged:?}");
    let manifest = r"
apiVersion: apps/v1
kind: Deployment
metadata: { name: node-agent }
spec:
  template:
    spec:
      containers: [{ name: agent, image: example/agent:1, securityContext: { privileged: true } }]
";
    let profile = import_str(manifest, "agent.yaml").expect("imports").to_profile();
    assert!(profile.components.iter().all(|c| c.workload.privileged), "{:?}", profile.components);
}
