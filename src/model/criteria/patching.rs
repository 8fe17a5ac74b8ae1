//! Patching burden: how many operating systems must be kept patched, and how fresh are images? Its row, and the rule that scores it.

use super::{CriterionId, CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::resources::ResourceId;
use crate::model::rules::{Input, POINTS_PER_DECADE, RuleInputs, Terms, decades_behind};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub const SPEC: CriterionSpec = CriterionSpec {
    id: CriterionId::Patching,
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
