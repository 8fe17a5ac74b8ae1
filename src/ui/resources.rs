//! The resources tab: one large projection chart of a chosen resource over the number of
//! services (or replicas), with today's value and the break-even points marked, beside a
//! bar chart of today's figures for every resource. Few, large charts read best on a
//! projector. A pinned baseline is drawn beside the scenario: dashed lines in its options'
//! faded colours, and a tick across each bar at the baseline's figure (as on score bars).

use egui::{Align, Align2, Layout, Rect, RichText, TextStyle, Ui};
use egui_plot::{
    Bar, BarChart, Corner, GridMark, HoverPosition, Legend, Line, LineStyle, Plot, PlotPoint, Points, Text, VLine,
};

use super::theme::{baseline_color, baseline_mark, neutral_mark, option_color, option_color_by_id, sizes};
use crate::model::format::number;
use crate::model::projection::{CURVE_AXES, Curve};
use crate::model::{Evaluation, ResourceId, TraitId};
use crate::narrative::{resource_header, resource_value};
use crate::profile::Profile;

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

/// The resources tab. `baseline` is the pinned baseline's evaluation, if any. Returns where
/// the projection chart is (title included), for File ▸ Export chart as PNG.
pub fn resources_ui(
    ui: &mut Ui,
    evaluation: &Evaluation,
    profile: &Profile,
    view: &mut ChartView,
    baseline: Option<&Evaluation>,
) -> Rect {
    controls_ui(ui, view);
    ui.add_space(sizes(ui.ctx()).space_s);
    let height = ui.available_height();
    let width = ui.available_width();
    let lines = projection_lines(evaluation, profile, *view);
    let projection = Projection { evaluation, profile, view: *view, lines: &lines, baseline, marks: 1.0 };
    ui.horizontal_top(|ui| {
        let projection_width = (width * 0.6).max(320.0);
        let column = Layout::top_down(Align::Min);
        let chart = ui
            .allocate_ui_with_layout(egui::vec2(projection_width, height), column, |ui| projection_ui(ui, &projection));
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), column, |ui| {
            today_ui(ui, evaluation, profile, baseline);
        });
        chart.inner
    })
    .inner
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
        ui.add_space(sizes(ui.ctx()).space_l);
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
#[expect(clippy::needless_pass_by_value, reason = "egui_plot's grid spacer takes a GridInput by value")]
fn round_steps(input: egui_plot::GridInput) -> [f64; 3] {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1e-9);
    let rough = span / 6.0;
    let power = 10f64.powf(rough.log10().floor());
    let major =
        [1.0, 2.0, 5.0, 10.0].into_iter().map(|f| f * power).find(|step| *step >= rough).unwrap_or(10.0 * power);
    [major / 5.0, major, major * 5.0]
}

/// The same round numbers without the fifths between them: up the side, where labels need
/// less room than across, `egui_plot` would number every fifth and crowd the axis.
fn round_steps_without_fifths(input: egui_plot::GridInput) -> [f64; 3] {
    let [_, major, large] = round_steps(input);
    [major, large, large * 5.0]
}

fn axis_name(axis: TraitId) -> String {
    axis.meta().label.to_lowercase()
}

/// The curve the chart follows, and how far right the chart reaches.
fn reach<'a>(evaluation: &'a Evaluation, profile: &Profile, axis: TraitId) -> Option<(&'a Curve, f64)> {
    let curve = evaluation.curves.iter().find(|curve| curve.axis == axis)?;
    let today = profile.get(axis);
    let last = curve.xs.last().copied().unwrap_or(today);
    Some((curve, visible_max(evaluation, axis, today, last)))
}

/// One line per option: its curve of the chart's resource, as far right as the chart
/// reaches. Empty when the model has no curve over the chosen trait.
pub fn projection_lines(evaluation: &Evaluation, profile: &Profile, view: ChartView) -> Vec<Vec<[f64; 2]>> {
    reach(evaluation, profile, view.axis).map_or_else(Vec::new, |(curve, right)| cut(curve, view.resource, right))
}

fn cut(curve: &Curve, resource: ResourceId, right: f64) -> Vec<Vec<[f64; 2]>> {
    (0..curve.series.len())
        .map(|o| curve.points(o, resource).into_iter().filter(|[x, _]| *x <= right).collect())
        .collect()
}

/// What one projection chart draws.
pub struct Projection<'a> {
    pub evaluation: &'a Evaluation,
    pub profile: &'a Profile,
    pub view: ChartView,
    /// One line per option: [`projection_lines`] of the evaluation, or lines on their way
    /// there while presenter mode moves between slides.
    pub lines: &'a [Vec<[f64; 2]>],
    /// The pinned baseline's evaluation, drawn dashed in faded colours.
    pub baseline: Option<&'a Evaluation>,
    /// Opacity of today's marks and the break-even points, which belong to the evaluation
    /// rather than to the lines: between slides they fade in as the lines arrive.
    pub marks: f32,
}

/// The projection chart under its title. Returns the rect of both, axes included.
pub fn projection_ui(ui: &mut Ui, chart: &Projection<'_>) -> Rect {
    // The plot's own response covers its frame, not the axes drawn beside it.
    ui.vertical(|ui| chart_ui(ui, chart)).response.rect
}

fn chart_ui(ui: &mut Ui, chart: &Projection<'_>) {
    let Projection { evaluation, profile, view, lines, baseline, marks } = *chart;
    let ChartView { resource, axis } = view;
    let Some((_, right)) = reach(evaluation, profile, axis) else {
        ui.label("No projection over this trait");
        return;
    };
    ui.label(RichText::new(format!("{} over {}", resource.label(), axis_name(axis))).heading());
    let today = profile.get(axis);
    let plot = Plot::new("projection")
        // Bottom right: the corner that rising curves leave empty; small type keeps the box
        // clear of a shallow line (body type, scaled up in presenter mode, covered it).
        .legend(
            Legend::default().position(Corner::RightBottom).follow_insertion_order(true).text_style(TextStyle::Small),
        )
        .x_axis_label(axis.meta().label)
        .y_axis_label(resource_header(profile, resource))
        .x_axis_formatter(|mark, _| number(mark.value))
        .y_axis_formatter(|mark, _| number(mark.value))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(round_steps))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(round_steps_without_fifths))
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
    let line_width = sizes(ui.ctx()).line_width;
    let baseline_lines = baseline
        .and_then(|base| Some((base, base.curves.iter().find(|curve| curve.axis == axis)?)))
        .map(|(base, curve)| (base, cut(curve, resource, right)));
    // The chart's top, the baseline's lines included: where break-even labels start.
    let baseline_points = baseline_lines.iter().flat_map(|(_, base)| base.iter().flatten());
    let top = lines.iter().flatten().chain(baseline_points).map(|[_, y]| *y).fold(0.0, f64::max);

    plot.show(ui, |plot_ui| {
        for (index, (result, points)) in evaluation.options.iter().zip(lines).enumerate() {
            let color = option_color(&visuals, index);
            plot_ui.line(Line::new(result.spec.label, points.clone()).color(color).width(line_width));
            plot_ui.points(
                Points::new(result.spec.label, vec![[today, result.resources.get(resource)]])
                    .color(color.gamma_multiply(marks))
                    .radius(line_width * 2.5)
                    .filled(true),
            );
        }
        if let Some((base, base_lines)) = baseline_lines {
            for (index, (result, points)) in base.options.iter().zip(base_lines).enumerate() {
                let name = format!("{} (baseline)", result.spec.label);
                plot_ui.line(
                    Line::new(name, points)
                        .color(baseline_color(&visuals, index))
                        .width(line_width * 0.8)
                        .style(LineStyle::dashed_loose()),
                );
            }
        }
        // One legend entry for every crossing; each line carries its own number.
        let crossings = evaluation.break_even.iter().filter(|b| b.axis == axis && b.resource == resource);
        for (row, point) in crossings.enumerate() {
            let color = option_color_by_id(&visuals, point.ahead_above).gamma_multiply(marks);
            plot_ui.vline(
                VLine::new("Break-even", point.at).color(color).width(line_width).style(LineStyle::dashed_dense()),
            );
            // Labels step down from the top of the lines so that neighbouring crossings stay
            // readable; hanging from their point, the highest stays inside the chart.
            let y = top * (1.0 - 0.08 * (row % 6) as f64);
            let label = RichText::new(format!(" {} {}", number(point.at), axis_name(axis))).color(color);
            plot_ui.text(
                Text::new("Break-even", PlotPoint::new(point.at, y), label).color(color).anchor(Align2::LEFT_TOP),
            );
        }
        // Drawn last, so that a crossing next to today's value does not hide it.
        let today_name = format!("Today: {} {}", number(today), axis_name(axis));
        plot_ui.vline(
            VLine::new(today_name, today)
                .color(neutral_mark(&visuals).gamma_multiply(marks))
                .width(line_width * 0.8)
                .style(LineStyle::dashed_loose()),
        );
    });
}

/// Today's figures for every resource, each scaled to the larger option (100%), with the
/// exact value written at the end of each bar. A baseline's figures are ticks across the
/// bars, at the same scale, which then also counts them.
fn today_ui(ui: &mut Ui, evaluation: &Evaluation, profile: &Profile, baseline: Option<&Evaluation>) {
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Today:").heading());
        for (index, result) in evaluation.options.iter().enumerate() {
            ui.label(RichText::new(result.spec.label).heading().color(option_color(ui.visuals(), index)));
        }
        if baseline.is_some() {
            ui.label(RichText::new("ticks: baseline").weak());
        }
    });
    let count = evaluation.options.len().max(1);
    let rows = ResourceId::ALL.len();
    let row_of = |r: usize| (rows - 1 - r) as f64;
    let band = 0.8 / count as f64;
    let visuals = ui.visuals().clone();
    let largest = |resource: ResourceId| {
        evaluation
            .options
            .iter()
            .chain(baseline.iter().flat_map(|base| &base.options))
            .map(|o| o.resources.get(resource))
            .fold(0.0, f64::max)
    };
    let share = |resource: ResourceId, value: f64| {
        let largest = largest(resource);
        if largest > 0.0 { 100.0 * value / largest } else { 0.0 }
    };
    let y_of = |r: usize, index: usize| row_of(r) + ((count as f64 - 1.0) / 2.0 - index as f64) * band;

    let mut charts = Vec::new();
    let mut labels = Vec::new();
    for (index, result) in evaluation.options.iter().enumerate() {
        let color = option_color(&visuals, index);
        let bars: Vec<Bar> = ResourceId::ALL
            .iter()
            .enumerate()
            .map(|(r, resource)| {
                let value = result.resources.get(*resource);
                let share = share(*resource, value);
                let text = resource_value(profile, *resource, value);
                let y = y_of(r, index);
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
    let mut ticks = Vec::new();
    for (index, result) in baseline.iter().flat_map(|base| base.options.iter().enumerate()) {
        for (r, resource) in ResourceId::ALL.iter().enumerate() {
            let value = result.resources.get(*resource);
            let name = format!(
                "{} (baseline) — {}: {}",
                result.spec.label,
                resource.label(),
                resource_value(profile, *resource, value)
            );
            let (x, y, half) = (share(*resource, value), y_of(r, index), band * 0.55);
            ticks.push(Line::new(name, vec![[x, y - half], [x, y + half]]).color(baseline_mark(&visuals)).width(2.0));
        }
    }

    // No legend: the heading names the options in their colours, and a legend box would
    // cover the bars' values.
    Plot::new("today")
        .x_axis_label(if baseline.is_some() { "% of the largest, baseline included" } else { "% of the larger option" })
        .x_axis_formatter(|mark, _| format!("{}%", number(mark.value)))
        .y_axis_formatter(move |mark, _| row_label(rows as f64 - 1.0 - mark.value))
        .y_grid_spacer(move |_| (0..rows).map(|r| GridMark { value: r as f64, step_size: 1.0 }).collect())
        .y_axis_min_width(150.0)
        .include_x(0.0)
        .include_x(135.0)
        .show_grid([true, false])
        // Bars and ticks carry their figures in their names.
        .label_formatter(|position| match position {
            HoverPosition::NearDataPoint { plot_name, .. } => Some((*plot_name).to_owned()),
            HoverPosition::Elsewhere { .. } => None,
        })
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
            for tick in ticks {
                plot_ui.line(tick);
            }
            for label in labels {
                plot_ui.text(label);
            }
        });
}

/// The resource named at a bar row: grid marks fall on whole rows; anything else is blank.
fn row_label(row: f64) -> String {
    if row.fract() != 0.0 || row < 0.0 {
        return String::new();
    }
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a whole, non-negative row")]
    let index = row as usize;
    ResourceId::ALL.get(index).map_or(String::new(), |resource| resource.label().to_owned())
}
