//! Image snapshots, dark theme, fixed sizes, cursor removed: the whole window on the
//! scorecard, and each other tab's view on its own (smaller images; the panel and banner
//! around them are already in the first). Rendered with wgpu on Mesa's software Vulkan
//! driver (lavapipe); tolerances are in `kittest.toml`. Update with
//! `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots`, then look at every changed image.

mod common;

use egui_kittest::{Harness, SnapshotResults};
use podvisor::app::Command;
use podvisor::app::examples::examples;
use podvisor::model::{Assumptions, Evaluation, evaluate};
use podvisor::profile::Profile;
use podvisor::ui::resources::{ChartView, resources_ui};
use podvisor::ui::theme::{self, Sizes, ThemeChoice};
use podvisor::ui::{assumptions::assumptions_ui, pros_cons::pros_cons_ui};

/// Size of the single-view snapshots.
const VIEW: egui::Vec2 = egui::vec2(920.0, 600.0);

#[test]
fn whole_window_on_the_scorecard() {
    if !common::renderer_available() {
        return;
    }
    let mut harness = common::app();
    // A bundled example rather than a file: no machine-specific path in the status bar.
    harness.state_mut().send(Command::OpenExample(0));
    harness.run();
    harness.remove_cursor();
    harness.run();
    harness.snapshot("window_scorecard");
}

/// A view of bundled example `index` on its own, styled as in the app.
fn view_harness<'a>(
    index: usize,
    view: impl FnMut(&mut egui::Ui, &mut (Profile, Evaluation)) + 'a,
) -> Harness<'a, (Profile, Evaluation)> {
    let profile = examples()[index].profile.clone();
    let evaluation = evaluate(&profile, Assumptions::builtin());
    Harness::builder()
        .with_size(VIEW)
        .with_context_setup(|ctx| {
            theme::install_fonts(ctx);
            theme::apply(ctx, ThemeChoice::Dark, &Sizes::DEFAULT);
        })
        .build_ui_state(view, (profile, evaluation))
}

#[test]
fn tab_views() {
    if !common::renderer_available() {
        return;
    }
    let mut results = SnapshotResults::new();

    let mut pros_cons = view_harness(0, |ui, (_, evaluation)| pros_cons_ui(ui, evaluation));
    pros_cons.remove_cursor();
    pros_cons.run();
    results.add(pros_cons.try_snapshot("tab_pros_and_cons"));

    let mut view = ChartView::default();
    // The decomposed monolith: its memory curves cross, so break-even points are marked.
    let mut resources = view_harness(1, move |ui, (profile, evaluation)| {
        resources_ui(ui, evaluation, profile, &mut view, None);
    });
    resources.remove_cursor();
    resources.run();
    results.add(resources.try_snapshot("tab_resources"));

    let mut assumptions = view_harness(0, |ui, (profile, _)| assumptions_ui(ui, &mut profile.assumptions));
    assumptions.remove_cursor();
    assumptions.run();
    results.add(assumptions.try_snapshot("tab_assumptions"));
}
