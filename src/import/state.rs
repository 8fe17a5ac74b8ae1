//! State from evidence: where a service writes data that outlives it, which service a store
//! written by several belongs to, and what a service runs when its image says nothing.
//!
//! A *store* is a Compose named volume (declared under the top-level `volumes`), a Kubernetes
//! persistent volume claim mounted read-write (by namespace and name), or a host path bound
//! onto a data path, mounted read-write. Data paths are where images keep data by convention:
//! under `/var/lib/`, `/var/opt/` or `/bitnami/`; `/data` and below; a last segment `data`,
//! `db`, `database`, `pgdata` or `storage`; and model caches (a `.cache`, `huggingface`,
//! `.ollama` or `torch` segment, or one naming models). A path with a media segment (`media`,
//! `photos`, `pictures`, `originals`, `music`, `movies`, `tv`, …) on either side is a library
//! the service serves — the user's files, kept on the host — not its state, and a read-only
//! mount is never a store. Other binds (`/config`, `/etc/…`, an upload folder) are not read as
//! state: configuration is rebuilt from the file, and the choice is stated here.
//!
//! A store written by several services is one storage concern (issue 23: one volume mounted by
//! 19 services made 19 stateful components). It makes one service stateful — the first that is
//! already stateful by its image or program, else the first in file order — and a note on that
//! one names the others, which stay stateless unless other evidence says otherwise.
//!
//! Where the image is a variable or a custom build, a health check, command or entrypoint that
//! runs a database's or broker's own program (`pg_isready`, `redis-server`, `rpk`) is evidence.

use std::collections::{HashMap, HashSet};

use super::note::{Inference, Note, Place};
use super::read::Notes;
use super::service::{Service, is_windows_path};
use super::yaml::Node;

/// Where a service writes data that outlives its containers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Store {
    /// A named volume of the file, or a persistent volume claim.
    Volume(String),
    /// A host path bound onto a data path.
    DataPath { source: String, target: String },
}

impl Store {
    /// What two services must both write to share the store: the volume's name, the host path.
    fn key(&self) -> &str {
        match self {
            Self::Volume(name) => name,
            Self::DataPath { source, .. } => source,
        }
    }
}

/// A store a service is counted as owning, with the other services that write to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Owned {
    pub store: Store,
    pub others: Vec<usize>,
}

/// One entry of a service's `volumes`, short or long syntax.
struct Mount<'a> {
    source: Option<&'a str>,
    target: &'a str,
    read_only: bool,
    /// `type:` of the long syntax (`volume`, `bind`, `tmpfs`, `npipe`, …).
    kind: Option<&'a str>,
}

fn mount(volume: &Node) -> Option<Mount<'_>> {
    if let Some(short) = volume.as_str() {
        // `[SOURCE:]TARGET[:MODE]`; Windows paths hold colons of their own and are not read here.
        if is_windows_path(short) || short.starts_with("\\\\") || short.starts_with("//") {
            return None;
        }
        let parts: Vec<&str> = short.splitn(3, ':').collect();
        return match parts.as_slice() {
            [target] => Some(Mount { source: None, target, read_only: false, kind: None }),
            [source, target] => Some(Mount { source: Some(source), target, read_only: false, kind: None }),
            [source, target, mode] => {
                let read_only = mode.split(',').any(|option| option == "ro");
                Some(Mount { source: Some(source), target, read_only, kind: None })
            }
            _ => None,
        };
    }
    Some(Mount {
        source: volume.get("source").and_then(Node::as_str),
        target: volume.get("target").and_then(Node::as_str)?,
        read_only: volume.get("read_only").and_then(Node::as_bool).unwrap_or(false),
        kind: volume.get("type").and_then(Node::as_str),
    })
}

/// Whether a mount source is a host path (Compose's rule: it starts with `/`, `.` or `~`).
fn is_host_path(source: &str) -> bool {
    source.starts_with(['/', '.', '~'])
}

/// The service's stores, in the order its `volumes` lists them.
pub fn stores(definition: &Node, named_volumes: &HashSet<&str>) -> Vec<Store> {
    let volumes = definition.get("volumes").and_then(Node::as_list).unwrap_or_default();
    volumes
        .iter()
        .filter_map(mount)
        .filter(|m| !m.read_only)
        .filter_map(|m| {
            let source = m.source?;
            match m.kind {
                Some("volume") | None if named_volumes.contains(&source) => Some(Store::Volume(source.to_owned())),
                Some("bind") | None if is_host_path(source) && is_data_path(source, m.target) => {
                    Some(Store::DataPath { source: source.to_owned(), target: m.target.to_owned() })
                }
                _ => None,
            }
        })
        .collect()
}

/// Segments of a library a service serves (media, photos): the user's files, not state.
const MEDIA: &[&str] = &[
    "media",
    "photos",
    "pictures",
    "originals",
    "music",
    "movies",
    "tv",
    "videos",
    "books",
    "audiobooks",
    "comics",
    "podcasts",
    "downloads",
    "library",
    "gallery",
];

/// Last segments of a data folder.
const DATA: &[&str] = &["data", "db", "database", "pgdata", "storage"];

/// Segments of a model cache (Hugging Face, Ollama, `PyTorch` downloads).
const MODEL_CACHE: &[&str] = &[".cache", "huggingface", ".ollama", "torch"];

/// Whether a bind of `source` onto `target` keeps a service's data (see the module's rule).
fn is_data_path(source: &str, target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    let segments: Vec<&str> = lower.split('/').filter(|s| !s.is_empty()).collect();
    let source = source.to_ascii_lowercase();
    let media = segments.iter().chain(source.split('/').collect::<Vec<_>>().iter()).any(|s| MEDIA.contains(s));
    if media {
        return false;
    }
    lower.starts_with("/var/lib/")
        || lower.starts_with("/var/opt/")
        || lower.starts_with("/bitnami/")
        || segments.first() == Some(&"data")
        || segments.last().is_some_and(|s| DATA.contains(s))
        || segments.iter().any(|s| MODEL_CACHE.contains(s) || s.contains("model"))
}

/// For each service, the stores it is counted as owning, in the order it lists them. `stateful[i]` says whether service
/// `i` is stateful by other evidence (its image or program): such a service owns a shared
/// store before the first writer in file order does.
pub fn owners(stores: &[Vec<Store>], stateful: &[bool]) -> Vec<Vec<Owned>> {
    // Writers of each store (service, position in its list) in file order, stores in order of
    // first appearance: one pass, so thousands of services or volumes stay linear.
    let mut order: Vec<Vec<(usize, usize)>> = Vec::new();
    let mut index: HashMap<&str, usize> = HashMap::new();
    for (service, list) in stores.iter().enumerate() {
        for (position, store) in list.iter().enumerate() {
            let slot = *index.entry(store.key()).or_insert_with(|| {
                order.push(Vec::new());
                order.len() - 1
            });
            if order[slot].last().is_none_or(|&(last, _)| last != service) {
                order[slot].push((service, position));
            }
        }
    }
    let mut owned: Vec<Vec<(usize, Owned)>> = vec![Vec::new(); stores.len()];
    for writers in order {
        let (owner, position) = writers.iter().copied().find(|&(i, _)| stateful[i]).unwrap_or(writers[0]);
        let others = writers.into_iter().map(|(i, _)| i).filter(|&i| i != owner).collect();
        owned[owner].push((position, Owned { store: stores[owner][position].clone(), others }));
    }
    // Each owner's stores in the order its own `volumes` lists them.
    owned
        .into_iter()
        .map(|mut list| {
            list.sort_by_key(|&(position, _)| position);
            list.into_iter().map(|(_, owned)| owned).collect()
        })
        .collect()
}

/// The stores `service` owns make it stateful (noted when nothing else did); a store others
/// write to as well is noted once, here, naming them.
pub fn own(service: &mut Service, place: &Place, owned: Vec<Owned>, names: &[&str], notes: &mut Notes) {
    if !service.stateful
        && let Some(first) = owned.first()
    {
        service.stateful = true;
        let fact = match &first.store {
            Store::Volume(volume) => Inference::StatefulVolume { volume: volume.clone() },
            Store::DataPath { source, target } => {
                Inference::StatefulPath { source: source.clone(), target: target.clone() }
            }
        };
        notes.push(place.clone(), Note::Inferred { fact });
    }
    for Owned { store, others } in owned.into_iter().filter(|o| !o.others.is_empty()) {
        let store = match store {
            Store::Volume(volume) => volume,
            Store::DataPath { source, .. } => source,
        };
        let others = others.into_iter().map(|i| names[i].to_owned()).collect();
        notes.push(place.clone(), Note::Inferred { fact: Inference::SharedStore { store, others } });
    }
}

/// Programs of databases, caches, brokers and coordinators that keep data, as a health check
/// or command runs them.
const PROGRAMS: &[&str] = &[
    "pg_isready",
    "postgres",
    "mysqladmin",
    "mysqld",
    "mariadb-admin",
    "mariadbd",
    "mongosh",
    "mongo",
    "mongod",
    "redis-cli",
    "redis-server",
    "valkey-cli",
    "valkey-server",
    "etcd",
    "etcdctl",
    "rpk",
    "redpanda",
    "kafka-server-start.sh",
    "kafka-topics",
    "kafka-topics.sh",
    "kafka-broker-api-versions",
    "kafka-broker-api-versions.sh",
    "zkServer.sh",
    "cqlsh",
    "clickhouse-client",
    "clickhouse-server",
    "cockroach",
    "nats-server",
    "rabbitmq-diagnostics",
    "rabbitmqctl",
    "minio",
];

/// The first database or broker program the service's health check, command or entrypoint
/// runs, and which of the three runs it. An Elasticsearch-style `/_cluster/health` probe counts.
pub fn program(definition: &Node) -> Option<(String, &'static str)> {
    [("healthcheck.test", "health check"), ("command", "command"), ("entrypoint", "entrypoint")].into_iter().find_map(
        |(path, from)| {
            let node = definition.at(path)?;
            let texts: Vec<&str> = match node.as_list() {
                Some(items) => items.iter().filter_map(Node::as_str).collect(),
                None => vec![node.as_str()?],
            };
            let token = texts
                .iter()
                .flat_map(|text| text.split(|c: char| c.is_whitespace() || ";&|()'\"".contains(c)))
                .find(|token| {
                    let program = token.rsplit('/').next().unwrap_or(token);
                    PROGRAMS.contains(&program) || token.contains("/_cluster/health")
                })?;
            Some((token.to_owned(), from))
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::yaml::documents;

    fn service(text: &str) -> Node {
        documents(text).expect("yaml").remove(0)
    }

    #[test]
    fn data_paths_and_libraries() {
        for (source, target) in [
            ("./pg", "/var/lib/postgresql/data"),
            ("/srv/es", "/usr/share/elasticsearch/data"),
            ("./mssql", "/var/opt/mssql"),
            ("/mnt/store", "/data"),
            ("~/models", "/root/.cache/huggingface"),
            ("./ollama", "/root/.ollama"),
            ("./weights", "/app/models"),
            ("./redis", "/bitnami/redis"),
        ] {
            assert!(is_data_path(source, target), "{source}:{target}");
        }
        for (source, target) in [
            ("~/Pictures", "/photoprism/originals"),
            ("/mnt/media", "/data"),
            ("/srv/music", "/music"),
            ("./config", "/config"),
            ("./library", "/usr/src/app/upload"),
            ("/var/run/docker.sock", "/var/run/docker.sock"),
            ("./nginx.conf", "/etc/nginx/nginx.conf"),
            ("/mnt/data", "/data/media/movies"),
        ] {
            assert!(!is_data_path(source, target), "{source}:{target}");
        }
    }

    #[test]
    fn read_only_anonymous_and_undeclared_mounts_are_not_stores() {
        let definition = service(
            "volumes:\n  - pgdata:/var/lib/postgresql/data:ro\n  - /var/lib/mysql\n  - other:/data\n  - type: tmpfs\n    target: /data\n  - type: bind\n    source: ./es\n    target: /usr/share/elasticsearch/data\n    read_only: true\n  - pgdata:/backup:rw,z\n",
        );
        assert_eq!(
            stores(&definition, &HashSet::from(["pgdata"])),
            [Store::Volume("pgdata".into())],
            "only the last, rw one"
        );
    }

    #[test]
    fn a_shared_store_has_one_owner() {
        let shared = || Store::Volume("shared".into());
        let own = || Store::Volume("db".into());
        // web, worker and db write to `shared`; db is stateful by its image and owns it.
        let stores = [vec![shared()], vec![shared()], vec![own(), shared()]];
        let owned = owners(&stores, &[false, false, true]);
        assert!(owned[0].is_empty() && owned[1].is_empty());
        assert_eq!(owned[2], [Owned { store: own(), others: vec![] }, Owned { store: shared(), others: vec![0, 1] }]);
        // Nobody stateful: the first writer owns it.
        let owned = owners(&[vec![shared()], vec![shared()]], &[false, false]);
        assert_eq!(owned[0], [Owned { store: shared(), others: vec![1] }]);
        assert!(owned[1].is_empty());
    }

    #[test]
    fn programs_run_by_health_checks_and_commands() {
        let check = service("healthcheck:\n  test: [\"CMD-SHELL\", \"pg_isready -U $${POSTGRES_USER}\"]\n");
        assert_eq!(program(&check), Some(("pg_isready".into(), "health check")));
        let command = service("command: /opt/bitnami/kafka/bin/kafka-server-start.sh /config/server.properties\n");
        assert_eq!(program(&command), Some(("/opt/bitnami/kafka/bin/kafka-server-start.sh".into(), "command")),);
        let es = service("healthcheck:\n  test: curl -fs http://localhost:9200/_cluster/health || exit 1\n");
        assert_eq!(program(&es).map(|p| p.1), Some("health check"));
        let web = service(
            "healthcheck:\n  test: [\"CMD\", \"curl\", \"-f\", \"http://localhost/health\"]\ncommand: npm start\n",
        );
        assert_eq!(program(&web), None);
        assert_eq!(program(&service("command: [\"start.sh\", \"mongodb-exporter\"]\n")), None);
    }
}
