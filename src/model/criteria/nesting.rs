//! Nesting: must the workload itself run VMs? Its row, and the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "nesting",
    label: "Nesting",
    question: "Must the workload itself run VMs?",
    wording: Wording::Text(
        "Without nesting every option scores 10. With it, VMs and containers on VMs score 3 (nested virtualization: hard, not always offered, costly); microVMs 0 (sandboxes do not offer KVM to their guests in production: Firecracker's maintainers, firecracker#1721); containers 9.",
    ),
    default_weight: 2.0,
    sources: &["M-OPS-6"],
    pro: "Nests without trouble",
    con: "Nesting is hard and costly",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    t.base("no nesting needed", 10.0, &["M-OPS-6"]);
    if inputs.profile.workload().nested_virtualization {
        let reading = spec.readings.nesting;
        t.add_trait(reading.label, inputs, TraitId::NestedVirtualization, reading.value, reading.sources);
    }
    Record::Terms
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use super::super::by_hand::scores;
    use crate::model::{CriterionId, Profile};

    #[test]
    fn nesting_penalises_hardware_virtualization() {
        let mut p = Profile::default();
        assert_eq!(scores(&p, CriterionId::NESTING), (10.0, 10.0));
        p.workload_mut().nested_virtualization = true;
        assert_eq!(scores(&p, CriterionId::NESTING), (3.0, 9.0));
    }
}
