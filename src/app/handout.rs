//! The deck to hand out: every slide as the room sees it, one PDF page each, with the
//! slide's notes under it (File ▸ Export deck as PDF, `podvisor deck`). Slides are drawn by
//! presenter mode's own code on a canvas of exactly [`SLIDE`] points, at 1.5 pixels a point
//! (1920×1080), their confidence drawn first as the room's window draws it.

use std::collections::BTreeMap;

use egui::{Frame, Rect, RichText, Ui, UiBuilder, pos2};

use super::deck::{Slide, SlideChart, attach_confidence, draw_confidence};
use super::offscreen::Offscreen;
use crate::command::DeckSource;
use crate::model::Catalogs;
use crate::profile::Profile;
use crate::report::pdf::{self, PdfPage};
use crate::ui::presenter::{SlideView, canvas_ui, notes_cut};
use crate::ui::resources::ChartView;
use crate::ui::theme::{self, SLIDE, Sizes, ThemeChoice, sizes};
use crate::ui::transition::Transition;

/// Pixels a point: a 1280×720-point slide is a 1920×1080 picture.
const PIXELS_PER_POINT: f32 = 1.5;

/// How the slides look: the theme, and the chart of each slide (chosen in presenter mode
/// with C and A, by file name), else `chart`.
#[derive(Clone, Debug, Default)]
pub struct Look {
    /// Light or dark; a choice to follow the system is resolved by the caller.
    pub theme: ThemeChoice,
    pub chart: ChartView,
    pub charts: BTreeMap<String, SlideChart>,
}

impl Look {
    fn chart(&self, slide: &Slide) -> ChartView {
        self.charts
            .get(&slide.file)
            .map_or(self.chart, |chart| ChartView { resource: chart.resource, axis: chart.axis })
    }
}

/// The PDF of a deck: the bundled examples or a folder's profiles, evaluated on `catalogs`.
pub fn deck_pdf(
    source: &DeckSource,
    catalogs: &'static Catalogs,
    look: &Look,
    progress: impl FnMut(usize, usize),
) -> Result<Vec<u8>, String> {
    pdf(&title(source), super::deck::load(source, catalogs)?, look, progress)
}

/// A deck's title: the folder's name, or the bundled examples'.
pub fn title(source: &DeckSource) -> String {
    match source {
        DeckSource::Examples => "Podvisor examples".to_owned(),
        DeckSource::Folder(folder) => {
            folder.file_name().map_or_else(|| folder.display().to_string(), |name| name.to_string_lossy().into_owned())
        }
    }
}

/// The PDF of `slides`, titled `title`; `progress` hears of each page drawn (done, of).
/// Fails where no graphics adapter can draw.
pub fn pdf(
    title: &str,
    mut slides: Vec<Slide>,
    look: &Look,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<u8>, String> {
    let mut drawn: Vec<Profile> = Vec::new();
    for at in 0..slides.len() {
        let Ok(scenario) = &slides[at].content else { continue };
        let (whole, catalogs) = (scenario.whole().clone(), scenario.catalogs());
        if !drawn.contains(&whole) {
            attach_confidence(&mut slides, &whole, &draw_confidence(&whole, catalogs));
            drawn.push(whole);
        }
    }
    let mut offscreen = Offscreen::new()?;
    let ctx = egui::Context::default();
    theme::install_fonts(&ctx);
    theme::apply(&ctx, look.theme, &Sizes::PRESENTER);
    let count = slides.len();
    let mut pages = Vec::with_capacity(count);
    for (at, slide) in slides.iter().enumerate() {
        let title = slide.title();
        let view = SlideView {
            content: slide.content(),
            title: &title,
            position: (at + 1, count),
            chart: look.chart(slide),
            baseline: None,
            levers: None,
        };
        // Each slide appears as it is, as on entering presenter mode.
        let mut transition = Transition::default();
        let picture =
            offscreen.draw(&ctx, SLIDE.x, PIXELS_PER_POINT, |ui| page_ui(ui, &view, slide.notes(), &mut transition))?;
        let rgb = picture.pixels.iter().flat_map(|pixel| [pixel.r(), pixel.g(), pixel.b()]).collect();
        let size = picture.size.map(|pixels| u32::try_from(pixels).unwrap_or(u32::MAX));
        pages.push(PdfPage { title, size, rgb });
        progress(at + 1, count);
    }
    pdf::deck(title, &pages)
}

/// One page: the slide, then its notes in full where the slide shows only their first
/// lines; returns
/// the page's height in points.
fn page_ui(ui: &mut Ui, view: &SlideView<'_>, notes: &str, transition: &mut Transition) -> f32 {
    let mut height = SLIDE.y;
    egui::CentralPanel::default().frame(Frame::central_panel(ui.style()).inner_margin(0)).show(ui, |ui| {
        let top = ui.max_rect().min;
        canvas_ui(ui, Rect::from_min_size(top, SLIDE), view, transition);
        // Notes the slide shows whole are not printed twice.
        let (notes, margin) = (notes.trim(), sizes(ui.ctx()).space_l);
        if !notes_cut(ui, notes, SLIDE.x - 2.0 * margin) {
            return;
        }
        let area =
            Rect::from_min_max(pos2(top.x + margin, top.y + SLIDE.y), pos2(top.x + SLIDE.x - margin, f32::INFINITY));
        let used = ui
            .scope_builder(UiBuilder::new().max_rect(area), |ui| {
                ui.separator();
                ui.label(RichText::new("Notes").small().weak());
                ui.add(egui::Label::new(notes).wrap());
            })
            .response
            .rect;
        height = used.bottom() + margin - top.y;
    });
    height
}
