//! Networking simplicity: how much networking must be built and run between parts of the app?
//! Its row, and the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::rules::{Input, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "networking_simplicity",
    label: "Networking simplicity",
    question: "How much networking must be built and run between parts of the app?",
    wording: Wording::Text(
        "10 − min(10, chattiness/10 × 2.5 × log10(separately networked instances at steady load)). Orchestrated options win back up to 30% of that with team maturity (pods and a flat L3 network).",
    ),
    default_weight: 2.0,
    sources: &["M-NET-1", "M-NET-2"],
    pro: "Simple networking",
    con: "Complex networking",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let chat = inputs.rating(TraitId::Chattiness);
    let endpoints = inputs.resources[option].instances_steady.max(1.0);
    let complexity = (chat * 2.5 * endpoints.log10()).min(10.0);
    t.base("no networking between parts", 10.0, &["M-NET-1"]);
    t.add(
        "chatty traffic between separately networked instances",
        Input::Endpoints,
        endpoints,
        -complexity,
        &["M-NET-1", "M-NET-2"],
    );
    if spec.orchestrated {
        t.add_trait(
            "pods and a flat L3 network, as far as the team knows them",
            inputs,
            TraitId::TeamContainerMaturity,
            0.3 * complexity * inputs.rating(TraitId::TeamContainerMaturity),
            &["M-NET-2"],
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
    fn networking_grows_with_chatty_endpoints() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 50;
        w.replicas = 2;
        w.chattiness = 10;
        w.team_container_maturity = 0;
        // 100 endpoints each: 10 − 2.5 × 2.
        assert_eq!(scores(&p, CriterionId::NETWORKING_SIMPLICITY), (5.0, 5.0));
        p.workload_mut().team_container_maturity = 10;
        close(scores(&p, CriterionId::NETWORKING_SIMPLICITY).1, 6.5);
        p.environment.services_per_vm = 50;
        close(scores(&p, CriterionId::NETWORKING_SIMPLICITY).0, 10.0 - 2.5 * 2.0_f64.log10());
    }
}
