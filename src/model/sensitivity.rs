//! How robust is the answer? For every trait, the value where the leader changes and how far
//! away it is; a tornado of how much each trait moves the margin; and the smallest change of a
//! single weight that changes the leader (the MCDA "critical criterion").

use std::cell::RefCell;

use super::catalogs::Catalogs;
use super::criteria::{CriterionId, MAX_WEIGHT};
use super::evaluation::{Scored, Standings};
use super::options::{OptionId, OptionSpec};
use super::profile::Profile;
use super::site::Site;
use super::traits::{TRAITS, TraitId, TraitKind, TraitMeta};

/// Share of a trait's range the tornado moves it each way (of the log range for log traits).
pub const TORNADO_SHARE: f64 = 0.2;

/// Samples across a trait's whole range when sweeping a real-valued or wide range for flip
/// points. Each side of today's value gets its share, so the density does not depend on
/// where today's value sits (and a value near one end does not buy a second full sweep).
const SWEEP_SAMPLES: usize = 16;

/// Bisection steps refining a flip point of a real-valued trait (range / 2^12 precision).
const REFINE_STEPS: usize = 12;

/// Robustness of the current answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    /// Option leading now (the verdict's leader) and the runner-up the margins refer to.
    pub leader: OptionId,
    pub runner_up: Option<OptionId>,
    /// One entry per trait, biggest tornado swing first.
    pub traits: Vec<TraitSensitivity>,
    pub critical_weight: Option<CriticalWeight>,
}

impl Sensitivity {
    /// The entry for one trait.
    pub fn of(&self, id: TraitId) -> Option<&TraitSensitivity> {
        self.traits.iter().find(|t| t.id == id)
    }
}

/// How one trait bears on the answer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TraitSensitivity {
    pub id: TraitId,
    pub value: f64,
    /// Nearest value within the trait's range at which another option takes the lead.
    pub flip_at: Option<f64>,
    /// The option leading past `flip_at`.
    pub flips_to: Option<OptionId>,
    /// `flip_at − value` (signed), when there is a flip.
    pub distance: Option<f64>,
    /// When the flip comes from a veto: the must on which today's leader is ruled out there.
    pub ruled_out_on: Option<CriterionId>,
    /// The tornado's low and high values of the trait.
    pub low: f64,
    pub high: f64,
    /// Leader's minus runner-up's overall score (0–100 points) at `low` and at `high`.
    pub margin_low: f64,
    pub margin_high: f64,
}

impl TraitSensitivity {
    /// How much the margin moves across the tornado's range, in points.
    pub fn swing(&self) -> f64 {
        (self.margin_high - self.margin_low).abs()
    }
}

/// The smallest single-weight change that changes the leader.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CriticalWeight {
    pub criterion: CriterionId,
    pub from: f64,
    /// The weight at which the new leader takes over (a tie, for score-driven changes).
    pub to: f64,
    pub new_leader: OptionId,
}

impl CriticalWeight {
    pub fn change(&self) -> f64 {
        self.to - self.from
    }

    /// Change relative to the current weight; `None` when the weight is 0.
    pub fn relative(&self) -> Option<f64> {
        (self.from > 0.0).then(|| self.change() / self.from)
    }
}

/// Analyses a profile against the options it compares, in its order.
pub fn analyse(profile: &Profile, catalogs: &'static Catalogs) -> Sensitivity {
    analyse_options(profile, catalogs, &profile.option_specs())
}

/// Analyses a profile against any list of options.
pub fn analyse_options(profile: &Profile, catalogs: &'static Catalogs, options: &[&'static OptionSpec]) -> Sensitivity {
    let values = catalogs.assumptions.resolve(&profile.assumptions);
    let scored = Scored::new(profile, values, Site::resolve(profile, catalogs), options);
    let now = scored.standings_with(&scored.weights);
    let probe = Probe { profile, scratch: RefCell::new(profile.clone()), scored: &scored, now };

    let mut traits: Vec<TraitSensitivity> = TRAITS.iter().map(|meta| probe.trait_sensitivity(meta)).collect();
    traits.sort_by(|a, b| b.swing().total_cmp(&a.swing()));

    Sensitivity {
        leader: options[now.leader].id(),
        runner_up: now.runner_up.map(|o| options[o].id()),
        traits,
        critical_weight: critical_weight(&scored, now, options),
    }
}

struct Probe<'a> {
    profile: &'a Profile,
    /// The profile with one trait moved; every other trait is the profile's.
    scratch: RefCell<Profile>,
    /// The profile as it is.
    scored: &'a Scored,
    now: Standings,
}

impl Probe<'_> {
    /// Scores with one trait set to `value`.
    fn scored(&self, id: TraitId, value: f64) -> Scored {
        let mut profile = self.scratch.borrow_mut();
        profile.set(id, value);
        let scored = self.scored.variant(&profile, id);
        profile.copy_trait(self.profile, id);
        scored
    }

    /// Leader and margin (leader − runner-up of today) with one trait set to `value`.
    fn at(&self, id: TraitId, value: f64) -> (usize, f64) {
        let scored = self.scored(id, value);
        let score = |o: usize| scored.overall_of(o, &scored.weights);
        let margin = self.now.runner_up.map_or(0.0, |r| score(self.now.leader) - score(r));
        (scored.leader_with(&scored.weights), margin)
    }

    /// The must on which today's leader is ruled out with one trait set to `value`, if any.
    fn veto_at(&self, id: TraitId, value: f64) -> Option<CriterionId> {
        let scored = self.scored(id, value);
        let found = scored.discordances_with(&scored.weights).swap_remove(self.now.leader);
        found.iter().find(|d| d.discordance >= 1.0).map(|d| scored.criteria[d.criterion])
    }

    fn trait_sensitivity(&self, meta: &TraitMeta) -> TraitSensitivity {
        let value = self.profile.get(meta.id);
        if self.profile.unstated(meta.section) {
            // Moving a team field states the team and prices people (a node-agent field, the
            // agents): a new question, not a step along this one, so an unstated section
            // neither swings nor flips the answer.
            let score = |o: usize| self.scored.overall_of(o, &self.scored.weights);
            let now = self.now.runner_up.map_or(0.0, |r| score(self.now.leader) - score(r));
            return TraitSensitivity {
                id: meta.id,
                value,
                flip_at: None,
                flips_to: None,
                distance: None,
                ruled_out_on: None,
                low: value,
                high: value,
                margin_low: now,
                margin_high: now,
            };
        }
        let (low, high) = tornado_range(meta, value);
        let (_, margin_low) = self.at(meta.id, low);
        let (_, margin_high) = self.at(meta.id, high);
        let flip = self.nearest_flip(meta, value);
        TraitSensitivity {
            id: meta.id,
            value,
            flip_at: flip.map(|(x, _)| x),
            flips_to: flip.map(|(_, o)| self.scored.spec(o).id()),
            distance: flip.map(|(x, _)| x - value),
            ruled_out_on: flip.and_then(|(x, _)| self.veto_at(meta.id, x)),
            low,
            high,
            margin_low,
            margin_high,
        }
    }

    /// The flip point nearest to `value`, on either side, with the option leading past it.
    fn nearest_flip(&self, meta: &TraitMeta, value: f64) -> Option<(f64, usize)> {
        let leader = self.now.leader;
        let below = sweep_values(meta, meta.min, value);
        let above = sweep_values(meta, value, meta.max);
        let down = self.first_change(meta, below.iter().rev().copied(), value, leader);
        let up = self.first_change(meta, above.iter().copied(), value, leader);
        match (down, up) {
            (Some(d), Some(u)) => Some(if (value - d.0) <= (u.0 - value) { d } else { u }),
            (d, u) => d.or(u),
        }
    }

    /// Walks samples away from `start`; at the first one led by another option, bisects back
    /// to the first value (whole values for integer traits) where that option leads.
    fn first_change(
        &self,
        meta: &TraitMeta,
        samples: impl Iterator<Item = f64>,
        start: f64,
        leader: usize,
    ) -> Option<(f64, usize)> {
        let mut inside = start;
        for sample in samples {
            if sample == start {
                continue;
            }
            let (who, _) = self.at(meta.id, sample);
            if who != leader {
                return Some(self.refine(meta, inside, (sample, who), leader));
            }
            inside = sample;
        }
        None
    }

    /// Narrows a flip between `inside` (today's leader) and `outside` (where `who` leads).
    fn refine(
        &self,
        meta: &TraitMeta,
        mut inside: f64,
        (mut outside, mut who): (f64, usize),
        leader: usize,
    ) -> (f64, usize) {
        let whole = meta.kind != TraitKind::Real;
        for _ in 0..REFINE_STEPS {
            let gap = (outside - inside).abs();
            if (whole && gap <= 1.0) || gap <= (meta.max - meta.min) * f64::EPSILON {
                break;
            }
            let mid = if whole { midpoint_whole(inside, outside) } else { midpoint(meta, inside, outside) };
            let (at_mid, _) = self.at(meta.id, mid);
            if at_mid == leader {
                inside = mid;
            } else {
                outside = mid;
                who = at_mid;
            }
        }
        (outside, who)
    }
}

/// Sample values from `from` to `to` (inclusive): every whole value for small integer ranges,
/// otherwise evenly spaced (in log space for logarithmic traits).
fn sweep_values(meta: &TraitMeta, from: f64, to: f64) -> Vec<f64> {
    if meta.kind != TraitKind::Real && to - from <= SWEEP_SAMPLES as f64 {
        let mut values = Vec::new();
        let mut x = from.ceil();
        while x <= to {
            values.push(x);
            x += 1.0;
        }
        if values.first() != Some(&from) {
            values.insert(0, from);
        }
        if values.last() != Some(&to) {
            values.push(to);
        }
        return values;
    }
    let span = |a: f64, b: f64| if meta.logarithmic && a > 0.0 { (b / a).ln() } else { b - a };
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a share of 16, at least 2")]
    let samples = ((SWEEP_SAMPLES as f64 * span(from, to) / span(meta.min, meta.max)).ceil() as usize).max(2);
    (0..=samples)
        .map(|i| {
            let t = i as f64 / samples as f64;
            let x = if meta.logarithmic && from > 0.0 { from * (to / from).powf(t) } else { from + (to - from) * t };
            if meta.kind == TraitKind::Real { x } else { x.round() }
        })
        .collect()
}

fn midpoint(meta: &TraitMeta, a: f64, b: f64) -> f64 {
    if meta.logarithmic && a > 0.0 && b > 0.0 { (a * b).sqrt() } else { f64::midpoint(a, b) }
}

fn midpoint_whole(inside: f64, outside: f64) -> f64 {
    let mid = f64::midpoint(inside, outside).round();
    if mid == inside || mid == outside { inside + (outside - inside).signum() } else { mid }
}

/// The tornado's low and high values: ±20% of the range (of the log range for logarithmic
/// traits), one step for 0–10 ratings, both states for flags; clamped to the range.
pub fn tornado_range(meta: &TraitMeta, value: f64) -> (f64, f64) {
    match meta.kind {
        TraitKind::Flag => (0.0, 1.0),
        TraitKind::Integer if meta.max - meta.min <= 10.0 => ((value - 1.0).max(meta.min), (value + 1.0).min(meta.max)),
        _ if meta.logarithmic && meta.min > 0.0 => {
            let factor = (meta.max / meta.min).powf(TORNADO_SHARE);
            (meta.clamp(value / factor), meta.clamp(value * factor))
        }
        _ => {
            let step = (meta.max - meta.min) * TORNADO_SHARE;
            (meta.clamp(value - step), meta.clamp(value + step))
        }
    }
}

/// Steps of the scan for the critical weight over 0–5.
const WEIGHT_STEPS: usize = 20;

/// The smallest change of one weight that hands the lead to another option. Graded vetoes
/// make overall scores non-linear in a weight, so each weight is scanned outward from its
/// value in steps of 0.25 and the first change of leader bisected to 1e-9.
fn critical_weight(scored: &Scored, now: Standings, options: &[&'static OptionSpec]) -> Option<CriticalWeight> {
    let weights = &scored.weights;
    let mut trial = weights.clone();
    let mut leader_at = |c: usize, w: f64| {
        trial[c] = w;
        let leader = scored.leader_with(&trial);
        trial[c] = weights[c];
        leader
    };
    let step = MAX_WEIGHT / WEIGHT_STEPS as f64;
    let mut best: Option<CriticalWeight> = None;
    for (c, &criterion) in scored.criteria.iter().enumerate() {
        let from = weights[c];
        for direction in [-1.0, 1.0] {
            let mut inside = from;
            let mut k = 1.0;
            loop {
                let to = (from + direction * k * step).clamp(0.0, MAX_WEIGHT);
                if best.is_some_and(|b| b.change().abs() <= (to - from).abs()) {
                    break;
                }
                if leader_at(c, to) != now.leader {
                    let (mut inside, mut outside) = (inside, to);
                    for _ in 0..40 {
                        let mid = f64::midpoint(inside, outside);
                        if leader_at(c, mid) == now.leader { inside = mid } else { outside = mid }
                    }
                    best = Some(CriticalWeight {
                        criterion,
                        from,
                        to: outside,
                        new_leader: options[leader_at(c, outside)].id(),
                    });
                    break;
                }
                if to <= 0.0 || to >= MAX_WEIGHT {
                    break;
                }
                inside = to;
                k += 1.0;
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;

    fn analyse_default(profile: &Profile) -> Sensitivity {
        analyse(profile, crate::model::catalogs::shipped())
    }

    /// A profile built so that the verdict turns on OS diversity alone: every other criterion
    /// is weighted 0, OS flexibility 1 and portability 1. Containers then score
    /// (10 − 0.9·d) + (9 − 0.4·d − 0.3·legacy) against the VM's 10 + 5, with d the OS
    /// diversity 0–10. With legacy coupling 0 the totals tie at d = 4/1.3 ≈ 3.08, so containers
    /// lead up to 3 and VMs from 4 on.
    fn os_diversity_knife_edge() -> Profile {
        let mut p = Profile::default();
        for c in crate::model::CRITERIA {
            p.weights.insert(c.id().key(), 0.0);
        }
        p.weights.insert(CriterionId::OS_FLEXIBILITY.key(), 1.0);
        p.weights.insert(CriterionId::PORTABILITY.key(), 1.0);
        p.workload_mut().legacy_coupling = 0;
        p.workload_mut().os_diversity = 1;
        p
    }

    #[test]
    fn flip_point_of_a_constructed_profile_is_exact() {
        let p = os_diversity_knife_edge();
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        assert_eq!(evaluation.verdict.leader, "container");
        let s = analyse_default(&p);
        let os = s.of(TraitId::OsDiversity).expect("os_diversity analysed");
        assert_eq!(os.flip_at, Some(4.0), "{os:?}");
        assert_eq!(os.flips_to, Some(OptionId::VM));
        assert_eq!(os.distance, Some(3.0));
        // And the flip is real: at 4 the VM leads, at 3 the containers still do.
        let mut at = p.clone();
        at.workload_mut().os_diversity = 4;
        assert_eq!(evaluate(&at, crate::model::catalogs::shipped()).verdict.leader, "vm");
        at.workload_mut().os_diversity = 3;
        assert_eq!(evaluate(&at, crate::model::catalogs::shipped()).verdict.leader, "container");
    }

    #[test]
    fn traits_that_cannot_move_the_answer_have_no_flip() {
        let p = os_diversity_knife_edge();
        let s = analyse_default(&p);
        // With only OS flexibility and portability weighted, replicas change nothing.
        let replicas = s.of(TraitId::Replicas).expect("replicas analysed");
        assert_eq!(replicas.flip_at, None);
        assert!(replicas.swing().abs() < 1e-9);
    }

    /// Hand-computed critical weight: with weights OS flexibility w₁ = 1 and portability
    /// w₂ = 1, OS diversity 1 and legacy 0, containers score 9.1 and 8.6 against the VM's 10 and
    /// 5. Containers lead while 9.1·w₁ + 8.6·w₂ > 10·w₁ + 5·w₂, i.e. 3.6·w₂ > 0.9·w₁: the VM
    /// takes over at w₁ = 4 (a change of 3) or w₂ = 0.25 (a change of 0.75, the smallest).
    #[test]
    fn critical_weight_matches_hand_computation() {
        let p = os_diversity_knife_edge();
        let s = analyse_default(&p);
        let critical = s.critical_weight.expect("a weight change flips this profile");
        assert_eq!(critical.criterion, CriterionId::PORTABILITY);
        assert!((critical.from - 1.0).abs() < 1e-12);
        assert!((critical.to - 0.25).abs() < 1e-6, "{critical:?}");
        assert_eq!(critical.new_leader, "vm");
        assert!((critical.relative().expect("non-zero weight") + 0.75).abs() < 1e-6);
    }

    #[test]
    fn tornado_moves_ratings_one_step_and_wide_ranges_by_a_fifth() {
        let isolation = TraitId::IsolationNeed.meta();
        assert_eq!(tornado_range(isolation, 5.0), (4.0, 6.0));
        assert_eq!(tornado_range(isolation, 0.0), (0.0, 1.0));
        let cost = TraitId::CpuOvercommit.meta();
        let (low, high) = tornado_range(cost, 1.0);
        assert!((low - 1.0).abs() < 1e-12 && high > 1.0);
        let services = TraitId::Services.meta();
        let (low, high) = tornado_range(services, 24.0);
        assert!(low < 24.0 && high > 24.0 && (24.0 / low - high / 24.0).abs() < 1.0, "{low} {high}");
    }

    #[test]
    fn tornado_is_sorted_by_swing_and_covers_every_trait() {
        let s = analyse_default(&Profile::default());
        assert_eq!(s.traits.len(), TRAITS.len());
        assert!(s.traits.windows(2).all(|w| w[0].swing() >= w[1].swing()));
    }

    #[test]
    fn flip_points_agree_with_the_verdict_on_the_default_profile() {
        let p = Profile::default();
        let s = analyse_default(&p);
        for t in &s.traits {
            let Some(flip) = t.flip_at else { continue };
            let mut at = p.clone();
            at.set(t.id, flip);
            let leader = evaluate(&at, crate::model::catalogs::shipped()).verdict.leader;
            assert_eq!(Some(leader), t.flips_to, "{:?} at {flip}", t.id);
        }
    }
}
