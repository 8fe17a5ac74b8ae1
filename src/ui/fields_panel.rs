//! The profile's choice fields and flags that have no control of their own (primary OS, VM
//! patching, privileged containers, a packet data plane): a combo box or a tick box each, with
//! the label and the meaning of its row of the field table ([`FIELDS`]), so that a new choice
//! or flag gets its control without UI code.

use egui::Ui;

use crate::model::profile::fields::{FIELDS, FieldKind, FieldMeta, Words};
use crate::model::traits::Section;
use crate::narrative::capitalise;
use crate::profile::Profile;

/// The fields the traits panel draws by hand: the Kubernetes flavour beside the host, the
/// purchase, shown only on a catalog host, and Arm64 images, which it sets for every component.
const OWN_CONTROLS: [&str; 3] = ["kubernetes", "purchase", "arm64_ready"];

/// A combo box per choice field and a tick box per flag of `section`'s rows of [`FIELDS`] not
/// in `OWN_CONTROLS`, in table order.
pub fn fields_ui(ui: &mut Ui, profile: &mut Profile, section: Section) {
    for field in FIELDS.iter().filter(|field| field.section == section && !OWN_CONTROLS.contains(&field.key)) {
        match field.kind {
            FieldKind::Word(words) => choice_ui(ui, profile, field, words),
            FieldKind::Flag { get, set } => {
                let mut on = get(profile);
                if ui.checkbox(&mut on, field.label).on_hover_ui(|ui| meaning_ui(ui, field)).changed() {
                    set(profile, on);
                }
            }
            _ => {}
        }
    }
}

/// One choice field: its label, and its words as the window writes them.
fn choice_ui(ui: &mut Ui, profile: &mut Profile, field: &FieldMeta, words: Words) {
    let current = (words.get)(profile);
    let mut chosen = current;
    ui.horizontal(|ui| {
        let label = ui.label(field.label);
        egui::ComboBox::from_id_salt(("choice", field.key))
            .selected_text(word_label(current))
            // At most what is left beside the label: a narrow panel keeps the arrow in view.
            .width(ui.available_width().min(200.0) - ui.spacing().icon_width)
            .truncate()
            .show_ui(ui, |ui| {
                for word in (words.all)() {
                    ui.selectable_value(&mut chosen, word, word_label(word));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_ui(|ui| meaning_ui(ui, field));
    });
    if chosen != current {
        (words.set)(profile, chosen);
    }
}

/// A field's hover, built only while hovered: its meaning as the README gives it, code spans
/// unquoted.
fn meaning_ui(ui: &mut Ui, field: &FieldMeta) {
    ui.label(field.doc.meaning.replace('`', ""));
}

/// A file's word as the window shows it: `golden_images` reads "Golden images".
fn word_label(word: &str) -> String {
    capitalise(&word.replace('_', " "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_read_as_words() {
        assert_eq!(word_label("golden_images"), "Golden images");
        assert_eq!(word_label("linux"), "Linux");
    }

    #[test]
    fn every_hand_drawn_field_is_a_choice_or_a_flag() {
        for key in OWN_CONTROLS {
            let drawn = |field: &&FieldMeta| matches!(field.kind, FieldKind::Word(_) | FieldKind::Flag { .. });
            assert!(FIELDS.iter().filter(drawn).any(|field| field.key == key), "{key}");
        }
    }
}
