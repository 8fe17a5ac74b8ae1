//! Patching burden: how many operating systems must be kept patched, and how fresh are images?
//! Its row, and the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::resources::ResourceId;
use crate::model::rules::{Input, POINTS_PER_DECADE, RuleInputs, Terms, decades_behind};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "patching",
    label: "Patching burden",
    question: "How many operating systems must be kept patched, and how fresh are images?",
    wording: Wording::Figures(reading),
    default_weight: 3.0,
    sources: &["V-OPS-1", "V-SEC-3", "V-SEC-5", "V-SEC-2", "M-OPS-7", "M-OPS-4"],
    pro: "Easier to keep patched",
    con: "Harder to keep patched",
    rule,
};

/// The reading, quoting the assumption catalogue.
fn reading(values: &Values) -> String {
    let load = |id: AssumptionId| Number(values.get(id));
    format!(
        "8 − (0.5 + compliance/20) × {} points per tenfold more OS instances to patch at steady load than the fewest (at most 6): guest OSes (each patched in place, or with golden images a quarter of the work per guest; guests that live shorter than the ~{}-day patch cycle are replaced, not patched, in proportion; at least one image per VM role), hosts, node VMs, and each service image's partial OS copy. Compliance adds controls and audit evidence to every option: {} × compliance/10 × the option's control load (VMs {}, containers {}, containers on VMs {}, microVMs {}). Image-built options gain up to 2 points as frequent rebuilds keep packages fresh; old guests lose up to 2 as they go stale (a week: none, a year: all), their age capped by the golden-image rebuild cadence when VMs are replaced from images.",
        Number(POINTS_PER_DECADE),
        Number(values.get(AssumptionId::GoldenImageRebuildDays)),
        Number(COMPLIANCE_POINTS),
        load(AssumptionId::ComplianceControlLoadVm),
        load(AssumptionId::ComplianceControlLoadContainer),
        load(AssumptionId::ComplianceControlLoadContainersOnVms),
        load(AssumptionId::ComplianceControlLoadMicrovm),
    )
}

/// Points of compliance effort at full strictness and a control load of 1 (the VM's): the
/// controls and audit evidence every platform must show (segmentation, image signing,
/// logging). Podvisor's reading, no published cost per control: 1–3 points.
const COMPLIANCE_POINTS: f64 = 2.0;

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let own = inputs.resources[option].os_instances_to_patch;
    let behind = decades_behind(own, inputs.best(ResourceId::OsInstancesToPatch));
    let relevance = 0.5 + 0.5 * inputs.rating(TraitId::ComplianceStrictness);
    t.base("fewest OS instances to patch", 8.0, &["V-OPS-1"]);
    t.add(
        "more OS instances to patch, weighted by compliance",
        Input::Resource(ResourceId::OsInstancesToPatch),
        own,
        -(relevance * POINTS_PER_DECADE * behind).min(6.0),
        &["V-OPS-1"],
    );
    let load = inputs.values.get(spec.compliance_control_load);
    t.add_trait(
        "compliance controls and audit evidence (segmentation, signing, logging)",
        inputs,
        TraitId::ComplianceStrictness,
        -COMPLIANCE_POINTS * load * inputs.rating(TraitId::ComplianceStrictness),
        &["V-SEC-2", "M-OPS-7", "M-OPS-4"],
    );
    if spec.image_pipeline {
        let fresh = inputs.shared.cadence.max(inputs.shared.churn);
        t.add_trait(
            "frequent rebuilds keep packages fresh",
            inputs,
            TraitId::DeploysPerWeek,
            2.0 * fresh,
            &["V-SEC-5"],
        );
        let stale = inputs.shared.staleness * (1.0 - fresh);
        if stale > 0.0 {
            t.add_trait(
                "rarely rebuilt images go stale too",
                inputs,
                TraitId::LifespanDays,
                -2.0 * stale,
                &["V-SEC-5"],
            );
        }
    } else {
        t.add_trait(
            "long-lived images go stale",
            inputs,
            TraitId::LifespanDays,
            -2.0 * inputs.shared.guest_staleness,
            &["V-SEC-3"],
        );
    }
    Record::Terms
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::rules::churn;
    use crate::model::{CriterionId, Profile, evaluate};

    #[test]
    fn patching_counts_operating_systems_and_freshness() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 1;
        w.replicas = 1;
        w.peak_factor = 1.0;
        w.lifespan_days = 7.0;
        w.deploys_per_week = 0.0;
        w.compliance_strictness = 0;
        // One VM + its host = 2 OS instances; one container host = 1 (its image is rebuilt,
        // not patched in place). Half-relevant without compliance: 0.5 × 4 × log10(2) behind.
        // Week-old instances are not stale; replacing them weekly counts as freshness.
        let behind = 0.5 * 4.0 * 2f64.log10();
        let (vm, ct) = scores(&p, CriterionId::PATCHING);
        close(vm, 8.0 - behind);
        close(ct, 8.0 + 2.0 * churn(7.0));
        p.workload_mut().deploys_per_week = 100.0;
        close(scores(&p, CriterionId::PATCHING).1, 10.0);
        p.workload_mut().lifespan_days = 365.0;
        close(scores(&p, CriterionId::PATCHING).0, 6.0 - behind);
        // Strict compliance makes the count fully relevant and adds controls and audit
        // evidence to both, by their control loads.
        p.workload_mut().compliance_strictness = 10;
        let (vm, ct) = scores(&p, CriterionId::PATCHING);
        close(vm, 6.0 - 2.0 * behind - 2.0 * 1.0);
        close(ct, 10.0 - 2.0 * 1.2);
    }

    #[test]
    fn patching_is_counted_at_steady_load() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 10;
        w.replicas = 2;
        w.peak_factor = 5.0;
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        // 20 VMs at steady load (100 at peak) and the one host they need.
        close(evaluation.options[0].resources.os_instances_to_patch, 21.0);
    }
}
