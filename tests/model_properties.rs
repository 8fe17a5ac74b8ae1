//! Properties of the model over arbitrary profiles: scores stay on their scales, traces add
//! up, and every trait moves the answer only in the direction the sources say.

use podvisor::model::{
    AssumptionId, Assumptions, CRITERIA, CriterionId, DEFAULT_OPTIONS, Evaluation, ResourceId, TRAITS, TraitId,
    TraitKind, evaluate,
};
use podvisor::profile::Profile;
use proptest::prelude::*;

/// Any profile the model accepts: every trait within range, random weights and overrides.
#[expect(clippy::cast_possible_truncation, reason = "integer trait ranges are small whole numbers")]
fn any_profile() -> impl Strategy<Value = Profile> {
    let traits = TRAITS
        .iter()
        .map(|meta| {
            let (min, max) = (meta.min, meta.max);
            match meta.kind {
                TraitKind::Real if meta.logarithmic && min > 0.0 => (min.ln()..=max.ln()).prop_map(f64::exp).boxed(),
                TraitKind::Real if meta.logarithmic => (0.0..=max.ln_1p()).prop_map(f64::exp_m1).boxed(),
                TraitKind::Real => (min..=max).boxed(),
                _ => (min as i64..=max as i64).prop_map(|v| v as f64).boxed(),
            }
        })
        .collect::<Vec<_>>();
    let weights = proptest::collection::vec(proptest::option::of(0.0..=5.0_f64), CRITERIA.len());
    let overrides = proptest::collection::vec(proptest::option::of(0.0..=1.0_f64), AssumptionId::ALL.len());
    (traits, weights, overrides).prop_map(|(values, weights, overrides)| {
        let mut profile = Profile::default();
        for (meta, value) in TRAITS.iter().zip(values) {
            profile.set(meta.id, value);
        }
        for (criterion, weight) in CRITERIA.iter().zip(weights) {
            if let Some(weight) = weight {
                profile.weights.insert(criterion.id, weight);
            }
        }
        for (id, share) in AssumptionId::ALL.iter().zip(overrides) {
            if let Some(share) = share {
                let spec = id.spec();
                profile.assumptions.insert(*id, spec.min + share * (spec.max - spec.min));
            }
        }
        profile
    })
}

fn eval(profile: &Profile) -> Evaluation {
    evaluate(profile, Assumptions::builtin())
}

fn option_index(id: &str) -> usize {
    DEFAULT_OPTIONS.iter().position(|o| o.key == id).expect("known option")
}

/// Overall score of containers minus that of VMs.
fn container_edge(evaluation: &Evaluation) -> f64 {
    evaluation.options[option_index("container")].score - evaluation.options[option_index("vm")].score
}

/// A criterion's container score minus its VM score.
fn criterion_edge(evaluation: &Evaluation, criterion: CriterionId) -> f64 {
    let c = criterion as usize;
    evaluation.options[option_index("container")].criteria[c].score
        - evaluation.options[option_index("vm")].criteria[c].score
}

/// Raising `id` by one step (or to its maximum) must never move the answer towards `favoured`:
/// neither its overall edge nor any criterion edge grows, and it never takes the lead.
fn assert_never_helps(profile: &Profile, id: TraitId, favoured: &str) -> Result<(), TestCaseError> {
    let meta = id.meta();
    let value = profile.get(id);
    let step = if meta.kind == TraitKind::Real { (meta.max - value) / 2.0 } else { 1.0 };
    let mut raised = profile.clone();
    raised.set(id, value + step);
    let (before, after) = (eval(profile), eval(&raised));
    let sign = if favoured == "container" { 1.0 } else { -1.0 };
    let tolerance = 1e-9;
    prop_assert!(
        sign * container_edge(&after) <= sign * container_edge(&before) + tolerance,
        "raising {} from {value} helped {favoured}: {} → {}",
        meta.key,
        container_edge(&before),
        container_edge(&after)
    );
    for criterion in CRITERIA {
        prop_assert!(
            sign * criterion_edge(&after, criterion.id) <= sign * criterion_edge(&before, criterion.id) + tolerance,
            "raising {} helped {favoured} on {}",
            meta.key,
            criterion.key
        );
    }
    if before.verdict.leader != favoured {
        prop_assert_ne!(after.verdict.leader, favoured, "raising {} handed {} the lead", meta.key, favoured);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn scores_stay_on_their_scales(profile in any_profile()) {
        let evaluation = eval(&profile);
        for (o, option) in evaluation.options.iter().enumerate() {
            prop_assert!((0.0..=100.0).contains(&option.score), "{} overall {}", option.spec.key, option.score);
            for criterion in &option.criteria {
                prop_assert!((0.0..=10.0).contains(&criterion.score));
                prop_assert!((0.0..=5.0).contains(&criterion.weight));
                let sum: f64 = criterion.terms.iter().map(|t| t.effect).sum();
                prop_assert!((sum - criterion.score).abs() < 1e-9, "terms of {:?} sum to {sum}, score {}", criterion.criterion, criterion.score);
                prop_assert!(!podvisor::narrative::why(&evaluation, &profile, o, criterion.criterion).is_empty());
            }
            for resource in ResourceId::ALL {
                let value = option.resources.get(resource);
                prop_assert!(value.is_finite() && value >= 0.0, "{} {:?} = {value}", option.spec.key, resource);
            }
            for point in option.pros.iter().chain(&option.cons) {
                prop_assert!(point.impact > 0.0 && !point.sources.is_empty());
            }
        }
        let verdict = &evaluation.verdict;
        prop_assert!((0.0..=1.0).contains(&verdict.margin));
        prop_assert_eq!(verdict.winner.is_none(), verdict.close_call);
        prop_assert!(!podvisor::narrative::summary(&evaluation).is_empty());
    }

    #[test]
    fn isolation_need_never_helps_containers(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::IsolationNeed, "container")?;
    }

    #[test]
    fn os_diversity_never_helps_containers(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::OsDiversity, "container")?;
    }

    #[test]
    fn start_latency_sensitivity_never_helps_vms(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::StartLatencySensitivity, "vm")?;
    }

    #[test]
    fn legacy_coupling_never_helps_containers(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::LegacyCoupling, "container")?;
    }

    #[test]
    fn failure_tolerance_never_helps_vms(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::FailureTolerance, "vm")?;
    }

    #[test]
    fn image_trust_never_helps_vms(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::ImageTrust, "vm")?;
    }

    #[test]
    fn team_container_maturity_never_helps_vms(profile in any_profile()) {
        assert_never_helps(&profile, TraitId::TeamContainerMaturity, "vm")?;
    }

    #[test]
    fn needing_nested_virtualization_never_helps_vms(profile in any_profile()) {
        let mut off = profile.clone();
        off.workload.nested_virtualization = false;
        assert_never_helps(&off, TraitId::NestedVirtualization, "vm")?;
    }

    #[test]
    fn evaluation_is_deterministic(profile in any_profile()) {
        let a = podvisor::report::json::evaluation(&profile, &eval(&profile));
        let b = podvisor::report::json::evaluation(&profile, &eval(&profile));
        prop_assert_eq!(a, b);
    }
}
