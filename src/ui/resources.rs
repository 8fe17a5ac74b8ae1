//! The resources tab: one large projection chart of a chosen resource over the number of
//! services (or replicas), with today's value and the break-even points marked, beside a
//! table of today's figures for every resource. Few, large charts read best on a projector.
//! Where the window is too narrow for both side by side, the table goes under the chart and
//! the tab scrolls. A pinned baseline is drawn beside the scenario: dashed lines in its
//! options' faded colours, and a tick across each figure's bar at the baseline's figure.

use egui::{Align, Layout, Rect, Ui};

/// The app keeps the chart's view under this tab's name.
pub use super::projection_chart::ChartView;
use super::projection_chart::{Audience, Projection, projection_lines, projection_ui};
use super::theme::sizes;
use super::today_table::{TodayTable, today_ui};
use crate::model::outlook::CURVE_AXES;
use crate::model::{Evaluation, ResourceId};
use crate::narrative;
use crate::profile::Profile;

/// Narrowest the chart gets beside the table; narrower windows stack them.
const MIN_CHART_WIDTH: f32 = 420.0;
/// Lowest the chart gets; lower windows scroll the tab instead.
const MIN_CHART_HEIGHT: f32 = 240.0;

/// The tab's scroll area, by name: the window starts it at its top for each file.
pub const SCROLL_SALT: &str = "resources_tab";

/// The resources tab. `baseline` is the pinned baseline's evaluation, if any. Returns where
/// the projection chart is (title and legend included), for File ▸ Export chart as PNG.
pub fn resources_ui(
    ui: &mut Ui,
    evaluation: &Evaluation,
    profile: &Profile,
    view: &mut ChartView,
    baseline: Option<&Evaluation>,
) -> Rect {
    controls_ui(ui, view);
    ui.label(narrative::host_line(profile, evaluation));
    ui.add_space(sizes(ui.ctx()).space_s);
    let lines = projection_lines(evaluation, profile, *view);
    let projection = Projection {
        evaluation,
        profile,
        view: *view,
        lines: &lines,
        baseline,
        marks: 1.0,
        audience: Audience::Explorer,
    };
    let gap = sizes(ui.ctx()).space_l;
    let table = TodayTable::new(ui, evaluation, profile);
    let table_width = table.width();
    let viewport = ui.available_size();
    // Room for the scroll bar, so that it never covers the table's last column.
    let width = viewport.x - ui.spacing().scroll.bar_width - gap;
    let side_by_side = width >= MIN_CHART_WIDTH + gap + table_width;
    egui::ScrollArea::vertical()
        .id_salt(SCROLL_SALT)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let column = Layout::top_down(Align::Min);
            if side_by_side {
                let height = viewport.y.max(MIN_CHART_HEIGHT);
                ui.horizontal_top(|ui| {
                    let chart =
                        ui.allocate_ui_with_layout(egui::vec2(width - table_width - gap, height), column, |ui| {
                            projection_ui(ui, &projection)
                        });
                    ui.add_space(gap);
                    ui.allocate_ui_with_layout(egui::vec2(table_width, height), column, |ui| {
                        today_ui(ui, &table, baseline);
                    });
                    chart.inner
                })
                .inner
            } else {
                // The whole chart in view, axes included; the table follows on scrolling.
                let height = viewport.y.max(MIN_CHART_HEIGHT);
                let chart = ui
                    .allocate_ui_with_layout(egui::vec2(width, height), column, |ui| projection_ui(ui, &projection))
                    .inner;
                ui.add_space(gap);
                today_ui(ui, &table, baseline);
                chart
            }
        })
        .inner
}

fn controls_ui(ui: &mut Ui, view: &mut ChartView) {
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Resource");
        egui::ComboBox::from_id_salt("resource")
            .selected_text(view.resource.label())
            .width(220.0)
            .show_ui(ui, |ui| {
                for resource in ResourceId::ALL {
                    ui.selectable_value(&mut view.resource, resource, resource.label());
                }
            })
            .response
            .labelled_by(label.id);
        ui.add_space(sizes(ui.ctx()).space_l);
        ui.label("Over");
        for axis in CURVE_AXES {
            ui.selectable_value(&mut view.axis, axis, axis.meta().label);
        }
    });
}
