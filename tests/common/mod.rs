//! Shared set-up for the UI tests: the real app in a headless harness.

#![allow(dead_code, reason = "each test binary uses a different part of this module")]

use std::path::PathBuf;

use egui_kittest::Harness;
use podvisor::app::App;

/// The window size of every whole-app test and snapshot.
pub const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

/// The real app, fresh (no stored session), with the in-app file browser instead of dialogs,
/// and the welcome panel closed (tests of other features find their controls where a
/// returning user would).
pub fn app() -> Harness<'static, App> {
    let mut harness = first_start();
    harness.state_mut().send(podvisor::app::Command::Welcome(false));
    harness.run();
    // The verdict's confidence arrives from a worker thread and lengthens the banner; tests
    // that click by position start from the settled layout.
    wait_for_confidence(&mut harness);
    harness
}

/// The real app on its first start: fresh, the welcome panel open.
pub fn first_start() -> Harness<'static, App> {
    Harness::builder().with_size(SIZE).build_eframe(|cc| {
        let mut app = App::new(cc);
        app.use_file_browser();
        app
    })
}

/// [`app`] for tests that open the in-app file browser: `egui_file` 0.29 gives its path and
/// file-name fields no accessible name, which the harness would otherwise refuse.
pub fn app_with_browser() -> Harness<'static, App> {
    returning_user(Harness::builder().with_size(SIZE).with_accessibility_check(false))
}

/// The app built by `builder`, fresh, with the in-app file browser and the welcome panel
/// closed.
pub fn returning_user(builder: egui_kittest::HarnessBuilder<App>) -> Harness<'static, App> {
    let mut harness = builder.build_eframe(|cc| {
        let mut app = App::new(cc);
        app.use_file_browser();
        app
    });
    harness.state_mut().send(podvisor::app::Command::Welcome(false));
    harness.run();
    harness
}

/// Types `path` into the browser's file-name field (found by the name it offers) and
/// presses Enter, as a user choosing where to save would.
pub fn type_into_browser(harness: &mut Harness<'_, App>, offered: &str, path: &std::path::Path) {
    use egui_kittest::kittest::{By, Queryable as _};
    let field = harness.get(By::new().role(egui::accesskit::Role::TextInput).value(offered));
    field.focus();
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    harness.get(By::new().role(egui::accesskit::Role::TextInput).value(offered)).type_text(&path.display().to_string());
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// The profile the app has open now.
pub fn profile(harness: &Harness<'_, App>) -> podvisor::profile::Profile {
    harness.state().document().profile().clone()
}

/// Opens a bundled example by its file name, as File ▸ Open would.
pub fn open_example(harness: &mut Harness<'_, App>, file: &str) {
    harness.state_mut().send(podvisor::app::Command::Open(example(file)));
    harness.run();
    wait_for_confidence(harness);
}

/// A bundled example profile on disk.
pub fn example(file: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("profiles").join(file)
}

/// Bundled example `file` comparing every registered option (all four), written into `dir`
/// under its own name: what a user gets by ticking every entry of the Options menu.
pub fn with_every_option(dir: &std::path::Path, file: &str) -> PathBuf {
    let loaded = podvisor::profile::load_file(&example(file)).expect("a bundled example");
    let mut profile = loaded.profile;
    profile.options = podvisor::model::options::REGISTRY.iter().map(|spec| spec.id()).collect();
    let path = dir.join(file);
    std::fs::write(&path, podvisor::profile::to_canonical_string(&profile)).expect("a temporary file");
    path
}

/// Slides in the bundled deck: one per example, and for an example of several components a
/// plan slide, one per component and a path slide.
pub fn deck_slides() -> usize {
    // An estate: its plan, each component's verdict, its path.
    let slides = |profile: &podvisor::profile::Profile| {
        if profile.is_mixed() { profile.components.len() + 2 } else { 1 }
    };
    podvisor::app::examples::examples().iter().map(|example| slides(&example.profile)).sum()
}

/// Whether snapshots can be rendered here. Without a wgpu adapter (no GPU and no Mesa
/// lavapipe/llvmpipe) the snapshot tests are reported as ignored locally (`tests/ui_snapshots.rs`
/// has its own harness for that); on CI (`CI` set) a missing renderer fails them instead, so it
/// cannot go unnoticed.
pub fn renderer_available() -> bool {
    use egui_wgpu::wgpu;
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor::new_without_display_handle());
    let found = !pollster::block_on(instance.enumerate_adapters(wgpu::Backends::all())).is_empty();
    if !found {
        assert!(std::env::var_os("CI").is_none(), "no wgpu adapter on CI: install mesa-vulkan-drivers and libvulkan1");
        eprintln!("no wgpu adapter: apt-get install mesa-vulkan-drivers libvulkan1 to render snapshots");
    }
    found
}

/// Page `page` (from 1) of a PDF as a PNG at 144 dpi (a 960-point page is 1920 pixels
/// wide), drawn by poppler's `pdftoppm` into `dir`; `None` where poppler is not installed
/// (on CI its absence fails instead: `.ci/run` installs poppler-utils).
pub fn pdf_page_png(pdf: &std::path::Path, page: usize, dir: &std::path::Path) -> Option<PathBuf> {
    std::fs::create_dir_all(dir).expect("a folder for the page");
    let stem = dir.join("page");
    let number = page.to_string();
    let run = std::process::Command::new("pdftoppm")
        .args(["-r", "144", "-png", "-singlefile", "-f", &number, "-l", &number])
        .arg(pdf)
        .arg(&stem)
        .status();
    match run {
        Ok(status) => {
            assert!(status.success(), "pdftoppm could not read the PDF: {status}");
            Some(stem.with_extension("png"))
        }
        Err(error) => {
            assert!(std::env::var_os("CI").is_none(), "no pdftoppm on CI ({error}): install poppler-utils");
            eprintln!("no pdftoppm ({error}): the PDF's pages are not compared with the slides");
            None
        }
    }
}

/// The app started again from a stored session, as eframe does after a restart.
pub fn restarted(storage: &MemoryStorage) -> Harness<'_, App> {
    let mut harness = Harness::builder().with_size(SIZE).build_eframe(|cc| {
        cc.storage = Some(storage);
        App::new(cc)
    });
    harness.run();
    harness
}

/// eframe's storage, in memory, for session tests.
#[derive(Default)]
pub struct MemoryStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemoryStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }

    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.to_owned(), value);
    }

    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }

    fn flush(&mut self) {}
}

/// A file dropped on the window by the test, as the windowing backend would report it.
#[derive(Debug)]
pub struct Dropped(pub PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

pub mod layout;

/// Steps the app until every verdict's confidence has been drawn off the frame (1,000
/// plausible worlds on a worker thread: a few seconds in a debug build), then settles it.
pub fn wait_for_confidence(harness: &mut Harness<'_, App>) {
    let start = std::time::Instant::now();
    harness.step();
    while harness.state().is_drawing() {
        assert!(start.elapsed().as_secs() < 180, "the confidence is still being drawn after 3 minutes");
        std::thread::sleep(std::time::Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}
