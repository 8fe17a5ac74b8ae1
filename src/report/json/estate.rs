//! The evaluation document for a mixed estate: the one-component keys answering "one platform
//! for everything", then each component's evaluation and the plan that mixes them.

use schemars::JsonSchema;
use serde::Serialize;

use super::document::{self, BreakEven, Confidence, Curve, Environment, ProfileHeader, RuledOut, Verdict};
use super::keyed::Keyed;
use super::option::{Feasibility, OptionReport, Resources};
use super::sensitivity::Sensitivity;
use super::{FORMAT, VERSION, round};
use crate::model::feasibility::Feasibility as Offered;
use crate::model::plan::{AllInVerdict, Plan, Reason, Worth};
use crate::model::{Evaluation, OptionId, OptionResult, Profile};
use crate::narrative;
use crate::report::Mixed;

/// `podvisor evaluate --format json` for a profile with several components. The top level
/// keeps every key of the one-component form: each option's score is the all-in score (the
/// components' scores weighted by their steady instances) and its resources the all-in
/// estate's, hosts shared. Curves, break-evens and sensitivity belong to components, so the
/// top level holds them empty.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Estate {
    /// Always `podvisor-evaluation`.
    #[schemars(extend("const" = FORMAT))]
    pub format: &'static str,
    #[schemars(extend("const" = VERSION))]
    pub version: u32,
    pub profile: ProfileHeader,
    /// The first component's hosts (every component shares the profile's environment).
    pub environment: Environment,
    pub verdict: EstateVerdict,
    /// Keyed by option, in the profile's order.
    pub options: Keyed<AllInOption>,
    /// Always empty: curves belong to components.
    pub curves: Keyed<Curve>,
    /// Always empty: break-evens belong to components.
    pub break_even: Vec<BreakEven>,
    /// Always null: sensitivity belongs to components.
    pub sensitivity: (),
    /// The profile's load warnings first, then each component's, prefixed with its name.
    pub warnings: Vec<String>,
    pub components: Vec<Component>,
    pub plan: PlanReport,
}

impl Estate {
    pub fn new(profile: &Profile, mixed: &Mixed) -> Self {
        let first = &mixed.evaluations[0];
        let named = mixed.evaluations.iter().zip(&profile.components);
        let warnings = named.flat_map(|(evaluation, component)| {
            evaluation.warnings.iter().map(move |w| format!("{}: {}", component.name, narrative::warning(w)))
        });
        Self {
            format: FORMAT,
            version: VERSION,
            profile: ProfileHeader::new(profile),
            environment: Environment::new(profile, first),
            verdict: EstateVerdict::new(profile, &mixed.plan),
            options: all_in_options(profile, mixed),
            curves: Keyed(Vec::new()),
            break_even: Vec::new(),
            sensitivity: (),
            warnings: warnings.collect(),
            components: components(profile, mixed),
            plan: PlanReport::new(profile, &mixed.plan),
        }
    }
}

/// The verdict among the all-in alternatives, as the plan computes it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct EstateVerdict {
    pub winner: Option<&'static str>,
    pub leader: Option<&'static str>,
    pub runner_up: Option<&'static str>,
    pub margin: f64,
    pub close_call: bool,
    pub confidence: Option<Confidence>,
    /// Always empty at this level.
    pub decisive: Vec<&'static str>,
    /// Always empty at this level.
    pub ruled_out: Vec<RuledOut>,
    pub summary: String,
}

impl EstateVerdict {
    fn new(profile: &Profile, plan: &Plan) -> Self {
        let AllInVerdict { leader, runner_up, margin, close_call, winner } = plan.all_in_verdict();
        Self {
            winner: winner.map(OptionId::key),
            leader: leader.map(OptionId::key),
            runner_up: runner_up.map(OptionId::key),
            margin: round(margin),
            close_call,
            confidence: leader.and_then(|leader| plan.confidence.as_ref().map(|drawn| Confidence::new(drawn, leader))),
            decisive: Vec::new(),
            ruled_out: Vec::new(),
            summary: narrative::plan::summary(profile, plan),
        }
    }
}

/// One platform for everything.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AllInOption {
    pub score: f64,
    pub resources: Resources,
    /// The least offered component's: offered only where every component's host offers it.
    pub feasibility: Option<Feasibility>,
}

fn all_in_options(profile: &Profile, mixed: &Mixed) -> Keyed<AllInOption> {
    let plan = &mixed.plan;
    let all_in = |option: OptionId| plan.versus.iter().find(|all_in| all_in.option == option);
    profile
        .options
        .iter()
        .filter_map(|&option| {
            let all_in = all_in(option)?;
            let feasibility = least_offered(mixed, option)
                .map(|(evaluation, result)| Feasibility::new(result.spec.id(), &result.feasibility, evaluation));
            Some((
                option.key(),
                AllInOption { score: round(all_in.score), resources: Resources::new(&all_in.resources), feasibility },
            ))
        })
        .collect()
}

/// One platform for everything is offered when every component's host offers it: the least
/// offered component's evaluation and result for `option`.
fn least_offered(mixed: &Mixed, option: OptionId) -> Option<(&Evaluation, &OptionResult)> {
    let of_each = mixed.evaluations.iter().filter_map(|evaluation| Some((evaluation, evaluation.option(option)?)));
    let mut found = None;
    for (evaluation, result) in of_each {
        let rank = match result.feasibility {
            Offered::NotOffered(_) => 2,
            Offered::OfferedAs(_) => 1,
            Offered::Offered => 0,
        };
        if found.is_none_or(|(known, _, _)| rank > known) {
            found = Some((rank, evaluation, result));
        }
    }
    found.map(|(_, evaluation, result)| (evaluation, result))
}

/// One component's own evaluation.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Component {
    pub name: String,
    /// The option the profile pins it to, if any.
    pub placement: Option<&'static str>,
    /// Where it runs today.
    pub current: &'static str,
    pub verdict: Verdict,
    pub options: Keyed<OptionReport>,
    pub sensitivity: Sensitivity,
    pub warnings: Vec<String>,
}

fn components(profile: &Profile, mixed: &Mixed) -> Vec<Component> {
    let each = mixed.evaluations.iter().zip(&profile.components).zip(&mixed.sensitivity);
    each.enumerate()
        .map(|(index, ((evaluation, component), sensitivity))| Component {
            name: component.name.clone(),
            placement: component.placement.map(OptionId::key),
            current: component.current.key(),
            verdict: Verdict::new(evaluation),
            options: document::options(&profile.focus(index), evaluation),
            sensitivity: Sensitivity::new(sensitivity),
            warnings: document::warnings(evaluation),
        })
        .collect()
}

/// The mixed estate: where each component goes, the platforms that makes, the all-in
/// alternatives and the phased path from today.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PlanReport {
    pub placement: Vec<Placement>,
    pub platforms: Vec<PlatformReport>,
    /// The mixed estate's, hosts shared per platform.
    pub resources: Resources,
    /// The all-in alternatives, keyed by option.
    pub versus: Keyed<AllIn>,
    pub path: Vec<Step>,
    /// No move is worth it.
    pub stay: bool,
    pub stays: Vec<Stay>,
    pub summary: String,
}

/// Where one component goes.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Placement {
    pub component: String,
    pub option: &'static str,
    pub pinned: bool,
    pub margin: f64,
}

/// One platform of the mix and the components on it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct PlatformReport {
    pub option: &'static str,
    pub components: Vec<String>,
    pub resources: Resources,
}

/// Everything on one option.
#[derive(Debug, Serialize, JsonSchema)]
pub struct AllIn {
    pub score: f64,
    pub monthly_cost: f64,
    pub hosts: f64,
    /// What the mix saves a month against it; null where it does not compare.
    pub mix_saves_monthly: Option<f64>,
    pub resources: Resources,
}

impl PlanReport {
    fn new(profile: &Profile, plan: &Plan) -> Self {
        let name = |c: usize| profile.components[c].name.clone();
        Self {
            placement: plan
                .components
                .iter()
                .zip(&profile.components)
                .map(|(placed, component)| Placement {
                    component: component.name.clone(),
                    option: placed.option.key(),
                    pinned: placed.pinned,
                    margin: round(placed.margin),
                })
                .collect(),
            platforms: plan
                .platforms
                .iter()
                .map(|platform| PlatformReport {
                    option: platform.option.key(),
                    components: platform.components.iter().map(|&c| name(c)).collect(),
                    resources: Resources::new(&platform.resources),
                })
                .collect(),
            resources: Resources::new(&plan.resources),
            versus: versus(plan),
            path: (0..plan.path.len()).map(|index| Step::new(profile, plan, index)).collect(),
            stay: plan.stay(),
            stays: plan.stays.iter().map(|kept| Stay::new(profile, kept)).collect(),
            summary: narrative::plan::summary(profile, plan),
        }
    }
}

fn versus(plan: &Plan) -> Keyed<AllIn> {
    plan.versus
        .iter()
        .map(|all_in| {
            let report = AllIn {
                score: round(all_in.score),
                monthly_cost: round(all_in.resources.monthly_cost),
                hosts: round(all_in.resources.hosts),
                mix_saves_monthly: plan.mix_saves_against(all_in.option).map(round),
                resources: Resources::new(&all_in.resources),
            };
            (all_in.option.key(), report)
        })
        .collect()
}

/// A step of the phased path: today first, then each move worth its effort.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Step {
    /// Null for today.
    pub component: Option<String>,
    pub from: &'static str,
    pub to: &'static str,
    pub monthly_cost: f64,
    /// The same figure as `monthly_cost`, the name the v3 contract gives it.
    pub monthly_cost_after: f64,
    pub saves_monthly: f64,
    pub migration_effort: f64,
    pub gain_points: Option<f64>,
    /// The criteria the move buys.
    pub buys: Vec<&'static str>,
    /// `today`, `saves`, `gains` or `pinned`.
    pub worth: &'static str,
    pub text: String,
}

impl Step {
    fn new(profile: &Profile, plan: &Plan, index: usize) -> Self {
        let step = &plan.path[index];
        Self {
            component: step.component.map(|c| profile.components[c].name.clone()),
            from: step.from.key(),
            to: step.to.key(),
            monthly_cost: round(step.resources.monthly_cost),
            monthly_cost_after: round(step.resources.monthly_cost),
            saves_monthly: round(step.saves_monthly),
            migration_effort: round(step.effort),
            gain_points: step.gain.map(round),
            buys: step.buys.iter().map(|bought| bought.criterion.spec().key).collect(),
            worth: match step.worth {
                Worth::Today => "today",
                Worth::Saves => "saves",
                Worth::Gains => "gains",
                Worth::Pinned => "pinned",
            },
            text: narrative::plan::step(profile, plan, index),
        }
    }
}

/// A component the path keeps where it runs, with its reason.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Stay {
    pub component: String,
    pub on: &'static str,
    pub instead_of: &'static str,
    /// `close_call`, `small_gain`, `nothing_bought` or `not_compared`.
    pub reason: &'static str,
    pub gain_points: Option<f64>,
    pub saves_if_moved: f64,
    pub text: String,
}

impl Stay {
    fn new(profile: &Profile, kept: &crate::model::plan::Stay) -> Self {
        let (reason, gain) = match kept.reason {
            Reason::CloseCall { gain } => ("close_call", Some(gain)),
            Reason::SmallGain { gain } => ("small_gain", Some(gain)),
            Reason::NothingBought { gain } => ("nothing_bought", Some(gain)),
            Reason::NotCompared => ("not_compared", None),
        };
        Self {
            component: profile.components[kept.component].name.clone(),
            on: kept.on.key(),
            instead_of: kept.instead_of.key(),
            reason,
            gain_points: gain.map(round),
            saves_if_moved: round(kept.saves_if_moved),
            text: narrative::plan::stay(profile, kept),
        }
    }
}
