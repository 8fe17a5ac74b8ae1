//! A synthetic option and a synthetic criterion, declared here and nowhere in the library:
//! what the README's "How to add …" promises, an option being its row plus its sourced
//! figures and a criterion one module (its row and its rule). `tests/fifth_option.rs`,
//! `tests/synthetic_criterion.rs` and `tests/ui_synthetic.rs` run them through the model, the
//! reports and the window.
#![allow(dead_code, reason = "each test crate uses a different part")]

use std::sync::OnceLock;

use podvisor::model::criteria::{CriterionSpec, Record, Wording};
use podvisor::model::options::{Boundary, CONTAINER, CONTAINERS_ON_VMS, CloudHost, MICROVM, Reading, Readings, VM};
use podvisor::model::rules::{Input, RuleInputs, Terms};
use podvisor::model::{AssumptionId, Catalogs, OptionSpec};

/// A microVM-like row: a hypervisor boundary with one service per instance, orchestrated,
/// started from images. Its figures are catalogue entries already sourced in
/// `assets/assumptions.ron` (the container's start and scale times, the VM's efficiencies),
/// so the test adds no unsourced number; a real option would add its own entries there.
pub static OPTION: OptionSpec = OptionSpec {
    key: "synthetic",
    label: "Synthetic",
    plural: "synthetics",
    description: "A test option: small VMs started like containers.",
    boundary: Boundary::Hypervisor,
    guest_os_per_instance: true,
    packs_services: false,
    whole_cpus: true,
    image_pipeline: true,
    orchestrated: true,
    runs_any_os: false,
    compliance_control_load: AssumptionId::ComplianceControlLoadContainer,
    linux_only: false,
    needs_hardware_virtualization: true,
    instance_memory: &[AssumptionId::VmHypervisorOverheadMib],
    instance_cpu: None,
    node: None,
    host_reserved_memory: AssumptionId::VmHostReservedMemoryMib,
    host_reserved_cpu: AssumptionId::VmHostReservedCpuCores,
    max_instances_per_host: Some(AssumptionId::ContainerMaxPodsPerHost),
    cloud: CloudHost::Kvm,
    instance_os_disk_gib: None,
    shared_base_image_mib: Some(AssumptionId::ContainerBaseImageMib),
    shared_guest_image_mib: None,
    start_seconds: AssumptionId::ContainerStartSeconds,
    scale_reaction_seconds: AssumptionId::ContainerScaleReactionSeconds,
    cpu_efficiency: &[AssumptionId::VmCpuEfficiency],
    io_efficiency: &[AssumptionId::VmIoEfficiency],
    network_efficiency: &[AssumptionId::VmNetworkEfficiency],
    packet_efficiency: &[AssumptionId::VmPacketEfficiency],
    readings: Readings {
        supply_chain: CONTAINER.readings.supply_chain,
        os_flexibility: CONTAINER.readings.os_flexibility,
        portability: CONTAINER.readings.portability,
        migration: CONTAINER.readings.migration,
        resilience: CONTAINER.readings.resilience,
        heavy_work: Reading { value: 1.0, label: "heavy work runs in a small guest", sources: &["V-RES-4"] },
        nesting: VM.readings.nesting,
    },
};

/// Every registered option and the synthetic one.
pub static FIVE: [&OptionSpec; 5] = [&VM, &CONTAINER, &CONTAINERS_ON_VMS, &MICROVM, &OPTION];

/// A seventeenth criterion: how widely an option's guests and images travel, by its kind
/// alone. Its rule adds no figure of its own: it averages two readings every option's row
/// already carries, each with its sources (OS flexibility's and portability's), so the test
/// invents no number; a real criterion would source its own, or add them to
/// `assets/assumptions.ron`. Its default weight, 2, is the reader's choice a weight always is,
/// the same as portability's.
pub static CRITERION: CriterionSpec = CriterionSpec {
    key: "guest_reach",
    label: "Guest reach",
    question: "How widely do the option's guests and images travel, by its kind alone?",
    wording: Wording::Text(
        "The mean of the option's OS-flexibility and portability readings: half of each, as its row states them.",
    ),
    default_weight: 2.0,
    sources: &["M-OS-1", "V-OS-1", "V-PORT-1", "V-RES-1"],
    pro: "Travels further",
    con: "Travels less far",
    rule,
};

/// Half of each of the two readings: their mean.
fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let readings = inputs.options[option].readings;
    for reading in [readings.os_flexibility, readings.portability] {
        t.add(reading.label, Input::Baseline, reading.value, reading.value / 2.0, reading.sources);
    }
    Record::Terms
}

/// The shipped catalogs with the synthetic criterion after the registry's sixteen, kept for
/// the life of the process (evaluations borrow from them).
pub fn catalogs() -> &'static Catalogs {
    static CATALOGS: OnceLock<Catalogs> = OnceLock::new();
    CATALOGS.get_or_init(|| {
        let mut catalogs = podvisor::builtin::catalogs().clone();
        catalogs.criteria.push(CRITERION.id());
        catalogs
    })
}
