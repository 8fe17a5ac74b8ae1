//! Undo and redo: a stack of whole profiles. A profile is small (a few dozen numbers and
//! two short maps), so snapshots are simpler and safer than recording inverse edits.

use crate::profile::Profile;

/// How many steps are kept.
const LIMIT: usize = 200;

/// The undo and redo stacks around the last settled profile.
#[derive(Clone, Debug)]
pub struct History {
    undo: Vec<Profile>,
    redo: Vec<Profile>,
    /// The profile as of the last finished edit.
    settled: Profile,
}

impl History {
    pub fn new(profile: &Profile) -> Self {
        Self { undo: Vec::new(), redo: Vec::new(), settled: profile.clone() }
    }

    /// Records a step if `current` differs from the last settled profile. The app calls
    /// this only when no edit is in progress (no pointer held, no text field focused), so a
    /// whole slider drag becomes one step rather than one per frame.
    pub fn settle(&mut self, current: &Profile) {
        if *current != self.settled {
            self.undo.push(std::mem::replace(&mut self.settled, current.clone()));
            if self.undo.len() > LIMIT {
                self.undo.remove(0);
            }
            self.redo.clear();
        }
    }

    pub fn can_undo(&self, current: &Profile) -> bool {
        !self.undo.is_empty() || *current != self.settled
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Steps back, settling an edit still in progress first. Returns false if there is
    /// nothing to undo.
    pub fn undo(&mut self, current: &mut Profile) -> bool {
        self.settle(current);
        let Some(previous) = self.undo.pop() else {
            return false;
        };
        self.redo.push(std::mem::replace(&mut self.settled, previous));
        current.clone_from(&self.settled);
        true
    }

    /// Steps forward again. Returns false if there is nothing to redo.
    pub fn redo(&mut self, current: &mut Profile) -> bool {
        let Some(next) = self.redo.pop() else {
            return false;
        };
        self.undo.push(std::mem::replace(&mut self.settled, next));
        current.clone_from(&self.settled);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::TraitId;

    #[test]
    fn a_drag_of_many_frames_is_one_step() {
        let mut profile = Profile::default();
        let mut history = History::new(&profile);
        for replicas in 3..=9 {
            profile.set(TraitId::Replicas, f64::from(replicas)); // frames of one drag
        }
        history.settle(&profile);
        history.settle(&profile);
        assert!(history.undo(&mut profile));
        assert_eq!(profile, Profile::default());
        assert!(!history.undo(&mut profile), "only one step was recorded");
        assert!(history.redo(&mut profile));
        assert_eq!(profile.workload().replicas, 9);
    }

    #[test]
    fn an_unsettled_edit_is_undone_too_and_new_edits_clear_redo() {
        let mut profile = Profile::default();
        let mut history = History::new(&profile);
        profile.set(TraitId::Services, 40.0);
        assert!(history.can_undo(&profile));
        assert!(history.undo(&mut profile));
        assert_eq!(profile.workload().services, Profile::default().workload().services);
        profile.set(TraitId::Services, 7.0);
        history.settle(&profile);
        assert!(!history.can_redo());
    }
}
