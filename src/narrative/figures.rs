//! Resource figures with their units, the way every report and view prints them.

use crate::model::assumptions::Values;
use crate::model::compare::{Comparison, ResourceDelta};
use crate::model::format::{number, seconds, signed};
use crate::model::hosts::HostType;
use crate::model::purchase::{Offer, Purchase, Term};
use crate::model::resources::HostsBought;
use crate::model::site::Site;
use crate::model::{Evaluation, Profile, ResourceId};

/// A resource figure with its unit ("12.5 GiB", "40 s", "3600 USD").
pub fn resource_value(profile: &Profile, resource: ResourceId, value: f64) -> String {
    match resource {
        ResourceId::MonthlyCost => format!("{} {}", number(value), profile.currency()),
        ResourceId::StartSeconds | ResourceId::ScaleToPeakSeconds => seconds(value),
        ResourceId::MemoryGib | ResourceId::DiskGib | ResourceId::CpuCores => {
            format!("{} {}", number(value), resource.unit())
        }
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => number(value),
    }
}

/// Where a monthly cost goes: "compute 1,234, control plane 219, node overhead 80, people
/// 8,930 USD a month (prices of 2025-06); the node overhead counts 2 system-pool nodes and
/// DaemonSets of 370m CPU a node", naming only the parts that cost something.
pub fn cost_breakdown(profile: &Profile, resources: &crate::model::Resources) -> String {
    let parts = resources.cost_breakdown();
    let named = [
        ("compute", parts.compute),
        ("control plane", parts.control_plane),
        ("node overhead", parts.node_overhead),
        ("people", parts.people),
    ];
    let mut listed: Vec<String> = named
        .iter()
        .filter(|(_, value)| *value > 0.0)
        .map(|(name, value)| format!("{name} {}", number(*value)))
        .collect();
    if resources.bought.stated && parts.compute > 0.0 {
        let ways = [("committed", parts.committed), ("on demand", parts.on_demand), ("spot", parts.spot)];
        let ways: Vec<String> =
            ways.iter().filter(|(_, v)| *v > 0.0).map(|(name, v)| format!("{name} {}", number(*v))).collect();
        listed[0] = format!("{} ({})", listed[0], ways.join(", "));
    }
    // Fargate's pods are priced from its own list, of its own date.
    let date = resources
        .host_type
        .map(|host| format!(" (prices of {})", host.price_date))
        .or_else(|| resources.sandbox.map(|pods| format!(" (AWS Fargate prices of {})", pods.price_date)))
        .unwrap_or_default();
    let unpriced =
        if profile.environment.team.is_none() { "; people not priced: the profile states no team" } else { "" };
    let carried =
        node_carries(resources).map(|carried| format!("; the node overhead counts {carried}")).unwrap_or_default();
    format!("{} {} a month{date}{carried}{unpriced}", listed.join(", "), profile.currency())
}

/// What the node overhead pays for beyond the kubelet's reserve: "2 system-pool nodes and
/// DaemonSets of 370m CPU and 116 MiB a node"; `None` where a cluster keeps neither.
fn node_carries(resources: &crate::model::Resources) -> Option<String> {
    let mut parts = Vec::new();
    let nodes = resources.system_pool_nodes;
    if nodes > 0.0 {
        parts.push(format!("{} system-pool node{}", number(nodes), if (nodes - 1.0).abs() < 1e-9 { "" } else { "s" }));
    }
    let (cpu, memory) = (resources.daemonset_cpu_millicores, resources.daemonset_memory_mib);
    if cpu > 0.0 || memory > 0.0 {
        let memory = if memory > 0.0 { format!(" and {} MiB", number(memory)) } else { String::new() };
        parts.push(format!("DaemonSets of {}m CPU{memory} a node", number(cpu)));
    }
    (!parts.is_empty()).then(|| parts.join(" and "))
}

/// Column header of a resource with its unit.
pub fn resource_header(profile: &Profile, resource: ResourceId) -> String {
    match resource {
        ResourceId::MonthlyCost => format!("{} ({}/month)", resource.label(), profile.currency()),
        ResourceId::Hosts | ResourceId::OsInstancesToPatch | ResourceId::InstancesPerHost => {
            resource.label().to_owned()
        }
        _ => format!("{} ({})", resource.label(), resource.unit()),
    }
}

/// A resource's row name in a comparison: as [`resource_header`] with `units` (B), but
/// money in two currencies names both, "Monthly cost (A in EUR, B in USD)".
pub fn compared_header(comparison: &Comparison, units: &Profile, resource: ResourceId) -> String {
    if resource == ResourceId::MonthlyCost && !comparison.same_currency() {
        return format!("{} (A in {}, B in {})", resource.label(), comparison.currency_a, comparison.currency_b);
    }
    resource_header(units, resource)
}

/// A's and B's figures of a resource in a comparison: bare numbers under a header that names
/// the unit, but money in two currencies with each side's own ("1300 EUR", "10527 USD").
pub fn compared_values(comparison: &Comparison, resource: ResourceId, delta: &ResourceDelta) -> (String, String) {
    if resource == ResourceId::MonthlyCost && !comparison.same_currency() {
        return (
            format!("{} {}", number(delta.a), comparison.currency_a),
            format!("{} {}", number(delta.b), comparison.currency_b),
        );
    }
    (number(delta.a), number(delta.b))
}

/// A resource's change in a comparison: "+12", or "—" for money in two currencies.
pub fn compared_change(delta: &ResourceDelta) -> String {
    delta.change.map_or_else(|| "—".to_owned(), signed)
}

/// Why money is not subtracted, when A and B count it in different currencies.
pub fn currencies_note(comparison: &Comparison) -> Option<String> {
    (!comparison.same_currency()).then(|| {
        format!(
            "A counts money in {} and B in {}: costs are shown side by side, never subtracted (no exchange rate is known).",
            comparison.currency_a, comparison.currency_b
        )
    })
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

/// Where a catalog price comes from, said wherever a cost is shown: "prices of 2026-07", or
/// "price edited" when the profile replaces the catalog's price.
pub fn price_basis(site: &Site, host: &HostType) -> String {
    if site.edited_price_per_hour.is_some() {
        "price edited".to_owned()
    } else {
        format!("prices of {}", host.price_date)
    }
}

/// The catalog's own price of `host` and its date: "catalog price 0.768 USD/h (us-east-1,
/// on-demand Linux, prices of 2026-07)", what an edited price replaced.
pub fn catalog_price(host: &HostType) -> String {
    format!(
        "catalog price {} USD/h ({}, on-demand Linux, prices of {})",
        number(host.price_per_hour),
        host.region,
        host.price_date
    )
}

/// What the costs rest on, in a few words for a column or a tab: "aws/m6i.4xlarge at 0.768
/// USD/h, prices of 2026-07", "… at 0.5 USD/h, price edited" or "own hardware at 1200 USD a
/// month per host".
pub fn cost_basis(profile: &Profile, evaluation: &Evaluation) -> String {
    let site = &evaluation.site;
    match site.host {
        None => format!(
            "own hardware at {} a month per host",
            resource_value(profile, ResourceId::MonthlyCost, profile.environment.host_cost_per_month)
        ),
        Some(host) => {
            format!("{} at {} USD/h, {}", host.id, number(site.price_per_hour(host)), price_basis(site, host))
        }
    }
}

/// The hosts the figures are for, shown wherever costs are: the catalog type with its region
/// and the month of its price (or the edited price and the catalog's it replaced), or the
/// profile's own hardware.
pub fn host_line(profile: &Profile, evaluation: &Evaluation) -> String {
    let e = &profile.environment;
    let site = &evaluation.site;
    let Some(host) = site.host else {
        return format!(
            "Hosts: own hardware, {} cores and {} GiB at {} a month each; Kubernetes: {}.",
            e.host_cores,
            number(e.host_memory_gib),
            resource_value(profile, ResourceId::MonthlyCost, e.host_cost_per_month),
            site.flavour.flavour.label()
        );
    };
    let price = match site.edited_price_per_hour {
        None => format!("on-demand Linux prices of {}", host.price_date),
        Some(edited) => format!("price edited to {} USD/h, replacing the {}", number(edited), catalog_price(host)),
    };
    let bought =
        bought_phrase(profile, evaluation, host).map(|phrase| format!("; bought {phrase}")).unwrap_or_default();
    format!(
        "Cloud host: {} ({} vCPU, {} GiB, {}), {price}{bought}; each option buys what it needs from the {} family; Kubernetes: {}.",
        host.id,
        host.cores,
        number(host.memory_gib),
        host.region,
        host.family,
        site.flavour.flavour.label()
    )
}

/// How the first component's compute is bought on `host`, where not on demand, at the offers
/// of the catalogs `evaluation` was made with: "committed 1 year (−37 %, GCP resource-based
/// committed use discount, 1 year, 2026-12)", "on spot (−65 %, AWS EC2 Spot Instances,
/// 2026-12, with 7.5 % more kept to replace reclaimed instances)".
pub fn bought_phrase(profile: &Profile, evaluation: &Evaluation, host: &HostType) -> Option<String> {
    let offers = &evaluation.site.catalogs.purchase;
    bought_as(profile, &evaluation.values, |term| offers.offer(host, term), None)
}

/// As [`bought_phrase`], for one option's hosts as `bought`, at the offer the model priced
/// them with: hosts running too few hours for a commitment are said to be on demand.
pub fn bought_hosts(profile: &Profile, values: &Values, bought: &HostsBought) -> Option<String> {
    bought_as(profile, values, |_| bought.offer, Some(bought))
}

fn bought_as<'a>(
    profile: &Profile,
    values: &Values,
    offer: impl FnOnce(Term) -> Option<&'a Offer>,
    bought: Option<&HostsBought>,
) -> Option<String> {
    let asked = profile.components[0].purchase.unwrap_or(profile.environment.purchase);
    let term = match asked {
        Purchase::OnDemand => return None,
        Purchase::Spot if crate::model::buying::spot_refusal(profile, values).is_some() => {
            return Some("on demand, spot refused for this component".to_owned());
        }
        Purchase::Spot => Term::Spot,
        Purchase::Committed3y => Term::Committed3y,
        Purchase::Committed1y | Purchase::CommittedSteady => Term::Committed1y,
    };
    let offer = offer(term)?;
    let discount = format!("−{} %, {}, {}", number(offer.discount * 100.0), offer.plan, offer.date);
    Some(match asked {
        Purchase::Spot => {
            let share = values.get(crate::model::AssumptionId::SpotReplacementShare);
            format!("on spot ({discount}, with {} % more kept to replace reclaimed instances)", number(share * 100.0))
        }
        _ if bought.is_some_and(|b| b.committed <= 0.0 && b.declined_hours.is_some()) => format!(
            "on demand: a commitment ({discount}) bills all 24 hours, more than these hosts' {} h a day cost",
            number(bought.and_then(|b| b.declined_hours).unwrap_or_default())
        ),
        Purchase::CommittedSteady => format!("with the steady load committed 1 year ({discount}), the peak on demand"),
        _ => {
            let declined = bought.and_then(|b| b.declined_hours).map(|hours| {
                format!(", the hosts running {} h a day on demand (cheaper than committed)", number(hours))
            });
            format!("{} ({discount}){}", super::purchase_words(asked), declined.unwrap_or_default())
        }
    })
}
