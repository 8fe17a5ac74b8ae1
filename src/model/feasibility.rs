//! Whether the chosen host, provider and flavour can run an option at all, and in what form.
//!
//! An option the host cannot run is not a weak option but no option: it keeps its scores for
//! the reader, and the standings put it after every option that is offered, so it never leads,
//! is never the runner-up and never makes a close call. The rules below read the option's row
//! ([`CloudHost`], [`OptionSpec::can_nest`]) and the catalog's data (a family's metal type, its
//! documented nested virtualization, each with its source), never an option's id.
//!
//! Precedence for an option that needs KVM (`microvm`) on a cloud type: a metal type chosen
//! runs it as it is; else the provider's managed sandbox where one applies
//! ([`super::sandbox`]: Fargate on EKS or on an AWS family without a metal type, GKE Sandbox on
//! GKE, AKS Pod Sandboxing on AKS with nested virtualization), since that is how the provider
//! sells a sandbox per pod on that cluster; else nested virtualization, else the family's metal
//! type. Fargate before metal on EKS: a Firecracker microVM per pod, billed per pod, needs no
//! 128-vCPU host; a self-managed cluster cannot schedule onto Fargate and keeps metal. A pod
//! past Fargate's ladder goes back to metal (AWS: EC2 above 16 vCPU or 120 GiB).

use super::catalogs::Catalogs;
use super::hosts::{Arch, HostCatalog, HostType, NestedVirtualization};
use super::options::{CloudHost, OptionId, OptionSpec, REGISTRY};
use super::profile::Profile;
use super::sandbox::{PodSize, Sandbox};
use super::site::Site;

/// Firecracker's maintainers on KVM inside a microVM: untested, "not something you should use
/// in any production system", nested VMs not isolated from each other.
const FIRECRACKER_NESTING: &str = "firecracker-microvm/firecracker#1721";

/// What the host offers of one option.
#[derive(Clone, Debug, PartialEq)]
pub enum Feasibility {
    /// Runs as it is: on the chosen type, or on the team's own hardware.
    Offered,
    /// Runs in another form than the chosen type as it is.
    OfferedAs(Form),
    /// Cannot run here.
    NotOffered(Obstacle),
}

/// The form an option takes on the chosen host. The managed sandboxes (`assets/sandboxes.ron`)
/// come before metal and nested virtualization where they apply: they are how the provider
/// sells a sandbox per pod on that flavour (see [`super::sandbox`]); a chosen metal type stays
/// as it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Form {
    /// The family's bare-metal type, bought instead of the chosen type.
    Metal(&'static HostType),
    /// The chosen type itself, running KVM guests through its provider's nested
    /// virtualization (with its CPU cost).
    NestedVirtualization(&'static HostType),
    /// AWS Fargate: a Firecracker microVM per pod, no node, each pod billed as this size.
    Fargate(PodSize),
    /// GKE Sandbox: gVisor on the cluster's nodes of the chosen type.
    GkeSandbox(&'static HostType),
    /// AKS Pod Sandboxing: Kata on the cluster's nodes of the chosen type, through its
    /// nested virtualization.
    PodSandboxing(&'static HostType),
}

/// Why an option is not offered, with its sources and what would make it possible.
#[derive(Clone, Debug, PartialEq)]
pub struct Obstacle {
    pub kind: ObstacleKind,
    /// Claim ids or documents the rule rests on.
    pub sources: Vec<&'static str>,
    /// What would make the option possible, most direct first.
    pub remedies: Vec<Remedy>,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ObstacleKind {
    /// Containers on the hardware itself need a metal type; the family sells none.
    NoMetalType { host: &'static HostType },
    /// KVM guests need a metal type or nested virtualization; the family has neither.
    NoKvm { host: &'static HostType },
    /// The workload runs VMs inside its instances, and this option's instances are cloud VMs
    /// of a family without nested virtualization.
    NoNestedVirtualization { host: &'static HostType },
    /// The workload runs VMs inside its instances, and this option's sandboxes do not offer
    /// KVM to their guests in production.
    CannotNest,
    /// One pod needs more than Fargate's largest size, and the family sells no metal type to
    /// run the microVMs on instead.
    LargerThanFargate { cpu: f64, memory_mib: f64, largest: PodSize },
    /// The workload runs privileged containers, which AWS Fargate does not, and the family
    /// sells no metal type to run the microVMs on instead.
    PrivilegedOnFargate,
    /// The host's processors are arm64 and the workload's images are not said to run there.
    NotArm64Ready { host: &'static HostType },
}

/// What would make an option possible.
#[derive(Clone, Debug, PartialEq)]
pub enum Remedy {
    /// A family with a metal type: one metal type per family of the catalog, the host's
    /// provider first.
    MetalFamily(Vec<&'static HostType>),
    /// A family with nested virtualization: one type per family, the host's provider first.
    NestedFamily(Vec<&'static HostType>),
    /// An option whose instances can run VMs themselves.
    OptionThatNests(Vec<OptionId>),
    /// An `x86_64` family of the host's provider: the cheapest type of each that holds the
    /// host's shape.
    X86Family(Vec<&'static HostType>),
    /// Build the images for arm64 too (`workload.arm64_ready`).
    Arm64Images,
}

impl Feasibility {
    /// The feasibility of `option` for the profile's workload on its site.
    pub fn of(option: &OptionSpec, profile: &Profile, site: &Site) -> Self {
        let needs_kvm = profile.workload().nested_virtualization;
        if needs_kvm && !option.can_nest() {
            let nests = REGISTRY.iter().filter(|spec| spec.can_nest()).map(|spec| spec.id()).collect();
            return Self::NotOffered(Obstacle {
                kind: ObstacleKind::CannotNest,
                sources: vec![option.readings.nesting.sources[0], FIRECRACKER_NESTING],
                remedies: vec![Remedy::OptionThatNests(nests)],
            });
        }
        // The team's own hardware runs every option: it owns the machines and their firmware.
        let Some(host) = site.host else { return Self::Offered };
        let catalog = &site.catalogs.hosts;
        let arm64_ready = profile.workload().arm64_ready;
        if host.arch == Arch::Arm64 && !arm64_ready {
            // Every option runs the same images, so none runs here.
            return Self::NotOffered(Obstacle {
                kind: ObstacleKind::NotArm64Ready { host },
                sources: vec![host.source.as_str()],
                remedies: vec![Remedy::X86Family(x86_families(catalog, host)), Remedy::Arm64Images],
            });
        }
        let runs = |candidate: &HostType| arm64_ready || candidate.arch == Arch::X86_64;
        let nests = matches!(host.nested_virtualization, NestedVirtualization::Supported { .. });
        let metal = || catalog.bare_metal(&host.family);
        if option.cloud == CloudHost::Kvm
            && !host.bare_metal
            && let Some(offer) = sandbox_offer(profile, site, host, catalog)
        {
            return offer;
        }
        match option.cloud {
            CloudHost::RightSizedVm | CloudHost::NodeVm => {
                // A right-sized VM is a virtual type of the family; a node VM is the chosen type.
                let kvm = nests || (option.cloud == CloudHost::NodeVm && host.bare_metal);
                if needs_kvm && !kvm {
                    return Self::NotOffered(Obstacle {
                        kind: ObstacleKind::NoNestedVirtualization { host },
                        sources: vec![host.nested_virtualization_source.as_str()],
                        remedies: vec![Remedy::NestedFamily(nested_families(catalog, host, runs))],
                    });
                }
                Self::Offered
            }
            CloudHost::BareMetal | CloudHost::Kvm if host.bare_metal => Self::Offered,
            CloudHost::BareMetal => metal().map_or_else(
                || {
                    Self::NotOffered(Obstacle {
                        kind: ObstacleKind::NoMetalType { host },
                        sources: vec![host.source.as_str()],
                        remedies: vec![Remedy::MetalFamily(metal_families(catalog, host, runs))],
                    })
                },
                |metal| Self::OfferedAs(Form::Metal(metal)),
            ),
            CloudHost::Kvm if nests => Self::OfferedAs(Form::NestedVirtualization(host)),
            CloudHost::Kvm => metal().map_or_else(
                || {
                    Self::NotOffered(Obstacle {
                        kind: ObstacleKind::NoKvm { host },
                        sources: vec![host.source.as_str(), host.nested_virtualization_source.as_str()],
                        remedies: vec![
                            Remedy::NestedFamily(nested_families(catalog, host, runs)),
                            Remedy::MetalFamily(metal_families(catalog, host, runs)),
                        ],
                    })
                },
                |metal| Self::OfferedAs(Form::Metal(metal)),
            ),
        }
    }

    pub fn is_offered(&self) -> bool {
        !matches!(self, Self::NotOffered(_))
    }

    /// The status key used in JSON.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Offered => "offered",
            Self::OfferedAs(_) => "offered_as",
            Self::NotOffered(_) => "not_offered",
        }
    }

    /// The claims or documents behind the answer (none for a plain offer), a managed
    /// sandbox's from `catalogs`.
    pub fn sources(&self, catalogs: &'static Catalogs) -> Vec<&'static str> {
        match self {
            Self::Offered => Vec::new(),
            Self::OfferedAs(Form::Metal(host)) => vec![host.source.as_str()],
            Self::OfferedAs(Form::NestedVirtualization(host)) => vec![host.nested_virtualization_source.as_str()],
            Self::OfferedAs(form) => {
                let mut sources = form.sandbox().map(|sandbox| catalogs.sandboxes.sources(sandbox)).unwrap_or_default();
                if let Form::PodSandboxing(host) = form {
                    sources.push(host.nested_virtualization_source.as_str());
                }
                sources
            }
            Self::NotOffered(obstacle) => obstacle.sources.clone(),
        }
    }
}

impl Form {
    /// The catalog id or form name used in JSON (`aws/m6i.metal`, `nested_virtualization`,
    /// `fargate`, `gke_sandbox`, `aks_pod_sandboxing`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Metal(host) => host.id.as_str(),
            Self::NestedVirtualization(_) => "nested_virtualization",
            Self::Fargate(_) => Sandbox::Fargate.key(),
            Self::GkeSandbox(_) => Sandbox::GkeSandbox.key(),
            Self::PodSandboxing(_) => Sandbox::PodSandboxing.key(),
        }
    }

    /// The managed sandbox this form is, if it is one.
    pub fn sandbox(self) -> Option<Sandbox> {
        match self {
            Self::Metal(_) | Self::NestedVirtualization(_) => None,
            Self::Fargate(_) => Some(Sandbox::Fargate),
            Self::GkeSandbox(_) => Some(Sandbox::GkeSandbox),
            Self::PodSandboxing(_) => Some(Sandbox::PodSandboxing),
        }
    }
}

/// The managed sandbox `option`'s instances run as on this site, if one applies, whatever else
/// the workload needs: what the projection prices. It reads the host, the flavour and one
/// instance's CPU and memory, no other trait (`projection::INPUTS`).
pub fn sandbox_form(option: &OptionSpec, profile: &Profile, site: &Site) -> Option<Form> {
    let host = site.host.filter(|host| option.cloud == CloudHost::Kvm && !host.bare_metal)?;
    match sandbox_offer(profile, site, host, &site.catalogs.hosts)? {
        Feasibility::OfferedAs(form) => Some(form),
        Feasibility::Offered | Feasibility::NotOffered(_) => None,
    }
}

/// A microVM per pod as the provider's managed sandbox, where one applies on this host and
/// flavour. A pod larger than Fargate's ladder goes back to the family's metal type (`None`:
/// the rules below), or is not offered where the family has none.
fn sandbox_offer(
    profile: &Profile,
    site: &Site,
    host: &'static HostType,
    catalog: &'static HostCatalog,
) -> Option<Feasibility> {
    let sandboxes = &site.catalogs.sandboxes;
    let has_metal = catalog.bare_metal(&host.family).is_some();
    match sandboxes.form(host, site.flavour.flavour, has_metal)? {
        Sandbox::Fargate => {
            let fargate = &sandboxes.fargate;
            let w = profile.workload();
            let runs = |candidate: &HostType| w.arm64_ready || candidate.arch == Arch::X86_64;
            if w.privileged {
                // Fargate runs no privileged containers: the family's metal type, if it sells one.
                return (!has_metal).then(|| {
                    Feasibility::NotOffered(Obstacle {
                        kind: ObstacleKind::PrivilegedOnFargate,
                        sources: vec![fargate.limits_source.as_str()],
                        remedies: vec![Remedy::MetalFamily(metal_families(catalog, host, runs))],
                    })
                });
            }
            match fargate.size(w.cpu_per_instance, w.memory_per_instance_mib) {
                Some(size) => Some(Feasibility::OfferedAs(Form::Fargate(size))),
                None if has_metal => None,
                None => Some(Feasibility::NotOffered(Obstacle {
                    kind: ObstacleKind::LargerThanFargate {
                        cpu: w.cpu_per_instance,
                        memory_mib: w.memory_per_instance_mib,
                        largest: fargate.largest(),
                    },
                    sources: vec![fargate.sizing_source.as_str(), fargate.start_source.as_str()],
                    remedies: vec![Remedy::MetalFamily(metal_families(catalog, host, runs))],
                })),
            }
        }
        Sandbox::GkeSandbox => Some(Feasibility::OfferedAs(Form::GkeSandbox(host))),
        Sandbox::PodSandboxing => Some(Feasibility::OfferedAs(Form::PodSandboxing(host))),
    }
}

/// One type per family matching `keep`, the families of `host`'s provider first.
fn families(
    catalog: &'static HostCatalog,
    host: &HostType,
    keep: impl Fn(&HostType) -> Option<&'static HostType>,
) -> Vec<&'static HostType> {
    let mut found: Vec<&'static HostType> = Vec::new();
    for candidate in catalog.types() {
        if found.iter().all(|known| known.family != candidate.family)
            && let Some(chosen) = keep(candidate)
        {
            found.push(chosen);
        }
    }
    found.sort_by_key(|other| other.provider != host.provider);
    found
}

/// The cheapest metal type of every family that has one and whose processors `runs` the
/// workload's images.
fn metal_families(
    catalog: &'static HostCatalog,
    host: &HostType,
    runs: impl Fn(&HostType) -> bool,
) -> Vec<&'static HostType> {
    families(catalog, host, |candidate| runs(candidate).then(|| catalog.bare_metal(&candidate.family)).flatten())
}

/// The smallest type of every family with documented nested virtualization whose processors
/// `runs` the workload's images.
fn nested_families(
    catalog: &'static HostCatalog,
    host: &HostType,
    runs: impl Fn(&HostType) -> bool,
) -> Vec<&'static HostType> {
    families(catalog, host, |candidate| {
        (runs(candidate) && matches!(candidate.nested_virtualization, NestedVirtualization::Supported { .. }))
            .then(|| catalog.family(&candidate.family).next())
            .flatten()
    })
}

/// The cheapest type holding `host`'s vCPUs and memory in every `x86_64` family of its provider.
fn x86_families(catalog: &'static HostCatalog, host: &HostType) -> Vec<&'static HostType> {
    let (cores, memory) = (f64::from(host.cores), host.memory_gib);
    families(catalog, host, |candidate| {
        (candidate.provider == host.provider && candidate.arch == Arch::X86_64)
            .then(|| catalog.smallest_fitting(&candidate.family, cores, memory))
            .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalogs::shipped;
    use crate::model::kubernetes::KubernetesFlavour;
    use crate::model::options::{CONTAINER, CONTAINERS_ON_VMS, MICROVM, VM};

    fn on(host: &str, needs_kvm: bool) -> (Profile, Site) {
        let mut profile = Profile::default();
        host.clone_into(&mut profile.environment.host);
        profile.workload_mut().nested_virtualization = needs_kvm;
        let site = Site::resolve(&profile, shipped());
        (profile, site)
    }

    fn of(option: &OptionSpec, host: &str, needs_kvm: bool) -> Feasibility {
        let (profile, site) = on(host, needs_kvm);
        Feasibility::of(option, &profile, &site)
    }

    fn family_ids(hosts: &[&HostType]) -> Vec<String> {
        hosts.iter().map(|host| format!("{}/{}", host.provider.key(), host.family)).collect()
    }

    #[test]
    fn containers_on_a_family_without_metal_are_not_offered_and_say_where_metal_is() {
        let Feasibility::NotOffered(obstacle) = of(&CONTAINER, "gcp/n2-standard-16", false) else {
            panic!("offered on n2")
        };
        assert!(matches!(obstacle.kind, ObstacleKind::NoMetalType { host } if host.id == "gcp/n2-standard-16"));
        assert!(obstacle.sources[0].contains("gce_price_info"), "{:?}", obstacle.sources);
        let [Remedy::MetalFamily(metal)] = obstacle.remedies.as_slice() else { panic!("{:?}", obstacle.remedies) };
        assert_eq!(family_ids(metal), ["aws/m6i", "aws/m7i", "aws/c6i", "aws/r6i"], "x86 images: no m7g.metal");
        assert_eq!(metal[0].id, "aws/m6i.metal");
        assert!(!of(&CONTAINER, "azure/D8s_v5", false).is_offered(), "Dsv5 has no metal type either");
    }

    #[test]
    fn containers_on_a_virtual_type_are_offered_as_its_family_metal_type() {
        let Feasibility::OfferedAs(form) = of(&CONTAINER, "aws/m6i.4xlarge", false) else { panic!() };
        assert_eq!(form.key(), "aws/m6i.metal");
        assert_eq!(of(&CONTAINER, "aws/m6i.metal", false), Feasibility::Offered);
    }

    #[test]
    fn microvms_need_metal_or_documented_nested_virtualization() {
        let Feasibility::OfferedAs(form) = of(&MICROVM, "azure/D16s_v5", false) else { panic!() };
        assert!(matches!(form, Form::NestedVirtualization(host) if host.id == "azure/D16s_v5"));
        assert_eq!(form.key(), "nested_virtualization");
        let Feasibility::OfferedAs(form) = of(&MICROVM, "aws/m7i.large", false) else { panic!() };
        assert_eq!(form.key(), "aws/m7i.metal-24xl");
        assert_eq!(of(&MICROVM, "aws/m6i.metal", false), Feasibility::Offered);
        assert_eq!(of(&MICROVM, "custom", false), Feasibility::Offered);
    }

    #[test]
    fn a_workload_running_vms_rules_out_sandboxes_everywhere() {
        for host in ["custom", "aws/m6i.metal", "gcp/n2-standard-8"] {
            let Feasibility::NotOffered(obstacle) = of(&MICROVM, host, true) else { panic!("{host}") };
            assert_eq!(obstacle.kind, ObstacleKind::CannotNest);
            assert_eq!(obstacle.sources, ["M-OPS-6", FIRECRACKER_NESTING]);
            assert_eq!(
                obstacle.remedies,
                [Remedy::OptionThatNests(vec![VM.id(), CONTAINER.id(), CONTAINERS_ON_VMS.id()])]
            );
        }
        // The team's own hardware runs the others.
        for option in [&VM, &CONTAINER, &CONTAINERS_ON_VMS] {
            assert_eq!(of(option, "custom", true), Feasibility::Offered, "{}", option.key);
        }
    }

    fn with_flavour(host: &str, flavour: KubernetesFlavour, cpu: f64, memory_mib: f64) -> Feasibility {
        let (mut profile, _) = on(host, false);
        profile.environment.kubernetes = flavour;
        let w = profile.workload_mut();
        (w.cpu_per_instance, w.memory_per_instance_mib) = (cpu, memory_mib);
        let site = Site::resolve(&profile, shipped());
        Feasibility::of(&MICROVM, &profile, &site)
    }

    #[test]
    fn microvms_on_eks_are_fargate_pods_of_the_ladders_size() {
        let fargate = with_flavour("aws/m6i.large", KubernetesFlavour::Eks, 1.0, 8192.0);
        assert_eq!(fargate, Feasibility::OfferedAs(Form::Fargate(PodSize { vcpu: 2.0, memory_gb: 9.0 })));
        let Feasibility::OfferedAs(form) = fargate else { panic!() };
        assert_eq!(form.key(), "fargate");
        assert!(
            fargate.sources(shipped())[0].contains("fargate-pod-configuration"),
            "{:?}",
            fargate.sources(shipped())
        );
        // A metal type chosen stays as it is; a self-managed cluster keeps the family's metal.
        assert_eq!(with_flavour("aws/m6i.metal", KubernetesFlavour::Eks, 1.0, 8192.0), Feasibility::Offered);
        let metal = with_flavour("aws/m6i.large", KubernetesFlavour::SelfManaged, 1.0, 8192.0);
        assert!(matches!(metal, Feasibility::OfferedAs(Form::Metal(host)) if host.id == "aws/m6i.metal"));
        // A pod larger than the ladder (AWS: EC2 above 16 vCPU) goes back to the metal type.
        let large = with_flavour("aws/m6i.large", KubernetesFlavour::Eks, 17.0, 8192.0);
        assert!(matches!(large, Feasibility::OfferedAs(Form::Metal(_))), "{large:?}");
        // Fargate runs no VM inside its microVMs.
        let (mut profile, _) = on("aws/m6i.large", true);
        profile.environment.kubernetes = KubernetesFlavour::Eks;
        let site = Site::resolve(&profile, shipped());
        let Feasibility::NotOffered(obstacle) = Feasibility::of(&MICROVM, &profile, &site) else { panic!() };
        assert_eq!(obstacle.kind, ObstacleKind::CannotNest);
    }

    #[test]
    fn microvms_on_aks_and_gke_are_their_sandboxes_on_the_chosen_nodes() {
        let aks = with_flavour("azure/D8s_v5", KubernetesFlavour::Aks, 0.5, 512.0);
        assert!(matches!(aks, Feasibility::OfferedAs(Form::PodSandboxing(host)) if host.id == "azure/D8s_v5"));
        let Feasibility::OfferedAs(form) = aks else { panic!() };
        assert_eq!(form.key(), "aks_pod_sandboxing");
        let sources = aks.sources(shipped());
        assert!(sources[0].contains("KataVmIsolation") && sources[1].contains("600 MiB"), "{sources:?}");
        assert!(sources[2].contains("dsv5-series"), "{sources:?}");
        let gke = with_flavour("gcp/n2-standard-8", KubernetesFlavour::Gke, 0.5, 512.0);
        assert!(matches!(gke, Feasibility::OfferedAs(Form::GkeSandbox(host)) if host.id == "gcp/n2-standard-8"));
        // Without the provider's flavour, nested virtualization as before.
        let nested = with_flavour("azure/D8s_v5", KubernetesFlavour::SelfManaged, 0.5, 512.0);
        assert!(matches!(nested, Feasibility::OfferedAs(Form::NestedVirtualization(_))));
    }

    /// The builtin catalog with the m6i family's metal type taken out: an AWS family without
    /// one, as burstable and most compute families are.
    fn catalog_without_m6i_metal() -> &'static HostCatalog {
        let text: String = include_str!("../../assets/hosts.ron")
            .lines()
            .filter(|line| !line.contains("\"aws/m6i.metal\""))
            .map(|line| format!("{line}\n"))
            .collect();
        Box::leak(Box::new(HostCatalog::parse(&text).unwrap_or_else(|error| panic!("{error}"))))
    }

    #[test]
    fn on_aws_without_metal_microvms_are_fargate_and_a_pod_past_the_ladder_is_refused() {
        let catalog = catalog_without_m6i_metal();
        let host = catalog.get("aws/m6i.large").unwrap_or_else(|| panic!("m6i.large"));
        let (mut profile, site) = on("aws/m6i.large", false);
        let site = Site { host: Some(host), ..site };
        let w = profile.workload_mut();
        (w.cpu_per_instance, w.memory_per_instance_mib) = (0.5, 512.0);
        // A self-managed cluster too: the family offers no other way to a microVM per pod.
        assert_eq!(
            sandbox_offer(&profile, &site, host, catalog),
            Some(Feasibility::OfferedAs(Form::Fargate(PodSize { vcpu: 0.5, memory_gb: 1.0 })))
        );
        profile.workload_mut().memory_per_instance_mib = 120.0 * 1024.0;
        let Some(Feasibility::NotOffered(obstacle)) = sandbox_offer(&profile, &site, host, catalog) else {
            panic!("offered past the ladder")
        };
        let largest = PodSize { vcpu: 16.0, memory_gb: 120.0 };
        assert_eq!(obstacle.kind, ObstacleKind::LargerThanFargate { cpu: 0.5, memory_mib: 122_880.0, largest });
        let [Remedy::MetalFamily(metal)] = obstacle.remedies.as_slice() else { panic!("{:?}", obstacle.remedies) };
        // Every other AWS family with a metal type for x86 images (not m7g: Graviton).
        assert_eq!(family_ids(metal), ["aws/m7i", "aws/c6i", "aws/r6i"]);
    }

    #[test]
    fn a_workload_running_vms_needs_nested_virtualization_in_cloud_vms() {
        let Feasibility::NotOffered(obstacle) = of(&VM, "aws/m6i.4xlarge", true) else { panic!() };
        assert!(matches!(obstacle.kind, ObstacleKind::NoNestedVirtualization { .. }));
        let [Remedy::NestedFamily(nested)] = obstacle.remedies.as_slice() else { panic!() };
        assert_eq!(family_ids(nested), ["azure/Dsv5", "gcp/n2-standard", "gcp/n2-highmem"]);
        assert!(!of(&CONTAINERS_ON_VMS, "aws/m6i.4xlarge", true).is_offered());
        // Metal nodes run KVM; right-sized VMs of the same family are virtual.
        assert_eq!(of(&CONTAINERS_ON_VMS, "aws/m6i.metal", true), Feasibility::Offered);
        assert!(!of(&VM, "aws/m6i.metal", true).is_offered());
        assert_eq!(of(&VM, "gcp/n2-standard-8", true), Feasibility::Offered);
        // Containers on the family's metal type keep /dev/kvm.
        assert!(matches!(of(&CONTAINER, "aws/m6i.4xlarge", true), Feasibility::OfferedAs(Form::Metal(_))));
        // Nothing needed, nothing refused.
        assert_eq!(of(&VM, "aws/m6i.4xlarge", false), Feasibility::Offered);
    }

    #[test]
    fn an_arm_host_rules_out_every_option_until_the_images_are_arm64_ready() {
        for option in [&VM, &CONTAINER, &CONTAINERS_ON_VMS, &MICROVM] {
            let Feasibility::NotOffered(obstacle) = of(option, "aws/m7g.4xlarge", false) else {
                panic!("{} offered on Graviton with x86 images", option.key)
            };
            assert!(matches!(obstacle.kind, ObstacleKind::NotArm64Ready { host } if host.id == "aws/m7g.4xlarge"));
            assert!(obstacle.sources[0].contains("kubernetes.io/arch"), "{:?}", obstacle.sources);
            let [Remedy::X86Family(x86), Remedy::Arm64Images] = obstacle.remedies.as_slice() else {
                panic!("{:?}", obstacle.remedies)
            };
            // 16 vCPUs / 64 GiB: the same size in m6i, m7i and r6i, a c6i twice as large for
            // its memory; T3 stops at 8 vCPUs.
            let ids: Vec<&str> = x86.iter().map(|host| host.id.as_str()).collect();
            assert_eq!(ids, ["aws/m6i.4xlarge", "aws/m7i.4xlarge", "aws/c6i.8xlarge", "aws/r6i.4xlarge"]);
        }
        assert!(!of(&VM, "azure/D8ps_v5", false).is_offered());
        assert!(!of(&VM, "aws/t4g.large", false).is_offered());
        // Marked arm64-ready, the ARM host runs them as an x86 one would.
        let (mut profile, site) = on("aws/m7g.4xlarge", false);
        profile.workload_mut().arm64_ready = true;
        assert_eq!(Feasibility::of(&VM, &profile, &site), Feasibility::Offered);
        let Feasibility::OfferedAs(form) = Feasibility::of(&CONTAINER, &profile, &site) else { panic!() };
        assert_eq!(form.key(), "aws/m7g.metal");
        // An x86 host is not affected either way.
        assert_eq!(of(&VM, "aws/m6i.4xlarge", false), Feasibility::Offered);
    }

    #[test]
    fn metal_remedies_name_arm_families_only_for_arm64_ready_images() {
        let metal = |ready: bool| {
            let (mut profile, site) = on("gcp/n2-standard-16", false);
            profile.workload_mut().arm64_ready = ready;
            let Feasibility::NotOffered(obstacle) = Feasibility::of(&CONTAINER, &profile, &site) else { panic!() };
            let [Remedy::MetalFamily(metal)] = obstacle.remedies.as_slice() else { panic!() };
            family_ids(metal)
        };
        assert!(!metal(false).contains(&"aws/m7g".to_owned()));
        assert!(metal(true).contains(&"aws/m7g".to_owned()));
    }
}
