//! Resource figures with their units, the way every report and view prints them.

use crate::model::format::{number, seconds};
use crate::model::hosts::{CUSTOM, HostType};
use crate::model::{Evaluation, Profile, ResourceId};

/// A resource figure with its unit ("12.5 GiB", "40 s", "3600 USD").
pub fn resource_value(profile: &Profile, resource: ResourceId, value: f64) -> String {
    match resource {
        ResourceId::MonthlyCost => format!("{} {}", number(value), currency(profile)),
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
        ResourceId::MonthlyCost => format!("{} ({}/month)", resource.label(), currency(profile)),
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => {
            resource.label().to_owned()
        }
        _ => format!("{} ({})", resource.label(), resource.unit()),
    }
}

/// One entry of the host picker: "custom (own hardware)" or "aws/m6i.large — 2 vCPU, 8 GiB,
/// 0.096 USD/h".
pub fn host_choice(host: Option<&HostType>) -> String {
    match host {
        None => "custom (own hardware)".to_owned(),
        Some(host) => format!(
            "{} — {} vCPU, {} GiB, {} USD/h",
            host.id,
            host.cores,
            number(host.memory_gib),
            number(host.price_per_hour)
        ),
    }
}

/// The hosts the figures are for, shown wherever costs are: the catalog type with its region
/// and the month of its price, or the profile's own hardware.
pub fn host_line(profile: &Profile, evaluation: &Evaluation) -> String {
    let e = &profile.environment;
    let site = evaluation.values.site();
    let Some(host) = site.host else {
        return format!(
            "Hosts: own hardware, {} cores and {} GiB at {} a month each; Kubernetes: {}.",
            e.host_cores,
            number(e.host_memory_gib),
            resource_value(profile, ResourceId::MonthlyCost, e.host_cost_per_month),
            site.flavour.flavour.label()
        );
    };
    format!(
        "Cloud host: {} ({} vCPU, {} GiB, {}), on-demand Linux prices of {}; each option buys what it needs from the {} family; Kubernetes: {}.",
        host.id,
        host.cores,
        number(host.memory_gib),
        host.region,
        host.price_date,
        host.family,
        site.flavour.flavour.label()
    )
}

/// The currency costs are in: the profile's for its own hardware; US dollars on a catalog
/// host, whose prices are listed in them.
pub fn currency(profile: &Profile) -> &str {
    if profile.environment.host == CUSTOM { &profile.environment.currency } else { "USD" }
}
