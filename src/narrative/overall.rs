//! How an overall score is made up, in words: the weighted mean of the criterion scores, less
//! what the graded vetoes of musts take off. The Scorecard, the presenter and the reports show
//! the discount as its own row and the sum in full, so that what is on screen adds up (two
//! options more can move a rival's best score on a must, and with it a discount, while no
//! bar moves).

use super::capitalise;
use crate::model::format::{Number, Score, distinct, score_change, shown_change};
use crate::model::{Discount, Evaluation, OptionResult};

/// The discount row's label, naming every must that discounts some option: "Discount for a
/// must (Migration effort)", "Discount for musts (Isolation, Migration effort)". `None` when
/// no option is discounted.
pub fn discount_label(evaluation: &Evaluation) -> Option<String> {
    let mut musts: Vec<&'static str> = Vec::new();
    let mut bill = false;
    for discount in evaluation.options.iter().flat_map(|result| &result.discounts) {
        let label = discount.criterion.spec().label;
        if discount.bill_ratio.is_some() {
            bill = true;
        } else if !musts.contains(&label) {
            musts.push(label);
        }
    }
    match (musts.len(), bill) {
        (0, false) => None,
        (0, true) => Some("Discount for the bill".to_owned()),
        (1, false) => Some(format!("Discount for a must ({})", musts[0])),
        (_, false) => Some(format!("Discount for musts ({})", musts.join(", "))),
        (_, true) => Some(format!("Discounts ({}, the bill)", musts.join(", "))),
    }
}

/// The points the musts take off an option's overall score, as the scorecard shows them
/// ("-6.3"): the difference of the shown weighted mean and the shown overall, so that the
/// row adds up on screen. `None` for an option no must discounts.
pub fn discount_points(result: &OptionResult) -> Option<String> {
    (!result.discounts.is_empty()).then(|| score_change(result.weighted_sum, result.score))
}

/// Why an option is discounted: one sentence per must, largest discount first (the sentences
/// the verdict's summary uses). Empty for an option no must discounts.
pub fn discount_reasons(result: &OptionResult) -> Vec<String> {
    result.discounts.iter().map(|d| discount_sentence(result, d)).collect()
}

/// The overall score as a sum of what is on screen: "Weighted mean of the criteria 72.9 −
/// discount for a must 6.3 = 66.6", or "Weighted mean of the criteria 72.9; no must discounts
/// it".
pub fn overall_sum(result: &OptionResult) -> String {
    if result.discounts.is_empty() {
        return format!("Weighted mean of the criteria {}; no must discounts it.", Score(result.weighted_sum));
    }
    let taken = -shown_change(result.weighted_sum, result.score);
    format!(
        "Weighted mean of the criteria {} − discount for {} {} = {}.",
        Score(result.weighted_sum),
        match (result.discounts.len(), result.discounts[0].bill_ratio) {
            (1, Some(_)) => "the bill",
            (1, None) => "a must",
            _ => "musts and the bill",
        },
        Score(taken),
        Score(result.score),
    )
}

/// "Containers' total is discounted by 35% for trailing VMs by 4.8 points on isolation, a
/// must (weighted 5/5: discounts from a gap of 1, ruled out at 9)." — one discount; a whole
/// discount says the option is ruled out.
///
/// The gap is written with the digits it takes to read apart from the nearer threshold, and a
/// share of the total short of all of it never reads "100%": a gap of 8.9996 under a veto at 9
/// reads "8.9996 points … ruled out at 9", not "9 points … ruled out at 9".
pub(super) fn discount_sentence(result: &OptionResult, d: &Discount) -> String {
    if let Some(ratio) = d.bill_ratio {
        return bill_discount_sentence(result, d, ratio);
    }
    let weight = result.criterion(d.criterion).map_or(0.0, |score| score.weight);
    let (preference, veto) = (d.thresholds.preference, d.thresholds.veto);
    let nearer = if (d.gap - preference).abs() <= (d.gap - veto).abs() { preference } else { veto };
    let (gap, _) = distinct(d.gap, nearer);
    let how = if d.discordance >= 1.0 {
        "ruled out, its total counted as 0,".to_owned()
    } else {
        let percent = 100.0 * d.discordance;
        format!("discounted by {}%", distinct(percent, if percent < 50.0 { 0.0 } else { 100.0 }).0)
    };
    format!(
        "{} total is {how} for trailing {} by {gap} points on {}, a must (weighted {}/5: discounts from a gap of {}, ruled out at {}).",
        capitalise(&possessive(result.spec.plural)),
        d.rival.spec().plural,
        d.criterion.spec().label.to_lowercase(),
        Number(weight),
        Number(preference),
        Number(veto),
    )
}

/// "Containers on VMs' total is discounted by 7.4% for a bill 13.3 times VMs': beyond twice
/// the cheapest bill, 9% of the total for every tenfold." (The amounts are in the cost
/// criterion's reason.)
fn bill_discount_sentence(result: &OptionResult, d: &Discount, ratio: f64) -> String {
    format!(
        "{} total is discounted by {}% for a bill {} times {}: beyond {} times the cheapest bill, {}% of the total for every tenfold.",
        capitalise(&possessive(result.spec.plural)),
        Number(100.0 * d.discordance),
        Number(ratio),
        possessive(d.rival.spec().plural),
        Number(d.thresholds.preference),
        Number(100.0 * d.discordance / (ratio / d.thresholds.preference).log10()),
    )
}

/// "containers'" / "VMs'", as written mid-sentence (capitalise it to open one).
fn possessive(plural: &str) -> String {
    if plural.ends_with('s') { format!("{plural}'") } else { format!("{plural}'s") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{CriterionId, OptionId, Profile, VetoThresholds, evaluate};

    /// The default profile's containers, with one discount set by hand.
    fn discounted(gap: f64, discordance: f64) -> OptionResult {
        let evaluation = evaluate(&Profile::default(), crate::builtin::catalogs());
        let mut result = evaluation.option(OptionId::CONTAINER).expect("compared by default").clone();
        let thresholds = VetoThresholds::at(5.0).expect("a must");
        result.discounts = vec![Discount {
            criterion: CriterionId::ISOLATION,
            gap,
            discordance,
            thresholds,
            rival: OptionId::VM,
            bill_ratio: None,
        }];
        result.weighted_sum = 72.94;
        result.score = 72.94 * (1.0 - discordance);
        result
    }

    #[test]
    fn a_gap_just_under_the_veto_never_reads_as_the_veto() {
        // At weight 5: p = 1, v = 9; a gap of 8.9996 takes (8.9996 − 1)/8 = 99.995 % off.
        let result = discounted(8.9996, 0.999_95);
        let sentence = discount_reasons(&result).join(" ");
        assert!(
            sentence.contains("discounted by 99.995% for trailing VMs by 8.9996 points on isolation"),
            "{sentence}"
        );
        assert!(sentence.contains("ruled out at 9)"), "{sentence}");
        // Just past the preference threshold: not "0%", not "by 1 points … from a gap of 1".
        let sentence = discount_reasons(&discounted(1.0004, 0.000_05)).join(" ");
        assert!(sentence.contains("discounted by 0.005% for trailing VMs by 1.0004 points"), "{sentence}");
    }

    #[test]
    fn the_overall_is_the_weighted_mean_less_the_discount_as_shown() {
        // 72.94 less 6.25 %: 68.38125, shown 68.4; 72.9 − 4.5 = 68.4 on screen.
        let result = discounted(2.5, 0.0625);
        assert_eq!(discount_points(&result).as_deref(), Some("-4.5"));
        assert_eq!(overall_sum(&result), "Weighted mean of the criteria 72.9 − discount for a must 4.5 = 68.4.");
        let plain = OptionResult { discounts: Vec::new(), ..result };
        assert_eq!(discount_points(&plain), None);
        assert!(overall_sum(&plain).ends_with("; no must discounts it."));
    }

    #[test]
    fn a_bill_discount_names_its_rival_in_lower_case_mid_sentence() {
        // Containers with a bill 5 times the cheapest (containers on VMs'): 9 % a tenfold
        // beyond twice it takes 0.09 × log10(2.5) = 3.58 %.
        let mut result = discounted(0.0, 0.09 * 2.5_f64.log10());
        result.discounts[0].bill_ratio = Some(5.0);
        result.discounts[0].rival = OptionId::CONTAINERS_ON_VMS;
        result.discounts[0].thresholds.preference = 2.0;
        let sentence = discount_reasons(&result).join(" ");
        assert!(
            sentence.starts_with("Containers' total is discounted by 3.58% for a bill 5 times containers on VMs':"),
            "{sentence}"
        );
    }
}
