//! Adding a criterion is one module: a synthetic seventeenth (its row and its rule, declared
//! in `tests/synthetic` and nowhere in the library) joins the catalogs and runs through
//! evaluate, sensitivity, confidence, compare and every report, beside a synthetic fifth
//! option; the JSON holds to its published schema. The window's part is `ui_synthetic`.

use crate::schema_support::{COMPARISON, EVALUATION, Validator};
use crate::synthetic::{self, CRITERION, FIVE, OPTION};

use podvisor::model::{
    CRITERIA, CriterionId, Evaluation, Profile, confidence::SEED, confidence_options, evaluate_options, sensitivity,
};
use podvisor::narrative::{self, capitalise};
use podvisor::report::{Analysis, ComparedPair, json, markdown, text};

fn profile() -> Profile {
    let mut profile = Profile::default();
    profile.workload_mut().isolation_need = 10;
    profile.workload_mut().services = 40;
    profile
}

fn evaluated(profile: &Profile) -> Evaluation {
    evaluate_options(profile, synthetic::catalogs(), &FIVE)
}

#[test]
fn a_seventeenth_criterion_is_scored_weighed_and_explained() {
    let profile = profile();
    let evaluation = evaluated(&profile);
    let id = CRITERION.id();
    assert_eq!(evaluation.criteria.len(), CRITERIA.len() + 1);
    assert_eq!(evaluation.criteria.last(), Some(&id), "after the registry's, in scorecard order");
    assert!(CriterionId::from_key("guest_reach").is_none(), "a file names registered criteria only");
    assert!(id != CriterionId::COST && id != CriterionId::PORTABILITY);
    for (o, result) in evaluation.options.iter().enumerate() {
        assert_eq!(result.criteria.len(), evaluation.criteria.len());
        // By hand: half of each reading of the option's row.
        let readings = result.spec.readings;
        let mean = f64::midpoint(readings.os_flexibility.value, readings.portability.value);
        let score = result.criterion(id).expect("scored");
        assert!((score.score - mean).abs() < 1e-9, "{}: {} ≠ {mean}", result.spec.key, score.score);
        assert!((score.weight - 2.0).abs() < 1e-12, "its default weight");
        // The overall is the weighted mean of all seventeen, less the discounts.
        let (sum, weights) =
            result.criteria.iter().fold((0.0, 0.0), |(sum, weights), c| (sum + c.weight * c.score, weights + c.weight));
        let kept: f64 = result.discounts.iter().map(|d| 1.0 - d.discordance).product();
        assert!((10.0 * sum / weights * kept - result.score).abs() < 1e-6, "{}", result.score);
        // No writer of its own: its score, the rival's and its largest terms, as its rule
        // labelled them.
        let why = narrative::why(&evaluation, &profile, o, id);
        let opening = format!("{} score {:.1} on guest reach", capitalise(result.spec.plural), score.score);
        assert!(why.starts_with(&opening), "{why}");
        assert!(why.contains(readings.os_flexibility.label) && why.ends_with('.'), "{why}");
    }
    assert!(evaluation.option(OPTION.id()).is_some(), "the fifth option is scored on it too");
}

#[test]
fn weighted_zero_the_seventeenth_changes_no_total_and_no_shipped_score() {
    let mut profile = profile();
    profile.weights.insert(CRITERION.key, 0.0);
    let with = evaluated(&profile);
    let without = evaluate_options(&profile, podvisor::builtin::catalogs(), &FIVE);
    for (a, b) in with.options.iter().zip(&without.options) {
        assert!((a.score - b.score).abs() < 1e-9, "{}: {} ≠ {}", a.spec.key, a.score, b.score);
        for (x, y) in a.criteria.iter().zip(&b.criteria) {
            assert_eq!((x.criterion, x.score.to_bits()), (y.criterion, y.score.to_bits()));
        }
    }
    assert_eq!(with.verdict.leader, without.verdict.leader);
}

#[test]
fn sensitivity_and_confidence_weigh_the_seventeenth() {
    let mut profile = profile();
    let catalogs = synthetic::catalogs();
    let analysis = sensitivity::analyse_options(&profile, catalogs, &FIVE);
    assert_eq!(analysis.leader, evaluated(&profile).verdict.leader);
    let confidence = confidence_options(&profile, catalogs, &FIVE, SEED);
    let shares: f64 = FIVE.iter().map(|spec| confidence.share(spec.id())).sum();
    assert!((shares - 1.0).abs() < 1e-9, "{shares}");
    // Weighted as a must, it can rule an option out like any shipped criterion.
    profile.weights.insert(CRITERION.key, 5.0);
    let musts = evaluated(&profile);
    let trailing = musts.options.iter().flat_map(|o| &o.discounts).filter(|d| d.criterion == CRITERION.id());
    assert!(trailing.count() > 0, "the options trailing on guest reach are discounted");
}

#[test]
fn every_report_and_the_schema_carry_the_seventeenth() {
    let analysis = Analysis::of_options(profile(), synthetic::catalogs(), &FIVE);
    let text = text::analysis(&analysis);
    assert!(text.lines().any(|line| line.starts_with("Guest reach ")), "its row of scores: {text}");
    let markdown = markdown::analysis(&analysis);
    assert!(markdown.contains("| Guest reach | 2 |"), "its row of the scorecard: {markdown}");
    assert!(markdown.contains("- **Guest reach** — The mean of the option's OS-flexibility"), "{markdown}");
    let document = json::analysis(&analysis);
    for spec in FIVE {
        let why = &document["options"][spec.key]["criteria"]["guest_reach"]["why"];
        assert!(why.as_str().is_some_and(|why| why.contains("on guest reach")), "{}: {why}", spec.key);
    }
    assert_eq!(Validator::published(EVALUATION).errors(&document), None);

    let mut b = profile();
    b.weights.insert(CRITERION.key, 4.0);
    let pair = ComparedPair::of_options(profile(), b, synthetic::catalogs(), &FIVE);
    assert_eq!(pair.comparison.criteria.len(), CRITERIA.len() + 1);
    assert!(pair.comparison.differences.iter().any(|d| d.field == "weights.guest_reach" && d.b == "4"));
    let text = text::comparison(&pair);
    assert!(text.contains("weights.guest_reach"), "{text}");
    let markdown = markdown::comparison(&pair);
    assert!(markdown.contains("| Guest reach |"), "{markdown}");
    let document = json::comparison(&pair);
    assert!(document["options"]["synthetic"]["criteria"]["guest_reach"]["a"].is_number(), "{document}");
    assert_eq!(Validator::published(COMPARISON).errors(&document), None);
}
