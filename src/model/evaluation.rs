//! `evaluate`: from a profile to everything the views, reports and CLI show.

use std::sync::OnceLock;

use super::assumptions::{AssumptionId, Values};
use super::buying::{self, SpotRefusal};
use super::catalogs::Catalogs;
use super::criteria::{self, CriterionId, MAX_WEIGHT, Record};
use super::feasibility::Feasibility;
use super::format::Score;
use super::kubernetes::KubernetesFlavour;
use super::options::{OptionId, OptionSpec};
use super::outlook::{self, BreakEven, CURVE_AXES, Curve};
use super::profile::Profile;
use super::projection;
use super::purchase::Purchase;
use super::resources::Resources;
use super::rules::{Input, MigrationPath, RuleInputs, Shared, Term};
use super::shares::Confidence;
use super::site::Site;
use super::traits::{PrimaryOs, TraitId};

/// Until the verdict's [`Confidence`] is known, margins under this share of the 0–100 scale
/// (and no veto) count as too close to call: the provisional reading of `evaluate`, which
/// must stay within its 20 µs budget and so does not draw the 1,000 plausible worlds. Once
/// a confidence is attached ([`Evaluation::set_confidence`]), the leader's share of those
/// worlds decides instead (see [`Verdict::close_call`]); reports and the command line attach
/// it before they print, the window shows the last confidence (dimmed) while a new one is
/// drawn.
pub const CLOSE_CALL_MARGIN: f64 = 0.10;

/// Whether a margin (a share of the 0–100 scale) is under [`CLOSE_CALL_MARGIN`] as every
/// sentence prints it, in tenths of a point: a margin of 9.996 points reads "10.0 points", and
/// "too close to call, 10.0 points ahead" would contradict the 10-point cut-off it states.
pub fn within_close_call_margin(margin: f64) -> bool {
    under_as_shown(margin, 100.0 * CLOSE_CALL_MARGIN)
}

/// Whether a margin (a share of the 0–100 scale) is under `points` as sentences print it, in
/// tenths of a point.
pub(crate) fn under_as_shown(margin: f64, points: f64) -> bool {
    (1000.0 * margin).round() < (10.0 * points).round()
}

/// The margin between two overall scores (0–100) as a share of the scale, taken between the
/// scores as every view prints them (to a tenth), so that "83.8 vs 81.9" is 1.9 points in
/// every sentence and against every cut-off, not the 1.84 between the unrounded scores. Scores
/// that print alike keep their exact difference, as sentences then print them with the
/// decimals that tell them apart.
pub fn margin_between(leader: f64, runner_up: f64) -> f64 {
    let (a, b) = (Score(leader).shown(), Score(runner_up).shown());
    let points = if a == b { leader - runner_up } else { a - b };
    (points / 100.0).max(0.0)
}

/// Graded veto, as ELECTRE III's discordance (Roy; Figueira, Mousseau & Roy, "ELECTRE
/// methods", in *Multiple Criteria Decision Analysis: State of the Art Surveys*): on a
/// criterion weighted as a must, an option trailing the best compared option by a gap Δ is
/// discounted by d = (Δ − p)/(v − p) between a preference threshold p and a veto threshold v,
/// and its overall score becomes S × (1 − d). It is ruled out only at Δ ≥ v, where its score
/// is already 0, so no single step of an input turns a lead into "ruled out". The gap is
/// measured against the best compared option: a veto says "a rival is far better here", not
/// "this is low". Weights from `VETO_WEIGHT` on are musts (p = 2, v = 10 at weight 4; p = 1,
/// v = 9 at weight 5, linear between); from `DISCORDANCE_FROM_WEIGHT` to `VETO_WEIGHT` the
/// discount fades in, so that changing a weight moves the scores smoothly too. The thresholds
/// are Podvisor's choice: a band 8 points wide keeps one step of any 0–10 trait under 8 points
/// of overall score (a narrower band of 6 reaches about 9).
pub const VETO_WEIGHT: f64 = 4.0;
/// The most a bill's own discount takes: it never rules an option out by itself, so a
/// verdict never turns on the bill alone at any single step.
const MAX_BILL_DISCOUNT: f64 = 0.9;

/// Weight from which a criterion starts to discount options that trail on it.
pub const DISCORDANCE_FROM_WEIGHT: f64 = 3.0;

/// The thresholds of the graded veto at one weight.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct VetoThresholds {
    /// Gap (0–10) up to which trailing costs nothing beyond the weighted sum.
    pub preference: f64,
    /// Gap (0–10) from which the option is ruled out (when `strength` is 1).
    pub veto: f64,
    /// 0–1: how much of the discount applies (1 for musts).
    pub strength: f64,
}

impl VetoThresholds {
    /// The thresholds at a weight, or `None` below [`DISCORDANCE_FROM_WEIGHT`].
    pub fn at(weight: f64) -> Option<Self> {
        let strength = (weight - DISCORDANCE_FROM_WEIGHT).clamp(0.0, 1.0);
        if strength <= 0.0 {
            return None;
        }
        let must = (weight - VETO_WEIGHT).clamp(0.0, 1.0);
        Some(Self { preference: 2.0 - must, veto: 10.0 - must, strength })
    }

    /// The discordance of a gap, 0–1.
    pub fn discordance(&self, gap: f64) -> f64 {
        self.strength * ((gap - self.preference) / (self.veto - self.preference)).clamp(0.0, 1.0)
    }
}

/// Criterion-score gap (0–10) below which a difference is not listed as a pro or con.
const NOTABLE_GAP: f64 = 0.5;

/// Everything Podvisor concludes about one profile, as facts: the sentences that tell them
/// are built by [`crate::narrative`].
#[derive(Clone, Debug)]
pub struct Evaluation {
    /// One entry per option, in the order of the list evaluated.
    pub options: Vec<OptionResult>,
    /// The criteria scored, in scorecard order (the catalogs'): each option's
    /// [`OptionResult::criteria`] follows it.
    pub criteria: &'static [CriterionId],
    pub verdict: Verdict,
    pub warnings: Vec<Warning>,
    /// The assumption values in force (defaults with the profile's overrides).
    pub values: Values,
    /// The host and flavour in force, resolved beside the values.
    pub site: Site,
    /// The profile evaluated, for the outlook.
    profile: Profile,
    /// The projections over scale, worked out when a view or report first asks for them: a
    /// slider moved on any other tab re-evaluates without them.
    outlook: OnceLock<Outlook>,
}

/// Projections over services and over replicas, and where options swap places along them.
#[derive(Clone, Debug)]
struct Outlook {
    curves: Vec<Curve>,
    break_even: Vec<BreakEven>,
}

impl Evaluation {
    /// Projections over services and over replicas.
    pub fn curves(&self) -> &[Curve] {
        &self.outlook().curves
    }

    /// Every point along the curves where two options swap places on a resource.
    pub fn break_even(&self) -> &[BreakEven] {
        &self.outlook().break_even
    }

    fn outlook(&self) -> &Outlook {
        self.outlook.get_or_init(|| {
            let options: Vec<&'static OptionSpec> = self.options.iter().map(|o| o.spec).collect();
            let curves: Vec<Curve> = CURVE_AXES
                .iter()
                .map(|axis| outlook::curve(*axis, &options, &self.profile, &self.values, &self.site))
                .collect();
            let break_even = curves
                .iter()
                .flat_map(|curve| outlook::break_even(curve, &options, &self.profile, &self.values, &self.site))
                .collect();
            Outlook { curves, break_even }
        })
    }

    /// Whether the verdict is too close to call because the leader holds fewer plausible worlds
    /// than `close_call_confidence` asks, rather than (in most of them) by fewer points than
    /// `close_call_min_margin`: only then can the weights and assumptions tip it.
    pub fn close_by_shares(&self) -> bool {
        let verdict = &self.verdict;
        verdict.close_call
            && verdict.leader_share().is_some_and(|share| share < self.values.get(AssumptionId::CloseCallConfidence))
    }

    /// The result of one option, if it was evaluated.
    pub fn option(&self, id: OptionId) -> Option<&OptionResult> {
        self.options.iter().find(|result| result.spec.id() == id)
    }

    /// Index of an option in [`Self::options`].
    pub fn position(&self, id: OptionId) -> Option<usize> {
        self.options.iter().position(|result| result.spec.id() == id)
    }

    /// Attaches the verdict's confidence, drawn for this profile: `close_call` and `winner`
    /// follow the leader's share of it against the profile's `close_call_confidence`.
    pub fn set_confidence(&mut self, confidence: Confidence) {
        self.verdict.attach(confidence, &self.values, false);
    }

    /// Attaches the last confidence drawn for an earlier state of the profile while the
    /// current one is on its way, so that the words keep to it rather than flicker to the
    /// provisional margin reading; marked stale.
    pub fn set_stale_confidence(&mut self, confidence: Confidence) {
        self.verdict.attach(confidence, &self.values, true);
    }

    /// The evaluation with its confidence attached (see [`Self::set_confidence`]).
    #[must_use]
    pub fn with_confidence(mut self, confidence: Confidence) -> Self {
        self.set_confidence(confidence);
        self
    }
}

/// Whether a lead is too close to call: the leader leads in fewer plausible worlds than
/// `close_call_confidence` asks, or by fewer points than `close_call_min_margin`, which the
/// worlds cannot see (the readings of vague claims into numbers are themselves a model).
pub fn too_close(share: f64, margin: f64, values: &Values) -> bool {
    too_close_by(share, margin, close_call_rule(values))
}

/// The `close_call_confidence` and `close_call_min_margin` assumptions in force.
pub fn close_call_rule(values: &Values) -> (f64, f64) {
    (values.get(AssumptionId::CloseCallConfidence), values.get(AssumptionId::CloseCallMinMargin))
}

/// [`too_close`] by a rule already read: the share a leader needs and the points it must
/// lead by.
pub fn too_close_by(share: f64, margin: f64, (needed, floor): (f64, f64)) -> bool {
    // As the headline prints the margin: never "too close to call, 2.0 points ahead" against
    // a 2-point floor.
    share < needed || under_as_shown(margin, floor)
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
    /// A Windows workload compared on an option that boots Linux guests only.
    LinuxOnlyGuests { option: OptionId },
    /// Every instance of this option sits on one host, so replicas of a service share its fate.
    ReplicasShareOneHost { option: OptionId, replicas: i64 },
    /// The managed flavour belongs to another cloud than the chosen host type.
    FlavourOnOtherCloud { flavour: KubernetesFlavour, host: &'static str },
    /// The profile names a host id the catalog does not hold; its own host figures are used.
    UnknownHost,
    /// Running this option takes more engineers than the profile's team has.
    Understaffed { option: OptionId, engineers: f64, team: f64 },
    /// Right-sized VMs are bought as the family's smallest type, which holds more than twice
    /// what each needs: the family sells nothing smaller, so each pays for the floor.
    SmallestTypeFloor { option: OptionId, host: &'static str, memory_gib: f64, cores: u32 },
    /// A way of buying was asked for the team's own hardware, which is bought as its monthly
    /// cost says: no discount applies.
    PurchaseOnOwnHardware { asked: Purchase },
    /// Spot was asked for a component that does not tolerate reclaimed instances: it is bought
    /// on demand.
    SpotRefused(SpotRefusal),
    /// Some hosts run fewer hours a day than a commitment pays off in (it bills all 24): they
    /// are bought on demand. The most hours such hosts run, and the break-even.
    CommitmentDeclined { hours: f64, break_even: f64 },
    /// The chosen type is burstable: it sustains only `baseline` of its vCPUs on CPU credits,
    /// while the projection counts them all.
    BurstableHost { host: &'static str, cores: u32, baseline: f64 },
}

/// How one option fares.
#[derive(Clone, Debug)]
pub struct OptionResult {
    pub spec: &'static OptionSpec,
    /// Whether the host can run the option, and in what form.
    pub feasibility: Feasibility,
    /// Overall score, 0–100: the weighted sum, discounted by the graded vetoes.
    pub score: f64,
    /// The weighted sum before any discount, 0–100.
    pub weighted_sum: f64,
    /// Musts on which the option trails a rival by more than the preference threshold.
    pub discounts: Vec<Discount>,
    /// How the application gets onto this option (the better path for the workload).
    pub path: MigrationPath,
    /// One entry per criterion, in [`Evaluation::criteria`] order.
    pub criteria: Vec<CriterionScore>,
    /// Strengths that matter for this workload, most impact first.
    pub pros: Vec<Point>,
    /// Weaknesses that matter for this workload, most impact first.
    pub cons: Vec<Point>,
    pub resources: Resources,
}

impl OptionResult {
    /// The option's score on a criterion, if the evaluation scored it.
    pub fn criterion(&self, id: CriterionId) -> Option<&CriterionScore> {
        self.criteria.iter().find(|score| score.criterion == id)
    }
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
    /// The figures the rule worked out besides its terms, which the sentences quote.
    pub record: Record,
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
    /// The option ranked second, which margins and reasons refer to; `None` when no other
    /// option is offered on the host.
    pub runner_up: Option<OptionId>,
    /// The leader, unless the verdict is too close to call.
    pub winner: Option<OptionId>,
    /// Gap between the two best options as a share of the 0–100 scale.
    pub margin: f64,
    /// With a [`Confidence`]: the leader leads in less than the `close_call_confidence` share
    /// of plausible worlds (an assumption, 0.66 by default). Without one: the provisional
    /// reading, a margin under [`CLOSE_CALL_MARGIN`] and no veto. Never with one option.
    pub close_call: bool,
    /// How often each option leads across plausible worlds, once drawn (see
    /// [`super::confidence()`]).
    pub confidence: Option<Confidence>,
    /// The confidence attached was drawn for an earlier state of the profile: the window
    /// keeps showing it (dimmed) while the current one is drawn off the frame.
    pub confidence_stale: bool,
    /// Criteria that most favour the leader over the runner-up, most weight first.
    pub decisive: Vec<CriterionId>,
    /// Options ruled out by a veto, with the criterion that ruled each out.
    pub ruled_out: Vec<Veto>,
    /// Whether a veto rather than the scores puts the leader ahead of the runner-up.
    pub by_veto: bool,
}

impl Verdict {
    /// The leader's share of plausible worlds, once the confidence is known.
    pub fn leader_share(&self) -> Option<f64> {
        self.confidence.as_ref().map(|confidence| confidence.share(self.leader))
    }

    /// Attaches a confidence: from now on it decides whether the verdict is a close call.
    fn attach(&mut self, confidence: Confidence, values: &Values, stale: bool) {
        self.close_call = self.runner_up.is_some() && too_close(confidence.share(self.leader), self.margin, values);
        self.winner = (!self.close_call).then_some(self.leader);
        self.confidence = Some(confidence);
        self.confidence_stale = stale;
    }

    /// The veto ruling an option out, if any.
    pub fn veto_of(&self, option: OptionId) -> Option<&Veto> {
        self.ruled_out.iter().find(|veto| veto.option == option)
    }
}

/// An option ruled out by trailing a rival on a must by the veto threshold or more.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Veto {
    pub option: OptionId,
    pub criterion: CriterionId,
    /// The option's own score on the criterion, 0–10.
    pub score: f64,
    /// How far it trails the best compared option there, 0–10.
    pub gap: f64,
    /// The veto threshold the gap reached.
    pub threshold: f64,
    pub weight: f64,
    /// The option scoring best on the criterion.
    pub rival: OptionId,
}

/// A graded-veto discount of one option on one must.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Discount {
    pub criterion: CriterionId,
    /// How far the option trails the best compared option, 0–10.
    pub gap: f64,
    /// Share of the score taken away, 0–1 (1: ruled out).
    pub discordance: f64,
    pub thresholds: VetoThresholds,
    /// The option scoring best on the criterion (for a bill's discount, the cheapest).
    pub rival: OptionId,
    /// For the bill's own discount, the option's bill over the cheapest option's; its
    /// thresholds are then ratios of bills, not gaps of scores.
    pub bill_ratio: Option<f64>,
}

/// Scores without explanations: what sensitivity sweeps need, and what `evaluate` builds on.
pub(crate) struct Scored {
    pub values: Values,
    pub site: Site,
    pub resources: Vec<Resources>,
    /// The migration path each option is scored on.
    pub paths: Vec<MigrationPath>,
    /// The criteria scored, in scorecard order: the catalogs'.
    pub criteria: &'static [CriterionId],
    /// `scores[option * criteria.len() + criterion]`: each criterion's terms summed, on the
    /// 0–10 scale (sensitivity sweeps read them thousands of times).
    scores: Vec<f64>,
    /// Where cost is among `criteria`, for the bill's own discount.
    cost: Option<usize>,
    pub weights: Vec<f64>,
    /// The weights that decide the graded vetoes when they are not those passed in: a
    /// plausible world of [`super::confidence`] draws how much each criterion counts but keeps
    /// the reader's musts. `None`: the weights passed in decide both.
    musts: Option<Vec<f64>>,
    /// Option keys, to name rivals in discounts.
    options: Vec<&'static OptionSpec>,
    /// Whether the host can run each option.
    pub feasibility: Vec<Feasibility>,
    /// Whether each is offered at all, as the rules read it.
    offered: Vec<bool>,
    shared: Shared,
}

/// `terms[option][criterion]`: the terms behind each score.
pub(crate) type TermTable = Vec<Vec<Worked>>;

/// How one score was worked out: its terms and what its rule recorded besides them.
#[derive(Clone, Debug, Default)]
pub(crate) struct Worked {
    terms: Vec<Term>,
    record: Record,
}

/// What scoring starts from besides the profile's traits.
struct Basis {
    values: Values,
    site: Site,
    weights: Vec<f64>,
    musts: Option<Vec<f64>>,
    resources: Vec<Resources>,
    /// What the host offers, when carried over from a variant's original.
    feasibility: Option<Vec<Feasibility>>,
}

/// A graded-veto discount in index form (see [`Discount`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Graded {
    pub criterion: usize,
    pub rival: usize,
    pub gap: f64,
    pub discordance: f64,
    pub thresholds: VetoThresholds,
    pub bill_ratio: Option<f64>,
}

impl Scored {
    /// Scores a profile against options, its assumption values and site already resolved.
    pub fn new(profile: &Profile, values: Values, site: Site, options: &[&'static OptionSpec]) -> Self {
        let resources = options.iter().map(|o| projection::project(o, profile, &values, &site)).collect();
        let weights = weights_of(profile, &site);
        Self::build(profile, Basis { values, site, weights, musts: None, resources, feasibility: None }, options, None)
    }

    /// Scores a profile under given weights (one per criterion, in the catalogs' order) rather
    /// than its own: a plausible world of [`super::confidence`], where the weights also pick
    /// each option's migration path. The graded vetoes follow the profile's own weights.
    pub fn with_weights(
        profile: &Profile,
        values: Values,
        site: Site,
        weights: Vec<f64>,
        options: &[&'static OptionSpec],
    ) -> Self {
        let resources = options.iter().map(|o| projection::project(o, profile, &values, &site)).collect();
        let musts = Some(weights_of(profile, &site));
        Self::build(profile, Basis { values, site, weights, musts, resources, feasibility: None }, options, None)
    }

    /// Scores a profile and keeps the terms behind every score.
    pub fn with_terms(
        profile: &Profile,
        values: Values,
        site: Site,
        options: &[&'static OptionSpec],
    ) -> (Self, TermTable) {
        let resources = options.iter().map(|o| projection::project(o, profile, &values, &site)).collect();
        let weights = weights_of(profile, &site);
        let mut table = vec![vec![Worked::default(); site.catalogs.criteria.len()]; options.len()];
        let basis = Basis { values, site, weights, musts: None, resources, feasibility: None };
        let scored = Self::build(profile, basis, options, Some(&mut table));
        (scored, table)
    }

    /// Scores `variant`, the scored profile with only trait `moved` changed: the assumption
    /// values and weights carry over (no trait sets them), and so do the resources unless
    /// the trait is a projection input, and what the host offers unless the trait is the
    /// workload's need for nested virtualization.
    pub fn variant(&self, variant: &Profile, moved: TraitId) -> Self {
        let resources = if projection::reads(variant, moved) {
            self.options.iter().map(|o| projection::project(o, variant, &self.values, &self.site)).collect()
        } else {
            self.resources.clone()
        };
        let feasibility = (moved != TraitId::NestedVirtualization).then(|| self.feasibility.clone());
        let basis = Basis {
            values: self.values.clone(),
            site: self.site,
            weights: self.weights.clone(),
            musts: self.musts.clone(),
            resources,
            feasibility,
        };
        Self::build(variant, basis, &self.options, None)
    }

    fn build(
        profile: &Profile,
        basis: Basis,
        options: &[&'static OptionSpec],
        mut table: Option<&mut TermTable>,
    ) -> Self {
        let Basis { values, site, weights, musts, resources, feasibility } = basis;
        let criteria = site.catalogs.criteria.as_slice();
        let paths = vec![MigrationPath::AsIs; options.len()];
        let mut buffer = Worked { terms: Vec::with_capacity(8), record: Record::Terms };
        let mut scores = vec![0.0; options.len() * criteria.len()];
        let shared = Shared::of(profile, &values);
        let feasibility =
            feasibility.unwrap_or_else(|| options.iter().map(|o| Feasibility::of(o, profile, &site)).collect());
        let offered: Vec<bool> = feasibility.iter().map(Feasibility::is_offered).collect();
        let inputs = RuleInputs {
            profile,
            values: &values,
            options,
            resources: &resources,
            paths: &paths,
            offered: &offered,
            shared,
        };
        for o in 0..options.len() {
            for (c, criterion) in criteria.iter().enumerate() {
                scores[o * criteria.len() + c] = score_into(*criterion, &inputs, o, &mut buffer);
                if let Some(table) = table.as_deref_mut() {
                    table[o][c].clone_from(&buffer);
                }
            }
        }
        let mut scored = Self {
            values,
            site,
            resources,
            paths,
            criteria,
            scores,
            cost: criteria.iter().position(|c| *c == CriterionId::COST),
            weights,
            musts,
            options: options.to_vec(),
            feasibility,
            offered,
            shared,
        };
        // Each image-built option is scored on its better migration path: the one that gives it
        // the higher overall score, graded vetoes included (a costlier path can widen a gap on
        // a must).
        let path_criteria = MigrationPath::CRITERIA.map(|id| criteria.iter().position(|c| *c == id));
        for (o, spec) in options.iter().enumerate() {
            for path in MigrationPath::offered(spec).iter().skip(1) {
                let before = scored.overall_of(o, &scored.weights);
                let kept = std::mem::replace(&mut scored.paths[o], *path);
                let alternative = path_criteria.map(|at| {
                    let inputs = scored.inputs(profile);
                    at.map(|c| (c, score_into(criteria[c], &inputs, o, &mut buffer)))
                });
                let previous =
                    alternative.map(|found| found.map(|(c, score)| std::mem::replace(scored.score_mut(o, c), score)));
                if scored.overall_of(o, &scored.weights) > before + 1e-9 {
                    if let Some(table) = table.as_deref_mut() {
                        for (c, _) in alternative.into_iter().flatten() {
                            score_into(criteria[c], &scored.inputs(profile), o, &mut buffer);
                            table[o][c].clone_from(&buffer);
                        }
                    }
                } else {
                    scored.paths[o] = kept;
                    for ((c, _), score) in alternative.into_iter().flatten().zip(previous.into_iter().flatten()) {
                        *scored.score_mut(o, c) = score;
                    }
                }
            }
        }
        scored
    }

    fn inputs<'a>(&'a self, profile: &'a Profile) -> RuleInputs<'a> {
        RuleInputs {
            profile,
            values: &self.values,
            options: &self.options,
            resources: &self.resources,
            paths: &self.paths,
            offered: &self.offered,
            shared: self.shared,
        }
    }

    /// Where a criterion is among those scored.
    pub fn position(&self, criterion: CriterionId) -> Option<usize> {
        self.criteria.iter().position(|c| *c == criterion)
    }

    /// Criterion score of an option.
    pub fn score(&self, option: usize, criterion: usize) -> f64 {
        self.scores[option * self.criteria.len() + criterion]
    }

    fn score_mut(&mut self, option: usize, criterion: usize) -> &mut f64 {
        &mut self.scores[option * self.criteria.len() + criterion]
    }

    /// An option's weighted sum (0–100) under the given weights, before any discount.
    fn weighted_of(&self, option: usize, weights: &[f64]) -> f64 {
        let total: f64 = weights.iter().sum();
        if total <= 0.0 {
            return 0.0;
        }
        let sum: f64 = weights.iter().enumerate().map(|(c, w)| w * self.score(option, c)).sum();
        10.0 * sum / total
    }

    /// Weighted sums (0–100) per option under the given weights, before any discount.
    pub fn weighted_with(&self, weights: &[f64]) -> Vec<f64> {
        (0..self.options.len()).map(|o| self.weighted_of(o, weights)).collect()
    }

    /// An option's graded-veto discounts under the given weights (or the kept musts, if
    /// any), in criterion order.
    fn discordances_of<'a>(&'a self, option: usize, weights: &'a [f64]) -> impl Iterator<Item = Graded> + 'a {
        let options = self.options.len();
        let weights = self.musts.as_deref().unwrap_or(weights);
        let vetoes = weights.iter().enumerate().filter_map(move |(c, weight)| {
            let thresholds = VetoThresholds::at(*weight)?;
            let rival = self.rivals(options).max_by(|a, b| self.score(*a, c).total_cmp(&self.score(*b, c)))?;
            let gap = self.score(rival, c) - self.score(option, c);
            let discordance = thresholds.discordance(gap);
            (discordance > 0.0).then_some(Graded {
                criterion: c,
                rival,
                gap,
                discordance,
                thresholds,
                bill_ratio: None,
            })
        });
        vetoes.chain(self.bill_discount(option, weights))
    }

    /// The bill's own discount: an option whose monthly bill is more than
    /// `cost_discount_from_ratio` times the cheapest offered option's loses
    /// `cost_discount_per_decade` of its total for every tenfold beyond, in full from the cost
    /// criterion's default weight (3) and fading to none at 0. The cost criterion alone,
    /// bounded at 0–10 and weighted 3 of about 46, let a 37-fold bill cost 6.5 points.
    fn bill_discount(&self, option: usize, weights: &[f64]) -> Option<Graded> {
        let cost = self.cost?;
        let bill = |o: usize| self.resources[o].monthly_cost;
        let rival = self.rivals(self.options.len()).min_by(|a, b| bill(*a).total_cmp(&bill(*b)))?;
        let (own, cheapest) = (bill(option), bill(rival));
        if cheapest <= 0.0 || own <= cheapest {
            return None;
        }
        let strength = (weights[cost] / CriterionId::COST.spec().default_weight).clamp(0.0, 1.0);
        let from = self.values.get(AssumptionId::CostDiscountFromRatio);
        let per_decade = self.values.get(AssumptionId::CostDiscountPerDecade);
        let ratio = own / cheapest;
        let discordance = (strength * per_decade * (ratio / from).log10()).clamp(0.0, MAX_BILL_DISCOUNT);
        (discordance > 0.0).then_some(Graded {
            criterion: cost,
            rival,
            gap: self.score(rival, cost) - self.score(option, cost),
            discordance,
            // Thresholds in bills' ratios: it starts at `from` and never rules an option out.
            thresholds: VetoThresholds { preference: from, veto: f64::INFINITY, strength },
            bill_ratio: Some(ratio),
        })
    }

    /// The options a graded veto measures against: those the host offers (an option that
    /// cannot run here vetoes nothing), or all when none is offered.
    fn rivals(&self, options: usize) -> impl Iterator<Item = usize> + '_ {
        let any = self.feasibility.iter().any(Feasibility::is_offered);
        (0..options).filter(move |&o| !any || self.feasibility[o].is_offered())
    }

    /// Whether the host offers an option.
    pub fn offered(&self, option: usize) -> bool {
        self.feasibility[option].is_offered()
    }

    /// Per option, the graded-veto discounts under the given weights, largest first.
    pub fn discordances_with(&self, weights: &[f64]) -> Vec<Vec<Graded>> {
        (0..self.options.len())
            .map(|o| {
                let mut found: Vec<Graded> = self.discordances_of(o, weights).collect();
                found.sort_by(|a, b| b.discordance.total_cmp(&a.discordance));
                found
            })
            .collect()
    }

    /// An option's overall 0–100 score under the given weights: its weighted sum discounted
    /// by every graded veto, S × Π(1 − d).
    pub fn overall_of(&self, option: usize, weights: &[f64]) -> f64 {
        self.weighted_of(option, weights)
            * self.discordances_of(option, weights).map(|d| 1.0 - d.discordance).product::<f64>()
    }

    /// Overall 0–100 scores per option under the given weights (see [`Self::overall_of`]).
    pub fn overall_with(&self, weights: &[f64]) -> Vec<f64> {
        (0..self.options.len()).map(|o| self.overall_of(o, weights)).collect()
    }

    pub fn overall(&self) -> Vec<f64> {
        self.overall_with(&self.weights)
    }

    /// Leader and runner-up under the given weights (see [`standings`]).
    pub fn standings_with(&self, weights: &[f64]) -> Standings {
        let weighted = self.weighted_with(weights);
        let discordances = self.discordances_with(weights);
        standings(&self.overall_with(weights), &weighted, &discordances, &self.feasibility)
    }

    /// The leader under the given weights, ordered as [`standings`] orders options, without
    /// building the standings: the critical-weight search asks this hundreds of times.
    pub fn leader_with(&self, weights: &[f64]) -> usize {
        let rank = |o: usize| {
            let weighted = self.weighted_of(o, weights);
            let (mut kept, mut out) = (1.0, false);
            for d in self.discordances_of(o, weights) {
                kept *= 1.0 - d.discordance;
                out |= d.discordance >= 1.0;
            }
            (!self.offered(o), out, weighted * kept, weighted)
        };
        let ahead = |a: (bool, bool, f64, f64), b: (bool, bool, f64, f64)| {
            a.0.cmp(&b.0).then(a.1.cmp(&b.1)).then(b.2.total_cmp(&a.2)).then(b.3.total_cmp(&a.3)).is_lt()
        };
        (0..self.options.len())
            .map(|o| (o, rank(o)))
            .reduce(|best, next| if ahead(next.1, best.1) { next } else { best })
            .map_or(0, |(o, _)| o)
    }

    pub fn spec(&self, option: usize) -> &'static OptionSpec {
        self.options[option]
    }
}

/// One criterion's score: its terms written to `worked` (a clamp term added when they leave
/// the 0–10 scale, so they always sum exactly) and summed.
fn score_into(criterion: CriterionId, inputs: &RuleInputs<'_>, option: usize, worked: &mut Worked) -> f64 {
    let buffer = &mut worked.terms;
    buffer.clear();
    worked.record = criteria::terms(criterion, inputs, option, buffer);
    let sum: f64 = buffer.iter().map(|t| t.effect).sum();
    let total = sum.clamp(0.0, 10.0);
    if (total - sum).abs() > 1e-12 {
        buffer.push(Term {
            label: "kept on the 0–10 scale",
            input: Input::Clamp,
            value: sum,
            effect: total - sum,
            sources: &[],
        });
    }
    total
}

/// Whether an option is ruled out: some discount is whole.
fn is_ruled_out(found: &[Graded]) -> bool {
    found.iter().any(|d| d.discordance >= 1.0)
}

/// Who leads and why.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Standings {
    pub leader: usize,
    /// The best offered option after the leader; `None` when no other option is offered.
    pub runner_up: Option<usize>,
    /// Whether a veto, not the scores, puts the leader ahead of the runner-up.
    pub by_veto: bool,
}

/// Options the host offers come first, then the others (whatever their scores); within each,
/// options not ruled out come first, by discounted score, and ruled-out options (all at 0)
/// follow, by their weighted sums. The runner-up is offered: an option the host cannot run is
/// never a close second. When nothing is offered, the best of the rest leads alone.
pub(crate) fn standings(
    scores: &[f64],
    weighted: &[f64],
    discordances: &[Vec<Graded>],
    feasibility: &[Feasibility],
) -> Standings {
    let out = |o: usize| is_ruled_out(&discordances[o]);
    let offered = |o: usize| feasibility[o].is_offered();
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|a, b| {
        offered(*b)
            .cmp(&offered(*a))
            .then(out(*a).cmp(&out(*b)))
            .then(scores[*b].total_cmp(&scores[*a]))
            .then(weighted[*b].total_cmp(&weighted[*a]))
    });
    let leader = order[0];
    let runner_up = order.get(1).copied().filter(|&r| offered(r));
    Standings { leader, runner_up, by_veto: runner_up.is_some_and(|r| !out(leader) && out(r)) }
}

/// The weights a profile gives the criteria a site's catalogs list, in their order.
fn weights_of(profile: &Profile, site: &Site) -> Vec<f64> {
    site.catalogs.criteria.iter().map(|c| weight(profile, *c)).collect()
}

/// The weight a profile gives a criterion: its override if any, else the default; 0–5.
pub fn weight(profile: &Profile, criterion: CriterionId) -> f64 {
    let spec = criterion.spec();
    profile.weights.get(spec.key).copied().unwrap_or(spec.default_weight).clamp(0.0, MAX_WEIGHT)
}

/// Evaluates a profile against the options it compares, in its order, with every figure and
/// rule taken from `catalogs` (`'static`: the evaluation borrows host types and offers from
/// them; the shipped ones are loaded once at the edge, `crate::builtin`).
pub fn evaluate(profile: &Profile, catalogs: &'static Catalogs) -> Evaluation {
    evaluate_options(profile, catalogs, &profile.option_specs())
}

/// Evaluates a profile against any list of options (at least one).
pub fn evaluate_options(profile: &Profile, catalogs: &'static Catalogs, options: &[&'static OptionSpec]) -> Evaluation {
    let (values, site) = (catalogs.assumptions.resolve(&profile.assumptions), Site::resolve(profile, catalogs));
    let (scored, mut terms) = Scored::with_terms(profile, values, site, options);
    let weighted = scored.weighted_with(&scored.weights);
    let discordances = scored.discordances_with(&scored.weights);
    let overall = scored.overall();
    let scores: Vec<Vec<f64>> =
        (0..options.len()).map(|o| (0..scored.criteria.len()).map(|c| scored.score(o, c)).collect()).collect();
    let discounts: Vec<Vec<Discount>> = discordances
        .iter()
        .map(|found| {
            found
                .iter()
                .map(|d| Discount {
                    criterion: scored.criteria[d.criterion],
                    gap: d.gap,
                    discordance: d.discordance,
                    thresholds: d.thresholds,
                    rival: scored.spec(d.rival).id(),
                    bill_ratio: d.bill_ratio,
                })
                .collect()
        })
        .collect();
    let Scored { values, site, resources, paths, weights, mut feasibility, criteria, .. } = scored;
    let weight_total: f64 = weights.iter().sum();
    // With several options, "beats the best on this criterion" would leave a winner with no
    // pros; an option is argued against the one it actually competes with.
    let standing = standings(&overall, &weighted, &discordances, &feasibility);
    let rival_of = |o: usize| if o == standing.leader { standing.runner_up } else { Some(standing.leader) };

    let results: Vec<OptionResult> = options
        .iter()
        .enumerate()
        .map(|(o, spec)| {
            let mut pros = Vec::new();
            let mut cons = Vec::new();
            let criteria = criteria
                .iter()
                .enumerate()
                .map(|(c, &criterion)| {
                    let spec = criterion.spec();
                    let rival = rival_of(o);
                    let Worked { terms, record } = std::mem::take(&mut terms[o][c]);
                    let score = CriterionScore {
                        criterion,
                        score: scores[o][c],
                        weight: weights[c],
                        terms,
                        record,
                        rival: rival.map(|r| options[r].id()),
                    };
                    if let Some(rival) = rival {
                        let gap = score.score - scores[rival][c];
                        let agrees = agrees_with_figures(criterion, &resources[o], &resources[rival], gap);
                        if gap.abs() >= NOTABLE_GAP && score.weight > 0.0 && agrees {
                            let point = Point {
                                criterion,
                                title: if gap > 0.0 { spec.pro } else { spec.con },
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
            OptionResult {
                spec,
                feasibility: std::mem::replace(&mut feasibility[o], Feasibility::Offered),
                score: overall[o],
                weighted_sum: weighted[o],
                discounts: discounts[o].clone(),
                path: paths[o],
                criteria,
                pros,
                cons,
                resources: resources[o],
            }
        })
        .collect();

    Evaluation {
        verdict: verdict(&results, standing),
        warnings: warnings(profile, (&values, &site), &results, weight_total),
        options: results,
        criteria,
        values,
        site,
        profile: profile.clone(),
        outlook: OnceLock::new(),
    }
}

/// Whether a pro or con points the same way as the figure its sentence quotes, so that no
/// option is called worse on a figure it leads (or better on one it trails).
///
/// Resource efficiency and the bill: an option can need more memory and CPU yet pack more
/// densely (a pod limit or an unbalanced host strands the leaner option's capacity); calling
/// it "heavy on resources" beside its lower bill would contradict the projection, so such a
/// point is left to the cost criterion, whose sentence explains the difference. Patching and
/// the OS instances to patch: the score also weighs compliance load and image freshness, so
/// an option with fewer instances to patch can score lower; "harder to keep patched … 40 vs
/// 43" would contradict its own figures. The score itself is kept in both cases.
fn agrees_with_figures(criterion: CriterionId, own: &Resources, rival: &Resources, gap: f64) -> bool {
    // Both figures are better lower.
    let (own, theirs) = if criterion == CriterionId::RESOURCE_EFFICIENCY {
        (own.monthly_cost, rival.monthly_cost)
    } else if criterion == CriterionId::PATCHING {
        (own.os_instances_to_patch, rival.os_instances_to_patch)
    } else {
        return true;
    };
    !(gap < 0.0 && own < theirs || gap > 0.0 && own > theirs)
}

fn verdict(results: &[OptionResult], standing: Standings) -> Verdict {
    let Standings { leader: lead, runner_up, by_veto } = standing;
    let leader = &results[lead];
    let ruled_out: Vec<Veto> = results
        .iter()
        .filter_map(|result| {
            let d = result.discounts.iter().find(|d| d.discordance >= 1.0)?;
            let criterion = result.criterion(d.criterion)?;
            Some(Veto {
                option: result.spec.id(),
                criterion: d.criterion,
                score: criterion.score,
                gap: d.gap,
                threshold: d.thresholds.veto,
                weight: criterion.weight,
                rival: d.rival,
            })
        })
        .collect();
    let Some(second) = runner_up else {
        // Alone in the race: a winner if the host offers it, else nothing is.
        return Verdict {
            leader: leader.spec.id(),
            runner_up: None,
            winner: leader.feasibility.is_offered().then_some(leader.spec.id()),
            margin: 1.0,
            close_call: false,
            confidence: None,
            confidence_stale: false,
            decisive: Vec::new(),
            ruled_out,
            by_veto: false,
        };
    };
    let runner = &results[second];
    let margin = margin_between(leader.score, runner.score);
    let close_call = !by_veto && within_close_call_margin(margin);

    // A criterion decides only where the leader is notably ahead on it, as a pro must be: a
    // tenth of a point on heavy work is no reason for a 192 MiB web site's verdict.
    let mut edges: Vec<(CriterionId, f64)> = leader
        .criteria
        .iter()
        .zip(&runner.criteria)
        .filter(|(a, b)| a.score - b.score >= NOTABLE_GAP)
        .map(|(a, b)| (a.criterion, a.weight * (a.score - b.score)))
        .filter(|(c, edge)| *edge > 0.0 && agrees_with_figures(*c, &leader.resources, &runner.resources, *edge))
        .collect();
    edges.sort_by(|a, b| b.1.total_cmp(&a.1));
    Verdict {
        leader: leader.spec.id(),
        runner_up: Some(runner.spec.id()),
        winner: (!close_call).then_some(leader.spec.id()),
        margin,
        close_call,
        confidence: None,
        confidence_stale: false,
        decisive: edges.iter().take(3).map(|(c, _)| *c).collect(),
        ruled_out,
        by_veto,
    }
}

fn warnings(
    profile: &Profile,
    (values, site): (&Values, &Site),
    results: &[OptionResult],
    weight_total: f64,
) -> Vec<Warning> {
    let mut warnings = Vec::new();
    if weight_total <= 0.0 {
        warnings.push(Warning::NoWeights);
    }
    let environment = &profile.environment;
    for result in results.iter().filter(|result| !result.resources.fits_on_host) {
        // The host the instance was packed onto: the cloud type bought, or the team's own.
        let (host_memory_gib, host_cores) = match result.resources.host_type {
            Some(host) => (host.memory_gib, i64::from(host.cores)),
            None => (environment.host_memory_gib, environment.host_cores),
        };
        warnings.push(Warning::InstanceExceedsHost { option: result.spec.id(), host_memory_gib, host_cores });
    }
    if profile.workload().primary_os == PrimaryOs::Windows {
        for result in results.iter().filter(|result| result.spec.linux_only) {
            warnings.push(Warning::LinuxOnlyGuests { option: result.spec.id() });
        }
    }
    let replicas = profile.workload().replicas;
    for result in results {
        let r = &result.resources;
        if replicas >= 2 && r.hosts < 2.0 {
            warnings.push(Warning::ReplicasShareOneHost { option: result.spec.id(), replicas });
        }
    }
    if let Some(team) = &environment.team {
        for result in results.iter().filter(|result| result.resources.engineers > team.engineers + 1e-9) {
            let engineers = result.resources.engineers;
            warnings.push(Warning::Understaffed { option: result.spec.id(), engineers, team: team.engineers });
        }
    }
    for result in results {
        let r = &result.resources;
        let Some(host) = r.host_type.filter(|_| r.footprint.own_host) else { continue };
        let smallest =
            site.catalogs.hosts.family(&host.family).min_by(|a, b| a.price_per_hour.total_cmp(&b.price_per_hour));
        let per_vm_gib = r.memory_gib / r.instances.max(1.0);
        if smallest.is_some_and(|smallest| smallest.id == host.id) && per_vm_gib * 2.0 < host.memory_gib {
            warnings.push(Warning::SmallestTypeFloor {
                option: result.spec.id(),
                host: &host.id,
                memory_gib: host.memory_gib,
                cores: host.cores,
            });
        }
    }
    if site.unknown_host {
        warnings.push(Warning::UnknownHost);
    }
    if let Some(host) = site.host
        && !site.flavour.flavour.runs_on(host)
    {
        warnings.push(Warning::FlavourOnOtherCloud { flavour: site.flavour.flavour, host: &host.id });
    }
    if let Some(host) = site.host
        && let Some(baseline) = host.baseline_cpu
    {
        warnings.push(Warning::BurstableHost { host: &host.id, cores: host.cores, baseline });
    }
    let services = profile.workload().services;
    if environment.services_per_vm > services {
        warnings.push(Warning::ServicesPerVmExceedsServices { services_per_vm: environment.services_per_vm, services });
    }
    purchase_warnings(profile, (values, site), results, &mut warnings);
    warnings
}

/// Where compute is not bought as asked, and why: the team's own hardware, spot refused to a
/// component that does not tolerate it, or hosts running too few hours for a commitment.
fn purchase_warnings(
    profile: &Profile,
    (values, site): (&Values, &Site),
    results: &[OptionResult],
    warnings: &mut Vec<Warning>,
) {
    let asked = profile.components[0].purchase.unwrap_or(profile.environment.purchase);
    if asked == Purchase::OnDemand {
        return;
    }
    if site.host.is_none() {
        warnings.push(Warning::PurchaseOnOwnHardware { asked });
        return;
    }
    if let Some(refusal) = buying::spot_refusal(profile, values).filter(|_| asked == Purchase::Spot) {
        warnings.push(Warning::SpotRefused(refusal));
    }
    let declined = results.iter().filter_map(|result| {
        let bought = &result.resources.bought;
        Some((bought.declined_hours?, bought.offer?.discount))
    });
    if let Some((hours, discount)) = declined.max_by(|a, b| a.0.total_cmp(&b.0)) {
        warnings.push(Warning::CommitmentDeclined { hours, break_even: buying::break_even_hours(discount) });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feasibility::{Obstacle, ObstacleKind};
    use crate::model::options::REGISTRY;

    #[test]
    fn too_close_by_the_share_of_worlds_or_by_the_points() {
        let values = crate::model::catalogs::shipped().assumptions.resolve(&Profile::default().assumptions);
        // 66 % of worlds and a 2-point lead are what a winner needs.
        assert!(!too_close(0.66, 0.02, &values));
        assert!(too_close(0.65, 0.30, &values), "a likely lead is not enough by points alone");
        assert!(too_close(0.99, 0.019, &values), "a lead under 2 points is the model's rounding");
        assert!(!too_close(0.99, 0.01996, &values), "a lead printed as 2.0 points is not under 2");
    }

    #[test]
    fn vms_far_below_the_smallest_type_pay_its_floor_and_say_so() {
        // Four 192 MiB sites, a VM each on aws/m6i: the family's smallest type, m6i.large
        // (2 vCPU, 8 GiB at 0.096 USD an hour), is the floor: 4 × 0.096 × 730 = 280.32 a month.
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 4;
        w.replicas = 1;
        w.peak_factor = 1.0;
        w.memory_per_instance_mib = 192.0;
        w.cpu_per_instance = 0.1;
        p.environment.host = "aws/m6i.large".to_owned();
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        let vm = &evaluation.options[0];
        assert_eq!(vm.resources.hosts, 4.0);
        assert!((vm.resources.monthly_cost - 4.0 * 0.096 * 730.0).abs() < 1e-6, "{}", vm.resources.monthly_cost);
        let floor =
            Warning::SmallestTypeFloor { option: OptionId::VM, host: "aws/m6i.large", memory_gib: 8.0, cores: 2 };
        assert!(evaluation.warnings.contains(&floor), "{:?}", evaluation.warnings);
    }

    #[test]
    fn a_bill_beyond_twice_the_cheapest_discounts_the_total() {
        // Eight 512 MiB services on 3 GiB hosts: VMs need 8 hosts, containers 3. A bill 8/3
        // times the cheapest is 4/3 of the twofold start: 0.09 × log10(4/3) = 1.124 % off.
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 8;
        w.replicas = 1;
        w.peak_factor = 1.0;
        w.memory_per_instance_mib = 512.0;
        w.cpu_per_instance = 0.25;
        p.environment.host_memory_gib = 3.0;
        let evaluation = evaluate(&p, crate::model::catalogs::shipped());
        let (vm, container) = (&evaluation.options[0], &evaluation.options[1]);
        assert_eq!((vm.resources.hosts, container.resources.hosts), (8.0, 3.0));
        let [bill] = vm.discounts.as_slice() else { panic!("{:?}", vm.discounts) };
        assert_eq!((bill.criterion, bill.rival), (CriterionId::COST, container.spec.id()));
        assert!((bill.bill_ratio.unwrap_or(0.0) - 8.0 / 3.0).abs() < 1e-9);
        assert!((bill.discordance - 0.09 * (4.0f64 / 3.0).log10()).abs() < 1e-12);
        assert!((vm.score - vm.weighted_sum * (1.0 - bill.discordance)).abs() < 1e-9);
        assert!(container.discounts.is_empty());
        // A reader who sets cost's weight to 0 pays no attention to the bill.
        p.weights.insert(CriterionId::COST.key(), 0.0);
        assert!(evaluate(&p, crate::model::catalogs::shipped()).options[0].discounts.is_empty());
    }

    fn not_offered() -> Feasibility {
        Feasibility::NotOffered(Obstacle { kind: ObstacleKind::CannotNest, sources: Vec::new(), remedies: Vec::new() })
    }

    /// VMs packing all 112 services into each of 48 replicas' VMs patch far fewer OS
    /// instances than containers of 9.5 cores each spread over many 147-core hosts (49 against
    /// 117), yet score lower on patching: guests living 2 hours are patched in place while
    /// the containers' churn keeps their images fresh. "Harder to keep patched: 49 vs 117"
    /// would contradict its own figures, so VMs get no patching con, containers no pro.
    #[test]
    fn no_patching_con_for_the_option_with_fewer_os_instances() {
        let mut profile = Profile::default();
        *profile.workload_mut() = crate::model::Workload {
            services: 112,
            replicas: 48,
            memory_per_instance_mib: 16.0,
            cpu_per_instance: 9.5,
            lifespan_days: 2.0 / 24.0,
            deploys_per_week: 0.0,
            ..crate::model::Workload::default()
        };
        profile.environment.services_per_vm = 112;
        profile.environment.host_cores = 147;
        profile.environment.host_memory_gib = 1257.6;
        profile.environment.cpu_overcommit = 3.0;
        let evaluation = evaluate(&profile, crate::model::catalogs::shipped());
        let [vm, container] = [OptionId::VM, OptionId::CONTAINER].map(|id| evaluation.option(id).expect("compared"));
        let patching = |result: &OptionResult| result.criterion(CriterionId::PATCHING).expect("scored").score;
        let os = |result: &OptionResult| result.resources.os_instances_to_patch;
        assert!(os(vm) < os(container), "{} against {}", os(vm), os(container));
        assert!(patching(vm) < patching(container) - NOTABLE_GAP, "a con by the score alone");
        assert!(vm.cons.iter().all(|point| point.criterion != CriterionId::PATCHING), "{:?}", vm.cons);
        assert!(container.pros.iter().all(|point| point.criterion != CriterionId::PATCHING), "{:?}", container.pros);
    }

    /// The cut-off is read on the figure as printed: 9.996 points print "10.0 points", which
    /// is not under 10; 9.94 print "9.9".
    #[test]
    fn the_close_call_margin_is_read_as_printed() {
        assert!(!within_close_call_margin(0.099_96), "prints 10.0 points");
        assert!(!within_close_call_margin(0.1));
        assert!(within_close_call_margin(0.099_4), "prints 9.9 points");
        assert!(within_close_call_margin(0.0));
    }

    #[test]
    fn an_option_not_offered_comes_after_every_offered_one_and_is_never_second() {
        let scores = [90.0, 50.0, 40.0];
        let none = vec![Vec::new(); 3];
        let s = standings(&scores, &scores, &none, &[not_offered(), Feasibility::Offered, Feasibility::Offered]);
        assert_eq!((s.leader, s.runner_up), (1, Some(2)));
        let s = standings(&scores, &scores, &none, &[not_offered(), Feasibility::Offered, not_offered()]);
        assert_eq!((s.leader, s.runner_up), (1, None));
        let s = standings(&scores, &scores, &none, &[not_offered(), not_offered(), not_offered()]);
        assert_eq!((s.leader, s.runner_up), (0, None), "nothing offered: the best of the rest, alone");
    }

    /// A workload that runs VMs itself, with every option: microVMs are not offered, whatever
    /// the weights, and the quick leader search agrees with the standings at every weight.
    #[test]
    fn the_leader_search_ranks_as_the_standings_do() {
        let mut profile = Profile { options: REGISTRY.iter().map(|spec| spec.id()).collect(), ..Profile::default() };
        profile.workload_mut().nested_virtualization = true;
        profile.workload_mut().start_latency_sensitivity = 10;
        let catalogs = crate::model::catalogs::shipped();
        let values = catalogs.assumptions.resolve(&profile.assumptions);
        let scored = Scored::new(&profile, values, Site::resolve(&profile, catalogs), &profile.option_specs());
        let microvm = REGISTRY.iter().position(|spec| spec.key == "microvm").expect("registered");
        assert!(!scored.offered(microvm));
        for c in 0..scored.criteria.len() {
            for weight in [0.0, 2.5, 5.0] {
                let mut weights = scored.weights.clone();
                weights[c] = weight;
                let standings = scored.standings_with(&weights);
                assert_eq!(scored.leader_with(&weights), standings.leader, "criterion {c} at {weight}");
                assert_ne!(standings.leader, microvm);
                assert_ne!(standings.runner_up, Some(microvm));
            }
        }
        let evaluation = evaluate(&profile, crate::model::catalogs::shipped());
        assert_ne!(evaluation.verdict.leader, OptionId::MICROVM);
        assert!(evaluation.option(OptionId::MICROVM).is_some_and(|r| r.score.is_finite() && r.criteria.len() == 16));
    }
}
