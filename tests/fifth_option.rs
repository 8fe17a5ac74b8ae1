//! Adding an option is a row plus its sourced figures: a synthetic fifth option, declared
//! in the tests (`tests/synthetic`) and nowhere in the library, runs through evaluate,
//! sensitivity, compare and every report.

use crate::synthetic::{FIVE, OPTION as SYNTHETIC};

use podvisor::model::{OptionId, Profile, evaluate_options, sensitivity};
use podvisor::report::{Analysis, ComparedPair, json, markdown, text};

fn hostile() -> Profile {
    let mut profile = Profile::default();
    profile.workload_mut().isolation_need = 10;
    profile.workload_mut().services = 40;
    profile
}

#[test]
fn evaluate_and_sensitivity_cover_a_fifth_option() {
    let profile = hostile();
    let evaluation = evaluate_options(&profile, podvisor::builtin::catalogs(), &FIVE);
    assert_eq!(evaluation.options.len(), 5);
    let synthetic = evaluation.option(SYNTHETIC.id()).expect("the fifth option is evaluated");
    // Its overall score is the weighted mean of its criteria less its discounts, worked out here.
    let (sum, weights) =
        synthetic.criteria.iter().fold((0.0, 0.0), |(sum, weights), c| (sum + c.weight * c.score, weights + c.weight));
    let kept: f64 = synthetic.discounts.iter().map(|d| 1.0 - d.discordance).product();
    assert!((10.0 * sum / weights * kept - synthetic.score).abs() < 1e-6, "{}", synthetic.score);
    assert_eq!(synthetic.criteria.len(), podvisor::model::CRITERIA.len());
    // Its own readings, not a shipped option's, set its terms.
    let heavy = synthetic.criterion(podvisor::model::CriterionId::HEAVY_WORKLOADS).expect("scored");
    assert!(heavy.terms.iter().any(|term| term.label == "heavy work runs in a small guest"));
    // Every option has a rival to be explained against.
    assert!(evaluation.options.iter().all(|o| o.criteria.iter().all(|c| c.rival.is_some())));
    assert!(OptionId::from_key("synthetic").is_none(), "a test option stays out of the registry");
    assert_eq!(OptionId::from_key("vm"), Some(OptionId::VM));

    let analysis = sensitivity::analyse_options(&profile, podvisor::builtin::catalogs(), &FIVE);
    assert_eq!(analysis.leader, evaluation.verdict.leader);
    assert_eq!(analysis.traits.len(), podvisor::model::TRAITS.len());
}

#[test]
fn every_report_names_the_fifth_option() {
    let analysis = Analysis::of_options(hostile(), podvisor::builtin::catalogs(), &FIVE);
    let text = text::analysis(&analysis);
    assert!(text.contains("Synthetic — pros and cons for this workload"), "{text}");
    let markdown = markdown::analysis(&analysis);
    assert!(markdown.contains("## Synthetic: pros and cons for this workload"), "{markdown}");
    let json = json::analysis(&analysis);
    assert!(json["options"]["synthetic"]["score"].is_number(), "{json}");
    assert!(json["options"]["synthetic"]["criteria"]["isolation"]["why"].as_str().is_some_and(|w| !w.is_empty()));
    assert!(json["curves"]["services"]["synthetic"]["memory_gib"].is_array());
}

#[test]
fn compare_covers_a_fifth_option() {
    let mut b = hostile();
    b.workload_mut().isolation_need = 0;
    let pair = ComparedPair::of_options(hostile(), b, podvisor::builtin::catalogs(), &FIVE);
    assert_eq!(pair.comparison.options.len(), 5);
    assert_eq!(pair.comparison.options[4].option, "synthetic");
    let text = text::comparison(&pair);
    assert!(text.contains("\nSynthetic: overall "), "{text}");
    let markdown = markdown::comparison(&pair);
    assert!(markdown.contains("\n## Synthetic\n"), "{markdown}");
    let json = json::comparison(&pair);
    assert!(json["options"]["synthetic"]["score"]["delta"].is_number(), "{json}");
}
