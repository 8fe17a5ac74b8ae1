//! The figures behind the resource projection and the scoring readings. Their values, ranges
//! and sources live in `assets/assumptions.ron` (data, reviewable without reading code); this
//! module gives the code typed handles to them and applies a profile's overrides.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::sourced::Grade;

/// One assumption as described in `assets/assumptions.ron`.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssumptionSpec {
    pub id: String,
    pub label: String,
    /// Default value.
    pub value: f64,
    pub unit: String,
    /// Lowest value a profile may set.
    pub min: f64,
    /// Highest value a profile may set.
    pub max: f64,
    pub grade: Grade,
    pub source: String,
}

impl AssumptionSpec {
    /// The unit as written after `value`: a counted unit ("cores", "nodes") in the singular
    /// for exactly one; symbols ("s", "ms", "MiB") as they are.
    pub fn unit_of(&self, value: f64) -> &str {
        let unit = self.unit.as_str();
        match unit.strip_suffix('s') {
            Some(one)
                if (value - 1.0).abs() < f64::EPSILON && one.len() > 1 && one.chars().all(char::is_alphabetic) =>
            {
                one
            }
            _ => unit,
        }
    }
}

macro_rules! assumption_ids {
    ($( $Variant:ident => $key:literal, )*) => {
        /// Typed handle to one assumption; the order is that of `assets/assumptions.ron`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum AssumptionId { $( $Variant, )* }

        impl AssumptionId {
            /// Every assumption, in file order.
            pub const ALL: &'static [Self] = &[ $( Self::$Variant, )* ];

            /// The id used in files and JSON.
            pub fn key(self) -> &'static str {
                match self { $( Self::$Variant => $key, )* }
            }
        }
    };
}

assumption_ids! {
    VmGuestOsMemoryMib => "vm_guest_os_memory_mib",
    VmHypervisorOverheadMib => "vm_hypervisor_overhead_mib",
    VmGuestOsDiskGib => "vm_guest_os_disk_gib",
    VmBootSeconds => "vm_boot_seconds",
    VmScaleReactionSeconds => "vm_scale_reaction_seconds",
    VmHostReservedMemoryMib => "vm_host_reserved_memory_mib",
    VmHostReservedCpuCores => "vm_host_reserved_cpu_cores",
    ContainerRuntimeMemoryMib => "container_runtime_memory_mib",
    ContainerKubeletMemoryPerPodMib => "container_kubelet_memory_per_pod_mib",
    ContainerHostReservedMemoryMib => "container_host_reserved_memory_mib",
    ContainerHostReservedCpuCores => "container_host_reserved_cpu_cores",
    ContainerMaxPodsPerHost => "container_max_pods_per_host",
    ContainerBaseImageMib => "container_base_image_mib",
    ContainerStartSeconds => "container_start_seconds",
    ImagePullMibPerSecond => "image_pull_mib_per_second",
    ImageCachedShare => "image_cached_share",
    ContainerScaleReactionSeconds => "container_scale_reaction_seconds",
    VmCpuEfficiency => "vm_cpu_efficiency",
    VmIoEfficiency => "vm_io_efficiency",
    VmNetworkEfficiency => "vm_network_efficiency",
    VmPacketEfficiency => "vm_packet_efficiency",
    ContainerCpuEfficiency => "container_cpu_efficiency",
    ContainerIoEfficiency => "container_io_efficiency",
    ContainerNetworkEfficiency => "container_network_efficiency",
    SharedKernelExposure => "shared_kernel_exposure",
    HypervisorExposure => "hypervisor_exposure",
    NodeGuestOsMemoryMib => "node_guest_os_memory_mib",
    NodeVmmOverheadMib => "node_vmm_overhead_mib",
    NodeGuestOsDiskGib => "node_guest_os_disk_gib",
    NodeVmsPerHost => "node_vms_per_host",
    TenantsShareNodes => "tenants_share_nodes",
    MicrovmOverheadMemoryMib => "microvm_overhead_memory_mib",
    MicrovmOverheadCpuCores => "microvm_overhead_cpu_cores",
    MicrovmHostReservedMemoryMib => "microvm_host_reserved_memory_mib",
    MicrovmMaxPerHost => "microvm_max_per_host",
    MicrovmGuestImageMib => "microvm_guest_image_mib",
    MicrovmStartSeconds => "microvm_start_seconds",
    MicrovmCpuEfficiency => "microvm_cpu_efficiency",
    MicrovmIoEfficiency => "microvm_io_efficiency",
    MicrovmNetworkEfficiency => "microvm_network_efficiency",
    RuntimeHardeningReduction => "runtime_hardening_reduction",
    FirstPartyThreatShare => "first_party_threat_share",
    ComplianceControlLoadVm => "compliance_control_load_vm",
    ComplianceControlLoadContainer => "compliance_control_load_container",
    ComplianceControlLoadContainersOnVms => "compliance_control_load_containers_on_vms",
    ComplianceControlLoadMicrovm => "compliance_control_load_microvm",
    GoldenImageRebuildDays => "golden_image_rebuild_days",
    GoldenImagePatchEffortRatio => "golden_image_patch_effort_ratio",
    VmLiveMigrationPoints => "vm_live_migration_points",
    SelfManagedControlPlaneNodes => "self_managed_control_plane_nodes",
    PeopleSelfManagedClusterEngineers => "people_self_managed_cluster_engineers",
    PeopleManagedClusterEngineers => "people_managed_cluster_engineers",
    PeopleOsInstancesPerEngineer => "people_os_instances_per_engineer",
    SpotMinFailureTolerance => "spot_min_failure_tolerance",
    SpotMaxDataIntensity => "spot_max_data_intensity",
    SpotReplacementShare => "spot_replacement_share",
    WindowsServercoreImageMib => "windows_servercore_image_mib",
    WindowsContainerProcessMemoryMib => "windows_container_process_memory_mib",
    WindowsNodeExtraReservedMemoryMib => "windows_node_extra_reserved_memory_mib",
    WindowsVmGuestOsMemoryMib => "windows_vm_guest_os_memory_mib",
    WindowsVmGuestOsDiskGib => "windows_vm_guest_os_disk_gib",
    CostPointsPerDecade => "cost_points_per_decade",
    CostDiscountFromRatio => "cost_discount_from_ratio",
    CostDiscountPerDecade => "cost_discount_per_decade",
    CloseCallConfidence => "close_call_confidence",
    CloseCallMinMargin => "close_call_min_margin",
    TraitEstimateSpread => "trait_estimate_spread",
}

impl AssumptionId {
    /// Looks an assumption up by its file id.
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|id| id.key() == key)
    }
}

/// Written as its file key, as profiles write it.
impl Serialize for AssumptionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for AssumptionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Self::from_key(&key).ok_or_else(|| serde::de::Error::custom(format!("unknown assumption `{key}`")))
    }
}

/// What is wrong with an assumption catalogue.
#[derive(Debug, thiserror::Error)]
pub enum CatalogueError {
    #[error(transparent)]
    Syntax(#[from] ron::error::SpannedError),
    #[error("ids {ids:?} differ from the code's {expected:?}")]
    Ids { ids: Vec<String>, expected: Vec<&'static str> },
    #[error("{id}: default {value} outside {min}..={max}")]
    OutOfRange { id: String, value: f64, min: f64, max: f64 },
    #[error("{0}: no source")]
    NoSource(String),
}

/// The catalogue of assumptions with their default values.
#[derive(Clone, Debug)]
pub struct Assumptions {
    /// In `AssumptionId::ALL` order.
    specs: Vec<AssumptionSpec>,
}

impl Assumptions {
    /// Parses a catalogue; its ids must be exactly those of [`AssumptionId`], in order.
    pub fn parse(text: &str) -> Result<Self, CatalogueError> {
        let specs: Vec<AssumptionSpec> = ron::from_str(text)?;
        let ids: Vec<String> = specs.iter().map(|spec| spec.id.clone()).collect();
        let expected: Vec<&str> = AssumptionId::ALL.iter().map(|id| id.key()).collect();
        if ids != expected {
            return Err(CatalogueError::Ids { ids, expected });
        }
        for spec in &specs {
            if !(spec.min <= spec.value && spec.value <= spec.max) {
                return Err(CatalogueError::OutOfRange {
                    id: spec.id.clone(),
                    value: spec.value,
                    min: spec.min,
                    max: spec.max,
                });
            }
            if spec.source.trim().is_empty() {
                return Err(CatalogueError::NoSource(spec.id.clone()));
            }
        }
        Ok(Self { specs })
    }

    /// Every entry, in file order.
    pub fn specs(&self) -> &[AssumptionSpec] {
        &self.specs
    }

    /// One entry (label, unit, range, source).
    pub fn spec(&self, id: AssumptionId) -> &AssumptionSpec {
        &self.specs[id as usize]
    }

    /// The catalogue with every range collapsed onto its default: figures known exactly, for
    /// tests that draw weights alone.
    #[cfg(test)]
    pub(crate) fn pinned(&self) -> Self {
        let specs = self.specs.iter().map(|spec| AssumptionSpec { min: spec.value, max: spec.value, ..spec.clone() });
        Self { specs: specs.collect() }
    }

    /// The values in force for a profile: defaults, replaced by its `overrides` (a profile's
    /// `assumptions`), each clamped to its assumption's range.
    pub fn resolve(&self, overrides: &BTreeMap<AssumptionId, f64>) -> Values {
        let mut values: Vec<f64> = self.specs.iter().map(|spec| spec.value).collect();
        for (id, value) in overrides {
            let spec = &self.specs[*id as usize];
            values[*id as usize] = value.clamp(spec.min, spec.max);
        }
        Values { values }
    }
}

/// Assumption values in force for one evaluation. The host and flavour they apply to are
/// resolved beside them, in the site.
#[derive(Clone, Debug, PartialEq)]
pub struct Values {
    values: Vec<f64>,
}

impl Values {
    pub fn get(&self, id: AssumptionId) -> f64 {
        self.values[id as usize]
    }

    /// Sets one value, as a plausible world draws it (`model::confidence`); the caller keeps
    /// it within the assumption's range.
    pub(crate) fn set(&mut self, id: AssumptionId, value: f64) {
        self.values[id as usize] = value;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::profile::Profile;

    fn shipped() -> &'static Assumptions {
        &crate::model::catalogs::shipped().assumptions
    }

    #[test]
    fn counted_units_agree_with_one() {
        let spec = shipped().spec(AssumptionId::NodeVmsPerHost);
        assert_eq!((spec.unit_of(1.0), spec.unit_of(2.0)), ("node", "nodes"));
        let seconds = shipped().spec(AssumptionId::VmBootSeconds);
        assert_eq!(seconds.unit_of(1.0), "s");
    }

    #[test]
    fn builtin_catalogue_parses_and_names_sources() {
        let builtin = shipped();
        assert_eq!(builtin.specs().len(), AssumptionId::ALL.len());
        for spec in builtin.specs() {
            assert!(spec.source.len() > 40, "{} needs a real source", spec.id);
            assert!(!spec.unit.is_empty(), "{} needs a unit", spec.id);
        }
    }

    #[test]
    fn profile_overrides_are_applied_and_clamped() {
        let mut profile = Profile::default();
        profile.assumptions.insert(AssumptionId::VmBootSeconds, 25.0);
        profile.assumptions.insert(AssumptionId::VmIoEfficiency, 7.0);
        let values = shipped().resolve(&profile.assumptions);
        assert!((values.get(AssumptionId::VmBootSeconds) - 25.0).abs() < 1e-12);
        assert!((values.get(AssumptionId::VmIoEfficiency) - 1.0).abs() < 1e-12);
        assert!((values.get(AssumptionId::ContainerStartSeconds) - 0.56).abs() < 1e-12);
    }

    #[test]
    fn parse_refuses_a_catalogue_that_drifted_from_the_code() {
        let error = Assumptions::parse("[]").expect_err("empty catalogue accepted");
        assert!(matches!(error, CatalogueError::Ids { .. }), "{error}");
    }
}
