//! The views of the explorer window. Each is a thin `*_ui` function that draws an
//! [`Evaluation`](crate::model::Evaluation) and edits only the part of the
//! [`Profile`](crate::profile::Profile) it is given; none computes a score or a figure, and
//! none has side effects beyond that edit (file dialogs and I/O go through
//! [`Command`](crate::command::Command)s run by the app).

pub mod assumptions;
pub mod compare;
pub mod components;
pub mod console;
pub mod culling;
pub mod dialogs;
pub mod feasibility;
pub mod fields_panel;
pub mod help;
pub mod menu;
pub mod options_menu;
pub mod plan;
pub mod presenter;
pub mod projection_chart;
pub mod pros_cons;
pub mod resources;
pub mod scorecard;
pub mod sources;
pub mod status;
pub mod theme;
pub mod today_table;
pub mod tornado;
pub mod traits_panel;
pub mod transition;
pub mod verdict;
pub mod widgets;
pub mod words;

use serde::{Deserialize, Serialize};

/// The tabs of the central area.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tab {
    /// Where each component of a mixed estate goes; shown only for several components.
    Plan,
    #[default]
    Scorecard,
    ProsCons,
    Resources,
    Assumptions,
    /// The open scenario (A) beside another profile (B).
    Compare,
}

impl Tab {
    pub const ALL: [Self; 6] =
        [Self::Plan, Self::Scorecard, Self::ProsCons, Self::Resources, Self::Assumptions, Self::Compare];

    /// The tabs shown: the Plan tab only for a profile of several components (`mixed`).
    pub fn shown(mixed: bool) -> impl Iterator<Item = Self> {
        Self::ALL.into_iter().filter(move |tab| mixed || *tab != Self::Plan)
    }

    /// The tab to draw when `self` is chosen: the scorecard in place of a plan that is not
    /// shown.
    #[must_use]
    pub fn or_shown(self, mixed: bool) -> Self {
        if self == Self::Plan && !mixed { Self::Scorecard } else { self }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Plan => "Plan",
            Self::Scorecard => "Scorecard",
            Self::ProsCons => "Pros & cons",
            Self::Resources => "Resources",
            Self::Assumptions => "Assumptions",
            Self::Compare => "Compare",
        }
    }
}

/// A row of tab buttons; keyboard-reachable (Tab to focus, Space/Enter to pick). Labels are
/// headings while they fit on one row; in a narrow window (or at a large zoom) they drop to
/// body text, then to small text closer together, and wrap only if even that does not fit,
/// so the tab's content keeps its height.
/// The Plan tab is there only when the profile is `mixed`.
pub fn tab_bar_ui(ui: &mut egui::Ui, tab: &mut Tab, mixed: bool) {
    let spacing = ui.spacing().clone();
    let tight = (spacing.button_padding.x / 2.0, spacing.item_spacing.x / 2.0);
    let row = |style: &egui::TextStyle, (button, gap): (f32, f32)| {
        let padding = 2.0 * button + gap;
        // One padding to spare: the estimate leaves out the selected tab's frame.
        Tab::shown(mixed).map(|candidate| widgets::text_width(ui, candidate.label(), style) + padding).sum::<f32>()
            + padding
    };
    // The largest type, then the tighter spacing, that keeps the tabs on one row (a second
    // row took the Scorecard's only rows at 1024×640 and 150 %); they wrap only past that.
    let normal = (spacing.button_padding.x, spacing.item_spacing.x);
    let width = ui.available_width();
    let (style, (button, gap)) =
        [(egui::TextStyle::Heading, normal), (egui::TextStyle::Body, normal), (egui::TextStyle::Small, tight)]
            .into_iter()
            .find(|(style, padding)| row(style, *padding) <= width)
            .unwrap_or((egui::TextStyle::Small, tight));
    ui.horizontal_wrapped(|ui| {
        ui.spacing_mut().button_padding.x = button;
        ui.spacing_mut().item_spacing.x = gap;
        for candidate in Tab::shown(mixed) {
            ui.selectable_value(tab, candidate, egui::RichText::new(candidate.label()).text_style(style.clone()));
        }
    });
}
