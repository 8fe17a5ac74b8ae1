//! The status bar: where the scenario lives, whether it has unsaved changes, and the outcome
//! of the last file operation.

use std::path::Path;

use egui::{RichText, Ui};

use super::theme::attention_color;

/// `path` is the scenario's file (none before it is first saved); `status` the last outcome.
pub fn status_bar_ui(ui: &mut Ui, path: Option<&Path>, dirty: bool, status: &str) {
    ui.horizontal(|ui| {
        let location = path.map_or_else(|| "Not saved to a file yet".to_owned(), |path| path.display().to_string());
        ui.label(RichText::new(location).small().weak());
        if dirty {
            ui.label(RichText::new("● unsaved changes").small().color(attention_color(ui.visuals())));
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(RichText::new(status).small().weak());
        });
    });
}
