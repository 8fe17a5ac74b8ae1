//! A scenario held still: a profile and its evaluation, made once. The pinned baseline, B in
//! the compare view and presenter mode's slides are scenarios; only the open
//! [`Document`](super::Document) is ever edited.

use super::Document;
use crate::model::{Assumptions, Evaluation, evaluate};
use crate::profile::Profile;

/// A profile with what the model says about it.
#[derive(Clone, Debug)]
pub struct Scenario {
    pub profile: Profile,
    pub evaluation: Evaluation,
}

impl Scenario {
    /// Evaluates `profile` with the shipped assumptions, as the document does.
    pub fn new(profile: Profile) -> Self {
        let evaluation = evaluate(&profile, Assumptions::builtin());
        Self { profile, evaluation }
    }

    /// The document as it stands (its cached evaluation, not a new one).
    pub fn of(document: &Document) -> Self {
        let (profile, evaluation) = document.evaluated();
        Self { profile: profile.clone(), evaluation: evaluation.clone() }
    }
}
