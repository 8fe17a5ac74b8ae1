//! No cliffs: one step of any trait moves the verdict by at most a few points. A step is one
//! unit of a 0–10 rating, 1/20 of any other range (of its logarithm for logarithmic traits),
//! or a flag switched. The verdict moves by the change of the leader's margin while the
//! leader stays, and by the two margins added where the leader changes (a flip through a
//! near-tie adds little; a veto that throws out a clear leader adds a lot).
//!
//! Every trait is swept, `services_per_vm` too: services sharing a VM lose their boundaries
//! as far as one breach then reaches across the estate's service instances (V-SEC-6, read as
//! ln k / ln N), so one more service per VM is a step like any other.

use crate::profile_support;

use podvisor::model::options::REGISTRY;
use podvisor::model::{Evaluation, OptionId, OptionSpec, TRAITS, TraitKind, TraitMeta, evaluate_options};
use podvisor::profile::{Profile, load_file};

/// The largest move one step may cause, in points of the 0–100 scale.
const MAX_STEP: f64 = 8.0;

/// Steps across a range that is not a 0–10 rating.
const STEPS: usize = 20;

/// The leader and its margin over the runner-up.
fn standing(evaluation: &Evaluation) -> (OptionId, f64) {
    let verdict = &evaluation.verdict;
    let score = |id| evaluation.option(id).map_or(0.0, |o| o.score);
    (verdict.leader, verdict.runner_up.map_or(0.0, |r| score(verdict.leader) - score(r)))
}

/// Whether the options the host offers differ between two evaluations (a flag such as
/// `nested_virtualization` rules an option out). Such a step changes a fact, not a score: like
/// choosing another host, it may move the verdict by more than a step of the scores may, and
/// the feasibility tests hold what it may do (the leader is offered, the runner-up too).
fn offered_set_changes(before: &Evaluation, after: &Evaluation) -> bool {
    before.options.iter().zip(&after.options).any(|(a, b)| a.feasibility.is_offered() != b.feasibility.is_offered())
}

/// Every value the sweep visits, in order.
fn sweep(meta: &TraitMeta) -> Vec<f64> {
    match meta.kind {
        TraitKind::Flag => vec![0.0, 1.0],
        TraitKind::Integer if meta.is_rating() => (0..=10).map(f64::from).collect(),
        _ => (0..=STEPS)
            .map(|i| {
                let t = i as f64 / STEPS as f64;
                if meta.logarithmic && meta.min > 0.0 {
                    meta.min * (meta.max / meta.min).powf(t)
                } else if meta.logarithmic {
                    ((meta.max + 1.0).ln() * t).exp() - 1.0
                } else {
                    meta.min + (meta.max - meta.min) * t
                }
            })
            .collect(),
    }
}

/// A step of the verdict: (points, trait, from, to, what happened).
type Step = (f64, &'static str, f64, f64, String);

/// The largest step over the given traits.
fn largest_step(profile: &Profile, options: &[&'static OptionSpec], traits: &[&'static TraitMeta]) -> Step {
    let mut largest: Step = (0.0, "", 0.0, 0.0, String::new());
    for meta in traits {
        let mut previous: Option<(f64, OptionId, f64, Evaluation)> = None;
        for value in sweep(meta) {
            let mut at = profile.clone();
            at.set(meta.id, value);
            let evaluation = evaluate_options(&at, podvisor::builtin::catalogs(), options);
            let (leader, margin) = standing(&evaluation);
            if let Some((from, before, before_margin, before_evaluation)) = &previous {
                let (from, before, before_margin) = (*from, *before, *before_margin);
                if offered_set_changes(before_evaluation, &evaluation) {
                    assert!(
                        evaluation.option(leader).is_some_and(|o| o.feasibility.is_offered())
                            || evaluation.options.iter().all(|o| !o.feasibility.is_offered()),
                        "{}: {} → {value} hands the lead to an option not offered",
                        meta.key,
                        from
                    );
                    eprintln!("{}: {from} → {value} changes what the host offers (not a step of the scores)", meta.key);
                    previous = Some((value, leader, margin, evaluation));
                    continue;
                }
                let (step, what) = if leader == before {
                    ((margin - before_margin).abs(), format!("{} stays", leader.key()))
                } else {
                    (margin + before_margin, format!("{} → {}", before.key(), leader.key()))
                };
                if step > largest.0 {
                    largest = (step, meta.key, from, value, what);
                }
            }
            previous = Some((value, leader, margin, evaluation));
        }
    }
    largest
}

#[test]
fn no_single_step_of_a_trait_moves_the_verdict_by_more_than_eight_points() {
    let mut worst: Step = (0.0, "", 0.0, 0.0, String::new());
    let mut where_worst = String::new();
    let traits: Vec<&TraitMeta> = TRAITS.iter().collect();
    // Each component of a mixed estate is scored on its own, so each is swept on its own.
    let components = profile_support::bundled().into_iter().flat_map(|path| {
        let profile = load_file(&path).unwrap_or_else(|e| panic!("{e}")).profile;
        let label = |index: usize| {
            if profile.is_mixed() {
                format!("{} [{}]", path.display(), profile.components[index].name)
            } else {
                path.display().to_string()
            }
        };
        (0..profile.components.len()).map(|index| (label(index), profile.focus(index))).collect::<Vec<_>>()
    });
    for (label, profile) in components {
        let own = profile.option_specs();
        for options in [own.as_slice(), REGISTRY] {
            let step = largest_step(&profile, options, &traits);
            let name = format!("{label} ({} options)", options.len());
            eprintln!("{name}: largest step {:.2} points, {} {} → {} ({})", step.0, step.1, step.2, step.3, step.4);
            assert!(
                step.0 <= MAX_STEP,
                "{name}: {} from {} to {} moves the verdict {:.2} points ({})",
                step.1,
                step.2,
                step.3,
                step.0,
                step.4
            );
            if step.0 > worst.0 {
                worst = step;
                where_worst = name;
            }
        }
    }
    eprintln!(
        "largest step of all: {:.2} points, {} {} → {} in {where_worst} ({})",
        worst.0, worst.1, worst.2, worst.3, worst.4
    );
}

/// Panel scenarios whose sweep still has a step above the bound, with the trait and why: a
/// ratchet like the expert answers' known gaps (`tests/scenarios/expected.ron`). A listed
/// scenario whose largest step comes within the bound fails until it is taken off.
/// The two the panel had (a VM that fit no type billed as the chosen one; a control-plane node
/// tipping a 1.4-core host) went with issue 21's packing.
const KNOWN_CLIFFS: &[(&str, &str, &str)] = &[(
    "faas_platform",
    "host_memory_gib",
    "64-core hosts of 1 GiB hold one or two pods each: 3,772 container and 7,543 microVM hosts, each \
     carrying the self-managed cluster's DaemonSets (0.25 core); at 1.66 GiB they need half the \
     hosts, so the DaemonSets' CPU halves too, and microVMs' lead moves 8.04 points (10.7 to 18.8), \
     past the bound of 8 on hosts no one buys",
)];

/// The scenario panel's profiles are held to the same bound. Their small hosts make whole-host
/// steps of the bill (a host too small for one more VM, or for a control-plane node) that the
/// bundled profiles do not have.
#[test]
fn the_scenario_panel_has_no_cliffs_but_its_known_ones() {
    let traits: Vec<&TraitMeta> = TRAITS.iter().collect();
    let mut problems = Vec::new();
    for path in profile_support::scenarios() {
        let profile = load_file(&path).unwrap_or_else(|e| panic!("{e}")).profile;
        let name = path.file_stem().expect("a file name").to_string_lossy().into_owned();
        let step = largest_step(&profile, &profile.option_specs(), &traits);
        let line =
            format!("{name}: largest step {:.2} points, {} {} → {} ({})", step.0, step.1, step.2, step.3, step.4);
        eprintln!("{line}");
        match KNOWN_CLIFFS.iter().find(|(known, ..)| *known == name) {
            None if step.0 > MAX_STEP => problems.push(format!("{line}: more than {MAX_STEP} points")),
            Some((_, key, _)) if step.0 <= MAX_STEP || step.1 != *key => {
                problems.push(format!("{line}: listed in KNOWN_CLIFFS for {key}; update or take it off"));
            }
            _ => {}
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
