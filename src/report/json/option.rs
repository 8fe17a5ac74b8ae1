//! One option's part of the contract: its score, criteria, pros and cons, feasibility and
//! resources.

use schemars::JsonSchema;
use serde::Serialize;

use super::keyed::{Keyed, PerResource};
use super::round;
use crate::model::feasibility::{Feasibility as Offered, Form};
use crate::model::rules::{Input, MigrationPath};
use crate::model::{CriterionScore, Evaluation, OptionId, Point as ModelPoint, Profile, Resources as Figures};
use crate::narrative;

/// An option as one evaluation scores it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OptionReport {
    pub feasibility: Feasibility,
    /// The total after discounts, 0–100.
    pub score: f64,
    /// The weighted sum of the criteria before discounts.
    pub weighted_sum: f64,
    pub discounts: Vec<Discount>,
    /// `as_is` or `decomposed`.
    pub migration_path: &'static str,
    /// Keyed by criterion, in the catalogue's order.
    pub criteria: Keyed<Criterion>,
    pub pros: Vec<Point>,
    pub cons: Vec<Point>,
    pub resources: Resources,
    /// The catalog id of the instance type each instance runs on, where the host is a cloud's.
    pub host_type: Option<String>,
}

impl OptionReport {
    /// Option `o` of `evaluation`, its sentences written for `profile`.
    pub fn new(profile: &Profile, evaluation: &Evaluation, o: usize) -> Self {
        let result = &evaluation.options[o];
        let criteria: Keyed<Criterion> = result
            .criteria
            .iter()
            .map(|c| (c.criterion.spec().key, Criterion::new(profile, evaluation, o, c)))
            .collect();
        debug_assert_eq!(criteria.0.len(), evaluation.criteria.len());
        let points = |points: &[ModelPoint]| points.iter().map(|p| Point::new(profile, evaluation, o, p)).collect();
        Self {
            feasibility: Feasibility::new(result.spec.id(), &result.feasibility, evaluation),
            score: round(result.score),
            weighted_sum: round(result.weighted_sum),
            discounts: result.discounts.iter().map(Discount::new).collect(),
            migration_path: match result.path {
                MigrationPath::AsIs => "as_is",
                MigrationPath::Decomposed => "decomposed",
            },
            criteria,
            pros: points(&result.pros),
            cons: points(&result.cons),
            resources: Resources::new(&result.resources),
            host_type: result.resources.host_type.map(|host| host.id.clone()),
        }
    }
}

/// A criterion's score for one option, with the terms that made it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Criterion {
    /// 0–10.
    pub score: f64,
    /// The profile's weight, 0–5.
    pub weight: f64,
    pub sources: Vec<String>,
    /// The score explained in one paragraph.
    pub why: String,
    pub terms: Vec<Term>,
}

impl Criterion {
    fn new(profile: &Profile, evaluation: &Evaluation, o: usize, c: &CriterionScore) -> Self {
        Self {
            score: round(c.score),
            weight: round(c.weight),
            sources: owned(c.sources()),
            why: narrative::why(evaluation, profile, o, c.criterion),
            terms: c
                .terms
                .iter()
                .map(|t| Term {
                    label: t.label.to_owned(),
                    input: input_key(t.input),
                    value: round(t.value),
                    effect: round(t.effect),
                    sources: owned(t.sources.iter().copied()),
                })
                .collect(),
        }
    }
}

/// One term of a criterion's score: what it read and what it added.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Term {
    pub label: String,
    /// What the term depends on: `baseline`, `trait:<key>`, `resource:<key>`,
    /// `assumption:<key>`, `endpoints` or `clamp`.
    pub input: String,
    pub value: f64,
    /// Points added to the criterion's score (negative: taken away).
    pub effect: f64,
    pub sources: Vec<String>,
}

/// What a term depends on, as `"trait:isolation_need"`, `"resource:memory_gib"`, ….
fn input_key(input: Input) -> String {
    match input {
        Input::Baseline => "baseline".to_owned(),
        Input::Trait(id) => format!("trait:{}", id.meta().key),
        Input::Resource(id) => format!("resource:{}", id.key()),
        Input::Assumption(id) => format!("assumption:{}", id.key()),
        Input::Endpoints => "endpoints".to_owned(),
        Input::Clamp => "clamp".to_owned(),
    }
}

fn owned<'s>(sources: impl IntoIterator<Item = &'s str>) -> Vec<String> {
    sources.into_iter().map(str::to_owned).collect()
}

/// A share taken off an option's total for trailing a rival on a criterion (or on the bill).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Discount {
    pub criterion: &'static str,
    pub rival: &'static str,
    pub gap: f64,
    pub discordance: f64,
    pub preference_threshold: f64,
    /// Null for the bill's discount, which never rules an option out.
    pub veto_threshold: Option<f64>,
    pub bill_ratio: Option<f64>,
}

impl Discount {
    fn new(d: &crate::model::Discount) -> Self {
        Self {
            criterion: d.criterion.spec().key,
            rival: d.rival.key(),
            gap: round(d.gap),
            discordance: round(d.discordance),
            preference_threshold: round(d.thresholds.preference),
            veto_threshold: d.thresholds.veto.is_finite().then(|| round(d.thresholds.veto)),
            bill_ratio: d.bill_ratio.map(round),
        }
    }
}

/// A pro or a con, in words.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Point {
    pub criterion: &'static str,
    pub title: String,
    pub text: String,
    pub impact: f64,
    pub sources: Vec<String>,
}

impl Point {
    fn new(profile: &Profile, evaluation: &Evaluation, o: usize, p: &ModelPoint) -> Self {
        Self {
            criterion: p.criterion.spec().key,
            title: narrative::point_title(evaluation, o, p).into_owned(),
            text: narrative::point_text(evaluation, profile, o, p),
            impact: round(p.impact),
            sources: owned(p.sources.iter().copied()),
        }
    }
}

/// Whether the host runs an option.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Feasibility {
    /// `offered`, `offered_as` or `not_offered`.
    pub status: &'static str,
    /// The form it takes: a catalog id or a form such as `nested_virtualization`, else null.
    #[serde(rename = "as")]
    pub form: Option<&'static str>,
    pub reason: String,
    pub sources: Vec<String>,
    /// For a Fargate form: the size each pod is billed as and its hourly price.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pod: Option<Pod>,
}

/// The size a Fargate pod is billed as, and its price.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Pod {
    pub vcpu: f64,
    pub memory_gb: f64,
    pub price_per_hour: f64,
}

impl Feasibility {
    /// `option`'s feasibility in `evaluation` (its form's pod taken from that option's result).
    pub fn new(option: OptionId, feasibility: &Offered, evaluation: &Evaluation) -> Self {
        let pods = evaluation.option(option).and_then(|result| result.resources.sandbox);
        let pod = match (feasibility, pods) {
            (Offered::OfferedAs(Form::Fargate(_)), Some(pods)) => Some(Pod {
                vcpu: pods.size.vcpu,
                memory_gb: pods.size.memory_gb,
                price_per_hour: round(pods.price_per_hour),
            }),
            _ => None,
        };
        Self {
            status: feasibility.key(),
            form: match feasibility {
                Offered::OfferedAs(form) => Some(form.key()),
                Offered::Offered | Offered::NotOffered(_) => None,
            },
            reason: narrative::feasibility::reason(option, feasibility, &evaluation.site),
            sources: owned(feasibility.sources(evaluation.site.catalogs)),
            pod,
        }
    }
}

/// Resource figures keyed as in the README, with the bill's parts.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Resources {
    #[serde(flatten)]
    pub figures: PerResource<f64>,
    /// How compute is bought, where the profile asks for anything but on demand (a file that
    /// does not keeps its answer byte for byte).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub purchase: Option<Purchase>,
    pub cost_breakdown: CostBreakdown,
    pub engineers: f64,
    pub system_pool_nodes: f64,
    pub daemonsets_per_node: Daemonsets,
}

/// The way of buying asked for, and the offer that priced it (null where none applies).
#[derive(Debug, Serialize, JsonSchema)]
pub struct Purchase {
    pub asked: &'static str,
    pub discount: Option<f64>,
    pub plan: Option<String>,
    pub date: Option<String>,
    pub source: Option<String>,
}

/// The monthly bill by part; by way of buying where the profile states one.
#[derive(Debug, Serialize, JsonSchema)]
pub struct CostBreakdown {
    pub compute: f64,
    pub control_plane: f64,
    pub node_overhead: f64,
    pub people: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compute_committed: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compute_on_demand: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compute_spot: Option<f64>,
}

/// What the cluster's daemon sets take on each node.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Daemonsets {
    pub cpu_millicores: f64,
    pub memory_mib: f64,
}

impl Resources {
    pub fn new(resources: &Figures) -> Self {
        let breakdown = resources.cost_breakdown();
        let bought = &resources.bought;
        let stated = |figure: f64| bought.stated.then(|| round(figure));
        Self {
            figures: PerResource::new(|r| round(resources.get(r))),
            purchase: bought.stated.then(|| Purchase {
                asked: bought.asked.key(),
                discount: bought.offer.map(|offer| offer.discount),
                plan: bought.offer.map(|offer| offer.plan.clone()),
                date: bought.offer.map(|offer| offer.date.clone()),
                source: bought.offer.map(|offer| offer.source.clone()),
            }),
            cost_breakdown: CostBreakdown {
                compute: round(breakdown.compute),
                control_plane: round(breakdown.control_plane),
                node_overhead: round(breakdown.node_overhead),
                people: round(breakdown.people),
                compute_committed: stated(breakdown.committed),
                compute_on_demand: stated(breakdown.on_demand),
                compute_spot: stated(breakdown.spot),
            },
            engineers: round(resources.engineers),
            system_pool_nodes: round(resources.system_pool_nodes),
            daemonsets_per_node: Daemonsets {
                cpu_millicores: round(resources.daemonset_cpu_millicores),
                memory_mib: round(resources.daemonset_memory_mib),
            },
        }
    }
}
