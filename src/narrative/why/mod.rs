//! Plain sentences saying why a criterion matters for this workload and how the options
//! compare on it. They quote the figures the model computed, never new ones: the terms, the
//! resources and what each criterion's rule recorded (its `Record`), never calling back into
//! the rules. Each sentence is written into one buffer: reports write one for every criterion
//! of every option. One module per theme holds the sentences of its criteria.
//!
//! A sentence follows the sign of the comparison: an option ahead of its rival is explained
//! by what it does well, one behind by what it lacks, so a pro never reads as a drawback nor
//! a con as an advantage. Figures are compared with "vs" only when they read differently,
//! and lifetimes are named in words ("long-lived") only when the traits say so.

mod cost;
mod footprint;
mod platform;
mod security;

use std::fmt::Write as _;

use crate::model::criteria::Record;
use crate::model::format::Number;
use crate::model::{CriterionId, Evaluation, OptionSpec, Profile, TraitId};

/// Lifespan from which instances are called long-lived, in days (a month: M-OPS-1's "weeks or
/// longer", and the point from which `churn` reads start-up as irrelevant).
pub const LONG_LIVED_DAYS: f64 = 30.0;

/// Where an option stands against its rival on one criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Standing {
    Ahead,
    Behind,
    Even,
}

/// Why option `option` (an index into `evaluation.options`) scores as it does on
/// `criterion`, compared with the rival the model found for it, if any.
pub fn why(evaluation: &Evaluation, profile: &Profile, option: usize, criterion: CriterionId) -> String {
    let mut out = String::with_capacity(160);
    // Writing to a String cannot fail.
    let _ = Why::new(evaluation, profile, option, criterion).write(&mut out);
    out
}

struct Why<'a> {
    evaluation: &'a Evaluation,
    profile: &'a Profile,
    option: usize,
    criterion: CriterionId,
    rival: Option<usize>,
    standing: Standing,
}

impl<'a> Why<'a> {
    fn new(evaluation: &'a Evaluation, profile: &'a Profile, option: usize, criterion: CriterionId) -> Self {
        let c = criterion as usize;
        let results = &evaluation.options;
        let rival = results[option].criteria[c].rival.and_then(|id| evaluation.position(id));
        let standing = rival.map_or(Standing::Even, |r| {
            let gap = results[option].criteria[c].score - results[r].criteria[c].score;
            if gap > 1e-9 {
                Standing::Ahead
            } else if gap < -1e-9 {
                Standing::Behind
            } else {
                Standing::Even
            }
        });
        Self { evaluation, profile, option, criterion, rival, standing }
    }

    fn rating(&self, id: TraitId) -> impl std::fmt::Display + 'static {
        id.meta().display(self.profile.get(id))
    }

    /// " vs <figure> for <rival>", or ", as for <rival>" when the figures read the same.
    fn vs(&self, out: &mut String, figure: impl Fn(usize) -> String) -> std::fmt::Result {
        let Some(r) = self.rival else { return Ok(()) };
        let (own, theirs) = (figure(self.option), figure(r));
        let rival = self.evaluation.options[r].spec.plural;
        if own == theirs { write!(out, ", as for {rival}") } else { write!(out, " vs {theirs} for {rival}") }
    }

    fn write(&self, out: &mut String) -> std::fmt::Result {
        match self.criterion {
            CriterionId::ResourceEfficiency => self.resource_efficiency(out),
            CriterionId::Cost => cost::write_cost(out, self.evaluation, self.profile, self.option, self.rival),
            CriterionId::StartupSpeed => self.startup_speed(out),
            CriterionId::RuntimePerformance => self.runtime_performance(out),
            CriterionId::Isolation => self.isolation(out),
            CriterionId::Patching => self.patching(out),
            CriterionId::SupplyChain => self.supply_chain(out),
            CriterionId::OsFlexibility => self.os_flexibility(out),
            CriterionId::Portability => self.portability(out),
            CriterionId::Scalability => self.scalability(out),
            CriterionId::DeliverySpeed => self.delivery_speed(out),
            CriterionId::NetworkingSimplicity => self.networking_simplicity(out),
            CriterionId::MigrationEffort => self.migration(out),
            CriterionId::ResilienceFit => self.resilience_fit(out),
            CriterionId::HeavyWorkloads => self.heavy_workloads(out),
            CriterionId::Nesting => self.nesting(out),
        }
    }

    /// What the rule recorded for option `i` on this criterion.
    fn record_of(&self, i: usize) -> Record {
        self.evaluation.options[i].criteria[self.criterion as usize].record
    }

    /// What the rule recorded for this option.
    fn record(&self) -> Record {
        self.record_of(self.option)
    }

    /// The option's row.
    fn spec(&self) -> &'static OptionSpec {
        self.evaluation.options[self.option].spec
    }

    fn ahead(&self) -> bool {
        self.standing == Standing::Ahead
    }

    fn behind(&self) -> bool {
        self.standing == Standing::Behind
    }

    fn rival_plural(&self) -> &'static str {
        self.rival.map_or("the others", |r| self.evaluation.options[r].spec.plural)
    }
}

/// How a lifespan reads as an adjective: "long-lived" from a month, "short-lived" under a
/// day, plain "running" between.
pub fn lifetime_adjective(lifespan_days: f64) -> &'static str {
    if lifespan_days >= LONG_LIVED_DAYS {
        "long-lived"
    } else if lifespan_days < 1.0 {
        "short-lived"
    } else {
        "running"
    }
}

/// A count as a number ("72").
fn number_of(value: f64) -> String {
    Number(value).to_string()
}

/// A count with its noun in agreement: "1 core", "2.5 cores".
fn count(value: f64, one: &str, many: &str) -> String {
    let text = Number(value).to_string();
    if text == "1" { format!("1 {one}") } else { format!("{text} {many}") }
}

/// "1 core", "2.5 cores".
fn cores(value: f64) -> String {
    count(value, "core", "cores")
}

/// "1 deploy a week", "40 deploys a week".
fn deploys_a_week(value: f64) -> String {
    format!("{} a week", count(value, "deploy", "deploys"))
}
