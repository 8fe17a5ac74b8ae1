//! The choice fields drawn from the field table (primary OS, VM patching), driven through
//! their combo boxes: each choice changes the profile, and the scores follow.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use podvisor::model::evaluate;
use podvisor::model::traits::{PrimaryOs, VmPatching};
use podvisor::profile::Profile;
use podvisor::ui::fields_panel::choices_ui;

/// Every option's overall score, evaluated with the shipped catalogs.
fn scores(profile: &Profile) -> Vec<f64> {
    evaluate(profile, podvisor::builtin::catalogs()).options.iter().map(|option| option.score).collect()
}

fn choose(harness: &mut Harness<'_, Profile>, field: &str, word: &str) {
    harness.get_by_label(field).click_accesskit();
    harness.run();
    harness.get_by_label(word).click_accesskit();
    harness.run();
}

#[test]
fn primary_os_and_vm_patching_are_chosen_in_their_combo_boxes_and_move_the_scores() {
    let mut harness = Harness::new_ui_state(choices_ui, Profile::default());
    let linux = scores(harness.state());

    choose(&mut harness, "Primary OS", "Windows");
    assert_eq!(harness.state().workload().primary_os, PrimaryOs::Windows);
    let windows = scores(harness.state());
    assert_ne!(windows, linux, "a Windows workload scores otherwise");

    choose(&mut harness, "VM patching", "Golden images");
    assert_eq!(harness.state().environment.vm_patching, VmPatching::GoldenImages);
    assert_ne!(scores(harness.state()), windows, "golden images change how VMs score");
}
