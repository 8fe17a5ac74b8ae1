//! Kubernetes flavours and what each keeps from a node: kube-reserved memory and CPU, the
//! eviction threshold and the pod limit, hence a node's allocatable memory and CPU; plus what
//! each flavour's control plane costs. The formulas are data (`assets/kubernetes.ron`, each
//! rule with its source); this module evaluates them, so the providers' published figures
//! are reproduced by the tests below rather than copied.

use serde::{Deserialize, Serialize};

use super::hosts::{Arch, EniLimits, HostType, Provider};
use super::interpolate::on_lines;
use super::sourced::{Grade, Sourced};

/// Who runs the cluster, which decides the node reservations and the control-plane fee.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KubernetesFlavour {
    #[default]
    SelfManaged,
    Eks,
    Gke,
    Aks,
}

impl KubernetesFlavour {
    /// Every flavour, in the order files and reports list them.
    pub const ALL: [Self; 4] = [Self::SelfManaged, Self::Eks, Self::Gke, Self::Aks];

    /// The id used in profiles and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Self::SelfManaged => "self_managed",
            Self::Eks => "eks",
            Self::Gke => "gke",
            Self::Aks => "aks",
        }
    }

    /// Name shown in the window.
    pub fn label(self) -> &'static str {
        match self {
            Self::SelfManaged => "Self-managed",
            Self::Eks => "Amazon EKS",
            Self::Gke => "Google GKE",
            Self::Aks => "Azure AKS",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|flavour| flavour.key() == key)
    }

    /// The cloud whose managed service this is; `None` for self-managed clusters, which run
    /// anywhere.
    pub fn provider(self) -> Option<Provider> {
        match self {
            Self::SelfManaged => None,
            Self::Eks => Some(Provider::Aws),
            Self::Gke => Some(Provider::Gcp),
            Self::Aks => Some(Provider::Azure),
        }
    }

    /// Whether clusters of this flavour can have nodes of `host`'s provider.
    pub fn runs_on(self, host: &HostType) -> bool {
        self.provider().is_none_or(|provider| provider == host.provider)
    }
}

/// kube-reserved memory.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum MemoryRule {
    /// `per_pod_mib × maxPods + base_mib` (EKS AMI).
    PerPod { per_pod_mib: f64, base_mib: f64 },
    /// `min(per_pod_mib × maxPods + base_mib, cap_percent % of memory)` (AKS ≥ 1.29).
    PerPodCapped { per_pod_mib: f64, base_mib: f64, cap_percent: f64 },
    /// Regressive tiers over the node's memory counted in GB of `gb_mib` MiB; a node under
    /// `small_node_under_gb` reserves a flat `small_node_mib` (GKE).
    Tiers { gb_mib: f64, small_node_under_gb: f64, small_node_mib: f64, tiers: Vec<MemoryTier> },
}

/// `percent` of the memory up to `up_to_gb` (the rest of it when `None`), above the previous tier.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryTier {
    pub up_to_gb: Option<f64>,
    pub percent: f64,
}

/// kube-reserved CPU.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum CpuRule {
    /// A share of each core, tier by tier (EKS, GKE).
    Tiers(Vec<CpuTier>),
    /// Millicores by node size, read on straight lines between rows and past the last (AKS).
    Table(Vec<CpuRow>),
}

/// `per_10000` ten-thousandths of every core up to `up_to_cores` (all the rest when `None`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpuTier {
    pub up_to_cores: Option<u32>,
    pub per_10000: u32,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpuRow {
    pub cores: u32,
    pub millicores: u32,
}

/// The pod limit of a node.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum MaxPodsRule {
    Fixed(u32),
    /// `ENIs × (IPv4 per ENI − 1) + 2` from the instance type; `fallback` when it is unknown.
    Eni {
        fallback: u32,
    },
    /// By network mode; `default` names one of `modes`.
    Network {
        default: String,
        modes: Vec<NetworkMode>,
    },
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NetworkMode {
    pub id: String,
    pub max_pods: u32,
}

/// The eviction threshold, memory.available.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Eviction {
    pub mib: f64,
    pub source: String,
    pub grade: Grade,
}

/// The share of advertised memory a VM's OS does not see (Karpenter's assumption for EC2).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VmMemoryOverhead {
    pub per_10000: u32,
    /// Memory an arm64 type's kernel keeps before the share is taken (Graviton's CMA area).
    pub arm64_reserved_mib: f64,
    pub source: String,
    pub grade: Grade,
}

/// Memory reserved on Windows nodes outside the formula (AKS).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WindowsReserve {
    pub mib: f64,
    pub source: String,
    pub grade: Grade,
}

/// The system DaemonSets a flavour runs on every node of one OS: what their pods request.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DaemonSets {
    /// The DaemonSets, by name; each is a pod on every node.
    pub pods: Vec<String>,
    pub cpu_millicores: f64,
    pub memory_mib: f64,
    /// The plausible range of the CPU requests (features on or off, versions).
    pub cpu_range_millicores: (f64, f64),
    pub source: String,
    pub grade: Grade,
}

impl DaemonSets {
    /// Pods of the node's pod limit they take.
    pub fn pod_count(&self) -> u32 {
        u32::try_from(self.pods.len()).unwrap_or(u32::MAX)
    }
}

/// Nodes a cluster keeps for system pods, beside the workers of its workloads.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SystemPool {
    /// Every cluster has one (AKS); otherwise only a cluster whose workers are all Windows,
    /// for the Linux-only system pods.
    pub always: bool,
    pub nodes: u32,
    pub nodes_range: (u32, u32),
    /// The smallest node size the pool accepts.
    pub min_cores: u32,
    pub min_memory_gib: f64,
    pub source: String,
    pub grade: Grade,
}

impl SystemPool {
    /// System nodes a cluster keeps, given whether all its workers are Windows nodes.
    pub fn nodes_for(&self, windows_only: bool) -> u32 {
        if self.always || windows_only { self.nodes } else { 0 }
    }
}

/// What the provider charges per cluster for its control plane, in US dollars.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ControlPlaneFee {
    pub per_cluster_hour: f64,
    /// Credit per billing account and month, where the provider grants one.
    pub free_credit_per_month: f64,
    /// The tier or edition the fee is for.
    pub tier: String,
    pub source: String,
    pub grade: Grade,
}

impl ControlPlaneFee {
    /// The fee for `clusters` clusters running `hours` hours in a month, less the monthly
    /// credit when it applies (GKE grants it to zonal and Autopilot clusters only).
    pub fn monthly(&self, clusters: u32, hours: f64, with_free_credit: bool) -> f64 {
        let fee = f64::from(clusters) * self.per_cluster_hour * hours;
        let credit = if with_free_credit { self.free_credit_per_month } else { 0.0 };
        (fee - credit).max(0.0)
    }
}

/// One flavour's rules, as in `assets/kubernetes.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlavourSpec {
    pub flavour: KubernetesFlavour,
    pub memory: Sourced<MemoryRule>,
    pub cpu: Sourced<CpuRule>,
    pub eviction: Eviction,
    pub max_pods: Sourced<MaxPodsRule>,
    #[serde(deserialize_with = "super::asset::present")]
    pub vm_memory_overhead: Option<VmMemoryOverhead>,
    #[serde(deserialize_with = "super::asset::present")]
    pub windows_reserve: Option<WindowsReserve>,
    /// System DaemonSets on every Linux node.
    pub daemonsets: DaemonSets,
    /// System DaemonSets on every Windows node.
    pub windows_daemonsets: DaemonSets,
    pub system_pool: SystemPool,
    pub control_plane: ControlPlaneFee,
}

/// A node as the formulas see it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Node {
    /// vCPUs.
    pub cores: u32,
    /// Advertised memory.
    pub memory_mib: f64,
    /// AWS network interface limits, for the EKS pod limit.
    pub eni: Option<EniLimits>,
    pub arch: Arch,
}

impl From<&HostType> for Node {
    fn from(host: &HostType) -> Self {
        Self { cores: host.cores, memory_mib: host.memory_mib(), eni: host.eni, arch: host.arch }
    }
}

/// Choices that change a node's reservation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct NodeSettings {
    /// A pod limit set by the user instead of the flavour's rule.
    pub max_pods: Option<u32>,
    /// Subtract the flavour's VM memory overhead (EKS: Karpenter's 7.5 %) before reserving.
    pub vm_memory_overhead: bool,
    /// A Windows node (AKS reserves more).
    pub windows: bool,
}

/// What a flavour leaves for pods on one node. Memory in MiB, CPU in millicores; fractions
/// are kept (the providers' code floors each term; reports round).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Allocatable {
    /// Advertised memory less the VM memory overhead, when that is subtracted.
    pub capacity_memory_mib: f64,
    pub kube_reserved_memory_mib: f64,
    pub eviction_mib: f64,
    /// Windows reserve (AKS), else 0.
    pub windows_reserved_mib: f64,
    pub kube_reserved_cpu_millicores: f64,
    pub max_pods: u32,
    pub memory_mib: f64,
    pub cpu_millicores: f64,
}

impl FlavourSpec {
    /// The system DaemonSets on a node of this OS.
    pub fn daemonsets(&self, windows: bool) -> &DaemonSets {
        if windows { &self.windows_daemonsets } else { &self.daemonsets }
    }

    /// The node's pod limit under this flavour's default rule.
    pub fn max_pods(&self, node: &Node) -> u32 {
        match &self.max_pods.rule {
            MaxPodsRule::Fixed(pods) => *pods,
            MaxPodsRule::Eni { fallback } => {
                node.eni.map_or(*fallback, |eni| eni.max_enis * eni.ipv4_per_eni.saturating_sub(1) + 2)
            }
            MaxPodsRule::Network { default, modes } => {
                modes.iter().find(|mode| mode.id == *default).map_or(0, |mode| mode.max_pods)
            }
        }
    }

    /// The pod limit of a named network mode (AKS), if the flavour has one by that id.
    pub fn network_max_pods(&self, mode: &str) -> Option<u32> {
        match &self.max_pods.rule {
            MaxPodsRule::Network { modes, .. } => modes.iter().find(|m| m.id == mode).map(|m| m.max_pods),
            MaxPodsRule::Fixed(_) | MaxPodsRule::Eni { .. } => None,
        }
    }

    /// kube-reserved memory (MiB) of a node with `memory_mib` and `max_pods`.
    pub fn reserved_memory_mib(&self, memory_mib: f64, max_pods: u32) -> f64 {
        let pods = f64::from(max_pods);
        match &self.memory.rule {
            MemoryRule::PerPod { per_pod_mib, base_mib } => per_pod_mib * pods + base_mib,
            MemoryRule::PerPodCapped { per_pod_mib, base_mib, cap_percent } => {
                (per_pod_mib * pods + base_mib).min(cap_percent / 100.0 * memory_mib)
            }
            MemoryRule::Tiers { gb_mib, small_node_under_gb, small_node_mib, tiers } => {
                let gb = memory_mib / gb_mib;
                if gb < *small_node_under_gb {
                    return *small_node_mib;
                }
                let mut floor = 0.0;
                let mut reserved_gb = 0.0;
                for tier in tiers {
                    let top = tier.up_to_gb.unwrap_or(f64::INFINITY);
                    reserved_gb += (gb.min(top) - floor).max(0.0) * tier.percent / 100.0;
                    floor = top;
                }
                reserved_gb * gb_mib
            }
        }
    }

    /// kube-reserved CPU (millicores) of a node with `cores` vCPUs.
    pub fn reserved_cpu_millicores(&self, cores: u32) -> f64 {
        let cores = f64::from(cores);
        match &self.cpu.rule {
            CpuRule::Tiers(tiers) => {
                let mut floor = 0.0;
                let mut reserved = 0.0;
                for tier in tiers {
                    let top = tier.up_to_cores.map_or(f64::INFINITY, f64::from);
                    reserved += (cores.min(top) - floor).max(0.0) * 1000.0 * f64::from(tier.per_10000) / 10_000.0;
                    floor = top;
                }
                reserved
            }
            CpuRule::Table(rows) => {
                let points: Vec<(f64, f64)> =
                    rows.iter().map(|row| (f64::from(row.cores), f64::from(row.millicores))).collect();
                on_lines(&points, cores)
            }
        }
    }

    /// What this flavour leaves for pods on `node`.
    pub fn allocatable(&self, node: &Node, settings: &NodeSettings) -> Allocatable {
        let max_pods = settings.max_pods.unwrap_or_else(|| self.max_pods(node));
        let overhead = match (&self.vm_memory_overhead, settings.vm_memory_overhead) {
            (Some(overhead), true) => {
                let arm64 = if node.arch == Arch::Arm64 { overhead.arm64_reserved_mib } else { 0.0 };
                let seen = node.memory_mib - arm64;
                arm64 + (seen * f64::from(overhead.per_10000) / 10_000.0).ceil()
            }
            _ => 0.0,
        };
        let capacity_memory_mib = node.memory_mib - overhead;
        let kube_reserved_memory_mib = self.reserved_memory_mib(node.memory_mib, max_pods);
        let eviction_mib = self.eviction.mib;
        let windows_reserved_mib = match &self.windows_reserve {
            Some(reserve) if settings.windows => reserve.mib,
            _ => 0.0,
        };
        let kube_reserved_cpu_millicores = self.reserved_cpu_millicores(node.cores);
        Allocatable {
            capacity_memory_mib,
            kube_reserved_memory_mib,
            eviction_mib,
            windows_reserved_mib,
            kube_reserved_cpu_millicores,
            max_pods,
            memory_mib: (capacity_memory_mib - kube_reserved_memory_mib - eviction_mib - windows_reserved_mib).max(0.0),
            cpu_millicores: (f64::from(node.cores) * 1000.0 - kube_reserved_cpu_millicores).max(0.0),
        }
    }
}

/// Why the flavour rules could not be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum FlavoursError {
    #[error("the Kubernetes flavours do not parse: {0}")]
    Syntax(String),
    #[error("the Kubernetes flavours must be {expected:?} in that order, not {found:?}")]
    Order { expected: Vec<&'static str>, found: Vec<&'static str> },
    #[error("Kubernetes flavour {flavour}: {problem}")]
    Rule { flavour: &'static str, problem: &'static str },
}

/// Every flavour's rules, in [`KubernetesFlavour::ALL`] order.
#[derive(Clone, Debug, PartialEq)]
pub struct Flavours {
    specs: Vec<FlavourSpec>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FlavoursFile {
    flavours: Vec<FlavourSpec>,
}

impl Flavours {
    /// Parses and checks the rules: one entry per flavour in order, tiers ascending, rates
    /// and fees finite and not negative, every source given.
    pub fn parse(text: &str) -> Result<Self, FlavoursError> {
        let file: FlavoursFile = ron::from_str(text).map_err(|error| FlavoursError::Syntax(error.to_string()))?;
        let found: Vec<&'static str> = file.flavours.iter().map(|spec| spec.flavour.key()).collect();
        let expected: Vec<&'static str> = KubernetesFlavour::ALL.iter().map(|flavour| flavour.key()).collect();
        if found != expected {
            return Err(FlavoursError::Order { expected, found });
        }
        for spec in &file.flavours {
            spec.check().map_err(|problem| FlavoursError::Rule { flavour: spec.flavour.key(), problem })?;
        }
        Ok(Self { specs: file.flavours })
    }

    pub fn get(&self, flavour: KubernetesFlavour) -> &FlavourSpec {
        &self.specs[flavour as usize]
    }

    /// Every flavour's rules, in [`KubernetesFlavour::ALL`] order.
    pub fn specs(&self) -> &[FlavourSpec] {
        &self.specs
    }
}

impl FlavourSpec {
    fn check(&self) -> Result<(), &'static str> {
        let sources = [
            Some(&self.memory.source),
            Some(&self.cpu.source),
            Some(&self.eviction.source),
            Some(&self.max_pods.source),
            Some(&self.control_plane.source),
            self.vm_memory_overhead.as_ref().map(|overhead| &overhead.source),
            self.windows_reserve.as_ref().map(|reserve| &reserve.source),
            Some(&self.daemonsets.source),
            Some(&self.windows_daemonsets.source),
            Some(&self.system_pool.source),
        ];
        if sources.iter().flatten().any(|source| source.trim().is_empty()) {
            return Err("a rule has no source");
        }
        for daemonsets in [&self.daemonsets, &self.windows_daemonsets] {
            let (low, high) = daemonsets.cpu_range_millicores;
            let figures = [daemonsets.cpu_millicores, daemonsets.memory_mib, low, high];
            if !(figures.iter().all(|v| v.is_finite() && *v >= 0.0)
                && low <= daemonsets.cpu_millicores
                && daemonsets.cpu_millicores <= high)
            {
                return Err("DaemonSet requests must be finite, not negative, and within their range");
            }
        }
        let pool = &self.system_pool;
        let nodes_ok = pool.nodes >= 1 && pool.nodes_range.0 <= pool.nodes && pool.nodes <= pool.nodes_range.1;
        let size_ok = pool.min_cores >= 1 && pool.min_memory_gib.is_finite() && pool.min_memory_gib > 0.0;
        if !(nodes_ok && size_ok) {
            return Err("the system pool needs at least one node within its range, of a positive size");
        }
        let fee = &self.control_plane;
        if ![fee.per_cluster_hour, fee.free_credit_per_month, self.eviction.mib]
            .iter()
            .all(|v| v.is_finite() && *v >= 0.0)
        {
            return Err("fees and the eviction threshold must be finite and not negative");
        }
        let cpu_ok = match &self.cpu.rule {
            CpuRule::Tiers(tiers) => ascending(tiers.iter().map(|tier| tier.up_to_cores.map(f64::from))),
            CpuRule::Table(rows) => rows.len() >= 2 && ascending(rows.iter().map(|row| Some(f64::from(row.cores)))),
        };
        let memory_ok = match &self.memory.rule {
            MemoryRule::Tiers { gb_mib, tiers, .. } => {
                *gb_mib > 0.0 && ascending(tiers.iter().map(|tier| tier.up_to_gb))
            }
            MemoryRule::PerPod { .. } | MemoryRule::PerPodCapped { .. } => true,
        };
        if !(cpu_ok && memory_ok) {
            return Err("tiers and table rows must ascend, and only the last tier may be open-ended");
        }
        if let MaxPodsRule::Network { default, modes } = &self.max_pods.rule
            && !modes.iter().any(|mode| mode.id == *default)
        {
            return Err("the default network mode is not among the modes");
        }
        Ok(())
    }
}

/// Strictly ascending bounds where only the last may be open (`None`).
fn ascending(bounds: impl Iterator<Item = Option<f64>>) -> bool {
    let bounds: Vec<Option<f64>> = bounds.collect();
    let Some((last, init)) = bounds.split_last() else { return false };
    let closed: Option<Vec<f64>> = init.iter().copied().collect();
    let Some(mut closed) = closed else { return false };
    if let Some(last) = last {
        closed.push(*last);
    }
    closed.windows(2).all(|pair| pair[0] < pair[1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AssumptionId;

    fn flavours() -> &'static Flavours {
        &crate::model::catalogs::shipped().flavours
    }

    fn spec(flavour: KubernetesFlavour) -> &'static FlavourSpec {
        flavours().get(flavour)
    }

    fn host(id: &str) -> Node {
        let catalog = &crate::model::catalogs::shipped().hosts;
        Node::from(catalog.get(id).unwrap_or_else(|| panic!("no {id}")))
    }

    fn node(cores: u32, memory_gib: f64) -> Node {
        Node { cores, memory_mib: memory_gib * 1024.0, eni: None, arch: Arch::X86_64 }
    }

    /// (allocatable CPU m, allocatable memory MiB rounded, max pods).
    fn summary(flavour: KubernetesFlavour, node: &Node, settings: &NodeSettings) -> (f64, f64, u32) {
        let a = spec(flavour).allocatable(node, settings);
        (a.cpu_millicores, a.memory_mib.round(), a.max_pods)
    }

    #[test]
    fn builtin_flavours_load_in_order_with_sources() {
        let keys: Vec<&str> = flavours().specs().iter().map(|spec| spec.flavour.key()).collect();
        assert_eq!(keys, ["self_managed", "eks", "gke", "aks"]);
        for key in keys {
            assert_eq!(KubernetesFlavour::from_key(key).map(KubernetesFlavour::key), Some(key));
        }
        assert_eq!(KubernetesFlavour::from_key("openshift"), None);
        let catalog = &crate::model::catalogs::shipped().hosts;
        let d2 = catalog.get("azure/D2s_v5").unwrap_or_else(|| panic!("no D2s_v5"));
        assert!(KubernetesFlavour::Aks.runs_on(d2) && KubernetesFlavour::SelfManaged.runs_on(d2));
        assert!(!KubernetesFlavour::Eks.runs_on(d2) && !KubernetesFlavour::Gke.runs_on(d2));
    }

    #[test]
    fn a_missing_or_misordered_entry_fails_the_test_not_the_app() {
        let text = include_str!("../../assets/kubernetes.ron");
        let without = text.replacen("vm_memory_overhead: None,", "", 1);
        assert!(matches!(Flavours::parse(&without), Err(FlavoursError::Syntax(_))));
        let swapped = text.replacen("flavour: eks", "flavour: gke", 1);
        assert!(matches!(Flavours::parse(&swapped), Err(FlavoursError::Order { .. })));
        let unordered =
            text.replacen("(up_to_gb: Some(8.0), percent: 20.0)", "(up_to_gb: Some(2.0), percent: 20.0)", 1);
        assert!(matches!(Flavours::parse(&unordered), Err(FlavoursError::Rule { flavour: "gke", .. })));
    }

    /// Karpenter's generated table for AL2023 (aws/karpenter-provider-aws@692ccdd0
    /// website/content/en/preview/reference/instance-types.md; the m7i rows unchanged at
    /// @1d927085, v1.14.1): CPU m, memory Mi, pods.
    #[test]
    fn eks_with_karpenter_overhead_reproduces_the_published_table() {
        let karpenter = NodeSettings { vm_memory_overhead: true, ..NodeSettings::default() };
        let table = [
            ("aws/m6i.large", 1930.0, 6903.0, 29),
            ("aws/m6i.xlarge", 3920.0, 14162.0, 58),
            ("aws/m6i.2xlarge", 7910.0, 29317.0, 58),
            ("aws/m6i.4xlarge", 15890.0, 57691.0, 234),
            ("aws/m6i.8xlarge", 31850.0, 118_312.0, 234),
            ("aws/m6i.16xlarge", 63770.0, 234_021.0, 737),
            ("aws/m6i.metal", 127_610.0, 476_504.0, 737),
            ("aws/m7i.large", 1930.0, 6903.0, 29),
            ("aws/m7i.xlarge", 3920.0, 14162.0, 58),
            ("aws/m7i.2xlarge", 7910.0, 29317.0, 58),
            ("aws/m7i.4xlarge", 15890.0, 57691.0, 234),
            ("aws/m7i.8xlarge", 31850.0, 118_312.0, 234),
            ("aws/m7i.16xlarge", 63770.0, 234_021.0, 737),
            ("aws/m7i.metal-24xl", 95690.0, 355_262.0, 737),
            ("aws/m7i.metal-48xl", 191_450.0, 718_987.0, 737),
        ];
        for (id, cpu, memory, pods) in table {
            assert_eq!(summary(KubernetesFlavour::Eks, &host(id), &karpenter), (cpu, memory, pods), "{id}");
        }
    }

    #[test]
    fn eks_nominal_worked_examples() {
        let eks = spec(KubernetesFlavour::Eks);
        let large = eks.allocatable(&host("aws/m6i.large"), &NodeSettings::default());
        assert_eq!(large.kube_reserved_memory_mib, 574.0);
        assert_eq!(large.kube_reserved_cpu_millicores, 70.0);
        assert_eq!((large.memory_mib, large.cpu_millicores), (7518.0, 1930.0));
        let big = eks.allocatable(&host("aws/m6i.16xlarge"), &NodeSettings::default());
        assert_eq!(
            (big.max_pods, big.kube_reserved_memory_mib, big.kube_reserved_cpu_millicores),
            (737, 8362.0, 230.0)
        );
        // An unknown instance type (a custom host) falls back to 110 pods.
        assert_eq!(eks.max_pods(&node(64, 256.0)), 110);
        // A user's own max pods drives the reservation, as on a real node.
        let capped = eks
            .allocatable(&host("aws/m6i.16xlarge"), &NodeSettings { max_pods: Some(110), ..NodeSettings::default() });
        assert_eq!(capped.kube_reserved_memory_mib, 11.0 * 110.0 + 255.0);
    }

    #[test]
    fn gke_docs_example_and_n2_worked_examples() {
        let gke = KubernetesFlavour::Gke;
        let four = spec(gke).allocatable(&node(4, 16.0), &NodeSettings::default());
        assert_eq!((four.cpu_millicores, four.max_pods), (3920.0, 110));
        // n2-standard-N, GiB tiers, kernel reservation not subtracted.
        let examples = [
            ("gcp/n2-standard-2", 1930.0, 6249.0, 1843.2),
            ("gcp/n2-standard-4", 3920.0, 13622.0, 2662.4),
            ("gcp/n2-standard-8", 7910.0, 29023.0, 3645.44),
            ("gcp/n2-standard-16", 15890.0, 59824.0, 5611.52),
            ("gcp/n2-standard-32", 31850.0, 121_428.0, 9543.68),
            ("gcp/n2-standard-48", 47810.0, 185_654.0, 10854.4),
            ("gcp/n2-standard-64", 63770.0, 249_879.0, 12165.12),
        ];
        for (id, cpu, memory, reserved) in examples {
            let n2 = host(id);
            assert_eq!(summary(gke, &n2, &NodeSettings::default()), (cpu, memory, 110), "{id}");
            let a = spec(gke).allocatable(&n2, &NodeSettings::default());
            assert!((a.kube_reserved_memory_mib - reserved).abs() < 1e-6, "{id}: {}", a.kube_reserved_memory_mib);
        }
        // Below 1 GB a flat 255 MiB.
        assert_eq!(spec(gke).reserved_memory_mib(600.0, 110), 255.0);
    }

    /// The flavours' own DaemonSets on a node, as `assets/kubernetes.ron` sums them: GKE's
    /// 160 + 100 + 100 + 10 m leave a 2-vCPU node 2000 − 70 − 370 = 1560 m for pods.
    #[test]
    fn daemonsets_per_flavour_and_what_a_small_gke_node_keeps() {
        let gke = spec(KubernetesFlavour::Gke);
        let node = gke.allocatable(&host("gcp/n2-standard-2"), &NodeSettings::default());
        assert_eq!(node.cpu_millicores - gke.daemonsets(false).cpu_millicores, 1560.0);
        let cpu = |flavour, windows| spec(flavour).daemonsets(windows).cpu_millicores;
        assert_eq!(
            KubernetesFlavour::ALL.map(|flavour| cpu(flavour, false)),
            [250.0, 25.0 + 100.0, 160.0 + 100.0 + 100.0 + 10.0, 210.0]
        );
        assert_eq!(cpu(KubernetesFlavour::Eks, true), 0.0, "aws-node and the pod identity agent are Linux-only");
        for flavour in KubernetesFlavour::ALL {
            let pool = &spec(flavour).system_pool;
            let (always, nodes) =
                (flavour == KubernetesFlavour::Aks, if flavour == KubernetesFlavour::Aks { 2 } else { 1 });
            assert_eq!((pool.always, pool.nodes_for(true)), (always, nodes), "{}", flavour.key());
            assert_eq!(pool.nodes_for(false), if always { 2 } else { 0 });
        }
        let broken =
            include_str!("../../assets/kubernetes.ron").replacen("cpu_millicores: 370.0", "cpu_millicores: 700.0", 1);
        assert!(
            matches!(Flavours::parse(&broken), Err(FlavoursError::Rule { flavour: "gke", .. })),
            "out of its range"
        );
    }

    #[test]
    fn gke_autoscaler_reading_uses_thousand_mib_gigabytes() {
        // The autoscaler's 1000-MiB "GB": 8 GiB = 8.192 GB → 25 % × 4000 + 20 % × 4000
        // + 10 % × 192 = 1819.2 MiB, 1.3 % below the docs' 1843.2.
        let text = include_str!("../../assets/kubernetes.ron").replacen("gb_mib: 1024.0,", "gb_mib: 1000.0,", 1);
        let autoscaler = Flavours::parse(&text).unwrap_or_else(|error| panic!("{error}"));
        let reserved = autoscaler.get(KubernetesFlavour::Gke).reserved_memory_mib(8192.0, 110);
        assert!((reserved - 1819.2).abs() < 1e-9, "{reserved}");
    }

    #[test]
    fn aks_docs_examples() {
        let aks = spec(KubernetesFlavour::Aks);
        // The page's arithmetic in its own units: 8 GB, 30 pods → 650 MB; 4 GB, 70 pods → 25 %.
        assert_eq!(aks.reserved_memory_mib(8000.0, 30), 650.0);
        assert_eq!(8000.0 - aks.reserved_memory_mib(8000.0, 30) - aks.eviction.mib, 7250.0);
        assert_eq!(aks.reserved_memory_mib(4000.0, 70), 1000.0);
        // CPU table rows, and the stated reading between and beyond them.
        for (cores, millicores) in
            [(1, 60.0), (2, 100.0), (4, 140.0), (8, 180.0), (16, 260.0), (32, 420.0), (64, 740.0)]
        {
            assert_eq!(aks.reserved_cpu_millicores(cores), millicores, "{cores} cores");
        }
        assert_eq!(aks.reserved_cpu_millicores(48), 580.0);
        assert_eq!(aks.reserved_cpu_millicores(96), 1060.0);
        // Network modes: Overlay by default.
        assert_eq!(aks.max_pods(&node(8, 32.0)), 250);
        assert_eq!(aks.network_max_pods("azure_cni"), Some(30));
        assert_eq!(aks.network_max_pods("kubenet"), Some(110));
        assert_eq!(aks.network_max_pods("calico"), None);
    }

    #[test]
    fn aks_dsv5_worked_examples() {
        let aks = spec(KubernetesFlavour::Aks);
        let pods = |mode: &str| aks.network_max_pods(mode).unwrap_or_else(|| panic!("{mode}"));
        let (cni, kubenet, overlay) = (pods("azure_cni"), pods("kubenet"), pods("azure_cni_overlay"));
        // The worked examples count 8 GB as 8000 MB; in those units they reproduce exactly.
        let in_page_units =
            [(8000.0, [650.0, 2000.0, 2000.0]), (16000.0, [650.0, 2250.0, 4000.0]), (32000.0, [650.0, 2250.0, 5050.0])];
        for (memory, expected) in in_page_units {
            let reserved = [cni, kubenet, overlay].map(|pods| aks.reserved_memory_mib(memory, pods));
            assert_eq!(reserved, expected, "{memory}");
        }
        // On the catalog's nodes (8 GiB = 8192 MiB) the 25 % cap is 2048 MiB.
        let d2 = aks.allocatable(&host("azure/D2s_v5"), &NodeSettings::default());
        assert_eq!(
            (d2.kube_reserved_cpu_millicores, d2.kube_reserved_memory_mib, d2.memory_mib),
            (100.0, 2048.0, 6044.0)
        );
        let d8 = aks.allocatable(&host("azure/D8s_v5"), &NodeSettings::default());
        assert_eq!((d8.kube_reserved_cpu_millicores, d8.kube_reserved_memory_mib), (180.0, 5050.0));
        for (id, millicores) in
            [("azure/D4s_v5", 140.0), ("azure/D16s_v5", 260.0), ("azure/D32s_v5", 420.0), ("azure/D64s_v5", 740.0)]
        {
            assert_eq!(aks.reserved_cpu_millicores(host(id).cores), millicores, "{id}");
        }
        // Windows nodes keep 2 GB more.
        let windows =
            aks.allocatable(&host("azure/D8s_v5"), &NodeSettings { windows: true, ..NodeSettings::default() });
        assert_eq!(d8.memory_mib - windows.memory_mib, 2048.0);
    }

    #[test]
    fn self_managed_matches_the_container_host_assumptions() {
        let value = |id: AssumptionId| crate::model::catalogs::shipped().assumptions.spec(id).value;
        let own = spec(KubernetesFlavour::SelfManaged);
        let a = own.allocatable(&node(64, 256.0), &NodeSettings::default());
        assert_eq!(f64::from(a.max_pods), value(AssumptionId::ContainerMaxPodsPerHost));
        let per_pod = value(AssumptionId::ContainerKubeletMemoryPerPodMib);
        let fixed = value(AssumptionId::ContainerHostReservedMemoryMib);
        assert_eq!(a.kube_reserved_memory_mib + a.eviction_mib, per_pod * 110.0 + fixed);
        assert_eq!(a.kube_reserved_cpu_millicores / 1000.0, value(AssumptionId::ContainerHostReservedCpuCores));
    }

    #[test]
    fn control_plane_fees() {
        let fee = |flavour| &spec(flavour).control_plane;
        assert_eq!(fee(KubernetesFlavour::Eks).per_cluster_hour, 0.10);
        assert!((fee(KubernetesFlavour::Eks).monthly(1, 730.0, false) - 73.0).abs() < 1e-9);
        // GKE's credit pays one zonal cluster for a 31-day month, and never turns negative.
        assert_eq!(fee(KubernetesFlavour::Gke).monthly(1, 744.0, true), 0.0);
        assert!((fee(KubernetesFlavour::Gke).monthly(2, 744.0, true) - 74.4).abs() < 1e-9);
        assert_eq!(fee(KubernetesFlavour::SelfManaged).monthly(3, 730.0, false), 0.0);
    }

    #[test]
    fn allocatable_is_within_capacity_and_grows_with_the_node() {
        let catalog = &crate::model::catalogs::shipped().hosts;
        for spec in flavours().specs() {
            for settings in
                [NodeSettings::default(), NodeSettings { vm_memory_overhead: true, windows: true, max_pods: None }]
            {
                for family in ["m6i", "m7i", "Dsv5", "n2-standard"] {
                    let mut previous: Option<Allocatable> = None;
                    for host in catalog.family(family) {
                        let node = Node::from(host);
                        let a = spec.allocatable(&node, &settings);
                        assert!(
                            a.memory_mib > 0.0 && a.memory_mib <= node.memory_mib,
                            "{} {}",
                            host.id,
                            spec.flavour.key()
                        );
                        assert!(a.cpu_millicores > 0.0 && a.cpu_millicores <= f64::from(node.cores) * 1000.0);
                        if let Some(p) = previous {
                            assert!(a.memory_mib > p.memory_mib && a.cpu_millicores > p.cpu_millicores, "{}", host.id);
                            assert!(a.max_pods >= p.max_pods, "{}", host.id);
                        }
                        previous = Some(a);
                    }
                }
            }
        }
    }

    #[test]
    fn reservations_grow_with_the_node_for_every_size() {
        for spec in flavours().specs() {
            let mut previous = (0.0, 0.0);
            for cores in 1..=256 {
                let memory = f64::from(cores) * 4096.0;
                let now = (spec.reserved_cpu_millicores(cores), spec.reserved_memory_mib(memory, 110));
                assert!(now.0 >= previous.0 && now.1 >= previous.1, "{} at {cores}", spec.flavour.key());
                assert!(now.0 < f64::from(cores) * 1000.0 && now.1 < memory);
                previous = now;
            }
        }
    }
}
