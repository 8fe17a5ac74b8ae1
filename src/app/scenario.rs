//! A scenario held still: a profile and its evaluation, made once. The pinned baseline, B in
//! the compare view and presenter mode's slides are scenarios; only the open
//! [`Document`](super::Document) is ever edited.

use super::Document;
use crate::model::plan::{Plan, plan};
use crate::model::{Catalogs, Evaluation, evaluate};
use crate::profile::Profile;

/// A profile with what the model says about it.
#[derive(Clone, Debug)]
pub struct Scenario {
    /// The profile `evaluation` is of: for several components, the focus of one of them.
    pub profile: Profile,
    pub evaluation: Evaluation,
    /// For several components: every one of them, and their plan.
    pub estate: Option<Estate>,
    /// The component `profile` is the focus of (0 for a profile of one).
    pub component: usize,
}

/// A profile of several components with its plan.
#[derive(Clone, Debug)]
pub struct Estate {
    pub profile: Profile,
    pub plan: Plan,
}

impl Scenario {
    /// Evaluates `profile` (its first component) on `catalogs`, and plans it when it has
    /// several components, as the document does.
    pub fn new(profile: Profile, catalogs: &'static Catalogs) -> Self {
        let evaluation = evaluate(&profile, catalogs);
        let estate = profile.is_mixed().then(|| Estate { plan: plan(&profile, catalogs), profile: profile.clone() });
        Self { profile, evaluation, estate, component: 0 }
    }

    /// The document as it stands: the selected component's evaluation and the plan, as
    /// cached (not made again).
    pub fn of(document: &Document) -> Self {
        let (profile, evaluation) = document.evaluated();
        let estate = document.plan().map(|plan| Estate { profile: document.profile().clone(), plan: plan.clone() });
        Self { profile: profile.clone(), evaluation: evaluation.clone(), estate, component: document.selected() }
    }

    /// The same estate focused on component `index`: its own evaluation (on the same
    /// catalogs), the plan shared. `None` for a profile of one component.
    pub fn focused(&self, index: usize) -> Option<Self> {
        let estate = self.estate.as_ref()?;
        let profile = estate.profile.focus(index);
        // The document's scenario is its selected component's focus already (with its
        // confidence); `new` evaluated the whole profile, which scores the first component.
        if index == self.component && self.profile == profile {
            return Some(self.clone());
        }
        let evaluation = evaluate(&profile, self.catalogs());
        Some(Self { profile, evaluation, estate: Some(estate.clone()), component: index })
    }

    /// The scenario with its profile (the focus of its component, for an estate) become
    /// `profile`: evaluated afresh, and for an estate the component taken back into it and
    /// the estate planned again, so that its confidence is drawn for what is on screen.
    #[must_use]
    pub fn moved(&self, profile: Profile) -> Self {
        let Some(estate) = &self.estate else {
            return Self::new(profile, self.catalogs());
        };
        let mut whole = estate.profile.clone();
        whole.absorb(self.component, &profile);
        let component = self.component;
        let catalogs = self.catalogs();
        let estate = Estate { plan: plan(&whole, catalogs), profile: whole };
        Self { evaluation: evaluate(&profile, catalogs), profile, estate: Some(estate), component }
    }

    /// Scores the estate's component named `name` (its first when none is), so that two
    /// estates compare the same component's scores whatever their order.
    pub fn focus_on(&mut self, name: &str) {
        let Some(estate) = &self.estate else { return };
        let index = estate.profile.components.iter().position(|component| component.name == name).unwrap_or(0);
        let focus = estate.profile.focus(index);
        if focus != self.profile {
            self.evaluation = evaluate(&focus, self.catalogs());
            self.profile = focus;
        }
    }

    /// The catalogs the scenario is evaluated on.
    pub fn catalogs(&self) -> &'static Catalogs {
        self.evaluation.site.catalogs
    }

    /// Every component: the profile as a file holds it.
    pub fn whole(&self) -> &Profile {
        self.estate.as_ref().map_or(&self.profile, |estate| &estate.profile)
    }
}
