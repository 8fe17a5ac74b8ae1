//! The assumptions tab: every figure behind the projection and the scores, with its range,
//! how good its source is, and the source itself. Values typed here are stored as the
//! profile's overrides; a reset removes the override.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use egui::{DragValue, RichText, Ui};

use super::culling::culled;
use super::theme::attention_color;
use super::widgets::reset_button;
use crate::builtin::Described as _;
use crate::model::AssumptionId;
use crate::model::format::number;

/// The assumptions tab; edits only the profile's overrides.
pub fn assumptions_ui(ui: &mut Ui, overrides: &mut BTreeMap<AssumptionId, f64>) {
    let count = overrides.len();
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(format!("{} assumptions, {count} overridden in this profile", AssumptionId::ALL.len()))
                .weak(),
        );
        if ui.add_enabled(count > 0, egui::Button::new("Reset all assumptions")).clicked() {
            overrides.clear();
        }
    });
    ui.add_space(4.0);
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        // Only the rows in view are laid out; an override adds words that may wrap.
        for id in AssumptionId::ALL {
            let overridden = overrides.contains_key(id);
            culled(ui, id, overridden, |ui| {
                assumption_ui(ui, overrides, *id);
                ui.separator();
            });
        }
    });
}

/// The words beside an assumption's value that depend on its spec alone: the unit after
/// the number and the range with the source's grade. Written once, not on every frame.
struct SpecWords {
    suffix: String,
    range: String,
}

fn spec_words(id: AssumptionId) -> &'static SpecWords {
    static WORDS: LazyLock<Vec<SpecWords>> = LazyLock::new(|| {
        AssumptionId::ALL
            .iter()
            .map(|id| {
                let spec = id.spec();
                SpecWords {
                    suffix: format!(" {}", spec.unit),
                    range: format!("range {} to {} · {}", number(spec.min), number(spec.max), spec.grade.label()),
                }
            })
            .collect()
    });
    let index = AssumptionId::ALL.iter().position(|candidate| *candidate == id).unwrap_or_default();
    &WORDS[index]
}

fn assumption_ui(ui: &mut Ui, overrides: &mut BTreeMap<AssumptionId, f64>, id: AssumptionId) {
    let spec = id.spec();
    let words = spec_words(id);
    let overridden = overrides.contains_key(&id);
    // Wrapped: in a narrow window the range and grade move to a second line, not off the edge.
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new(&spec.label).strong());
        let mut value = overrides.get(&id).copied().unwrap_or(spec.value).clamp(spec.min, spec.max);
        let speed = (spec.max - spec.min) / 500.0;
        let response = ui
            .add(
                DragValue::new(&mut value)
                    .range(spec.min..=spec.max)
                    .speed(speed)
                    .suffix(words.suffix.as_str())
                    .custom_formatter(|value, _| number(value)),
            )
            .labelled_by(label.id);
        if response.changed() {
            overrides.insert(id, value);
        }
        if reset_button(ui, &spec.label, overridden) {
            overrides.remove(&id);
        }
        if overridden {
            ui.label(
                RichText::new(format!("overridden (default {})", number(spec.value)))
                    .color(attention_color(ui.visuals())),
            );
        }
        ui.label(RichText::new(words.range.as_str()).weak());
    });
    ui.label(RichText::new(&spec.source).small().weak());
}
