//! Resource projection: what each option needs for the workload — instances, hosts, cost,
//! start and scaling times, people — counted from how its instances are packed
//! ([`super::packing`]). Its curves over scale are [`super::outlook`]'s.
//!
//! Modelling choices, stated once: capacity is planned for peak load for every option
//! (`ceil(replicas × peak_factor)` instances per service); hosts are filled by whichever of
//! memory, CPU or the per-host instance cap runs out first; a host's own reserve is
//! subtracted before packing.

use super::assumptions::{AssumptionId, Assumptions, Values};
use super::buying::Buying;
use super::feasibility::{Form, sandbox_form};
use super::hosts::HOURS_PER_MONTH;
use super::options::{CloudHost, OptionSpec};
use super::packing::{
    CONTROL_PLANE_NODE_CORES, CONTROL_PLANE_NODE_MEMORY_MIB, Figures, Machine, Packing, control_plane_vm, os_figure,
    system_pool,
};
use super::profile::Profile;
use super::purchase::Purchase;
use super::resources::{Footprint, HostsBought, Resources, SandboxPods};
use super::sandbox::PodSize;
use super::site::Site;
use super::traits::{PrimaryOs, TraitId, VmPatching};

/// The traits a projection reads whatever the profile; no other trait changes any option's
/// resources (a property test holds this, with [`reads`] for spot), so analyses that move one
/// of the others keep the resources they have.
pub const INPUTS: [TraitId; 18] = [
    TraitId::Services,
    TraitId::Replicas,
    TraitId::PeakFactor,
    TraitId::MemoryPerInstanceMib,
    TraitId::CpuPerInstance,
    TraitId::AppImageMib,
    TraitId::ServicesPerVm,
    TraitId::HostCores,
    TraitId::HostMemoryGib,
    TraitId::CpuOvercommit,
    TraitId::HostCostPerMonth,
    TraitId::Zones,
    TraitId::RunsHoursPerDay,
    TraitId::PeakHoursPerDay,
    TraitId::LifespanDays,
    TraitId::EngineerCostPerMonth,
    TraitId::NodeAgentCpu,
    TraitId::NodeAgentMemoryMib,
];

/// The traits spot's refusal reads (`buying::spot_refusal`): projection inputs too where a
/// component asks for spot.
pub const SPOT_INPUTS: [TraitId; 2] = [TraitId::FailureTolerance, TraitId::DataIntensity];

/// Whether moving trait `id` can change `profile`'s projection: [`INPUTS`], and where the
/// profile asks for spot, the traits that decide whether spot is refused.
pub fn reads(profile: &Profile, id: TraitId) -> bool {
    INPUTS.contains(&id) || SPOT_INPUTS.contains(&id) && super::buying::asks_spot(profile)
}

/// The nodes of a self-managed control plane on `hosts` hosts. They sit on separate machines
/// to survive one failing, so an estate of fewer hosts runs fewer (one on a single box).
fn control_plane_nodes(values: &Values, hosts: f64) -> f64 {
    values.get(AssumptionId::SelfManagedControlPlaneNodes).min(hosts.max(1.0))
}

/// Projects one option's resources for a profile.
pub fn project(option: &OptionSpec, profile: &Profile, values: &Values, site: &Site) -> Resources {
    Projector::new(option, profile, values, site).at(profile.workload().services, profile.workload().replicas)
}

/// Projects one option for a profile and for its variants along a curve. Most of a
/// projection's work is packing instances onto hosts (catalog look-ups, a flavour's
/// formulas), which depends only on the shape of one instance; along a curve that shape
/// rarely changes, so the projector keeps the last packing it worked out, and the figures
/// that do not depend on the counts.
pub(super) struct Projector<'a> {
    option: &'a OptionSpec,
    figures: Figures<'a>,
    /// What the option adds to each instance, on top of the workload's own.
    instance_memory_mib: f64,
    instance_cpu: f64,
    /// Figures that do not change along a curve.
    instance_os_disk_gib: f64,
    node_os_disk_gib: f64,
    guest_image_mib: f64,
    base_image_mib: f64,
    /// A start's own seconds, before any image pull.
    start_seconds: f64,
    /// Seconds a start pulling the app's whole image spends on it (0 where nothing is pulled).
    pull_seconds: f64,
    reaction_seconds: f64,
    node_boot_seconds: f64,
    /// A managed flavour's fee for the control plane, per month.
    control_plane_fee: f64,
    /// How the component's compute is bought on this site.
    buying: Buying,
    /// The cluster's system-pool nodes and their monthly cost.
    system_pool: (f64, f64),
    /// The last packing, keyed by the instance's CPU and memory (their bits).
    last: Option<([u64; 2], Packing)>,
    /// Each pod a Fargate microVM of this size, billed per pod, no node (`None`: on nodes).
    fargate: Option<PodSize>,
}

impl<'a> Projector<'a> {
    pub(super) fn new(option: &'a OptionSpec, profile: &'a Profile, values: &'a Values, site: &'a Site) -> Self {
        let form = sandbox_form(option, profile, site);
        let fargate = match form {
            Some(Form::Fargate(size)) => Some(size),
            _ => None,
        };
        let figures = Figures {
            values,
            site,
            profile,
            flavour_reserves: option.orchestrated && site.managed(),
            provider_hypervisor: site.host.is_some() && option.cloud.provider_hypervisor(),
            node_sandbox: matches!(form, Some(Form::GkeSandbox(_) | Form::PodSandboxing(_))),
        };
        let e = &profile.environment;
        let (start_seconds, pull_seconds) = match fargate {
            Some(_) => (site.catalogs.sandboxes.fargate.start_seconds, 0.0),
            None => (values.get(option.start_seconds), image_pull_seconds(option, profile, values)),
        };
        Self {
            option,
            instance_memory_mib: instance_overhead_mib(option, &figures, form),
            instance_cpu: option.instance_cpu.map_or(0.0, |id| figures.get(id)),
            instance_os_disk_gib: option.instance_os_disk_gib.map_or(0.0, |id| os_figure(values, profile, id)),
            node_os_disk_gib: option.node.map_or(0.0, |node| values.get(node.os_disk_gib)),
            guest_image_mib: option.shared_guest_image_mib.map_or(0.0, |id| values.get(id)),
            base_image_mib: option.shared_base_image_mib.map_or(0.0, |id| os_figure(values, profile, id)),
            start_seconds,
            pull_seconds,
            reaction_seconds: values.get(option.scale_reaction_seconds),
            node_boot_seconds: values.get(AssumptionId::VmBootSeconds),
            control_plane_fee: if option.orchestrated {
                site.flavour.control_plane.monthly(1, HOURS_PER_MONTH, e.zones <= 1)
            } else {
                0.0
            },
            buying: Buying::resolve(profile, values, site.host, &site.catalogs.purchase),
            system_pool: system_pool(option, site, profile.workload().primary_os == PrimaryOs::Windows),
            figures,
            last: None,
            fargate,
        }
    }

    /// The engineers the option takes to run, and what they cost a month where the profile
    /// states its team: a cluster takes a team whatever its size; VMs kept with configuration
    /// management take engineers in proportion to the OS instances they keep patched.
    fn people(&self, os_instances_to_patch: f64) -> (f64, f64) {
        let (profile, values) = (self.figures.profile, self.figures.values);
        let engineers = if self.option.orchestrated {
            values.get(if self.figures.site.managed() || self.fargate.is_some() {
                AssumptionId::PeopleManagedClusterEngineers
            } else {
                AssumptionId::PeopleSelfManagedClusterEngineers
            })
        } else {
            os_instances_to_patch / values.get(AssumptionId::PeopleOsInstancesPerEngineer).max(1e-9)
        };
        let monthly = profile.environment.team.as_ref().map_or(0.0, |team| engineers * team.engineer_cost_per_month);
        (engineers, monthly)
    }

    /// A host's price (per hour on a cloud type, per month on the team's own), the month's
    /// bill of `hosts` at peak and `hosts_steady` otherwise, and how it is bought.
    fn hosts_bill(
        &self,
        machine: Machine,
        hosts: f64,
        hosts_steady: f64,
        peak_hours: f64,
        running: f64,
    ) -> (f64, f64, HostsBought) {
        let e = &self.figures.profile.environment;
        let asked = HostsBought::on_demand(self.buying.asked);
        let Some(host) = machine.host_type else {
            return (e.host_cost_per_month, hosts * e.host_cost_per_month, asked);
        };
        let price = self.figures.site.price_per_hour(host);
        if self.buying.on_demand() {
            return (price, cloud_monthly(price, hosts, hosts_steady, peak_hours, running), asked);
        }
        let spans = [(hosts, peak_hours), (hosts_steady, running - peak_hours)];
        let bill = self.buying.bill(price, &spans, hosts_steady);
        (price, bill.total(), bought_as(&self.buying, &bill))
    }

    /// The discount on a self-managed control plane's VMs, which run every hour: committed
    /// wherever the purchase commits; never on spot (etcd holds the cluster's state).
    fn control_plane_discount(&self) -> f64 {
        match (self.buying.asked, self.buying.offer) {
            (Purchase::Spot, _) | (_, None) => 0.0,
            (_, Some(offer)) => offer.discount,
        }
    }

    /// A start's seconds with its image pull, for `instances` at peak, `per_image` of each
    /// image, `per_node` a node.
    fn start_with_pull(&self, instances: f64, per_image: f64, per_node: f64) -> f64 {
        let zones = self.figures.profile.environment.zones.max(1) as f64;
        // The nodes the peak's instances fill, each zone its own: a node pulls each image once.
        let nodes = zones * ((instances / zones).ceil() / per_node.max(1.0)).ceil();
        self.start_seconds
            + self.pull_seconds
                * (1.0
                    - image_cached_share(
                        self.figures.values,
                        &self.figures.site.catalogs.assumptions,
                        per_image,
                        nodes,
                    ))
    }

    /// The projection with `services` and `replicas` in place of the profile's.
    pub(super) fn at(&mut self, services: i64, replicas: i64) -> Resources {
        let option = self.option;
        let (profile, values, site) = (self.figures.profile, self.figures.values, self.figures.site);
        let w = &profile.workload();
        let e = &profile.environment;
        let services = services.max(1) as f64;
        let replicas = replicas.max(1) as f64;
        let peak_per_service = (replicas * w.peak_factor.max(1.0)).ceil();

        let packed = if option.packs_services { (e.services_per_vm.max(1) as f64).min(services) } else { 1.0 };
        let units = (services / packed).ceil();
        let services_per_instance = services / units;
        // Short-lived instances are replaced all the time, and a fleet hides their boot behind a
        // warm pool of booted spares (GitLab Runner's `IdleCount`, EC2 Auto Scaling warm pools).
        // By Little's law the pool holds starts per second × boot seconds: the boot is paid in
        // capacity, not in waiting (M-OPS-1).
        let lifetime_seconds = w.lifespan_days.max(1e-6) * 86_400.0;
        // Instances at peak, at steady load and in the warm pool, for starts of `start` seconds.
        let counts = |start: f64| {
            let warm = |running: f64| (running * start / lifetime_seconds).round();
            let warm_pool = warm(units * replicas);
            [units * peak_per_service + warm(units * peak_per_service), units * replicas + warm_pool, warm_pool]
        };
        if let Some(pod) = self.fargate {
            return self.on_fargate(pod, [services, replicas, peak_per_service], counts(self.start_seconds));
        }

        let instance_memory_mib = services_per_instance * w.memory_per_instance_mib + self.instance_memory_mib;
        let raw_cpu = services_per_instance * w.cpu_per_instance;
        let workload_cpu = if option.whole_cpus { raw_cpu.ceil().max(1.0) } else { raw_cpu };
        let instance_cpu = workload_cpu + self.instance_cpu;

        let key = [instance_cpu.to_bits(), instance_memory_mib.to_bits()];
        let packing = match self.last {
            Some((last, packing)) if last == key => packing,
            _ => {
                let packing = Packing::new(option, &self.figures, instance_cpu, instance_memory_mib);
                self.last = Some((key, packing));
                packing
            }
        };
        let Packing { machine, own_host, units_per_host, per_unit, fits_on_host, .. } = packing;
        let (host_reserved_mib, host_reserved_cpu) = (packing.host_reserved_mib, packing.host_reserved_cpu);
        let on_cloud = machine.host_type.is_some();
        let per_host = per_unit * units_per_host;
        let zones = e.zones.max(1) as f64;
        let start_seconds = self.start_with_pull(units * peak_per_service, peak_per_service, per_unit);
        let [instances, instances_steady, warm_pool] = counts(start_seconds);
        // Hosts' worth per zone of `count` instances over every zone, before rounding up: the
        // size of the cluster a self-managed control plane serves.
        let share = |count: f64| (count / zones).ceil() / per_host;
        // A self-managed cluster runs its own control plane (a managed flavour's fee covers
        // it). On the team's hosts its nodes, at kubeadm's minimum, take their share of the
        // hosts; on a cloud they are VMs of their own, as kubeadm's HA topology places them, so
        // they never tip a full worker into another.
        let self_managed = option.orchestrated && !site.managed();
        let (control_plane_nodes, control_plane, control_plane_vms) = match machine.host_type {
            _ if !self_managed => (0.0, 0.0, 0.0),
            None => {
                let per_node =
                    (CONTROL_PLANE_NODE_CORES / machine.cores).max(CONTROL_PLANE_NODE_MEMORY_MIB / machine.memory_mib);
                let nodes = control_plane_nodes(values, zones * share(instances).ceil());
                (nodes, nodes * per_node / zones, 0.0)
            }
            Some(host) => {
                let nodes = values.get(AssumptionId::SelfManagedControlPlaneNodes);
                let vm = control_plane_vm(site, host);
                (nodes, 0.0, nodes * site.price_per_hour(vm) * (1.0 - self.control_plane_discount()) * HOURS_PER_MONTH)
            }
        };
        let hosts_for =
            |count: f64| if own_host { count } else { zone_hosts([(count, per_host)], e.zones, control_plane) };
        let hosts = hosts_for(instances);
        let hosts_steady = hosts_for(instances_steady);
        let nodes = if option.node.is_some() && !on_cloud { hosts * units_per_host } else { 0.0 };

        let os_disk_gib = self.instance_os_disk_gib * instances
            + self.node_os_disk_gib * nodes.max(if on_cloud { hosts } else { 0.0 });
        let app_disk_gib = if option.shared_base_image_mib.is_some() {
            // Layers are stored once per host or node (V-RES-2): the base image plus each distinct service.
            hosts
                * (self.guest_image_mib
                    + units_per_host * (self.base_image_mib + services.min(per_unit) * w.app_image_mib))
                / 1024.0
        } else {
            instances * services_per_instance * w.app_image_mib / 1024.0
        };

        let scale_to_peak_seconds = if peak_per_service <= replicas {
            0.0
        } else if option.orchestrated {
            // New node VMs boot before their pods start, when the cloud cluster must grow.
            let node_boot = if on_cloud && option.cloud == CloudHost::NodeVm && hosts > hosts_steady {
                self.node_boot_seconds
            } else {
                0.0
            };
            hpa_periods(replicas, peak_per_service) * self.reaction_seconds + node_boot + start_seconds
        } else {
            self.reaction_seconds + start_seconds
        };

        // Every option scales with the load on a cloud host (VM scaling groups, the cluster
        // autoscaler) and stops when the workload does not run. Peak capacity is paid for the
        // peak hours plus the time the option takes to reach it: a slower reaction means
        // starting earlier.
        let running = e.runs_hours_per_day.clamp(0.0, 24.0);
        let peak_hours = (e.peak_hours_per_day + scale_to_peak_seconds / 3600.0).clamp(0.0, running);
        let (host_price, hosts_monthly, bought) = self.hosts_bill(machine, hosts, hosts_steady, peak_hours, running);
        let node_vms_per_host = if option.node.is_some() && !on_cloud { units_per_host } else { 0.0 };
        let (system_pool_nodes, system_pool_monthly) = self.system_pool;
        let node_overhead_monthly = hosts_monthly * packing.reserved_share() + system_pool_monthly;
        let control_plane_monthly = self.control_plane_fee + control_plane_vms;
        let os_instances_to_patch = if own_host { 0.0 } else { hosts_steady }
            + hosts_steady * node_vms_per_host
            + if option.guest_os_per_instance {
                guests_to_patch(
                    profile,
                    values,
                    units,
                    if own_host { hosts_steady } else { instances_steady - warm_pool },
                )
            } else {
                0.0
            }
            + if option.shared_guest_image_mib.is_some() { 1.0 } else { 0.0 };
        // Each service's image carries a partial OS copy that is rebuilt, not patched (M-RES-2):
        // counted apart from the guests and nodes, however densely the images are packed.
        let images_to_rebuild = if option.image_pipeline { services } else { 0.0 };
        let (engineers, people_monthly) = self.people(os_instances_to_patch);

        Resources {
            memory_gib: (instances * instance_memory_mib + hosts * host_reserved_mib) / 1024.0,
            cpu_cores: instances * instance_cpu + hosts * host_reserved_cpu,
            disk_gib: os_disk_gib + app_disk_gib,
            hosts,
            monthly_cost: hosts_monthly + system_pool_monthly + control_plane_monthly + people_monthly,
            start_seconds,
            scale_to_peak_seconds,
            // Patch work is counted at steady load: peak capacity comes and goes, built from the
            // same images, and is not patched in place (V-OPS-1); so are warm spares. A
            // right-sized cloud VM is its own host, counted once, as a guest.
            os_instances_to_patch,
            images_to_rebuild,
            instances_per_host: instances / hosts,
            instances,
            instances_steady,
            warm_pool,
            services_per_instance,
            fits_on_host,
            host_type: machine.host_type,
            runs_on_host: machine.runnable,
            control_plane_monthly,
            control_plane_nodes,
            node_overhead_monthly,
            system_pool_nodes,
            system_pool_monthly,
            daemonset_cpu_millicores: packing.daemons.cpu_millicores,
            daemonset_memory_mib: packing.daemons.memory_mib,
            people_monthly,
            engineers,
            footprint: Footprint {
                per_host,
                control_plane,
                hosts_steady,
                host_reserved_mib,
                host_reserved_cpu,
                patch_per_host: if own_host { 0.0 } else { 1.0 } + node_vms_per_host,
                own_host,
                host_price,
                peak_hours,
                people_per_platform: option.orchestrated,
                buying: machine.host_type.map(|_| self.buying),
                windows: w.primary_os == PrimaryOs::Windows,
            },
            bought,
            sandbox: None,
        }
    }
}

impl Projector<'_> {
    /// Pods on Fargate: each its own microVM of `pod`'s size, billed per pod for the hours it
    /// runs (the peak's pods the peak hours, the steady ones the rest), with nothing per node
    /// (no node reserve, no DaemonSets, no system pool, no node to patch) and EKS's fee for
    /// the cluster the Fargate profile belongs to. The resources counted are what the pods are
    /// billed as. Fargate is priced on demand: its Savings Plans and Spot are not in the data.
    fn on_fargate(
        &self,
        pod: PodSize,
        [services, replicas, peak_per_service]: [f64; 3],
        [instances, instances_steady, warm_pool]: [f64; 3],
    ) -> Resources {
        // No node to boot before the pods start.
        let scale_to_peak_seconds = if peak_per_service <= replicas {
            0.0
        } else {
            hpa_periods(replicas, peak_per_service) * self.reaction_seconds + self.start_seconds
        };
        let profile = self.figures.profile;
        let (w, e) = (profile.workload(), &profile.environment);
        let catalogs = self.figures.site.catalogs;
        let price = catalogs.sandboxes.fargate.price_per_hour(pod);
        let running = e.runs_hours_per_day.clamp(0.0, 24.0);
        let peak_hours = (e.peak_hours_per_day + scale_to_peak_seconds / 3600.0).clamp(0.0, running);
        let pods_monthly = cloud_monthly(price, instances, instances_steady, peak_hours, running);
        let eks = catalogs.flavours.get(super::kubernetes::KubernetesFlavour::Eks);
        let control_plane_monthly = eks.control_plane.monthly(1, HOURS_PER_MONTH, e.zones <= 1);
        let images_to_rebuild = if self.option.image_pipeline { services } else { 0.0 };
        let (engineers, people_monthly) = self.people(0.0);
        Resources {
            memory_gib: instances * pod.memory_gb,
            cpu_cores: instances * pod.vcpu,
            disk_gib: instances * w.app_image_mib / 1024.0,
            hosts: instances,
            monthly_cost: pods_monthly + control_plane_monthly + people_monthly,
            start_seconds: self.start_seconds,
            scale_to_peak_seconds,
            os_instances_to_patch: 0.0,
            images_to_rebuild,
            instances_per_host: 1.0,
            instances,
            instances_steady,
            warm_pool,
            services_per_instance: 1.0,
            fits_on_host: true,
            host_type: None,
            runs_on_host: true,
            control_plane_monthly,
            people_monthly,
            engineers,
            footprint: Footprint {
                per_host: 1.0,
                hosts_steady: instances_steady,
                own_host: true,
                host_price: price,
                peak_hours,
                people_per_platform: true,
                ..Footprint::default()
            },
            sandbox: Some(SandboxPods {
                size: pod,
                price_per_hour: price,
                price_date: &catalogs.sandboxes.fargate.date,
            }),
            ..Resources::default()
        }
    }
}

/// What the option adds to each instance's memory: its figures, a managed sandbox's own
/// per-pod overhead in place of the generic microVM's where the cluster's nodes run one.
fn instance_overhead_mib(option: &OptionSpec, figures: &Figures<'_>, form: Option<Form>) -> f64 {
    let sandbox = form.and_then(Form::sandbox).and_then(|sandbox| figures.site.catalogs.sandboxes.on_nodes(sandbox));
    option
        .instance_memory
        .iter()
        .map(|&id| match sandbox {
            Some(sandbox) if id == AssumptionId::MicrovmOverheadMemoryMib => sandbox.pod_overhead_mib,
            _ => figures.get(id),
        })
        .sum()
}

/// Seconds a start spends pulling the app's image where its node does not hold it: options
/// that run container images pull the app's own layers (the shared base layers stay cached)
/// at the registry's throughput.
fn image_pull_seconds(option: &OptionSpec, profile: &Profile, values: &Values) -> f64 {
    if option.shared_base_image_mib.is_none() {
        return 0.0;
    }
    let throughput = values.get(AssumptionId::ImagePullMibPerSecond).max(1e-9);
    profile.workload().app_image_mib / throughput
}

/// The share of starts that find the app's image on their node, for `instances` of one image
/// over `nodes`. A node pulls an image once and keeps it (kubelet's default pull policy for a
/// tagged image, `IfNotPresent`: "the image is pulled only if it is not already present
/// locally", Kubernetes documentation, Images), so of a release's instances only the first on
/// each node pulls. The instances are taken as spread over as many nodes as they can be (the
/// scheduler's default spreading of a service's replicas), the fewest that share. Where every
/// instance has a node to itself the packing says nothing, and `image_cached_share` stays the
/// share (restarts in place, nodes reused); the first start on each node holding the image
/// finds it that often, the others always. Held to the assumption's range (at most 0.9: a
/// release or a fresh node always pulls).
fn image_cached_share(values: &Values, catalogue: &Assumptions, instances: f64, nodes: f64) -> f64 {
    let spec = catalogue.spec(AssumptionId::ImageCachedShare);
    let alone = values.get(AssumptionId::ImageCachedShare).clamp(0.0, 1.0);
    let instances = instances.max(1.0);
    let holding = nodes.clamp(1.0, instances);
    (1.0 - (1.0 - alone) * holding / instances).min(spec.max.max(alone))
}

/// Hosts for parts sharing a platform, each `(instances, instances a host takes)`, with
/// `control_plane` hosts' worth in every zone: each part's instances spread evenly over the
/// zones, the odd ones into the least loaded zones, and each zone's hosts rounded up. A zone
/// holding nothing keeps no host (two VMs in three zones are two VMs), unless the control
/// plane has a node there.
pub fn zone_hosts(parts: impl IntoIterator<Item = (f64, f64)>, zones: i64, control_plane: f64) -> f64 {
    let zones = usize::try_from(zones.max(1)).unwrap_or(1);
    let mut load = vec![0.0_f64; zones];
    for (count, per_host) in parts {
        let per_host = per_host.max(1e-9);
        let count = count.max(0.0).ceil();
        let each = (count / zones as f64).floor();
        for zone in &mut load {
            *zone += each / per_host;
        }
        let odd = count - each * zones as f64;
        let mut order: Vec<usize> = (0..zones).collect();
        order.sort_by(|&a, &b| load[a].total_cmp(&load[b]));
        for (zone, placed) in order.into_iter().zip(0_u32..) {
            if f64::from(placed) < odd {
                load[zone] += 1.0 / per_host;
            }
        }
    }
    load.into_iter()
        .filter(|&zone| zone > 0.0 || control_plane > 0.0)
        .map(|zone| (zone + control_plane - 1e-9).ceil().max(1.0))
        .sum()
}

/// What a bill of hosts bought as `buying` records.
pub fn bought_as(buying: &Buying, bill: &super::buying::Bill) -> HostsBought {
    HostsBought {
        offer: buying.offer,
        committed: bill.committed,
        spot: bill.spot,
        declined_hours: bill.declined_hours,
        ..HostsBought::on_demand(buying.asked)
    }
}

/// A month of cloud hosts: `hosts` for `peak_hours` a day and `hosts_steady` for the rest of
/// the `running` hours, at `price` an hour.
pub fn cloud_monthly(price: f64, hosts: f64, hosts_steady: f64, peak_hours: f64, running: f64) -> f64 {
    price * (hosts * peak_hours + hosts_steady * (running - peak_hours)) * HOURS_PER_MONTH / 24.0
}

/// Guest OSes that take patch work at steady load. A guest that lives shorter than a patch
/// cycle is never patched or rolled onto a new image: it is replaced anyway, so only its
/// image is left to patch. Vendors ship patches monthly, and golden images are rebuilt on the
/// same cadence, so one figure sets both cycles. Longer-lived guests: patched in place, every
/// guest; replaced from golden images, a fraction of the effort per guest (one rebuild per
/// image and an automated roll). At least one image per VM role either way.
fn guests_to_patch(profile: &Profile, values: &Values, roles: f64, guests: f64) -> f64 {
    let cycle_days = values.get(AssumptionId::GoldenImageRebuildDays);
    let outliving = (profile.workload().lifespan_days / cycle_days).min(1.0);
    let effort = match profile.environment.vm_patching {
        VmPatching::InPlace => 1.0,
        VmPatching::GoldenImages => values.get(AssumptionId::GoldenImagePatchEffortRatio),
    };
    (guests * effort * outliving).max(roles)
}

/// 15-second periods the Kubernetes horizontal pod autoscaler needs to grow from `from` to
/// `to` pods under its default scale-up behaviour: each period adds the larger of 100 % of
/// the current pods and 4 pods (kubernetes.io, Horizontal Pod Autoscaling, "Default
/// Behavior": `scaleUp` policies Percent 100 and Pods 4 per 15 s, `selectPolicy: Max`, no
/// stabilization window).
pub fn hpa_periods(from: f64, to: f64) -> f64 {
    let mut pods = from.max(1.0);
    let mut periods = 0.0;
    while pods < to {
        pods = (2.0 * pods).max(pods + 4.0);
        periods += 1.0;
    }
    periods
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::catalogs::shipped;
    use crate::model::kubernetes::KubernetesFlavour;
    use crate::model::options::{CONTAINER, CONTAINERS_ON_VMS, MICROVM, VM};
    use crate::model::profile::Environment;

    pub(in crate::model) fn vm() -> &'static OptionSpec {
        &VM
    }

    pub(in crate::model) fn container() -> &'static OptionSpec {
        &CONTAINER
    }

    pub(in crate::model) fn values(profile: &Profile) -> Values {
        shipped().assumptions.resolve(&profile.assumptions)
    }

    /// The projection on the profile's site in the shipped catalogs.
    pub(in crate::model) fn project(option: &OptionSpec, profile: &Profile, values: &Values) -> Resources {
        super::project(option, profile, values, &Site::resolve(profile, shipped()))
    }

    #[test]
    fn one_vm_per_service_counts_each_guest_os() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 10;
        w.replicas = 2;
        w.peak_factor = 1.0;
        w.memory_per_instance_mib = 512.0;
        p.environment.services_per_vm = 1;
        let v = values(&p);
        let r = project(vm(), &p, &v);
        assert!((r.instances - 20.0).abs() < 1e-9);
        // 20 × (512 + 1024 guest OS + 131 hypervisor) MiB + one host reserve of 512 MiB.
        let expected = (20.0 * (512.0 + 1024.0 + 131.0) + 512.0) / 1024.0;
        assert!((r.memory_gib - expected).abs() < 1e-9, "{} vs {expected}", r.memory_gib);
        assert!((r.os_instances_to_patch - 21.0).abs() < 1e-9);
        assert!((r.scale_to_peak_seconds).abs() < 1e-9, "flat load needs no scaling");
    }

    #[test]
    fn short_lived_instances_keep_a_warm_pool_by_littles_law() {
        let mut p = twenty_small_instances();
        p.workload_mut().lifespan_days = 10.0 / (24.0 * 60.0);
        let v = values(&p);
        // Twenty VMs living 600 s start 1/30 a second; each boot takes 40 s: 1.33 booting, 1 spare.
        let r = project(vm(), &p, &v);
        assert!((r.warm_pool - 1.0).abs() < 1e-9 && (r.instances_steady - 21.0).abs() < 1e-9);
        // Ten-minute guests are replaced, not patched: the host and one image per VM role (ten
        // services, a VM each) are left, whether guests would be patched in place or rolled
        // from golden images; the spare is not counted.
        assert!((r.os_instances_to_patch - 11.0).abs() < 1e-9, "{}", r.os_instances_to_patch);
        let mut golden = p.clone();
        golden.environment.vm_patching = VmPatching::GoldenImages;
        assert!((project(vm(), &golden, &v).os_instances_to_patch - 11.0).abs() < 1e-9);
        // Containers start in 0.56 s: 0.02 booting rounds to no spare at all.
        let r = project(container(), &p, &v);
        assert!(r.warm_pool.abs() < 1e-9 && (r.instances_steady - 20.0).abs() < 1e-9);
        // Living 30 days, every guest outlives a patch cycle: 20 guests and the host.
        p.workload_mut().lifespan_days = 30.0;
        assert!((project(vm(), &p, &v).os_instances_to_patch - 21.0).abs() < 1e-9);
    }

    #[test]
    fn a_self_managed_control_plane_takes_its_share_of_the_hosts() {
        // 2-core, 8 GiB hosts: a control-plane node at kubeadm's minimum (2 cores, 2 GiB)
        // takes a whole host, so three of them add three hosts to the pods' own.
        let mut p = twenty_small_instances();
        p.environment.host_cores = 2;
        p.environment.host_memory_gib = 8.0;
        let with = |nodes: f64| {
            let mut q = p.clone();
            q.assumptions.insert(AssumptionId::SelfManagedControlPlaneNodes, nodes);
            project(container(), &q, &values(&q))
        };
        let (one, three) = (with(1.0), with(3.0));
        assert!((three.hosts - one.hosts - 2.0).abs() < 1e-9, "{} vs {}", three.hosts, one.hosts);
        assert!((three.control_plane_nodes - 3.0).abs() < 1e-9);
        // On one 64-core host the single node it runs takes 2/64 of it: still one host.
        let r = project(container(), &twenty_small_instances(), &values(&twenty_small_instances()));
        assert!((r.hosts - 1.0).abs() < 1e-9 && (r.control_plane_nodes - 1.0).abs() < 1e-9);
        // VMs run no control plane; a managed flavour's fee stands for it.
        assert!(project(vm(), &p, &values(&p)).control_plane_nodes.abs() < 1e-9);
        let managed = on_catalog(twenty_small_instances(), "custom", KubernetesFlavour::Eks);
        assert!(project(container(), &managed, &values(&managed)).control_plane_nodes.abs() < 1e-9);
    }

    #[test]
    fn containers_share_the_base_image_per_host() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 4;
        w.replicas = 1;
        w.peak_factor = 1.0;
        w.app_image_mib = 100.0;
        let v = values(&p);
        let r = project(container(), &p, &v);
        assert!((r.hosts - 1.0).abs() < 1e-9);
        let expected = (74.8 + 4.0 * 100.0) / 1024.0;
        assert!((r.disk_gib - expected).abs() < 1e-9, "{} vs {expected}", r.disk_gib);
        assert!((r.os_instances_to_patch - 1.0).abs() < 1e-9, "the host OS; its four images are rebuilt");
        assert!((r.images_to_rebuild - 4.0).abs() < 1e-9);
    }

    /// Ten services of two 512 MiB, half-core instances on one 64-core, 256 GiB host.
    fn twenty_small_instances() -> Profile {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 10;
        w.replicas = 2;
        w.peak_factor = 1.0;
        w.memory_per_instance_mib = 512.0;
        w.cpu_per_instance = 0.5;
        w.app_image_mib = 100.0;
        p.environment.host_cores = 64;
        p.environment.host_memory_gib = 256.0;
        p.environment.cpu_overcommit = 1.0;
        p
    }

    #[test]
    fn pods_on_node_vms_carry_the_node_and_its_host() {
        let p = twenty_small_instances();
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        // The host keeps 512 MiB and a core for its hypervisor; its one node VM keeps 1024
        // (guest OS) + 131 (VMM) + 355 (kubelet and eviction) MiB and 0.23 cores; each pod
        // adds 14.6 + 11 MiB. The node's DaemonSets (kube-proxy, calico-node) request 0.25
        // cores and no memory.
        let pod = 512.0 + 14.6 + 11.0;
        let host = 512.0 + 1024.0 + 131.0 + 355.0;
        // Memory fits 483 pods, CPU 127; the kubelet caps the node at 110.
        assert!((r.hosts - 1.0).abs() < 1e-9 && (r.instances - 20.0).abs() < 1e-9);
        let expected = (20.0 * pod + host) / 1024.0;
        assert!((r.memory_gib - expected).abs() < 1e-9, "{} vs {expected}", r.memory_gib);
        assert!((r.cpu_cores - (20.0 * 0.5 + 1.0 + 0.23 + 0.25)).abs() < 1e-9, "{}", r.cpu_cores);
        // The node's 20 GiB root disk, the shared base image and ten service images.
        let disk = 20.0 + (74.8 + 10.0 * 100.0) / 1024.0;
        assert!((r.disk_gib - disk).abs() < 1e-9, "{} vs {disk}", r.disk_gib);
        assert!((r.os_instances_to_patch - 2.0).abs() < 1e-9, "the host and the node; ten images rebuilt apart");
        assert!(r.memory_gib > project(container(), &p, &values(&p)).memory_gib);
    }

    #[test]
    fn several_node_vms_per_host_each_keep_their_reserve_and_pod_cap() {
        let mut p = twenty_small_instances();
        p.workload_mut().replicas = 30;
        p.assumptions.insert(AssumptionId::NodeVmsPerHost, 2.0);
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        // 300 pods; two nodes per host, and CPU allows ((64 − 1) / 2 − 0.23 − 0.25) / 0.5 =
        // 62.04 (the kubelet, then the DaemonSets), so 62 pods per node, under the kubelet's
        // cap of 110 less the two DaemonSet pods.
        assert!((r.instances - 300.0).abs() < 1e-9);
        assert!((r.instances_per_host - 300.0 / 3.0).abs() < 1e-9, "62 per node, 124 per host: 3 hosts");
        assert!((r.cpu_cores - (300.0 * 0.5 + 3.0 * (1.0 + 2.0 * (0.23 + 0.25)))).abs() < 1e-9, "{}", r.cpu_cores);
        assert!((r.os_instances_to_patch - (3.0 + 6.0)).abs() < 1e-9, "three hosts and their six nodes");
    }

    #[test]
    fn a_microvm_per_pod_adds_its_sandbox() {
        let p = twenty_small_instances();
        let r = project(&MICROVM, &p, &values(&p));
        // Each sandbox adds 130 MiB and 250 millicores (Kata's pod overhead) plus the kubelet's 11 MiB.
        let pod = 512.0 + 130.0 + 11.0;
        let expected = (20.0 * pod + 355.0) / 1024.0;
        assert!((r.memory_gib - expected).abs() < 1e-9, "{} vs {expected}", r.memory_gib);
        // The node's kubelet keeps 0.23 cores and its DaemonSets (kube-proxy, calico-node) 0.25.
        assert!((r.cpu_cores - (20.0 * 0.75 + 0.23 + 0.25)).abs() < 1e-9);
        // One guest image per host, then layers as for containers.
        let disk = (256.0 + 74.8 + 10.0 * 100.0) / 1024.0;
        assert!((r.disk_gib - disk).abs() < 1e-9, "{} vs {disk}", r.disk_gib);
        assert!((r.os_instances_to_patch - 2.0).abs() < 1e-9, "the host and the guest image");
        // The sandbox's 0.9 s and a quarter of a pull of the 100 MiB app layers at 60 MiB/s:
        // each service's two pods share the one node, so only the first pulls (1 − 0.5 × 1/2).
        assert!((r.start_seconds - (0.9 + 100.0 / 60.0 * 0.25)).abs() < 1e-9);
    }

    #[test]
    fn a_node_pulls_each_image_once() {
        let catalogue = &shipped().assumptions;
        let v = values(&Profile::default());
        // Alone on its node, a start finds the image as often as the assumption says (0.5).
        assert!((image_cached_share(&v, catalogue, 1.0, 1.0) - 0.5).abs() < 1e-12);
        assert!((image_cached_share(&v, catalogue, 2.0, 3.0) - 0.5).abs() < 1e-12, "two instances, each its own node");
        // Twelve instances of one image on four nodes: four pull, and half of those starts
        // find it all the same (a restart in place): 1 − 0.5 × 4/12 = 0.8333.
        assert!((image_cached_share(&v, catalogue, 12.0, 4.0) - (1.0 - 0.5 * 4.0 / 12.0)).abs() < 1e-12);
        // 300 notebooks of one image on 50 nodes: 1 − 0.5 × 50/300 = 0.917, held to the
        // assumption's range (0.9): a release or a fresh node always pulls.
        assert!((image_cached_share(&v, catalogue, 300.0, 50.0) - 0.9).abs() < 1e-12);
        // The assumption set lower moves the whole curve: 1 − 0.8 × 4/12 = 0.7333.
        let mut p = Profile::default();
        p.assumptions.insert(AssumptionId::ImageCachedShare, 0.2);
        assert!((image_cached_share(&values(&p), catalogue, 12.0, 4.0) - (1.0 - 0.8 / 3.0)).abs() < 1e-12);
    }

    #[test]
    fn a_start_pulls_once_per_node_of_each_zone() {
        // One service of 6 replicas over 3 zones, a host each: two pods per node, so half the
        // starts pull and half of those find the image (1 − 0.5 × 3/6 = 0.75). Bare-metal
        // containers start in 0.56 s, plus a quarter of the 600 MiB image at 60 MiB/s: 3.06 s.
        let mut p = twenty_small_instances();
        p.workload_mut().services = 1;
        p.workload_mut().replicas = 6;
        p.workload_mut().app_image_mib = 600.0;
        p.environment.zones = 3;
        let r = project(container(), &p, &values(&p));
        close(r.hosts, 3.0);
        close(r.start_seconds, 0.56 + 600.0 / 60.0 * 0.25);
        // One zone: all six on one node, 1 − 0.5/6 = 0.917, held at 0.9: 0.56 + 10 × 0.1.
        p.environment.zones = 1;
        close(project(container(), &p, &values(&p)).start_seconds, 0.56 + 600.0 / 60.0 * 0.1);
        // VMs boot their own guest and pull nothing, however they are packed.
        let vm_start = values(&p).get(AssumptionId::VmBootSeconds);
        close(project(vm(), &p, &values(&p)).start_seconds, vm_start);
    }

    #[test]
    fn microvms_on_eks_are_billed_as_fargate_pods() {
        let p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::Eks);
        let r = project(&MICROVM, &p, &values(&p));
        // 512 MiB + 256 MiB = 0.75 GB at 0.5 vCPU: billed as 0.5 vCPU / 1 GB, at
        // 0.5 × 0.04048 + 1 × 0.004445 = 0.024685 USD an hour; 20 pods all month (730 h),
        // plus EKS's 0.10 USD an hour for the cluster. No node: nothing kept, nothing patched.
        let pods = 20.0 * 0.024_685 * 730.0;
        close(r.monthly_cost, pods + 73.0);
        close(r.control_plane_monthly, 73.0);
        assert_eq!(r.sandbox.map(|s| (s.size.vcpu, s.size.memory_gb)), Some((0.5, 1.0)));
        close(r.hosts, 20.0);
        close(r.memory_gib, 20.0);
        close(r.cpu_cores, 10.0);
        close(r.node_overhead_monthly, 0.0);
        close(r.daemonset_cpu_millicores, 0.0);
        close(r.os_instances_to_patch, 0.0);
        close(r.images_to_rebuild, 10.0);
        // A pod starts in about 30 s (AWS Batch), no node to boot.
        close(r.start_seconds, 30.0);
        assert!(r.host_type.is_none());
        // Only the projection's inputs move it: a workload needing KVM is refused Fargate
        // (feasibility), not priced otherwise.
        let mut kvm = p.clone();
        kvm.workload_mut().nested_virtualization = true;
        assert_eq!(project(&MICROVM, &kvm, &values(&kvm)), r);
        // Peak pods the peak hours: a third more pods for 4 h a day of a 12 h day.
        let mut peaky = p.clone();
        peaky.workload_mut().peak_factor = 1.5;
        peaky.environment.runs_hours_per_day = 12.0;
        peaky.environment.peak_hours_per_day = 4.0;
        let r = project(&MICROVM, &peaky, &values(&peaky));
        close(r.instances, 30.0);
        let peak_hours = 4.0 + r.scale_to_peak_seconds / 3600.0;
        let expected = 0.024_685 * (30.0 * peak_hours + 20.0 * (12.0 - peak_hours)) * 730.0 / 24.0 + 73.0;
        close(r.monthly_cost, expected);
    }

    #[test]
    fn node_sandboxes_carry_their_own_pod_overhead() {
        // Each pod's memory beside what the nodes keep: the 512 MiB instance plus the sandbox's
        // overhead (the managed flavour's formulas replace the kubelet's 11 MiB a pod).
        let pod_mib = |host: &str, flavour| {
            let p = on_catalog(twenty_small_instances(), host, flavour);
            let r = project(&MICROVM, &p, &values(&p));
            (r.memory_gib * 1024.0 - r.hosts * r.footprint.host_reserved_mib) / r.instances
        };
        // AKS's default runtime class counts 600 MiB a pod (its 512 MiB pod VM and 88 MiB of host parts).
        close(pod_mib("azure/D8s_v5", KubernetesFlavour::Aks), 512.0 + 600.0);
        // gVisor's Sentry, about 65 MB beside the app.
        close(pod_mib("gcp/n2-standard-8", KubernetesFlavour::Gke), 512.0 + 65.0);
        // Kata's own 130 MiB where the cluster is the team's.
        close(pod_mib("gcp/n2-standard-8", KubernetesFlavour::SelfManaged), 512.0 + 130.0 + 11.0);
    }

    /// `p` on a catalog host with a Kubernetes flavour.
    fn on_catalog(mut p: Profile, host: &str, flavour: KubernetesFlavour) -> Profile {
        p.environment.host = host.to_owned();
        p.environment.kubernetes = flavour;
        p
    }

    /// What the hosts and the control plane cost a month, without the people who run them.
    fn bill(r: &Resources) -> f64 {
        r.monthly_cost - r.people_monthly
    }

    fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-6, "{actual} ≠ {expected}");
    }

    fn type_of(r: &Resources) -> &str {
        r.host_type.map_or("custom", |host| host.id.as_str())
    }

    #[test]
    fn cloud_vms_are_right_sized_and_each_billed() {
        let p = on_catalog(twenty_small_instances(), "aws/m6i.4xlarge", KubernetesFlavour::SelfManaged);
        let r = project(vm(), &p, &values(&p));
        // 512 MiB + a 1 GiB guest OS and one whole vCPU: the smallest m6i, a large (2 vCPUs, 8 GiB).
        assert_eq!(type_of(&r), "aws/m6i.large");
        close(r.hosts, 20.0);
        close(bill(&r), 20.0 * 0.096 * 730.0);
        // The provider's hypervisor is not ours: no VMM overhead, no host reserve.
        close(r.memory_gib, 20.0 * (512.0 + 1024.0) / 1024.0);
        close(r.cpu_cores, 20.0);
        close(r.os_instances_to_patch, 20.0);
    }

    #[test]
    fn hypervisor_hosts_keep_a_core_as_they_keep_memory() {
        let mut p = twenty_small_instances();
        p.environment.host_cores = 4;
        let r = project(vm(), &p, &values(&p));
        // Twenty one-vCPU VMs; each 4-core host keeps one core, so 3 VMs a host: 7 hosts.
        close(r.hosts, 7.0);
        close(r.cpu_cores, 20.0 + 7.0 * 1.0);
        close(r.memory_gib, (20.0 * (512.0 + 1024.0 + 131.0) + 7.0 * 512.0) / 1024.0);
        // Without the reserve, 4 VMs a host: 5 hosts.
        p.assumptions.insert(AssumptionId::VmHostReservedCpuCores, 0.0);
        close(project(vm(), &p, &values(&p)).hosts, 5.0);
    }

    #[test]
    fn an_edited_price_bills_the_chosen_type_and_scales_its_family() {
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.4xlarge", KubernetesFlavour::SelfManaged);
        p.environment.host_price_per_hour = Some(0.384);
        // Half the catalog's 0.768: the right-sized m6i.large VMs cost half their 0.096 too.
        close(bill(&project(vm(), &p, &values(&p))), 20.0 * 0.048 * 730.0);
        // Node VMs are of the chosen type: one m6i.4xlarge at the edited price; the three
        // control-plane VMs (m6i.large) at half their catalog price too.
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        assert_eq!(type_of(&r), "aws/m6i.4xlarge");
        close(bill(&r), r.hosts * 0.384 * 730.0 + 3.0 * 0.048 * 730.0);
        // Owned hardware keeps its monthly cost whatever the profile says of prices.
        let mut owned = twenty_small_instances();
        owned.environment.host_price_per_hour = Some(0.384);
        close(bill(&project(vm(), &owned, &values(&owned))), 1200.0);
    }

    #[test]
    fn pods_pack_onto_nodes_of_the_chosen_type_with_the_flavours_reservations() {
        let p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::Eks);
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        // EKS leaves 1930 m, 7518 MiB and 29 pods on an m6i.large, of which its DaemonSets
        // (aws-node 25m, kube-proxy 100m, the pod identity agent) take 125 m and 3 pods: CPU
        // fits 3 half-core pods in 1805 m.
        assert_eq!(type_of(&r), "aws/m6i.large");
        close(r.hosts, 7.0);
        close(r.cpu_cores, 20.0 * 0.5 + 7.0 * (0.07 + 0.125));
        close(r.daemonset_cpu_millicores, 125.0);
        close(r.memory_gib, (20.0 * (512.0 + 14.6) + 7.0 * (8192.0 - 7518.0)) / 1024.0);
        // Seven nodes for the month and the EKS control plane at 0.10 USD an hour.
        close(bill(&r), 7.0 * 0.096 * 730.0 + 73.0);
        close(r.control_plane_monthly, 73.0);
        // Self-managed nodes keep today's reading: guest OS, kubelet reserve, 110 pods, no fee;
        // but the team runs three control-plane nodes, each on a VM of its own as kubeadm's HA
        // topology places them: the cheapest m6i holding 2 vCPUs and 2 GiB, an m6i.large.
        let own = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::SelfManaged);
        let r = project(&CONTAINERS_ON_VMS, &own, &values(&own));
        close(r.control_plane_monthly, 3.0 * 0.096 * 730.0);
        close(r.control_plane_nodes, 3.0);
    }

    /// A GKE node of 2 vCPUs keeps 2000 − 70 (kube-reserved: 6 % of the first core, 1 % of
    /// the second) − 370 (calico-node 160, kube-proxy 100, gke-metadata-server 100,
    /// ip-masq-agent 10) = 1560 m for pods: four pods of 0.38 cores, where the kubelet's
    /// reserve alone would leave room for five.
    #[test]
    fn a_two_vcpu_gke_node_keeps_1560_millicores_for_pods() {
        let mut p = on_catalog(twenty_small_instances(), "gcp/n2-standard-2", KubernetesFlavour::Gke);
        p.workload_mut().cpu_per_instance = 0.38;
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        assert_eq!(type_of(&r), "gcp/n2-standard-2");
        close(r.hosts, 5.0);
        close(r.cpu_cores, 20.0 * 0.38 + 5.0 * (0.07 + 0.37));
        close(r.daemonset_cpu_millicores, 370.0);
        close(r.daemonset_memory_mib, 116.0);
        // GKE keeps no system pool for Linux workers.
        close(r.system_pool_nodes, 0.0);
    }

    /// Every AKS cluster bills its system pool beside the user pool: two nodes of the family's
    /// cheapest type of at least 4 vCPUs and 4 GB (`D4s_v5`, 0.192 USD an hour).
    #[test]
    fn an_aks_cluster_bills_its_system_pool() {
        let p = on_catalog(twenty_small_instances(), "azure/D2s_v5", KubernetesFlavour::Aks);
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        // A D2s_v5 leaves 2000 − 100 − 210 (DaemonSets) = 1690 m: three half-core pods a node.
        assert_eq!(type_of(&r), "azure/D2s_v5");
        close(r.hosts, 7.0);
        close(r.system_pool_nodes, 2.0);
        close(r.system_pool_monthly, 2.0 * 0.192 * 730.0);
        close(bill(&r), 7.0 * 0.096 * 730.0 + 2.0 * 0.192 * 730.0 + 73.0);
        // Node overhead: the pool, and the user nodes' larger share kept from pods (memory:
        // 2048 kube-reserved + 100 eviction + 200 DaemonSets of 8192 MiB).
        close(r.node_overhead_monthly, 7.0 * 0.096 * 730.0 * (2348.0 / 8192.0) + 2.0 * 0.192 * 730.0);
        // The VMs option runs no cluster, so no pool.
        close(project(vm(), &p, &values(&p)).system_pool_nodes, 0.0);
    }

    /// Windows workers carry their flavour's Windows DaemonSets and reserve, and a cluster of
    /// Windows workers alone keeps a Linux node for the Linux-only system pods.
    #[test]
    fn windows_workers_carry_their_own_overhead_and_a_linux_node() {
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::Eks);
        p.workload_mut().primary_os = PrimaryOs::Windows;
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        // EKS's Linux DaemonSets do not run on Windows nodes; one m6i.large stays Linux.
        close(r.daemonset_cpu_millicores, 0.0);
        close(r.system_pool_nodes, 1.0);
        close(r.system_pool_monthly, 0.096 * 730.0);
        // AKS Windows nodes keep 2 GiB more and their Windows DaemonSets (110 m, 170 MiB); the
        // system pool is the one every AKS cluster has.
        let mut q = on_catalog(twenty_small_instances(), "azure/D8s_v5", KubernetesFlavour::Aks);
        let linux = project(&CONTAINERS_ON_VMS, &q, &values(&q));
        q.workload_mut().primary_os = PrimaryOs::Windows;
        let windows = project(&CONTAINERS_ON_VMS, &q, &values(&q));
        close(windows.system_pool_nodes, 2.0);
        close(windows.daemonset_memory_mib, 170.0);
        let reserved = |r: &Resources| r.footprint.host_reserved_mib;
        close(reserved(&windows) - reserved(&linux), 2048.0 + 170.0 - 200.0);
    }

    #[test]
    fn hardware_options_buy_bare_metal_or_kvm_capable_types() {
        let host = |option: &'static OptionSpec, id: &str| {
            let p = on_catalog(twenty_small_instances(), id, KubernetesFlavour::SelfManaged);
            let r = project(option, &p, &values(&p));
            (type_of(&r).to_owned(), r.runs_on_host)
        };
        assert_eq!(host(container(), "aws/m6i.4xlarge"), ("aws/m6i.metal".to_owned(), true));
        assert_eq!(host(&MICROVM, "aws/m7i.large"), ("aws/m7i.metal-24xl".to_owned(), true));
        assert_eq!(host(&MICROVM, "gcp/n2-standard-8"), ("gcp/n2-standard-8".to_owned(), true), "nested KVM on N2");
        assert_eq!(host(container(), "gcp/n2-standard-8"), ("gcp/n2-standard-8".to_owned(), false), "no N2 metal");
        assert_eq!(host(&MICROVM, "azure/D16s_v5"), ("azure/D16s_v5".to_owned(), true), "nested on Dsv5");
        // On owned hardware every option shares the profile's host.
        let p = twenty_small_instances();
        assert!(project(&MICROVM, &p, &values(&p)).runs_on_host);
        assert_eq!(project(&MICROVM, &p, &values(&p)).host_type, None);
    }

    #[test]
    fn managed_flavours_replace_the_kubelet_figures_on_owned_hosts_too() {
        let p = on_catalog(twenty_small_instances(), "custom", KubernetesFlavour::Gke);
        let r = project(container(), &p, &values(&p));
        // GKE on a 64-core, 256 GiB host: 230 m of CPU and 12165 MiB + 100 MiB eviction, and
        // its DaemonSets' 370 m and 116 MiB.
        close(r.cpu_cores, 20.0 * 0.5 + 0.23 + 0.37);
        close(r.memory_gib, (20.0 * (512.0 + 14.6) + 12165.12 + 100.0 + 116.0) / 1024.0);
        // GKE's fee, less its monthly credit for one zonal cluster: nothing.
        close(r.control_plane_monthly, 0.0);
        let regional = Profile { environment: Environment { zones: 3, ..p.environment.clone() }, ..p };
        close(project(container(), &regional, &values(&regional)).control_plane_monthly, 73.0);
    }

    #[test]
    fn pods_larger_than_the_chosen_node_go_onto_the_cheapest_type_that_holds_one() {
        // Eight pods of 12 GiB on EKS with m6i.large (8 GiB) named as the node type: one pod
        // per m6i.xlarge (16 GiB; EKS leaves 16384 − 893 − 100 = 15391 MiB for pods), never
        // eight m6i.large billed as if each held one.
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::Eks);
        let w = p.workload_mut();
        w.services = 4;
        w.memory_per_instance_mib = 12_288.0;
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        assert_eq!(type_of(&r), "aws/m6i.xlarge");
        assert!(r.fits_on_host);
        close(r.hosts, 8.0);
        close(bill(&r), 8.0 * 0.192 * 730.0 + 73.0);
    }

    #[test]
    fn a_vm_no_type_holds_is_billed_as_the_largest_and_said_not_to_fit() {
        // A 600 GiB VM: the largest m6i, the metal type, has 512 GiB. It is billed as that
        // type and flagged, not as the m6i.large named for nodes (which cost 1/64 as much).
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::SelfManaged);
        let w = p.workload_mut();
        w.services = 1;
        w.replicas = 2;
        w.memory_per_instance_mib = 600.0 * 1024.0;
        let r = project(vm(), &p, &values(&p));
        assert_eq!(type_of(&r), "aws/m6i.metal");
        assert!(!r.fits_on_host);
        close(r.hosts, 2.0);
        close(bill(&r), 2.0 * 6.144 * 730.0);
    }

    #[test]
    fn zone_hosts_spread_each_part_and_round_each_zone() {
        // Two one-instance parts in two zones: one host in each, not two in each.
        close(zone_hosts([(1.0, 1.0), (1.0, 1.0)], 2, 0.0), 2.0);
        // Five instances, two a host, in three zones: 2 + 2 + 1 instances → 1 + 1 + 1 hosts.
        close(zone_hosts([(5.0, 2.0)], 3, 0.0), 3.0);
        // One instance in three zones fills one; a control plane's node keeps a host in each.
        close(zone_hosts([(1.0, 4.0)], 3, 0.0), 1.0);
        close(zone_hosts([(1.0, 4.0)], 3, 0.25), 3.0);
        // The odd instance of a second part goes to the zone with room: 3 + 1 instances of
        // two a host in two zones are 2 + 2 instances, two hosts.
        close(zone_hosts([(3.0, 2.0), (1.0, 2.0)], 2, 0.0), 2.0);
    }

    #[test]
    fn right_sized_vms_spread_over_the_zones_they_fill() {
        // Two VMs in three zones are two VMs (one zone holds none), not three.
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.4xlarge", KubernetesFlavour::Eks);
        let w = p.workload_mut();
        w.services = 1;
        w.replicas = 2;
        p.environment.zones = 3;
        let r = project(vm(), &p, &values(&p));
        close(r.hosts, 2.0);
        close(bill(&r), 2.0 * 0.096 * 730.0);
        // Shared hosts likewise: two pods need nodes in two zones, four pods in all three.
        close(project(&CONTAINERS_ON_VMS, &p, &values(&p)).hosts, 2.0);
        p.workload_mut().replicas = 4;
        close(project(&CONTAINERS_ON_VMS, &p, &values(&p)).hosts, 3.0);
    }

    #[test]
    fn a_self_managed_control_plane_never_tips_full_cloud_nodes_into_more() {
        // 14 pods of 3.5 GiB fill seven m6i.large nodes' self-managed allocatable exactly
        // (two a node); the control plane's three nodes are m6i.large VMs of their own.
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::SelfManaged);
        let w = p.workload_mut();
        w.services = 7;
        w.memory_per_instance_mib = 3000.0;
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        close(r.hosts, 7.0);
        close(bill(&r), 7.0 * 0.096 * 730.0 + 3.0 * 0.096 * 730.0);
    }

    #[test]
    fn every_zone_keeps_a_host_and_instances_spread_across_zones() {
        let mut p = twenty_small_instances();
        close(project(container(), &p, &values(&p)).hosts, 1.0);
        p.environment.zones = 3;
        let r = project(container(), &p, &values(&p));
        close(r.hosts, 3.0);
        close(bill(&r), 3.0 * 1200.0);
    }

    #[test]
    fn cloud_hosts_follow_the_duty_cycle_and_owned_hosts_do_not() {
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::Eks);
        p.workload_mut().peak_factor = 2.0;
        p.environment.runs_hours_per_day = 10.0;
        p.environment.peak_hours_per_day = 2.0;
        // 40 pods at peak on 14 nodes for 2 h and the 56.39 s it takes to get there (a period,
        // a node's boot, a start with half a pull of 100 MiB), 20 on 7 nodes for the rest of
        // 10 h; the control plane runs on.
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        let peak = 2.0 + (15.0 + 40.0 + 0.56 + 100.0 / 60.0 * 0.5) / 3600.0;
        close(bill(&r), 0.096 * (14.0 * peak + 7.0 * (10.0 - peak)) * 730.0 / 24.0 + 73.0);
        // VMs start their peak 100 s earlier (a scaling-group reaction and a boot).
        let peak = 2.0 + 100.0 / 3600.0;
        let cost = 0.096 * (40.0 * peak + 20.0 * (10.0 - peak)) * 730.0 / 24.0;
        close(bill(&project(vm(), &p, &values(&p))), cost);
        let mut owned = twenty_small_instances();
        let before = bill(&project(container(), &owned, &values(&owned)));
        owned.environment.runs_hours_per_day = 2.0;
        close(bill(&project(container(), &owned, &values(&owned))), before);
    }

    #[test]
    fn the_autoscaler_doubles_or_adds_four_pods_every_period() {
        close(hpa_periods(3.0, 3.0), 0.0);
        close(hpa_periods(1.0, 5.0), 1.0);
        close(hpa_periods(3.0, 12.0), 2.0);
        close(hpa_periods(2.0, 40.0), 4.0);
        close(hpa_periods(10.0, 100.0), 4.0);
    }

    #[test]
    fn new_cloud_nodes_boot_before_their_pods_start() {
        let mut p = on_catalog(twenty_small_instances(), "aws/m6i.large", KubernetesFlavour::Eks);
        p.workload_mut().peak_factor = 2.0;
        let r = project(&CONTAINERS_ON_VMS, &p, &values(&p));
        // 2 → 4 pods per service in one period, then a node VM boots (40 s) and the pod starts,
        // pulling its 100 MiB of app layers at 60 MiB/s half the time.
        close(r.scale_to_peak_seconds, 15.0 + 40.0 + 0.56 + 100.0 / 60.0 * 0.5);
    }

    #[test]
    fn vcpus_round_up_to_whole_cores() {
        let mut p = Profile::default();
        p.workload_mut().cpu_per_instance = 0.25;
        p.workload_mut().peak_factor = 1.0;
        let v = values(&p);
        let vm = project(vm(), &p, &v);
        let ct = project(container(), &p, &v);
        // One whole vCPU per VM, and a core per host for the hypervisor.
        assert!((vm.cpu_cores - vm.instances - vm.hosts).abs() < 1e-9, "{}", vm.cpu_cores);
        assert!(ct.cpu_cores < vm.cpu_cores / 3.0);
    }

    #[test]
    fn peak_scaling_takes_reaction_plus_start() {
        let mut p = Profile::default();
        p.workload_mut().peak_factor = 3.0;
        let v = values(&p);
        assert!((project(vm(), &p, &v).scale_to_peak_seconds - (60.0 + 40.0)).abs() < 1e-9);
        // A container's start: 0.56 s and a tenth of a pull of the default 150 MiB app at
        // 60 MiB/s: each service's 6 pods at peak share the one host, 1 − 0.5/6 held at 0.9.
        assert!((project(container(), &p, &v).scale_to_peak_seconds - (15.0 + 0.56 + 0.25)).abs() < 1e-9);
    }

    #[test]
    fn instance_cap_limits_density() {
        let mut p = Profile::default();
        let w = p.workload_mut();
        w.services = 500;
        w.memory_per_instance_mib = 16.0;
        w.cpu_per_instance = 0.05;
        let v = values(&p);
        let r = project(container(), &p, &v);
        assert!(r.instances_per_host <= 110.0 + 1e-9, "{}", r.instances_per_host);
    }

    #[test]
    fn oversized_instances_are_flagged() {
        let mut p = Profile::default();
        p.workload_mut().memory_per_instance_mib = 65536.0;
        p.environment.host_memory_gib = 32.0;
        let v = values(&p);
        assert!(!project(vm(), &p, &v).fits_on_host);
    }
}
