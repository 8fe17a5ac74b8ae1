//! The Plan tab, shown for a profile of several components: the plan's one-line summary;
//! where each component goes; the estate's monthly cost and hosts per platform beside every
//! all-in alternative; and the phased path from today's deployment, as a chart of the monthly
//! cost across its steps and a sentence per step. Every figure is the [`Plan`]'s, every
//! sentence [`narrative::plan`]'s.

use egui::{Color32, Rect, RichText, Sense, Ui, vec2};
use egui_plot::{HoverPosition, Line, Plot, PlotPoints, Points};

use super::components::ComponentEdit;
use super::projection_chart::still;
use super::theme::{bar_track, con_color, option_color_by_id, pro_color, sizes};
use super::widgets::{on_hover_text_with, scroll_bar_room, text_width};
use crate::model::format::{number, number_direction, score};
use crate::model::plan::{Plan, Platform};
use crate::model::{OptionId, Profile, ResourceId};
use crate::narrative;
use crate::narrative::plan as sentences;

/// What the tab shows: the whole profile (every component) and its plan.
#[derive(Clone, Copy, Debug)]
pub struct PlanView<'a> {
    pub profile: &'a Profile,
    pub plan: &'a Plan,
    /// The component the sliders edit, marked in the table.
    pub selected: usize,
}

/// The tab's scroll area, by name: the window starts it at its top for each file.
pub const SCROLL_SALT: &str = "plan_tab";

/// Height of the path chart, in points: the steps read apart at 1024×640.
const PATH_CHART_HEIGHT: f32 = 220.0;

/// Draws the tab. Returns a component to select, when one is clicked in the table.
pub fn plan_ui(ui: &mut Ui, view: &PlanView<'_>) -> Option<ComponentEdit> {
    let mut edit = None;
    egui::ScrollArea::vertical().id_salt(SCROLL_SALT).auto_shrink([false, false]).show(ui, |ui| {
        // Clear of the floating scroll bar, so that the last column is never under it.
        ui.set_max_width(ui.available_width() - scroll_bar_room(ui));
        // The plan's summary heads the banner above the tab.
        let space = sizes(ui.ctx()).space_l;
        section(ui, "Where each component goes");
        edit = placement_ui(ui, view);
        ui.add_space(space);
        section(ui, "The estate beside every component on one option");
        estate_ui(ui, view);
        ui.add_space(space);
        section(ui, "The phased path from today's deployment");
        path_ui(ui, view);
    });
    edit
}

fn section(ui: &mut Ui, title: &str) {
    ui.label(RichText::new(title).heading());
}

/// One row per component: its name (click to edit it with the sliders), the option it goes
/// on, by how much its leader leads (or its pin), and its score there.
fn placement_ui(ui: &mut Ui, view: &PlanView<'_>) -> Option<ComponentEdit> {
    let mut edit = None;
    // The name truncates and the option and the lead wrap within their share of the width, so
    // the table never runs past the tab on a narrow window.
    let name_width = (ui.available_width() * 0.4).max(80.0);
    let cell_width = (ui.available_width() * 0.22).max(60.0);
    let cell = |ui: &mut Ui, text: RichText| {
        ui.scope(|ui| {
            ui.set_max_width(cell_width);
            ui.add(egui::Label::new(text).wrap())
        })
        .inner
    };
    egui::Grid::new("plan_placement").num_columns(4).striped(true).show(ui, |ui| {
        for header in ["Component", "Runs on", "Lead", "Score"] {
            ui.label(RichText::new(header).strong());
        }
        ui.end_row();
        for (index, (placed, component)) in view.plan.components.iter().zip(&view.profile.components).enumerate() {
            ui.scope(|ui| {
                ui.set_max_width(name_width);
                let name = egui::Button::selectable(index == view.selected, &component.name).truncate();
                if ui.add(name).on_hover_text("Edit this component with the sliders").clicked() {
                    edit = Some(ComponentEdit::Select(index));
                }
            });
            let color = option_color_by_id(ui.visuals(), placed.option);
            cell(ui, RichText::new(narrative::capitalise(placed.option.spec().plural)).color(color));
            if placed.pinned {
                cell(ui, RichText::new("pinned")).on_hover_text("Placed by its pin, whatever the scores say");
            } else {
                let lead = if placed.close_call { "close call, " } else { "" };
                cell(ui, RichText::new(format!("{lead}{} pts", score(placed.margin * 100.0))))
                    .on_hover_text("How far its best option leads the runner-up, in overall-score points");
            }
            let shown = placed.score(placed.option, &view.profile.options).map_or_else(|| "—".to_owned(), score);
            ui.label(RichText::new(shown).monospace())
                .on_hover_text("Its overall score (0–100) on the option it goes on");
            ui.end_row();
        }
    });
    edit
}

/// One alternative in the cost and host bars: a label and the parts its bar is made of.
struct Alternative<'a> {
    label: String,
    /// Each part's option and resources: a platform each for the plan, one for an all-in.
    parts: Vec<(OptionId, &'a crate::model::Resources)>,
    total: &'a crate::model::Resources,
}

/// The plan's platforms and every all-in alternative, as stacked bars of monthly cost and of
/// hosts, and what the mix saves or costs against each.
fn estate_ui(ui: &mut Ui, view: &PlanView<'_>) {
    legend_ui(ui, view.profile, view.plan);
    for resource in [ResourceId::MonthlyCost, ResourceId::Hosts] {
        ui.add_space(sizes(ui.ctx()).space_s);
        ui.label(RichText::new(narrative::resource_header(view.profile, resource)).strong());
        bars_ui(ui, view.profile, view.plan, resource);
    }
    ui.add_space(sizes(ui.ctx()).space_s);
    savings_ui(ui, view.profile, view.plan, false);
}

/// The plan and every all-in alternative, in the order the bars show them.
fn alternatives(plan: &Plan) -> Vec<Alternative<'_>> {
    let mut alternatives = vec![Alternative {
        label: "This plan".to_owned(),
        parts: plan.platforms.iter().map(|platform| (platform.option, &platform.resources)).collect(),
        total: &plan.resources,
    }];
    alternatives.extend(plan.versus.iter().map(|all_in| Alternative {
        // Shown for the scores it would have, marked: some component's host cannot run it.
        label: if all_in.offered {
            format!("All on {}", all_in.option.spec().plural)
        } else {
            format!("All on {} (not offered)", all_in.option.spec().plural)
        },
        parts: vec![(all_in.option, &all_in.resources)],
        total: &all_in.resources,
    }));
    alternatives
}

/// What the mix saves or costs a month against each all-in alternative the hosts can run, a
/// line each; with
/// `fit`, only the lines that fit the height left (a slide has one screen).
pub(super) fn savings_ui(ui: &mut Ui, profile: &Profile, plan: &Plan, fit: bool) {
    let money = |value: f64| narrative::resource_value(profile, ResourceId::MonthlyCost, value);
    // A bill that cannot be bought here is no saving.
    for all_in in plan.versus.iter().filter(|all_in| all_in.offered) {
        let Some(saves) = plan.mix_saves_against(all_in.option) else { continue };
        let color = match number_direction(saves) {
            None => ui.visuals().text_color(),
            Some(true) => pro_color(ui.visuals()),
            Some(false) => con_color(ui.visuals()),
        };
        let text = format!("Each month this plan costs {}.", sentences::versus(&money, saves, all_in.option));
        let font = egui::TextStyle::Body.resolve(ui.style());
        let galley = ui.painter().layout(text, font, color, ui.available_width());
        if fit && galley.size().y > ui.available_height() {
            break;
        }
        ui.label(galley).on_hover_text(format!(
            "Every component on {}: overall score {} (weighted by instances)",
            all_in.option.spec().plural,
            score(all_in.score)
        ));
    }
}

/// Which colour is which platform, and what runs on it.
pub(super) fn legend_ui(ui: &mut Ui, profile: &Profile, plan: &Plan) {
    for Platform { option, components, .. } in &plan.platforms {
        let names: Vec<String> = components.iter().map(|&index| sentences::label(profile, index)).collect();
        ui.horizontal(|ui| {
            swatch(ui, option_color_by_id(ui.visuals(), *option));
            ui.label(RichText::new(narrative::capitalise(option.spec().plural)).strong());
        });
        ui.add(egui::Label::new(names.join(", ")).wrap());
    }
}

/// Which colour is which platform, in one line: a slide, whose placements name the
/// components beside it.
pub(super) fn legend_row_ui(ui: &mut Ui, plan: &Plan) {
    ui.horizontal_wrapped(|ui| {
        for Platform { option, .. } in &plan.platforms {
            swatch(ui, option_color_by_id(ui.visuals(), *option));
            ui.label(RichText::new(narrative::capitalise(option.spec().plural)).strong());
            ui.add_space(sizes(ui.ctx()).space_m);
        }
    });
}

/// A small square of `color`, as in a chart's legend.
fn swatch(ui: &mut Ui, color: Color32) {
    let side = ui.text_style_height(&egui::TextStyle::Body) * 0.7;
    let (rect, _) = ui.allocate_exact_size(vec2(side, side), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
}

/// A bar per alternative (the plan, each all-in) for `resource`, on one scale, each stacked
/// from its parts in their options' colours, its figure after it. Returns where the bars are.
pub(super) fn bars_ui(ui: &mut Ui, profile: &Profile, plan: &Plan, resource: ResourceId) -> Rect {
    let alternatives = alternatives(plan);
    let body = egui::TextStyle::Body;
    let label_width = alternatives.iter().map(|a| text_width(ui, &a.label, &body)).fold(0.0, f32::max);
    let figures: Vec<String> =
        alternatives.iter().map(|a| narrative::resource_value(profile, resource, a.total.get(resource))).collect();
    let figure_width = figures.iter().map(|figure| text_width(ui, figure, &body)).fold(0.0, f32::max);
    let gap = ui.spacing().item_spacing.x;
    let bar_width = (ui.available_width() - label_width - figure_width - 4.0 * gap).max(40.0);
    let largest = alternatives.iter().map(|a| a.total.get(resource)).fold(0.0, f64::max);
    let height = sizes(ui.ctx()).bar_height;
    egui::Grid::new(("plan_bars", resource as usize))
        .num_columns(3)
        .show(ui, |ui| {
            for (alternative, figure) in alternatives.iter().zip(&figures) {
                ui.label(&alternative.label);
                let (rect, response) = ui.allocate_exact_size(vec2(bar_width, height), Sense::hover());
                paint_stack(ui, rect, alternative, resource, largest);
                on_hover_text_with(response, || {
                    let parts: Vec<String> = alternative
                        .parts
                        .iter()
                        .map(|(option, resources)| {
                            let value = narrative::resource_value(profile, resource, resources.get(resource));
                            format!("{}: {value}", narrative::capitalise(option.spec().plural))
                        })
                        .collect();
                    parts.join("\n")
                });
                ui.label(RichText::new(figure).monospace());
                ui.end_row();
            }
        })
        .response
        .rect
}

/// The bar's track, and its parts side by side from the left, scaled to `largest`.
fn paint_stack(ui: &Ui, rect: Rect, alternative: &Alternative<'_>, resource: ResourceId, largest: f64) {
    let painter = ui.painter();
    painter.rect_filled(rect, 2.0, bar_track(ui.visuals()));
    if largest <= 0.0 {
        return;
    }
    let mut left = rect.left();
    for (option, resources) in &alternative.parts {
        #[expect(clippy::cast_possible_truncation, reason = "a share of a bar's width in points")]
        let width = (resources.get(resource) / largest) as f32 * rect.width();
        let part = Rect::from_min_size(egui::pos2(left, rect.top()), vec2(width, rect.height()));
        painter.rect_filled(part, 2.0, option_color_by_id(ui.visuals(), *option));
        left += width;
    }
}

/// The monthly cost across the path's steps, then each step in words.
fn path_ui(ui: &mut Ui, view: &PlanView<'_>) {
    let (profile, plan) = (view.profile, view.plan);
    if plan.stays.is_empty() && plan.stay() {
        ui.label(RichText::new(NOTHING_TO_MOVE).weak());
    } else if plan.path.len() > 1 {
        // A chart of today alone says nothing: where every move is left out, the words do.
        path_chart_ui(ui, profile, plan, PATH_CHART_HEIGHT);
    }
    for line in sentences::path(profile, plan) {
        ui.add(egui::Label::new(line).wrap());
    }
}

/// Said in place of the path when every component runs where the plan puts it.
pub(super) const NOTHING_TO_MOVE: &str = "Every component already runs where the plan puts it: nothing to move.";

/// The path chart, `height` points high: one point per step, joined, each named by the
/// component it moves. Returns where it is.
pub(super) fn path_chart_ui(ui: &mut Ui, profile: &Profile, plan: &Plan, height: f32) -> Rect {
    let names: Vec<String> = plan
        .path
        .iter()
        .map(|step| step.component.map_or_else(|| "Today".to_owned(), |index| profile.components[index].name.clone()))
        .collect();
    let costs: Vec<[f64; 2]> =
        plan.path.iter().enumerate().map(|(index, step)| [index as f64, step.resources.monthly_cost]).collect();
    let color = ui.visuals().text_color();
    // Each step's name under its point, wrapped to the step's share of the width: egui_plot
    // leaves out a label wider than the space between two marks.
    let slot = (ui.available_width() - Y_AXIS_ROOM) / names.len() as f32 * 0.9;
    let axis_names: Vec<String> = names.iter().map(|name| wrapped(ui, name, slot)).collect();
    still(Plot::new("plan_path"))
        .height(height)
        .y_axis_label(narrative::resource_header(profile, ResourceId::MonthlyCost))
        .x_axis_formatter(move |mark, _| step_name(&axis_names, mark.value).unwrap_or_default().to_owned())
        .y_axis_formatter(|mark, _| number(mark.value))
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .include_y(0.0)
        .include_x(-0.5)
        .include_x(costs.len() as f64 - 0.5)
        .label_formatter(move |position| match position {
            HoverPosition::NearDataPoint { position, .. } => Some(format!(
                "{}\n{}",
                step_name(&names, position.x).unwrap_or_default(),
                narrative::resource_value(profile, ResourceId::MonthlyCost, position.y)
            )),
            HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |plot| {
            plot.line(Line::new("Monthly cost", PlotPoints::from(costs.clone())).color(color));
            plot.points(Points::new("Steps", PlotPoints::from(costs)).radius(4.0).color(color));
        })
        .response
        .rect
}

/// Room the path chart's y axis takes from its width, in points (its figures and title).
const Y_AXIS_ROOM: f32 = 80.0;

/// `text` broken into lines at spaces, each at most `width` points wide in body text where
/// its words allow.
fn wrapped(ui: &Ui, text: &str, width: f32) -> String {
    let body = egui::TextStyle::Body;
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if text_width(ui, &format!("{line} {word}"), &body) <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines.join("\n")
}

/// The name of the step at `x`, if `x` is a step's place on the axis.
fn step_name(names: &[String], x: f64) -> Option<&str> {
    let nearest = x.round();
    if (x - nearest).abs() > 1e-6 || nearest < 0.0 {
        return None;
    }
    #[expect(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "a whole, non-negative step index")]
    names.get(nearest as usize).map(String::as_str)
}
