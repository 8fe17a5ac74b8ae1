//! `podvisor hosts [--format text|json]`: the cloud host catalog with what each Kubernetes
//! flavour leaves for pods on every type. The figures come from the model
//! ([`FlavourSpec::allocatable`](crate::model::kubernetes::FlavourSpec::allocatable)); this
//! module only lays them out. The JSON shape is a contract documented in the README.

use std::fmt::Write as _;

use serde::Serialize;

use crate::model::catalogs::Catalogs;
use crate::model::format::Number;
use crate::model::hosts::{HostType, NestedVirtualization};
use crate::model::kubernetes::{Allocatable, DaemonSets, Flavours, KubernetesFlavour, Node, NodeSettings};
use crate::model::purchase::{Offer, PurchaseCatalog, Term};
use crate::model::sandbox::Sandboxes;
use crate::narrative::feasibility::pod_size;

/// One catalog entry in `podvisor hosts --format json`, fields in contract order.
#[derive(Serialize)]
struct Entry<'a> {
    id: &'a str,
    provider: &'static str,
    /// `x86_64` or `arm64`: what the images must be built for.
    arch: &'static str,
    cores: u32,
    memory_gib: f64,
    /// Burstable types: the share of the vCPUs sustained without CPU credits; else null.
    baseline_cpu: Option<f64>,
    price_per_hour: f64,
    price_date: &'a str,
    region: &'a str,
    source: &'a str,
    kubernetes: PerFlavour,
    /// What each way of buying costs on this type (schema v3's `purchase`).
    purchase: PerTerm<'a>,
}

#[derive(Serialize)]
struct PerTerm<'a> {
    committed_1y: Option<Priced<'a>>,
    committed_3y: Option<Priced<'a>>,
    spot: Option<Priced<'a>>,
}

/// One way of buying a type: its discount, the hourly price it gives, and where it comes from.
#[derive(Serialize)]
struct Priced<'a> {
    discount: f64,
    price_per_hour: f64,
    plan: &'a str,
    date: &'a str,
}

impl<'a> PerTerm<'a> {
    fn new(purchases: &'a PurchaseCatalog, host: &HostType) -> Self {
        let priced = |term| {
            purchases.offer(host, term).map(|offer| Priced {
                discount: offer.discount,
                // Four decimals, as the providers list hourly prices.
                price_per_hour: (host.price_per_hour * (1.0 - offer.discount) * 1e4).round() / 1e4,
                plan: &offer.plan,
                date: &offer.date,
            })
        };
        Self {
            committed_1y: priced(Term::Committed1y),
            committed_3y: priced(Term::Committed3y),
            spot: priced(Term::Spot),
        }
    }
}

#[derive(Serialize)]
struct PerFlavour {
    eks: NodeFigures,
    gke: NodeFigures,
    aks: NodeFigures,
    self_managed: NodeFigures,
}

#[derive(Serialize)]
struct NodeFigures {
    allocatable_memory_mib: u64,
    allocatable_cpu_millicores: u64,
    max_pods: u32,
    /// What the flavour's own system DaemonSets request on a Linux node, out of the
    /// allocatable above (pods get the rest, less the team's own agents).
    daemonsets_memory_mib: u64,
    daemonsets_cpu_millicores: u64,
}

/// Each flavour's default allocatable on `host`.
fn allocatable(flavours: &Flavours, host: &HostType, flavour: KubernetesFlavour) -> Allocatable {
    flavours.get(flavour).allocatable(&Node::from(host), &NodeSettings::default())
}

impl NodeFigures {
    fn new(a: Allocatable, daemonsets: &DaemonSets) -> Self {
        Self {
            allocatable_memory_mib: whole(a.memory_mib),
            allocatable_cpu_millicores: whole(a.cpu_millicores),
            max_pods: a.max_pods,
            daemonsets_memory_mib: whole(daemonsets.memory_mib),
            daemonsets_cpu_millicores: whole(daemonsets.cpu_millicores),
        }
    }
}

/// Rounds a non-negative figure to a whole number.
#[expect(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "allocatable figures are ≥ 0 and far below 2^53"
)]
fn whole(value: f64) -> u64 {
    value.max(0.0).round() as u64
}

/// The catalog as JSON: an array of entries, in catalog order.
pub fn hosts_json(catalogs: &Catalogs) -> String {
    let (catalog, flavours, purchases) = (&catalogs.hosts, &catalogs.flavours, &catalogs.purchase);
    let entries: Vec<Entry<'_>> = catalog
        .types()
        .iter()
        .map(|host| {
            let figures = |flavour| {
                NodeFigures::new(allocatable(flavours, host, flavour), flavours.get(flavour).daemonsets(false))
            };
            Entry {
                id: &host.id,
                provider: host.provider.key(),
                arch: host.arch.key(),
                cores: host.cores,
                memory_gib: host.memory_gib,
                baseline_cpu: host.baseline_cpu,
                price_per_hour: host.price_per_hour,
                price_date: &host.price_date,
                region: &host.region,
                source: &host.source,
                kubernetes: PerFlavour {
                    eks: figures(KubernetesFlavour::Eks),
                    gke: figures(KubernetesFlavour::Gke),
                    aks: figures(KubernetesFlavour::Aks),
                    self_managed: figures(KubernetesFlavour::SelfManaged),
                },
                purchase: PerTerm::new(purchases, host),
            }
        })
        .collect();
    serde_json::to_string_pretty(&entries).unwrap_or_else(|error| unreachable!("plain structs serialise: {error}"))
}

/// Column heads of the flavours, in table order.
const FLAVOUR_COLUMNS: [(KubernetesFlavour, &str); 4] = [
    (KubernetesFlavour::Eks, "EKS"),
    (KubernetesFlavour::Gke, "GKE"),
    (KubernetesFlavour::Aks, "AKS"),
    (KubernetesFlavour::SelfManaged, "Self-managed"),
];

/// The catalog as an aligned table, then each family's sources.
pub fn hosts_text(catalogs: &Catalogs) -> String {
    let (catalog, flavours) = (&catalogs.hosts, &catalogs.flavours);
    let mut out = String::from(
        "Cloud hosts: Linux on-demand prices in USD. Per Kubernetes flavour, what a node leaves\n\
         for pods: allocatable memory (MiB) / CPU (millicores) / max pods (— where the managed\n\
         service is another provider's; the JSON form lists every flavour).\n\n",
    );
    let mut rows: Vec<Vec<String>> = vec![
        ["Host", "Arch", "vCPU", "Sustained", "GiB", "$/hour", "Prices of", "Region", "KVM"]
            .into_iter()
            .chain(FLAVOUR_COLUMNS.iter().map(|(_, head)| *head))
            .map(str::to_owned)
            .collect(),
    ];
    for host in catalog.types() {
        let mut row = vec![
            host.id.clone(),
            host.arch.key().to_owned(),
            host.cores.to_string(),
            sustained(host),
            Number(host.memory_gib).to_string(),
            host.price_per_hour.to_string(),
            host.price_date.clone(),
            host.region.clone(),
            kvm(host).to_owned(),
        ];
        row.extend(FLAVOUR_COLUMNS.iter().map(|(flavour, _)| {
            if !flavour.runs_on(host) {
                return "—".to_owned();
            }
            let a = allocatable(flavours, host, *flavour);
            format!("{} / {}m / {}", whole(a.memory_mib), whole(a.cpu_millicores), a.max_pods)
        }));
        rows.push(row);
    }
    out.push_str(&aligned(&rows));

    out.push_str("\nKVM: metal = bare metal; nested = nested virtualization documented; no = neither.\n");
    out.push_str(
        "Sustained: the vCPUs a burstable type runs at for as long as it runs (its CPU-credit baseline); above it\n\
         it spends banked credits, then is throttled or billed for surplus. Size steady load by it, not by vCPU.\n",
    );
    out.push_str("\nSources\n");
    let mut families: Vec<&HostType> = Vec::new();
    for host in catalog.types() {
        if !families.iter().any(|seen| seen.family == host.family) {
            families.push(host);
        }
    }
    for host in families {
        let _ = writeln!(
            out,
            "  {} {} ({}, prices of {}, {}): {}\n    Nested virtualization: {}",
            host.provider.key(),
            host.family,
            host.arch.key(),
            host.price_date,
            host.grade.label(),
            host.source,
            host.nested_virtualization_source
        );
        if let Some(credits) = &host.cpu_credits {
            let _ = writeln!(out, "    CPU credits ({}): {}", credits.grade.label(), credits.source);
        }
    }
    purchase_sources(&mut out, &catalogs.purchase);
    sandbox_sources(&mut out, &catalogs.sandboxes);
    for spec in flavours.specs() {
        let fee = &spec.control_plane;
        let _ = writeln!(
            out,
            "  {}: memory: {} CPU: {} Control plane: ${:.2}/hour per cluster, {}: {}",
            FLAVOUR_COLUMNS.iter().find(|(flavour, _)| *flavour == spec.flavour).map_or("", |(_, head)| head),
            spec.memory.source,
            spec.cpu.source,
            fee.per_cluster_hour,
            fee.tier,
            fee.source
        );
        let daemonsets = &spec.daemonsets;
        let (low, high) = daemonsets.cpu_range_millicores;
        let _ = writeln!(
            out,
            "    DaemonSets a node ({}): {}m CPU ({}–{}m), {} MiB: {}",
            daemonsets.pods.join(", "),
            Number(daemonsets.cpu_millicores),
            Number(low),
            Number(high),
            Number(daemonsets.memory_mib),
            daemonsets.source
        );
        let pool = &spec.system_pool;
        let _ = writeln!(
            out,
            "    System pool: {} Linux node{} of at least {} vCPUs / {} GB, {}: {}",
            pool.nodes,
            if pool.nodes == 1 { "" } else { "s" },
            pool.min_cores,
            Number(pool.min_memory_gib),
            if pool.always { "on every cluster" } else { "where all workers are Windows" },
            pool.source
        );
    }
    out
}

/// One purchase term as the listing and the README's table write it: provider (and family),
/// purchase, discount, range, plan, the month it was read, grade.
pub fn purchase_cells(offer: &Offer) -> [String; 7] {
    let family = offer.family.as_deref().map(|family| format!(" {family}")).unwrap_or_default();
    [
        format!("{}{family}", offer.provider.key()),
        offer.purchase.key().to_owned(),
        format!("−{} %", Number(offer.discount * 100.0)),
        format!("{}–{} %", Number(offer.min * 100.0), Number(offer.max * 100.0)),
        offer.plan.clone(),
        offer.date.clone(),
        offer.grade.label().to_owned(),
    ]
}

/// The ways of buying each provider sells (`environment.purchase`), with their discounts,
/// ranges, dates and sources, and why no managed control plane is discounted.
fn purchase_sources(out: &mut String, purchases: &PurchaseCatalog) {
    out.push_str(
        "\nPurchase options (environment.purchase; committed_steady commits the steady load for 1 year and buys the peak on demand; own hardware: no discount)\n",
    );
    for offer in &purchases.terms {
        let [provider, purchase, discount, range, plan, date, grade] = purchase_cells(offer);
        let _ = writeln!(
            out,
            "  {provider} {purchase}: {discount} ({range}), {plan}, read {date} ({grade}): {}",
            offer.source
        );
    }
    let _ = writeln!(out, "  Control plane: {}", purchases.control_plane);
}

/// The managed sandboxes a microVM per pod becomes on a cloud, with their rule, prices and
/// overheads and their sources.
fn sandbox_sources(out: &mut String, sandboxes: &Sandboxes) {
    let f = &sandboxes.fargate;
    let (smallest, largest) = (f.size(0.0, 0.0), f.largest());
    out.push_str("\nManaged sandboxes (the cloud forms of microvm; a metal type chosen stays as it is)\n");
    let prices: Vec<String> = f
        .prices
        .iter()
        .map(|price| {
            format!("{} ${}/vCPU-hour, ${}/GB-hour", price.platform.label(), price.per_vcpu_hour, price.per_gb_hour)
        })
        .collect();
    let _ = writeln!(
        out,
        "  AWS Fargate (on EKS, or an AWS family without a metal type): pods from {} to {}, each +{} MiB; {} ({}, {}, {}): {} {} {} {}",
        smallest.map(pod_size).unwrap_or_default(),
        pod_size(largest),
        Number(f.pod_overhead_mib),
        prices.join("; "),
        f.region,
        f.date,
        f.price_grade.label(),
        f.sizing_source,
        f.price_source,
        f.start_source,
        f.limits_source
    );
    for (name, spec) in [
        ("GKE Sandbox (on GKE)", &sandboxes.gke_sandbox),
        ("AKS Pod Sandboxing (on AKS, nested virtualization)", &sandboxes.pod_sandboxing),
    ] {
        let _ = writeln!(
            out,
            "  {name}: the chosen nodes ({}), {} MiB a pod ({}): {} {}",
            spec.grade.label(),
            Number(spec.pod_overhead_mib),
            spec.pod_overhead_grade.label(),
            spec.source,
            spec.pod_overhead_source
        );
    }
}

/// The vCPUs a type sustains: "2" on a type without CPU credits, "0.6 (30 %)" on a t3.large.
fn sustained(host: &HostType) -> String {
    match host.baseline_cpu {
        Some(share) => format!("{} ({} %)", Number(host.sustained_cores()), Number(share * 100.0)),
        None => host.cores.to_string(),
    }
}

/// Whether a type can run KVM guests, in one word.
fn kvm(host: &HostType) -> &'static str {
    match (host.bare_metal, host.nested_virtualization) {
        (true, _) => "metal",
        (false, NestedVirtualization::Supported { .. }) => "nested",
        (false, NestedVirtualization::Unsupported | NestedVirtualization::NotStated) => "no",
    }
}

/// Rows as columns two spaces apart: the first left-aligned, the rest right-aligned.
fn aligned(rows: &[Vec<String>]) -> String {
    let columns = rows.iter().map(Vec::len).max().unwrap_or(0);
    let widths: Vec<usize> = (0..columns)
        .map(|c| rows.iter().filter_map(|row| row.get(c)).map(|cell| cell.chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (c, cell) in row.iter().enumerate() {
            let width = widths[c];
            if c == 0 {
                let _ = write!(line, "{cell:<width$}");
            } else {
                let _ = write!(line, "  {cell:>width$}");
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use super::*;

    fn builtins() -> &'static Catalogs {
        crate::builtin::catalogs()
    }

    #[test]
    fn json_has_exactly_the_contract_keys_for_every_host() {
        let (catalog, catalogs) = (&builtins().hosts, builtins());
        let json: Value = serde_json::from_str(&hosts_json(catalogs)).unwrap_or_else(|e| panic!("{e}"));
        let entries = json.as_array().unwrap_or_else(|| panic!("not an array"));
        assert_eq!(entries.len(), catalog.types().len());
        let keys = |value: &Value| -> Vec<String> {
            let mut keys: Vec<String> = value.as_object().map(|o| o.keys().cloned().collect()).unwrap_or_default();
            keys.sort();
            keys
        };
        for entry in entries {
            assert_eq!(
                keys(entry),
                [
                    "arch",
                    "baseline_cpu",
                    "cores",
                    "id",
                    "kubernetes",
                    "memory_gib",
                    "price_date",
                    "price_per_hour",
                    "provider",
                    "purchase",
                    "region",
                    "source"
                ]
            );
            assert_eq!(keys(&entry["purchase"]), ["committed_1y", "committed_3y", "spot"]);
            for term in ["committed_1y", "committed_3y", "spot"] {
                assert_eq!(keys(&entry["purchase"][term]), ["date", "discount", "plan", "price_per_hour"]);
            }
            assert_eq!(keys(&entry["kubernetes"]), ["aks", "eks", "gke", "self_managed"]);
            for flavour in ["aks", "eks", "gke", "self_managed"] {
                assert_eq!(
                    keys(&entry["kubernetes"][flavour]),
                    [
                        "allocatable_cpu_millicores",
                        "allocatable_memory_mib",
                        "daemonsets_cpu_millicores",
                        "daemonsets_memory_mib",
                        "max_pods"
                    ]
                );
            }
        }
        let large = &entries[0];
        assert_eq!(large["id"], "aws/m6i.large");
        assert_eq!(large["provider"], "aws");
        assert_eq!(large["price_per_hour"], 0.096);
        assert_eq!(large["price_date"], "2026-07");
        assert_eq!((large["arch"].as_str(), large["baseline_cpu"].is_null()), (Some("x86_64"), true));
        let t3 = entries.iter().find(|e| e["id"] == "aws/t3.large").unwrap_or_else(|| panic!("t3 listed"));
        assert_eq!(t3["baseline_cpu"], 0.3);
        let graviton = entries.iter().find(|e| e["id"] == "aws/m7g.xlarge").unwrap_or_else(|| panic!("m7g listed"));
        assert_eq!(graviton["arch"], "arm64");
        let eks = &large["kubernetes"]["eks"];
        assert_eq!(
            (eks["allocatable_memory_mib"].as_u64(), eks["allocatable_cpu_millicores"].as_u64()),
            (Some(7518), Some(1930))
        );
        assert_eq!(eks["max_pods"], 29);
        // 30 % off 0.096 USD an hour: a 1-year Compute Savings Plan.
        assert_eq!(large["purchase"]["committed_1y"]["price_per_hour"], 0.0672);
        let n2 = entries.iter().find(|e| e["id"] == "gcp/n2-standard-8").unwrap_or_else(|| panic!("n2 listed"));
        assert_eq!(
            (n2["purchase"]["committed_1y"]["discount"].as_f64(), n2["purchase"]["committed_3y"]["discount"].as_f64()),
            (Some(0.37), Some(0.55))
        );
    }

    #[test]
    fn json_keeps_the_contract_order() {
        let json = hosts_json(builtins());
        let positions: Vec<usize> = [
            "\"id\"",
            "\"provider\"",
            "\"arch\"",
            "\"cores\"",
            "\"memory_gib\"",
            "\"baseline_cpu\"",
            "\"price_per_hour\"",
            "\"price_date\"",
            "\"region\"",
            "\"source\"",
            "\"kubernetes\"",
            "\"eks\"",
            "\"gke\"",
            "\"aks\"",
            "\"self_managed\"",
            "\"purchase\"",
            "\"committed_1y\"",
            "\"committed_3y\"",
            "\"spot\"",
        ]
        .iter()
        .map(|key| json.find(key).unwrap_or(usize::MAX))
        .collect();
        assert!(positions.windows(2).all(|pair| pair[0] < pair[1]), "{positions:?}");
    }

    #[test]
    fn text_lists_every_host_aligned_with_its_figures_and_sources() {
        let (catalog, text) = (&builtins().hosts, hosts_text(builtins()));
        for host in catalog.types() {
            assert_eq!(
                text.lines().filter(|line| line.starts_with(&format!("{} ", host.id))).count(),
                1,
                "{}",
                host.id
            );
        }
        let table: Vec<&str> =
            text.lines().skip_while(|line| !line.starts_with("Host")).take_while(|line| !line.is_empty()).collect();
        assert_eq!(table.len(), catalog.types().len() + 1);
        let width = table[0].chars().count();
        assert!(table.iter().all(|line| line.chars().count() == width), "ragged table:\n{}", table.join("\n"));
        let large = table.iter().find(|line| line.starts_with("aws/m6i.large ")).copied().unwrap_or_default();
        assert!(large.contains("7518 / 1930m / 29"), "{large}");
        assert!(large.contains("2026-07") && large.contains("us-east-1"), "{large}");
        let metal = table.iter().find(|line| line.starts_with("aws/m6i.metal ")).copied().unwrap_or_default();
        assert!(metal.contains("metal"), "{metal}");
        let d2 = table.iter().find(|line| line.starts_with("azure/D2s_v5 ")).copied().unwrap_or_default();
        assert_eq!(d2.matches('—').count(), 2, "EKS and GKE do not run on Azure: {d2}");
        assert!(text.contains("kubernetes/autoscaler@0411d1c8"), "GCP source missing");
        let t3 = table.iter().find(|line| line.starts_with("aws/t3.large ")).copied().unwrap_or_default();
        assert!(t3.contains("x86_64") && t3.contains("0.6 (30 %)"), "{t3}");
        let graviton = table.iter().find(|line| line.starts_with("aws/m7g.metal ")).copied().unwrap_or_default();
        assert!(graviton.contains("arm64") && graviton.contains("metal"), "{graviton}");
        assert!(text.contains("  aws t3 (x86_64, prices of 2026-07, documented): "), "family line");
        assert!(text.contains("    CPU credits (secondary source): Amazon EC2 User Guide, Burstable"), "credits");
        assert!(text.contains("$0.10/hour per cluster"), "fees missing");
        assert!(text.contains("  gcp committed_1y: −37 % (28–37 %), GCP resource-based committed use discount, 1 year, read 2026-12 (documented): "), "purchase options missing");
        assert!(text.contains("  Control plane: No provider discounts a managed control plane"), "{text}");
        assert!(
            text.contains("  AWS Fargate (on EKS, or an AWS family without a metal type): pods from 0.25 vCPU / 0.5 GB to 16 vCPU / 120 GB, each +256 MiB; Linux/x86 $0.04048/vCPU-hour, $0.004445/GB-hour"),
            "{text}"
        );
        assert!(
            text.contains("  AKS Pod Sandboxing (on AKS, nested virtualization): the chosen nodes (documented), 600 MiB a pod (documented)"),
            "{text}"
        );
    }
}
