//! The tornado chart of the sensitivity analysis: which traits swing the verdict's margin
//! most. One bar per trait, biggest swing first, reaching from the margin with the trait at
//! the low end of its tornado range to the margin at the high end; each end is marked with
//! the trait's value there. The margin is the leader's overall score minus the runner-up's:
//! right of the zero line the leader stays ahead, left of it the runner-up takes the lead,
//! and each part of a bar has the colour of the option ahead there.

use egui::{Align, Align2, Color32, Layout, Pos2, Rangef, Rect, RichText, Sense, Stroke, TextStyle, Ui, pos2, vec2};

use super::culling::culled;
use super::theme::{attention_color, neutral_mark, option_color_by_id, sizes};
use super::widgets::{on_hover_text_with, text_width};
use crate::model::Evaluation;
use crate::model::format::{score, signed_score};
use crate::model::options::OptionId;
use crate::model::sensitivity::{Sensitivity, TraitSensitivity};
use crate::narrative::capitalise;

/// Bars shown at most; the rest move the margin less than the last one shown.
const MAX_BARS: usize = 10;
/// A swing smaller than this (in points) is not drawn: it would be a bar of no width.
const NEGLIGIBLE: f64 = 0.05;

/// The tornado, under its heading. Draws nothing but a note when there is no runner-up.
pub fn tornado_ui(ui: &mut Ui, evaluation: &Evaluation, sensitivity: &Sensitivity, currency: &str) {
    ui.label(RichText::new("What moves the margin").heading());
    let Some(runner_up) = sensitivity.runner_up else {
        ui.label(RichText::new("Only one option is scored: there is no margin to move").weak());
        return;
    };
    let leader = sensitivity.leader;
    let score_of = |id: OptionId| evaluation.options.iter().find(|o| o.spec.id() == id).map(|o| o.score);
    let (Some(lead), Some(second)) = (score_of(leader), score_of(runner_up)) else { return };
    let now = lead - second;
    ui.label(
        RichText::new(format!(
            "{} lead {} by {} points. Each bar moves one trait across its range (the values at its ends) \
             and shows the margin then: right of the line {} stay ahead, left of it {} take the lead.",
            capitalise(leader.spec().plural),
            runner_up.spec().plural,
            score(now),
            leader.spec().plural,
            runner_up.spec().plural,
        ))
        .weak(),
    );
    let bars: Vec<&TraitSensitivity> =
        sensitivity.traits.iter().filter(|t| t.swing() >= NEGLIGIBLE).take(MAX_BARS).collect();
    if bars.is_empty() {
        ui.label(RichText::new("No trait moves the margin within its tornado range").weak());
        return;
    }
    let colors = (option_color_by_id(ui.visuals(), leader), option_color_by_id(ui.visuals(), runner_up));
    let scale = Scale::new(&bars, now);
    let name_width = bars
        .iter()
        .map(|t| text_width(ui, t.id.meta().label, &TextStyle::Body))
        .fold(0.0, f32::max)
        .min(ui.available_width() * 0.35);
    let end_width = bars
        .iter()
        .flat_map(|t| ends(t, currency))
        .map(|end| text_width(ui, &end, &TextStyle::Small))
        .fold(0.0, f32::max);
    let row_height = sizes(ui.ctx()).bar_height + 4.0;
    // Only the rows in view are laid out. The lines across them need the bars' left and
    // right ends, which a laid-out row gives and memory keeps for when none is in view.
    let ends_id = ui.make_persistent_id("tornado_bar_ends");
    let mut xs = None;
    let mut ys: Option<Rangef> = None;
    for bar in &bars {
        // A row's height follows its name and range, wrapped to the name column.
        let key = (bar.low.to_bits(), bar.high.to_bits(), name_width.to_bits());
        let row = culled(ui, bar.id, key, |ui| {
            ui.horizontal_top(|ui| {
                ui.allocate_ui_with_layout(vec2(name_width, row_height), Layout::top_down(Align::Min), |ui| {
                    ui.set_width(name_width);
                    let meta = bar.id.meta();
                    ui.add(egui::Label::new(meta.label).wrap());
                    ui.label(
                        RichText::new(format!(
                            "{} – {}",
                            meta.format_in(bar.low, currency),
                            meta.format_in(bar.high, currency)
                        ))
                        .small()
                        .weak(),
                    );
                });
                let width = ui.available_width().max(4.0 * end_width);
                let (rect, response) = ui.allocate_exact_size(vec2(width, row_height), Sense::hover());
                let inner = Rect::from_x_y_ranges(
                    rect.left() + end_width + 6.0..=rect.right() - end_width - 6.0,
                    rect.y_range(),
                );
                xs = Some(inner.x_range());
                bar_ui(ui, bar, &scale, inner, colors, currency);
                on_hover_text_with(response, || hover_text(bar, leader, runner_up, currency));
            });
        });
        let bar_ys = Rangef::new(row.top(), row.top() + row_height);
        ys = Some(ys.map_or(bar_ys, |ys| ys.union(bar_ys)));
    }
    if let Some(xs) = xs {
        ui.data_mut(|data| data.insert_temp(ends_id, xs));
    } else {
        xs = ui.data(|data| data.get_temp(ends_id));
    }
    let area = xs.zip(ys).map(|(xs, ys)| Rect::from_x_y_ranges(xs, ys));
    let hidden = sensitivity.traits.len() - bars.len();
    if let Some(area) = area {
        let x = scale.x(area, 0.0);
        let color = attention_color(ui.visuals());
        ui.painter().line_segment([pos2(x, area.top() - 4.0), pos2(x, area.bottom() + 4.0)], Stroke::new(2.0, color));
        let now_x = scale.x(area, now);
        let stroke = Stroke::new(1.0, neutral_mark(ui.visuals()));
        ui.painter().extend(egui::Shape::dashed_line(
            &[pos2(now_x, area.top()), pos2(now_x, area.bottom())],
            stroke,
            4.0,
            3.0,
        ));
        // Wrapped: with the zero line near the right edge of a narrow panel, "now" goes to the
        // next line rather than past the edge.
        ui.horizontal_wrapped(|ui| {
            // Under the zero line, which the caption's bar continues.
            ui.add_space((x - ui.cursor().left() - 2.0).max(0.0));
            ui.label(RichText::new("│ leader changes").small().color(color));
            ui.label(RichText::new(format!("┆ now: {}", signed_score(now))).small().weak());
        });
        margin_axis_ui(ui, &scale, area);
    }
    if hidden > 0 {
        ui.label(RichText::new(format!("{hidden} more traits move it less")).small().weak());
    }
}

/// The margin axis under the bars: the margin, in points, at the bars' left and right ends,
/// so a bar's length reads as points. Where the bars are too narrow for both ends and the
/// unit on one line (a small zoomed screen), the unit goes on a line of its own.
fn margin_axis_ui(ui: &mut Ui, scale: &Scale, area: Rect) {
    const UNIT: &str = " points of margin";
    let font = TextStyle::Small.resolve(ui.style());
    let color = ui.visuals().weak_text_color();
    let width = |text: String| ui.painter().layout_no_wrap(text, font.clone(), color).size().x;
    let (low, high) = (signed_score(scale.low), signed_score(scale.high));
    let one_line = width(format!("{low}  {high}{UNIT}")) <= area.width();
    let rows = if one_line { 1.0 } else { 2.0 };
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), rows * (font.size + 4.0)), Sense::hover());
    let painter = ui.painter();
    let row = |at: f32| rect.top() + (at + 0.5) * (font.size + 4.0);
    painter.line_segment([pos2(area.left(), rect.top()), pos2(area.right(), rect.top())], Stroke::new(1.0, color));
    painter.text(pos2(area.left(), row(0.0)), Align2::LEFT_CENTER, low, font.clone(), color);
    if one_line {
        painter.text(pos2(area.right(), row(0.0)), Align2::RIGHT_CENTER, format!("{high}{UNIT}"), font, color);
    } else {
        painter.text(pos2(area.right(), row(0.0)), Align2::RIGHT_CENTER, high, font.clone(), color);
        painter.text(pos2(area.right(), row(1.0)), Align2::RIGHT_CENTER, UNIT.trim_start(), font, color);
    }
}

/// The trait's values at its bar's two ends, as written there.
fn ends(bar: &TraitSensitivity, currency: &str) -> [String; 2] {
    let meta = bar.id.meta();
    [meta.format_in(bar.low, currency), meta.format_in(bar.high, currency)]
}

fn hover_text(bar: &TraitSensitivity, leader: OptionId, runner_up: OptionId, currency: &str) -> String {
    let meta = bar.id.meta();
    let at = |value: f64, margin: f64| {
        let who = if margin >= 0.0 { leader.spec().plural } else { runner_up.spec().plural };
        format!("at {}: margin {} points ({who} ahead)", meta.format_in(value, currency), signed_score(margin))
    };
    format!(
        "{} now {}\n{}\n{}\nSwing {} points",
        meta.label,
        meta.format_in(bar.value, currency),
        at(bar.low, bar.margin_low),
        at(bar.high, bar.margin_high),
        score(bar.swing())
    )
}

/// Margins (points) to screen x: the range of every bar, zero and today's margin, padded.
struct Scale {
    low: f64,
    high: f64,
}

impl Scale {
    fn new(bars: &[&TraitSensitivity], now: f64) -> Self {
        let margins = bars.iter().flat_map(|t| [t.margin_low, t.margin_high]).chain([0.0, now]);
        let (low, high) = margins.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), m| (lo.min(m), hi.max(m)));
        let pad = ((high - low) * 0.04).max(0.5);
        Self { low: low - pad, high: high + pad }
    }

    #[expect(clippy::cast_possible_truncation, reason = "a 0–1 share of a row's width")]
    fn x(&self, rect: Rect, margin: f64) -> f32 {
        rect.left() + rect.width() * ((margin - self.low) / (self.high - self.low)) as f32
    }
}

/// One bar: from the margin at one end of the trait's range to the margin at the other, in
/// the leader's colour right of zero and the runner-up's left of it, each end labelled with
/// the trait's value there.
fn bar_ui(
    ui: &Ui,
    bar: &TraitSensitivity,
    scale: &Scale,
    rect: Rect,
    (leader, runner_up): (Color32, Color32),
    currency: &str,
) {
    let (from, to) = (bar.margin_low.min(bar.margin_high), bar.margin_low.max(bar.margin_high));
    let top = rect.top() + 2.0;
    let bottom = rect.bottom() - 2.0;
    let span = |a: f64, b: f64| Rect::from_min_max(pos2(scale.x(rect, a), top), pos2(scale.x(rect, b), bottom));
    let painter = ui.painter();
    if to > 0.0 {
        painter.rect_filled(span(from.max(0.0), to), 2.0, leader);
    }
    if from < 0.0 {
        painter.rect_filled(span(from, to.min(0.0)), 2.0, runner_up);
    }
    let font = TextStyle::Small.resolve(ui.style());
    let color = ui.visuals().text_color();
    let [low, high] = ends(bar, currency);
    // The end further left is labelled on its left, the other on its right: never over the bar.
    let (left_text, right_text) = if bar.margin_low <= bar.margin_high { (low, high) } else { (high, low) };
    let middle = rect.center().y;
    painter.text(Pos2::new(scale.x(rect, from) - 4.0, middle), Align2::RIGHT_CENTER, left_text, font.clone(), color);
    painter.text(Pos2::new(scale.x(rect, to) + 4.0, middle), Align2::LEFT_CENTER, right_text, font, color);
}
