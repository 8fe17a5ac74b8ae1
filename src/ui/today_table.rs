//! Today's figures for every resource: a table with a row per resource and a column per
//! option, each figure written in full with a bar under it scaled to the row's largest
//! figure. Every figure and every row name has a cell of its own, sized to its text, so none
//! can overlap another, be cut off or vanish; the resources tab puts the table under the chart
//! when the window is too narrow for its width. A pinned baseline's figure is a tick across
//! the bar, at the same scale.

use egui::{Align, Layout, RichText, Shape, TextStyle, Ui, Vec2, vec2};

use super::theme::{option_color, sizes};
use super::widgets::{bar_shapes, text_width};
use crate::model::{Evaluation, ResourceId};
use crate::narrative::resource_value;
use crate::profile::Profile;

/// Space between columns.
const COLUMN_GAP: f32 = 14.0;
/// Narrowest a bar under a figure gets.
const MIN_BAR: f32 = 48.0;

/// The width the table needs: its widest row name and, per option, its widest figure.
pub fn today_width(ui: &Ui, evaluation: &Evaluation, profile: &Profile) -> f32 {
    let (names, columns) = column_widths(ui, evaluation, profile);
    names + columns.iter().map(|width| width + COLUMN_GAP).sum::<f32>()
}

/// Widths of the row-name column and of each option's column.
fn column_widths(ui: &Ui, evaluation: &Evaluation, profile: &Profile) -> (f32, Vec<f32>) {
    let names = ResourceId::ALL.iter().map(|r| text_width(ui, r.label(), &TextStyle::Body)).fold(0.0, f32::max);
    let columns = evaluation
        .options
        .iter()
        .map(|result| {
            let figures = ResourceId::ALL
                .iter()
                .map(|r| text_width(ui, &resource_value(profile, *r, result.resources.get(*r)), &TextStyle::Monospace))
                .fold(0.0, f32::max);
            figures.max(text_width(ui, result.spec.label, &TextStyle::Body)).max(MIN_BAR)
        })
        .collect();
    (names, columns)
}

/// The table. With a baseline, each bar is scaled to the largest figure of both and carries
/// a tick at the baseline's.
pub fn today_ui(ui: &mut Ui, evaluation: &Evaluation, profile: &Profile, baseline: Option<&Evaluation>) {
    ui.label(RichText::new("Today").heading());
    let note = if baseline.is_some() {
        "Bars: share of the largest figure, baseline included; ticks: the baseline"
    } else {
        "Bars: share of the larger option"
    };
    ui.label(RichText::new(note).small().weak());
    let (names, columns) = column_widths(ui, evaluation, profile);
    // Wider windows give the bars the room left over; row names wrap when it is short.
    let spare = (ui.available_width() - names - columns.iter().map(|w| w + COLUMN_GAP).sum::<f32>()).max(0.0);
    let extra = (spare / columns.len().max(1) as f32).min(120.0);
    let largest = |resource: ResourceId| {
        evaluation
            .options
            .iter()
            .chain(baseline.iter().flat_map(|base| &base.options))
            .map(|o| o.resources.get(resource))
            .fold(0.0, f64::max)
    };
    #[expect(clippy::cast_possible_truncation, reason = "a 0–1 share of a bar")]
    let share = |resource: ResourceId, value: f64| {
        let largest = largest(resource);
        if largest > 0.0 { (value / largest) as f32 } else { 0.0 }
    };
    let bar_height = (sizes(ui.ctx()).bar_height * 0.35).max(4.0);
    egui::Grid::new("today").num_columns(1 + columns.len()).spacing([COLUMN_GAP, 4.0]).show(ui, |ui| {
        ui.label("");
        for (index, result) in evaluation.options.iter().enumerate() {
            ui.label(RichText::new(result.spec.label).strong().color(option_color(ui.visuals(), index)));
        }
        ui.end_row();
        for resource in ResourceId::ALL {
            ui.label(resource.label());
            for (index, result) in evaluation.options.iter().enumerate() {
                let value = result.resources.get(resource);
                let text = resource_value(profile, resource, value);
                let before = baseline.and_then(|base| base.option(result.spec.id())).map(|o| o.resources.get(resource));
                let cell = Cell {
                    width: columns[index] + extra,
                    text: &text,
                    share: share(resource, value),
                    tick: before.map(|v| share(resource, v)),
                    color: option_color(ui.visuals(), index),
                    bar_height,
                };
                let hover = match before {
                    Some(before) => {
                        format!("{text} (baseline {})", resource_value(profile, resource, before))
                    }
                    None => text.clone(),
                };
                cell_ui(ui, &cell).on_hover_text(format!("{} — {}: {hover}", result.spec.label, resource.label()));
            }
            ui.end_row();
        }
    });
}

/// One figure and its bar.
struct Cell<'a> {
    width: f32,
    text: &'a str,
    share: f32,
    tick: Option<f32>,
    color: egui::Color32,
    bar_height: f32,
}

/// The figure, right-aligned so that digits line up, above a bar across the cell.
fn cell_ui(ui: &mut Ui, cell: &Cell<'_>) -> egui::Response {
    ui.allocate_ui_with_layout(Vec2::new(cell.width, 0.0), Layout::top_down(Align::Max), |ui| {
        ui.set_width(cell.width);
        ui.spacing_mut().item_spacing.y = 2.0;
        ui.label(RichText::new(cell.text).monospace());
        let (rect, _) = ui.allocate_exact_size(vec2(cell.width, cell.bar_height), egui::Sense::hover());
        ui.painter().add(Shape::Vec(bar_shapes(ui.visuals(), rect, cell.share, cell.color, cell.tick)));
    })
    .response
}
