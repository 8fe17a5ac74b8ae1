//! Today's figures for every resource: a table with a row per resource and a column per
//! option, each figure written in full with a bar under it scaled to the row's largest
//! figure. Every figure and every row name has a cell of its own, sized to its text, so none
//! can overlap another, be cut off or vanish; the resources tab puts the table under the chart
//! when the window is too narrow for its width, and starts a second table, row names again, for
//! the options that still do not fit beside them. A pinned baseline's figure is a tick across
//! the bar, at the same scale.

use std::ops::Range;
use std::sync::Arc;

use egui::emath::GuiRounding as _;
use egui::{Galley, Rect, RichText, Shape, TextStyle, Ui, pos2, vec2};

use super::theme::{option_color_by_id, sizes};
use super::widgets::{bar_shapes, on_hover_text_with, scroll_bar_room, text_width};
use crate::model::{Evaluation, ResourceId};
use crate::narrative::{cost_breakdown, resource_value};
use crate::profile::Profile;

/// Space between columns.
const COLUMN_GAP: f32 = 14.0;
/// Narrowest a bar under a figure gets.
const MIN_BAR: f32 = 48.0;

/// Today's figures laid out as text, with the widths of the columns they need: made once
/// per frame, both to decide where the table goes and to draw it.
pub struct TodayTable<'a> {
    evaluation: &'a Evaluation,
    profile: &'a Profile,
    /// Each option's figure for each resource, as written: `figures[resource][option]`.
    figures: Vec<Vec<Arc<Galley>>>,
    /// Width of the row-name column.
    names: f32,
    /// Width of each option's column.
    columns: Vec<f32>,
}

impl<'a> TodayTable<'a> {
    pub fn new(ui: &Ui, evaluation: &'a Evaluation, profile: &'a Profile) -> Self {
        let font = TextStyle::Monospace.resolve(ui.style());
        let color = ui.visuals().text_color();
        let figures: Vec<Vec<Arc<Galley>>> = ResourceId::ALL
            .iter()
            .map(|&resource| {
                evaluation
                    .options
                    .iter()
                    .map(|result| {
                        let text = resource_value(profile, resource, result.resources.get(resource));
                        ui.painter().layout_no_wrap(text, font.clone(), color)
                    })
                    .collect()
            })
            .collect();
        let names = ResourceId::ALL.iter().map(|r| text_width(ui, r.label(), &TextStyle::Body)).fold(0.0, f32::max);
        let columns = evaluation
            .options
            .iter()
            .enumerate()
            .map(|(index, result)| {
                let widest = figures.iter().map(|row| row[index].size().x).fold(0.0, f32::max);
                widest.max(text_width(ui, result.spec.label, &TextStyle::Body)).max(MIN_BAR)
            })
            .collect();
        Self { evaluation, profile, figures, names, columns }
    }

    /// The width the table needs: its widest row name and, per option, its widest figure.
    pub fn width(&self) -> f32 {
        self.names + self.columns.iter().map(|width| width + COLUMN_GAP).sum::<f32>()
    }
}

/// The table. With a baseline, each bar is scaled to the largest figure of both and carries
/// a tick at the baseline's.
pub fn today_ui(ui: &mut Ui, table: &TodayTable<'_>, baseline: Option<&Evaluation>) {
    let TodayTable { evaluation, profile, figures, columns, .. } = table;
    ui.label(RichText::new("Today").heading());
    let note = if baseline.is_some() {
        "Bars: share of the largest figure, baseline included; ticks: the baseline"
    } else {
        "Bars: share of the larger option"
    };
    ui.label(RichText::new(note).small().weak());
    // Beside the chart the table is given exactly its width, the scroll bar's room outside it.
    let available = ui.available_width() - scroll_bar_room(ui);
    let room = if table.width() <= ui.available_width() + 0.5 { f32::INFINITY } else { available };
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
    // Too narrow for every option's column (four options in a small zoomed window): the
    // options that do not fit start a table of their own below, with the row names again.
    for shown in column_runs(table.names, columns, room) {
        // Wider windows give the bars the room left over.
        let used = table.names + shown.clone().map(|index| columns[index] + COLUMN_GAP).sum::<f32>();
        let extra = ((available - used).max(0.0) / shown.len() as f32).min(120.0);
        egui::Grid::new(("today", shown.start)).num_columns(1 + shown.len()).spacing([COLUMN_GAP, 4.0]).show(
            ui,
            |ui| {
                ui.label("");
                for result in &evaluation.options[shown.clone()] {
                    ui.label(
                        RichText::new(result.spec.label)
                            .strong()
                            .color(option_color_by_id(ui.visuals(), result.spec.id())),
                    );
                }
                ui.end_row();
                for (resource, row) in ResourceId::ALL.into_iter().zip(figures) {
                    ui.label(resource.label());
                    for ((index, result), figure) in
                        evaluation.options.iter().enumerate().zip(row).skip(shown.start).take(shown.len())
                    {
                        let value = result.resources.get(resource);
                        let before =
                            baseline.and_then(|base| base.option(result.spec.id())).map(|o| o.resources.get(resource));
                        let cell = Cell {
                            width: columns[index] + extra,
                            figure: Arc::clone(figure),
                            share: share(resource, value),
                            tick: before.map(|v| share(resource, v)),
                            color: option_color_by_id(ui.visuals(), result.spec.id()),
                            bar_height,
                        };
                        on_hover_text_with(cell_ui(ui, cell), || {
                            let text = figure.text();
                            let hover = match before {
                                Some(before) => {
                                    format!("{text} (baseline {})", resource_value(profile, resource, before))
                                }
                                None => text.to_owned(),
                            };
                            let line = format!("{} — {}: {hover}", result.spec.label, resource.label());
                            if resource == ResourceId::MonthlyCost {
                                format!("{line}\n{}", cost_breakdown(profile, &result.resources))
                            } else {
                                line
                            }
                        });
                    }
                    ui.end_row();
                }
            },
        );
    }
}

/// The options' columns in runs that each fit `available` beside the row names (`names`
/// wide), in order; a column wider than that alone still gets a run of its own.
fn column_runs(names: f32, columns: &[f32], available: f32) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut width) = (0, names);
    for (index, column) in columns.iter().enumerate() {
        if index > start && width + column + COLUMN_GAP > available {
            runs.push(start..index);
            (start, width) = (index, names);
        }
        width += column + COLUMN_GAP;
    }
    if start < columns.len() {
        runs.push(start..columns.len());
    }
    runs
}

/// One figure and its bar.
struct Cell {
    width: f32,
    figure: Arc<Galley>,
    share: f32,
    tick: Option<f32>,
    color: egui::Color32,
    bar_height: f32,
}

/// Space between a figure and its bar.
const FIGURE_GAP: f32 = 2.0;

/// The figure, right-aligned so that digits line up, above a bar across the cell: one widget,
/// read out as the figure.
fn cell_ui(ui: &mut Ui, cell: Cell) -> egui::Response {
    let Cell { width, figure, share, tick, color, bar_height } = cell;
    let size = vec2(width, figure.size().y + FIGURE_GAP + bar_height);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), figure.text()));
    if ui.is_rect_visible(rect) {
        let bar = Rect::from_min_max(pos2(rect.left(), rect.bottom() - bar_height), rect.max);
        ui.painter().add(Shape::Vec(bar_shapes(ui.visuals(), bar, share, color, tick)));
        let text = pos2(rect.right() - figure.size().x, rect.top()).round_ui();
        ui.painter().galley(text, figure, ui.visuals().text_color());
    }
    response
}

#[cfg(test)]
mod tests {
    use super::{COLUMN_GAP, column_runs};

    #[test]
    fn columns_that_do_not_fit_start_a_run_of_their_own() {
        // Names 100 wide, four columns of 80 (94 with the gap): 100 + 3 × 94 = 382 fits in
        // 400, the fourth does not.
        let columns = [80.0; 4];
        assert_eq!(column_runs(100.0, &columns, 400.0), vec![0..3, 3..4]);
        assert_eq!(column_runs(100.0, &columns, 100.0 + 4.0 * (80.0 + COLUMN_GAP)), vec![0..4]);
        // Narrower than one column: one each, none lost.
        assert_eq!(column_runs(100.0, &columns, 50.0), vec![0..1, 1..2, 2..3, 3..4]);
        assert!(column_runs(100.0, &[], 400.0).is_empty());
    }
}
