//! What the confidence draws give: the share of plausible worlds each option leads in, for one
//! verdict and for an estate. A leaf, apart from the draws (`confidence`), so that the verdict
//! (`evaluation`) and the plan read the shares without importing the draws, which score
//! options through them.

use super::options::OptionId;

/// How often each option leads across plausible worlds.
#[derive(Clone, Debug, PartialEq)]
pub struct Confidence {
    /// Share of worlds (0–1) each option leads in, in the order of the options evaluated;
    /// they add up to 1.
    pub shares: Vec<(OptionId, f64)>,
    pub draws: usize,
    pub seed: u64,
}

impl Confidence {
    /// The share of worlds `option` leads in (0 for an option not evaluated).
    pub fn share(&self, option: OptionId) -> f64 {
        self.shares.iter().find(|(id, _)| *id == option).map_or(0.0, |(_, share)| *share)
    }
}

/// The confidences of an estate of several components, each in the same worlds.
#[derive(Clone, Debug, PartialEq)]
pub struct EstateConfidence {
    /// One per component, in profile order: as `confidence::confidence` of its focus gives it.
    pub components: Vec<Confidence>,
    /// How often each option leads "all on one platform" (the components' scores weighted
    /// by their steady instances, as the plan's `AllIn::score`).
    pub all_in: Confidence,
}
