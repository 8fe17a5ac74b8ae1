//! How a score explains itself: source ids with their claims, and the trace of terms that
//! add up to a criterion score. Shared by the scorecard and the pros & cons.

use std::sync::Arc;

use egui::{Galley, Rect, RichText, Sense, TextStyle, Ui, WidgetInfo, pos2, vec2};

use crate::builtin::Described as _;
use crate::model::format::{number, signed};
use crate::model::rules::{Input, Term};
use crate::model::{CriterionScore, Evaluation, facts};
use crate::narrative::{self, resource_value};
use crate::profile::Profile;

/// Source ids as small chips; hovering one shows its claim and the article it comes from.
///
/// The row is one widget, however many chips it holds: the chips are placed here the way a
/// wrapping row of labels places them (left to right, a chip that does not fit starts the
/// next row, each row at least as high as an interactive widget, each chip centred in its
/// row), and the hover finds the chip under the pointer. A label per chip cost the pros &
/// cons tab a third of its frame.
pub fn source_chips_ui(ui: &mut Ui, ids: &[&'static str]) {
    const GAP: f32 = 4.0;
    let font = TextStyle::Monospace.resolve(ui.style());
    let color = ui.visuals().weak_text_color();
    let width = ui.available_width();
    let (min_row, row_gap) = (ui.spacing().interact_size.y, ui.spacing().item_spacing.y);
    // Each chip's text and left edge, row by row.
    let mut rows: Vec<Vec<(&'static str, Arc<Galley>, f32)>> = Vec::new();
    let mut row = Vec::new();
    let mut x = 0.0;
    for &id in ids {
        let galley = ui.painter().layout(id.to_owned(), font.clone(), color, width);
        if x > 0.0 && x + galley.size().x > width {
            rows.push(std::mem::take(&mut row));
            x = 0.0;
        }
        let next = x + galley.size().x + GAP;
        row.push((id, galley, x));
        x = next;
    }
    rows.push(row);
    let height = |row: &[(&str, Arc<Galley>, f32)]| row.iter().map(|(_, g, _)| g.size().y).fold(min_row, f32::max);
    let used = vec2(
        rows.iter().flatten().map(|(_, galley, x)| x + galley.size().x).fold(0.0, f32::max),
        rows.iter().map(|row| height(row)).sum::<f32>() + row_gap * (rows.len() - 1) as f32,
    );
    let (rect, response) = ui.allocate_exact_size(used, Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, true, ids.join(" ")));
    let pointer = response.hover_pos();
    let mut hovered = None;
    let mut top = rect.top();
    for row in rows {
        let row_height = height(&row);
        for (id, galley, x) in row {
            let chip =
                Rect::from_min_size(pos2(rect.left() + x, top + (row_height - galley.size().y) / 2.0), galley.size());
            if pointer.is_some_and(|pos| chip.contains(pos)) {
                hovered = Some(id);
            }
            ui.painter().galley(chip.min, galley, color);
        }
        top += row_height + row_gap;
    }
    if let Some(id) = hovered {
        response.on_hover_ui(|ui| claim_ui(ui, id));
    }
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
        Input::Trait(id) => format!("{} = {}", id.meta().label, id.meta().format_in(term.value, profile.currency())),
        Input::Resource(id) => format!("{} = {}", id.label(), resource_value(profile, id, term.value)),
        Input::Assumption(id) => {
            let spec = id.spec();
            format!("{} = {} {}", spec.label, number(term.value), spec.unit_of(term.value))
        }
        Input::Endpoints => format!("{} network endpoints", number(term.value)),
    }
}
