//! Runtime performance: how close to bare-metal speed does the workload run? Its row, and the
//! rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::rules::{Input, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "runtime_performance",
    label: "Runtime performance",
    question: "How close to bare-metal speed does the workload run?",
    wording: Wording::Figures(reading),
    default_weight: 2.0,
    sources: &["M-OPS-5", "V-RES-5", "M-NET-1"],
    pro: "Runs close to bare metal",
    con: "Slower than bare metal",
    rule,
};

/// The reading, quoting the assumption catalogue.
fn reading(values: &Values) -> String {
    format!(
        "10 × measured throughput relative to bare metal: CPU efficiency × storage efficiency^(data intensity/10) × network efficiency^(chattiness/10 × share of calls that leave the instance), one factor per layer (containers on VMs pay both). Defaults are today's stacks: a tuned virtio/vhost storage path for VMs ({}) and Kubernetes pod networking without NAT for containers ({}); Felter et al.'s untuned 2014 figures remain as the range's bottom. A packet data plane (workload.packet_data_plane) keeps {} of its throughput behind each hypervisor its SR-IOV function is passed through (VMs, node VMs, microVMs), none on the host.",
        Number(values.get(AssumptionId::VmIoEfficiency)),
        Number(values.get(AssumptionId::ContainerNetworkEfficiency)),
        Number(values.get(AssumptionId::VmPacketEfficiency)),
    )
}

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let v = inputs.values;
    let product = |layers: &[AssumptionId]| layers.iter().map(|id| v.get(*id)).product::<f64>();
    let cpu = product(spec.cpu_efficiency);
    let io = product(spec.io_efficiency).powf(inputs.rating(TraitId::DataIntensity));
    let leaving = 1.0 - inputs.colocated_share(option);
    let net = product(spec.network_efficiency).powf(inputs.rating(TraitId::Chattiness) * leaving);
    t.base("bare-metal speed", 10.0, &["M-OPS-5"]);
    // One CPU term per layer, each taking its share of what the layers above it left.
    let mut above = 1.0;
    for (layer, id) in spec.cpu_efficiency.iter().enumerate() {
        let own = v.get(*id);
        let label = if layer == 0 { "CPU overhead" } else { "CPU overhead of the layer inside" };
        t.add(label, Input::Assumption(*id), own, 10.0 * above * (own - 1.0), &["M-OPS-5"]);
        above *= own;
    }
    t.add_trait(
        "storage I/O overhead",
        inputs,
        TraitId::DataIntensity,
        10.0 * cpu * (io - 1.0),
        &["M-OPS-5", "V-RES-5"],
    );
    t.add_trait(
        "network overhead on calls between instances",
        inputs,
        TraitId::Chattiness,
        10.0 * cpu * io * (net - 1.0),
        &["M-OPS-5", "M-NET-1"],
    );
    if inputs.profile.workload().packet_data_plane {
        // A data plane's fast path loses its share behind each hypervisor its NIC's virtual
        // function is passed through, of what the layers above left.
        let mut above = cpu * io * net;
        for id in spec.packet_efficiency {
            let own = v.get(*id);
            t.add(
                "packet data plane behind a hypervisor",
                Input::Assumption(*id),
                own,
                10.0 * above * (own - 1.0),
                &["M-OPS-5"],
            );
            above *= own;
        }
    }
    Record::Terms
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::options::{OptionId, REGISTRY};
    use crate::model::rules::Input;
    use crate::model::{CriterionId, Profile, evaluate_options};

    #[test]
    fn runtime_performance_follows_the_measured_ratios() {
        let mut p = Profile::default();
        p.workload_mut().data_intensity = 10;
        p.workload_mut().chattiness = 0;
        let (vm, ct) = scores(&p, CriterionId::RUNTIME_PERFORMANCE);
        close(vm, 10.0 * 0.977 * 0.9);
        close(ct, 10.0);
        p.workload_mut().data_intensity = 0;
        p.workload_mut().chattiness = 10;
        let (vm, ct) = scores(&p, CriterionId::RUNTIME_PERFORMANCE);
        close(vm, 10.0 * 0.977 * 0.87);
        close(ct, 10.0 * 0.95);
    }

    #[test]
    fn containers_on_vms_pay_both_layers() {
        let mut p = Profile::default();
        p.workload_mut().data_intensity = 0;
        p.workload_mut().chattiness = 10;
        let evaluation = evaluate_options(&p, crate::model::catalogs::shipped(), REGISTRY);
        let criterion = |option: OptionId| {
            evaluation.option(option).and_then(|o| o.criterion(CriterionId::RUNTIME_PERFORMANCE)).expect("evaluated")
        };
        let layered = criterion(OptionId::CONTAINERS_ON_VMS);
        close(layered.score, 10.0 * 0.977 * 1.0 * (0.87 * 0.95));
        // One CPU term per layer: the VM's, then the container runtime's inside it.
        let cpu_terms = layered.terms.iter().filter(|t| matches!(t.input, Input::Assumption(_))).count();
        assert_eq!(cpu_terms, 2);
        close(criterion(OptionId::MICROVM).score, 10.0 * 0.97 * 0.57);
    }

    #[test]
    fn a_packet_data_plane_pays_each_hypervisor_it_passes() {
        let mut p = Profile::default();
        p.workload_mut().data_intensity = 0;
        p.workload_mut().chattiness = 0;
        let before = scores(&p, CriterionId::RUNTIME_PERFORMANCE);
        close(before.0, 10.0 * 0.977);
        close(before.1, 10.0);
        // The VM keeps 0.89 of a data plane's throughput; bare-metal containers take the
        // host's own virtual function and keep all of it.
        p.workload_mut().packet_data_plane = true;
        let (vm, ct) = scores(&p, CriterionId::RUNTIME_PERFORMANCE);
        close(vm, 10.0 * 0.977 * 0.89);
        close(ct, 10.0);
        // Containers on VMs pass one hypervisor, their node VM's, after both CPU layers and
        // the pod network: 10 × 0.977 × 1.0 × (0.87 × 0.95)^0.5 × 0.89 with chattiness 5.
        p.workload_mut().chattiness = 5;
        let evaluation = evaluate_options(&p, crate::model::catalogs::shipped(), REGISTRY);
        let layered = evaluation
            .option(OptionId::CONTAINERS_ON_VMS)
            .and_then(|option| option.criterion(CriterionId::RUNTIME_PERFORMANCE))
            .expect("evaluated");
        close(layered.score, 10.0 * 0.977 * (0.87_f64 * 0.95).powf(0.5) * 0.89);
        let packet = layered.terms.iter().filter(|t| t.label == "packet data plane behind a hypervisor").count();
        assert_eq!(packet, 1);
    }
}
