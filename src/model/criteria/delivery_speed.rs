//! Delivery speed: how cheaply can changes be shipped? Its row, and the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::rules::{MigrationPath, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "delivery_speed",
    label: "Delivery speed",
    question: "How cheaply can changes be shipped?",
    wording: Wording::Text(
        "5 ± cadence effects. Cadence is log(1 + deploys/week)/log(101). Image-built options gain cadence × (5 × maturity/10 − 2): mature teams gain up to 3, novices lose 2. VMs lose up to 2 with cadence (release overhead, drift). Any option gains up to 2 when each service has instances of its own, as far as the app is not legacy-bound (independent releases); decomposed, the coupling no longer counts, while image-built options containerised as they are lose up to 2 more as coupled images wait for each other's releases.",
    ),
    default_weight: 3.0,
    sources: &["M-OPS-3", "V-OPS-2", "V-OPS-4", "M-DEC-2"],
    pro: "Fast delivery",
    con: "Slower delivery",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let pace = inputs.shared.cadence;
    t.base("neutral", 5.0, &["V-OPS-2"]);
    if spec.image_pipeline {
        let maturity = inputs.rating(TraitId::TeamContainerMaturity);
        t.add_trait(
            "restart-to-deploy CI/CD, as far as the team can use it",
            inputs,
            TraitId::TeamContainerMaturity,
            pace * (5.0 * maturity - 2.0),
            &["M-OPS-3", "V-OPS-2"],
        );
    } else {
        t.add_trait("release overhead and drift", inputs, TraitId::DeploysPerWeek, -2.0 * pace, &["V-OPS-2"]);
    }
    // Services that each have an instance of their own ship independently, as far as their
    // coupling lets them. Decomposing removes the coupling; containerised as it is, a coupled
    // app's images also wait for each other at every release of the team's cadence.
    let split = inputs.shared.split;
    let own_instance = 1.0 / inputs.resources[option].services_per_instance.max(1.0);
    let legacy = inputs.rating(TraitId::LegacyCoupling);
    let as_is = inputs.paths[option] == MigrationPath::AsIs;
    let independent = if as_is { 1.0 - legacy } else { 1.0 };
    t.add_trait(
        "services shipped independently",
        inputs,
        TraitId::Services,
        2.0 * split * own_instance * independent,
        &["V-OPS-4", "M-DEC-2"],
    );
    if spec.image_pipeline && as_is && legacy > 0.0 {
        t.add_trait(
            "coupled images wait for each other's releases",
            inputs,
            TraitId::LegacyCoupling,
            -2.0 * pace * split * own_instance * legacy,
            &["V-OPS-4", "M-DEC-3"],
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
    fn delivery_speed_depends_on_cadence_and_team() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 1;
        w.deploys_per_week = 100.0;
        w.team_container_maturity = 10;
        assert_eq!(scores(&p, CriterionId::DELIVERY_SPEED), (3.0, 8.0));
        p.workload_mut().team_container_maturity = 0;
        close(scores(&p, CriterionId::DELIVERY_SPEED).1, 3.0);
        // A hundred greenfield services, each in its own instance: both options gain 2.
        p.workload_mut().services = 100;
        p.workload_mut().legacy_coupling = 0;
        assert_eq!(scores(&p, CriterionId::DELIVERY_SPEED), (5.0, 5.0));
    }
}
