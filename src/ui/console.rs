//! The presenter console: what the presenter sees and the room does not — the slide's notes,
//! the next slide, the time of day and the time since the talk began — in a window of its
//! own (an egui viewport), while the audience window shows only the slide.

use egui::{Align, Layout, RichText, Ui};

use super::theme::sizes;

/// Everything the console shows, owned: the console's window draws it on its own pass.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ConsoleView {
    /// The slide on screen, counted from 1, and the deck's length.
    pub position: (usize, usize),
    pub title: String,
    /// The slide's verdict in one line, if it has one.
    pub headline: Option<String>,
    /// The scenario's notes, whole.
    pub notes: String,
    /// The next slide's title; `None` on the last.
    pub next: Option<String>,
    /// When presenting began, in egui's seconds.
    pub started: f64,
}

/// Draws the console. Returns the step asked for with its buttons (−1 back, +1 on).
pub fn console_ui(ui: &mut Ui, view: &ConsoleView) -> Option<isize> {
    let sizes = sizes(ui.ctx());
    let clock = chrono::Local::now().format("%H:%M");
    let elapsed = elapsed(ui.input(|input| input.time) - view.started);
    let mut step = None;
    ui.horizontal(|ui| {
        ui.label(RichText::new(format!("{clock} · {elapsed}")).heading().strong())
            .on_hover_text("The time of day · the time since presenting began");
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            if ui.add_enabled(view.next.is_some(), egui::Button::new("Next →")).clicked() {
                step = Some(1);
            }
            if ui.add_enabled(view.position.0 > 1, egui::Button::new("← Previous")).clicked() {
                step = Some(-1);
            }
        });
    });
    ui.separator();
    let (at, of) = view.position;
    ui.label(RichText::new(format!("Slide {at} of {of}")).weak());
    ui.add(egui::Label::new(RichText::new(&view.title).heading()).wrap());
    if let Some(headline) = &view.headline {
        ui.add(egui::Label::new(RichText::new(headline).strong()).wrap());
    }
    ui.add_space(sizes.space_m);
    let next =
        view.next.as_ref().map_or_else(|| "Next: the end of the deck".to_owned(), |title| format!("Next: {title}"));
    ui.add(egui::Label::new(RichText::new(next).weak()).wrap());
    ui.separator();
    egui::ScrollArea::vertical().auto_shrink([false, false]).show(ui, |ui| {
        let notes = if view.notes.trim().is_empty() { "No notes for this slide." } else { view.notes.trim() };
        ui.add(egui::Label::new(notes).wrap());
    });
    // The clock and the elapsed time tick.
    ui.ctx().request_repaint_after(std::time::Duration::from_secs(1));
    step
}

/// "12:04" for twelve minutes and four seconds; "1:02:09" past the hour.
fn elapsed(seconds: f64) -> String {
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a talk's seconds, non-negative")]
    let seconds = seconds.max(0.0) as u64;
    let (hours, minutes, seconds) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if hours > 0 { format!("{hours}:{minutes:02}:{seconds:02}") } else { format!("{minutes}:{seconds:02}") }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn elapsed_time_reads_as_a_stopwatch() {
        assert_eq!(elapsed(0.0), "0:00");
        assert_eq!(elapsed(724.9), "12:04");
        assert_eq!(elapsed(3729.0), "1:02:09");
        assert_eq!(elapsed(-3.0), "0:00");
    }
}
