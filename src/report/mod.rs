//! Reports of an analysis: JSON (a stable contract), plain text and Markdown, and the PDF a
//! deck's pictures are bound into. They print what
//! the model computed in the words of [`crate::narrative`]; nothing here computes a score or
//! a figure, and numbers are formatted by the same helpers the window uses, so the report
//! and the screen agree.

pub mod hosts;
pub mod json;
pub mod markdown;
#[cfg(feature = "app")]
pub mod pdf;
pub mod text;

use crate::model::compare::{Comparison, compare};
use crate::model::format::{Number, Score, number_direction};
use crate::model::plan::{Plan, plan};
use crate::model::sensitivity::{self, Sensitivity};
use crate::model::{Catalogs, Evaluation, OptionSpec, Profile, confidence, evaluate_options};
use crate::narrative;

/// A profile with everything the model concludes about it. For a mixed estate,
/// `evaluation` and `sensitivity` are the first component's, and `mixed` holds the plan and
/// every component's sensitivity.
#[derive(Clone, Debug)]
pub struct Analysis {
    pub profile: Profile,
    pub evaluation: Evaluation,
    pub sensitivity: Sensitivity,
    pub mixed: Option<Mixed>,
}

/// What a profile of several components adds: the plan, and each component's evaluation and
/// sensitivity, in profile order.
#[derive(Clone, Debug)]
pub struct Mixed {
    pub plan: Plan,
    pub evaluations: Vec<Evaluation>,
    pub sensitivity: Vec<Sensitivity>,
}

impl Analysis {
    /// Evaluates and analyses a profile with the shipped catalogs, against the options it
    /// compares.
    pub fn new(profile: Profile) -> Self {
        let options = profile.option_specs();
        Self::of_options(profile, crate::builtin::catalogs(), &options)
    }

    /// Evaluates and analyses a profile on `catalogs` against a list of options.
    /// Each verdict carries its confidence ([`confidence::SEED`], drawn here: a report waits
    /// for it).
    pub fn of_options(profile: Profile, catalogs: &'static Catalogs, options: &[&'static OptionSpec]) -> Self {
        let sensitivity = sensitivity::analyse_options(&profile, catalogs, options);
        if !profile.is_mixed() {
            let confidence = confidence::confidence_options(&profile, catalogs, options, confidence::SEED);
            let evaluation = evaluate_options(&profile, catalogs, options).with_confidence(confidence);
            return Self { profile, evaluation, sensitivity, mixed: None };
        }
        let drawn = confidence::estate_confidence(&profile, catalogs, options, confidence::SEED);
        let focused: Vec<Profile> = (0..profile.components.len()).map(|index| profile.focus(index)).collect();
        let evaluations: Vec<Evaluation> = focused
            .iter()
            .zip(&drawn.components)
            .map(|(focus, confidence)| evaluate_options(focus, catalogs, options).with_confidence(confidence.clone()))
            .collect();
        let mut plan = plan(&profile, catalogs);
        plan.set_confidence(&drawn, &evaluations[0].values);
        let mixed = Mixed {
            plan,
            sensitivity: focused.iter().map(|focus| sensitivity::analyse_options(focus, catalogs, options)).collect(),
            evaluations,
        };
        Self { evaluation: mixed.evaluations[0].clone(), profile, sensitivity, mixed: Some(mixed) }
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

    /// Both profiles evaluated on `catalogs` against the same list of options.
    pub fn of_options(a: Profile, b: Profile, catalogs: &'static Catalogs, options: &[&'static OptionSpec]) -> Self {
        Self::of(Analysis::of_options(a, catalogs, options), Analysis::of_options(b, catalogs, options))
    }

    fn of(a: Analysis, b: Analysis) -> Self {
        let comparison = compare(&a.profile, &a.evaluation, &b.profile, &b.evaluation);
        Self { a, b, comparison }
    }
}

/// The plan of a mixed estate as lines every report prints: where each component goes, the
/// all-in alternatives against the mix, and the phased path.
pub struct PlanLines {
    pub summary: String,
    pub placements: Vec<String>,
    pub versus: Vec<String>,
    pub path: Vec<String>,
}

impl PlanLines {
    pub fn new(profile: &Profile, plan: &Plan) -> Self {
        let money = |value: f64| format!("{} {}", Number(value), profile.currency());
        let versus = plan
            .versus
            .iter()
            .map(|all_in| {
                let saves = plan.mix_saves_against(all_in.option).unwrap_or(0.0);
                let mix = match number_direction(saves) {
                    None => "the plan costs the same".to_owned(),
                    Some(true) => format!("the plan saves {} a month", money(saves)),
                    Some(false) => format!("the plan costs {} a month more", money(-saves)),
                };
                let hosts = Number(all_in.resources.hosts).to_string();
                let noun = if hosts == "1" { "host" } else { "hosts" };
                format!(
                    "All on {}: {} a month, {hosts} {noun}, score {}; {mix}.",
                    all_in.option.spec().plural,
                    money(all_in.resources.monthly_cost),
                    Score(all_in.score),
                )
            })
            .collect();
        Self {
            summary: narrative::plan::summary(profile, plan),
            placements: (0..plan.components.len())
                .map(|index| narrative::plan::placement(profile, plan, index))
                .collect(),
            versus,
            path: narrative::plan::path(profile, plan),
        }
    }
}

/// Each component of a mixed estate as an analysis of its own (its one-component profile,
/// named after the component).
pub fn component_analyses(analysis: &Analysis) -> Vec<Analysis> {
    let Some(mixed) = &analysis.mixed else { return Vec::new() };
    mixed
        .evaluations
        .iter()
        .zip(&mixed.sensitivity)
        .enumerate()
        .map(|(index, (evaluation, sensitivity))| {
            // Titled by the component; the estate's notes are printed once, above.
            let mut profile = analysis.profile.focus(index);
            profile.name.clone_from(&profile.components[0].name);
            profile.notes.clear();
            Analysis { profile, evaluation: evaluation.clone(), sensitivity: sensitivity.clone(), mixed: None }
        })
        .collect()
}

/// An analysis's answer in one line, as comparisons print it: the verdict, or for a mixed
/// estate the plan's summary and which component the compared scores are of.
pub fn answer(analysis: &Analysis) -> String {
    match &analysis.mixed {
        None => narrative::summary(&analysis.evaluation),
        Some(mixed) => format!(
            "{} The scores compared are the first component's ({}).",
            narrative::plan::summary(&analysis.profile, &mixed.plan),
            analysis.profile.components[0].name
        ),
    }
}
