//! Reports of an evaluation: JSON (a stable contract), plain text and Markdown. They print
//! the `Evaluation` as it is; nothing here computes a score or a figure.

pub mod json;
pub mod markdown;
pub mod text;

use crate::model::format::number;
use crate::model::{Evaluation, ResourceId};
use crate::profile::Profile;

/// A resource figure with its unit, the way every report and view prints it.
pub fn resource_value(profile: &Profile, resource: ResourceId, value: f64) -> String {
    match resource {
        ResourceId::MonthlyCost => format!("{} {}", number(value), profile.environment.currency),
        ResourceId::StartSeconds | ResourceId::ScaleToPeakSeconds => {
            crate::model::format::seconds(value)
        }
        ResourceId::MemoryGib | ResourceId::DiskGib | ResourceId::CpuCores => {
            format!("{} {}", number(value), resource.unit())
        }
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => {
            number(value)
        }
    }
}

/// Column header of a resource with its unit.
pub fn resource_header(profile: &Profile, resource: ResourceId) -> String {
    match resource {
        ResourceId::MonthlyCost => format!(
            "{} ({}/month)",
            resource.label(),
            profile.environment.currency
        ),
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => {
            resource.label().to_owned()
        }
        _ => format!("{} ({})", resource.label(), resource.unit()),
    }
}

/// Break-even points as sentences ("Above 45 services, VMs need less memory than containers.").
pub fn break_even_sentences(evaluation: &Evaluation) -> Vec<String> {
    evaluation
        .break_even
        .iter()
        .map(|b| {
            let plural = |id: &str| {
                crate::model::options::option(id).map_or(id.to_owned(), |o| o.plural.to_owned())
            };
            let comparison = if b.resource.lower_is_better() {
                "need less"
            } else {
                "get more"
            };
            format!(
                "From {} {}, {} {comparison} {} than {}.",
                number(b.at),
                b.axis.meta().label.to_lowercase(),
                plural(b.ahead_above),
                b.resource.label().to_lowercase(),
                plural(b.ahead_below),
            )
        })
        .collect()
}
