//! Design tokens: the one place where colours, spacing and type sizes are chosen. Every view
//! asks here, so an option has one colour everywhere (slider marks, bars, lines, legends,
//! banner) and presenter mode can scale the whole look by changing [`Sizes`] alone.

use egui::{Color32, FontFamily, FontId, Id, TextStyle, Visuals};
use serde::{Deserialize, Serialize};

use crate::model::options::REGISTRY;
use crate::model::{OptionId, OptionResult};

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

/// A slide's design size in points: a 1280×720 projector at 100 %, where
/// [`Sizes::PRESENTER`] holds. A slide is laid out on a canvas of this shape scaled to fit
/// the screen, its sizes scaled alike ([`slide_scale`]), so that what fits at 1280×720 fits
/// on any screen at any zoom, in the same proportions: as a slide deck does.
pub const SLIDE: egui::Vec2 = egui::vec2(1280.0, 720.0);

/// How much a slide's canvas and sizes are scaled to fit a screen of `screen` points.
pub fn slide_scale(screen: egui::Vec2) -> f32 {
    (screen.x / SLIDE.x).min(screen.y / SLIDE.y).max(0.1)
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
/// view, brighter on dark backgrounds and deeper on light ones. Blue, orange, teal and
/// magenta: every pair stays apart for protanopes, deuteranopes and tritanopes too (a test
/// below simulates them); a purple fourth read as the blue to the first two.
pub fn option_color(visuals: &Visuals, index: usize) -> Color32 {
    const DARK: [Color32; 4] = [
        Color32::from_rgb(0x5e, 0xa8, 0xff),
        Color32::from_rgb(0xff, 0xa1, 0x3d),
        Color32::from_rgb(0x4c, 0xd1, 0xb4),
        Color32::from_rgb(0xff, 0x44, 0xcc),
    ];
    const LIGHT: [Color32; 4] = [
        Color32::from_rgb(0x1d, 0x5f, 0xc9),
        Color32::from_rgb(0xc4, 0x5a, 0x00),
        Color32::from_rgb(0x00, 0x85, 0x6f),
        Color32::from_rgb(0xcc, 0x11, 0x99),
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

/// The colour of an option by its id; neutral for an option not in the registry. Every view
/// colours options by id, so that an option keeps its colour whichever options a profile
/// compares and in whatever order.
pub fn option_color_by_id(visuals: &Visuals, id: OptionId) -> Color32 {
    REGISTRY.iter().position(|o| o.id() == id).map_or(visuals.text_color(), |index| option_color(visuals, index))
}

/// The colour of an option's result: its own colour, or the weak text colour when the host does
/// not offer it, so that its column reads as out of the race while its figures stay legible.
pub fn result_color(visuals: &Visuals, result: &OptionResult) -> Color32 {
    if result.feasibility.is_offered() {
        option_color_by_id(visuals, result.spec.id())
    } else {
        visuals.weak_text_color()
    }
}

/// An option's place in [`REGISTRY`] (past its end for an option not in it): what its colour,
/// dash pattern and marker are chosen by.
pub fn registry_index(id: OptionId) -> usize {
    REGISTRY.iter().position(|o| o.id() == id).unwrap_or(REGISTRY.len())
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Colour-vision deficiency simulation matrices at full severity, applied to linear RGB:
    /// Machado, Oliveira and Fernandes, "A Physiologically-based Model for Simulation of
    /// Color Vision Deficiency", IEEE TVCG 15(6), 2009, table of severity 1.0.
    const VISIONS: [(&str, [[f64; 3]; 3]); 4] = [
        ("normal", [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]]),
        (
            "protanopia",
            [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
        ),
        (
            "deuteranopia",
            [[0.367_322, 0.860_646, -0.227_968], [0.280_085, 0.672_501, 0.047_413], [-0.011_820, 0.042_940, 0.968_881]],
        ),
        (
            "tritanopia",
            [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        ),
    ];

    /// Smallest CIELAB distance (ΔE*ab, 1976) between two options' colours under any of the
    /// simulated visions. About 2 is a just-noticeable difference; lines and bars of the same
    /// figure need far more to be told apart at a glance.
    const MIN_DISTANCE: f64 = 15.0;

    fn linear(channel: u8) -> f64 {
        let c = f64::from(channel) / 255.0;
        if c <= 0.040_45 { c / 12.92 } else { ((c + 0.055) / 1.055).powf(2.4) }
    }

    /// CIELAB (D65 white) of linear sRGB.
    fn lab(rgb: [f64; 3]) -> [f64; 3] {
        const TO_XYZ: [[f64; 3]; 3] = [
            [0.412_456_4, 0.357_576_1, 0.180_437_5],
            [0.212_672_9, 0.715_152_2, 0.072_175_0],
            [0.019_333_9, 0.119_192_0, 0.950_304_1],
        ];
        const WHITE: [f64; 3] = [0.950_47, 1.0, 1.088_83];
        let f = |t: f64| {
            let delta: f64 = 6.0 / 29.0;
            if t > delta.powi(3) { t.cbrt() } else { t / (3.0 * delta.powi(2)) + 4.0 / 29.0 }
        };
        let [fx, fy, fz] = [0, 1, 2].map(|i| f(TO_XYZ[i].iter().zip(&rgb).map(|(m, c)| m * c).sum::<f64>() / WHITE[i]));
        [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
    }

    /// How `color` looks with `vision`, in CIELAB.
    fn seen(color: Color32, vision: &[[f64; 3]; 3]) -> [f64; 3] {
        let rgb = [linear(color.r()), linear(color.g()), linear(color.b())];
        let simulated = vision.map(|row| (row[0] * rgb[0] + row[1] * rgb[1] + row[2] * rgb[2]).clamp(0.0, 1.0));
        lab(simulated)
    }

    #[test]
    fn option_colours_stay_apart_for_colour_blind_eyes_in_both_themes() {
        for visuals in [Visuals::dark(), Visuals::light()] {
            let colors: Vec<Color32> = (0..REGISTRY.len()).map(|index| option_color(&visuals, index)).collect();
            for (name, vision) in &VISIONS {
                for (i, a) in colors.iter().enumerate() {
                    for (j, b) in colors.iter().enumerate().skip(i + 1) {
                        let (la, lb) = (seen(*a, vision), seen(*b, vision));
                        let distance = la.iter().zip(&lb).map(|(p, q)| (p - q).powi(2)).sum::<f64>().sqrt();
                        assert!(
                            distance >= MIN_DISTANCE,
                            "{} and {} are {distance:.1} apart with {name} (dark theme: {})",
                            REGISTRY[i].label,
                            REGISTRY[j].label,
                            visuals.dark_mode
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_lab_conversion_matches_known_values() {
        // sRGB red is L* 53.24, a* 80.09, b* 67.20 (D65).
        let red = lab([1.0, 0.0, 0.0]);
        for (got, want) in red.iter().zip([53.24, 80.09, 67.20]) {
            assert!((got - want).abs() < 0.05, "{red:?}");
        }
        // Simulating full protanopia on the original purple made it the blue's twin.
        let vision = &VISIONS[1].1;
        let (blue, purple) =
            (seen(Color32::from_rgb(0x5e, 0xa8, 0xff), vision), seen(Color32::from_rgb(0xc9, 0x8b, 0xff), vision));
        let distance = blue.iter().zip(&purple).map(|(p, q)| (p - q).powi(2)).sum::<f64>().sqrt();
        assert!(distance < MIN_DISTANCE, "{distance}");
    }

    #[test]
    fn every_option_has_its_own_dash_and_marker() {
        let styles: Vec<SeriesStyle> = (0..REGISTRY.len()).map(|index| series_style(index, 2.0)).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert!(a.line != b.line && a.marker != b.marker, "{a:?} and {b:?}");
            }
        }
    }
}
