//! Adding an option is a row plus its sourced figures: a synthetic fifth option, declared
//! here and nowhere in the library, runs through evaluate, sensitivity, compare and every
//! report.

use podvisor::model::options::{Boundary, CONTAINER, CONTAINERS_ON_VMS, CloudHost, MICROVM, Reading, Readings, VM};
use podvisor::model::{AssumptionId, OptionId, OptionSpec, Profile, evaluate_options, sensitivity};
use podvisor::report::{Analysis, ComparedPair, json, markdown, text};

/// A microVM-like row: a hypervisor boundary with one service per instance, orchestrated,
/// started from images. Its figures are catalogue entries already sourced in
/// `assets/assumptions.ron` (the container's start and scale times, the VM's efficiencies),
/// so the test adds no unsourced number; a real option would add its own entries there.
static SYNTHETIC: OptionSpec = OptionSpec {
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

static FIVE: [&OptionSpec; 5] = [&VM, &CONTAINER, &CONTAINERS_ON_VMS, &MICROVM, &SYNTHETIC];

fn hostile() -> Profile {
    let mut profile = Profile::default();
    profile.workload_mut().isolation_need = 10;
    profile.workload_mut().services = 40;
    profile
}

#[test]
fn evaluate_and_sensitivity_cover_a_fifth_option() {
    let profile = hostile();
    let evaluation = evaluate_options(&profile, podvisor::builtin::catalogs(), &FIVE);
    assert_eq!(evaluation.options.len(), 5);
    let synthetic = evaluation.option(SYNTHETIC.id()).expect("the fifth option is evaluated");
    // Its overall score is the weighted mean of its criteria less its discounts, worked out here.
    let (sum, weights) =
        synthetic.criteria.iter().fold((0.0, 0.0), |(sum, weights), c| (sum + c.weight * c.score, weights + c.weight));
    let kept: f64 = synthetic.discounts.iter().map(|d| 1.0 - d.discordance).product();
    assert!((10.0 * sum / weights * kept - synthetic.score).abs() < 1e-6, "{}", synthetic.score);
    assert_eq!(synthetic.criteria.len(), podvisor::model::CRITERIA.len());
    // Its own readings, not a shipped option's, set its terms.
    let heavy = &synthetic.criteria[podvisor::model::CriterionId::HeavyWorkloads as usize];
    assert!(heavy.terms.iter().any(|term| term.label == "heavy work runs in a small guest"));
    // Every option has a rival to be explained against.
    assert!(evaluation.options.iter().all(|o| o.criteria.iter().all(|c| c.rival.is_some())));
    assert!(OptionId::from_key("synthetic").is_none(), "a test option stays out of the registry");
    assert_eq!(OptionId::from_key("vm"), Some(OptionId::VM));

    let analysis = sensitivity::analyse_options(&profile, podvisor::builtin::catalogs(), &FIVE);
    assert_eq!(analysis.leader, evaluation.verdict.leader);
    assert_eq!(analysis.traits.len(), podvisor::model::TRAITS.len());
}

#[test]
fn every_report_names_the_fifth_option() {
    let analysis = Analysis::of_options(hostile(), &FIVE);
    let text = text::analysis(&analysis);
    assert!(text.contains("Synthetic — pros and cons for this workload"), "{text}");
    let markdown = markdown::analysis(&analysis);
    assert!(markdown.contains("## Synthetic: pros and cons for this workload"), "{markdown}");
    let json = json::analysis(&analysis);
    assert!(json["options"]["synthetic"]["score"].is_number(), "{json}");
    assert!(json["options"]["synthetic"]["criteria"]["isolation"]["why"].as_str().is_some_and(|w| !w.is_empty()));
    assert!(json["curves"]["services"]["synthetic"]["memory_gib"].is_array());
}

#[test]
fn compare_covers_a_fifth_option() {
    let mut b = hostile();
    b.workload_mut().isolation_need = 0;
    let pair = ComparedPair::of_options(hostile(), b, &FIVE);
    assert_eq!(pair.comparison.options.len(), 5);
    assert_eq!(pair.comparison.options[4].option, "synthetic");
    let text = text::comparison(&pair);
    assert!(text.contains("\nSynthetic: overall "), "{text}");
    let markdown = markdown::comparison(&pair);
    assert!(markdown.contains("\n## Synthetic\n"), "{markdown}");
    let json = json::comparison(&pair);
    assert!(json["options"]["synthetic"]["score"]["delta"].is_number(), "{json}");
}
