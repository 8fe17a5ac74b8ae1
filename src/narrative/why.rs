//! Plain sentences saying why a criterion matters for this workload and how the options
//! compare on it. They quote the figures the model computed, never new ones. Each sentence
//! is written into one buffer: reports write one for every criterion of every option.

use std::fmt::Write as _;

use super::capitalise;
use super::figures::resource_value;
use crate::model::format::{Days, Number, Seconds};
use crate::model::options::Boundary;
use crate::model::rules;
use crate::model::{AssumptionId, CriterionId, Evaluation, Profile, ResourceId, Resources, TraitId};

/// Why option `option` (an index into `evaluation.options`) scores as it does on
/// `criterion`, compared with the rival the model found for it, if any.
pub fn why(evaluation: &Evaluation, profile: &Profile, option: usize, criterion: CriterionId) -> String {
    let mut out = String::with_capacity(160);
    // Writing to a String cannot fail.
    let _ = write_why(&mut out, evaluation, profile, option, criterion);
    out
}

#[expect(clippy::too_many_lines, reason = "one arm per criterion; splitting would scatter the sentences")]
fn write_why(
    out: &mut String,
    evaluation: &Evaluation,
    profile: &Profile,
    option: usize,
    criterion: CriterionId,
) -> std::fmt::Result {
    let results = &evaluation.options;
    let o = results[option].spec;
    let r = &results[option].resources;
    let w = &profile.workload;
    let other = results[option].criteria[criterion as usize].rival.and_then(|id| evaluation.position(id));
    let resources = |i: usize| &results[i].resources;
    let rating = |id: TraitId| id.meta().display(profile.get(id));
    // " vs <figure> for <other options>", when there is another option.
    let vs = |out: &mut String, figure: &dyn Fn(&mut String, usize) -> std::fmt::Result| -> std::fmt::Result {
        if let Some(i) = other {
            out.push_str(" vs ");
            figure(out, i)?;
            write!(out, " for {}", results[i].spec.plural)?;
        }
        Ok(())
    };
    match criterion {
        CriterionId::ResourceEfficiency => {
            write!(
                out,
                "At peak, {} need {} GiB of memory and {} cores",
                o.plural,
                Number(r.memory_gib),
                Number(r.cpu_cores)
            )?;
            vs(out, &|out, i| {
                let ri = resources(i);
                write!(out, "{} GiB and {} cores", Number(ri.memory_gib), Number(ri.cpu_cores))
            })?;
            out.push('.');
        }
        CriterionId::Cost => write_cost(out, evaluation, profile, option, other)?,
        CriterionId::StartupSpeed => {
            let (relevance, driver) = rules::startup_relevance(profile);
            out.push_str(if relevance >= 0.5 {
                "Start-up latency matters ("
            } else {
                "Start-up latency hardly matters ("
            });
            if driver == TraitId::LifespanDays {
                write!(out, "instances live ~{}", Days(w.lifespan_days))?;
            } else {
                write!(out, "sensitivity {}", rating(TraitId::StartLatencySensitivity))?;
            }
            write!(out, "): {} start in ~{}", o.plural, Seconds(r.start_seconds))?;
            vs(out, &|out, i| write!(out, "~{}", Seconds(resources(i).start_seconds)))?;
            out.push('.');
        }
        CriterionId::RuntimePerformance => {
            let percent = |i: usize| Number(10.0 * results[i].criteria[criterion as usize].score);
            write!(
                out,
                "With data intensity {} and chattiness {}, {} deliver ~{}% of bare-metal throughput",
                rating(TraitId::DataIntensity),
                rating(TraitId::Chattiness),
                o.plural,
                percent(option)
            )?;
            vs(out, &|out, i| write!(out, "{}%", percent(i)))?;
            out.push('.');
        }
        CriterionId::Isolation => {
            let exposure = |i: usize| {
                let share = rules::colocated_share(profile, resources(i));
                rules::exposure(&evaluation.values, results[i].spec, share).1
            };
            let boundary = match o.boundary {
                Boundary::Hypervisor => "sit behind a hypervisor boundary with a small attack surface",
                Boundary::SharedKernel => "share one host kernel with their neighbours",
                Boundary::NodeKernel => {
                    if evaluation.values.get(AssumptionId::TenantsShareNodes) > 0.0 {
                        "share their node's kernel with whatever else is scheduled there; only nodes are separated by a hypervisor"
                    } else {
                        "share a node's kernel only with their own tenant's pods; a hypervisor separates the nodes"
                    }
                }
            };
            write!(out, "Isolation need {}: {} {boundary}", rating(TraitId::IsolationNeed), o.plural)?;
            if r.services_per_instance > 1.0 {
                write!(
                    out,
                    ", and ~{} services share each one with no boundary between them",
                    Number(r.services_per_instance)
                )?;
            }
            write!(out, "; exposure {}/10", Number(exposure(option)))?;
            vs(out, &|out, i| write!(out, "{}/10", Number(exposure(i))))?;
            out.push('.');
        }
        CriterionId::Patching => {
            write!(out, "OS instances to keep patched: {}", Number(r.os_instances_to_patch))?;
            vs(out, &|out, i| write!(out, "{}", Number(resources(i).os_instances_to_patch)))?;
            if o.image_pipeline {
                write!(out, "; images are rebuilt with each of {} deploys a week.", Number(w.deploys_per_week))?;
            } else {
                write!(out, "; each guest OS is patched in place and lives ~{}.", Days(w.lifespan_days))?;
            }
        }
        CriterionId::SupplyChain => {
            if o.image_pipeline {
                write!(
                    out,
                    "Image trust {}, team maturity {}: {} are built from layered images whose provenance must be checked; signing and scanning fit their lifecycle.",
                    rating(TraitId::ImageTrust),
                    rating(TraitId::TeamContainerMaturity),
                    o.plural
                )?;
            } else {
                write!(
                    out,
                    "{} images are usually built in-house, but instances living ~{} let images sprawl and go stale.",
                    o.label,
                    Days(w.lifespan_days)
                )?;
            }
        }
        CriterionId::OsFlexibility => {
            write!(
                out,
                "OS diversity {}: {} {}.",
                rating(TraitId::OsDiversity),
                o.plural,
                o.readings.os_flexibility.label
            )?;
        }
        CriterionId::Portability => {
            if o.image_pipeline {
                write!(
                    out,
                    "{} images move between clouds and bare metal wherever the kernel matches (OS diversity {}) and the app is self-contained (legacy coupling {}).",
                    o.label,
                    rating(TraitId::OsDiversity),
                    rating(TraitId::LegacyCoupling)
                )?;
            } else {
                write!(out, "{} images weigh gigabytes and follow a hypervisor's format.", o.label)?;
            }
        }
        CriterionId::Scalability => {
            if r.scale_to_peak_seconds <= 0.0 {
                write!(out, "Load is flat (peak factor {}): no scaling needed.", Number(w.peak_factor))?;
            } else {
                write!(
                    out,
                    "Peak is {}× steady load: {} reach it in ~{}",
                    Number(w.peak_factor),
                    o.plural,
                    Seconds(r.scale_to_peak_seconds)
                )?;
                vs(out, &|out, i| write!(out, "~{}", Seconds(resources(i).scale_to_peak_seconds)))?;
                out.push('.');
            }
        }
        CriterionId::DeliverySpeed => {
            write!(out, "{} deploys a week: ", Number(w.deploys_per_week))?;
            if o.image_pipeline {
                write!(
                    out,
                    "{} pick up changes by restarting from a new image, as far as the team (maturity {}) can run that pipeline.",
                    o.plural,
                    rating(TraitId::TeamContainerMaturity)
                )?;
            } else {
                write!(out, "every release changes long-lived {} in place.", o.plural)?;
            }
        }
        CriterionId::NetworkingSimplicity => {
            write!(
                out,
                "Chattiness {} across {} separately networked {}",
                rating(TraitId::Chattiness),
                Number(r.instances_steady),
                o.plural
            )?;
            vs(out, &|out, i| write!(out, "{}", Number(resources(i).instances_steady)))?;
            out.push('.');
        }
        CriterionId::MigrationEffort => {
            write!(out, "Legacy coupling {}: ", rating(TraitId::LegacyCoupling))?;
            if o.requires_decomposition {
                write!(out, "{} need the app split into services first.", o.plural)?;
            } else {
                write!(
                    out,
                    "{} take the app as it is (lift and shift), and can be the first step before decomposing.",
                    o.plural
                )?;
            }
        }
        CriterionId::ResilienceFit => {
            write!(out, "Failure tolerance {}: ", rating(TraitId::FailureTolerance))?;
            if o.orchestrated {
                write!(out, "the platform assumes {} can die at any time and reschedules them.", o.plural)?;
            } else {
                write!(out, "long-lived {} suit apps that are not built for instances dying.", o.plural)?;
            }
        }
        CriterionId::HeavyWorkloads => {
            write!(
                out,
                "Heaviness {}% (data intensity {}, {} MiB per instance, instances live ~{}): {}.",
                Number(100.0 * rules::heaviness(profile)),
                rating(TraitId::DataIntensity),
                Number(w.memory_per_instance_mib),
                Days(w.lifespan_days),
                o.readings.heavy_work.label
            )?;
        }
        CriterionId::Nesting => {
            if !w.nested_virtualization {
                out.push_str("No nested virtualization needed.");
            } else if o.needs_hardware_virtualization {
                write!(out, "The workload runs VMs itself: nesting them in {} is hard and costly.", o.plural)?;
            } else {
                write!(out, "The workload runs VMs itself: {} host them without a second hypervisor layer.", o.plural)?;
            }
        }
    }
    Ok(())
}

/// The bill, what it is made of, and — when the leaner option is the dearer one — why.
fn write_cost(
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
    write_hosts(out, profile, r)?;
    if r.control_plane_monthly > 0.0 {
        write!(out, ", plus {} for the managed control plane", money(r.control_plane_monthly))?;
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
                ". {} need less memory and CPU, but {} pack {} instances per host against their {}, so fewer hosts are paid for",
                capitalise(results[lean].spec.plural),
                results[dense].spec.plural,
                Number(results[dense].resources.instances_per_host),
                Number(results[lean].resources.instances_per_host),
            )?;
        }
    }
    out.push('.');
    Ok(())
}

/// "3 hosts at 1200 USD each" or "72 aws/m6i.large at 0.096 USD/h (us-east-1, prices of
/// 2026-07), 2 h a day".
fn write_hosts(out: &mut String, profile: &Profile, r: &Resources) -> std::fmt::Result {
    let e = &profile.environment;
    let count = Number(r.hosts);
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
        "{count} × {} at {} USD an hour ({}, prices of {})",
        host.id,
        Number(host.price_per_hour),
        host.region,
        host.price_date
    )?;
    if e.runs_hours_per_day < 24.0 {
        write!(out, ", running {} h a day", Number(e.runs_hours_per_day))?;
    }
    if e.peak_hours_per_day < e.runs_hours_per_day {
        write!(out, " with {} h at peak", Number(e.peak_hours_per_day))?;
    }
    Ok(())
}
