//! The choice fields and flags drawn from the field table (primary OS, VM patching,
//! privileged containers, a packet data plane), driven in the whole window: each changes the
//! profile, and the scores follow.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::App;
use podvisor::model::traits::{PrimaryOs, VmPatching};

use crate::common;

/// Every option's overall score, as the window evaluated it.
fn scores(harness: &Harness<'_, App>) -> Vec<f64> {
    harness.state().document().evaluation().options.iter().map(|option| option.score).collect()
}

fn choose(harness: &mut Harness<'_, App>, field: &str, word: &str) {
    harness.get_by_label(field).click_accesskit();
    harness.run();
    harness.get_by_label(word).click_accesskit();
    harness.run();
}

#[test]
fn primary_os_and_vm_patching_are_chosen_in_their_combo_boxes_and_move_the_scores() {
    let mut harness = common::app();
    let linux = scores(&harness);

    choose(&mut harness, "Primary OS", "Windows");
    assert_eq!(common::profile(&harness).workload().primary_os, PrimaryOs::Windows);
    let windows = scores(&harness);
    assert_ne!(windows, linux, "a Windows workload scores otherwise");

    choose(&mut harness, "VM patching", "Golden images");
    assert_eq!(common::profile(&harness).environment.vm_patching, VmPatching::GoldenImages);
    assert_ne!(scores(&harness), windows, "golden images change how VMs score");
}

#[test]
fn a_packet_data_plane_is_ticked_in_the_window_and_costs_the_hypervisors() {
    let mut harness = common::app();
    let before = scores(&harness);
    harness.get_by_label("Packet data plane").click_accesskit();
    harness.run();
    assert!(common::profile(&harness).workload().packet_data_plane);
    let after = scores(&harness);
    // The VMs pass a hypervisor and lose some of their score; bare-metal containers keep it.
    let vm = harness.state().document().evaluation().options.iter().position(|option| option.spec.key == "vm");
    let vm = vm.expect("the default profile compares VMs");
    assert!(after[vm] < before[vm], "{} → {}", before[vm], after[vm]);
    assert!(harness.query_by_label("Privileged containers").is_some(), "every flag has its tick box");
}

/// The workload's fields sit with its other platform constraints under "Risk & isolation"; the
/// environment's (VM patching) with the hosts under "Environment": a presenter finds the
/// primary OS where the workload is described, not among the hosts.
#[test]
fn each_field_sits_in_its_sections_group() {
    let harness = common::app();
    let top = |label: &str| harness.get_by_label(label).rect().top();
    let (risk, delivery, environment) = (top("Risk & isolation"), top("Delivery & operations"), top("Environment"));
    for field in ["Primary OS", "Privileged containers", "Packet data plane"] {
        assert!(risk < top(field) && top(field) < delivery, "{field} at {} not in {risk}–{delivery}", top(field));
    }
    assert!(top("VM patching") > environment, "VM patching at {} above {environment}", top("VM patching"));
}
