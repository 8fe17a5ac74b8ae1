//! The scenario being edited: its profile, where it lives on disk, whether it has unsaved
//! changes, its undo history, which component is selected, and what the model says about it
//! (evaluation and sensitivity of the selected component), recomputed only when the profile
//! changes. The evaluation follows every change at once; the sensitivity sweeps (about a
//! millisecond and a half) wait until an edit is finished, so that dragging a slider stays
//! smooth. A profile of several components is also planned ([`Plan`]: where each goes, the
//! estate's cost, the phased path) whenever any of it changes.
//!
//! The verdict's confidence (1,000 plausible worlds, about 20 ms a component) is drawn on a
//! worker thread once an edit is finished, never on a frame; until it arrives, the evaluation
//! and the plan carry the last one drawn while the leaders are unchanged, marked stale, so
//! the verdict's words keep still and the window dims it.
//!
//! The views edit one component at a time: they are handed [`Profile::focus`] of the selected
//! component (a one-component profile, so every view works on it unchanged), and what they
//! change is written back with [`Profile::absorb`]. A one-component profile is handed over
//! as it is.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};

use super::components::{self, ComponentEdit};
use super::history::History;
use crate::model::confidence::{SEED, profile_confidence};
use crate::model::plan::{Plan, placements, plan};
use crate::model::profile::Component;
use crate::model::sensitivity::{Sensitivity, analyse};
use crate::model::shares::EstateConfidence;
use crate::model::{Catalogs, Evaluation, OptionId, Workload, evaluate};
use crate::profile::Profile;

/// Confidences drawn for a state of the profile: each component's, and for several
/// components the estate's all-in one.
struct Drawn {
    /// The profile (every component) they were drawn for.
    profile: Profile,
    /// Each component's leader in that state: a stale share is shown only while its
    /// component's leader is the same.
    leaders: Vec<OptionId>,
    confidence: EstateConfidence,
}

/// One open scenario.
pub struct Document {
    profile: Profile,
    path: Option<PathBuf>,
    /// The profile as last saved or loaded; `None` when that is unknown (a restored session
    /// with unsaved changes), which counts as unsaved.
    saved: Option<Profile>,
    history: History,
    /// The component the views show and edit (an index into `profile.components`).
    selected: usize,
    evaluation: Evaluation,
    sensitivity: Sensitivity,
    /// The profile and selection `evaluation` is up to date with.
    evaluated: (Profile, usize),
    /// The selected component's focus that `evaluation` was computed for.
    scored: Profile,
    /// The focus `sensitivity` was computed for.
    analysed: Profile,
    /// The plan of a profile of several components, as of `evaluated`.
    plan: Option<Plan>,
    /// The last confidences drawn.
    confidence: Option<Drawn>,
    /// The confidences being drawn on a worker thread, with the profile they are for.
    drawing: Option<(Profile, Receiver<EstateConfidence>)>,
    /// What every evaluation, plan and confidence of it reads: the window's.
    catalogs: &'static Catalogs,
}

impl Document {
    /// A document for `profile`, evaluated on `catalogs`; `saved` says whether it matches
    /// what is on disk.
    pub fn new(profile: Profile, path: Option<PathBuf>, saved: bool, catalogs: &'static Catalogs) -> Self {
        Self {
            history: History::new(&profile),
            saved: saved.then(|| profile.clone()),
            selected: 0,
            evaluated: (profile.clone(), 0),
            scored: profile.focus(0),
            analysed: profile.focus(0),
            evaluation: evaluate(&profile, catalogs),
            sensitivity: analyse(&profile, catalogs),
            plan: planned(&profile, catalogs),
            confidence: None,
            drawing: None,
            profile,
            path,
            catalogs,
        }
    }

    /// The catalogs the document is evaluated on.
    pub fn catalogs(&self) -> &'static Catalogs {
        self.catalogs
    }

    pub fn profile(&self) -> &Profile {
        &self.profile
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn evaluation(&self) -> &Evaluation {
        &self.evaluation
    }

    /// The evaluation with the very profile it was made for: the selected component's focus
    /// (the profile itself when it has one component) as of the last [`Self::refresh`]. What
    /// comparisons must pair.
    pub fn evaluated(&self) -> (&Profile, &Evaluation) {
        (&self.scored, &self.evaluation)
    }

    /// The component the views show and edit.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The plan, when the profile has several components: as of the last [`Self::refresh`].
    pub fn plan(&self) -> Option<&Plan> {
        self.plan.as_ref()
    }

    pub fn sensitivity(&self) -> &Sensitivity {
        &self.sensitivity
    }

    /// Runs `view` on the selected component's focus, with what to draw beside it, and
    /// takes back what it changed: the component and everything shared.
    pub fn with_focus<R>(&mut self, view: impl FnOnce(&mut Profile, &Evaluation, &Sensitivity) -> R) -> R {
        if !self.profile.is_mixed() {
            return view(&mut self.profile, &self.evaluation, &self.sensitivity);
        }
        let mut focused = self.profile.focus(self.selected);
        let result = view(&mut focused, &self.evaluation, &self.sensitivity);
        self.profile.absorb(self.selected, &focused);
        result
    }

    /// Applies an edit of the component list (adding, renaming, moving, pinning …); the
    /// selection follows it.
    pub fn edit_components(&mut self, edit: ComponentEdit) {
        self.selected = components::apply(&mut self.profile, self.selected, edit);
    }

    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.profile)
    }

    /// Whether the evaluation lags behind the profile or the selection.
    pub fn is_stale(&self) -> bool {
        self.selected != self.evaluated.1 || self.profile != self.evaluated.0
    }

    /// Re-evaluates the selected component if it changed since the last evaluation (tens of
    /// µs); an edit of another component changes nothing here.
    pub fn refresh(&mut self) {
        if !self.is_stale() {
            return;
        }
        let focused = self.profile.focus(self.selected);
        if focused != self.scored {
            self.evaluation = evaluate(&focused, self.catalogs);
            self.scored = focused;
        }
        if self.profile != self.evaluated.0 {
            // Placed now, the path chosen once the edit ends (`refresh_path`): at 200
            // components the path alone takes a tenth of a second.
            let mut plan = self.profile.is_mixed().then(|| placements(&self.profile, self.catalogs));
            if let (Some(plan), Some(last)) = (&mut plan, &self.plan) {
                plan.keep_path_of(last);
            }
            self.plan = plan;
        }
        self.evaluated.0.clone_from(&self.profile);
        self.evaluated.1 = self.selected;
        self.attach_confidence();
    }

    /// Chooses the plan's phased path if the plan was made since; call it after
    /// [`Self::refresh`], when no edit is in progress.
    pub fn refresh_path(&mut self) {
        if let Some(plan) = &mut self.plan
            && !plan.is_path_chosen()
        {
            plan.choose_path();
        }
    }

    /// Whether the sensitivity analysis lags behind the evaluation.
    pub fn is_sensitivity_stale(&self) -> bool {
        self.scored != self.analysed
    }

    /// Re-runs the sensitivity analysis if the evaluated focus changed since the last one;
    /// call it after [`Self::refresh`], when no edit is in progress.
    pub fn refresh_sensitivity(&mut self) {
        if self.is_sensitivity_stale() {
            self.sensitivity = analyse(&self.scored, self.catalogs);
            self.analysed.clone_from(&self.scored);
        }
    }

    /// Whether a confidence is being drawn on a worker thread.
    pub fn is_drawing(&self) -> bool {
        self.drawing.is_some()
    }

    /// Whether the confidences are not yet drawn for the evaluated profile.
    pub fn is_confidence_stale(&self) -> bool {
        self.confidence.as_ref().is_none_or(|drawn| drawn.profile != self.evaluated.0)
    }

    /// Takes confidences the worker finished, and starts drawing the evaluated profile's if
    /// they are stale and no drawing is under way (one at a time: a drawing for an earlier
    /// state finishes first, and is dropped). `wake` is called on the worker thread when it is
    /// done, to ask for a frame. Call it when no edit is in progress: a drag draws once, when
    /// it settles. Several components draw each one's confidence and the estate's all-in one
    /// in the same worlds (one [`confidence`](crate::model::confidence()) per component).
    pub fn refresh_confidence(&mut self, wake: impl FnOnce() + Send + 'static) {
        if let Some((profile, receiver)) = &self.drawing {
            match receiver.try_recv() {
                Ok(confidence) if *profile == self.evaluated.0 => {
                    let drawn = Drawn { profile: profile.clone(), leaders: self.leaders(), confidence };
                    self.confidence = Some(drawn);
                    self.drawing = None;
                    self.attach_confidence();
                }
                Ok(_) | Err(TryRecvError::Disconnected) => self.drawing = None,
                Err(TryRecvError::Empty) => return,
            }
        }
        if !self.is_confidence_stale() {
            return;
        }
        let profile = self.evaluated.0.clone();
        let (sender, receiver) = mpsc::channel();
        let (worker, catalogs) = (profile.clone(), self.catalogs);
        std::thread::spawn(move || {
            let drawn = profile_confidence(&worker, catalogs, SEED);
            // The document may be gone (the window closed, another file opened): nothing to do.
            let _ = sender.send(drawn);
            wake();
        });
        self.drawing = Some((profile, receiver));
    }

    /// Each component's leader as evaluated now.
    fn leaders(&self) -> Vec<OptionId> {
        match &self.plan {
            Some(plan) => plan.components.iter().map(|placed| placed.leader).collect(),
            None => vec![self.evaluation.verdict.leader],
        }
    }

    /// Gives the evaluation (and the plan) the last confidences drawn: their own, or, while
    /// the leaders are the ones they were drawn for, an earlier state's, marked stale. When a
    /// lead changed hands, the old shares say nothing about the new leader: none is attached,
    /// and the words only say who leads until the new ones are drawn.
    fn attach_confidence(&mut self) {
        let Some(drawn) = &self.confidence else { return };
        let current = drawn.profile == self.evaluated.0;
        if !current && self.leaders() != drawn.leaders {
            return;
        }
        let Some(own) = drawn.confidence.components.get(self.selected) else { return };
        if current {
            self.evaluation.set_confidence(own.clone());
        } else {
            self.evaluation.set_stale_confidence(own.clone());
        }
        if let Some(plan) = &mut self.plan {
            plan.set_confidence(&drawn.confidence, &self.evaluation.values);
        }
    }

    /// Ends the current edit: records an undo step if the profile changed.
    pub fn settle(&mut self) {
        self.history.settle(&self.profile);
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo(&self.profile)
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    /// Steps back; the selection stays where it is if that component still exists, else on
    /// the last one.
    pub fn undo(&mut self) -> bool {
        let undone = self.history.undo(&mut self.profile);
        self.keep_selection();
        undone
    }

    /// Steps forward again; the selection as for [`Self::undo`].
    pub fn redo(&mut self) -> bool {
        let redone = self.history.redo(&mut self.profile);
        self.keep_selection();
        redone
    }

    fn keep_selection(&mut self) {
        self.selected = self.selected.min(self.profile.components.len() - 1);
    }

    /// Every trait, weight and assumption back to its default, as one undo step; the name,
    /// the notes, the components (their workloads reset), the currency label and the options compared stay, as
    /// they describe the scenario and the question rather than set values.
    pub fn reset_all(&mut self) {
        self.history.settle(&self.profile);
        let mut defaults = Profile {
            name: self.profile.name.clone(),
            notes: self.profile.notes.clone(),
            options: self.profile.options.clone(),
            ..Profile::default()
        };
        defaults.components =
            self.profile.components.iter().map(|c| Component { workload: Workload::default(), ..c.clone() }).collect();
        defaults.environment.currency.clone_from(&self.profile.environment.currency);
        self.profile = defaults;
        self.history.settle(&self.profile);
    }

    /// Records that the profile was written to `path`.
    pub fn mark_saved(&mut self, path: PathBuf) {
        self.saved = Some(self.profile.clone());
        self.path = Some(path);
    }

    /// Drops unsaved changes, back to the saved profile (or a new one if that is unknown).
    pub fn discard_changes(&mut self) {
        match &self.saved {
            Some(saved) => self.profile.clone_from(saved),
            None => *self = Self::new(Profile::default(), None, true, self.catalogs),
        }
        self.keep_selection();
    }

    /// The name shown in the title bar: the file name, else the scenario's name.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|path| path.file_name())
            .map_or_else(|| self.profile.name.clone(), |name| name.to_string_lossy().into_owned())
    }
}

/// The plan of a profile of several components (a single component has nothing to place).
fn planned(profile: &Profile, catalogs: &'static Catalogs) -> Option<Plan> {
    profile.is_mixed().then(|| plan(profile, catalogs))
}
