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
    catalog_price, cost_basis, cost_breakdown, currency, host_choice, host_line, price_basis, resource_header,
    resource_value,
};
pub use findings::{
    break_even_sentences, comparison_summary, critical_weight_hint, flip_hint, sensitivity_sentences, verdict_change,
    veto_rule, warning,
};
pub use verdict::{CONFIDENCE_PENDING, confidence, explanation, headline, summary};
pub use why::why;

use crate::model::{CriterionId, Evaluation, Point, Profile};

/// The text of a pro or a con of option `option` (an index into `evaluation.options`):
/// why its criterion scores as it does, with the figures.
pub fn point_text(evaluation: &Evaluation, profile: &Profile, option: usize, point: &Point) -> String {
    why(evaluation, profile, option, point.criterion)
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
