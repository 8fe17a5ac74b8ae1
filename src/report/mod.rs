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
use crate::model::{Assumptions, Evaluation, OptionSpec, Profile, evaluate_options};

/// A profile with everything the model concludes about it.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub profile: Profile,
    pub evaluation: Evaluation,
    pub sensitivity: Sensitivity,
}

impl Analysis {
    /// Evaluates and analyses a profile with the shipped assumptions, against the options
    /// it compares.
    pub fn new(profile: Profile) -> Self {
        let options = profile.option_specs();
        Self::of_options(profile, &options)
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
    /// Each profile evaluated against the options it compares; the comparison covers the
    /// options both compare.
    pub fn new(a: Profile, b: Profile) -> Self {
        Self::of(Analysis::new(a), Analysis::new(b))
    }

    /// Both profiles evaluated against the same list of options.
    pub fn of_options(a: Profile, b: Profile, options: &[&'static OptionSpec]) -> Self {
        Self::of(Analysis::of_options(a, options), Analysis::of_options(b, options))
    }

    fn of(a: Analysis, b: Analysis) -> Self {
        let comparison = compare(&a.profile, &a.evaluation, &b.profile, &b.evaluation);
        Self { a, b, comparison }
    }
}
