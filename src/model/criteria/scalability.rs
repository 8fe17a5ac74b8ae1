//! Scalability: how quickly can capacity follow a burst? Its row, and the rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::Values;
use crate::model::format::Number;
use crate::model::resources::ResourceId;
use crate::model::rules::{MigrationPath, POINTS_PER_DECADE, RuleInputs, Terms, decades_behind};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "scalability",
    label: "Scalability",
    question: "How quickly can capacity follow a burst?",
    wording: Wording::Figures(reading),
    default_weight: 3.0,
    sources: &["V-OPS-3", "M-OPS-2"],
    pro: "Scales quickly",
    con: "Scales slowly",
    rule,
};

/// The reading, quoting the points a tenfold slower climb to peak costs.
fn reading(_: &Values) -> String {
    format!(
        "10 − burstiness × {} points per tenfold longer time to reach peak than the fastest option (at most 10). Burstiness is ln(peak factor)/ln(20): 0 for flat load, 1 at 20× peaks. Time to peak: VMs take one scaling-group reaction plus a boot; orchestrated options take the horizontal pod autoscaler's periods (each adds the larger of 100 % and 4 pods) plus a node's boot when a cloud cluster grows, plus a start. Image-built options containerised as they are lose up to 2 more as coupled services scale together (burstiness × split × legacy coupling).",
        Number(POINTS_PER_DECADE),
    )
}

fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    let burst = inputs.shared.burstiness;
    let own = inputs.resources[option].scale_to_peak_seconds;
    let behind = decades_behind(own, inputs.best(ResourceId::ScaleToPeakSeconds));
    t.base("reaches peak as fast as the fastest option", 10.0, &["V-OPS-3"]);
    t.add_trait(
        "slower to reach peak, weighted by burstiness",
        inputs,
        TraitId::PeakFactor,
        -(burst * POINTS_PER_DECADE * behind).min(10.0),
        &["V-OPS-3", "M-OPS-2"],
    );
    // Containerised as it is, a coupled app scales as a whole; decomposing buys scaling per
    // service (VMs scale whole VMs either way).
    let mut coupled = 0.0;
    if spec.image_pipeline && inputs.paths[option] == MigrationPath::AsIs {
        coupled = inputs.shared.split * inputs.rating(TraitId::LegacyCoupling);
        if coupled > 0.0 {
            t.add_trait(
                "coupled services must scale together",
                inputs,
                TraitId::LegacyCoupling,
                -2.0 * burst * coupled,
                &["V-OPS-4"],
            );
        }
    }
    Record::Scalability { coupled: burst * coupled }
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::{CriterionId, Profile};

    #[test]
    fn scalability_matters_only_for_bursts() {
        let mut p = Profile::default();
        p.workload_mut().legacy_coupling = 0;
        p.workload_mut().peak_factor = 1.0;
        assert_eq!(scores(&p, CriterionId::SCALABILITY), (10.0, 10.0));
        p.workload_mut().peak_factor = 20.0;
        let (vm, ct) = scores(&p, CriterionId::SCALABILITY);
        close(ct, 10.0);
        // 2 replicas grow to 40 pods in four HPA periods (2 → 6 → 12 → 24 → 48): 60 s and a
        // start of 0.56 s plus the pull of the share its node lacks of 150 MiB at 60 MiB/s
        // (2.5 s): 40 pods of one image on few nodes are cached at the assumption's cap of
        // 0.9, 2.5 × 0.1 = 0.25 s.
        close(vm, 10.0 - 4.0 * (100.0_f64 / (60.0 + 0.56 + 0.25)).log10());
    }
}
