//! Issue 24 in the window's compare tab: an estate against its own copy lists only what was
//! edited (components pair by name, every component on both sides); money in two
//! currencies is shown side by side and never subtracted; the verdict's words say what changed.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::Command;
use podvisor::profile::{load_file, save_file};
use podvisor::ui::Tab;

const ESTATE: &str = "phased_modernisation.ron";

#[test]
fn an_estate_against_its_reordered_copy_lists_only_the_edit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut copy = load_file(&common::example(ESTATE)).expect("the bundled estate").profile;
    copy.components.reverse();
    let path = dir.path().join("copy.ron");
    save_file(&path, &copy).expect("saved");

    let mut harness = common::app();
    common::open_example(&mut harness, ESTATE);
    harness.state_mut().send(Command::CompareWith(path));
    harness.run();
    let c = harness.state().compared().map(|c| c.comparison().differences.clone());
    let labels: Vec<String> =
        harness.query_all_by_role(Role::Label).map(|n| format!("{n:?}").chars().take(120).collect()).collect();
    assert!(harness.query_by_label("Settings that differ (0)").is_some(), "the order is no setting {c:?} {labels:?}");
    assert!(harness.query_by_label_contains("Same verdict:").is_some(), "the verdict did not change");

    harness.state_mut().select_tab(Tab::Scorecard);
    harness.run();
    harness.get_by_role_and_label(Role::Slider, "Isolation need").set_value_accesskit(10.0);
    harness.run();
    harness.state_mut().select_tab(Tab::Compare);
    harness.run();
    let comparison = harness.state().compared().expect("B is chosen").comparison().clone();
    let fields: Vec<&str> = comparison.differences.iter().map(|d| d.field.as_str()).collect();
    assert_eq!(fields, [r#"components["Policy administration monolith"].workload.isolation_need"#]);
    assert!(harness.query_by_label("Settings that differ (1)").is_some());
    assert!(harness.query_by_label("Policy administration monolith: Isolation need").is_some(), "by its label");
}

#[test]
fn euros_beside_dollars_carry_their_currency_and_no_change() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut dollars = load_file(&common::example(ESTATE)).expect("the bundled estate").profile;
    assert_eq!(dollars.environment.currency, "EUR");
    dollars.environment.currency = "USD".to_owned();
    let path = dir.path().join("usd.ron");
    save_file(&path, &dollars).expect("saved");

    let mut harness = common::app();
    common::open_example(&mut harness, ESTATE);
    harness.state_mut().send(Command::CompareWith(path));
    harness.run();
    assert!(harness.query_all_by_label("Monthly cost (A in EUR, B in USD)").next().is_some(), "the row names both");
    assert!(harness.query_all_by_label_contains("A counts money in EUR and B in USD").next().is_some());
    let comparison = harness.state().compared().expect("B is chosen").comparison().clone();
    let cost = podvisor::model::ResourceId::ALL
        .iter()
        .position(|r| *r == podvisor::model::ResourceId::MonthlyCost)
        .expect("a resource");
    for option in &comparison.options {
        let money = option.resources[cost];
        assert_eq!(money.change, None);
        let a = format!("{} EUR", podvisor::model::format::number(money.a));
        assert!(harness.query_all_by_label(&a).next().is_some(), "{a} is shown with its currency");
    }
    assert_eq!(harness.query_all_by_label("—").count(), comparison.options.len(), "one blank change per option");
}

/// Both sides of a comparison are read by the same rule: B's confidence is drawn as A's is,
/// so a profile compared with its own copy is the same verdict, equally sure, on both sides
/// (B once had only the provisional points-based reading while A had its shares).
#[test]
fn b_is_as_sure_as_a_when_it_is_the_same_profile() {
    for file in [ESTATE, "saas_running_customer_code.ron"] {
        let mut harness = common::app();
        common::open_example(&mut harness, file);
        harness.state_mut().send(Command::CompareWith(common::example(file)));
        common::wait_for_confidence(&mut harness);
        let state = harness.state();
        let b = state.compared().expect("B is chosen").scenario();
        let (a, b) = (&state.document().evaluated().1.verdict, &b.evaluation.verdict);
        assert!(b.confidence.is_some(), "{file}: B's confidence is drawn");
        assert_eq!((a.confidence.as_ref(), a.close_call), (b.confidence.as_ref(), b.close_call), "{file}");
        assert!(harness.query_by_label_contains("Same verdict:").is_some(), "{file}");
        if let Some(estate) = &state.compared().expect("B").scenario().estate {
            assert!(estate.plan.confidence.is_some(), "{file}: B's plan is as sure as A's");
        }
    }
}
