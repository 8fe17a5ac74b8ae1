//! The menu bar and the keyboard shortcuts. Both only ask for [`Command`]s; the app runs them.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::theme::{Appearance, ThemeChoice};
use crate::app::Command;

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// UI scales offered in View ▸ UI scale.
pub const SCALES: [f32; 6] = [0.75, 1.0, 1.25, 1.5, 1.75, 2.0];

/// What the menus need to know besides the appearance they edit.
pub struct MenuContext<'a> {
    pub can_undo: bool,
    pub can_redo: bool,
    pub recent: &'a [PathBuf],
    /// Names of the bundled example profiles, in menu order.
    pub examples: &'a [&'a str],
}

/// Commands asked for by keyboard shortcuts this frame. Shortcuts with Shift are checked
/// first, since Ctrl+S would also match Ctrl+Shift+S.
pub fn shortcut_commands(ctx: &egui::Context, undo_allowed: bool) -> Vec<Command> {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        let mut take = |shortcut: &KeyboardShortcut, command: fn() -> Command| {
            if input.consume_shortcut(shortcut) {
                commands.push(command());
            }
        };
        take(&SAVE_AS, || Command::SaveAsDialog);
        take(&SAVE, || Command::Save);
        take(&NEW, || Command::New);
        take(&OPEN, || Command::OpenDialog);
        take(&QUIT, || Command::Quit);
        // While a text field has focus, Ctrl+Z belongs to the text field.
        if undo_allowed {
            take(&REDO, || Command::Redo);
            take(&REDO_ALT, || Command::Redo);
            take(&UNDO, || Command::Undo);
        }
    });
    commands
}

/// The File, Edit and View menus.
pub fn menu_bar_ui(ui: &mut Ui, context: &MenuContext<'_>, appearance: &mut Appearance, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, context, commands));
        ui.menu_button("Edit", |ui| {
            if item(ui, "Undo", &UNDO, context.can_undo) {
                commands.push(Command::Undo);
            }
            if item(ui, "Redo", &REDO, context.can_redo) {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| view_menu_ui(ui, appearance));
    });
}

/// A menu entry with its shortcut written on the right.
fn item(ui: &mut Ui, label: &str, shortcut: &KeyboardShortcut, enabled: bool) -> bool {
    let text = ui.ctx().format_shortcut(shortcut);
    ui.add_enabled(enabled, egui::Button::new(label).shortcut_text(text)).clicked()
}

fn file_menu_ui(ui: &mut Ui, context: &MenuContext<'_>, commands: &mut Vec<Command>) {
    if item(ui, "New", &NEW, true) {
        commands.push(Command::New);
    }
    if item(ui, "Open…", &OPEN, true) {
        commands.push(Command::OpenDialog);
    }
    ui.menu_button("Open example", |ui| {
        for (index, name) in context.examples.iter().enumerate() {
            if ui.button(*name).clicked() {
                commands.push(Command::OpenExample(index));
            }
        }
    });
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
    if item(ui, "Save", &SAVE, true) {
        commands.push(Command::Save);
    }
    if item(ui, "Save as…", &SAVE_AS, true) {
        commands.push(Command::SaveAsDialog);
    }
    ui.separator();
    if item(ui, "Quit", &QUIT, true) {
        commands.push(Command::Quit);
    }
}

fn view_menu_ui(ui: &mut Ui, appearance: &mut Appearance) {
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
}
