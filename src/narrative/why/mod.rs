//! Plain sentences saying why a criterion matters for this workload and how the options
//! compare on it. They quote the figures the model computed, never new ones: the terms, the
//! resources and what each criterion's rule recorded (its `Record`), never calling back into
//! the rules. Each sentence is written into one buffer: reports write one for every criterion
//! of every option. One module per theme holds the sentences of its criteria; a criterion
//! with no writer of its own (one a caller added to the catalogs) is told from its score and
//! its largest terms.
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
use crate::model::format::{Number, Score, signed};
use crate::model::{CriterionId, CriterionScore, Evaluation, OptionSpec, Profile, TraitId};
use crate::narrative::{capitalise, in_sentence};

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
    let Some(c) = evaluation.criteria.iter().position(|id| *id == criterion) else {
        return format!("{} was not scored in this evaluation.", criterion.spec().label);
    };
    let why = Why::new(evaluation, profile, option, c);
    // Writing to a String cannot fail.
    let _ = match WRITERS.iter().find(|(id, _)| *id == criterion) {
        Some((_, write)) => write(&why, &mut out),
        None => why.generic(&mut out),
    };
    out
}

/// Writes one criterion's sentence.
type Writer = fn(&Why<'_>, &mut String) -> std::fmt::Result;

/// The sentences of the shipped criteria; any other is told by [`Why::generic`].
const WRITERS: [(CriterionId, Writer); 16] = [
    (CriterionId::RESOURCE_EFFICIENCY, |why, out| why.resource_efficiency(out)),
    (CriterionId::COST, |why, out| cost::write_cost(out, why.evaluation, why.profile, why.option, why.rival)),
    (CriterionId::STARTUP_SPEED, |why, out| why.startup_speed(out)),
    (CriterionId::RUNTIME_PERFORMANCE, |why, out| why.runtime_performance(out)),
    (CriterionId::ISOLATION, |why, out| why.isolation(out)),
    (CriterionId::PATCHING, |why, out| why.patching(out)),
    (CriterionId::SUPPLY_CHAIN, |why, out| why.supply_chain(out)),
    (CriterionId::OS_FLEXIBILITY, |why, out| why.os_flexibility(out)),
    (CriterionId::PORTABILITY, |why, out| why.portability(out)),
    (CriterionId::SCALABILITY, |why, out| why.scalability(out)),
    (CriterionId::DELIVERY_SPEED, |why, out| why.delivery_speed(out)),
    (CriterionId::NETWORKING_SIMPLICITY, |why, out| why.networking_simplicity(out)),
    (CriterionId::MIGRATION_EFFORT, |why, out| why.migration(out)),
    (CriterionId::RESILIENCE_FIT, |why, out| why.resilience_fit(out)),
    (CriterionId::HEAVY_WORKLOADS, |why, out| why.heavy_workloads(out)),
    (CriterionId::NESTING, |why, out| why.nesting(out)),
];

/// Terms a generic sentence names at most, largest first.
const GENERIC_TERMS: usize = 3;

struct Why<'a> {
    evaluation: &'a Evaluation,
    profile: &'a Profile,
    option: usize,
    /// The criterion's index in `evaluation.criteria` (and in each option's scores).
    criterion: usize,
    rival: Option<usize>,
    standing: Standing,
}

impl<'a> Why<'a> {
    fn new(evaluation: &'a Evaluation, profile: &'a Profile, option: usize, criterion: usize) -> Self {
        let c = criterion;
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

    /// A criterion without a sentence of its own: its score against the rival's, and the
    /// terms that moved it most, as its rule labelled them ("Containers score 7.5 on Cold
    /// storage vs 4.0 for VMs: image layers shared on a node +2; …").
    fn generic(&self, out: &mut String) -> std::fmt::Result {
        let own = self.score_of(self.option);
        let label = in_sentence(own.criterion.spec().label);
        write!(out, "{} score {} on {label}", capitalise(self.spec().plural), Score(own.score))?;
        self.vs(out, |i| Score(self.score_of(i).score).to_string())?;
        let mut terms: Vec<_> = own.terms.iter().filter(|term| term.effect != 0.0).collect();
        terms.sort_by(|a, b| b.effect.abs().total_cmp(&a.effect.abs()));
        for (at, term) in terms.iter().take(GENERIC_TERMS).enumerate() {
            write!(out, "{}{} {}", if at == 0 { ": " } else { "; " }, term.label, signed(term.effect))?;
        }
        out.push('.');
        Ok(())
    }

    /// Option `i`'s score on this criterion.
    fn score_of(&self, i: usize) -> &'a CriterionScore {
        &self.evaluation.options[i].criteria[self.criterion]
    }

    /// What the rule recorded for option `i` on this criterion.
    fn record_of(&self, i: usize) -> Record {
        self.score_of(i).record
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
