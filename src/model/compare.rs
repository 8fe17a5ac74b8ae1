//! Two scenarios side by side: which settings differ (effective values, so a field left at
//! its default still compares against one set explicitly), and how scores, verdicts and
//! resources move from A to B. The window's baseline view and `podvisor compare` share it.

use super::assumptions::{AssumptionId, Assumptions};
use super::criteria::CRITERIA;
use super::evaluation::{Evaluation, weight};
use super::format::{Number, Score, score_change};
use super::options::plural;
use super::resources::ResourceId;
use super::traits::TRAITS;
use crate::profile::Profile;

/// One setting that differs between A and B.
#[derive(Clone, Debug, PartialEq)]
pub struct Difference {
    /// Dotted path as in the profile file: `workload.replicas`, `weights.isolation`, ….
    pub field: String,
    pub a: String,
    pub b: String,
}

/// A figure in A and in B.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Delta {
    pub a: f64,
    pub b: f64,
}

impl Delta {
    pub fn delta(&self) -> f64 {
        self.b - self.a
    }
}

/// How one option's figures move from A to B.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionDelta {
    pub option: &'static str,
    pub score: Delta,
    /// In `CRITERIA` order.
    pub criteria: Vec<Delta>,
    /// In `ResourceId::ALL` order.
    pub resources: Vec<Delta>,
}

/// Everything that differs between two evaluated scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub differences: Vec<Difference>,
    /// One per option, in the evaluations' order.
    pub options: Vec<OptionDelta>,
    /// Leaders in A and B, and whether B's verdict differs from A's.
    pub leader_a: &'static str,
    pub leader_b: &'static str,
    pub verdict_changed: bool,
    /// One sentence on what moved from A (the baseline) to B; built once here rather than
    /// on every frame the banner draws it.
    pub summary: String,
}

impl Comparison {
    /// Every option's overall score and whether the lead changed hands, in one sentence.
    fn describe(&self) -> String {
        let moves: Vec<String> = self
            .options
            .iter()
            .map(|o| {
                format!(
                    "{} {} → {} ({})",
                    plural(o.option),
                    Score(o.score.a),
                    Score(o.score.b),
                    score_change(o.score.a, o.score.b)
                )
            })
            .collect();
        let lead = if self.leader_a == self.leader_b {
            format!("{} still lead", plural(self.leader_b))
        } else {
            format!("the lead passes from {} to {}", plural(self.leader_a), plural(self.leader_b))
        };
        let settings = match self.differences.len() {
            0 => "no setting changed".to_owned(),
            1 => "1 setting changed".to_owned(),
            n => format!("{n} settings changed"),
        };
        format!("Since the baseline ({settings}): {}; {lead}.", moves.join(", "))
    }
}

/// Settings that differ between two profiles, in file order.
pub fn differences(a: &Profile, b: &Profile) -> Vec<Difference> {
    let mut out = Vec::new();
    let mut push = |field: String, x: String, y: String| {
        if x != y {
            out.push(Difference { field, a: x, b: y });
        }
    };
    push("name".to_owned(), a.name.clone(), b.name.clone());
    if a.notes != b.notes {
        push("notes".to_owned(), summarise(&a.notes), summarise(&b.notes));
    }
    for meta in TRAITS {
        let section = if meta.group == super::traits::TraitGroup::Environment { "environment" } else { "workload" };
        push(format!("{section}.{}", meta.key), meta.format(a.get(meta.id)), meta.format(b.get(meta.id)));
    }
    push("environment.currency".to_owned(), a.environment.currency.clone(), b.environment.currency.clone());
    for criterion in CRITERIA {
        push(
            format!("weights.{}", criterion.key),
            Number(weight(a, criterion.id)).to_string(),
            Number(weight(b, criterion.id)).to_string(),
        );
    }
    let (values_a, values_b) = (Assumptions::builtin().resolve(a), Assumptions::builtin().resolve(b));
    for id in AssumptionId::ALL {
        let unit = &id.spec().unit;
        push(
            format!("assumptions.{}", id.key()),
            format!("{} {unit}", Number(values_a.get(*id))),
            format!("{} {unit}", Number(values_b.get(*id))),
        );
    }
    out
}

/// Notes shortened for a one-line difference.
fn summarise(notes: &str) -> String {
    let line = notes.lines().next().unwrap_or_default();
    let mut short: String = line.chars().take(60).collect();
    if short.len() < notes.len() {
        short.push('…');
    }
    short
}

/// Compares two evaluated profiles (A is the reference, deltas are B − A).
pub fn compare(a: &Profile, eval_a: &Evaluation, b: &Profile, eval_b: &Evaluation) -> Comparison {
    let options = eval_a
        .options
        .iter()
        .zip(&eval_b.options)
        .map(|(oa, ob)| OptionDelta {
            option: oa.spec.id,
            score: Delta { a: oa.score, b: ob.score },
            criteria: oa.criteria.iter().zip(&ob.criteria).map(|(ca, cb)| Delta { a: ca.score, b: cb.score }).collect(),
            resources: ResourceId::ALL
                .iter()
                .map(|r| Delta { a: oa.resources.get(*r), b: ob.resources.get(*r) })
                .collect(),
        })
        .collect();
    let (va, vb) = (&eval_a.verdict, &eval_b.verdict);
    let mut comparison = Comparison {
        differences: differences(a, b),
        options,
        leader_a: va.leader,
        leader_b: vb.leader,
        verdict_changed: va.leader != vb.leader || va.winner != vb.winner,
        summary: String::new(),
    };
    comparison.summary = comparison.describe();
    comparison
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;

    #[test]
    fn defaults_and_explicit_defaults_do_not_differ() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.weights.insert("isolation".into(), CRITERIA[3].default_weight);
        b.assumptions.insert("vm_boot_seconds".into(), AssumptionId::VmBootSeconds.spec().value);
        assert!(differences(&a, &b).is_empty(), "{:?}", differences(&a, &b));
    }

    #[test]
    fn every_changed_field_is_listed_with_both_values() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.workload.replicas = 5;
        b.environment.services_per_vm = 4;
        b.weights.insert("nesting".into(), 0.0);
        b.assumptions.insert("vm_boot_seconds".into(), 25.0);
        let fields: Vec<(String, String, String)> =
            differences(&a, &b).into_iter().map(|d| (d.field, d.a, d.b)).collect();
        assert_eq!(
            fields,
            vec![
                ("workload.replicas".into(), "2".into(), "5".into()),
                ("environment.services_per_vm".into(), "1".into(), "4".into()),
                ("weights.nesting".into(), "2".into(), "0".into()),
                ("assumptions.vm_boot_seconds".into(), "40 s".into(), "25 s".into()),
            ]
        );
    }

    #[test]
    fn deltas_are_b_minus_a_and_track_the_verdict() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.workload.isolation_need = 10;
        b.workload.legacy_coupling = 10;
        let (ea, eb) = (evaluate(&a, Assumptions::builtin()), evaluate(&b, Assumptions::builtin()));
        let c = compare(&a, &ea, &b, &eb);
        assert_eq!(c.leader_a, "container");
        assert_eq!(c.leader_b, "vm");
        assert!(c.verdict_changed);
        let container = &c.options[1];
        assert!((container.score.delta() - (eb.options[1].score - ea.options[1].score)).abs() < 1e-12);
        assert!(container.score.delta() < 0.0);
        assert_eq!(c.differences.len(), 2);
        let summary = c.summary.clone();
        assert!(summary.starts_with("Since the baseline (2 settings changed): VMs "), "{summary}");
        assert!(summary.ends_with("the lead passes from containers to VMs."), "{summary}");
        let same = compare(&a, &ea, &a, &ea).summary;
        assert!(
            same.contains("no setting changed") && same.contains("(0.0)") && same.ends_with("containers still lead."),
            "{same}"
        );
    }
}
