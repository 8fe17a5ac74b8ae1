//! The scenario the model evaluates: the options compared, a workload, its environment, and
//! the user's weights and assumptions. The file format that stores it lives in
//! [`crate::profile`]; the model only reads this struct.

use std::collections::BTreeMap;

use super::assumptions::AssumptionId;
use super::criteria::CriterionId;
use super::options::{DEFAULT_OPTIONS, OptionId, OptionSpec, REGISTRY};
pub use super::traits::{Environment, Workload};

/// The `format` value every profile file carries.
pub const FORMAT: &str = "podvisor-profile";

/// The newest schema version this build reads and writes (it reads every older one too).
pub const VERSION: u32 = 2;

/// Fewest options a profile compares: a verdict needs a rival.
pub const MIN_OPTIONS: usize = 2;

/// Most options a profile compares at once: four columns still read side by side at
/// 1280×720, and there are four registered options.
pub const MAX_OPTIONS: usize = 4;

/// The name of the one component when a file gives none (version 1 files never do).
pub const DEFAULT_COMPONENT: &str = "Workload";

/// One scenario: the options compared, the workload, its environment, and the user's
/// weights and assumptions.
#[derive(Clone, Debug, PartialEq)]
pub struct Profile {
    pub format: String,
    pub version: u32,
    pub name: String,
    /// Free text shown to the audience.
    pub notes: String,
    /// The options compared, in display order: [`MIN_OPTIONS`]–[`MAX_OPTIONS`] distinct
    /// registered ids. Files and the window keep to that; the model evaluates whatever is here.
    pub options: Vec<OptionId>,
    /// The name of the one component of the estate (schema v2 keeps it, with the workload,
    /// in `components`). Only a label: the model never reads it.
    pub component: String,
    /// The component's workload.
    pub workload: Workload,
    pub environment: Environment,
    /// Criterion → weight 0–5; missing criteria use their default weight.
    pub weights: BTreeMap<CriterionId, f64>,
    /// Assumption → value overriding `assets/assumptions.ron`.
    pub assumptions: BTreeMap<AssumptionId, f64>,
}

impl Default for Profile {
    fn default() -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: VERSION,
            name: "Untitled scenario".to_owned(),
            notes: String::new(),
            options: default_options(),
            component: DEFAULT_COMPONENT.to_owned(),
            workload: Workload::default(),
            environment: Environment::default(),
            weights: BTreeMap::new(),
            assumptions: BTreeMap::new(),
        }
    }
}

/// The options compared when nothing chooses others (and what a version 1 file compares).
pub fn default_options() -> Vec<OptionId> {
    DEFAULT_OPTIONS.iter().map(|spec| spec.id()).collect()
}

impl Profile {
    /// The rows of the options compared, in the profile's order.
    pub fn option_specs(&self) -> Vec<&'static OptionSpec> {
        self.options.iter().map(|id| id.spec()).collect()
    }

    /// Whether `option` may be ticked or unticked without leaving
    /// [`MIN_OPTIONS`]..=[`MAX_OPTIONS`].
    pub fn can_toggle(&self, option: OptionId) -> bool {
        if self.options.contains(&option) { self.options.len() > MIN_OPTIONS } else { self.options.len() < MAX_OPTIONS }
    }

    /// Adds `option` or takes it away, as a tick box would; refused (returning `false`)
    /// when that would leave fewer than [`MIN_OPTIONS`] or more than [`MAX_OPTIONS`]. An
    /// added option takes its place in the registry's display order among the others.
    pub fn toggle(&mut self, option: OptionId) -> bool {
        if !self.can_toggle(option) {
            return false;
        }
        if let Some(at) = self.options.iter().position(|id| *id == option) {
            self.options.remove(at);
        } else {
            let rank = |id: OptionId| REGISTRY.iter().position(|spec| spec.id() == id).unwrap_or(usize::MAX);
            let at = self.options.iter().position(|id| rank(*id) > rank(option)).unwrap_or(self.options.len());
            self.options.insert(at, option);
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_compare_the_default_options() {
        assert_eq!(Profile::default().options, [OptionId::VM, OptionId::CONTAINER]);
        assert_eq!(Profile::default().option_specs().len(), DEFAULT_OPTIONS.len());
    }

    #[test]
    fn toggling_keeps_between_two_and_four_in_registry_order() {
        let mut profile = Profile::default();
        assert!(!profile.can_toggle(OptionId::VM), "two is the fewest");
        assert!(!profile.toggle(OptionId::CONTAINER));
        assert_eq!(profile.options, [OptionId::VM, OptionId::CONTAINER]);
        let others: Vec<OptionId> =
            REGISTRY.iter().map(|spec| spec.id()).filter(|id| !profile.options.contains(id)).collect();
        for id in others.iter().rev() {
            assert!(profile.toggle(*id));
        }
        let registered: Vec<OptionId> = REGISTRY.iter().take(MAX_OPTIONS).map(|spec| spec.id()).collect();
        assert_eq!(profile.options, registered, "added options take their registry places");
        if let Some(first) = others.first() {
            assert!(profile.toggle(OptionId::VM));
            assert!(profile.toggle(*first));
            assert!(!profile.options.contains(first) && !profile.options.contains(&OptionId::VM));
            assert_eq!(profile.options.len(), registered.len() - 2);
        }
    }
}
