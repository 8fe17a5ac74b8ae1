//! The criteria every option is scored on. Each is one module below, named by its key: its
//! row (what it asks, how Podvisor reads the sources into a number, its default weight and the
//! claims it rests on) and its rule, which scores an option and records the figures the
//! sentences quote. [`CRITERIA`] is the registry: the rows in scorecard order. An evaluation
//! scores the criteria its catalogs list ([`super::catalogs::Catalogs::criteria`], the registry
//! unless a caller adds its own), so a criterion declared elsewhere is scored and shown too.

use std::borrow::Cow;

mod id;

pub use id::CriterionId;

use super::assumptions::Values;
use super::profile::Profile;
use super::rules::{
    MigrationPath, RuleInputs, Shared, Term, Terms, burstiness, cadence, churn, guest_age_days, split, staleness,
};

pub mod cost;
pub mod delivery_speed;
pub mod heavy_workloads;
pub mod isolation;
pub mod migration_effort;
pub mod nesting;
pub mod networking_simplicity;
pub mod os_flexibility;
pub mod patching;
pub mod portability;
pub mod resilience_fit;
pub mod resource_efficiency;
pub mod runtime_performance;
pub mod scalability;
pub mod startup_speed;
pub mod supply_chain;

/// Everything shown about a criterion besides its scores.
#[derive(Clone, Copy, Debug)]
pub struct CriterionSpec {
    /// Key in profiles and JSON.
    pub key: &'static str,
    pub label: &'static str,
    /// The question the criterion answers.
    pub question: &'static str,
    /// How the rule turns the sources into a 0–10 score, stated plainly (see
    /// [`CriterionSpec::reading`]).
    pub wording: Wording,
    /// Weight 0–5 used when the profile sets none.
    pub default_weight: f64,
    /// Every claim the rule rests on.
    pub sources: &'static [&'static str],
    /// Heading of a pro for the option that scores higher here.
    pub pro: &'static str,
    /// Heading of a con for the option that scores lower here.
    pub con: &'static str,
    /// Appends the terms of one option's score (`option` indexes `inputs.options`) to `t`;
    /// they sum to the unclamped score. Returns the figures the rule worked out besides them.
    pub rule: Rule,
}

/// How a criterion's reading is worded: fixed text, or text that quotes the figures it rests
/// on — the assumption catalogue's, as a profile resolves them, and the rule's own constants —
/// so that a changed figure changes the sentence.
#[derive(Clone, Copy, Debug)]
pub enum Wording {
    Text(&'static str),
    Figures(fn(&Values) -> String),
}

impl CriterionSpec {
    /// The criterion's id: the address of its row.
    pub const fn id(&'static self) -> CriterionId {
        CriterionId::of(self)
    }

    /// How the rule turns the sources into a 0–10 score, stated plainly, with the figures of
    /// `values` (the catalogue as a profile resolves it).
    pub fn reading(&self, values: &Values) -> Cow<'static, str> {
        match self.wording {
            Wording::Text(text) => Cow::Borrowed(text),
            Wording::Figures(write) => Cow::Owned(write(values)),
        }
    }
}

/// A criterion's rule (see [`CriterionSpec::rule`]).
pub type Rule = fn(&mut Terms<'_>, &RuleInputs<'_>, usize) -> Record;

/// What a rule worked out besides its terms, for the sentences that explain the score: they
/// quote these figures rather than work them out again.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub enum Record {
    /// The terms, the score and the projected resources say all there is.
    #[default]
    Terms,
    /// How much start-up time matters, 0–1.
    StartupSpeed { relevance: f64 },
    /// The threat neighbours pose, 0–1, and the boundary's exposure with services sharing an
    /// instance, 0–10.
    Isolation { threat: f64, exposure: f64 },
    /// How stale a VM's guests get before they are replaced or patched, 0–1.
    SupplyChain { guest_staleness: f64 },
    /// How far coupled services must scale together through a burst, 0–1 (burstiness × split
    /// × legacy coupling; 0 where each service scales alone or the load is flat).
    Scalability { coupled: f64 },
    /// Instance churn, 0 (a month or more) to 1 (an hour or less), and the points given for
    /// live migration through host maintenance (0 for orchestrated options).
    ResilienceFit { churn: f64, live_migration: f64 },
    /// The workload's heaviness, 0–1.
    HeavyWorkloads { heaviness: f64 },
}

/// Highest weight a criterion can be given.
pub const MAX_WEIGHT: f64 = 5.0;

/// Every shipped criterion, in scorecard order: the registry. A criterion is its module below
/// (its row and its rule) and its line here.
pub static CRITERIA: &[&CriterionSpec] = &[
    &resource_efficiency::SPEC,
    &cost::SPEC,
    &startup_speed::SPEC,
    &runtime_performance::SPEC,
    &isolation::SPEC,
    &patching::SPEC,
    &supply_chain::SPEC,
    &os_flexibility::SPEC,
    &portability::SPEC,
    &scalability::SPEC,
    &delivery_speed::SPEC,
    &networking_simplicity::SPEC,
    &migration_effort::SPEC,
    &resilience_fit::SPEC,
    &heavy_workloads::SPEC,
    &nesting::SPEC,
];

/// Appends the terms of one option's score on one criterion to `out`; they sum to the
/// unclamped score. Callers reuse one buffer: sensitivity sweeps score thousands of times.
/// Returns what the criterion's rule recorded besides its terms.
pub(crate) fn terms(criterion: CriterionId, inputs: &RuleInputs<'_>, option: usize, out: &mut Vec<Term>) -> Record {
    (criterion.spec().rule)(&mut Terms(out), inputs, option)
}

/// The criteria whose scores depend on the path: named here, above the rules, since a
/// criterion's id reaches its rule and the rules name no criterion.
impl MigrationPath {
    pub const CRITERIA: [CriterionId; 3] =
        [CriterionId::MIGRATION_EFFORT, CriterionId::DELIVERY_SPEED, CriterionId::SCALABILITY];
}

/// The registry assembles the readings every rule shares, since three of them are criteria's
/// own (heaviness, threat, start-up relevance): the rules import no criterion module.
impl Shared {
    pub fn of(profile: &Profile, values: &Values) -> Self {
        let w = &profile.workload();
        Self {
            churn: churn(w.lifespan_days),
            cadence: cadence(w.deploys_per_week),
            staleness: staleness(w.lifespan_days),
            guest_staleness: staleness(guest_age_days(profile, values)),
            burstiness: burstiness(w.peak_factor),
            heaviness: heavy_workloads::heaviness(profile),
            split: split(profile),
            threat: isolation::threat(profile, values),
            startup: startup_speed::relevance(profile),
        }
    }
}

/// What the rules' hand-worked tests share.
#[cfg(test)]
pub(crate) mod by_hand {
    use super::CriterionId;
    use crate::model::{Profile, evaluate};

    /// (VM score, container score) of one criterion.
    pub fn scores(profile: &Profile, criterion: CriterionId) -> (f64, f64) {
        let evaluation = evaluate(profile, crate::model::catalogs::shipped());
        let score = |id: &str| {
            let option = evaluation.options.iter().find(|o| o.spec.key == id).expect("option evaluated");
            option.criterion(criterion).expect("criterion scored").score
        };
        (score("vm"), score("container"))
    }

    pub fn close(actual: f64, expected: f64) {
        assert!((actual - expected).abs() < 1e-6, "{actual} ≠ {expected}");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::facts::{FACTS, fact};

    #[test]
    fn ids_are_distinct_and_read_back_from_their_keys() {
        let ids: Vec<CriterionId> = CRITERIA.iter().map(|spec| spec.id()).collect();
        assert!(ids.iter().enumerate().all(|(i, id)| !ids[..i].contains(id)), "{ids:?}");
        for id in ids {
            assert_eq!(CriterionId::from_key(id.key()), Some(id));
        }
    }

    #[test]
    fn every_seed_fact_is_cited_by_some_rule() {
        for fact in FACTS {
            let citing: Vec<&str> = CRITERIA.iter().filter(|c| c.sources.contains(&fact.id)).map(|c| c.key).collect();
            assert!(!citing.is_empty(), "{} ({}) is cited by no rule", fact.id, fact.claim);
        }
    }

    #[test]
    fn every_cited_id_exists() {
        for spec in CRITERIA {
            for id in spec.sources {
                assert!(fact(id).is_some(), "{} cites unknown {id}", spec.key);
            }
        }
    }

    /// A criterion is one module named by its key, and every module but the registry and the
    /// id is registered: what the README's "How to add …" promises.
    #[test]
    fn every_module_is_a_registered_criterion() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/model/criteria");
        let mut modules: Vec<String> = std::fs::read_dir(folder)
            .expect("the criteria folder")
            .filter_map(|entry| entry.ok()?.file_name().to_str()?.strip_suffix(".rs").map(str::to_owned))
            .filter(|name| name != "mod" && name != "id")
            .collect();
        modules.sort();
        let mut keys: Vec<&str> = CRITERIA.iter().map(|spec| spec.key).collect();
        keys.sort_unstable();
        assert_eq!(modules, keys);
    }

    #[test]
    fn default_weights_are_in_range() {
        for spec in CRITERIA {
            assert!((0.0..=MAX_WEIGHT).contains(&spec.default_weight), "{}", spec.key);
        }
    }
}
