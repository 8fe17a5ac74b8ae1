//! One frame of the whole explorer window — layout and tessellation, no GPU — for a bundled
//! profile at 1280×800. Budget: under 1 ms median per tab, with four options too (see the
//! README's performance section).
//!
//! `frame/<tab>` is a frame with nothing changing (the evaluation is cached; the compare
//! tab has a B); `frame/four_options/<tab>` is the same with the profile (and B) comparing
//! all four registered options;
//! `frame/dragging_a_slider` moves the pointer along the Services slider with the button
//! held, so every frame also re-evaluates the changed profile;
//! `frame/dragging_against_a_baseline` does the same with a baseline pinned, so every frame
//! also compares with it; `frame/presenter` is a settled presenter-mode slide;
//! `frame/components/<tab>` is the bundled three-tier shop (two components: the component
//! list above the sliders, and the Plan tab with its table, bars and path chart).

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use podvisor::app::examples::examples;
use podvisor::app::{App, Command};
use podvisor::model::options::REGISTRY;
use podvisor::profile::to_canonical_string;
use podvisor::ui::Tab;

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// Where the Services slider's rail is, found the way the UI tests find it.
fn services_rail() -> egui::Rect {
    let mut harness = Harness::builder().with_size(SIZE).build_eframe(|cc| App::new(cc));
    harness.state_mut().send(Command::OpenExample(0));
    harness.run();
    harness.get_by_role_and_label(egui::accesskit::Role::Slider, "Services").rect()
}

/// Runs one frame of the app with these input events and tessellates it; returns the
/// primitive count.
fn frame(ctx: &egui::Context, app: &mut App, events: Vec<egui::Event>) -> usize {
    let input = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        events,
        ..Default::default()
    };
    let output = ctx.run_ui(input, |ui| app.ui(ui, &mut eframe::Frame::_new_kittest()));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

/// Bundled example `index` comparing every registered option, written into `dir`.
fn with_every_option(dir: &std::path::Path, index: usize) -> std::path::PathBuf {
    let example = &examples()[index];
    let mut profile = example.profile.clone();
    profile.options = REGISTRY.iter().map(|spec| spec.id()).collect();
    let path = dir.join(example.file);
    std::fs::write(&path, to_canonical_string(&profile)).expect("a temporary file");
    path
}

/// A frame of each tab shown, named `frame/{prefix}<tab>`.
fn tabs(c: &mut Criterion, ctx: &egui::Context, app: &mut App, prefix: &str) {
    for _ in 0..3 {
        frame(ctx, app, Vec::new()); // fonts, layout caches, the example
    }
    for tab in Tab::shown(app.document().profile().is_mixed()) {
        app.select_tab(tab);
        frame(ctx, app, Vec::new());
        let name = format!("frame/{prefix}{}", tab.label().to_lowercase().replace(" & ", "_and_"));
        c.bench_function(&name, |b| b.iter(|| frame(ctx, app, Vec::new())));
    }
}

fn frames(c: &mut Criterion) {
    let rail = services_rail();
    let ctx = egui::Context::default();
    let mut app = App::new(&eframe::CreationContext::_new_kittest(ctx.clone()));
    app.send(Command::OpenExample(0));
    // B for the compare tab: the legacy monolith, 20 settings apart.
    app.send(Command::CompareWithExample(2));
    tabs(c, &ctx, &mut app, "");

    // The same two scenarios, each comparing all four options.
    let dir = tempfile::tempdir().expect("a temporary folder");
    app.send(Command::Open(with_every_option(dir.path(), 0)));
    app.send(Command::CompareWith(with_every_option(dir.path(), 2)));
    frame(&ctx, &mut app, Vec::new());
    assert_eq!(app.document().evaluation().options.len(), REGISTRY.len(), "four options open");
    assert_eq!(app.compared().map(|b| b.scenario().evaluation.options.len()), Some(REGISTRY.len()));
    tabs(c, &ctx, &mut app, "four_options/");

    // Two components: the list above the sliders, the Plan tab.
    let shop = examples().iter().position(|example| example.file == "three_tier_web_shop.ron");
    app.send(Command::OpenExample(shop.expect("the bundled three-tier shop")));
    frame(&ctx, &mut app, Vec::new());
    assert!(app.document().plan().is_some(), "two components are planned");
    tabs(c, &ctx, &mut app, "components/");

    app.send(Command::OpenExample(0));
    app.send(Command::CompareWithExample(2));
    frame(&ctx, &mut app, Vec::new());
    assert_eq!(app.document().evaluation().options.len(), 2, "back to the example's two options");

    app.send(Command::StopComparing);
    app.select_tab(Tab::Scorecard);
    frame(&ctx, &mut app, Vec::new());
    let press = rail.left_center() + egui::vec2(10.0, 0.0);
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: egui::Modifiers::NONE,
    };
    frame(&ctx, &mut app, vec![egui::Event::PointerMoved(press), button(press, true)]);
    let far = egui::Event::PointerMoved(rail.right_center() - egui::vec2(10.0, 0.0));
    frame(&ctx, &mut app, vec![far]);
    let services = app.document().profile().workload().services;
    assert!(services > 100, "the drag moves the slider (services = {services})");
    let mut step = 0;
    c.bench_function("frame/dragging_a_slider", |b| {
        b.iter(|| {
            step = (step + 1) % 40;
            let x = rail.left() + 10.0 + (rail.width() - 20.0) * step as f32 / 40.0;
            let moved = egui::Event::PointerMoved(egui::pos2(x, rail.center().y));
            frame(&ctx, &mut app, vec![moved])
        });
    });
    frame(&ctx, &mut app, vec![button(press, false)]);

    app.send(Command::PinBaseline);
    frame(&ctx, &mut app, vec![egui::Event::PointerMoved(press), button(press, true)]);
    c.bench_function("frame/dragging_against_a_baseline", |b| {
        b.iter(|| {
            step = (step + 1) % 40;
            let x = rail.left() + 10.0 + (rail.width() - 20.0) * step as f32 / 40.0;
            let moved = egui::Event::PointerMoved(egui::pos2(x, rail.center().y));
            frame(&ctx, &mut app, vec![moved])
        });
    });
    // Let go at the far end, away from where the baseline was pinned.
    frame(&ctx, &mut app, vec![button(rail.right_center() - egui::vec2(10.0, 0.0), false)]);
    assert!(app.baseline().is_some_and(|b| !b.comparison().differences.is_empty()), "compared while dragging");

    app.send(Command::Present);
    for _ in 0..3 {
        frame(&ctx, &mut app, Vec::new()); // presenter sizes, the deck
    }
    assert!(app.presentation().is_some());
    c.bench_function("frame/presenter", |b| b.iter(|| frame(&ctx, &mut app, Vec::new())));
}

criterion_group!(benches, frames);
criterion_main!(benches);
