//! Resource efficiency: how much memory and CPU does the workload need at peak? Its row, and
//! the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::resources::ResourceId;
use crate::model::rules::{Input, RuleInputs, Terms};

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "resource_efficiency",
    label: "Resource efficiency",
    question: "How much memory and CPU does the workload need at peak?",
    wording: Wording::Text(
        "10 × the leanest option's footprint ÷ this option's, averaged over memory and CPU from the projection. Guest OS copies, hypervisor overhead and whole-vCPU rounding make VMs heavier per instance; packing many services into one VM reverses that once each container's own runtime copies add up (M-RES-2).",
    ),
    default_weight: 3.0,
    sources: &["M-RES-1", "M-RES-2", "V-RES-1", "V-RES-2", "V-RES-3", "M-ARCH-2"],
    pro: "Light on resources",
    con: "Heavy on resources",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let own = &inputs.resources[option];
    t.base("leanest possible footprint", 10.0, &["M-RES-1"]);
    let resources: [(&str, ResourceId, f64, &[&str]); 2] = [
        (
            "memory footprint vs the leanest option",
            ResourceId::MemoryGib,
            own.memory_gib,
            &["M-RES-1", "M-RES-2", "V-RES-1", "V-RES-2", "M-ARCH-2"],
        ),
        ("CPU reserved vs the leanest option", ResourceId::CpuCores, own.cpu_cores, &["V-RES-3"]),
    ];
    // Each resource costs up to 5 points, in proportion to how far it is from the leanest.
    for (label, resource, amount, claims) in resources {
        let ratio = inputs.best(resource) / amount.max(1e-9);
        t.add(label, Input::Resource(resource), amount, -5.0 * (1.0 - ratio), claims);
    }
    Record::Terms
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile, evaluate};

    #[test]
    fn resource_efficiency_gives_the_leanest_option_ten() {
        let p = Profile::default();
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        let (vm, ct) = (&evaluation.options[0].resources, &evaluation.options[1].resources);
        let expected_vm = 5.0 * ct.memory_gib / vm.memory_gib + 5.0 * ct.cpu_cores / vm.cpu_cores;
        let (vm_score, ct_score) = scores(&p, CriterionId::RESOURCE_EFFICIENCY);
        close(ct_score, 10.0);
        close(vm_score, expected_vm);
    }
}
