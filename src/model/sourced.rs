//! How strongly a figure is sourced, shared by every data file under `assets/` (assumptions,
//! hosts, flavours, hypervisors, purchase offers, sandboxes). A leaf: it imports nothing from
//! the model, so the catalogs that grade their figures do not import one another for it.

use serde::Deserialize;

/// How strong the source behind a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Grade {
    /// Recomputed from the authors' published raw data.
    Data,
    /// Official documentation or source code.
    Doc,
    /// Quoted in secondary notes or a preprint.
    Secondary,
    /// Chosen by Podvisor where no published figure fits.
    Estimate,
}

impl Grade {
    pub fn label(self) -> &'static str {
        match self {
            Self::Data => "measured (raw data)",
            Self::Doc => "documented",
            Self::Secondary => "secondary source",
            Self::Estimate => "estimate",
        }
    }
}

/// A rule with the source it comes from.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sourced<T> {
    pub rule: T,
    pub source: String,
    pub grade: Grade,
}
