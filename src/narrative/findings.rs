//! Findings as sentences: warnings, break-even points, how robust the answer is, and what
//! moved since a baseline.

use super::{capitalise, join};
use crate::model::compare::{Comparison, VerdictChange};
use crate::model::format::{Number, Score, distinct, score_change, shown_change};
use crate::model::sensitivity::{CriticalWeight, Sensitivity, TraitSensitivity};
use crate::model::{
    DISCORDANCE_FROM_WEIGHT, Evaluation, OptionId, ResourceId, TRAITS, TraitId, TraitKind, TraitMeta, VETO_WEIGHT,
    VetoThresholds, Warning,
};

/// A warning as a sentence.
pub fn warning(warning: &Warning) -> String {
    match *warning {
        Warning::NoWeights => "Every criterion has weight 0, so every option scores 0.".to_owned(),
        Warning::InstanceExceedsHost { option, host_memory_gib, host_cores } => format!(
            "One {} needs more than a whole host ({} GiB, {host_cores} cores); it is counted as one host each.",
            option.spec().label,
            Number(host_memory_gib),
        ),
        Warning::LinuxOnlyGuests { option } => format!(
            "{} boot Linux guests only: this Windows workload cannot run on them, so they score 0 on OS flexibility.",
            capitalise(option.spec().plural)
        ),
        Warning::ServicesPerVmExceedsServices { services_per_vm, services } => {
            format!("services_per_vm ({services_per_vm}) exceeds services ({services}); all services share one VM.")
        }
        Warning::ReplicasShareOneHost { option, replicas } => {
            let all = if replicas == 2 { "both replicas".to_owned() } else { format!("all {replicas} replicas") };
            format!(
                "With {}, {all} of each service sit on one host: losing it takes the service down; add a zone or a host.",
                option.spec().plural,
            )
        }
        Warning::FlavourOnOtherCloud { flavour, host } => {
            format!("The Kubernetes flavour {} does not run on {host}; its rules are applied anyway.", flavour.key())
        }
        Warning::UnknownHost => {
            "The host id is not in the catalog; the profile's own host figures are used.".to_owned()
        }
        Warning::Understaffed { option, engineers, team } => format!(
            "{} take about {} engineers to run; the team has {}: the rest would have to be hired or taken from other work.",
            capitalise(option.spec().plural),
            Number(engineers),
            Number(team),
        ),
        Warning::PurchaseOnOwnHardware { asked } => format!(
            "Buying {} applies to cloud hosts; own hardware is bought as its monthly cost says, with no discount.",
            super::purchase_words(asked)
        ),
        Warning::SpotRefused(refusal) => format!(
            "Spot is refused for this component: failure tolerance {}/10 (spot needs {} or more) and data intensity {}/10 (at most {}): reclaimed instances would take state or work with them, so it is bought on demand.",
            Number(refusal.failure_tolerance),
            Number(refusal.min_failure_tolerance),
            Number(refusal.data_intensity),
            Number(refusal.max_data_intensity),
        ),
        Warning::BurstableHost { host, cores, baseline } => format!(
            "{host} is burstable: it sustains {} % of its {cores} vCPUs ({} vCPUs) on CPU credits and is throttled, or billed for surplus credits, above that; the figures here count all {cores}, so for steady load pick a type without CPU credits or size by the baseline.",
            Number(baseline * 100.0),
            Number(baseline * f64::from(cores)),
        ),
        Warning::CommitmentDeclined { hours, break_even } => format!(
            "A commitment bills all 24 hours of a day; hosts running {} h a day cost less on demand (a commitment pays from {} h), so they are bought on demand.",
            Number(hours),
            Number(break_even),
        ),
        Warning::SmallestTypeFloor { option, host, memory_gib, cores } => format!(
            "{} are bought as {host}, the smallest type of its family ({cores} vCPUs, {} GiB), more than twice what each needs: the family sells nothing smaller.",
            capitalise(option.spec().plural),
            Number(memory_gib),
        ),
    }
}

/// Break-even points as one sentence per axis and resource, e.g. "Memory over services:
/// VMs need less than containers from 44."
pub fn break_even_sentences(evaluation: &Evaluation) -> Vec<String> {
    let mut groups: Vec<(TraitId, ResourceId, Vec<String>)> = Vec::new();
    for b in evaluation.break_even() {
        let clause = format!(
            "{} {} than {} from {}",
            b.ahead_above.spec().plural,
            if b.resource.lower_is_better() { "need less" } else { "pack more" },
            b.ahead_below.spec().plural,
            Number(b.at)
        );
        match groups.iter_mut().find(|(axis, resource, _)| *axis == b.axis && *resource == b.resource) {
            Some((_, _, clauses)) => clauses.push(clause),
            None => groups.push((b.axis, b.resource, vec![clause])),
        }
    }
    groups
        .into_iter()
        .map(|(axis, resource, clauses)| {
            format!("{} over {}: {}.", resource.label(), axis.meta().label.to_lowercase(), clauses.join("; "))
        })
        .collect()
}

/// The sensitivity findings as sentences: flip points nearest first, then the critical weight;
/// money in `currency`.
pub fn sensitivity_sentences(s: &Sensitivity, currency: &str) -> Vec<String> {
    let mut flips: Vec<_> = s.traits.iter().filter(|t| t.flip_at.is_some()).collect();
    flips.sort_by(|a, b| relative_distance(a).total_cmp(&relative_distance(b)));
    let mut sentences: Vec<String> = flips
        .iter()
        .filter_map(|t| {
            let (at, to) = (t.flip_at?, t.flips_to?);
            let meta = t.id.meta();
            let (at_text, now_text) = distinct_values(meta, at, t.value, currency);
            Some(match t.ruled_out_on {
                Some(criterion) => format!(
                    "{}: from {at_text} (now {now_text}), {} are ruled out on {} and {} lead.",
                    meta.label,
                    s.leader.spec().plural,
                    criterion.spec().label.to_lowercase(),
                    to.spec().plural
                ),
                None => {
                    format!("{}: {} lead from {at_text} (now {now_text}).", meta.label, capitalise(to.spec().plural))
                }
            })
        })
        .collect();
    if flips.is_empty() {
        sentences.push(format!(
            "No single trait, moved across its whole range, changes the leader ({}).",
            s.leader.spec().plural
        ));
    }
    match &s.critical_weight {
        Some(c) => {
            let (from, to) = distinct(c.from, c.to);
            sentences.push(format!(
                "Most critical weight: {} from {from} to {to} hands the lead to {}.",
                c.criterion.spec().label,
                c.new_leader.spec().plural
            ));
        }
        None => sentences.push("No change of a single weight within 0–5 changes the leader.".to_owned()),
    }
    sentences
}

/// The critical weight as a hint beside the scorecard.
pub fn critical_weight_hint(critical: &CriticalWeight) -> String {
    let (to, from) = distinct(critical.to, critical.from);
    format!(
        "Most sensitive weight: {} — at {to} instead of {from}, {} would lead",
        critical.criterion.spec().label,
        critical.new_leader.spec().plural,
    )
}

/// A trait's flip point as a hint on its slider; money in `currency`.
pub fn flip_hint(meta: &TraitMeta, at: f64, to: OptionId, currency: &str) -> String {
    format!("At {} the lead changes: {} come out ahead", meta.format_in(at, currency), to.spec().plural)
}

/// A flip point and today's value written so that they read differently: real-valued traits
/// get the decimals it takes ("256.4 GiB (now 256.2 GiB)", never "256 GiB (now 256 GiB)").
fn distinct_values(meta: &TraitMeta, at: f64, now: f64, currency: &str) -> (String, String) {
    let (a, b) = (meta.format_in(at, currency), meta.format_in(now, currency));
    if a != b || meta.kind != TraitKind::Real {
        return (a, b);
    }
    let (a, b) = distinct(at, now);
    let unit = |text: String| match meta.unit {
        "" => text,
        "/month" => format!("{text} {currency}/month"),
        unit => format!("{text} {unit}"),
    };
    (unit(a), unit(b))
}

/// How the graded veto works, in a sentence for the scorecard's hover.
pub fn veto_rule() -> String {
    let (four, five) = (VetoThresholds::at(VETO_WEIGHT), VetoThresholds::at(5.0));
    let (Some(four), Some(five)) = (four, five) else { return String::new() };
    format!(
        "A criterion weighted {} or more is a must: an option trailing the best by more than {} points there ({} at weight 5) loses a growing share of its total, and is ruled out at a gap of {} ({} at weight 5). From weight {} the discount fades in.",
        Number(VETO_WEIGHT),
        Number(four.preference),
        Number(five.preference),
        Number(four.veto),
        Number(five.veto),
        Number(DISCORDANCE_FROM_WEIGHT),
    )
}

/// Distance to a flip as a share of the trait's range (log range for logarithmic traits).
fn relative_distance(t: &TraitSensitivity) -> f64 {
    let meta = t.id.meta();
    let Some(at) = t.flip_at else { return f64::INFINITY };
    if meta.logarithmic && meta.min > 0.0 && at > 0.0 && t.value > 0.0 {
        (at / t.value).ln().abs() / (meta.max / meta.min).ln()
    } else {
        (at - t.value).abs() / (meta.max - meta.min)
    }
}

/// What became of the verdict from A to B, saying what changed and only that: "The verdict
/// changes: VMs lead in A, containers in B.", "VMs lead in A and in B, but B is too close to
/// call: ahead by 8.0 in A, by 2.1 in B.", "Same verdict: VMs lead in A and in B; the margin
/// moves from 8.0 to 12.3 points.", "Same verdict: VMs lead in A and in B by 8.0 points."
pub fn verdict_change(comparison: &Comparison) -> String {
    let points = |value: f64| Score(value).to_string();
    match comparison.verdict {
        VerdictChange::Leader { a, b } => {
            format!("The verdict changes: {} lead in A, {} in B.", capitalise(a.spec().plural), b.spec().plural)
        }
        VerdictChange::Firmness { leader, close_in_a, margin } => {
            let (close, clear) = if close_in_a { ("A", "B") } else { ("B", "A") };
            format!(
                "{} lead in A and in B, but only {clear} is a clear lead; {close} is too close to call \
                 (ahead by {} in A, by {} in B).",
                capitalise(leader.spec().plural),
                points(margin.a),
                points(margin.b)
            )
        }
        VerdictChange::Margin { leader, close_call, margin } => {
            let lead = if close_call {
                format!("too close to call in A and in B, {} ahead", leader.spec().plural)
            } else {
                format!("{} lead in A and in B", leader.spec().plural)
            };
            if shown_change(margin.a, margin.b) == 0.0 {
                format!("Same verdict: {lead} by {} points.", points(margin.a))
            } else {
                format!(
                    "Same verdict: {lead}; the margin moves from {} to {} points.",
                    points(margin.a),
                    points(margin.b)
                )
            }
        }
    }
}

/// Every option's overall score and whether the lead changed hands, in one sentence, from
/// A (the baseline) to B.
pub fn comparison_summary(comparison: &Comparison) -> String {
    let settings = match comparison.differences.len() {
        0 => "no setting changed".to_owned(),
        1 => "1 setting changed".to_owned(),
        n => format!("{n} settings changed"),
    };
    format!("Since the baseline ({settings}): {}.", moves_and_lead(comparison))
}

/// A what-if on a slide, from the slide as it was (A) to the slide now (B): the settings
/// moved, then every option's score and the lead. "What if Isolation need 3/10 → 9/10: VMs
/// 61.0 → 70.2 (+9.2), containers 66.3 → 58.0 (−8.3); the lead passes from containers to VMs."
pub fn what_if_summary(comparison: &Comparison) -> String {
    let moved: Vec<String> = comparison
        .differences
        .iter()
        .map(|difference| {
            let key = difference.field.rsplit('.').next().unwrap_or(&difference.field);
            let label = TRAITS.iter().find(|meta| meta.key == key).map_or(key, |meta| meta.label);
            format!("{label} {} → {}", difference.a, difference.b)
        })
        .collect();
    format!("What if {}: {}.", join(&moved), moves_and_lead(comparison))
}

/// "VMs 61.0 → 70.2 (+9.2), containers 66.3 → 58.0 (−8.3); the lead passes from containers
/// to VMs".
fn moves_and_lead(comparison: &Comparison) -> String {
    let moves: Vec<String> = comparison
        .options
        .iter()
        .map(|o| {
            format!(
                "{} {} → {} ({})",
                o.option.spec().plural,
                Score(o.score.a),
                Score(o.score.b),
                score_change(o.score.a, o.score.b)
            )
        })
        .collect();
    let (a, b) = (comparison.leader_a.spec().plural, comparison.leader_b.spec().plural);
    let lead = if comparison.leader_a == comparison.leader_b {
        format!("{b} still lead")
    } else {
        format!("the lead passes from {a} to {b}")
    };
    format!("{}; {lead}", moves.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::compare::compare;
    use crate::model::{OptionId, Profile, Workload, evaluate};

    #[test]
    fn a_burstable_host_says_what_it_sustains() {
        let mut profile = Profile::default();
        "aws/t3.large".clone_into(&mut profile.environment.host);
        let evaluation = evaluate(&profile, crate::builtin::catalogs());
        let said: Vec<String> = evaluation.warnings.iter().map(warning).collect();
        assert!(
            said.iter()
                .any(|line| line.starts_with("aws/t3.large is burstable: it sustains 30 % of its 2 vCPUs (0.6 vCPUs)")),
            "{said:?}"
        );
        "aws/m6i.large".clone_into(&mut profile.environment.host);
        let evaluation = evaluate(&profile, crate::builtin::catalogs());
        assert!(!evaluation.warnings.iter().any(|w| matches!(w, Warning::BurstableHost { .. })));
    }

    #[test]
    fn money_in_flip_points_carries_its_currency() {
        let meta = TraitId::HostCostPerMonth.meta();
        assert_eq!(
            flip_hint(meta, 1500.0, OptionId::CONTAINER, "EUR"),
            "At 1500 EUR/month the lead changes: containers come out ahead"
        );
        // Values that round alike get the decimals that tell them apart, and keep the currency.
        let (at, now) = distinct_values(meta, 1200.4, 1200.2, "USD");
        assert_eq!((at.as_str(), now.as_str()), ("1200.4 USD/month", "1200.2 USD/month"));
        let cores = TraitId::CpuPerInstance.meta();
        assert_eq!(
            distinct_values(cores, 0.5, 0.25, "USD"),
            (cores.format(0.5), cores.format(0.25)),
            "no money, no currency"
        );
    }

    #[test]
    fn comparison_summary_names_every_move_and_the_lead() {
        let base = Profile::default();
        let mut hostile = Profile::default();
        *hostile.workload_mut() = Workload { isolation_need: 10, legacy_coupling: 10, ..Workload::default() };
        let [a, b] = [&base, &hostile].map(|profile| evaluate(profile, crate::builtin::catalogs()));
        let summary = comparison_summary(&compare(&base, &a, &hostile, &b));
        assert!(summary.starts_with("Since the baseline (2 settings changed): VMs "), "{summary}");
        assert!(summary.ends_with("the lead passes from containers to VMs."), "{summary}");
        let same = comparison_summary(&compare(&base, &a, &base, &a));
        assert!(
            same.contains("no setting changed") && same.contains("(0.0)") && same.ends_with("containers still lead."),
            "{same}"
        );
    }

    /// Says what changed, and only that: never "VMs lead in A, VMs in B".
    #[test]
    fn the_verdict_change_names_what_moved() {
        use crate::model::compare::Delta;
        let profile = Profile::default();
        let evaluation = evaluate(&profile, crate::builtin::catalogs());
        let mut comparison = compare(&profile, &evaluation, &profile, &evaluation);
        let (vm, container) = (OptionId::VM, OptionId::CONTAINER);
        let mut said = |change: VerdictChange| {
            comparison.verdict = change;
            verdict_change(&comparison)
        };
        assert_eq!(
            said(VerdictChange::Leader { a: vm, b: container }),
            "The verdict changes: VMs lead in A, containers in B."
        );
        let margin = Delta { a: 2.1, b: 8.0 };
        assert_eq!(
            said(VerdictChange::Firmness { leader: vm, close_in_a: true, margin }),
            "VMs lead in A and in B, but only B is a clear lead; A is too close to call (ahead by 2.1 in A, by 8.0 in B)."
        );
        let margin = Delta { a: 8.0, b: 2.1 };
        assert_eq!(
            said(VerdictChange::Firmness { leader: vm, close_in_a: false, margin }),
            "VMs lead in A and in B, but only A is a clear lead; B is too close to call (ahead by 8.0 in A, by 2.1 in B)."
        );
        let margin = Delta { a: 8.0, b: 12.3 };
        assert_eq!(
            said(VerdictChange::Margin { leader: vm, close_call: false, margin }),
            "Same verdict: VMs lead in A and in B; the margin moves from 8.0 to 12.3 points."
        );
        let margin = Delta { a: 2.1, b: 1.4 };
        assert_eq!(
            said(VerdictChange::Margin { leader: container, close_call: true, margin }),
            "Same verdict: too close to call in A and in B, containers ahead; the margin moves from 2.1 to 1.4 points."
        );
        let margin = Delta { a: 8.04, b: 7.96 };
        assert_eq!(
            said(VerdictChange::Margin { leader: vm, close_call: false, margin }),
            "Same verdict: VMs lead in A and in B by 8.0 points."
        );
    }
}
