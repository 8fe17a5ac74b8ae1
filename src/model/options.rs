//! Deployment options. The rules and the projection read an option only through the
//! characteristics and readings of its row below, never through its id, so a new option
//! (`containers_on_vms`, `microvm`) joins by adding a row here (and to [`REGISTRY`]) and
//! its sourced figures to `assets/assumptions.ron` (each with its id in
//! [`AssumptionId`]); [`evaluate_options`](super::evaluate_options) runs over any list of
//! rows, and every sentence about it takes its names from the row.

use std::fmt;

use serde::{Serialize, Serializer};

use super::assumptions::AssumptionId;

/// Which option a result, a veto or a flip point is about. It refers to the option's row, so
/// any option evaluated (a registered one or one a test builds) has its labels at hand;
/// two ids are equal when their keys are.
#[derive(Clone, Copy)]
pub struct OptionId(&'static OptionSpec);

impl OptionId {
    pub const VM: Self = Self(&VM);
    pub const CONTAINER: Self = Self(&CONTAINER);
    pub const CONTAINERS_ON_VMS: Self = Self(&CONTAINERS_ON_VMS);
    pub const MICROVM: Self = Self(&MICROVM);

    /// The stable `snake_case` key used in files and JSON ("vm", "container").
    pub fn key(self) -> &'static str {
        self.0.key
    }

    /// The option's row.
    pub fn spec(self) -> &'static OptionSpec {
        self.0
    }

    /// A registered option by key.
    pub fn from_key(key: &str) -> Option<Self> {
        REGISTRY.iter().find(|spec| spec.key == key).map(|spec| spec.id())
    }
}

impl PartialEq for OptionId {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for OptionId {}

/// Lets tests and callers holding a key compare without looking the option up.
impl PartialEq<&str> for OptionId {
    fn eq(&self, other: &&str) -> bool {
        self.key() == *other
    }
}

impl std::hash::Hash for OptionId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Debug for OptionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OptionId({:?})", self.key())
    }
}

impl Serialize for OptionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

/// A figure a rule takes from an option's row: the points it gives, what they stand for, and
/// the claims behind them. Scores on the 0–10 scale are Podvisor's reading of those claims
/// (see each criterion's `reading` in `criteria.rs`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reading {
    pub value: f64,
    /// What the term stands for, in a few words.
    pub label: &'static str,
    pub sources: &'static [&'static str],
}

/// How the rules score an option where its kind, not the workload, sets the starting point.
#[derive(Clone, Copy, Debug)]
pub struct Readings {
    /// Supply chain: where images come from (M-SEC-5).
    pub supply_chain: Reading,
    /// OS flexibility: which guest operating systems can run.
    pub os_flexibility: Reading,
    /// Portability: how the images travel.
    pub portability: Reading,
    /// Migration effort: what the app must go through before it runs here.
    pub migration: Reading,
    /// Resilience fit: how long instances live (M-OPS-8).
    pub resilience: Reading,
    /// Heavy workloads: points per unit of heaviness (V-RES-4, V-RES-5).
    pub heavy_work: Reading,
    /// Nesting: points when the workload must run VMs itself (M-OPS-6).
    pub nesting: Reading,
}

/// What separates one instance from its neighbours on a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundary {
    /// A hypervisor: each instance has its own kernel (M-ARCH-1).
    Hypervisor,
    /// Namespaces and cgroups of one shared host kernel (M-ARCH-2).
    SharedKernel,
    /// A node VM's kernel, shared by the pods scheduled on that node; a hypervisor between
    /// nodes. How exposed a pod is depends on whether a hostile tenant's pods can land on the
    /// same node (`tenants_share_nodes`).
    NodeKernel,
}

impl Boundary {
    /// Whether neighbouring instances may share one kernel.
    pub fn shares_kernel(self) -> bool {
        self != Self::Hypervisor
    }
}

/// The VM layer under the pods of containers on VMs: each host runs node VMs, each with its
/// own guest OS, VMM and kubelet, shared by the pods scheduled on it.
#[derive(Clone, Copy, Debug)]
pub struct NodeLayer {
    /// Node VMs on each host.
    pub per_host: AssumptionId,
    /// Memory each node keeps for itself: its guest OS, its VMM and the kubelet's reserve.
    pub reserved_memory: &'static [AssumptionId],
    /// CPU each node keeps for the kubelet and system daemons.
    pub reserved_cpu: AssumptionId,
    /// Pods one node may run (kubelet `--max-pods`).
    pub max_pods: AssumptionId,
    /// Root disk of each node VM.
    pub os_disk_gib: AssumptionId,
}

/// What an option buys when the profile's host is a cloud catalog type (on the team's own
/// hardware every option shares the profile's host model).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CloudHost {
    /// Each instance is a cloud VM of the smallest type of the chosen family that fits it,
    /// billed on its own; the hypervisor under it is the provider's.
    RightSizedVm,
    /// Nodes are cloud VMs of the chosen type, pods packed onto them; the hypervisor under
    /// them is the provider's.
    NodeVm,
    /// Runs on the hardware itself: the family's bare-metal type.
    BareMetal,
    /// Needs KVM: the chosen type when its provider documents nested virtualization, else
    /// the family's bare-metal type.
    Kvm,
}

impl CloudHost {
    /// Whether the hypervisor under the instances belongs to the provider, so its host
    /// reserve is not the customer's to count.
    pub fn provider_hypervisor(self) -> bool {
        matches!(self, Self::RightSizedVm | Self::NodeVm)
    }
}

/// One way to deploy the workload, described by the characteristics the sources discuss.
#[derive(Clone, Copy, Debug)]
pub struct OptionSpec {
    /// Stable `snake_case` key used in files and JSON.
    pub key: &'static str,
    /// Name for one instance, capitalised ("VM", "Container").
    pub label: &'static str,
    /// Plural used in sentences ("VMs", "containers").
    pub plural: &'static str,
    pub description: &'static str,
    pub boundary: Boundary,
    /// Every instance carries a full guest OS to boot and patch (V-RES-1, V-OPS-1).
    pub guest_os_per_instance: bool,
    /// Several services may share one instance (`services_per_vm`; M-APP-1).
    pub packs_services: bool,
    /// Instances get whole virtual CPUs, so fractional needs round up (V-RES-3).
    pub whole_cpus: bool,
    /// Built from layered images by a pipeline, which brings signing and scanning (M-OPS-4)
    /// and their supply-chain risk (M-SEC-5).
    pub image_pipeline: bool,
    /// Runs under an orchestrator that reschedules, scales and wires instances (V-OPS-3).
    pub orchestrated: bool,
    /// Any guest OS can run, not just the host's kernel type (M-OS-1).
    pub runs_any_os: bool,
    /// Only Linux guests run (Firecracker and Kata boot Linux kernels), so a Windows workload
    /// cannot use the option at all.
    pub linux_only: bool,
    /// Compliance controls and audit effort relative to a VM estate's (the PCI SSC's
    /// container guidance adds orchestrator, image and runtime controls).
    pub compliance_control_load: AssumptionId,
    /// Needs hardware virtualization, so running inside a VM means nesting (M-OPS-6).
    pub needs_hardware_virtualization: bool,
    /// Memory added to every instance on top of the workload's own.
    pub instance_memory: &'static [AssumptionId],
    /// CPU added to every instance on top of the workload's own, if any.
    pub instance_cpu: Option<AssumptionId>,
    /// The node VMs between hosts and instances, if any.
    pub node: Option<NodeLayer>,
    /// Memory each host keeps for itself.
    pub host_reserved_memory: AssumptionId,
    /// CPU each host keeps for itself: every host has one, whatever runs on it.
    pub host_reserved_cpu: AssumptionId,
    /// Cap on instances per host, if any.
    pub max_instances_per_host: Option<AssumptionId>,
    /// What the option buys on a cloud catalog host.
    pub cloud: CloudHost,
    /// Disk every instance carries for its OS, if any.
    pub instance_os_disk_gib: Option<AssumptionId>,
    /// Base image stored once per host (or node) and shared by its instances (V-RES-2), if any.
    pub shared_base_image_mib: Option<AssumptionId>,
    /// Guest kernel image stored once per host and booted by every instance, if any; it is one
    /// more OS image to keep patched.
    pub shared_guest_image_mib: Option<AssumptionId>,
    pub start_seconds: AssumptionId,
    pub scale_reaction_seconds: AssumptionId,
    /// Throughput relative to bare metal, one factor per layer the work passes through (a
    /// container inside a VM pays both).
    pub cpu_efficiency: &'static [AssumptionId],
    pub io_efficiency: &'static [AssumptionId],
    pub network_efficiency: &'static [AssumptionId],
    /// A packet data plane's throughput relative to bare metal, one factor per hypervisor its
    /// NIC's virtual function is passed through (none where pods take the host's own).
    pub packet_efficiency: &'static [AssumptionId],
    pub readings: Readings,
}

/// The nesting reading of an option that cannot run the workload's own VMs in production.
const CANNOT_NEST: f64 = -10.0;

impl OptionSpec {
    /// This row's id.
    pub fn id(&'static self) -> OptionId {
        OptionId(self)
    }

    /// Whether the workload's own VMs can run here at all in production (hard and costly as
    /// nesting is), rather than not being offered.
    pub fn can_nest(&self) -> bool {
        self.readings.nesting.value > CANNOT_NEST
    }
}

/// Virtual machines: one guest OS each, on a hypervisor.
pub static VM: OptionSpec = OptionSpec {
    key: "vm",
    label: "VM",
    plural: "VMs",
    description: "One guest OS per virtual machine on a hypervisor (KVM, Xen, VMware, Hyper-V).",
    boundary: Boundary::Hypervisor,
    guest_os_per_instance: true,
    packs_services: true,
    whole_cpus: true,
    image_pipeline: false,
    orchestrated: false,
    runs_any_os: true,
    linux_only: false,
    compliance_control_load: AssumptionId::ComplianceControlLoadVm,
    needs_hardware_virtualization: true,
    instance_memory: &[AssumptionId::VmGuestOsMemoryMib, AssumptionId::VmHypervisorOverheadMib],
    instance_cpu: None,
    node: None,
    host_reserved_memory: AssumptionId::VmHostReservedMemoryMib,
    host_reserved_cpu: AssumptionId::VmHostReservedCpuCores,
    max_instances_per_host: None,
    cloud: CloudHost::RightSizedVm,
    instance_os_disk_gib: Some(AssumptionId::VmGuestOsDiskGib),
    shared_base_image_mib: None,
    shared_guest_image_mib: None,
    start_seconds: AssumptionId::VmBootSeconds,
    scale_reaction_seconds: AssumptionId::VmScaleReactionSeconds,
    cpu_efficiency: &[AssumptionId::VmCpuEfficiency],
    io_efficiency: &[AssumptionId::VmIoEfficiency],
    network_efficiency: &[AssumptionId::VmNetworkEfficiency],
    packet_efficiency: &[AssumptionId::VmPacketEfficiency],
    readings: Readings {
        supply_chain: Reading { value: 6.0, label: "images built in-house", sources: &["M-SEC-5"] },
        os_flexibility: Reading { value: 10.0, label: "run any guest OS side by side", sources: &["M-OS-1"] },
        portability: Reading { value: 5.0, label: "gigabyte images in a hypervisor's format", sources: &["V-RES-1"] },
        migration: Reading {
            value: 10.0,
            label: "lift and shift, no decomposition",
            sources: &["M-APP-1", "M-DEC-1", "M-DEC-3"],
        },
        resilience: Reading {
            value: 7.0,
            label: "instances kept running suit apps not built to die",
            sources: &["M-OPS-8"],
        },
        heavy_work: Reading { value: 4.0, label: "heavy, data-rich work suits VMs", sources: &["V-RES-4"] },
        nesting: Reading { value: -7.0, label: "the workload must run VMs itself", sources: &["M-OPS-6"] },
    },
};

/// Containers on a shared host kernel, orchestrated.
pub static CONTAINER: OptionSpec = OptionSpec {
    key: "container",
    label: "Container",
    plural: "containers",
    description: "Containers on a shared host kernel, one service per container, orchestrated (Kubernetes, Swarm, ECS).",
    boundary: Boundary::SharedKernel,
    guest_os_per_instance: false,
    packs_services: false,
    whole_cpus: false,
    image_pipeline: true,
    orchestrated: true,
    runs_any_os: false,
    linux_only: false,
    compliance_control_load: AssumptionId::ComplianceControlLoadContainer,
    needs_hardware_virtualization: false,
    instance_memory: &[AssumptionId::ContainerRuntimeMemoryMib, AssumptionId::ContainerKubeletMemoryPerPodMib],
    instance_cpu: None,
    node: None,
    host_reserved_memory: AssumptionId::ContainerHostReservedMemoryMib,
    host_reserved_cpu: AssumptionId::ContainerHostReservedCpuCores,
    max_instances_per_host: Some(AssumptionId::ContainerMaxPodsPerHost),
    cloud: CloudHost::BareMetal,
    instance_os_disk_gib: None,
    shared_base_image_mib: Some(AssumptionId::ContainerBaseImageMib),
    shared_guest_image_mib: None,
    start_seconds: AssumptionId::ContainerStartSeconds,
    scale_reaction_seconds: AssumptionId::ContainerScaleReactionSeconds,
    cpu_efficiency: &[AssumptionId::ContainerCpuEfficiency],
    io_efficiency: &[AssumptionId::ContainerIoEfficiency],
    network_efficiency: &[AssumptionId::ContainerNetworkEfficiency],
    packet_efficiency: &[],
    readings: Readings {
        supply_chain: Reading { value: 2.0, label: "layered images of unknown origin", sources: &["M-SEC-5"] },
        os_flexibility: Reading { value: 10.0, label: "all share one kernel type", sources: &["V-OS-1"] },
        portability: Reading { value: 9.0, label: "self-contained images move anywhere", sources: &["V-PORT-1"] },
        migration: Reading {
            value: 10.0,
            label: "a self-contained app moves into images unchanged",
            sources: &["M-APP-2"],
        },
        resilience: Reading { value: 2.0, label: "instances may die at any time", sources: &["M-OPS-8"] },
        heavy_work: Reading {
            value: 0.0,
            label: "heavy work runs on the hardware itself, at full I/O; its bill is scored under cost",
            sources: &["V-RES-5", "V-DEC-1", "M-OPS-5"],
        },
        nesting: Reading { value: -1.0, label: "the workload must run VMs itself", sources: &["M-OPS-6"] },
    },
};

/// Containers orchestrated on node VMs: the usual cloud case (EKS, GKE, AKS, or a
/// self-managed cluster on a hypervisor).
pub static CONTAINERS_ON_VMS: OptionSpec = OptionSpec {
    key: "containers_on_vms",
    label: "Containers on VMs",
    plural: "containers on VMs",
    description: "Pods packed onto Kubernetes node VMs (EKS, GKE, AKS, or a self-managed cluster on a hypervisor): pods share their node's kernel, nodes are separated by a hypervisor, and each node's guest OS is shared by its pods.",
    boundary: Boundary::NodeKernel,
    guest_os_per_instance: false,
    packs_services: false,
    whole_cpus: false,
    image_pipeline: true,
    orchestrated: true,
    runs_any_os: false,
    linux_only: false,
    compliance_control_load: AssumptionId::ComplianceControlLoadContainersOnVms,
    needs_hardware_virtualization: true,
    instance_memory: &[AssumptionId::ContainerRuntimeMemoryMib, AssumptionId::ContainerKubeletMemoryPerPodMib],
    instance_cpu: None,
    node: Some(NodeLayer {
        per_host: AssumptionId::NodeVmsPerHost,
        reserved_memory: &[
            AssumptionId::NodeGuestOsMemoryMib,
            AssumptionId::NodeVmmOverheadMib,
            AssumptionId::ContainerHostReservedMemoryMib,
        ],
        reserved_cpu: AssumptionId::ContainerHostReservedCpuCores,
        max_pods: AssumptionId::ContainerMaxPodsPerHost,
        os_disk_gib: AssumptionId::NodeGuestOsDiskGib,
    }),
    host_reserved_memory: AssumptionId::VmHostReservedMemoryMib,
    host_reserved_cpu: AssumptionId::VmHostReservedCpuCores,
    max_instances_per_host: None,
    cloud: CloudHost::NodeVm,
    instance_os_disk_gib: None,
    shared_base_image_mib: Some(AssumptionId::ContainerBaseImageMib),
    shared_guest_image_mib: None,
    start_seconds: AssumptionId::ContainerStartSeconds,
    scale_reaction_seconds: AssumptionId::ContainerScaleReactionSeconds,
    cpu_efficiency: &[AssumptionId::VmCpuEfficiency, AssumptionId::ContainerCpuEfficiency],
    io_efficiency: &[AssumptionId::VmIoEfficiency, AssumptionId::ContainerIoEfficiency],
    network_efficiency: &[AssumptionId::VmNetworkEfficiency, AssumptionId::ContainerNetworkEfficiency],
    packet_efficiency: &[AssumptionId::VmPacketEfficiency],
    readings: Readings {
        heavy_work: Reading {
            value: 1.0,
            label: "heavy pods can get node VMs sized for them, at the VM's I/O cost",
            sources: &["V-RES-4", "V-RES-5"],
        },
        nesting: Reading { value: -7.0, label: "the workload's VMs would nest inside node VMs", sources: &["M-OPS-6"] },
        ..CONTAINER.readings
    },
};

/// A light VM per pod or function (Kata Containers, Firecracker), orchestrated like
/// containers. gVisor is a variant: a user-space kernel instead of a VM, no KVM needed.
pub static MICROVM: OptionSpec = OptionSpec {
    key: "microvm",
    label: "MicroVM",
    plural: "microVMs",
    description: "A sandbox per pod or function: a light VM with its own small guest kernel (Kata Containers, Firecracker), built from container images and orchestrated like containers. Linux guests only; needs KVM (bare-metal hosts, or VMs that allow nested virtualization). gVisor is a variant: a user-space kernel, no KVM, slower system calls.",
    boundary: Boundary::Hypervisor,
    guest_os_per_instance: false,
    packs_services: false,
    whole_cpus: false,
    image_pipeline: true,
    orchestrated: true,
    runs_any_os: false,
    linux_only: true,
    compliance_control_load: AssumptionId::ComplianceControlLoadMicrovm,
    needs_hardware_virtualization: true,
    instance_memory: &[AssumptionId::MicrovmOverheadMemoryMib, AssumptionId::ContainerKubeletMemoryPerPodMib],
    instance_cpu: Some(AssumptionId::MicrovmOverheadCpuCores),
    node: None,
    host_reserved_memory: AssumptionId::MicrovmHostReservedMemoryMib,
    host_reserved_cpu: AssumptionId::ContainerHostReservedCpuCores,
    max_instances_per_host: Some(AssumptionId::MicrovmMaxPerHost),
    cloud: CloudHost::Kvm,
    instance_os_disk_gib: None,
    shared_base_image_mib: Some(AssumptionId::ContainerBaseImageMib),
    shared_guest_image_mib: Some(AssumptionId::MicrovmGuestImageMib),
    start_seconds: AssumptionId::MicrovmStartSeconds,
    scale_reaction_seconds: AssumptionId::ContainerScaleReactionSeconds,
    cpu_efficiency: &[AssumptionId::MicrovmCpuEfficiency],
    io_efficiency: &[AssumptionId::MicrovmIoEfficiency],
    network_efficiency: &[AssumptionId::MicrovmNetworkEfficiency],
    // Kata passes a virtual function through by VFIO as a VM does; Firecracker has no
    // passthrough, so for it this is the best case.
    packet_efficiency: &[AssumptionId::VmPacketEfficiency],
    readings: Readings {
        os_flexibility: Reading { value: 10.0, label: "run Linux guests only", sources: &["V-OS-1"] },
        portability: Reading {
            value: 8.0,
            label: "images move anywhere, but the runtime needs KVM hosts",
            sources: &["V-PORT-1", "M-OPS-6"],
        },
        heavy_work: Reading {
            value: -3.0,
            label: "sandboxes cap storage I/O and start with small guests",
            sources: &["V-RES-5", "V-DEC-1"],
        },
        // Firecracker's maintainers call KVM inside a microVM untested, "not something you
        // should use in any production system", its nested VMs not isolated from each other
        // (firecracker-microvm/firecracker#1721); VMs nest as a documented feature instead.
        nesting: Reading {
            value: CANNOT_NEST,
            label: "the workload's VMs would nest inside a sandbox, which sandboxes do not support in production",
            sources: &["M-OPS-6"],
        },
        ..CONTAINER.readings
    },
};

/// Every option Podvisor knows, in display order.
pub static REGISTRY: &[&OptionSpec] = &[&VM, &CONTAINER, &CONTAINERS_ON_VMS, &MICROVM];

/// The options evaluated when nothing chooses others, in display order.
pub static DEFAULT_OPTIONS: &[&OptionSpec] = &[&VM, &CONTAINER];
