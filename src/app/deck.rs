//! Presenter mode's deck: the profiles of a folder, in file-name order — the bundled examples
//! unless the user picked a folder (View ▸ Presenter deck). The deck is read when presenting
//! starts, so files edited in the meantime show as they are now. A file that cannot be read
//! becomes a slide showing why, so one bad file never stops a talk.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::{Alert, App, Scenario, examples};
use serde::{Deserialize, Serialize};

use crate::command::{Command, DeckSource, Keys, shortcut_commands};
use crate::model::compare::{Comparison, compare};
use crate::model::confidence::{SEED, profile_confidence};
use crate::model::outlook::CURVE_AXES;
use crate::model::sensitivity::{Sensitivity, TraitSensitivity, analyse};
use crate::model::shares::EstateConfidence;
use crate::model::{Catalogs, ResourceId, TraitId};
use crate::profile::{Profile, load_file};
use crate::ui::console::{ConsoleView, console_ui};
use crate::ui::presenter::SlideContent;
use crate::ui::resources::ChartView;
use crate::ui::words::count;

/// One slide: a scenario, or the reason its file could not be read.
#[derive(Clone, Debug)]
pub struct Slide {
    /// The file name, or the open scenario's name for the slide presenting it.
    pub file: String,
    pub content: Result<Scenario, String>,
    /// What of the scenario it shows.
    pub page: Page,
}

/// What a slide shows of its scenario. A scenario of several components opens with its
/// plan (the estate's verdict), then each component's verdict, named, and ends with its
/// phased path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    /// The verdict of the scenario's profile: for an estate, of one component (the
    /// scenario's [`Scenario::component`]).
    Verdict,
    Plan,
    Path,
}

impl Slide {
    /// The slides of one file: its verdict, or for several components the plan, a verdict
    /// per component and the path.
    fn of(file: &str, content: &Result<Scenario, String>) -> Vec<Self> {
        let slide = |content: Result<Scenario, String>, page| Self { file: file.to_owned(), content, page };
        match content {
            Ok(scenario @ Scenario { estate: Some(estate), .. }) => {
                let components = (0..estate.profile.components.len())
                    .filter_map(|index| scenario.focused(index))
                    .map(|focused| slide(Ok(focused), Page::Verdict));
                std::iter::once(slide(content.clone(), Page::Plan))
                    .chain(components)
                    .chain(std::iter::once(slide(content.clone(), Page::Path)))
                    .collect()
            }
            _ => vec![slide(content.clone(), Page::Verdict)],
        }
    }

    /// What the slide shows: a verdict, an estate's plan or path, or why its file could
    /// not be read.
    pub fn content(&self) -> SlideContent<'_> {
        match (&self.content, self.page) {
            (Ok(Scenario { estate: Some(estate), .. }), Page::Plan) => {
                SlideContent::Plan { profile: &estate.profile, plan: &estate.plan }
            }
            (Ok(Scenario { estate: Some(estate), .. }), Page::Path) => {
                SlideContent::Path { profile: &estate.profile, plan: &estate.plan }
            }
            (Ok(scenario), _) => {
                SlideContent::Scenario { profile: &scenario.profile, evaluation: &scenario.evaluation }
            }
            (Err(error), _) => SlideContent::Unreadable { file: &self.file, error },
        }
    }

    /// The notes of the slide's scenario (the presenter console's), empty for a file that
    /// could not be read.
    pub fn notes(&self) -> &str {
        self.content.as_ref().map_or("", |scenario| scenario.whole().notes.as_str())
    }

    /// The slide's title: the file's scenario, and for a component's verdict the component,
    /// so that no component's verdict passes for the estate's ("Phased modernisation ·
    /// Search cluster (2 of 5)").
    pub fn title(&self) -> String {
        match &self.content {
            Ok(Scenario { estate: Some(estate), component, .. }) if self.page == Page::Verdict => {
                let name = estate.profile.components.get(*component).map_or("", |c| c.name.as_str());
                let count = estate.profile.components.len();
                format!("{} · {name} ({} of {count})", estate.profile.name, component + 1)
            }
            Ok(scenario) => scenario.whole().name.clone(),
            Err(_) => self.file.clone(),
        }
    }
}

/// The slides of a deck, evaluated on `catalogs`. Fails, with a message to show, when a
/// folder cannot be listed or holds no profile.
pub fn load(source: &DeckSource, catalogs: &'static Catalogs) -> Result<Vec<Slide>, String> {
    match source {
        DeckSource::Examples => Ok(examples::examples()
            .iter()
            .flat_map(|example| Slide::of(example.file, &Ok(Scenario::new(example.profile.clone(), catalogs))))
            .collect()),
        DeckSource::Folder(folder) => load_folder(folder, catalogs),
    }
}

fn load_folder(folder: &Path, catalogs: &'static Catalogs) -> Result<Vec<Slide>, String> {
    let entries =
        std::fs::read_dir(folder).map_err(|error| format!("Cannot list the folder: {error} ({})", folder.display()))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file() && path.extension().is_some_and(|ext| ext == "ron"))
        .collect();
    if files.is_empty() {
        return Err(format!("No profiles (*.ron) in {}", folder.display()));
    }
    files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    Ok(files
        .into_iter()
        .flat_map(|path| {
            let file = path.file_name().map_or_else(String::new, |name| name.to_string_lossy().into_owned());
            let content = load_file(&path)
                .map(|loaded| Scenario::new(loaded.profile, catalogs))
                .map_err(|error| error.to_string());
            Slide::of(&file, &content)
        })
        .collect())
}

/// Presenter mode while it runs: the deck, the slide on screen, and how the open scenario
/// compares with the pinned baseline. It holds copies: presenting never touches the open
/// document.
#[derive(Clone, Debug)]
pub struct Presentation {
    slides: Vec<Slide>,
    index: usize,
    /// The open scenario's slide: the one the baseline is the "before" of. The deck's other
    /// profiles are other workloads, and deltas against them would be noise.
    open: usize,
    /// The open scenario against the baseline (A = baseline), when one is pinned.
    since: Option<(Scenario, Comparison)>,
    /// The what-if levers of the slide on screen, while shown.
    levers: Option<Levers>,
}

/// Live what-ifs on a slide: the traits nearest to flipping its verdict, as sliders the
/// presenter moves in front of the room. The slide answers at once; the slide as it was is
/// its ghost (the chart's baseline, the scores' change), and comes back when the levers are
/// put away or the slide changes.
#[derive(Clone, Debug)]
pub struct Levers {
    /// The traits, nearest to flipping the verdict first.
    pub traits: Vec<TraitId>,
    /// The slide's sensitivity as it was: its flip points mark the rails.
    pub sensitivity: Sensitivity,
    /// The slide as it was and the slide now compared with it, once a lever has moved.
    pub before: Option<(Scenario, Comparison)>,
}

/// Levers a slide offers: enough to tell a story, few enough to read from the back.
pub const LEVERS: usize = 3;

impl Levers {
    /// The levers of `profile`: the traits that flip its verdict, the nearest flip first,
    /// then those that move its margin most (the tornado's order).
    fn of(scenario: &Scenario) -> Self {
        let sensitivity = analyse(&scenario.profile, scenario.catalogs());
        let mut traits: Vec<&TraitSensitivity> = sensitivity.traits.iter().collect();
        traits.sort_by(|a, b| {
            let nearest = |t: &TraitSensitivity| t.distance.filter(|_| t.flip_at.is_some()).unwrap_or(f64::INFINITY);
            nearest(a).total_cmp(&nearest(b)).then(b.swing().total_cmp(&a.swing()))
        });
        let traits = traits.iter().take(LEVERS).map(|t| t.id).collect();
        Self { traits, sensitivity, before: None }
    }
}

impl Presentation {
    /// Starts on the open scenario: at its place in the deck when it is one of the deck's
    /// profiles, else as a slide of its own (three for several components) before the deck
    /// (F5 presents what is on screen).
    pub fn start(open: &Scenario, mut slides: Vec<Slide>, baseline: Option<Scenario>) -> Self {
        let since = baseline.map(|base| {
            let comparison = compare(base.whole(), &base.evaluation, open.whole(), &open.evaluation);
            (base, comparison)
        });
        let is_open = |slide: &Slide| slide.content.as_ref().is_ok_and(|s| s.whole() == open.whole());
        let found = slides.iter().position(is_open);
        // The deck's copies show the open scenario as the window does (the selected
        // component's evaluation, the plan with its confidence).
        for slide in slides.iter_mut().filter(|slide| is_open(slide)) {
            let component = slide.content.as_ref().map_or(0, |scenario| scenario.component);
            let shown = if slide.page == Page::Verdict { open.focused(component) } else { None };
            slide.content = Ok(shown.unwrap_or_else(|| open.clone()));
        }
        let index = found.unwrap_or_else(|| {
            let own = Slide::of(&open.whole().name, &Ok(open.clone()));
            slides.splice(0..0, own);
            0
        });
        // The baseline is the "before" of the open component's verdict.
        let open_slide = (index..slides.len())
            .find(|&at| {
                let slide = &slides[at];
                slide.page == Page::Verdict && slide.content.as_ref().is_ok_and(|s| s.component == open.component)
            })
            .unwrap_or(index);
        Self { slides, index, open: open_slide, since, levers: None }
    }

    /// Moves `by` slides, stopping at either end. Returns whether the slide changed.
    pub fn step(&mut self, by: isize) -> bool {
        self.go_to(self.index.saturating_add_signed(by))
    }

    /// Jumps to slide `index` (counted from 0), or the last if there are fewer. Returns
    /// whether the slide changed.
    pub fn go_to(&mut self, index: usize) -> bool {
        let index = index.min(self.slides.len().saturating_sub(1));
        let moved = index != self.index;
        if moved {
            self.put_levers_away();
        }
        self.index = index;
        moved
    }

    /// Shows the slide's what-if levers, or puts them away with the slide as it was. Levers
    /// move one verdict: a scenario's, or one component's of an estate (not a plan or a
    /// path). Returns whether they are shown.
    pub fn toggle_levers(&mut self) -> bool {
        if self.levers.is_some() {
            self.put_levers_away();
            return false;
        }
        let slide = &self.slides[self.index];
        match &slide.content {
            Ok(scenario) if slide.page == Page::Verdict => {
                self.levers = Some(Levers::of(scenario));
                true
            }
            _ => false,
        }
    }

    /// The levers on screen, if shown.
    pub fn levers(&self) -> Option<&Levers> {
        self.levers.as_ref()
    }

    /// Moves the levers: the slide becomes `profile` (its levers' traits changed),
    /// evaluated afresh; the slide as it was stays as its ghost.
    pub fn move_levers(&mut self, profile: Profile) {
        let (Some(levers), Ok(scenario)) = (&mut self.levers, &mut self.slides[self.index].content) else {
            return;
        };
        if scenario.profile == profile {
            return;
        }
        let before = levers.before.get_or_insert_with(|| (scenario.clone(), compare_same(scenario)));
        *scenario = scenario.moved(profile);
        before.1 = compare(&before.0.profile, &before.0.evaluation, &scenario.profile, &scenario.evaluation);
    }

    /// Puts the levers away and the slide back as it was.
    fn put_levers_away(&mut self) {
        if let Some((before, _)) = self.levers.take().and_then(|levers| levers.before) {
            self.slides[self.index].content = Ok(before);
        }
    }

    pub fn slide(&self) -> &Slide {
        &self.slides[self.index]
    }

    /// The next slide's title; `None` on the last.
    pub fn next_title(&self) -> Option<String> {
        self.slides.get(self.index + 1).map(Slide::title)
    }

    /// The slide's place, counted from 1, and the number of slides: "3 / 7".
    pub fn position(&self) -> (usize, usize) {
        (self.index + 1, self.slides.len())
    }

    /// The profiles (every component) whose verdicts or plans still lack their own
    /// confidence, the slide on screen's first, each once: what a worker draws while the talk
    /// goes on.
    pub fn undrawn(&self) -> Vec<Profile> {
        let mut profiles: Vec<Profile> = Vec::new();
        let order = std::iter::once(self.index).chain(0..self.slides.len());
        for slide in order.map(|index| &self.slides[index]) {
            if let Ok(scenario) = &slide.content {
                let verdict = &scenario.evaluation.verdict;
                let plan_drawn = scenario.estate.as_ref().is_none_or(|estate| estate.plan.confidence.is_some());
                let drawn = verdict.confidence.is_some() && !verdict.confidence_stale && plan_drawn;
                if !drawn && !profiles.contains(scenario.whole()) {
                    profiles.push(scenario.whole().clone());
                }
            }
        }
        profiles
    }

    /// Attaches the confidences drawn for `profile` (every component) to every slide of it:
    /// each component's verdict its own, the plan the estate's.
    pub fn attach_confidence(&mut self, profile: &Profile, drawn: &EstateConfidence) {
        attach_confidence(&mut self.slides, profile, drawn);
    }

    /// The baseline and the slide compared with it, on the open scenario's slide when a
    /// baseline is pinned.
    pub fn since(&self) -> Option<(&Scenario, &Comparison)> {
        if let Some((before, comparison)) = self.levers.as_ref().and_then(|levers| levers.before.as_ref()) {
            return Some((before, comparison));
        }
        let (baseline, comparison) = self.since.as_ref().filter(|_| self.index == self.open)?;
        Some((baseline, comparison))
    }
}

/// What the presenter console shows, and the commands it asks for: shared between the room's
/// window and the console's, which draw on passes of their own.
pub(super) type ConsoleShare = std::sync::Arc<std::sync::Mutex<(ConsoleView, Vec<Command>)>>;

/// The console's share, locked; a pass that panicked holding it left nothing half-written
/// that matters (the next frame writes the view afresh).
fn lock(share: &ConsoleShare) -> std::sync::MutexGuard<'_, (ConsoleView, Vec<Command>)> {
    share.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A scenario compared with itself: nothing changed yet.
fn compare_same(scenario: &Scenario) -> Comparison {
    compare(&scenario.profile, &scenario.evaluation, &scenario.profile, &scenario.evaluation)
}

/// The chart chosen for one slide in presenter mode; kept with the deck in the session,
/// by the slide's file name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SlideChart {
    pub resource: ResourceId,
    pub axis: TraitId,
}

/// Draws the confidence of each profile (of each component and the estate's, for several)
/// on a worker thread, in order, sending each as it is done and asking for a frame; stops
/// when the receiver is dropped.
fn draw_confidences(
    profiles: Vec<Profile>,
    catalogs: &'static Catalogs,
    waker: egui::Context,
) -> Receiver<(Profile, EstateConfidence)> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        for profile in profiles {
            let drawn = draw_confidence(&profile, catalogs);
            if sender.send((profile, drawn)).is_err() {
                return;
            }
            waker.request_repaint_after(super::WORKER_WAKE);
        }
    });
    receiver
}

/// The confidence of `profile`: of each component and, for several, the estate's.
pub(super) fn draw_confidence(profile: &Profile, catalogs: &'static Catalogs) -> EstateConfidence {
    profile_confidence(profile, catalogs, SEED)
}

/// Attaches the confidences drawn for `profile` to every slide of it: each component's
/// verdict its own, the plan the estate's.
pub(super) fn attach_confidence(slides: &mut [Slide], profile: &Profile, drawn: &EstateConfidence) {
    for slide in slides {
        if let Ok(scenario) = &mut slide.content
            && scenario.whole() == profile
        {
            if let Some(own) = drawn.components.get(scenario.component) {
                scenario.evaluation.set_confidence(own.clone());
            }
            if let Some(estate) = &mut scenario.estate {
                estate.plan.set_confidence(drawn, &scenario.evaluation.values);
            }
        }
    }
}

/// The item after `current` in `all`, round to the first.
fn next<T: Copy + PartialEq>(all: &[T], current: T) -> T {
    let at = all.iter().position(|item| *item == current).map_or(0, |at| (at + 1) % all.len());
    all[at]
}

impl App {
    /// Enters presenter mode on the open scenario, with the deck read afresh.
    pub(super) fn present(&mut self, ctx: &egui::Context) {
        let catalogs = self.workspace.document.catalogs();
        let slides = load(&self.presenter.deck, catalogs).unwrap_or_else(|error| {
            self.alert = Some(Alert {
                title: "The presenter deck could not be read; presenting the bundled examples".to_owned(),
                detail: error,
            });
            load(&DeckSource::Examples, catalogs).unwrap_or_default()
        });
        let baseline = self.workspace.baseline.as_ref().map(|baseline| baseline.scenario().clone());
        let presentation = Presentation::start(&Scenario::of(&self.workspace.document), slides, baseline);
        self.presenter.drawing = Some(draw_confidences(presentation.undrawn(), catalogs, ctx.clone()));
        self.presenter.presentation = Some(presentation);
        self.presenter.started = ctx.input(|input| input.time);
        self.presenter.transition.reset();
        // A text field left focused would otherwise take the arrow keys and Space.
        ctx.memory_mut(egui::Memory::stop_text_input);
        // The room sees the slide, not the desktop.
        let fullscreen = ctx.input(|input| input.viewport().fullscreen).unwrap_or(false);
        if !fullscreen {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
        }
        self.presenter.fullscreen_for_presenting = !fullscreen;
    }

    /// Attaches the confidences the worker has drawn since the last frame; once it is done,
    /// draws again what a lever changed, when the pointer lets go.
    pub(super) fn poll_confidences(&mut self, ctx: &egui::Context) {
        let Some(presentation) = &mut self.presenter.presentation else {
            return;
        };
        if let Some(drawing) = &self.presenter.drawing {
            loop {
                match drawing.try_recv() {
                    Ok((profile, drawn)) => presentation.attach_confidence(&profile, &drawn),
                    Err(TryRecvError::Empty) => return,
                    Err(TryRecvError::Disconnected) => break,
                }
            }
            self.presenter.drawing = None;
        }
        if ctx.input(|input| input.pointer.any_down()) {
            return;
        }
        let undrawn = presentation.undrawn();
        if !undrawn.is_empty() {
            let catalogs = self.workspace.document.catalogs();
            self.presenter.drawing = Some(draw_confidences(undrawn, catalogs, ctx.clone()));
        }
    }

    /// The presenter console, in a window of its own where the platform has them (a window
    /// inside this one where it has not): it keeps the time and drives the deck. The window
    /// draws on its own pass (a deferred viewport), so the room's repaints (a transition, a
    /// lever dragged) do not redraw it too; the two share `console_view`.
    pub(super) fn console_viewport(&mut self, ctx: &egui::Context) {
        let Some(presentation) = &self.presenter.presentation else {
            return;
        };
        let slide = presentation.slide();
        let headline = match (&slide.content, slide.page) {
            (Ok(Scenario { estate: Some(estate), .. }), Page::Plan | Page::Path) => {
                Some(crate::narrative::plan::headline(&estate.plan))
            }
            (Ok(scenario), _) => Some(crate::narrative::headline(&scenario.evaluation)),
            (Err(_), _) => None,
        };
        let view = ConsoleView {
            position: presentation.position(),
            title: slide.title(),
            headline,
            notes: slide.notes().to_owned(),
            next: presentation.next_title(),
            started: self.presenter.started,
        };
        let id = egui::ViewportId::from_hash_of("presenter_console");
        let asked = {
            let mut shared = lock(&self.presenter.console_view);
            if shared.0 != view {
                shared.0 = view;
                ctx.request_repaint_of(id);
            }
            std::mem::take(&mut shared.1)
        };
        if !asked.is_empty() {
            ctx.request_repaint();
        }
        self.queued.extend(asked);
        let shared = std::sync::Arc::clone(&self.presenter.console_view);
        let builder =
            egui::ViewportBuilder::default().with_title("Podvisor — presenter console").with_inner_size([720.0, 540.0]);
        ctx.show_viewport_deferred(id, builder, move |ui, class| {
            let mut asked = Vec::new();
            if ui.input(|input| input.viewport().close_requested()) {
                asked.push(Command::ToggleConsole);
            }
            // Keys pressed in the console's own window drive the deck as in the room's.
            if class != egui::ViewportClass::EmbeddedWindow {
                asked.extend(shortcut_commands(ui.ctx(), Keys::Presenting));
            }
            let view = lock(&shared).0.clone();
            egui::CentralPanel::default().show(ui, |ui| {
                if let Some(step) = console_ui(ui, &view) {
                    asked.push(Command::StepSlides(step));
                }
            });
            if !asked.is_empty() {
                lock(&shared).1.extend(asked);
                ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
            }
        });
    }

    /// The slides a handout prints: those on screen while presenting (a lever's what-if
    /// included), else those F5 would show (the open scenario, then the deck).
    pub(super) fn slides_to_hand_out(&self) -> Result<Vec<Slide>, String> {
        if let Some(presentation) = &self.presenter.presentation {
            return Ok(presentation.slides.clone());
        }
        let deck = load(&self.presenter.deck, self.workspace.document.catalogs())?;
        Ok(Presentation::start(&Scenario::of(&self.workspace.document), deck, None).slides)
    }

    pub(super) fn toggle_levers(&mut self) {
        if let Some(presentation) = &mut self.presenter.presentation {
            presentation.toggle_levers();
        }
    }

    /// The slide's levers moved: the slide becomes `profile`.
    pub(super) fn move_levers(&mut self, profile: Profile) {
        if let Some(presentation) = &mut self.presenter.presentation {
            presentation.move_levers(profile);
        }
    }

    /// Back to the explorer, on the scenario as it was, and the window as it was.
    pub(super) fn stop_presenting(&mut self, ctx: &egui::Context) {
        self.presenter.presentation = None;
        self.presenter.console = false;
        // The worker stops at its next send.
        self.presenter.drawing = None;
        self.presenter.blank = false;
        if std::mem::take(&mut self.presenter.fullscreen_for_presenting) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
        }
    }

    pub(super) fn step_slides(&mut self, ctx: &egui::Context, by: isize) {
        if let Some(presentation) = &mut self.presenter.presentation
            && presentation.step(by)
        {
            self.presenter.transition.restart(ctx.input(|input| input.time));
        }
    }

    pub(super) fn go_to_slide(&mut self, ctx: &egui::Context, index: usize) {
        if let Some(presentation) = &mut self.presenter.presentation
            && presentation.go_to(index)
        {
            self.presenter.transition.restart(ctx.input(|input| input.time));
        }
    }

    /// The chart the slide on screen shows: its own if one was chosen for it, else the one
    /// chosen on the Resources tab.
    pub(super) fn slide_chart(&self) -> ChartView {
        let chosen = self.presenter.presentation.as_ref().and_then(|p| self.presenter.charts.get(&p.slide().file));
        chosen.map_or(self.workspace.chart, |chart| ChartView { resource: chart.resource, axis: chart.axis })
    }

    /// The next resource, or the next setting along the axis, for the slide on screen.
    pub(super) fn cycle_slide_chart(&mut self, axis: bool) {
        let Some(presentation) = &self.presenter.presentation else {
            return;
        };
        let mut chart = self.slide_chart();
        if axis {
            chart.axis = next(&CURVE_AXES, chart.axis);
        } else {
            chart.resource = next(&ResourceId::ALL, chart.resource);
        }
        let file = presentation.slide().file.clone();
        self.presenter.charts.insert(file, SlideChart { resource: chart.resource, axis: chart.axis });
    }

    /// Uses `source` for the deck from now on, once it is known to hold profiles.
    pub(super) fn use_deck(&mut self, source: DeckSource) {
        match load(&source, self.workspace.document.catalogs()) {
            Ok(slides) => {
                self.status = format!(
                    "Presenter deck: {} from {}",
                    count(slides.len() as u64, "profile", "profiles"),
                    source.describe()
                );
                self.presenter.deck = source;
            }
            Err(error) => {
                self.alert =
                    Some(Alert { title: "This folder cannot be the presenter deck".to_owned(), detail: error });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::Profile;

    #[test]
    fn the_open_scenario_is_found_in_the_deck_or_put_first() {
        let deck = load(&DeckSource::Examples, crate::builtin::catalogs()).expect("examples");
        let count = deck.len();
        let second = examples::examples()[1].profile.clone();
        let found = Presentation::start(&Scenario::new(second, crate::builtin::catalogs()), deck.clone(), None);
        assert_eq!(found.position(), (2, count));

        let baseline = Some(Scenario::new(Profile::default(), crate::builtin::catalogs()));
        let mut shown =
            Presentation::start(&Scenario::new(Profile::default(), crate::builtin::catalogs()), deck, baseline);
        assert_eq!(shown.position(), (1, count + 1));
        assert!(shown.since().is_some(), "the open scenario's slide shows the change since the baseline");
        assert!(!shown.step(-1), "stops at the first slide");
        assert!(shown.step(1));
        assert_eq!(shown.position(), (2, count + 1));
        assert!(shown.since().is_none(), "other workloads are not compared with it");
        assert!(shown.step(100));
        assert_eq!(shown.position(), (count + 1, count + 1), "stops at the last");
    }

    #[test]
    fn an_estate_opens_with_its_plan_then_names_each_component_then_its_path() {
        let estate = examples::examples()
            .iter()
            .find(|example| example.profile.components.len() == 5)
            .expect("a bundled five-component estate");
        let slides = Slide::of(estate.file, &Ok(Scenario::new(estate.profile.clone(), crate::builtin::catalogs())));
        let pages: Vec<Page> = slides.iter().map(|slide| slide.page).collect();
        let verdicts = [Page::Verdict; 5];
        assert_eq!(pages, [&[Page::Plan][..], &verdicts, &[Page::Path]].concat());
        assert_eq!(slides[0].title(), estate.profile.name, "the first slide is the estate's, titled with its name");
        for (at, component) in estate.profile.components.iter().enumerate() {
            let slide = &slides[at + 1];
            let scenario = slide.content.as_ref().expect("readable");
            assert_eq!(scenario.component, at);
            assert_eq!(scenario.profile, estate.profile.focus(at), "each component's own verdict");
            assert_eq!(slide.title(), format!("{} · {} ({} of 5)", estate.profile.name, component.name, at + 1));
        }

        // Presenting it from the window starts on the plan; the baseline belongs to the
        // component the window had selected.
        let open = Scenario::new(estate.profile.clone(), crate::builtin::catalogs()).focused(2).expect("an estate");
        let shown = Presentation::start(&open, slides, Some(open.clone()));
        assert_eq!(shown.slide().page, Page::Plan);
        assert_eq!(shown.open, 3, "component 3's verdict slide is the open one");
        let undrawn = shown.undrawn();
        assert_eq!(undrawn, std::slice::from_ref(&estate.profile), "one drawing for every slide of the estate");
    }

    /// Levers on one component's slide of an estate move that component: the slide keeps
    /// its title, is scored afresh, and its confidence is drawn for the estate with the
    /// component moved (not the estate as filed); L puts the slide back.
    #[test]
    fn levers_on_a_component_slide_move_that_component() {
        let estate = examples::examples().iter().find(|e| e.profile.components.len() == 5).expect("an estate");
        let slides = Slide::of(estate.file, &Ok(Scenario::new(estate.profile.clone(), crate::builtin::catalogs())));
        let mut shown =
            Presentation::start(&Scenario::new(Profile::default(), crate::builtin::catalogs()), slides, None);
        assert!(shown.go_to(3), "the second component's verdict (after the open scenario and the plan)");
        let (title, before) = (shown.slide().title(), shown.slide().content.as_ref().expect("readable").clone());
        assert_eq!(before.component, 1);
        assert!(shown.toggle_levers(), "a component's verdict has levers");
        let lever = shown.levers().expect("shown").traits[0];
        let mut moved = before.profile.clone();
        let meta = lever.meta();
        moved.set(lever, if moved.get(lever) == meta.max { meta.min } else { meta.max });
        shown.move_levers(moved.clone());

        let now = shown.slide().content.as_ref().expect("readable");
        assert_eq!(shown.slide().title(), title, "still the component's slide");
        assert_eq!((now.component, &now.profile), (1, &moved));
        let scores = |scenario: &Scenario| scenario.evaluation.options.iter().map(|o| o.score).collect::<Vec<_>>();
        assert_ne!(scores(now), scores(&before), "scored afresh");
        let whole = now.whole();
        assert_eq!(whole.focus(1), moved, "the estate holds the moved component");
        assert_eq!(whole.components[0], estate.profile.components[0], "and the others as filed");
        assert!(shown.undrawn().contains(whole), "its confidence is drawn for the estate as moved");
        assert!(shown.since().is_some(), "the slide as it was is the ghost");

        assert!(!shown.toggle_levers());
        let back = shown.slide().content.as_ref().expect("readable");
        assert_eq!((&back.profile, back.whole()), (&before.profile, before.whole()), "L puts the slide back");
    }

    #[test]
    fn drawn_confidences_reach_every_slide_of_an_estate() {
        let estate = examples::examples().iter().find(|e| e.profile.is_mixed()).expect("an estate");
        let slides = Slide::of(estate.file, &Ok(Scenario::new(estate.profile.clone(), crate::builtin::catalogs())));
        let mut shown =
            Presentation::start(&Scenario::new(Profile::default(), crate::builtin::catalogs()), slides, None);
        let profile = &estate.profile;
        let drawn = draw_confidence(profile, crate::builtin::catalogs());
        shown.attach_confidence(profile, &drawn);
        assert_eq!(shown.undrawn(), [Profile::default()], "only the open scenario is left to draw");
        for slide in &shown.slides {
            let scenario = slide.content.as_ref().expect("readable");
            if scenario.whole() == profile {
                let own = &drawn.components[scenario.component];
                assert_eq!(scenario.evaluation.verdict.confidence.as_ref(), Some(own));
                assert!(scenario.estate.as_ref().is_some_and(|e| e.plan.confidence.is_some()));
            }
        }
    }

    #[test]
    fn a_folder_deck_is_sorted_by_name_and_a_bad_file_is_a_slide() {
        let dir = tempfile::tempdir().expect("temp dir");
        let text = crate::profile::to_canonical_string(&Profile::default());
        std::fs::write(dir.path().join("b.ron"), &text).expect("write");
        std::fs::write(dir.path().join("a.ron"), "(format: \"podvisor-profile\", version: 1, oops)").expect("write");
        std::fs::write(dir.path().join("notes.txt"), "not a profile").expect("write");
        let slides = load(&DeckSource::Folder(dir.path().to_owned()), crate::builtin::catalogs()).expect("a deck");
        let files: Vec<&str> = slides.iter().map(|slide| slide.file.as_str()).collect();
        assert_eq!(files, ["a.ron", "b.ron"]);
        let error = slides[0].content.as_ref().expect_err("a.ron is broken");
        assert!(error.contains("a.ron:1:"), "names the place: {error}");
        assert!(slides[1].content.is_ok());

        let empty = tempfile::tempdir().expect("temp dir");
        assert!(load(&DeckSource::Folder(empty.path().to_owned()), crate::builtin::catalogs()).is_err());
        assert!(load(&DeckSource::Folder(dir.path().join("missing")), crate::builtin::catalogs()).is_err());
    }
}
