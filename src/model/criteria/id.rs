//! Which criterion a score, a weight or a veto is about: a handle on the criterion's row, as
//! [`crate::model::OptionId`] is on an option's, so a criterion the registry does not hold
//! (one a test declares and adds to [`crate::model::catalogs::Catalogs::criteria`]) is named
//! and labelled like the shipped ones. Files name only registered criteria
//! ([`CriterionId::from_key`]). It lives beside the registry: the handle reaches the rule.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{
    CRITERIA, CriterionSpec, cost, delivery_speed, heavy_workloads, isolation, migration_effort, nesting,
    networking_simplicity, os_flexibility, patching, portability, resilience_fit, resource_efficiency,
    runtime_performance, scalability, startup_speed, supply_chain,
};

/// One scoring criterion, written as its `key` wherever it is serialised. Two ids are equal
/// when their keys are. Profiles keep weights by the key itself, so that the profile stays
/// below the rules this handle reaches.
#[derive(Clone, Copy)]
pub struct CriterionId(&'static CriterionSpec);

impl CriterionId {
    pub const RESOURCE_EFFICIENCY: Self = Self(&resource_efficiency::SPEC);
    pub const COST: Self = Self(&cost::SPEC);
    pub const STARTUP_SPEED: Self = Self(&startup_speed::SPEC);
    pub const RUNTIME_PERFORMANCE: Self = Self(&runtime_performance::SPEC);
    pub const ISOLATION: Self = Self(&isolation::SPEC);
    pub const PATCHING: Self = Self(&patching::SPEC);
    pub const SUPPLY_CHAIN: Self = Self(&supply_chain::SPEC);
    pub const OS_FLEXIBILITY: Self = Self(&os_flexibility::SPEC);
    pub const PORTABILITY: Self = Self(&portability::SPEC);
    pub const SCALABILITY: Self = Self(&scalability::SPEC);
    pub const DELIVERY_SPEED: Self = Self(&delivery_speed::SPEC);
    pub const NETWORKING_SIMPLICITY: Self = Self(&networking_simplicity::SPEC);
    pub const MIGRATION_EFFORT: Self = Self(&migration_effort::SPEC);
    pub const RESILIENCE_FIT: Self = Self(&resilience_fit::SPEC);
    pub const HEAVY_WORKLOADS: Self = Self(&heavy_workloads::SPEC);
    pub const NESTING: Self = Self(&nesting::SPEC);

    /// The id of a criterion's row.
    pub const fn of(spec: &'static CriterionSpec) -> Self {
        Self(spec)
    }

    /// The criterion's row.
    pub fn spec(self) -> &'static CriterionSpec {
        self.0
    }

    /// The stable `snake_case` key used in files and JSON ("cost").
    pub fn key(self) -> &'static str {
        self.0.key
    }

    /// A registered criterion by its file key.
    pub fn from_key(key: &str) -> Option<Self> {
        CRITERIA.iter().find(|spec| spec.key == key).map(|spec| spec.id())
    }
}

impl PartialEq for CriterionId {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0) || self.key() == other.key()
    }
}

impl Eq for CriterionId {}

impl std::hash::Hash for CriterionId {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

impl fmt::Debug for CriterionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CriterionId({:?})", self.key())
    }
}

impl Serialize for CriterionId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for CriterionId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = String::deserialize(deserializer)?;
        Self::from_key(&key).ok_or_else(|| serde::de::Error::custom(format!("unknown criterion `{key}`")))
    }
}
