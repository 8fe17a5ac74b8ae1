//! One service as read from a file (a Compose service or a Kubernetes workload object),
//! before grouping, and the facts read from image and runtime names.

use super::imported::{RuntimeHint, WorkloadKind};
use super::note::{Inference, Note, Place};
use super::read::Notes;

/// One service before grouping.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Service {
    pub name: String,
    pub kind: WorkloadKind,
    pub replicas: u32,
    pub memory_mib: Option<f64>,
    pub cpu: Option<f64>,
    pub images: Vec<String>,
    pub windows: bool,
    /// Its images run on arm64: the file pins it to arm64 nodes or an arm64 platform.
    pub arm64: bool,
    pub privileged: bool,
    pub runtime_hint: Option<RuntimeHint>,
    pub stateful: bool,
    /// The GPU-like extended resource it requests (`nvidia.com/gpu`), if any.
    pub gpu: Option<String>,
    /// Peak over steady instances, from an autoscaler (maximum over minimum replicas).
    pub peak_factor: Option<f64>,
    /// How long an instance lives, in days, when the file says (a Job's deadline).
    pub lifespan_days: Option<f64>,
    /// The kind as written (`Deployment`, `Rollout`), for autoscalers' targets.
    pub source_kind: String,
    /// Where notes about the whole service go.
    pub place: Place,
    /// Persistent volume claims it mounts read-write (`namespace/name` where a namespace is
    /// written), shared out among their writers after the file is read.
    pub claims: Vec<String>,
}

impl Service {
    pub fn new(name: String, kind: WorkloadKind) -> Self {
        Self {
            name,
            kind,
            replicas: 1,
            memory_mib: None,
            cpu: None,
            images: Vec::new(),
            windows: false,
            arm64: false,
            privileged: false,
            runtime_hint: None,
            stateful: kind == WorkloadKind::StatefulSet,
            gpu: None,
            peak_factor: None,
            lifespan_days: None,
            source_kind: String::new(),
            place: Place::default(),
            claims: Vec::new(),
        }
    }

    /// Windows and state from the image names, each with a note naming the image.
    pub fn infer_from_images(&mut self, place: &Place, notes: &mut Notes) {
        if !self.windows
            && let Some(image) = self.images.iter().find(|i| is_windows_image(i))
        {
            self.windows = true;
            notes.push(place.clone(), Note::Inferred { fact: Inference::WindowsImage { image: image.clone() } });
        }
        if !self.stateful
            && let Some(image) = self.images.iter().find(|i| is_stateful_image(i))
        {
            self.stateful = true;
            notes.push(place.clone(), Note::Inferred { fact: Inference::StatefulImage { image: image.clone() } });
        }
    }
}

/// Image repositories (the last path segment, tag and digest removed) of databases,
/// caches, brokers, coordinators and search engines that keep data: each becomes its own
/// component. Kafka-compatible brokers and their coordinators count (`redpanda`, Confluent's
/// `cp-kafka`, `cp-zookeeper`), as do vector and search engines (`qdrant`, `meilisearch`).
const STATEFUL_IMAGES: &[&str] = &[
    "postgres",
    "postgresql",
    "postgis",
    "timescaledb",
    "timescaledb-ha",
    "mysql",
    "mysql-server",
    "percona-server",
    "mariadb",
    "mongo",
    "mongodb",
    "mongodb-community-server",
    "redis",
    "redis-stack",
    "redis-stack-server",
    "valkey",
    "keydb",
    "elasticsearch",
    "opensearch",
    "cassandra",
    "scylla",
    "couchdb",
    "couchbase",
    "influxdb",
    "neo4j",
    "clickhouse-server",
    "cockroach",
    "etcd",
    "zookeeper",
    "cp-zookeeper",
    "consul",
    "kafka",
    "cp-kafka",
    "cp-server",
    "redpanda",
    "pulsar",
    "pulsar-all",
    "activemq-classic",
    "activemq-artemis",
    "rabbitmq",
    "nats",
    "minio",
    "solr",
    "meilisearch",
    "typesense",
    "qdrant",
    "weaviate",
    "milvus",
    "dragonfly",
    "questdb",
    "arangodb",
    "yugabyte",
    "victoria-metrics",
];

/// Path prefixes of images that are databases but whose last segment is generic.
const STATEFUL_IMAGE_PATHS: &[&str] = &["mcr.microsoft.com/mssql/", "mcr.microsoft.com/azure-sql-edge"];

/// The repository part of an image reference: registry and path, without tag or digest.
fn repository(image: &str) -> &str {
    let without_digest = image.split('@').next().unwrap_or(image);
    // A ':' after the last '/' starts the tag (a ':' before it is a registry port).
    match without_digest.rfind(':') {
        Some(colon) if !without_digest[colon..].contains('/') => &without_digest[..colon],
        _ => without_digest,
    }
}

/// Whether the image is a known database, cache or broker (`postgres:16`, `bitnami/redis`,
/// `mcr.microsoft.com/mssql/server:2022-latest`).
pub fn is_stateful_image(image: &str) -> bool {
    let repository = repository(image).to_ascii_lowercase();
    let name = repository.rsplit('/').next().unwrap_or(&repository);
    STATEFUL_IMAGES.contains(&name) || STATEFUL_IMAGE_PATHS.iter().any(|p| repository.starts_with(p))
}

/// Whether the image needs Windows: Microsoft's Windows base images
/// (`mcr.microsoft.com/windows/servercore`, `…/nanoserver`, `…/windows/server`), .NET Framework
/// images (Windows only), and tags that name a Windows base (`-windowsservercore-`,
/// `-nanoserver-`, as Docker Official Images tag them).
pub fn is_windows_image(image: &str) -> bool {
    let lower = image.to_ascii_lowercase();
    let repository = repository(&lower);
    let tag = &lower[repository.len()..];
    repository.starts_with("mcr.microsoft.com/windows")
        || repository.starts_with("mcr.microsoft.com/dotnet/framework/")
        || tag.contains("windowsservercore")
        || tag.contains("nanoserver")
}

/// Whether a path is a Windows one: a drive (`C:\\data`, `c:/data`) or a named pipe
/// (`\\\\.\\pipe\\docker_engine`, `//./pipe/…`).
pub fn is_windows_path(path: &str) -> bool {
    let bytes = path.as_bytes();
    let drive =
        bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' && matches!(bytes[2], b'\\' | b'/');
    drive || path.starts_with("\\\\.\\pipe\\") || path.starts_with("//./pipe/")
}

/// The runtime a name refers to: a Kubernetes `RuntimeClass` name or a Docker runtime name.
pub fn runtime_hint(name: &str) -> RuntimeHint {
    let lower = name.to_ascii_lowercase();
    if lower.contains("kata") {
        RuntimeHint::Kata
    } else if lower.contains("gvisor") || lower.contains("runsc") {
        RuntimeHint::Gvisor
    } else if lower.contains("firecracker") {
        RuntimeHint::Firecracker
    } else {
        RuntimeHint::Other(name.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stateful_images() {
        for image in [
            "postgres:16-alpine",
            "docker.io/library/postgres",
            "bitnami/postgresql:16.2.0",
            "redis",
            "mariadb:11@sha256:abc",
            "registry.local:5000/mongo:7",
            "mcr.microsoft.com/mssql/server:2022-latest",
            "docker.elastic.co/elasticsearch/elasticsearch:8.13.0",
            "docker.redpanda.com/redpandadata/redpanda:v24.1.7",
            "confluentinc/cp-kafka:7.6.1",
            "confluentinc/cp-zookeeper:7.6.1",
            "quay.io/coreos/etcd:v3.5.13",
            "opensearchproject/opensearch:2.14.0",
            "apachepulsar/pulsar:3.2.2",
            "hashicorp/consul:1.18",
            "qdrant/qdrant:v1.9.0",
        ] {
            assert!(is_stateful_image(image), "{image}");
        }
        for image in [
            "nginx:1.27",
            "oliver006/redis_exporter",
            "postgres-exporter",
            "node:20",
            "registry.local:5000/api",
            "docker.redpanda.com/redpandadata/console:v2.5.2",
            "provectuslabs/kafka-ui",
            "opensearchproject/opensearch-dashboards:2.14.0",
        ] {
            assert!(!is_stateful_image(image), "{image}");
        }
    }

    #[test]
    fn windows_images() {
        for image in [
            "mcr.microsoft.com/windows/servercore:ltsc2022",
            "mcr.microsoft.com/windows/nanoserver:ltsc2022",
            "mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022",
            "python:3.12-windowsservercore-ltsc2022",
            "golang:1.22-nanoserver-ltsc2022",
        ] {
            assert!(is_windows_image(image), "{image}");
        }
        for image in ["mcr.microsoft.com/dotnet/aspnet:8.0", "nginx", "nanoserver-fan/app:1"] {
            assert!(!is_windows_image(image), "{image}");
        }
    }

    #[test]
    fn runtime_names() {
        assert_eq!(runtime_hint("kata-qemu"), RuntimeHint::Kata);
        assert_eq!(runtime_hint("io.containerd.kata.v2"), RuntimeHint::Kata);
        assert_eq!(runtime_hint("gvisor"), RuntimeHint::Gvisor);
        assert_eq!(runtime_hint("runsc"), RuntimeHint::Gvisor);
        assert_eq!(runtime_hint("firecracker"), RuntimeHint::Firecracker);
        assert_eq!(runtime_hint("kata-fc"), RuntimeHint::Kata);
        assert_eq!(runtime_hint("nvidia"), RuntimeHint::Other("nvidia".into()));
    }
}
