//! The bill behind the cost criterion: what it is made of, and why a leaner option can be the
//! dearer one.

use std::fmt::Write as _;

use super::count;
use crate::model::assumptions::Values;
use crate::model::format::Number;
use crate::model::site::Site;
use crate::model::{Evaluation, Profile, ResourceId, Resources};
use crate::narrative::capitalise;
use crate::narrative::feasibility::pod_size;
use crate::narrative::figures::{bought_hosts, price_basis, resource_value};

/// The bill, what it is made of, and — when the leaner option is the dearer one — why.
pub(super) fn write_cost(
    out: &mut String,
    evaluation: &Evaluation,
    profile: &Profile,
    option: usize,
    other: Option<usize>,
) -> std::fmt::Result {
    let results = &evaluation.options;
    let (o, r) = (results[option].spec, &results[option].resources);
    let money = |value: f64| resource_value(profile, ResourceId::MonthlyCost, value);
    write!(out, "{} cost {} a month: ", capitalise(o.plural), money(r.monthly_cost))?;
    write_hosts(out, profile, (&evaluation.values, &evaluation.site), r)?;
    match (r.control_plane_nodes > 0.0, r.control_plane_monthly > 0.0) {
        // A self-managed cluster on a cloud: its control plane runs on VMs of its own.
        (true, true) => write!(
            out,
            ", plus {} for {} of its own",
            money(r.control_plane_monthly),
            count(r.control_plane_nodes, "control-plane VM", "control-plane VMs")
        )?,
        (true, false) => write!(
            out,
            " (room for {} included)",
            count(r.control_plane_nodes, "control-plane node", "control-plane nodes")
        )?,
        (false, true) => write!(out, ", plus {} for the managed control plane", money(r.control_plane_monthly))?,
        (false, false) => {}
    }
    if r.people_monthly > 0.0 {
        write!(out, ", plus {} for the {} engineers it takes to run", money(r.people_monthly), Number(r.engineers))?;
    }
    if let Some(i) = other {
        let ri = &results[i].resources;
        write!(out, "; {} cost {}", results[i].spec.plural, money(ri.monthly_cost))?;
        let [own_fit, rival_fit] = [r, ri].map(|x| x.memory_gib + x.cpu_cores);
        let leaner_but_dearer = |a: &Resources, b: &Resources, a_fit: f64, b_fit: f64| {
            a_fit < b_fit && a.monthly_cost > b.monthly_cost && a.instances_per_host < b.instances_per_host
        };
        if leaner_but_dearer(r, ri, own_fit, rival_fit) || leaner_but_dearer(ri, r, rival_fit, own_fit) {
            let (lean, dense) = if own_fit < rival_fit { (option, i) } else { (i, option) };
            write!(
                out,
                ". {} need less memory and CPU, but {} pack {} per host against their {}, so fewer hosts are paid for",
                capitalise(results[lean].spec.plural),
                results[dense].spec.plural,
                count(results[dense].resources.instances_per_host, "instance", "instances"),
                Number(results[lean].resources.instances_per_host),
            )?;
        }
    }
    out.push('.');
    Ok(())
}

/// ", running 10 h a day with 2 h at peak", where the workload does not run all day at peak.
fn write_hours(out: &mut String, e: &crate::model::Environment) -> std::fmt::Result {
    if e.runs_hours_per_day < 24.0 {
        write!(out, ", running {} h a day", Number(e.runs_hours_per_day))?;
    }
    if e.peak_hours_per_day < e.runs_hours_per_day {
        write!(out, " with {} h at peak", Number(e.peak_hours_per_day))?;
    }
    Ok(())
}

/// "3 hosts at 1200 USD each" or "72 aws/m6i.large at 0.096 USD/h (us-east-1, prices of
/// 2026-07), 2 h a day".
fn write_hosts(
    out: &mut String,
    profile: &Profile,
    (values, site): (&Values, &Site),
    r: &Resources,
) -> std::fmt::Result {
    let e = &profile.environment;
    let count = Number(r.hosts);
    if let Some(pods) = r.sandbox {
        let fargate = &site.catalogs.sandboxes.fargate;
        write!(
            out,
            "as AWS Fargate pods: {count} × {} at {:.4} USD an hour each ({}, prices of {}, on demand)",
            pod_size(pods.size),
            pods.price_per_hour,
            fargate.region,
            fargate.date
        )?;
        return write_hours(out, e);
    }
    let Some(host) = r.host_type else {
        let each = resource_value(profile, ResourceId::MonthlyCost, e.host_cost_per_month);
        return if (r.hosts - 1.0).abs() < f64::EPSILON {
            write!(out, "1 host at {each}")
        } else {
            write!(out, "{count} hosts at {each} each")
        };
    };
    write!(
        out,
        "{count} × {} at {} USD an hour ({}, {})",
        host.id,
        Number(site.price_per_hour(host)),
        host.region,
        price_basis(site, host)
    )?;
    write_hours(out, e)?;
    if let Some(bought) = bought_hosts(profile, values, &r.bought) {
        write!(out, ", bought {bought}")?;
    }
    Ok(())
}
