//! Modal questions, the in-app file browser, the error panel and the calm notice. They
//! return what the user chose; the app acts on it.

use std::ffi::OsStr;
use std::path::Path;

use egui::{Align2, FontId, Id, LayerId, Modal, Order, RichText, Ui};

use super::theme::{drop_overlay, error_fill, sizes};
use crate::command::{PathAnswer, PathPurpose, UnsavedChoice};

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

/// The in-app file browser (`egui_file`), used where the system has no file dialog (no
/// xdg-desktop-portal and no zenity: headless machines, Xvfb, some remote desktops).
pub struct FileBrowser {
    pub purpose: PathPurpose,
    dialog: egui_file::FileDialog,
}

impl FileBrowser {
    /// Opens in `directory` (the working directory when none), offering `file_name` when a
    /// file is to be written, and listing only the purpose's kind of file.
    pub fn new(purpose: PathPurpose, directory: Option<&Path>, file_name: &str) -> Self {
        let dialog = match purpose {
            PathPurpose::DeckFolder => egui_file::FileDialog::select_folder(),
            _ if purpose.saves() => egui_file::FileDialog::save_file().default_filename(file_name),
            _ => egui_file::FileDialog::open_file(),
        };
        let mut dialog = dialog.title(purpose.title()).show_new_folder(false).show_rename(false);
        if let Some(directory) = directory {
            dialog = dialog.initial_path(directory);
        }
        let extensions = purpose.extensions();
        if !extensions.is_empty() {
            dialog = dialog.show_files_filter(Box::new(move |path: &Path| {
                path.is_dir() || path.extension().and_then(OsStr::to_str).is_some_and(|e| extensions.contains(&e))
            }));
        }
        dialog.open();
        Self { purpose, dialog }
    }

    /// Shows the browser; its answer once the user has chosen or cancelled.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<PathAnswer> {
        let state = self.dialog.show(ctx).state();
        match state {
            egui_file::State::Open => None,
            egui_file::State::Selected => {
                Some(self.dialog.path().map_or(PathAnswer::Cancel, |path| PathAnswer::Confirm(path.to_owned())))
            }
            egui_file::State::Cancelled | egui_file::State::Closed => Some(PathAnswer::Cancel),
        }
    }
}

/// How a message panel looks: an error in red, a notice (the file opened, with adjustments
/// worth knowing) in the quiet panel colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Error,
    Notice,
}

/// The most of the window's height a message's detail takes before it scrolls.
const MESSAGE_SHARE: f32 = 0.25;

/// A panel with a message and a way to dismiss it. Returns true when dismissed.
pub fn message_panel_ui(ui: &mut Ui, tone: Tone, title: &str, detail: &str) -> bool {
    let mut dismissed = false;
    let fill = match tone {
        Tone::Error => error_fill(ui.visuals()),
        Tone::Notice => ui.visuals().faint_bg_color,
    };
    egui::Frame::new().fill(fill).inner_margin(sizes(ui.ctx()).space_m).corner_radius(4).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal(|ui| {
            let title = RichText::new(title).strong();
            ui.label(if tone == Tone::Notice { title.color(ui.visuals().text_color()) } else { title });
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                dismissed = ui.button("Dismiss").clicked();
            });
        });
        let detail = RichText::new(detail);
        // A long message scrolls within a quarter of the window: the tabs below stay in view
        // on a 720-pixel screen until it is dismissed.
        let most = ui.ctx().content_rect().height() * MESSAGE_SHARE;
        egui::ScrollArea::vertical().max_height(most).auto_shrink([false, true]).show(ui, |ui| {
            ui.add(egui::Label::new(if tone == Tone::Error { detail.monospace() } else { detail }).wrap());
        });
    });
    dismissed
}

/// A hint over the whole window while files are dragged over it.
pub fn drop_hint_ui(ctx: &egui::Context) {
    if ctx.input(|i| i.raw.hovered_files.is_empty()) {
        return;
    }
    let painter = ctx.layer_painter(LayerId::new(Order::Foreground, Id::unique("drop_hint")));
    let screen = ctx.content_rect();
    let (veil, text) = drop_overlay();
    painter.rect_filled(screen, 0.0, veil);
    let size = sizes(ctx).banner;
    painter.text(
        screen.center(),
        Align2::CENTER_CENTER,
        "Drop a .ron profile to open it, or a .yml/.yaml file to import it",
        FontId::proportional(size),
        text,
    );
}
