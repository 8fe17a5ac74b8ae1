//! Benchmarks of `import_str` (budget: under 10 ms median) on a generated 200-service Compose
//! file and a generated 200-Deployment manifest stream, the sizes issue 12 names; alone, and
//! with the profile made of it (`Imported::to_profile`).

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use podvisor::import::import_str;

const SERVICES: usize = 200;

/// 200 Compose services; every tenth is a database with a named volume.
fn compose() -> String {
    let mut text = String::from("services:\n");
    for i in 0..SERVICES {
        let image = if i % 10 == 0 { "postgres:16" } else { "example/app:1.0" };
        let memory = 128 * (1 + i % 8);
        let _ = write!(
            text,
            "  svc{i}:\n    image: {image}\n    volumes:\n      - data{i}:/data\n    deploy:\n      replicas: {}\n      resources:\n        limits: {{ cpus: '1.0', memory: {}M }}\n        reservations: {{ cpus: '0.{}', memory: {memory}M }}\n",
            1 + i % 3,
            memory * 2,
            1 + i % 9,
        );
    }
    text.push_str("volumes:\n");
    for i in (0..SERVICES).step_by(10) {
        let _ = writeln!(text, "  data{i}: {{}}");
    }
    text
}

/// 200 Deployments, each with an application container and a sidecar, after a Service each.
fn manifests() -> String {
    let mut text = String::new();
    for i in 0..SERVICES {
        let _ = write!(
            text,
            "---\n# Source: chart/templates/svc{i}.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc{i}\nspec:\n  ports: [{{ port: 80 }}]\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc{i}\n  labels: {{ app: svc{i} }}\nspec:\n  replicas: {}\n  selector:\n    matchLabels: {{ app: svc{i} }}\n  template:\n    metadata:\n      labels: {{ app: svc{i} }}\n    spec:\n      containers:\n        - name: app\n          image: example/svc{i}:1.0\n          ports: [{{ containerPort: 8080 }}]\n          resources:\n            requests: {{ cpu: {}m, memory: {}Mi }}\n            limits: {{ cpu: '1', memory: 1Gi }}\n        - name: proxy\n          image: envoyproxy/envoy:v1.30.1\n          resources:\n            requests: {{ cpu: 50m, memory: 32Mi }}\n",
            1 + i % 3,
            100 * (1 + i % 5),
            128 * (1 + i % 8),
        );
    }
    text
}

fn benches(c: &mut Criterion) {
    let compose = compose();
    let manifests = manifests();
    assert_eq!(
        import_str(&compose, "compose.yaml").map(|i| i.components.iter().map(|c| c.services).sum::<u32>()).ok(),
        Some(200)
    );
    assert_eq!(
        import_str(&manifests, "bundle.yaml").map(|i| i.components.iter().map(|c| c.services).sum::<u32>()).ok(),
        Some(200)
    );
    let mut group = c.benchmark_group("import");
    group.bench_function("compose_200_services", |b| b.iter(|| import_str(black_box(&compose), "compose.yaml")));
    group.bench_function("kubernetes_200_deployments", |b| b.iter(|| import_str(black_box(&manifests), "bundle.yaml")));
    group.bench_function("compose_200_services_to_profile", |b| {
        b.iter(|| import_str(black_box(&compose), "compose.yaml").map(|imported| imported.to_profile()));
    });
    group.bench_function("kubernetes_200_deployments_to_profile", |b| {
        b.iter(|| import_str(black_box(&manifests), "bundle.yaml").map(|imported| imported.to_profile()));
    });
    group.finish();
}

criterion_group!(import, benches);
criterion_main!(import);
