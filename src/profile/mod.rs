//! Profiles: the scenario a user edits, saves and exchanges — schema v3 (v1 and v2 files
//! still load with their meaning; a v1 file compares `vm` and `container`), documented for
//! people in the README's "Profile files" section, whose field tables come from the trait
//! and field tables of [`crate::model::traits`].
//!
//! The file format is a contract with users' files, so reading and writing are hand-made
//! rather than derived: [`parse`]/[`load_file`] refuse what is wrong with a message naming
//! the file, line:column and field, clamp what is merely out of range (with an [`Adjustment`]), and
//! never change anything unless they succeed; [`to_canonical_string`] writes one stable
//! layout; [`save_file`] replaces a file atomically. Nothing else reads or writes profiles:
//! even the app's stored session keeps the canonical text.

pub use crate::model::profile::{Environment, FORMAT, Profile, VERSION, Workload};
use crate::model::suggest;

mod adjustment;
mod atomic;
mod canonical;
mod error;
mod load;
mod read;
mod save;
pub mod schema;
mod validate;

pub use adjustment::{Adjustment, Why};
pub use atomic::write_atomically;
pub use canonical::to_canonical_string;
pub use error::{LoadError, SaveError};
pub use load::{Loaded, MAX_BYTES, load_file, parse};
pub use save::save_file;
