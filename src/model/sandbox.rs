//! Managed sandboxes: the cloud forms of a microVM per pod (`assets/sandboxes.ron`). AWS
//! Fargate runs each pod in a Firecracker microVM of its own, billed per pod on a size ladder
//! with no node to buy; GKE Sandbox runs gVisor on the cluster's ordinary nodes; AKS Pod
//! Sandboxing runs Kata on nodes with nested virtualization.
//!
//! Which one applies is a rule over data ([`Sandboxes::form`]): a sandbox of the host's provider
//! where the profile's flavour is the sandbox's and the chosen type meets its node
//! requirement. Fargate applies on AWS also where the family sells no metal type, since a
//! Fargate profile is the one way AWS sells a microVM per pod without one; a pod larger than
//! the ladder goes back to the family's metal type where there is one (AWS names EC2 as the
//! choice above 16 vCPU or 120 GiB), and is not offered where there is none.

use serde::Deserialize;

use super::hosts::{HostType, NestedVirtualization, Provider};
use super::kubernetes::KubernetesFlavour;
use super::sourced::Grade;

/// A sandbox that applies on the chosen host and flavour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sandbox {
    Fargate,
    GkeSandbox,
    PodSandboxing,
}

/// What Fargate bills a pod as: a pair of the ladder.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PodSize {
    pub vcpu: f64,
    pub memory_gb: f64,
}

/// The platform a Fargate pod runs on, each with its own prices.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Platform {
    LinuxX86,
    LinuxArm,
    WindowsX86,
}

impl Platform {
    /// "Linux/x86".
    pub fn label(self) -> &'static str {
        match self {
            Self::LinuxX86 => "Linux/x86",
            Self::LinuxArm => "Linux/ARM",
            Self::WindowsX86 => "Windows/x86",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Price {
    pub platform: Platform,
    pub per_vcpu_hour: f64,
    pub per_gb_hour: f64,
}

/// One vCPU size of Fargate's ladder and the memory sizes it takes.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub vcpu: f64,
    pub memory_gb: Vec<f64>,
}

/// AWS Fargate as EKS runs it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fargate {
    pub provider: Provider,
    pub flavour: KubernetesFlavour,
    /// Added to every pod's memory (kubelet, kube-proxy, containerd).
    pub pod_overhead_mib: f64,
    pub ladder: Vec<Step>,
    pub sizing_source: String,
    pub sizing_grade: Grade,
    pub region: String,
    /// Month the prices were read, `YYYY-MM`.
    pub date: String,
    pub prices: Vec<Price>,
    pub price_source: String,
    pub price_grade: Grade,
    /// A pod's start, instead of a node's boot and the pod's start on it.
    pub start_seconds: f64,
    pub start_source: String,
    pub limits_source: String,
}

/// A sandbox running on the cluster's own nodes.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeSandbox {
    pub provider: Provider,
    pub flavour: KubernetesFlavour,
    /// Whether the node type must offer nested virtualization (Kata on a cloud VM).
    pub needs_nested_virtualization: bool,
    /// What the node keeps for each sandboxed pod beside its request, in place of the
    /// generic microVM's overhead.
    pub pod_overhead_mib: f64,
    pub pod_overhead_grade: Grade,
    pub pod_overhead_source: String,
    pub source: String,
    pub grade: Grade,
}

/// `assets/sandboxes.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sandboxes {
    pub fargate: Fargate,
    pub gke_sandbox: NodeSandbox,
    pub pod_sandboxing: NodeSandbox,
}

/// What is wrong with the sandbox catalog.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum SandboxError {
    #[error("the sandbox catalog does not parse: {0}")]
    Syntax(String),
    #[error("Fargate's ladder must rise in vCPU and, within a step, in memory, every size positive")]
    Ladder,
    #[error("Fargate has no Linux/x86 price, or a price is not positive")]
    Price,
    #[error("a date is not YYYY-MM or a source is blank")]
    Blank,
}

impl Sandboxes {
    /// Parses and checks the catalog: a rising ladder, positive prices with Linux/x86's
    /// present, a date and every source given.
    pub fn parse(text: &str) -> Result<Self, SandboxError> {
        let catalog: Self = ron::from_str(text).map_err(|error| SandboxError::Syntax(error.to_string()))?;
        let f = &catalog.fargate;
        let rising = |values: &[f64]| values.windows(2).all(|pair| pair[0] < pair[1]);
        let vcpus: Vec<f64> = f.ladder.iter().map(|step| step.vcpu).collect();
        let steps_rise = f.ladder.iter().all(|step| {
            step.vcpu > 0.0 && !step.memory_gb.is_empty() && step.memory_gb[0] > 0.0 && rising(&step.memory_gb)
        });
        if f.ladder.is_empty() || !rising(&vcpus) || !steps_rise {
            return Err(SandboxError::Ladder);
        }
        let positive = f.prices.iter().all(|price| price.per_vcpu_hour > 0.0 && price.per_gb_hour > 0.0);
        if !positive || !f.prices.iter().any(|price| price.platform == Platform::LinuxX86) {
            return Err(SandboxError::Price);
        }
        let sources = [
            &f.sizing_source,
            &f.price_source,
            &f.start_source,
            &f.limits_source,
            &catalog.gke_sandbox.source,
            &catalog.gke_sandbox.pod_overhead_source,
            &catalog.pod_sandboxing.source,
            &catalog.pod_sandboxing.pod_overhead_source,
        ];
        if !super::hosts::is_month(&f.date) || sources.iter().any(|source| source.trim().is_empty()) {
            return Err(SandboxError::Blank);
        }
        Ok(catalog)
    }

    /// The sandbox that runs a microVM per pod on `host` with `flavour`, if one does.
    /// `has_metal`: the host's family sells a metal type.
    pub fn form(&self, host: &HostType, flavour: KubernetesFlavour, has_metal: bool) -> Option<Sandbox> {
        let f = &self.fargate;
        if host.provider == f.provider && (flavour == f.flavour || !has_metal) {
            return Some(Sandbox::Fargate);
        }
        let nests = matches!(host.nested_virtualization, NestedVirtualization::Supported { .. });
        [(&self.gke_sandbox, Sandbox::GkeSandbox), (&self.pod_sandboxing, Sandbox::PodSandboxing)]
            .into_iter()
            .find(|(spec, _)| {
                host.provider == spec.provider
                    && flavour == spec.flavour
                    && (nests || !spec.needs_nested_virtualization)
            })
            .map(|(_, sandbox)| sandbox)
    }

    /// The sandbox on the cluster's nodes, if `sandbox` is one.
    pub fn on_nodes(&self, sandbox: Sandbox) -> Option<&NodeSandbox> {
        match sandbox {
            Sandbox::Fargate => None,
            Sandbox::GkeSandbox => Some(&self.gke_sandbox),
            Sandbox::PodSandboxing => Some(&self.pod_sandboxing),
        }
    }

    /// The claims a form rests on.
    pub fn sources(&self, sandbox: Sandbox) -> Vec<&str> {
        match sandbox {
            Sandbox::Fargate => vec![self.fargate.sizing_source.as_str(), self.fargate.limits_source.as_str()],
            Sandbox::GkeSandbox | Sandbox::PodSandboxing => self
                .on_nodes(sandbox)
                .map(|spec| vec![spec.source.as_str(), spec.pod_overhead_source.as_str()])
                .unwrap_or_default(),
        }
    }
}

impl Sandbox {
    /// The form's name in JSON (`feasibility.as`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Fargate => "fargate",
            Self::GkeSandbox => "gke_sandbox",
            Self::PodSandboxing => "aks_pod_sandboxing",
        }
    }

    /// The provider's name for it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Fargate => "AWS Fargate",
            Self::GkeSandbox => "GKE Sandbox",
            Self::PodSandboxing => "AKS Pod Sandboxing",
        }
    }
}

impl Fargate {
    /// What a pod requesting `cpu` vCPU and `memory_mib` is billed as: its memory plus the
    /// pod overhead, rounded up to the smallest pair of the ladder holding both; `None` where
    /// the largest pair does not.
    pub fn size(&self, cpu: f64, memory_mib: f64) -> Option<PodSize> {
        let memory_gb = (memory_mib + self.pod_overhead_mib) / 1024.0;
        self.ladder.iter().filter(|step| step.vcpu >= cpu - 1e-9).find_map(|step| {
            let memory = step.memory_gb.iter().find(|&&gb| gb >= memory_gb - 1e-9)?;
            Some(PodSize { vcpu: step.vcpu, memory_gb: *memory })
        })
    }

    /// The largest pair of the ladder.
    pub fn largest(&self) -> PodSize {
        let step = self.ladder.last();
        PodSize {
            vcpu: step.map_or(0.0, |step| step.vcpu),
            memory_gb: step.and_then(|step| step.memory_gb.last()).copied().unwrap_or(0.0),
        }
    }

    /// An hour of a pod of `size` on Linux/x86.
    pub fn price_per_hour(&self, size: PodSize) -> f64 {
        self.prices
            .iter()
            .find(|price| price.platform == Platform::LinuxX86)
            .map_or(0.0, |price| size.vcpu * price.per_vcpu_hour + size.memory_gb * price.per_gb_hour)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fargate() -> &'static Fargate {
        &crate::model::catalogs::shipped().sandboxes.fargate
    }

    fn host(id: &str) -> &'static HostType {
        crate::model::catalogs::shipped().hosts.get(id).unwrap_or_else(|| panic!("{id}"))
    }

    #[test]
    fn the_guides_example_bills_1_vcpu_and_8_gb_as_2_vcpu_and_9_gb() {
        // 8 GB + 256 MB = 8.25 GB: more than 1 vCPU's 8 GB, so 2 vCPU's next step, 9 GB.
        assert_eq!(fargate().size(1.0, 8192.0), Some(PodSize { vcpu: 2.0, memory_gb: 9.0 }));
        // 2 × 0.04048 + 9 × 0.004445 = 0.120965 USD an hour.
        assert!((fargate().price_per_hour(PodSize { vcpu: 2.0, memory_gb: 9.0 }) - 0.120_965).abs() < 1e-12);
    }

    #[test]
    fn pods_round_up_to_the_ladder() {
        let f = fargate();
        let size = |cpu, mib| f.size(cpu, mib).map(|s| (s.vcpu, s.memory_gb));
        // 256 MiB + 256 MiB = 0.5 GB, the smallest pair.
        assert_eq!(size(0.1, 256.0), Some((0.25, 0.5)));
        // 0.25 vCPU takes 2 GB at most: 2.25 GB goes to 0.5 vCPU / 3 GB.
        assert_eq!(size(0.25, 2048.0), Some((0.5, 3.0)));
        // 8 vCPU goes in 4 GB steps: 17 GB + 256 MB → 20 GB.
        assert_eq!(size(6.0, 17.0 * 1024.0), Some((8.0, 20.0)));
        // The ladder's top is 16 vCPU / 120 GB; 120 GB + 256 MB does not fit, nor do 17 vCPU.
        assert_eq!(size(16.0, 119.0 * 1024.0), Some((16.0, 120.0)));
        assert_eq!(size(16.0, 120.0 * 1024.0), None);
        assert_eq!(size(17.0, 1024.0), None);
        assert_eq!(f.largest(), PodSize { vcpu: 16.0, memory_gb: 120.0 });
    }

    #[test]
    fn the_form_follows_provider_flavour_and_nodes() {
        let s = &crate::model::catalogs::shipped().sandboxes;
        let m6i = host("aws/m6i.large");
        assert_eq!(s.form(m6i, KubernetesFlavour::Eks, true), Some(Sandbox::Fargate));
        assert_eq!(s.form(m6i, KubernetesFlavour::SelfManaged, true), None, "a self-managed cluster keeps metal");
        assert_eq!(s.form(m6i, KubernetesFlavour::SelfManaged, false), Some(Sandbox::Fargate), "no metal type");
        let n2 = host("gcp/n2-standard-8");
        assert_eq!(s.form(n2, KubernetesFlavour::Gke, false), Some(Sandbox::GkeSandbox));
        assert_eq!(s.form(n2, KubernetesFlavour::SelfManaged, false), None);
        let dsv5 = host("azure/D8s_v5");
        assert_eq!(s.form(dsv5, KubernetesFlavour::Aks, false), Some(Sandbox::PodSandboxing));
        assert_eq!(s.form(dsv5, KubernetesFlavour::Eks, false), None, "EKS flavour on an Azure type");
    }

    #[test]
    fn a_falling_ladder_is_refused() {
        let text =
            include_str!("../../assets/sandboxes.ron").replace("(vcpu: 0.5,  memory_gb", "(vcpu: 0.2, memory_gb");
        assert_eq!(Sandboxes::parse(&text), Err(SandboxError::Ladder));
    }
}
