//! Small widgets shared by several views.

use egui::{Color32, CornerRadius, Response, RichText, Sense, Ui, Vec2};

use super::theme::{Sizes, bar_track};
use crate::model::format::score;

/// A horizontal bar showing `value` out of `max` in an option's colour, followed by the
/// number. The number is a label of its own, so it is read out and found by tests.
pub fn score_bar(ui: &mut Ui, value: f64, max: f64, color: Color32, width: f32) -> Response {
    ui.horizontal(|ui| {
        let size = Vec2::new(width, Sizes::DEFAULT.bar_height);
        let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
        if ui.is_rect_visible(rect) {
            let painter = ui.painter();
            let radius = CornerRadius::same(3);
            painter.rect_filled(rect, radius, bar_track(ui.visuals()));
            let share = if max > 0.0 { (value / max).clamp(0.0, 1.0) as f32 } else { 0.0 };
            let mut filled = rect;
            filled.set_width(rect.width() * share);
            painter.rect_filled(filled, radius, color);
        }
        let number = ui.label(RichText::new(score(value)).monospace().strong());
        response.union(number)
    })
    .inner
}

/// A small ↺ button that puts a value back to its default, shown only while the value
/// differs from it (its space is kept, so rows stay aligned). `name` is what it resets
/// ("Replicas"), giving the accessible label "Reset Replicas".
pub fn reset_button(ui: &mut Ui, name: &str, overridden: bool) -> bool {
    let label = format!("Reset {name}");
    ui.add_visible(overridden, egui::Button::new("↺").frame(false))
        .on_hover_text(format!("{label} to its default"))
        .accessible_name(label)
        .clicked()
}
