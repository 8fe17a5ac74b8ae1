//! Design tokens: the one place where colours, spacing and type sizes are chosen. Every view
//! asks here, so an option has one colour everywhere (slider marks, bars, lines, legends,
//! banner) and presenter mode can scale the whole look by changing [`Sizes`] alone.

use egui::{Color32, FontFamily, FontId, Id, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

use crate::model::OptionId;
use crate::model::options::REGISTRY;

/// Light or dark look, or the system's, as chosen in View ▸ Theme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    #[default]
    Dark,
    Light,
    /// Whatever the desktop uses, following it when it changes (dark where it is unknown).
    System,
}

impl ThemeChoice {
    pub const ALL: [Self; 3] = [Self::Dark, Self::Light, Self::System];

    pub fn label(self) -> &'static str {
        match self {
            Self::Dark => "Dark",
            Self::Light => "Light",
            Self::System => "Follow system",
        }
    }

    fn egui(self) -> egui::ThemePreference {
        match self {
            Self::Dark => egui::ThemePreference::Dark,
            Self::Light => egui::ThemePreference::Light,
            Self::System => egui::ThemePreference::System,
        }
    }
}

/// The look the user picked in the View menu; persisted with the session.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Appearance {
    pub theme: ThemeChoice,
    /// Zoom factor of the whole UI (1 = 100%).
    pub ui_scale: f32,
}

impl Default for Appearance {
    fn default() -> Self {
        Self { theme: ThemeChoice::Dark, ui_scale: 1.0 }
    }
}

/// Type sizes and spacing in points. Views read the ones in force with [`sizes`]; presenter
/// mode applies [`Sizes::PRESENTER`], the same tokens scaled up.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Sizes {
    pub small: f32,
    pub body: f32,
    pub heading: f32,
    /// The verdict headline.
    pub banner: f32,
    /// Gap between related items.
    pub space_s: f32,
    /// Gap between groups.
    pub space_m: f32,
    /// Gap between sections.
    pub space_l: f32,
    /// Height of a score bar.
    pub bar_height: f32,
    /// Width of a plotted line.
    pub line_width: f32,
}

impl Sizes {
    /// Sizes chosen to stay legible on a projector at the default zoom.
    pub const DEFAULT: Self = Self {
        small: 12.5,
        body: 15.0,
        heading: 20.0,
        banner: 28.0,
        space_s: 4.0,
        space_m: 8.0,
        space_l: 16.0,
        bar_height: 16.0,
        line_width: 2.5,
    };

    /// Presenter mode: every token half as large again, so that the back of a room can read
    /// the slide on a 1280×720 projector while the chart still gets half the width.
    pub const PRESENTER: Self = Self::DEFAULT.scaled(1.5);

    /// Every size multiplied by `factor`.
    #[must_use]
    pub const fn scaled(self, factor: f32) -> Self {
        Self {
            small: self.small * factor,
            body: self.body * factor,
            heading: self.heading * factor,
            banner: self.banner * factor,
            space_s: self.space_s * factor,
            space_m: self.space_m * factor,
            space_l: self.space_l * factor,
            bar_height: self.bar_height * factor,
            line_width: self.line_width * factor,
        }
    }
}

/// Where [`apply`] leaves the sizes in force for [`sizes`].
fn sizes_id() -> Id {
    Id::unique("podvisor_sizes")
}

/// The sizes last applied to the context ([`Sizes::DEFAULT`] before any was).
pub fn sizes(ctx: &egui::Context) -> Sizes {
    ctx.data(|data| data.get_temp(sizes_id())).unwrap_or(Sizes::DEFAULT)
}

/// Name of the text style used for the verdict headline.
const BANNER: &str = "banner";

/// The verdict headline's text style.
pub fn banner_style() -> TextStyle {
    TextStyle::Name(BANNER.into())
}

/// Lets proportional text fall back to the bundled Hack font, which has the few symbols
/// the views use (↺ ● ▸ ·) that Ubuntu-Light lacks, before egui's emoji fonts (which draw
/// the file browser's icons), so those symbols keep Hack's shapes; no extra font is shipped.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if let Some(family) = fonts.families.get_mut(&FontFamily::Proportional) {
        family.insert(1.min(family.len()), "Hack".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Applies the theme and sizes to every style of the context.
pub fn apply(ctx: &egui::Context, theme: ThemeChoice, sizes: &Sizes) {
    ctx.set_theme(theme.egui());
    ctx.data_mut(|data| data.insert_temp(sizes_id(), *sizes));
    ctx.all_styles_mut(|style| {
        let proportional = |size| FontId::new(size, FontFamily::Proportional);
        style.text_styles = [
            (TextStyle::Small, proportional(sizes.small)),
            (TextStyle::Body, proportional(sizes.body)),
            (TextStyle::Button, proportional(sizes.body)),
            (TextStyle::Heading, proportional(sizes.heading)),
            (TextStyle::Monospace, FontId::new(sizes.body - 1.0, FontFamily::Monospace)),
            (banner_style(), proportional(sizes.banner)),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(sizes.space_m, sizes.space_s + 2.0);
        style.spacing.interact_size.y = sizes.body + 7.0;
        // Tooltips carry explanations with sources; give them room to read.
        style.spacing.tooltip_width = 560.0;
        // No animations: the window stays calm while sliders move, and tests see settled frames.
        style.animation_time = 0.0;
    });
}

/// The colour of a deployment option, by its index in [`REGISTRY`]: the same hue in every
/// view, brighter on dark backgrounds and deeper on light ones. Blue and orange stay
/// distinguishable for the common forms of colour blindness.
pub fn option_color(visuals: &Visuals, index: usize) -> Color32 {
    const DARK: [Color32; 4] = [
        Color32::from_rgb(0x5e, 0xa8, 0xff),
        Color32::from_rgb(0xff, 0xa1, 0x3d),
        Color32::from_rgb(0x4c, 0xd1, 0xb4),
        Color32::from_rgb(0xc9, 0x8b, 0xff),
    ];
    const LIGHT: [Color32; 4] = [
        Color32::from_rgb(0x1d, 0x5f, 0xc9),
        Color32::from_rgb(0xc4, 0x5a, 0x00),
        Color32::from_rgb(0x00, 0x85, 0x6f),
        Color32::from_rgb(0x7a, 0x3d, 0xc2),
    ];
    let palette = if visuals.dark_mode { &DARK } else { &LIGHT };
    palette[index % palette.len()]
}

/// How an option's line and markers are drawn, besides its colour: a dash pattern and a
/// marker shape of its own, so that two options with the same figures stay visible where
/// their lines coincide (a solid line shows through the gaps of a dashed one, a circle
/// around a diamond) and so that the chart still reads in greyscale or to a colour-blind eye.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SeriesStyle {
    pub line: egui_plot::LineStyle,
    pub marker: egui_plot::MarkerShape,
}

/// The [`SeriesStyle`] of an option by its index among the options; `line_width` scales the
/// dashes, so presenter mode's thicker lines keep the same pattern.
pub fn series_style(index: usize, line_width: f32) -> SeriesStyle {
    use egui_plot::{LineStyle, MarkerShape};
    let styles = [
        (LineStyle::Solid, MarkerShape::Circle),
        (LineStyle::Dashed { length: 4.0 * line_width }, MarkerShape::Diamond),
        (LineStyle::Dotted { spacing: 2.5 * line_width }, MarkerShape::Square),
        (LineStyle::Dashed { length: 1.6 * line_width }, MarkerShape::Up),
    ];
    let (line, marker) = styles[index % styles.len()];
    SeriesStyle { line, marker }
}

/// The colour of an option by its id; neutral for an option not in the registry.
pub fn option_color_by_id(visuals: &Visuals, id: OptionId) -> Color32 {
    REGISTRY.iter().position(|o| o.id() == id).map_or(visuals.text_color(), |index| option_color(visuals, index))
}

/// Colour of a pro (a strength of an option).
pub fn pro_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0x6b, 0xd4, 0x7f) } else { Color32::from_rgb(0x1b, 0x7f, 0x3b) }
}

/// Colour of a con (a weakness of an option).
pub fn con_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0xff, 0x7b, 0x72) } else { Color32::from_rgb(0xb4, 0x23, 0x18) }
}

/// Colour of "too close to call" and of values the user has overridden: a yellow, so it
/// is never mistaken for an option's orange.
pub fn attention_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0xf2, 0xd3, 0x4f) } else { Color32::from_rgb(0x8a, 0x6a, 0x00) }
}

/// Background of the error panel.
pub fn error_fill(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_rgb(0x5a, 0x1d, 0x1d) } else { Color32::from_rgb(0xfd, 0xe2, 0xe0) }
}

/// An option's colour, faded: how the baseline's lines are drawn beside the scenario's.
pub fn baseline_color(visuals: &Visuals, index: usize) -> Color32 {
    option_color(visuals, index).gamma_multiply(0.55)
}

/// The tick marking the baseline's value across a bar: the text colour, so that it shows
/// on the filled part and on the track alike.
pub fn baseline_mark(visuals: &Visuals) -> Color32 {
    visuals.text_color()
}

/// Text on a slide in presenter mode: nearly the strongest colour, since projectors wash
/// out the explorer's grey, yet a little short of it so that a room is not glared at.
pub fn presenter_text_color(visuals: &Visuals) -> Color32 {
    if visuals.dark_mode { Color32::from_gray(222) } else { Color32::from_gray(24) }
}

/// Colour of a change: a pro's colour when it is an improvement, a con's when it is a
/// setback, quiet when nothing moved.
pub fn change_color(visuals: &Visuals, better: Option<bool>) -> Color32 {
    match better {
        Some(true) => pro_color(visuals),
        Some(false) => con_color(visuals),
        None => visuals.weak_text_color(),
    }
}

/// The track behind a score bar.
pub fn bar_track(visuals: &Visuals) -> Color32 {
    visuals.extreme_bg_color
}

/// A neutral mark, such as today's value on a chart.
pub fn neutral_mark(visuals: &Visuals) -> Color32 {
    visuals.weak_text_color()
}

/// The veil over the window while a file is dragged over it, and the text on it.
pub fn drop_overlay() -> (Color32, Color32) {
    (Color32::from_black_alpha(170), Color32::WHITE)
}
