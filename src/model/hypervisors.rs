//! What hypervisor hosts keep for themselves: a fixed host reserve, memory per TiB of local
//! storage, and a per-VM overhead by guest size. The figures live in `assets/hypervisors.ron`
//! with their sources, so VM hosts reserve memory from documented numbers just as container
//! nodes do (see [`kubernetes`](super::kubernetes)).

use serde::Deserialize;

use super::interpolate::on_lines;
use super::sourced::Grade;

/// One hypervisor's reserves, as in `assets/hypervisors.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HypervisorSpec {
    pub id: String,
    pub label: String,
    /// Host OS and hypervisor services; `None` where the vendor publishes no figure.
    #[serde(deserialize_with = "super::asset::present")]
    pub host_reserved_mib: Option<f64>,
    #[serde(deserialize_with = "super::asset::present")]
    pub storage_reserved_mib_per_tib: Option<f64>,
    #[serde(deserialize_with = "super::asset::present")]
    pub per_vm_overhead: Option<OverheadTable>,
    pub source: String,
    pub grade: Grade,
}

/// Per-VM overhead by configured memory (rows) and vCPUs (columns).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverheadTable {
    pub vcpus: Vec<u32>,
    pub rows: Vec<OverheadRow>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverheadRow {
    pub memory_mib: f64,
    /// One value per entry of [`OverheadTable::vcpus`].
    pub overhead_mib: Vec<f64>,
}

impl HypervisorSpec {
    /// Memory the host keeps with `storage_tib` TiB of local storage, when the vendor gives
    /// a fixed figure.
    pub fn host_reserved_mib(&self, storage_tib: f64) -> Option<f64> {
        self.host_reserved_mib.map(|fixed| fixed + self.storage_reserved_mib_per_tib.unwrap_or(0.0) * storage_tib)
    }

    /// Memory one VM of `memory_mib` and `vcpus` costs the host, read on straight lines
    /// through the vendor's table (first across vCPUs, then across memory).
    pub fn per_vm_overhead_mib(&self, memory_mib: f64, vcpus: u32) -> Option<f64> {
        let table = self.per_vm_overhead.as_ref()?;
        let by_memory: Vec<(f64, f64)> = table
            .rows
            .iter()
            .map(|row| {
                let by_vcpus: Vec<(f64, f64)> =
                    table.vcpus.iter().zip(&row.overhead_mib).map(|(v, o)| (f64::from(*v), *o)).collect();
                (row.memory_mib, on_lines(&by_vcpus, f64::from(vcpus)))
            })
            .collect();
        Some(on_lines(&by_memory, memory_mib))
    }
}

/// Why the hypervisor figures could not be used.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum HypervisorsError {
    #[error("the hypervisor reserves do not parse: {0}")]
    Syntax(String),
    #[error("hypervisor {id}: {problem}")]
    Invalid { id: String, problem: &'static str },
}

/// Every hypervisor's reserves, in file order.
#[derive(Clone, Debug, PartialEq)]
pub struct Hypervisors {
    specs: Vec<HypervisorSpec>,
}

impl Hypervisors {
    /// Parses and checks: unique ids, sources given, figures finite and not negative, tables
    /// ascending and rectangular.
    pub fn parse(text: &str) -> Result<Self, HypervisorsError> {
        let specs: Vec<HypervisorSpec> =
            ron::from_str(text).map_err(|error| HypervisorsError::Syntax(error.to_string()))?;
        for (index, spec) in specs.iter().enumerate() {
            let invalid = |problem| HypervisorsError::Invalid { id: spec.id.clone(), problem };
            if specs[..index].iter().any(|other| other.id == spec.id) {
                return Err(invalid("the id appears twice"));
            }
            if spec.source.trim().is_empty() {
                return Err(invalid("no source"));
            }
            let figures = [spec.host_reserved_mib, spec.storage_reserved_mib_per_tib];
            if figures.iter().flatten().any(|v| !(v.is_finite() && *v >= 0.0)) {
                return Err(invalid("figures must be finite and not negative"));
            }
            if let Some(table) = &spec.per_vm_overhead
                && !table_is_sound(table)
            {
                return Err(invalid("the overhead table must ascend and give one value per vCPU column"));
            }
        }
        Ok(Self { specs })
    }

    pub fn get(&self, id: &str) -> Option<&HypervisorSpec> {
        self.specs.iter().find(|spec| spec.id == id)
    }

    pub fn specs(&self) -> &[HypervisorSpec] {
        &self.specs
    }
}

fn table_is_sound(table: &OverheadTable) -> bool {
    !table.rows.is_empty()
        && table.vcpus.windows(2).all(|pair| pair[0] < pair[1])
        && table.rows.windows(2).all(|pair| pair[0].memory_mib < pair[1].memory_mib)
        && table.rows.iter().all(|row| {
            row.overhead_mib.len() == table.vcpus.len() && row.overhead_mib.iter().all(|v| v.is_finite() && *v >= 0.0)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hypervisor(id: &str) -> &'static HypervisorSpec {
        let all = &crate::model::catalogs::shipped().hypervisors;
        all.get(id).unwrap_or_else(|| panic!("no {id}"))
    }

    #[test]
    fn documented_host_reserves() {
        assert_eq!(hypervisor("openstack").host_reserved_mib(0.0), Some(512.0));
        assert_eq!(hypervisor("proxmox").host_reserved_mib(0.0), Some(2048.0));
        assert_eq!(hypervisor("proxmox").host_reserved_mib(4.0), Some(2048.0 + 4.0 * 1024.0));
        assert_eq!(hypervisor("esxi").host_reserved_mib(0.0), None, "not published");
        assert_eq!(hypervisor("openstack").per_vm_overhead_mib(1024.0, 1), None);
    }

    #[test]
    fn esxi_table_rows_are_read_exactly_and_between_on_lines() {
        let esxi = hypervisor("esxi");
        let at = |memory, vcpus| esxi.per_vm_overhead_mib(memory, vcpus).unwrap_or(f64::NAN);
        assert_eq!(at(1024.0, 1), 25.90);
        assert_eq!(at(4096.0, 1), 48.64);
        assert_eq!(at(16384.0, 1), 139.62);
        assert_eq!(at(16384.0, 8), 168.60);
        // Halfway between 4096 and 16384 MiB at 2 vCPUs: (52.72 + 143.98) / 2.
        assert!((at(10240.0, 2) - 98.35).abs() < 1e-9);
        // Beyond the table, the last segment's slope: grows with memory and vCPUs.
        assert!(at(65536.0, 16) > at(16384.0, 8));
    }

    #[test]
    fn a_missing_field_or_bad_table_fails_the_test_not_the_app() {
        let text = include_str!("../../assets/hypervisors.ron");
        let missing = text.replacen("per_vm_overhead: None,", "", 1);
        assert!(matches!(Hypervisors::parse(&missing), Err(HypervisorsError::Syntax(_))));
        let ragged = text.replacen("[20.29, 24.28, 32.23, 48.16]", "[20.29, 24.28]", 1);
        assert!(matches!(Hypervisors::parse(&ragged), Err(HypervisorsError::Invalid { .. })));
        let negative = text.replacen("Some(512.0)", "Some(-1.0)", 1);
        assert!(matches!(Hypervisors::parse(&negative), Err(HypervisorsError::Invalid { .. })));
    }
}
