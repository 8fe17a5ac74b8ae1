//! The evaluation document for one component: the profile, the hosts the costs are for, the
//! verdict, every option, the curves and the break-evens.

use schemars::JsonSchema;
use serde::Serialize;

use super::keyed::{Keyed, PerResource};
use super::option::OptionReport;
use super::sensitivity::Sensitivity;
use super::{FORMAT, VERSION, round};
use crate::model::{Confidence as Drawn, Evaluation, OptionId, Profile};
use crate::narrative;

/// `podvisor evaluate --format json` for a profile with one component.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Single {
    /// Always `podvisor-evaluation`.
    #[schemars(extend("const" = FORMAT))]
    pub format: &'static str,
    #[schemars(extend("const" = VERSION))]
    pub version: u32,
    pub profile: ProfileHeader,
    pub environment: Environment,
    pub verdict: Verdict,
    /// Keyed by option, in the profile's order.
    pub options: Keyed<OptionReport>,
    /// Keyed by the trait on the x axis.
    pub curves: Keyed<Curve>,
    pub break_even: Vec<BreakEven>,
    /// The profile's load warnings first (from the command line), then the model's.
    pub warnings: Vec<String>,
    /// Absent only from the library's `report::json::evaluation`, which leaves it out.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sensitivity: Option<Sensitivity>,
}

impl Single {
    /// The document without sensitivity.
    pub fn new(profile: &Profile, evaluation: &Evaluation) -> Self {
        Self {
            format: FORMAT,
            version: VERSION,
            profile: ProfileHeader::new(profile),
            environment: Environment::new(profile, evaluation),
            verdict: Verdict::new(evaluation),
            options: options(profile, evaluation),
            curves: curves(evaluation),
            break_even: evaluation
                .break_even()
                .iter()
                .map(|b| BreakEven {
                    axis: b.axis.meta().key,
                    resource: b.resource.key(),
                    at: b.at,
                    ahead_below: b.ahead_below.key(),
                    ahead_above: b.ahead_above.key(),
                })
                .collect(),
            warnings: warnings(evaluation),
            sensitivity: None,
        }
    }
}

/// Every option of `evaluation`, keyed in its order, sentences written for `profile`.
pub fn options(profile: &Profile, evaluation: &Evaluation) -> Keyed<OptionReport> {
    (0..evaluation.options.len())
        .map(|o| (evaluation.options[o].spec.key, OptionReport::new(profile, evaluation, o)))
        .collect()
}

/// The model's warnings in words.
pub fn warnings(evaluation: &Evaluation) -> Vec<String> {
    evaluation.warnings.iter().map(narrative::warning).collect()
}

/// The profile's name and the options it compares, in its order.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ProfileHeader {
    pub name: String,
    pub options: Vec<&'static str>,
}

impl ProfileHeader {
    pub fn new(profile: &Profile) -> Self {
        Self { name: profile.name.clone(), options: profile.options.iter().map(|o| o.key()).collect() }
    }
}

/// The hosts the costs are for: the host id, the Kubernetes flavour and the price used, with
/// its date, or whether the profile edited it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Environment {
    /// A catalog id such as `aws/m6i.4xlarge`, or `custom`.
    pub host: String,
    pub kubernetes: &'static str,
    pub currency: String,
    /// Null for a custom host.
    pub price_per_hour: Option<f64>,
    /// Month the catalog price was read, `YYYY-MM`.
    pub price_date: Option<String>,
    pub price_edited: bool,
    pub catalog_price_per_hour: Option<f64>,
    /// Only for a custom host.
    pub host_cost_per_month: Option<f64>,
    pub team: Option<Team>,
    pub node_agents: Option<NodeAgents>,
    /// How compute is bought, where a profile says (files that do not keep their bytes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase: Option<&'static str>,
}

/// Who would run the platform.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Team {
    pub engineers: f64,
    pub engineer_cost_per_month: f64,
}

/// What agents take on every node.
#[derive(Debug, Serialize, JsonSchema)]
pub struct NodeAgents {
    pub cpu: f64,
    pub memory_mib: f64,
}

impl Environment {
    pub fn new(profile: &Profile, evaluation: &Evaluation) -> Self {
        let e = &profile.environment;
        let site = &evaluation.site;
        let host = site.host;
        Self {
            host: host.map_or(crate::model::hosts::CUSTOM, |host| host.id.as_str()).to_owned(),
            kubernetes: e.kubernetes.key(),
            currency: profile.currency().to_owned(),
            price_per_hour: host.map(|host| round(site.price_per_hour(host))),
            price_date: host.map(|host| host.price_date.clone()),
            price_edited: site.edited_price_per_hour.is_some(),
            catalog_price_per_hour: host.map(|host| host.price_per_hour),
            host_cost_per_month: host.is_none().then(|| round(e.host_cost_per_month)),
            team: e.team.as_ref().map(|team| Team {
                engineers: round(team.engineers),
                engineer_cost_per_month: round(team.engineer_cost_per_month),
            }),
            node_agents: e
                .node_agents
                .as_ref()
                .map(|agents| NodeAgents { cpu: round(agents.cpu), memory_mib: round(agents.memory_mib) }),
            purchase: crate::model::buying::stated(profile).then(|| e.purchase.key()),
        }
    }
}

/// A verdict with its summary, as every evaluation reports it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Verdict {
    /// Null when the call is too close.
    pub winner: Option<&'static str>,
    pub leader: &'static str,
    pub margin: f64,
    pub close_call: bool,
    pub confidence: Option<Confidence>,
    /// The criteria that decided it, most decisive first.
    pub decisive: Vec<&'static str>,
    pub ruled_out: Vec<RuledOut>,
    pub summary: String,
}

/// An option ruled out on a criterion (a veto).
#[derive(Debug, Serialize, JsonSchema)]
pub struct RuledOut {
    pub option: &'static str,
    pub criterion: &'static str,
    pub score: f64,
    pub gap: f64,
    pub veto_threshold: f64,
    pub rival: &'static str,
    pub weight: f64,
}

impl Verdict {
    pub fn new(evaluation: &Evaluation) -> Self {
        let verdict = &evaluation.verdict;
        Self {
            winner: verdict.winner.map(OptionId::key),
            leader: verdict.leader.key(),
            margin: round(verdict.margin),
            close_call: verdict.close_call,
            confidence: verdict.confidence.as_ref().map(|drawn| Confidence::new(drawn, verdict.leader)),
            decisive: verdict.decisive.iter().map(|c| c.spec().key).collect(),
            ruled_out: verdict
                .ruled_out
                .iter()
                .map(|v| RuledOut {
                    option: v.option.key(),
                    criterion: v.criterion.spec().key,
                    score: round(v.score),
                    gap: round(v.gap),
                    veto_threshold: round(v.threshold),
                    rival: v.rival.key(),
                    weight: round(v.weight),
                })
                .collect(),
            summary: narrative::summary(evaluation),
        }
    }
}

/// How often each option leads across plausible worlds: `leader_share` is the verdict's
/// leader's; `shares` add up to 1, in the options' order.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Confidence {
    pub leader_share: f64,
    pub shares: Keyed<f64>,
    pub draws: usize,
    pub seed: u64,
}

impl Confidence {
    pub fn new(drawn: &Drawn, leader: OptionId) -> Self {
        Self {
            leader_share: round(drawn.share(leader)),
            shares: drawn.shares.iter().map(|(id, share)| (id.key(), round(*share))).collect(),
            draws: drawn.draws,
            seed: drawn.seed,
        }
    }
}

/// One trait varied along x: `x` holds its values, and each option (keyed in the profile's
/// order) each resource's projection at those values.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Curve {
    pub x: Vec<f64>,
    #[serde(flatten)]
    pub series: Keyed<PerResource<Vec<f64>>>,
}

fn curves(evaluation: &Evaluation) -> Keyed<Curve> {
    let series = |curve: &crate::model::outlook::Curve, o: usize| {
        PerResource::new(|r| curve.series[o].iter().map(|p| round(p.get(r))).collect())
    };
    evaluation
        .curves()
        .iter()
        .map(|curve| {
            let options = evaluation.options.iter().enumerate();
            let series = options.map(|(o, result)| (result.spec.key, series(curve, o))).collect();
            (curve.axis.meta().key, Curve { x: curve.xs.clone(), series })
        })
        .collect()
}

/// Where along a trait's axis one option overtakes another on a resource.
#[derive(Debug, Serialize, JsonSchema)]
pub struct BreakEven {
    pub axis: &'static str,
    pub resource: &'static str,
    pub at: f64,
    pub ahead_below: &'static str,
    pub ahead_above: &'static str,
}
