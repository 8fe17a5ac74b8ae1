//! Profiles: the scenario a user edits, saves and exchanges — schema v1, documented for
//! people in the README's "Profile files" section.
//!
//! The file format is a contract with users' files, so reading and writing are hand-made
//! rather than derived: [`parse`]/[`load_file`] refuse what is wrong with a message naming
//! the file, line:column and field, clamp what is merely out of range (with a warning), and
//! never change anything unless they succeed; [`to_canonical_string`] writes one stable
//! layout; [`save_file`] replaces a file atomically. The serde derives on [`Profile`] remain
//! for in-memory uses (app state); they are not the file format.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::suggest;

pub use crate::model::traits::{Environment, Workload};

/// The `format` value every profile carries.
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
    /// Criterion key → weight 0–5; missing criteria use their default weight.
    #[serde(default)]
    pub weights: BTreeMap<String, f64>,
    /// Assumption id → value overriding `assets/assumptions.ron`.
    #[serde(default)]
    pub assumptions: BTreeMap<String, f64>,
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

mod atomic;
mod canonical;
mod error;
mod load;
mod read;
mod save;
pub mod schema;
mod validate;

pub use atomic::write_atomically;
pub use canonical::to_canonical_string;
pub use error::{LoadError, SaveError};
pub use load::{Loaded, MAX_BYTES, load_file, parse};
pub use save::save_file;
