//! The verdict banner: who wins and by how much in one line, then one sentence that adds
//! what the line does not say (what decides it, and the strongest case for the other side),
//! and the overall scores; with a baseline pinned, also what moved since the baseline.

use egui::{RichText, TextStyle, Ui};

use super::feasibility::feasibility_note_ui;
use super::theme::{attention_color, banner_style, con_color, option_color_by_id, result_color, sizes};
use super::widgets::{ScoreBar, text_width};
use super::words::with_labels;
use crate::model::compare::Comparison;
use crate::model::format::score;
use crate::model::plan::Plan;
use crate::model::{Evaluation, Profile, Warning};
use crate::narrative;

/// Length of the overall score bars.
const SCORE_BAR: f32 = 200.0;

/// Window heights (points) under which the banner shows only the headline and the scores.
const COMPACT_BELOW: f32 = 560.0;

/// The banner across the top of the window: the verdict beside the overall scores, or above
/// them when the window (or a large UI scale) leaves too little width. `since` is the
/// comparison with the pinned baseline, if any.
pub fn verdict_ui(ui: &mut Ui, evaluation: &Evaluation, since: Option<&Comparison>) {
    let verdict = &evaluation.verdict;
    // On a short screen (a projector at 150 % zoom is 480 points high) the banner keeps only
    // the headline and one wrapped line of scores, so the tabs below keep room to show
    // something: four rows of bars took the whole height at 1024×640 and 150 %.
    if is_short(ui) {
        headline_ui(ui, evaluation);
        compact_scores_ui(ui, evaluation);
        return;
    }
    // Room for the option names (measured: "Containers on VMs" is long), the score bars, the
    // change since the baseline, and "ruled out".
    let names = evaluation.options.iter().map(|o| text_width(ui, o.spec.label, &TextStyle::Body)).fold(0.0, f32::max);
    let mut scores_width = names + SCORE_BAR + 95.0;
    if !verdict.ruled_out.is_empty() || evaluation.options.iter().any(|o| !o.feasibility.is_offered()) {
        scores_width += 90.0;
    }
    if since.is_some() {
        scores_width += 60.0;
    }
    if ui.available_width() >= scores_width + 420.0 {
        ui.horizontal(|ui| {
            ui.vertical(|ui| {
                ui.set_width(ui.available_width() - scores_width);
                verdict_text_ui(ui, evaluation, since);
            });
            ui.vertical(|ui| overall_scores_ui(ui, evaluation, since));
        });
    } else {
        verdict_text_ui(ui, evaluation, since);
        overall_scores_ui(ui, evaluation, since);
    }
}

/// Whether the screen is too short for more than the headline and a line under it.
pub fn is_short(ui: &Ui) -> bool {
    ui.ctx().content_rect().height() < COMPACT_BELOW
}

/// An estate's verdict, which its banner on the Plan tab and its first slide lead with: the
/// plan's headline (in its option's colour when every component goes on one), how sure its
/// placements are (one line, the sentence on hover, so nothing below moves when the shares
/// arrive), and what goes where at what cost. `compact` leaves the last out, for short
/// screens.
pub fn plan_verdict_ui(ui: &mut Ui, profile: &Profile, plan: &Plan, compact: bool) {
    let color = match plan.platforms.as_slice() {
        [one] => option_color_by_id(ui.visuals(), one.option),
        _ => ui.visuals().strong_text_color(),
    };
    let headline = narrative::plan::headline(plan);
    ui.add(egui::Label::new(RichText::new(headline).text_style(banner_style()).color(color).strong()).wrap());
    let body = sizes(ui.ctx()).body;
    let confidence = match narrative::plan::confidence(profile, plan) {
        Some(text) => RichText::new(text),
        None => RichText::new(narrative::CONFIDENCE_PENDING).weak(),
    };
    ui.add(egui::Label::new(confidence.size(body)).truncate());
    if !compact {
        ui.add(egui::Label::new(RichText::new(narrative::plan::summary(profile, plan)).size(body + 1.0)).wrap());
    }
}

/// The verdict's headline in the winner's colour, or the attention colour when too close to
/// call — the banner and the presenter's slide both lead with it.
pub fn headline_ui(ui: &mut Ui, evaluation: &Evaluation) {
    let verdict = &evaluation.verdict;
    let color = if verdict.close_call && verdict.confidence.is_some() {
        attention_color(ui.visuals())
    } else {
        option_color_by_id(ui.visuals(), verdict.leader)
    };
    ui.label(RichText::new(narrative::headline(evaluation)).text_style(banner_style()).color(color).strong());
}

/// How sure the verdict is: each option's share of plausible worlds. Dimmed while a newer
/// one is drawn; a placeholder before the first. Nothing with a single option.
pub fn confidence_ui(ui: &mut Ui, evaluation: &Evaluation) {
    let verdict = &evaluation.verdict;
    if verdict.runner_up.is_none() {
        return;
    }
    let text = match narrative::confidence(evaluation) {
        Some(text) if !verdict.confidence_stale => RichText::new(text),
        Some(text) => RichText::new(text).weak(),
        None => RichText::new(narrative::CONFIDENCE_PENDING).weak(),
    };
    // One line, the whole sentence on hover: the banner keeps its height when the shares
    // arrive or change, so nothing below jumps under the pointer.
    ui.add(egui::Label::new(text.size(sizes(ui.ctx()).body)).truncate());
}

fn verdict_text_ui(ui: &mut Ui, evaluation: &Evaluation, since: Option<&Comparison>) {
    headline_ui(ui, evaluation);
    confidence_ui(ui, evaluation);
    steady_ui(ui, |ui| {
        ui.label(RichText::new(narrative::explanation(evaluation)).size(sizes(ui.ctx()).body + 1.0));
    });
    if let Some(comparison) = since {
        // One line, the whole of it on hover: a pinned baseline never grows the banner.
        let summary = RichText::new(narrative::comparison_summary(comparison)).italics();
        ui.add(egui::Label::new(summary).truncate());
    }
    warnings_ui(ui, &evaluation.warnings);
}

/// Draws `content` no shorter than it was at any time during the drag under way: a sentence
/// that re-wraps to fewer lines while a slider moves would pull everything below it up under
/// the pointer. Free to shrink again once the pointer is released.
fn steady_ui(ui: &mut Ui, content: impl FnOnce(&mut Ui)) {
    let id = ui.scope_id().with("steady_height");
    let dragging = ui.input(|input| input.pointer.any_down());
    let held = if dragging { ui.data(|data| data.get_temp::<f32>(id)).unwrap_or(0.0) } else { 0.0 };
    let height = ui
        .scope(|ui| {
            ui.set_min_height(held);
            content(ui);
        })
        .response
        .rect
        .height();
    ui.data_mut(|data| data.insert_temp(id, height.max(held)));
}

fn overall_scores_ui(ui: &mut Ui, evaluation: &Evaluation, since: Option<&Comparison>) {
    let ruled_out = |result: &crate::model::OptionResult| evaluation.verdict.veto_of(result.spec.id()).is_some();
    ui.label(RichText::new("Overall score (0–100)").small().weak());
    egui::Grid::new("overall_scores").num_columns(2).show(ui, |ui| {
        for result in &evaluation.options {
            let color = result_color(ui.visuals(), result);
            ui.label(RichText::new(result.spec.label).color(color).strong());
            ui.horizontal(|ui| {
                let change = since.and_then(|c| c.option(result.spec.id())).map(|o| o.score);
                ScoreBar::new(result.score, 100.0, color, SCORE_BAR).against(change).ui(ui);
                if !result.feasibility.is_offered() {
                    feasibility_note_ui(ui, evaluation, result);
                } else if ruled_out(result) {
                    ui.label(RichText::new("ruled out").color(con_color(ui.visuals())));
                }
            });
            ui.end_row();
        }
    });
}

/// The overall scores as one line of names and figures, wrapped where the banner is narrow.
fn compact_scores_ui(ui: &mut Ui, evaluation: &Evaluation) {
    ui.horizontal_wrapped(|ui| {
        for result in &evaluation.options {
            let color = result_color(ui.visuals(), result);
            let mut text = format!("{} {}", result.spec.label, score(result.score));
            if !result.feasibility.is_offered() {
                text.push_str(" (not offered)");
            } else if evaluation.verdict.veto_of(result.spec.id()).is_some() {
                text.push_str(" (ruled out)");
            }
            // Each name with its figure on one line: the row wraps between options, not inside one.
            ui.add(egui::Label::new(RichText::new(text).color(color).strong()).extend());
            ui.add_space(sizes(ui.ctx()).space_l);
        }
    });
}

/// Warnings, folded away: present for who needs them, quiet for the room.
fn warnings_ui(ui: &mut Ui, warnings: &[Warning]) {
    if warnings.is_empty() {
        return;
    }
    let title = match warnings.len() {
        1 => "1 warning".to_owned(),
        n => format!("{n} warnings"),
    };
    egui::CollapsingHeader::new(RichText::new(title).small().color(attention_color(ui.visuals())))
        .id_salt("verdict_warnings")
        .default_open(false)
        .show(ui, |ui| {
            for warning in warnings {
                ui.label(RichText::new(with_labels(&narrative::warning(warning))).small());
            }
        });
}
