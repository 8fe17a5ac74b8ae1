//! Import notes: every value the import could not read, every default it applied and every
//! conclusion it drew from indirect evidence, each with the place it concerns.

use std::fmt;

use super::yaml::Node;

/// One thing the user should know about an import.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportNote {
    pub place: Place,
    pub note: Note,
}

/// Where a note applies. Every part is optional: a note about a whole document has no field.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Place {
    /// 1-based position among the non-empty YAML documents of the file (Kubernetes).
    pub document: Option<usize>,
    /// The object: `service web` (Compose), `Deployment web` (Kubernetes).
    pub object: Option<String>,
    /// The field path inside the object, as written: `deploy.resources.limits.memory`,
    /// `spec.template.spec.containers[1].resources.requests.cpu`.
    pub field: Option<String>,
    /// 1-based line and column in the file, when the value exists.
    pub line: Option<u32>,
    pub column: Option<u32>,
}

/// A value the import deals with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Services,
    Memory,
    Cpu,
    Replicas,
    Image,
    Privileged,
    Platform,
    RuntimeClass,
}

/// What the note says.
#[derive(Clone, Debug, PartialEq)]
pub enum Note {
    /// A value was present but could not be read; it was left out (not replaced by a guess).
    Unreadable { field: Field, value: String, problem: String },
    /// No value was declared; the imported field is left empty, so the profile's default
    /// applies when the component is created.
    NotDeclared { field: Field },
    /// Some containers of a pod declare this resource and some do not; the pod's figure
    /// counts only those that do, so it is a lower bound.
    PartlyDeclared { field: Field, undeclared: Vec<String> },
    /// No value was declared; the format's own documented default was used.
    FormatDefault { field: Field, value: String, rule: &'static str },
    /// The request/reservation was not declared; the limit was used instead.
    LimitUsed { field: Field },
    /// A fact concluded from indirect evidence (an image name, a volume).
    Inferred { fact: Inference },
    /// A document, item or setting the import does not read.
    Ignored { what: Ignored },
    /// A component's figure lies outside the range a profile accepts; the nearest value in
    /// range is used.
    OutOfRange { field: Field, value: String, used: String },
    /// The file makes more components than a profile holds; these services were merged into
    /// the component the note is about.
    Merged { services: Vec<String>, components: usize, limit: usize },
    /// A Compose variable used without a default is not set: a blank string was used.
    VariableUnset { name: String },
    /// An override file was laid over its base file, found beside it.
    OverrideMerged { base: String },
    /// The services of a file named by `include:` were added.
    Included { file: String, services: usize },
}

/// A conclusion drawn from indirect evidence, with the evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inference {
    /// Holds state: the image is a known database or broker.
    StatefulImage { image: String },
    /// Holds state: it mounts a named or persistent volume.
    StatefulVolume { volume: String },
    /// Holds state: it binds a host path onto a data path (`/var/lib/…`, `/data`, a model cache).
    StatefulPath { source: String, target: String },
    /// Holds state: its health check, command or entrypoint runs a database's or broker's
    /// program (where the image is a variable or a custom build).
    StatefulProgram { program: String, from: &'static str },
    /// A store (volume or host path) others write to as well: one storage concern, counted as
    /// the state of the service the note is about only.
    SharedStore { store: String, others: Vec<String> },
    /// Needs Windows: the image is a Windows base image or tagged for Windows.
    WindowsImage { image: String },
    /// Needs Windows: it mounts a Windows path (`C:\…`) or a named pipe (`\\.\pipe\…`).
    WindowsPath { path: String },
    /// An autoscaler sets its replicas: the minimum runs at steady load, the maximum at peak.
    Autoscaled { by: String, min: u32, max: u32 },
    /// A kind this import does not know by name, read for its pod template.
    PodTemplate { kind: String },
    /// It requests a GPU (an extended resource such as `nvidia.com/gpu`, or a Compose device
    /// with the `gpu` capability).
    Gpu { resource: String },
    /// It requests another extended resource, which the profile does not model.
    ExtendedResource { resource: String },
    /// A Job's pods run to completion: short-lived work, not an always-on service.
    RunsToCompletion { deadline_seconds: Option<u64> },
}

/// What was not imported and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ignored {
    /// Objects of a Kubernetes kind that does not run pods (Service, `ConfigMap`, Ingress, …)
    /// or that this import does not read (custom resources): one note per kind, at its first
    /// object, naming every object (unnamed ones are counted).
    Kind { kind: String, names: Vec<String>, objects: usize },
    /// A YAML document that is not a mapping with `apiVersion` and `kind`.
    NotAnObject,
    /// A Compose service whose definition is not a mapping.
    NotAService,
    /// A `DaemonSet` or a `deploy.mode: global` service runs one instance per node; the node
    /// count is not in the file.
    PerNode,
    /// A value of the wrong shape (a list where a mapping belongs, …).
    WrongShape { found: String, expected: &'static str },
    /// Compose services of profiles not selected (Compose leaves them out by default).
    Profiles { services: Vec<String>, profiles: Vec<String> },
    /// An override file whose base file is not beside it: read alone.
    OverrideAlone { base: String },
    /// Another file (`include:`, `extends.file`) named by text imported without its folder.
    NotFollowed { file: String },
}

/// How much a note matters to whoever reads the import, most first: what the import
/// concluded, then what it changed, then what it could not read, then what it skipped, and
/// last the routine defaults. Notes are listed in this order (file order within a rank), so
/// a cut list never drops an inference for a default.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Rank {
    Inference,
    Change,
    Unread,
    Skipped,
    Default,
}

impl Note {
    pub fn rank(&self) -> Rank {
        match self {
            Self::Inferred { .. } => Rank::Inference,
            Self::Merged { .. } | Self::OutOfRange { .. } | Self::OverrideMerged { .. } | Self::Included { .. } => {
                Rank::Change
            }
            Self::Unreadable { .. }
            | Self::PartlyDeclared { .. }
            | Self::LimitUsed { .. }
            | Self::VariableUnset { .. } => Rank::Unread,
            Self::Ignored { .. } => Rank::Skipped,
            Self::NotDeclared { .. } | Self::FormatDefault { .. } => Rank::Default,
        }
    }
}

impl Place {
    pub(crate) fn object(document: Option<usize>, object: String) -> Self {
        Self { document, object: Some(object), ..Self::default() }
    }

    /// The same object, one field, at the node's position when there is one.
    pub(crate) fn field(&self, field: impl Into<String>, node: Option<&Node>) -> Self {
        Self { field: Some(field.into()), line: node.map(|n| n.line), column: node.map(|n| n.column), ..self.clone() }
    }

    /// The same place, pointed at a node.
    pub(crate) fn at_node(&self, node: &Node) -> Self {
        Self { line: Some(node.line), column: Some(node.column), ..self.clone() }
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Services => "services",
            Self::Memory => "memory",
            Self::Cpu => "CPU",
            Self::Replicas => "replicas",
            Self::Image => "image",
            Self::Privileged => "privileged",
            Self::Platform => "platform",
            Self::RuntimeClass => "runtime class",
        })
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let (Some(line), Some(column)) = (self.line, self.column) {
            parts.push(format!("line {line}:{column}"));
        }
        if let Some(document) = self.document {
            parts.push(format!("document {document}"));
        }
        if let Some(object) = &self.object {
            parts.push(object.clone());
        }
        if let Some(field) = &self.field {
            parts.push(format!("`{field}`"));
        }
        f.write_str(&parts.join(", "))
    }
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Unreadable { field, value, problem } => {
                write!(f, "{field} `{value}` could not be read ({problem}); left out")
            }
            Self::NotDeclared { field } => {
                write!(f, "no {field} declared; the profile default applies")
            }
            Self::PartlyDeclared { field, undeclared } => write!(
                f,
                "{field} not declared for container(s) {}; the pod's {field} counts only the others (a lower bound)",
                undeclared.join(", ")
            ),
            Self::FormatDefault { field, value, rule } => {
                write!(f, "no {field} declared; {value} used ({rule})")
            }
            Self::LimitUsed { field } => {
                write!(f, "no {field} request/reservation declared; the limit was used instead")
            }
            Self::Inferred { fact } => match fact {
                Inference::StatefulImage { image } => {
                    write!(f, "treated as stateful: `{image}` is a database or broker image")
                }
                Inference::StatefulVolume { volume } => {
                    write!(f, "treated as stateful: it keeps data on the volume `{volume}`")
                }
                Inference::StatefulPath { source, target } => {
                    write!(f, "treated as stateful: it keeps data in `{target}`, bound from `{source}`")
                }
                Inference::StatefulProgram { program, from } => {
                    write!(f, "treated as stateful: its {from} runs `{program}`, a database or broker program")
                }
                Inference::SharedStore { store, others } => write!(
                    f,
                    "`{store}` is also written by {} other service(s) ({}): one storage concern, counted as state here only",
                    others.len(),
                    others.join(", ")
                ),
                Inference::WindowsImage { image } => {
                    write!(f, "treated as Windows: `{image}` is a Windows image")
                }
                Inference::WindowsPath { path } => write!(f, "treated as Windows: it mounts `{path}`"),
                Inference::Autoscaled { by, min, max } => write!(
                    f,
                    "autoscaled by {by} between {min} and {max} replicas: {} replica(s) at steady load, peak factor {}×",
                    (*min).max(1),
                    super::quantity::tidy(f64::from(*max) / f64::from((*min).max(1)))
                ),
                Inference::PodTemplate { kind } => {
                    write!(f, "{kind} read as a workload for its pod template (`spec.template.spec`)")
                }
                Inference::Gpu { resource } => write!(f, "needs a GPU: it requests `{resource}`"),
                Inference::ExtendedResource { resource } => {
                    write!(f, "requests the extended resource `{resource}`, which the profile does not model")
                }
                Inference::RunsToCompletion { deadline_seconds } => {
                    f.write_str("short-lived work: its pods run to completion")?;
                    match deadline_seconds {
                        Some(s) => write!(f, ", each within {s} s (activeDeadlineSeconds), the lifespan used"),
                        None => f.write_str("; how long is not in the file, so the profile's lifespan applies"),
                    }
                }
            },
            Self::Ignored { what } => match what {
                Ignored::Kind { kind, names, objects } => {
                    let named: Vec<String> = names.iter().map(|name| format!("`{name}`")).collect();
                    match objects {
                        1 => write!(f, "{kind} {}", named.join(""))?,
                        _ => write!(f, "{objects} {kind} objects ({})", named.join(", "))?,
                    }
                    let it = if *objects == 1 { "it is not a workload" } else { "they are not workloads" };
                    write!(f, " ignored: {it} this import reads")
                }
                Ignored::NotAnObject => {
                    f.write_str("document ignored: not a Kubernetes object (no `apiVersion` and `kind`)")
                }
                Ignored::NotAService => f.write_str("service ignored: its definition is not a mapping"),
                Ignored::PerNode => {
                    f.write_str("runs one instance per node and the node count is not in the file; replicas left at 1")
                }
                Ignored::WrongShape { found, expected } => {
                    write!(f, "ignored: found {found} where {expected} belongs")
                }
                Ignored::Profiles { services, profiles } => write!(
                    f,
                    "{} left out: {} to the profile(s) {}, which Compose leaves out unless selected \
                     (`--profile NAME` includes them)",
                    services.join(", "),
                    if services.len() == 1 { "it belongs" } else { "they belong" },
                    profiles.join(", ")
                ),
                Ignored::OverrideAlone { base } => {
                    write!(f, "an override file, read alone: `{base}`, which Compose lays it over, is not beside it")
                }
                Ignored::NotFollowed { file } => {
                    write!(f, "`{file}` not read: an import of text alone does not open other files")
                }
            },
            Self::OutOfRange { field, value, used } => {
                write!(f, "{field} {value} is outside the range a profile accepts; {used} used")
            }
            Self::Merged { services, components, limit } => write!(
                f,
                "the file makes {components} components and a profile holds at most {limit}, so {} merged into this one",
                services.join(", ")
            ),
            Self::VariableUnset { name } => {
                write!(f, "variable `{name}` is not set; a blank string was used (as Compose does)")
            }
            Self::OverrideMerged { base } => {
                write!(f, "an override file: laid over `{base}` beside it, as Compose does")
            }
            Self::Included { file, services } => write!(f, "`{file}` included: its {services} service(s) added"),
        }
    }
}

impl fmt::Display for ImportNote {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.note)
    }
}
