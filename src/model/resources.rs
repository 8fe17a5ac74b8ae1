//! The resource figures projected for each option, and their metadata.

use serde::{Deserialize, Serialize};

use super::buying::Buying;
use super::hosts::HostType;
use super::purchase::{Offer, Purchase};
use super::sandbox::PodSize;

/// One projected resource figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ResourceId {
    MemoryGib,
    CpuCores,
    DiskGib,
    Hosts,
    MonthlyCost,
    StartSeconds,
    ScaleToPeakSeconds,
    OsInstancesToPatch,
    InstancesPerHost,
}

impl ResourceId {
    /// Every resource, in report order (and the enum's, which [`Resources::all`] follows).
    pub const ALL: [Self; 9] = [
        Self::MemoryGib,
        Self::CpuCores,
        Self::DiskGib,
        Self::Hosts,
        Self::MonthlyCost,
        Self::StartSeconds,
        Self::ScaleToPeakSeconds,
        Self::OsInstancesToPatch,
        Self::InstancesPerHost,
    ];

    /// The key used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Self::MemoryGib => "memory_gib",
            Self::CpuCores => "cpu_cores",
            Self::DiskGib => "disk_gib",
            Self::Hosts => "hosts",
            Self::MonthlyCost => "monthly_cost",
            Self::StartSeconds => "start_seconds",
            Self::ScaleToPeakSeconds => "scale_to_peak_seconds",
            Self::OsInstancesToPatch => "os_instances_to_patch",
            Self::InstancesPerHost => "instances_per_host",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::MemoryGib => "Memory",
            Self::CpuCores => "CPU",
            Self::DiskGib => "Disk",
            Self::Hosts => "Hosts",
            Self::MonthlyCost => "Monthly cost",
            Self::StartSeconds => "Instance start time",
            Self::ScaleToPeakSeconds => "Time to scale to peak",
            Self::OsInstancesToPatch => "OS instances to patch",
            Self::InstancesPerHost => "Instances per host",
        }
    }

    /// Unit for axis labels and tables; cost takes the profile's currency instead.
    pub fn unit(self) -> &'static str {
        match self {
            Self::MemoryGib | Self::DiskGib => "GiB",
            Self::CpuCores => "cores",
            Self::Hosts => "hosts",
            Self::MonthlyCost => "/month",
            Self::StartSeconds | Self::ScaleToPeakSeconds => "s",
            Self::OsInstancesToPatch => "OS instances",
            Self::InstancesPerHost => "per host",
        }
    }

    /// Whether less of this resource is better (density is the one where more is better).
    pub fn lower_is_better(self) -> bool {
        self != Self::InstancesPerHost
    }
}

/// What one option needs for the workload, provisioned for its peak load.
#[derive(Clone, Copy, Debug, PartialEq, Default, Serialize)]
pub struct Resources {
    pub memory_gib: f64,
    pub cpu_cores: f64,
    pub disk_gib: f64,
    pub hosts: f64,
    pub monthly_cost: f64,
    pub start_seconds: f64,
    pub scale_to_peak_seconds: f64,
    pub os_instances_to_patch: f64,
    pub instances_per_host: f64,
    /// Instances provisioned for peak load (VMs or containers).
    pub instances: f64,
    /// Instances running at steady load; each is a separate network endpoint.
    pub instances_steady: f64,
    /// Booted spares kept at steady load so that short-lived instances start without waiting
    /// for a boot (counted in `instances_steady`).
    pub warm_pool: f64,
    /// Services sharing one instance, on average (1 unless the option packs services).
    pub services_per_instance: f64,
    /// Whether one instance fits on a host at all.
    pub fits_on_host: bool,
    /// The catalog type bought as the host (for VMs on cloud hosts, each VM's type); `None`
    /// on the team's own hardware.
    #[serde(skip)]
    pub host_type: Option<&'static HostType>,
    /// Whether that type can run the option (bare metal or KVM where needed).
    pub runs_on_host: bool,
    /// The managed control plane's monthly fee, included in `monthly_cost`.
    pub control_plane_monthly: f64,
    /// Nodes of a self-managed control plane, counted in `hosts` (0 when managed or none).
    pub control_plane_nodes: f64,
    /// Service images rebuilt to pick up OS fixes (image-built options): counted apart from
    /// the OS instances patched.
    pub images_to_rebuild: f64,
    /// The part of the hosts' bill that pays for what each host keeps for itself (hypervisor,
    /// node OS, kubelet reserve), per month: inside `monthly_cost`.
    pub node_overhead_monthly: f64,
    /// Nodes a cluster keeps for system pods beside its workers (AKS's system pool; a Linux
    /// node where the workers are all Windows), billed in `node_overhead_monthly`.
    pub system_pool_nodes: f64,
    pub system_pool_monthly: f64,
    /// What the DaemonSets on every worker node request (the flavour's and the team's agents),
    /// in millicores and MiB: inside the hosts' reserve.
    pub daemonset_cpu_millicores: f64,
    pub daemonset_memory_mib: f64,
    /// The engineers' time the option takes to run, priced at the team's engineer cost, per
    /// month: inside `monthly_cost`.
    pub people_monthly: f64,
    /// Engineers (full-time equivalents) the option takes to run.
    pub engineers: f64,
    /// How the hosts are filled, for sharing them with other components of the estate.
    #[serde(skip)]
    pub footprint: Footprint,
    /// How the hosts are bought, and what of their bill each way pays.
    #[serde(skip)]
    pub bought: HostsBought,
    /// Pods run as a managed sandbox billed per pod (Fargate): each pod is one of `hosts`.
    #[serde(skip)]
    pub sandbox: Option<SandboxPods>,
}

/// What each pod of a per-pod sandbox is billed as.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SandboxPods {
    pub size: PodSize,
    /// One pod's hour, on demand.
    pub price_per_hour: f64,
    /// The month the sandbox's price list was read, for the sentences that quote the price.
    pub price_date: &'static str,
}

/// How an option's hosts are bought: the way asked for, and the month's host bill it pays
/// committed and on spot (the rest is on demand). The team's own hardware is bought as its
/// monthly cost says: nothing committed, nothing on spot.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct HostsBought {
    /// The way asked for (the component's, else the environment's).
    pub asked: Purchase,
    /// Whether any part of these resources was asked to be bought otherwise than on demand
    /// (a platform shared by components bought differently).
    pub stated: bool,
    /// The discount priced, where one applies.
    pub offer: Option<&'static Offer>,
    /// Of the hosts' bill, per month.
    pub committed: f64,
    pub spot: f64,
    /// Where a commitment was declined because it would bill more than the hours it serves:
    /// the most hours a day such hosts ran.
    pub declined_hours: Option<f64>,
}

impl HostsBought {
    /// Hosts bought as asked, on demand.
    pub fn on_demand(asked: Purchase) -> Self {
        Self { asked, stated: asked != Purchase::OnDemand, ..Self::default() }
    }

    /// Two platforms' purchases together (their bills added).
    #[must_use]
    pub fn and(&self, other: &Self) -> Self {
        Self {
            asked: if self.asked == other.asked { self.asked } else { Purchase::OnDemand },
            stated: self.stated || other.stated,
            offer: if self.offer == other.offer { self.offer } else { None },
            committed: self.committed + other.committed,
            spot: self.spot + other.spot,
            declined_hours: match (self.declined_hours, other.declined_hours) {
                (Some(a), Some(b)) => Some(a.max(b)),
                (a, b) => a.or(b),
            },
        }
    }
}

/// What a projection's hosts hold before they are rounded up: what a platform needs to share
/// its hosts between components (`model::plan`).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Footprint {
    /// Instances a host takes: a shared platform spreads its components' instances together
    /// over the zones they fill.
    pub per_host: f64,
    /// Hosts' worth per zone that a self-managed control plane takes, once per platform.
    pub control_plane: f64,
    /// Hosts running at steady load.
    pub hosts_steady: f64,
    /// What each host keeps for itself (hypervisor, node OS, kubelet).
    pub host_reserved_mib: f64,
    pub host_reserved_cpu: f64,
    /// OS instances to patch per host at steady load (the host, its node VMs).
    pub patch_per_host: f64,
    /// Each instance is its own cloud host (a right-sized VM): nothing to share.
    pub own_host: bool,
    /// A host's price: per hour on a cloud host type, per month on the team's own.
    pub host_price: f64,
    /// Hours a day at peak capacity (peak hours plus the time to reach it, within the hours run).
    pub peak_hours: f64,
    /// Whether the people effort is the platform's, counted once however many components
    /// share it (a cluster's team), rather than each instance's (VMs).
    pub people_per_platform: bool,
    /// How the component's cloud hosts are bought; `None` on the team's own hardware.
    pub buying: Option<Buying>,
    /// Windows nodes: they form a pool of their own where a cluster also has Linux workers.
    pub windows: bool,
}

/// Where an option's monthly cost goes; the parts add up to `monthly_cost`.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct CostBreakdown {
    /// Hosts for the work itself.
    pub compute: f64,
    /// A managed flavour's fee, or a self-managed cluster's own control-plane VMs.
    pub control_plane: f64,
    /// The hosts' share kept by what each host carries (hypervisor, node OS, kubelet,
    /// DaemonSets), and a cluster's system pool.
    pub node_overhead: f64,
    /// The engineers who run the platform, where the profile states its team.
    pub people: f64,
    /// `compute` split by how it is bought: committed, on demand (the team's own hardware
    /// included), spot. The three add up to `compute`.
    pub committed: f64,
    pub on_demand: f64,
    pub spot: f64,
}

impl Resources {
    /// The monthly cost, split by what pays for what.
    pub fn cost_breakdown(&self) -> CostBreakdown {
        let (control_plane, node_overhead, people) =
            (self.control_plane_monthly, self.node_overhead_monthly, self.people_monthly);
        let compute = (self.monthly_cost - control_plane - node_overhead - people).max(0.0);
        // The node overhead is a share of every host, however bought: each way's part of the
        // hosts' bill keeps that share out of compute.
        let hosts_bill = compute + node_overhead;
        let of_compute = |part: f64| if hosts_bill > 0.0 { (part / hosts_bill * compute).min(compute) } else { 0.0 };
        let (committed, spot) = (of_compute(self.bought.committed), of_compute(self.bought.spot));
        CostBreakdown {
            compute,
            control_plane,
            node_overhead,
            people,
            committed,
            on_demand: (compute - committed - spot).max(0.0),
            spot,
        }
    }

    pub fn get(&self, id: ResourceId) -> f64 {
        self.all()[id as usize]
    }

    /// Every resource's figure, in [`ResourceId::ALL`] order.
    pub fn all(&self) -> [f64; 9] {
        [
            self.memory_gib,
            self.cpu_cores,
            self.disk_gib,
            self.hosts,
            self.monthly_cost,
            self.start_seconds,
            self.scale_to_peak_seconds,
            self.os_instances_to_patch,
            self.instances_per_host,
        ]
    }
}
