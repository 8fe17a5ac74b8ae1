//! Presenter mode's slide: large, calm, nothing to edit. The scenario's name and notes, the
//! verdict's headline in the leader's colour, the criteria that decide it with the leader's
//! reasons, the overall scores as big bars, and one resource chart — the one chosen on the
//! Resources tab, drawn by the same code. A scenario of several components has two more
//! slides: its plan (where each component goes, and the cost beside every all-in
//! alternative) and its phased path (the monthly cost across the steps, and each step in
//! words), drawn by the Plan tab's code. Sizes are the design tokens scaled
//! ([`Sizes::PRESENTER`](super::theme::Sizes::PRESENTER)), applied by the app.

use std::borrow::Cow;

use egui::{Align, Layout, Rect, RichText, Ui};

use super::projection_chart::{Audience, ChartView, Projection, projection_lines, projection_ui};
use super::theme::{con_color, option_color_by_id, presenter_text_color, pro_color, sizes};
use super::transition::{Figures, Transition};
use super::widgets::ScoreBar;
use crate::model::compare::Comparison;
use crate::model::plan::Plan;
use crate::model::sensitivity::Sensitivity;
use crate::model::{Evaluation, Point, TraitId};
use crate::narrative;
use crate::profile::Profile;

/// What a slide holds.
#[derive(Clone, Copy, Debug)]
pub enum SlideContent<'a> {
    Scenario {
        profile: &'a Profile,
        evaluation: &'a Evaluation,
    },
    /// The plan of a scenario of several components (`profile` holds every component).
    Plan {
        profile: &'a Profile,
        plan: &'a Plan,
    },
    /// Its phased path.
    Path {
        profile: &'a Profile,
        plan: &'a Plan,
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
    /// The scenario's name; for one component of several, the component's too.
    pub title: &'a str,
    /// The slide's place in the deck, counted from 1, and the deck's length.
    pub position: (usize, usize),
    pub chart: ChartView,
    /// The pinned baseline's evaluation, and the slide compared with it (A = baseline); or,
    /// once a what-if lever moved, the slide as it was.
    pub baseline: Option<(&'a Evaluation, &'a Comparison)>,
    /// The what-if levers while shown: their traits and the slide's sensitivity as it was.
    pub levers: Option<(&'a [TraitId], &'a Sensitivity)>,
}

/// What a slide gives back: where its chart is (File ▸ Export chart as PNG), and the slide's
/// profile when a lever moved it.
#[derive(Debug, Default)]
pub struct SlideResponse {
    pub chart: Option<Rect>,
    pub moved: Option<Profile>,
}

/// Share of the width for the verdict's reasons and the scores; the chart takes the rest.
const TEXT_SHARE: f32 = 0.47;

/// Draws a slide.
pub fn presenter_ui(ui: &mut Ui, slide: &SlideView<'_>, transition: &mut Transition) -> SlideResponse {
    ui.visuals_mut().override_text_color = Some(presenter_text_color(ui.visuals()));
    let chart = |rect| SlideResponse { chart: Some(rect), moved: None };
    match slide.content {
        SlideContent::Scenario { profile, evaluation } => scenario_ui(ui, slide, profile, evaluation, transition),
        SlideContent::Plan { profile, plan } => {
            transition.frame(ui.ctx(), Figures::default());
            chart(plan_slide_ui(ui, slide, profile, plan))
        }
        SlideContent::Path { profile, plan } => {
            transition.frame(ui.ctx(), Figures::default());
            chart(path_slide_ui(ui, slide, profile, plan))
        }
        SlideContent::Unreadable { file, error } => {
            transition.frame(ui.ctx(), Figures::default());
            title_ui(ui, file, slide.position);
            ui.add_space(sizes(ui.ctx()).space_l);
            ui.label(RichText::new("This profile could not be read").heading().color(con_color(ui.visuals())));
            ui.add(egui::Label::new(RichText::new(error).monospace()).wrap());
            SlideResponse::default()
        }
    }
}

/// Draws a slide on its canvas: 16:9, as large as `screen` allows, centred, inside a safe
/// margin. Its type was scaled to the canvas ([`super::theme::slide_scale`], applied by the
/// app), so a slide lays out alike at any size and zoom; the handout draws it on a canvas
/// of exactly [`super::theme::SLIDE`].
pub fn canvas_ui(ui: &mut Ui, screen: Rect, slide: &SlideView<'_>, transition: &mut Transition) -> SlideResponse {
    let canvas =
        Rect::from_center_size(screen.center(), super::theme::SLIDE * super::theme::slide_scale(screen.size()));
    let inner = canvas.shrink(sizes(ui.ctx()).space_l);
    ui.scope_builder(egui::UiBuilder::new().max_rect(inner), |ui| {
        ui.set_clip_rect(canvas.intersect(screen));
        presenter_ui(ui, slide, transition)
    })
    .inner
}

/// The name, with the slide counter at the right edge, as large as the name so that the
/// back of the room can follow ("3 / 7").
fn title_ui(ui: &mut Ui, name: &str, (at, of): (usize, usize)) {
    ui.horizontal(|ui| {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| {
            ui.label(RichText::new(format!("{at} / {of}")).heading().strong()).on_hover_text(
                "→ ← (or Page Up/Down, Space) step, Home/End and 1–9 jump, B blanks the screen, \
                 C and A change the chart, Esc leaves presenter mode; F1 lists them all",
            );
            ui.with_layout(Layout::left_to_right(Align::Center), |ui| {
                ui.add(egui::Label::new(RichText::new(name).heading().strong()).truncate());
            });
        });
    });
}

fn scenario_ui(
    ui: &mut Ui,
    slide: &SlideView<'_>,
    profile: &Profile,
    evaluation: &Evaluation,
    transition: &mut Transition,
) -> SlideResponse {
    let sizes = sizes(ui.ctx());
    let target = Figures {
        scores: evaluation.options.iter().map(|result| result.score).collect(),
        lines: projection_lines(evaluation, profile, slide.chart),
    };
    let (figures, progress) = transition.frame(ui.ctx(), target);
    let figures = figures.clone();

    title_ui(ui, slide.title, slide.position);
    notes_ui(ui, profile.notes.trim());
    ui.add_space(sizes.space_m);
    super::verdict::headline_ui(ui, evaluation);
    super::verdict::confidence_ui(ui, evaluation);
    if let Some((_, since)) = slide.baseline {
        let summary = if slide.levers.is_some() {
            narrative::what_if_summary(since)
        } else {
            narrative::comparison_summary(since)
        };
        // One line, the whole of it on hover: the slide below never moves.
        ui.add(egui::Label::new(RichText::new(summary).italics()).truncate());
    }
    ui.add_space(sizes.space_m);

    let (width, height) = (ui.available_width(), ui.available_height());
    let column = Layout::top_down(Align::Min);
    let mut moved = None;
    let chart = ui
        .horizontal_top(|ui| {
            ui.allocate_ui_with_layout(egui::vec2(width * TEXT_SHARE, height), column, |ui| {
                scores_ui(ui, evaluation, &figures.scores, slide.baseline.map(|(_, since)| since));
                ui.add_space(sizes.space_m);
                match slide.levers {
                    Some((traits, sensitivity)) => moved = levers_ui(ui, profile, traits, sensitivity),
                    None => reasons_ui(ui, profile, evaluation),
                }
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
                    audience: Audience::Room,
                };
                projection_ui(ui, &projection)
            })
            .inner
        })
        .inner;
    SlideResponse { chart: Some(chart), moved }
}

/// The what-if levers in place of the reasons: a slider per trait, its flip point marked.
/// Returns the slide's profile when one moved.
fn levers_ui(ui: &mut Ui, profile: &Profile, traits: &[TraitId], sensitivity: &Sensitivity) -> Option<Profile> {
    ui.label(RichText::new("What if …").heading().color(ui.visuals().strong_text_color()))
        .on_hover_text("The settings nearest to flipping the verdict; L puts them away and the slide back");
    let mut edited = profile.clone();
    for &id in traits {
        super::traits_panel::lever_ui(ui, &mut edited, id, sensitivity);
    }
    (edited != *profile).then_some(edited)
}

/// The plan slide: the summary, where each component goes, and the monthly cost beside
/// every all-in alternative. Returns where the bars are.
fn plan_slide_ui(ui: &mut Ui, slide: &SlideView<'_>, profile: &Profile, plan: &Plan) -> Rect {
    let sizes = sizes(ui.ctx());
    title_ui(ui, slide.title, slide.position);
    ui.add_space(sizes.space_m);
    super::verdict::plan_verdict_ui(ui, profile, plan, false);
    ui.add_space(sizes.space_l);
    let (width, height) = (ui.available_width(), ui.available_height());
    let column = Layout::top_down(Align::Min);
    ui.horizontal_top(|ui| {
        ui.allocate_ui_with_layout(egui::vec2(width * TEXT_SHARE, height), column, |ui| {
            placements_ui(ui, profile, plan);
        });
        ui.add_space(sizes.space_l * 2.0);
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), column, |ui| {
            // The placements at the left name each component; the legend only says which
            // colour is which platform, so that every all-in bar keeps its row (a four-option
            // estate's last bar fell off a 1024×640 screen at 150 %).
            super::plan::legend_row_ui(ui, plan);
            ui.add_space(sizes.space_m);
            let header = narrative::resource_header(profile, crate::model::ResourceId::MonthlyCost);
            ui.label(RichText::new(header).small().weak());
            let bars = super::plan::bars_ui(ui, profile, plan, crate::model::ResourceId::MonthlyCost);
            ui.add_space(sizes.space_m);
            super::plan::savings_ui(ui, profile, plan, true);
            bars
        })
        .inner
    })
    .inner
}

/// Each component and the option it goes on, in that option's colour, while there is room
/// (a line kept for the count of the rest).
fn placements_ui(ui: &mut Ui, profile: &Profile, plan: &Plan) {
    let style = egui::TextStyle::Heading.resolve(ui.style());
    let line = ui.text_style_height(&egui::TextStyle::Heading) + ui.spacing().item_spacing.y;
    for index in 0..plan.components.len() {
        let left = plan.components.len() - index;
        let placed = &plan.components[index];
        let color = option_color_by_id(ui.visuals(), placed.option);
        let text = narrative::plan::placement(profile, plan, index);
        let galley = ui.painter().layout(text, style.clone(), color, ui.available_width());
        let room = if left > 1 { galley.size().y + line } else { galley.size().y };
        if room > ui.available_height() {
            ui.label(RichText::new(format!("… and {left} more (the Plan tab lists them)")).weak());
            break;
        }
        ui.label(galley);
    }
}

/// The path slide: the monthly cost across the steps, and each step in words while there is
/// room. Returns where the chart is.
fn path_slide_ui(ui: &mut Ui, slide: &SlideView<'_>, profile: &Profile, plan: &Plan) -> Rect {
    let sizes = sizes(ui.ctx());
    title_ui(ui, slide.title, slide.position);
    ui.add_space(sizes.space_m);
    ui.label(
        RichText::new("The phased path: one component at a time, the moves worth their effort, the best first")
            .heading(),
    );
    ui.add_space(sizes.space_m);
    if plan.stays.is_empty() && plan.stay() {
        return ui.label(RichText::new(super::plan::NOTHING_TO_MOVE).heading()).rect;
    }
    if plan.path.len() < 2 {
        // Every move was left out: no path to chart, only "stay as you are" and why.
        let mut lines = ui.label(RichText::new(narrative::plan::STAY).heading()).rect;
        for line in narrative::plan::path(profile, plan).into_iter().filter(|line| line != narrative::plan::STAY) {
            lines = lines.union(ui.add(egui::Label::new(line).wrap()).rect);
        }
        return lines;
    }
    let (width, height) = (ui.available_width(), ui.available_height());
    let column = Layout::top_down(Align::Min);
    ui.horizontal_top(|ui| {
        let chart = ui
            .allocate_ui_with_layout(egui::vec2(width * (1.0 - TEXT_SHARE), height), column, |ui| {
                super::plan::path_chart_ui(ui, profile, plan, height)
            })
            .inner;
        ui.add_space(sizes.space_l * 2.0);
        ui.allocate_ui_with_layout(egui::vec2(ui.available_width(), height), column, |ui| {
            for line in narrative::plan::path(profile, plan) {
                let galley = ui.painter().layout(
                    line,
                    egui::TextStyle::Body.resolve(ui.style()),
                    ui.visuals().text_color(),
                    ui.available_width(),
                );
                if galley.size().y > ui.available_height() {
                    break;
                }
                ui.label(galley);
                ui.add_space(sizes.space_s);
            }
        });
        chart
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
    let galley = notes_galley(ui, notes, ui.available_width());
    ui.label(galley).on_hover_text(notes);
}

/// The notes as a slide shows them: their first [`NOTES_LINES`] lines at `width`.
fn notes_galley(ui: &Ui, notes: &str, width: f32) -> std::sync::Arc<egui::Galley> {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let mut job = egui::text::LayoutJob::simple(notes.to_owned(), font, ui.visuals().text_color(), width);
    job.wrap.max_rows = NOTES_LINES;
    ui.painter().layout_job(job)
}

/// Whether a slide `width` points wide shows `notes` only in part (the handout then prints
/// them in full under it).
pub fn notes_cut(ui: &Ui, notes: &str, width: f32) -> bool {
    !notes.is_empty() && notes_galley(ui, notes, width).elided
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
    let discounted = narrative::overall::discount_label(evaluation).is_some();
    if discounted {
        beside += sizes.heading * 4.0;
    }
    let bar_width = (ui.available_width() - beside).max(120.0);
    ui.label(RichText::new("Overall score (0–100)").small().weak());
    egui::Grid::new("presenter_scores").num_columns(2).spacing([sizes.space_l, sizes.space_s]).show(ui, |ui| {
        for (index, result) in evaluation.options.iter().enumerate() {
            let color = option_color_by_id(ui.visuals(), result.spec.id());
            ui.label(RichText::new(result.spec.label).heading().color(color).strong());
            ui.horizontal(|ui| {
                let change = since.and_then(|c| c.option(result.spec.id())).map(|o| o.score);
                let shown = drawn.get(index).copied().unwrap_or(result.score);
                ScoreBar::new(result.score, 100.0, color, bar_width)
                    .drawn_to(shown)
                    .against(change)
                    .ui(ui)
                    .on_hover_text(narrative::overall::overall_sum(result));
                if ruled_out(result) {
                    ui.label(RichText::new("ruled out").small().color(con_color(ui.visuals())));
                } else if let Some(points) = narrative::overall::discount_points(result) {
                    // What a must took off, beside the bar it shortened: the bar alone would
                    // not add up to the criteria the room saw on the Scorecard.
                    let text = format!("{points} for a must");
                    ui.label(RichText::new(text).small().color(con_color(ui.visuals())))
                        .on_hover_text(narrative::overall::discount_reasons(result).join(" "));
                }
            });
            ui.end_row();
        }
    });
}

/// One argument on the slide: a heading in its side's colour and, when there is room, the
/// sentence that explains it.
struct Argument {
    heading: String,
    color: egui::Color32,
    text: Option<String>,
}

/// The arguments the slide makes. A clear verdict: the criteria that decide it, each with the
/// leader's own pro. A close call: each side's strongest pros, as the room must weigh both.
fn arguments(ui: &Ui, profile: &Profile, evaluation: &Evaluation) -> Vec<(String, Vec<Argument>)> {
    let verdict = &evaluation.verdict;
    let Some(leader) = evaluation.position(verdict.leader) else {
        return Vec::new();
    };
    let pro = pro_color(ui.visuals());
    if verdict.close_call {
        let mut sides: Vec<usize> = (0..evaluation.options.len()).collect();
        sides.sort_by(|a, b| evaluation.options[*b].score.total_cmp(&evaluation.options[*a].score));
        return sides
            .into_iter()
            .take(2)
            .map(|index| {
                let result = &evaluation.options[index];
                let color = option_color_by_id(ui.visuals(), result.spec.id());
                let points = result.pros.iter().take(CLOSE_CALL_ARGUMENTS);
                let arguments = points
                    .map(|point| Argument {
                        heading: format!("+ {}", narrative::point_title(evaluation, index, point)),
                        color,
                        text: Some(narrative::point_text(evaluation, profile, index, point)),
                    })
                    .collect();
                (format!("For {}", result.spec.plural), arguments)
            })
            .collect();
    }
    let index = leader;
    let leader = &evaluation.options[index];
    let arguments = verdict
        .decisive
        .iter()
        .map(|criterion| {
            let point: Option<&Point> = leader.pros.iter().find(|point| point.criterion == *criterion);
            let title = point.map_or(Cow::Borrowed(criterion.spec().label), |point| {
                narrative::point_title(evaluation, index, point)
            });
            let text = point.map(|point| narrative::point_text(evaluation, profile, index, point));
            Argument { heading: format!("+ {title}"), color: pro, text }
        })
        .collect();
    vec![("What decides it".to_owned(), arguments)]
}

/// How many of each side's pros a close call shows.
const CLOSE_CALL_ARGUMENTS: usize = 2;

/// Text sizes and column counts tried in turn until the arguments fit the space left:
/// larger text first where a big screen leaves room, then a second column, then smaller
/// text. Below 70 % a projector's text is no longer legible from the back of a room.
const FITS: [(f32, usize); 6] = [(1.3, 1), (1.15, 1), (1.0, 1), (1.0, 2), (0.85, 2), (0.7, 2)];

/// The arguments laid out in one or two columns, at the largest size that fits. What still
/// does not fit at the smallest size is left out rather than cut at the screen's edge:
/// first the last arguments' explanations, then the last arguments.
fn reasons_ui(ui: &mut Ui, profile: &Profile, evaluation: &Evaluation) {
    let groups = arguments(ui, profile, evaluation);
    if groups.iter().all(|(_, arguments)| arguments.is_empty()) {
        return;
    }
    let sizes = sizes(ui.ctx());
    let (width, height) = (ui.available_width(), ui.available_height());
    let gap = sizes.space_l;
    let spacing = ui.spacing().item_spacing.y;
    let laid_out = FITS
        .iter()
        .map(|&(scale, columns)| {
            let column_width = (width - gap * (columns - 1) as f32) / columns as f32;
            (columns, lay_out(ui, &groups, scale, column_width))
        })
        .find(|(columns, blocks)| fits(blocks, *columns, height, spacing))
        .unwrap_or_else(|| {
            let (scale, columns) = FITS[FITS.len() - 1];
            (columns, lay_out(ui, &groups, scale, (width - gap) / columns as f32))
        });
    let (columns, blocks) = laid_out;
    let per_column = split(&blocks, columns, height, spacing);
    ui.horizontal_top(|ui| {
        for (column, range) in per_column.into_iter().enumerate() {
            if column > 0 {
                ui.add_space(gap);
            }
            let column_width = (width - gap * (columns - 1) as f32) / columns as f32;
            ui.allocate_ui_with_layout(egui::vec2(column_width, height), Layout::top_down(Align::Min), |ui| {
                for block in &blocks[range] {
                    if ui.available_height() < block.heading.size().y {
                        break;
                    }
                    ui.label(block.heading.clone());
                    if let Some(text) = &block.text
                        && text.size().y <= ui.available_height()
                    {
                        ui.label(text.clone());
                    }
                    ui.add_space(block.space);
                }
            });
        }
    });
}

/// One laid-out block: a group's caption or an argument.
struct Block {
    heading: std::sync::Arc<egui::Galley>,
    text: Option<std::sync::Arc<egui::Galley>>,
    space: f32,
    /// A group's caption ("For VMs"), which stays with the argument after it.
    caption: bool,
}

impl Block {
    fn height(&self, spacing: f32) -> f32 {
        self.heading.size().y + self.text.as_ref().map_or(0.0, |text| spacing + text.size().y) + spacing + self.space
    }
}

fn lay_out(ui: &Ui, groups: &[(String, Vec<Argument>)], scale: f32, width: f32) -> Vec<Block> {
    let sizes = sizes(ui.ctx());
    let body = egui::FontId::proportional(sizes.body * scale);
    let caption = egui::FontId::proportional(sizes.small * scale);
    let text_color = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let painter = ui.painter();
    let mut blocks = Vec::new();
    for (title, arguments) in groups {
        if arguments.is_empty() {
            continue;
        }
        blocks.push(Block {
            heading: painter.layout(title.clone(), caption.clone(), weak, width),
            text: None,
            space: 0.0,
            caption: true,
        });
        for argument in arguments {
            let heading = painter.layout(argument.heading.clone(), body.clone(), argument.color, width);
            let text = argument.text.as_ref().map(|text| painter.layout(text.clone(), body.clone(), text_color, width));
            blocks.push(Block { heading, text, space: sizes.space_s * scale, caption: false });
        }
    }
    blocks
}

/// Whether the blocks, poured into `columns` columns of `height`, all fit; `spacing` is the
/// gap the style leaves between labels.
fn fits(blocks: &[Block], columns: usize, height: f32, spacing: f32) -> bool {
    split(blocks, columns, height, spacing)
        .iter()
        .all(|range| blocks[range.clone()].iter().map(|block| block.height(spacing)).sum::<f32>() <= height)
}

/// The blocks of each column: each column takes blocks while they fit; the last takes the
/// rest.
fn split(blocks: &[Block], columns: usize, height: f32, spacing: f32) -> Vec<std::ops::Range<usize>> {
    let mut ranges = Vec::new();
    let mut start = 0;
    for column in 0..columns {
        let mut end = start;
        let mut used = 0.0;
        while end < blocks.len() && (column + 1 == columns || used + blocks[end].height(spacing) <= height) {
            used += blocks[end].height(spacing);
            end += 1;
        }
        // A caption never ends a column: it moves on with its first argument.
        if column + 1 < columns && end > start + 1 && blocks[end - 1].caption {
            end -= 1;
        }
        ranges.push(start..end);
        start = end;
    }
    ranges
}
