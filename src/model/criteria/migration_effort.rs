//! Migration effort: how much must change to get the app onto the platform? Its row, and the
//! rule that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::Values;
use crate::model::format::Number;
use crate::model::rules::{MigrationPath, RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "migration_effort",
    label: "Migration effort",
    question: "How much must change to get the app onto the platform?",
    wording: Wording::Figures(reading),
    default_weight: 4.0,
    sources: &["M-APP-1", "M-APP-2", "M-DEC-1", "M-DEC-3"],
    pro: "Little migration work",
    con: "Migration work up front",
    rule,
};

/// The reading, quoting the points a fully coupled app costs on each path.
fn reading(_: &Values) -> String {
    format!(
        "Image-built options offer two paths and are scored on the better one for the workload (the higher overall score): containerised as it is, 10 − {} × legacy coupling/10 − 2 × (1 − team maturity/10), or decomposed into services, 10 − {} × legacy coupling/10 − 2 × (1 − team maturity/10). Lift-and-shift options: 10 − legacy coupling/10; they are also the first step of a phased path.",
        Number(AS_IS_COUPLING_POINTS),
        Number(DECOMPOSED_COUPLING_POINTS),
    )
}

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

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use crate::model::criteria::by_hand::{close, scores};
    use crate::model::rules::{MigrationPath, cadence};
    use crate::model::{CriterionId, Profile, evaluate};

    #[test]
    fn migration_effort_follows_legacy_coupling() {
        let mut p = Profile::default();
        p.workload_mut().legacy_coupling = 10;
        p.workload_mut().team_container_maturity = 0;
        // Containerised as it is: 10 − 4 − 2; lifted and shifted onto VMs: 10 − 1.
        assert_eq!(scores(&p, CriterionId::MIGRATION_EFFORT), (9.0, 4.0));
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        assert_eq!(evaluation.options[1].path, MigrationPath::AsIs);
        p.workload_mut().legacy_coupling = 0;
        p.workload_mut().team_container_maturity = 10;
        assert_eq!(scores(&p, CriterionId::MIGRATION_EFFORT), (10.0, 10.0));
    }

    /// A hundred half-coupled services, thirty deploys a week (cadence c = log 31/log 101) and
    /// 20× bursts: decomposing costs 3 × 0.5 = 1.5 points of migration effort (weight 4, −6),
    /// and buys 1 + c points of delivery speed (weight 3: independent releases 1 → 2, no
    /// images waiting for each other, c) and 1 of scalability (weight 3, +3: no coupled
    /// scaling), so it is the better path. Migration effort is weighted 3 here: as a must
    /// (its default 4) the 3-point gap to the VMs' lift and shift would also be discounted.
    #[test]
    fn decomposition_is_chosen_where_it_pays() {
        let mut p = Profile::default();
        p.weights.insert(CriterionId::MIGRATION_EFFORT.key(), 3.0);
        let w = p.workload_mut();
        w.services = 100;
        w.legacy_coupling = 5;
        w.deploys_per_week = 30.0;
        w.team_container_maturity = 10;
        w.peak_factor = 20.0;
        let pace = cadence(30.0);
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        let container = &evaluation.options[1];
        assert_eq!(container.path, MigrationPath::Decomposed);
        close(container.criterion(CriterionId::MIGRATION_EFFORT).expect("scored").score, 6.5);
        close(container.criterion(CriterionId::DELIVERY_SPEED).expect("scored").score, 5.0 + 3.0 * pace + 2.0);
        assert_eq!(evaluation.options[0].path, MigrationPath::AsIs, "VMs lift and shift");
        // With one service there is nothing to decompose into: as-is.
        p.workload_mut().services = 1;
        assert_eq!(evaluate(&p, crate::model::catalogs::shipped()).options[1].path, MigrationPath::AsIs);
    }
}
