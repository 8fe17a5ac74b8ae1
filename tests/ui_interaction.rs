//! The explorer driven like a user would: find controls by their labels, act, and check what
//! the window shows. No GPU and no file dialogs are needed.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use podvisor::app::{App, Command};
use podvisor::model::AssumptionId;
use podvisor::profile::Profile;

/// The verdict headline the app should be showing now.
fn shown_headline(harness: &Harness<'_, App>) -> String {
    let text = podvisor::narrative::headline(harness.state().document().evaluation());
    assert!(harness.query_by_label(&text).is_some(), "the banner shows {text:?}");
    text
}

#[test]
fn sliders_change_the_verdict_in_the_banner() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    common::wait_for_confidence(&mut harness);
    let before = shown_headline(&harness);
    assert!(before.starts_with("Containers win"), "{before}");

    harness.get_by_role_and_label(Role::Slider, "Isolation need").set_value_accesskit(10.0);
    harness.run();
    harness.get_by_role_and_label(Role::Slider, "Legacy coupling").set_value_accesskit(10.0);
    harness.run();
    harness.get_by_role_and_label(Role::Slider, "Untrusted code").set_value_accesskit(10.0);
    harness.run();

    assert_eq!(common::profile(&harness).workload().isolation_need, 10);
    assert_eq!(common::profile(&harness).workload().legacy_coupling, 10);
    // The lead changed hands: "win" once the new leader's share of plausible worlds is drawn.
    common::wait_for_confidence(&mut harness);
    let after = shown_headline(&harness);
    assert!(after.starts_with("VMs win"), "{after}");
    assert!(harness.query_by_label(&before).is_none(), "the old verdict is gone");
}

#[test]
fn the_banner_shows_the_confidence_once_the_worker_has_drawn_it() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    // Before the worlds are drawn, a placeholder; the headline names the leader, not a winner.
    if harness.state().document().evaluation().verdict.confidence.is_none() {
        let placeholders = harness.query_all_by_label(podvisor::narrative::CONFIDENCE_PENDING).count();
        assert!(placeholders >= 1, "a placeholder in the banner (and the Scorecard)");
        assert!(shown_headline(&harness).starts_with("Containers lead by"));
    }
    common::wait_for_confidence(&mut harness);
    let evaluation = harness.state().document().evaluation();
    let drawn = evaluation.verdict.confidence.clone().expect("drawn off the frame");
    // What the command line and the reports draw for the same profile.
    let profile = common::profile(&harness);
    let expected = podvisor::model::confidence(&profile, podvisor::builtin::catalogs(), 21);
    assert_eq!(drawn, expected);
    assert!(!evaluation.verdict.confidence_stale);
    let headline = shown_headline(&harness);
    // A win's headline keeps to the points; the share is the line under it.
    assert!(headline.starts_with("Containers win by") && headline.ends_with(" points"), "{headline}");
    let line = podvisor::narrative::confidence(evaluation).expect("a confidence line");
    assert!(line.starts_with("Containers lead in ") && line.contains(" of plausible worlds"), "{line}");
    assert!(harness.query_all_by_label(&line).count() >= 1, "the banner shows {line:?}");
    assert!(harness.query_by_label(podvisor::narrative::CONFIDENCE_PENDING).is_none());

    // A slider moved: the leader stays, so the last shares stay on screen (marked stale)
    // until the new ones are drawn; the headline keeps saying "win".
    harness.get_by_role_and_label(Role::Slider, "Isolation need").set_value_accesskit(4.0);
    harness.step();
    let verdict = &harness.state().document().evaluation().verdict;
    assert!(verdict.confidence.is_some() && verdict.winner.is_some(), "{verdict:?}");
    assert!(shown_headline(&harness).starts_with("Containers win by"));
    common::wait_for_confidence(&mut harness);
    assert!(!harness.state().document().evaluation().verdict.confidence_stale);
}

#[test]
fn a_slider_tells_where_the_verdict_would_flip() {
    let mut harness = common::app();
    common::open_example(&mut harness, "monolith_decomposed_50_services.ron");
    let services = podvisor::model::TraitId::Services;
    let flip = harness.state().document().sensitivity().of(services).copied().expect("services analysed");
    assert_eq!(flip.flips_to, Some(podvisor::model::OptionId::CONTAINER), "fewer services favour containers here");
    let at = flip.flip_at.expect("a flip point within the range");

    harness.get_by_role_and_label(Role::Slider, "Services").hover();
    harness.run_ok();
    let text = format!("At {} the lead changes: containers come out ahead", services.meta().format(at));
    assert!(harness.query_by_label_contains(&text).is_some(), "the hover names the flip point: {text}");
}

#[test]
fn a_flag_is_a_checkbox_and_the_number_box_edits_too() {
    let mut harness = common::app();
    // Further down the panel than the window shows: act through accessibility, as a screen
    // reader would.
    // (The scorecard's tornado names the trait too.)
    harness.get_by_role_and_label(Role::CheckBox, "Needs nested virtualization").click_accesskit();
    harness.run();
    assert!(common::profile(&harness).workload().nested_virtualization);

    harness.get_by_label("Services value").set_value_accesskit(120.0);
    harness.run();
    assert_eq!(common::profile(&harness).workload().services, 120);
}

#[test]
fn editing_a_weight_changes_the_ranking() {
    let mut harness = common::app();
    let before = harness.state().document().evaluation().verdict.leader;
    assert_eq!(before, "container");

    harness.get_by_label("Weight of Resource efficiency").set_value_accesskit(0.0);
    harness.run();
    harness.get_by_label("Weight of Patching burden").set_value_accesskit(0.0);
    harness.run();
    harness.get_by_label("Weight of Start-up speed").set_value_accesskit(0.0);
    harness.run();

    let weights = &common::profile(&harness).weights;
    assert_eq!(weights.get(podvisor::model::CriterionId::RESOURCE_EFFICIENCY.key()), Some(&0.0));
    assert_eq!(harness.state().document().evaluation().verdict.leader, "vm");
    shown_headline(&harness);

    harness.get_by_label("Reset weight of Patching burden").click();
    harness.run();
    assert!(!common::profile(&harness).weights.contains_key(podvisor::model::CriterionId::PATCHING.key()));
}

#[test]
fn reset_puts_one_slider_back_to_its_default() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    assert_eq!(common::profile(&harness).workload().replicas, 3);
    let services = common::profile(&harness).workload().services;

    harness.get_by_label("Reset Replicas").click();
    harness.run();

    assert_eq!(common::profile(&harness).workload().replicas, 2, "the default");
    assert_eq!(common::profile(&harness).workload().services, services, "other traits untouched");
    assert!(harness.query_by_label("Reset Replicas").is_none(), "nothing left to reset");
}

#[test]
fn undo_restores_and_one_drag_is_one_step() {
    let mut harness = common::app();
    let original = common::profile(&harness);
    let rail = harness.get_by_role_and_label(Role::Slider, "Replicas").rect();

    // One drag across the rail over several frames.
    let start = rail.left_center() + egui::vec2(4.0, 0.0);
    harness.hover_at(start);
    harness.drag_at(start);
    harness.step();
    for step in 1..=6 {
        harness.hover_at(start + egui::vec2(rail.width() * 0.12 * step as f32, 0.0));
        harness.step();
    }
    harness.drop_at(start + egui::vec2(rail.width() * 0.72, 0.0));
    harness.run();
    let dragged = common::profile(&harness);
    assert_ne!(dragged.workload().replicas, original.workload().replicas, "the drag moved the slider");
    assert!(harness.state().window_title().contains('●'), "unsaved changes are marked in the title");

    // A slider keeps keyboard focus after a drag (arrow keys move it); that must not hold
    // the edit open or swallow Ctrl+Z.
    harness.get_by_role_and_label(Role::Slider, "Replicas").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(common::profile(&harness), original, "one undo takes back the whole drag");
    assert!(!harness.state().document().can_undo());
    assert!(!harness.state().window_title().contains('●'));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(common::profile(&harness), dragged, "redo");
}

#[test]
fn typing_a_name_is_one_undo_step_once_the_field_is_left() {
    let mut harness = common::app();
    let name = harness.get_by_role_and_label(Role::TextInput, "Name");
    name.focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_role_and_label(Role::TextInput, "Name").type_text("Payments");
    harness.run();
    assert_eq!(common::profile(&harness).name, "Payments");
    harness.key_press(Key::Escape); // leaves the field
    harness.run();

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(common::profile(&harness).name, "Untitled scenario");
    assert!(!harness.state().document().can_undo(), "the whole entry was one step");
}

#[test]
fn a_bad_file_shows_its_error_and_keeps_the_scenario() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(7.0);
    harness.run();
    let before = common::profile(&harness);

    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("broken.ron");
    std::fs::write(
        &bad,
        "(\n    format: \"podvisor-profile\",\n    version: 1,\n    workload: (services: \"many\"),\n)\n",
    )
    .expect("write");
    harness.state_mut().send(Command::Open(bad.clone()));
    harness.run();
    // Opening would drop unsaved changes, so the app asks first.
    harness.get_by_label("Discard").click();
    harness.run();

    let alert = harness.state().alert().expect("an error is shown").clone();
    assert!(alert.detail.contains("broken.ron:4:"), "names the file and line: {}", alert.detail);
    assert!(harness.query_by_label_contains("broken.ron:4:").is_some(), "the error is on screen");
    assert_eq!(common::profile(&harness), before, "the scenario is exactly as it was");
    assert!(harness.state().document().is_dirty(), "and still unsaved");

    harness.get_by_label("Dismiss").click();
    harness.run();
    assert!(harness.state().alert().is_none());
}

#[test]
fn new_with_unsaved_changes_asks_first() {
    let mut harness = common::app();
    common::open_example(&mut harness, "hostile_multi_tenant_hosting.ron");
    harness.get_by_role_and_label(Role::Slider, "Services").set_value_accesskit(40.0);
    harness.run();
    let edited = common::profile(&harness);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::N);
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some(), "the question is shown");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(common::profile(&harness), edited, "Cancel keeps the scenario");
    assert!(harness.query_by_label("Unsaved changes").is_none());

    harness.state_mut().send(Command::New);
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(common::profile(&harness), Profile::default(), "Discard starts afresh");
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn closing_the_window_with_unsaved_changes_is_held_back() {
    let mut harness = common::app();
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(5.0);
    harness.run();

    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.step();
    let commands = &harness.output().viewport_output[&egui::ViewportId::ROOT].commands;
    assert!(commands.contains(&egui::ViewportCommand::CancelClose), "close is cancelled while asking");
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(common::profile(&harness).workload().replicas, 5);
}

#[test]
fn save_and_save_as_through_the_in_app_browser() {
    let mut harness = common::app_with_browser();
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(6.0);
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("mine");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(harness.query_by_label_contains("Save profile as").is_some(), "the browser opens, titled");
    common::type_into_browser(&mut harness, "untitled_scenario.ron", &target);

    let saved = target.with_extension("ron");
    let loaded = podvisor::profile::load_file(&saved).expect("saved file loads");
    assert_eq!(loaded.profile, common::profile(&harness));
    assert!(!harness.state().document().is_dirty());
    assert_eq!(harness.state().window_title(), "mine.ron — Podvisor");
    assert_eq!(harness.state().document().path(), Some(saved.as_path()));
}

#[test]
fn choosing_save_in_the_question_saves_first_then_carries_on() {
    let mut harness = common::app_with_browser();
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(4.0);
    harness.run();
    let edited = common::profile(&harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let target = dir.path().join("before_new.ron");

    harness.state_mut().send(Command::New);
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    // Never saved, so the path is asked for (in the app's browser: no file dialog here).
    common::type_into_browser(&mut harness, "untitled_scenario.ron", &target);

    let saved = podvisor::profile::load_file(&target).expect("saved before going on");
    assert_eq!(saved.profile, edited);
    assert_eq!(common::profile(&harness), Profile::default(), "then the new scenario");

    // The saved file is now a recent one.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Recent files").hover();
    harness.run();
    assert!(harness.query_by_label(&target.display().to_string()).is_some());
}

#[test]
fn open_example_from_the_menu() {
    let mut harness = common::app();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Open example").hover();
    harness.run();
    harness.get_by_label("Lift-and-shift of a legacy monolith").click();
    harness.run();

    assert_eq!(common::profile(&harness).name, "Lift-and-shift of a legacy monolith");
    assert!(harness.query_by_label("Lift-and-shift of a legacy monolith").is_none(), "the menu closed");
    assert_eq!(
        harness.get_by_role_and_label(Role::TextInput, "Name").value().as_deref(),
        Some("Lift-and-shift of a legacy monolith")
    );
    shown_headline(&harness);
}

#[test]
fn assumptions_are_overridden_and_reset() {
    let mut harness = common::app();
    harness.get_by_label("Assumptions").click();
    harness.run();
    let before = harness.state().document().evaluation().options[0].resources.start_seconds;

    harness.get_by_label("VM start time").set_value_accesskit(10.0);
    harness.run();
    assert_eq!(common::profile(&harness).assumptions.get(&AssumptionId::VmBootSeconds), Some(&10.0));
    let after = harness.state().document().evaluation().options[0].resources.start_seconds;
    assert!((after - 10.0).abs() < 1e-9 && (before - after).abs() > 1.0, "{before} → {after}");

    harness.get_by_label("VM start time").set_value_accesskit(1e6);
    harness.run();
    assert_eq!(
        common::profile(&harness).assumptions.get(&AssumptionId::VmBootSeconds),
        Some(&300.0),
        "clamped to the range"
    );

    harness.get_by_label("Reset VM start time").click();
    harness.run();
    assert!(common::profile(&harness).assumptions.is_empty());

    harness.get_by_label("Guest OS memory per VM").set_value_accesskit(2048.0);
    harness.get_by_label("VM start time").set_value_accesskit(20.0);
    harness.run();
    assert_eq!(common::profile(&harness).assumptions.len(), 2);
    harness.get_by_label("Reset all assumptions").click();
    harness.run();
    assert!(common::profile(&harness).assumptions.is_empty());
}

#[test]
fn dropping_a_profile_opens_it() {
    let mut harness = common::app();
    harness
        .input_mut()
        .dropped_files
        .push(std::sync::Arc::new(common::Dropped(common::example("bursty_event_handlers.ron"))));
    harness.run();
    assert_eq!(common::profile(&harness).name, "Bursty short-lived event handlers");
    assert_eq!(harness.state().window_title(), "bursty_event_handlers.ron — Podvisor");
}

#[test]
fn resources_tab_switches_resource_and_axis() {
    let mut harness = common::app();
    harness.get_by_label("Resources").click();
    harness.run();
    assert!(harness.query_by_label("Memory over services").is_some());
    assert!(harness.query_by_label("Today: 10 services").is_some());
    harness
        .get_all_by_label("Replicas")
        .find(|node| node.accesskit_node().role() != Role::Slider)
        .expect("the axis choice")
        .click();
    harness.run();
    assert!(harness.query_by_label("Memory over replicas").is_some());
    // Today's value is marked, and named in the legend.
    assert!(harness.query_by_label("Today: 2 replicas").is_some());
}

#[test]
fn every_shortcut_has_an_effect_and_none_panics_without_a_file() {
    let mut harness = common::app_with_browser();
    for (modifiers, key) in
        [(Modifiers::COMMAND, Key::Z), (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z), (Modifiers::COMMAND, Key::O)]
    {
        harness.key_press_modifiers(modifiers, key);
        harness.run();
    }
    assert!(harness.query_by_label_contains("Open profile").is_some(), "Open shows the app's browser here");
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Open profile").is_none(), "Escape closes it");
}

#[test]
fn the_last_session_comes_back_with_its_unsaved_edits() {
    use eframe::App as _;
    use podvisor::ui::theme::{Appearance, ThemeChoice};

    let mut storage = common::MemoryStorage::default();
    let edited = {
        let mut harness = common::app();
        common::open_example(&mut harness, "bursty_event_handlers.ron");
        harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(9.0);
        harness.get_by_label("Resources").click();
        harness.run();
        harness.state_mut().set_appearance(Appearance { theme: ThemeChoice::Light, ui_scale: 1.25 });
        harness.run();
        harness.state_mut().save(&mut storage);
        common::profile(&harness)
    };

    let harness = common::restarted(&storage);
    let app = harness.state();
    assert_eq!(app.document().profile(), &edited);
    assert!(app.document().is_dirty(), "still marked unsaved");
    assert_eq!(app.document().path(), Some(common::example("bursty_event_handlers.ron").as_path()));
    assert_eq!(app.appearance(), Appearance { theme: ThemeChoice::Light, ui_scale: 1.25 });
    assert!(harness.query_by_label("Memory over services").is_some(), "on the Resources tab");
    assert_eq!(harness.ctx.theme(), egui::Theme::Light);
    assert!((harness.ctx.zoom_factor() - 1.25).abs() < 1e-6);
}

#[test]
fn a_file_given_at_start_does_not_silently_replace_unsaved_work() {
    use eframe::App as _;

    let mut storage = common::MemoryStorage::default();
    {
        let mut harness = common::app();
        harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(9.0);
        harness.run();
        harness.state_mut().save(&mut storage);
    }
    let mut harness = Harness::builder().with_size(common::SIZE).build_eframe(|cc| {
        cc.storage = Some(&storage);
        App::with_file(cc, Some(common::example("greenfield_microservices.ron")))
    });
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some());
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(common::profile(&harness).name, "Greenfield web shop");
}

#[test]
fn chart_legend_entries_hide_and_show_their_series() {
    let mut harness = common::app();
    harness.get_by_label("Resources").click();
    harness.run();
    let entry = harness.get_by_role_and_label(Role::CheckBox, "Container");
    assert_eq!(entry.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True), "shown at first");
    entry.click();
    harness.run();
    let entry = harness.get_by_role_and_label(Role::CheckBox, "Container");
    assert_eq!(entry.accesskit_node().toggled(), Some(egui::accesskit::Toggled::False), "hidden once clicked");
    entry.click();
    harness.run();
    let entry = harness.get_by_role_and_label(Role::CheckBox, "Container");
    assert_eq!(entry.accesskit_node().toggled(), Some(egui::accesskit::Toggled::True), "shown again");
}

/// The label of a registered option, as the window shows it.
fn option_label(key: &str) -> &'static str {
    podvisor::model::OptionId::from_key(key).unwrap_or_else(|| panic!("`{key}` is registered")).spec().label
}

#[test]
fn the_options_menu_adds_and_takes_away_a_column() {
    let mut harness = common::app();
    let label = option_label("containers_on_vms");
    assert_eq!(harness.query_all_by_label(label).count(), 0, "not compared yet");

    harness.get_by_label("Options").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, label).click();
    harness.run();
    assert!(harness.query_by_role_and_label(Role::CheckBox, label).is_some(), "the menu stays open");
    harness.key_press(Key::Escape);
    harness.run();

    let keys: Vec<&str> = common::profile(&harness).options.iter().map(|id| id.key()).collect();
    assert_eq!(keys, ["vm", "container", "containers_on_vms"], "in display order");
    assert_eq!(harness.state().document().evaluation().options.len(), 3);
    // A column of the scorecard and a score in the banner.
    assert!(harness.query_all_by_label(label).count() >= 2, "the new option is shown");
    assert!(harness.state().window_title().contains('●'), "an unsaved change");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(common::profile(&harness).options.len(), 2, "one undo takes it back");
    assert_eq!(harness.query_all_by_label(label).count(), 0, "the column is gone");

    harness.get_by_label("Options").click();
    harness.run();
    harness.get_by_role_and_label(Role::CheckBox, option_label("vm")).click();
    harness.run();
    // Two options left: neither can go.
    assert_eq!(common::profile(&harness).options.len(), 2, "{:?}", common::profile(&harness).options);
}

#[test]
fn the_last_two_options_cannot_be_unticked() {
    let mut harness = common::app();
    harness.get_by_label("Options").click();
    harness.run();
    for key in ["vm", "container"] {
        let node = harness.get_by_role_and_label(Role::CheckBox, option_label(key));
        assert!(node.accesskit_node().is_disabled(), "{key} is one of the last two");
        node.click();
        harness.run();
    }
    assert_eq!(common::profile(&harness).options, Profile::default().options, "nothing changed");
    harness.get_by_role_and_label(Role::CheckBox, option_label("vm")).hover();
    harness.run();
    assert!(
        harness.query_by_label_contains("At least 2 options are needed to compare").is_some(),
        "the hover says why"
    );
}

#[test]
fn the_host_picker_filters_the_catalog_and_sets_the_host() {
    let mut harness = common::app();
    harness.get_by_label("Host type").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter").type_text("n2-standard-16");
    harness.run();
    assert!(harness.query_by_label_contains("aws/m6i").is_none(), "the filter hides other families");
    harness.get_by_label_contains("gcp/n2-standard-16 —").click_accesskit();
    harness.run();
    assert_eq!(common::profile(&harness).environment.host, "gcp/n2-standard-16");
    let line = podvisor::narrative::host_line(&common::profile(&harness), harness.state().document().evaluation());
    assert!(line.contains("prices of 2026-08"), "{line}");

    harness.get_by_label("Kubernetes").click_accesskit();
    harness.run();
    harness.get_by_label("Google GKE").click_accesskit();
    harness.run();
    assert_eq!(common::profile(&harness).environment.kubernetes, podvisor::model::kubernetes::KubernetesFlavour::Gke);
}

#[test]
fn a_catalog_price_can_be_edited_and_says_so() {
    let mut harness = common::app();
    assert!(harness.query_by_role_and_label(Role::SpinButton, "Host price").is_none(), "owned hardware has no price");
    harness.get_by_label("Host type").click_accesskit();
    harness.run();
    harness.get_by_label_contains("aws/m6i.4xlarge —").click_accesskit();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("prices of 2026-07").is_some(), "the catalog price's date");

    harness.get_by_role_and_label(Role::SpinButton, "Host price").set_value_accesskit(0.5);
    harness.run();
    assert_eq!(common::profile(&harness).environment.host_price_per_hour, Some(0.5));
    assert!(harness.query_by_label("price edited").is_some());
    let line = podvisor::narrative::host_line(&common::profile(&harness), harness.state().document().evaluation());
    assert!(line.contains("price edited to 0.5 USD/h") && line.contains("catalog price 0.768 USD/h"), "{line}");

    // Another type starts from its own catalog price.
    harness.get_by_label("Host type").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter").type_text("m6i.2x");
    harness.run();
    harness.get_by_label_contains("aws/m6i.2xlarge —").click_accesskit();
    harness.run();
    assert_eq!(common::profile(&harness).environment.host_price_per_hour, None);
    assert!(harness.query_by_label("price edited").is_none());
}

/// On an Arm64 type nothing is offered until the images are said to run on arm64, which the
/// checkbox beneath the host sets for every component.
#[test]
fn an_arm_host_asks_whether_the_images_run_on_arm64() {
    let mut harness = common::app();
    assert!(harness.query_by_label("Images run on arm64").is_none(), "own hardware runs any image");
    harness.get_by_label("Host type").click_accesskit();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter").focus();
    harness.run();
    harness.get_by_role_and_label(Role::TextInput, "Filter").type_text("m7g.xl");
    harness.run();
    harness.get_by_label_contains("aws/m7g.xlarge —").click_accesskit();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let offered = |evaluation: &podvisor::model::Evaluation| {
        evaluation.options.iter().filter(|option| option.feasibility.is_offered()).count()
    };
    assert_eq!(offered(harness.state().document().evaluation()), 0, "x86 images run nowhere on Graviton");
    harness.get_by_label("Images run on arm64").click_accesskit();
    harness.run();
    assert!(common::profile(&harness).components.iter().all(|component| component.workload.arm64_ready));
    assert!(offered(harness.state().document().evaluation()) > 0, "arm64 images run there");
}

/// On a catalog host the environment says how it is bought, and the bill and the host line
/// follow; the team's own hardware has no such picker.
#[test]
fn the_purchase_picker_buys_the_steady_load_committed() {
    let mut harness = common::app();
    assert!(harness.query_by_label("Bought").is_none(), "own hardware is bought as its monthly cost says");
    harness.get_by_label("Host type").click_accesskit();
    harness.run();
    harness.get_by_label_contains("gcp/n2-standard-8 —").click_accesskit();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    let on_demand = harness.state().document().evaluation().options[0].resources.monthly_cost;
    harness.get_by_label("Bought").click_accesskit();
    harness.run();
    harness.get_by_label("Steady load committed, peak on demand").click_accesskit();
    harness.run();
    let profile = common::profile(&harness);
    assert_eq!(profile.environment.purchase, podvisor::model::purchase::Purchase::CommittedSteady);
    let evaluation = harness.state().document().evaluation();
    assert!(evaluation.options[0].resources.monthly_cost < on_demand, "the steady load costs less committed");
    let line = podvisor::narrative::host_line(&profile, evaluation);
    assert!(line.contains("bought with the steady load committed 1 year (−37 %"), "{line}");
}

/// The team's sliders price the people: opening a profile leaves its team unstated (drawing
/// the sliders writes nothing back), and moving one states it, so every option's bill gains
/// its engineers at the engineer cost.
#[test]
fn the_engineers_slider_states_the_team_and_prices_the_people() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    assert!(common::profile(&harness).environment.team.is_none(), "drawing the sliders states nothing");
    assert!(!harness.state().document().is_dirty(), "nothing to save after opening");
    let unpriced = harness.state().document().evaluation().options[0].resources.people_monthly;
    assert_eq!(unpriced, 0.0);
    harness.get_by_role_and_label(Role::Slider, "Engineers").set_value_accesskit(2.0);
    harness.run();
    let team = common::profile(&harness).environment.team.clone().expect("the team is stated");
    assert_eq!((team.engineers, team.engineer_cost_per_month), (2.0, 8930.0));
    let resources = &harness.state().document().evaluation().options[0].resources;
    assert!((resources.people_monthly - resources.engineers * 8930.0).abs() < 1e-6, "{resources:?}");
    assert!(resources.people_monthly > 0.0);
}

/// Every monthly cost beside a slider is written in the profile's currency: the host's and
/// an engineer's (the engineer's was "8930/month").
#[test]
fn monthly_costs_on_sliders_carry_the_currency() {
    // Tall enough that the side panel lays out every slider.
    let mut harness = common::layout::app_at(egui::vec2(1280.0, 3000.0), 1.0);
    common::open_example(&mut harness, "phased_modernisation.ron");
    assert_eq!(common::profile(&harness).currency(), "EUR");
    let values: Vec<String> = harness
        .query_all_by_role(Role::SpinButton)
        .filter_map(|node| node.value())
        .filter(|value| value.contains("/month"))
        .collect();
    assert_eq!(values, ["650 EUR/month", "8930 EUR/month"], "the host's and an engineer's cost");
}
