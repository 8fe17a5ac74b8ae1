//! The left panel: the scenario's name and notes, and one control per workload trait,
//! generated from [`TRAITS`] and grouped by [`TraitGroup`].

use egui::{Align, DragValue, Layout, RichText, Slider, TextEdit, Ui};

use super::widgets::reset_button;
use crate::model::format;
use crate::model::{TRAITS, TraitGroup, TraitId, TraitKind, TraitMeta};
use crate::profile::Profile;

/// Scenario name and notes, then every trait by group.
pub fn traits_panel_ui(ui: &mut Ui, profile: &mut Profile) {
    scenario_ui(ui, profile);
    for group in TraitGroup::ALL {
        egui::CollapsingHeader::new(RichText::new(group.label()).heading())
            .default_open(true)
            .show(ui, |ui| {
                for meta in TRAITS.iter().filter(|meta| meta.group == group) {
                    trait_ui(ui, profile, meta);
                }
                if group == TraitGroup::Environment {
                    currency_ui(ui, profile);
                }
            });
    }
}

fn scenario_ui(ui: &mut Ui, profile: &mut Profile) {
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(TextEdit::singleline(&mut profile.name).desired_width(f32::INFINITY))
            .labelled_by(label.id);
    });
    let label = ui.label("Notes");
    ui.add(
        TextEdit::multiline(&mut profile.notes)
            .desired_rows(2)
            .desired_width(f32::INFINITY),
    )
    .labelled_by(label.id);
}

fn currency_ui(ui: &mut Ui, profile: &mut Profile) {
    ui.horizontal(|ui| {
        let label = ui.label("Currency");
        ui.add(
            TextEdit::singleline(&mut profile.environment.currency)
                .desired_width(64.0)
                .char_limit(8),
        )
        .labelled_by(label.id)
        .on_hover_text("Label for costs (no conversion)");
    });
}

/// What the hover shows: the help line, the range and the default.
fn help_text(meta: &TraitMeta) -> String {
    format!(
        "{}\nRange {} to {}; default {}",
        meta.help,
        meta.format(meta.min),
        meta.format(meta.max),
        meta.format(meta.default)
    )
}

/// The unit written after a slider's number.
fn unit_suffix(meta: &TraitMeta, profile: &Profile) -> String {
    if meta.is_rating() {
        "/10".to_owned()
    } else if meta.id == TraitId::HostCostPerMonth {
        format!(" {}{}", profile.environment.currency, meta.unit)
    } else if meta.unit.is_empty() || meta.unit.starts_with('/') || meta.unit == "×" {
        meta.unit.to_owned()
    } else {
        format!(" {}", meta.unit)
    }
}

/// Width of the number box beside each slider, wide enough for "0.5 cores" so the rails
/// line up.
const NUMBER_WIDTH: f32 = 96.0;

fn trait_ui(ui: &mut Ui, profile: &mut Profile, meta: &TraitMeta) {
    let id = meta.id;
    let overridden = profile.get(id) != meta.default;
    if meta.kind == TraitKind::Flag {
        ui.horizontal(|ui| {
            let mut on = profile.get(id) >= 0.5;
            if ui
                .checkbox(&mut on, meta.label)
                .on_hover_text(help_text(meta))
                .changed()
            {
                profile.set(id, if on { 1.0 } else { 0.0 });
            }
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if reset_button(ui, meta.label, overridden) {
                    profile.set(id, meta.default);
                }
            });
        });
        return;
    }

    let label = ui
        .horizontal(|ui| {
            let label = ui.label(meta.label).on_hover_text(help_text(meta));
            ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
                if reset_button(ui, meta.label, overridden) {
                    profile.set(id, meta.default);
                }
            });
            label
        })
        .inner;
    let suffix = unit_suffix(meta, profile);
    // Right to left: the number box takes the width it needs, the rail takes the rest, so
    // the panel never grows to fit its own contents.
    let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(row, Layout::right_to_left(Align::Center), |ui| {
        let value = profile.get(id);
        let speed = if meta.logarithmic {
            (value.abs() * 0.01).max(0.01)
        } else {
            (meta.max - meta.min) / 300.0
        };
        let mut number = DragValue::from_get_set(|value| {
            if let Some(value) = value {
                profile.set(id, value);
            }
            profile.get(id)
        })
        .range(meta.min..=meta.max)
        .speed(speed)
        .min_size(egui::vec2(NUMBER_WIDTH, 0.0))
        .suffix(suffix);
        number = match meta.kind {
            TraitKind::Integer => number.fixed_decimals(0),
            _ => number.custom_formatter(|value, _| format::number(value)),
        };
        ui.add(number)
            .accessible_name(format!("{} value", meta.label))
            .on_hover_text(help_text(meta));

        ui.spacing_mut().slider_width =
            (ui.available_width() - ui.spacing().item_spacing.x).max(60.0);
        let mut slider = Slider::from_get_set(meta.min..=meta.max, |value| {
            if let Some(value) = value {
                profile.set(id, value);
            }
            profile.get(id)
        })
        .show_value(false)
        .logarithmic(meta.logarithmic);
        if meta.kind == TraitKind::Integer {
            slider = slider.integer();
        } else if meta.logarithmic && meta.min <= 0.0 {
            // The rail has to start somewhere above zero; a tenth of a unit suits counts like
            // deploys per week, and zero stays reachable at the far left.
            slider = slider.smallest_positive(0.1);
        }
        ui.add(slider)
            .labelled_by(label.id)
            .on_hover_text(help_text(meta));
    });
}
