//! Presenter mode's slide: large, calm, nothing to edit. The scenario's name and notes, the
//! verdict's headline in the leader's colour, the criteria that decide it with the leader's
//! reasons, the overall scores as big bars, and one resource chart — the one chosen on the
//! Resources tab, drawn by the same code. Sizes are the design tokens scaled
//! ([`Sizes::PRESENTER`](super::theme::Sizes::PRESENTER)), applied by the app.

use egui::{Align, Layout, Rect, RichText, Ui};

use super::resources::{ChartView, Crossings, Projection, projection_lines, projection_ui};
use super::theme::{con_color, option_color, presenter_text_color, pro_color, sizes};
use super::transition::{Figures, Transition};
use super::widgets::ScoreBar;
use crate::model::compare::Comparison;
use crate::model::{Evaluation, Point};
use crate::profile::Profile;

/// What a slide holds.
#[derive(Clone, Copy, Debug)]
pub enum SlideContent<'a> {
    Scenario {
        profile: &'a Profile,
        evaluation: &'a Evaluation,
    },
    /// A deck file that could not be read, and why.
    Unreadable {
        file: &'a str,
        error: &'a str,
    },
}

/// Everything a slide shows.
#[derive(Clone, Copy, Debug)]
pub struct SlideView<'a> {
    pub content: SlideContent<'a>,
    /// The slide's place in the deck, counted from 1, and the deck's length.
    pub position: (usize, usize),
    pub chart: ChartView,
    /// The pinned baseline's evaluation, and the slide compared with it (A = baseline).
    pub baseline: Option<(&'a Evaluation, &'a Comparison)>,
}

/// Share of the width for the verdict's reasons and the scores; the chart takes the rest.
const TEXT_SHARE: f32 = 0.47;

/// Draws a slide. Returns where its chart is, for File ▸ Export chart as PNG.
pub fn presenter_ui(ui: &mut Ui, slide: &SlideView<'_>, transition: &mut Transition) -> Option<Rect> {
    ui.visuals_mut().override_text_color = Some(presenter_text_color(ui.visuals()));
    match slide.content {
        SlideContent::Scenario { profile, evaluation } => Some(scenario_ui(ui, slide, profile, evaluation, transition)),
        SlideContent::Unreadable { file, error } => {
            transition.frame(ui.ctx(), Figures::default());
            title_ui(ui, file, slide.position);
            ui.add_space(sizes(ui.ctx()).space_l);
            ui.label(RichText::new("This profile could not be read").heading().color(con_color(ui.visuals())));
            ui.add(egui::Label::new(RichText::new(error).monospace()).wrap());
            None
        }
    }
}

/// The name, with the slide counter at the right edge: discreet, for the presenter.
fn title_ui(ui: &mut Ui, name: &str, (at, of): (usize, usize)) {
    ui.horizontal(|ui| {
        ui.label(RichText::new(name).heading().strong());
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format!("{at} / {of}")).small().weak())
                .on_hover_text("← → (or Page Up/Down, Space) step through the deck; Esc leaves presenter mode");
        });
    });
}

fn scenario_ui(
    ui: &mut Ui,
    slide: &SlideView<'_>,
    profile: &Profile,
    evaluation: &Evaluation,
    transition: &mut Transition,
) -> Rect {
    let sizes = sizes(ui.ctx());
    let target = Figures {
        scores: evaluation.options.iter().map(|result| result.score).collect(),
        lines: projection_lines(evaluation, profile, slide.chart),
    };
    let (figures, progress) = transition.frame(ui.ctx(), target);
    let figures = figures.clone();

    title_ui(ui, &profile.name, slide.position);
    notes_ui(ui, profile.notes.trim());
    ui.add_space(sizes.space_m);
    super::verdict::headline_ui(ui, evaluation);
    if let Some((_, since)) = slide.baseline {
        ui.label(RichText::new(crate::narrative::comparison_summary(since)).italics());
    }
    ui.add_space(sizes.space_m);

    let (width, height) = (ui.available_width(), ui.available_height());
    let column = Layout::top_down(Align::Min);
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(egui::vec2(width * TEXT_SHARE, height), column, |ui| {
            scores_ui(ui, evaluation, &figures.scores, slide.baseline.map(|(_, since)| since));
            ui.add_space(sizes.space_m);
            reasons_ui(ui, profile, evaluation);
        });
        ui.add_space(sizes.space_l * 2.0);
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), column, |ui| {
            let projection = Projection {
                evaluation,
                profile,
                view: slide.chart,
                lines: &figures.lines,
                baseline: slide.baseline.map(|(base, _)| base),
                marks: progress,
                crossings: Crossings::NearToday,
            };
            projection_ui(ui, &projection)
        })
        .inner
    })
    .inner
}

/// Longest notes shown, in lines: a slide has one screen, and the verdict must stay on it.
const NOTES_LINES: usize = 3;

/// The scenario's notes, cut to [`NOTES_LINES`] lines with an ellipsis when longer.
fn notes_ui(ui: &mut Ui, notes: &str) {
    if notes.is_empty() {
        return;
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job =
        egui::text::LayoutJob::simple(notes.to_owned(), font, ui.visuals().text_color(), ui.available_width());
    job.wrap.max_rows = NOTES_LINES;
    let galley = ui.painter().layout_job(job);
    ui.label(galley).on_hover_text(notes);
}

/// The overall scores as big bars, drawn where the transition has got to.
fn scores_ui(ui: &mut Ui, evaluation: &Evaluation, drawn: &[f64], since: Option<&Comparison>) {
    let ruled_out = |result: &crate::model::OptionResult| evaluation.verdict.veto_of(result.spec.id()).is_some();
    let sizes = sizes(ui.ctx());
    // Room for the option's name before the bar, the number after it, and the change and
    // "ruled out" when they are shown.
    let mut beside = sizes.heading * 8.0;
    if since.is_some() {
        beside += sizes.heading * 2.0;
    }
    if !evaluation.verdict.ruled_out.is_empty() {
        beside += sizes.heading * 3.0;
    }
    let bar_width = (ui.available_width() - beside).max(120.0);
    ui.label(RichText::new("Overall score (0–100)").small().weak());
    egui::Grid::new("presenter_scores").num_columns(2).spacing([sizes.space_l, sizes.space_s]).show(ui, |ui| {
        for (index, result) in evaluation.options.iter().enumerate() {
            let color = option_color(ui.visuals(), index);
            ui.label(RichText::new(result.spec.label).heading().color(color).strong());
            ui.horizontal(|ui| {
                let change = since.and_then(|c| c.options.get(index)).map(|o| o.score);
                let shown = drawn.get(index).copied().unwrap_or(result.score);
                ScoreBar::new(result.score, 100.0, color, bar_width).drawn_to(shown).against(change).ui(ui);
                if ruled_out(result) {
                    ui.label(RichText::new("ruled out").small().color(con_color(ui.visuals())));
                }
            });
            ui.end_row();
        }
    });
}

/// The criteria that decide the verdict, each with the leader's own pro for it. What does
/// not fit the column is left out rather than cut off at the screen's edge: first the last
/// reasons' explanations, then the last reasons.
fn reasons_ui(ui: &mut Ui, profile: &Profile, evaluation: &Evaluation) {
    let verdict = &evaluation.verdict;
    let Some(index) = evaluation.position(verdict.leader) else { return };
    let leader = Some(&evaluation.options[index]);
    if verdict.decisive.is_empty() {
        return;
    }
    ui.label(RichText::new("What decides it").small().weak());
    let sizes = sizes(ui.ctx());
    let font = egui::TextStyle::Body.resolve(ui.style());
    let line = ui.fonts_mut(|fonts| fonts.row_height(&font));
    for criterion in &verdict.decisive {
        if ui.available_height() < line {
            break;
        }
        let pro: Option<&Point> = leader.and_then(|l| l.pros.iter().find(|point| point.criterion == *criterion));
        let title = pro.map_or(criterion.spec().label, |point| point.title);
        ui.label(RichText::new(format!("+ {title}")).strong().color(pro_color(ui.visuals())));
        if let Some(point) = pro {
            let text = crate::narrative::point_text(evaluation, profile, index, point);
            let text = ui.painter().layout(text, font.clone(), ui.visuals().text_color(), ui.available_width());
            if text.size().y <= ui.available_height() {
                ui.label(text);
            }
        }
        ui.add_space(sizes.space_s);
    }
}
