//! Every sentence Podvisor says about an evaluation: the verdict, why each score is what it
//! is, pros and cons, warnings, break-even points, robustness and what changed since a
//! baseline. The model returns facts (ids, enums, numbers); this module turns them into
//! words once, for the window, the reports and the command line alike.

pub mod feasibility;
pub mod figures;
pub mod findings;
pub mod overall;
pub mod plan;
pub mod verdict;
pub mod why;

pub use figures::{
    catalog_price, compared_change, compared_header, compared_values, cost_basis, cost_breakdown, currencies_note,
    host_choice, host_line, price_basis, resource_header, resource_value,
};
pub use findings::{
    break_even_sentences, comparison_summary, critical_weight_hint, flip_hint, sensitivity_sentences, verdict_change,
    veto_rule, warning, what_if_summary,
};
pub use verdict::{CONFIDENCE_PENDING, confidence, explanation, headline, summary};
pub use why::why;

use std::borrow::Cow;

use feasibility::Substrate;

use crate::model::{CriterionId, Evaluation, Point, Profile};

/// The text of a pro or a con of option `option` (an index into `evaluation.options`):
/// why its criterion scores as it does, with the figures.
pub fn point_text(evaluation: &Evaluation, profile: &Profile, option: usize, point: &Point) -> String {
    why(evaluation, profile, option, point.criterion)
}

/// The heading of a pro or a con of option `option` (an index into `evaluation.options`): the
/// criterion's, except that speed against bare metal names where the option really runs on a
/// cloud host. Containers on a cloud VM's nodes are not "close to bare metal"; they run close
/// to bare-metal speed on those VMs.
pub fn point_title(evaluation: &Evaluation, option: usize, point: &Point) -> Cow<'static, str> {
    let result = &evaluation.options[option];
    let pro = point.title == point.criterion.spec().pro;
    let substrate = if point.criterion == CriterionId::RUNTIME_PERFORMANCE {
        Substrate::of(result.spec, &result.feasibility, &evaluation.site)
    } else {
        None
    };
    match substrate {
        None => Cow::Borrowed(point.title),
        Some(Substrate::Hardware(host)) if pro => Cow::Owned(format!("Runs on the hardware itself ({})", host.id)),
        Some(substrate) if pro => Cow::Owned(format!("Runs close to bare-metal speed {}", substrate.phrase())),
        Some(substrate) => Cow::Owned(format!("{} {}", point.title, substrate.phrase())),
    }
}

/// The text with its first letter in upper case ("containers" → "Containers").
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().collect::<String>() + chars.as_str())
}

/// A label as it reads inside a sentence: its first letter lower case, unless the first
/// word is an initialism ("OS flexibility" stays, "Resource efficiency" becomes
/// "resource efficiency").
pub fn in_sentence(label: &str) -> String {
    let mut chars = label.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if !second.is_uppercase() => {
            first.to_lowercase().chain(label.chars().skip(1)).collect()
        }
        _ => label.to_owned(),
    }
}

/// Criterion labels as they read in a sentence, joined as "a, b and c".
fn join_labels(criteria: &[CriterionId]) -> String {
    let labels: Vec<String> = criteria.iter().map(|c| in_sentence(c.spec().label)).collect();
    join(&labels)
}

/// Phrases joined as "a, b and c".
fn join(phrases: &[String]) -> String {
    match phrases {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// A way of buying in words: "on demand", "committed 1 year", "on spot".
pub fn purchase_words(purchase: crate::model::purchase::Purchase) -> &'static str {
    use crate::model::purchase::Purchase;
    match purchase {
        Purchase::OnDemand => "on demand",
        Purchase::Committed1y => "committed 1 year",
        Purchase::Committed3y => "committed 3 years",
        Purchase::Spot => "on spot",
        Purchase::CommittedSteady => "the steady load committed 1 year, the peak on demand",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::options::REGISTRY;
    use crate::model::{OptionId, evaluate_options};

    /// Every option's pro and con headings on bare-metal speed, on `host`.
    fn headings(host: &str) -> Vec<(OptionId, String, String)> {
        let mut profile = Profile::default();
        host.clone_into(&mut profile.environment.host);
        let evaluation = evaluate_options(&profile, crate::builtin::catalogs(), REGISTRY);
        let criterion = CriterionId::RUNTIME_PERFORMANCE;
        let point = |title| Point { criterion, title, impact: 1.0, sources: Vec::new() };
        let heading = |o: usize, title| point_title(&evaluation, o, &point(title)).into_owned();
        let spec = criterion.spec();
        evaluation
            .options
            .iter()
            .enumerate()
            .map(|(o, r)| (r.spec.id(), heading(o, spec.pro), heading(o, spec.con)))
            .collect()
    }

    fn heading(headings: &[(OptionId, String, String)], option: OptionId, pro: bool) -> &str {
        let (_, p, c) = headings.iter().find(|(id, _, _)| *id == option).expect("every option");
        if pro { p } else { c }
    }

    #[test]
    fn bare_metal_speed_names_where_the_option_runs() {
        let aws = headings("aws/m6i.4xlarge");
        assert_eq!(heading(&aws, OptionId::CONTAINER, true), "Runs on the hardware itself (aws/m6i.metal)");
        assert_eq!(heading(&aws, OptionId::CONTAINER, false), "Slower than bare metal on aws/m6i.metal");
        assert_eq!(
            heading(&aws, OptionId::CONTAINERS_ON_VMS, true),
            "Runs close to bare-metal speed on aws/m6i.4xlarge nodes"
        );
        assert_eq!(heading(&aws, OptionId::VM, true), "Runs close to bare-metal speed on aws/m6i VMs");
        let gcp = headings("gcp/n2-standard-8");
        assert_eq!(
            heading(&gcp, OptionId::MICROVM, false),
            "Slower than bare metal in nested virtualization on gcp/n2-standard-8"
        );
        // Not offered: nothing to name (and no pro or con of it is ever argued).
        assert_eq!(heading(&gcp, OptionId::CONTAINER, true), "Runs close to bare metal");
        // The team's own hardware: every option owns the machines.
        for (_, pro, con) in headings("custom") {
            assert_eq!((pro.as_str(), con.as_str()), ("Runs close to bare metal", "Slower than bare metal"));
        }
    }
}
