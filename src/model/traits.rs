//! Workload traits and environment settings: the sliders of the app and the fields of a
//! profile. Each one is declared exactly once, in the table below; the profile structs,
//! their defaults, the slider metadata, the README table and the generic get/set by id are
//! all generated from it, so nothing about a trait is written twice. The fields that are not
//! numbers (a choice of words, text, flags, a price, the nested sections) are rows of
//! [`FIELDS`](crate::model::profile::fields::FIELDS); [`Section::fields`] walks both in file
//! order.

use serde::{Deserialize, Serialize};

/// How a trait's value is stored and edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TraitKind {
    /// Whole numbers (counts and 0–10 ratings).
    Integer,
    /// Real numbers.
    Real,
    /// On/off.
    Flag,
}

/// Where a trait sits in the window's slider panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TraitGroup {
    /// Size and shape of the workload.
    Shape,
    /// Security, isolation and platform constraints.
    Risk,
    /// How the software is built, shipped and run.
    Delivery,
    /// The hosts the workload runs on.
    Environment,
}

impl TraitGroup {
    /// All groups, in panel order.
    pub const ALL: [Self; 4] = [Self::Shape, Self::Risk, Self::Delivery, Self::Environment];

    /// Heading shown above the group.
    pub fn label(self) -> &'static str {
        match self {
            Self::Shape => "Workload shape",
            Self::Risk => "Risk & isolation",
            Self::Delivery => "Delivery & operations",
            Self::Environment => "Environment",
        }
    }
}

/// A section of trait fields in a profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Section {
    Workload,
    Environment,
    /// Who would run the platform, inside `environment` (schema v3).
    Team,
    /// The team's own agents on every Kubernetes node, inside `environment` (schema v3).
    NodeAgents,
}

impl Section {
    pub const ALL: [Self; 4] = [Self::Workload, Self::Environment, Self::Team, Self::NodeAgents];

    /// The section's field name in a profile file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Workload => "workload",
            Self::Environment => "environment",
            Self::Team => "team",
            Self::NodeAgents => "node_agents",
        }
    }

    /// The section a nested section sits in, in a profile file (`team` and `node_agents` are
    /// inside `environment`).
    pub fn parent(self) -> Option<Self> {
        matches!(self, Self::Team | Self::NodeAgents).then_some(Self::Environment)
    }

    /// The traits it holds, in file order (derived from [`TRAITS`]).
    pub fn traits(self) -> &'static [TraitId] {
        static ORDER: std::sync::OnceLock<[Vec<TraitId>; 4]> = std::sync::OnceLock::new();
        let order = ORDER.get_or_init(|| {
            Self::ALL.map(|section| {
                let mut ids: Vec<&TraitMeta> = TRAITS.iter().filter(|meta| meta.section == section).collect();
                ids.sort_by_key(|meta| meta.file_position);
                ids.into_iter().map(|meta| meta.id).collect()
            })
        });
        &order[self as usize]
    }
}

/// Where the sections of trait fields sit in what holds them (a profile), so that the
/// accessors generated from the table reach them without this module knowing the profile.
pub trait Sections {
    fn section_workload(&self) -> &Workload;
    fn section_workload_mut(&mut self) -> &mut Workload;
    fn section_environment(&self) -> &Environment;
    fn section_environment_mut(&mut self) -> &mut Environment;
    /// The team: the defaults while it is unstated.
    fn section_team(&self) -> &Team;
    /// The team, to change it: setting any of its fields states it.
    fn section_team_mut(&mut self) -> &mut Team;
    /// The node agents: the defaults while they are unstated.
    fn section_node_agents(&self) -> &NodeAgents;
    /// The node agents, to change them: setting any of their fields states them.
    fn section_node_agents_mut(&mut self) -> &mut NodeAgents;
}

/// Everything the UI, the loader and the report need to know about one trait.
#[derive(Clone, Copy, Debug)]
pub struct TraitMeta {
    pub id: TraitId,
    /// Field name in the profile file and key in JSON (`snake_case`, stable).
    pub key: &'static str,
    pub label: &'static str,
    /// Unit shown after the value ("" for 0–10 ratings and counts).
    pub unit: &'static str,
    pub kind: TraitKind,
    pub min: f64,
    pub max: f64,
    pub default: f64,
    /// Ranges spanning orders of magnitude get a logarithmic slider.
    pub logarithmic: bool,
    pub group: TraitGroup,
    /// The profile-file section holding the field.
    pub section: Section,
    /// Where the field stands within its section of a profile file, from 0. Files group
    /// fields differently from the slider panel, so each row carries its place in both.
    pub file_position: u8,
    /// One line of help: what 0 and 10 mean, or what the number counts.
    pub help: &'static str,
}

impl TraitMeta {
    /// Whether the value is a 0–10 rating (read by the rules as a fraction of 10).
    pub fn is_rating(&self) -> bool {
        self.kind == TraitKind::Integer && self.min == 0.0 && self.max == 10.0
    }

    /// The value clamped into range and rounded for integer traits.
    pub fn clamp(&self, value: f64) -> f64 {
        let v = value.clamp(self.min, self.max);
        match self.kind {
            TraitKind::Integer => v.round(),
            TraitKind::Flag => {
                if v >= 0.5 {
                    1.0
                } else {
                    0.0
                }
            }
            TraitKind::Real => v,
        }
    }

    /// The value formatted with its unit, for labels and reports.
    pub fn format(&self, value: f64) -> String {
        self.display(value).to_string()
    }

    /// As [`Self::format`], money written in `currency` ("201200 USD/month"): the monthly
    /// costs (a host's, an engineer's) are the traits whose unit is "/month".
    pub fn format_in(&self, value: f64, currency: &str) -> String {
        if self.unit == "/month" {
            format!("{} {currency}{}", crate::model::format::Number(value), self.unit)
        } else {
            self.format(value)
        }
    }

    /// The value with its unit, written without an intermediate string.
    pub fn display(&self, value: f64) -> impl std::fmt::Display + '_ {
        DisplayValue { meta: self, value }
    }
}

struct DisplayValue<'a> {
    meta: &'a TraitMeta,
    value: f64,
}

impl std::fmt::Display for DisplayValue<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Self { meta, value } = self;
        let number = crate::model::format::Number(*value);
        if meta.kind == TraitKind::Flag {
            f.write_str(if *value >= 0.5 { "yes" } else { "no" })
        } else if meta.is_rating() {
            write!(f, "{number}/10")
        } else if meta.unit.is_empty() {
            write!(f, "{number}")
        } else if meta.unit.starts_with(['/', '×']) {
            write!(f, "{number}{}", meta.unit)
        } else if (value - 1.0).abs() < 1e-9 && meta.unit.ends_with('s') && meta.unit.chars().all(char::is_alphabetic) {
            // "1 core", "1 day"
            write!(f, "{number} {}", &meta.unit[..meta.unit.len() - 1])
        } else {
            write!(f, "{number} {}", meta.unit)
        }
    }
}

/// A value stored in a profile field that the generic trait accessors can read and write.
trait TraitValue {
    fn to_f64(&self) -> f64;
    fn from_f64(value: f64) -> Self;
}

impl TraitValue for i64 {
    fn to_f64(&self) -> f64 {
        *self as f64
    }

    #[expect(clippy::cast_possible_truncation, reason = "callers clamp to the trait's range first")]
    fn from_f64(value: f64) -> Self {
        value.round() as i64
    }
}

impl TraitValue for f64 {
    fn to_f64(&self) -> f64 {
        *self
    }

    fn from_f64(value: f64) -> Self {
        value
    }
}

impl TraitValue for bool {
    fn to_f64(&self) -> f64 {
        if *self { 1.0 } else { 0.0 }
    }

    fn from_f64(value: f64) -> Self {
        value >= 0.5
    }
}

macro_rules! define_traits {
    (
        $(
            $section:ident ($get:ident, $get_mut:ident) : $Struct:ident {
                $(
                    $Variant:ident $field:ident : $ty:ty = $default:expr,
                    $kind:ident [$min:expr, $max:expr] $scale:ident $group:ident file $position:literal,
                    $label:literal, $unit:literal,
                    $help:literal;
                )*
                $( + $xfield:ident : $xty:ty = $xdefault:expr, $xdoc:literal; )*
            }
        )*
    ) => {
        /// Identifies one workload trait or environment setting.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum TraitId { $( $( $Variant, )* )* }

        /// Every trait, in slider-panel order (files list them as `profile::schema` says).
        pub const TRAITS: &[TraitMeta] = &[
            $( $(
                TraitMeta {
                    id: TraitId::$Variant,
                    key: stringify!($field),
                    label: $label,
                    unit: $unit,
                    kind: TraitKind::$kind,
                    min: $min,
                    max: $max,
                    default: define_traits!(@default $kind $default),
                    logarithmic: define_traits!(@log $scale),
                    group: TraitGroup::$group,
                    section: Section::$Struct,
                    file_position: $position,
                    help: $help,
                },
            )* )*
        ];

        $(
            #[doc = concat!("The `", stringify!($section), "` section of a profile.")]
            #[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
            #[serde(default, deny_unknown_fields)]
            pub struct $Struct {
                $( #[doc = $help] pub $field: $ty, )*
                $( #[doc = $xdoc] pub $xfield: $xty, )*
            }

            impl Default for $Struct {
                fn default() -> Self {
                    Self { $( $field: $default, )* $( $xfield: $xdefault, )* }
                }
            }
        )*

        impl TraitId {
            /// This trait's metadata.
            pub fn meta(self) -> &'static TraitMeta {
                &TRAITS[self as usize]
            }
        }

        impl TraitId {
            /// Reads this trait from the sections holding it, as a number (flags read as 0 or 1).
            pub(super) fn get(self, sections: &impl Sections) -> f64 {
                match self { $( $( TraitId::$Variant => sections.$get().$field.to_f64(), )* )* }
            }

            /// Writes this trait from a number, clamped to its range.
            pub(super) fn set(self, sections: &mut impl Sections, value: f64) {
                let value = self.meta().clamp(value);
                // egui's slider writes back the value it shows on every frame: leaving an
                // unchanged value alone keeps drawing from stating an optional section (the team).
                if self.get(sections).to_bits() == value.to_bits() {
                    return;
                }
                match self { $( $( TraitId::$Variant => sections.$get_mut().$field = TraitValue::from_f64(value), )* )* }
            }

            /// Copies this trait's stored value from other sections, exactly (no clamping).
            pub(super) fn copy(self, to: &mut impl Sections, from: &impl Sections) {
                match self { $( $( TraitId::$Variant => to.$get_mut().$field = from.$get().$field, )* )* }
            }
        }
    };
    (@default Flag $default:expr) => { if $default { 1.0 } else { 0.0 } };
    (@default $kind:ident $default:expr) => { $default as f64 };
    (@log Log) => { true };
    (@log Linear) => { false };
}

define_traits! {
    workload (section_workload, section_workload_mut): Workload {
        Services services: i64 = 10,
            Integer [1.0, 500.0] Log Shape file 0, "Services", "",
            "Distinct services or components; 1 means a monolith.";
        Replicas replicas: i64 = 2,
            Integer [1.0, 100.0] Log Shape file 1, "Replicas", "",
            "Instances of each service running at steady state.";
        PeakFactor peak_factor: f64 = 2.0,
            Real [1.0, 20.0] Log Shape file 2, "Peak factor", "×",
            "Peak load divided by steady load; 1 means flat load.";
        MemoryPerInstanceMib memory_per_instance_mib: f64 = 512.0,
            Real [16.0, 1_048_576.0] Log Shape file 3, "Memory per instance", "MiB",
            "Memory one instance of a service uses for its own code and data.";
        CpuPerInstance cpu_per_instance: f64 = 0.5,
            Real [0.05, 64.0] Log Shape file 4, "CPU per instance", "cores",
            "Cores one instance uses at steady state.";
        AppImageMib app_image_mib: f64 = 150.0,
            Real [1.0, 20000.0] Log Shape file 5, "App image size", "MiB",
            "Application code and its own dependencies, per service, on disk.";
        DataIntensity data_intensity: i64 = 3,
            Integer [0.0, 10.0] Linear Shape file 16, "Data intensity", "",
            "0 stateless … 10 huge local data sets and long-lived state (storage I/O bound).";
        Chattiness chattiness: i64 = 4,
            Integer [0.0, 10.0] Linear Shape file 17, "Chattiness", "",
            "0 services rarely talk … 10 every request crosses many services.";
        LifespanDays lifespan_days: f64 = 30.0,
            Real [0.001, 3650.0] Log Shape file 10, "Instance lifespan", "days",
            "How long a typical instance lives before it is replaced.";
        IsolationNeed isolation_need: i64 = 3,
            Integer [0.0, 10.0] Linear Risk file 6, "Isolation need", "",
            "How much a breach between neighbours would matter: 0 one trusted team … 10 tenants who must never reach each other.";
        UntrustedCode untrusted_code: i64 = 0,
            Integer [0.0, 10.0] Linear Risk file 19, "Untrusted code", "",
            "Who writes the code that runs: 0 only our own reviewed code … 10 arbitrary code from customers or tenants.";
        OsDiversity os_diversity: i64 = 0,
            Integer [0.0, 10.0] Linear Risk file 7, "OS diversity", "",
            "0 everything runs on one Linux kernel … 10 many operating systems and kernels.";
        ImageTrust image_trust: i64 = 5,
            Integer [0.0, 10.0] Linear Risk file 14, "Image trust", "",
            "0 random public images … 10 own images, signed and scanned.";
        ComplianceStrictness compliance_strictness: i64 = 3,
            Integer [0.0, 10.0] Linear Risk file 15, "Compliance strictness", "",
            "0 no audits … 10 strict audits of patch levels and network segmentation.";
        NestedVirtualization nested_virtualization: bool = false,
            Flag [0.0, 1.0] Linear Risk file 18, "Needs nested virtualization", "",
            "The workload itself must run VMs (e.g. it is a CI farm or an emulator).";
        DeploysPerWeek deploys_per_week: f64 = 5.0,
            Real [0.0, 1000.0] Log Delivery file 8, "Deploys per week", "/week",
            "Releases to production per week, over all services.";
        StartLatencySensitivity start_latency_sensitivity: i64 = 3,
            Integer [0.0, 10.0] Linear Delivery file 9, "Start-latency sensitivity", "",
            "0 start time irrelevant … 10 instances must start instantly (serverless, scale-from-zero).";
        LegacyCoupling legacy_coupling: i64 = 3,
            Integer [0.0, 10.0] Linear Delivery file 11, "Legacy coupling", "",
            "0 greenfield … 10 tightly coupled legacy monolith that cannot be split.";
        TeamContainerMaturity team_container_maturity: i64 = 5,
            Integer [0.0, 10.0] Linear Delivery file 12, "Team container maturity", "",
            "0 never ran containers … 10 runs container platforms and CI/CD daily.";
        FailureTolerance failure_tolerance: i64 = 5,
            Integer [0.0, 10.0] Linear Delivery file 13, "Failure tolerance", "",
            "0 an instance must never die … 10 built for instances dying at any time.";
        + primary_os: PrimaryOs = PrimaryOs::Linux, "The kernel most services need: `linux` or `windows`.";
        + arm64_ready: bool = false, "Whether its images run on arm64 hosts (schema v3): a multi-arch or arm64 build of every image. False keeps the meaning of older files: an Arm64 host (Graviton, Ampere, Cobalt) cannot run it. Written only when true.";
        + privileged: bool = false, "Whether it runs privileged containers (schema v3; `securityContext.privileged`, Compose's `privileged`): AWS Fargate runs none. False keeps the meaning of older files. Written only when true.";
        + packet_data_plane: bool = false, "Whether it is a packet data plane (schema v3): a fast path forwarding traffic at line rate on pinned cores, huge pages and SR-IOV (a 5G user plane, a virtual router), which loses throughput behind every hypervisor in its path. False keeps the meaning of older files. Written only when true.";
    }
    environment (section_environment, section_environment_mut): Environment {
        ServicesPerVm services_per_vm: i64 = 1,
            Integer [1.0, 500.0] Log Environment file 0, "Services per VM", "",
            "How many services share one VM in the VM option; 1 means one VM per service.";
        HostCores host_cores: i64 = 64,
            Integer [1.0, 1024.0] Log Environment file 1, "Host cores", "cores",
            "Physical cores per host.";
        HostMemoryGib host_memory_gib: f64 = 256.0,
            Real [1.0, 24576.0] Log Environment file 2, "Host memory", "GiB",
            "Memory per host.";
        CpuOvercommit cpu_overcommit: f64 = 1.0,
            Real [1.0, 16.0] Log Environment file 3, "CPU overcommit", "×",
            "Virtual cores sold per physical core (Nova, the compute service of most private clouds, starts at 16).";
        HostCostPerMonth host_cost_per_month: f64 = 1200.0,
            Real [0.0, 1_000_000.0] Log Environment file 4, "Host cost", "/month",
            "Monthly cost of one host, in the profile's currency.";
        Zones zones: i64 = 1,
            Integer [1.0, 6.0] Linear Environment file 5, "Zones", "",
            "Failure domains (availability zones): a service's instances spread across them, and a platform keeps a host in each zone its instances fill (two VMs in three zones are two VMs).";
        RunsHoursPerDay runs_hours_per_day: f64 = 24.0,
            Real [0.5, 24.0] Linear Environment file 6, "Hours running a day", "h",
            "Hours a day the workload runs (2 for a nightly batch); on cloud hosts what scales to zero pays for these only.";
        PeakHoursPerDay peak_hours_per_day: f64 = 24.0,
            Real [0.0, 24.0] Linear Environment file 7, "Peak hours a day", "h",
            "Hours a day at peak load (at most the hours running); the rest of the running hours are at steady load.";
        + currency: String = "USD".to_owned(), "Currency of `host_cost_per_month` (a label only; no conversion).";
        + vm_patching: VmPatching = VmPatching::InPlace, "How VMs are patched: `in_place` or `golden_images` (replaced from rebuilt images).";
        + host: String = super::hosts::CUSTOM.to_owned(), "`custom` (the host fields above apply) or a catalog id such as `aws/m6i.4xlarge`.";
        + host_price_per_hour: Option<f64> = None, "The chosen catalog type's hourly price in USD, replacing the catalog's (a discount, a committed-use rate, a newer price list); the other types of its family are priced in the same proportion. Ignored on `custom` hosts.";
        + kubernetes: super::kubernetes::KubernetesFlavour = super::kubernetes::KubernetesFlavour::SelfManaged, "Who runs the Kubernetes cluster: node reservations, pod limits and the control-plane fee.";
        + purchase: super::purchase::Purchase = super::purchase::Purchase::OnDemand, "How cloud compute is bought (schema v3): `on_demand`, `committed_1y`, `committed_3y`, `spot` or `committed_steady` (the steady load committed for a year, the peak hours on demand). Written only when not on demand; ignored on `custom` hosts.";
        + team: Option<Team> = None, "Who would run the platform, and what an engineer costs (schema v3); people are priced only where a profile states its team, so older files keep their meaning.";
        + node_agents: Option<NodeAgents> = None, "The team's own agents on every Kubernetes node (schema v3): logging, monitoring, security DaemonSets, beside the flavour's own; none where a profile states none, so older files keep their meaning.";
    }
    team (section_team, section_team_mut): Team {
        Engineers engineers: f64 = 5.0,
            Real [0.5, 200.0] Log Environment file 0, "Engineers", "",
            "Engineers available to run the platform; options needing more are flagged. Setting it states the team, and people are then priced. Default 5: under five Kubernetes experts, guides recommend a managed cluster (SFEIR Institute); a self-run cluster takes about 3 (Gcore TCO comparison).";
        EngineerCostPerMonth engineer_cost_per_month: f64 = 8930.0,
            Real [100.0, 100_000.0] Log Environment file 1, "Engineer cost", "/month",
            "What one engineer costs a month, in the profile's currency; each option's operating effort is priced at it. Setting it states the team. Default: Gcore's TCO comparison, 107,167 USD a year.";
    }
    node_agents (section_node_agents, section_node_agents_mut): NodeAgents {
        NodeAgentCpu cpu: f64 = 0.2,
            Real [0.0, 2.0] Linear Environment file 0, "Agents per node: CPU", "cores",
            "CPU the team's own DaemonSets request on every Kubernetes node (logging, monitoring, security agents), beside the flavour's own. Setting it states the agents. Default 0.2: a log shipper (Fluent Bit ~0.1) and a metrics or security agent (~0.1); 0–1 covers one light agent to a full observability and runtime-security stack; up to 2 for heavier ones (Podvisor's estimate).";
        NodeAgentMemoryMib memory_mib: f64 = 256.0,
            Real [0.0, 4096.0] Linear Environment file 1, "Agents per node: memory", "MiB",
            "Memory the team's own DaemonSets request on every Kubernetes node. Setting it states the agents. Default 256 MiB (Podvisor's estimate for a log shipper and one agent; 64–2048 MiB covers one light agent to a full stack).";
    }
}

/// The kernel most of a workload's services need. Windows changes what "one kernel type"
/// means, the image and memory figures of containers, and rules out Linux-only sandboxes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PrimaryOs {
    #[default]
    Linux,
    Windows,
}

impl PrimaryOs {
    /// Every kernel, the default first.
    pub const ALL: [Self; 2] = [Self::Linux, Self::Windows];

    /// Its word in a profile file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Linux => "linux",
            Self::Windows => "windows",
        }
    }
}

/// How the VM option's guests are kept patched: in place, as pets, or by replacing them from
/// golden images rebuilt on a cadence (EC2 Image Builder, Azure VM Image Builder).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VmPatching {
    #[default]
    InPlace,
    GoldenImages,
}

impl VmPatching {
    /// Every way, the default first.
    pub const ALL: [Self; 2] = [Self::InPlace, Self::GoldenImages];

    /// Its word in a profile file.
    pub fn key(self) -> &'static str {
        match self {
            Self::InPlace => "in_place",
            Self::GoldenImages => "golden_images",
        }
    }
}

/// Reads a 0–10 rating as a fraction of its scale.
pub fn fraction(profile: &impl Sections, id: TraitId) -> f64 {
    let meta = id.meta();
    (id.get(profile) - meta.min) / (meta.max - meta.min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Profile;

    #[test]
    fn monthly_costs_are_written_in_their_currency_and_other_values_as_they_were() {
        assert_eq!(TraitId::HostCostPerMonth.meta().format_in(201_200.0, "USD"), "201200 USD/month");
        assert_eq!(TraitId::EngineerCostPerMonth.meta().format_in(8930.0, "EUR"), "8930 EUR/month");
        let replicas = TraitId::Replicas.meta();
        assert_eq!(replicas.format_in(3.0, "USD"), replicas.format(3.0));
    }

    #[test]
    fn writing_back_the_value_shown_leaves_the_team_unstated() {
        let mut profile = Profile::default();
        profile.set(TraitId::Engineers, profile.get(TraitId::Engineers));
        assert!(profile.environment.team.is_none(), "a slider redrawing its value states nothing");
        profile.set(TraitId::Engineers, 2.0);
        assert_eq!(profile.environment.team.as_ref().map(|team| team.engineers), Some(2.0));
    }

    #[test]
    fn file_positions_number_each_section_from_zero() {
        for section in Section::ALL {
            let mut positions: Vec<usize> = TRAITS
                .iter()
                .filter(|meta| meta.section == section)
                .map(|meta| usize::from(meta.file_position))
                .collect();
            positions.sort_unstable();
            assert_eq!(positions, (0..positions.len()).collect::<Vec<_>>(), "{}", section.key());
            assert_eq!(section.traits().len(), positions.len());
        }
    }

    #[test]
    fn table_order_matches_ids() {
        for (index, meta) in TRAITS.iter().enumerate() {
            assert_eq!(meta.id as usize, index, "{} is out of order", meta.key);
        }
    }

    #[test]
    fn defaults_are_in_range_and_match_the_structs() {
        let inputs = Profile::default();
        for meta in TRAITS {
            assert!(meta.min <= meta.default && meta.default <= meta.max, "{}", meta.key);
            assert!((inputs.get(meta.id) - meta.default).abs() < 1e-12, "{}", meta.key);
            assert!(!meta.help.is_empty() && !meta.label.is_empty(), "{}", meta.key);
        }
    }

    #[test]
    fn set_clamps_and_rounds() {
        let mut inputs = Profile::default();
        inputs.set(TraitId::Replicas, 0.0);
        assert_eq!(inputs.workload().replicas, 1);
        inputs.set(TraitId::IsolationNeed, 7.6);
        assert_eq!(inputs.workload().isolation_need, 8);
        inputs.set(TraitId::NestedVirtualization, 1.0);
        assert!(inputs.workload().nested_virtualization);
        inputs.set(TraitId::PeakFactor, 1e9);
        assert!((inputs.workload().peak_factor - 20.0).abs() < 1e-12);
    }

    #[test]
    fn format_shows_units() {
        assert_eq!(TraitId::IsolationNeed.meta().format(8.0), "8/10");
        assert_eq!(TraitId::MemoryPerInstanceMib.meta().format(512.0), "512 MiB");
        assert_eq!(TraitId::NestedVirtualization.meta().format(1.0), "yes");
        assert_eq!(TraitId::CpuPerInstance.meta().format(1.0), "1 core");
        assert_eq!(TraitId::CpuPerInstance.meta().format(2.0), "2 cores");
        assert_eq!(TraitId::PeakFactor.meta().format(4.0), "4×");
    }
}
