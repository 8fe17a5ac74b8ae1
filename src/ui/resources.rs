//! The resources tab: one large projection chart of a chosen resource over the number of
//! services (or replicas), with today's value and the break-even points marked, beside a
//! bar chart of today's figures for every resource. Few, large charts read best on a
//! projector.

use egui::{Align, Align2, Layout, RichText, Ui};
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoint, Points, Text, VLine,
};

use super::theme::{Sizes, neutral_mark, option_color, option_color_by_id};
use crate::model::format::number;
use crate::model::projection::CURVE_AXES;
use crate::model::{Evaluation, ResourceId, TraitId};
use crate::profile::Profile;
use crate::report::{resource_header, resource_value};

/// What the projection chart shows; kept by the app between frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartView {
    pub resource: ResourceId,
    /// The trait along the x axis: one of [`CURVE_AXES`].
    pub axis: TraitId,
}

impl Default for ChartView {
    fn default() -> Self {
        Self { resource: ResourceId::MemoryGib, axis: TraitId::Services }
    }
}

/// The resources tab.
pub fn resources_ui(ui: &mut Ui, evaluation: &Evaluation, profile: &Profile, view: &mut ChartView) {
    controls_ui(ui, view);
    ui.add_space(Sizes::DEFAULT.space_s);
    let height = ui.available_height();
    let width = ui.available_width();
    ui.horizontal_top(|ui| {
        let projection_width = (width * 0.6).max(320.0);
        let column = Layout::top_down(Align::Min);
        ui.allocate_ui_with_layout(egui::vec2(projection_width, height), column, |ui| {
            projection_ui(ui, evaluation, profile, *view);
        });
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), column, |ui| {
            today_ui(ui, evaluation, profile);
        });
    });
}

fn controls_ui(ui: &mut Ui, view: &mut ChartView) {
    ui.horizontal(|ui| {
        let label = ui.label("Resource");
        egui::ComboBox::from_id_salt("resource")
            .selected_text(view.resource.label())
            .width(220.0)
            .show_ui(ui, |ui| {
                for resource in ResourceId::ALL {
                    ui.selectable_value(&mut view.resource, resource, resource.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(Sizes::DEFAULT.space_l);
        ui.label("Over");
        for axis in CURVE_AXES {
            ui.selectable_value(&mut view.axis, axis, axis.meta().label);
        }
    });
}

/// How far right the projection reaches: a few times today's value and past every
/// break-even point, so today's figures are not squashed against the axis by the far end
/// of the curve (500 services) while every crossing stays in view.
fn visible_max(evaluation: &Evaluation, axis: TraitId, today: f64, last: f64) -> f64 {
    let furthest = evaluation.break_even.iter().filter(|b| b.axis == axis).map(|b| b.at).fold(0.0, f64::max);
    (today * 4.0).max(furthest * 1.5).max(10.0).min(last)
}

/// Grid lines at round numbers (1, 2 or 5 times a power of ten), about six across the
/// axis, so that the labelled lines are far enough apart to carry their numbers.
fn round_steps(input: egui_plot::GridInput) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1e-9);
    let rough = span / 6.0;
    let power = 10f64.powf(rough.log10().floor());
    let major =
        [1.0, 2.0, 5.0, 10.0].into_iter().map(|f| f * power).find(|step| *step >= rough).unwrap_or(10.0 * power);
    [major / 5.0, major, major * 5.0]
}

fn axis_name(axis: TraitId) -> String {
    axis.meta().label.to_lowercase()
}

fn projection_ui(ui: &mut Ui, evaluation: &Evaluation, profile: &Profile, view: ChartView) {
    let ChartView { resource, axis } = view;
    let Some(curve) = evaluation.curves.iter().find(|curve| curve.axis == axis) else {
        ui.label("No projection over this trait");
        return;
    };
    ui.label(RichText::new(format!("{} over {}", resource.label(), axis_name(axis))).heading());
    let today = profile.get(axis);
    let last = curve.xs.last().copied().unwrap_or(today);
    let right = visible_max(evaluation, axis, today, last);
    let plot = Plot::new("projection")
        // Bottom right: the corner that rising curves leave empty.
        .legend(Legend::default().position(Corner::RightBottom).follow_insertion_order(true))
        .x_axis_label(axis.meta().label)
        .y_axis_label(resource_header(profile, resource))
        .x_axis_formatter(|mark, _| number(mark.value))
        .y_axis_formatter(|mark, _| number(mark.value))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(round_steps))
        .include_x(0.0)
        .include_y(0.0)
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint { plot_name, position, .. } => Some(format!(
                "{plot_name}\n{} {}: {}",
                number(position.x.round()),
                axis_name(axis),
                resource_value(profile, resource, position.y)
            )),
            HoverPosition::Elsewhere { .. } => None,
        });

    let visuals = ui.visuals().clone();
    let line_width = Sizes::DEFAULT.line_width;
    let series: Vec<Vec<[f64; 2]>> = (0..evaluation.options.len())
        .map(|o| curve.points(o, resource).into_iter().filter(|[x, _]| *x <= right).collect())
        .collect();
    let top = series.iter().flatten().map(|[_, y]| *y).fold(0.0, f64::max);

    plot.show(ui, |plot_ui| {
        for (index, (result, points)) in evaluation.options.iter().zip(series).enumerate() {
            let color = option_color(&visuals, index);
            plot_ui.line(Line::new(result.spec.label, points).color(color).width(line_width));
            plot_ui.points(
                Points::new(result.spec.label, vec![[today, result.resources.get(resource)]])
                    .color(color)
                    .radius(line_width * 2.5)
                    .filled(true),
            );
        }
        // One legend entry for every crossing; each line carries its own number.
        let crossings = evaluation.break_even.iter().filter(|b| b.axis == axis && b.resource == resource);
        for (row, point) in crossings.enumerate() {
            let color = option_color_by_id(&visuals, point.ahead_above);
            plot_ui.vline(
                VLine::new("Break-even", point.at).color(color).width(line_width).style(LineStyle::dashed_dense()),
            );
            // Labels step down the chart so that neighbouring crossings stay readable.
            let y = top * (1.0 - 0.08 * (row % 6) as f64);
            let label = RichText::new(format!(" {} {}", number(point.at), axis_name(axis))).color(color);
            plot_ui.text(
                Text::new("Break-even", PlotPoint::new(point.at, y), label).color(color).anchor(Align2::LEFT_BOTTOM),
            );
        }
        // Drawn last, so that a crossing next to today's value does not hide it.
        let today_name = format!("Today: {} {}", number(today), axis_name(axis));
        plot_ui.vline(
            VLine::new(today_name, today)
                .color(neutral_mark(&visuals))
                .width(line_width * 0.8)
                .style(LineStyle::dashed_loose()),
        );
    });
}

/// Today's figures for every resource, each scaled to the larger option (100%), with the
/// exact value written at the end of each bar.
fn today_ui(ui: &mut Ui, evaluation: &Evaluation, profile: &Profile) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Today:").heading());
        for (index, result) in evaluation.options.iter().enumerate() {
            ui.label(RichText::new(result.spec.label).heading().color(option_color(ui.visuals(), index)));
        }
    });
    let count = evaluation.options.len().max(1);
    let rows = ResourceId::ALL.len();
    let row_of = |r: usize| (rows - 1 - r) as f64;
    let band = 0.8 / count as f64;
    let visuals = ui.visuals().clone();

    let mut charts = Vec::new();
    let mut labels = Vec::new();
    for (index, result) in evaluation.options.iter().enumerate() {
        let color = option_color(&visuals, index);
        let offset = (count as f64 - 1.0) / 2.0 - index as f64;
        let bars: Vec<Bar> = ResourceId::ALL
            .iter()
            .enumerate()
            .map(|(r, resource)| {
                let value = result.resources.get(*resource);
                let largest = evaluation.options.iter().map(|o| o.resources.get(*resource)).fold(0.0, f64::max);
                let share = if largest > 0.0 { 100.0 * value / largest } else { 0.0 };
                let text = resource_value(profile, *resource, value);
                let y = row_of(r) + offset * band;
                labels.push(
                    Text::new(result.spec.label, PlotPoint::new(share, y), format!(" {text}"))
                        .color(color)
                        .anchor(Align2::LEFT_CENTER),
                );
                Bar::new(y, share).width(band * 0.9).fill(color).name(format!(
                    "{} — {}: {text}",
                    result.spec.label,
                    resource.label()
                ))
            })
            .collect();
        charts.push(
            BarChart::new(result.spec.label, bars)
                .color(color)
                .horizontal()
                .element_formatter(Box::new(|bar, _| bar.name.clone())),
        );
    }

    // No legend: the heading names the options in their colours, and a legend box would
    // cover the bars' values.
    Plot::new("today")
        .x_axis_label("% of the larger option")
        .x_axis_formatter(|mark, _| format!("{}%", number(mark.value)))
        .y_axis_formatter(move |mark, _| {
            let r = rows as f64 - 1.0 - mark.value;
            ResourceId::ALL
                .get(r as usize)
                .filter(|_| r.fract() == 0.0 && r >= 0.0)
                .map_or(String::new(), |resource| resource.label().to_owned())
        })
        .y_grid_spacer(move |_| (0..rows).map(|r| GridMark { value: r as f64, step_size: 1.0 }).collect())
        .y_axis_min_width(150.0)
        .include_x(0.0)
        .include_x(135.0)
        .show_grid([true, false])
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            for label in labels {
                plot_ui.text(label);
            }
        });
}
