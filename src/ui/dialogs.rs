//! Modal questions and the error panel. They return what the user chose; the app acts on it.

use egui::{Id, Key, Modal, RichText, TextEdit, Ui};

use super::theme::{error_fill, sizes};
use crate::app::Export;

/// The answer to "save your changes first?".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    Save,
    Discard,
    Cancel,
}

/// Asks whether to save unsaved changes before `action` ("opening another file").
pub fn unsaved_prompt_ui(ctx: &egui::Context, scenario: &str, action: &str) -> Option<UnsavedChoice> {
    let response = Modal::new(Id::unique("unsaved_prompt")).show(ctx, |ui| {
        ui.set_max_width(480.0);
        ui.label(RichText::new("Unsaved changes").heading());
        ui.label(format!("“{scenario}” has changes that are not saved. Save them before {action}?"));
        ui.add_space(sizes(ui.ctx()).space_m);
        let mut choice = None;
        ui.horizontal(|ui| {
            let save = ui.button("Save");
            if save.clicked() {
                choice = Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                choice = Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                choice = Some(UnsavedChoice::Cancel);
            }
            // Enter saves, the safe default; Escape cancels (below).
            if choice.is_none() && !ui.memory(|m| m.focused().is_some()) {
                save.request_focus();
            }
        });
        choice
    });
    if response.should_close() {
        return Some(UnsavedChoice::Cancel);
    }
    response.inner
}

/// What a path is asked for, by a system dialog or the typed-path prompt.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    Open,
    SaveAs,
    /// A profile to compare the open scenario with (B in the compare view).
    CompareWith,
    Export(Export),
    /// A folder of profiles for presenter mode's deck.
    DeckFolder,
}

impl PathPurpose {
    /// The dialog's or the prompt's title.
    pub fn title(self) -> &'static str {
        match self {
            Self::Open => "Open profile",
            Self::SaveAs => "Save profile as",
            Self::CompareWith => "Compare with profile",
            Self::Export(what) => what.title(),
            Self::DeckFolder => "Choose the presenter deck's folder",
        }
    }

    /// The prompt's confirming button.
    fn confirm(self) -> &'static str {
        match self {
            Self::Open => "Open",
            Self::SaveAs => "Save",
            Self::CompareWith => "Compare",
            Self::Export(_) => "Export",
            Self::DeckFolder => "Use folder",
        }
    }

    /// An example of what to type.
    fn hint(self) -> &'static str {
        match self {
            Self::Open | Self::CompareWith | Self::SaveAs => "profiles/example.ron",
            Self::Export(Export::Report) => "report.md",
            Self::Export(_) => "picture.png",
            Self::DeckFolder => "profiles",
        }
    }
}

/// A typed path, asked for when no system file dialog is available.
#[derive(Clone, Debug, PartialEq)]
pub struct PathPrompt {
    pub purpose: PathPurpose,
    pub text: String,
    /// Why the prompt is shown instead of a dialog.
    pub note: String,
}

/// The outcome of the path prompt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PathAnswer {
    Confirm(String),
    Cancel,
}

/// A modal asking for a file path.
pub fn path_prompt_ui(ctx: &egui::Context, prompt: &mut PathPrompt) -> Option<PathAnswer> {
    let purpose = prompt.purpose;
    let response = Modal::new(Id::unique("path_prompt")).show(ctx, |ui| {
        ui.set_width(560.0);
        ui.label(RichText::new(purpose.title()).heading());
        ui.label(RichText::new(&prompt.note).weak());
        ui.add_space(sizes(ui.ctx()).space_s);
        let label = ui.label("Path");
        let field = ui
            .add(TextEdit::singleline(&mut prompt.text).desired_width(f32::INFINITY).hint_text(purpose.hint()))
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        if !field.has_focus() && !entered {
            field.request_focus();
        }
        ui.add_space(sizes(ui.ctx()).space_m);
        let mut answer = None;
        ui.horizontal(|ui| {
            if ui.add_enabled(!prompt.text.trim().is_empty(), egui::Button::new(purpose.confirm())).clicked()
                || (entered && !prompt.text.trim().is_empty())
            {
                answer = Some(PathAnswer::Confirm(prompt.text.trim().to_owned()));
            }
            if ui.button("Cancel").clicked() {
                answer = Some(PathAnswer::Cancel);
            }
        });
        answer
    });
    if response.should_close() {
        return Some(PathAnswer::Cancel);
    }
    response.inner
}

/// A red panel with an error (or loading adjustments) and a way to dismiss it. Returns true
/// when dismissed.
pub fn error_panel_ui(ui: &mut Ui, title: &str, detail: &str) -> bool {
    let mut dismissed = false;
    egui::Frame::new().fill(error_fill(ui.visuals())).inner_margin(sizes(ui.ctx()).space_m).corner_radius(4).show(
        ui,
        |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal(|ui| {
                ui.label(RichText::new(title).strong());
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    dismissed = ui.button("Dismiss").clicked();
                });
            });
            ui.add(egui::Label::new(RichText::new(detail).monospace()).wrap());
        },
    );
    dismissed
}
