//! The catalogue of source claims every rule, pro and con rests on. An id names the article
//! (`M-` Mirantis, `V-` Veritis), the topic (`ARCH`, `RES`, `SEC`, `OPS`, `OS`, `PORT`,
//! `NET`, `APP`, `DEC`) and a number; the paraphrases are Podvisor's own words.

/// One of the two articles Podvisor grew from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Article {
    /// Mirantis blog, Bruce Mathews, 2017-10-17.
    Mirantis,
    /// Veritis, on security pros and cons.
    Veritis,
}

impl Article {
    pub fn title(self) -> &'static str {
        match self {
            Self::Mirantis => {
                "Mirantis — \u{201c}To containerize or not to containerize\u{2026} Containers vs VMs: the eternal debate\u{201d} (B. Mathews, 2017)"
            }
            Self::Veritis => {
                "Veritis — \u{201c}Containers Vs VMs: Glance at \u{2018}Security\u{2019} Pros and Cons\u{201d}"
            }
        }
    }
}

/// A claim from one of the source articles.
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub id: &'static str,
    pub article: Article,
    /// The claim in one line, paraphrased.
    pub claim: &'static str,
}

use Article::{Mirantis as M, Veritis as V};

/// Every claim, grouped by topic: architecture and resources, security, operations,
/// portability/OS/networking/application, decision guidance.
pub const FACTS: &[Fact] = &[
    Fact {
        id: "M-ARCH-1",
        article: M,
        claim: "A VM stands in for a whole computer, OS to storage, and is walled off from its host and from other VMs.",
    },
    Fact {
        id: "M-ARCH-2",
        article: M,
        claim: "Containers reuse the host's kernel and bring only the libraries their own code needs.",
    },
    Fact {
        id: "M-RES-1",
        article: M,
        claim: "VMs cost more resources than containers, so one server holds more containers than VMs.",
    },
    Fact {
        id: "M-RES-2",
        article: M,
        claim: "Cutting one VM's functions into ~50 services means ~50 partial OS copies instead of one full one, which can cancel the savings.",
    },
    Fact {
        id: "V-RES-1",
        article: V,
        claim: "A VM weighs gigabytes (guest OS, kernel, binaries, libraries); a container weighs megabytes.",
    },
    Fact {
        id: "V-RES-2",
        article: V,
        claim: "Containers on a host share one copy of common files, so resources go further and density rises.",
    },
    Fact {
        id: "V-RES-3",
        article: V,
        claim: "VMs tend to be sized too big, and what they are given stays reserved even while idle.",
    },
    Fact {
        id: "V-RES-4",
        article: V,
        claim: "VMs fit heavy, resource-hungry work, big file volumes and long lifecycles.",
    },
    Fact { id: "V-RES-5", article: V, claim: "Heavy work can run in containers too, but its cost has to be weighed." },
    Fact {
        id: "M-SEC-1",
        article: M,
        claim: "All containers on a host share its kernel, so one broken container puts its neighbours at risk.",
    },
    Fact {
        id: "M-SEC-2",
        article: M,
        claim: "Container isolation is built from several kernel namespaces (PID, network, mount, UTS, IPC); each is a possible weak spot.",
    },
    Fact {
        id: "M-SEC-3",
        article: M,
        claim: "A hypervisor offers a small attack surface, whereas a Linux 3.19 kernel exposed about 397 system calls to containers.",
    },
    Fact {
        id: "M-SEC-4",
        article: M,
        claim: "Hypervisors have flaws too (QEMU: ~217 known vulnerabilities, 3 VM escapes seen in the wild); the threat model differs rather than vanishes.",
    },
    Fact {
        id: "M-SEC-5",
        article: M,
        claim: "Layered images pulled from public repositories can hide unknown content; their provenance must be checked.",
    },
    Fact {
        id: "V-SEC-1",
        article: V,
        claim: "VMs draw hard segmentation lines, between guests and towards the hypervisor: the choice for multi-tenancy and for environments you do not control.",
    },
    Fact { id: "V-SEC-2", article: V, claim: "Network micro-segmentation can be applied at the VM layer." },
    Fact { id: "V-SEC-3", article: V, claim: "Sprawling VM images and stale images left on disk are a security risk." },
    Fact {
        id: "V-SEC-4",
        article: V,
        claim: "A container is a way to package and ship software, not a security boundary.",
    },
    Fact {
        id: "V-SEC-5",
        article: V,
        claim: "Short-lived containers rebuilt by CI/CD carry fewer outdated packages, while the host OS is kept patched.",
    },
    Fact {
        id: "V-SEC-6",
        article: V,
        claim: "Applications sharing one VM are not isolated from one another; containers do separate applications.",
    },
    Fact {
        id: "V-SEC-7",
        article: V,
        claim: "A container is only thinly separated from the host OS, a weaker wall than a VM's.",
    },
    Fact {
        id: "M-OPS-1",
        article: M,
        claim: "A VM starts like a computer boots: slowly, which hurts when instances are spun up often.",
    },
    Fact {
        id: "M-OPS-2",
        article: M,
        claim: "Containers start in seconds or less, which suits work that is spun up constantly, such as serverless.",
    },
    Fact {
        id: "M-OPS-3",
        article: M,
        claim: "Containers are meant to be restarted often, which makes rolling out changes through CI/CD easy.",
    },
    Fact {
        id: "M-OPS-4",
        article: M,
        claim: "The container lifecycle makes vulnerability scanning and image signing easy to build in.",
    },
    Fact {
        id: "M-OPS-5",
        article: M,
        claim: "Software in a VM runs slower than on bare metal, because the machine is emulated.",
    },
    Fact {
        id: "M-OPS-6",
        article: M,
        claim: "Running VMs inside VMs is hard, not always possible, and costly in performance.",
    },
    Fact {
        id: "M-OPS-7",
        article: M,
        claim: "A VM platform needs careful security configuration wherever components span security domains.",
    },
    Fact {
        id: "M-OPS-8",
        article: M,
        claim: "Container platforms assume any component can die at any moment; the application must be built for that.",
    },
    Fact {
        id: "V-OPS-1",
        article: V,
        claim: "Every VM's operating system has to be patched on its own, which is laborious across many VMs.",
    },
    Fact {
        id: "V-OPS-2",
        article: V,
        claim: "Containers package conveniently, cut release overhead and drift less from their original state.",
    },
    Fact {
        id: "V-OPS-3",
        article: V,
        claim: "Orchestrators such as Kubernetes or Swarm automate scaling, networking and deployment; containers scale up and down quickly.",
    },
    Fact {
        id: "V-OPS-4",
        article: V,
        claim: "Containers split code into separately maintained pieces (microservices).",
    },
    Fact {
        id: "M-OS-1",
        article: M,
        claim: "A hypervisor runs nearly any operating system, several of them on one server.",
    },
    Fact {
        id: "V-OS-1",
        article: V,
        claim: "Containers all use one kernel type; needs for mixed operating systems point to VMs.",
    },
    Fact {
        id: "M-PORT-1",
        article: M,
        claim: "Containers move easily between machines that have a compatible kernel.",
    },
    Fact {
        id: "V-PORT-1",
        article: V,
        claim: "Containers move between public, private, hybrid and multi-cloud environments and bare metal.",
    },
    Fact {
        id: "M-NET-1",
        article: M,
        claim: "Inside one VM, the parts of an application talk to each other without extra networking.",
    },
    Fact {
        id: "M-NET-2",
        article: M,
        claim: "An app split into many containers needs more networking, though pods and Kubernetes' flat L3 model ease it.",
    },
    Fact {
        id: "M-APP-1",
        article: M,
        claim: "A VM needs no decomposition of the application, and several applications can share one VM.",
    },
    Fact {
        id: "M-APP-2",
        article: M,
        claim: "Containers ask for up-front work: decomposing the application into services.",
    },
    Fact {
        id: "M-DEC-1",
        article: M,
        claim: "For a lift-and-shift of an existing application, a VM disrupts the least.",
    },
    Fact {
        id: "M-DEC-2",
        article: M,
        claim: "For a new application written from scratch, containers are probably the better start.",
    },
    Fact {
        id: "M-DEC-3",
        article: M,
        claim: "There is a path between: move the monolith into a VM first, then decompose and containerize it bit by bit.",
    },
    Fact {
        id: "V-DEC-1",
        article: V,
        claim: "Pick what the environment demands, and weigh the cost for resource-heavy work.",
    },
];

/// Looks up a claim by id.
pub fn fact(id: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|fact| fact.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_prefixed_by_their_article() {
        for (i, a) in FACTS.iter().enumerate() {
            assert!(FACTS[i + 1..].iter().all(|b| b.id != a.id), "{} twice", a.id);
            let prefix = match a.article {
                Article::Mirantis => "M-",
                Article::Veritis => "V-",
            };
            assert!(a.id.starts_with(prefix), "{} is filed under the wrong article", a.id);
        }
    }

    #[test]
    fn catalogue_holds_every_claim_of_both_articles() {
        // By topic: architecture & resources 9, security 12, operations 12,
        // portability/OS/networking/application 8, decision guidance 4.
        assert_eq!(FACTS.len(), 45);
        assert!(fact("M-SEC-3").is_some());
        assert!(fact("X-NOPE-1").is_none());
    }
}
