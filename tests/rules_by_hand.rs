//! Scores worked out by hand from the documented figures, not from the model's own outputs: a
//! rule test that re-derives its formula from the projection it scores passes whatever the
//! projection says. One small workload on the team's own hardware, whose footprints can be
//! added up on paper from `assets/assumptions.ron` (the README's table of the four options).

use podvisor::model::{CriterionId, Evaluation, OptionId, TraitId, evaluate};
use podvisor::profile::Profile;

/// One service, one instance of 1024 MiB and one core, nothing extra at peak, on one 64-core,
/// 256 GiB host of the team's own at 1000 a month; VMs against containers.
fn one_instance() -> Profile {
    let mut profile = Profile { options: vec![OptionId::VM, OptionId::CONTAINER], ..Profile::default() };
    for (id, value) in [
        (TraitId::Services, 1.0),
        (TraitId::Replicas, 1.0),
        (TraitId::PeakFactor, 1.0),
        (TraitId::MemoryPerInstanceMib, 1024.0),
        (TraitId::CpuPerInstance, 1.0),
        (TraitId::LifespanDays, 365.0),
        (TraitId::ServicesPerVm, 1.0),
        (TraitId::HostCores, 64.0),
        (TraitId::HostMemoryGib, 256.0),
        (TraitId::CpuOvercommit, 1.0),
        (TraitId::HostCostPerMonth, 1000.0),
        (TraitId::Zones, 1.0),
    ] {
        profile.set(id, value);
    }
    profile
}

fn option(evaluation: &Evaluation, id: OptionId) -> &podvisor::model::OptionResult {
    evaluation.option(id).expect("compared")
}

fn close(actual: f64, expected: f64, what: &str) {
    assert!((actual - expected).abs() < 1e-4, "{what}: {actual}, by hand {expected}");
}

#[test]
fn resource_efficiency_by_hand() {
    let evaluation = evaluate(&one_instance(), podvisor::builtin::catalogs());
    let (vm, container) = (option(&evaluation, OptionId::VM), option(&evaluation, OptionId::CONTAINER));
    // VM: the instance 1024 MiB + guest OS 1024 + VMM 131, and the host keeps 512:
    // 2691 MiB = 2.627930 GiB. One whole vCPU, and the host keeps one core: 2 cores.
    close(vm.resources.memory_gib, 2691.0 / 1024.0, "VM memory");
    close(vm.resources.cpu_cores, 2.0, "VM cores");
    // Containers: 1024 MiB + runtime and shim 14.6 + kubelet share 11, and the host keeps 355:
    // 1404.6 MiB = 1.371680 GiB. One core, and the host keeps 0.23 for the kubelet and 0.25
    // for the cluster's DaemonSets (kube-proxy requests nothing, calico-node 250m): 1.48 cores.
    close(container.resources.memory_gib, 1404.6 / 1024.0, "container memory");
    close(container.resources.cpu_cores, 1.48, "container cores");
    // Resource efficiency: 10, less 5 × the share of memory above the leanest option's and 5 ×
    // that of CPU. Containers are the leanest on both: 10. VMs:
    // 10 − 5 × (1 − 1404.6/2691) − 5 × (1 − 1.48/2) = 10 − 2.390189 − 1.3 = 6.309811.
    let score = |result: &podvisor::model::OptionResult, id| result.criterion(id).expect("scored").score;
    let efficiency = CriterionId::RESOURCE_EFFICIENCY;
    close(score(container, efficiency), 10.0, "containers' resource efficiency");
    close(score(vm, efficiency), 6.309_811, "VMs' resource efficiency");
    // One host each at the same price: the same bill, 10 on cost for both.
    let cost = CriterionId::COST;
    close(vm.resources.monthly_cost, 1000.0, "VM bill");
    close(container.resources.monthly_cost, 1000.0, "container bill");
    close(score(vm, cost), 10.0, "VMs' cost");
}
