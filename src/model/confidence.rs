//! How sure is the verdict? The leader today is the leader at the catalogue's figures and the
//! reader's weights, ratings and counts; each of those is uncertain. This module draws plausible
//! worlds — every assumption across its stated range, every criterion weight and every 0–10
//! rating ±1, every count of the workload within an estimate's spread — scores the options in each and counts how often each leads. "VMs lead in 94 %
//! of plausible worlds" replaces the fixed 10-point band: the verdict is too close to call
//! when the leader's share is under the `close_call_confidence` assumption (0.66, IPCC's
//! "likely"), or its lead under `close_call_min_margin` (2 points), which no world can show.
//!
//! # How a world is drawn
//! * **Assumptions**: a split triangle around the value in force (the profile's override, else
//!   the catalogue's default): half the worlds below it, on a triangle rising from the range's
//!   low end to it, half above, on one falling from it to the high end. The default is the
//!   sourced figure and the range the farthest a profile may plausibly set (a three-point
//!   estimate, as PERT-style risk analysis uses them): a uniform draw would make a 300 s VM
//!   boot as likely as the documented 40 s. The value in force is the median, not only the
//!   peak, because many ranges span every host a profile may name: a plain triangle over
//!   host reservations of 0–16,384 MiB peaking at 512 has its mean near 5.6 GiB, which on a
//!   2-core, 8 GiB host made the leader at the catalogue's figures lead in 2 % of the worlds
//!   (the one-engineer startup of the scenario panel). A range spanning an order of magnitude
//!   or more (max ≥ 10 × min > 0: boot times, pods per node, image sizes) is drawn on the
//!   logarithm, since such figures err by factors, not by amounts; a range from 0 is drawn on
//!   the figure itself.
//! * **Weights**: uniform within ±1 of the profile's weight, clamped to 0–5. A weight is a
//!   judgement in whole steps; the neighbouring step either way is as defensible as the
//!   chosen one. The drawn weights set how much each criterion counts (the weighted sum and
//!   the migration path); the graded vetoes keep the profile's own weights
//!   (`Scored::with_weights`): a must is a constraint the reader states, not an estimate,
//!   and drawing it would turn every criterion weighted 3 into a partial must in half the
//!   worlds — a VM lead of 28 points on the greenfield shop with isolation, legacy coupling
//!   and untrusted code at 10 then held in only 64 % of them, by vetoes on start-up speed,
//!   cost and resource efficiency that no reader asked for.
//! * **Ratings**: every 0–10 rating of the workload (isolation need, legacy coupling, …)
//!   moved by −1, 0 or +1 step, alike likely, for the same reason as the weights: a rating is
//!   a judgement in whole steps.
//! * **Counts** of the workload (services, replicas, peak factor, instance lifespan, deploys a
//!   week): forecasts of its design and load, which err by factors, not by amounts. Each is
//!   multiplied by a factor drawn on the logarithm, on a split triangle from 1/s to s around
//!   1, where s is `trait_estimate_spread` (1.5: the cone of uncertainty at the requirements
//!   stage, 0.67×–1.5×: Boehm 1981, figure 21-1, redrawn in *Software Estimation*, 2006).
//!   Whole counts are rounded, so a monolith (1 service) stays one.
//! * **Not drawn**: the sizes of one instance (memory, CPU, image) are requests the instance
//!   is measured and fitted to (a pod's requests, a VM's vCPUs, the registry's image size),
//!   not forecasts; drawn, a request written as one whole core crosses into a second vCPU in
//!   half the worlds and prices a VM size nobody would buy (on the nightly batch it took the
//!   leader's share from 49 % to 72 % by that cliff alone). Switches and choices of the
//!   workload (nested virtualization, its kernel, privileged pods, arm64 images) are facts a
//!   reader knows, and a flipped one is another workload; the environment (the host and its
//!   price, zones, services per VM, overcommit, hours, the team) is the reader's choice or
//!   the catalogue's fact.
//!   `close_call_confidence`, `close_call_min_margin`, `trait_estimate_spread`, the bill's
//!   discount (`cost_discount_*`) and the spot thresholds (`spot_min_failure_tolerance`,
//!   `spot_max_data_intensity`) are rules of the decision, not facts of the world: never drawn.
//!   The spot replacement share is drawn from a stream of its own (`APART`).
//!
//! Each world is scored on the cheap path (`Scored` without terms: projection and criterion
//! scores, no explanations) and its leader taken as `Scored::leader_with` ranks options, so
//! whatever that ranking rules out (a veto, an option the host cannot run) never leads a world
//! either. The draws are seeded ([`fastrand::Rng::with_seed`]): the same profile and seed
//! always give the same shares, and every profile consumes the same sequence (one number per
//! drawn assumption, one per criterion, one per rating, then one per count), so the
//! components of an estate share their worlds: each component's own counts are moved by the
//! same factors.

use super::assumptions::{AssumptionId, Values};
use super::catalogs::Catalogs;
use super::criteria::MAX_WEIGHT;
use super::evaluation::{Scored, weight};
use super::options::{OptionId, OptionSpec};
use super::plan::all_in_score;
use super::profile::Profile;
use super::shares::{Confidence, EstateConfidence};
use super::site::Site;
use super::traits::TraitId;

/// Plausible worlds drawn per confidence: a share is known to about ±1.5 points (the
/// standard error of a proportion, √(p(1−p)/n), is at most 1.6 % at n = 1,000).
pub const DRAWS: usize = 1000;

/// The seed reports, the command line and the window draw with, so that they agree.
pub const SEED: u64 = 21;

/// The confidence of `counts` leads out of [`DRAWS`] worlds, in the order of `options`.
fn from_counts(options: &[OptionId], counts: &[usize], seed: u64) -> Confidence {
    let shares = options.iter().zip(counts).map(|(id, n)| (*id, *n as f64 / DRAWS as f64)).collect();
    Confidence { shares, draws: DRAWS, seed }
}

/// The confidence of a profile's verdict (its first component for several), over the options
/// it compares.
pub fn confidence(profile: &Profile, catalogs: &'static Catalogs, seed: u64) -> Confidence {
    confidence_options(profile, catalogs, &profile.option_specs(), seed)
}

/// The confidence of a profile's verdict over any list of options (at least one).
pub fn confidence_options(
    profile: &Profile,
    catalogs: &'static Catalogs,
    options: &[&'static OptionSpec],
    seed: u64,
) -> Confidence {
    let mut worlds = Worlds::new(profile, catalogs, seed);
    let mut counts = vec![0; options.len()];
    for _ in 0..DRAWS {
        let (values, weights) = worlds.next();
        let world = worlds.workload(profile);
        let scored = Scored::with_weights(&world, values, worlds.site, weights, options);
        counts[scored.leader_with(&scored.weights)] += 1;
    }
    let ids: Vec<OptionId> = options.iter().map(|spec| spec.id()).collect();
    from_counts(&ids, &counts, seed)
}

/// The confidence of every component of an estate and of its all-in answer, over a list of
/// options (the profile's, as a rule). Costs one [`confidence`] per component.
pub fn estate_confidence(
    profile: &Profile,
    catalogs: &'static Catalogs,
    options: &[&'static OptionSpec],
    seed: u64,
) -> EstateConfidence {
    let focused: Vec<Profile> = (0..profile.components.len()).map(|index| profile.focus(index)).collect();
    // Components share every assumption and weight, so one world serves them all.
    let mut worlds = Worlds::new(&focused[0], catalogs, seed);
    let mut counts = vec![vec![0; options.len()]; focused.len()];
    let mut all_in = vec![0; options.len()];
    for _ in 0..DRAWS {
        let (values, weights) = worlds.next();
        let shifts = worlds.shifts();
        // Per option, whether every component's host offers it: the all-in answer, as the
        // plan's (`Plan::all_in_verdict`), is among those, unless none is.
        let mut offered = vec![true; options.len()];
        let scores: Vec<Vec<f64>> = focused
            .iter()
            .zip(&mut counts)
            .map(|(focus, counts)| {
                let focus = shifted(focus, &shifts);
                let scored = Scored::with_weights(&focus, values.clone(), worlds.site, weights.clone(), options);
                counts[scored.leader_with(&scored.weights)] += 1;
                for (at, offers) in offered.iter_mut().enumerate() {
                    *offers &= scored.offered(at);
                }
                scored.overall_with(&scored.weights)
            })
            .collect();
        let any = offered.contains(&true);
        let best = (0..options.len())
            .filter(|&at| !any || offered[at])
            .map(|at| (at, all_in_score(profile, &scores, at)))
            .max_by(|a, b| a.1.total_cmp(&b.1))
            .map_or(0, |(at, _)| at);
        all_in[best] += 1;
    }
    let ids: Vec<OptionId> = options.iter().map(|spec| spec.id()).collect();
    EstateConfidence {
        components: counts.iter().map(|counts| from_counts(&ids, counts, seed)).collect(),
        all_in: from_counts(&ids, &all_in, seed),
    }
}

/// The confidences of a profile as the window shows them: of each component and the estate's
/// all-in answer for several, of its one verdict (as its one component and its all-in) else;
/// over the profile's options.
pub fn profile_confidence(profile: &Profile, catalogs: &'static Catalogs, seed: u64) -> EstateConfidence {
    if profile.is_mixed() {
        estate_confidence(profile, catalogs, &profile.option_specs(), seed)
    } else {
        let one = confidence(profile, catalogs, seed);
        EstateConfidence { components: vec![one.clone()], all_in: one }
    }
}

/// Assumptions drawn from streams of their own: how a fleet is bought changes its bill, and a
/// packet data plane's loss behind a hypervisor its throughput, not the worlds of every other
/// figure, so a profile bought on demand and with no data plane draws exactly the worlds it
/// drew before either existed, and choosing spot or a data plane moves no other draw.
const APART: [AssumptionId; 2] = [AssumptionId::SpotReplacementShare, AssumptionId::VmPacketEfficiency];

/// Mixed into the seed of the [`APART`] streams (any constant other than 0 keeps them apart),
/// plus the assumption's place in [`APART`], so that each keeps the draws it had alone.
const APART_STREAM: u64 = 0x5350_4f54;

/// The seeded source of plausible worlds for one profile.
struct Worlds {
    rng: fastrand::Rng,
    /// The [`APART`] assumptions, each with its range and its own stream.
    apart: [(AssumptionId, f64, f64, fastrand::Rng); 2],
    /// The values in force: each draw's peak, and its starting point.
    values: Values,
    /// The host and flavour every world runs on (no world moves them).
    site: Site,
    /// The profile's weights, in the catalogs' criteria order.
    weights: Vec<f64>,
    /// The assumptions drawn, with their ranges.
    drawn: Vec<(AssumptionId, f64, f64)>,
    /// The logarithm of `trait_estimate_spread`: how far a count or size may be off, either way.
    ln_spread: f64,
}

impl Worlds {
    fn new(profile: &Profile, catalogs: &'static Catalogs, seed: u64) -> Self {
        let assumptions = &catalogs.assumptions;
        let drawn = AssumptionId::ALL
            .iter()
            .filter(|id| {
                !matches!(
                    id,
                    AssumptionId::CloseCallConfidence
                        | AssumptionId::CloseCallMinMargin
                        | AssumptionId::TraitEstimateSpread
                        | AssumptionId::CostDiscountFromRatio
                        | AssumptionId::CostDiscountPerDecade
                        | AssumptionId::SpotMinFailureTolerance
                        | AssumptionId::SpotMaxDataIntensity
                ) && !APART.contains(id)
            })
            .map(|id| {
                let spec = &assumptions.specs()[*id as usize];
                (*id, spec.min, spec.max)
            })
            .collect();
        let mut stream = APART_STREAM;
        let apart = APART.map(|id| {
            let spec = &assumptions.specs()[id as usize];
            let rng = fastrand::Rng::with_seed(seed ^ stream);
            stream += 1;
            (id, spec.min, spec.max, rng)
        });
        let values = assumptions.resolve(&profile.assumptions);
        Self {
            rng: fastrand::Rng::with_seed(seed),
            apart,
            site: Site::resolve(profile, catalogs),
            ln_spread: values.get(AssumptionId::TraitEstimateSpread).max(1.0).ln(),
            values,
            weights: catalogs.criteria.iter().map(|c| weight(profile, *c)).collect(),
            drawn,
        }
    }

    /// The next world's shift of the workload's traits: every 0–10 rating by −1, 0 or +1
    /// step, alike likely; every count by a factor within the estimate's spread.
    fn shifts(&mut self) -> Vec<(TraitId, Shift)> {
        let ratings: Vec<(TraitId, Shift)> =
            RATINGS.iter().map(|&id| (id, Shift::By(f64::from(self.rng.u8(0..3)) - 1.0))).collect();
        let ln = self.ln_spread;
        let estimates: Vec<(TraitId, Shift)> = ESTIMATES
            .iter()
            .map(|&id| (id, Shift::Times(split_triangular(self.rng.f64(), -ln, 0.0, ln).exp())))
            .collect();
        ratings.into_iter().chain(estimates).collect()
    }

    /// The workload in the next world: its ratings and estimates moved as [`Self::shifts`].
    fn workload(&mut self, profile: &Profile) -> Profile {
        shifted(profile, &self.shifts())
    }

    /// The next world's assumption values and weights.
    fn next(&mut self) -> (Values, Vec<f64>) {
        let mut values = self.values.clone();
        for &(id, min, max) in &self.drawn {
            let u = self.rng.f64();
            values.set(id, draw_in_range(u, min, self.values.get(id), max));
        }
        for (id, min, max, rng) in &mut self.apart {
            let u = rng.f64();
            values.set(*id, draw_in_range(u, *min, self.values.get(*id), *max));
        }
        let weights = self.weights.iter().map(|w| (w + 2.0 * self.rng.f64() - 1.0).clamp(0.0, MAX_WEIGHT)).collect();
        (values, weights)
    }
}

/// The workload's 0–10 ratings: judgements in whole steps, like the weights.
const RATINGS: [TraitId; 11] = [
    TraitId::DataIntensity,
    TraitId::Chattiness,
    TraitId::IsolationNeed,
    TraitId::UntrustedCode,
    TraitId::OsDiversity,
    TraitId::ImageTrust,
    TraitId::ComplianceStrictness,
    TraitId::StartLatencySensitivity,
    TraitId::LegacyCoupling,
    TraitId::TeamContainerMaturity,
    TraitId::FailureTolerance,
];

/// The workload's counts: forecasts of its design and load, off by factors. The sizes of one
/// instance (memory, CPU, image) are not here: see the module's documentation.
const ESTIMATES: [TraitId; 5] =
    [TraitId::Services, TraitId::Replicas, TraitId::PeakFactor, TraitId::LifespanDays, TraitId::DeploysPerWeek];

/// How a world moves one trait.
#[derive(Clone, Copy, Debug)]
enum Shift {
    /// A rating, by whole steps.
    By(f64),
    /// A count or size, by a factor.
    Times(f64),
}

/// `profile` with each trait moved by its shift ([`Profile::set`] clamps it to the trait's
/// range and rounds counts and ratings).
fn shifted(profile: &Profile, shifts: &[(TraitId, Shift)]) -> Profile {
    let mut world = profile.clone();
    for &(id, shift) in shifts {
        let value = profile.get(id);
        world.set(
            id,
            match shift {
                Shift::By(steps) => value + steps,
                Shift::Times(factor) => value * factor,
            },
        );
    }
    world
}

/// The value at quantile `u` (0–1) of the split triangle on `min..=max` around `mode`; on the
/// logarithm when the range spans a factor of 10 or more above 0.
fn draw_in_range(u: f64, min: f64, mode: f64, max: f64) -> f64 {
    if min > 0.0 && max >= 10.0 * min {
        split_triangular(u, min.ln(), mode.ln(), max.ln()).exp().clamp(min, max)
    } else {
        split_triangular(u, min, mode, max)
    }
}

/// The inverse CDF of the split triangle on `a..=b` around its median `c`: below the median,
/// a triangle rising from `a` to `c`; above, one falling from `c` to `b`; half the mass each.
fn split_triangular(u: f64, a: f64, c: f64, b: f64) -> f64 {
    let c = c.clamp(a, b);
    if u < 0.5 { a + (c - a) * (2.0 * u).sqrt() } else { b - (b - c) * (2.0 - 2.0 * u).sqrt() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::traits::TraitId;
    use crate::model::{evaluate, sensitivity};

    fn builtin() -> &'static Catalogs {
        crate::model::catalogs::shipped()
    }

    fn option(key: &str) -> OptionId {
        OptionId::from_key(key).expect("registered option")
    }

    /// VMs against containers for a tightly coupled legacy monolith on many operating
    /// systems, run by a team new to containers: VMs far ahead on most criteria.
    fn legacy() -> Profile {
        let mut profile = Profile { options: vec![option("vm"), option("container")], ..Profile::default() };
        for (id, value) in [
            (TraitId::Services, 1.0),
            (TraitId::LegacyCoupling, 10.0),
            (TraitId::OsDiversity, 10.0),
            (TraitId::TeamContainerMaturity, 0.0),
            (TraitId::FailureTolerance, 0.0),
            (TraitId::DeploysPerWeek, 0.5),
        ] {
            profile.set(id, value);
        }
        profile
    }

    #[test]
    fn the_same_seed_gives_the_same_shares_and_they_add_up_to_one() {
        let profile = Profile::default();
        let a = confidence(&profile, builtin(), 5);
        assert_eq!(a, confidence(&profile, builtin(), 5));
        assert_eq!((a.draws, a.seed, a.shares.len()), (DRAWS, 5, profile.options.len()));
        let total: f64 = a.shares.iter().map(|(_, share)| share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
        // Another seed draws other worlds; the shares stay within the sampling error.
        let b = confidence(&profile, builtin(), 6);
        for ((id, x), (_, y)) in a.shares.iter().zip(&b.shares) {
            assert!((x - y).abs() < 0.06, "{id:?}: {x} and {y}");
        }
    }

    #[test]
    fn a_huge_margin_leads_in_nearly_every_world() {
        let profile = legacy();
        let evaluation = evaluate(&profile, builtin());
        assert_eq!(evaluation.verdict.leader, option("vm"));
        assert!(evaluation.verdict.margin > 0.25, "margin {}", evaluation.verdict.margin);
        let drawn = confidence(&profile, builtin(), SEED);
        assert!(drawn.share(evaluation.verdict.leader) > 0.99, "{drawn:?} at {}", evaluation.verdict.margin);
    }

    #[test]
    fn a_near_tie_is_well_under_the_threshold() {
        // The default workload with the weight that changes the leader soonest set to where
        // the two leading options tie, every figure pinned to its default: only the weights
        // are drawn, each symmetrically around a tie, so neither side leads most worlds by
        // much. (With the figures drawn too, a tie at the defaults need not be even: a
        // figure's range is rarely symmetric about its default.)
        let pinned = builtin().with_assumptions(builtin().assumptions.pinned());
        let mut profile = Profile::default();
        let critical = sensitivity::analyse(&profile, pinned).critical_weight.expect("a critical weight");
        profile.weights.insert(critical.criterion.key(), critical.to);
        let evaluation = evaluate(&profile, pinned);
        assert!(evaluation.verdict.margin < 0.001, "margin {}", evaluation.verdict.margin);
        let share = confidence(&profile, pinned, SEED).share(evaluation.verdict.leader);
        let threshold = evaluation.values.get(AssumptionId::CloseCallConfidence);
        assert!(share < threshold - 0.1, "{share} at a tie on {:?}", critical.criterion);
    }

    #[test]
    fn widening_the_leaders_advantage_never_lowers_its_share() {
        // VMs against containers for the default workload: containers lead, and a lower
        // isolation need takes from what VMs' hypervisor is worth, widening the lead.
        let profile = |need: u8| {
            let mut profile = Profile { options: vec![option("vm"), option("container")], ..Profile::default() };
            profile.set(TraitId::IsolationNeed, f64::from(need));
            profile
        };
        let mut last = (0.0, 0.0);
        for need in (0..=10).rev() {
            let evaluation = evaluate(&profile(need), builtin());
            assert_eq!(evaluation.verdict.leader, option("container"));
            let share = confidence(&profile(need), builtin(), SEED).share(option("container"));
            assert!(evaluation.verdict.margin > last.0 && share >= last.1, "need {need}: {share} after {}", last.1);
            last = (evaluation.verdict.margin, share);
        }
    }

    #[test]
    fn the_threshold_decides_the_close_call() {
        let profile = Profile::default();
        let evaluation = evaluate(&profile, builtin());
        let leader = evaluation.verdict.leader;
        let others: Vec<OptionId> = profile.options.iter().copied().filter(|id| *id != leader).collect();
        // 70 % of the worlds for the leader, the rest to one rival.
        let drawn = Confidence {
            shares: std::iter::once((leader, 0.7))
                .chain(others.iter().enumerate().map(|(i, id)| (*id, if i == 0 { 0.3 } else { 0.0 })))
                .collect(),
            draws: DRAWS,
            seed: SEED,
        };
        let clear = evaluation.clone().with_confidence(drawn.clone());
        assert!(!clear.verdict.close_call && clear.verdict.winner == Some(leader), "0.7 ≥ 0.66");
        assert_eq!(clear.verdict.leader_share(), Some(0.7));
        let mut strict = profile.clone();
        strict.assumptions.insert(AssumptionId::CloseCallConfidence, 0.75);
        let close = evaluate(&strict, builtin()).with_confidence(drawn);
        assert!(close.verdict.close_call && close.verdict.winner.is_none(), "0.7 < 0.75");
        assert_eq!(close.verdict.margin, evaluation.verdict.margin, "the margin stays a fact");
    }

    #[test]
    fn an_estates_components_draw_what_each_draws_alone() {
        let mut profile = Profile::default();
        let mut second = profile.components[0].clone();
        second.workload.isolation_need = 9;
        profile.components.push(second);
        let options = profile.option_specs();
        let estate = estate_confidence(&profile, builtin(), &options, SEED);
        for (index, drawn) in estate.components.iter().enumerate() {
            assert_eq!(*drawn, confidence(&profile.focus(index), builtin(), SEED), "component {index}");
        }
        let total: f64 = estate.all_in.shares.iter().map(|(_, share)| share).sum();
        assert!((total - 1.0).abs() < 1e-9, "{total}");
    }

    #[test]
    fn split_triangle_quantiles_are_hand_computed() {
        // On 0..=10 around 2: the median is the value in force.
        assert!((split_triangular(0.5, 0.0, 2.0, 10.0) - 2.0).abs() < 1e-12);
        // u = 0.125: 0 + 2 × √0.25 = 1; u = 0.875: 10 − 8 × √0.25 = 6.
        assert!((split_triangular(0.125, 0.0, 2.0, 10.0) - 1.0).abs() < 1e-12);
        assert!((split_triangular(0.875, 0.0, 2.0, 10.0) - 6.0).abs() < 1e-12);
        assert_eq!((split_triangular(0.0, 0.0, 2.0, 10.0), split_triangular(1.0, 0.0, 2.0, 10.0)), (0.0, 10.0));
        // A value in force at either end: that half of the worlds sits on it.
        assert_eq!(split_triangular(0.25, 0.0, 0.0, 4.0), 0.0);
        assert!((split_triangular(0.75, 0.0, 0.0, 4.0) - (4.0 - 4.0 * 0.5f64.sqrt())).abs() < 1e-12);
        assert_eq!(split_triangular(0.3, 3.0, 3.0, 3.0), 3.0);
    }

    #[test]
    fn ranges_of_a_factor_ten_are_drawn_on_the_logarithm() {
        // 5–300 s around 40 s: the median is 40 s, and a quarter of the worlds lie below
        // 5 × √8 s (halfway up the logarithm's lower triangle: e^(ln 5 + ln 8 × √0.5)).
        assert!((draw_in_range(0.5, 5.0, 40.0, 300.0) - 40.0).abs() < 1e-9);
        let quarter = (5f64.ln() + 8f64.ln() * 0.5f64.sqrt()).exp();
        assert!((draw_in_range(0.25, 5.0, 40.0, 300.0) - quarter).abs() < 1e-9);
        // A range from 0 stays linear: a quarter of 0–4 around 1 lies below √0.5.
        assert!((draw_in_range(0.25, 0.0, 1.0, 4.0) - 0.5f64.sqrt()).abs() < 1e-12);
    }

    #[test]
    fn every_draw_stays_within_its_range() {
        let profile = Profile::default();
        let mut worlds = Worlds::new(&profile, crate::model::catalogs::shipped(), 7);
        for _ in 0..200 {
            let (values, weights) = worlds.next();
            for spec in crate::model::catalogs::shipped().assumptions.specs() {
                let id = AssumptionId::from_key(&spec.id).expect("known id");
                let value = values.get(id);
                assert!(spec.min <= value && value <= spec.max, "{}: {value}", spec.id);
            }
            for (w, own) in weights.iter().zip(&worlds.weights) {
                assert!((0.0..=MAX_WEIGHT).contains(w) && (w - own).abs() <= 1.0, "{w} from {own}");
            }
        }
    }

    #[test]
    fn counts_are_drawn_within_the_estimates_spread_and_sizes_stay() {
        let mut profile = Profile::default();
        profile.set(TraitId::Services, 40.0);
        profile.set(TraitId::LifespanDays, 30.0);
        let mut worlds = Worlds::new(&profile, crate::model::catalogs::shipped(), 11);
        // 1.5 by default: a third less to half more (the cone at the requirements stage).
        assert!((worlds.ln_spread - 1.5f64.ln()).abs() < 1e-12);
        let (mut below, mut above) = (0, 0);
        for _ in 0..400 {
            let _ = worlds.next();
            let world = worlds.workload(&profile);
            // 40 services: 40 / 1.5 = 26.7 → 27 at least, 40 × 1.5 = 60 at most.
            let services = world.get(TraitId::Services);
            assert!((27.0..=60.0).contains(&services) && services.fract() == 0.0, "{services}");
            let lifespan = world.get(TraitId::LifespanDays);
            assert!((20.0 - 1e-9..=45.0 + 1e-9).contains(&lifespan), "{lifespan}");
            below += usize::from(lifespan < 30.0);
            above += usize::from(lifespan > 30.0);
            for id in [TraitId::MemoryPerInstanceMib, TraitId::CpuPerInstance, TraitId::AppImageMib, TraitId::Zones] {
                assert_eq!(world.get(id), profile.get(id), "{id:?} is not drawn");
            }
        }
        // The value in force is the median: about as many worlds on either side.
        assert!(below.abs_diff(above) < 60, "{below} below, {above} above");
        // A monolith stays one service: 1 × a factor under 1.5 rounds to 1.
        let monolith = {
            let mut p = profile.clone();
            p.set(TraitId::Services, 1.0);
            p
        };
        let mut worlds = Worlds::new(&monolith, crate::model::catalogs::shipped(), 11);
        for _ in 0..200 {
            let _ = worlds.next();
            assert_eq!(worlds.workload(&monolith).get(TraitId::Services), 1.0);
        }
    }

    #[test]
    fn the_threshold_is_never_drawn() {
        let mut profile = Profile::default();
        profile.assumptions.insert(AssumptionId::CloseCallConfidence, 0.8);
        let mut worlds = Worlds::new(&profile, crate::model::catalogs::shipped(), 3);
        for _ in 0..20 {
            let values = worlds.next().0;
            assert_eq!(values.get(AssumptionId::CloseCallConfidence), 0.8);
            assert_eq!(values.get(AssumptionId::TraitEstimateSpread), 1.5);
        }
    }
}
