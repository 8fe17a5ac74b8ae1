//! A scenario held beside the open one: the pinned baseline (View ▸ Pin as baseline), or B in
//! the compare view. Its comparison with the open scenario follows every edit, and is made
//! only when the document's evaluated profile changes (formatting the differences costs tens
//! of µs; a frame of the window has 2 ms). Its verdict's confidence is drawn on a worker
//! thread as the document's is, so that both sides of a comparison call a lead close by the
//! same rule (the share of plausible worlds), not one by the shares and one by the points.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::{Alert, App, Document, Scenario, examples};
use crate::model::compare::{Comparison, compare};
use crate::model::confidence::{SEED, profile_confidence};
use crate::model::shares::EstateConfidence;
use crate::profile::{Profile, load_file};
use crate::ui::Tab;

/// Which side of the comparison the held scenario takes; the open scenario takes the other.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The reference point: deltas read "since the baseline" (B − A, A = baseline).
    A,
    /// What the open scenario is compared with (A = the open scenario).
    B,
}

/// A held scenario and its comparison with the open one.
#[derive(Debug)]
pub struct Reference {
    scenario: Scenario,
    /// Where it came from, as the compare view names it.
    origin: String,
    /// The file it was read from, if any.
    path: Option<PathBuf>,
    side: Side,
    comparison: Comparison,
    /// The document's profile (every component), evaluated focus and verdict reading (its
    /// confidence, as attached) that `comparison` was made with.
    compared_with: (Profile, Profile, Reading),
    /// The confidences of the held profile (every component), once drawn.
    drawn: Option<EstateConfidence>,
    /// The worker drawing them.
    drawing: Option<Receiver<EstateConfidence>>,
}

impl Reference {
    pub fn new(mut scenario: Scenario, origin: String, path: Option<PathBuf>, side: Side, document: &Document) -> Self {
        Self::focus(&mut scenario, side, document);
        let comparison = Self::compare(&scenario, side, document);
        let compared_with = (document.profile().clone(), document.evaluated().0.clone(), reading(document));
        Self { scenario, origin, path, side, comparison, compared_with, drawn: None, drawing: None }
    }

    /// Draws the held scenario's confidence on a worker thread (once; `wake` asks for a frame
    /// when it is done), and attaches it once it has arrived.
    pub fn refresh_confidence(&mut self, document: &Document, wake: impl FnOnce() + Send + 'static) {
        if let Some(receiver) = &self.drawing {
            match receiver.try_recv() {
                Ok(drawn) => {
                    self.drawn = Some(drawn);
                    self.drawing = None;
                    self.attach_confidence();
                    self.comparison = Self::compare(&self.scenario, self.side, document);
                }
                Err(TryRecvError::Empty) => {}
                // The worker died: the scenario keeps its provisional reading.
                Err(TryRecvError::Disconnected) => self.drawing = None,
            }
            return;
        }
        if self.drawn.is_some() {
            return;
        }
        let (sender, receiver) = mpsc::channel();
        let (profile, catalogs) = (self.scenario.whole().clone(), self.scenario.catalogs());
        std::thread::spawn(move || {
            // The reference may be gone (cleared, another one pinned): nothing to do.
            let _ = sender.send(profile_confidence(&profile, catalogs, SEED));
            wake();
        });
        self.drawing = Some(receiver);
    }

    /// Whether its confidence is still being drawn.
    pub fn is_drawing(&self) -> bool {
        self.drawing.is_some() || self.drawn.is_none()
    }

    /// Attaches the drawn confidences to the component shown, and the estate's to its plan.
    fn attach_confidence(&mut self) {
        let Some(drawn) = &self.drawn else { return };
        if let Some(own) = drawn.components.get(self.scenario.component) {
            self.scenario.evaluation.set_confidence(own.clone());
        }
        if let Some(estate) = &mut self.scenario.estate {
            estate.plan.set_confidence(drawn, &self.scenario.evaluation.values);
        }
    }

    /// B scores the component the window shows of A, found by name (a baseline is the
    /// document as it was, already focused).
    fn focus(scenario: &mut Scenario, side: Side, document: &Document) {
        if side == Side::B {
            scenario.focus_on(&document.evaluated().0.components[0].name);
        }
    }

    /// The settings of every component on each side (an estate against its own copy
    /// differs only where it was edited); the scores of the component each side shows.
    fn compare(scenario: &Scenario, side: Side, document: &Document) -> Comparison {
        let (profile, evaluation) = (document.profile(), document.evaluated().1);
        match side {
            Side::A => compare(scenario.whole(), &scenario.evaluation, profile, evaluation),
            Side::B => compare(profile, evaluation, scenario.whole(), &scenario.evaluation),
        }
    }

    /// Compares again if the document's profile, evaluated focus or verdict reading changed
    /// since the last time: a confidence arriving for the document after the held scenario's
    /// left a comparison that called the document's lead by the points alone.
    pub fn refresh(&mut self, document: &Document) {
        let (whole, focus, read) = &self.compared_with;
        if document.profile() != whole || document.evaluated().0 != focus || reading(document) != *read {
            Self::focus(&mut self.scenario, self.side, document);
            // A component scored afresh lost its confidence; the drawn one still holds.
            self.attach_confidence();
            self.comparison = Self::compare(&self.scenario, self.side, document);
            self.compared_with = (document.profile().clone(), document.evaluated().0.clone(), reading(document));
        }
    }

    pub fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    pub fn origin(&self) -> &str {
        &self.origin
    }

    pub fn comparison(&self) -> &Comparison {
        &self.comparison
    }
}

/// How the document's verdict is read: whether its confidence is attached, and whether
/// that confidence is the last drawing's, kept while the current one is on its way.
type Reading = (bool, bool);

fn reading(document: &Document) -> Reading {
    let verdict = &document.evaluated().1.verdict;
    (verdict.confidence.is_some(), verdict.confidence_stale)
}

impl App {
    /// Holds the open scenario, as it is now, as the baseline.
    pub(super) fn pin_baseline(&mut self) {
        let scenario = Scenario::of(&self.workspace.document);
        let origin = self.workspace.document.display_name();
        self.status = format!("Pinned “{}” as the baseline", scenario.profile.name);
        self.workspace.baseline = Some(Reference::new(scenario, origin, None, Side::A, &self.workspace.document));
    }

    /// Sets a profile file beside the open scenario as B; on failure nothing changes.
    pub(super) fn compare_with_file(&mut self, path: &Path) {
        match load_file(path) {
            Ok(loaded) => {
                let origin = path.display().to_string();
                let scenario = Scenario::new(loaded.profile, self.workspace.document.catalogs());
                self.compare_with(scenario, origin, Some(path.to_owned()));
            }
            Err(error) => {
                self.alert = Some(Alert {
                    title: "Could not read the profile to compare with".to_owned(),
                    detail: error.to_string(),
                });
            }
        }
    }

    pub(super) fn compare_with_example(&mut self, index: usize) {
        match examples::examples().get(index) {
            Some(example) => {
                let origin = format!("the bundled example {}", example.file);
                let scenario = Scenario::new(example.profile.clone(), self.workspace.document.catalogs());
                self.compare_with(scenario, origin, None);
            }
            None => self.alert = Some(Alert { title: "No such example".to_owned(), detail: format!("index {index}") }),
        }
    }

    fn compare_with(&mut self, scenario: Scenario, origin: String, path: Option<PathBuf>) {
        self.status = format!("Comparing with {origin}");
        self.workspace.compared = Some(Reference::new(scenario, origin, path, Side::B, &self.workspace.document));
        self.workspace.tab = Tab::Compare;
    }

    /// B becomes the document (saved as read, at its file if it has one); the document, as
    /// it stands, becomes B. Asked about first if the document has unsaved changes.
    pub(super) fn swap_compared(&mut self) {
        let Some(b) = self.workspace.compared.take() else {
            return;
        };
        let a = Scenario::of(&self.workspace.document);
        let a_origin = match self.workspace.document.path() {
            Some(path) if !self.workspace.document.is_dirty() => path.display().to_string(),
            _ => format!("“{}” as it was before the swap", a.profile.name),
        };
        let a_path = self.workspace.document.path().filter(|_| !self.workspace.document.is_dirty()).map(Path::to_owned);
        let document = Document::new(b.scenario.whole().clone(), b.path, true, self.workspace.document.catalogs());
        let cleared = self.replace_document(document);
        self.workspace.compared = Some(Reference::new(a, a_origin, a_path, Side::B, &self.workspace.document));
        self.status = format!("Swapped A and B{cleared}");
    }
}
