//! Pros and cons of each option for this workload, one column per option, most impact first.

use egui::{Color32, RichText, Ui};

use super::culling::culled;
use super::feasibility::feasibility_note_ui;
use super::sources::source_chips_ui;
use super::theme::{con_color, pro_color, result_color};
use crate::model::format::score;
use crate::model::{Evaluation, Point, Profile};
use crate::narrative;

/// The narrowest column worth reading, in points: below it (four options on a small zoomed
/// screen) the options follow one another down the tab instead.
const MIN_COLUMN: f32 = 180.0;

/// One column per option with its pros, then its cons; one option after another when the
/// columns would be too narrow to read.
pub fn pros_cons_ui(ui: &mut Ui, profile: &Profile, evaluation: &Evaluation) {
    ui.label(
        RichText::new("Only differences that matter for this workload are listed; impact is in overall-score points.")
            .weak(),
    );
    ui.add_space(4.0);
    let count = evaluation.options.len().max(1);
    let side_by_side = ui.available_width() / count as f32 >= MIN_COLUMN;
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        if side_by_side {
            ui.columns(count, |columns| {
                for (index, column) in columns.iter_mut().enumerate().take(evaluation.options.len()) {
                    // Columns justify their contents; text reads better ragged. A child `Ui`
                    // built with `new_child` would not report its height back to the column,
                    // leaving the scroll area with nothing to scroll: the layout is changed in
                    // place instead.
                    column.with_layout(egui::Layout::top_down(egui::Align::Min), |ui| {
                        option_ui(ui, profile, evaluation, index);
                    });
                }
            });
        } else {
            for index in 0..evaluation.options.len() {
                option_ui(ui, profile, evaluation, index);
                ui.add_space(16.0);
            }
        }
    });
}

/// One option: its name and what it is, its pros, then its cons.
fn option_ui(ui: &mut Ui, profile: &Profile, evaluation: &Evaluation, index: usize) {
    let result = &evaluation.options[index];
    ui.label(RichText::new(result.spec.label).heading().strong().color(result_color(ui.visuals(), result)));
    if result.feasibility.is_offered() {
        feasibility_note_ui(ui, evaluation, result);
    } else {
        // The reason in full where the case for and against is read: it outweighs them all.
        let reason = narrative::feasibility::reason(result.spec.id(), &result.feasibility, &evaluation.site);
        ui.label(RichText::new(reason).color(con_color(ui.visuals())));
    }
    ui.label(RichText::new(result.spec.description).small().weak());
    ui.add_space(8.0);
    let words = |point: &Point| {
        let title = narrative::point_title(evaluation, index, point).into_owned();
        (title, narrative::point_text(evaluation, profile, index, point))
    };
    points_ui(ui, index, &result.pros, true, &words);
    ui.add_space(12.0);
    points_ui(ui, index, &result.cons, false, &words);
}

/// The pros (or cons) of option `option`, with `words` writing each one's heading and why it
/// holds.
fn points_ui(ui: &mut Ui, option: usize, points: &[Point], pro: bool, words: &dyn Fn(&Point) -> (String, String)) {
    let color = if pro { pro_color(ui.visuals()) } else { con_color(ui.visuals()) };
    ui.label(RichText::new(if pro { "Pros" } else { "Cons" }).strong().color(color));
    if points.is_empty() {
        ui.label(RichText::new("None that matter here").weak().italics());
        return;
    }
    for point in points {
        // Only the points in view are laid out; a point's size follows its words, so they
        // are its key.
        let (title, text) = words(point);
        let key = (&title, point.impact.to_bits(), &text, &point.sources);
        culled(ui, (option, pro, point.criterion), key, |ui| point_ui(ui, point, &title, pro, color, &text));
    }
}

/// One pro or con: its title and impact, why, and its sources.
fn point_ui(ui: &mut Ui, point: &Point, title: &str, pro: bool, color: Color32, text: &str) {
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            let mark = if pro { "+" } else { "−" };
            ui.label(RichText::new(format!("{mark} {title}")).strong().color(color));
            // Kept whole by a no-break space: it moves to the next line rather than breaking
            // inside. (`Label::extend` would too, but with a tooltip on it, it left the
            // scroll area around the columns with no height to scroll: issue 13.)
            let impact = RichText::new(format!("{}\u{a0}pts", score(point.impact))).monospace().weak();
            ui.label(impact)
                .on_hover_text("Overall-score points this criterion moves between this option and its best rival");
        });
        ui.label(text);
        source_chips_ui(ui, &point.sources);
    });
}
