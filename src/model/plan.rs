//! The plan for a mixed estate: each component on the option it should run on, the estate's
//! resources with hosts shared per platform, the all-in alternatives, and the phased path
//! from today's deployment to the plan (Mirantis' advice, M-DEC-3: move piece by piece).
//!
//! # Sharing hosts
//! All components on one option run on one platform: one cluster for the container options
//! (one control plane), one pool of hypervisor hosts for VMs. Hosts of one machine and one
//! reserve are filled together: the hosts' worth each component needs per zone, before
//! rounding up, are added, and the sum is rounded up once (Σ⌈xᵢ⌉ ≥ ⌈Σxᵢ⌉, so sharing never
//! needs more hosts than keeping components apart). Components whose hosts differ — a
//! Windows node keeps more for itself, a right-sized cloud VM is its own host — are added
//! up apart. On cloud hosts the shared count is worked out hour by hour: a component at its
//! peak holds its peak share, the others their steady share. Disk is added up as it is
//! (sharing a node's image layers between components would only lower it).
//!
//! # The path
//! It starts from each component's `current` option, with today's estate costed the same
//! way, and moves one component per step to its place in the plan. Each step moves the
//! component whose move saves the most a month on the estate as it stands; a tie goes to
//! the easier move (the higher migration-effort score). Moves that cost money come last,
//! the least costly first.

use super::assumptions::{Assumptions, Values};
use super::criteria::CriterionId;
use super::evaluation::{Evaluation, OptionResult, evaluate, evaluate_options};
use super::options::OptionId;
use super::profile::Profile;
use super::projection::{self, cloud_monthly};
use super::resources::Resources;

/// Everything about a mixed estate's placement. For a one-component profile the plan holds
/// that component's verdict and nothing to move.
#[derive(Clone, Debug)]
pub struct Plan {
    /// One per component, in profile order.
    pub components: Vec<Placed>,
    /// One per option the plan uses, in the profile's option order.
    pub platforms: Vec<Platform>,
    /// The mixed estate: every platform's resources added up.
    pub resources: Resources,
    /// Every component on one option, per compared option, in profile order.
    pub versus: Vec<AllIn>,
    /// `path[0]` is today's estate; each later step moves one component.
    pub path: Vec<Step>,
}

/// Where one component goes, and its own evaluation.
#[derive(Clone, Debug)]
pub struct Placed {
    /// The component scored on its own (its [`Profile::focus`]).
    pub evaluation: Evaluation,
    pub option: OptionId,
    /// Placed by its pin rather than by its scores.
    pub pinned: bool,
    /// The leader's margin over the runner-up, as [`super::Verdict::margin`].
    pub margin: f64,
}

/// One platform of the plan: an option and the components on it, hosts shared.
#[derive(Clone, Debug)]
pub struct Platform {
    pub option: OptionId,
    /// Indices into [`Plan::components`].
    pub components: Vec<usize>,
    pub resources: Resources,
}

/// The estate with every component on one option.
#[derive(Clone, Debug)]
pub struct AllIn {
    pub option: OptionId,
    /// The components' overall scores for this option, weighted by their steady instances
    /// (services × replicas): a big tier counts for more than a small one.
    pub score: f64,
    pub resources: Resources,
}

/// One step of the phased path.
#[derive(Clone, Debug)]
pub struct Step {
    /// The component moved; `None` for today's estate.
    pub component: Option<usize>,
    pub from: OptionId,
    pub to: OptionId,
    /// The estate after this step.
    pub resources: Resources,
    /// What this step saves a month against the one before (negative: it costs more).
    pub saves_monthly: f64,
    /// The migration-effort score (0–10, higher is easier) of `to` for the component moved;
    /// 10 for today's estate.
    pub effort: f64,
}

impl Plan {
    /// What the mix saves a month against every component on `option` (negative: the mix
    /// costs more); `None` when the option is not compared.
    pub fn mix_saves_against(&self, option: OptionId) -> Option<f64> {
        let all_in = self.versus.iter().find(|all_in| all_in.option == option)?;
        Some(all_in.resources.monthly_cost - self.resources.monthly_cost)
    }

    /// The all-in alternative scoring best: the answer "one platform for everything" gives.
    pub fn all_in_leader(&self) -> Option<&AllIn> {
        self.versus.iter().max_by(|a, b| a.score.total_cmp(&b.score))
    }

    /// Components placed on `option`.
    pub fn on(&self, option: OptionId) -> impl Iterator<Item = usize> + '_ {
        self.components.iter().enumerate().filter(move |(_, placed)| placed.option == option).map(|(index, _)| index)
    }
}

/// Plans a profile's estate.
pub fn plan(profile: &Profile, assumptions: &Assumptions) -> Plan {
    let focused: Vec<Profile> = (0..profile.components.len()).map(|index| profile.focus(index)).collect();
    let components: Vec<Placed> = focused
        .iter()
        .zip(&profile.components)
        .map(|(focus, component)| {
            let evaluation = evaluate(focus, assumptions);
            let verdict = &evaluation.verdict;
            Placed {
                option: component.placement.unwrap_or(verdict.leader),
                pinned: component.placement.is_some(),
                margin: verdict.margin,
                evaluation,
            }
        })
        .collect();
    let estate = Estate { assumptions, focused: &focused, components: &components };
    let placement: Vec<OptionId> = components.iter().map(|placed| placed.option).collect();
    let (platforms, resources) = estate.platforms(&placement);
    let versus = profile
        .options
        .iter()
        .map(|&option| AllIn {
            option,
            score: estate.all_in_score(option),
            resources: estate.platforms(&vec![option; components.len()]).1,
        })
        .collect();
    let path = estate.path(profile, &placement);
    Plan { components, platforms, resources, versus, path }
}

/// The components, their one-component profiles and evaluations, for costing placements.
struct Estate<'a> {
    assumptions: &'a Assumptions,
    focused: &'a [Profile],
    components: &'a [Placed],
}

impl Estate<'_> {
    /// A component's resources on an option: its evaluation's, or projected when the option
    /// is not compared (a pin or today's option may name one that is not).
    fn resources(&self, index: usize, option: OptionId) -> Resources {
        let evaluation = &self.components[index].evaluation;
        match evaluation.option(option) {
            Some(result) => result.resources,
            None => projection::project(option.spec(), &self.focused[index], &evaluation.values),
        }
    }

    /// The platforms of a placement (in the profile's option order, then first use) and the
    /// estate's total.
    fn platforms(&self, placement: &[OptionId]) -> (Vec<Platform>, Resources) {
        let mut order: Vec<OptionId> = self.focused[0].options.clone();
        for option in placement {
            if !order.contains(option) {
                order.push(*option);
            }
        }
        let platforms: Vec<Platform> = order
            .into_iter()
            .filter_map(|option| {
                let components: Vec<usize> = (0..placement.len()).filter(|&i| placement[i] == option).collect();
                if components.is_empty() {
                    return None;
                }
                let parts: Vec<Resources> = components.iter().map(|&i| self.resources(i, option)).collect();
                let resources = share(&parts, &self.components[components[0]].evaluation.values, self.focused);
                Some(Platform { option, components, resources })
            })
            .collect();
        let total = platforms.iter().map(|p| p.resources).reduce(|a, b| add(&a, &b)).unwrap_or_default();
        (platforms, total)
    }

    fn all_in_score(&self, option: OptionId) -> f64 {
        let (mut sum, mut weight) = (0.0, 0.0);
        for (placed, focus) in self.components.iter().zip(self.focused) {
            let w = focus.workload();
            let instances = (w.services * w.replicas).max(1) as f64;
            sum += placed.evaluation.option(option).map_or(0.0, |result| result.score) * instances;
            weight += instances;
        }
        sum / weight
    }

    /// The migration-effort score of `option` for component `index`.
    fn effort(&self, index: usize, option: OptionId) -> f64 {
        let of = |result: &OptionResult| {
            result.criteria.iter().find(|c| c.criterion == CriterionId::MigrationEffort).map_or(0.0, |c| c.score)
        };
        match self.components[index].evaluation.option(option) {
            Some(result) => of(result),
            None => of(&evaluate_options(&self.focused[index], self.assumptions, &[option.spec()]).options[0]),
        }
    }

    fn path(&self, profile: &Profile, target: &[OptionId]) -> Vec<Step> {
        let mut now: Vec<OptionId> = profile.components.iter().map(|component| component.current).collect();
        let today = self.platforms(&now).1;
        let mut path = vec![Step {
            component: None,
            from: now[0],
            to: now[0],
            resources: today,
            saves_monthly: 0.0,
            effort: 10.0,
        }];
        let mut left: Vec<usize> = (0..now.len()).filter(|&i| now[i] != target[i]).collect();
        while !left.is_empty() {
            let before = path.last().map_or(0.0, |step| step.resources.monthly_cost);
            let best = left
                .iter()
                .enumerate()
                .map(|(at, &index)| {
                    let mut next = now.clone();
                    next[index] = target[index];
                    let resources = self.platforms(&next).1;
                    let effort = self.effort(index, target[index]);
                    (at, index, resources, before - resources.monthly_cost, effort)
                })
                .max_by(|a, b| a.3.total_cmp(&b.3).then(a.4.total_cmp(&b.4)).then(b.1.cmp(&a.1)));
            let Some((at, index, resources, saves_monthly, effort)) = best else { break };
            path.push(Step {
                component: Some(index),
                from: now[index],
                to: target[index],
                resources,
                saves_monthly,
                effort,
            });
            now[index] = target[index];
            left.remove(at);
        }
        path
    }
}

/// Adds two platforms' resources (no sharing between them). Times are the slower's.
fn add(a: &Resources, b: &Resources) -> Resources {
    Resources {
        memory_gib: a.memory_gib + b.memory_gib,
        cpu_cores: a.cpu_cores + b.cpu_cores,
        disk_gib: a.disk_gib + b.disk_gib,
        hosts: a.hosts + b.hosts,
        monthly_cost: a.monthly_cost + b.monthly_cost,
        start_seconds: a.start_seconds.max(b.start_seconds),
        scale_to_peak_seconds: a.scale_to_peak_seconds.max(b.scale_to_peak_seconds),
        os_instances_to_patch: a.os_instances_to_patch + b.os_instances_to_patch,
        instances: a.instances + b.instances,
        instances_steady: a.instances_steady + b.instances_steady,
        instances_per_host: (a.instances + b.instances) / (a.hosts + b.hosts).max(1.0),
        services_per_instance: 0.0,
        fits_on_host: a.fits_on_host && b.fits_on_host,
        host_type: a.host_type.or(b.host_type),
        runs_on_host: a.runs_on_host && b.runs_on_host,
        control_plane_monthly: a.control_plane_monthly + b.control_plane_monthly,
        footprint: a.footprint,
    }
}

/// One platform's resources: its components' hosts shared where they are alike (the same
/// machine and reserve), one control plane.
fn share(parts: &[Resources], values: &Values, focused: &[Profile]) -> Resources {
    let Some(first) = parts.first() else { return Resources::default() };
    let environment = &focused[0].environment;
    let zones = environment.zones.max(1) as f64;
    let running = environment.runs_hours_per_day.clamp(0.0, 24.0);
    let on_cloud = values.site().host.is_some();
    let mut groups: Vec<Vec<&Resources>> = Vec::new();
    for part in parts {
        let alike = |other: &&Resources| {
            let (a, b) = (&part.footprint, &other.footprint);
            !a.own_host
                && !b.own_host
                && a.host_reserved_mib == b.host_reserved_mib
                && a.host_reserved_cpu == b.host_reserved_cpu
                && match (part.host_type, other.host_type) {
                    (Some(a), Some(b)) => a.id == b.id,
                    (a, b) => a.is_none() && b.is_none(),
                }
        };
        match groups.iter_mut().find(|group| group.first().is_some_and(alike)) {
            Some(group) => group.push(part),
            None => groups.push(vec![part]),
        }
    }
    let mut total = groups
        .iter()
        .map(|group| {
            let mut shared =
                group.iter().map(|part| without_control_plane(part)).reduce(|a, b| add(&a, &b)).unwrap_or_default();
            if group.len() < 2 {
                return shared;
            }
            let f = &group[0].footprint;
            let hosts = zones * group.iter().map(|p| p.footprint.share_peak).sum::<f64>().ceil();
            let hosts_steady = zones * group.iter().map(|p| p.footprint.share_steady).sum::<f64>().ceil();
            let apart_hosts: f64 = group.iter().map(|p| p.hosts).sum();
            let apart_steady: f64 = group.iter().map(|p| p.footprint.hosts_steady).sum();
            shared.memory_gib -= (apart_hosts - hosts) * f.host_reserved_mib / 1024.0;
            shared.cpu_cores -= (apart_hosts - hosts) * f.host_reserved_cpu;
            shared.os_instances_to_patch -= (apart_steady - hosts_steady) * f.patch_per_host;
            shared.hosts = hosts;
            shared.instances_per_host = shared.instances / hosts.max(1.0);
            shared.monthly_cost =
                if on_cloud { shared_cloud_monthly(group, zones, running) } else { hosts * f.host_price };
            shared.footprint.hosts_steady = hosts_steady;
            shared
        })
        .reduce(|a, b| add(&a, &b))
        .unwrap_or_default();
    // One platform, one control plane.
    total.control_plane_monthly = first.control_plane_monthly;
    total.monthly_cost += first.control_plane_monthly;
    total
}

fn without_control_plane(part: &Resources) -> Resources {
    Resources { monthly_cost: part.monthly_cost - part.control_plane_monthly, control_plane_monthly: 0.0, ..*part }
}

/// A month of shared cloud hosts: through the day each component holds its peak share while
/// it is at peak and its steady share after; the hosts running at any hour are the shares
/// then, added and rounded up per zone.
fn shared_cloud_monthly(group: &[&Resources], zones: f64, running: f64) -> f64 {
    let mut edges: Vec<f64> = group.iter().map(|p| p.footprint.peak_hours.clamp(0.0, running)).collect();
    edges.push(0.0);
    edges.push(running);
    edges.sort_by(f64::total_cmp);
    edges.dedup();
    let price = group[0].footprint.host_price;
    edges
        .windows(2)
        .map(|span| {
            let (from, to) = (span[0], span[1]);
            let share: f64 = group
                .iter()
                .map(|p| if from < p.footprint.peak_hours { p.footprint.share_peak } else { p.footprint.share_steady })
                .sum();
            // The hours of this span as the fraction of a day that `cloud_monthly` prices.
            cloud_monthly(price, zones * share.ceil(), 0.0, to - from, to - from)
        })
        .sum()
}
