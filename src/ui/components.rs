//! The component list at the top of the side panel: the parts of the estate, the one the
//! sliders edit selected. It only asks for edits ([`ComponentEdit`]); the app applies them,
//! each one undo step.
//!
//! A one-component profile (most scenarios) shows a single line instead: what there is, and
//! a button to add a second component. The sliders below stay where they were, a line lower.
//!
//! Keys on a focused row: Enter or Space selects it, F2 renames it, Alt+↑ and Alt+↓ move it,
//! Delete removes it; ↑ and ↓ move the keyboard focus along the list (egui's own).

use egui::{Key, KeyboardShortcut, Modifiers, RichText, TextEdit, Ui};

use super::theme::sizes;
use crate::model::OptionId;
use crate::model::profile::{Component, MAX_COMPONENTS};
use crate::model::purchase::Purchase;
use crate::narrative;
use crate::profile::Profile;

/// One edit of the component list, by component index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ComponentEdit {
    /// Show and edit this component in the other views.
    Select(usize),
    /// A new component with the default workload, after the others.
    Add,
    /// A copy of this component, right after it.
    Duplicate(usize),
    Rename(usize, String),
    /// Swaps this component with the one before it.
    MoveUp(usize),
    /// Swaps this component with the one after it.
    MoveDown(usize),
    /// Takes this component away; refused for the last one left.
    Remove(usize),
    /// Fixes this component on an option, or frees it (`None`).
    Pin(usize, Option<OptionId>),
    /// What this component runs on today.
    Current(usize, OptionId),
    /// This component's own way of buying compute, or the environment's (`None`).
    Purchase(usize, Option<Purchase>),
}

/// The list's own state between frames: the component being renamed in place.
#[derive(Clone, Debug, Default)]
pub struct ComponentList {
    renaming: Option<Renaming>,
}

#[derive(Clone, Debug)]
struct Renaming {
    index: usize,
    /// The name as typed so far.
    name: String,
    /// The name before, for Escape.
    before: String,
    /// Whether the text field has had the focus (it asks for it on its first frame).
    focused: bool,
}

const ADD_HINT: &str = "A further part of the estate with its own workload (a database beside the web tier): each \
                        component is scored on its own, and the Plan tab places each on its best option";

/// The list (or, for one component, its one-line header). Returns the edits asked for, in
/// order.
pub fn component_list_ui(
    ui: &mut Ui,
    list: &mut ComponentList,
    profile: &Profile,
    selected: usize,
) -> Vec<ComponentEdit> {
    if !profile.is_mixed() {
        list.renaming = None;
        return single_ui(ui).into_iter().collect();
    }
    let mut edits = Vec::new();
    egui::CollapsingHeader::new(RichText::new(format!("Components ({})", profile.components.len())).heading())
        .id_salt("components")
        .default_open(true)
        .show(ui, |ui| {
            for (index, component) in profile.components.iter().enumerate() {
                edits.extend(row_ui(ui, list, component, index, index == selected));
            }
            ui.add_space(sizes(ui.ctx()).space_s);
            edits.extend(actions_ui(ui, list, profile, selected));
            edits.extend(placement_ui(ui, profile, selected));
        });
    edits
}

/// One component: a line saying so, and the button that adds a second.
fn single_ui(ui: &mut Ui) -> Option<ComponentEdit> {
    ui.horizontal(|ui| {
        ui.label(RichText::new("One component").small().weak())
            .on_hover_text("The whole estate is scored as one workload");
        ui.add(egui::Button::new(RichText::new("+ Add component").small()))
            .on_hover_text(ADD_HINT)
            .clicked()
            .then_some(ComponentEdit::Add)
    })
    .inner
}

/// A row: the component's name (a text field while it is renamed) and its pin.
fn row_ui(
    ui: &mut Ui,
    list: &mut ComponentList,
    component: &Component,
    index: usize,
    selected: bool,
) -> Option<ComponentEdit> {
    if let Some(renaming) = list.renaming.as_mut().filter(|renaming| renaming.index == index) {
        let (edit, going_on) = rename_ui(ui, renaming);
        if !going_on {
            list.renaming = None;
        }
        return edit;
    }
    let mut edit = None;
    // Wrapped, so that a long name's pin goes below it in a narrow panel rather than past its edge.
    ui.horizontal_wrapped(|ui| {
        let mut text = RichText::new(&component.name);
        if selected {
            text = text.strong();
        }
        let response = ui.selectable_label(selected, text).on_hover_text(
            "Select to edit its workload with the sliders; double-click or F2 renames, Alt+↑/↓ moves, Delete removes",
        );
        if let Some(pin) = component.placement {
            ui.label(RichText::new(format!("pinned: {}", option_name(pin))).small().weak())
                .on_hover_text("The plan keeps it on this option whatever the scores say");
        }
        if response.clicked() || response.double_clicked() {
            edit = Some(ComponentEdit::Select(index));
        }
        if response.double_clicked() {
            list.renaming = Some(Renaming::of(index, component));
        }
        if response.has_focus()
            && let Some(asked) = keys(ui, list, component, index)
        {
            edit = Some(asked);
        }
    });
    edit
}

/// The keys a focused row answers to, besides Enter and Space (select) and ↑ ↓ (egui's focus
/// moves), with what each does: the rows read them, and the shortcut list (F1) shows them.
pub const ROW_KEYS: [(KeyboardShortcut, &str); 4] = [
    (KeyboardShortcut::new(Modifiers::NONE, Key::F2), "Rename the focused component"),
    (KeyboardShortcut::new(Modifiers::ALT, Key::ArrowUp), "Move the focused component up"),
    (KeyboardShortcut::new(Modifiers::ALT, Key::ArrowDown), "Move the focused component down"),
    (KeyboardShortcut::new(Modifiers::NONE, Key::Delete), "Remove the focused component (undo brings it back)"),
];

/// The edit a focused row's keys ask for.
fn keys(ui: &Ui, list: &mut ComponentList, component: &Component, index: usize) -> Option<ComponentEdit> {
    let [rename, up, down, remove] = ui.input_mut(|input| ROW_KEYS.map(|(key, _)| input.consume_shortcut(&key)));
    if rename {
        list.renaming = Some(Renaming::of(index, component));
        return Some(ComponentEdit::Select(index));
    }
    [(up, ComponentEdit::MoveUp(index)), (down, ComponentEdit::MoveDown(index)), (remove, ComponentEdit::Remove(index))]
        .into_iter()
        .find_map(|(pressed, edit)| pressed.then_some(edit))
}

impl Renaming {
    fn of(index: usize, component: &Component) -> Self {
        Self { index, name: component.name.clone(), before: component.name.clone(), focused: false }
    }
}

/// The name's text field: the rename to apply if the text changed, and whether renaming
/// goes on (it ends with Enter, Escape or the focus moving on).
fn rename_ui(ui: &mut Ui, renaming: &mut Renaming) -> (Option<ComponentEdit>, bool) {
    let response = ui.add(TextEdit::singleline(&mut renaming.name).desired_width(f32::INFINITY).char_limit(80));
    let response = response.accessible_name("Component name");
    if !renaming.focused {
        response.request_focus();
        renaming.focused = true;
        return (None, true);
    }
    let index = renaming.index;
    if response.lost_focus() {
        // Escape puts back the name it had; so does a name left blank.
        let escaped = ui.input(|input| input.key_pressed(Key::Escape));
        let keep = !escaped && !renaming.name.trim().is_empty();
        let name = if keep { renaming.name.clone() } else { renaming.before.clone() };
        return (Some(ComponentEdit::Rename(index, name)), false);
    }
    (response.changed().then(|| ComponentEdit::Rename(index, renaming.name.clone())), true)
}

/// Add, duplicate, rename, move and remove, for the selected component.
fn actions_ui(ui: &mut Ui, list: &mut ComponentList, profile: &Profile, selected: usize) -> Option<ComponentEdit> {
    let count = profile.components.len();
    let room = count < MAX_COMPONENTS;
    let mut edit = None;
    ui.horizontal_wrapped(|ui| {
        let mut button = |ui: &mut Ui, text: &str, enabled: bool, hint: &str, asked: ComponentEdit| {
            let response = ui.add_enabled(enabled, egui::Button::new(text)).on_hover_text(hint);
            // The arrows' names, for screen readers: the hint's first words.
            let response = match text {
                "⏶" => response.accessible_name("Move up"),
                "⏷" => response.accessible_name("Move down"),
                _ => response,
            };
            if response.clicked() {
                edit = Some(asked);
            }
        };
        let full = format!("at most {MAX_COMPONENTS} components; group similar services into one");
        button(ui, "+ Add", room, if room { ADD_HINT } else { &full }, ComponentEdit::Add);
        button(
            ui,
            "Duplicate",
            room,
            "A copy of the selected component, right after it",
            ComponentEdit::Duplicate(selected),
        );
        if ui.button("Rename").on_hover_text("Rename the selected component (F2, or double-click it)").clicked() {
            list.renaming = Some(Renaming::of(selected, &profile.components[selected]));
        }
        button(ui, "⏶", selected > 0, "Move the selected component up (Alt+↑)", ComponentEdit::MoveUp(selected));
        button(
            ui,
            "⏷",
            selected + 1 < count,
            "Move the selected component down (Alt+↓)",
            ComponentEdit::MoveDown(selected),
        );
        button(
            ui,
            "Remove",
            count > 1,
            "Remove the selected component (Delete); Undo brings it back",
            ComponentEdit::Remove(selected),
        );
    });
    edit
}

/// The selected component's pin and the option it runs on today.
fn placement_ui(ui: &mut Ui, profile: &Profile, selected: usize) -> Option<ComponentEdit> {
    let component = &profile.components[selected];
    let mut edit = None;
    egui::Grid::new("component_placement").num_columns(2).show(ui, |ui| {
        let label = ui.label("Pinned to");
        let mut pin = component.placement;
        let shown = pin.map_or_else(|| NOT_PINNED.to_owned(), option_name);
        egui::ComboBox::from_id_salt("component_pin")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                ui.selectable_value(&mut pin, None, NOT_PINNED);
                for option in choices(profile, component.placement) {
                    ui.selectable_value(&mut pin, Some(option), option_name(option));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "Fix the component on an option whatever the scores say (a licence, a vendor appliance); \
                 the plan keeps it there",
            );
        if pin != component.placement {
            edit = Some(ComponentEdit::Pin(selected, pin));
        }
        ui.end_row();

        let label = ui.label("Runs today on");
        let mut current = component.current;
        egui::ComboBox::from_id_salt("component_current")
            .selected_text(option_name(current))
            .show_ui(ui, |ui| {
                for option in choices(profile, Some(component.current)) {
                    ui.selectable_value(&mut current, option, option_name(option));
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("What the component runs on today: where the phased path starts");
        if current != component.current {
            edit = Some(ComponentEdit::Current(selected, current));
        }
        ui.end_row();

        // How it is bought applies to cloud hosts only.
        if profile.environment.host != crate::model::hosts::CUSTOM {
            let label = ui.label("Purchase");
            let mut purchase = component.purchase;
            let shown = purchase.map_or(AS_ENVIRONMENT, Purchase::label);
            egui::ComboBox::from_id_salt("component_purchase")
                .selected_text(shown)
                // What is left in a narrow panel: the longest way's name is cut short.
                .width(ui.available_width().min(200.0) - ui.spacing().icon_width)
                .truncate()
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut purchase, None, AS_ENVIRONMENT);
                    for way in Purchase::ALL {
                        ui.selectable_value(&mut purchase, Some(way), way.label());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "This component's own way of buying compute (a stateless tier on spot beside a database on \
                     demand); spot is refused to a component that does not tolerate lost instances",
                );
            if purchase != component.purchase {
                edit = Some(ComponentEdit::Purchase(selected, purchase));
            }
            ui.end_row();
        }
    });
    edit
}

const AS_ENVIRONMENT: &str = "As the environment";

const NOT_PINNED: &str = "Not pinned";

/// An option as a choice in a list: "VMs", "Containers on VMs".
fn option_name(option: OptionId) -> String {
    narrative::capitalise(option.spec().plural)
}

/// The options a component can be pinned to or run on: those compared, and `held` (what it
/// has now) where that is not among them.
fn choices(profile: &Profile, held: Option<OptionId>) -> Vec<OptionId> {
    let mut options = profile.options.clone();
    if let Some(held) = held.filter(|held| !options.contains(held)) {
        options.push(held);
    }
    options
}
