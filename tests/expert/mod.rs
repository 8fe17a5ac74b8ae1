//! Expert answers as data (`tests/scenarios/expected.ron`) and the known-gaps ratchet, shared
//! by the scenario panel's tests and the bundled profiles' tests. See `tests/scenarios.rs`.
#![allow(dead_code, reason = "each test crate uses a different part")]

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use podvisor::model::confidence::SEED;
use podvisor::model::{Evaluation, confidence, evaluate};
use podvisor::narrative;
use podvisor::profile::{Profile, load_file};
use serde::Deserialize;

/// `tests/scenarios/expected.ron`: the panel's answers, the bundled profiles' answers, and the
/// known gaps of both.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expected {
    pub panel: Vec<Answer>,
    pub bundled: Vec<Answer>,
    pub known_gaps: Vec<Gap>,
}

/// What practice supports for one scenario (or one component of it).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    pub scenario: String,
    #[serde(default)]
    pub component: Option<String>,
    /// The option that leads; two when practice accepts either.
    pub leader: Vec<String>,
    pub close: bool,
    /// The option ranked second, where it matters.
    #[serde(default)]
    pub runner_up: Option<Vec<String>>,
    #[serde(default)]
    pub must_not_lead: Vec<String>,
    #[serde(default)]
    pub not_runner_up: Vec<String>,
    pub source: String,
}

/// A scenario the model does not meet yet: the checks it fails and what differs.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub scenario: String,
    #[serde(default)]
    pub component: Option<String>,
    pub failing: BTreeSet<Check>,
    pub differs: String,
}

/// One part of an expert answer.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub enum Check {
    Leader,
    Close,
    RunnerUp,
    MustNotLead,
    NotRunnerUp,
}

/// What the model says, in the terms of an answer.
#[derive(Debug)]
pub struct Observed {
    pub leader: String,
    pub runner_up: Option<String>,
    pub close: bool,
}

impl Observed {
    pub fn of(evaluation: &Evaluation) -> Self {
        let verdict = &evaluation.verdict;
        Self {
            leader: verdict.leader.key().to_owned(),
            runner_up: verdict.runner_up.map(|r| r.key().to_owned()),
            close: verdict.close_call,
        }
    }
}

/// The checks of `answer` that `observed` fails, none if it meets the answer in full.
pub fn failing_checks(answer: &Answer, observed: &Observed) -> BTreeSet<Check> {
    let mut failing = BTreeSet::new();
    let runner_up = observed.runner_up.as_deref();
    if !answer.leader.contains(&observed.leader) {
        failing.insert(Check::Leader);
    }
    if answer.close != observed.close {
        failing.insert(Check::Close);
    }
    if let Some(allowed) = &answer.runner_up
        && !runner_up.is_some_and(|r| allowed.iter().any(|a| a == r))
    {
        failing.insert(Check::RunnerUp);
    }
    if answer.must_not_lead.contains(&observed.leader) {
        failing.insert(Check::MustNotLead);
    }
    if runner_up.is_some_and(|r| answer.not_runner_up.iter().any(|a| a == r)) {
        failing.insert(Check::NotRunnerUp);
    }
    failing
}

/// The ratchet's judgement of one scenario: `None` when all is well, else what went wrong.
pub fn ratchet(failing: &BTreeSet<Check>, gap: Option<&Gap>) -> Option<&'static str> {
    match gap {
        None if failing.is_empty() => None,
        None => Some("disagrees with the expert answer and is not on the known-gaps list"),
        Some(_) if failing.is_empty() => Some("now meets its expert answer in full: take it off the known-gaps list"),
        Some(gap) if gap.failing != *failing => {
            Some("fails other checks than its known-gaps entry lists: update the entry (or fix what got worse)")
        }
        Some(_) => None,
    }
}

/// Where an answer's profiles live.
#[derive(Clone, Copy, Debug)]
pub enum Folder {
    /// `tests/scenarios/`: the scenario panel, whose notes say "Expected: …".
    Panel,
    /// `profiles/`: the bundled profiles.
    Bundled,
}

pub fn profile_path(folder: Folder, name: &str) -> PathBuf {
    let dir = match folder {
        Folder::Panel => "tests/scenarios",
        Folder::Bundled => "profiles",
    };
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir).join(format!("{name}.ron"))
}

pub fn load(folder: Folder, name: &str) -> Profile {
    let loaded = load_file(&profile_path(folder, name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(loaded.warnings.is_empty(), "{name}: {:?}", loaded.warnings);
    if matches!(folder, Folder::Panel) {
        assert!(loaded.profile.notes.contains("Expected:"), "{name}: the notes say which answer and why");
    }
    loaded.profile
}

pub fn expected() -> Expected {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios/expected.ron");
    let text = std::fs::read_to_string(&path).expect("tests/scenarios/expected.ron");
    ron::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Every answer judged through the ratchet: one message per answer that fails it, with what a
/// developer needs (expected and actual, the summary sentence, the source, the gap entry).
pub fn problems(folder: Folder, answers: &[Answer], gaps: &[Gap]) -> Vec<String> {
    let mut problems = Vec::new();
    for answer in answers {
        let profile = focused(&load(folder, &answer.scenario), answer);
        let evaluation = verdict_as_shown(&profile);
        let failing = failing_checks(answer, &Observed::of(&evaluation));
        let gap = gaps.iter().find(|g| g.scenario == answer.scenario && g.component == answer.component);
        let Some(what) = ratchet(&failing, gap) else { continue };
        let name = label(&answer.scenario, answer.component.as_ref());
        let mut message = format!(
            "{name}: {what}\n  expected: {}\n  actual:   {}\n  failing:  {failing:?}\n  summary:  {}\n  source:   {}",
            expected_text(answer),
            actual_text(&evaluation),
            narrative::summary(&evaluation),
            answer.source
        );
        if let Some(gap) = gap {
            let _ = write!(message, "\n  listed:   {:?} ({})", gap.failing, gap.differs);
        }
        let _ = write!(
            message,
            "\n  Fix the model, or change the answer with a new source in its own commit. A known gap reads \
             (scenario: {:?}, component: {:?}, failing: {failing:?}, differs: \"…\") in tests/scenarios/expected.ron.",
            answer.scenario, answer.component
        );
        problems.push(message);
    }
    problems
}

/// The evaluation as the app and the CLI show it: with the confidence drawn, which decides
/// whether the verdict is a close call.
pub fn verdict_as_shown(profile: &Profile) -> Evaluation {
    let drawn = confidence(profile, podvisor::builtin::catalogs(), SEED);
    evaluate(profile, podvisor::builtin::catalogs()).with_confidence(drawn)
}

/// The profile an answer is about: the component it names, or the whole profile.
pub fn focused(profile: &Profile, answer: &Answer) -> Profile {
    match &answer.component {
        None => profile.clone(),
        Some(name) => {
            let index = profile
                .components
                .iter()
                .position(|c| &c.name == name)
                .unwrap_or_else(|| panic!("{}: no component {name:?}", answer.scenario));
            profile.focus(index)
        }
    }
}

pub fn label(scenario: &str, component: Option<&String>) -> String {
    component.map_or_else(|| scenario.to_owned(), |c| format!("{scenario} [{c}]"))
}

pub fn expected_text(answer: &Answer) -> String {
    let mut text =
        format!("{} leads, {}", answer.leader.join(" or "), if answer.close { "a close call" } else { "clearly" });
    if let Some(runner_up) = &answer.runner_up {
        let _ = write!(text, ", runner-up {}", runner_up.join(" or "));
    }
    if !answer.must_not_lead.is_empty() {
        let _ = write!(text, "; must not lead: {}", answer.must_not_lead.join(", "));
    }
    if !answer.not_runner_up.is_empty() {
        let _ = write!(text, "; not runner-up: {}", answer.not_runner_up.join(", "));
    }
    text
}

pub fn actual_text(evaluation: &Evaluation) -> String {
    let observed = Observed::of(evaluation);
    let scores: Vec<String> = evaluation.options.iter().map(|o| format!("{} {:.1}", o.spec.key, o.score)).collect();
    format!(
        "{} leads, {}, runner-up {}; scores {}; ruled out: {:?}",
        observed.leader,
        if observed.close { "a close call" } else { "clearly" },
        observed.runner_up.as_deref().unwrap_or("none"),
        scores.join(", "),
        evaluation.verdict.ruled_out.iter().map(|v| v.option.key()).collect::<Vec<_>>()
    )
}
