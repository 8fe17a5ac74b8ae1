//! The catalogs shipped in `assets/`, parsed once per process. This is the edge where they are
//! loaded: the window, the reports and the command line take them from here and pass them to
//! the model, which keeps none of its own. `main` calls [`load`] before anything else, so a
//! defective data file is reported at startup rather than met halfway through a run.

use std::sync::OnceLock;

use crate::model::assumptions::{AssumptionId, AssumptionSpec};
use crate::model::catalogs::{Catalogs, CatalogsError};

static BUILTIN: OnceLock<Result<Catalogs, CatalogsError>> = OnceLock::new();

/// The shipped catalogs, or what is wrong with one of them.
///
/// # Errors
/// A data file that does not parse or breaks one of its checks — a build defect that each
/// catalog's unit tests keep from shipping.
pub fn load() -> Result<&'static Catalogs, &'static CatalogsError> {
    BUILTIN.get_or_init(Catalogs::embedded).as_ref()
}

/// The shipped catalogs.
///
/// # Panics
/// If a data file is invalid, which [`load`] reports at startup first.
pub fn catalogs() -> &'static Catalogs {
    load().unwrap_or_else(|error| panic!("{error}"))
}

/// An assumption's entry in the shipped catalogue (label, unit, range, source), for the views
/// and sentences that describe a figure rather than compute with it.
pub trait Described {
    fn spec(self) -> &'static AssumptionSpec;
}

impl Described for AssumptionId {
    fn spec(self) -> &'static AssumptionSpec {
        catalogs().assumptions.spec(self)
    }
}
