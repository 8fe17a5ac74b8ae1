//! Start-up speed: does slow instance start-up hurt this workload? Its row, and the rule that scores it.

use super::{CriterionId, CriterionSpec, Record, Wording};
use crate::model::profile::Profile;
use crate::model::resources::ResourceId;
use crate::model::rules::{POINTS_PER_DECADE, RuleInputs, Terms, decades_behind};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub const SPEC: CriterionSpec = CriterionSpec {
    id: CriterionId::StartupSpeed,
    key: "startup_speed",
    label: "Start-up speed",
    question: "Does slow instance start-up hurt this workload?",
    wording: Wording::Text(
        "10 − relevance × 4 points per tenfold slower start than the fastest option (at most 10). Relevance is the start-latency sensitivity. Short lifetimes do not add to it: a fleet of short-lived instances keeps a warm pool of booted spares (starts per second × boot seconds, by Little's law), which the resources count.",
    ),
    default_weight: 3.0,
    sources: &["M-OPS-1", "M-OPS-2"],
    pro: "Starts fast",
    con: "Slow to start",
    rule,
};

/// Relevance of start-up time: the start-latency sensitivity. Short lifetimes do not add to
/// it: a fleet of short-lived instances keeps a warm pool of booted spares, so their boots
/// are paid in capacity (`Resources::warm_pool`), not in waiting (M-OPS-1).
pub fn relevance(profile: &Profile) -> f64 {
    crate::model::traits::fraction(profile, TraitId::StartLatencySensitivity)
}

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let own = inputs.resources[option].start_seconds;
    let behind = decades_behind(own, inputs.best(ResourceId::StartSeconds));
    t.base("as fast as the fastest option", 10.0, &["M-OPS-2"]);
    t.add_trait(
        "slower start, weighted by how much start-up matters",
        inputs,
        TraitId::StartLatencySensitivity,
        -(inputs.shared.startup * POINTS_PER_DECADE * behind).min(10.0),
        &["M-OPS-1", "M-OPS-2"],
    );
    Record::StartupSpeed { relevance: inputs.shared.startup }
}
