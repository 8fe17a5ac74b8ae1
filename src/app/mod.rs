//! The explorer window: sliders in, live scores and projection charts out; and presenter
//! mode, the same scenarios shown large to a room.
//!
//! One direction of data: the views edit the [`Profile`](crate::profile::Profile) held by the
//! [`Document`]; when it changes, the document re-evaluates it once, and the views draw the
//! new [`Evaluation`](crate::model::Evaluation). Other scenarios (a pinned baseline, B in the
//! compare tab, presenter mode's slides) are held still beside it and never edited. Anything
//! with a side effect (dialogs, files, closing the window) is a [`Command`], run after the
//! frame in [`commands`].

mod commands;
mod deck;
mod document;
pub mod examples;
mod export;
mod file_dialog;
mod history;
mod reference;
mod scenario;
mod session;

use std::path::PathBuf;

use egui::{Align2, FontId, Id, LayerId, Order, Rect, RichText};

pub use commands::Command;
pub use deck::{DeckSource, Presentation, Slide};
pub use document::Document;
pub use export::Export;
pub use reference::Reference;
use reference::Side;
pub use scenario::Scenario;
use session::Session;

use crate::profile::{Profile, parse, to_canonical_string};
use crate::ui::compare::{self, CompareView, compare_ui};
use crate::ui::dialogs::{PathPrompt, error_panel_ui, path_prompt_ui, unsaved_prompt_ui};
use crate::ui::menu::{Keys, MenuContext, menu_bar_ui, shortcut_commands};
use crate::ui::presenter::{SlideContent, SlideView, presenter_ui};
use crate::ui::resources::{ChartView, resources_ui};
use crate::ui::theme::{self, Appearance, Sizes};
use crate::ui::transition::Transition;
use crate::ui::{Tab, assumptions, pros_cons, scorecard, tab_bar_ui, traits_panel, verdict};

/// Something the user should read: an error, or adjustments made while loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub title: String,
    pub detail: String,
}

/// The application.
pub struct App {
    document: Document,
    recent: Vec<PathBuf>,
    appearance: Appearance,
    /// The appearance last applied to the context, and whether with presenter sizes, to apply
    /// changes once.
    applied: Option<(Appearance, bool)>,
    tab: Tab,
    chart: ChartView,
    /// The pinned baseline, compared with the open scenario as it changes.
    baseline: Option<Reference>,
    /// B in the compare tab (A is the open scenario).
    compared: Option<Reference>,
    /// Where presenter mode's deck comes from.
    deck: DeckSource,
    /// Presenter mode, while it is on.
    presentation: Option<Presentation>,
    transition: Transition,
    /// Whether presenter mode made the window fullscreen, so leaving it must undo that.
    fullscreen_for_presenting: bool,
    /// Where this frame's chart is, for File ▸ Export chart as PNG.
    chart_rect: Option<Rect>,
    /// A picture of the window on its way to a file.
    capture: Option<export::Capture>,
    alert: Option<Alert>,
    /// The outcome of the last file operation, for the status bar.
    status: String,
    /// Commands to run after the next frame (from tests, start-up or the previous frame).
    queued: Vec<Command>,
    /// A command waiting for the answer to "save your changes first?".
    pending: Option<Command>,
    /// A command to run once a save succeeds (the user chose Save in that question).
    after_save: Option<Command>,
    path_prompt: Option<PathPrompt>,
    /// Why system file dialogs cannot be used, once known.
    dialogs_unavailable: Option<String>,
    /// Set once closing has been confirmed, so the close request is let through.
    closing: bool,
    title: String,
}

impl App {
    /// The app as it was left last time (or fresh when nothing was stored, as in tests).
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        let session: Session =
            cc.storage.and_then(|storage| eframe::get_value(storage, eframe::APP_KEY)).unwrap_or_default();
        theme::install_fonts(&cc.egui_ctx);
        let mut alert = None;
        let document = if session.profile_text.is_empty() {
            Document::new(Profile::default(), None, true)
        } else {
            match parse(session.profile_text.as_bytes(), "the last session") {
                Ok(loaded) => Document::new(loaded.profile, session.path.clone(), !session.unsaved),
                Err(error) => {
                    alert = Some(Alert {
                        title: "The last session could not be restored".to_owned(),
                        detail: error.to_string(),
                    });
                    Document::new(Profile::default(), None, true)
                }
            }
        };
        let baseline = restore_baseline(&session.baseline, &document, &mut alert);
        let mut app = Self {
            document,
            recent: session.recent,
            appearance: session.appearance,
            applied: None,
            tab: session.tab,
            chart: ChartView::default(),
            baseline,
            compared: None,
            deck: session.deck,
            presentation: None,
            transition: Transition::default(),
            fullscreen_for_presenting: false,
            chart_rect: None,
            capture: None,
            alert,
            status: String::new(),
            queued: Vec::new(),
            pending: None,
            after_save: None,
            path_prompt: None,
            dialogs_unavailable: file_dialog::known_unavailable(),
            closing: false,
            title: String::new(),
        };
        // Styles set during a frame apply from the next one; the first frame needs them too.
        // The first frame applies them again, as whoever hosts the app (a test harness sets
        // its own theme) may change the context between creation and that frame.
        app.apply_appearance(&cc.egui_ctx);
        app.applied = None;
        app
    }

    /// The app, opening `path` first if given (asking before it replaces unsaved work).
    pub fn with_file(cc: &eframe::CreationContext<'_>, path: Option<PathBuf>) -> Self {
        let mut app = Self::new(cc);
        if let Some(path) = path {
            app.send(Command::Open(path));
        }
        app
    }

    /// Queues a command, as the menus and shortcuts do; it runs after the next frame.
    pub fn send(&mut self, command: Command) {
        self.queued.push(command);
    }

    /// Uses the typed-path prompt instead of system dialogs (tests, CI, headless machines).
    pub fn use_path_prompt(&mut self) {
        self.dialogs_unavailable = Some("File dialogs are turned off.".to_owned());
    }

    pub fn document(&self) -> &Document {
        &self.document
    }

    pub fn alert(&self) -> Option<&Alert> {
        self.alert.as_ref()
    }

    pub fn appearance(&self) -> Appearance {
        self.appearance
    }

    pub fn set_appearance(&mut self, appearance: Appearance) {
        self.appearance = appearance;
    }

    pub fn select_tab(&mut self, tab: Tab) {
        self.tab = tab;
    }

    pub fn baseline(&self) -> Option<&Reference> {
        self.baseline.as_ref()
    }

    /// B in the compare tab, if one is chosen.
    pub fn compared(&self) -> Option<&Reference> {
        self.compared.as_ref()
    }

    pub fn presentation(&self) -> Option<&Presentation> {
        self.presentation.as_ref()
    }

    /// The profile on screen: the open scenario's, or in presenter mode the slide's (none
    /// for a slide whose file could not be read).
    fn profile_on_screen(&self) -> Option<&Profile> {
        match &self.presentation {
            Some(presentation) => presentation.slide().content.as_ref().ok().map(|scenario| &scenario.profile),
            None => Some(self.document.profile()),
        }
    }

    /// The window title: file or scenario name, a dot while changes are unsaved.
    pub fn window_title(&self) -> String {
        let mark = if self.document.is_dirty() { " ●" } else { "" };
        format!("{}{mark} — Podvisor", self.document.display_name())
    }

    /// Whether an edit is in progress: a pointer held (a drag) or a text field being typed
    /// into. An edit ends when neither holds.
    fn editing(ctx: &egui::Context) -> bool {
        ctx.input(|i| i.pointer.any_down()) || ctx.text_edit_focused()
    }

    /// Applies the theme, the UI scale and the sizes (presenter mode's, when presenting).
    fn apply_appearance(&mut self, ctx: &egui::Context) {
        // Ctrl + / Ctrl − zoom egui directly; keep the setting in step so it persists.
        if let Some((applied, _)) = &mut self.applied
            && applied.ui_scale == self.appearance.ui_scale
            && (ctx.zoom_factor() - applied.ui_scale).abs() > 1e-3
        {
            self.appearance.ui_scale = ctx.zoom_factor();
            applied.ui_scale = self.appearance.ui_scale;
        }
        let wanted = (self.appearance, self.presentation.is_some());
        if self.applied != Some(wanted) {
            let sizes = if wanted.1 { Sizes::PRESENTER } else { Sizes::DEFAULT };
            theme::apply(ctx, self.appearance.theme, &sizes);
            ctx.set_zoom_factor(self.appearance.ui_scale);
            self.applied = Some(wanted);
        }
    }

    /// Brings everything derived from the profile up to date with it: the evaluation, and
    /// the comparisons with the baseline and with B.
    fn refresh(&mut self) {
        self.document.refresh();
        for reference in self.baseline.iter_mut().chain(&mut self.compared) {
            reference.refresh(&self.document);
        }
    }

    /// Holds the window open while unsaved changes wait for an answer.
    fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.closing && self.document.is_dirty() {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.pending = Some(Command::Quit);
        }
    }

    /// Files dropped on the window: the first profile among them is opened.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|file| file.path().to_owned()).collect());
        if dropped.is_empty() {
            return;
        }
        match dropped.into_iter().find(|path| path.extension().is_some_and(|ext| ext == "ron")) {
            Some(path) => self.queued.push(Command::Open(path)),
            None => {
                self.alert = Some(Alert {
                    title: "Only Podvisor profiles (.ron) can be dropped here".to_owned(),
                    detail: "Drop a .ron profile to open it.".to_owned(),
                });
            }
        }
    }

    /// A hint over the whole window while files are dragged over it.
    fn drop_hint(ctx: &egui::Context) {
        if ctx.input(|i| i.raw.hovered_files.is_empty()) {
            return;
        }
        let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop_hint")));
        let screen = ctx.content_rect();
        let (veil, text) = theme::drop_overlay();
        painter.rect_filled(screen, 0.0, veil);
        let size = theme::sizes(ctx).banner;
        painter.text(
            screen.center(),
            Align2::CENTER_CENTER,
            "Drop a .ron profile to open it",
            FontId::proportional(size),
            text,
        );
    }

    fn status_bar_ui(&self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let location = self
                .document
                .path()
                .map_or_else(|| "Not saved to a file yet".to_owned(), |path| path.display().to_string());
            ui.label(RichText::new(location).small().weak());
            if self.document.is_dirty() {
                ui.label(RichText::new("● unsaved changes").small().color(theme::attention_color(ui.visuals())));
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(&self.status).small().weak());
            });
        });
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        tab_bar_ui(ui, &mut self.tab);
        ui.separator();
        let tab = self.tab;
        if tab == Tab::Compare {
            let origin = format!("{}, the open scenario", self.document.display_name());
            let a = compare::Side {
                profile: self.document.profile(),
                evaluation: self.document.evaluation(),
                origin: &origin,
            };
            let b = self.compared.as_ref().map(|b| {
                let scenario = b.scenario();
                let side =
                    compare::Side { profile: &scenario.profile, evaluation: &scenario.evaluation, origin: b.origin() };
                (side, b.comparison())
            });
            compare_ui(ui, &CompareView { a, b, examples: examples::names() }, commands);
            return;
        }
        let since = self.baseline.as_ref().map(Reference::comparison);
        let baseline = self.baseline.as_ref().map(|baseline| &baseline.scenario().evaluation);
        let (profile, evaluation, sensitivity) = self.document.parts();
        match tab {
            Tab::Scorecard => scorecard::scorecard_ui(ui, evaluation, sensitivity, profile, since),
            Tab::ProsCons => pros_cons::pros_cons_ui(ui, profile, evaluation),
            Tab::Resources => {
                self.chart_rect = Some(resources_ui(ui, evaluation, profile, &mut self.chart, baseline));
            }
            Tab::Assumptions => assumptions::assumptions_ui(ui, &mut profile.assumptions),
            Tab::Compare => {}
        }
    }

    /// The error panel, while there is an alert.
    fn alert_ui(&mut self, ui: &mut egui::Ui) {
        if let Some(alert) = &self.alert {
            let mut dismissed = false;
            egui::Panel::top("alert").show(ui, |ui| dismissed = error_panel_ui(ui, &alert.title, &alert.detail));
            if dismissed {
                self.alert = None;
            }
        }
    }

    /// The explorer: menus, sliders, verdict, tabs and status bar.
    fn editor_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("menu").show(ui, |ui| {
            let context = MenuContext {
                can_undo: self.document.can_undo(),
                can_redo: self.document.can_redo(),
                recent: &self.recent,
                examples: examples::names(),
                baseline_pinned: self.baseline.is_some(),
                chart_shown: self.tab == Tab::Resources,
                deck: &self.deck,
            };
            menu_bar_ui(ui, &context, &mut self.appearance, commands);
        });
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar_ui(ui));
        egui::Panel::left("traits").resizable(true).default_size(360.0).min_size(280.0).show(ui, |ui| {
            egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                // Keep the reset buttons at the right edge clear of the floating scroll bar.
                egui::Frame::new().inner_margin(egui::Margin { right: 14, ..Default::default() }).show(ui, |ui| {
                    let (profile, _, sensitivity) = self.document.parts();
                    traits_panel::traits_panel_ui(ui, profile, sensitivity);
                });
            });
        });
        // Slider edits show in the banner and the tabs in the same frame.
        self.refresh();
        egui::Panel::top("verdict")
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(theme::sizes(ui.ctx()).space_l))
            .show(ui, |ui| {
                let since = self.baseline.as_ref().map(Reference::comparison);
                verdict::verdict_ui(ui, self.document.evaluation(), since);
            });
        self.alert_ui(ui);
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, commands));
    }

    /// Presenter mode: the slide alone, edge to edge.
    fn presenter_frame_ui(&mut self, ui: &mut egui::Ui) {
        self.alert_ui(ui);
        let Some(presentation) = &self.presentation else {
            return;
        };
        let slide = presentation.slide();
        let content = match &slide.content {
            Ok(scenario) => SlideContent::Scenario { profile: &scenario.profile, evaluation: &scenario.evaluation },
            Err(error) => SlideContent::Unreadable { file: &slide.file, error },
        };
        let view = SlideView {
            content,
            position: presentation.position(),
            chart: self.chart,
            baseline: presentation.since().map(|(baseline, since)| (&baseline.evaluation, since)),
        };
        let margin = theme::sizes(ui.ctx()).space_l;
        let transition = &mut self.transition;
        let mut chart = None;
        egui::CentralPanel::default()
            .frame(egui::Frame::central_panel(ui.style()).inner_margin(margin))
            .show(ui, |ui| chart = presenter_ui(ui, &view, transition));
        self.chart_rect = chart;
    }

    /// The modal questions; their answers become commands.
    fn modals_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(pending) = &self.pending {
            let name = self.document.profile().name.clone();
            if let Some(choice) = unsaved_prompt_ui(ctx, &name, pending.describe()) {
                commands.push(Command::Answer(choice));
            }
        } else if let Some(prompt) = &mut self.path_prompt
            && let Some(answer) = path_prompt_ui(ctx, prompt)
        {
            commands.push(Command::PathAnswer(answer));
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.apply_appearance(&ctx);
        self.intercept_close(&ctx);
        self.poll_capture(&ctx);
        let presenting = self.presentation.is_some();
        if !presenting {
            // Presenting never replaces the open scenario.
            self.dropped_files(&ctx);
        }
        let mut commands = std::mem::take(&mut self.queued);
        let modal_open = self.pending.is_some() || self.path_prompt.is_some();
        if !modal_open {
            let keys = if presenting { Keys::Presenting } else { Keys::Editing { undo: !ctx.text_edit_focused() } };
            commands.extend(shortcut_commands(&ctx, keys));
        }
        self.refresh();
        if !Self::editing(&ctx) {
            self.document.refresh_sensitivity();
        }

        self.chart_rect = None;
        if presenting {
            self.presenter_frame_ui(ui);
        } else {
            self.editor_ui(ui, &mut commands);
        }
        self.modals_ui(&ctx, &mut commands);
        if !presenting {
            Self::drop_hint(&ctx);
        }

        // One undo step per drag or entry, not per frame.
        let editing = Self::editing(&ctx);
        if !editing {
            self.document.settle();
        }
        let ran = !commands.is_empty();
        for command in commands {
            self.run_cmd(&ctx, command);
        }
        if ran || self.document.is_stale() || (!editing && self.document.is_sensitivity_stale()) {
            ctx.request_repaint();
        }
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
        // Entering or leaving presenter mode: its sizes are in place for the next frame.
        self.apply_appearance(&ctx);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        let session = Session {
            profile_text: to_canonical_string(self.document.profile()),
            path: self.document.path().map(ToOwned::to_owned),
            unsaved: self.document.is_dirty(),
            recent: self.recent.clone(),
            appearance: self.appearance,
            tab: self.tab,
            baseline: self
                .baseline
                .as_ref()
                .map_or_else(String::new, |baseline| to_canonical_string(&baseline.scenario().profile)),
            deck: self.deck.clone(),
        };
        eframe::set_value(storage, eframe::APP_KEY, &session);
    }
}

/// The baseline pinned in the last session, if any (as canonical profile text).
fn restore_baseline(text: &str, document: &Document, alert: &mut Option<Alert>) -> Option<Reference> {
    if text.is_empty() {
        return None;
    }
    match parse(text.as_bytes(), "the last session's baseline") {
        Ok(loaded) => {
            let origin = "the last session".to_owned();
            Some(Reference::new(Scenario::new(loaded.profile), origin, None, Side::A, document))
        }
        Err(error) => {
            *alert = Some(Alert {
                title: "The baseline of the last session could not be restored".to_owned(),
                detail: error.to_string(),
            });
            None
        }
    }
}

/// Opens the window, optionally with a profile.
pub fn run(profile: Option<PathBuf>) -> Result<(), String> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Podvisor")
            .with_app_id("podvisor")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        // eframe picks wgpu when both backends are built in; OpenGL starts a little sooner
        // and, on software rendering (Xvfb, VMs, remote desktops), takes ~12 MiB less memory.
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native("Podvisor", options, Box::new(|cc| Ok(Box::new(App::with_file(cc, profile)))))
        .map_err(|error| format!("cannot open the window: {error}"))
}
