//! Packing: the machine an option's instances go onto (the profile's own host, or the catalog
//! type the option buys on a cloud: right-sized, bare metal, a node of the chosen type), what
//! each host or node keeps for itself (reserves, DaemonSets, the system pool), and how many
//! instances of one shape fit on it.

use super::assumptions::{AssumptionId, Values};
use super::hosts::{Arch, HOURS_PER_MONTH, HostType};
use super::kubernetes::{Node, NodeSettings};
use super::options::{CloudHost, OptionSpec};
use super::profile::Profile;
use super::site::Site;
use super::traits::PrimaryOs;

/// The kubelet's figures in the assumption catalogue (today's self-managed reading). When a
/// managed flavour is chosen, its published formulas replace them on every Kubernetes node.
const KUBELET_FIGURES: [AssumptionId; 6] = [
    AssumptionId::ContainerKubeletMemoryPerPodMib,
    AssumptionId::ContainerHostReservedMemoryMib,
    AssumptionId::MicrovmHostReservedMemoryMib,
    AssumptionId::ContainerHostReservedCpuCores,
    AssumptionId::ContainerMaxPodsPerHost,
    AssumptionId::MicrovmMaxPerHost,
];

/// What the hypervisor under a cloud VM costs its host: the provider's, so not counted.
const PROVIDER_FIGURES: [AssumptionId; 4] = [
    AssumptionId::VmHostReservedMemoryMib,
    AssumptionId::VmHostReservedCpuCores,
    AssumptionId::VmHypervisorOverheadMib,
    AssumptionId::NodeVmmOverheadMib,
];

/// The machine an option's instances are packed onto, and what it costs.
#[derive(Clone, Copy)]
pub(super) struct Machine {
    /// The catalog type bought; `None` on the team's own hardware.
    pub(super) host_type: Option<&'static HostType>,
    /// Schedulable cores (with CPU overcommit on owned hosts).
    pub(super) cores: f64,
    pub(super) memory_mib: f64,
    /// Whether the type can run this option (see [`CloudHost`]).
    pub(super) runnable: bool,
}

impl Machine {
    /// The profile's own host, or the catalog type this option buys for an instance of
    /// `cores` and `memory_mib`.
    /// `node_sandbox`: a managed sandbox runs the option on the cluster's nodes of the chosen
    /// type (GKE Sandbox, AKS Pod Sandboxing).
    fn for_option(
        option: &OptionSpec,
        profile: &Profile,
        site: &Site,
        (cores, memory_mib): (f64, f64),
        node_sandbox: bool,
    ) -> Self {
        let e = &profile.environment;
        let Some(chosen) = site.host else {
            return Self {
                host_type: None,
                cores: e.host_cores as f64 * e.cpu_overcommit,
                memory_mib: e.host_memory_gib * 1024.0,
                runnable: true,
            };
        };
        let catalog = &site.catalogs.hosts;
        let (host, runnable) = match option.cloud {
            CloudHost::NodeVm => (Some(chosen), true),
            CloudHost::Kvm if node_sandbox => (Some(chosen), true),
            CloudHost::RightSizedVm => {
                // A VM bigger than every type of the family is billed as the largest one and
                // said not to fit, never as the type chosen for nodes.
                let fitting = catalog
                    .smallest_fitting(&chosen.family, cores, memory_mib / 1024.0)
                    .or_else(|| catalog.largest(&chosen.family));
                (fitting.or(Some(chosen)), true)
            }
            CloudHost::BareMetal if chosen.bare_metal => (Some(chosen), true),
            CloudHost::Kvm if chosen.can_run_kvm() => (Some(chosen), true),
            CloudHost::BareMetal | CloudHost::Kvm => {
                let metal = catalog.bare_metal(&chosen.family);
                (metal.or(Some(chosen)), metal.is_some())
            }
        };
        Self::bought(host.unwrap_or(chosen), runnable)
    }

    /// A catalog type bought as the host.
    fn bought(host: &'static HostType, runnable: bool) -> Self {
        Self { host_type: Some(host), cores: f64::from(host.cores), memory_mib: host.memory_mib(), runnable }
    }
}

/// A control-plane node at kubeadm's minimum: "at least 2 CPUs on the machine that you use as
/// a control-plane node" and "2 GB or more of RAM per machine" (kubernetes.io, Creating a
/// cluster with kubeadm, Before you begin).
pub(super) const CONTROL_PLANE_NODE_CORES: f64 = 2.0;

pub(super) const CONTROL_PLANE_NODE_MEMORY_MIB: f64 = 2048.0;

/// The VM a self-managed control-plane node runs on in a cloud: the family's cheapest virtual
/// type that holds kubeadm's minimum (the chosen type where the family has no other).
pub(super) fn control_plane_vm(site: &Site, chosen: &'static HostType) -> &'static HostType {
    cheapest_vm(site, chosen, CONTROL_PLANE_NODE_CORES, CONTROL_PLANE_NODE_MEMORY_MIB / 1024.0)
}

/// The family's cheapest virtual type of at least `cores` and `memory_gib` (the chosen type
/// where the family has none).
fn cheapest_vm(site: &Site, chosen: &'static HostType, cores: f64, memory_gib: f64) -> &'static HostType {
    site.catalogs.hosts.virtual_by_price(&chosen.family).find(|host| host.fits(cores, memory_gib)).unwrap_or(chosen)
}

/// The nodes a cluster on a cloud keeps for system pods beside its workers, and what they
/// cost a month: AKS's system pool on every cluster, or a Linux node where the workers are
/// all Windows, of the chosen family's cheapest type the pool accepts, running all month like
/// the control plane. On the team's own hosts the system pods share the workers.
pub(super) fn system_pool(option: &OptionSpec, site: &Site, windows: bool) -> (f64, f64) {
    let pool = &site.flavour.system_pool;
    let nodes = f64::from(pool.nodes_for(windows));
    match site.host {
        Some(host) if option.orchestrated && nodes > 0.0 => {
            let vm = cheapest_vm(site, host, f64::from(pool.min_cores), pool.min_memory_gib);
            (nodes, nodes * site.price_per_hour(vm) * HOURS_PER_MONTH)
        }
        _ => (0.0, 0.0),
    }
}

/// What every node of a cluster carries beside the kubelet's reserve: the flavour's system
/// DaemonSets for the node's OS and the team's own agents, where the profile states them.
/// Pods of the DaemonSets count against the node's pod limit.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct NodeDaemons {
    pub cpu_millicores: f64,
    pub memory_mib: f64,
    pub pods: u32,
}

impl NodeDaemons {
    /// On a node of `option` (nothing where the option is not orchestrated).
    fn of(option: &OptionSpec, profile: &Profile, site: &Site) -> Self {
        if !option.orchestrated {
            return Self::default();
        }
        let daemonsets = site.flavour.daemonsets(profile.workload().primary_os == PrimaryOs::Windows);
        let (agents_cpu, agents_mib) =
            profile.environment.node_agents.as_ref().map_or((0.0, 0.0), |agents| (agents.cpu, agents.memory_mib));
        Self {
            cpu_millicores: daemonsets.cpu_millicores + agents_cpu * 1000.0,
            memory_mib: daemonsets.memory_mib + agents_mib,
            pods: daemonsets.pod_count(),
        }
    }
}

/// The assumption figures as they apply to one option on this site and this workload.
pub(super) struct Figures<'a> {
    pub(super) values: &'a Values,
    pub(super) site: &'a Site,
    pub(super) profile: &'a Profile,
    /// A managed flavour's formulas stand in for the kubelet's catalogue figures and the node
    /// OS's share (the providers publish what pods get).
    pub(super) flavour_reserves: bool,
    /// On a cloud VM the hypervisor and its per-VM overhead are the provider's, not billed
    /// as memory of ours.
    pub(super) provider_hypervisor: bool,
    /// A managed sandbox runs the option on the cluster's nodes of the chosen type.
    pub(super) node_sandbox: bool,
}

impl Figures<'_> {
    pub(super) fn get(&self, id: AssumptionId) -> f64 {
        let dropped = self.flavour_reserves
            && (KUBELET_FIGURES.contains(&id) || id == AssumptionId::NodeGuestOsMemoryMib)
            || self.provider_hypervisor && PROVIDER_FIGURES.contains(&id);
        if dropped { 0.0 } else { os_figure(self.values, self.profile, id) }
    }

    fn sum(&self, ids: &[AssumptionId]) -> f64 {
        ids.iter().map(|id| self.get(*id)).sum()
    }
}

/// Where instances of one shape go: onto which machine, how many to a host, and what each
/// host keeps for itself.
#[derive(Clone, Copy)]
pub(super) struct Packing {
    pub(super) machine: Machine,
    /// A right-sized cloud VM is its own host; node VMs are the cloud instances themselves.
    pub(super) own_host: bool,
    /// Instances are packed into units: the host itself, or each of its node VMs.
    pub(super) units_per_host: f64,
    pub(super) host_reserved_mib: f64,
    pub(super) host_reserved_cpu: f64,
    /// Instances per unit; at least one (an instance bigger than a host still takes a host).
    pub(super) per_unit: f64,
    pub(super) fits_on_host: bool,
    /// What each node carries beside the kubelet (in `host_reserved_*` too).
    pub(super) daemons: NodeDaemons,
}

impl Packing {
    /// Packs instances of one shape. Node VMs are of the type chosen, unless one instance does
    /// not fit on it: then of the family's cheapest virtual type that holds one, as a node
    /// pool for large pods would be sized (never one instance billed as a host it overflows).
    pub(super) fn new(option: &OptionSpec, figures: &Figures<'_>, instance_cpu: f64, instance_memory_mib: f64) -> Self {
        let machine = Machine::for_option(
            option,
            figures.profile,
            figures.site,
            (instance_cpu, instance_memory_mib),
            figures.node_sandbox,
        );
        let packing = Self::on(machine, option, figures, instance_cpu, instance_memory_mib);
        let chosen = match machine.host_type {
            Some(chosen) if !packing.fits_on_host && option.cloud == CloudHost::NodeVm => chosen,
            _ => return packing,
        };
        // Where none holds one, the family's largest virtual type, said not to fit: billed as
        // the biggest node one could buy, never as the smaller type named.
        let pack = |host| Self::on(Machine::bought(host, true), option, figures, instance_cpu, instance_memory_mib);
        let larger = || {
            figures
                .site
                .catalogs
                .hosts
                .virtual_by_price(&chosen.family)
                .filter(|host| host.memory_gib > chosen.memory_gib || host.cores > chosen.cores)
        };
        larger()
            .map(pack)
            .find(|larger| larger.fits_on_host)
            .or_else(|| {
                larger().max_by(|a, b| a.memory_gib.total_cmp(&b.memory_gib).then(a.cores.cmp(&b.cores))).map(pack)
            })
            .unwrap_or(packing)
    }

    /// What each host keeps for itself (hypervisor, node OS, kubelet, DaemonSets) as its share
    /// of the bill: the larger of its memory and CPU shares, since either can run out first.
    pub(super) fn reserved_share(&self) -> f64 {
        let memory = self.host_reserved_mib / self.machine.memory_mib;
        (memory.max(self.host_reserved_cpu / self.machine.cores.max(1e-9))).clamp(0.0, 1.0)
    }

    /// Packs instances of one shape onto `machine`.
    fn on(
        machine: Machine,
        option: &OptionSpec,
        figures: &Figures<'_>,
        instance_cpu: f64,
        instance_memory_mib: f64,
    ) -> Self {
        let (values, site) = (figures.values, figures.site);
        let on_cloud = machine.host_type.is_some();
        let own_host = on_cloud && option.cloud == CloudHost::RightSizedVm;
        let units_per_host =
            if on_cloud { 1.0 } else { option.node.map_or(1.0, |node| values.get(node.per_host).round().max(1.0)) };
        let hypervisor_mib = figures.get(option.host_reserved_memory);
        let hypervisor_cpu = figures.get(option.host_reserved_cpu);
        let node_mib = option.node.map_or(0.0, |node| figures.sum(node.reserved_memory));
        let node_cpu = option.node.map_or(0.0, |node| figures.get(node.reserved_cpu));
        let mut unit_memory_mib = (machine.memory_mib - hypervisor_mib) / units_per_host - node_mib;
        let mut unit_cpu = (machine.cores - hypervisor_cpu) / units_per_host - node_cpu;
        let mut cap = option.max_instances_per_host.or(option.node.map(|node| node.max_pods)).map(|id| values.get(id));
        let (mut kubelet_mib, mut kubelet_cpu) = (0.0, 0.0);
        let windows = figures.profile.workload().primary_os == PrimaryOs::Windows;
        if figures.flavour_reserves {
            #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a node's whole cores, ≥ 1")]
            let cores = unit_cpu.floor().max(1.0) as u32;
            let host = machine.host_type;
            let arch = host.map_or(Arch::X86_64, |host| host.arch);
            let node = Node { cores, memory_mib: unit_memory_mib, eni: host.and_then(|host| host.eni), arch };
            let allocatable = site.flavour.allocatable(&node, &NodeSettings { windows, ..NodeSettings::default() });
            kubelet_mib = unit_memory_mib - allocatable.memory_mib;
            kubelet_cpu = allocatable.kube_reserved_cpu_millicores / 1000.0;
            unit_memory_mib = allocatable.memory_mib;
            unit_cpu -= kubelet_cpu;
            cap = Some(f64::from(allocatable.max_pods));
        }
        // Every node's DaemonSets and the team's agents come off what pods get, and their pods
        // off the pod limit.
        let daemons = NodeDaemons::of(option, figures.profile, site);
        let (daemon_mib, daemon_cpu) = (daemons.memory_mib, daemons.cpu_millicores / 1000.0);
        unit_memory_mib -= daemon_mib;
        unit_cpu -= daemon_cpu;
        cap = cap.map(|cap| (cap - f64::from(daemons.pods)).max(0.0));
        let mut fit_per_unit = (unit_memory_mib / instance_memory_mib).floor().min((unit_cpu / instance_cpu).floor());
        if let Some(cap) = cap {
            fit_per_unit = fit_per_unit.min(cap.floor());
        }
        Self {
            machine,
            own_host,
            units_per_host,
            host_reserved_mib: hypervisor_mib + units_per_host * (node_mib + kubelet_mib + daemon_mib),
            host_reserved_cpu: hypervisor_cpu + units_per_host * (node_cpu + kubelet_cpu + daemon_cpu),
            per_unit: if own_host { 1.0 } else { fit_per_unit.max(1.0) },
            fits_on_host: fit_per_unit >= 1.0,
            daemons,
        }
    }
}

/// An assumption as it applies to this workload: a Windows workload swaps in the Windows
/// figures (guest OS memory and disk, the Server Core base image, the process-isolated
/// container's own memory, the extra reserve of a Windows node).
pub(super) fn os_figure(values: &Values, profile: &Profile, id: AssumptionId) -> f64 {
    if profile.workload().primary_os != PrimaryOs::Windows {
        return values.get(id);
    }
    match id {
        AssumptionId::VmGuestOsMemoryMib | AssumptionId::NodeGuestOsMemoryMib => {
            values.get(AssumptionId::WindowsVmGuestOsMemoryMib)
        }
        AssumptionId::VmGuestOsDiskGib => values.get(AssumptionId::WindowsVmGuestOsDiskGib),
        AssumptionId::ContainerBaseImageMib => values.get(AssumptionId::WindowsServercoreImageMib),
        AssumptionId::ContainerRuntimeMemoryMib => {
            values.get(id) + values.get(AssumptionId::WindowsContainerProcessMemoryMib)
        }
        AssumptionId::ContainerHostReservedMemoryMib => {
            values.get(id) + values.get(AssumptionId::WindowsNodeExtraReservedMemoryMib)
        }
        _ => values.get(id),
    }
}
