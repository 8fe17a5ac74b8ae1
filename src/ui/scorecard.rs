//! The scorecard: every criterion as a row with a bar per option, its weight editable in
//! place, and the explanation of each score on hover. With a baseline pinned, each bar marks
//! the baseline's score and writes the change since.

use std::borrow::Cow;
use std::sync::LazyLock;

use egui::{DragValue, RichText, TextStyle, Ui};

use super::feasibility::feasibility_note_ui;
use super::sources::{claims_ui, trace_ui};
use super::theme::{attention_color, con_color, result_color, sizes};
use super::tornado::tornado_ui;
use super::widgets::{ScoreBar, reset_button, scroll_bar_room, text_width};
use crate::model::compare::Comparison;
use crate::model::criteria::MAX_WEIGHT;
use crate::model::sensitivity::Sensitivity;
use crate::model::{CRITERIA, CriterionId, Evaluation};
use crate::narrative;
use crate::profile::Profile;

/// Room the weight column takes: its number box, reset button and override mark.
const WEIGHT_COLUMN: f32 = 100.0;
/// Space between the grid's columns.
const COLUMN_GAP: f32 = 16.0;
/// Shortest a bar gets; four options in a small window come close.
const MIN_BAR: f32 = 24.0;
/// Shortest a bar gets with the change since the baseline beside its number; shorter, and
/// the change goes under the number instead.
const MIN_BAR_BESIDE_CHANGE: f32 = 60.0;

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
    // On a short screen the table gets the room: the hint moves to the table's header, the
    // weight's sentence keeps to one line (whole on hover).
    let short = super::verdict::is_short(ui);
    if !short {
        ui.label(RichText::new(hint).weak());
    }
    super::verdict::confidence_ui(ui, evaluation);
    if let Some(critical) = &sensitivity.critical_weight {
        let text = RichText::new(narrative::critical_weight_hint(critical)).color(attention_color(ui.visuals()));
        let label = egui::Label::new(text);
        ui.add(if short { label.truncate() } else { label.wrap() });
    }
    ui.add_space(4.0);
    // Bars share the width left by the other columns, so wide windows get longer bars.
    // Measured, not guessed: four options in a 1024-point window leave little to spare.
    let options = evaluation.options.len().max(1) as f32;
    let gap = ui.spacing().item_spacing.x;
    let criteria =
        evaluation.criteria.iter().map(|c| text_width(ui, c.spec().label, &TextStyle::Body)).fold(0.0, f32::max);
    let width = ui.available_width() - scroll_bar_room(ui);
    let room = (width - criteria - WEIGHT_COLUMN - 2.0 * COLUMN_GAP) / options - COLUMN_GAP;
    let number = text_width(ui, "100.0", &TextStyle::Monospace) + gap;
    let change_width = text_width(ui, "+100.0", &TextStyle::Small) + gap;
    let change_below = since.is_some() && room - number - change_width < MIN_BAR_BESIDE_CHANGE;
    let beside = if since.is_some() && !change_below { change_width } else { 0.0 };
    let bar_width = (room - number - beside).clamp(MIN_BAR, 420.0);
    let column = bar_width + number + beside;
    // The change of option `o`'s score on criterion `c` (or overall, for `None`), if the
    // baseline compares that option too.
    let change = |o: usize, c: Option<usize>| {
        let option = since?.option(evaluation.options[o].spec.id())?;
        match c {
            Some(c) => option.criteria.get(c).copied(),
            None => Some(option.score),
        }
    };
    // The table may be wider than the tab and scroll sideways; the tornado's words and bars
    // keep to the width on screen, so its sentence never needs a sideways scroll to read.
    let on_screen = ui.available_width() - scroll_bar_room(ui);
    egui::ScrollArea::both().auto_shrink([false, false]).show(ui, |ui| {
        egui::Grid::new("scorecard")
            .num_columns(2 + evaluation.options.len())
            .striped(true)
            .spacing([COLUMN_GAP, 6.0])
            .show(ui, |ui| {
                ui.label(RichText::new("Criterion").strong()).on_hover_text(hint);
                ui.label(RichText::new("Weight").strong());
                for result in &evaluation.options {
                    // Wrapped to its column, so that a long name does not widen it past the window.
                    let header = RichText::new(result.spec.label).strong().color(result_color(ui.visuals(), result));
                    ui.vertical(|ui| {
                        ui.set_max_width(column);
                        ui.add(egui::Label::new(header).wrap());
                        feasibility_note_ui(ui, evaluation, result);
                    });
                }
                ui.end_row();

                for (c, &id) in evaluation.criteria.iter().enumerate() {
                    let criterion = id.spec();
                    ui.label(criterion.label).on_hover_ui(|ui| {
                        ui.label(RichText::new(criterion.question).strong());
                        ui.label(criterion.reading(&evaluation.values).as_ref());
                        claims_ui(ui, criterion.sources);
                    });
                    weight_ui(ui, profile, id);
                    for (index, result) in evaluation.options.iter().enumerate() {
                        let score = &result.criteria[c];
                        let vetoed = evaluation
                            .verdict
                            .ruled_out
                            .iter()
                            .any(|veto| veto.option == result.spec.id() && veto.criterion == id);
                        let bar = |ui: &mut Ui| {
                            ScoreBar::new(score.score, 10.0, result_color(ui.visuals(), result), bar_width)
                                .against(change(index, Some(c)))
                                .change_below(change_below)
                                .ui(ui)
                                .on_hover_ui(|ui| trace_ui(ui, profile, evaluation, index, score));
                        };
                        if vetoed {
                            // Under the bar, not beside it: four columns leave no room beside.
                            ui.vertical(|ui| {
                                bar(ui);
                                ui.label(RichText::new("rules it out").small().color(con_color(ui.visuals())))
                                    .on_hover_text(narrative::veto_rule());
                            });
                        } else {
                            // The bar lays out its own row: no second one around it.
                            bar(ui);
                        }
                    }
                    ui.end_row();
                }

                discount_row_ui(ui, evaluation);
                ui.label(RichText::new("Overall (0–100)").strong())
                    .on_hover_text("The weighted mean of the criteria above, less what a must's discount takes off");
                ui.label("");
                for (index, result) in evaluation.options.iter().enumerate() {
                    ScoreBar::new(result.score, 100.0, result_color(ui.visuals(), result), bar_width)
                        .against(change(index, None))
                        .change_below(change_below)
                        .ui(ui)
                        .on_hover_text(narrative::overall::overall_sum(result));
                }
                ui.end_row();
            });
        // Below the scores it qualifies: how far each trait can move before they change.
        ui.add_space(sizes(ui.ctx()).space_l);
        ui.separator();
        ui.scope(|ui| {
            ui.set_max_width(on_screen);
            tornado_ui(ui, evaluation, sensitivity, profile.currency());
        });
    });
}

/// The row between the criteria and the overall score when a must discounts some option:
/// the points it takes off each option (blank where none), with the reason on hover, so that
/// the weighted mean of the bars less this row is the overall score.
fn discount_row_ui(ui: &mut Ui, evaluation: &Evaluation) {
    let Some(label) = narrative::overall::discount_label(evaluation) else { return };
    // One word in the criteria's column, which the long label would widen past the window at
    // 1280×720; the musts it names are on hover.
    ui.label(RichText::new("Discount").strong()).on_hover_text(format!("{label}. {}", narrative::veto_rule()));
    ui.label("");
    for result in &evaluation.options {
        match narrative::overall::discount_points(result) {
            Some(points) => {
                let reasons = narrative::overall::discount_reasons(result).join(" ");
                // At the start of the option's column, where a narrow window still shows it (the
                // bars' numbers may lie past a window the table scrolls sideways in).
                ui.label(RichText::new(points).monospace().color(con_color(ui.visuals()))).on_hover_text(reasons);
            }
            None => {
                ui.label("");
            }
        }
    }
    ui.end_row();
}

/// The words around a criterion's weight: its accessible name, its hover text and what its
/// reset button resets. They depend on the criterion's row alone, so the registry's are
/// written once, not on every frame.
#[derive(Clone)]
struct WeightWords {
    name: String,
    hover: String,
    reset: String,
}

impl WeightWords {
    fn of(criterion: CriterionId) -> Self {
        let label = criterion.spec().label;
        Self {
            name: format!("Weight of {label}"),
            hover: format!("How much {} counts, 0–{MAX_WEIGHT}; drag or type", label.to_lowercase()),
            reset: format!("weight of {label}"),
        }
    }
}

/// The words of a registered criterion, written once; those of another, on each call.
fn weight_words(criterion: CriterionId) -> Cow<'static, WeightWords> {
    static WORDS: LazyLock<Vec<WeightWords>> =
        LazyLock::new(|| CRITERIA.iter().map(|spec| WeightWords::of(spec.id())).collect());
    match CRITERIA.iter().position(|spec| spec.id() == criterion) {
        Some(c) => Cow::Borrowed(&WORDS[c]),
        None => Cow::Owned(WeightWords::of(criterion)),
    }
}

/// A criterion's weight, editable 0–5, with a reset when it overrides the default.
fn weight_ui(ui: &mut Ui, profile: &mut Profile, criterion: CriterionId) {
    let words = weight_words(criterion);
    let overridden = profile.weights.contains_key(criterion.key());
    ui.horizontal(|ui| {
        let mut weight = crate::model::weight(profile, criterion);
        let response = ui
            .add(DragValue::new(&mut weight).range(0.0..=MAX_WEIGHT).speed(0.05).fixed_decimals(0))
            .accessible_name(words.name.as_str())
            .on_hover_text(words.hover.as_str());
        if response.changed() {
            profile.weights.insert(criterion.key(), weight.round());
        }
        if reset_button(ui, &words.reset, overridden) {
            profile.weights.remove(criterion.key());
        }
        if overridden {
            ui.label(RichText::new("●").color(attention_color(ui.visuals())))
                .on_hover_text("Set in this profile (the default is used otherwise)");
        }
    });
}
