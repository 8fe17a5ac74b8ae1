//! Networking simplicity: how much networking must be built and run between parts of the app? Its row, and the rule that scores it.

use super::{CriterionId, CriterionSpec, Record, Wording};
use crate::model::rules::{Input, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub const SPEC: CriterionSpec = CriterionSpec {
    id: CriterionId::NetworkingSimplicity,
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
