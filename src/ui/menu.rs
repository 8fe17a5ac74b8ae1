//! The menu bar. It only asks for [`Command`]s, which the app runs, except for what the
//! menus edit in place: the appearance, and the options the profile compares. Labels, hover
//! texts and shortcuts come from [`UiCommand`], as do the keys and the shortcut list.

use std::path::PathBuf;

use egui::Ui;

use super::options_menu::options_menu_ui;
use super::theme::{Appearance, ThemeChoice};
use crate::command::{Command, DeckSource, UiCommand};
use crate::profile::Profile;

/// UI scales offered in View ▸ UI scale.
pub const SCALES: [f32; 6] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0];

/// What the menus need to know besides the appearance they edit.
pub struct MenuContext<'a> {
    pub can_undo: bool,
    pub can_redo: bool,
    pub recent: &'a [PathBuf],
    /// Names of the bundled example profiles, in menu order.
    pub examples: &'a [&'a str],
    pub baseline_pinned: bool,
    /// Whether a chart is on screen to be exported.
    pub chart_shown: bool,
    pub deck: &'a DeckSource,
}

/// The File, Edit, View, Options and Help menus; Options edits `profile.options` only.
pub fn menu_bar_ui(
    ui: &mut Ui,
    context: &MenuContext<'_>,
    appearance: &mut Appearance,
    profile: &mut Profile,
    commands: &mut Vec<Command>,
) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, context, commands));
        ui.menu_button("Edit", |ui| {
            item(ui, UiCommand::Undo, context.can_undo, commands);
            item(ui, UiCommand::Redo, context.can_redo, commands);
            ui.separator();
            item(ui, UiCommand::ResetAll, true, commands);
        });
        ui.menu_button("View", |ui| view_menu_ui(ui, context, appearance, commands));
        options_menu_ui(ui, profile);
        ui.menu_button("Help", |ui| {
            item(ui, UiCommand::Shortcuts, true, commands);
            if ui
                .button("Welcome and examples")
                .on_hover_text("The first-start panel: examples and what to try")
                .clicked()
            {
                commands.push(Command::Welcome(true));
            }
        });
    });
}

/// A menu entry from the command table, with its first shortcut written on the right;
/// asks for its command when clicked.
fn item(ui: &mut Ui, entry: UiCommand, enabled: bool, commands: &mut Vec<Command>) -> egui::Response {
    item_labelled(ui, entry, entry.text(), enabled, commands)
}

/// [`item`] with a label of its own (for an entry whose wording follows the state).
fn item_labelled(
    ui: &mut Ui,
    entry: UiCommand,
    label: &str,
    enabled: bool,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = entry.kbd_shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let response = ui.add_enabled(enabled, button).on_hover_text(entry.tooltip());
    if response.clicked() {
        commands.push(entry.command(0));
    }
    response
}

/// One entry per bundled example; picking one asks for `command(index)`.
pub fn examples_menu_ui(ui: &mut Ui, examples: &[&str], command: fn(usize) -> Command, commands: &mut Vec<Command>) {
    for (index, name) in examples.iter().enumerate() {
        if ui.button(*name).clicked() {
            commands.push(command(index));
        }
    }
}

fn file_menu_ui(ui: &mut Ui, context: &MenuContext<'_>, commands: &mut Vec<Command>) {
    item(ui, UiCommand::New, true, commands);
    item(ui, UiCommand::Open, true, commands);
    item(ui, UiCommand::Import, true, commands);
    ui.menu_button("Open example", |ui| examples_menu_ui(ui, context.examples, Command::OpenExample, commands));
    ui.add_enabled_ui(!context.recent.is_empty(), |ui| {
        ui.menu_button("Recent files", |ui| {
            for path in context.recent {
                if ui.button(path.display().to_string()).clicked() {
                    commands.push(Command::Open(path.clone()));
                }
            }
            ui.separator();
            if ui.button("Clear recent files").clicked() {
                commands.push(Command::ClearRecent);
            }
        });
    });
    ui.separator();
    item(ui, UiCommand::Save, true, commands);
    item(ui, UiCommand::SaveAs, true, commands);
    ui.separator();
    item(ui, UiCommand::ExportReport, true, commands);
    item(ui, UiCommand::ExportChart, context.chart_shown, commands)
        .on_disabled_hover_text("Show a chart first: the Resources tab, or presenter mode");
    item(ui, UiCommand::ExportWindow, true, commands);
    item(ui, UiCommand::ExportDeck, true, commands);
    ui.separator();
    item(ui, UiCommand::Quit, true, commands);
}

fn view_menu_ui(ui: &mut Ui, context: &MenuContext<'_>, appearance: &mut Appearance, commands: &mut Vec<Command>) {
    ui.menu_button("Theme", |ui| {
        for theme in ThemeChoice::ALL {
            ui.radio_value(&mut appearance.theme, theme, theme.label());
        }
    });
    ui.menu_button("UI scale", |ui| {
        for scale in SCALES {
            let selected = (appearance.ui_scale - scale).abs() < 0.01;
            if ui.radio(selected, format!("{:.0}%", scale * 100.0)).clicked() {
                appearance.ui_scale = scale;
            }
        }
    });
    ui.separator();
    let pin = if context.baseline_pinned { "Pin as baseline again" } else { UiCommand::PinBaseline.text() };
    item_labelled(ui, UiCommand::PinBaseline, pin, true, commands);
    item(ui, UiCommand::ClearBaseline, context.baseline_pinned, commands);
    ui.separator();
    item(ui, UiCommand::CompareWith, true, commands);
    ui.menu_button("Compare with example", |ui| {
        examples_menu_ui(ui, context.examples, Command::CompareWithExample, commands);
    });
    ui.separator();
    item(ui, UiCommand::Present, true, commands);
    ui.menu_button("Presenter deck", |ui| {
        if ui.radio(*context.deck == DeckSource::Examples, "Bundled examples").clicked() {
            commands.push(Command::UseDeck(DeckSource::Examples));
        }
        if let DeckSource::Folder(folder) = context.deck {
            // The chosen folder, shown as the choice; choosing it again changes nothing.
            ui.add(egui::RadioButton::new(true, folder.display().to_string()));
        }
        if ui
            .button("Choose folder…")
            .on_hover_text("Present every profile (*.ron) of a folder, by file name")
            .clicked()
        {
            commands.push(Command::Choose(crate::command::PathPurpose::DeckFolder));
        }
    });
}
