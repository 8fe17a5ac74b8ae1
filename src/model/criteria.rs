//! The criteria every option is scored on: what each asks, how Podvisor reads the sources
//! into a number, its default weight and the claims it rests on.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// One scoring criterion. It is written as its `key` wherever it is serialised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum CriterionId {
    ResourceEfficiency,
    Cost,
    StartupSpeed,
    RuntimePerformance,
    Isolation,
    Patching,
    SupplyChain,
    OsFlexibility,
    Portability,
    Scalability,
    DeliverySpeed,
    NetworkingSimplicity,
    MigrationEffort,
    ResilienceFit,
    HeavyWorkloads,
    Nesting,
}

/// Everything shown about a criterion besides its scores.
#[derive(Clone, Copy, Debug)]
pub struct CriterionSpec {
    pub id: CriterionId,
    /// Key in profiles and JSON.
    pub key: &'static str,
    pub label: &'static str,
    /// The question the criterion answers.
    pub question: &'static str,
    /// How the rule turns the sources into a 0–10 score, stated plainly.
    pub reading: &'static str,
    /// Weight 0–5 used when the profile sets none.
    pub default_weight: f64,
    /// Every claim the rule rests on.
    pub sources: &'static [&'static str],
    /// Heading of a pro for the option that scores higher here.
    pub pro: &'static str,
    /// Heading of a con for the option that scores lower here.
    pub con: &'static str,
}

/// Highest weight a criterion can be given.
pub const MAX_WEIGHT: f64 = 5.0;

/// All criteria, in scorecard order.
pub const CRITERIA: &[CriterionSpec] = &[
    CriterionSpec {
        id: CriterionId::ResourceEfficiency,
        key: "resource_efficiency",
        label: "Resource efficiency",
        question: "How much memory and CPU does the workload need at peak?",
        reading: "10 × the leanest option's footprint ÷ this option's, averaged over memory and CPU from the projection. Guest OS copies, hypervisor overhead and whole-vCPU rounding make VMs heavier per instance; packing many services into one VM reverses that once each container's own runtime copies add up (M-RES-2).",
        default_weight: 3.0,
        sources: &["M-RES-1", "M-RES-2", "V-RES-1", "V-RES-2", "V-RES-3", "M-ARCH-2"],
        pro: "Light on resources",
        con: "Heavy on resources",
    },
    CriterionSpec {
        id: CriterionId::Cost,
        key: "cost",
        label: "Cost",
        question: "What will the bill for hosts and managed services be each month?",
        reading: "10 × the cheapest option's monthly cost ÷ this option's, from the projection: whole hosts (or cloud instances) at their price for the hours they run, plus a managed control plane's fee (a self-managed control plane takes its share of the hosts instead). When every option costs nothing, all score 10. Denser packing means fewer hosts to pay for (M-RES-1); heavy work weighs on the bill (V-RES-5, V-DEC-1).",
        default_weight: 3.0,
        sources: &["M-RES-1", "V-RES-5", "V-DEC-1"],
        pro: "Cheaper to run",
        con: "Costs more to run",
    },
    CriterionSpec {
        id: CriterionId::StartupSpeed,
        key: "startup_speed",
        label: "Start-up speed",
        question: "Does slow instance start-up hurt this workload?",
        reading: "10 − relevance × 4 points per tenfold slower start than the fastest option (at most 10). Relevance is the start-latency sensitivity. Short lifetimes do not add to it: a fleet of short-lived instances keeps a warm pool of booted spares (starts per second × boot seconds, by Little's law), which the resources count.",
        default_weight: 3.0,
        sources: &["M-OPS-1", "M-OPS-2"],
        pro: "Starts fast",
        con: "Slow to start",
    },
    CriterionSpec {
        id: CriterionId::RuntimePerformance,
        key: "runtime_performance",
        label: "Runtime performance",
        question: "How close to bare-metal speed does the workload run?",
        reading: "10 × measured throughput relative to bare metal: CPU efficiency × storage efficiency^(data intensity/10) × network efficiency^(chattiness/10 × share of calls that leave the instance), one factor per layer (containers on VMs pay both). Defaults are today's stacks: a tuned virtio/vhost storage path for VMs (0.9) and Kubernetes pod networking without NAT for containers (0.95); Felter et al.'s untuned 2014 figures remain as the range's bottom.",
        default_weight: 2.0,
        sources: &["M-OPS-5", "V-RES-5", "M-NET-1"],
        pro: "Runs close to bare metal",
        con: "Slower than bare metal",
    },
    CriterionSpec {
        id: CriterionId::Isolation,
        key: "isolation",
        label: "Isolation",
        question: "How well are neighbours kept apart when isolation matters?",
        reading: "10 − threat × the boundary's exposure. Threat = isolation need/10 × (0.35 + 0.65 × untrusted code/10): own reviewed code keeps 35% of the threat (first_party_threat_share), arbitrary tenant code all of it. Exposure: hypervisor 2/10, shared kernel 9/10 narrowed by runtime hardening (seccomp, user namespaces: −25%, never below a hypervisor); pods on node VMs as a shared kernel for the share of hostile pods that can land on their node. Services packed into one VM lose their boundaries as far as one breach then reaches: ln(services per VM)/ln(service instances), up to the hardened shared kernel when every instance shares one VM. Compliance no longer enters here: it costs every option controls and audit work (patching burden).",
        default_weight: 4.0,
        sources: &[
            "M-ARCH-1", "M-SEC-1", "M-SEC-2", "M-SEC-3", "M-SEC-4", "M-OPS-7", "V-SEC-1", "V-SEC-2", "V-SEC-4",
            "V-SEC-6", "V-SEC-7",
        ],
        pro: "Strong isolation",
        con: "Weaker isolation",
    },
    CriterionSpec {
        id: CriterionId::Patching,
        key: "patching",
        label: "Patching burden",
        question: "How many operating systems must be kept patched, and how fresh are images?",
        reading: "8 − (0.5 + compliance/20) × 4 points per tenfold more OS instances to patch at steady load than the fewest (at most 6): guest OSes (each patched in place, or with golden images a quarter of the work per guest; guests that live shorter than the ~30-day patch cycle are replaced, not patched, in proportion; at least one image per VM role), hosts, node VMs, and each service image's partial OS copy. Compliance adds controls and audit evidence to every option: 2 × compliance/10 × the option's control load (VMs 1, containers 1.2, containers on VMs 1.3, microVMs 1.4). Image-built options gain up to 2 points as frequent rebuilds keep packages fresh; old guests lose up to 2 as they go stale (a week: none, a year: all), their age capped by the golden-image rebuild cadence when VMs are replaced from images.",
        default_weight: 3.0,
        sources: &["V-OPS-1", "V-SEC-3", "V-SEC-5", "V-SEC-2", "M-OPS-7", "M-OPS-4"],
        pro: "Easier to keep patched",
        con: "Harder to keep patched",
    },
    CriterionSpec {
        id: CriterionId::SupplyChain,
        key: "supply_chain",
        label: "Supply chain",
        question: "Can you trust what runs, and check it?",
        reading: "Image-built options: 2 + 6 × image trust/10 + 2 × team maturity/10 (trusted layers, plus signing and scanning built into the lifecycle). VMs: 6, minus up to 2 for stale long-lived images.",
        default_weight: 2.0,
        sources: &["M-SEC-5", "M-OPS-4", "V-SEC-3"],
        pro: "Trustworthy supply chain",
        con: "Supply-chain risk",
    },
    CriterionSpec {
        id: CriterionId::OsFlexibility,
        key: "os_flexibility",
        label: "OS flexibility",
        question: "Can the platform run every OS the workload needs?",
        reading: "Options that run any guest OS score 10. Shared-kernel options score 10 − 9 × OS diversity/10; their one kernel type is the workload's primary OS (Linux or Windows). Linux-only sandboxes score 0 for a Windows workload, with a warning.",
        default_weight: 3.0,
        sources: &["M-OS-1", "V-OS-1"],
        pro: "Runs any OS",
        con: "One kernel type only",
    },
    CriterionSpec {
        id: CriterionId::Portability,
        key: "portability",
        label: "Portability",
        question: "How easily does the workload move between machines and clouds?",
        reading: "Image-built options start at 9, lose up to 4 points with OS diversity (they need a compatible kernel) and up to 3 with legacy coupling (a coupled app is not self-contained). VM images weigh gigabytes and follow a hypervisor's format: 5.",
        default_weight: 2.0,
        sources: &["M-PORT-1", "V-PORT-1", "V-RES-1"],
        pro: "Portable",
        con: "Harder to move",
    },
    CriterionSpec {
        id: CriterionId::Scalability,
        key: "scalability",
        label: "Scalability",
        question: "How quickly can capacity follow a burst?",
        reading: "10 − burstiness × 4 points per tenfold longer time to reach peak than the fastest option (at most 10). Burstiness is ln(peak factor)/ln(20): 0 for flat load, 1 at 20× peaks. Time to peak: VMs take one scaling-group reaction plus a boot; orchestrated options take the horizontal pod autoscaler's periods (each adds the larger of 100 % and 4 pods) plus a node's boot when a cloud cluster grows, plus a start. Image-built options containerised as they are lose up to 2 more as coupled services scale together (burstiness × split × legacy coupling).",
        default_weight: 3.0,
        sources: &["V-OPS-3", "M-OPS-2"],
        pro: "Scales quickly",
        con: "Scales slowly",
    },
    CriterionSpec {
        id: CriterionId::DeliverySpeed,
        key: "delivery_speed",
        label: "Delivery speed",
        question: "How cheaply can changes be shipped?",
        reading: "5 ± cadence effects. Cadence is log(1 + deploys/week)/log(101). Image-built options gain cadence × (5 × maturity/10 − 2): mature teams gain up to 3, novices lose 2. VMs lose up to 2 with cadence (release overhead, drift). Any option gains up to 2 when each service has instances of its own, as far as the app is not legacy-bound (independent releases); decomposed, the coupling no longer counts, while image-built options containerised as they are lose up to 2 more as coupled images wait for each other's releases.",
        default_weight: 3.0,
        sources: &["M-OPS-3", "V-OPS-2", "V-OPS-4", "M-DEC-2"],
        pro: "Fast delivery",
        con: "Slower delivery",
    },
    CriterionSpec {
        id: CriterionId::NetworkingSimplicity,
        key: "networking_simplicity",
        label: "Networking simplicity",
        question: "How much networking must be built and run between parts of the app?",
        reading: "10 − min(10, chattiness/10 × 2.5 × log10(separately networked instances at steady load)). Orchestrated options win back up to 30% of that with team maturity (pods and a flat L3 network).",
        default_weight: 2.0,
        sources: &["M-NET-1", "M-NET-2"],
        pro: "Simple networking",
        con: "Complex networking",
    },
    CriterionSpec {
        id: CriterionId::MigrationEffort,
        key: "migration_effort",
        label: "Migration effort",
        question: "How much must change to get the app onto the platform?",
        reading: "Image-built options offer two paths and are scored on the better one for the workload (the higher overall score): containerised as it is, 10 − 4 × legacy coupling/10 − 2 × (1 − team maturity/10), or decomposed into services, 10 − 7 × legacy coupling/10 − 2 × (1 − team maturity/10). Lift-and-shift options: 10 − legacy coupling/10; they are also the first step of a phased path.",
        default_weight: 4.0,
        sources: &["M-APP-1", "M-APP-2", "M-DEC-1", "M-DEC-3"],
        pro: "Little migration work",
        con: "Migration work up front",
    },
    CriterionSpec {
        id: CriterionId::ResilienceFit,
        key: "resilience_fit",
        label: "Resilience fit",
        question: "Does the platform's failure model match the app's?",
        reading: "Orchestrated options assume instances die: 2 + 8 × failure tolerance/10. VMs are kept running, which suits apps not built for that: 7, plus up to 3 × (1 − failure tolerance/10) where the hypervisor live-migrates them through host maintenance while Kubernetes drains pods (vm_live_migration_points), for instances that live to meet it (none at an hour, all from a month, log-interpolated). Short-lived VMs are not kept running: a scaling group replaces them from their image as an orchestrator replaces pods, so with the same churn their fit moves to the orchestrated options' (all of the way for VMs living an hour or less).",
        default_weight: 3.0,
        sources: &["M-OPS-8", "V-OPS-3"],
        pro: "Fits the app's failure model",
        con: "Mismatched failure model",
    },
    CriterionSpec {
        id: CriterionId::HeavyWorkloads,
        key: "heavy_workloads",
        label: "Heavy workloads",
        question: "Does the workload's weight favour full VMs?",
        reading: "Heaviness = mean of data intensity/10, instance size (1 GiB: 0 … 64 GiB and more: 1) and longevity (a month: 0 … three years: 1). Guest-OS options: 5 + 4 × heaviness. Others: 5 − 2 × heaviness (possible, but weigh the cost).",
        default_weight: 3.0,
        sources: &["V-RES-4", "V-RES-5", "V-DEC-1"],
        pro: "Suits heavy work",
        con: "Costly for heavy work",
    },
    CriterionSpec {
        id: CriterionId::Nesting,
        key: "nesting",
        label: "Nesting",
        question: "Must the workload itself run VMs?",
        reading: "Without nesting every option scores 10. With it, VMs and containers on VMs score 3 (nested virtualization: hard, not always offered, costly); microVMs 0 (sandboxes do not offer KVM to their guests in production: Firecracker's maintainers, firecracker#1721); containers 9.",
        default_weight: 2.0,
        sources: &["M-OPS-6"],
        pro: "Nests without trouble",
        con: "Nesting is hard and costly",
    },
];

impl CriterionId {
    pub fn spec(self) -> &'static CriterionSpec {
        &CRITERIA[self as usize]
    }

    /// Looks a criterion up by its file key.
    pub fn from_key(key: &str) -> Option<Self> {
        CRITERIA.iter().find(|spec| spec.key == key).map(|spec| spec.id)
    }
}

impl Serialize for CriterionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.spec().key)
    }
}

impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Self::from_key(&key).ok_or_else(|| serde::de::Error::custom(format!("unknown criterion `{key}`")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::{FACTS, fact};

    #[test]
    fn table_order_matches_ids() {
        for (index, spec) in CRITERIA.iter().enumerate() {
            assert_eq!(spec.id as usize, index, "{} is out of order", spec.key);
            assert_eq!(CriterionId::from_key(spec.key), Some(spec.id));
        }
    }

    #[test]
    fn every_seed_fact_is_cited_by_some_rule() {
        for fact in FACTS {
            let citing: Vec<&str> = CRITERIA.iter().filter(|c| c.sources.contains(&fact.id)).map(|c| c.key).collect();
            assert!(!citing.is_empty(), "{} ({}) is cited by no rule", fact.id, fact.claim);
        }
    }

    #[test]
    fn every_cited_id_exists() {
        for spec in CRITERIA {
            for id in spec.sources {
                assert!(fact(id).is_some(), "{} cites unknown {id}", spec.key);
            }
        }
    }

    #[test]
    fn default_weights_are_in_range() {
        for spec in CRITERIA {
            assert!((0.0..=MAX_WEIGHT).contains(&spec.default_weight), "{}", spec.key);
        }
    }
}
