//! Guidance for who opens the app for the first time: the welcome panel (the bundled
//! examples, three things to try) and the list of keyboard shortcuts, generated from the
//! command table so that it can never disagree with the keys.

use egui::{RichText, Ui};

use super::components::ROW_KEYS;
use super::theme::{attention_color, sizes};
use crate::command::{Command, Scope, UiCommand};

/// The welcome panel, shown above the tabs until a scenario is opened or it is closed.
pub fn welcome_ui(ui: &mut Ui, examples: &[&str], commands: &mut Vec<Command>) {
    let sizes = sizes(ui.ctx());
    egui::Frame::group(ui.style()).inner_margin(sizes.space_l).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            ui.label(RichText::new("Welcome to Podvisor").heading().strong());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button("Close").on_hover_text("Help ▸ Welcome brings this back").clicked() {
                    commands.push(Command::Welcome(false));
                }
            });
        });
        ui.label(
            "Podvisor compares running a workload on virtual machines and in containers. \
             Start from a bundled example, or change the scenario on the left.",
        );
        ui.add_space(sizes.space_m);
        ui.label(RichText::new("Open an example").strong());
        ui.horizontal_wrapped(|ui| {
            for (index, name) in examples.iter().enumerate() {
                if ui.button(*name).clicked() {
                    commands.push(Command::OpenExample(index));
                }
            }
        });
        ui.add_space(sizes.space_m);
        ui.label(RichText::new("Three things to try").strong());
        for (number, text) in [
            "Move a slider on the left: the verdict and every score follow at once.",
            "Open the Scorecard and hover a score: its trace shows how the rule computed it, with sources.",
            "Press F5 to present the scenario and the examples to a room; Esc comes back.",
        ]
        .iter()
        .enumerate()
        {
            ui.label(format!("{}. {text}", number + 1));
        }
        ui.add_space(sizes.space_s);
        ui.label(
            RichText::new("F1 (Help ▸ Keyboard shortcuts) lists every shortcut.").color(attention_color(ui.visuals())),
        );
    });
}

/// Every shortcut of the command table, explorer's first, then presenter mode's, then the
/// component list's row keys. Returns false when closed.
pub fn shortcuts_ui(ctx: &egui::Context) -> bool {
    let mut open = true;
    // On a small screen at a large zoom the list is taller than the window: it scrolls.
    let max_height = ctx.content_rect().height() - 2.0 * sizes(ctx).space_l;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .vscroll(true)
        .max_height(max_height)
        .show(ctx, |ui| {
            for (heading, scopes) in
                [("Exploring", [Scope::Editing, Scope::Both]), ("Presenting (F5)", [Scope::Presenting, Scope::Both])]
            {
                ui.label(RichText::new(heading).strong());
                egui::Grid::new(heading).num_columns(2).striped(true).show(ui, |ui| {
                    for entry in UiCommand::ALL.iter().filter(|entry| scopes.contains(&entry.scope())) {
                        let Some(keys) = keys_text(ui.ctx(), *entry) else {
                            continue;
                        };
                        ui.label(RichText::new(keys).monospace());
                        ui.label(entry.text());
                        ui.end_row();
                    }
                });
                ui.add_space(sizes(ui.ctx()).space_m);
            }
            ui.label(RichText::new("Component list (a focused row)").strong());
            egui::Grid::new("component keys").num_columns(2).striped(true).show(ui, |ui| {
                ui.label(RichText::new("Enter or Space").monospace());
                ui.label("Select the focused component");
                ui.end_row();
                for (key, text) in ROW_KEYS {
                    ui.label(RichText::new(ui.ctx().format_shortcut(&key)).monospace());
                    ui.label(text);
                    ui.end_row();
                }
            });
        });
    open
}

/// An entry's keys as the platform writes them ("Ctrl+S", "→ or `PageDown` or Space"); the
/// number keys as one range. `None` for an entry without keys.
fn keys_text(ctx: &egui::Context, entry: UiCommand) -> Option<String> {
    let keys = entry.kbd_shortcuts();
    if entry == UiCommand::GoToSlide {
        return Some("1 … 9".to_owned());
    }
    let written: Vec<String> = keys.iter().map(|key| ctx.format_shortcut(key)).collect();
    (!written.is_empty()).then(|| written.join(" or "))
}
