//! The left panel: the scenario's name and notes ([`scenario_ui`]), and one control per
//! workload trait ([`traits_ui`]), generated from [`TRAITS`] and grouped by [`TraitGroup`]
//! (the component list sits between the two). Where the sensitivity analysis
//! finds a value at which another option would take the lead, the slider's rail carries a
//! tick there in that option's colour.

use std::borrow::Cow;
use std::sync::LazyLock;

use egui::style::HandleShape;
use egui::{Align, DragValue, Layout, Rect, RichText, Shape, Slider, Stroke, TextEdit, Ui, pos2};

use super::culling::culled;
use super::fields_panel::fields_ui;
use super::theme::option_color_by_id;
use super::widgets::reset_button;
use crate::model::format;
use crate::model::hosts::{Arch, CUSTOM, HostCatalog, HostType};
use crate::model::kubernetes::KubernetesFlavour;
use crate::model::purchase::Purchase;
use crate::model::sensitivity::Sensitivity;
use crate::model::traits::Section;
use crate::model::{Catalogs, OptionId, TRAITS, TraitGroup, TraitId, TraitKind, TraitMeta};
use crate::narrative;
use crate::profile::Profile;

/// Every trait, by group; the host types offered are `catalogs`'.
pub fn traits_ui(ui: &mut Ui, profile: &mut Profile, catalogs: &Catalogs, sensitivity: &Sensitivity) {
    for group in TraitGroup::ALL {
        egui::CollapsingHeader::new(RichText::new(group.label()).heading()).default_open(true).show(ui, |ui| {
            // Each row is laid out only when in view (most are not): its height is the
            // same whatever the value.
            for meta in TRAITS.iter().filter(|meta| meta.group == group) {
                let flip = sensitivity.of(meta.id).and_then(|t| Some(Flip { at: t.flip_at?, to: t.flips_to? }));
                culled(ui, meta.id, (), |ui| trait_ui(ui, profile, meta, flip));
            }
            if group == TraitGroup::Environment {
                // A catalog host adds its price's row.
                let host = profile.environment.host.clone();
                culled(ui, "host", host, |ui| {
                    currency_ui(ui, profile);
                    host_ui(ui, profile, &catalogs.hosts);
                    kubernetes_ui(ui, profile);
                });
                culled(ui, "fields", (), |ui| fields_ui(ui, profile, Section::Environment));
            }
            if group == TraitGroup::Risk {
                // The workload's platform constraints: its OS, privileges, a packet data plane.
                culled(ui, "workload fields", (), |ui| fields_ui(ui, profile, Section::Workload));
            }
        });
    }
}

/// One trait's control, as in the panel (its flip point marked on the rail): a presenter's
/// what-if lever.
pub fn lever_ui(ui: &mut Ui, profile: &mut Profile, id: TraitId, sensitivity: &Sensitivity) {
    let Some(meta) = TRAITS.iter().find(|meta| meta.id == id) else { return };
    let flip = sensitivity.of(id).and_then(|t| Some(Flip { at: t.flip_at?, to: t.flips_to? }));
    trait_ui(ui, profile, meta, flip);
}

/// The scenario's name and notes.
pub fn scenario_ui(ui: &mut Ui, profile: &mut Profile) {
    ui.horizontal(|ui| {
        let label = ui.label("Name");
        ui.add(TextEdit::singleline(&mut profile.name).desired_width(f32::INFINITY)).labelled_by(label.id);
    });
    let label = ui.label("Notes");
    // Long notes scroll in a box of their own, so the sliders stay in view at a projector's
    // scale; the notes are read in full on the slides.
    let rows = 6.0;
    let max_height = rows * ui.text_style_height(&egui::TextStyle::Body);
    let width = ui.available_width();
    egui::ScrollArea::vertical()
        .id_salt("notes")
        .max_height(max_height)
        .max_width(width)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.add(TextEdit::multiline(&mut profile.notes).desired_rows(2).desired_width(f32::INFINITY))
                .labelled_by(label.id);
        });
}

fn currency_ui(ui: &mut Ui, profile: &mut Profile) {
    ui.horizontal(|ui| {
        let label = ui.label("Currency");
        ui.add(TextEdit::singleline(&mut profile.environment.currency).desired_width(64.0).char_limit(8))
            .labelled_by(label.id)
            .on_hover_text("Label for costs (no conversion)");
    });
}

/// The host type: the profile's own hardware or a catalog type, picked from a list that a
/// text field filters (over a hundred types are too many to scan); a catalog type's price
/// beneath it, and on an Arm64 type whether the images run there.
fn host_ui(ui: &mut Ui, profile: &mut Profile, catalog: &HostCatalog) {
    let before = profile.environment.host.clone();
    ui.horizontal(|ui| {
        let label = ui.label("Host type");
        let filter_id = ui.make_persistent_id("host_filter");
        egui::ComboBox::from_id_salt("host")
            .selected_text(profile.environment.host.as_str())
            // At most what is left beside the label: a narrow panel keeps the arrow in view.
            .width(ui.available_width().min(200.0) - ui.spacing().icon_width)
            .height(360.0)
            .show_ui(ui, |ui| {
                let mut filter: String = ui.data_mut(|data| data.get_temp(filter_id).unwrap_or_default());
                ui.horizontal(|ui| {
                    let label = ui.label("Filter");
                    ui.add(TextEdit::singleline(&mut filter).hint_text("m6i, D16s, n2 …").desired_width(160.0))
                        .labelled_by(label.id);
                });
                ui.selectable_value(&mut profile.environment.host, CUSTOM.to_owned(), narrative::host_choice(None));
                let wanted = filter.trim().to_lowercase();
                for host in catalog.types().iter().filter(|host| host.id.to_lowercase().contains(&wanted)) {
                    ui.selectable_value(
                        &mut profile.environment.host,
                        host.id.clone(),
                        narrative::host_choice(Some(host)),
                    );
                }
                ui.data_mut(|data| data.insert_temp(filter_id, filter));
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("custom: the host fields above. A cloud type prices every option as a cloud user buys it.");
    });
    // An edited price was the previous type's.
    if profile.environment.host != before {
        profile.environment.host_price_per_hour = None;
    }
    if let Some(host) = catalog.get(&profile.environment.host) {
        host_price_ui(ui, profile, host);
        purchase_ui(ui, profile);
        if host.arch == Arch::Arm64 {
            arm64_ui(ui, profile);
        }
    }
}

/// Whether every component's images run on arm64: on an Arm64 host, what decides whether any
/// option is offered at all.
fn arm64_ui(ui: &mut Ui, profile: &mut Profile) {
    let mut ready = profile.components.iter().all(|component| component.workload.arm64_ready);
    let response = ui.checkbox(&mut ready, "Images run on arm64").on_hover_text(
        "An Arm64 type runs only images built for arm64 (workload.arm64_ready); without them no option is offered here",
    );
    if response.changed() {
        for component in &mut profile.components {
            component.workload.arm64_ready = ready;
        }
    }
}

/// How the cloud hosts are bought (a component may buy its own way, in the component list).
fn purchase_ui(ui: &mut Ui, profile: &mut Profile) {
    ui.horizontal(|ui| {
        let label = ui.label("Bought");
        egui::ComboBox::from_id_salt("purchase")
            .selected_text(profile.environment.purchase.label())
            .width(ui.available_width().min(200.0) - ui.spacing().icon_width)
            .truncate()
            .show_ui(ui, |ui| {
                for way in Purchase::ALL {
                    ui.selectable_value(&mut profile.environment.purchase, way, way.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text(
                "On demand, committed for 1 or 3 years, on spot, or the steady load committed and the peak on \
                 demand; podvisor hosts lists each provider's discounts",
            );
    });
}

/// The chosen catalog type's hourly price, editable: the catalog's until changed, with its
/// date beside it, or "price edited" (the catalog's price and date on hover) and a reset.
fn host_price_ui(ui: &mut Ui, profile: &mut Profile, host: &HostType) {
    let catalog_price = narrative::catalog_price(host);
    // Wrapped: in a narrow panel the price's date goes below the field, not past the edge.
    ui.horizontal_wrapped(|ui| {
        let label = ui.label("Host price");
        let edited = &mut profile.environment.host_price_per_hour;
        let mut price = edited.unwrap_or(host.price_per_hour);
        let response = ui
            .add(DragValue::new(&mut price).range(0.0001..=f64::INFINITY).speed(0.001).max_decimals(4).suffix(" USD/h"))
            .labelled_by(label.id)
            .on_hover_text(format!("An hour of {}; the family's other types follow in proportion", host.id));
        if response.changed() {
            *edited = ((price - host.price_per_hour).abs() > f64::EPSILON).then_some(price);
        }
        if edited.is_some() {
            ui.label(RichText::new("price edited").italics()).on_hover_text(format!("Replaces the {catalog_price}"));
        } else {
            ui.label(RichText::new(format!("prices of {}", host.price_date)).weak()).on_hover_text(catalog_price);
        }
        if reset_button(ui, "host price", edited.is_some()) {
            *edited = None;
        }
    });
}

/// Whose Kubernetes rules the orchestrated options follow.
fn kubernetes_ui(ui: &mut Ui, profile: &mut Profile) {
    ui.horizontal(|ui| {
        let label = ui.label("Kubernetes");
        egui::ComboBox::from_id_salt("kubernetes")
            .selected_text(profile.environment.kubernetes.label())
            .show_ui(ui, |ui| {
                for flavour in KubernetesFlavour::ALL {
                    ui.selectable_value(&mut profile.environment.kubernetes, flavour, flavour.label());
                }
            })
            .response
            .labelled_by(label.id)
            .on_hover_text("Node reservations, pod limits and the control-plane fee");
    });
}

/// What the hover shows: the help line, the range and the default. They depend on the
/// trait table alone, so they are written once, not on every frame.
fn help_text(meta: &TraitMeta) -> &'static str {
    static HELP: LazyLock<Vec<String>> = LazyLock::new(|| {
        TRAITS
            .iter()
            .map(|meta| {
                format!(
                    "{}\nRange {} to {}; default {}",
                    meta.help,
                    meta.format(meta.min),
                    meta.format(meta.max),
                    meta.format(meta.default)
                )
            })
            .collect()
    });
    TRAITS.iter().position(|candidate| candidate.id == meta.id).map_or("", |index| &HELP[index])
}

/// The unit written after a slider's number.
fn unit_suffix(meta: &TraitMeta, profile: &Profile) -> String {
    if meta.is_rating() {
        "/10".to_owned()
    } else if meta.unit == "/month" {
        // Money in the profile's currency: a host's cost, an engineer's.
        format!(" {}{}", profile.currency(), meta.unit)
    } else if meta.unit.is_empty() || meta.unit.starts_with('/') || meta.unit == "×" {
        meta.unit.to_owned()
    } else {
        format!(" {}", meta.unit)
    }
}

/// Width of the number box beside each slider, wide enough for "0.5 cores" so the rails
/// line up.
const NUMBER_WIDTH: f32 = 96.0;

/// Where moving one trait would hand the lead to another option.
#[derive(Clone, Copy, Debug)]
struct Flip {
    at: f64,
    /// The option that would lead.
    to: OptionId,
}

impl Flip {
    fn describe(self, meta: &TraitMeta, currency: &str) -> String {
        narrative::flip_hint(meta, self.at, self.to, currency)
    }
}

/// The hover text of a control: help, range and default, and the flip point if any.
fn hover_text(meta: &TraitMeta, flip: Option<Flip>, currency: &str) -> Cow<'static, str> {
    match flip {
        Some(flip) => Cow::Owned(format!("{}\n{}", help_text(meta), flip.describe(meta, currency))),
        None => Cow::Borrowed(help_text(meta)),
    }
}

/// A slider that reads and writes one trait of the profile (clamped by `Profile::set`).
fn trait_value(profile: &mut Profile, id: TraitId) -> impl FnMut(Option<f64>) -> f64 + '_ {
    move |value| {
        if let Some(value) = value {
            profile.set(id, value);
        }
        profile.get(id)
    }
}

/// Where a logarithmic rail starts when the range starts at zero: one for counts, a tenth
/// of a unit for real values such as deploys per week (zero stays at the far left).
fn smallest_positive(meta: &TraitMeta) -> f64 {
    if meta.kind == TraitKind::Integer { 1.0 } else { 0.1 }
}

/// How far along the rail (0–1) a value sits, the way egui's slider places it.
fn rail_fraction(meta: &TraitMeta, value: f64) -> f64 {
    if value <= meta.min {
        0.0
    } else if value >= meta.max {
        1.0
    } else if meta.logarithmic {
        let low = if meta.min > 0.0 { meta.min } else { smallest_positive(meta) };
        ((value.log10() - low.log10()) / (meta.max.log10() - low.log10())).clamp(0.0, 1.0)
    } else {
        (value - meta.min) / (meta.max - meta.min)
    }
}

/// A tick across the rail, with a small pointer above it, in the colour of the option that
/// would lead past it.
fn flip_mark_ui(ui: &Ui, rail: Rect, meta: &TraitMeta, flip: Flip) {
    // The handle's centre travels between two insets, as in egui's slider.
    let radius = rail.height() / 2.5;
    let inset = match ui.visuals().handle_shape {
        HandleShape::Circle => radius,
        HandleShape::Rect { aspect_ratio } => radius * aspect_ratio,
    };
    #[expect(clippy::cast_possible_truncation, reason = "a 0–1 fraction of the rail")]
    let x = egui::lerp(rail.left() + inset..=rail.right() - inset, rail_fraction(meta, flip.at) as f32);
    let color = option_color_by_id(ui.visuals(), flip.to);
    let painter = ui.painter();
    painter.line_segment([pos2(x, rail.top() + 3.0), pos2(x, rail.bottom() - 3.0)], Stroke::new(3.0, color));
    let top = rail.top() + 1.0;
    painter.add(Shape::convex_polygon(
        vec![pos2(x - 5.0, top - 5.0), pos2(x + 5.0, top - 5.0), pos2(x, top + 1.0)],
        color,
        Stroke::NONE,
    ));
}

/// The reset button at the right end of a row. Hidden, it only keeps the row's height,
/// without a right-to-left child layout to place nothing in.
fn reset_at_right(ui: &mut Ui, name: &str, overridden: bool) -> bool {
    if overridden {
        ui.with_layout(Layout::right_to_left(Align::Center), |ui| reset_button(ui, name, true)).inner
    } else {
        reset_button(ui, name, false)
    }
}

fn trait_ui(ui: &mut Ui, profile: &mut Profile, meta: &TraitMeta, flip: Option<Flip>) {
    let id = meta.id;
    let hover = hover_text(meta, flip, profile.currency());
    let overridden = profile.get(id) != meta.default;
    if meta.kind == TraitKind::Flag {
        ui.horizontal(|ui| {
            let mut on = profile.get(id) >= 0.5;
            if ui.checkbox(&mut on, meta.label).on_hover_text(hover.as_ref()).changed() {
                profile.set(id, if on { 1.0 } else { 0.0 });
            }
            if let Some(flip) = flip {
                let color = option_color_by_id(ui.visuals(), flip.to);
                ui.label(RichText::new("●").color(color)).on_hover_text(flip.describe(meta, profile.currency()));
            }
            if reset_at_right(ui, meta.label, overridden) {
                profile.set(id, meta.default);
            }
        });
        return;
    }

    let label = ui
        .horizontal(|ui| {
            let label = ui.label(meta.label).on_hover_text(hover.as_ref());
            if reset_at_right(ui, meta.label, overridden) {
                profile.set(id, meta.default);
            }
            label
        })
        .inner;
    let suffix = unit_suffix(meta, profile);
    // Right to left: the number box takes the width it needs, the rail takes the rest, so
    // the panel never grows to fit its own contents.
    let row = egui::vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(row, Layout::right_to_left(Align::Center), |ui| {
        let value = profile.get(id);
        let speed = if meta.logarithmic { (value.abs() * 0.01).max(0.01) } else { (meta.max - meta.min) / 300.0 };
        let mut number = DragValue::from_get_set(trait_value(profile, id))
            .range(meta.min..=meta.max)
            .speed(speed)
            .min_size(egui::vec2(NUMBER_WIDTH, 0.0))
            .suffix(suffix);
        number = match meta.kind {
            TraitKind::Integer => number.fixed_decimals(0),
            _ => number.custom_formatter(|value, _| format::number(value)),
        };
        ui.add(number).accessible_name(format!("{} value", meta.label)).on_hover_text(hover.as_ref());

        ui.spacing_mut().slider_width = (ui.available_width() - ui.spacing().item_spacing.x).max(60.0);
        let mut slider = Slider::from_get_set(meta.min..=meta.max, trait_value(profile, id))
            .show_value(false)
            .logarithmic(meta.logarithmic);
        if meta.kind == TraitKind::Integer {
            slider = slider.integer();
        }
        let rail = ui
            .add(slider.smallest_positive(smallest_positive(meta)))
            .labelled_by(label.id)
            .on_hover_text(hover.as_ref());
        if let Some(flip) = flip {
            flip_mark_ui(ui, rail.rect, meta, flip);
        }
    });
}
