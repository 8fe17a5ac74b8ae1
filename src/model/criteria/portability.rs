//! Portability: how easily does the workload move between machines and clouds? Its row, and the
//! rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "portability",
    label: "Portability",
    question: "How easily does the workload move between machines and clouds?",
    wording: Wording::Text(
        "Image-built options start at 9, lose up to 4 points with OS diversity (they need a compatible kernel) and up to 3 with legacy coupling (a coupled app is not self-contained). VM images weigh gigabytes and follow a hypervisor's format: 5.",
    ),
    default_weight: 2.0,
    sources: &["M-PORT-1", "V-PORT-1", "V-RES-1"],
    pro: "Portable",
    con: "Harder to move",
    rule,
};

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    t.reading(spec.readings.portability);
    if spec.image_pipeline {
        t.add_trait(
            "needs a compatible kernel",
            inputs,
            TraitId::OsDiversity,
            -4.0 * inputs.rating(TraitId::OsDiversity),
            &["M-PORT-1"],
        );
        t.add_trait(
            "an app coupled to its surroundings is not self-contained",
            inputs,
            TraitId::LegacyCoupling,
            -3.0 * inputs.rating(TraitId::LegacyCoupling),
            &["M-PORT-1"],
        );
    }
    Record::Terms
}
