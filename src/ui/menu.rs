//! The menu bar and the keyboard shortcuts. Both only ask for [`Command`]s; the app runs them.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers, Ui};

use super::dialogs::PathPurpose;
use super::theme::{Appearance, ThemeChoice};
use crate::app::{Command, DeckSource, Export};

pub const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
pub const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
pub const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
pub const SAVE_AS: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
pub const EXPORT_REPORT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::E);
pub const EXPORT_WINDOW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::E);
pub const EXPORT_CHART: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::ALT), Key::E);
pub const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
pub const REDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
pub const REDO_ALT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
pub const PIN_BASELINE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::B);
pub const CLEAR_BASELINE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::B);
pub const PRESENT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::NONE, Key::F5);
pub const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// Keys that step presenter mode's deck forward, and back.
const NEXT_SLIDE: [Key; 3] = [Key::ArrowRight, Key::PageDown, Key::Space];
const PREVIOUS_SLIDE: [Key; 2] = [Key::ArrowLeft, Key::PageUp];

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

/// What the keyboard may do: edit the scenario, or step through a presentation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keys {
    /// `undo`: whether Ctrl+Z is the app's (not a focused text field's).
    Editing {
        undo: bool,
    },
    Presenting,
}

/// Commands asked for by keyboard shortcuts this frame. Shortcuts with Shift or Alt are
/// checked first, since Ctrl+S would also match Ctrl+Shift+S.
pub fn shortcut_commands(ctx: &egui::Context, keys: Keys) -> Vec<Command> {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        let mut take = |shortcut: &KeyboardShortcut, command: fn() -> Command| {
            if input.consume_shortcut(shortcut) {
                commands.push(command());
            }
        };
        take(&EXPORT_CHART, || Command::Choose(PathPurpose::Export(Export::Chart)));
        take(&EXPORT_WINDOW, || Command::Choose(PathPurpose::Export(Export::Window)));
        take(&EXPORT_REPORT, || Command::Choose(PathPurpose::Export(Export::Report)));
        take(&QUIT, || Command::Quit);
        match keys {
            Keys::Editing { undo } => {
                take(&SAVE_AS, || Command::Choose(PathPurpose::SaveAs));
                take(&SAVE, || Command::Save);
                take(&NEW, || Command::New);
                take(&OPEN, || Command::Choose(PathPurpose::Open));
                take(&CLEAR_BASELINE, || Command::ClearBaseline);
                take(&PIN_BASELINE, || Command::PinBaseline);
                take(&PRESENT, || Command::Present);
                // While a text field has focus, Ctrl+Z belongs to the text field.
                if undo {
                    take(&REDO, || Command::Redo);
                    take(&REDO_ALT, || Command::Redo);
                    take(&UNDO, || Command::Undo);
                }
            }
            Keys::Presenting => {
                if input.consume_key(Modifiers::NONE, Key::Escape) {
                    commands.push(Command::StopPresenting);
                }
                for (keys, by) in [(&NEXT_SLIDE[..], 1), (&PREVIOUS_SLIDE[..], -1)] {
                    for key in keys {
                        if input.consume_key(Modifiers::NONE, *key) {
                            commands.push(Command::StepSlides(by));
                        }
                    }
                }
            }
        }
    });
    commands
}

/// The File, Edit and View menus.
pub fn menu_bar_ui(ui: &mut Ui, context: &MenuContext<'_>, appearance: &mut Appearance, commands: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu_ui(ui, context, commands));
        ui.menu_button("Edit", |ui| {
            if item(ui, "Undo", UNDO, context.can_undo) {
                commands.push(Command::Undo);
            }
            if item(ui, "Redo", REDO, context.can_redo) {
                commands.push(Command::Redo);
            }
        });
        ui.menu_button("View", |ui| view_menu_ui(ui, context, appearance, commands));
    });
}

/// A menu entry with its shortcut written on the right.
fn item(ui: &mut Ui, label: &str, shortcut: KeyboardShortcut, enabled: bool) -> bool {
    let text = ui.ctx().format_shortcut(&shortcut);
    ui.add_enabled(enabled, egui::Button::new(label).shortcut_text(text)).clicked()
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
    if item(ui, "New", NEW, true) {
        commands.push(Command::New);
    }
    if item(ui, "Open…", OPEN, true) {
        commands.push(Command::Choose(PathPurpose::Open));
    }
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
    if item(ui, "Save", SAVE, true) {
        commands.push(Command::Save);
    }
    if item(ui, "Save as…", SAVE_AS, true) {
        commands.push(Command::Choose(PathPurpose::SaveAs));
    }
    ui.separator();
    if item(ui, "Export report…", EXPORT_REPORT, true) {
        commands.push(Command::Choose(PathPurpose::Export(Export::Report)));
    }
    let shortcut = ui.ctx().format_shortcut(&EXPORT_CHART);
    let chart = ui
        .add_enabled(context.chart_shown, egui::Button::new("Export chart as PNG…").shortcut_text(shortcut))
        .on_hover_text("The projection chart on screen, with its title")
        .on_disabled_hover_text("Show a chart first: the Resources tab, or presenter mode");
    if chart.clicked() {
        commands.push(Command::Choose(PathPurpose::Export(Export::Chart)));
    }
    if item(ui, "Export window as PNG…", EXPORT_WINDOW, true) {
        commands.push(Command::Choose(PathPurpose::Export(Export::Window)));
    }
    ui.separator();
    if item(ui, "Quit", QUIT, true) {
        commands.push(Command::Quit);
    }
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
    let pin = if context.baseline_pinned { "Pin as baseline again" } else { "Pin as baseline" };
    if item(ui, pin, PIN_BASELINE, true) {
        commands.push(Command::PinBaseline);
    }
    if item(ui, "Clear baseline", CLEAR_BASELINE, context.baseline_pinned) {
        commands.push(Command::ClearBaseline);
    }
    ui.separator();
    if ui.button("Compare with…").on_hover_text("Choose a profile to set beside the open scenario").clicked() {
        commands.push(Command::Choose(PathPurpose::CompareWith));
    }
    ui.menu_button("Compare with example", |ui| {
        examples_menu_ui(ui, context.examples, Command::CompareWithExample, commands);
    });
    ui.separator();
    if item(ui, "Presenter mode", PRESENT, true) {
        commands.push(Command::Present);
    }
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
            commands.push(Command::Choose(PathPurpose::DeckFolder));
        }
    });
}
