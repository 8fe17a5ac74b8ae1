//! What each Kubernetes flavour leaves for pods on the catalog's compute-, memory-optimised,
//! burstable and ARM families, against published figures copied by hand:
//! - EKS: Karpenter's generated instance-type table (aws/karpenter-provider-aws@692ccdd0,
//!   release v1.14.0, website/content/en/preview/reference/instance-types.md, "Resources" of
//!   each type; the file is unchanged at @1d927085). Karpenter subtracts its 7.5 % VM memory
//!   overhead, after 64 MiB of CMA memory on Graviton (pkg/providers/instancetype/types.go).
//! - GKE: the reservation tiers of cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes,
//!   worked by hand below for a memory-optimised and a compute-optimised type.
//! - AKS: learn.microsoft.com/azure/aks/node-resource-reservations (≥ 1.29), worked by hand.

use podvisor::model::kubernetes::{Allocatable, KubernetesFlavour, Node, NodeSettings};

fn allocatable(flavour: KubernetesFlavour, id: &str, settings: &NodeSettings) -> Allocatable {
    let catalog = &podvisor::builtin::catalogs().hosts;
    let flavours = &podvisor::builtin::catalogs().flavours;
    let host = catalog.get(id).unwrap_or_else(|| panic!("{id} is not in the catalog"));
    assert!(flavour.runs_on(host), "{id}");
    flavours.get(flavour).allocatable(&Node::from(host), settings)
}

/// (CPU m, memory Mi, pods) from Karpenter's table, type by type.
const KARPENTER: [(&str, f64, f64, u32); 32] = [
    // Compute-optimised.
    ("aws/c6i.large", 1930.0, 3114.0, 29),
    ("aws/c6i.xlarge", 3920.0, 6584.0, 58),
    ("aws/c6i.2xlarge", 7910.0, 14162.0, 58),
    ("aws/c6i.4xlarge", 15890.0, 27381.0, 234),
    ("aws/c6i.8xlarge", 31850.0, 57691.0, 234),
    ("aws/c6i.16xlarge", 63770.0, 112_779.0, 737),
    ("aws/c6i.metal", 127_610.0, 234_021.0, 737),
    // Memory-optimised.
    ("aws/r6i.large", 1930.0, 14481.0, 29),
    ("aws/r6i.xlarge", 3920.0, 29317.0, 58),
    ("aws/r6i.2xlarge", 7910.0, 59627.0, 58),
    ("aws/r6i.4xlarge", 15890.0, 118_312.0, 234),
    ("aws/r6i.8xlarge", 31850.0, 239_554.0, 234),
    ("aws/r6i.16xlarge", 63770.0, 476_504.0, 737),
    ("aws/r6i.metal", 127_610.0, 961_470.0, 737),
    // Burstable, x86_64 and Graviton.
    ("aws/t3.small", 1930.0, 1418.0, 11),
    ("aws/t3.medium", 1930.0, 3246.0, 17),
    ("aws/t3.large", 1930.0, 6837.0, 35),
    ("aws/t3.xlarge", 3920.0, 14162.0, 58),
    ("aws/t3.2xlarge", 7910.0, 29317.0, 58),
    ("aws/t4g.small", 1930.0, 1359.0, 11),
    ("aws/t4g.medium", 1930.0, 3187.0, 17),
    ("aws/t4g.large", 1930.0, 6778.0, 35),
    ("aws/t4g.xlarge", 3920.0, 14103.0, 58),
    ("aws/t4g.2xlarge", 7910.0, 29258.0, 58),
    // General-purpose Graviton.
    ("aws/m7g.medium", 940.0, 3286.0, 8),
    ("aws/m7g.large", 1930.0, 6844.0, 29),
    ("aws/m7g.xlarge", 3920.0, 14103.0, 58),
    ("aws/m7g.2xlarge", 7910.0, 29258.0, 58),
    ("aws/m7g.4xlarge", 15890.0, 57632.0, 234),
    ("aws/m7g.8xlarge", 31850.0, 118_253.0, 234),
    ("aws/m7g.16xlarge", 63770.0, 233_962.0, 737),
    ("aws/m7g.metal", 63770.0, 233_962.0, 737),
];

#[test]
fn eks_reproduces_karpenters_table_for_the_compute_memory_burstable_and_arm_families() {
    let karpenter = NodeSettings { vm_memory_overhead: true, ..NodeSettings::default() };
    for (id, cpu, memory, pods) in KARPENTER {
        let a = allocatable(KubernetesFlavour::Eks, id, &karpenter);
        assert_eq!((a.cpu_millicores, a.memory_mib.round(), a.max_pods), (cpu, memory, pods), "{id}");
    }
}

#[test]
fn eks_worked_by_hand_on_a_burstable_and_a_graviton_type() {
    let karpenter = NodeSettings { vm_memory_overhead: true, ..NodeSettings::default() };
    // t3.medium: 3 ENIs × (6 − 1) + 2 = 17 pods; 11 × 17 + 255 = 442 MiB kube-reserved;
    // 4096 − ⌈4096 × 0.075⌉ = 3788; 3788 − 442 − 100 = 3246.
    let t3 = allocatable(KubernetesFlavour::Eks, "aws/t3.medium", &karpenter);
    assert_eq!((t3.max_pods, t3.kube_reserved_memory_mib, t3.memory_mib), (17, 442.0, 3246.0));
    // m7g.large: 8192 − 64 = 8128; 8128 − ⌈609.6⌉ = 7518; 7518 − (11 × 29 + 255) − 100 = 6844,
    // 59 MiB below m6i.large's 6903.
    let m7g = allocatable(KubernetesFlavour::Eks, "aws/m7g.large", &karpenter);
    assert_eq!((m7g.capacity_memory_mib, m7g.memory_mib), (7518.0, 6844.0));
    // Without Karpenter's overhead (Podvisor's default), arm64 and x86 of one shape match.
    let nominal = |id| allocatable(KubernetesFlavour::Eks, id, &NodeSettings::default()).memory_mib;
    assert_eq!(nominal("aws/m7g.large"), nominal("aws/m6i.large"));
}

#[test]
fn gke_on_a_memory_and_a_compute_optimised_type() {
    let settings = NodeSettings::default();
    // n2-highmem-4, 4 vCPUs / 32 GiB: 25 % of the first 4 GiB (1024), 20 % of the next 4
    // (819.2), 10 % of the next 8 (819.2) and 6 % of the last 16 (983.04) = 3645.44 MiB;
    // 32768 − 3645.44 − 100 = 29022.56.
    // CPU: 60 + 10 + 5 + 5 = 80 m of 4000.
    let highmem = allocatable(KubernetesFlavour::Gke, "gcp/n2-highmem-4", &settings);
    assert!((highmem.kube_reserved_memory_mib - 3645.44).abs() < 1e-9, "{}", highmem.kube_reserved_memory_mib);
    assert!((highmem.memory_mib - 29022.56).abs() < 1e-9, "{}", highmem.memory_mib);
    assert_eq!((highmem.cpu_millicores, highmem.max_pods), (3920.0, 110));
    // c2-standard-8, 8 vCPUs / 32 GiB: the same memory; CPU 80 + 4 × 2.5 = 90 m.
    let c2 = allocatable(KubernetesFlavour::Gke, "gcp/c2-standard-8", &settings);
    assert!((c2.memory_mib - 29022.56).abs() < 1e-9);
    assert_eq!(c2.cpu_millicores, 7910.0);
}

#[test]
fn aks_on_a_memory_optimised_a_burstable_and_an_arm_type() {
    let settings = NodeSettings::default();
    // E4s_v5, 4 vCPUs / 32 GiB, Azure CNI Overlay's 250 pods: min(20 × 250 + 50, 25 % × 32768)
    // = 5050 MiB; 32768 − 5050 − 100 = 27618. CPU: the table's 140 m at 4 cores.
    let e4 = allocatable(KubernetesFlavour::Aks, "azure/E4s_v5", &settings);
    assert_eq!((e4.kube_reserved_memory_mib, e4.memory_mib, e4.cpu_millicores), (5050.0, 27618.0, 3860.0));
    // B2s_v2 and D2ps_v5, 2 vCPUs / 8 GiB: the 25 % cap binds, 2048 MiB; 8192 − 2048 − 100 =
    // 6044; CPU 100 m at 2 cores.
    for id in ["azure/B2s_v2", "azure/D2ps_v5"] {
        let small = allocatable(KubernetesFlavour::Aks, id, &settings);
        assert_eq!((small.kube_reserved_memory_mib, small.memory_mib, small.cpu_millicores), (2048.0, 6044.0, 1900.0));
    }
}
