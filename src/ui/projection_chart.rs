//! The projection chart: one resource of every option over the number of services (or
//! replicas), today's value and the break-even points marked. Drawn by the resources tab and
//! by presenter mode's slides, so it has to stay legible from a 1024×640 window to a 4K
//! projector and at 75–200 % zoom:
//!
//! - the legend is a row above the plot, never a box over the lines;
//! - every option has a dash pattern and a marker shape of its own besides its colour, so two
//!   options with the same figures both stay visible where their lines coincide;
//! - quantities counted in whole hosts are drawn as stairs, not as ramps between samples;
//! - break-even labels sit in a band above the plot, stacked in rows so that none overlaps
//!   another; one that finds no room is dropped, and its crossing still says where it is on
//!   hover. A slide labels only the crossings nearest to today, and draws the baseline
//!   under one legend entry ([`Audience::Room`]).

use std::collections::BTreeSet;

use egui::{Color32, Pos2, Rect, RichText, Sense, Shape, Stroke, TextStyle, Ui, pos2, vec2};
use egui_plot::{HoverPosition, Line, LineStyle, MarkerShape, Plot, PlotPoint, Points, VLine};

use super::theme::{
    SeriesStyle, baseline_color, neutral_mark, option_color_by_id, registry_index, series_style, sizes,
};
use crate::model::format::number;
use crate::model::outlook::{BreakEven, Curve};
use crate::model::{Evaluation, ResourceId, TraitId};
use crate::narrative::{resource_header, resource_value};
use crate::profile::Profile;

/// What the projection chart shows; kept by the app between frames.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartView {
    pub resource: ResourceId,
    /// The trait along the x axis: one of [`CURVE_AXES`](crate::model::outlook::CURVE_AXES).
    pub axis: TraitId,
}

impl Default for ChartView {
    fn default() -> Self {
        Self { resource: ResourceId::MemoryGib, axis: TraitId::Services }
    }
}

/// Who reads the chart: its break-even points and legend follow.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Audience {
    /// The explorer: every crossing of the chosen resource, where each can be hovered, and
    /// a legend entry per baseline line, each to switch off.
    #[default]
    Explorer,
    /// A slide: only the nearest crossing on each side of today's value — how far the answer
    /// holds either way — where a room cannot hover and five labels are noise, named by their
    /// labels alone; and one legend entry for the baseline's lines, so that the legend of two
    /// options keeps to one row.
    Room,
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
    pub audience: Audience,
}

/// One line per option: its curve of the chart's resource, as far right as the chart
/// reaches. Empty when the model has no curve over the chosen trait.
pub fn projection_lines(evaluation: &Evaluation, profile: &Profile, view: ChartView) -> Vec<Vec<[f64; 2]>> {
    reach(evaluation, profile, view.axis).map_or_else(Vec::new, |(curve, right)| cut(curve, view.resource, right))
}

/// The projection chart under its title. Returns the rect of both, legend and axes included.
pub fn projection_ui(ui: &mut Ui, chart: &Projection<'_>) -> Rect {
    // The plot's own response covers its frame, not the axes drawn beside it.
    ui.vertical(|ui| chart_ui(ui, chart)).response.rect
}

/// How far right the projection reaches: a few times today's value and past every
/// break-even point, so today's figures are not squashed against the axis by the far end
/// of the curve (500 services) while every crossing stays in view.
fn visible_max(evaluation: &Evaluation, axis: TraitId, today: f64, last: f64) -> f64 {
    let furthest = evaluation.break_even().iter().filter(|b| b.axis == axis).map(|b| b.at).fold(0.0, f64::max);
    (today * 4.0).max(furthest * 1.5).max(10.0).min(last)
}

/// The curve the chart follows, and how far right the chart reaches.
fn reach<'a>(evaluation: &'a Evaluation, profile: &Profile, axis: TraitId) -> Option<(&'a Curve, f64)> {
    let curve = evaluation.curves().iter().find(|curve| curve.axis == axis)?;
    let today = profile.get(axis);
    let last = curve.xs.last().copied().unwrap_or(today);
    Some((curve, visible_max(evaluation, axis, today, last)))
}

fn cut(curve: &Curve, resource: ResourceId, right: f64) -> Vec<Vec<[f64; 2]>> {
    (0..curve.series.len())
        .map(|o| curve.points(o, resource).into_iter().filter(|[x, _]| *x <= right).collect())
        .collect()
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

/// `value` counted in the axis' unit, singular or plural ("1 service", "50 services"). The
/// curve axes (services, replicas) are counts whose label is the plural that adds an "s".
fn axis_count(value: f64, axis: TraitId) -> String {
    let plural = axis_name(axis);
    if (value - 1.0).abs() < 1e-9 {
        format!("1 {}", plural.strip_suffix('s').unwrap_or(&plural))
    } else {
        format!("{} {plural}", number(value))
    }
}

/// Resources counted in whole hosts — hosts, their cost, the OS instances on them — jump by
/// whole steps between two samples; a ramp would draw fractions of a host.
fn in_whole_steps(resource: ResourceId) -> bool {
    matches!(resource, ResourceId::Hosts | ResourceId::MonthlyCost | ResourceId::OsInstancesToPatch)
}

/// Sample points as stairs: each value holds until the next sample, where the line steps
/// straight up or down.
fn stairs(points: &[[f64; 2]]) -> Vec<[f64; 2]> {
    let mut out = Vec::with_capacity(points.len() * 2);
    for pair in points.windows(2) {
        out.push(pair[0]);
        out.push([pair[1][0], pair[0][1]]);
    }
    out.extend(points.last());
    out
}

/// The crossings of the chart's resource over its axis that the chart marks, left to right.
fn marked_crossings(evaluation: &Evaluation, view: ChartView, today: f64, audience: Audience) -> Vec<&BreakEven> {
    let mut all: Vec<&BreakEven> =
        evaluation.break_even().iter().filter(|b| b.axis == view.axis && b.resource == view.resource).collect();
    all.sort_by(|a, b| a.at.total_cmp(&b.at));
    if audience == Audience::Room {
        let below = all.iter().rposition(|b| b.at <= today);
        let above = all.iter().position(|b| b.at > today);
        let keep: Vec<usize> = below.into_iter().chain(above).collect();
        all = keep.into_iter().map(|i| all[i]).collect();
    }
    all
}

/// What a break-even point means, for its hover text.
fn crossing_text(point: &BreakEven) -> String {
    let verb = if point.resource.lower_is_better() { "need less" } else { "pack more" };
    let axis = axis_name(point.axis);
    format!("Break-even at {} {axis}: {} {verb} from here on", number(point.at), point.ahead_above.spec().plural)
}

/// The sample nearest to `x` (the x every option was evaluated at) and each series' value
/// there: the figures the chart plots, read rather than interpolated.
fn nearest_samples(series: &[(&'static str, Vec<[f64; 2]>)], x: f64) -> Option<(f64, Vec<(&'static str, f64)>)> {
    let first = &series.first()?.1;
    let at = first.iter().map(|point| point[0]).min_by(|a, b| (a - x).abs().total_cmp(&(b - x).abs()))?;
    let values = series
        .iter()
        .filter_map(|(name, points)| points.iter().find(|point| point[0] == at).map(|point| (*name, point[1])))
        .collect();
    Some((at, values))
}

/// The series the chart can show, as named in its legend; `hidden` are those switched off.
struct Series<'a> {
    names: Vec<String>,
    hidden: &'a BTreeSet<String>,
}

impl Series<'_> {
    fn shown(&self, name: &str) -> bool {
        !self.hidden.contains(name)
    }
}

fn chart_ui(ui: &mut Ui, chart: &Projection<'_>) {
    let Projection { evaluation, profile, view, baseline, marks, audience, .. } = *chart;
    let ChartView { resource, axis } = view;
    let Some((_, right)) = reach(evaluation, profile, axis) else {
        ui.label("No projection over this trait");
        return;
    };
    ui.label(RichText::new(format!("{} over {}", resource.label(), axis_name(axis))).heading());
    let today = profile.get(axis);
    let visuals = ui.visuals().clone();
    let line_width = sizes(ui.ctx()).line_width;
    let stepped = in_whole_steps(resource);
    let marked = marked_crossings(evaluation, view, today, audience);
    let today_name = format!("Today: {}", axis_count(today, axis));

    // The legend, above the plot.
    let entries = legend_entries(&visuals, evaluation, baseline, &today_name, !marked.is_empty(), line_width, audience);
    let hidden_id = ui.scope_id().with("hidden_series");
    let mut hidden: BTreeSet<String> = ui.data(|data| data.get_temp(hidden_id)).unwrap_or_default();
    legend_ui(ui, &entries, &mut hidden, audience);
    ui.data_mut(|data| data.insert_temp(hidden_id, hidden.clone()));
    let series = Series { names: entries.into_iter().map(|entry| entry.name).collect(), hidden: &hidden };
    let crossings_shown = !marked.is_empty() && series.shown(BREAK_EVEN);

    // A band above the plot for the break-even labels: they never cover the lines.
    let row_height = ui.text_style_height(&TextStyle::Small) + 2.0;
    let rows = if crossings_shown { marked.len().min(MAX_LABEL_ROWS) } else { 0 };
    let band = ui.allocate_space(vec2(ui.available_width(), rows as f32 * row_height)).1;

    let baseline_lines = baseline
        .and_then(|base| Some((base, base.curves().iter().find(|curve| curve.axis == axis)?)))
        .map(|(base, curve)| (base, cut(curve, resource, right)));
    let plot = configured_plot(chart, &series);
    let response = plot.show(ui, |plot_ui| {
        let style = LineLook { visuals: &visuals, line_width, stepped, marks, today };
        series_lines(plot_ui, chart, &series, &style);
        if let Some((base, base_lines)) = &baseline_lines {
            baseline_lines_ui(plot_ui, base, base_lines, audience, &series, &style);
        }
        if crossings_shown {
            for point in &marked {
                let color = option_color_by_id(&visuals, point.ahead_above).gamma_multiply(marks);
                plot_ui.vline(
                    VLine::new(BREAK_EVEN, point.at)
                        .color(color)
                        .width(line_width * 0.8)
                        .style(LineStyle::dashed_dense()),
                );
            }
        }
        // Drawn last, so that a crossing next to today's value does not hide it.
        if series.shown(&today_name) {
            plot_ui.vline(
                VLine::new(today_name.as_str(), today)
                    .color(neutral_mark(&visuals).gamma_multiply(marks))
                    .width(line_width * 0.8)
                    .style(LineStyle::dashed_loose()),
            );
        }
    });

    if crossings_shown {
        let plot_rect = response.response.rect;
        let xs: Vec<f32> = marked
            .iter()
            .map(|point| response.transform.position_from_point(&PlotPoint::new(point.at, 0.0)).x)
            .collect();
        let labels = CrossingLabels { marked: &marked, xs: &xs, today_x: plot_x(&response.transform, today), marks };
        crossing_labels_ui(ui, &labels, band, plot_rect.top());
    }
}

/// How the chart's lines look: the same for the options' lines and the baseline's.
struct LineLook<'a> {
    visuals: &'a egui::Visuals,
    line_width: f32,
    /// Resources counted in whole units are drawn as stairs.
    stepped: bool,
    /// Opacity of today's marks.
    marks: f32,
    today: f64,
}

/// The plot with its axes, and what the pointer reads: a series' figure near a marker, every
/// shown option at the nearest sample elsewhere.
fn configured_plot<'a>(chart: &Projection<'a>, series: &Series<'_>) -> Plot<'a> {
    let Projection { evaluation, profile, view: ChartView { resource, axis }, lines, .. } = *chart;
    let hover_names = series.names.clone();
    let sampled: Vec<(&'static str, Vec<[f64; 2]>)> = evaluation
        .options
        .iter()
        .zip(lines)
        .filter(|(result, _)| series.shown(result.spec.label))
        .map(|(result, points)| (result.spec.label, points.clone()))
        .collect();
    let plot = Plot::new("projection")
        .x_axis_label(axis.meta().label)
        .y_axis_label(resource_header(profile, resource))
        .x_axis_formatter(|mark, _| number(mark.value))
        .y_axis_formatter(|mark, _| number(mark.value))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(round_steps))
        .y_grid_spacer(egui_plot::uniform_grid_spacer(round_steps_without_fifths))
        .include_x(0.0)
        .include_y(0.0)
        .min_size(vec2(160.0, 140.0));
    still(plot).label_formatter(move |position| match position {
        // Series carry their figures; anything else (a crossing) is its own description.
        HoverPosition::NearDataPoint { plot_name, position, .. } if hover_names.iter().any(|n| n == plot_name) => {
            Some(format!(
                "{plot_name}\n{} {}: {}",
                number(position.x.round()),
                axis_name(axis),
                resource_value(profile, resource, position.y)
            ))
        }
        HoverPosition::NearDataPoint { plot_name, .. } => Some((*plot_name).to_owned()),
        HoverPosition::Elsewhere { position } => {
            let (x, values) = nearest_samples(&sampled, position.x)?;
            let values: Vec<String> = values
                .into_iter()
                .map(|(name, y)| format!("{name}: {}", resource_value(profile, resource, y)))
                .collect();
            Some(format!("At {} {}:\n{}", number(x), axis_name(axis), values.join("\n")))
        }
    })
}

/// Each shown option's line, its sampled values as hollow markers, and today's value filled.
fn series_lines(plot_ui: &mut egui_plot::PlotUi<'_>, chart: &Projection<'_>, series: &Series<'_>, look: &LineLook<'_>) {
    let LineLook { visuals, line_width, stepped, marks, today } = *look;
    let resource = chart.view.resource;
    for (result, points) in chart.evaluation.options.iter().zip(chart.lines) {
        let name = result.spec.label;
        if !series.shown(name) {
            continue;
        }
        let color = option_color_by_id(visuals, result.spec.id());
        let SeriesStyle { line, marker } = series_style(registry_index(result.spec.id()), line_width);
        let drawn = if stepped { stairs(points) } else { points.clone() };
        // No bands: egui_plot would merge a stair's two points at one x into a filled band.
        let series_line = Line::new(name, drawn).color(color).width(line_width).style(line);
        plot_ui.line(series_line.allow_hover(false).allow_band(false));
        // Hollow markers at the sampled values: hover reads them, and a marker of another
        // shape shows where two options' lines coincide.
        plot_ui.points(
            Points::new(name, points.clone()).color(color).shape(marker).radius(line_width * 1.6).filled(false),
        );
        plot_ui.points(
            Points::new(name, vec![[today, result.resources.get(resource)]])
                .color(color.gamma_multiply(marks))
                .shape(marker)
                .radius(line_width * 2.5)
                .filled(true),
        );
    }
}

/// The baseline's lines, dashed in faded colours (on a slide, shown or hidden together).
fn baseline_lines_ui(
    plot_ui: &mut egui_plot::PlotUi<'_>,
    base: &Evaluation,
    base_lines: &[Vec<[f64; 2]>],
    audience: Audience,
    series: &Series<'_>,
    look: &LineLook<'_>,
) {
    for (result, points) in base.options.iter().zip(base_lines) {
        let name = format!("{} (baseline)", result.spec.label);
        let entry = if audience == Audience::Room { BASELINE } else { name.as_str() };
        if !series.shown(entry) {
            continue;
        }
        let drawn = if look.stepped { stairs(points) } else { points.clone() };
        plot_ui.line(
            Line::new(name, drawn)
                .color(baseline_color(look.visuals, registry_index(result.spec.id())))
                .width(look.line_width * 0.8)
                .style(LineStyle::dashed_loose())
                .allow_band(false)
                // A stair's corners are not samples: only a ramp's points are figures.
                .allow_hover(!look.stepped),
        );
    }
}

/// The legend's entries: every option, the baseline's options (on a slide, one entry for
/// them all), today's value and, in the explorer when the chart marks any, the break-even
/// points.
fn legend_entries(
    visuals: &egui::Visuals,
    evaluation: &Evaluation,
    baseline: Option<&Evaluation>,
    today_name: &str,
    crossings: bool,
    line_width: f32,
    audience: Audience,
) -> Vec<LegendEntry> {
    let mut entries: Vec<LegendEntry> = evaluation
        .options
        .iter()
        .map(|result| {
            let SeriesStyle { line, marker } = series_style(registry_index(result.spec.id()), line_width);
            LegendEntry {
                name: result.spec.label.to_owned(),
                color: option_color_by_id(visuals, result.spec.id()),
                line,
                marker: Some(marker),
            }
        })
        .collect();
    if audience == Audience::Room && baseline.is_some() {
        entries.push(LegendEntry {
            name: BASELINE.to_owned(),
            // Faded as the baseline's lines are, in no option's colour: it stands for them all.
            color: neutral_mark(visuals).gamma_multiply(0.55),
            line: LineStyle::dashed_loose(),
            marker: None,
        });
    }
    for result in baseline.iter().flat_map(|base| base.options.iter()).filter(|_| audience == Audience::Explorer) {
        entries.push(LegendEntry {
            name: format!("{} (baseline)", result.spec.label),
            color: baseline_color(visuals, registry_index(result.spec.id())),
            line: LineStyle::dashed_loose(),
            marker: None,
        });
    }
    let neutral =
        |name: &str, line| LegendEntry { name: name.to_owned(), color: neutral_mark(visuals), line, marker: None };
    entries.push(neutral(today_name, LineStyle::dashed_loose()));
    // A slide's break-even lines are named by their labels above the plot; the legend keeps
    // to one row for two options and a baseline.
    if crossings && audience == Audience::Explorer {
        entries.push(neutral(BREAK_EVEN, LineStyle::dashed_dense()));
    }
    entries
}

fn plot_x(transform: &egui_plot::PlotTransform, x: f64) -> f32 {
    transform.position_from_point(&PlotPoint::new(x, 0.0)).x
}

/// The legend entry, and the name under which crossings are switched on and off.
const BREAK_EVEN: &str = "Break-even";

/// A slide's one legend entry for the baseline's lines (each in its option's faded colour).
const BASELINE: &str = "Baseline";

/// Rows of break-even labels at most; further labels that would overlap are dropped.
const MAX_LABEL_ROWS: usize = 3;

/// The break-even points of one chart, where they are across the screen.
struct CrossingLabels<'a> {
    marked: &'a [&'a BreakEven],
    xs: &'a [f32],
    today_x: f32,
    marks: f32,
}

/// The break-even labels in the band above the plot, each joined to its line; a crossing
/// whose label found no room keeps a small mark there that tells it on hover.
fn crossing_labels_ui(ui: &mut Ui, labels: &CrossingLabels<'_>, band: Rect, plot_top: f32) {
    let CrossingLabels { marked, xs, today_x, marks } = *labels;
    let font = TextStyle::Small.resolve(ui.style());
    let row_height = ui.text_style_height(&TextStyle::Small) + 2.0;
    let galleys: Vec<_> = marked
        .iter()
        .map(|point| {
            let color = option_color_by_id(ui.visuals(), point.ahead_above).gamma_multiply(marks);
            let text = axis_count(point.at, point.axis);
            ui.painter().layout_no_wrap(text, font.clone(), color)
        })
        .collect();
    let spans: Vec<(f32, f32)> = xs.iter().zip(&galleys).map(|(x, galley)| (*x, galley.size().x)).collect();
    let rows = band_rows(band, row_height);
    let placed = place_labels(&spans, today_x, (band.left(), band.right()), rows, LABEL_GAP);
    let mut band_ui = ui.new_child(
        egui::UiBuilder::new().max_rect(band.union(Rect::from_x_y_ranges(band.x_range(), band.top()..=plot_top))),
    );
    for (((point, galley), x), place) in marked.iter().zip(galleys).zip(xs).zip(placed) {
        let color = option_color_by_id(band_ui.visuals(), point.ahead_above).gamma_multiply(marks);
        let hover = crossing_text(point);
        if let Some(Placed { row, left }) = place {
            let top = band.top() + row as f32 * row_height;
            let rect = Rect::from_min_size(pos2(left, top), galley.size());
            // Joins the label to its line where the label sits to one side of it.
            band_ui.painter().line_segment([pos2(*x, rect.bottom()), pos2(*x, plot_top)], Stroke::new(1.0, color));
            band_ui.put(rect, egui::Label::new(galley).selectable(false)).on_hover_text(hover);
        } else {
            let tip = Rect::from_center_size(pos2(*x, band.bottom() - 3.0), vec2(8.0, 6.0));
            let triangle = vec![tip.left_top(), tip.right_top(), tip.center_bottom()];
            band_ui.painter().add(Shape::convex_polygon(triangle, color, Stroke::NONE));
            let id = band_ui.scope_id().with(("break_even_tip", point.at.to_bits()));
            band_ui.interact(tip.expand(3.0), id, Sense::hover()).on_hover_text(hover);
        }
    }
}

/// Gap kept between two labels on one row.
const LABEL_GAP: f32 = 6.0;

fn band_rows(band: Rect, row_height: f32) -> usize {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a small, non-negative count")]
    let rows = (band.height() / row_height).round() as usize;
    rows
}

/// Where a label goes: its row in the band and its left edge.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Placed {
    row: usize,
    left: f32,
}

/// Places labels `(x, width)` centred over their x, shifted to stay within `bounds`, each on
/// the first of `rows` rows where it keeps `gap` from every label already there. Those
/// nearest to `today_x` are placed first, so when room runs out the farthest are dropped.
fn place_labels(
    spans: &[(f32, f32)],
    today_x: f32,
    (left, right): (f32, f32),
    rows: usize,
    gap: f32,
) -> Vec<Option<Placed>> {
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by(|a, b| (spans[*a].0 - today_x).abs().total_cmp(&(spans[*b].0 - today_x).abs()));
    let mut taken: Vec<Vec<(f32, f32)>> = vec![Vec::new(); rows];
    let mut placed = vec![None; spans.len()];
    for i in order {
        let (x, width) = spans[i];
        let start = (x - width / 2.0).min(right - width).max(left);
        let end = start + width;
        if end > right + 0.5 {
            continue; // Wider than the band: hover only.
        }
        let free = |row: &Vec<(f32, f32)>| row.iter().all(|(a, b)| end + gap <= *a || start >= *b + gap);
        if let Some(row) = taken.iter().position(free) {
            taken[row].push((start, end));
            placed[i] = Some(Placed { row, left: start });
        }
    }
    placed
}

// ---------------------------------------------------------------------------------------

/// One series in the legend.
struct LegendEntry {
    name: String,
    color: Color32,
    line: LineStyle,
    marker: Option<MarkerShape>,
}

/// The legend as a wrapped row above the plot. Each entry — a sample of its line and its
/// name — is one widget, so it wraps whole; clicking it hides or shows its series.
fn legend_ui(ui: &mut Ui, entries: &[LegendEntry], hidden: &mut BTreeSet<String>, audience: Audience) {
    let font = TextStyle::Small.resolve(ui.style());
    let small = ui.text_style_height(&TextStyle::Small);
    let gap = sizes(ui.ctx()).space_s;
    // A slide's entries sit closer, their swatches apart enough to tell them.
    let spacing = if audience == Audience::Room { sizes(ui.ctx()).space_m } else { sizes(ui.ctx()).space_l };
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().item_spacing.x = spacing;
        for entry in entries {
            let shown = !hidden.contains(&entry.name);
            let (color, text_color) = if shown {
                (entry.color, ui.visuals().text_color())
            } else {
                (entry.color.gamma_multiply(0.3), ui.visuals().weak_text_color())
            };
            let galley = ui.painter().layout_no_wrap(entry.name.clone(), font.clone(), text_color);
            let sample = vec2(small * 2.2, small);
            let size = vec2(sample.x + gap + galley.size().x, galley.size().y.max(sample.y));
            let (rect, response) = ui.allocate_exact_size(size, Sense::click());
            response
                .widget_info(|| egui::WidgetInfo::selected(egui::accesskit::Role::CheckBox, true, shown, &entry.name));
            swatch(ui, Rect::from_min_size(rect.min, sample), entry, color);
            let text_at = pos2(rect.left() + sample.x + gap, rect.center().y - galley.size().y / 2.0);
            if !shown {
                let y = text_at.y + galley.size().y / 2.0;
                let stroke = Stroke::new(1.0, text_color);
                ui.painter().line_segment([pos2(text_at.x, y), pos2(text_at.x + galley.size().x, y)], stroke);
            }
            ui.painter().galley(text_at, galley, text_color);
            let response = response.on_hover_text(if shown { "Click to hide" } else { "Click to show" });
            if response.clicked() {
                if shown {
                    hidden.insert(entry.name.clone());
                } else {
                    hidden.remove(&entry.name);
                }
            }
        }
    });
}

/// A short sample of a series: its dash pattern, and its marker in the middle.
fn swatch(ui: &Ui, rect: Rect, entry: &LegendEntry, color: Color32) {
    let painter = ui.painter();
    let y = rect.center().y;
    let line = [pos2(rect.left(), y), pos2(rect.right(), y)];
    let width = 2.0;
    match entry.line {
        LineStyle::Solid => {
            painter.line_segment(line, Stroke::new(width, color));
        }
        LineStyle::Dashed { length } => {
            let length = length.min(rect.width() / 3.0);
            painter.extend(Shape::dashed_line(&line, Stroke::new(width, color), length, length * 0.6));
        }
        LineStyle::Dotted { spacing } => {
            painter.extend(Shape::dotted_line(&line, color, spacing.min(rect.width() / 4.0), width * 0.6));
        }
    }
    if let Some(marker) = entry.marker {
        marker_shape(ui, rect.center(), rect.height() * 0.3, marker, color);
    }
}

/// A hollow marker, as the plot draws it.
fn marker_shape(ui: &Ui, center: Pos2, radius: f32, marker: MarkerShape, color: Color32) {
    let stroke = Stroke::new(1.5, color);
    let fill = ui.visuals().extreme_bg_color;
    let at = |dx: f32, dy: f32| center + radius * vec2(dx, dy);
    let painter = ui.painter();
    match marker {
        MarkerShape::Circle => {
            painter.circle(center, radius, fill, stroke);
        }
        MarkerShape::Square => {
            painter.rect(
                Rect::from_center_size(center, vec2(1.6, 1.6) * radius),
                0.0,
                fill,
                stroke,
                egui::StrokeKind::Middle,
            );
        }
        MarkerShape::Diamond => {
            painter.add(Shape::convex_polygon(
                vec![at(0.0, -1.2), at(1.2, 0.0), at(0.0, 1.2), at(-1.2, 0.0)],
                fill,
                stroke,
            ));
        }
        _ => {
            painter.add(Shape::convex_polygon(vec![at(0.0, -1.2), at(1.1, 0.8), at(-1.1, 0.8)], fill, stroke));
        }
    }
}

/// A plot that stays as drawn: no dragging, zooming or resetting, and the mouse wheel scrolls
/// the tab around it rather than the chart.
pub fn still(plot: Plot<'_>) -> Plot<'_> {
    plot.allow_drag(false).allow_zoom(false).allow_scroll(false).allow_boxed_zoom(false).allow_double_click_reset(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pointer_reads_every_series_at_the_nearest_sample() {
        let series =
            [("VM", vec![[1.0, 10.0], [5.0, 50.0], [10.0, 100.0]]), ("Container", vec![[1.0, 4.0], [5.0, 9.0]])];
        assert_eq!(nearest_samples(&series, 6.9), Some((5.0, vec![("VM", 50.0), ("Container", 9.0)])));
        assert_eq!(nearest_samples(&series, 9.0), Some((10.0, vec![("VM", 100.0)])), "a series cut short says nothing");
        assert_eq!(nearest_samples(&[], 3.0), None);
    }

    #[test]
    fn stairs_hold_each_value_until_the_next_sample() {
        let points = [[1.0, 1.0], [4.0, 2.0], [10.0, 5.0]];
        assert_eq!(stairs(&points), vec![[1.0, 1.0], [4.0, 1.0], [4.0, 2.0], [10.0, 2.0], [10.0, 5.0]]);
        assert!(stairs(&[]).is_empty());
        assert_eq!(stairs(&[[3.0, 7.0]]), vec![[3.0, 7.0]]);
    }

    #[test]
    fn labels_far_apart_share_the_first_row() {
        let placed = place_labels(&[(100.0, 40.0), (300.0, 40.0)], 0.0, (0.0, 500.0), 3, 6.0);
        assert_eq!(placed, vec![Some(Placed { row: 0, left: 80.0 }), Some(Placed { row: 0, left: 280.0 })]);
    }

    /// Five crossings within a few pixels of each other (the 50-service slide's memory chart):
    /// three rows take the three nearest to today, the others are dropped, and no two labels
    /// on one row overlap.
    #[test]
    fn crowded_labels_stack_then_drop_the_farthest_from_today() {
        let spans = [(200.0, 60.0), (210.0, 60.0), (220.0, 60.0), (230.0, 60.0), (240.0, 60.0)];
        let placed = place_labels(&spans, 215.0, (0.0, 800.0), 3, 6.0);
        let rows: Vec<Option<usize>> = placed.iter().map(|p| p.map(|p| p.row)).collect();
        assert_eq!(rows, vec![Some(2), Some(0), Some(1), None, None]);
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                if let (Some(a), Some(b)) = (a, b) {
                    assert!(a.row != b.row || (a.left - b.left).abs() >= 66.0, "{a:?} overlaps {b:?}");
                }
            }
        }
    }

    #[test]
    fn labels_at_the_edges_shift_inside_the_band() {
        let placed = place_labels(&[(2.0, 40.0), (498.0, 40.0)], 250.0, (0.0, 500.0), 1, 6.0);
        assert_eq!(placed, vec![Some(Placed { row: 0, left: 0.0 }), Some(Placed { row: 0, left: 460.0 })]);
        // A label wider than the band is never drawn cut off.
        assert_eq!(place_labels(&[(50.0, 120.0)], 0.0, (0.0, 100.0), 2, 6.0), vec![None]);
    }
}
