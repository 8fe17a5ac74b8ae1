//! Heavy workloads: does the workload's weight favour full VMs? Its row, and the rule that
//! scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::profile::Profile;
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "heavy_workloads",
    label: "Heavy workloads",
    question: "Does the workload's weight favour full VMs?",
    wording: Wording::Text(
        "Heaviness = mean of data intensity/10, instance size (1 GiB: 0 … 64 GiB and more: 1) and longevity (a month: 0 … three years: 1). A packet data plane's data intensity is packets in flight, not data held: runtime performance scores it (what it loses behind each hypervisor), and it adds no heaviness. Guest-OS options: 5 + 4 × heaviness. Others: 5 − 2 × heaviness (possible, but weigh the cost).",
    ),
    default_weight: 3.0,
    sources: &["V-RES-4", "V-RES-5", "V-DEC-1"],
    pro: "Suits heavy work",
    con: "Less suited to heavy work",
    rule,
};

/// Heaviness in the sense of V-RES-4: data, instance size and lifetime, each 0–1, averaged.
/// V-RES-4's data is "large file volumes", data the instance holds. A packet data plane's data
/// intensity is traffic at line rate on pinned cores, huge pages and a NUMA-aligned virtual
/// function, which Kubernetes gives a pod on the host itself (the kubelet's CPU, memory and
/// topology managers, kubernetes.io) and a VM only through passthrough: what it loses behind a
/// hypervisor is runtime performance's `vm_packet_efficiency`, so counting it here as well
/// would charge the same packets twice, and in the hypervisor's favour.
pub fn heaviness(profile: &Profile) -> f64 {
    let w = &profile.workload();
    let data = if w.packet_data_plane { 0.0 } else { w.data_intensity as f64 / 10.0 };
    let size = ((w.memory_per_instance_mib / 1024.0).max(1e-6).log2() / 6.0).clamp(0.0, 1.0);
    let longevity = ((w.lifespan_days.max(1e-6) / 30.0).log10() / (1095.0_f64 / 30.0).log10()).clamp(0.0, 1.0);
    (data + size + longevity) / 3.0
}

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let heavy = inputs.shared.heaviness;
    t.base("neutral", 5.0, &["V-DEC-1"]);
    let reading = spec.readings.heavy_work;
    t.add_trait(reading.label, inputs, TraitId::DataIntensity, reading.value * heavy, reading.sources);
    Record::HeavyWorkloads { heaviness: heavy }
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use super::heaviness;
    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile};

    #[test]
    fn heavy_workloads_favour_vms_and_leave_bare_metal_containers_neutral() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.data_intensity = 10;
        w.memory_per_instance_mib = 65536.0;
        w.lifespan_days = 1095.0;
        close(heaviness(&p), 1.0);
        let (vm, ct) = scores(&p, CriterionId::HEAVY_WORKLOADS);
        close(vm, 9.0);
        close(ct, 5.0);
    }

    #[test]
    fn a_packet_data_planes_traffic_is_not_heaviness() {
        // The 5G core's user plane: data intensity 9, 8 GiB pods, a month's life.
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.data_intensity = 9;
        w.memory_per_instance_mib = 8192.0;
        w.lifespan_days = 30.0;
        // (0.9 + log2(8)/6 + 0) / 3 = (0.9 + 0.5) / 3.
        close(heaviness(&p), 1.4 / 3.0);
        p.workload_mut().packet_data_plane = true;
        // Size alone: 0.5 / 3; VMs 5 + 4 × 0.5/3 = 5.667.
        close(heaviness(&p), 0.5 / 3.0);
        let (vm, ct) = scores(&p, CriterionId::HEAVY_WORKLOADS);
        close(vm, 5.0 + 4.0 * 0.5 / 3.0);
        close(ct, 5.0);
    }
}
