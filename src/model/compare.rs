//! Two scenarios side by side: which settings differ (effective values, so a field left at
//! its default still compares against one set explicitly), and how scores, verdicts and
//! resources move from A to B. The window's baseline view and `podvisor compare` share it.

use super::assumptions::{AssumptionId, Assumptions};
use super::criteria::CRITERIA;
use super::evaluation::{Evaluation, weight};
use super::format::Number;
use super::options::OptionId;
use super::profile::Profile;
use super::resources::ResourceId;
use super::traits::{Section, TRAITS};

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
    pub option: OptionId,
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
    /// One per option both evaluations cover, in A's order (two profiles may compare
    /// different options; the verdicts below are each profile's own).
    pub options: Vec<OptionDelta>,
    /// Leaders in A and B, and whether B's verdict differs from A's.
    pub leader_a: OptionId,
    pub leader_b: OptionId,
    pub verdict_changed: bool,
}

impl Comparison {
    /// How option `id` moves from A to B, if both compare it.
    pub fn option(&self, id: OptionId) -> Option<&OptionDelta> {
        self.options.iter().find(|delta| delta.option == id)
    }
}

/// Settings that differ between two profiles, in file order.
/// The components' names, pins and current options, and the workloads past the first (the
/// first's are the `workload.*` fields): `components[2].workload.services`. A component only
/// one side has is one difference, `components[2]`.
fn component_differences(a: &Profile, b: &Profile, push: &mut impl FnMut(String, String, String)) {
    let pin = |p: Option<OptionId>| p.map_or_else(|| "none".to_owned(), |id| id.key().to_owned());
    for index in 0..a.components.len().max(b.components.len()) {
        let prefix = if index == 0 { "component.".to_owned() } else { format!("components[{index}].") };
        let (Some(x), Some(y)) = (a.components.get(index), b.components.get(index)) else {
            let name = |p: &Profile| p.components.get(index).map_or_else(|| "—".to_owned(), |c| c.name.clone());
            push(format!("components[{index}]"), name(a), name(b));
            continue;
        };
        push(format!("{prefix}name"), x.name.clone(), y.name.clone());
        push(format!("{prefix}placement"), pin(x.placement), pin(y.placement));
        push(format!("{prefix}current"), x.current.key().to_owned(), y.current.key().to_owned());
        if index > 0 {
            let (fx, fy) = (a.focus(index), b.focus(index));
            for meta in TRAITS.iter().filter(|meta| meta.section == Section::Workload) {
                push(
                    format!("{prefix}workload.{}", meta.key),
                    meta.format(fx.get(meta.id)),
                    meta.format(fy.get(meta.id)),
                );
            }
        }
    }
}

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
    let keys = |profile: &Profile| profile.options.iter().map(|id| id.key()).collect::<Vec<_>>().join(", ");
    push("options".to_owned(), keys(a), keys(b));
    component_differences(a, b, &mut push);
    for meta in TRAITS {
        push(format!("{}.{}", meta.section.key(), meta.key), meta.format(a.get(meta.id)), meta.format(b.get(meta.id)));
    }
    push("environment.currency".to_owned(), a.environment.currency.clone(), b.environment.currency.clone());
    for choice in super::traits::CHOICES {
        let field = format!("{}.{}", choice.section.key(), choice.key);
        push(field, a.choice(choice.key).to_owned(), b.choice(choice.key).to_owned());
    }
    push("environment.host".to_owned(), a.environment.host.clone(), b.environment.host.clone());
    let price = |p: &Profile| {
        p.environment
            .host_price_per_hour
            .map_or_else(|| "catalog price".to_owned(), |price| format!("{} USD/h", Number(price)))
    };
    push("environment.host_price_per_hour".to_owned(), price(a), price(b));
    let flavour = |p: &Profile| p.environment.kubernetes.key().to_owned();
    push("environment.kubernetes".to_owned(), flavour(a), flavour(b));
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
        .filter_map(|oa| Some((oa, eval_b.option(oa.spec.id())?)))
        .map(|(oa, ob)| OptionDelta {
            option: oa.spec.id(),
            score: Delta { a: oa.score, b: ob.score },
            criteria: oa.criteria.iter().zip(&ob.criteria).map(|(ca, cb)| Delta { a: ca.score, b: cb.score }).collect(),
            resources: ResourceId::ALL
                .iter()
                .map(|r| Delta { a: oa.resources.get(*r), b: ob.resources.get(*r) })
                .collect(),
        })
        .collect();
    let (va, vb) = (&eval_a.verdict, &eval_b.verdict);
    Comparison {
        differences: differences(a, b),
        options,
        leader_a: va.leader,
        leader_b: vb.leader,
        verdict_changed: va.leader != vb.leader || va.winner != vb.winner,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, evaluate};

    #[test]
    fn components_past_the_first_are_compared_by_name_pin_and_workload() {
        let a = Profile::default();
        let mut b = a.clone();
        b.components[0].placement = Some(OptionId::VM);
        let mut database = b.components[0].clone();
        database.name = "Database".to_owned();
        b.components.push(database.clone());
        let mut c = b.clone();
        c.components[1].workload.services = 1;
        let fields =
            |x: &Profile, y: &Profile| differences(x, y).into_iter().map(|d| (d.field, d.a, d.b)).collect::<Vec<_>>();
        assert_eq!(
            fields(&a, &b),
            [
                ("component.placement".to_owned(), "none".to_owned(), "vm".to_owned()),
                ("components[1]".to_owned(), "—".to_owned(), "Database".to_owned())
            ]
        );
        assert_eq!(fields(&b, &c), [("components[1].workload.services".to_owned(), "10".to_owned(), "1".to_owned())]);
    }

    #[test]
    fn defaults_and_explicit_defaults_do_not_differ() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.weights.insert(CriterionId::Isolation, CriterionId::Isolation.spec().default_weight);
        b.assumptions.insert(AssumptionId::VmBootSeconds, AssumptionId::VmBootSeconds.spec().value);
        assert!(differences(&a, &b).is_empty(), "{:?}", differences(&a, &b));
    }

    #[test]
    fn every_changed_field_is_listed_with_both_values() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.workload_mut().replicas = 5;
        b.environment.services_per_vm = 4;
        b.weights.insert(CriterionId::Nesting, 0.0);
        b.assumptions.insert(AssumptionId::VmBootSeconds, 25.0);
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
        b.workload_mut().isolation_need = 10;
        b.workload_mut().legacy_coupling = 10;
        let (ea, eb) = (evaluate(&a, Assumptions::builtin()), evaluate(&b, Assumptions::builtin()));
        let c = compare(&a, &ea, &b, &eb);
        assert_eq!(c.leader_a, "container");
        assert_eq!(c.leader_b, "vm");
        assert!(c.verdict_changed);
        let container = &c.options[1];
        assert!((container.score.delta() - (eb.options[1].score - ea.options[1].score)).abs() < 1e-12);
        assert!(container.score.delta() < 0.0);
        assert_eq!(c.differences.len(), 2);
    }

    #[test]
    fn options_pair_by_id_and_a_changed_choice_is_a_difference() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.options.reverse();
        let (ea, eb) = (evaluate(&a, Assumptions::builtin()), evaluate(&b, Assumptions::builtin()));
        let c = compare(&a, &ea, &b, &eb);
        let order: Vec<OptionId> = c.options.iter().map(|delta| delta.option).collect();
        assert_eq!(order, a.options, "A's order");
        assert!(c.options.iter().all(|delta| delta.score.delta().abs() < 1e-12), "same scenario, same scores");
        assert!(!c.verdict_changed);
        let options = differences(&a, &b).into_iter().find(|d| d.field == "options").expect("listed");
        assert_eq!((options.a.as_str(), options.b.as_str()), ("vm, container", "container, vm"));
    }
}
