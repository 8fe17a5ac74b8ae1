//! File ▸ Import… and dropped .yml/.yaml files in the window: the import replaces the open
//! scenario as Open does (asking first about unsaved changes), as a new unsaved scenario,
//! and shows its notes; a file that cannot be imported leaves the scenario as it was.

use crate::common;

use std::path::PathBuf;

use egui::Key;
use egui::accesskit::Role;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::Command;
use podvisor::import::import_file;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/import").join(name)
}

#[test]
fn file_import_opens_the_browser_for_compose_and_kubernetes_files() {
    let mut harness = common::app_with_browser();
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Import a Compose file or Kubernetes manifests").is_some(),
        "the browser opens, titled"
    );
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label_contains("Import a Compose file or Kubernetes manifests").is_none());
    assert_eq!(common::profile(&harness), podvisor::profile::Profile::default(), "nothing changed");

    // Chosen in the browser, the file is imported.
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Import…").click();
    harness.run();
    let path = fixture("helm-bundle.yaml");
    common::type_into_browser(&mut harness, "", &path);
    assert_eq!(common::profile(&harness), import_file(&path).expect("imports").to_profile());
}

#[test]
fn importing_makes_a_new_unsaved_scenario_and_shows_the_notes() {
    let mut harness = common::app();
    let path = fixture("awesome-compose.yaml");
    harness.state_mut().send(Command::Import(path.clone()));
    harness.run();

    let imported = import_file(&path).expect("imports");
    assert_eq!(common::profile(&harness), imported.to_profile());
    assert_eq!(
        common::profile(&harness).components.len(),
        5,
        "backend and worker apart since issue 23 bounded grouping by replicas"
    );
    let document = harness.state().document();
    assert!(document.is_dirty() && document.path().is_none(), "untitled and unsaved");
    assert_eq!(harness.state().window_title(), "awesome-compose ● — Podvisor");

    let notice = harness.state().notice().expect("the import notes are shown").clone();
    assert_eq!(
        notice.title,
        "Imported awesome-compose.yaml (Compose), with 6 notes: what was not read, defaulted or inferred"
    );
    let lines: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notice.detail, lines.join("\n"));
    assert!(harness.query_by_label_contains("Imported awesome-compose.yaml (Compose)").is_some(), "on screen");
    assert!(harness.state().alert().is_none());
}

#[test]
fn importing_over_unsaved_changes_asks_first() {
    let mut harness = common::app();
    harness.get_by_role_and_label(Role::Slider, "Replicas").set_value_accesskit(7.0);
    harness.run();
    let edited = common::profile(&harness);

    harness.state_mut().send(Command::Import(fixture("cronjob.yaml")));
    harness.run();
    assert!(harness.query_by_label("Unsaved changes").is_some(), "the question is shown");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(common::profile(&harness), edited, "Cancel keeps the scenario");

    harness.state_mut().send(Command::Import(fixture("cronjob.yaml")));
    harness.run();
    harness.get_by_label("Discard").click();
    harness.run();
    assert_eq!(common::profile(&harness).name, "cronjob");
    // Since issue 23 its one note says it is short-lived work (it imported without notes before).
    let notice = harness.state().notice().expect("the CronJob's note").clone();
    assert!(notice.detail.ends_with("CronJob nightly-report: short-lived work: its pods run to completion; how long is not in the file, so the profile's lifespan applies"), "{}", notice.detail);
}

#[test]
fn an_import_keeps_the_host_and_kubernetes_flavour_of_the_scenario_it_replaces() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut on_aws = podvisor::profile::Profile::default();
    on_aws.environment.host = "aws/m6i.4xlarge".to_owned();
    on_aws.environment.kubernetes = podvisor::model::kubernetes::KubernetesFlavour::Eks;
    let path = folder.path().join("on-aws.ron");
    std::fs::write(&path, podvisor::profile::to_canonical_string(&on_aws)).expect("written");
    let mut harness = common::app();
    harness.state_mut().send(Command::Open(path));
    harness.run();
    assert_eq!(common::profile(&harness).environment.host, "aws/m6i.4xlarge");

    let manifests = fixture("helm-bundle.yaml");
    harness.state_mut().send(Command::Import(manifests.clone()));
    harness.run();
    let hosting = podvisor::import::Hosting {
        host: Some("aws/m6i.4xlarge".into()),
        kubernetes: Some(podvisor::model::kubernetes::KubernetesFlavour::Eks),
    };
    let profile = common::profile(&harness);
    assert_eq!(profile, import_file(&manifests).expect("imports").to_profile_on(&hosting));
    assert_eq!(profile.environment.host, "aws/m6i.4xlarge");
    assert!(!profile.notes.contains("Costs rest on the default host"), "{}", profile.notes);
}

#[test]
fn a_file_that_cannot_be_imported_leaves_the_scenario_as_it_was() {
    let mut harness = common::app();
    common::open_example(&mut harness, "greenfield_microservices.ron");
    let before = common::profile(&harness);
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = dir.path().join("broken.yaml");
    std::fs::write(&bad, "services:\n  web: [unclosed\n").expect("write");

    harness.state_mut().send(Command::Import(bad.clone()));
    harness.run();
    let alert = harness.state().alert().expect("an error is shown").clone();
    assert_eq!(alert.title, "Could not import the file; your scenario is unchanged");
    assert!(alert.detail.starts_with(&format!("{}: not valid YAML at line", bad.display())), "{}", alert.detail);
    assert_eq!(common::profile(&harness), before);
    assert!(!harness.state().document().is_dirty());
}

#[test]
fn dropping_a_yaml_file_imports_it() {
    let mut harness = common::app();
    harness.input_mut().dropped_files.push(std::sync::Arc::new(common::Dropped(fixture("windows-compose.yml"))));
    harness.run();
    assert_eq!(common::profile(&harness).name, "windows-compose");
    assert!(harness.state().document().path().is_none());

    let dir = tempfile::tempdir().expect("temp dir");
    let other = dir.path().join("notes.txt");
    std::fs::write(&other, "text").expect("write");
    harness.input_mut().dropped_files.push(std::sync::Arc::new(common::Dropped(other)));
    harness.run();
    let alert = harness.state().alert().expect("refused").clone();
    assert!(alert.title.contains(".yml, .yaml"), "{}", alert.title);
    assert_eq!(common::profile(&harness).name, "windows-compose", "unchanged");
}

/// A long notice (66 notes on a self-hosted homelab's Compose file) scrolls within a quarter
/// of a 1280×720 window: the tabs and the top of the scorecard stay in view until it is
/// dismissed.
#[test]
fn a_long_notice_leaves_the_tabs_in_view_on_a_projector() {
    let mut harness = common::layout::app_at(egui::vec2(1280.0, 720.0), 1.0);
    harness.state_mut().send(Command::Import(fixture("homelab-state.yaml")));
    harness.run();
    let notice = harness.state().notice().expect("the import notes are shown").clone();
    assert!(notice.detail.lines().count() > 40, "a long notice: {} lines", notice.detail.lines().count());
    let window = harness.ctx.content_rect();
    let tab = harness.get_by_label("Scorecard").rect();
    assert!(tab.bottom() < window.bottom() - 0.25 * window.height(), "the tab bar at {tab:?} of {window:?}");
    let detail_top = harness.get_by_label_contains("Dismiss").rect().bottom();
    assert!(tab.top() - detail_top <= 0.25 * window.height() + 60.0, "the notice takes at most a quarter");
}
