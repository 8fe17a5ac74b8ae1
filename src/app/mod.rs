//! The explorer window: sliders in, live scores and projection charts out; and presenter
//! mode, the same scenarios shown large to a room.
//!
//! One direction of data: the views edit the [`Profile`] held by the
//! [`Document`]; when it changes, the document re-evaluates it once, and the views draw the
//! new [`Evaluation`](crate::model::Evaluation). Other scenarios (a pinned baseline, B in the
//! compare tab, presenter mode's slides) are held still beside it and never edited. Anything
//! with a side effect (dialogs, files, closing the window) is a [`Command`], run after the
//! frame (in the `commands` module).

mod commands;
mod components;
mod deck;
mod document;
pub mod examples;
mod export;
mod file_dialog;
pub mod handout;
mod history;
mod offscreen;
mod reference;
mod scenario;
mod session;
mod window;

use std::collections::BTreeMap;
use std::path::PathBuf;

use egui::Rect;

pub use crate::command::{Command, DeckSource, Export, PathPurpose};
use crate::command::{Keys, shortcut_commands};
pub use deck::{LEVERS, Levers, Page, Presentation, Slide, SlideChart};
pub use document::Document;
pub use reference::Reference;
use reference::Side;
pub use scenario::{Estate, Scenario};
use session::Session;

use crate::model::Catalogs;
use crate::profile::{Profile, parse, to_canonical_string};
use crate::ui::compare::{self, CompareView, compare_ui};
use crate::ui::components::{ComponentEdit, ComponentList, component_list_ui};
use crate::ui::dialogs::{FileBrowser, Tone, drop_hint_ui, message_panel_ui, unsaved_prompt_ui};
use crate::ui::help::{shortcuts_ui, welcome_ui};
use crate::ui::menu::{MenuContext, menu_bar_ui};
use crate::ui::plan::{PlanView, plan_ui};
use crate::ui::presenter::{SlideView, canvas_ui};
use crate::ui::resources::{ChartView, resources_ui};
use crate::ui::status::status_bar_ui;
use crate::ui::theme::{self, Appearance, Sizes};
use crate::ui::transition::Transition;
use crate::ui::{Tab, assumptions, pros_cons, scorecard, tab_bar_ui, traits_panel, verdict};

/// Something the user should read: an error, or adjustments made while loading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub title: String,
    pub detail: String,
}

/// How soon after a worker thread finishes (a verdict's confidence) the window draws again:
/// one frame at 60 Hz. Not at once: the result is news from outside the frame, like a timer,
/// and a headless harness settling the window counts only immediate repaints as its own.
const WORKER_WAKE: std::time::Duration = std::time::Duration::from_millis(16);

/// The side panel's width in points: as it opens, and the least it keeps.
const SIDE_PANEL_DEFAULT: f32 = 360.0;
const SIDE_PANEL_MIN: f32 = 240.0;

/// Seconds a tooltip waits in presenter mode: an hour, so none shows on a slide.
const NO_TOOLTIPS: f32 = 3600.0;

/// Seconds of rest after which presenter mode hides the pointer.
const POINTER_RESTS: f32 = 2.0;

/// What the explorer works on: the open scenario and what is held beside it.
struct Workspace {
    document: Document,
    recent: Vec<PathBuf>,
    tab: Tab,
    chart: ChartView,
    components: ComponentList,
    /// The pinned baseline, compared with the open scenario as it changes.
    baseline: Option<Reference>,
    /// B in the compare tab (A is the open scenario).
    compared: Option<Reference>,
    /// Counts the documents opened: a tab's scroll position belongs to one tab of one file,
    /// so each opens at its top.
    opened: u64,
    /// The tab and the document (by `opened`) shown last frame.
    shown: Option<(Tab, u64)>,
}

impl Workspace {
    /// Brings everything derived from the profile up to date with it: the evaluation, and
    /// the comparisons with the baseline and with B.
    fn refresh(&mut self) {
        self.document.refresh();
        for reference in self.baseline.iter_mut().chain(&mut self.compared) {
            reference.refresh(&self.document);
        }
    }
}

/// Presenter mode: where its deck comes from, and the presentation while it runs.
#[derive(Default)]
struct Presenter {
    deck: DeckSource,
    /// The chart chosen for each slide, by file name; persisted with the deck.
    charts: BTreeMap<String, SlideChart>,
    presentation: Option<Presentation>,
    transition: Transition,
    /// Whether presenter mode made the window fullscreen, so leaving it must undo that.
    fullscreen_for_presenting: bool,
    /// A black screen while the room talks (B); any key brings the slide back.
    blank: bool,
    /// The slides' confidences, drawn on a worker thread while presenting.
    drawing: Option<std::sync::mpsc::Receiver<(Profile, crate::model::EstateConfidence)>>,
    /// Whether the presenter console is open (P).
    console: bool,
    /// What the console shows and asks for, shared with its window.
    console_view: deck::ConsoleShare,
    /// When presenting began, in egui's seconds: the console's elapsed time.
    started: f64,
}

/// Questions waiting for the user, and what hangs on their answers.
#[derive(Default)]
struct Dialogs {
    /// A command waiting for the answer to "save your changes first?".
    pending: Option<Command>,
    /// A command to run once a save succeeds (the user chose Save in that question).
    after_save: Option<Command>,
    /// The in-app file browser, open where the system has no file dialog.
    browser: Option<FileBrowser>,
    /// Why system file dialogs cannot be used, once known.
    system_unavailable: Option<String>,
    /// Set once closing has been confirmed, so the close request is let through.
    closing: bool,
    /// The welcome panel: shown on a first start, until a scenario is opened or it is closed.
    welcome: bool,
    /// The list of keyboard shortcuts (F1).
    shortcuts: bool,
}

impl Dialogs {
    fn modal_open(&self) -> bool {
        self.pending.is_some() || self.browser.is_some()
    }
}

/// Pictures of the window on their way to files.
#[derive(Default)]
struct Exporter {
    /// Where this frame's chart is, for File ▸ Export chart as PNG.
    chart_rect: Option<Rect>,
    /// A picture of the window on its way to a file.
    capture: Option<export::Capture>,
    /// The handout deck being drawn.
    deck: Option<export::DeckExport>,
}

/// The application.
pub struct App {
    workspace: Workspace,
    presenter: Presenter,
    dialogs: Dialogs,
    exporter: Exporter,
    appearance: Appearance,
    /// The appearance last applied to the context, and the slide's scale when presenting
    /// (presenter sizes), to apply changes once.
    applied: Option<(Appearance, Option<f32>)>,
    alert: Option<Alert>,
    /// Something worth knowing that is not an error (values adjusted while loading).
    notice: Option<Alert>,
    /// Whether the window has been fitted to the monitor it opened on.
    fitted: bool,
    /// The outcome of the last file operation, for the status bar.
    status: String,
    /// Commands to run after the next frame (from tests, start-up or the previous frame).
    queued: Vec<Command>,
    title: String,
}

impl App {
    /// The app as it was left last time (or fresh when nothing was stored, as in tests),
    /// evaluating on the shipped catalogs.
    pub fn new(cc: &eframe::CreationContext<'_>) -> Self {
        Self::over(cc, crate::builtin::catalogs())
    }

    /// A fresh app evaluating every scenario on `catalogs`, with `profile` open and unsaved:
    /// catalogs and a profile no file can name (a criterion or an option of a test's own).
    pub fn with_scenario(cc: &eframe::CreationContext<'_>, catalogs: &'static Catalogs, profile: Profile) -> Self {
        let mut app = Self::over(cc, catalogs);
        app.replace_document(Document::new(profile, None, false, catalogs));
        app
    }

    /// [`Self::new`] evaluating on `catalogs`.
    fn over(cc: &eframe::CreationContext<'_>, catalogs: &'static Catalogs) -> Self {
        let session: Session =
            cc.storage.and_then(|storage| eframe::get_value(storage, eframe::APP_KEY)).unwrap_or_default();
        theme::install_fonts(&cc.egui_ctx);
        // Nothing to restore: a first start (or a fresh test), which the welcome panel greets.
        let first_start = session.profile_text.is_empty();
        let mut alert = None;
        let document = if session.profile_text.is_empty() {
            Document::new(Profile::default(), None, true, catalogs)
        } else {
            match parse(session.profile_text.as_bytes(), "the last session") {
                Ok(loaded) => {
                    let mut document = Document::new(loaded.profile, session.path.clone(), !session.unsaved, catalogs);
                    document.edit_components(ComponentEdit::Select(session.selected_component));
                    document
                }
                Err(error) => {
                    alert = Some(Alert {
                        title: "The last session could not be restored".to_owned(),
                        detail: error.to_string(),
                    });
                    Document::new(Profile::default(), None, true, catalogs)
                }
            }
        };
        let baseline = restore_baseline(&session.baseline, &document, &mut alert);
        let mut app = Self {
            workspace: Workspace {
                document,
                recent: session.recent,
                tab: session.tab,
                chart: ChartView::default(),
                components: ComponentList::default(),
                baseline,
                compared: None,
                opened: 0,
                shown: None,
            },
            presenter: Presenter { deck: session.deck, charts: session.slide_charts, ..Presenter::default() },
            dialogs: Dialogs {
                system_unavailable: file_dialog::known_unavailable(),
                welcome: first_start,
                ..Dialogs::default()
            },
            exporter: Exporter::default(),
            appearance: session.appearance,
            applied: None,
            alert,
            notice: None,
            fitted: false,
            status: String::new(),
            queued: Vec::new(),
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

    /// Uses the in-app file browser instead of system dialogs (tests, CI, headless machines).
    pub fn use_file_browser(&mut self) {
        self.dialogs.system_unavailable = Some("File dialogs are turned off.".to_owned());
    }

    pub fn document(&self) -> &Document {
        &self.workspace.document
    }

    /// Whether a verdict's confidence is still being drawn off the frame, for the open
    /// scenario or a presenter slide (tests wait for it before looking at the words).
    pub fn is_drawing(&self) -> bool {
        self.workspace.document.is_drawing()
            || self.workspace.document.is_confidence_stale()
            || self.presenter.drawing.is_some()
            || self.workspace.baseline.iter().chain(&self.workspace.compared).any(Reference::is_drawing)
    }

    /// Whether a handout deck is still being drawn or written.
    pub fn is_exporting_deck(&self) -> bool {
        self.exporter.deck.is_some()
    }

    pub fn alert(&self) -> Option<&Alert> {
        self.alert.as_ref()
    }

    /// The calm notice, if one is shown (values adjusted while loading).
    pub fn notice(&self) -> Option<&Alert> {
        self.notice.as_ref()
    }

    pub fn appearance(&self) -> Appearance {
        self.appearance
    }

    pub fn set_appearance(&mut self, appearance: Appearance) {
        self.appearance = appearance;
    }

    pub fn select_tab(&mut self, tab: Tab) {
        self.workspace.tab = tab;
    }

    pub fn baseline(&self) -> Option<&Reference> {
        self.workspace.baseline.as_ref()
    }

    /// B in the compare tab, if one is chosen.
    pub fn compared(&self) -> Option<&Reference> {
        self.workspace.compared.as_ref()
    }

    pub fn presentation(&self) -> Option<&Presentation> {
        self.presenter.presentation.as_ref()
    }

    /// The profile on screen: the open scenario's, or in presenter mode the slide's (none
    /// for a slide whose file could not be read).
    fn profile_on_screen(&self) -> Option<&Profile> {
        match &self.presenter.presentation {
            Some(presentation) => presentation.slide().content.as_ref().ok().map(Scenario::whole),
            None => Some(self.workspace.document.profile()),
        }
    }

    /// The window title: file or scenario name, a dot while changes are unsaved.
    pub fn window_title(&self) -> String {
        let mark = if self.workspace.document.is_dirty() { " ●" } else { "" };
        format!("{}{mark} — Podvisor", self.workspace.document.display_name())
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
        // A slide's sizes follow its canvas (to the hundredth, so a window resized by a pixel
        // does not restyle every frame).
        let slide = |_| (theme::slide_scale(ctx.content_rect().size()) * 100.0).round() / 100.0;
        let wanted = (self.appearance, self.presenter.presentation.as_ref().map(slide));
        if self.applied != Some(wanted) {
            let sizes = wanted.1.map_or(Sizes::DEFAULT, |scale| Sizes::PRESENTER.scaled(scale));
            theme::apply(ctx, self.appearance.theme, &sizes);
            // A slide carries no tooltips: a mouse left resting over the legend would leave
            // "Click to hide" on the screen the room reads.
            let delay =
                if wanted.1.is_some() { NO_TOOLTIPS } else { egui::style::Interaction::default().tooltip_delay };
            ctx.all_styles_mut(|style| style.interaction.tooltip_delay = delay);
            ctx.set_zoom_factor(self.appearance.ui_scale);
            self.applied = Some(wanted);
        }
    }

    /// Holds the window open while unsaved changes wait for an answer.
    fn intercept_close(&mut self, ctx: &egui::Context) {
        if ctx.input(|i| i.viewport().close_requested()) && !self.dialogs.closing && self.workspace.document.is_dirty()
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialogs.pending = Some(Command::Quit);
        }
    }

    /// Files dropped on the window: the first profile among them is opened, else the first
    /// Compose file or manifests (.yml, .yaml) imported.
    fn dropped_files(&mut self, ctx: &egui::Context) {
        let dropped: Vec<PathBuf> =
            ctx.input(|i| i.raw.dropped_files.iter().map(|file| file.path().to_owned()).collect());
        if dropped.is_empty() {
            return;
        }
        let profile = dropped.iter().find(|path| path.extension().is_some_and(|ext| ext == "ron"));
        let manifests = dropped.iter().find(|path| crate::command::is_importable(path));
        match (profile, manifests) {
            (Some(path), _) => self.queued.push(Command::Open(path.clone())),
            (None, Some(path)) => self.queued.push(Command::Import(path.clone())),
            (None, None) => {
                self.alert = Some(Alert {
                    title: "Only Podvisor profiles (.ron) and Compose or Kubernetes files (.yml, .yaml) can be dropped here"
                        .to_owned(),
                    detail: "Drop a .ron profile to open it, or a .yml/.yaml file to import it.".to_owned(),
                });
            }
        }
    }

    fn central_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        if self.dialogs.welcome {
            welcome_ui(ui, examples::names(), commands);
            ui.add_space(theme::sizes(ui.ctx()).space_m);
        }
        let mixed = self.workspace.document.profile().is_mixed();
        self.workspace.tab = self.workspace.tab.or_shown(mixed);
        tab_bar_ui(ui, &mut self.workspace.tab, mixed);
        ui.separator();
        let tab = self.workspace.tab;
        // Each tab of each file opens at its top: the tabs' scroll areas share one place in
        // the window (and so one remembered offset), which is cleared when the tab or the
        // file changes.
        if self.workspace.shown != Some((tab, self.workspace.opened)) {
            self.workspace.shown = Some((tab, self.workspace.opened));
            for salt in ["scroll_area", crate::ui::plan::SCROLL_SALT, crate::ui::resources::SCROLL_SALT] {
                let id = ui.make_persistent_id(egui::IdSalt::new(salt));
                ui.data_mut(|data| data.remove::<egui::scroll_area::State>(id));
            }
        }
        self.tab_ui(ui, tab, commands);
    }

    /// The tab's content.
    fn tab_ui(&mut self, ui: &mut egui::Ui, tab: Tab, commands: &mut Vec<Command>) {
        if tab == Tab::Plan {
            let document = &self.workspace.document;
            if let Some(plan) = document.plan() {
                let view = PlanView { profile: document.profile(), plan, selected: document.selected() };
                if let Some(edit) = plan_ui(ui, &view) {
                    self.workspace.document.edit_components(edit);
                }
            }
            return;
        }
        if tab == Tab::Compare {
            let origin = format!("{}, the open scenario", self.workspace.document.display_name());
            let (profile, evaluation) = self.workspace.document.evaluated();
            let a = compare::Side { profile, evaluation, origin: &origin };
            let b = self.workspace.compared.as_ref().map(|b| {
                let scenario = b.scenario();
                let side =
                    compare::Side { profile: &scenario.profile, evaluation: &scenario.evaluation, origin: b.origin() };
                (side, b.comparison())
            });
            compare_ui(ui, &CompareView { a, b, examples: examples::names() }, commands);
            return;
        }
        let since = self.workspace.baseline.as_ref().map(Reference::comparison);
        let baseline = self.workspace.baseline.as_ref().map(|baseline| &baseline.scenario().evaluation);
        let chart = &mut self.workspace.chart;
        let chart_rect = &mut self.exporter.chart_rect;
        self.workspace.document.with_focus(|profile, evaluation, sensitivity| match tab {
            Tab::Scorecard => scorecard::scorecard_ui(ui, evaluation, sensitivity, profile, since),
            Tab::ProsCons => pros_cons::pros_cons_ui(ui, profile, evaluation),
            Tab::Resources => *chart_rect = Some(resources_ui(ui, evaluation, profile, chart, baseline)),
            Tab::Assumptions => assumptions::assumptions_ui(ui, &mut profile.assumptions),
            Tab::Plan | Tab::Compare => {}
        });
    }

    /// The error panel while there is an alert, and the calm notice while there is one.
    fn messages_ui(&mut self, ui: &mut egui::Ui) {
        for (message, tone, id) in [(&mut self.alert, Tone::Error, "alert"), (&mut self.notice, Tone::Notice, "notice")]
        {
            if let Some(shown) = message {
                let mut dismissed = false;
                egui::Panel::top(id).show(ui, |ui| dismissed = message_panel_ui(ui, tone, &shown.title, &shown.detail));
                if dismissed {
                    *message = None;
                }
            }
        }
    }

    /// The explorer: menus, sliders, verdict, tabs and status bar.
    fn editor_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) {
        egui::Panel::top("menu").show(ui, |ui| {
            let context = MenuContext {
                can_undo: self.workspace.document.can_undo(),
                can_redo: self.workspace.document.can_redo(),
                recent: &self.workspace.recent,
                examples: examples::names(),
                baseline_pinned: self.workspace.baseline.is_some(),
                chart_shown: self.workspace.tab == Tab::Resources,
                deck: &self.presenter.deck,
            };
            let appearance = &mut self.appearance;
            self.workspace
                .document
                .with_focus(|profile, _, _| menu_bar_ui(ui, &context, appearance, profile, commands));
        });
        egui::Panel::bottom("status").show(ui, |ui| {
            status_bar_ui(ui, self.workspace.document.path(), self.workspace.document.is_dirty(), &self.status);
        });
        // On a small zoomed screen (1024×640 at 150 % leaves 683 points) the sliders take at
        // most two fifths of the width, so the tabs keep room for two option columns.
        let side_max = (ui.available_width() * 0.4).max(SIDE_PANEL_MIN);
        egui::Panel::left("traits")
            .resizable(true)
            .default_size(SIDE_PANEL_DEFAULT.min(side_max))
            .size_range(SIDE_PANEL_MIN..=side_max)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
                    // Keep the reset buttons at the right edge clear of the floating scroll bar.
                    egui::Frame::new().inner_margin(egui::Margin { right: 14, ..Default::default() }).show(ui, |ui| {
                        let document = &mut self.workspace.document;
                        document.with_focus(|profile, _, _| traits_panel::scenario_ui(ui, profile));
                        let edits = component_list_ui(
                            ui,
                            &mut self.workspace.components,
                            document.profile(),
                            document.selected(),
                        );
                        for edit in edits {
                            document.edit_components(edit);
                        }
                        document.with_focus(|profile, evaluation, sensitivity| {
                            traits_panel::traits_ui(ui, profile, evaluation.site.catalogs, sensitivity);
                        });
                    });
                });
            });
        // Slider edits show in the banner and the tabs in the same frame.
        self.workspace.refresh();
        egui::Panel::top("verdict")
            .frame(egui::Frame::side_top_panel(ui.style()).inner_margin(theme::sizes(ui.ctx()).space_l))
            .show(ui, |ui| {
                let document = &self.workspace.document;
                // On the Plan tab an estate's banner is the plan's verdict, never one
                // component's; the other tabs show the selected component's, named.
                if let Some(plan) = document.plan().filter(|_| self.workspace.tab == Tab::Plan) {
                    verdict::plan_verdict_ui(ui, document.profile(), plan, verdict::is_short(ui));
                    return;
                }
                if document.profile().is_mixed() {
                    component_caption_ui(ui, document);
                }
                let since = self.workspace.baseline.as_ref().map(Reference::comparison);
                verdict::verdict_ui(ui, self.workspace.document.evaluation(), since);
            });
        self.messages_ui(ui);
        egui::CentralPanel::default().show(ui, |ui| self.central_ui(ui, commands));
    }

    /// Presenter mode: the slide alone, edge to edge.
    fn presenter_frame_ui(&mut self, ui: &mut egui::Ui) {
        if self.presenter.blank {
            egui::CentralPanel::default().frame(egui::Frame::new().fill(egui::Color32::BLACK)).show(ui, |_| {});
            return;
        }
        self.poll_confidences(ui.ctx());
        // The pointer fades from the slide once it rests.
        if ui.input(|input| input.pointer.time_since_last_movement()) > POINTER_RESTS {
            ui.ctx().set_cursor_icon(egui::CursorIcon::None);
        }
        self.messages_ui(ui);
        let chart = self.slide_chart();
        let Some(presentation) = &self.presenter.presentation else {
            return;
        };
        let slide = presentation.slide();
        let title = slide.title();
        let view = SlideView {
            content: slide.content(),
            title: &title,
            position: presentation.position(),
            chart,
            baseline: presentation.since().map(|(baseline, since)| (&baseline.evaluation, since)),
            levers: presentation.levers().map(|levers| (levers.traits.as_slice(), &levers.sensitivity)),
        };
        let transition = &mut self.presenter.transition;
        let mut response = crate::ui::presenter::SlideResponse::default();
        egui::CentralPanel::default().frame(egui::Frame::central_panel(ui.style()).inner_margin(0)).show(ui, |ui| {
            let screen = ui.max_rect();
            response = canvas_ui(ui, screen, &view, transition);
        });
        self.exporter.chart_rect = response.chart;
        if self.presenter.console {
            self.console_viewport(ui.ctx());
        }
        if let Some(profile) = response.moved {
            self.move_levers(profile);
        }
    }

    /// The modal questions; their answers become commands.
    fn modals_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if let Some(pending) = &self.dialogs.pending {
            let name = self.workspace.document.profile().name.clone();
            if let Some(choice) = unsaved_prompt_ui(ctx, &name, pending.describe()) {
                commands.push(Command::Answer(choice));
            }
        } else if let Some(browser) = &mut self.dialogs.browser
            && let Some(answer) = browser.ui(ctx)
        {
            commands.push(Command::PathAnswer(answer));
        }
        if self.dialogs.shortcuts && !shortcuts_ui(ctx) {
            self.dialogs.shortcuts = false;
        }
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        if !self.fitted {
            self.fitted = window::fit_to_monitor(&ctx);
        }
        self.apply_appearance(&ctx);
        self.intercept_close(&ctx);
        self.poll_capture(&ctx);
        self.poll_deck();
        let presenting = self.presenter.presentation.is_some();
        if !presenting {
            // Presenting never replaces the open scenario.
            self.dropped_files(&ctx);
        }
        let mut commands = std::mem::take(&mut self.queued);
        let modal_open = self.dialogs.modal_open();
        if presenting && self.presenter.blank {
            // Any key brings the slide back, and does nothing else.
            if ctx.input_mut(take_key_presses) {
                self.presenter.blank = false;
            }
        } else if !modal_open {
            let keys = if presenting { Keys::Presenting } else { Keys::Editing { undo: !ctx.text_edit_focused() } };
            commands.extend(shortcut_commands(&ctx, keys));
        }
        self.workspace.refresh();
        if !Self::editing(&ctx) {
            self.workspace.document.refresh_path();
            self.workspace.document.refresh_sensitivity();
            let waker = ctx.clone();
            self.workspace.document.refresh_confidence(move || waker.request_repaint_after(WORKER_WAKE));
            let workspace = &mut self.workspace;
            for reference in workspace.baseline.iter_mut().chain(&mut workspace.compared) {
                // The document's confidence may have arrived just now: compared this frame.
                reference.refresh(&workspace.document);
                let waker = ctx.clone();
                reference.refresh_confidence(&workspace.document, move || waker.request_repaint_after(WORKER_WAKE));
            }
        }

        self.exporter.chart_rect = None;
        if presenting {
            self.presenter_frame_ui(ui);
        } else {
            self.editor_ui(ui, &mut commands);
        }
        self.modals_ui(&ctx, &mut commands);
        if !presenting {
            drop_hint_ui(&ctx);
        }

        // One undo step per drag or entry, not per frame.
        let editing = Self::editing(&ctx);
        if !editing {
            self.workspace.document.settle();
        }
        let ran = !commands.is_empty();
        for command in commands {
            self.run_cmd(&ctx, command);
        }
        if ran || self.workspace.document.is_stale() || (!editing && self.workspace.document.is_sensitivity_stale()) {
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
            profile_text: to_canonical_string(self.workspace.document.profile()),
            path: self.workspace.document.path().map(ToOwned::to_owned),
            unsaved: self.workspace.document.is_dirty(),
            selected_component: self.workspace.document.selected(),
            recent: self.workspace.recent.clone(),
            appearance: self.appearance,
            tab: self.workspace.tab,
            baseline: self
                .workspace
                .baseline
                .as_ref()
                .map_or_else(String::new, |baseline| to_canonical_string(&baseline.scenario().profile)),
            deck: self.presenter.deck.clone(),
            slide_charts: self.presenter.charts.clone(),
        };
        eframe::set_value(storage, eframe::APP_KEY, &session);
    }
}

/// Above the verdict of a profile of several components: which component it is about.
fn component_caption_ui(ui: &mut egui::Ui, document: &Document) {
    let (selected, count) = (document.selected(), document.profile().components.len());
    let name = &document.profile().components[selected].name;
    let text = format!("{name}: component {} of {count}; the Plan tab places them all", selected + 1);
    ui.add(egui::Label::new(egui::RichText::new(text).small().weak()).truncate());
}

/// The baseline pinned in the last session, if any (as canonical profile text).
fn restore_baseline(text: &str, document: &Document, alert: &mut Option<Alert>) -> Option<Reference> {
    if text.is_empty() {
        return None;
    }
    match parse(text.as_bytes(), "the last session's baseline") {
        Ok(loaded) => {
            let origin = "the last session".to_owned();
            let scenario = Scenario::new(loaded.profile, document.catalogs());
            Some(Reference::new(scenario, origin, None, Side::A, document))
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

/// Consumes this frame's key presses; whether there were any.
fn take_key_presses(input: &mut egui::InputState) -> bool {
    let before = input.events.len();
    input.events.retain(|event| !matches!(event, egui::Event::Key { pressed: true, .. }));
    input.events.len() != before
}

/// Opens the window, optionally with a profile: drawn through OpenGL, or through wgpu where
/// OpenGL cannot start.
pub fn run(profile: Option<PathBuf>) -> Result<(), String> {
    let options = |renderer| eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Podvisor")
            .with_app_id("podvisor")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        renderer,
        ..Default::default()
    };
    let start = |profile: Option<PathBuf>| -> eframe::AppCreator<'static> {
        Box::new(|cc| Ok(Box::new(App::with_file(cc, profile))))
    };
    // OpenGL starts a little sooner and, on software rendering (Xvfb, VMs, remote desktops),
    // takes less memory (resident under Xvfb: 116 MiB, against 135 MiB through wgpu); wgpu
    // is there for a machine whose OpenGL cannot start.
    eframe::run_native("Podvisor", options(eframe::Renderer::Glow), start(profile.clone())).or_else(|glow| {
        eframe::run_native("Podvisor", options(eframe::Renderer::Wgpu), start(profile))
            .map_err(|wgpu| format!("cannot open the window: {glow} (OpenGL); {wgpu} (wgpu)"))
    })
}
