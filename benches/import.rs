//! Benchmarks of `import_str` (budget: under 10 ms median) on a generated 200-service Compose
//! file and a generated 200-Deployment manifest stream, the sizes issue 12 names; alone, and
//! with the profile made of it (`Imported::to_profile`). And the size issue 23 names (budget:
//! under 100 ms median): a Helm-rendered stream of 1,000 Deployments, about 5 MB, with the
//! labels, annotations, environment, probes and mounts real charts render, a Service and a
//! `ConfigMap` per Deployment and an HPA for every fifth, imported into a profile.

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

const LARGE: usize = 1_000;

/// One release of a chart as `helm template` renders it: per service a `ConfigMap`, a Service, a
/// Deployment (two containers, 24 environment variables, probes, mounts) and, for every fifth,
/// a `HorizontalPodAutoscaler`.
fn large_manifests() -> String {
    let mut text = String::new();
    for i in 0..LARGE {
        let labels = format!(
            "app.kubernetes.io/name: svc{i}\n    app.kubernetes.io/instance: shop\n    app.kubernetes.io/version: \"1.4.{i}\"\n    app.kubernetes.io/managed-by: Helm\n    helm.sh/chart: svc{i}-1.4.{i}"
        );
        let _ = write!(
            text,
            "---\n# Source: shop/charts/svc{i}/templates/configmap.yaml\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: svc{i}-config\n  labels:\n    {labels}\ndata:\n  LOG_LEVEL: info\n  FEATURE_FLAGS: \"checkout-v2,search-v3,recommendations\"\n  UPSTREAM: http://svc{}.shop.svc.cluster.local:8080\n",
            (i + 1) % LARGE
        );
        let _ = write!(
            text,
            "---\n# Source: shop/charts/svc{i}/templates/service.yaml\napiVersion: v1\nkind: Service\nmetadata:\n  name: svc{i}\n  labels:\n    {labels}\nspec:\n  type: ClusterIP\n  ports:\n    - port: 80\n      targetPort: http\n      protocol: TCP\n      name: http\n  selector:\n    app.kubernetes.io/name: svc{i}\n    app.kubernetes.io/instance: shop\n"
        );
        let mut env = String::new();
        for v in 0..24 {
            let _ = write!(
                env,
                "            - name: SVC{i}_SETTING_{v}\n              value: \"value-{v}-for-service-{i}\"\n"
            );
        }
        let _ = write!(
            text,
            "---\n# Source: shop/charts/svc{i}/templates/deployment.yaml\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: svc{i}\n  labels:\n    {labels}\nspec:\n  replicas: {}\n  revisionHistoryLimit: 10\n  selector:\n    matchLabels:\n      app.kubernetes.io/name: svc{i}\n      app.kubernetes.io/instance: shop\n  template:\n    metadata:\n      annotations:\n        checksum/config: 5d41402abc4b2a76b9719d911017c592{i:08}\n        prometheus.io/scrape: \"true\"\n      labels:\n        {labels}\n    spec:\n      serviceAccountName: svc{i}\n      securityContext:\n        runAsNonRoot: true\n        fsGroup: 2000\n      containers:\n        - name: app\n          image: \"registry.example.com/shop/svc{i}:1.4.{i}\"\n          imagePullPolicy: IfNotPresent\n          ports:\n            - name: http\n              containerPort: 8080\n              protocol: TCP\n          envFrom:\n            - configMapRef:\n                name: svc{i}-config\n          env:\n{env}          livenessProbe:\n            httpGet:\n              path: /healthz\n              port: http\n            initialDelaySeconds: 10\n            periodSeconds: 10\n          readinessProbe:\n            httpGet:\n              path: /ready\n              port: http\n          resources:\n            requests:\n              cpu: {}m\n              memory: {}Mi\n            limits:\n              cpu: \"1\"\n              memory: 1Gi\n          securityContext:\n            allowPrivilegeEscalation: false\n            readOnlyRootFilesystem: true\n            capabilities:\n              drop: [ALL]\n          volumeMounts:\n            - name: tmp\n              mountPath: /tmp\n        - name: proxy\n          image: envoyproxy/envoy:v1.30.1\n          resources:\n            requests: {{ cpu: 50m, memory: 32Mi }}\n      volumes:\n        - name: tmp\n          emptyDir: {{}}\n",
            1 + i % 3,
            100 * (1 + i % 5),
            128 * (1 + i % 8),
        );
        if i % 5 == 0 {
            let _ = write!(
                text,
                "---\n# Source: shop/charts/svc{i}/templates/hpa.yaml\napiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: svc{i}\nspec:\n  scaleTargetRef:\n    apiVersion: apps/v1\n    kind: Deployment\n    name: svc{i}\n  minReplicas: 2\n  maxReplicas: 10\n  metrics:\n    - type: Resource\n      resource:\n        name: cpu\n        target:\n          type: Utilization\n          averageUtilization: 70\n"
            );
        }
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

    let large = large_manifests();
    assert!((4_500_000..5_500_000).contains(&large.len()), "about 5 MB: {} bytes", large.len());
    let imported = import_str(&large, "shop.yaml").expect("imports");
    assert_eq!(imported.components.iter().map(|c| c.services).sum::<u32>(), 1_000);
    let mut group = c.benchmark_group("import_large");
    group.sample_size(20);
    group.bench_function("kubernetes_1000_deployments_5mb_to_profile", |b| {
        b.iter(|| import_str(black_box(&large), "shop.yaml").map(|imported| imported.to_profile()));
    });
    group.finish();
}

criterion_group!(import, benches);
criterion_main!(import);
