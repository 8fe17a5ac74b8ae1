//! How cloud compute is bought: on demand, committed for one or three years, on spot, or the
//! usual mix of a committed steady load and an on-demand peak. The discounts are data
//! (`assets/purchase.ron`: per provider, per family where it differs, each with its plan, date,
//! range and source); this module types them. What a component may buy and what a month of
//! hosts costs bought so is [`super::buying`]'s.

use serde::{Deserialize, Serialize};

use super::hosts::{HostType, Provider};
use super::sourced::Grade;

/// How a component's compute is bought.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purchase {
    #[default]
    OnDemand,
    #[serde(rename = "committed_1y")]
    Committed1y,
    #[serde(rename = "committed_3y")]
    Committed3y,
    Spot,
    /// The steady load committed for a year, the peak hours' extra hosts on demand.
    CommittedSteady,
}

impl Purchase {
    /// Every way of buying, the default first (the order pickers list them in).
    pub const ALL: [Self; 5] =
        [Self::OnDemand, Self::Committed1y, Self::Committed3y, Self::Spot, Self::CommittedSteady];

    /// The word in profile files and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Self::OnDemand => "on_demand",
            Self::Committed1y => "committed_1y",
            Self::Committed3y => "committed_3y",
            Self::Spot => "spot",
            Self::CommittedSteady => "committed_steady",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|purchase| purchase.key() == key)
    }

    /// The picker's name for it.
    pub fn label(self) -> &'static str {
        match self {
            Self::OnDemand => "On demand",
            Self::Committed1y => "Committed 1 year",
            Self::Committed3y => "Committed 3 years",
            Self::Spot => "Spot",
            Self::CommittedSteady => "Steady load committed, peak on demand",
        }
    }

    /// The catalog row a way of buying is priced from (`committed_steady` commits for a year).
    pub(crate) fn term(self) -> Option<Term> {
        match self {
            Self::OnDemand => None,
            Self::Committed1y | Self::CommittedSteady => Some(Term::Committed1y),
            Self::Committed3y => Some(Term::Committed3y),
            Self::Spot => Some(Term::Spot),
        }
    }
}

/// A priced way of buying in the catalog.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Term {
    #[serde(rename = "committed_1y")]
    Committed1y,
    #[serde(rename = "committed_3y")]
    Committed3y,
    Spot,
}

impl Term {
    pub const ALL: [Self; 3] = [Self::Committed1y, Self::Committed3y, Self::Spot];

    pub fn key(self) -> &'static str {
        match self {
            Self::Committed1y => "committed_1y",
            Self::Committed3y => "committed_3y",
            Self::Spot => "spot",
        }
    }
}

/// One discount of the catalog.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    pub provider: Provider,
    /// `None`: the provider's row; a family's replaces it for that family.
    #[serde(deserialize_with = "super::asset::present")]
    pub family: Option<String>,
    pub purchase: Term,
    /// Share off the on-demand price, 0–1.
    pub discount: f64,
    pub min: f64,
    pub max: f64,
    /// The provider's name for what is bought ("Compute Savings Plan, 1 year, no upfront").
    pub plan: String,
    /// Month the figure was read, `YYYY-MM`.
    pub date: String,
    pub grade: Grade,
    pub source: String,
}

/// What is wrong with the purchase catalog.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum PurchaseError {
    #[error("the purchase catalog does not parse: {0}")]
    Syntax(String),
    #[error("{provider} {term}: discount {discount} is not within {min}..={max} inside 0..1")]
    Range { provider: &'static str, term: &'static str, discount: f64, min: f64, max: f64 },
    #[error("{0} {1}: no row for the provider")]
    Missing(&'static str, &'static str),
    #[error("{0}: a 3-year commitment must be at least as deep as a 1-year one")]
    Terms(&'static str),
    #[error("{0} {1}: date, plan or source is blank or not YYYY-MM")]
    Blank(&'static str, &'static str),
}

/// `assets/purchase.ron`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PurchaseCatalog {
    /// Why no managed control plane's fee is discounted, with sources.
    pub control_plane: String,
    pub terms: Vec<Offer>,
}

impl PurchaseCatalog {
    /// Parses and checks a catalog: every provider priced for every term, discounts within
    /// their ranges inside 0–1, three years at least as deep as one, dates and sources given.
    pub fn parse(text: &str) -> Result<Self, PurchaseError> {
        let catalog: Self = ron::from_str(text).map_err(|error| PurchaseError::Syntax(error.to_string()))?;
        for offer in &catalog.terms {
            let (provider, term) = (offer.provider.key(), offer.purchase.key());
            if !(0.0 <= offer.min && offer.min <= offer.discount && offer.discount <= offer.max && offer.max < 1.0) {
                let (discount, min, max) = (offer.discount, offer.min, offer.max);
                return Err(PurchaseError::Range { provider, term, discount, min, max });
            }
            if !super::hosts::is_month(&offer.date) || offer.plan.trim().is_empty() || offer.source.trim().is_empty() {
                return Err(PurchaseError::Blank(provider, term));
            }
        }
        for provider in [Provider::Aws, Provider::Azure, Provider::Gcp] {
            for term in Term::ALL {
                if !catalog.terms.iter().any(|o| o.provider == provider && o.family.is_none() && o.purchase == term) {
                    return Err(PurchaseError::Missing(provider.key(), term.key()));
                }
            }
            let families = catalog.terms.iter().filter(|o| o.provider == provider).map(|o| o.family.as_deref());
            for family in families.collect::<Vec<_>>() {
                let deep = |term| catalog.offer_for(provider, family, term).map_or(0.0, |o| o.discount);
                if deep(Term::Committed3y) < deep(Term::Committed1y) {
                    return Err(PurchaseError::Terms(provider.key()));
                }
            }
        }
        Ok(catalog)
    }

    /// The offer for a host type: its family's row, else its provider's.
    pub fn offer(&self, host: &HostType, term: Term) -> Option<&Offer> {
        self.offer_for(host.provider, Some(&host.family), term)
    }

    fn offer_for(&self, provider: Provider, family: Option<&str>, term: Term) -> Option<&Offer> {
        let rows = || self.terms.iter().filter(move |o| o.provider == provider && o.purchase == term);
        rows()
            .find(|o| o.family.is_some() && o.family.as_deref() == family)
            .or_else(|| rows().find(|o| o.family.is_none()))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::model::catalogs::shipped;

    pub(in crate::model) fn catalog() -> &'static PurchaseCatalog {
        &shipped().purchase
    }

    pub(in crate::model) fn host(id: &str) -> &'static HostType {
        shipped().hosts.get(id).unwrap_or_else(|| panic!("{id}"))
    }

    #[test]
    fn every_provider_prices_every_term_with_a_dated_source() {
        let catalog = catalog();
        assert_eq!(catalog.terms.len(), 9);
        for offer in &catalog.terms {
            assert!(offer.source.len() > 100, "{:?} {:?} needs a real source", offer.provider, offer.purchase);
        }
        // Google's own figures for general-purpose resource-based commitments.
        let n2 = host("gcp/n2-standard-8");
        assert_eq!(catalog.offer(n2, Term::Committed1y).map(|o| o.discount), Some(0.37));
        assert_eq!(catalog.offer(n2, Term::Committed3y).map(|o| o.discount), Some(0.55));
        assert!(catalog.control_plane.contains("Savings Plans apply to EC2, Fargate and Lambda"));
    }

    #[test]
    fn a_catalog_missing_a_term_or_out_of_range_is_refused() {
        let text = include_str!("../../assets/purchase.ron");
        let no_gcp_spot = text.replace(
            "provider: Gcp, family: None, purchase: spot",
            "provider: Gcp, family: None, purchase: committed_1y",
        );
        assert!(matches!(PurchaseCatalog::parse(&no_gcp_spot), Err(PurchaseError::Missing("gcp", "spot"))));
        let too_deep = text.replacen("discount: 0.30, min: 0.25", "discount: 0.20, min: 0.25", 1);
        assert!(matches!(PurchaseCatalog::parse(&too_deep), Err(PurchaseError::Range { .. })));
    }

    #[test]
    fn keys_read_back() {
        for purchase in Purchase::ALL {
            assert_eq!(Purchase::from_key(purchase.key()), Some(purchase));
        }
        assert_eq!(Purchase::from_key("reserved"), None);
    }
}
