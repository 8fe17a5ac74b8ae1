//! The result of an import: typed components, ready to become profile components.

use super::note::ImportNote;

/// Which format the file was in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Compose,
    Kubernetes,
}

/// What kind of object a service came from. Only services of the same kind are grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorkloadKind {
    /// A Compose service.
    ComposeService,
    Pod,
    Deployment,
    ReplicaSet,
    ReplicationController,
    StatefulSet,
    DaemonSet,
    Job,
    CronJob,
    /// Another kind with a pod template (`spec.template.spec`): an Argo Rollout, a Knative
    /// Service, an `OpenShift` `DeploymentConfig`, … (a note names the kind).
    PodTemplate,
}

/// A runtime that puts a VM-like boundary around each instance, named by the file.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RuntimeHint {
    /// Kata Containers: a light VM per pod (`runtimeClassName: kata*`, Docker `runtime: kata*`).
    Kata,
    /// gVisor: a user-space kernel (`runtimeClassName: gvisor`/`runsc`, Docker `runtime: runsc`).
    Gvisor,
    /// Firecracker: a microVM per instance (`runtimeClassName: firecracker*`, firecracker-containerd).
    Firecracker,
    /// Hyper-V isolation of Windows containers (Compose `isolation: hyperv`).
    HyperV,
    /// Another runtime class, by name (the reader decides what it means).
    Other(String),
}

/// A whole import: where it came from, what it found, and what it could not read.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The file name the text came from, for the profile's notes.
    pub source: String,
    pub format: Format,
    /// One or more components, in the order their first member appears in the file.
    pub components: Vec<ImportedComponent>,
    /// Everything not read, defaulted or inferred, in file order.
    pub notes: Vec<ImportNote>,
}

/// Services of one shape, grouped (see the module documentation for the rule).
#[derive(Clone, Debug, PartialEq)]
pub struct ImportedComponent {
    /// Unique within the import: the member's name, or the first members' names for a group.
    pub name: String,
    pub kind: WorkloadKind,
    /// How many services were grouped (≥ 1).
    pub services: u32,
    /// Instances per service: the members' mean, rounded (at least 1 unless every member
    /// declares 0).
    pub replicas: u32,
    /// Memory per instance, MiB: the instance-weighted mean of the members that declare it;
    /// `None` when none does (a note says so).
    pub memory_per_instance_mib: Option<f64>,
    /// CPU cores per instance, same rule as memory.
    pub cpu_per_instance: Option<f64>,
    /// Distinct images of the members, in file order.
    pub images: Vec<String>,
    /// Needs Windows hosts.
    pub windows: bool,
    /// Its images run on arm64 (schema v3's `arm64_ready`).
    pub arm64: bool,
    /// Runs privileged containers.
    pub privileged: bool,
    /// The members' runtime, when the file names one.
    pub runtime_hint: Option<RuntimeHint>,
    /// Holds state (a `StatefulSet`, a database image, a named or persistent volume).
    pub stateful: bool,
    /// The GPU-like extended resource its members request (`nvidia.com/gpu`), if any.
    pub gpu: Option<String>,
    /// Peak over steady instances, from an autoscaler; `None` when the file has none.
    pub peak_factor: Option<f64>,
    /// Instance lifespan in days, when the file states it (a Job's deadline).
    pub lifespan_days: Option<f64>,
    /// Names of the grouped services, in file order.
    pub members: Vec<String>,
}
