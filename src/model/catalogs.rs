//! Every data file the model reads, handed to [`super::evaluate`] whole. The model keeps no
//! catalog of its own: the window, the reports and the command line load the shipped files
//! once (`crate::builtin`) and pass them down, and a test can pass a catalog of its own —
//! a criterion of its own too ([`Catalogs::criteria`]).

use super::assumptions::{Assumptions, CatalogueError};
use super::criteria::{CRITERIA, CriterionId};
use super::hosts::{CatalogError, HostCatalog};
use super::hypervisors::{Hypervisors, HypervisorsError};
use super::kubernetes::{Flavours, FlavoursError};
use super::purchase::{PurchaseCatalog, PurchaseError};
use super::sandbox::{SandboxError, Sandboxes};

/// The data files under `assets/`, each parsed and checked.
#[derive(Clone, Debug)]
pub struct Catalogs {
    /// `assets/assumptions.ron`: the figures behind the projection and the readings.
    pub assumptions: Assumptions,
    /// `assets/hosts.ron`: the cloud host types and their prices.
    pub hosts: HostCatalog,
    /// `assets/kubernetes.ron`: each flavour's node reservations, node agents (DaemonSets),
    /// system pool and control-plane fee.
    pub flavours: Flavours,
    /// `assets/hypervisors.ron`: each hypervisor's reserves.
    pub hypervisors: Hypervisors,
    /// `assets/purchase.ron`: reserved and spot offers.
    pub purchase: PurchaseCatalog,
    /// `assets/sandboxes.ron`: Fargate and pod sandboxes.
    pub sandboxes: Sandboxes,
    /// The criteria every evaluation scores, in scorecard order: the registry ([`CRITERIA`]),
    /// to which a caller may add criteria of its own.
    pub criteria: Vec<CriterionId>,
}

/// Which data file is wrong, and how.
#[derive(Debug, thiserror::Error)]
pub enum CatalogsError {
    #[error("assets/assumptions.ron is invalid: {0}")]
    Assumptions(#[from] CatalogueError),
    #[error("assets/hosts.ron is invalid: {0}")]
    Hosts(#[from] CatalogError),
    #[error("assets/kubernetes.ron is invalid: {0}")]
    Flavours(#[from] FlavoursError),
    #[error("assets/hypervisors.ron is invalid: {0}")]
    Hypervisors(#[from] HypervisorsError),
    #[error("assets/purchase.ron is invalid: {0}")]
    Purchase(#[from] PurchaseError),
    #[error("assets/sandboxes.ron is invalid: {0}")]
    Sandboxes(#[from] SandboxError),
}

impl Catalogs {
    /// Parses and checks the files shipped in `assets/`, embedded in the binary at build time.
    /// Each call parses afresh: the caller keeps the result (`crate::builtin` does, once per
    /// process).
    pub fn embedded() -> Result<Self, CatalogsError> {
        Ok(Self {
            assumptions: Assumptions::parse(include_str!("../../assets/assumptions.ron"))?,
            hosts: HostCatalog::parse(include_str!("../../assets/hosts.ron"))?,
            flavours: Flavours::parse(include_str!("../../assets/kubernetes.ron"))?,
            hypervisors: Hypervisors::parse(include_str!("../../assets/hypervisors.ron"))?,
            purchase: PurchaseCatalog::parse(include_str!("../../assets/purchase.ron"))?,
            sandboxes: Sandboxes::parse(include_str!("../../assets/sandboxes.ron"))?,
            criteria: CRITERIA.iter().map(|spec| spec.id()).collect(),
        })
    }

    /// The same catalogs with `assumptions` in place of these: a profile's figures pinned or
    /// edited by a test, kept for the life of the process as evaluations borrow from it.
    #[cfg(test)]
    pub(crate) fn with_assumptions(&self, assumptions: Assumptions) -> &'static Self {
        Box::leak(Box::new(Self { assumptions, ..self.clone() }))
    }
}

/// The shipped catalogs for the model's own unit tests, parsed once (the application's copy
/// lives outside the model, in `crate::builtin`).
#[cfg(test)]
pub(crate) fn shipped() -> &'static Catalogs {
    static SHIPPED: std::sync::OnceLock<Catalogs> = std::sync::OnceLock::new();
    SHIPPED.get_or_init(|| Catalogs::embedded().unwrap_or_else(|error| panic!("{error}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_shipped_file_parses() {
        let catalogs = Catalogs::embedded().unwrap_or_else(|error| panic!("{error}"));
        assert!(catalogs.hosts.get("aws/m6i.large").is_some());
    }
}
