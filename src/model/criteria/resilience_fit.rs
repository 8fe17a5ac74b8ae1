//! Resilience fit: does the platform's failure model match the app's? Its row, and the rule
//! that scores it.

use super::{CriterionSpec, Record, Wording};
use crate::model::assumptions::{AssumptionId, Values};
use crate::model::format::Number;
use crate::model::options::{CONTAINER, VM};
use crate::model::rules::{RuleInputs, Terms};
use crate::model::traits::TraitId;

/// The criterion's row in the registry.
pub static SPEC: CriterionSpec = CriterionSpec {
    key: "resilience_fit",
    label: "Resilience fit",
    question: "Does the platform's failure model match the app's?",
    wording: Wording::Figures(reading),
    default_weight: 3.0,
    sources: &["M-OPS-8", "V-OPS-3"],
    pro: "Fits the app's failure model",
    con: "Mismatched failure model",
    rule,
};

/// The reading, quoting the options' rows and the assumption catalogue.
fn reading(values: &Values) -> String {
    format!(
        "Orchestrated options assume instances die: {} + 8 × failure tolerance/10. VMs are kept running, which suits apps not built for that: {}, plus up to {} × (1 − failure tolerance/10) where the hypervisor live-migrates them through host maintenance while Kubernetes drains pods (vm_live_migration_points), for instances that live to meet it (none at an hour, all from a month, log-interpolated). Short-lived VMs are not kept running: a scaling group replaces them from their image as an orchestrator replaces pods, so with the same churn their fit moves to the orchestrated options' (all of the way for VMs living an hour or less).",
        Number(CONTAINER.readings.resilience.value),
        Number(VM.readings.resilience.value),
        Number(values.get(AssumptionId::VmLiveMigrationPoints)),
    )
}

/// Orchestrated instances are rescheduled when they die, which suits apps built for it;
/// instances kept running suit the others, and more so where the hypervisor live-migrates
/// them through host maintenance instead of restarting them (`vm_live_migration_points`),
/// as far as they live long enough to meet it: not at all for instances of an hour or less,
/// fully from a month (1 − [`churn`], hosts being patched on a monthly cycle).
fn rule(t: &mut Terms<'_>, inputs: &RuleInputs<'_>, option: usize) -> Record {
    let spec = inputs.options[option];
    t.reading(spec.readings.resilience);
    let tolerance = inputs.rating(TraitId::FailureTolerance);
    let orchestrated = |base: f64| base + 8.0 * tolerance;
    let churn = inputs.shared.churn;
    if spec.orchestrated {
        t.add_trait(
            "app built for dying instances; the orchestrator reschedules",
            inputs,
            TraitId::FailureTolerance,
            orchestrated(0.0),
            &["M-OPS-8", "V-OPS-3"],
        );
        return Record::ResilienceFit { churn, live_migration: 0.0 };
    }
    let migration = inputs.values.get(AssumptionId::VmLiveMigrationPoints) * (1.0 - tolerance) * (1.0 - churn);
    t.add_trait(
        "instances live-migrated through host maintenance, for an app not built to die",
        inputs,
        TraitId::FailureTolerance,
        migration,
        &["M-OPS-8"],
    );
    // Short-lived VMs are not kept running: a scaling group replaces them from their image
    // all the time, as an orchestrator replaces pods, so as churn rises their fit becomes
    // the orchestrated options' (1 for VMs living an hour or less).
    let kept = spec.readings.resilience.value + migration;
    t.add_trait(
        "short-lived instances replaced from their image, as pods are",
        inputs,
        TraitId::LifespanDays,
        churn * (orchestrated(CONTAINER.readings.resilience.value) - kept),
        &["M-OPS-8", "V-OPS-3"],
    );
    Record::ResilienceFit { churn, live_migration: migration }
}

#[cfg(test)]
mod tests {
    //! The rule against figures worked out by hand from its documented reading.

    use super::super::by_hand::scores;
    use crate::model::{CriterionId, Profile};

    #[test]
    fn resilience_fit_follows_failure_tolerance() {
        let mut p = Profile::default();
        p.workload_mut().failure_tolerance = 10;
        assert_eq!(scores(&p, CriterionId::RESILIENCE_FIT), (7.0, 10.0));
        // Live migration keeps an app that cannot die running through host maintenance,
        // if its instances live long enough to meet it.
        p.workload_mut().lifespan_days = 30.0;
        p.workload_mut().failure_tolerance = 0;
        assert_eq!(scores(&p, CriterionId::RESILIENCE_FIT), (10.0, 2.0));
        p.workload_mut().failure_tolerance = 5;
        assert_eq!(scores(&p, CriterionId::RESILIENCE_FIT), (8.5, 6.0));
        // VMs living an hour are replaced from their image all the time, as pods are: they
        // fit the app as the orchestrated options do (2 + 8 × 0.5).
        p.workload_mut().lifespan_days = 1.0 / 24.0;
        assert_eq!(scores(&p, CriterionId::RESILIENCE_FIT), (6.0, 6.0));
    }
}
