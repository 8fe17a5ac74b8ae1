//! Image snapshots, dark theme, fixed sizes, cursor removed: the whole window on the
//! scorecard and, for a profile of two components, on the Plan tab; each other tab's view on its own (smaller images; the panel and banner
//! around them are already in the first); the compare tab; a presenter-mode slide at a
//! projector's 1280×720; and the whole window at a small laptop's 1024×640 and a projector's
//! 1280×720 on the tabs whose layout changes most with the size; the Options menu over a
//! scorecard of four options. Rendered with wgpu on Mesa's software Vulkan driver (lavapipe);
//! tolerances are in `kittest.toml`. Update with
//! `UPDATE_SNAPSHOTS=1 cargo test --test ui_snapshots`, then look at every changed image. The
//! whole-window images wait for the verdict's confidence (drawn on a worker thread), so the
//! banner always shows the drawn shares.
//!
//! Every test here needs a renderer, so this file has its own harness (libtest-mimic): without a
//! wgpu adapter and without `CI` the tests are reported as ignored, and the run's summary counts
//! them ("N ignored"); on CI a missing renderer fails the run instead.

mod common;

use std::process::ExitCode;

use libtest_mimic::{Arguments, Failed, Trial};

use egui::Key;
use egui_kittest::kittest::Queryable as _;
use egui_kittest::{Harness, SnapshotResults};
use podvisor::app::examples::examples;
use podvisor::app::{App, Command, Export};
use podvisor::model::confidence::SEED;
use podvisor::model::{Evaluation, TraitId, confidence, evaluate};
use podvisor::profile::Profile;
use podvisor::ui::resources::{ChartView, resources_ui};
use podvisor::ui::theme::{self, Sizes, ThemeChoice};
use podvisor::ui::{assumptions::assumptions_ui, pros_cons::pros_cons_ui};

/// A projector's size, for presenter mode.
const PROJECTOR: egui::Vec2 = egui::vec2(1280.0, 720.0);

fn presenter_mode_with_break_even_points() {
    let mut harness = Harness::builder().with_size(PROJECTOR).build_eframe(|cc| App::new(cc));
    harness.state_mut().send(Command::OpenExample(0));
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    // The next slide, once its transition has landed: the decomposed monolith, with
    // break-even points on the chart.
    harness.key_press(Key::ArrowRight);
    harness.run();
    common::wait_for_confidence(&mut harness);
    harness.remove_cursor();
    harness.run();
    harness.snapshot("presenter_break_even");
}

fn compare_tab_with_an_example() {
    let mut harness = common::app();
    harness.state_mut().send(Command::OpenExample(0));
    harness.state_mut().send(Command::CompareWithExample(2));
    harness.run();
    common::wait_for_confidence(&mut harness);
    harness.remove_cursor();
    harness.run();
    harness.snapshot("window_compare");
}

/// Size of the single-view snapshots.
const VIEW: egui::Vec2 = egui::vec2(920.0, 600.0);

fn whole_window_on_the_scorecard() {
    let mut harness = common::app();
    // A bundled example rather than a file: no machine-specific path in the status bar.
    harness.state_mut().send(Command::OpenExample(0));
    harness.run();
    common::wait_for_confidence(&mut harness);
    harness.remove_cursor();
    harness.run();
    harness.snapshot("window_scorecard");
}

/// The bundled three-tier web shop on the Plan tab: the component list above the sliders,
/// the placement table, the stacked cost bars.
fn whole_window_on_the_plan() {
    let mut harness = common::app();
    let shop = examples().iter().position(|example| example.file == "three_tier_web_shop.ron");
    harness.state_mut().send(Command::OpenExample(shop.expect("the bundled three-tier shop")));
    harness.run();
    harness.state_mut().select_tab(podvisor::ui::Tab::Plan);
    harness.run();
    common::wait_for_confidence(&mut harness);
    harness.remove_cursor();
    harness.run();
    harness.snapshot("window_plan");
}

/// A view of bundled example `index` on its own, styled as in the app.
fn view_harness<'a>(
    index: usize,
    view: impl FnMut(&mut egui::Ui, &mut (Profile, Evaluation)) + 'a,
) -> Harness<'a, (Profile, Evaluation)> {
    let profile = examples()[index].profile.clone();
    let evaluation = evaluate(&profile, podvisor::builtin::catalogs());
    Harness::builder()
        .with_size(VIEW)
        .with_context_setup(|ctx| {
            theme::install_fonts(ctx);
            theme::apply(ctx, ThemeChoice::Dark, &Sizes::DEFAULT);
        })
        .build_ui_state(view, (profile, evaluation))
}

fn tab_views() {
    let mut results = SnapshotResults::new();

    let mut pros_cons = view_harness(0, |ui, (profile, evaluation)| pros_cons_ui(ui, profile, evaluation));
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

    // The greenfield shop against a baseline with instances twice as large: dashed baseline
    // lines, and ticks across today's bars.
    let mut before = examples()[0].profile.clone();
    before.set(TraitId::MemoryPerInstanceMib, 1024.0);
    let baseline = evaluate(&before, podvisor::builtin::catalogs());
    let mut view = ChartView::default();
    let mut against = view_harness(0, move |ui, (profile, evaluation)| {
        resources_ui(ui, evaluation, profile, &mut view, Some(&baseline));
    });
    against.remove_cursor();
    against.run();
    results.add(against.try_snapshot("tab_resources_with_baseline"));

    // Monthly cost moves in whole hosts: stairs, never ramps or filled bands.
    let mut view = ChartView { resource: podvisor::model::ResourceId::MonthlyCost, ..ChartView::default() };
    let mut cost = view_harness(1, move |ui, (profile, evaluation)| {
        resources_ui(ui, evaluation, profile, &mut view, None);
    });
    cost.remove_cursor();
    cost.run();
    results.add(cost.try_snapshot("tab_resources_cost_in_whole_hosts"));

    let mut assumptions = view_harness(0, |ui, (profile, _)| assumptions_ui(ui, &mut profile.assumptions));
    assumptions.remove_cursor();
    assumptions.run();
    results.add(assumptions.try_snapshot("tab_assumptions"));
}

/// The whole window at the two sizes the layout tests check, on the tabs that rearrange
/// themselves: the resources tab (chart beside or above today's table) and the scorecard
/// scrolled to its tornado.
fn window_at_laptop_and_projector_sizes() {
    let mut results = SnapshotResults::new();
    for size in common::layout::SIZES {
        let mut harness = common::layout::app_at(size, 1.0);
        // The decomposed monolith: break-even points on its chart.
        harness.state_mut().send(Command::OpenExample(1));
        harness.state_mut().select_tab(podvisor::ui::Tab::Resources);
        harness.run();
        common::wait_for_confidence(&mut harness);
        harness.remove_cursor();
        harness.run();
        results.add(harness.try_snapshot(format!("window_{}x{}_resources", size.x, size.y)));
    }
    let mut harness = common::layout::app_at(common::layout::SIZES[1], 1.0);
    harness.state_mut().send(Command::OpenExample(1));
    harness.run();
    common::wait_for_confidence(&mut harness);
    let heading = harness.get_by_label("What moves the margin");
    heading.scroll_to_me();
    harness.run();
    common::wait_for_confidence(&mut harness);
    harness.remove_cursor();
    harness.run();
    results.add(harness.try_snapshot("window_1280x720_tornado"));
}

/// The Options menu open over the scorecard with all four options ticked: a column per
/// option, and the hovered option's description.
fn options_menu_with_four_options() {
    let mut harness = common::app();
    harness.state_mut().send(Command::OpenExample(0));
    harness.run();
    harness.get_by_label("Options").click();
    harness.run();
    let label = |key| podvisor::model::OptionId::from_key(key).expect("registered").spec().label;
    for key in ["containers_on_vms", "microvm"] {
        harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, label(key)).click();
        harness.run();
    }
    common::wait_for_confidence(&mut harness);
    harness.get_by_role_and_label(egui::accesskit::Role::CheckBox, label("microvm")).hover();
    harness.run();
    harness.snapshot("window_options_menu");
}

/// Exports of the window and of its chart are pictures of what is on screen (they need a
/// renderer like the snapshots).
fn exporting_pictures_of_the_window_and_of_its_chart() {
    let mut harness = common::app();
    harness.state_mut().send(Command::OpenExample(0));
    harness.get_by_label("Resources").click();
    harness.run();
    let dir = tempfile::tempdir().expect("temp dir");
    let (window, chart) = (dir.path().join("window.png"), dir.path().join("chart.png"));

    harness.state_mut().send(Command::Export(Export::Window, window.clone()));
    harness.run();
    harness.state_mut().send(Command::Export(Export::Chart, chart.clone()));
    harness.run();
    assert!(harness.state().alert().is_none(), "{:?}", harness.state().alert());

    let window = image::open(&window).expect("a PNG of the window");
    assert_eq!((window.width() as f32, window.height() as f32), (common::SIZE.x, common::SIZE.y));
    let chart = image::open(&chart).expect("a PNG of the chart");
    assert!(chart.width() > 300 && chart.width() < window.width() / 2 + 200, "cropped: {}", chart.width());
    assert!(chart.height() > 300 && chart.height() < window.height(), "cropped: {}", chart.height());
}

/// What a picture of `docs/` shows.
#[derive(Clone, Copy)]
enum DocsView {
    Scorecard,
    Resources,
    /// Presenter mode on a screen of `pixels` at `zoom`, `forward` slides on from the first.
    Presenter {
        pixels: (f32, f32),
        zoom: f32,
        forward: usize,
    },
}

/// A projector's slide, at 100 %.
const PROJECTOR_SLIDE: DocsView = DocsView::Presenter { pixels: (1280.0, 720.0), zoom: 1.0, forward: 0 };

/// The pictures of `docs/` that the README shows: file, bundled example, view.
const DOCS: [(&str, &str, DocsView); 6] = [
    ("four-options.png", "saas_running_customer_code.ron", DocsView::Scorecard),
    ("presenter.png", "monolith_decomposed_50_services.ron", PROJECTOR_SLIDE),
    // An estate's first slide is its plan, on a small laptop at 150 %.
    (
        "presenter-laptop-150.png",
        "phased_modernisation.ron",
        DocsView::Presenter { pixels: (1024.0, 640.0), zoom: 1.5, forward: 0 },
    ),
    // One component's verdict, named, on a 1080p screen.
    (
        "presenter-1080p.png",
        "three_tier_web_shop.ron",
        DocsView::Presenter { pixels: (1920.0, 1080.0), zoom: 1.0, forward: 1 },
    ),
    ("resources.png", "monolith_decomposed_50_services.ron", DocsView::Resources),
    ("screenshot.png", "monolith_decomposed_50_services.ron", DocsView::Scorecard),
];

/// Re-makes the README's pictures at a projector's 1280×720 and records the verdict each shows
/// in `docs/screenshots.ron`, which `tests/readme.rs` compares with today's. Runs only with
/// `UPDATE_DOCS=1`: a picture is re-made when its scenario's answer changes.
fn docs_pictures() {
    let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs");
    let mut record = String::from(
        "// The verdict each picture in docs/ shows: the banner's headline as on screen, its leader and\n\
         // whether it is a close call. tests/readme.rs quotes the headline in the README's captions and\n\
         // fails when the profile's verdict today (leader or close call) differs from the one recorded:\n\
         // then re-make the picture and record what the new one shows.\n[\n",
    );
    for (picture, file, view) in DOCS {
        let index = examples().iter().position(|example| example.file == file).expect("a bundled example");
        let (size, zoom) = match view {
            DocsView::Presenter { pixels: (width, height), zoom, .. } => {
                (egui::vec2(width / zoom, height / zoom), zoom)
            }
            _ => (PROJECTOR, 1.0),
        };
        let mut harness = common::layout::app_at(size, zoom);
        harness.state_mut().send(Command::OpenExample(index));
        harness.run();
        match view {
            DocsView::Scorecard => {}
            DocsView::Resources => harness.state_mut().select_tab(podvisor::ui::Tab::Resources),
            DocsView::Presenter { forward, .. } => {
                harness.key_press(Key::F5);
                harness.run();
                for _ in 0..forward {
                    harness.key_press(Key::ArrowRight);
                    harness.run();
                }
            }
        }
        common::wait_for_confidence(&mut harness);
        harness.remove_cursor();
        harness.run();
        harness.state_mut().send(Command::Export(Export::Window, docs.join(picture)));
        harness.run();
        assert!(harness.state().alert().is_none(), "{picture}: {:?}", harness.state().alert());
        let example = &examples()[index].profile;
        let drawn = confidence(example, podvisor::builtin::catalogs(), SEED);
        let evaluation = evaluate(example, podvisor::builtin::catalogs()).with_confidence(drawn);
        let profile = file.trim_end_matches(".ron");
        let headline = podvisor::narrative::headline(&evaluation);
        let (leader, close_call) = (evaluation.verdict.leader.key(), evaluation.verdict.close_call);
        record += &format!(
            "    (\n        picture: {picture:?},\n        profile: {profile:?},\n        headline: {headline:?},\n        leader: {leader:?},\n        close_call: {close_call},\n    ),\n"
        );
    }
    record += "]\n";
    std::fs::write(docs.join("screenshots.ron"), record).expect("docs/screenshots.ron written");
}

/// The tests of this file, each needing a renderer.
const TESTS: &[(&str, fn())] = &[
    ("presenter_mode_with_break_even_points", presenter_mode_with_break_even_points),
    ("compare_tab_with_an_example", compare_tab_with_an_example),
    ("whole_window_on_the_scorecard", whole_window_on_the_scorecard),
    ("whole_window_on_the_plan", whole_window_on_the_plan),
    ("tab_views", tab_views),
    ("window_at_laptop_and_projector_sizes", window_at_laptop_and_projector_sizes),
    ("options_menu_with_four_options", options_menu_with_four_options),
    ("exporting_pictures_of_the_window_and_of_its_chart", exporting_pictures_of_the_window_and_of_its_chart),
    ("the_handout_deck_is_the_slides_the_room_saw", the_handout_deck_is_the_slides_the_room_saw),
    ("the_deck_command_hands_out_a_folder", the_deck_command_hands_out_a_folder),
];

/// Side of the blocks pictures are compared in, in pixels.
const BLOCK: u32 = 24;

/// The mean colour of each [`BLOCK`]-square block of a picture, row by row.
fn block_means(picture: &image::RgbaImage) -> Vec<[f64; 3]> {
    let (width, height) = picture.dimensions();
    let mut means = Vec::new();
    for top in (0..height).step_by(BLOCK as usize) {
        for left in (0..width).step_by(BLOCK as usize) {
            let mut sum = [0.0; 3];
            for y in top..(top + BLOCK).min(height) {
                for x in left..(left + BLOCK).min(width) {
                    let pixel = picture.get_pixel(x, y).0;
                    (0..3).for_each(|channel| sum[channel] += f64::from(pixel[channel]));
                }
            }
            means.push(sum.map(|total| total / f64::from(BLOCK * BLOCK)));
        }
    }
    means
}

/// The handout as the room saw it: the deck exported from presenter mode has a page per slide,
/// and its first page, turned back into pixels by poppler's `pdftoppm`, is the slide on a
/// 1280×720 projector at 150 % (1920×1080 pixels) within a small tolerance.
fn the_handout_deck_is_the_slides_the_room_saw() {
    let mut harness =
        Harness::builder().with_size(PROJECTOR).with_pixels_per_point(1.5).build_eframe(|cc| App::new(cc));
    harness.state_mut().send(Command::OpenExample(0));
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    common::wait_for_confidence(&mut harness);
    harness.remove_cursor();
    harness.run();
    let room = harness.render().expect("the slide renders");
    assert_eq!(room.dimensions(), (1920, 1080));

    let dir = tempfile::tempdir().expect("temp dir");
    let pdf = dir.path().join("deck.pdf");
    harness.state_mut().send(Command::Export(Export::Deck, pdf.clone()));
    harness.run();
    let start = std::time::Instant::now();
    while harness.state().is_exporting_deck() {
        assert!(start.elapsed().as_secs() < 300, "the deck is still being drawn after 5 minutes");
        std::thread::sleep(std::time::Duration::from_millis(50));
        harness.step();
    }
    assert!(harness.state().alert().is_none(), "{:?}", harness.state().alert());
    let bytes = std::fs::read(&pdf).expect("the deck is written");
    let pages = bytes.windows(b"/Type /Page\n".len()).filter(|w| *w == b"/Type /Page\n").count();
    assert_eq!(pages, common::deck_slides(), "a page per slide");

    let Some(page) = common::pdf_page_png(&pdf, 1, dir.path()) else {
        return;
    };
    let page = image::open(&page).expect("pdftoppm writes a PNG").to_rgba8();
    assert_eq!(page.dimensions(), (1920, 1080), "the first slide's notes fit on it: the page is the slide alone");
    // Compared in blocks of 24×24 pixels: text laid out a pixel apart (the window's panel and
    // the page's round differently) moves many single pixels but hardly a block's mean (at
    // most 10 of 255 on the bundled deck's first slide; a wrong slide moves hundreds of blocks).
    let (room, page) = (block_means(&room), block_means(&page));
    let differing =
        room.iter().zip(&page).filter(|(a, b)| (0..3).any(|channel| (a[channel] - b[channel]).abs() > 16.0)).count();
    assert!(differing * 200 < room.len(), "{differing} of {} blocks of the page differ from the slide's", room.len());
}

/// `podvisor deck FOLDER -o OUT.pdf`: a page per slide of the folder's profiles in file-name
/// order (an unreadable file is a slide saying why; an estate of five components is its plan,
/// five verdicts and its path), light unless asked for dark; a folder as the output is
/// refused and left as it was.
fn the_deck_command_hands_out_a_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let talk = dir.path().join("talk");
    std::fs::create_dir(&talk).expect("a folder");
    std::fs::copy(common::example("phased_modernisation.ron"), talk.join("b_estate.ron")).expect("copy");
    std::fs::copy(common::example("greenfield_microservices.ron"), talk.join("c_shop.ron")).expect("copy");
    std::fs::write(talk.join("a_broken.ron"), "(format: \"podvisor-profile\", version: 1, oops)").expect("write");
    let run = |out: &std::path::Path, theme| {
        podvisor::cli::execute(&podvisor::cli::Command::Deck { folder: Some(talk.clone()), out: out.to_owned(), theme })
    };
    let light = dir.path().join("talk.pdf");
    let outcome = run(&light, podvisor::cli::DeckTheme::Light);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(outcome.stdout.contains("9 pages"), "1 + (1 + 5 + 1) + 1 slides: {}", outcome.stdout);
    let dark = dir.path().join("dark.pdf");
    assert_eq!(run(&dark, podvisor::cli::DeckTheme::Dark).code, 0);
    if let (Some(light), Some(dark)) =
        (common::pdf_page_png(&light, 2, &dir.path().join("l")), common::pdf_page_png(&dark, 2, &dir.path().join("d")))
    {
        let corner = |png: &std::path::Path| image::open(png).expect("a PNG").to_rgb8().get_pixel(4, 4).0;
        assert!(corner(&light).iter().all(|&c| c > 200), "a light page: {:?}", corner(&light));
        assert!(corner(&dark).iter().all(|&c| c < 60), "a dark page: {:?}", corner(&dark));
    }
    let refused = run(dir.path(), podvisor::cli::DeckTheme::Light);
    assert_eq!(refused.code, 1);
    assert!(refused.stderr.contains("not a regular file"), "{}", refused.stderr);
}

/// Runs a test on a thread of its own, as libtest does: `egui_kittest` checks per thread that
/// every snapshot result was handled, and libtest-mimic's pool would carry one test's results
/// into the next.
fn on_its_own_thread(name: &str, test: fn()) -> Result<(), Failed> {
    let thread = std::thread::Builder::new().name(name.to_owned()).spawn(test).expect("a test thread");
    thread.join().map_err(|panic| {
        let message = panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_else(|| "the test panicked".to_owned());
        Failed::from(message)
    })
}

fn main() -> ExitCode {
    let arguments = Arguments::from_args();
    // Panics on CI without a renderer: a missing renderer must not pass there.
    let renderer = common::renderer_available();
    if !renderer {
        eprintln!("{} snapshot tests ignored: no wgpu adapter and no CI", TESTS.len());
    }
    let mut trials: Vec<Trial> = TESTS
        .iter()
        .map(|&(name, test)| Trial::test(name, move || on_its_own_thread(name, test)).with_ignored_flag(!renderer))
        .collect();
    if renderer && std::env::var("UPDATE_DOCS").is_ok_and(|v| v == "1") {
        trials.push(Trial::test("docs_pictures", || on_its_own_thread("docs_pictures", docs_pictures)));
    }
    libtest_mimic::run(&arguments, trials).exit_code()
}
