//! `podvisor compare --format json`: two profiles' verdicts and every figure in A and in B.

use schemars::JsonSchema;
use serde::Serialize;

use super::document::{Confidence, ProfileHeader};
use super::keyed::{Keyed, PerResource};
use super::{VERSION, round};
use crate::model::compare::{Delta, OptionDelta};
use crate::model::{CriterionId, OptionId, ResourceId};
use crate::narrative;
use crate::report::{Analysis, ComparedPair};

/// The `format` of the comparison document.
const FORMAT: &str = "podvisor-comparison";

/// The comparison document.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ComparisonDocument {
    /// Always `podvisor-comparison`.
    #[schemars(extend("const" = FORMAT))]
    pub format: &'static str,
    #[schemars(extend("const" = VERSION))]
    pub version: u32,
    pub a: Side,
    pub b: Side,
    pub verdict_changed: bool,
    pub verdict_change: VerdictChange,
    pub currencies: Pair<String>,
    pub differences: Vec<Difference>,
    /// Keyed by option.
    pub options: Keyed<OptionChange>,
}

impl ComparisonDocument {
    pub fn new(pair: &ComparedPair) -> Self {
        let c = &pair.comparison;
        Self {
            format: FORMAT,
            version: VERSION,
            a: Side::new(&pair.a),
            b: Side::new(&pair.b),
            verdict_changed: c.verdict_changed,
            verdict_change: VerdictChange { kind: c.verdict.key(), summary: narrative::verdict_change(c) },
            currencies: Pair { a: c.currency_a.clone(), b: c.currency_b.clone() },
            differences: c
                .differences
                .iter()
                .map(|d| Difference { field: d.field.clone(), a: d.a.clone(), b: d.b.clone() })
                .collect(),
            options: c.options.iter().map(|o| (o.option.key(), OptionChange::new(o, c.criteria))).collect(),
        }
    }
}

/// One side of the comparison: its profile and its verdict.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Side {
    #[serde(flatten)]
    pub profile: ProfileHeader,
    pub verdict: SideVerdict,
}

/// A side's verdict, in short.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SideVerdict {
    pub winner: Option<&'static str>,
    pub leader: &'static str,
    pub margin: f64,
    pub close_call: bool,
    pub confidence: Option<Confidence>,
    pub summary: String,
}

impl Side {
    fn new(analysis: &Analysis) -> Self {
        let v = &analysis.evaluation.verdict;
        Self {
            profile: ProfileHeader::new(&analysis.profile),
            verdict: SideVerdict {
                winner: v.winner.map(OptionId::key),
                leader: v.leader.key(),
                margin: round(v.margin),
                close_call: v.close_call,
                confidence: v.confidence.as_ref().map(|drawn| Confidence::new(drawn, v.leader)),
                summary: narrative::summary(&analysis.evaluation),
            },
        }
    }
}

/// How the verdict changed: `leader`, `firmness`, `margin` or `none`, in words.
#[derive(Debug, Serialize, JsonSchema)]
pub struct VerdictChange {
    pub kind: &'static str,
    pub summary: String,
}

/// A value in A and in B.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Pair<T> {
    pub a: T,
    pub b: T,
}

/// A profile field that differs, as the files spell it.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Difference {
    /// Dotted path as in the profile file: `workload.replicas`, `weights.isolation`, ….
    pub field: String,
    pub a: String,
    pub b: String,
}

/// A figure in A and in B, and B minus A.
#[derive(Debug, Serialize, JsonSchema)]
pub struct Change {
    pub a: f64,
    pub b: f64,
    pub delta: f64,
}

impl Change {
    fn of(d: &Delta) -> Self {
        Self { a: round(d.a), b: round(d.b), delta: round(d.delta()) }
    }
}

/// A resource figure in A and in B, and B minus A.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ResourceChange {
    pub a: f64,
    pub b: f64,
    /// Null for money in two currencies, which is never subtracted.
    pub delta: Option<f64>,
}

/// One option's score, criteria and resources in A and in B.
#[derive(Debug, Serialize, JsonSchema)]
pub struct OptionChange {
    pub score: Change,
    /// Keyed by criterion.
    pub criteria: Keyed<Change>,
    pub resources: PerResource<ResourceChange>,
}

impl OptionChange {
    fn new(o: &OptionDelta, criteria: &[CriterionId]) -> Self {
        // `o.resources` lists every resource in `ResourceId::ALL`'s order, the enum's.
        let resource = |r: ResourceId| {
            let d = &o.resources[r as usize];
            ResourceChange { a: round(d.a), b: round(d.b), delta: d.change.map(round) }
        };
        Self {
            score: Change::of(&o.score),
            criteria: criteria.iter().zip(&o.criteria).map(|(id, d)| (id.key(), Change::of(d))).collect(),
            resources: PerResource::new(resource),
        }
    }
}
