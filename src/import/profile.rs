//! An import as a profile: one profile component per imported component, its workload
//! filled from what the file says, every other value the profile default. The rules (and
//! the values chosen for hints) are listed in `docs/import.md`.

use std::fmt::Write as _;
use std::path::Path;

use super::imported::{Format, Imported, ImportedComponent, RuntimeHint};
use super::note::Rank;
use crate::model::hosts::CUSTOM;
use crate::model::kubernetes::KubernetesFlavour;
use crate::model::options::OptionId;
use crate::model::profile::{Component, Profile};
use crate::model::traits::PrimaryOs;
use crate::model::{TraitId, Workload};

/// Data intensity of a component that holds state (a `StatefulSet`, a database image, a
/// named or persistent volume): "long-lived state" on the 0–10 scale. A choice, not a
/// measured figure: a database's storage dominates its behaviour; 7–9 are defensible
/// (10 is "huge local data sets"). Stateless components keep the default: a file that shows
/// no volume is not proof that nothing is kept.
pub const STATEFUL_DATA_INTENSITY: f64 = 8.0;

/// Isolation need of a component the file fences off: one that runs in a sandbox runtime
/// (Kata, gVisor, Firecracker, Hyper-V isolation), or one that runs privileged. Whoever
/// pays for a sandbox per pod holds a breach between neighbours to matter; a privileged
/// container "is able to bypass typical container isolation mechanisms"
/// (<https://kubernetes.io/docs/concepts/security/pod-security-standards/>), so a breach of it
/// reaches every neighbour. A choice: 6–9 are defensible; the default is 3.
pub const FENCED_ISOLATION_NEED: f64 = 7.0;

/// Untrusted code of a component in a sandbox runtime: sandboxes exist because "using
/// \[containers\] to run untrusted or potentially malicious code without additional isolation
/// is not a good idea" (gVisor, <https://github.com/google/gvisor#why-does-gvisor-exist>). A
/// choice: 5–10 are defensible. Privileged containers keep the default 0: the Pod Security
/// Standards aim them at "workloads managed by privileged, trusted users".
pub const SANDBOXED_UNTRUSTED_CODE: f64 = 7.0;

/// What every imported component is taken to run on today (its `current`): the file
/// describes containers; whether their hosts are VMs is not in it, and on VMs is the usual
/// case (managed Kubernetes, a Docker host in the cloud).
pub const CURRENT: OptionId = OptionId::CONTAINERS_ON_VMS;

/// Most import notes copied into the profile's notes beyond its inferences (every inference
/// is copied); the rest are counted. Profiles are read up to 1 MiB, and an audience reads a
/// few dozen lines at most; `podvisor import` prints every note.
pub const MAX_LISTED_NOTES: usize = 40;

impl Format {
    /// The format's name, for messages.
    pub fn name(self) -> &'static str {
        match self {
            Self::Compose => "Compose",
            Self::Kubernetes => "Kubernetes",
        }
    }
}

impl RuntimeHint {
    /// Whether the runtime puts a VM-like boundary around each instance.
    fn sandbox(&self) -> bool {
        !matches!(self, Self::Other(_))
    }

    /// Whether it is a microVM option's runtime (Kata or Firecracker, or gVisor, which the
    /// microVM option covers as its user-space-kernel variant).
    fn microvm(&self) -> bool {
        matches!(self, Self::Kata | Self::Gvisor | Self::Firecracker)
    }
}

/// A value set on a workload trait from a fact of the file, and why.
struct Hint {
    id: TraitId,
    value: f64,
    why: &'static str,
}

fn hints(component: &ImportedComponent) -> Vec<Hint> {
    let sandboxed = component.runtime_hint.as_ref().is_some_and(RuntimeHint::sandbox);
    let mut hints = Vec::new();
    if component.stateful {
        hints.push(Hint { id: TraitId::DataIntensity, value: STATEFUL_DATA_INTENSITY, why: "it holds state" });
    }
    if sandboxed {
        let why = "it runs in a sandbox runtime";
        hints.push(Hint { id: TraitId::IsolationNeed, value: FENCED_ISOLATION_NEED, why });
        hints.push(Hint { id: TraitId::UntrustedCode, value: SANDBOXED_UNTRUSTED_CODE, why });
    } else if component.privileged {
        let why = "it runs privileged containers";
        hints.push(Hint { id: TraitId::IsolationNeed, value: FENCED_ISOLATION_NEED, why });
    }
    hints
}

/// Where an imported estate is costed (`podvisor import --host … --kubernetes …`): a catalog
/// host and a Kubernetes flavour; `None` keeps the profile's default (the custom host, a
/// self-managed cluster). The caller checks the host id against the catalog.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Hosting {
    pub host: Option<String>,
    pub kubernetes: Option<KubernetesFlavour>,
}

impl Hosting {
    /// Whether costs rest on the profile's default custom host, the same for every import.
    pub fn default_host(&self) -> bool {
        self.host.as_deref().is_none_or(|host| host == CUSTOM)
    }
}

impl Imported {
    /// [`Imported::to_profile_on`] the default host.
    pub fn to_profile(&self) -> Profile {
        self.to_profile_on(&Hosting::default())
    }

    /// The profile: named after the file, comparing VMs, containers and containers on VMs
    /// (and microVMs when a component names a sandbox runtime that option covers), one
    /// component per imported component, hosted as `hosting` says, and notes that say where
    /// it came from and, on the default host, that its costs rest on that host.
    pub fn to_profile_on(&self, hosting: &Hosting) -> Profile {
        let mut options = vec![OptionId::VM, OptionId::CONTAINER, OptionId::CONTAINERS_ON_VMS];
        if self.components.iter().any(|c| c.runtime_hint.as_ref().is_some_and(RuntimeHint::microvm)) {
            options.push(OptionId::MICROVM);
        }
        let mut profile = Profile {
            name: Path::new(&self.source)
                .file_stem()
                .map_or_else(|| self.source.clone(), |stem| stem.to_string_lossy().into_owned()),
            notes: self.profile_notes(hosting),
            options,
            ..Profile::default()
        };
        if let Some(host) = &hosting.host {
            profile.environment.host.clone_from(host);
        }
        if let Some(flavour) = hosting.kubernetes {
            profile.environment.kubernetes = flavour;
        }
        if !self.components.is_empty() {
            profile.components = self.components.iter().map(component).collect();
        }
        profile
    }

    /// Services imported, over all components.
    pub fn services(&self) -> u64 {
        self.components.iter().map(|c| u64::from(c.services)).sum()
    }

    /// "5 services in 4 components".
    pub fn summary(&self) -> String {
        let plural = |n: u64, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
        let components = u64::try_from(self.components.len()).unwrap_or(u64::MAX);
        format!("{} in {}", plural(self.services(), "service"), plural(components, "component"))
    }

    /// "Imported from FILE (Format): N services in M components.", the values set from
    /// hints, on the default host that costs rest on it, and the import notes in their order (inferences first): every inference, and
    /// the others up to [`MAX_LISTED_NOTES`] in all.
    fn profile_notes(&self, hosting: &Hosting) -> String {
        let mut notes = format!(
            "Imported from {} ({}): {}. Each runs on containers on VMs today \
             (the file describes containers, not whether their hosts are VMs).",
            self.source,
            self.format.name(),
            self.summary()
        );
        for component in &self.components {
            let hints = hints(component);
            if let Some(gpu) = &component.gpu {
                let _ =
                    write!(notes, "\n{}: needs a GPU ({gpu}); an option must offer GPU hosts for it.", component.name);
            }
            if !hints.is_empty() {
                let set: Vec<String> = hints
                    .iter()
                    .map(|h| format!("{} {} ({})", h.id.meta().label, h.id.meta().format(h.value), h.why))
                    .collect();
                let _ = write!(notes, "\n{}: {}.", component.name, set.join(", "));
            }
        }
        if hosting.default_host() {
            let environment = Profile::default().environment;
            let _ = write!(
                notes,
                "\nCosts rest on the default host ({} cores, {} GiB, {} {} a month), not on the estate's: \
                 every option is priced on it. Choose a catalog host (podvisor hosts lists them) with \
                 `podvisor import FILE --host aws/m6i.4xlarge --kubernetes eks`, or in Environment.",
                environment.host_cores,
                environment.host_memory_gib,
                environment.host_cost_per_month,
                environment.currency
            );
        }
        if !self.notes.is_empty() {
            let _ = write!(notes, "\nImport notes ({}):", self.notes.len());
            let inferences = self.notes.iter().filter(|n| n.note.rank() == Rank::Inference).count();
            let listed = MAX_LISTED_NOTES.max(inferences);
            for note in self.notes.iter().take(listed) {
                let _ = write!(notes, "\n- {note}");
            }
            if self.notes.len() > listed {
                let more = self.notes.len() - listed;
                let _ = write!(notes, "\n- … and {more} more (`podvisor import {}` lists them all)", self.source);
            }
        }
        notes
    }
}

/// One profile component: the counts and sizes read, the hints, Windows; the rest default.
fn component(imported: &ImportedComponent) -> Component {
    // A one-component profile, so every value goes through the traits' own clamping.
    let mut scratch = Profile::default();
    scratch.set(TraitId::Services, f64::from(imported.services));
    scratch.set(TraitId::Replicas, f64::from(imported.replicas));
    if let Some(memory) = imported.memory_per_instance_mib {
        scratch.set(TraitId::MemoryPerInstanceMib, memory);
    }
    if let Some(cpu) = imported.cpu_per_instance {
        scratch.set(TraitId::CpuPerInstance, cpu);
    }
    if let Some(peak) = imported.peak_factor {
        scratch.set(TraitId::PeakFactor, peak);
    }
    if let Some(days) = imported.lifespan_days {
        scratch.set(TraitId::LifespanDays, days);
    }
    for hint in hints(imported) {
        scratch.set(hint.id, hint.value);
    }
    let workload = Workload {
        primary_os: if imported.windows { PrimaryOs::Windows } else { PrimaryOs::Linux },
        arm64_ready: imported.arm64,
        privileged: imported.privileged,
        ..scratch.workload().clone()
    };
    Component { name: imported.name.clone(), placement: None, current: CURRENT, purchase: None, workload }
}
