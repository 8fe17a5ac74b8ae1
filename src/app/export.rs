//! Exports: the Markdown report of the scenario on screen, and pictures of the window or of
//! its chart. Pictures come from eframe's screenshot command: the integration reads back the
//! next painted frame and hands it to a callback on the UI thread; the callback passes it
//! through a channel, and the app crops, encodes and writes it on the following frame, so
//! failures reach the alert panel like any other. If the integration drops the request
//! without a picture (no renderer), the channel closes and that is reported too.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

use egui::{ColorImage, Rect};
use image::ImageEncoder as _;

use super::{Alert, App, Slide, handout};
use crate::command::Export;
use crate::profile::write_atomically;
use crate::report::{Analysis, markdown};
use crate::ui::theme::ThemeChoice;

/// A screenshot asked for and not yet written.
#[derive(Debug)]
pub struct Capture {
    path: PathBuf,
    what: Export,
    receiver: Receiver<Arc<ColorImage>>,
}

impl Capture {
    /// Asks the integration for a picture of the next frame.
    pub fn request(ctx: &egui::Context, path: PathBuf, what: Export) -> Self {
        let (sender, receiver) = mpsc::channel();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            // The app may have gone; then nobody waits for the picture.
            sender.send(image).ok();
            repaint.request_repaint();
        });
        Self { path, what, receiver }
    }
}

/// A deck being drawn into a PDF on a worker thread, so the window stays live meanwhile.
#[derive(Debug)]
pub struct DeckExport {
    path: PathBuf,
    receiver: Receiver<DeckProgress>,
}

/// What the deck's worker says.
#[derive(Debug)]
enum DeckProgress {
    /// Pages drawn so far, of how many.
    Page(usize, usize),
    /// Written, with this many pages.
    Written(usize),
    Failed(String),
}

impl DeckExport {
    fn start(ctx: &egui::Context, title: String, slides: Vec<Slide>, look: handout::Look, path: PathBuf) -> Self {
        let (sender, receiver) = mpsc::channel();
        let (waker, target) = (ctx.clone(), path.clone());
        std::thread::spawn(move || {
            let pages = slides.len();
            let progress = |done, of| {
                sender.send(DeckProgress::Page(done, of)).ok();
                waker.request_repaint();
            };
            let written = handout::pdf(&title, slides, &look, progress).and_then(|bytes| {
                write_atomically(&target, &bytes).map_err(|error| format!("{error} ({})", target.display()))
            });
            sender.send(written.map_or_else(DeckProgress::Failed, |()| DeckProgress::Written(pages))).ok();
            waker.request_repaint();
        });
        Self { path, receiver }
    }
}

/// The pixels of `region` (in points) of a screenshot, or all of it.
fn crop(image: &ColorImage, region: Option<Rect>, pixels_per_point: f32) -> ColorImage {
    match region {
        Some(rect) => image.region(&rect, Some(pixels_per_point)),
        None => image.clone(),
    }
}

/// A screenshot as PNG bytes. The window is opaque, so alpha is dropped.
pub fn png(image: &ColorImage) -> Result<Vec<u8>, String> {
    let [width, height] = image.size;
    let rgb: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|pixel| {
            let [r, g, b, _] = pixel.to_srgba_unmultiplied();
            [r, g, b]
        })
        .collect();
    let mut bytes = Vec::new();
    let (width, height) = (u32::try_from(width), u32::try_from(height));
    let (Ok(width), Ok(height)) = (width, height) else {
        return Err("the picture is too large".to_owned());
    };
    image::codecs::png::PngEncoder::new(&mut bytes)
        .write_image(&rgb, width, height, image::ExtendedColorType::Rgb8)
        .map_err(|error| error.to_string())?;
    Ok(bytes)
}

impl App {
    /// Exports the scenario on screen to `path`: the report at once, a picture once the next
    /// frame has been painted.
    pub(super) fn export(&mut self, ctx: &egui::Context, what: Export, path: &Path) {
        match what {
            Export::Report => {
                let Some(profile) = self.profile_on_screen() else {
                    self.export_failed(what, "this slide has no scenario (its file could not be read)".to_owned());
                    return;
                };
                // Exactly what `podvisor report` writes.
                let report = markdown::analysis(&Analysis::new(profile.clone()));
                match write_atomically(path, report.as_bytes()) {
                    Ok(()) => self.status = format!("Exported the report to {}", path.display()),
                    Err(error) => self.export_failed(what, format!("{error} ({})", path.display())),
                }
            }
            Export::Chart if self.exporter.chart_rect.is_none() => {
                self.export_failed(what, "no chart is on screen: open the Resources tab, or presenter mode".to_owned());
            }
            Export::Chart | Export::Window => {
                self.exporter.capture = Some(Capture::request(ctx, path.to_owned(), what));
            }
            Export::Deck if self.exporter.deck.is_some() => {
                self.status = "The deck is still being drawn; export it again once it is written".to_owned();
            }
            Export::Deck => match self.slides_to_hand_out() {
                Ok(slides) => {
                    let theme = if ctx.theme() == egui::Theme::Light { ThemeChoice::Light } else { ThemeChoice::Dark };
                    let charts = self.presenter.charts.clone();
                    let look = handout::Look { theme, chart: self.workspace.chart, charts };
                    let title = handout::title(&self.presenter.deck);
                    self.status = format!("Drawing the deck: {} slides…", slides.len());
                    self.exporter.deck = Some(DeckExport::start(ctx, title, slides, look, path.to_owned()));
                }
                Err(error) => self.export_failed(what, error),
            },
        }
    }

    /// Reports the deck's progress, and the file once written.
    pub(super) fn poll_deck(&mut self) {
        let Some(export) = &self.exporter.deck else {
            return;
        };
        loop {
            match export.receiver.try_recv() {
                Ok(DeckProgress::Page(done, of)) => self.status = format!("Drawing the deck: page {done} of {of}…"),
                Ok(DeckProgress::Written(pages)) => {
                    self.status = format!("Exported the deck ({pages} pages) to {}", export.path.display());
                    self.exporter.deck = None;
                    return;
                }
                Ok(DeckProgress::Failed(error)) => {
                    self.exporter.deck = None;
                    self.export_failed(Export::Deck, error);
                    return;
                }
                Err(TryRecvError::Empty) => return,
                Err(TryRecvError::Disconnected) => {
                    self.exporter.deck = None;
                    self.export_failed(Export::Deck, "the deck's drawing stopped without a word".to_owned());
                    return;
                }
            }
        }
    }

    /// Writes a screenshot that has arrived, or reports one that never will.
    pub(super) fn poll_capture(&mut self, ctx: &egui::Context) {
        let Some(capture) = &self.exporter.capture else {
            return;
        };
        let image = match capture.receiver.try_recv() {
            Ok(image) => image,
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                let what = capture.what;
                self.exporter.capture = None;
                self.export_failed(what, "the window could not be captured (no renderer took the picture)".to_owned());
                return;
            }
        };
        let Some(Capture { path, what, .. }) = self.exporter.capture.take() else {
            return;
        };
        let region = if what == Export::Chart { self.exporter.chart_rect } else { None };
        let written = png(&crop(&image, region, ctx.pixels_per_point()))
            .and_then(|bytes| write_atomically(&path, &bytes).map_err(|error| format!("{error} ({})", path.display())));
        match written {
            Ok(()) => self.status = format!("Exported a picture to {}", path.display()),
            Err(error) => self.export_failed(what, error),
        }
    }

    fn export_failed(&mut self, what: Export, detail: String) {
        self.alert = Some(Alert { title: format!("{} failed; nothing was overwritten", what.title()), detail });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_picture_encodes_as_png_and_crops_to_a_region() {
        let mut image = ColorImage::filled([40, 20], egui::Color32::from_rgb(10, 20, 30));
        image.pixels[0] = egui::Color32::WHITE;
        let cropped = crop(&image, Some(Rect::from_min_size(egui::pos2(5.0, 5.0), egui::vec2(10.0, 5.0))), 2.0);
        assert_eq!(cropped.size, [20, 10]);
        let bytes = png(&image).expect("encodes");
        let decoded = image::load_from_memory(&bytes).expect("decodes").to_rgb8();
        assert_eq!(decoded.dimensions(), (40, 20));
        assert_eq!(decoded.get_pixel(0, 0).0, [255, 255, 255]);
        assert_eq!(decoded.get_pixel(1, 0).0, [10, 20, 30]);
    }
}
