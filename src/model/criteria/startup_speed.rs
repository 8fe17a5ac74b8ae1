//! Start-up speed: does slow instance start-up hurt this workload? Its row, and the rule that
//! scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::Values;
use crate::model::format::Number;
use crate::model::profile::Profile;
use crate::model::resources::ResourceId;
use crate::model::rules::{POINTS_PER_DECADE, RuleInputs, Terms, decades_behind};
use crate::model::traits::{TraitId, fraction};

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "startup_speed",
    label: "Start-up speed",
    question: "Does slow instance start-up hurt this workload?",
    wording: Wording::Figures(reading),
    default_weight: 3.0,
    sources: &["M-OPS-1", "M-OPS-2"],
    pro: "Starts fast",
    con: "Slow to start",
    rule,
};

/// The reading, quoting the points a tenfold slower start costs.
fn reading(_: &Values) -> String {
    format!(
        "10 − relevance × {} points per tenfold slower start than the fastest option (at most 10). Relevance is the start-latency sensitivity. Short lifetimes do not add to it: a fleet of short-lived instances keeps a warm pool of booted spares (starts per second × boot seconds, by Little's law), which the resources count.",
        Number(POINTS_PER_DECADE),
    )
}

/// Relevance of start-up time: the start-latency sensitivity. Short lifetimes do not add to
/// it: a fleet of short-lived instances keeps a warm pool of booted spares, so their boots
/// are paid in capacity (`Resources::warm_pool`), not in waiting (M-OPS-1).
pub fn relevance(profile: &Profile) -> f64 {
    fraction(profile, TraitId::StartLatencySensitivity)
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

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile};

    #[test]
    fn startup_speed_costs_four_points_per_decade_when_it_matters() {
        let mut p = Profile::default();
        p.workload_mut().lifespan_days = 365.0;
        p.workload_mut().start_latency_sensitivity = 10;
        let (vm, ct) = scores(&p, CriterionId::STARTUP_SPEED);
        close(ct, 10.0);
        // A container's start: 0.56 s and the pull of the share its node lacks of the default
        // 150 MiB app at 60 MiB/s (2.5 s): a service's four pods at peak share one node, so
        // only the first pulls, and that one finds it half the time: 1 − 0.5 × 1/4 = 0.875
        // cached, 2.5 × 0.125 = 0.3125 s.
        close(vm, 10.0 - 4.0 * (40.0_f64 / (0.56 + 0.3125)).log10());
        p.workload_mut().start_latency_sensitivity = 0;
        assert_eq!(scores(&p, CriterionId::STARTUP_SPEED), (10.0, 10.0), "irrelevant start-up");
        // Short lifetimes pay their boots in warm spares (the projection), not in this score.
        p.workload_mut().lifespan_days = 1.0 / 24.0;
        assert_eq!(scores(&p, CriterionId::STARTUP_SPEED), (10.0, 10.0), "boots paid in capacity");
    }
}
