//! Plain sentences saying why a criterion matters for this workload and how the options
//! compare on it. They quote the figures the model computed, never new ones. Each sentence
//! is written into one buffer: reports write one for every criterion of every option.
//!
//! A sentence follows the sign of the comparison: an option ahead of its rival is explained
//! by what it does well, one behind by what it lacks, so a pro never reads as a drawback nor
//! a con as an advantage. Figures are compared with "vs" only when they read differently,
//! and lifetimes are named in words ("long-lived") only when the traits say so.

use std::fmt::Write as _;

use super::capitalise;
use super::feasibility::pod_size;
use super::figures::{bought_hosts, price_basis, resource_value};
use crate::model::assumptions::Values;
use crate::model::format::{Days, Number, Seconds};
use crate::model::options::Boundary;
use crate::model::rules::{self, MigrationPath};
use crate::model::site::Site;
use crate::model::traits::{PrimaryOs, VmPatching};
use crate::model::{AssumptionId, CriterionId, Evaluation, Profile, ResourceId, Resources, TraitId};

/// Lifespan from which instances are called long-lived, in days (a month: M-OPS-1's "weeks or
/// longer", and the point from which `churn` reads start-up as irrelevant).
pub const LONG_LIVED_DAYS: f64 = 30.0;

/// Where an option stands against its rival on one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Ahead,
    Behind,
    Even,
}

/// Why option `option` (an index into `evaluation.options`) scores as it does on
/// `criterion`, compared with the rival the model found for it, if any.
pub fn why(evaluation: &Evaluation, profile: &Profile, option: usize, criterion: CriterionId) -> String {
    let mut out = String::with_capacity(160);
    // Writing to a String cannot fail.
    let _ = Why::new(evaluation, profile, option, criterion).write(&mut out);
    out
}

struct Why<'a> {
    evaluation: &'a Evaluation,
    profile: &'a Profile,
    option: usize,
    criterion: CriterionId,
    rival: Option<usize>,
    standing: Standing,
}

impl<'a> Why<'a> {
    fn new(evaluation: &'a Evaluation, profile: &'a Profile, option: usize, criterion: CriterionId) -> Self {
        let c = criterion as usize;
        let results = &evaluation.options;
        let rival = results[option].criteria[c].rival.and_then(|id| evaluation.position(id));
        let standing = rival.map_or(Standing::Even, |r| {
            let gap = results[option].criteria[c].score - results[r].criteria[c].score;
            if gap > 1e-9 {
                Standing::Ahead
            } else if gap < -1e-9 {
                Standing::Behind
            } else {
                Standing::Even
            }
        });
        Self { evaluation, profile, option, criterion, rival, standing }
    }

    fn rating(&self, id: TraitId) -> impl std::fmt::Display + 'static {
        id.meta().display(self.profile.get(id))
    }

    /// " vs <figure> for <rival>", or ", as for <rival>" when the figures read the same.
    fn vs(&self, out: &mut String, figure: impl Fn(usize) -> String) -> std::fmt::Result {
        let Some(r) = self.rival else { return Ok(()) };
        let (own, theirs) = (figure(self.option), figure(r));
        let rival = self.evaluation.options[r].spec.plural;
        if own == theirs { write!(out, ", as for {rival}") } else { write!(out, " vs {theirs} for {rival}") }
    }

    #[expect(clippy::too_many_lines, reason = "one arm per criterion; splitting would scatter the sentences")]
    fn write(&self, out: &mut String) -> std::fmt::Result {
        let results = &self.evaluation.options;
        let result = &results[self.option];
        let o = result.spec;
        let r = &result.resources;
        let w = &self.profile.workload();
        let resources = |i: usize| &results[i].resources;
        let ahead = self.standing == Standing::Ahead;
        let behind = self.standing == Standing::Behind;
        match self.criterion {
            CriterionId::ResourceEfficiency => {
                let figure =
                    |i: usize| format!("{} GiB and {}", Number(resources(i).memory_gib), cores(resources(i).cpu_cores));
                write!(out, "At peak, {} need {}", o.plural, figure(self.option))?;
                self.vs(out, figure)?;
                out.push('.');
            }
            CriterionId::Cost => write_cost(out, self.evaluation, self.profile, self.option, self.rival)?,
            CriterionId::StartupSpeed => {
                out.push_str(if rules::startup_relevance(self.profile) >= 0.5 {
                    "Start-up latency matters ("
                } else {
                    "Start-up latency hardly matters ("
                });
                write!(out, "sensitivity {}", self.rating(TraitId::StartLatencySensitivity))?;
                let figure = |i: usize| format!("~{}", Seconds(resources(i).start_seconds));
                write!(out, "): {} start in {}", o.plural, figure(self.option))?;
                self.vs(out, figure)?;
                let warm = resources(self.option).warm_pool;
                if warm > 0.0 {
                    write!(
                        out,
                        "; replacing instances that live ~{} keeps {} warm",
                        Days(w.lifespan_days),
                        count(warm, "booted spare", "booted spares")
                    )?;
                }
                out.push('.');
            }
            CriterionId::RuntimePerformance => {
                let c = self.criterion as usize;
                let figure = |i: usize| format!("{}%", Number(10.0 * results[i].criteria[c].score));
                write!(
                    out,
                    "With data intensity {} and chattiness {}, {} deliver ~{} of bare-metal throughput",
                    self.rating(TraitId::DataIntensity),
                    self.rating(TraitId::Chattiness),
                    o.plural,
                    figure(self.option)
                )?;
                self.vs(out, figure)?;
                out.push('.');
            }
            CriterionId::Isolation => self.isolation(out)?,
            CriterionId::Patching => self.patching(out)?,
            CriterionId::SupplyChain => {
                if o.image_pipeline {
                    write!(
                        out,
                        "Image trust {}, team maturity {}: ",
                        self.rating(TraitId::ImageTrust),
                        self.rating(TraitId::TeamContainerMaturity)
                    )?;
                    if behind {
                        write!(out, "{} run layered images whose provenance must still be checked.", o.plural)?;
                    } else {
                        write!(
                            out,
                            "{} run layered images that a pipeline can sign and scan at every build.",
                            o.plural
                        )?;
                    }
                } else {
                    let stale = rules::staleness(rules::guest_age_days(self.profile, &self.evaluation.values)) > 0.0;
                    write!(out, "{} images are built in-house", o.label)?;
                    if behind && stale {
                        write!(
                            out,
                            ", but instances living ~{} let images sprawl and go stale.",
                            Days(w.lifespan_days)
                        )?;
                    } else if behind {
                        out.push_str(", without the signing and scanning an image pipeline builds in.");
                    } else {
                        out.push_str(", so their origin is known without trusting layers from elsewhere.");
                    }
                }
            }
            CriterionId::OsFlexibility => {
                let label = o.readings.os_flexibility.label;
                write!(out, "OS diversity {}: {} {label}", self.rating(TraitId::OsDiversity), o.plural)?;
                let windows = w.primary_os == PrimaryOs::Windows;
                if o.linux_only && windows {
                    out.push_str(", so this Windows workload cannot run on them at all.");
                } else if windows && !o.runs_any_os && !behind {
                    out.push_str(" (Windows here), which is all this workload needs.");
                } else if o.runs_any_os {
                    out.push('.');
                } else if behind {
                    out.push_str(", so other OSes need another platform.");
                } else {
                    out.push_str(", which is all this workload needs.");
                }
            }
            CriterionId::Portability => {
                if o.image_pipeline {
                    // Every image-built option ships container images ("Containers on VMs
                    // images" would misname them).
                    let (diversity, coupling) =
                        (self.rating(TraitId::OsDiversity), self.rating(TraitId::LegacyCoupling));
                    if behind {
                        write!(
                            out,
                            "Container images move only where the kernel matches (OS diversity {diversity}) and the app is self-contained (legacy coupling {coupling})."
                        )?;
                    } else {
                        write!(
                            out,
                            "Container images move between clouds and bare metal wherever the kernel matches (OS diversity {diversity}, legacy coupling {coupling})."
                        )?;
                    }
                } else if ahead {
                    write!(
                        out,
                        "{} images carry their own OS, so they move to any hypervisor that reads their format, whatever kernel the app needs.",
                        o.label
                    )?;
                } else {
                    write!(out, "{} images weigh gigabytes and follow a hypervisor's format.", o.label)?;
                }
            }
            CriterionId::Scalability => {
                if r.scale_to_peak_seconds <= 0.0 {
                    write!(out, "Load is flat (peak factor {}): no scaling needed", Number(w.peak_factor))?;
                } else {
                    let figure = |i: usize| format!("~{}", Seconds(resources(i).scale_to_peak_seconds));
                    write!(
                        out,
                        "Peak is {}× steady load: {} reach it in {}",
                        Number(w.peak_factor),
                        o.plural,
                        figure(self.option)
                    )?;
                    self.vs(out, figure)?;
                }
                if o.image_pipeline
                    && result.path == MigrationPath::AsIs
                    && rules::split(self.profile) > 0.0
                    && w.legacy_coupling > 0
                    && w.peak_factor > 1.0
                {
                    write!(
                        out,
                        "; coupled services (legacy coupling {}) scale together",
                        self.rating(TraitId::LegacyCoupling)
                    )?;
                }
                out.push('.');
            }
            CriterionId::DeliverySpeed => {
                write!(out, "{}: ", deploys_a_week(w.deploys_per_week))?;
                if o.image_pipeline {
                    write!(
                        out,
                        "{} pick up changes by restarting from a new image, as far as the team (maturity {}) can run that pipeline",
                        o.plural,
                        self.rating(TraitId::TeamContainerMaturity)
                    )?;
                    if result.path == MigrationPath::Decomposed {
                        out.push_str("; decomposed, its services ship independently");
                    }
                    out.push('.');
                } else if ahead {
                    write!(out, "{} ship through the release process the team already runs.", o.plural)?;
                } else if w.lifespan_days >= LONG_LIVED_DAYS {
                    write!(out, "every release changes long-lived {} in place.", o.plural)?;
                } else {
                    write!(
                        out,
                        "every release means a new VM image for {} {}, without the container tooling for it.",
                        lifetime_adjective(w.lifespan_days),
                        o.plural
                    )?;
                }
            }
            CriterionId::NetworkingSimplicity => {
                let figure = |i: usize| number_of(resources(i).instances_steady);
                write!(
                    out,
                    "Chattiness {} across {} separately networked {}",
                    self.rating(TraitId::Chattiness),
                    figure(self.option),
                    o.plural
                )?;
                let same = self.rival.is_some_and(|i| figure(i) == figure(self.option));
                if same && ahead {
                    write!(
                        out,
                        "; pods and a flat L3 network, known to the team (maturity {}), keep it simpler",
                        self.rating(TraitId::TeamContainerMaturity)
                    )?;
                } else if same && behind {
                    out.push_str(", without the pod network an orchestrator provides");
                } else {
                    self.vs(out, figure)?;
                }
                out.push('.');
            }
            CriterionId::MigrationEffort => self.migration(out)?,
            CriterionId::ResilienceFit => {
                write!(out, "Failure tolerance {}: ", self.rating(TraitId::FailureTolerance))?;
                match (o.orchestrated, behind) {
                    (true, false) => {
                        write!(out, "the platform reschedules {} that die, as the app expects.", o.plural)?;
                    }
                    (true, true) => write!(
                        out,
                        "the platform assumes {} can die at any time, which the app is not built for.",
                        o.plural
                    )?,
                    (false, _) if rules::churn(w.lifespan_days) >= 0.5 => {
                        write!(
                            out,
                            "{} living ~{} are replaced from their image all the time",
                            o.plural,
                            Days(w.lifespan_days)
                        )?;
                        out.push_str(if behind {
                            ", more slowly than an orchestrator reschedules."
                        } else {
                            ", which the app allows."
                        });
                    }
                    (false, false) => {
                        write!(out, "{} are kept running, which suits apps not built for instances dying", o.plural)?;
                        if self.evaluation.values.get(AssumptionId::VmLiveMigrationPoints) > 0.0
                            && self.profile.workload().failure_tolerance < 10
                            && rules::churn(self.profile.workload().lifespan_days) < 1.0
                        {
                            out.push_str(", and the hypervisor live-migrates them through host maintenance where pods would be drained and restarted");
                        }
                        out.push('.');
                    }
                    (false, true) => write!(
                        out,
                        "{} are kept running, while the app could let an orchestrator replace them freely.",
                        o.plural
                    )?,
                }
            }
            CriterionId::HeavyWorkloads => {
                write!(
                    out,
                    "Heaviness {}% (data intensity {}, {} MiB per instance, instances live ~{}): ",
                    Number(100.0 * rules::heaviness(self.profile)),
                    self.rating(TraitId::DataIntensity),
                    Number(w.memory_per_instance_mib),
                    Days(w.lifespan_days),
                )?;
                let heavy = o.readings.heavy_work;
                if heavy.value > 0.0 && behind {
                    write!(out, "{}, though {} suit heavy work better.", heavy.label, self.rival_plural())?;
                } else if heavy.value > 0.0 || behind {
                    write!(out, "{}.", heavy.label)?;
                } else {
                    write!(out, "{} carry it with less overhead than {}.", o.plural, self.rival_plural())?;
                }
            }
            CriterionId::Nesting => {
                if !w.nested_virtualization {
                    out.push_str("No nested virtualization needed.");
                } else if !o.can_nest() {
                    write!(
                        out,
                        "The workload runs VMs itself: {} do not offer KVM to their guests in production.",
                        o.plural
                    )?;
                } else if o.needs_hardware_virtualization
                    && !behind
                    && self.rival.is_some_and(|r| !self.evaluation.options[r].spec.can_nest())
                {
                    write!(
                        out,
                        "The workload runs VMs itself: {} can nest them, as a documented hypervisor feature at a cost, where {} do not offer KVM to their guests in production.",
                        o.plural,
                        self.rival_plural()
                    )?;
                } else if o.needs_hardware_virtualization {
                    write!(out, "The workload runs VMs itself: nesting them in {} is hard and costly.", o.plural)?;
                } else {
                    write!(
                        out,
                        "The workload runs VMs itself: {} host them without a second hypervisor layer.",
                        o.plural
                    )?;
                }
            }
        }
        Ok(())
    }

    fn rival_plural(&self) -> &'static str {
        self.rival.map_or("the others", |r| self.evaluation.options[r].spec.plural)
    }

    fn isolation(&self, out: &mut String) -> std::fmt::Result {
        let results = &self.evaluation.options;
        let values = &self.evaluation.values;
        let o = results[self.option].spec;
        let r = &results[self.option].resources;
        let exposure = |i: usize| {
            let share = rules::blast_radius(self.profile, &results[i].resources);
            format!("{}/10", Number(rules::exposure(values, results[i].spec, share).1))
        };
        let boundary = match o.boundary {
            Boundary::Hypervisor => "sit behind a hypervisor boundary with a small attack surface",
            Boundary::SharedKernel if self.standing == Standing::Ahead => {
                "keep a namespace boundary around every service, narrowed further by runtime hardening"
            }
            Boundary::SharedKernel => "share one host kernel with their neighbours, narrowed by runtime hardening",
            Boundary::NodeKernel => {
                if values.get(AssumptionId::TenantsShareNodes) > 0.0 {
                    "share their node's kernel with whatever else is scheduled there; only nodes are separated by a hypervisor"
                } else {
                    "share a node's kernel only with their own tenant's pods; a hypervisor separates the nodes"
                }
            }
        };
        write!(
            out,
            "Isolation need {}, untrusted code {} (threat {}%): {} {boundary}",
            self.rating(TraitId::IsolationNeed),
            self.rating(TraitId::UntrustedCode),
            Number(100.0 * rules::threat(self.profile, values)),
            o.plural
        )?;
        if r.services_per_instance > 1.0 {
            write!(
                out,
                ", and ~{} services share each one with no boundary between them (one breach reaches {} of the {} service instances)",
                Number(r.services_per_instance),
                Number(r.services_per_instance),
                Number(self.profile.workload().services as f64 * self.profile.workload().replicas as f64)
            )?;
        }
        write!(out, "; exposure {}", exposure(self.option))?;
        self.vs(out, exposure)?;
        out.push('.');
        Ok(())
    }

    fn patching(&self, out: &mut String) -> std::fmt::Result {
        let results = &self.evaluation.options;
        let o = results[self.option].spec;
        let w = &self.profile.workload();
        let figure = |i: usize| number_of(results[i].resources.os_instances_to_patch);
        write!(out, "OS instances to keep patched at steady load: {}", figure(self.option))?;
        self.vs(out, figure)?;
        let rebuild = self.evaluation.values.get(AssumptionId::GoldenImageRebuildDays);
        if o.image_pipeline {
            let images = results[self.option].resources.images_to_rebuild;
            write!(out, "; its {} images are rebuilt, not patched", Number(images))?;
        } else if self.profile.environment.vm_patching == VmPatching::GoldenImages {
            write!(
                out,
                "; VMs are replaced from golden images rebuilt every ~{}, not patched in place",
                Days(rebuild)
            )?;
        } else if w.lifespan_days >= rebuild {
            write!(out, "; each guest OS is patched in place over its ~{} life", Days(w.lifespan_days))?;
        } else {
            write!(out, "; guests living ~{} are replaced, not patched: only their image is", Days(w.lifespan_days))?;
        }
        let rival_rebuilds = self.rival.is_some_and(|r| results[r].spec.image_pipeline);
        if !o.image_pipeline && rival_rebuilds && self.standing == Standing::Behind {
            write!(
                out,
                ", while {} rebuild theirs with every deploy ({} a week)",
                self.rival_plural(),
                Number(w.deploys_per_week)
            )?;
        }
        if w.compliance_strictness > 0 {
            write!(
                out,
                "; compliance strictness {} adds controls and audit evidence",
                self.rating(TraitId::ComplianceStrictness)
            )?;
            let load = self.evaluation.values.get(o.compliance_control_load);
            if load != 1.0 {
                write!(out, " ({}× a VM estate's)", Number(load))?;
            }
        }
        out.push('.');
        Ok(())
    }

    fn migration(&self, out: &mut String) -> std::fmt::Result {
        let result = &self.evaluation.options[self.option];
        let o = result.spec;
        let w = &self.profile.workload();
        write!(out, "Legacy coupling {}: ", self.rating(TraitId::LegacyCoupling))?;
        if !o.image_pipeline {
            return write!(
                out,
                "{} take the app as it is (lift and shift), and can be the first step before decomposing.",
                o.plural
            );
        }
        match result.path {
            MigrationPath::AsIs if w.legacy_coupling == 0 && self.standing != Standing::Behind => {
                write!(out, "nothing to untangle: the app moves into {} as it is", o.plural)?;
            }
            MigrationPath::AsIs if w.legacy_coupling == 0 => {
                write!(out, "the app moves into {} as it is", o.plural)?;
            }
            MigrationPath::AsIs => {
                write!(out, "{} take the app as it is, packaged into images (containerised as-is)", o.plural)?;
                if self.standing == Standing::Behind {
                    out.push_str(", which still means untangling it from its surroundings");
                }
            }
            MigrationPath::Decomposed => write!(
                out,
                "{} take the app decomposed into services first, the most work but independent releases and scaling",
                o.plural
            )?,
        }
        if self.standing == Standing::Behind && w.team_container_maturity < 10 {
            write!(
                out,
                "; the team (maturity {}) must learn the platform",
                self.rating(TraitId::TeamContainerMaturity)
            )?;
        }
        out.push('.');
        Ok(())
    }
}

/// How a lifespan reads as an adjective: "long-lived" from a month, "short-lived" under a
/// day, plain "running" between.
pub fn lifetime_adjective(lifespan_days: f64) -> &'static str {
    if lifespan_days >= LONG_LIVED_DAYS {
        "long-lived"
    } else if lifespan_days < 1.0 {
        "short-lived"
    } else {
        "running"
    }
}

/// A count as a number ("72").
fn number_of(value: f64) -> String {
    Number(value).to_string()
}

/// A count with its noun in agreement: "1 core", "2.5 cores".
fn count(value: f64, one: &str, many: &str) -> String {
    let text = Number(value).to_string();
    if text == "1" { format!("1 {one}") } else { format!("{text} {many}") }
}

/// "1 core", "2.5 cores".
fn cores(value: f64) -> String {
    count(value, "core", "cores")
}

/// "1 deploy a week", "40 deploys a week".
fn deploys_a_week(value: f64) -> String {
    format!("{} a week", count(value, "deploy", "deploys"))
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
    if let Some(bought) = bought_hosts(profile, values, host, &r.bought) {
        write!(out, ", bought {bought}")?;
    }
    Ok(())
}
