//! The plan for a mixed estate: each component on the option it should run on, the estate's
//! resources with hosts shared per platform, the all-in alternatives, and the phased path
//! from today's deployment to the plan (Mirantis' advice, M-DEC-3: move piece by piece).
//!
//! # Sharing hosts
//! All components on one option run on one platform: one cluster for the container options
//! (one control plane), one pool of hypervisor hosts for VMs. Hosts of one machine and one
//! reserve are filled together: the hosts' worth each component needs per zone, before
//! rounding up, are added, and the sum is rounded up once (Σ⌈xᵢ⌉ ≥ ⌈Σxᵢ⌉, so sharing never
//! needs more hosts than keeping components apart). Components whose hosts differ — a
//! Windows node keeps more for itself, a right-sized cloud VM is its own host — are added
//! up apart. On cloud hosts the shared count is worked out hour by hour: a component at its
//! peak holds its peak share, the others their steady share. Disk is added up as it is
//! (sharing a node's image layers between components would only lower it).
//!
//! # The path
//! It starts from each component's `current` option, with today's estate costed the same
//! way, and moves one component per step towards its place in the plan, taking only the
//! moves worth their effort. A move is worth it when it saves money on the estate as it
//! stands, or when its component's own verdict clearly prefers where it goes to where it is:
//! the overall score (cost and migration effort included) gains at least the close-call
//! floor (`close_call_min_margin`), the two are not the verdict's close call, and some
//! criterion other than cost and effort gains (what the move buys). A pin is worth it by
//! itself: something outside the model asks for it. The rest stay where they run, each with
//! its reason; when none is worth it, the path is "stay as you are".
//!
//! Order, re-costed on the estate as it stands after each step (hosts are shared, so a
//! move's saving depends on what moved before): moves that save first, the most saved first
//! (a tie to the easier move, the higher migration-effort score); then moves that leave the
//! cost as it was, the most points first; then moves that cost more, the most points per
//! unit of money first.

use std::cmp::Ordering;

use super::assumptions::{AssumptionId, Values};
use super::catalogs::Catalogs;
use super::criteria::CriterionId;
use super::evaluation::{
    Scored, Standings, margin_between, too_close, too_close_by, under_as_shown, within_close_call_margin,
};
use super::format::number_direction;
use super::options::OptionId;
use super::profile::{Environment, Profile};
use super::projection::{self, cloud_monthly, zone_hosts};
use super::resources::{Footprint, Resources};
use super::shares::{Confidence, EstateConfidence};
use super::site::Site;

/// Everything about a mixed estate's placement. For a one-component profile the plan holds
/// that component's verdict and nothing to move.
#[derive(Clone, Debug)]
pub struct Plan {
    /// One per component, in profile order.
    pub components: Vec<Placed>,
    /// One per option the plan uses, in the profile's option order.
    pub platforms: Vec<Platform>,
    /// The mixed estate: every platform's resources added up.
    pub resources: Resources,
    /// Every component on one option, per compared option, in profile order.
    pub versus: Vec<AllIn>,
    /// `path[0]` is today's estate; each later step moves one component, a move worth it.
    pub path: Vec<Step>,
    /// The components the plan places elsewhere than today but the path leaves where they
    /// run, in profile order.
    pub stays: Vec<Stay>,
    /// How often each option leads "all on one platform" across plausible worlds, once drawn.
    pub confidence: Option<Confidence>,
    /// What the path is worked out from, kept so that [`Self::set_confidence`] can work it
    /// out again when the close calls change.
    estate: Estate,
    moves: Vec<Move>,
    /// Whether `path` and `stays` are this plan's own ([`Self::choose_path`]) or, while a
    /// slider is dragged, the last plan's ([`placements`]).
    path_chosen: bool,
    /// The share of worlds and the points a lead needs not to be a close call (the
    /// profile's assumptions, shared by every component).
    close_call_rule: (f64, f64),
}

/// Where one component goes, and how its options rank for it on its own (its
/// [`Profile::focus`]; `evaluate` of that gives the full explanation).
#[derive(Clone, Debug)]
pub struct Placed {
    pub option: OptionId,
    /// Placed by its pin rather than by its scores.
    pub pinned: bool,
    /// The component's own leader and runner-up.
    pub leader: OptionId,
    pub runner_up: Option<OptionId>,
    /// The leader's margin over the runner-up, as [`super::Verdict::margin`].
    pub margin: f64,
    /// As [`super::Verdict::close_call`]: by the leader's share of plausible worlds once
    /// [`Plan::set_confidence`] attached it, provisionally by the margin until then.
    pub close_call: bool,
    /// How often each option leads this component across plausible worlds, once drawn.
    pub confidence: Option<Confidence>,
    /// Overall 0–100 score per compared option, in the profile's order.
    pub scores: Vec<f64>,
}

impl Placed {
    /// The component's overall score on `option`, if compared.
    pub fn score(&self, option: OptionId, options: &[OptionId]) -> Option<f64> {
        options.iter().position(|id| *id == option).map(|at| self.scores[at])
    }
}

/// One platform of the plan: an option and the components on it, hosts shared.
#[derive(Clone, Debug)]
pub struct Platform {
    pub option: OptionId,
    /// Indices into [`Plan::components`].
    pub components: Vec<usize>,
    pub resources: Resources,
}

/// The estate with every component on one option.
#[derive(Clone, Debug)]
pub struct AllIn {
    pub option: OptionId,
    /// The components' overall scores for this option, weighted by their steady instances
    /// (services × replicas): a big tier counts for more than a small one.
    pub score: f64,
    pub resources: Resources,
    /// Whether every component's host offers the option ([`super::feasibility`]).
    pub offered: bool,
}

/// The estate's own answer to "all on one platform": the all-in alternatives ranked as a
/// component's options are, those some component's host cannot run after every one it can.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct AllInVerdict {
    pub leader: Option<OptionId>,
    /// Offered options only.
    pub runner_up: Option<OptionId>,
    /// Leader's score minus the runner-up's, as a share of the 0–100 scale (1 alone).
    pub margin: f64,
    /// By the all-in leader's share of plausible worlds once drawn, by the margin before.
    pub close_call: bool,
    /// The leader where it is offered and no close call.
    pub winner: Option<OptionId>,
}

/// One step of the phased path.
#[derive(Clone, Debug)]
pub struct Step {
    /// The component moved; `None` for today's estate.
    pub component: Option<usize>,
    pub from: OptionId,
    pub to: OptionId,
    /// The estate after this step.
    pub resources: Resources,
    /// What this step saves a month against the one before (negative: it costs more).
    pub saves_monthly: f64,
    /// The migration-effort score (0–10, higher is easier) of `to` for the component moved;
    /// 10 for today's estate.
    pub effort: f64,
    /// Overall points the component gains on its own verdict, `to` against `from`; `None`
    /// for today's estate, and when `from` is not among the options compared.
    pub gain: Option<f64>,
    /// What the move buys: the criteria `to` gains most on, at most three, most first.
    pub buys: Vec<Bought>,
    /// Why the move is worth taking.
    pub worth: Worth,
}

/// Why a step of the path is worth taking.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Worth {
    /// Today's estate: nothing moved.
    Today,
    /// It saves money on the estate as it stands.
    Saves,
    /// Its component's verdict clearly prefers `to`: at least the close-call floor, and what
    /// it buys named.
    Gains,
    /// The component is pinned to `to`.
    Pinned,
}

/// A criterion a move gains on, and by how many overall points (its weighted share).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Bought {
    pub criterion: CriterionId,
    pub points: f64,
}

/// A component the path leaves where it runs, though the plan places it elsewhere.
#[derive(Clone, Debug)]
pub struct Stay {
    pub component: usize,
    /// Where it runs today, and stays.
    pub on: OptionId,
    /// Where the plan places it.
    pub instead_of: OptionId,
    pub reason: Reason,
    /// What moving it last, after every step of the path, would save a month (negative: it
    /// would cost more).
    pub saves_if_moved: f64,
}

/// Why a move is not worth its effort on its component's scores alone (it may still be
/// taken when it saves money).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Reason {
    /// The verdict between the two is a close call; `gain` overall points apart.
    CloseCall { gain: f64 },
    /// The gain is under the close-call floor.
    SmallGain { gain: f64 },
    /// The gain is on cost and migration effort alone: nothing the move buys besides money,
    /// and the move saves none on the estate.
    NothingBought { gain: f64 },
    /// Today's option is not among those compared, so the scores cannot weigh the move.
    NotCompared,
}

/// A component the plan places elsewhere than where it runs, and what its scores say of
/// moving it. Fixed once the plan is scored: confidence changes only the close calls.
#[derive(Clone, Debug)]
struct Move {
    component: usize,
    from: OptionId,
    to: OptionId,
    effort: f64,
    gain: Option<f64>,
    buys: Vec<Bought>,
    /// The `close_call_min_margin` assumption, in overall points.
    floor: f64,
}

impl Plan {
    /// Attaches the confidences drawn for the estate ([`super::confidence::estate_confidence`]):
    /// each component's close call follows its leader's share against `threshold` (the
    /// `close_call_confidence` assumption), as a verdict's does.
    pub fn set_confidence(&mut self, drawn: &EstateConfidence, values: &Values) {
        for (placed, confidence) in self.components.iter_mut().zip(&drawn.components) {
            placed.close_call =
                placed.runner_up.is_some() && too_close(confidence.share(placed.leader), placed.margin, values);
            placed.confidence = Some(confidence.clone());
        }
        self.confidence = Some(drawn.all_in.clone());
        // The path keeps only moves that are no close call, as the verdicts now say (a path
        // still to choose will read them then).
        if self.path_chosen {
            self.choose_path();
        }
    }

    /// Works out the phased path from today through the moves worth taking: a greedy choice
    /// that weighs every move left at every step, each re-costing two shared platforms, so
    /// its cost grows with the cube of the components (0.3 ms at 20, ~0.1 s at 200).
    pub fn choose_path(&mut self) {
        (self.path, self.stays) = self.estate.path(&self.moves, &self.components);
        self.path_chosen = true;
    }

    /// Whether the path is this plan's own, not the one kept from the last plan.
    pub fn is_path_chosen(&self) -> bool {
        self.path_chosen
    }

    /// Keeps `last`'s path until this plan chooses its own, where the estate has the same
    /// components: what the window shows while a slider is dragged.
    pub fn keep_path_of(&mut self, last: &Self) {
        if last.components.len() == self.components.len() {
            (self.path, self.stays) = (last.path.clone(), last.stays.clone());
        }
    }

    /// No move is worth taking: the path ends where it starts.
    pub fn stay(&self) -> bool {
        self.path.len() < 2
    }

    /// What the mix saves a month against every component on `option` (negative: the mix
    /// costs more); `None` when the option is not compared.
    pub fn mix_saves_against(&self, option: OptionId) -> Option<f64> {
        let all_in = self.versus.iter().find(|all_in| all_in.option == option)?;
        Some(all_in.resources.monthly_cost - self.resources.monthly_cost)
    }

    /// The answer "one platform for everything" gives, computed once for every reader (the
    /// JSON's estate verdict, the plan's confidence sentence).
    pub fn all_in_verdict(&self) -> AllInVerdict {
        let mut ranked: Vec<&AllIn> = self.versus.iter().collect();
        ranked.sort_by(|a, b| b.offered.cmp(&a.offered).then(b.score.total_cmp(&a.score)));
        // An option no host can run leads only where nothing is offered, and is nobody's
        // runner-up.
        let ranked: Vec<&AllIn> =
            ranked.iter().enumerate().filter(|(at, all_in)| *at == 0 || all_in.offered).map(|(_, a)| *a).collect();
        let (leader, runner_up) = (ranked.first().map(|a| a.option), ranked.get(1).map(|a| a.option));
        let margin = match (ranked.first(), ranked.get(1)) {
            (Some(a), Some(b)) => margin_between(a.score, b.score),
            _ => 1.0,
        };
        let close_call = runner_up.is_some()
            && match (&self.confidence, leader) {
                (Some(drawn), Some(leader)) => too_close_by(drawn.share(leader), margin, self.close_call_rule),
                _ => within_close_call_margin(margin),
            };
        let offered = ranked.first().is_some_and(|a| a.offered);
        let winner = leader.filter(|_| offered && !close_call);
        AllInVerdict { leader, runner_up, margin, close_call, winner }
    }

    /// Components placed on `option`.
    pub fn on(&self, option: OptionId) -> impl Iterator<Item = usize> + '_ {
        self.components.iter().enumerate().filter(move |(_, placed)| placed.option == option).map(|(index, _)| index)
    }
}

/// Plans a profile's estate. Components are ranked by their scores alone (no explanations:
/// `evaluate` of a component's [`Profile::focus`] gives those), which keeps a 20-component
/// plan well under a millisecond.
pub fn plan(profile: &Profile, catalogs: &'static Catalogs) -> Plan {
    let mut plan = placements(profile, catalogs);
    plan.choose_path();
    plan
}

/// The plan but its path: where each component goes, the platforms and the estate beside
/// every all-in alternative, with `path` today's estate alone until [`Plan::choose_path`].
/// A few milliseconds at 200 components; the window re-plans with it on every frame of a
/// drag and chooses the path once the drag ends.
pub fn placements(profile: &Profile, catalogs: &'static Catalogs) -> Plan {
    let specs = profile.option_specs();
    // Without a migration-effort criterion every move reads as effortless.
    let effort =
        |scored: &Scored, o: usize| scored.position(CriterionId::MIGRATION_EFFORT).map_or(10.0, |c| scored.score(o, c));
    let mut on_cloud = false;
    let mut moves = Vec::new();
    // Per option (in `specs`' order), whether every component's host offers it so far.
    let mut offered = vec![true; specs.len()];
    let mut close_call_rule = (0.0, 0.0);
    let (components, rows): (Vec<Placed>, Vec<Vec<Entry>>) = profile
        .components
        .iter()
        .enumerate()
        .map(|(index, component)| {
            let focus = profile.focus(index);
            let values = catalogs.assumptions.resolve(&focus.assumptions);
            let scored = Scored::new(&focus, values, Site::resolve(&focus, catalogs), &specs);
            on_cloud = scored.site.host.is_some();
            close_call_rule = super::evaluation::close_call_rule(&scored.values);
            for (at, offers) in offered.iter_mut().enumerate() {
                *offers &= scored.offered(at);
            }
            let scores = scored.overall();
            let Standings { leader, runner_up, by_veto } = scored.standings_with(&scored.weights);
            let margin = runner_up.map_or(1.0, |r| margin_between(scores[leader], scores[r]));
            let leader = specs[leader].id();
            let option = component.placement.unwrap_or(leader);
            let mut row: Vec<Entry> = (0..specs.len())
                .map(|o| Entry { option: specs[o].id(), resources: scored.resources[o], effort: effort(&scored, o) })
                .collect();
            for extra in [component.current, option] {
                if row.iter().all(|entry| entry.option != extra) {
                    // Today's option or a pin outside the options compared: scored alone.
                    let alone = Scored::new(&focus, scored.values.clone(), scored.site, &[extra.spec()]);
                    row.push(Entry { option: extra, resources: alone.resources[0], effort: effort(&alone, 0) });
                }
            }
            if component.current != option {
                let at = |id: OptionId| specs.iter().position(|spec| spec.id() == id);
                let compared = at(component.current).zip(at(option));
                moves.push(Move {
                    component: index,
                    from: component.current,
                    to: option,
                    effort: row.iter().find(|entry| entry.option == option).map_or(0.0, |entry| entry.effort),
                    gain: compared.map(|(from, to)| scores[to] - scores[from]),
                    buys: compared.map(|(from, to)| bought(&scored, from, to)).unwrap_or_default(),
                    floor: scored.values.get(AssumptionId::CloseCallMinMargin),
                });
            }
            let placed = Placed {
                option,
                pinned: component.placement.is_some(),
                leader,
                runner_up: runner_up.map(|r| specs[r].id()),
                margin,
                close_call: runner_up.is_some() && !by_veto && within_close_call_margin(margin),
                confidence: None,
                scores,
            };
            (placed, row)
        })
        .unzip();
    let scores: Vec<&[f64]> = components.iter().map(|placed| placed.scores.as_slice()).collect();
    let estate = Estate {
        environment: profile.environment.clone(),
        options: profile.options.clone(),
        current: profile.components.iter().map(|component| component.current).collect(),
        rows,
        on_cloud,
    };
    let placement: Vec<OptionId> = components.iter().map(|placed| placed.option).collect();
    let (platforms, resources) = estate.platforms(&placement);
    let versus = profile
        .options
        .iter()
        .enumerate()
        .map(|(at, &option)| AllIn {
            option,
            score: all_in_score(profile, &scores, at),
            resources: estate.platforms(&vec![option; components.len()]).1,
            offered: offered[at],
        })
        .collect();
    let path = vec![estate.today()];
    Plan {
        components,
        platforms,
        resources,
        versus,
        path,
        stays: Vec::new(),
        confidence: None,
        estate,
        moves,
        path_chosen: false,
        close_call_rule,
    }
}

/// What moving from option `from` to `to` (indices into the scored options) buys: the
/// criteria where `to` gains most overall points under the component's weights, at most three,
/// each gaining at least a tenth of a point as the scores print. Cost is left out (a step
/// states its money itself, on the estate as a whole), and so is migration effort (an easier
/// move is no benefit of having moved).
fn bought(scored: &Scored, from: usize, to: usize) -> Vec<Bought> {
    let total: f64 = scored.weights.iter().sum();
    if total <= 0.0 {
        return Vec::new();
    }
    let mut gains: Vec<Bought> = scored
        .criteria
        .iter()
        .enumerate()
        .filter(|&(_, &id)| id != CriterionId::COST && id != CriterionId::MIGRATION_EFFORT)
        .map(|(c, &criterion)| Bought {
            criterion,
            points: 10.0 * scored.weights[c] * (scored.score(to, c) - scored.score(from, c)) / total,
        })
        .filter(|gain| !under_as_shown(gain.points / 100.0, 0.1))
        .collect();
    gains.sort_by(|a, b| b.points.total_cmp(&a.points));
    gains.truncate(3);
    gains
}

/// The components' overall scores on the option at `at` (`scores[component][option]`),
/// weighted by their steady instances.
pub(crate) fn all_in_score<S: AsRef<[f64]>>(profile: &Profile, scores: &[S], at: usize) -> f64 {
    let (mut sum, mut weight) = (0.0, 0.0);
    for (scores, component) in scores.iter().zip(&profile.components) {
        let instances = (component.workload.services * component.workload.replicas).max(1) as f64;
        sum += scores.as_ref()[at] * instances;
        weight += instances;
    }
    sum / weight
}

/// A component on one option: its resources alone and how easy the move there is.
#[derive(Clone, Debug)]
struct Entry {
    option: OptionId,
    resources: Resources,
    /// The migration-effort score, 0–10 (higher is easier).
    effort: f64,
}

/// The components' figures on every option a placement may give them, for costing placements.
#[derive(Clone, Debug)]
struct Estate {
    environment: Environment,
    /// The options compared, in the profile's order.
    options: Vec<OptionId>,
    /// Where each component runs today.
    current: Vec<OptionId>,
    /// Per component: the compared options, its pin and today's option.
    rows: Vec<Vec<Entry>>,
    /// The hosts are a cloud type (priced by the hour) rather than the team's own.
    on_cloud: bool,
}

impl Estate {
    fn entry(&self, index: usize, option: OptionId) -> Option<&Entry> {
        self.rows[index].iter().find(|entry| entry.option == option)
    }

    /// One platform: `members` on `option`, hosts shared.
    fn platform(&self, option: OptionId, members: &[usize]) -> Resources {
        let parts: Vec<Resources> =
            members.iter().map(|&i| self.entry(i, option).map(|e| e.resources).unwrap_or_default()).collect();
        share(&parts, &self.environment, self.on_cloud)
    }

    /// The platforms of a placement (in the profile's option order, then first use) and the
    /// estate's total.
    fn platforms(&self, placement: &[OptionId]) -> (Vec<Platform>, Resources) {
        let mut order: Vec<OptionId> = self.options.clone();
        for option in placement {
            if !order.contains(option) {
                order.push(*option);
            }
        }
        let platforms: Vec<Platform> = order
            .into_iter()
            .filter_map(|option| {
                let components: Vec<usize> = (0..placement.len()).filter(|&i| placement[i] == option).collect();
                if components.is_empty() {
                    return None;
                }
                let resources = self.platform(option, &components);
                Some(Platform { option, components, resources })
            })
            .collect();
        let total = platforms.iter().map(|p| p.resources).reduce(|a, b| add(&a, &b)).unwrap_or_default();
        (platforms, total)
    }

    /// The path's first step: today's estate, every component where it runs now.
    fn today(&self) -> Step {
        let first = self.current[0];
        let (_, resources) = self.platforms(&self.current);
        Step {
            component: None,
            from: first,
            to: first,
            resources,
            saves_monthly: 0.0,
            effort: 10.0,
            gain: None,
            buys: Vec::new(),
            worth: Worth::Today,
        }
    }

    /// The phased path from today through the moves worth taking (see the module's notes),
    /// and the components it leaves where they run. `placed` says which moves are close calls.
    fn path(&self, moves: &[Move], placed: &[Placed]) -> (Vec<Step>, Vec<Stay>) {
        let mut now = self.current.clone();
        let (platforms, _) = self.platforms(&now);
        // Each platform's monthly cost as the path goes: a move changes two of them.
        let mut costs: Vec<(OptionId, f64)> =
            platforms.iter().map(|platform| (platform.option, platform.resources.monthly_cost)).collect();
        let mut path = vec![self.today()];
        let short: Vec<Option<Reason>> = moves.iter().map(|m| m.short_of(&placed[m.component])).collect();
        let cost_of = |costs: &[(OptionId, f64)], option: OptionId| {
            costs.iter().find(|(id, _)| *id == option).map_or(0.0, |(_, cost)| *cost)
        };
        let mut left: Vec<usize> = (0..moves.len()).collect();
        loop {
            let candidates: Vec<Candidate> = left
                .iter()
                .map(|&at| {
                    let Move { component, from, to, .. } = moves[at];
                    let mut next = now.clone();
                    next[component] = to;
                    let (from_cost, to_cost) = (self.platform_cost(&next, from), self.platform_cost(&next, to));
                    let saves = cost_of(&costs, from) + cost_of(&costs, to) - from_cost - to_cost;
                    Candidate { at, saves, changed: [(from, from_cost), (to, to_cost)] }
                })
                .collect();
            let best = candidates
                .iter()
                .filter(|c| short[c.at].is_none() || number_direction(c.saves) == Some(true))
                .max_by(|a, b| ahead(a, b, moves));
            let Some(&Candidate { at, saves, changed }) = best else {
                let stays = candidates
                    .iter()
                    .filter_map(|c| {
                        let m = &moves[c.at];
                        Some(Stay {
                            component: m.component,
                            on: m.from,
                            instead_of: m.to,
                            reason: short[c.at]?,
                            saves_if_moved: c.saves,
                        })
                    })
                    .collect();
                return (path, stays);
            };
            for (option, cost) in changed {
                match costs.iter_mut().find(|(id, _)| *id == option) {
                    Some(entry) => entry.1 = cost,
                    None => costs.push((option, cost)),
                }
            }
            let m = &moves[at];
            now[m.component] = m.to;
            let worth = if number_direction(saves) == Some(true) {
                Worth::Saves
            } else if placed[m.component].pinned {
                Worth::Pinned
            } else {
                Worth::Gains
            };
            path.push(Step {
                component: Some(m.component),
                from: m.from,
                to: m.to,
                resources: self.platforms(&now).1,
                saves_monthly: saves,
                effort: m.effort,
                gain: m.gain,
                buys: m.buys.clone(),
                worth,
            });
            left.retain(|&other| other != at);
        }
    }

    /// The monthly cost of `option`'s platform under a placement (0 when nothing is on it).
    fn platform_cost(&self, placement: &[OptionId], option: OptionId) -> f64 {
        let members: Vec<usize> = (0..placement.len()).filter(|&i| placement[i] == option).collect();
        if members.is_empty() { 0.0 } else { self.platform(option, &members).monthly_cost }
    }
}

/// A move weighed as the next step: what it would save on the estate as it stands, and the
/// two platforms' costs after it.
#[derive(Clone, Copy)]
struct Candidate {
    /// Index into the moves.
    at: usize,
    saves: f64,
    changed: [(OptionId, f64); 2],
}

/// Whether `a` goes before `b` as the next step (`Greater`): saving moves first, the most
/// saved first; then moves that leave the cost as it was, the most points first; then costly
/// ones, the most points per unit of money first. Ties go to the easier move, then to the
/// component first in the profile.
fn ahead(a: &Candidate, b: &Candidate, moves: &[Move]) -> Ordering {
    let class = |c: &Candidate| match number_direction(c.saves) {
        Some(true) => 2,
        None => 1,
        Some(false) => 0,
    };
    let gain = |c: &Candidate| moves[c.at].gain.unwrap_or(0.0);
    let value = |c: &Candidate| match class(c) {
        2 => c.saves,
        1 => gain(c),
        _ => gain(c) / -c.saves,
    };
    let (ma, mb) = (&moves[a.at], &moves[b.at]);
    class(a)
        .cmp(&class(b))
        .then(value(a).total_cmp(&value(b)))
        .then(ma.effort.total_cmp(&mb.effort))
        .then(mb.component.cmp(&ma.component))
}

impl Move {
    /// Why its component's scores alone do not make the move worth its effort; `None` when
    /// they do. The floor is the verdict's own (`close_call_min_margin`): a gain the verdict
    /// would call too close is too close to move for.
    fn short_of(&self, placed: &Placed) -> Option<Reason> {
        if placed.pinned {
            return None;
        }
        let Some(gain) = self.gain else { return Some(Reason::NotCompared) };
        if placed.close_call && placed.leader == self.to && placed.runner_up == Some(self.from) {
            Some(Reason::CloseCall { gain })
        } else if under_as_shown(gain / 100.0, self.floor) {
            Some(Reason::SmallGain { gain })
        } else if self.buys.is_empty() {
            Some(Reason::NothingBought { gain })
        } else {
            None
        }
    }
}

/// Adds two platforms' resources (no sharing between them). Times are the slower's.
fn add(a: &Resources, b: &Resources) -> Resources {
    Resources {
        memory_gib: a.memory_gib + b.memory_gib,
        cpu_cores: a.cpu_cores + b.cpu_cores,
        disk_gib: a.disk_gib + b.disk_gib,
        hosts: a.hosts + b.hosts,
        monthly_cost: a.monthly_cost + b.monthly_cost,
        start_seconds: a.start_seconds.max(b.start_seconds),
        scale_to_peak_seconds: a.scale_to_peak_seconds.max(b.scale_to_peak_seconds),
        os_instances_to_patch: a.os_instances_to_patch + b.os_instances_to_patch,
        instances: a.instances + b.instances,
        instances_steady: a.instances_steady + b.instances_steady,
        warm_pool: a.warm_pool + b.warm_pool,
        instances_per_host: (a.instances + b.instances) / (a.hosts + b.hosts).max(1.0),
        services_per_instance: 0.0,
        fits_on_host: a.fits_on_host && b.fits_on_host,
        host_type: a.host_type.or(b.host_type),
        runs_on_host: a.runs_on_host && b.runs_on_host,
        control_plane_monthly: a.control_plane_monthly + b.control_plane_monthly,
        control_plane_nodes: a.control_plane_nodes + b.control_plane_nodes,
        images_to_rebuild: a.images_to_rebuild + b.images_to_rebuild,
        node_overhead_monthly: a.node_overhead_monthly + b.node_overhead_monthly,
        system_pool_nodes: a.system_pool_nodes + b.system_pool_nodes,
        system_pool_monthly: a.system_pool_monthly + b.system_pool_monthly,
        daemonset_cpu_millicores: a.daemonset_cpu_millicores.max(b.daemonset_cpu_millicores),
        daemonset_memory_mib: a.daemonset_memory_mib.max(b.daemonset_memory_mib),
        people_monthly: a.people_monthly + b.people_monthly,
        engineers: a.engineers + b.engineers,
        footprint: a.footprint,
        bought: a.bought.and(&b.bought),
        sandbox: a.sandbox.or(b.sandbox),
    }
}

/// One platform's resources: its components' hosts shared where they are alike (the same
/// machine and reserve), one control plane.
fn share(parts: &[Resources], environment: &Environment, on_cloud: bool) -> Resources {
    let Some(first) = parts.first() else { return Resources::default() };
    let running = environment.runs_hours_per_day.clamp(0.0, 24.0);
    let mut groups: Vec<Vec<&Resources>> = Vec::new();
    for part in parts {
        let alike = |other: &&Resources| {
            let (a, b) = (&part.footprint, &other.footprint);
            // Windows and Linux workers are separate node pools, each rounded up on its own.
            a.windows == b.windows
                && !a.own_host
                && !b.own_host
                && a.host_reserved_mib == b.host_reserved_mib
                && a.host_reserved_cpu == b.host_reserved_cpu
                // Bought alike: spot and committed hosts are pools of their own.
                && a.buying.map(|x| (x.asked, x.offer)) == b.buying.map(|x| (x.asked, x.offer))
                && match (part.host_type, other.host_type) {
                    (Some(a), Some(b)) => a.id == b.id,
                    (a, b) => a.is_none() && b.is_none(),
                }
        };
        match groups.iter_mut().find(|group| group.first().is_some_and(alike)) {
            Some(group) => group.push(part),
            None => groups.push(vec![part]),
        }
    }
    let mut total = groups
        .iter()
        .map(|group| {
            let mut shared =
                group.iter().map(|part| without_control_plane(part)).reduce(|a, b| add(&a, &b)).unwrap_or_default();
            if group.len() < 2 {
                return shared;
            }
            // One control plane for the group, its share added once.
            let f = &group[0].footprint;
            let hosts_for = |at_peak: bool| group_hosts(group, environment.zones, |_| at_peak);
            let (hosts, hosts_steady) = (hosts_for(true), hosts_for(false));
            let apart_hosts: f64 = group.iter().map(|p| p.hosts).sum();
            let apart_steady: f64 = group.iter().map(|p| p.footprint.hosts_steady).sum();
            shared.memory_gib -= (apart_hosts - hosts) * f.host_reserved_mib / 1024.0;
            shared.cpu_cores -= (apart_hosts - hosts) * f.host_reserved_cpu;
            shared.os_instances_to_patch -= (apart_steady - hosts_steady) * f.patch_per_host;
            shared.hosts = hosts;
            shared.instances_per_host = shared.instances / hosts.max(1.0);
            shared.monthly_cost = match f.buying {
                Some(buying) if on_cloud && !buying.on_demand() => {
                    let bill =
                        buying.bill(f.host_price, &shared_spans(group, environment.zones, running), hosts_steady);
                    shared.bought = projection::bought_as(&buying, &bill);
                    bill.total()
                }
                _ if on_cloud => shared_cloud_monthly(group, environment.zones, running),
                _ => hosts * f.host_price,
            };
            shared.footprint.hosts_steady = hosts_steady;
            shared.control_plane_nodes = group[0].control_plane_nodes;
            shared
        })
        .reduce(|a, b| add(&a, &b))
        .unwrap_or_default();
    // One platform, one control plane, and one team where a cluster's people are the platform's.
    total.control_plane_monthly = first.control_plane_monthly;
    total.monthly_cost += first.control_plane_monthly;
    // One system pool: AKS's whatever the workers, else the Linux node a cluster of Windows
    // workers alone keeps for its Linux-only system pods, which Linux workers make needless.
    let linux = parts.iter().any(|part| !part.footprint.windows);
    let pool = parts
        .iter()
        .filter(|part| !linux || !part.footprint.windows)
        .max_by(|a, b| a.system_pool_monthly.total_cmp(&b.system_pool_monthly))
        .map_or((0.0, 0.0), |part| (part.system_pool_nodes, part.system_pool_monthly));
    (total.system_pool_nodes, total.system_pool_monthly) = pool;
    total.node_overhead_monthly += pool.1;
    total.monthly_cost += pool.1;
    if first.footprint.people_per_platform {
        total.people_monthly = first.people_monthly;
        total.engineers = first.engineers;
        total.monthly_cost += first.people_monthly;
    }
    total
}

/// A component's resources without what its platform pays once: the control plane, the
/// system pool, and a cluster's team.
fn without_control_plane(part: &Resources) -> Resources {
    let people = if part.footprint.people_per_platform { part.people_monthly } else { 0.0 };
    Resources {
        monthly_cost: part.monthly_cost - part.control_plane_monthly - part.system_pool_monthly - people,
        control_plane_monthly: 0.0,
        node_overhead_monthly: part.node_overhead_monthly - part.system_pool_monthly,
        system_pool_nodes: 0.0,
        system_pool_monthly: 0.0,
        people_monthly: part.people_monthly - people,
        engineers: if part.footprint.people_per_platform { 0.0 } else { part.engineers },
        ..*part
    }
}

/// Hosts a group sharing a platform needs, each part at peak where `at_peak` says so, its
/// control plane once.
fn group_hosts(group: &[&Resources], zones: i64, at_peak: impl Fn(&Footprint) -> bool) -> f64 {
    let parts = group.iter().map(|part| {
        let instances = if at_peak(&part.footprint) { part.instances } else { part.instances_steady };
        (instances, part.footprint.per_host)
    });
    zone_hosts(parts, zones, group[0].footprint.control_plane)
}

/// A month of shared cloud hosts: through the day each component holds its peak share while
/// it is at peak and its steady share after; the hosts running at any hour are the shares
/// then, added and rounded up per zone.
fn shared_cloud_monthly(group: &[&Resources], zones: i64, running: f64) -> f64 {
    let price = group[0].footprint.host_price;
    shared_spans(group, zones, running)
        .into_iter()
        // The hours of this span as the fraction of a day that `cloud_monthly` prices.
        .map(|(hosts, hours)| cloud_monthly(price, hosts, 0.0, hours, hours))
        .sum()
}

/// The hosts a shared group runs through the day, as `(hosts, hours)` spans.
fn shared_spans(group: &[&Resources], zones: i64, running: f64) -> Vec<(f64, f64)> {
    let mut edges: Vec<f64> = group.iter().map(|p| p.footprint.peak_hours.clamp(0.0, running)).collect();
    edges.push(0.0);
    edges.push(running);
    edges.sort_by(f64::total_cmp);
    edges.dedup();
    edges
        .windows(2)
        .map(|span| {
            let (from, to) = (span[0], span[1]);
            (group_hosts(group, zones, |part| from < part.peak_hours), to - from)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn candidate(at: usize, saves: f64) -> Candidate {
        Candidate { at, saves, changed: [(OptionId::VM, 0.0), (OptionId::CONTAINER, 0.0)] }
    }

    fn moved(component: usize, effort: f64, gain: f64) -> Move {
        let (from, to) = (OptionId::VM, OptionId::CONTAINER);
        Move { component, from, to, effort, gain: Some(gain), buys: Vec::new(), floor: 2.0 }
    }

    /// By hand: B and A save 100 a month each, B the easier move; C leaves the cost as it
    /// was; E costs 50 more for 3 points (0.06 a unit of money) and D 100 more for 4 (0.04).
    #[test]
    fn savings_first_then_same_cost_then_most_points_per_money() {
        let moves =
            [moved(0, 5.0, 1.0), moved(1, 8.0, 1.0), moved(2, 6.0, 5.0), moved(3, 9.0, 4.0), moved(4, 1.0, 3.0)];
        let mut candidates =
            [candidate(0, 100.0), candidate(1, 100.0), candidate(2, 0.0), candidate(3, -100.0), candidate(4, -50.0)];
        candidates.sort_by(|a, b| ahead(b, a, &moves));
        let order: Vec<usize> = candidates.iter().map(|c| c.at).collect();
        assert_eq!(order, [1, 0, 2, 4, 3]);
    }
}
