//! OS flexibility: can the platform run every OS the workload needs? Its row, and the rule that
//! scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::rules::{Input, RuleInputs, Terms};
use crate::model::traits::{PrimaryOs, TraitId};

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "os_flexibility",
    label: "OS flexibility",
    question: "Can the platform run every OS the workload needs?",
    wording: Wording::Text(
        "Options that run any guest OS score 10. Shared-kernel options score 10 − 9 × OS diversity/10; their one kernel type is the workload's primary OS (Linux or Windows). Linux-only sandboxes score 0 for a Windows workload, with a warning.",
    ),
    default_weight: 3.0,
    sources: &["M-OS-1", "V-OS-1"],
    pro: "Runs any OS",
    con: "One kernel type only",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    t.reading(spec.readings.os_flexibility);
    if spec.linux_only && inputs.profile.workload().primary_os == PrimaryOs::Windows {
        t.add("a Windows workload cannot run on Linux-only guests", Input::Baseline, 1.0, -10.0, &["V-OS-1"]);
        return Record::Terms;
    }
    if !spec.runs_any_os {
        t.add_trait(
            "OS diversity the kernel cannot serve",
            inputs,
            TraitId::OsDiversity,
            -9.0 * inputs.rating(TraitId::OsDiversity),
            &["V-OS-1"],
        );
    }
    Record::Terms
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile};

    #[test]
    fn os_flexibility_and_portability_follow_os_diversity() {
        let mut p = Profile::default();
        p.workload_mut().os_diversity = 10;
        p.workload_mut().legacy_coupling = 0;
        let (vm, ct) = scores(&p, CriterionId::OS_FLEXIBILITY);
        close(vm, 10.0);
        close(ct, 1.0);
        close(scores(&p, CriterionId::PORTABILITY).1, 5.0);
        p.workload_mut().os_diversity = 0;
        assert_eq!(scores(&p, CriterionId::PORTABILITY), (5.0, 9.0));
        p.workload_mut().legacy_coupling = 10;
        close(scores(&p, CriterionId::PORTABILITY).1, 6.0);
    }
}
