//! The scenario the model evaluates: a workload, its environment, and the user's weights
//! and assumptions. The file format that stores it lives in [`crate::profile`]; the model
//! only reads this struct.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::assumptions::AssumptionId;
use super::criteria::CriterionId;
pub use super::traits::{Environment, Workload};

/// The `format` value every profile file carries.
pub const FORMAT: &str = "podvisor-profile";

/// The newest schema version this build reads and writes.
pub const VERSION: u32 = 1;

/// One scenario: the workload, its environment, and the user's weights and assumptions.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    pub format: String,
    pub version: u32,
    #[serde(default)]
    pub name: String,
    /// Free text shown to the audience.
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub workload: Workload,
    #[serde(default)]
    pub environment: Environment,
    /// Criterion → weight 0–5; missing criteria use their default weight.
    #[serde(default)]
    pub weights: BTreeMap<CriterionId, f64>,
    /// Assumption → value overriding `assets/assumptions.ron`.
    #[serde(default)]
    pub assumptions: BTreeMap<AssumptionId, f64>,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            name: "Untitled scenario".to_owned(),
            notes: String::new(),
            workload: Workload::default(),
            environment: Environment::default(),
            weights: BTreeMap::new(),
            assumptions: BTreeMap::new(),
        }
    }
}
