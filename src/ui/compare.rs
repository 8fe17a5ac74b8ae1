//! The compare tab: the open scenario (A) beside another profile (B). Every setting that
//! differs, both verdicts side by side, and per option the overall score and each resource
//! in A, in B, and the change (B − A). A is the open scenario and stays live — moving a
//! slider moves A's column — so a scenario can be tuned against a fixed B; a pinned baseline
//! has its own place (the bars, banner and charts), and B is whatever was chosen here.
//! Figures are written as `podvisor compare` writes them, so the screen and report agree.

use egui::{RichText, TextStyle, Ui};

use super::culling::culled;
use super::menu::examples_menu_ui;
use super::theme::{attention_color, change_color, option_color_by_id, sizes};
use super::widgets::text_width;
use super::words::setting_label;
use crate::command::Command;
use crate::command::PathPurpose;
use crate::model::compare::{Comparison, Delta, OptionDelta};
use crate::model::format::{Score, number_direction, score_change, score_direction, shown_change, signed};
use crate::model::{Evaluation, ResourceId};
use crate::narrative::{self, compared_change, compared_header, compared_values};
use crate::profile::Profile;

/// One side of the comparison.
#[derive(Clone, Copy, Debug)]
pub struct Side<'a> {
    pub profile: &'a Profile,
    pub evaluation: &'a Evaluation,
    /// Where it comes from: "the open scenario", a file, an example.
    pub origin: &'a str,
}

/// What the compare tab shows.
#[derive(Clone, Copy, Debug)]
pub struct CompareView<'a> {
    pub a: Side<'a>,
    /// B and the comparison (A = the open scenario), once a B is chosen.
    pub b: Option<(Side<'a>, &'a Comparison)>,
    /// The bundled examples' names, to choose B from.
    pub examples: &'a [&'a str],
}

/// The compare tab. Choosing, swapping and dropping B are commands.
pub fn compare_ui(ui: &mut Ui, view: &CompareView<'_>, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if ui.button("Compare with file…").on_hover_text("Choose a profile as B").clicked() {
            commands.push(Command::Choose(PathPurpose::CompareWith));
        }
        ui.menu_button("Compare with example", |ui| {
            examples_menu_ui(ui, view.examples, Command::CompareWithExample, commands);
        });
        // Each on the row itself, not in a column of their own: a narrow window moves a
        // button to the next line whole rather than breaking its words ("Stop comp aring").
        let comparing = view.b.is_some();
        let swap = ui.add_enabled(comparing, egui::Button::new("Swap A and B"));
        if swap.on_hover_text("Open B as the scenario to edit; A becomes B").clicked() {
            commands.push(Command::SwapCompared);
        }
        if ui.add_enabled(comparing, egui::Button::new("Stop comparing")).clicked() {
            commands.push(Command::StopComparing);
        }
    });
    ui.separator();
    let Some((b, comparison)) = view.b else {
        ui.label(
            RichText::new(
                "Compare the open scenario (A) with another profile (B): choose one above. \
                 A follows your edits; B stays as it was read.",
            )
            .weak(),
        );
        return;
    };
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        verdicts_ui(ui, view.a, b, comparison);
        ui.add_space(sizes(ui.ctx()).space_l);
        figures_ui(ui, view.a, b, comparison);
        ui.add_space(sizes(ui.ctx()).space_l);
        differences_ui(ui, comparison);
    });
}

fn verdicts_ui(ui: &mut Ui, a: Side<'_>, b: Side<'_>, comparison: &Comparison) {
    ui.columns(2, |columns| {
        for ((letter, side), column) in [("A", a), ("B", b)].into_iter().zip(columns) {
            // Columns justify their contents; text reads better ragged.
            column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| side_ui(ui, letter, side));
        }
    });
    // Always said, and in what it changes: a lead changing hands or firming up stands out; a
    // margin that moved is only read.
    let text = RichText::new(narrative::verdict_change(comparison)).strong();
    ui.label(if comparison.verdict_changed { text.color(attention_color(ui.visuals())) } else { text });
}

/// One side's name, origin and verdict.
fn side_ui(ui: &mut Ui, letter: &str, side: Side<'_>) {
    let verdict = &side.evaluation.verdict;
    ui.label(RichText::new(format!("{letter} · {}", side.profile.name)).heading().strong());
    ui.label(RichText::new(side.origin).small().weak());
    let color = if verdict.close_call {
        attention_color(ui.visuals())
    } else {
        option_color_by_id(ui.visuals(), verdict.leader)
    };
    ui.label(RichText::new(narrative::headline(side.evaluation)).heading().color(color));
    ui.label(narrative::summary(side.evaluation));
}

/// A change, coloured by whether it is an improvement: `rise` is `Some(true)` for a rise,
/// `None` for a change that prints as zero (left blank); `higher_is_better` says which way
/// is better.
fn change_ui(ui: &mut Ui, text: &str, rise: Option<bool>, higher_is_better: bool) {
    // A figure that did not move (as shown) carries no change, so the rows that did stand out.
    let Some(rise) = rise else {
        ui.label("");
        return;
    };
    ui.label(RichText::new(text).monospace().color(change_color(ui.visuals(), Some(rise == higher_is_better))));
}

/// Per option: the overall score and every resource in A, in B, and the change, under what
/// each side's costs rest on.
fn figures_ui(ui: &mut Ui, a: Side<'_>, b: Side<'_>, comparison: &Comparison) {
    let units = b.profile;
    ui.label(RichText::new("Scores and resources").heading());
    costs_ui(ui, a, b);
    if let Some(note) = narrative::currencies_note(comparison) {
        ui.label(RichText::new(note).color(attention_color(ui.visuals())));
    }
    // As many options side by side as the width holds (three columns each: A, B and the
    // change); the rest follow in a table of their own below, with the row names again.
    let names = ResourceId::ALL
        .iter()
        .map(|resource| text_width(ui, &compared_header(comparison, units, *resource), &TextStyle::Body))
        .fold(text_width(ui, "Overall (0–100)", &TextStyle::Body), f32::max);
    let figure = text_width(ui, "-12345.67", &TextStyle::Monospace);
    let per_option = 3.0 * (figure + FIGURE_GAP);
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small, non-negative count")]
    let fit = ((ui.available_width() - names - FIGURE_GAP) / per_option).floor().max(1.0) as usize;
    // Tables out of view are not laid out; their rows are one line each, as many as the
    // resources, so the options they hold and the units in their names are their key.
    for (chunk, options) in comparison.options.chunks(fit).enumerate() {
        let options_shown = options.iter().map(|option| option.option).collect::<Vec<_>>();
        let key = (options_shown, &comparison.currency_a, &comparison.currency_b);
        culled(ui, ("figures", chunk), key, |ui| figures_grid_ui(ui, units, comparison, options, chunk));
    }
}

/// What each side's costs rest on: its host type and the date of its price ("price edited",
/// with the catalog's price and date on hover), or its own hardware's monthly cost.
fn costs_ui(ui: &mut Ui, a: Side<'_>, b: Side<'_>) {
    for (letter, side) in [("A", a), ("B", b)] {
        let basis = narrative::cost_basis(side.profile, side.evaluation);
        let response = ui.label(RichText::new(format!("Costs of {letter}: {basis}")).weak());
        let site = &side.evaluation.site;
        if let Some(host) = site.host.filter(|_| site.edited_price_per_hour.is_some()) {
            response.on_hover_text(format!("Replaces the {}", narrative::catalog_price(host)));
        }
    }
}

/// Space between the columns of the figures table.
const FIGURE_GAP: f32 = 18.0;

/// One table of figures for `options`; `chunk` numbers the tables.
fn figures_grid_ui(ui: &mut Ui, units: &Profile, comparison: &Comparison, options: &[OptionDelta], chunk: usize) {
    let columns = 1 + 3 * options.len();
    egui::Grid::new(("compare_figures", chunk)).num_columns(columns).striped(true).spacing([FIGURE_GAP, 4.0]).show(
        ui,
        |ui| {
            ui.label("");
            for option in options {
                let label = option.option.spec().label;
                ui.label(RichText::new(label).strong().color(option_color_by_id(ui.visuals(), option.option)));
                ui.label("");
                ui.label("");
            }
            ui.end_row();
            ui.label(RichText::new("Figure").strong());
            for _ in options {
                for header in ["A", "B", "Δ"] {
                    ui.label(RichText::new(header).strong());
                }
            }
            ui.end_row();

            ui.label(RichText::new("Overall (0–100)").strong());
            for option in options {
                let Delta { a, b } = option.score;
                ui.label(RichText::new(Score(a).to_string()).monospace());
                ui.label(RichText::new(Score(b).to_string()).monospace());
                change_ui(ui, &score_change(a, b), score_direction(shown_change(a, b)), true);
            }
            ui.end_row();
            for (r, resource) in ResourceId::ALL.iter().enumerate() {
                ui.label(compared_header(comparison, units, *resource));
                for option in options {
                    let Some(delta) = option.resources.get(r) else { continue };
                    let (a, b) = compared_values(comparison, *resource, delta);
                    ui.label(RichText::new(a).monospace());
                    ui.label(RichText::new(b).monospace());
                    if let Some(change) = delta.change {
                        change_ui(ui, &signed(change), number_direction(change), !resource.lower_is_better());
                    } else {
                        let text = RichText::new(compared_change(delta)).monospace().weak();
                        ui.label(text).on_hover_text("Not subtracted: A and B count money in different currencies");
                    }
                }
                ui.end_row();
            }
        },
    );
}

/// Every setting that differs, by its label; the hover gives the key the profile file uses.
fn differences_ui(ui: &mut Ui, comparison: &Comparison) {
    let count = comparison.differences.len();
    ui.label(RichText::new(format!("Settings that differ ({count})")).heading());
    if count == 0 {
        ui.label(RichText::new("None: A and B have the same settings").weak());
        return;
    }
    // Long values (notes) wrap rather than push B off the window. Out of view the table is
    // not laid out; its size follows its words, so they are its key.
    let widest = (ui.available_width() / 3.0).max(120.0);
    let key: Vec<[&str; 3]> = comparison.differences.iter().map(|d| [d.field.as_str(), &d.a, &d.b]).collect();
    culled(ui, "settings", key, |ui| {
        let grid = egui::Grid::new("compare_settings").num_columns(3).striped(true).spacing([18.0, 4.0]);
        grid.max_col_width(widest).show(ui, |ui| {
            for header in ["Setting", "A", "B"] {
                ui.label(RichText::new(header).strong());
            }
            ui.end_row();
            for difference in &comparison.differences {
                ui.label(setting_label(&difference.field)).on_hover_text(&difference.field);
                ui.label(&difference.a);
                ui.label(&difference.b);
                ui.end_row();
            }
        });
    });
}
