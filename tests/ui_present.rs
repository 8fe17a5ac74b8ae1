//! Issue 5 in the window, driven like a user would: a pinned baseline and the changes since,
//! the compare tab, presenter mode stepping through a deck, and exports.

use crate::common;
#[cfg(unix)]
use crate::special_files;

use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::{App, Command, DeckSource, Export, examples};
use podvisor::model::format::score_change;
use podvisor::profile::Profile;
use podvisor::report::{Analysis, markdown};

/// Whether some label on screen reads exactly `text` (changes such as "0.0" repeat).
fn shown(harness: &Harness<'_, App>, text: &str) -> bool {
    harness.query_all_by_label(text).next().is_some()
}

#[test]
fn a_pinned_baseline_shows_what_changed_since() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run();
    assert!(harness.state().baseline().is_some(), "Ctrl+B pins");
    assert!(harness.query_by_label_contains("Since the baseline (no setting changed)").is_some());

    harness.get_by_role_and_label(Role::Slider, "Isolation need").set_value_accesskit(10.0);
    harness.run();

    let comparison = harness.state().baseline().expect("still pinned").comparison().clone();
    let summary = podvisor::narrative::comparison_summary(&comparison);
    assert!(summary.starts_with("Since the baseline (1 setting changed): VMs "), "{summary}");
    assert!(shown(&harness, &summary), "the banner says what changed: {summary}");
    let container = &comparison.options[1];
    assert!(container.score.delta() < 0.0, "more isolation need counts against containers");
    assert!(
        shown(&harness, &score_change(container.score.a, container.score.b)),
        "the overall change is written by the bar"
    );
    let isolation = comparison.criteria.iter().position(|c| c.key() == "isolation").expect("a criterion");
    let criterion = &comparison.options[1].criteria[isolation];
    let change = score_change(criterion.a, criterion.b);
    assert!(change.starts_with('-') && shown(&harness, &change), "containers' isolation score fell: {change}");

    // The charts draw the baseline too, named in the legend.
    harness.get_by_label("Resources").click();
    harness.run();
    assert!(harness.query_by_label("VM (baseline)").is_some());

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::B);
    harness.run();
    assert!(harness.state().baseline().is_none(), "Ctrl+Shift+B clears");
    assert!(harness.query_by_label(&summary).is_none());
    assert!(harness.query_by_label("VM (baseline)").is_none());
}

/// On a slide the baseline's lines share one legend entry and the break-even lines are named
/// by their labels alone, so that a pinned baseline adds no row to the legend of a two-option
/// chart (an entry per option's baseline added a row).
#[test]
fn a_slide_names_the_baseline_once_and_it_adds_no_legend_row() {
    let legend_rows = |harness: &Harness<'_, App>, entries: &[&str]| {
        let mut tops: Vec<f32> = entries
            .iter()
            .map(|entry| {
                // The legend's entry is the last of the name on the slide (the scores come first).
                let nodes: Vec<_> = if entry.ends_with(' ') {
                    harness.query_all_by_label_contains(entry).collect()
                } else {
                    harness.query_all_by_label(entry).collect()
                };
                let rect = nodes.last().unwrap_or_else(|| panic!("{entry} in the legend")).rect();
                rect.top().round()
            })
            .collect();
        tops.dedup();
        tops.len()
    };
    let options = ["VM", "Container", "Today: "];
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    harness.key_press(Key::F5);
    harness.run();
    let without = legend_rows(&harness, &options);
    harness.key_press(Key::Escape);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::B);
    harness.run();
    harness.get_by_role_and_label(Role::Slider, "Isolation need").set_value_accesskit(2.0);
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.query_by_label("VM (baseline)").is_none(), "no entry per option on a slide");
    let with = legend_rows(&harness, &[&options[..], &["Baseline"]].concat());
    assert_eq!(with, without, "the baseline's entry fits the legend's rows");
}

#[test]
fn compare_with_an_example_then_swap() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    harness.get_by_label("Compare").click();
    harness.run();
    harness.get_by_label("Compare with example").click();
    harness.run();
    harness.get_by_label("Lift-and-shift of a legacy monolith").click();
    harness.run();

    let compared = harness.state().compared().expect("B is chosen");
    assert_eq!(compared.scenario().profile.name, "Lift-and-shift of a legacy monolith");
    let comparison = compared.comparison().clone();
    let services = harness.query_all_by_label("Services").count();
    assert_eq!(services, 2, "the slider, and a row for each setting that differs, by its label");
    let settings = format!("Settings that differ ({})", comparison.differences.len());
    assert!(harness.query_by_label(&settings).is_some(), "{settings}");
    assert!(
        shown(&harness, &score_change(comparison.options[0].score.a, comparison.options[0].score.b)),
        "the VM score's change"
    );
    assert!(comparison.verdict_changed);
    assert!(harness.query_by_label_contains("The verdict changes: Containers lead in A, VMs in B").is_some());

    harness.get_by_label("Swap A and B").click();
    harness.run();
    assert_eq!(common::profile(&harness).name, "Lift-and-shift of a legacy monolith", "B is now the open scenario");
    assert!(!harness.state().document().is_dirty());
    let b = harness.state().compared().expect("A became B");
    assert_eq!(b.scenario().profile.name, "Greenfield web shop");
    assert!(harness.query_by_label_contains("The verdict changes: VMs lead in A, containers in B").is_some());

    harness.get_by_label("Stop comparing").click();
    harness.run();
    assert!(harness.state().compared().is_none());
}

/// The name of the scenario on the slide shown.
fn slide_name(harness: &Harness<'_, App>) -> String {
    let presentation = harness.state().presentation().expect("presenting");
    let name = presentation.slide().content.as_ref().expect("a readable slide").profile.name.clone();
    assert!(harness.query_by_label(&name).is_some(), "the slide shows its name: {name}");
    name
}

#[test]
fn presenter_mode_steps_through_the_deck_and_leaves_the_scenario_as_it_was() {
    let mut harness = common::app();
    common::open_example(&mut harness, "legacy_monolith_lift_and_shift.ron");
    let before = common::profile(&harness);
    let deck = examples::examples();
    let slides = common::deck_slides();

    harness.key_press(Key::F5);
    harness.run();
    let presentation = harness.state().presentation().expect("F5 presents");
    assert_eq!(presentation.position(), (3, slides), "the open scenario's place in the deck");
    assert!(harness.query_by_label(&format!("3 / {slides}")).is_some());
    assert!(harness.query_by_label("File").is_none(), "no menu bar");
    assert!(harness.query_by_role_and_label(Role::Slider, "Services").is_none(), "no sliders");

    let scenario = presentation.slide().content.as_ref().expect("a scenario");
    assert!(harness.query_by_label(scenario.profile.notes.trim()).is_some(), "the notes");
    let verdict = &scenario.evaluation.verdict;
    assert!(harness.query_by_label(&podvisor::narrative::headline(&scenario.evaluation)).is_some());
    let index = scenario.evaluation.position(verdict.leader).expect("leader");
    let leader = &scenario.evaluation.options[index];
    assert!((2..=3).contains(&verdict.decisive.len()));
    for criterion in &verdict.decisive {
        let pro = leader.pros.iter().find(|p| p.criterion == *criterion).expect("the leader's reason");
        assert!(harness.query_by_label(&format!("+ {}", pro.title)).is_some(), "{}", pro.title);
        let text = podvisor::narrative::point_text(&scenario.evaluation, &scenario.profile, index, pro);
        assert!(harness.query_by_label(&text).is_some(), "{text}");
    }

    let first = slide_name(&harness);
    harness.key_press(Key::ArrowRight);
    harness.run();
    let second = slide_name(&harness);
    assert_eq!(second, deck[3].profile.name);
    assert!(harness.query_by_label(&first).is_none(), "the previous slide is gone");
    harness.key_press(Key::PageDown);
    harness.run();
    assert_eq!(slide_name(&harness), deck[4].profile.name);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(slide_name(&harness), first);
    harness.key_press(Key::ArrowLeft);
    harness.run();
    assert_eq!(slide_name(&harness), deck[1].profile.name);

    assert_eq!(common::profile(&harness), before, "presenting leaves the open scenario alone");
    assert!(!harness.state().document().is_dirty());

    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.state().presentation().is_none(), "Esc leaves");
    assert_eq!(common::profile(&harness), before);
    assert!(harness.query_by_label("Unsaved changes").is_none(), "nothing to ask");
    assert!(harness.query_by_role_and_label(Role::Slider, "Services").is_some(), "the explorer is back");
}

#[test]
fn unsaved_edits_survive_presenting_and_are_presented_first() {
    let mut harness = common::app();
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(7.0);
    harness.run();
    let edited = common::profile(&harness);

    harness.state_mut().send(Command::Present);
    harness.run();
    let count = common::deck_slides() + 1;
    assert_eq!(harness.state().presentation().expect("presenting").position(), (1, count), "before the deck");
    harness.key_press(Key::Space);
    harness.run();
    assert_eq!(slide_name(&harness), "Greenfield web shop");
    harness.key_press(Key::Escape);
    harness.run();

    assert_eq!(common::profile(&harness), edited);
    assert!(harness.state().document().is_dirty(), "still unsaved, and nothing was asked");
    assert!(harness.query_by_label("Unsaved changes").is_none());
}

#[test]
fn a_deck_folder_shows_an_unreadable_file_as_a_slide() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("1_broken.ron"), "(format: \"podvisor-profile\", version: 1, oops)").expect("write");
    let good = &examples::examples()[4].profile;
    std::fs::write(dir.path().join("2_good.ron"), podvisor::profile::to_canonical_string(good)).expect("write");

    let mut harness = common::app();
    harness.state_mut().send(Command::UseDeck(DeckSource::Folder(dir.path().to_owned())));
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    assert_eq!(harness.state().presentation().expect("presenting").position(), (1, 3));
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert!(harness.query_by_label("1_broken.ron").is_some());
    assert!(harness.query_by_label("This profile could not be read").is_some());
    assert!(harness.query_by_label_contains("1_broken.ron:1:").is_some(), "with the place of the error");
    harness.key_press(Key::ArrowRight);
    harness.run();
    assert_eq!(slide_name(&harness), good.name);
}

#[test]
fn a_folder_without_profiles_is_refused_as_a_deck() {
    let empty = tempfile::tempdir().expect("temp dir");
    let mut harness = common::app();
    harness.state_mut().send(Command::UseDeck(DeckSource::Folder(empty.path().to_owned())));
    harness.run();
    let alert = harness.state().alert().expect("an alert");
    assert!(alert.detail.starts_with("No profiles (*.ron) in"), "{}", alert.detail);
    harness.state_mut().send(Command::Present);
    harness.run();
    assert_eq!(harness.state().presentation().expect("presenting").position().1, common::deck_slides() + 1);
}

#[test]
fn exporting_the_report_writes_what_the_command_line_writes() {
    let mut harness = common::app_with_browser();
    common::open_example(&mut harness, "bursty_event_handlers.ron");
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(5.0);
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("report.md");

    harness.state_mut().send(Command::Export(Export::Report, path.clone()));
    harness.run();
    let written = std::fs::read_to_string(&path).expect("the report is written");
    assert_eq!(written, markdown::analysis(&Analysis::new(common::profile(&harness))));
    assert!(harness.state().alert().is_none());

    // Chosen in the in-app browser, the extension is added and the scenario's name is offered.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    common::type_into_browser(&mut harness, "bursty_short_lived_event_handlers.md", &dir.path().join("typed"));
    assert_eq!(std::fs::read_to_string(dir.path().join("typed.md")).expect("written"), written);
}

#[test]
fn a_failed_export_is_an_alert_not_a_panic() {
    let mut harness = common::app();
    let missing = tempfile::tempdir().expect("temp dir").path().join("gone").join("report.md");
    harness.state_mut().send(Command::Export(Export::Report, missing));
    harness.run();
    let alert = harness.state().alert().expect("an alert");
    assert_eq!(alert.title, "Export report failed; nothing was overwritten");

    let picture = tempfile::tempdir().expect("temp dir");
    harness.state_mut().send(Command::Export(Export::Chart, picture.path().join("chart.png")));
    harness.run();
    let alert = harness.state().alert().expect("an alert");
    assert!(alert.detail.starts_with("no chart is on screen"), "{}", alert.detail);
}

#[cfg(unix)]
#[test]
fn save_as_and_export_refuse_a_device_a_pipe_or_a_folder() {
    let mut harness = common::app();
    let folder = tempfile::tempdir().expect("temp dir");
    for (kind, target) in special_files::targets(folder.path()) {
        harness.state_mut().send(Command::SaveAs(target.clone()));
        harness.run();
        let alert = harness.state().alert().expect("a save alert");
        assert_eq!(alert.title, "Could not save; nothing was overwritten");
        assert!(alert.detail.ends_with(kind.refusal()), "{kind:?}: {}", alert.detail);
        special_files::assert_left_as_it_was(kind, &target, folder.path());

        harness.state_mut().send(Command::Export(Export::Report, target.clone()));
        harness.run();
        let alert = harness.state().alert().expect("an export alert");
        assert_eq!(alert.title, "Export report failed; nothing was overwritten");
        assert!(alert.detail.contains(kind.refusal()), "{kind:?}: {}", alert.detail);
        special_files::assert_left_as_it_was(kind, &target, folder.path());
    }
}

#[test]
fn the_baseline_and_the_deck_come_back_with_the_session() {
    use eframe::App as _;

    let mut storage = common::MemoryStorage::default();
    let folder = tempfile::tempdir().expect("temp dir");
    std::fs::write(folder.path().join("a.ron"), podvisor::profile::to_canonical_string(&Profile::default()))
        .expect("write");
    let pinned = {
        let mut harness = common::app();
        common::open_example(&mut harness, "mixed_windows_linux_estate.ron");
        harness.state_mut().send(Command::PinBaseline);
        harness.state_mut().send(Command::UseDeck(DeckSource::Folder(folder.path().to_owned())));
        harness.run();
        harness.state_mut().save(&mut storage);
        common::profile(&harness)
    };

    let mut harness = common::restarted(&storage);
    assert_eq!(harness.state().baseline().expect("the baseline is back").scenario().profile, pinned);
    harness.state_mut().send(Command::Present);
    harness.run();
    assert_eq!(
        harness.state().presentation().expect("presenting").position().1,
        2,
        "the open scenario, then the folder's one profile"
    );
}

#[test]
fn a_lever_moved_on_a_slide_changes_the_verdict_shown_and_l_puts_the_slide_back() {
    let mut harness = common::app();
    // Its verdict flips within the sliders' ranges (at about 44 services, the break-even).
    common::open_example(&mut harness, "monolith_decomposed_50_services.ron");
    harness.key_press(Key::F5);
    harness.run();
    let headline = |harness: &Harness<'_, App>| {
        let slide = harness.state().presentation().expect("presenting").slide();
        podvisor::narrative::headline(&slide.content.as_ref().expect("a scenario").evaluation)
    };
    let before = headline(&harness);
    assert!(harness.state().presentation().expect("presenting").levers().is_none(), "a calm slide at first");

    harness.key_press(Key::L);
    harness.run();
    let presentation = harness.state().presentation().expect("presenting");
    let levers = presentation.levers().expect("L shows the levers");
    assert_eq!(levers.traits.len(), podvisor::app::LEVERS);
    assert!(shown(&harness, "What if …"));
    // The lever nearest to flipping the verdict comes first, its flip point on the rail.
    let first = *levers.sensitivity.of(levers.traits[0]).expect("analysed");
    let (at, to) = (first.flip_at.expect("the first lever flips the verdict"), first.flips_to.expect("to"));
    let meta = podvisor::model::TRAITS.iter().find(|meta| meta.id == first.id).expect("a trait");
    let leader = presentation.slide().content.as_ref().expect("a scenario").evaluation.verdict.leader;
    assert_ne!(leader, to);

    harness.get_by_role_and_label(Role::Slider, meta.label).set_value_accesskit(at);
    harness.run();
    let slide = harness.state().presentation().expect("presenting").slide();
    let evaluation = &slide.content.as_ref().expect("a scenario").evaluation;
    assert_eq!(evaluation.verdict.leader, to, "moved to {at}, the lever hands the lead to {to:?}");
    let now = headline(&harness);
    assert_ne!(now, before);
    assert!(shown(&harness, &now), "the slide shows the new verdict: {now}");
    assert!(harness.query_by_label_contains(&format!("What if {}", meta.label)).is_some(), "and what moved");
    assert_eq!(common::profile(&harness).get(first.id), first.value, "the open scenario is untouched");

    harness.key_press(Key::L);
    harness.run();
    assert!(harness.state().presentation().expect("presenting").levers().is_none());
    assert_eq!(headline(&harness), before, "L puts the levers away and the slide back as it was");
    assert!(shown(&harness, &before));
}

#[test]
fn the_presenter_console_shows_the_notes_the_next_slide_and_the_time_and_steps_the_deck() {
    let mut harness = common::app();
    common::open_example(&mut harness, "legacy_monolith_lift_and_shift.ron");
    harness.key_press(Key::F5);
    harness.run();
    assert!(harness.query_by_label_contains("Next: ").is_none(), "no console until asked for");

    harness.key_press(Key::P);
    // The console draws on a pass of its own, which asks for a few more frames to settle.
    harness.run_steps(8);
    let presentation = harness.state().presentation().expect("presenting");
    let (at, of) = presentation.position();
    let next = presentation.next_title().expect("a next slide");
    let notes = common::profile(&harness).notes;
    assert!(shown(&harness, &format!("Slide {at} of {of}")));
    assert!(shown(&harness, &format!("Next: {next}")), "the next slide: {next}");
    assert!(shown(&harness, notes.trim()), "the notes, whole");
    assert!(harness.query_by_label_contains(" · 0:0").is_some(), "the clock and the elapsed time");

    harness.get_by_label("Next →").click();
    harness.run_steps(8);
    assert_eq!(harness.state().presentation().expect("presenting").position(), (at + 1, of), "it steps the deck");
    assert!(shown(&harness, &format!("Slide {} of {of}", at + 1)));

    harness.key_press(Key::P);
    harness.run_steps(8);
    assert!(harness.query_by_label_contains("Next: ").is_none(), "P closes it");
}

/// Where no move is worth its effort, the Plan tab and the path slide say "stay as you are"
/// and why, right under their heading: no chart of today alone. Two tiers on VMs whose
/// move to containers saves nothing and gains little (the hosts cost the same whatever runs
/// on them, and neither tier's lead is clear).
#[test]
fn stay_as_you_are_is_said_in_words_on_the_plan_tab_and_the_path_slide() {
    use podvisor::model::OptionId;
    use podvisor::model::plan::plan;
    use podvisor::model::profile::Component;
    let mut profile = Profile { options: vec![OptionId::VM, OptionId::CONTAINER], ..Profile::default() };
    let environment = &mut profile.environment;
    (environment.host_cores, environment.host_memory_gib, environment.host_cost_per_month) = (64, 256.0, 1000.0);
    profile.name = "Two tiers that stay".to_owned();
    // A lead under the 2-point floor is a close call in every world: the first isolation need
    // and legacy coupling that give one.
    let close = (0..=10)
        .flat_map(|isolation| (0..=10).map(move |coupling| (isolation, coupling)))
        .find(|&(isolation, coupling)| {
            let mut tried = profile.clone();
            (tried.workload_mut().isolation_need, tried.workload_mut().legacy_coupling) = (isolation, coupling);
            podvisor::model::evaluate(&tried, podvisor::builtin::catalogs()).verdict.margin < 0.019
        })
        .expect("some setting puts the two options within 2 points");
    (profile.workload_mut().isolation_need, profile.workload_mut().legacy_coupling) = close;
    profile.components.push(Component { name: "Twin".to_owned(), ..profile.components[0].clone() });
    let runner_up = plan(&profile, podvisor::builtin::catalogs()).components[0].runner_up.expect("two options");
    for component in &mut profile.components {
        component.current = runner_up;
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("stay.ron");
    podvisor::profile::save_file(&path, &profile).expect("saved");

    let mut harness = common::app();
    harness.state_mut().send(Command::Open(path));
    harness.run();
    common::wait_for_confidence(&mut harness);
    assert!(harness.state().document().plan().is_some_and(podvisor::model::plan::Plan::stay), "no move is worth it");
    harness.state_mut().select_tab(podvisor::ui::Tab::Plan);
    harness.run();
    let heading = harness.get_by_label("The phased path from today's deployment").rect();
    let stay = harness.get_by_label(podvisor::narrative::plan::STAY).rect();
    assert!(
        stay.top() - heading.bottom() < 40.0,
        "the words follow the heading, no chart between: {heading:?} {stay:?}"
    );

    // Presented first: its plan, its two tiers' verdicts, its path.
    harness.key_press(Key::F5);
    harness.run();
    harness.state_mut().send(Command::GoToSlide(3));
    harness.run();
    let slide = harness.state().presentation().expect("presenting").slide().clone();
    assert_eq!((slide.page, slide.title()), (podvisor::app::Page::Path, profile.name.clone()));
    let stay = harness.get_by_label(podvisor::narrative::plan::STAY).rect();
    let why = harness.query_all_by_label_contains("Keep ").next().expect("why each tier stays").rect();
    assert!(why.top() >= stay.bottom() - 1.0 && why.bottom() <= harness.ctx.content_rect().bottom(), "{why:?}");
}
