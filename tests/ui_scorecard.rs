//! The Scorecard adds up: where a must discounts an option, a row between the criteria and
//! the overall score shows the points it takes off (with why on hover), so the weighted mean
//! of the bars less that row is the overall score; where no must discounts anything, there
//! is no such row.

use crate::common;

use egui_kittest::kittest::Queryable as _;
use podvisor::model::OptionId;
use podvisor::ui::Tab;

#[test]
fn a_discount_for_a_must_is_its_own_row_with_its_figure_and_reason() {
    let mut harness = common::app();
    common::open_example(&mut harness, "monolith_decomposed_50_services.ron");
    harness.state_mut().select_tab(Tab::Scorecard);
    harness.run();

    let evaluation = harness.state().document().evaluation();
    let container = evaluation.option(OptionId::CONTAINER).expect("the example compares containers");
    let [discount] = container.discounts.as_slice() else { panic!("one discount: {:?}", container.discounts) };
    // By hand: migration effort weighted 4 (a must: p = 2, v = 10); containers trail VMs there
    // by 2.5 points, so d = (2.5 − 2)/(10 − 2) = 6.25 % of their weighted mean comes off.
    assert!((discount.discordance - 0.0625).abs() < 1e-9, "{discount:?}");
    let taken = 0.0625 * container.weighted_sum;
    assert!((container.weighted_sum - container.score - taken).abs() < 1e-9);
    let shown = format!("-{taken:.1}");
    let vms = evaluation.option(OptionId::VM).expect("the example compares VMs");
    assert!(vms.discounts.is_empty(), "VMs lead on migration effort: {:?}", vms.discounts);
    let shown_sum = (format!("{:.1}", container.weighted_sum), format!("{:.1}", container.score));

    // One word in the criteria's column; the must it names on hover.
    harness.get_by_label("Discount").scroll_to_me();
    harness.run();
    harness.get_by_label("Discount").hover();
    harness.run();
    assert!(harness.query_by_label_contains("Discount for a must (Migration effort).").is_some(), "the row's label");
    // Below the sixteen criteria: scrolled into view before the pointer rests on it.
    harness.get_by_label(&shown).scroll_to_me();
    harness.run();
    harness.get_by_label(&shown).hover();
    harness.run();
    assert!(
        harness
            .query_by_label_contains("total is discounted by 6.25% for trailing VMs by 2.5 points on migration effort")
            .is_some(),
        "the reason on hover"
    );
    // The overall bar's hover adds it up: 78.8 − 4.9 = 73.9 as shown.
    assert_eq!(shown_sum, ("78.8".to_owned(), "73.9".to_owned()));
    // The side panel shows the score too; the Scorecard's bar is the one under the discount.
    let below = harness.get_by_label(&shown).rect().bottom();
    let bar = harness
        .query_all_by_label("73.9")
        .map(|node| node.rect())
        .filter(|rect| rect.top() >= below)
        .min_by(|a, b| a.top().total_cmp(&b.top()))
        .expect("the overall bar under the discount row");
    harness.hover_at(bar.center());
    harness.run();
    let sum = "Weighted mean of the criteria 78.8 − discount for a must 4.9 = 73.9.";
    assert!(harness.query_by_label(sum).is_some(), "the sum on hover");
}

#[test]
fn without_a_discount_there_is_no_discount_row() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    harness.state_mut().select_tab(Tab::Scorecard);
    harness.run();
    let evaluation = harness.state().document().evaluation();
    assert!(evaluation.options.iter().all(|result| result.discounts.is_empty()), "the example has no discount");
    assert!(harness.query_by_label("Overall (0–100)").is_some(), "the Scorecard is on screen");
    assert!(harness.query_by_label("Discount").is_none());
}
