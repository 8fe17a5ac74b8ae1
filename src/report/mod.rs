//! Reports of an analysis: JSON (a stable contract), plain text and Markdown. They print what
//! the model computed; nothing here computes a score or a figure, and numbers are formatted
//! by the same helpers the window uses, so the report and the screen agree.

pub mod hosts;
pub mod json;
pub mod markdown;
pub mod text;

use crate::model::compare::{Comparison, compare};
use crate::model::format::{Number, capitalise, number, seconds};
use crate::model::sensitivity::{self, Sensitivity};
use crate::model::{Assumptions, Evaluation, ResourceId, evaluate};
use crate::profile::Profile;

/// A profile with everything the model concludes about it.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub profile: Profile,
    pub evaluation: Evaluation,
    pub sensitivity: Sensitivity,
}

impl Analysis {
    /// Evaluates and analyses a profile with the shipped assumptions.
    pub fn new(profile: Profile) -> Self {
        let assumptions = Assumptions::builtin();
        let evaluation = evaluate(&profile, assumptions);
        let sensitivity = sensitivity::analyse(&profile, assumptions);
        Self { profile, evaluation, sensitivity }
    }
}

/// Two analyses and what differs between them (A is the reference).
#[derive(Clone, Debug)]
pub struct ComparedPair {
    pub a: Analysis,
    pub b: Analysis,
    pub comparison: Comparison,
}

impl ComparedPair {
    pub fn new(a: Profile, b: Profile) -> Self {
        let (a, b) = (Analysis::new(a), Analysis::new(b));
        let comparison = compare(&a.profile, &a.evaluation, &b.profile, &b.evaluation);
        Self { a, b, comparison }
    }
}

/// A resource figure with its unit, the way every report and view prints it.
pub fn resource_value(profile: &Profile, resource: ResourceId, value: f64) -> String {
    match resource {
        ResourceId::MonthlyCost => format!("{} {}", number(value), profile.environment.currency),
        ResourceId::StartSeconds | ResourceId::ScaleToPeakSeconds => seconds(value),
        ResourceId::MemoryGib | ResourceId::DiskGib | ResourceId::CpuCores => {
            format!("{} {}", number(value), resource.unit())
        }
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => number(value),
    }
}

/// Column header of a resource with its unit.
pub fn resource_header(profile: &Profile, resource: ResourceId) -> String {
    match resource {
        ResourceId::MonthlyCost => format!("{} ({}/month)", resource.label(), profile.environment.currency),
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => {
            resource.label().to_owned()
        }
        _ => format!("{} ({})", resource.label(), resource.unit()),
    }
}

pub use crate::model::options::plural;

/// Break-even points as one sentence per axis and resource, e.g. "Memory over services:
/// VMs need less from 44."
pub fn break_even_sentences(evaluation: &Evaluation) -> Vec<String> {
    let mut sentences: Vec<String> = Vec::new();
    let mut groups: Vec<(crate::model::TraitId, ResourceId, Vec<String>)> = Vec::new();
    for b in &evaluation.break_even {
        let clause = format!(
            "{} {} from {}",
            plural(b.ahead_above),
            if b.resource.lower_is_better() { "need less" } else { "pack more" },
            Number(b.at)
        );
        match groups.iter_mut().find(|(axis, resource, _)| *axis == b.axis && *resource == b.resource) {
            Some((_, _, clauses)) => clauses.push(clause),
            None => groups.push((b.axis, b.resource, vec![clause])),
        }
    }
    for (axis, resource, clauses) in groups {
        sentences.push(format!(
            "{} over {}: {}.",
            resource.label(),
            axis.meta().label.to_lowercase(),
            clauses.join("; ")
        ));
    }
    sentences
}

/// The sensitivity findings as sentences: flip points nearest first, then the critical weight.
pub fn sensitivity_sentences(analysis: &Analysis) -> Vec<String> {
    let s = &analysis.sensitivity;
    let mut flips: Vec<_> = s.traits.iter().filter(|t| t.flip_at.is_some()).collect();
    flips.sort_by(|a, b| relative_distance(a).total_cmp(&relative_distance(b)));
    let mut sentences: Vec<String> = flips
        .iter()
        .filter_map(|t| {
            let (at, to) = (t.flip_at?, t.flips_to?);
            let meta = t.id.meta();
            Some(format!(
                "{}: {} lead from {} (now {}).",
                meta.label,
                capitalise(plural(to)),
                meta.format(at),
                meta.format(t.value)
            ))
        })
        .collect();
    if flips.is_empty() {
        sentences
            .push(format!("No single trait, moved across its whole range, changes the leader ({}).", plural(s.leader)));
    }
    match &s.critical_weight {
        Some(c) => sentences.push(format!(
            "Most critical weight: {} from {} to {} hands the lead to {}.",
            c.criterion.spec().label,
            Number(c.from),
            Number(c.to),
            plural(c.new_leader)
        )),
        None => sentences.push("No change of a single weight within 0–5 changes the leader.".to_owned()),
    }
    sentences
}

/// Distance to a flip as a share of the trait's range (log range for logarithmic traits).
fn relative_distance(t: &sensitivity::TraitSensitivity) -> f64 {
    let meta = t.id.meta();
    let Some(at) = t.flip_at else { return f64::INFINITY };
    if meta.logarithmic && meta.min > 0.0 && at > 0.0 && t.value > 0.0 {
        (at / t.value).ln().abs() / (meta.max / meta.min).ln()
    } else {
        (at - t.value).abs() / (meta.max - meta.min)
    }
}
