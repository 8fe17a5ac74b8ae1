//! `evaluate`: from a profile to everything the views, reports and CLI show.

use super::assumptions::{Assumptions, Values};
use super::criteria::{CRITERIA, CriterionId, MAX_WEIGHT};
use super::kubernetes::KubernetesFlavour;
use super::options::{OptionId, OptionSpec};
use super::profile::Profile;
use super::projection::{self, BreakEven, CURVE_AXES, Curve};
use super::resources::Resources;
use super::rules::{self, Input, RuleInputs, Term};

/// Margins under this share of the 0–100 scale are too close to call.
pub const CLOSE_CALL_MARGIN: f64 = 0.10;

/// MCDA veto (as in ELECTRE): an option scoring at or below `VETO_SCORE` on a criterion
/// weighted at least `VETO_WEIGHT` is ruled out however well it does elsewhere, so that a
/// hard constraint (hostile tenants on a shared kernel, Windows apps on a Linux kernel) is not
/// averaged away. Both thresholds are Podvisor's choice: weights 4–5 mean "must not fail".
pub const VETO_SCORE: f64 = 2.0;
pub const VETO_WEIGHT: f64 = 4.0;

/// Criterion-score gap (0–10) below which a difference is not listed as a pro or con.
const NOTABLE_GAP: f64 = 0.5;

/// Everything Podvisor concludes about one profile, as facts: the sentences that tell them
/// are built by [`crate::narrative`].
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// One entry per option, in the order of the list evaluated.
    pub options: Vec<OptionResult>,
    pub verdict: Verdict,
    /// Projections over services and over replicas.
    pub curves: Vec<Curve>,
    pub break_even: Vec<BreakEven>,
    pub warnings: Vec<Warning>,
    /// The assumption values in force (defaults with the profile's overrides).
    pub values: Values,
}

impl Evaluation {
    /// The result of one option, if it was evaluated.
    pub fn option(&self, id: OptionId) -> Option<&OptionResult> {
        self.options.iter().find(|result| result.spec.id() == id)
    }

    /// Index of an option in [`Self::options`].
    pub fn position(&self, id: OptionId) -> Option<usize> {
        self.options.iter().position(|result| result.spec.id() == id)
    }
}

/// Something about the profile the reader should know before trusting the numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Warning {
    /// Every criterion has weight 0, so every option scores 0.
    NoWeights,
    /// One instance of this option needs more than a whole host.
    InstanceExceedsHost { option: OptionId, host_memory_gib: f64, host_cores: i64 },
    /// More services per VM than there are services.
    ServicesPerVmExceedsServices { services_per_vm: i64, services: i64 },
    /// Every instance of this option sits on one host, so replicas of a service share its fate.
    ReplicasShareOneHost { option: OptionId, replicas: i64 },
    /// The chosen catalog type cannot run this option (it needs bare metal or KVM) and its
    /// family offers no type that can; the figures assume the chosen type regardless.
    HostCannotRun { option: OptionId, host: &'static str },
    /// The managed flavour belongs to another cloud than the chosen host type.
    FlavourOnOtherCloud { flavour: KubernetesFlavour, host: &'static str },
    /// The profile names a host id the catalog does not hold; its own host figures are used.
    UnknownHost,
}

/// How one option fares.
#[derive(Clone, Debug)]
pub struct OptionResult {
    pub spec: &'static OptionSpec,
    /// Weighted overall score, 0–100.
    pub score: f64,
    /// One entry per criterion, in `CRITERIA` order.
    pub criteria: Vec<CriterionScore>,
    /// Strengths that matter for this workload, most impact first.
    pub pros: Vec<Point>,
    /// Weaknesses that matter for this workload, most impact first.
    pub cons: Vec<Point>,
    pub resources: Resources,
}

/// One option's score on one criterion, with the terms that produced it.
#[derive(Clone, Debug)]
pub struct CriterionScore {
    pub criterion: CriterionId,
    /// 0–10.
    pub score: f64,
    /// 0–5, as used in the overall score.
    pub weight: f64,
    /// Terms summing to the score (a clamp term is added when the sum left 0–10).
    pub terms: Vec<Term>,
    /// The option's strongest rival overall (the runner-up for the leader, the leader for
    /// every other option), which pros, cons and explanations compare with.
    pub rival: Option<OptionId>,
}

impl CriterionScore {
    /// The claims behind the terms that moved this score, in first-use order.
    pub fn sources(&self) -> Vec<&'static str> {
        let mut ids: Vec<&'static str> = Vec::new();
        for term in &self.terms {
            for id in term.sources {
                if !ids.contains(id) {
                    ids.push(id);
                }
            }
        }
        ids
    }
}

/// A pro or a con of an option for this workload.
#[derive(Clone, Debug)]
pub struct Point {
    pub criterion: CriterionId,
    /// Short heading from the sources' pros and cons.
    pub title: &'static str,
    /// Overall-score points this criterion moves between the option and its best rival.
    pub impact: f64,
    pub sources: Vec<&'static str>,
}

/// The answer.
#[derive(Clone, Debug)]
pub struct Verdict {
    /// Highest-scoring option (even in a close call).
    pub leader: OptionId,
    /// The option ranked second, which margins and reasons refer to; `None` with one option.
    pub runner_up: Option<OptionId>,
    /// `None` when the margin is too close to call.
    pub winner: Option<OptionId>,
    /// Gap between the two best options as a share of the 0–100 scale.
    pub margin: f64,
    pub close_call: bool,
    /// Criteria that most favour the leader over the runner-up, most weight first.
    pub decisive: Vec<CriterionId>,
    /// Options ruled out by a veto, with the criterion that ruled each out.
    pub ruled_out: Vec<Veto>,
    /// Whether a veto rather than the scores puts the leader ahead of the runner-up.
    pub by_veto: bool,
}

impl Verdict {
    /// The veto ruling an option out, if any.
    pub fn veto_of(&self, option: OptionId) -> Option<&Veto> {
        self.ruled_out.iter().find(|veto| veto.option == option)
    }
}

/// An option ruled out by failing a criterion weighted as a must.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Veto {
    pub option: OptionId,
    pub criterion: CriterionId,
    pub score: f64,
    pub weight: f64,
}

/// Scores without explanations: what sensitivity sweeps need, and what `evaluate` builds on.
pub(crate) struct Scored {
    pub values: Values,
    pub resources: Vec<Resources>,
    /// `terms[option][criterion]`.
    pub terms: Vec<Vec<Vec<Term>>>,
    pub weights: Vec<f64>,
}

impl Scored {
    pub fn new(profile: &Profile, assumptions: &Assumptions, options: &[&'static OptionSpec]) -> Self {
        let values = assumptions.resolve(profile);
        let resources: Vec<Resources> = options.iter().map(|o| projection::project(o, profile, &values)).collect();
        let weights = CRITERIA.iter().map(|c| weight(profile, c.id)).collect();
        let inputs = RuleInputs { profile, values: &values, options, resources: &resources };
        let terms = (0..options.len())
            .map(|o| CRITERIA.iter().map(|c| clamped(rules::terms(c.id, &inputs, o))).collect())
            .collect();
        Self { values, resources, terms, weights }
    }

    /// Criterion score of an option.
    pub fn score(&self, option: usize, criterion: usize) -> f64 {
        rules::total(&self.terms[option][criterion])
    }

    /// Overall 0–100 scores per option under the given weights.
    pub fn overall_with(&self, weights: &[f64]) -> Vec<f64> {
        let total: f64 = weights.iter().sum();
        (0..self.terms.len())
            .map(|o| {
                if total <= 0.0 {
                    return 0.0;
                }
                let sum: f64 = weights.iter().enumerate().map(|(c, w)| w * self.score(o, c)).sum();
                10.0 * sum / total
            })
            .collect()
    }

    pub fn overall(&self) -> Vec<f64> {
        self.overall_with(&self.weights)
    }

    /// Per option, every criterion weighted as a must that it fails, with its score, worst
    /// first. An option with any failure is ruled out.
    pub fn vetoes_with(&self, weights: &[f64]) -> Vec<Vec<(usize, f64)>> {
        (0..self.terms.len())
            .map(|o| {
                let mut failures: Vec<(usize, f64)> = (0..weights.len())
                    .filter(|c| weights[*c] >= VETO_WEIGHT)
                    .map(|c| (c, self.score(o, c)))
                    .filter(|(_, score)| *score <= VETO_SCORE)
                    .collect();
                failures.sort_by(|a, b| a.1.total_cmp(&b.1));
                failures
            })
            .collect()
    }

    /// Leader and runner-up under the given weights (see [`standings`]).
    pub fn standings_with(&self, weights: &[f64]) -> Standings {
        standings(&self.overall_with(weights), &self.vetoes_with(weights))
    }
}

/// Who leads and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Standings {
    pub leader: usize,
    pub runner_up: Option<usize>,
    /// Whether a veto, not the scores, puts the leader ahead of the runner-up.
    pub by_veto: bool,
}

/// Options not ruled out come first, by overall score. Ruled-out options follow, those that
/// fail least first: compared failure by failure from the worst, higher scores ahead and fewer
/// failures ahead, so that worsening an option's failures never lifts it past a rival.
pub(crate) fn standings(scores: &[f64], vetoes: &[Vec<(usize, f64)>]) -> Standings {
    let fails_less = |a: usize, b: usize| failure_order(&vetoes[a], &vetoes[b]);
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| fails_less(*a, *b).then(scores[*b].total_cmp(&scores[*a])));
    let leader = order[0];
    let runner_up = order.get(1).copied();
    Standings { leader, runner_up, by_veto: runner_up.is_some_and(|r| fails_less(leader, r).is_lt()) }
}

/// `Less` when failures `a` are milder than `b` (so `a` ranks first).
fn failure_order(a: &[(usize, f64)], b: &[(usize, f64)]) -> std::cmp::Ordering {
    use std::cmp::Ordering;
    for i in 0..a.len().max(b.len()) {
        match (a.get(i), b.get(i)) {
            // Scores summed from different terms may differ in the last bits: that is a tie.
            (Some(x), Some(y)) if (x.1 - y.1).abs() <= 1e-9 => {}
            (Some(x), Some(y)) => return y.1.total_cmp(&x.1),
            (None, Some(_)) => return Ordering::Less,
            (Some(_), None) => return Ordering::Greater,
            (None, None) => break,
        }
    }
    Ordering::Equal
}

/// The weight a profile gives a criterion: its override if any, else the default; 0–5.
pub fn weight(profile: &Profile, criterion: CriterionId) -> f64 {
    let spec = criterion.spec();
    profile.weights.get(&criterion).copied().unwrap_or(spec.default_weight).clamp(0.0, MAX_WEIGHT)
}

/// Appends a clamp term when the terms leave the 0–10 scale, so the terms always sum exactly.
fn clamped(mut terms: Vec<Term>) -> Vec<Term> {
    let sum: f64 = terms.iter().map(|t| t.effect).sum();
    let total = sum.clamp(0.0, 10.0);
    if (total - sum).abs() > 1e-12 {
        terms.push(Term {
            label: "kept on the 0–10 scale",
            input: Input::Clamp,
            value: sum,
            effect: total - sum,
            sources: &[],
        });
    }
    terms
}

/// Evaluates a profile against the options it compares, in its order.
pub fn evaluate(profile: &Profile, assumptions: &Assumptions) -> Evaluation {
    evaluate_options(profile, assumptions, &profile.option_specs())
}

/// Evaluates a profile against any list of options (at least one).
pub fn evaluate_options(profile: &Profile, assumptions: &Assumptions, options: &[&'static OptionSpec]) -> Evaluation {
    let scored = Scored::new(profile, assumptions, options);
    let overall = scored.overall();
    let vetoes = scored.vetoes_with(&scored.weights);
    let scores: Vec<Vec<f64>> =
        (0..options.len()).map(|o| (0..CRITERIA.len()).map(|c| scored.score(o, c)).collect()).collect();
    let Scored { values, resources, mut terms, weights } = scored;
    let weight_total: f64 = weights.iter().sum();
    // With several options, "beats the best on this criterion" would leave a winner with no
    // pros; an option is argued against the one it actually competes with.
    let standing = standings(&overall, &vetoes);
    let rival_of = |o: usize| if o == standing.leader { standing.runner_up } else { Some(standing.leader) };

    let results: Vec<OptionResult> = options
        .iter()
        .enumerate()
        .map(|(o, spec)| {
            let mut pros = Vec::new();
            let mut cons = Vec::new();
            let criteria = CRITERIA
                .iter()
                .enumerate()
                .map(|(c, criterion)| {
                    let rival = rival_of(o);
                    let score = CriterionScore {
                        criterion: criterion.id,
                        score: scores[o][c],
                        weight: weights[c],
                        terms: std::mem::take(&mut terms[o][c]),
                        rival: rival.map(|r| options[r].id()),
                    };
                    if let Some(rival) = rival {
                        let gap = score.score - scores[rival][c];
                        let agrees = agrees_with_bill(criterion.id, &resources[o], &resources[rival], gap);
                        if gap.abs() >= NOTABLE_GAP && score.weight > 0.0 && agrees {
                            let point = Point {
                                criterion: criterion.id,
                                title: if gap > 0.0 { criterion.pro } else { criterion.con },
                                impact: 10.0 * score.weight * gap.abs() / weight_total,
                                sources: score.sources(),
                            };
                            if gap > 0.0 { pros.push(point) } else { cons.push(point) }
                        }
                    }
                    score
                })
                .collect();
            let by_impact = |a: &Point, b: &Point| b.impact.total_cmp(&a.impact);
            pros.sort_by(by_impact);
            cons.sort_by(by_impact);
            OptionResult { spec, score: overall[o], criteria, pros, cons, resources: resources[o] }
        })
        .collect();

    let curves: Vec<Curve> =
        CURVE_AXES.iter().map(|axis| projection::curve(*axis, options, profile, &values)).collect();
    let break_even = curves.iter().flat_map(|curve| projection::break_even(curve, options, profile, &values)).collect();

    Evaluation {
        verdict: verdict(&results, &weights, &vetoes),
        warnings: warnings(profile, &values, &results, weight_total),
        options: results,
        curves,
        break_even,
        values,
    }
}

/// Whether a resource-efficiency pro or con points the same way as the bill. An option can
/// need more memory and CPU yet pack more densely (a pod limit or an unbalanced host strands
/// the leaner option's capacity); calling it "heavy on resources" beside its lower bill would
/// contradict the projection, so such a point is left to the cost criterion, whose sentence
/// explains the difference. The score itself is kept.
fn agrees_with_bill(criterion: CriterionId, own: &Resources, rival: &Resources, gap: f64) -> bool {
    if criterion != CriterionId::ResourceEfficiency {
        return true;
    }
    let cheaper = own.monthly_cost < rival.monthly_cost;
    let dearer = own.monthly_cost > rival.monthly_cost;
    !(gap < 0.0 && cheaper || gap > 0.0 && dearer)
}

fn verdict(results: &[OptionResult], weights: &[f64], vetoes: &[Vec<(usize, f64)>]) -> Verdict {
    let scores: Vec<f64> = results.iter().map(|r| r.score).collect();
    let Standings { leader: lead, runner_up, by_veto } = standings(&scores, vetoes);
    let leader = &results[lead];
    let ruled_out: Vec<Veto> = vetoes
        .iter()
        .enumerate()
        .filter_map(|(o, failures)| {
            failures.first().map(|(c, score)| Veto {
                option: results[o].spec.id(),
                criterion: CRITERIA[*c].id,
                score: *score,
                weight: weights[*c],
            })
        })
        .collect();
    let Some(second) = runner_up else {
        return Verdict {
            leader: leader.spec.id(),
            runner_up: None,
            winner: Some(leader.spec.id()),
            margin: 1.0,
            close_call: false,
            decisive: Vec::new(),
            ruled_out,
            by_veto: false,
        };
    };
    let runner = &results[second];
    let margin = ((leader.score - runner.score) / 100.0).max(0.0);
    let close_call = !by_veto && margin < CLOSE_CALL_MARGIN;

    let mut edges: Vec<(CriterionId, f64)> = leader
        .criteria
        .iter()
        .zip(&runner.criteria)
        .zip(weights)
        .map(|((a, b), w)| (a.criterion, w * (a.score - b.score)))
        .filter(|(c, edge)| *edge > 0.0 && agrees_with_bill(*c, &leader.resources, &runner.resources, *edge))
        .collect();
    edges.sort_by(|a, b| b.1.total_cmp(&a.1));
    Verdict {
        leader: leader.spec.id(),
        runner_up: Some(runner.spec.id()),
        winner: (!close_call).then_some(leader.spec.id()),
        margin,
        close_call,
        decisive: edges.iter().take(3).map(|(c, _)| *c).collect(),
        ruled_out,
        by_veto,
    }
}

fn warnings(profile: &Profile, values: &Values, results: &[OptionResult], weight_total: f64) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if weight_total <= 0.0 {
        warnings.push(Warning::NoWeights);
    }
    let environment = &profile.environment;
    for result in results.iter().filter(|result| !result.resources.fits_on_host) {
        warnings.push(Warning::InstanceExceedsHost {
            option: result.spec.id(),
            host_memory_gib: environment.host_memory_gib,
            host_cores: environment.host_cores,
        });
    }
    let replicas = profile.workload.replicas;
    for result in results {
        let r = &result.resources;
        if replicas >= 2 && r.hosts < 2.0 {
            warnings.push(Warning::ReplicasShareOneHost { option: result.spec.id(), replicas });
        }
        if let (false, Some(host)) = (r.runs_on_host, r.host_type) {
            warnings.push(Warning::HostCannotRun { option: result.spec.id(), host: &host.id });
        }
    }
    let site = values.site();
    if site.unknown_host {
        warnings.push(Warning::UnknownHost);
    }
    if let Some(host) = site.host
        && !site.flavour.flavour.runs_on(host)
    {
        warnings.push(Warning::FlavourOnOtherCloud { flavour: site.flavour.flavour, host: &host.id });
    }
    let services = profile.workload.services;
    if environment.services_per_vm > services {
        warnings.push(Warning::ServicesPerVmExceedsServices { services_per_vm: environment.services_per_vm, services });
    }
    warnings
}
