//! Kubernetes manifests: one service per workload object across a multi-document stream
//! (`---`), including the items of a `kind: List`.
//!
//! Read: Deployment, `ReplicaSet`, `ReplicationController`, `StatefulSet` (`spec.replicas`, default 1
//! as the API defines it), `DaemonSet` (one pod per node: noted, counted as 1), Job
//! (`spec.parallelism`, default 1), `CronJob` (its `spec.jobTemplate`), Pod (one instance).
//! Any other kind with a pod template at `spec.template.spec` (an Argo `Rollout`, a Knative
//! `Service`, an `OpenShift` `DeploymentConfig`, …) is read like a Deployment, with a note naming
//! the kind. A `HorizontalPodAutoscaler` or a KEDA `ScaledObject` sets the replicas of the
//! workload it targets: its minimum (at least 1) runs at steady load, maximum over minimum is
//! the peak factor (KEDA's defaults: 0 and 100). Every other kind (Service, `ConfigMap`,
//! Secret, Ingress, custom resources, …) is skipped, one note per kind.
//!
//! Jobs and `CronJobs` are short-lived work: a note says so, and `activeDeadlineSeconds`, where
//! written, is the instance lifespan. An extended resource (`nvidia.com/gpu`, `amd.com/gpu`,
//! …) is noted; a GPU one marks the component as needing a GPU. Windows also comes from a
//! `C:\` path or a named pipe mounted (`hostPath`, `mountPath`).
//!
//! Per pod: memory and CPU of a container are its `requests`, else its `limits` (what the
//! API server itself does when only a limit is given, noted); a pod's figure is the sum over
//! its containers and sidecars (init containers with `restartPolicy: Always`), or the largest
//! ordinary init container if that is larger — the pod's effective request as the
//! scheduler computes it (<https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#resource-sharing-within-containers>).
//! `runtimeClassName` is a runtime hint; Windows comes from `nodeSelector`/node affinity on
//! `kubernetes.io/os`, `spec.os.name` or a Windows image, arm64-ready images from the same on
//! `kubernetes.io/arch` naming `arm64`; `privileged` from any container's
//! `securityContext`; state from the `StatefulSet` kind, a `persistentVolumeClaim` volume or a
//! database image.

use super::imported::WorkloadKind;
use super::note::{Field, Ignored, Inference, Note, Place};
use super::quantity::{QuantityError, kubernetes_cpu, kubernetes_memory_mib};
use super::read::{At, Notes};
use super::service::{Service, runtime_hint};
use super::state::{self, Store};
use super::yaml::Node;

const OS_LABELS: [&str; 2] = ["kubernetes.io/os", "beta.kubernetes.io/os"];

/// The node labels that name a node's CPU architecture (`amd64`, `arm64`).
const ARCH_LABELS: [&str; 2] = ["kubernetes.io/arch", "beta.kubernetes.io/arch"];

/// Whether a document is a Kubernetes object (it has `apiVersion` and `kind`).
pub fn is_object(document: &Node) -> bool {
    document.get("apiVersion").is_some() && document.get("kind").is_some()
}

/// The workloads of all documents, in file order; one note per kind not read.
pub fn read(documents: &[Node], notes: &mut Notes) -> Vec<Service> {
    let mut services = Vec::new();
    let mut skipped = Skipped::default();
    let scalers: Vec<Scaler> = documents
        .iter()
        .flat_map(|d| match d.get("kind").and_then(Node::as_str) {
            Some("List") => d.get("items").and_then(Node::as_list).unwrap_or_default().iter().collect(),
            _ => vec![d],
        })
        .filter_map(scaler)
        .collect();
    for (index, document) in documents.iter().enumerate() {
        let number = Some(index + 1);
        match document.get("kind").and_then(Node::as_str) {
            Some("List") => {
                for item in document.get("items").and_then(Node::as_list).unwrap_or_default() {
                    services.extend(object(item, number, notes, &mut skipped));
                }
            }
            _ => services.extend(object(document, number, notes, &mut skipped)),
        }
    }
    for (place, kind, names, objects) in skipped.0 {
        notes.push(place, Note::Ignored { what: Ignored::Kind { kind, names, objects } });
    }
    for scaler in scalers {
        let target = services.iter_mut().find(|s| s.name == scaler.target && s.source_kind == scaler.target_kind);
        let Some(service) = target else {
            let place = Place::object(None, format!("{} {}", scaler.kind, scaler.name));
            let what = Ignored::WrongShape {
                found: format!("no {} `{}`", scaler.target_kind, scaler.target),
                expected: "the workload it scales",
            };
            notes.push(place, Note::Ignored { what });
            continue;
        };
        let steady = scaler.min.max(1);
        service.replicas = steady;
        service.peak_factor = Some(f64::from(scaler.max.max(steady)) / f64::from(steady));
        let by = format!("{} `{}`", scaler.kind, scaler.name);
        notes.push(
            service.place.clone(),
            Note::Inferred { fact: Inference::Autoscaled { by, min: scaler.min, max: scaler.max } },
        );
    }
    share_claims(&mut services, notes);
    services
}

/// An autoscaler: what it targets and its bounds.
struct Scaler {
    kind: String,
    name: String,
    target_kind: String,
    target: String,
    min: u32,
    max: u32,
}

/// A `HorizontalPodAutoscaler` (minimum 1 by default) or a KEDA `ScaledObject` (minimum 0,
/// maximum 100 by default, target kind Deployment by default).
fn scaler(object: &Node) -> Option<Scaler> {
    let kind = object.get("kind").and_then(Node::as_str)?;
    let (min_key, max_key, min_default, max_default) = match kind {
        "HorizontalPodAutoscaler" => ("spec.minReplicas", "spec.maxReplicas", 1, None),
        "ScaledObject" => ("spec.minReplicaCount", "spec.maxReplicaCount", 0, Some(100)),
        _ => return None,
    };
    let count = |path: &str| object.at(path).and_then(Node::scalar_text).and_then(|t| t.parse::<u32>().ok());
    let min = count(min_key).unwrap_or(min_default);
    let max = count(max_key).or(max_default)?;
    Some(Scaler {
        kind: kind.to_owned(),
        name: object.at("metadata.name").and_then(Node::as_str).unwrap_or_default().to_owned(),
        target_kind: object.at("spec.scaleTargetRef.kind").and_then(Node::as_str).unwrap_or("Deployment").to_owned(),
        target: object.at("spec.scaleTargetRef.name").and_then(Node::as_str)?.to_owned(),
        min,
        max,
    })
}

/// Objects not read, by kind in order of first appearance: where the first is, the names,
/// and how many there are.
#[derive(Default)]
struct Skipped(Vec<(Place, String, Vec<String>, usize)>);

impl Skipped {
    fn add(&mut self, place: Place, kind: &str, name: Option<String>) {
        let at = self.0.iter().position(|(_, k, ..)| k == kind).unwrap_or_else(|| {
            self.0.push((place, kind.to_owned(), Vec::new(), 0));
            self.0.len() - 1
        });
        let (_, _, names, objects) = &mut self.0[at];
        names.extend(name);
        *objects += 1;
    }
}

/// Where each workload kind keeps its pod template and its instance count.
struct Shape {
    kind: WorkloadKind,
    pod_spec: &'static str,
    replicas: Option<(&'static str, &'static str)>,
}

/// Any other kind with a pod template, read like a Deployment.
fn pod_template() -> Shape {
    Shape {
        kind: WorkloadKind::PodTemplate,
        pod_spec: "spec.template.spec",
        replicas: Some(("spec.replicas", "a Deployment's default for spec.replicas")),
    }
}

fn shape(kind: &str) -> Option<Shape> {
    const REPLICAS: Option<(&str, &str)> = Some(("spec.replicas", "the Kubernetes API's default for spec.replicas"));
    let (kind, pod_spec, replicas) = match kind {
        "Deployment" => (WorkloadKind::Deployment, "spec.template.spec", REPLICAS),
        "ReplicaSet" => (WorkloadKind::ReplicaSet, "spec.template.spec", REPLICAS),
        "ReplicationController" => (WorkloadKind::ReplicationController, "spec.template.spec", REPLICAS),
        "StatefulSet" => (WorkloadKind::StatefulSet, "spec.template.spec", REPLICAS),
        "DaemonSet" => (WorkloadKind::DaemonSet, "spec.template.spec", None),
        "Job" => (
            WorkloadKind::Job,
            "spec.template.spec",
            Some(("spec.parallelism", "the Kubernetes API's default for a Job's spec.parallelism")),
        ),
        "CronJob" => (
            WorkloadKind::CronJob,
            "spec.jobTemplate.spec.template.spec",
            Some(("spec.jobTemplate.spec.parallelism", "the Kubernetes API's default for a Job's spec.parallelism")),
        ),
        "Pod" => (WorkloadKind::Pod, "spec", None),
        _ => return None,
    };
    Some(Shape { kind, pod_spec, replicas })
}

fn object(object: &Node, document: Option<usize>, notes: &mut Notes, skipped: &mut Skipped) -> Option<Service> {
    let kind = object.get("kind").and_then(Node::as_str);
    let (Some(kind), true) = (kind, object.get("apiVersion").is_some()) else {
        notes
            .push(Place { document, ..Place::default() }.at_node(object), Note::Ignored { what: Ignored::NotAnObject });
        return None;
    };
    let name = object.at("metadata.name").and_then(Node::as_str).map(str::to_owned);
    let template = object.at("spec.template.spec").is_some_and(|spec| spec.as_map().is_some());
    let Some(shape) = shape(kind).or_else(|| template.then(pod_template)) else {
        if !matches!(kind, "HorizontalPodAutoscaler" | "ScaledObject") || scaler(object).is_none() {
            skipped.add(Place { document, ..Place::default() }.at_node(object), kind, name);
        }
        return None;
    };
    let name = name.unwrap_or_else(|| format!("{}-{}", kind.to_ascii_lowercase(), document.unwrap_or(0)));
    let place = Place::object(document, format!("{kind} {name}"));
    let mut service = Service::new(name, shape.kind);
    service.source_kind = kind.to_owned();
    service.place = place.clone();
    if shape.kind == WorkloadKind::PodTemplate {
        notes.push(place.clone(), Note::Inferred { fact: Inference::PodTemplate { kind: kind.to_owned() } });
    }
    if matches!(shape.kind, WorkloadKind::Job | WorkloadKind::CronJob) {
        let deadline_path = if shape.kind == WorkloadKind::Job {
            "spec.activeDeadlineSeconds"
        } else {
            "spec.jobTemplate.spec.activeDeadlineSeconds"
        };
        let deadline_seconds =
            object.at(deadline_path).and_then(Node::scalar_text).and_then(|t| t.parse::<u64>().ok()).filter(|s| *s > 0);
        service.lifespan_days = deadline_seconds.map(|s| s as f64 / 86_400.0);
        notes.push(place.clone(), Note::Inferred { fact: Inference::RunsToCompletion { deadline_seconds } });
    }

    service.replicas = match shape.replicas {
        None if shape.kind == WorkloadKind::DaemonSet => {
            notes.push(place.clone(), Note::Ignored { what: Ignored::PerNode });
            1
        }
        None => 1,
        Some((path, rule)) => {
            notes.count(&At::new(&place, path, object.at(path)), Field::Replicas).unwrap_or_else(|| {
                notes.push(
                    place.field(path, None),
                    Note::FormatDefault { field: Field::Replicas, value: "1".to_owned(), rule },
                );
                1
            })
        }
    };
    match object.at(shape.pod_spec) {
        Some(spec) if spec.as_map().is_some() => pod(spec, shape.pod_spec, &place, &mut service, notes),
        found => {
            let found = found.map_or_else(|| "nothing".to_owned(), Node::describe);
            notes.push(
                place.field(shape.pod_spec, object.at(shape.pod_spec)),
                Note::Ignored { what: Ignored::WrongShape { found, expected: "a pod spec" } },
            );
            notes.push(place.clone(), Note::NotDeclared { field: Field::Memory });
            notes.push(place.clone(), Note::NotDeclared { field: Field::Cpu });
        }
    }
    service.infer_from_images(&place, notes);
    if let Some(namespace) = object.at("metadata.namespace").and_then(Node::as_str) {
        for claim in &mut service.claims {
            *claim = format!("{namespace}/{claim}");
        }
    }
    Some(service)
}

/// One container's role in the pod's effective request.
#[derive(Clone, Copy, PartialEq)]
enum Role {
    /// Runs for the pod's life: added up.
    Running,
    /// Runs to completion before the others: the pod needs the largest of them at once.
    Init,
}

fn pod(spec: &Node, path: &str, place: &Place, service: &mut Service, notes: &mut Notes) {
    let mut containers: Vec<(Role, String, &Node)> = Vec::new();
    for (list, ordinary_role) in [("containers", Role::Running), ("initContainers", Role::Init)] {
        for (i, container) in spec.get(list).and_then(Node::as_list).unwrap_or_default().iter().enumerate() {
            let sidecar = container.get("restartPolicy").and_then(Node::as_str) == Some("Always");
            let role = if sidecar { Role::Running } else { ordinary_role };
            containers.push((role, format!("{path}.{list}[{i}]"), container));
        }
    }
    for (_, container_path, container) in &containers {
        if let Some(image) = container.get("image").and_then(Node::as_str)
            && !service.images.iter().any(|i| i == image)
        {
            service.images.push(image.to_owned());
        }
        let privileged_path = format!("{container_path}.securityContext.privileged");
        let privileged = At::new(place, &privileged_path, container.at("securityContext.privileged"));
        service.privileged |= notes.flag(&privileged, Field::Privileged).unwrap_or(false);
    }
    service.memory_mib = pod_total(&containers, place, notes, Field::Memory, "memory", kubernetes_memory_mib);
    service.cpu = pod_total(&containers, place, notes, Field::Cpu, "cpu", kubernetes_cpu);

    let runtime_path = format!("{path}.runtimeClassName");
    if let Some(class) = notes.text(&At::new(place, &runtime_path, spec.get("runtimeClassName")), Field::RuntimeClass) {
        service.runtime_hint = Some(runtime_hint(class));
    }
    service.windows = selects(spec, &OS_LABELS, "windows");
    service.arm64 = selects(spec, &ARCH_LABELS, "arm64");
    if !service.windows
        && let Some(path) = windows_path(spec)
    {
        service.windows = true;
        notes.push(place.clone(), Note::Inferred { fact: Inference::WindowsPath { path: path.to_owned() } });
    }
    extended_resources(&containers, place, service, notes);
    service.claims = persistent_claims(spec).map(str::to_owned).collect();
}

/// The pod's effective figure for one resource; notes containers that declare none.
fn pod_total(
    containers: &[(Role, String, &Node)],
    place: &Place,
    notes: &mut Notes,
    field: Field,
    key: &str,
    parse: fn(&str) -> Result<f64, QuantityError>,
) -> Option<f64> {
    let mut running: Option<f64> = None;
    let mut init: Option<f64> = None;
    let mut undeclared = Vec::new();
    for (role, container_path, container) in containers {
        let value = ["requests", "limits"].into_iter().find_map(|kind| {
            let path = format!("{container_path}.resources.{kind}.{key}");
            let node = container.at("resources").and_then(|r| r.get(kind)).and_then(|r| r.get(key));
            let value = notes.quantity(&At::new(place, &path, node), field, parse)?;
            if kind == "limits" {
                notes.push(place.field(path, node), Note::LimitUsed { field });
            }
            Some(value)
        });
        match (role, value) {
            (Role::Running, Some(v)) => running = Some(running.unwrap_or(0.0) + v),
            (Role::Init, Some(v)) => init = Some(init.map_or(v, |max: f64| max.max(v))),
            (Role::Running, None) => {
                let name = container.get("name").and_then(Node::as_str).unwrap_or(container_path);
                undeclared.push(name.to_owned());
            }
            (Role::Init, None) => {}
        }
    }
    let total = match (running, init) {
        (Some(r), Some(i)) => Some(r.max(i)),
        (r, i) => r.or(i),
    };
    if total.is_none() {
        notes.push(place.clone(), Note::NotDeclared { field });
    } else if !undeclared.is_empty() {
        notes.push(place.clone(), Note::PartlyDeclared { field, undeclared });
    }
    total
}

/// Whether the pod asks for nodes whose `labels` (the OS or the architecture labels) say
/// `value`: a node selector, a required node affinity listing it, or (the OS) `spec.os.name`.
/// An affinity listing `arm64` beside `amd64` still says the images run on arm64.
fn selects(spec: &Node, labels: &[&str], value: &str) -> bool {
    let named = |node: &Node| node.as_str().is_some_and(|s| s.eq_ignore_ascii_case(value));
    let os_name = labels == OS_LABELS && spec.at("os.name").is_some_and(named);
    let selector = spec
        .get("nodeSelector")
        .is_some_and(|selector| labels.iter().any(|label| selector.get(label).is_some_and(named)));
    let affinity = spec
        .at("affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms")
        .and_then(Node::as_list)
        .unwrap_or_default()
        .iter()
        .filter_map(|term| term.get("matchExpressions").and_then(Node::as_list))
        .flatten()
        .any(|expression| {
            let on_label = expression.get("key").and_then(Node::as_str).is_some_and(|k| labels.contains(&k));
            let is_in = expression.get("operator").and_then(Node::as_str) == Some("In");
            let values = expression.get("values").and_then(Node::as_list).unwrap_or_default();
            on_label && is_in && values.iter().any(named)
        });
    os_name || selector || affinity
}

/// Resource names that are not extended resources.
fn standard_resource(name: &str) -> bool {
    matches!(name, "cpu" | "memory" | "ephemeral-storage" | "storage") || name.starts_with("hugepages-")
}

/// Notes each extended resource the containers request, once; a GPU one marks the service.
fn extended_resources(containers: &[(Role, String, &Node)], place: &Place, service: &mut Service, notes: &mut Notes) {
    let mut seen: Vec<&str> = Vec::new();
    for (_, _, container) in containers {
        for kind in ["requests", "limits"] {
            let names = container.at("resources").and_then(|r| r.get(kind)).and_then(Node::as_map).unwrap_or_default();
            for (name, _) in names {
                if standard_resource(name) || seen.contains(&name.as_str()) {
                    continue;
                }
                seen.push(name);
                let fact = if name.to_ascii_lowercase().contains("gpu") {
                    service.gpu.get_or_insert_with(|| name.clone());
                    Inference::Gpu { resource: name.clone() }
                } else {
                    Inference::ExtendedResource { resource: name.clone() }
                };
                notes.push(place.clone(), Note::Inferred { fact });
            }
        }
    }
}

/// The first Windows path the pod mounts (a `hostPath` or a container's `mountPath`).
fn windows_path(spec: &Node) -> Option<&str> {
    let host_paths =
        spec.get("volumes").and_then(Node::as_list).unwrap_or_default().iter().filter_map(|v| v.at("hostPath.path"));
    let mounts = ["containers", "initContainers"]
        .into_iter()
        .flat_map(|list| spec.get(list).and_then(Node::as_list).unwrap_or_default())
        .flat_map(|c| c.get("volumeMounts").and_then(Node::as_list).unwrap_or_default())
        .filter_map(|m| m.get("mountPath"));
    host_paths.chain(mounts).filter_map(Node::as_str).find(|p| super::service::is_windows_path(p))
}

/// The persistent volume claims the pod mounts read-write, in order.
fn persistent_claims(spec: &Node) -> impl Iterator<Item = &str> {
    spec.get("volumes").and_then(Node::as_list).unwrap_or_default().iter().filter_map(|volume| {
        let claim = volume.get("persistentVolumeClaim")?;
        let read_only = claim.get("readOnly").and_then(Node::as_bool).unwrap_or(false);
        claim.get("claimName").and_then(Node::as_str).filter(|_| !read_only)
    })
}

/// A claim written by several workloads is one store: only its owner is stateful for it (a
/// `StatefulSet` or database image first, else the first in file order), and a note there names
/// the others. Claims are namespaced, so two namespaces' `data` are two stores.
fn share_claims(services: &mut [Service], notes: &mut Notes) {
    let stores: Vec<Vec<Store>> =
        services.iter().map(|s| s.claims.iter().map(|c| Store::Volume(c.clone())).collect()).collect();
    let stateful: Vec<bool> = services.iter().map(|s| s.stateful).collect();
    let owned = state::owners(&stores, &stateful);
    let names: Vec<String> = services.iter().map(|s| s.name.clone()).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    for (service, owned) in services.iter_mut().zip(owned) {
        let place = service.place.clone();
        state::own(service, &place, owned, &names, notes);
    }
}
