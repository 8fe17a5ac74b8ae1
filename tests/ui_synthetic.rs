//! The window over catalogs with a criterion of a test's own and a profile comparing an
//! option of a test's own (both in `tests/synthetic`): the Scorecard gives the criterion its
//! row, weight and explanations and the option its column, with no edit to the window.

use crate::common;
use crate::synthetic::{self, CRITERION, OPTION};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::App;
use podvisor::model::{CRITERIA, OptionId};
use podvisor::profile::Profile;
use podvisor::ui::Tab;

#[test]
fn the_scorecard_shows_a_seventeenth_criterion_and_a_fifth_option() {
    // At most four options are compared: the synthetic one in place of microVMs.
    let options = vec![OptionId::VM, OptionId::CONTAINER, OptionId::CONTAINERS_ON_VMS, OPTION.id()];
    let profile = Profile { options, ..Profile::default() };
    // A small window: the seventeenth row lies below the fold, scrolled to.
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1024.0, 640.0))
        .build_eframe(|cc| App::with_scenario(cc, synthetic::catalogs(), profile.clone()));
    common::wait_for_confidence(&mut harness);
    harness.state_mut().select_tab(Tab::Scorecard);
    harness.run();

    let evaluation = harness.state().document().evaluation();
    assert_eq!(evaluation.criteria.len(), CRITERIA.len() + 1);
    let synthetic = evaluation.option(OPTION.id()).expect("the synthetic option is compared");
    let score = synthetic.criterion(CRITERION.id()).expect("scored on the synthetic criterion").score;
    let why = podvisor::narrative::why(evaluation, &profile, 3, CRITERION.id());
    assert!(harness.query_all_by_label("Synthetic").next().is_some(), "the option's column");

    harness.get_by_label("Guest reach").scroll_to_me();
    harness.run();
    harness.get_by_label("Guest reach").hover();
    harness.run();
    assert!(harness.query_by_label(CRITERION.question).is_some(), "the row's question on hover");
    assert!(harness.query_by_label("Weight of Guest reach").is_some(), "its weight, editable");

    // The synthetic option's bar on that row explains its score in the generic sentence.
    let row = harness.get_by_label("Guest reach").rect();
    let bar = harness
        .query_all_by_label(&format!("{score:.1}"))
        .map(|node| node.rect())
        .filter(|rect| (rect.center().y - row.center().y).abs() < row.height())
        .max_by(|a, b| a.left().total_cmp(&b.left()))
        .expect("the synthetic option's bar, the row's last");
    harness.hover_at(bar.center());
    harness.run();
    assert!(harness.query_by_label_contains(&why).is_some(), "why on hover: {why}");
}
