//! How a score explains itself: source ids with their claims, and the trace of terms that
//! add up to a criterion score. Shared by the scorecard and the pros & cons.

use egui::{RichText, Ui};

use crate::model::format::{number, signed};
use crate::model::rules::{Input, Term};
use crate::model::{CriterionScore, Evaluation, facts};
use crate::narrative::{self, resource_value};
use crate::profile::Profile;

/// Source ids as small chips; hovering one shows its claim and the article it comes from.
pub fn source_chips_ui(ui: &mut Ui, ids: &[&'static str]) {
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = 4.0;
        for id in ids {
            ui.label(RichText::new(*id).small().monospace().weak()).on_hover_ui(|ui| claim_ui(ui, id));
        }
    });
}

/// One claim: id, paraphrase and article.
fn claim_ui(ui: &mut Ui, id: &str) {
    match facts::fact(id) {
        Some(fact) => {
            ui.label(RichText::new(format!("{id} — {}", fact.claim)).strong());
            ui.label(RichText::new(fact.article.title()).small().weak());
        }
        None => {
            ui.label(format!("{id} (not in the catalogue)"));
        }
    }
}

/// Every claim behind a list of source ids, one per line, for tooltips.
pub fn claims_ui(ui: &mut Ui, ids: &[&'static str]) {
    if ids.is_empty() {
        return;
    }
    ui.label(RichText::new("Sources").strong());
    for id in ids {
        claim_ui(ui, id);
    }
}

/// The full explanation of one option's score on one criterion: the sentence, the terms
/// that add up to the score, and the claims they rest on.
/// `option` is the index of the scored option in `evaluation.options`.
pub fn trace_ui(ui: &mut Ui, profile: &Profile, evaluation: &Evaluation, option: usize, score: &CriterionScore) {
    ui.label(narrative::why(evaluation, profile, option, score.criterion));
    ui.add_space(4.0);
    egui::Grid::new(("trace", score.criterion)).num_columns(3).striped(true).show(ui, |ui| {
        ui.label(RichText::new("Term").strong());
        ui.label(RichText::new("Input").strong());
        ui.label(RichText::new("Effect").strong());
        ui.end_row();
        for term in &score.terms {
            ui.label(term.label);
            ui.label(term_input(profile, term));
            ui.label(RichText::new(signed(term.effect)).monospace());
            ui.end_row();
        }
        ui.label(RichText::new("Score").strong());
        ui.label("");
        ui.label(RichText::new(format!("{} / 10", number(score.score))).monospace().strong());
        ui.end_row();
    });
    ui.add_space(4.0);
    claims_ui(ui, &score.sources());
}

/// A term's input value, in the units of whatever it reads.
fn term_input(profile: &Profile, term: &Term) -> String {
    match term.input {
        Input::Baseline | Input::Clamp => String::new(),
        Input::Trait(id) => format!("{} = {}", id.meta().label, id.meta().format(term.value)),
        Input::Resource(id) => format!("{} = {}", id.label(), resource_value(profile, id, term.value)),
        Input::Assumption(id) => {
            let spec = id.spec();
            format!("{} = {} {}", spec.label, number(term.value), spec.unit)
        }
        Input::Endpoints => format!("{} network endpoints", number(term.value)),
    }
}
