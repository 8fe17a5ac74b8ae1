//! What a component may buy and what a month of its hosts costs bought so, at the discounts of
//! [`super::purchase`]: spot only for failure-tolerant, stateless work, and a month of hosts
//! priced by layers: the hosts running all the hours the workload runs, and those added for the
//! peak hours.
//!
//! A commitment bills every hour of its term whether its hosts run or not (AWS: "If you
//! terminate both instances, you are still billed … because you committed"), so a layer of
//! hosts is committed only where that is cheaper than buying its hours on demand; otherwise it
//! stays on demand and the evaluation says why. This is also what keeps a 3-year commitment
//! never dearer than a 1-year one, and either never dearer than on demand.

use super::assumptions::{AssumptionId, Values};
use super::hosts::{HOURS_PER_MONTH, HostType};
use super::profile::Profile;
use super::purchase::{Offer, Purchase, PurchaseCatalog};

/// Why a component asking for spot is bought on demand.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SpotRefusal {
    /// The workload's failure tolerance and the least spot takes (0–10).
    pub failure_tolerance: f64,
    pub min_failure_tolerance: f64,
    /// The workload's data intensity and the most spot takes (0–10).
    pub data_intensity: f64,
    pub max_data_intensity: f64,
}

/// How one component's compute is bought on this site, resolved once per projection.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Buying {
    /// What the profile asks for: the component's own, else the environment's.
    pub asked: Purchase,
    /// The offer priced: `None` on demand, on the team's own hardware, or spot refused.
    pub offer: Option<&'static Offer>,
    /// Why spot was refused, where it was.
    pub spot_refused: Option<SpotRefusal>,
    /// Capacity kept to replace reclaimed spot instances, as a share of what runs.
    pub spot_replacement: f64,
}

impl Buying {
    /// How the component of a one-component profile (a focus) is bought on `host`, at
    /// `offers`' discounts.
    pub fn resolve(
        profile: &Profile,
        values: &Values,
        host: Option<&HostType>,
        offers: &'static PurchaseCatalog,
    ) -> Self {
        let component = &profile.components[0];
        let asked = component.purchase.unwrap_or(profile.environment.purchase);
        let spot_refused = (asked == Purchase::Spot).then(|| spot_refusal(profile, values)).flatten();
        let offer = match (host, asked.term()) {
            (Some(host), Some(term)) if spot_refused.is_none() => offers.offer(host, term),
            _ => None,
        };
        Self { asked, offer, spot_refused, spot_replacement: values.get(AssumptionId::SpotReplacementShare).max(0.0) }
    }

    /// Nothing but on demand applies: the asked-for way is on demand, the host is the team's
    /// own, or spot was refused.
    pub fn on_demand(&self) -> bool {
        self.offer.is_none()
    }

    /// The hourly prices of a layer of hosts running `hours` a day: what it costs a month on
    /// demand, and bought as asked (with whether it was bought so).
    fn layer(&self, price: f64, count: f64, hours: f64, steady: bool) -> Layer {
        let on_demand = price * count * hours * HOURS_PER_MONTH / 24.0;
        let Some(offer) = self.offer else { return Layer { on_demand, bought: Bought::OnDemand } };
        let discounted = price * (1.0 - offer.discount) * count;
        match self.asked {
            Purchase::Spot => {
                let spot = discounted * (1.0 + self.spot_replacement) * hours * HOURS_PER_MONTH / 24.0;
                Layer { on_demand, bought: Bought::Spot(spot) }
            }
            Purchase::CommittedSteady if !steady => Layer { on_demand, bought: Bought::OnDemand },
            _ => {
                // Every hour of the term is billed.
                let committed = discounted * HOURS_PER_MONTH;
                let bought = if committed < on_demand { Bought::Committed(committed) } else { Bought::Declined };
                Layer { on_demand, bought }
            }
        }
    }

    /// A month of hosts bought as asked. `spans` are `(hosts running, hours a day)` through the
    /// day; `steady` the hosts the steady load keeps running all the hours run (what
    /// `committed_steady` commits). Hosts are priced in layers: the first `h₁` hosts run every
    /// span holding at least `h₁`, the next ones only the spans holding more.
    pub fn bill(&self, price: f64, spans: &[(f64, f64)], steady: f64) -> Bill {
        let mut levels: Vec<f64> = spans.iter().map(|(hosts, _)| *hosts).chain([steady]).filter(|h| *h > 0.0).collect();
        levels.sort_by(f64::total_cmp);
        levels.dedup();
        let mut bill = Bill::default();
        let mut below = 0.0;
        for level in levels {
            let hours: f64 = spans.iter().filter(|(hosts, _)| *hosts >= level).map(|(_, hours)| hours).sum();
            let layer = self.layer(price, level - below, hours, level <= steady);
            match layer.bought {
                Bought::Committed(cost) => bill.committed += cost,
                Bought::Spot(cost) => bill.spot += cost,
                Bought::Declined => {
                    bill.on_demand += layer.on_demand;
                    bill.declined_hours = Some(bill.declined_hours.map_or(hours, |h: f64| h.max(hours)));
                }
                Bought::OnDemand => bill.on_demand += layer.on_demand,
            }
            below = level;
        }
        bill
    }
}

/// One layer of hosts as bought.
struct Layer {
    on_demand: f64,
    bought: Bought,
}

enum Bought {
    OnDemand,
    Committed(f64),
    Spot(f64),
    /// A commitment would cost more than the hours it serves: bought on demand.
    Declined,
}

/// A month of hosts split by how they are bought.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Bill {
    pub committed: f64,
    pub on_demand: f64,
    pub spot: f64,
    /// Where a commitment was declined: the most hours a day a declined layer ran.
    pub declined_hours: Option<f64>,
}

impl Bill {
    pub fn total(&self) -> f64 {
        self.committed + self.on_demand + self.spot
    }
}

/// Hours a day a layer of hosts must run before a commitment with `discount` costs less than
/// buying those hours on demand: the commitment bills all 24.
pub fn break_even_hours(discount: f64) -> f64 {
    24.0 * (1.0 - discount)
}

/// The assumptions only spot reads: a report lists them where a profile asks for spot.
pub const SPOT_ASSUMPTIONS: [AssumptionId; 3] =
    [AssumptionId::SpotMinFailureTolerance, AssumptionId::SpotMaxDataIntensity, AssumptionId::SpotReplacementShare];

/// Whether the profile asks for spot anywhere (its environment or a component).
pub fn asks_spot(profile: &Profile) -> bool {
    profile.environment.purchase == Purchase::Spot
        || profile.components.iter().any(|component| component.purchase == Some(Purchase::Spot))
}

/// Whether the profile asks for anything but on demand anywhere.
pub fn stated(profile: &Profile) -> bool {
    profile.environment.purchase != Purchase::OnDemand
        || profile.components.iter().any(|component| component.purchase.is_some_and(|p| p != Purchase::OnDemand))
}

/// Why this component may not run on spot, if it may not: spot instances are reclaimed at a
/// moment's notice (two minutes on AWS, 30 seconds on Google Cloud and Azure), so the providers
/// point spot at stateless, fault-tolerant work; a component below the failure tolerance or
/// above the data intensity the assumptions set (a database: state, instances that must not
/// die) stays on demand.
pub fn spot_refusal(profile: &Profile, values: &Values) -> Option<SpotRefusal> {
    let workload = profile.workload();
    let refusal = SpotRefusal {
        failure_tolerance: workload.failure_tolerance as f64,
        min_failure_tolerance: values.get(AssumptionId::SpotMinFailureTolerance),
        data_intensity: workload.data_intensity as f64,
        max_data_intensity: values.get(AssumptionId::SpotMaxDataIntensity),
    };
    (refusal.failure_tolerance < refusal.min_failure_tolerance || refusal.data_intensity > refusal.max_data_intensity)
        .then_some(refusal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::catalogs::shipped;
    use crate::model::purchase::tests::{catalog, host};

    fn buying(asked: Purchase, id: &str) -> Buying {
        let mut profile = Profile::default();
        profile.environment.purchase = asked;
        profile.workload_mut().failure_tolerance = 9;
        profile.workload_mut().data_intensity = 0;
        let values = shipped().assumptions.resolve(&profile.assumptions);
        Buying::resolve(&profile, &values, Some(host(id)), catalog())
    }

    #[test]
    fn a_full_day_layer_is_committed_and_a_short_one_declined() {
        // 10 hosts all day, 4 more for 6 peak hours, at 1 USD an hour, GCP's 37 % for a year.
        let b = buying(Purchase::Committed1y, "gcp/n2-standard-8");
        let bill = b.bill(1.0, &[(14.0, 6.0), (10.0, 18.0)], 10.0);
        assert!((bill.committed - 10.0 * 0.63 * 730.0).abs() < 1e-9, "{bill:?}");
        // 6 h a day is under the break-even of 24 × 0.63 = 15.1 h: on demand.
        assert!((bill.on_demand - 4.0 * 6.0 * 730.0 / 24.0).abs() < 1e-9, "{bill:?}");
        assert_eq!(bill.declined_hours, Some(6.0));
        assert!((break_even_hours(0.37) - 15.12).abs() < 1e-9);
    }

    #[test]
    fn committed_steady_keeps_the_peak_on_demand_even_all_day() {
        let steady = buying(Purchase::CommittedSteady, "gcp/n2-standard-8").bill(1.0, &[(14.0, 24.0)], 10.0);
        let all = buying(Purchase::Committed1y, "gcp/n2-standard-8").bill(1.0, &[(14.0, 24.0)], 10.0);
        assert!((steady.on_demand - 4.0 * 730.0).abs() < 1e-9, "{steady:?}");
        assert!((all.committed - 14.0 * 0.63 * 730.0).abs() < 1e-9, "{all:?}");
        assert!(all.total() < steady.total());
    }

    #[test]
    fn spot_pays_the_hours_run_plus_replacement_capacity() {
        let b = buying(Purchase::Spot, "azure/D4s_v5");
        let bill = b.bill(1.0, &[(10.0, 12.0)], 10.0);
        let share =
            shipped().assumptions.resolve(&Profile::default().assumptions).get(AssumptionId::SpotReplacementShare);
        let expected = 10.0 * 0.2 * (1.0 + share) * 12.0 * 730.0 / 24.0;
        assert!((bill.spot - expected).abs() < 1e-9, "{bill:?}");
        assert_eq!((bill.committed, bill.on_demand), (0.0, 0.0));
    }

    #[test]
    fn a_database_is_never_on_spot() {
        let mut database = Profile::default();
        database.environment.purchase = Purchase::Spot;
        database.workload_mut().failure_tolerance = 2;
        database.workload_mut().data_intensity = 9;
        let values = shipped().assumptions.resolve(&database.assumptions);
        let b = Buying::resolve(&database, &values, Some(host("aws/m6i.large")), catalog());
        assert!(b.on_demand() && b.spot_refused.is_some());
        let bill = b.bill(1.0, &[(3.0, 24.0)], 3.0);
        assert_eq!((bill.spot, bill.on_demand), (0.0, 3.0 * 730.0));
    }

    #[test]
    fn own_hardware_buys_nothing_else() {
        let mut profile = Profile::default();
        profile.environment.purchase = Purchase::Committed3y;
        let values = shipped().assumptions.resolve(&profile.assumptions);
        assert!(Buying::resolve(&profile, &values, None, catalog()).on_demand());
    }
}
