//! Two scenarios side by side: which settings differ (effective values, so a field left at
//! its default still compares against one set explicitly), and how scores, verdicts and
//! resources move from A to B. The window's baseline view and `podvisor compare` share it.

use super::assumptions::AssumptionId;
use super::catalogs::Catalogs;
use super::criteria::CriterionId;
use super::evaluation::{Evaluation, Verdict, weight};
use super::format::{Number, shown_change};
use super::options::OptionId;
use super::profile::Profile;
use super::profile::fields::{FIELDS, FieldKind, FieldMeta};
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

/// A resource in A and in B, and how it moved.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ResourceDelta {
    pub a: f64,
    pub b: f64,
    /// B − A; `None` for money when A and B count in different currencies: the model knows
    /// no exchange rate, and "1300 EUR vs 10527 USD, Δ +9227" would be a number no one can use.
    pub change: Option<f64>,
}

/// How one option's figures move from A to B.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionDelta {
    pub option: OptionId,
    pub score: Delta,
    /// In [`Comparison::criteria`] order.
    pub criteria: Vec<Delta>,
    /// In `ResourceId::ALL` order.
    pub resources: Vec<ResourceDelta>,
}

/// What became of the verdict from A to B, so that the words say what changed: a lead that
/// changes hands, a lead that becomes (or stops being) too close to call, or a margin only.
/// Margins are in points of the 0–100 scale, as verdicts print them.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum VerdictChange {
    /// Another option leads in B.
    Leader { a: OptionId, b: OptionId },
    /// The same option leads; in one of A and B it is too close to call, in the other it is clear.
    Firmness { leader: OptionId, close_in_a: bool, margin: Delta },
    /// The same option leads, as close or as clear on both sides; the margin moved (as
    /// shown, to a tenth of a point) or not.
    Margin { leader: OptionId, close_call: bool, margin: Delta },
}

impl VerdictChange {
    /// Whether B's answer differs from A's: another leader, or a close call on one side only.
    pub fn changed(&self) -> bool {
        !matches!(self, Self::Margin { .. })
    }

    /// The key JSON gives it: `leader`, `firmness`, `margin` or `none` (the margin prints the same).
    pub fn key(&self) -> &'static str {
        match self {
            Self::Leader { .. } => "leader",
            Self::Firmness { .. } => "firmness",
            Self::Margin { margin, .. } if shown_change(margin.a, margin.b) == 0.0 => "none",
            Self::Margin { .. } => "margin",
        }
    }
}

/// Everything that differs between two evaluated scenarios.
#[derive(Clone, Debug, PartialEq)]
pub struct Comparison {
    pub differences: Vec<Difference>,
    /// The criteria A was scored on, which each [`OptionDelta::criteria`] follows (both sides
    /// are scored on one set of catalogs).
    pub criteria: &'static [CriterionId],
    /// One per option both evaluations cover, in A's order (two profiles may compare
    /// different options; the verdicts below are each profile's own).
    pub options: Vec<OptionDelta>,
    /// Leaders in A and B, and whether B's verdict differs from A's ([`VerdictChange::changed`]).
    pub leader_a: OptionId,
    pub leader_b: OptionId,
    pub verdict_changed: bool,
    pub verdict: VerdictChange,
    /// The currency of A's and of B's money figures ([`Profile::currency`]).
    pub currency_a: String,
    pub currency_b: String,
}

impl Comparison {
    /// How option `id` moves from A to B, if both compare it.
    pub fn option(&self, id: OptionId) -> Option<&OptionDelta> {
        self.options.iter().find(|delta| delta.option == id)
    }

    /// Whether A's and B's money is in one currency, and so may be subtracted.
    pub fn same_currency(&self) -> bool {
        self.currency_a == self.currency_b
    }
}

/// The components of A and B, paired by name (a copy reordered, or saved by another
/// writer, pairs the same): each of A's with the first unpaired one of B's named the same.
/// Two one-component profiles pair their components whatever their names (a rename is a
/// difference of `component.name`, not a removal and an addition).
fn pair_components(a: &Profile, b: &Profile) -> Vec<(Option<usize>, Option<usize>)> {
    if !a.is_mixed() && !b.is_mixed() {
        return vec![(Some(0), Some(0))];
    }
    let mut paired = vec![false; b.components.len()];
    let mut pairs: Vec<(Option<usize>, Option<usize>)> = a
        .components
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let j = b.components.iter().enumerate().position(|(j, y)| !paired[j] && y.name == x.name);
            if let Some(j) = j {
                paired[j] = true;
            }
            (Some(i), j)
        })
        .collect();
    pairs.extend(paired.iter().enumerate().filter(|(_, done)| !**done).map(|(j, _)| (None, Some(j))));
    pairs
}

/// Where a component's settings are named: `component.` and `workload.` as in a
/// one-component file when both profiles have one; otherwise by the component's name,
/// `components["Orders database"].workload.services`, which says the same thing in A and
/// in B whatever their order.
fn component_prefix(a: &Profile, b: &Profile, name: &str) -> (String, String) {
    if a.is_mixed() || b.is_mixed() {
        let prefix = format!("components[{name:?}].");
        (prefix.clone(), format!("{prefix}workload."))
    } else {
        ("component.".to_owned(), "workload.".to_owned())
    }
}

/// The components' names, pins, current options and workloads, paired by name. A component
/// only one side has is one difference, `components["Cache"]`: `absent → added` or
/// `present → removed`.
fn component_differences(a: &Profile, b: &Profile, push: &mut impl FnMut(String, String, String)) {
    let pin = |p: Option<OptionId>| p.map_or_else(|| "none".to_owned(), |id| id.key().to_owned());
    for pair in pair_components(a, b) {
        let (in_a, in_b) = match pair {
            (Some(in_a), Some(in_b)) => (in_a, in_b),
            (Some(in_a), None) => {
                let name = &a.components[in_a].name;
                push(format!("components[{name:?}]"), "present".to_owned(), "removed".to_owned());
                continue;
            }
            (None, Some(in_b)) => {
                let name = &b.components[in_b].name;
                push(format!("components[{name:?}]"), "absent".to_owned(), "added".to_owned());
                continue;
            }
            (None, None) => continue,
        };
        let (x, y) = (&a.components[in_a], &b.components[in_b]);
        let (prefix, workload) = component_prefix(a, b, &x.name);
        push(format!("{prefix}name"), x.name.clone(), y.name.clone());
        push(format!("{prefix}placement"), pin(x.placement), pin(y.placement));
        push(format!("{prefix}current"), x.current.key().to_owned(), y.current.key().to_owned());
        let (fx, fy) = (a.focus(in_a), b.focus(in_b));
        for meta in TRAITS.iter().filter(|meta| meta.section == Section::Workload) {
            push(format!("{workload}{}", meta.key), meta.format(fx.get(meta.id)), meta.format(fy.get(meta.id)));
        }
        for meta in FIELDS.iter().filter(|field| field.section == Section::Workload) {
            if let (Some(x), Some(y)) = (shown(&fx, meta), shown(&fy, meta)) {
                push(format!("{workload}{}", meta.key), x, y);
            }
        }
    }
}

/// Settings that differ between two profiles (every component of each), in file order.
/// Components pair by name, not by position. The weights and assumptions compared are those
/// `catalogs` list.
pub fn differences(a: &Profile, b: &Profile, catalogs: &Catalogs) -> Vec<Difference> {
    let assumptions = &catalogs.assumptions;
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
    // The workload settings are each component's, above.
    for meta in TRAITS.iter().filter(|meta| meta.section != Section::Workload) {
        push(format!("{}.{}", meta.section.key(), meta.key), meta.format(a.get(meta.id)), meta.format(b.get(meta.id)));
    }
    for meta in environment_fields() {
        if let (Some(x), Some(y)) = (shown(a, meta), shown(b, meta)) {
            push(format!("{}.{}", meta.section.key(), meta.key), x, y);
        }
    }
    for &criterion in &catalogs.criteria {
        push(
            format!("weights.{}", criterion.key()),
            Number(weight(a, criterion)).to_string(),
            Number(weight(b, criterion)).to_string(),
        );
    }
    let (values_a, values_b) = (assumptions.resolve(&a.assumptions), assumptions.resolve(&b.assumptions));
    for id in AssumptionId::ALL {
        let unit = &assumptions.spec(*id).unit;
        push(
            format!("assumptions.{}", id.key()),
            format!("{} {unit}", Number(values_a.get(*id))),
            format!("{} {unit}", Number(values_b.get(*id))),
        );
    }
    out
}

/// The environment's rows of the field table in the order reports list their differences:
/// the fields compared since round 2 in the order the reports have kept (their outputs are
/// checked byte for byte), then every other row in file order, so a new row is compared
/// without an edit here.
fn environment_fields() -> impl Iterator<Item = &'static FieldMeta> {
    const REPORTED_FIRST: [&str; 5] = ["currency", "vm_patching", "host", "host_price_per_hour", "kubernetes"];
    let rows = || FIELDS.iter().filter(|field| field.section == Section::Environment);
    let first = REPORTED_FIRST.into_iter().filter_map(move |key| rows().find(|field| field.key == key));
    first.chain(rows().filter(|field| !REPORTED_FIRST.contains(&field.key)))
}

/// A field of the field table as a difference shows it: words and text as the file has them,
/// a flag as yes or no, a price per hour or "catalog price". A nested section has no value of
/// its own (its traits are compared one by one).
fn shown(profile: &Profile, meta: &FieldMeta) -> Option<String> {
    Some(match meta.kind {
        FieldKind::Word(words) => (words.get)(profile).to_owned(),
        FieldKind::Text { get, .. } | FieldKind::Host { get, .. } => get(profile).to_owned(),
        FieldKind::Price { get, .. } => {
            get(profile).map_or_else(|| "catalog price".to_owned(), |price| format!("{} USD/h", Number(price)))
        }
        FieldKind::Flag { get, .. } => (if get(profile) { "yes" } else { "no" }).to_owned(),
        FieldKind::Section(_) => return None,
    })
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

/// Compares two evaluated profiles (A is the reference, deltas are B − A). `a` and `b` are
/// the whole profiles, every component, for the settings that differ; the evaluations are
/// whichever component's each side shows (for an estate, one component's focus).
pub fn compare(a: &Profile, eval_a: &Evaluation, b: &Profile, eval_b: &Evaluation) -> Comparison {
    let same_currency = a.currency() == b.currency();
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
                .map(|r| {
                    let (x, y) = (oa.resources.get(*r), ob.resources.get(*r));
                    let comparable = same_currency || *r != ResourceId::MonthlyCost;
                    ResourceDelta { a: x, b: y, change: comparable.then_some(y - x) }
                })
                .collect(),
        })
        .collect();
    let verdict = verdict_change(&eval_a.verdict, &eval_b.verdict);
    Comparison {
        differences: differences(a, b, eval_a.site.catalogs),
        criteria: eval_a.criteria,
        options,
        leader_a: eval_a.verdict.leader,
        leader_b: eval_b.verdict.leader,
        verdict_changed: verdict.changed(),
        verdict,
        currency_a: a.currency().to_owned(),
        currency_b: b.currency().to_owned(),
    }
}

fn verdict_change(a: &Verdict, b: &Verdict) -> VerdictChange {
    let margin = Delta { a: 100.0 * a.margin, b: 100.0 * b.margin };
    if a.leader != b.leader {
        VerdictChange::Leader { a: a.leader, b: b.leader }
    } else if a.close_call != b.close_call {
        VerdictChange::Firmness { leader: a.leader, close_in_a: a.close_call, margin }
    } else {
        VerdictChange::Margin { leader: a.leader, close_call: a.close_call, margin }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, evaluate};

    fn catalogs() -> &'static Catalogs {
        crate::model::catalogs::shipped()
    }

    #[test]
    fn every_row_of_the_field_table_is_compared() {
        let a = Profile::default();
        let mut b = a.clone();
        b.workload_mut().arm64_ready = true;
        b.environment.vm_patching = crate::model::traits::VmPatching::GoldenImages;
        b.environment.purchase = crate::model::purchase::Purchase::Spot;
        b.environment.host = "aws/m6i.4xlarge".to_owned();
        b.environment.host_price_per_hour = Some(0.5);
        let found: Vec<(String, String, String)> =
            differences(&a, &b, crate::model::catalogs::shipped()).into_iter().map(|d| (d.field, d.a, d.b)).collect();
        let expected = [
            ("workload.arm64_ready", "no", "yes"),
            ("environment.vm_patching", "in_place", "golden_images"),
            ("environment.host", "custom", "aws/m6i.4xlarge"),
            ("environment.host_price_per_hour", "catalog price", "0.5 USD/h"),
            ("environment.purchase", "on_demand", "spot"),
        ];
        let expected: Vec<(String, String, String)> =
            expected.iter().map(|(f, x, y)| ((*f).to_owned(), (*x).to_owned(), (*y).to_owned())).collect();
        assert_eq!(found, expected);
    }

    #[test]
    fn components_are_paired_by_name_and_one_only_a_side_has_is_named_once() {
        let a = Profile::default();
        let mut b = a.clone();
        b.components[0].placement = Some(OptionId::VM);
        let mut database = b.components[0].clone();
        database.name = "Database".to_owned();
        b.components.push(database.clone());
        let mut c = b.clone();
        c.components[1].workload.services = 1;
        c.components[1].workload.primary_os = crate::model::traits::PrimaryOs::Windows;
        let fields = |x: &Profile, y: &Profile| {
            differences(x, y, catalogs()).into_iter().map(|d| (d.field, d.a, d.b)).collect::<Vec<_>>()
        };
        let owned = |rows: &[(&str, &str, &str)]| {
            rows.iter().map(|(f, a, b)| ((*f).to_owned(), (*a).to_owned(), (*b).to_owned())).collect::<Vec<_>>()
        };
        assert_eq!(
            fields(&a, &b),
            owned(&[
                (r#"components["Workload"].placement"#, "none", "vm"),
                (r#"components["Database"]"#, "absent", "added"),
            ])
        );
        assert_eq!(fields(&b, &a)[1], owned(&[(r#"components["Database"]"#, "present", "removed")])[0]);
        let edited = owned(&[
            (r#"components["Database"].workload.services"#, "10", "1"),
            (r#"components["Database"].workload.primary_os"#, "linux", "windows"),
        ]);
        assert_eq!(fields(&b, &c), edited);
        c.components.reverse();
        assert_eq!(fields(&b, &c), edited, "the order of the components is not a setting");
    }

    #[test]
    fn one_component_each_pairs_whatever_the_names() {
        let a = Profile::default();
        let mut b = a.clone();
        b.components[0].name = "Shop".to_owned();
        b.workload_mut().replicas = 7;
        let fields: Vec<String> = differences(&a, &b, catalogs()).into_iter().map(|d| d.field).collect();
        assert_eq!(fields, ["component.name", "workload.replicas"]);
    }

    #[test]
    fn defaults_and_explicit_defaults_do_not_differ() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.weights.insert(CriterionId::ISOLATION.key(), CriterionId::ISOLATION.spec().default_weight);
        b.assumptions
            .insert(AssumptionId::VmBootSeconds, catalogs().assumptions.spec(AssumptionId::VmBootSeconds).value);
        assert!(differences(&a, &b, catalogs()).is_empty(), "{:?}", differences(&a, &b, catalogs()));
    }

    #[test]
    fn every_changed_field_is_listed_with_both_values() {
        let a = Profile::default();
        let mut b = Profile::default();
        b.workload_mut().replicas = 5;
        b.environment.services_per_vm = 4;
        b.weights.insert(CriterionId::NESTING.key(), 0.0);
        b.assumptions.insert(AssumptionId::VmBootSeconds, 25.0);
        let fields: Vec<(String, String, String)> =
            differences(&a, &b, catalogs()).into_iter().map(|d| (d.field, d.a, d.b)).collect();
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
        let (ea, eb) =
            (evaluate(&a, crate::model::catalogs::shipped()), evaluate(&b, crate::model::catalogs::shipped()));
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
        let (ea, eb) =
            (evaluate(&a, crate::model::catalogs::shipped()), evaluate(&b, crate::model::catalogs::shipped()));
        let c = compare(&a, &ea, &b, &eb);
        let order: Vec<OptionId> = c.options.iter().map(|delta| delta.option).collect();
        assert_eq!(order, a.options, "A's order");
        assert!(c.options.iter().all(|delta| delta.score.delta().abs() < 1e-12), "same scenario, same scores");
        assert!(!c.verdict_changed);
        let options = differences(&a, &b, catalogs()).into_iter().find(|d| d.field == "options").expect("listed");
        assert_eq!((options.a.as_str(), options.b.as_str()), ("vm, container", "container, vm"));
    }

    #[test]
    fn money_in_two_currencies_is_never_subtracted() {
        let mut euros = Profile::default();
        euros.environment.currency = "EUR".to_owned();
        let dollars = Profile::default();
        let evaluated = |p: &Profile| evaluate(p, crate::model::catalogs::shipped());
        let c = compare(&euros, &evaluated(&euros), &dollars, &evaluated(&dollars));
        assert!(!c.same_currency());
        assert_eq!((c.currency_a.as_str(), c.currency_b.as_str()), ("EUR", "USD"));
        let cost = ResourceId::ALL.iter().position(|r| *r == ResourceId::MonthlyCost).expect("a resource");
        for option in &c.options {
            for (r, delta) in option.resources.iter().enumerate() {
                assert_eq!(delta.change.is_none(), r == cost, "{:?} {:?}", option.option, ResourceId::ALL[r]);
            }
            assert!(option.resources[cost].a > 0.0 && option.resources[cost].b > 0.0, "both figures are kept");
        }
        // On a catalog host both count in US dollars, whatever the label says.
        let (mut x, mut y) = (euros.clone(), dollars.clone());
        x.environment.host = "aws/m6i.4xlarge".to_owned();
        y.environment.host = "aws/m6i.4xlarge".to_owned();
        let (ex, ey) =
            (evaluate(&x, crate::model::catalogs::shipped()), evaluate(&y, crate::model::catalogs::shipped()));
        let same = compare(&x, &ex, &y, &ey);
        assert!(same.same_currency());
        assert!(same.options.iter().all(|o| o.resources.iter().all(|d| d.change.is_some())));
    }

    #[test]
    fn the_verdict_change_says_whether_the_leader_the_firmness_or_the_margin_moved() {
        let profile = Profile::default();
        let a = evaluate(&profile, crate::model::catalogs::shipped());
        let leader = a.verdict.leader;
        let with = |close_call: bool, margin: f64| {
            let mut evaluation = a.clone();
            (evaluation.verdict.close_call, evaluation.verdict.margin) = (close_call, margin);
            evaluation.verdict.winner = (!close_call).then_some(leader);
            evaluation
        };
        let change = |x: &Evaluation, y: &Evaluation| compare(&profile, x, &profile, y);
        let (clear, wider, close) = (with(false, 0.08), with(false, 0.123), with(true, 0.021));
        let margin = change(&clear, &wider);
        assert_eq!(
            margin.verdict,
            VerdictChange::Margin { leader, close_call: false, margin: Delta { a: 8.0, b: 12.3 } }
        );
        assert!(!margin.verdict_changed, "the same leader, as clear: the answer is the same");
        assert_eq!(margin.verdict.key(), "margin");
        assert_eq!(change(&clear, &clear).verdict.key(), "none");
        let firmer = change(&close, &clear);
        assert_eq!(
            firmer.verdict,
            VerdictChange::Firmness { leader, close_in_a: true, margin: Delta { a: 2.1, b: 8.0 } }
        );
        assert!(firmer.verdict_changed);
        assert_eq!(firmer.verdict.key(), "firmness");
    }
}
