//! The scenario the model evaluates: the options compared, the components of the estate
//! (each a workload), their shared environment, and the user's weights and assumptions. The
//! file format that stores it lives in [`crate::profile`]; the model only reads this struct.

use std::collections::BTreeMap;

use super::assumptions::AssumptionId;
use super::options::{DEFAULT_OPTIONS, OptionId, OptionSpec, REGISTRY};
pub use super::traits::{Environment, NodeAgents, Team, Workload};
use super::traits::{Section, Sections, TraitId};

pub mod fields;

/// The `format` value every profile file carries.
pub const FORMAT: &str = "podvisor-profile";

/// The newest schema version this build reads and writes (it reads every older one too).
pub const VERSION: u32 = 3;

/// Fewest options a profile compares: a verdict needs a rival.
pub const MIN_OPTIONS: usize = 2;

/// Most options a profile compares at once: four columns still read side by side at
/// 1280×720, and there are four registered options.
pub const MAX_OPTIONS: usize = 4;

/// The name of the one component when a file gives none (version 1 files never do).
pub const DEFAULT_COMPONENT: &str = "Workload";

/// Most components a profile holds: an estate, not an inventory (imports group similar
/// services, so 200 services make a handful of components).
pub const MAX_COMPONENTS: usize = 64;

/// One part of the estate, scored on its own.
#[derive(Clone, Debug, PartialEq)]
pub struct Component {
    /// Only a label: the model never reads it.
    pub name: String,
    /// The option something outside the model fixes (a licence, a vendor appliance); the
    /// plan keeps it there.
    pub placement: Option<OptionId>,
    /// What it runs on today: where the phased path starts.
    pub current: OptionId,
    /// Its own way of buying compute, replacing the environment's (`None`: the environment's).
    pub purchase: Option<super::purchase::Purchase>,
    pub workload: Workload,
}

impl Default for Component {
    fn default() -> Self {
        Self {
            name: DEFAULT_COMPONENT.to_owned(),
            placement: None,
            current: OptionId::VM,
            purchase: None,
            workload: Workload::default(),
        }
    }
}

/// One scenario: the options compared, the components, their environment, and the user's
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
    /// The parts of the estate: never empty (files and the window keep at least one, and at
    /// most [`MAX_COMPONENTS`]). Scoring reads the first; [`Profile::focus`] puts any
    /// component first.
    pub components: Vec<Component>,
    pub environment: Environment,
    /// Criterion key → weight 0–5; missing criteria use their default weight. Keyed by the
    /// criterion's key, not its id: the id is a handle on the criterion's rule, which reads
    /// profiles, and the profile stays below the rules that read it.
    pub weights: BTreeMap<&'static str, f64>,
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
            components: vec![Component::default()],
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
    /// The workload scoring reads: the first component's.
    pub fn workload(&self) -> &Workload {
        &self.components[0].workload
    }

    /// The first component's workload, to change it.
    pub fn workload_mut(&mut self) -> &mut Workload {
        &mut self.components[0].workload
    }

    /// Reads any trait as a number (flags read as 0 or 1).
    pub fn get(&self, id: TraitId) -> f64 {
        id.get(self)
    }

    /// Writes any trait from a number, clamped to its range.
    pub fn set(&mut self, id: TraitId, value: f64) {
        id.set(self, value);
    }

    /// Copies one trait's stored value from another profile, exactly (no clamping).
    pub fn copy_trait(&mut self, from: &Self, id: TraitId) {
        id.copy(self, from);
    }

    /// Whether a nested optional section (the team, the node agents) is left unstated, so its
    /// traits read as defaults that count for nothing.
    pub fn unstated(&self, section: Section) -> bool {
        match section {
            Section::Team => self.environment.team.is_none(),
            Section::NodeAgents => self.environment.node_agents.is_none(),
            Section::Workload | Section::Environment => false,
        }
    }

    /// Whether the estate has more than one component.
    pub fn is_mixed(&self) -> bool {
        self.components.len() > 1
    }

    /// The currency its money figures are in: the profile's for its own hardware; US
    /// dollars on a catalog host, whose prices are listed in them. Two profiles' money
    /// compares only when this is the same (the model knows no exchange rate).
    pub fn currency(&self) -> &str {
        if self.environment.host == super::hosts::CUSTOM { &self.environment.currency } else { "USD" }
    }

    /// A one-component profile of component `index` with everything shared (options,
    /// environment, weights, assumptions): how each component is scored on its own. An
    /// index past the end gives the last component.
    #[must_use]
    pub fn focus(&self, index: usize) -> Profile {
        let index = index.min(self.components.len() - 1);
        Profile {
            format: self.format.clone(),
            version: self.version,
            name: self.name.clone(),
            notes: self.notes.clone(),
            options: self.options.clone(),
            components: vec![self.components[index].clone()],
            environment: self.environment.clone(),
            weights: self.weights.clone(),
            assumptions: self.assumptions.clone(),
        }
    }

    /// Takes back what was edited on a [`Profile::focus`] of component `index`: its component,
    /// and everything shared.
    pub fn absorb(&mut self, index: usize, focused: &Profile) {
        let index = index.min(self.components.len() - 1);
        let Profile { format, version, name, notes, options, components, environment, weights, assumptions } = focused;
        (self.format, self.version) = (format.clone(), *version);
        self.name.clone_from(name);
        self.notes.clone_from(notes);
        self.options.clone_from(options);
        if let Some(component) = components.first() {
            self.components[index] = component.clone();
        }
        self.environment.clone_from(environment);
        self.weights.clone_from(weights);
        self.assumptions.clone_from(assumptions);
    }

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

/// The trait table's accessors reach a profile's sections here: the workload is the first
/// component's (the one scoring reads).
impl Sections for Profile {
    fn section_workload(&self) -> &Workload {
        self.workload()
    }

    fn section_workload_mut(&mut self) -> &mut Workload {
        self.workload_mut()
    }

    fn section_environment(&self) -> &Environment {
        &self.environment
    }

    fn section_environment_mut(&mut self) -> &mut Environment {
        &mut self.environment
    }

    /// The team, for the trait table's accessors (it sits inside the environment): the
    /// defaults while the profile states none.
    fn section_team(&self) -> &Team {
        static UNSTATED: std::sync::LazyLock<Team> = std::sync::LazyLock::new(Team::default);
        self.environment.team.as_ref().unwrap_or(&UNSTATED)
    }

    /// The team, to change it: setting any of its fields states it.
    fn section_team_mut(&mut self) -> &mut Team {
        self.environment.team.get_or_insert_with(Team::default)
    }

    /// The team's node agents, for the trait table's accessors: the defaults while the
    /// profile states none (and none are counted).
    fn section_node_agents(&self) -> &NodeAgents {
        static UNSTATED: std::sync::LazyLock<NodeAgents> = std::sync::LazyLock::new(NodeAgents::default);
        self.environment.node_agents.as_ref().unwrap_or(&UNSTATED)
    }

    /// The node agents, to change them: setting any of their fields states them.
    fn section_node_agents_mut(&mut self) -> &mut NodeAgents {
        self.environment.node_agents.get_or_insert_with(NodeAgents::default)
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
