//! One frame of the whole explorer window — layout and tessellation, no GPU — for a bundled
//! profile at 1280×800, on each tab. Budget (DESIGN.md): under 2 ms median.
//!
//! `frame/<tab>` is a frame with nothing changing (the evaluation is cached);
//! `frame/profile_changes` opens a different example every frame, so each frame also
//! re-evaluates, as while a slider is dragged.

use criterion::{Criterion, criterion_group, criterion_main};
use eframe::App as _;
use podvisor::app::{App, Command};
use podvisor::ui::Tab;

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1280.0, 800.0),
        )),
        ..Default::default()
    }
}

/// Runs one frame of the app and tessellates it; returns the primitive count.
fn frame(ctx: &egui::Context, app: &mut App, frame: &mut eframe::Frame) -> usize {
    let output = ctx.run_ui(input(), |ui| app.ui(ui, frame));
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn frames(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut app = App::new(&eframe::CreationContext::_new_kittest(ctx.clone()));
    let mut eframe_frame = eframe::Frame::_new_kittest();
    app.send(Command::OpenExample(0));
    for _ in 0..3 {
        frame(&ctx, &mut app, &mut eframe_frame); // fonts, layout caches, the example
    }

    for tab in Tab::ALL {
        app.select_tab(tab);
        frame(&ctx, &mut app, &mut eframe_frame);
        let name = format!(
            "frame/{}",
            tab.label().to_lowercase().replace(" & ", "_and_")
        );
        c.bench_function(&name, |b| {
            b.iter(|| frame(&ctx, &mut app, &mut eframe_frame))
        });
    }

    app.select_tab(Tab::Scorecard);
    let mut example = 0;
    c.bench_function("frame/profile_changes", |b| {
        b.iter(|| {
            example = (example + 1) % 2;
            app.send(Command::OpenExample(example));
            frame(&ctx, &mut app, &mut eframe_frame)
        });
    });
}

criterion_group!(benches, frames);
criterion_main!(benches);
