//! The scenario being edited: its profile, where it lives on disk, whether it has unsaved
//! changes, its undo history, and what the model says about it (evaluation and
//! sensitivity), recomputed only when the profile changes. The evaluation follows every
//! change at once; the sensitivity sweeps (about a millisecond and a half) wait until an
//! edit is finished, so that dragging a slider stays smooth.

use std::path::{Path, PathBuf};

use super::history::History;
use crate::model::profile::Component;
use crate::model::sensitivity::{Sensitivity, analyse};
use crate::model::{Assumptions, Evaluation, Workload, evaluate};
use crate::profile::Profile;

/// One open scenario.
pub struct Document {
    profile: Profile,
    path: Option<PathBuf>,
    /// The profile as last saved or loaded; `None` when that is unknown (a restored session
    /// with unsaved changes), which counts as unsaved.
    saved: Option<Profile>,
    history: History,
    evaluation: Evaluation,
    sensitivity: Sensitivity,
    /// The profile `evaluation` was computed for.
    evaluated: Profile,
    /// The profile `sensitivity` was computed for.
    analysed: Profile,
}

impl Document {
    /// A document for `profile`; `saved` says whether it matches what is on disk.
    pub fn new(profile: Profile, path: Option<PathBuf>, saved: bool) -> Self {
        Self {
            history: History::new(&profile),
            saved: saved.then(|| profile.clone()),
            evaluated: profile.clone(),
            analysed: profile.clone(),
            evaluation: evaluate(&profile, Assumptions::builtin()),
            sensitivity: analyse(&profile, Assumptions::builtin()),
            profile,
            path,
        }
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

    /// The evaluation with the very profile it was made for, which is the profile itself
    /// except between an edit and the next [`Self::refresh`]: what comparisons must pair.
    pub fn evaluated(&self) -> (&Profile, &Evaluation) {
        (&self.evaluated, &self.evaluation)
    }

    pub fn sensitivity(&self) -> &Sensitivity {
        &self.sensitivity
    }

    /// The profile to edit, with what to draw beside it.
    pub fn parts(&mut self) -> (&mut Profile, &Evaluation, &Sensitivity) {
        (&mut self.profile, &self.evaluation, &self.sensitivity)
    }

    pub fn is_dirty(&self) -> bool {
        self.saved.as_ref() != Some(&self.profile)
    }

    /// Whether the evaluation lags behind the profile.
    pub fn is_stale(&self) -> bool {
        self.profile != self.evaluated
    }

    /// Re-evaluates if the profile changed since the last evaluation (tens of µs).
    pub fn refresh(&mut self) {
        if self.is_stale() {
            self.evaluation = evaluate(&self.profile, Assumptions::builtin());
            self.evaluated.clone_from(&self.profile);
        }
    }

    /// Whether the sensitivity analysis lags behind the profile.
    pub fn is_sensitivity_stale(&self) -> bool {
        self.profile != self.analysed
    }

    /// Re-runs the sensitivity analysis if the profile changed since the last one; call it
    /// when no edit is in progress.
    pub fn refresh_sensitivity(&mut self) {
        if self.is_sensitivity_stale() {
            self.sensitivity = analyse(&self.profile, Assumptions::builtin());
            self.analysed.clone_from(&self.profile);
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

    pub fn undo(&mut self) -> bool {
        self.history.undo(&mut self.profile)
    }

    pub fn redo(&mut self) -> bool {
        self.history.redo(&mut self.profile)
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
            None => *self = Self::new(Profile::default(), None, true),
        }
    }

    /// The name shown in the title bar: the file name, else the scenario's name.
    pub fn display_name(&self) -> String {
        self.path
            .as_ref()
            .and_then(|path| path.file_name())
            .map_or_else(|| self.profile.name.clone(), |name| name.to_string_lossy().into_owned())
    }
}
