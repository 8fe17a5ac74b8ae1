//! Small widgets shared by several views.

use egui::emath::GuiRounding as _;
use egui::{
    Color32, CornerRadius, Rect, Response, RichText, Sense, Shape, Stroke, Ui, Vec2, Visuals, WidgetInfo, WidgetText,
    pos2, vec2,
};

use super::theme::{bar_track, baseline_mark, change_color, sizes};
use crate::model::compare::Delta;
use crate::model::format::{score, score_change, score_direction, shown_change};

/// A horizontal bar showing a score out of `max` in an option's colour, followed by the
/// number, and, against a baseline, a mark where the baseline was and the change since.
/// The bar and its number are one widget, read out (and found by tests) as the number: a
/// scorecard of four options holds over forty of them, and a row of widgets around each
/// cost more than the rest of the row.
#[derive(Clone, Copy, Debug)]
#[must_use]
pub struct ScoreBar {
    value: f64,
    max: f64,
    color: Color32,
    width: f32,
    /// How far the bar is filled, when a transition has not reached `value` yet.
    drawn: Option<f64>,
    baseline: Option<Delta>,
    /// Whether the change since the baseline goes under the bar rather than after it.
    change_below: bool,
}

impl ScoreBar {
    pub fn new(value: f64, max: f64, color: Color32, width: f32) -> Self {
        Self { value, max, color, width, drawn: None, baseline: None, change_below: false }
    }

    /// Writes the change since the baseline under the bar, where the row has no room after it.
    pub fn change_below(mut self, below: bool) -> Self {
        self.change_below = below;
        self
    }

    /// Fills the bar to `drawn` while the number already shows the value: bars glide between
    /// slides, and the number never shows a figure the model did not compute.
    pub fn drawn_to(mut self, drawn: f64) -> Self {
        self.drawn = Some(drawn);
        self
    }

    /// Marks the baseline's score (`delta.a`) on the track and writes the change (B − A)
    /// after the number.
    pub fn against(mut self, baseline: Option<Delta>) -> Self {
        self.baseline = baseline;
        self
    }

    pub fn ui(self, ui: &mut Ui) -> Response {
        // A change since the baseline is a label of its own after the bar (or under it), with
        // its own hover.
        let Some(delta) = self.baseline.filter(|delta| moved(*delta)) else {
            return self.bar_ui(ui);
        };
        let add_contents = |ui: &mut Ui| {
            let bar = self.bar_ui(ui);
            bar.union(change_label(ui, delta))
        };
        if self.change_below {
            ui.vertical(|ui| {
                ui.spacing_mut().item_spacing.y = 0.0;
                add_contents(ui)
            })
            .inner
        } else {
            ui.horizontal(add_contents).inner
        }
    }

    /// The bar and its number, centred in a row as high as an interactive widget, as a
    /// horizontal row of the two would place them.
    fn bar_ui(self, ui: &mut Ui) -> Response {
        let Self { value, max, color, width, drawn, baseline, .. } = self;
        #[expect(clippy::cast_possible_truncation, reason = "a 0–1 share of the bar")]
        let share = |v: f64| if max > 0.0 { (v / max).clamp(0.0, 1.0) as f32 } else { 0.0 };
        let number = score(value);
        let galley = WidgetText::from(RichText::new(&number).monospace().strong()).into_galley(
            ui,
            Some(egui::TextWrapMode::Extend),
            f32::INFINITY,
            egui::TextStyle::Monospace,
        );
        let bar = Vec2::new(width, sizes(ui.ctx()).bar_height);
        let gap = ui.spacing().item_spacing.x;
        let height = ui.spacing().interact_size.y.max(bar.y).max(galley.size().y);
        let (rect, response) = ui.allocate_exact_size(vec2(width + gap + galley.size().x, height), Sense::hover());
        response.widget_info(|| WidgetInfo::labeled(egui::Role::Label, ui.is_enabled(), &number));
        if ui.is_rect_visible(rect) {
            let middle = rect.center().y;
            let track = Rect::from_min_size(pos2(rect.left(), middle - bar.y / 2.0), bar).round_ui();
            let tick = baseline.map(|delta| share(delta.a));
            ui.painter().extend(bar_shapes(ui.visuals(), track, share(drawn.unwrap_or(value)), color, tick));
            let text = pos2(track.right() + gap, middle - galley.size().y / 2.0).round_ui();
            ui.painter().galley(text, galley, ui.visuals().text_color());
        }
        response
    }
}

/// A bar's track filled to `share` (0–1) in `color`, with a tick across it at `tick` (0–1),
/// where a baseline's figure was.
pub fn bar_shapes(visuals: &Visuals, rect: Rect, share: f32, color: Color32, tick: Option<f32>) -> Vec<Shape> {
    let radius = CornerRadius::same(3);
    let mut filled = rect;
    filled.set_width(rect.width() * share.clamp(0.0, 1.0));
    let mut shapes =
        vec![Shape::rect_filled(rect, radius, bar_track(visuals)), Shape::rect_filled(filled, radius, color)];
    if let Some(tick) = tick {
        let x = rect.left() + rect.width() * tick.clamp(0.0, 1.0);
        let stroke = Stroke::new(2.0, baseline_mark(visuals));
        shapes.push(Shape::line_segment([pos2(x, rect.top() - 3.0), pos2(x, rect.bottom() + 3.0)], stroke));
    }
    shapes
}

/// A hover text written only when someone reads it: when the pointer rests on the widget,
/// or at once where a screen reader is listening (AccessKit on), which reads it as the
/// widget's description. For tooltips composed from figures, which would otherwise be
/// formatted on every frame and never shown.
pub fn on_hover_text_with(response: Response, text: impl FnOnce() -> String) -> Response {
    if response.ctx.has_accesskit_node(response.id) {
        return response.on_hover_text(text());
    }
    response.on_hover_ui(|ui| {
        // As `on_hover_text` does: a tooltip with changing text keeps its width.
        ui.set_max_width(ui.spacing().tooltip_width);
        ui.label(text());
    })
}

/// The width a vertical scroll bar takes at the right of a scroll area: content sized to fill
/// the available width leaves this much free, so its last column is not drawn under the bar.
pub fn scroll_bar_room(ui: &Ui) -> f32 {
    ui.spacing().scroll.bar_width + ui.spacing().scroll.bar_outer_margin
}

/// The width `text` takes in `style` on one line: for columns sized to their widest entry.
pub fn text_width(ui: &Ui, text: &str, style: &egui::TextStyle) -> f32 {
    let font = style.resolve(ui.style());
    ui.painter().layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER).size().x
}

/// Whether a score moved, to the tenth shown. A score that did not carries no change at all,
/// so the rows that did stand out.
fn moved(delta: Delta) -> bool {
    score_direction(shown_change(delta.a, delta.b)).is_some()
}

/// The change since the baseline ("+1.2", "-0.8"), coloured by whether the score rose.
fn change_label(ui: &mut Ui, delta: Delta) -> Response {
    let text = score_change(delta.a, delta.b);
    let color = change_color(ui.visuals(), score_direction(shown_change(delta.a, delta.b)));
    ui.label(RichText::new(&text).monospace().small().color(color))
        .on_hover_text(format!("Baseline {}; change since then {text}", score(delta.a)))
}

/// A small ↺ button that puts a value back to its default, shown only while the value
/// differs from it (its space is kept, so rows stay aligned). `name` is what it resets
/// ("Replicas"), giving the accessible label "Reset Replicas".
///
/// While hidden it is no widget at all, only its space: the traits panel, the scorecard and
/// the assumptions tab hold dozens of them, and a hidden widget costs a frame as much as a
/// shown one. The space is the size the button last had at this text size (measured on
/// an invisible button the first time).
pub fn reset_button(ui: &mut Ui, name: &str, overridden: bool) -> bool {
    let size_id = egui::Id::unique(("reset_button_size", ui.text_style_height(&egui::TextStyle::Button).to_bits()));
    if !overridden && let Some(size) = ui.data(|data| data.get_temp::<Vec2>(size_id)) {
        ui.allocate_space(size);
        return false;
    }
    let label = format!("Reset {name}");
    let response = ui.add_visible(overridden, egui::Button::new("↺").frame(false));
    ui.data_mut(|data| data.insert_temp(size_id, response.rect.size()));
    response.on_hover_text(format!("{label} to its default")).accessible_name(label).clicked()
}
