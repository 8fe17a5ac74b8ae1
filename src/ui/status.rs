//! The status bar: where the scenario lives, whether it has unsaved changes, and the outcome
//! of the last file operation.

use std::path::Path;

use egui::{Label, RichText, Ui};

use super::theme::attention_color;

/// `path` is the scenario's file (none before it is first saved); `status` the last outcome.
/// Laid out from the right: the outcome keeps at most half the bar, and the path takes what is
/// left, cut short with an ellipsis (egui shows it whole on hover) rather than running under the outcome,
/// as a long folder did in a narrow window.
pub fn status_bar_ui(ui: &mut Ui, path: Option<&Path>, dirty: bool, status: &str) {
    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
        ui.scope(|ui| {
            ui.set_max_width(ui.available_width() / 2.0);
            ui.add(Label::new(RichText::new(status).small().weak()).truncate());
        });
        ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
            let location = path.map_or_else(|| "Not saved to a file yet".to_owned(), |path| path.display().to_string());
            if dirty {
                // The marker first, so a long path is what gets cut short, never the marker.
                ui.label(RichText::new("● unsaved changes").small().color(attention_color(ui.visuals())));
            }
            ui.add(Label::new(RichText::new(location).small().weak()).truncate());
        });
    });
}
