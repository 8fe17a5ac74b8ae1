//! Components in the window, driven like a user would: the list above the sliders adds,
//! renames, moves, pins and removes them; the sliders edit the selected one; undo takes each
//! edit back; the Plan tab says the plan's summary.

use crate::common;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable as _};
use podvisor::app::{App, Command, Page};
use podvisor::model::OptionId;
use podvisor::ui::Tab;

fn names(harness: &Harness<'_, App>) -> Vec<String> {
    common::profile(harness).components.iter().map(|component| component.name.clone()).collect()
}

fn click(harness: &mut Harness<'_, App>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// Opens the bundled three-tier web shop: storefront services and the orders database.
fn two_components(harness: &mut Harness<'_, App>) {
    common::open_example(harness, "three_tier_web_shop.ron");
}

#[test]
fn one_component_shows_a_line_to_add_another_and_no_plan_tab() {
    let mut harness = common::app();
    assert!(harness.query_by_label("One component").is_some());
    assert!(harness.query_by_label("Plan").is_none(), "no Plan tab for one component");
    assert!(harness.query_by_label_contains("Components (").is_none());

    click(&mut harness, "+ Add component");
    assert_eq!(names(&harness), ["Workload", "Component 2"]);
    assert_eq!(harness.state().document().selected(), 1, "the new component is selected");
    assert!(harness.query_by_label("Plan").is_some(), "a Plan tab for two");
    assert!(harness.query_by_label("Components (2)").is_some());
}

#[test]
fn add_rename_move_pin_and_remove_each_undo_on_their_own() {
    let mut harness = common::app();
    click(&mut harness, "+ Add component");
    // Each button press is its own undo step (settled once the frame ends).
    click(&mut harness, "Duplicate");
    assert_eq!(names(&harness), ["Workload", "Component 2", "Component 2 copy"]);
    assert_eq!(harness.state().document().selected(), 2);

    click(&mut harness, "Rename");
    harness.get_by_label("Component name").focus();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness.get_by_label("Component name").type_text("Orders database");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(names(&harness), ["Workload", "Component 2", "Orders database"]);
    assert!(harness.query_by_label("Component name").is_none(), "renaming ends with Enter");

    click(&mut harness, "Move up");
    assert_eq!(names(&harness), ["Workload", "Orders database", "Component 2"]);
    assert_eq!(harness.state().document().selected(), 1, "the selection moves with it");

    harness.get_by_label("Pinned to").click();
    harness.run();
    click(&mut harness, "VMs");
    assert_eq!(common::profile(&harness).components[1].placement, Some(OptionId::VM));
    assert!(harness.query_by_label("pinned: VMs").is_some(), "the row says so");

    click(&mut harness, "Remove");
    assert_eq!(names(&harness), ["Workload", "Component 2"]);

    // Undo walks back through the remove, the pin, the move and the rename.
    let undo = |harness: &mut Harness<'_, App>| {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
    };
    undo(&mut harness);
    assert_eq!(names(&harness), ["Workload", "Orders database", "Component 2"]);
    assert_eq!(common::profile(&harness).components[1].placement, Some(OptionId::VM));
    undo(&mut harness);
    assert_eq!(common::profile(&harness).components[1].placement, None);
    undo(&mut harness);
    assert_eq!(names(&harness), ["Workload", "Component 2", "Orders database"]);
    undo(&mut harness);
    assert_eq!(names(&harness), ["Workload", "Component 2", "Component 2 copy"]);
}

/// On a cloud host each component may buy its own way: the database stays on demand when the
/// estate is bought on spot, and undo takes the choice back.
#[test]
fn a_component_buys_its_own_way_and_undo_restores_it() {
    use podvisor::model::purchase::Purchase;
    let mut harness = common::app();
    two_components(&mut harness);
    harness.get_by_label("Bought").click_accesskit();
    harness.run();
    harness.get_by_label("Spot").click_accesskit();
    harness.run();
    assert_eq!(common::profile(&harness).environment.purchase, Purchase::Spot);
    harness.get_by_label_contains("Orders database").click();
    harness.run();
    harness.get_by_label("Purchase").click_accesskit();
    harness.run();
    harness.get_by_label("On demand").click_accesskit();
    harness.run();
    let profile = common::profile(&harness);
    let database = profile.components.iter().find(|c| c.name.contains("Orders database")).map(|c| c.purchase);
    assert_eq!(database, Some(Some(Purchase::OnDemand)));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(common::profile(&harness).components.iter().all(|c| c.purchase.is_none()));
}

#[test]
fn the_last_component_cannot_be_removed_and_undo_keeps_a_selection_that_exists() {
    let mut harness = common::app();
    click(&mut harness, "+ Add component");
    click(&mut harness, "+ Add");
    assert_eq!(harness.state().document().selected(), 2);
    // Undoing the add takes away the selected component: the selection falls on the last.
    harness.state_mut().send(Command::Undo);
    harness.run();
    assert_eq!(names(&harness), ["Workload", "Component 2"]);
    assert_eq!(harness.state().document().selected(), 1);

    click(&mut harness, "Remove");
    assert_eq!(names(&harness), ["Workload"]);
    assert!(harness.query_by_label("Remove").is_none(), "one component shows no list");
    assert!(harness.query_by_label("One component").is_some());
}

#[test]
fn the_sliders_edit_the_selected_component_and_undo_restores_it() {
    let mut harness = common::app();
    two_components(&mut harness);
    let before = common::profile(&harness);
    assert_eq!(harness.get_by_role_and_label(Role::Slider, "Services").accesskit_node().numeric_value(), Some(24.0));

    click(&mut harness, "Orders database");
    assert_eq!(harness.state().document().selected(), 1);
    assert_eq!(harness.get_by_role_and_label(Role::Slider, "Services").accesskit_node().numeric_value(), Some(1.0));
    let shown = podvisor::narrative::headline(harness.state().document().evaluation());
    // With its confidence: the estate's worlds were drawn for every component at once.
    let catalogs = podvisor::builtin::catalogs();
    let drawn = podvisor::model::confidence(&before.focus(1), catalogs, 21);
    let database = podvisor::model::evaluate(&before.focus(1), catalogs).with_confidence(drawn);
    assert_eq!(shown, podvisor::narrative::headline(&database), "the banner gives the database's verdict");
    assert!(harness.query_by_label_contains("Orders database: component 2 of 2").is_some());

    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(5.0);
    harness.run();
    let edited = common::profile(&harness);
    assert_eq!(edited.components[1].workload.replicas, 5);
    assert_eq!(edited.components[0], before.components[0], "the other component is untouched");

    harness.state_mut().send(Command::Undo);
    harness.run();
    assert_eq!(common::profile(&harness), before);
    assert_eq!(harness.state().document().selected(), 1, "the selection survives the undo");
    assert_eq!(harness.get_by_role_and_label(Role::Slider, "Replicas").accesskit_node().numeric_value(), Some(2.0));
}

#[test]
fn keys_on_a_focused_row_move_rename_and_remove() {
    let mut harness = common::app();
    two_components(&mut harness);
    harness.get_by_label("Orders database").focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    harness.run();
    assert_eq!(names(&harness), ["Orders database", "Storefront services"]);

    harness.get_by_label("Orders database").focus();
    harness.run();
    harness.key_press(Key::F2);
    harness.run();
    harness.get_by_label("Component name").type_text(" (primary)");
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(names(&harness)[0], "Orders database", "Escape puts the name back");

    harness.get_by_label("Orders database").focus();
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    assert_eq!(names(&harness), ["Storefront services"]);
}

#[test]
fn the_plan_tab_says_the_summary_and_selects_a_component() {
    let mut harness = common::app();
    two_components(&mut harness);
    click(&mut harness, "Plan");
    let summary = {
        let document = harness.state().document();
        podvisor::narrative::plan::summary(document.profile(), document.plan().expect("two components are planned"))
    };
    assert!(summary.starts_with("Run "), "{summary}");
    assert!(harness.query_by_label(&summary).is_some(), "the tab shows {summary:?}");
    assert!(harness.query_by_label_contains("Today: ").is_some(), "the path's first step");

    // A name in the table selects that component for the sliders.
    let rows = harness.query_all_by_label("Orders database").count();
    assert_eq!(rows, 3, "in the list, in the table and in the legend");
    harness.query_all_by_label("Orders database").nth(1).expect("the table's row").click();
    harness.run();
    assert_eq!(harness.state().document().selected(), 1);

    // Pinning the database to containers on VMs moves it in the plan and in the sentence.
    assert_eq!(harness.state().document().plan().expect("planned").components[1].option, OptionId::VM);
    harness.get_by_label("Pinned to").click();
    harness.run();
    harness.get_by_role_and_label(Role::Button, "Containers on VMs").click();
    harness.run();
    let plan = harness.state().document().plan().expect("planned");
    assert!(plan.components[1].pinned && plan.components[1].option == OptionId::CONTAINERS_ON_VMS);
    let summary = podvisor::narrative::plan::summary(&common::profile(&harness), plan);
    assert!(harness.query_by_label(&summary).is_some(), "the new summary shows: {summary}");
}

#[test]
fn removing_the_second_component_leaves_the_plan_tab_for_the_scorecard() {
    let mut harness = common::app();
    two_components(&mut harness);
    harness.state_mut().select_tab(Tab::Plan);
    harness.run();
    harness.query_all_by_label("Orders database").next().expect("the list's row").click();
    harness.run();
    click(&mut harness, "Remove");
    assert!(harness.query_by_label("Plan").is_none());
    assert!(harness.query_by_label("Overall (0–100)").is_some(), "the scorecard shows instead");
}

#[test]
fn presenting_two_components_opens_with_the_plan_and_names_each_component() {
    let mut harness = common::app();
    two_components(&mut harness);
    harness.state_mut().send(Command::Present);
    harness.run();
    // The bundled deck holds the shop: presenting starts at its place there, on its plan.
    let start = harness.state().presentation().expect("presenting").position().0 - 1;
    let slides: Vec<(Page, String)> = (start..start + 4)
        .map(|slide| {
            harness.state_mut().send(Command::GoToSlide(slide));
            harness.run();
            let shown = harness.state().presentation().expect("presenting").slide();
            (shown.page, shown.title())
        })
        .collect();
    let pages: Vec<Page> = slides.iter().map(|(page, _)| *page).collect();
    assert_eq!(pages, [Page::Plan, Page::Verdict, Page::Verdict, Page::Path]);
    let shop = common::profile(&harness).name;
    assert_eq!(slides[0].1, shop, "the estate's slide is the estate's");
    assert_eq!(slides[1].1, format!("{shop} · Storefront services (1 of 2)"));
    assert_eq!(slides[2].1, format!("{shop} · Orders database (2 of 2)"));
    // On the path slide: its first step; each component's slide shows its title.
    assert!(harness.query_by_label_contains("Today: ").is_some());
    harness.state_mut().send(Command::GoToSlide(start + 2));
    harness.run();
    assert!(harness.query_by_label(&slides[2].1).is_some(), "the component is named on its slide");

    // The plan slide leads with the plan's verdict, not a component's.
    harness.state_mut().send(Command::GoToSlide(start));
    harness.run();
    let plan = harness.state().document().plan().expect("planned").clone();
    let headline = podvisor::narrative::plan::headline(&plan);
    assert!(headline.starts_with("The plan for 2 components"), "{headline}");
    assert!(harness.query_by_label(&headline).is_some(), "the plan slide's headline: {headline}");
    let component = podvisor::narrative::headline(harness.state().document().evaluation());
    assert!(harness.query_by_label(&component).is_none(), "no component's verdict on the plan slide: {component}");
    assert!(harness.query_by_label_contains("Run ").is_some(), "the plan slide says the summary");
}

#[test]
fn the_plan_tab_banner_is_the_plans_verdict_and_the_other_tabs_name_the_component() {
    let mut harness = common::app();
    common::open_example(&mut harness, "phased_modernisation.ron");
    common::wait_for_confidence(&mut harness);
    let component = podvisor::narrative::headline(harness.state().document().evaluation());
    assert!(harness.query_by_label(&component).is_some(), "the Scorecard's banner: {component}");
    assert!(harness.query_by_label_contains(": component 1 of 5").is_some(), "named as one component of five");

    harness.state_mut().select_tab(Tab::Plan);
    harness.run();
    let plan = harness.state().document().plan().expect("planned").clone();
    let headline = podvisor::narrative::plan::headline(&plan);
    assert!(harness.query_by_label(&headline).is_some(), "the plan's headline: {headline}");
    assert!(harness.query_by_label(&component).is_none(), "no component's verdict heads the Plan tab");
    let sure = podvisor::narrative::plan::confidence(&common::profile(&harness), &plan).expect("drawn");
    assert!(sure.contains("placements") && sure.contains("of plausible worlds"), "{sure}");
    assert!(harness.query_by_label(&sure).is_some(), "how sure the plan is: {sure}");
}

#[test]
fn a_restart_comes_back_to_the_component_being_edited() {
    use eframe::App as _;

    let mut storage = common::MemoryStorage::default();
    {
        let mut harness = common::app();
        two_components(&mut harness);
        click(&mut harness, "Orders database");
        harness.state_mut().save(&mut storage);
    }
    let harness = common::restarted(&storage);
    assert_eq!(harness.state().document().selected(), 1, "the database is selected again");
    assert_eq!(harness.get_by_role_and_label(Role::Slider, "Services").accesskit_node().numeric_value(), Some(1.0));
}

/// On a host that cannot run an option, the Plan tab marks its all-in bar "not offered" and
/// weighs the plan against no bill that cannot be bought (the three-tier shop on GCP's n2,
/// which sells no metal type for bare-metal containers).
#[test]
fn the_plan_tab_marks_an_all_in_option_the_hosts_cannot_run() {
    let mut profile =
        podvisor::profile::load_file(&common::example("three_tier_web_shop.ron")).expect("bundled").profile;
    profile.environment.host = "gcp/n2-standard-8".to_owned();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("shop_on_n2.ron");
    podvisor::profile::save_file(&path, &profile).expect("saved");
    let mut harness = common::app();
    harness.state_mut().send(Command::Open(path));
    harness.run();
    harness.state_mut().select_tab(Tab::Plan);
    harness.run();
    assert_eq!(harness.query_all_by_label("All on containers (not offered)").count(), 2, "marked: cost and hosts");
    assert_eq!(harness.query_all_by_label("All on VMs").count(), 2, "offered ones as they were");
    let savings: Vec<String> = harness
        .query_all_by_label_contains("Each month this plan costs")
        .filter_map(|node| node.accesskit_node().value())
        .collect();
    assert!(!savings.is_empty());
    assert!(savings.iter().all(|line| !line.ends_with("all on containers.")), "{savings:?}");
}
