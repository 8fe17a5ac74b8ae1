//! Where the workload runs, resolved once per evaluation from the profile's environment and the
//! catalogs: its own hardware or a catalog type, and the Kubernetes flavour whose rules its
//! nodes follow. Resolved beside the assumption values, not inside them.

use super::catalogs::Catalogs;
use super::hosts::{CUSTOM, HostType};
use super::kubernetes::{FlavourSpec, KubernetesFlavour};
use super::profile::Profile;

/// The host and flavour in force, and the catalogs they come from (which the projection also
/// reads for the family's other types, the sandboxes and the purchase offers).
#[derive(Clone, Copy, Debug)]
pub struct Site {
    /// The catalog type chosen; `None` for the profile's own hardware.
    pub host: Option<&'static HostType>,
    pub flavour: &'static FlavourSpec,
    /// The profile names a host id the catalog does not hold (only possible for profiles
    /// built in code; files are checked when read). The profile's own hardware is used.
    pub unknown_host: bool,
    /// The profile's own hourly price for the chosen catalog type (`host_price_per_hour`),
    /// replacing the catalog's; `None` when the catalog's stands.
    pub edited_price_per_hour: Option<f64>,
    pub catalogs: &'static Catalogs,
}

impl Site {
    /// Resolves a profile's `host` and `kubernetes` in `catalogs`, which the evaluation
    /// borrows its host types and offers from (hence `'static`: loaded once at the edge).
    pub fn resolve(profile: &Profile, catalogs: &'static Catalogs) -> Self {
        let environment = &profile.environment;
        let flavour = catalogs.flavours.get(environment.kubernetes);
        if environment.host == CUSTOM {
            return Self { host: None, flavour, unknown_host: false, edited_price_per_hour: None, catalogs };
        }
        let host = catalogs.hosts.get(&environment.host);
        // Files refuse any other price; a profile built in code keeps the catalog's.
        let edited_price_per_hour =
            environment.host_price_per_hour.filter(|price| host.is_some() && price.is_finite() && *price > 0.0);
        Self { host, flavour, unknown_host: host.is_none(), edited_price_per_hour, catalogs }
    }

    /// What an hour of `host` costs. The catalog's price, unless the profile edits the chosen
    /// type's: then the chosen type costs what the profile says and every other type an
    /// option buys (a right-sized VM, the family's bare-metal type) is scaled in the same
    /// proportion, since an edit (a discount, a committed-use rate, a newer price list)
    /// applies to the family, whose prices go per vCPU.
    pub fn price_per_hour(&self, host: &HostType) -> f64 {
        match (self.edited_price_per_hour, self.host) {
            (Some(edited), Some(chosen)) => host.price_per_hour * edited / chosen.price_per_hour,
            _ => host.price_per_hour,
        }
    }

    /// Whether the cluster's nodes follow a managed provider's rules rather than today's
    /// self-managed reading of the kubelet.
    pub fn managed(&self) -> bool {
        self.flavour.flavour != KubernetesFlavour::SelfManaged
    }
}
