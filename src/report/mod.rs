//! Reports of an analysis: JSON (a stable contract), plain text and Markdown. They print what
//! the model computed in the words of [`crate::narrative`]; nothing here computes a score or
//! a figure, and numbers are formatted by the same helpers the window uses, so the report
//! and the screen agree.

pub mod hosts;
pub mod json;
pub mod markdown;
pub mod text;

use crate::model::compare::{Comparison, compare};
use crate::model::sensitivity::{self, Sensitivity};
use crate::model::{Assumptions, DEFAULT_OPTIONS, Evaluation, OptionSpec, Profile, evaluate_options};

/// A profile with everything the model concludes about it.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub profile: Profile,
    pub evaluation: Evaluation,
    pub sensitivity: Sensitivity,
}

impl Analysis {
    /// Evaluates and analyses a profile with the shipped assumptions and default options.
    pub fn new(profile: Profile) -> Self {
        Self::of_options(profile, DEFAULT_OPTIONS)
    }

    /// Evaluates and analyses a profile against a list of options.
    pub fn of_options(profile: Profile, options: &[&'static OptionSpec]) -> Self {
        let assumptions = Assumptions::builtin();
        let evaluation = evaluate_options(&profile, assumptions, options);
        let sensitivity = sensitivity::analyse_options(&profile, assumptions, options);
        Self { profile, evaluation, sensitivity }
    }
}

/// Two analyses and what differs between them (A is the reference).
#[derive(Clone, Debug)]
pub struct ComparedPair {
    pub a: Analysis,
    pub b: Analysis,
    pub comparison: Comparison,
}

impl ComparedPair {
    pub fn new(a: Profile, b: Profile) -> Self {
        Self::of_options(a, b, DEFAULT_OPTIONS)
    }

    /// Both profiles evaluated against the same list of options.
    pub fn of_options(a: Profile, b: Profile, options: &[&'static OptionSpec]) -> Self {
        let (a, b) = (Analysis::of_options(a, options), Analysis::of_options(b, options));
        let comparison = compare(&a.profile, &a.evaluation, &b.profile, &b.evaluation);
        Self { a, b, comparison }
    }
}
