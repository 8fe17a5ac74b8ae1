//! Resource figures with their units, the way every report and view prints them.

use crate::model::format::{number, seconds};
use crate::model::{Profile, ResourceId};

/// A resource figure with its unit ("12.5 GiB", "40 s", "3600 USD").
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
