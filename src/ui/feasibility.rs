//! Whether the host offers an option, as a small note under its name: "Not offered" or
//! "Offered as aws/m6i.metal", with the reason on hover. The words are the narrative's.

use egui::{RichText, Ui};

use super::theme::con_color;
use crate::model::feasibility::Feasibility;
use crate::model::{Evaluation, OptionResult};
use crate::narrative;

/// The note under an option's name; nothing for an option offered as it is.
pub fn feasibility_note_ui(ui: &mut Ui, evaluation: &Evaluation, result: &OptionResult) {
    if result.feasibility == Feasibility::Offered {
        return;
    }
    let status = narrative::feasibility::status(&result.feasibility);
    let text = if result.feasibility.is_offered() {
        RichText::new(status).small().weak()
    } else {
        RichText::new(status).small().strong().color(con_color(ui.visuals()))
    };
    let reason = narrative::feasibility::reason(result.spec.id(), &result.feasibility, &evaluation.site);
    ui.add(egui::Label::new(text).wrap()).on_hover_text(reason);
}
