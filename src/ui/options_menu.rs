//! The Options menu: which deployment options the scenario compares. Every registered
//! option has a tick box, in the registry's display order, with what it models on hover.
//! Ticking edits `profile.options` like any other control (one undo step per click, marked
//! unsaved); a box that would leave fewer than two options (or more than four) is disabled
//! and says why, so the window never shows an empty comparison.

use egui::Ui;
use egui::containers::menu::{MenuButton, MenuConfig};

use crate::model::options::REGISTRY;
use crate::model::profile::{MAX_OPTIONS, MIN_OPTIONS};
use crate::profile::Profile;

/// The menu; only `profile.options` is edited. It stays open while boxes are ticked, so
/// several options can be changed in one visit.
pub fn options_menu_ui(ui: &mut Ui, profile: &mut Profile) {
    let config = MenuConfig::new().close_behavior(egui::PopupCloseBehavior::CloseOnClickOutside);
    let (button, _) = MenuButton::new("Options").config(config).ui(ui, |ui| {
        for spec in REGISTRY {
            let id = spec.id();
            let mut ticked = profile.options.contains(&id);
            let why_not = if ticked {
                format!("At least {MIN_OPTIONS} options are needed to compare: tick another before unticking this one.")
            } else {
                format!("At most {MAX_OPTIONS} options are compared at once: untick one first.")
            };
            let response = ui
                .add_enabled(profile.can_toggle(id), egui::Checkbox::new(&mut ticked, spec.label))
                .on_hover_text(spec.description)
                .on_disabled_hover_text(format!("{}\n\n{why_not}", spec.description));
            if response.changed() {
                profile.toggle(id);
            }
        }
    });
    button.on_hover_text(format!("Which deployment options are compared ({MIN_OPTIONS}–{MAX_OPTIONS})"));
}
