//! egui's demo (`DemoWindows`: its menu bar and three open windows) as one frame, laid out and
//! tessellated at 1280×800 points — the size and the steps of Podvisor's `frame/*` benchmarks
//! (`benches/frame.rs`) — so that their medians can be read against it in the same run.

use criterion::{Criterion, criterion_group, criterion_main};

const SIZE: egui::Vec2 = egui::vec2(1280.0, 800.0);

fn demo_frame(c: &mut Criterion) {
    let ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, SIZE)),
        ..Default::default()
    };
    for _ in 0..3 {
        // fonts and layout caches, as Podvisor's benchmark warms its window
        let mut output = ctx.run_ui(input(), |ui| demo.ui(ui));
        ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point);
        output.textures_delta.clear(); // egui's own benchmark does so: no renderer takes them
    }
    c.bench_function("frame/egui_demo", |b| {
        b.iter(|| {
            let mut output = ctx.run_ui(input(), |ui| demo.ui(ui));
            let primitives = ctx.tessellate(std::mem::take(&mut output.shapes), output.pixels_per_point).len();
            output.textures_delta.clear();
            primitives
        });
    });
}

criterion_group!(benches, demo_frame);
criterion_main!(benches);
