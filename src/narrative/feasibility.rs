//! Whether the host can run an option, in words: the status a badge shows and the reason
//! that greys a column, with what would make the option possible.

use super::{capitalise, join};
use crate::model::feasibility::{Feasibility, Form, ObstacleKind, Remedy};
use crate::model::format::Number;
use crate::model::hosts::{HostType, NestedVirtualization};
use crate::model::options::{CloudHost, OptionSpec};
use crate::model::sandbox::{PodSize, Sandbox};
use crate::model::site::Site;
use crate::model::{Evaluation, OptionId};

/// A few words for a badge: "Offered", "Offered as aws/m6i.metal", "Offered with nested
/// virtualization", "Offered as AWS Fargate", "Not offered".
pub fn status(feasibility: &Feasibility) -> String {
    match feasibility {
        Feasibility::Offered => "Offered".to_owned(),
        Feasibility::OfferedAs(Form::Metal(host)) => format!("Offered as {}", host.id),
        Feasibility::OfferedAs(Form::NestedVirtualization(_)) => "Offered with nested virtualization".to_owned(),
        Feasibility::OfferedAs(form @ (Form::Fargate(_) | Form::GkeSandbox(_) | Form::PodSandboxing(_))) => {
            format!("Offered as {}", form.sandbox().map_or("", Sandbox::name))
        }
        Feasibility::NotOffered(_) => "Not offered".to_owned(),
    }
}

/// Why an option is offered as it is, in another form, or not at all, and for an option that
/// is not offered what would make it possible.
pub fn reason(option: OptionId, feasibility: &Feasibility, site: &Site) -> String {
    let plural = option.spec().plural;
    let they = capitalise(plural);
    match feasibility {
        Feasibility::Offered => match site.host {
            None => format!("{they} run on the team's own hardware."),
            Some(host) if option.spec().cloud == CloudHost::RightSizedVm => {
                format!("{they} run as {} types, each sized to its VM.", family(host))
            }
            Some(host) => format!("{they} run on {} as it is sold.", host.id),
        },
        Feasibility::OfferedAs(Form::Metal(metal)) => {
            let host = site.host.map_or("the chosen type", |host| host.id.as_str());
            format!(
                "{they} need the hardware itself, which {host} is not: they run on {}, the {} family's metal type.",
                metal.id,
                family(metal)
            )
        }
        Feasibility::OfferedAs(Form::NestedVirtualization(host)) => {
            let cost = match host.nested_virtualization {
                NestedVirtualization::Supported { cpu_penalty_at_least } if cpu_penalty_at_least > 0.0 => {
                    format!(", nested guests losing {:.0} % or more of their CPU", 100.0 * cpu_penalty_at_least)
                }
                _ => String::new(),
            };
            format!("{they} need KVM: {} offers it through nested virtualization{cost}.", host.id)
        }
        Feasibility::OfferedAs(Form::Fargate(size)) => format!(
            "{they} run as AWS Fargate pods, each its own Firecracker microVM billed as {}, with no node to buy or patch.",
            pod_size(*size)
        ),
        Feasibility::OfferedAs(Form::GkeSandbox(host)) => {
            format!("{they} run as GKE Sandbox pods: gVisor, a user-space kernel, on {} nodes, no KVM needed.", host.id)
        }
        Feasibility::OfferedAs(Form::PodSandboxing(host)) => format!(
            "{they} run as AKS Pod Sandboxing pods: Kata VMs on {} nodes, through its nested virtualization.",
            host.id
        ),
        Feasibility::NotOffered(obstacle) => {
            let why = match obstacle.kind {
                ObstacleKind::NoMetalType { host } => format!(
                    "{they} need the hardware itself, and the {} family sells no metal type: not offered on {}.",
                    family(host),
                    host.id
                ),
                ObstacleKind::NoKvm { host } => format!(
                    "{they} need KVM, and the {} family offers neither a metal type nor nested virtualization: not offered on {}.",
                    family(host),
                    host.id
                ),
                ObstacleKind::NoNestedVirtualization { host } => format!(
                    "The workload runs VMs inside its instances, and {plural} run them inside {} VMs, which offer no nested virtualization: not offered.",
                    family(host)
                ),
                ObstacleKind::CannotNest => format!(
                    "The workload runs VMs inside its instances, and {plural} do not offer KVM to their guests in production: not offered."
                ),
                ObstacleKind::LargerThanFargate { cpu, memory_mib, largest } => format!(
                    "One instance needs {} vCPU and {} MiB, more than AWS Fargate's largest pod ({}), and the family sells no metal type to run {plural} on: not offered.",
                    Number(cpu),
                    Number(memory_mib),
                    pod_size(largest)
                ),
                ObstacleKind::PrivilegedOnFargate => format!(
                    "The workload runs privileged containers, which AWS Fargate does not run, and the family sells no metal type to run {plural} on: not offered."
                ),
                ObstacleKind::NotArm64Ready { host } => format!(
                    "{} runs arm64 processors, and the workload's images are not marked arm64-ready: not offered.",
                    host.id
                ),
            };
            let remedies: Vec<String> = obstacle.remedies.iter().filter_map(remedy).collect();
            if remedies.is_empty() { why } else { format!("{why} Possible with {}.", remedies.join("; or ")) }
        }
    }
}

/// "Containers: Not offered. Containers need the hardware itself, …" for every option the
/// host does not offer as it is, in the evaluation's order.
pub fn lines(evaluation: &Evaluation) -> Vec<String> {
    evaluation
        .options
        .iter()
        .filter(|result| result.feasibility != Feasibility::Offered)
        .map(|result| {
            format!(
                "{}: {}. {}",
                result.spec.label,
                status(&result.feasibility),
                reason(result.spec.id(), &result.feasibility, &evaluation.site)
            )
        })
        .collect()
}

/// Where an option's instances run on a cloud host: what a heading about bare-metal speed
/// must name, since on a cloud the "bare metal" under an option is often a VM.
#[derive(Clone, Debug, PartialEq)]
pub enum Substrate {
    /// The hardware itself: a metal type (the chosen one, or the family's bought instead).
    Hardware(&'static HostType),
    /// Cloud VMs: the chosen type as nodes, or the family's types sized to each instance.
    Vms(String),
    /// KVM guests inside the chosen type, through its provider's nested virtualization.
    Nested(&'static HostType),
    /// A provider's managed sandbox: its name, and the nodes it runs on (none for Fargate).
    Sandbox(&'static str, Option<&'static HostType>),
}

impl Substrate {
    /// Where an option runs on the profile's cloud host, or `None` on the team's own hardware
    /// (where every option owns the machines) and for an option the host does not offer.
    pub fn of(option: &OptionSpec, feasibility: &Feasibility, site: &Site) -> Option<Self> {
        let host = site.host?;
        match feasibility {
            Feasibility::NotOffered(_) => None,
            Feasibility::OfferedAs(Form::Metal(metal)) => Some(Self::Hardware(metal)),
            Feasibility::OfferedAs(Form::NestedVirtualization(host)) => Some(Self::Nested(host)),
            Feasibility::OfferedAs(Form::Fargate(_)) => Some(Self::Sandbox(Sandbox::Fargate.name(), None)),
            Feasibility::OfferedAs(Form::GkeSandbox(host)) => {
                Some(Self::Sandbox(Sandbox::GkeSandbox.name(), Some(host)))
            }
            Feasibility::OfferedAs(Form::PodSandboxing(host)) => {
                Some(Self::Sandbox(Sandbox::PodSandboxing.name(), Some(host)))
            }
            Feasibility::Offered => Some(match option.cloud {
                CloudHost::RightSizedVm => Self::Vms(format!("{} VMs", family(host))),
                CloudHost::NodeVm => Self::Vms(format!("{} nodes", host.id)),
                CloudHost::BareMetal | CloudHost::Kvm => Self::Hardware(host),
            }),
        }
    }

    /// The place as it follows a verb: "on aws/m6i.metal", "on aws/m6i.4xlarge nodes", "in
    /// nested virtualization on gcp/n2-standard-8".
    pub fn phrase(&self) -> String {
        match self {
            Self::Hardware(host) => format!("on {}", host.id),
            Self::Vms(vms) => format!("on {vms}"),
            Self::Nested(host) => format!("in nested virtualization on {}", host.id),
            Self::Sandbox(name, None) => format!("as {name} pods"),
            Self::Sandbox(name, Some(host)) => format!("in {name} on {} nodes", host.id),
        }
    }
}

/// "a family with a metal type: aws/m6i, aws/m7i".
fn remedy(remedy: &Remedy) -> Option<String> {
    let families = |hosts: &[&HostType]| join(&hosts.iter().map(|host| family(host)).collect::<Vec<_>>());
    match remedy {
        Remedy::MetalFamily(hosts) if !hosts.is_empty() => {
            Some(format!("a family with a metal type: {}", families(hosts)))
        }
        Remedy::NestedFamily(hosts) if !hosts.is_empty() => {
            Some(format!("a family with nested virtualization: {}", families(hosts)))
        }
        Remedy::OptionThatNests(options) if !options.is_empty() => Some(format!(
            "an option whose instances can run VMs: {}",
            join(&options.iter().map(|o| o.spec().plural.to_owned()).collect::<Vec<_>>())
        )),
        Remedy::X86Family(hosts) if !hosts.is_empty() => Some(format!(
            "a family of the same provider on x86_64: {}",
            join(&hosts.iter().map(|host| host.id.clone()).collect::<Vec<_>>())
        )),
        Remedy::Arm64Images => Some("images built for arm64 too (workload.arm64_ready: true)".to_owned()),
        Remedy::MetalFamily(_) | Remedy::NestedFamily(_) | Remedy::OptionThatNests(_) | Remedy::X86Family(_) => None,
    }
}

/// "2 vCPU / 9 GB".
pub fn pod_size(size: PodSize) -> String {
    format!("{} vCPU / {} GB", Number(size.vcpu), Number(size.memory_gb))
}

/// "aws/m6i".
fn family(host: &HostType) -> String {
    format!("{}/{}", host.provider.key(), host.family)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;

    fn reason_on(option: OptionId, host: &str, needs_kvm: bool) -> String {
        let mut profile = Profile::default();
        host.clone_into(&mut profile.environment.host);
        profile.workload_mut().nested_virtualization = needs_kvm;
        let site = Site::resolve(&profile, crate::builtin::catalogs());
        reason(option, &Feasibility::of(option.spec(), &profile, &site), &site)
    }

    #[test]
    fn a_refusal_names_the_family_and_the_remedy() {
        assert_eq!(
            reason_on(OptionId::CONTAINER, "gcp/n2-standard-16", false),
            "Containers need the hardware itself, and the gcp/n2-standard family sells no metal type: not offered on gcp/n2-standard-16. Possible with a family with a metal type: aws/m6i, aws/m7i, aws/c6i and aws/r6i."
        );
        assert_eq!(
            reason_on(OptionId::MICROVM, "custom", true),
            "The workload runs VMs inside its instances, and microVMs do not offer KVM to their guests in production: not offered. Possible with an option whose instances can run VMs: VMs, containers and containers on VMs."
        );
    }

    #[test]
    fn an_arm_host_names_the_x86_types_and_the_field() {
        assert_eq!(
            reason_on(OptionId::VM, "aws/m7g.4xlarge", false),
            "aws/m7g.4xlarge runs arm64 processors, and the workload's images are not marked arm64-ready: not offered. Possible with a family of the same provider on x86_64: aws/m6i.4xlarge, aws/m7i.4xlarge, aws/c6i.8xlarge and aws/r6i.4xlarge; or images built for arm64 too (workload.arm64_ready: true)."
        );
    }

    #[test]
    fn another_form_is_named() {
        assert_eq!(
            reason_on(OptionId::CONTAINER, "aws/m6i.4xlarge", false),
            "Containers need the hardware itself, which aws/m6i.4xlarge is not: they run on aws/m6i.metal, the aws/m6i family's metal type."
        );
        assert_eq!(
            reason_on(OptionId::MICROVM, "gcp/n2-standard-8", false),
            "MicroVMs need KVM: gcp/n2-standard-8 offers it through nested virtualization, nested guests losing 10 % or more of their CPU."
        );
        assert_eq!(reason_on(OptionId::VM, "custom", false), "VMs run on the team's own hardware.");
    }
}
