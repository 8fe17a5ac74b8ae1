//! Supply chain: can you trust what runs, and check it? Its row, and the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "supply_chain",
    label: "Supply chain",
    question: "Can you trust what runs, and check it?",
    wording: Wording::Text(
        "Image-built options: 2 + 6 × image trust/10 + 2 × team maturity/10 (trusted layers, plus signing and scanning built into the lifecycle). VMs: 6, minus up to 2 for stale long-lived images.",
    ),
    default_weight: 2.0,
    sources: &["M-SEC-5", "M-OPS-4", "V-SEC-3"],
    pro: "Trustworthy supply chain",
    con: "Supply-chain risk",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    t.reading(spec.readings.supply_chain);
    if spec.image_pipeline {
        t.add_trait(
            "trusted, provenance-checked images",
            inputs,
            TraitId::ImageTrust,
            6.0 * inputs.rating(TraitId::ImageTrust),
            &["M-SEC-5"],
        );
        t.add_trait(
            "signing and scanning built into the lifecycle",
            inputs,
            TraitId::TeamContainerMaturity,
            2.0 * inputs.rating(TraitId::TeamContainerMaturity),
            &["M-OPS-4"],
        );
    } else {
        let stale = inputs.shared.guest_staleness;
        t.add_trait("image sprawl and stale images", inputs, TraitId::LifespanDays, -2.0 * stale, &["V-SEC-3"]);
    }
    Record::SupplyChain { guest_staleness: inputs.shared.guest_staleness }
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use super::super::by_hand::scores;
    use crate::model::{CriterionId, Profile};

    #[test]
    fn supply_chain_rewards_trusted_images_and_punishes_stale_ones() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.image_trust = 10;
        w.team_container_maturity = 10;
        w.lifespan_days = 7.0;
        assert_eq!(scores(&p, CriterionId::SUPPLY_CHAIN), (6.0, 10.0));
        let w = p.workload_mut();
        w.image_trust = 0;
        w.team_container_maturity = 0;
        w.lifespan_days = 365.0;
        assert_eq!(scores(&p, CriterionId::SUPPLY_CHAIN), (4.0, 2.0));
    }
}
