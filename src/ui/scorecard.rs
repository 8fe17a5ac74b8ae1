//! The scorecard: every criterion as a row with a bar per option, its weight editable in
//! place, and the explanation of each score on hover. With a baseline pinned, each bar marks
//! the baseline's score and writes the change since.

use egui::{DragValue, RichText, Ui};

use super::sources::{claims_ui, trace_ui};
use super::theme::{attention_color, con_color, option_color, sizes};
use super::tornado::tornado_ui;
use super::widgets::{ScoreBar, reset_button};
use crate::model::compare::Comparison;
use crate::model::criteria::MAX_WEIGHT;
use crate::model::sensitivity::Sensitivity;
use crate::model::{CRITERIA, Evaluation, VETO_SCORE, VETO_WEIGHT};
use crate::narrative;
use crate::profile::Profile;

/// Space the criterion and weight columns and each score's number take beside the bars.
const FIXED_COLUMNS: f32 = 330.0;
const NUMBER_COLUMN: f32 = 70.0;
/// Room for the change since the baseline ("+12.5"), when one is pinned.
const CHANGE_COLUMN: f32 = 52.0;

/// The scorecard. Only `profile.weights` is edited; the rest of the profile is read for units.
/// `since` is the comparison with the pinned baseline, if any (A = baseline, B = this).
pub fn scorecard_ui(
    ui: &mut Ui,
    evaluation: &Evaluation,
    sensitivity: &Sensitivity,
    profile: &mut Profile,
    since: Option<&Comparison>,
) {
    let hint = "Scores 0–10 per criterion; hover a bar for why, with the sources. \
                Weights 0–5 set how much each criterion counts.";
    ui.label(RichText::new(hint).weak());
    if let Some(critical) = &sensitivity.critical_weight {
        ui.label(RichText::new(narrative::critical_weight_hint(critical)).color(attention_color(ui.visuals())));
    }
    ui.add_space(4.0);
    // Bars share the width left by the other columns, so wide windows get longer bars.
    let options = evaluation.options.len().max(1) as f32;
    let number_column = if since.is_some() { NUMBER_COLUMN + CHANGE_COLUMN } else { NUMBER_COLUMN };
    let bar_width = ((ui.available_width() - FIXED_COLUMNS) / options - number_column).clamp(60.0, 420.0);
    // The change of option `o`'s score on criterion `c` (or overall, for `None`), if the
    // baseline compares that option too.
    let change = |o: usize, c: Option<usize>| {
        let option = since?.option(evaluation.options[o].spec.id())?;
        match c {
            Some(c) => option.criteria.get(c).copied(),
            None => Some(option.score),
        }
    };
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("scorecard").num_columns(2 + evaluation.options.len()).striped(true).spacing([16.0, 6.0]).show(
            ui,
            |ui| {
                ui.label(RichText::new("Criterion").strong());
                ui.label(RichText::new("Weight").strong());
                for (index, result) in evaluation.options.iter().enumerate() {
                    ui.label(RichText::new(result.spec.label).strong().color(option_color(ui.visuals(), index)));
                }
                ui.end_row();

                for (c, criterion) in CRITERIA.iter().enumerate() {
                    ui.label(criterion.label).on_hover_ui(|ui| {
                        ui.label(RichText::new(criterion.question).strong());
                        ui.label(criterion.reading);
                        claims_ui(ui, criterion.sources);
                    });
                    weight_ui(ui, profile, c);
                    for (index, result) in evaluation.options.iter().enumerate() {
                        let score = &result.criteria[c];
                        let vetoed = evaluation
                            .verdict
                            .ruled_out
                            .iter()
                            .any(|veto| veto.option == result.spec.id() && veto.criterion == criterion.id);
                        ui.horizontal(|ui| {
                            ScoreBar::new(score.score, 10.0, option_color(ui.visuals(), index), bar_width)
                                .against(change(index, Some(c)))
                                .ui(ui)
                                .on_hover_ui(|ui| trace_ui(ui, profile, evaluation, index, score));
                            if vetoed {
                                ui.label(RichText::new("rules it out").color(con_color(ui.visuals())))
                                    .on_hover_text(format!(
                                        "A criterion weighted {VETO_WEIGHT} or more is a must: scoring {VETO_SCORE} or less on it rules the option out, whatever its total"
                                    ));
                            }
                        });
                    }
                    ui.end_row();
                }

                ui.label(RichText::new("Overall (0–100)").strong());
                ui.label("");
                for (index, result) in evaluation.options.iter().enumerate() {
                    ScoreBar::new(result.score, 100.0, option_color(ui.visuals(), index), bar_width)
                        .against(change(index, None))
                        .ui(ui);
                }
                ui.end_row();
            },
        );
        // Below the scores it qualifies: how far each trait can move before they change.
        ui.add_space(sizes(ui.ctx()).space_l);
        ui.separator();
        tornado_ui(ui, evaluation, sensitivity);
    });
}

/// The weight of criterion `c`, editable 0–5, with a reset when it overrides the default.
fn weight_ui(ui: &mut Ui, profile: &mut Profile, c: usize) {
    let criterion = &CRITERIA[c];
    let overridden = profile.weights.contains_key(&criterion.id);
    ui.horizontal(|ui| {
        let mut weight = crate::model::weight(profile, criterion.id);
        let response = ui
            .add(DragValue::new(&mut weight).range(0.0..=MAX_WEIGHT).speed(0.05).fixed_decimals(0))
            .accessible_name(format!("Weight of {}", criterion.label))
            .on_hover_text(format!("How much {} counts, 0–{MAX_WEIGHT}; drag or type", criterion.label.to_lowercase()));
        if response.changed() {
            profile.weights.insert(criterion.id, weight.round());
        }
        if reset_button(ui, &format!("weight of {}", criterion.label), overridden) {
            profile.weights.remove(&criterion.id);
        }
        if overridden {
            ui.label(RichText::new("●").color(attention_color(ui.visuals())))
                .on_hover_text("Set in this profile (the default is used otherwise)");
        }
    });
}
