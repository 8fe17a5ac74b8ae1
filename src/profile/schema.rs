//! Schema v1's layout: which fields each section holds and the order files list them in.
//!
//! The order is part of the contract (DESIGN.md's schema example, which people already
//! diff against); it groups fields differently from the slider panel's order in
//! [`TRAITS`](crate::model::TRAITS), so it is written down here, once, and a test checks that
//! it names every trait exactly once.

use crate::model::TraitId::{
    self, AppImageMib, Chattiness, ComplianceStrictness, CpuOvercommit, CpuPerInstance, DataIntensity, DeploysPerWeek,
    FailureTolerance, HostCores, HostCostPerMonth, HostMemoryGib, ImageTrust, IsolationNeed, LegacyCoupling,
    LifespanDays, MemoryPerInstanceMib, NestedVirtualization, OsDiversity, PeakFactor, Replicas, Services,
    ServicesPerVm, StartLatencySensitivity, TeamContainerMaturity,
};

/// A top-level field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopField {
    Format,
    Version,
    Name,
    Notes,
    Section(Section),
    Weights,
    Assumptions,
}

impl TopField {
    /// Every top-level field, in file order.
    pub const ALL: [Self; 8] = [
        Self::Format,
        Self::Version,
        Self::Name,
        Self::Notes,
        Self::Section(Section::Workload),
        Self::Section(Section::Environment),
        Self::Weights,
        Self::Assumptions,
    ];

    /// The field's name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Format => "format",
            Self::Version => "version",
            Self::Name => "name",
            Self::Notes => "notes",
            Self::Section(section) => section.key(),
            Self::Weights => "weights",
            Self::Assumptions => "assumptions",
        }
    }
}

/// The `workload` section's fields, in file order.
pub const WORKLOAD: &[TraitId] = &[
    Services,
    Replicas,
    PeakFactor,
    MemoryPerInstanceMib,
    CpuPerInstance,
    AppImageMib,
    IsolationNeed,
    OsDiversity,
    DeploysPerWeek,
    StartLatencySensitivity,
    LifespanDays,
    LegacyCoupling,
    TeamContainerMaturity,
    FailureTolerance,
    ImageTrust,
    ComplianceStrictness,
    DataIntensity,
    Chattiness,
    NestedVirtualization,
];

/// The `environment` section's numeric fields, in file order; [`CURRENCY`] follows them.
pub const ENVIRONMENT: &[TraitId] = &[ServicesPerVm, HostCores, HostMemoryGib, CpuOvercommit, HostCostPerMonth];

/// The one text field of `environment`, written last.
pub const CURRENCY: &str = "currency";

/// A section of trait fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Workload,
    Environment,
}

impl Section {
    pub const ALL: [Self; 2] = [Self::Workload, Self::Environment];

    /// The section's field name in the file.
    pub fn key(self) -> &'static str {
        match self {
            Self::Workload => "workload",
            Self::Environment => "environment",
        }
    }

    /// The traits it holds, in file order.
    pub fn traits(self) -> &'static [TraitId] {
        match self {
            Self::Workload => WORKLOAD,
            Self::Environment => ENVIRONMENT,
        }
    }

    /// Every field name it accepts, in file order.
    pub fn field_names(self) -> Vec<&'static str> {
        let mut names: Vec<&'static str> = self.traits().iter().map(|id| id.meta().key).collect();
        if self == Self::Environment {
            names.push(CURRENCY);
        }
        names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TRAITS;
    use crate::model::traits::{Environment, Workload};

    /// The field names serde sees on a struct, so the schema can be checked against the
    /// structs the trait table generates.
    fn struct_keys(value: &serde_json::Value) -> Vec<String> {
        let mut keys: Vec<String> =
            value.as_object().expect("a struct serialises to an object").keys().cloned().collect();
        keys.sort();
        keys
    }

    fn sorted(names: Vec<&str>) -> Vec<String> {
        let mut names: Vec<String> = names.into_iter().map(str::to_owned).collect();
        names.sort();
        names
    }

    #[test]
    fn sections_name_every_struct_field_exactly_once() {
        let workload = serde_json::to_value(Workload::default()).unwrap();
        let environment = serde_json::to_value(Environment::default()).unwrap();
        assert_eq!(sorted(Section::Workload.field_names()), struct_keys(&workload));
        assert_eq!(sorted(Section::Environment.field_names()), struct_keys(&environment));
        let mut all: Vec<TraitId> = WORKLOAD.iter().chain(ENVIRONMENT).copied().collect();
        all.sort();
        assert_eq!(all, TRAITS.iter().map(|meta| meta.id).collect::<Vec<_>>());
    }

    #[test]
    fn top_level_fields_match_the_profile_struct() {
        let profile = serde_json::to_value(crate::profile::Profile::default()).unwrap();
        assert_eq!(sorted(TopField::ALL.iter().map(|f| f.key()).collect()), struct_keys(&profile));
    }
}
