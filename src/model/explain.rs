//! Plain sentences saying why a criterion matters for this workload and how the options
//! compare on it. They quote the same figures the rules used, never new ones.

use super::criteria::CriterionId;
use super::format::{days, number, seconds};
use super::options::Boundary;
use super::rules::{self, RuleInputs};
use super::traits::TraitId;

/// Why `option` scores as it does on `criterion`, compared with `other` when there is one.
pub(crate) fn why(criterion: CriterionId, inputs: &RuleInputs<'_>, option: usize, other: Option<usize>) -> String {
    let o = &inputs.options[option];
    let r = &inputs.resources[option];
    let vs = |f: &dyn Fn(usize) -> String| other.map(|i| format!(" vs {} for {}", f(i), inputs.options[i].plural)).unwrap_or_default();
    let w = &inputs.profile.workload;
    let rating = |id: TraitId| id.meta().format(inputs.profile.get(id));
    match criterion {
        CriterionId::ResourceEfficiency => format!(
            "At peak, {} need {} GiB of memory and {} cores{}.",
            o.plural,
            number(r.memory_gib),
            number(r.cpu_cores),
            vs(&|i| format!("{} GiB and {} cores", number(inputs.resources[i].memory_gib), number(inputs.resources[i].cpu_cores))),
        ),
        CriterionId::StartupSpeed => {
            let (relevance, driver) = rules::startup_relevance(inputs);
            let matters = if relevance >= 0.5 { "Start-up latency matters" } else { "Start-up latency hardly matters" };
            let reason = if driver == TraitId::LifespanDays {
                format!("instances live ~{}", days(w.lifespan_days))
            } else {
                format!("sensitivity {}", rating(TraitId::StartLatencySensitivity))
            };
            format!(
                "{matters} ({reason}): {} start in ~{}{}.",
                o.plural,
                seconds(r.start_seconds),
                vs(&|i| format!("~{}", seconds(inputs.resources[i].start_seconds))),
            )
        }
        CriterionId::RuntimePerformance => {
            let percent = |i: usize| format!("{}%", number(10.0 * rules::total(&rules::terms(criterion, inputs, i))));
            format!(
                "With data intensity {} and chattiness {}, {} deliver ~{} of bare-metal throughput{}.",
                rating(TraitId::DataIntensity),
                rating(TraitId::Chattiness),
                o.plural,
                percent(option),
                vs(&|i| percent(i)),
            )
        }
        CriterionId::Isolation => {
            let (_, exposure) = rules::exposure(inputs, option, o);
            let boundary = match o.boundary {
                Boundary::Hypervisor => "sit behind a hypervisor boundary with a small attack surface",
                Boundary::SharedKernel => "share one host kernel with their neighbours",
            };
            let packed = if r.services_per_instance > 1.0 {
                format!(", and ~{} services share each one with no boundary between them", number(r.services_per_instance))
            } else {
                String::new()
            };
            format!(
                "Isolation need {}: {} {boundary}{packed}; exposure {}/10{}.",
                rating(TraitId::IsolationNeed),
                o.plural,
                number(exposure),
                vs(&|i| format!("{}/10", number(rules::exposure(inputs, i, &inputs.options[i]).1))),
            )
        }
        CriterionId::Patching => {
            let freshness = if o.image_pipeline {
                format!("images are rebuilt with each of {} deploys a week", number(w.deploys_per_week))
            } else {
                format!("each guest OS is patched in place and lives ~{}", days(w.lifespan_days))
            };
            format!(
                "OS instances to keep patched: {}{}; {freshness}.",
                number(r.os_instances_to_patch),
                vs(&|i| number(inputs.resources[i].os_instances_to_patch)),
            )
        }
        CriterionId::SupplyChain => {
            if o.image_pipeline {
                format!(
                    "Image trust {}, team maturity {}: {} are built from layered images whose provenance must be checked; signing and scanning fit their lifecycle.",
                    rating(TraitId::ImageTrust),
                    rating(TraitId::TeamContainerMaturity),
                    o.plural
                )
            } else {
                format!(
                    "{} images are usually built in-house, but instances living ~{} let images sprawl and go stale.",
                    o.label,
                    days(w.lifespan_days)
                )
            }
        }
        CriterionId::OsFlexibility => {
            let can = if o.runs_any_os { "run any guest OS side by side" } else { "all share one kernel type" };
            format!("OS diversity {}: {} {can}.", rating(TraitId::OsDiversity), o.plural)
        }
        CriterionId::Portability => {
            if o.image_pipeline {
                format!(
                    "{} images move between clouds and bare metal wherever the kernel matches (OS diversity {}).",
                    o.label,
                    rating(TraitId::OsDiversity)
                )
            } else {
                format!("{} images weigh gigabytes and follow a hypervisor's format.", o.label)
            }
        }
        CriterionId::Scalability => {
            if r.scale_to_peak_seconds <= 0.0 {
                format!("Load is flat (peak factor {}): no scaling needed.", number(w.peak_factor))
            } else {
                format!(
                    "Peak is {}× steady load: {} reach it in ~{}{}.",
                    number(w.peak_factor),
                    o.plural,
                    seconds(r.scale_to_peak_seconds),
                    vs(&|i| format!("~{}", seconds(inputs.resources[i].scale_to_peak_seconds))),
                )
            }
        }
        CriterionId::DeliverySpeed => {
            let how = if o.image_pipeline {
                format!(
                    "{} pick up changes by restarting from a new image, as far as the team (maturity {}) can run that pipeline",
                    o.plural,
                    rating(TraitId::TeamContainerMaturity)
                )
            } else {
                format!("every release changes long-lived {} in place", o.plural)
            };
            format!("{} deploys a week: {how}.", number(w.deploys_per_week))
        }
        CriterionId::NetworkingSimplicity => format!(
            "Chattiness {} across {} separately networked {}{}.",
            rating(TraitId::Chattiness),
            number(r.instances_steady),
            o.plural,
            vs(&|i| number(inputs.resources[i].instances_steady)),
        ),
        CriterionId::MigrationEffort => {
            let how = if o.requires_decomposition {
                format!("{} need the app split into services first", o.plural)
            } else {
                format!("{} take the app as it is (lift and shift), and can be the first step before decomposing", o.plural)
            };
            format!("Legacy coupling {}: {how}.", rating(TraitId::LegacyCoupling))
        }
        CriterionId::ResilienceFit => {
            let how = if o.orchestrated {
                format!("the platform assumes {} can die at any time and reschedules them", o.plural)
            } else {
                format!("long-lived {} suit apps that are not built for instances dying", o.plural)
            };
            format!("Failure tolerance {}: {how}.", rating(TraitId::FailureTolerance))
        }
        CriterionId::HeavyWorkloads => format!(
            "Heaviness {}% (data intensity {}, {} MiB per instance, instances live ~{}): {}.",
            number(100.0 * rules::heaviness(inputs.profile)),
            rating(TraitId::DataIntensity),
            number(w.memory_per_instance_mib),
            days(w.lifespan_days),
            if o.guest_os_per_instance { "heavy, long-lived work is at home here" } else { "it runs, but weigh the cost" }
        ),
        CriterionId::Nesting => {
            if w.nested_virtualization {
                if o.needs_hardware_virtualization {
                    format!("The workload runs VMs itself: nesting them in {} is hard and costly.", o.plural)
                } else {
                    format!("The workload runs VMs itself: {} host them without a second hypervisor layer.", o.plural)
                }
            } else {
                "No nested virtualization needed.".to_owned()
            }
        }
    }
}
