//! Deployment options. The rules and the projection read an option only through the
//! characteristics below, never through its id, so a new option (`containers_on_vms`,
//! `microvm`) joins by adding a row here and its figures to `assets/assumptions.ron`.

use super::assumptions::AssumptionId;

/// What separates one instance from its neighbours on a host.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Boundary {
    /// A hypervisor: each instance has its own kernel (M-ARCH-1).
    Hypervisor,
    /// Namespaces and cgroups of one shared host kernel (M-ARCH-2).
    SharedKernel,
}

/// One way to deploy the workload, described by the characteristics the sources discuss.
#[derive(Clone, Copy, Debug)]
pub struct OptionSpec {
    /// Stable `snake_case` id used in files and JSON.
    pub id: &'static str,
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
    /// The application must be split into services first (M-APP-2).
    pub requires_decomposition: bool,
    /// Needs hardware virtualization, so running inside a VM means nesting (M-OPS-6).
    pub needs_hardware_virtualization: bool,
    /// Memory added to every instance on top of the workload's own.
    pub instance_memory: &'static [AssumptionId],
    /// Memory each host keeps for itself.
    pub host_reserved_memory: AssumptionId,
    /// CPU each host keeps for itself, if any.
    pub host_reserved_cpu: Option<AssumptionId>,
    /// Cap on instances per host, if any.
    pub max_instances_per_host: Option<AssumptionId>,
    /// Disk every instance carries for its OS, if any.
    pub instance_os_disk_gib: Option<AssumptionId>,
    /// Base image stored once per host and shared by its instances (V-RES-2), if any.
    pub shared_base_image_mib: Option<AssumptionId>,
    pub start_seconds: AssumptionId,
    pub scale_reaction_seconds: AssumptionId,
    pub cpu_efficiency: AssumptionId,
    pub io_efficiency: AssumptionId,
    pub network_efficiency: AssumptionId,
}

impl OptionSpec {
    /// The assumption giving this option's boundary exposure.
    pub fn exposure(&self) -> AssumptionId {
        match self.boundary {
            Boundary::Hypervisor => AssumptionId::HypervisorExposure,
            Boundary::SharedKernel => AssumptionId::SharedKernelExposure,
        }
    }
}

/// The options Podvisor compares, in display order.
pub const OPTIONS: &[OptionSpec] = &[
    OptionSpec {
        id: "vm",
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
        requires_decomposition: false,
        needs_hardware_virtualization: true,
        instance_memory: &[AssumptionId::VmGuestOsMemoryMib, AssumptionId::VmHypervisorOverheadMib],
        host_reserved_memory: AssumptionId::VmHostReservedMemoryMib,
        host_reserved_cpu: None,
        max_instances_per_host: None,
        instance_os_disk_gib: Some(AssumptionId::VmGuestOsDiskGib),
        shared_base_image_mib: None,
        start_seconds: AssumptionId::VmBootSeconds,
        scale_reaction_seconds: AssumptionId::VmScaleReactionSeconds,
        cpu_efficiency: AssumptionId::VmCpuEfficiency,
        io_efficiency: AssumptionId::VmIoEfficiency,
        network_efficiency: AssumptionId::VmNetworkEfficiency,
    },
    OptionSpec {
        id: "container",
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
        requires_decomposition: true,
        needs_hardware_virtualization: false,
        instance_memory: &[AssumptionId::ContainerRuntimeMemoryMib, AssumptionId::ContainerKubeletMemoryPerPodMib],
        host_reserved_memory: AssumptionId::ContainerHostReservedMemoryMib,
        host_reserved_cpu: Some(AssumptionId::ContainerHostReservedCpuCores),
        max_instances_per_host: Some(AssumptionId::ContainerMaxPodsPerHost),
        instance_os_disk_gib: None,
        shared_base_image_mib: Some(AssumptionId::ContainerBaseImageMib),
        start_seconds: AssumptionId::ContainerStartSeconds,
        scale_reaction_seconds: AssumptionId::ContainerScaleReactionSeconds,
        cpu_efficiency: AssumptionId::ContainerCpuEfficiency,
        io_efficiency: AssumptionId::ContainerIoEfficiency,
        network_efficiency: AssumptionId::ContainerNetworkEfficiency,
    },
];

/// Looks an option up by id.
pub fn option(id: &str) -> Option<&'static OptionSpec> {
    OPTIONS.iter().find(|option| option.id == id)
}

/// Plural name of an option id for sentences ("VMs", "containers"); unknown ids as they are.
pub fn plural(id: &str) -> &str {
    option(id).map_or(id, |o| o.plural)
}
