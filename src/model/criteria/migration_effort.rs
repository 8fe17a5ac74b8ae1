//! Migration effort: how much must change to get the app onto the platform? Its row, and the rule that scores it.

use super::{CriterionId, CriterionSpec, Record, Wording};
use crate::model::rules::{MigrationPath, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub const SPEC: CriterionSpec = CriterionSpec {
    id: CriterionId::MigrationEffort,
    key: "migration_effort",
    label: "Migration effort",
    question: "How much must change to get the app onto the platform?",
    wording: Wording::Text(
        "Image-built options offer two paths and are scored on the better one for the workload (the higher overall score): containerised as it is, 10 − 4 × legacy coupling/10 − 2 × (1 − team maturity/10), or decomposed into services, 10 − 7 × legacy coupling/10 − 2 × (1 − team maturity/10). Lift-and-shift options: 10 − legacy coupling/10; they are also the first step of a phased path.",
    ),
    default_weight: 4.0,
    sources: &["M-APP-1", "M-APP-2", "M-DEC-1", "M-DEC-3"],
    pro: "Little migration work",
    con: "Migration work up front",
    rule,
};

/// Points a fully coupled app costs on each migration path: containerised as it is (one
/// image around the app) or decomposed into services first. Podvisor's reading of M-APP-2
/// and M-DEC-3: as-is is moderate work (3–5), decomposition the most (6–8).
const AS_IS_COUPLING_POINTS: f64 = 4.0;
const DECOMPOSED_COUPLING_POINTS: f64 = 7.0;

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let legacy = inputs.rating(TraitId::LegacyCoupling);
    t.reading(spec.readings.migration);
    if !spec.image_pipeline {
        t.add_trait("moving a coupled app still takes care", inputs, TraitId::LegacyCoupling, -legacy, &["M-DEC-1"]);
        return Record::Terms;
    }
    match inputs.paths[option] {
        MigrationPath::AsIs => t.add_trait(
            "containerising a coupled app as it is",
            inputs,
            TraitId::LegacyCoupling,
            -AS_IS_COUPLING_POINTS * legacy,
            &["M-APP-2", "M-DEC-3"],
        ),
        MigrationPath::Decomposed => t.add_trait(
            "decomposing a coupled app into services",
            inputs,
            TraitId::LegacyCoupling,
            -DECOMPOSED_COUPLING_POINTS * legacy,
            &["M-APP-2", "M-DEC-1"],
        ),
    }
    t.add_trait(
        "a team new to containers",
        inputs,
        TraitId::TeamContainerMaturity,
        -2.0 * (1.0 - inputs.rating(TraitId::TeamContainerMaturity)),
        &["M-APP-2"],
    );
    Record::Terms
}
