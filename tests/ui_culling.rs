//! Lists laid out only where they can be seen (`ui::culling`) look exactly as when laid out
//! whole: the same window, once with a screen reader listening (everything is laid out, as
//! the screen reader reads it all) and once without (blocks out of view only take their
//! space), tessellates to the same triangles on every tab, at the top of its lists and
//! scrolled down them; without the screen reader fewer shapes are painted.

use egui::epaint::{ClippedPrimitive, Primitive, Vertex};
use egui::{Event, MouseWheelSource, MouseWheelUnit, Pos2, Rect, TouchPhase, pos2, vec2};
use podvisor::app::{App, Command};
use podvisor::model::options::REGISTRY;
use podvisor::profile::to_canonical_string;
use podvisor::ui::Tab;

const SIZE: egui::Vec2 = vec2(1280.0, 800.0);

/// Frames a wheel's smooth scroll needs to land, at egui's predicted 1/60 s a frame (its
/// animation takes a fraction of a second).
const SCROLL_FRAMES: usize = 40;

/// One window: its context and app, with or without a screen reader.
struct Window {
    ctx: egui::Context,
    app: App,
}

/// What a frame drew: how many shapes were painted, and every triangle in drawing order
/// with its clip rectangle (how the triangles are grouped into meshes may differ).
struct Drawn {
    shapes: usize,
    triangles: Vec<(Rect, [Seen; 3])>,
}

/// A vertex as it shows: where, in what colour, and where in its glyph or image it samples,
/// relative to the triangle's first vertex. Where a glyph sits in the font atlas depends on
/// the order texts were first laid out, which culling changes (a confidence arriving from a
/// worker a frame apart puts its digits elsewhere); the picture does not.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Seen {
    pos: Pos2,
    color: egui::Color32,
    uv_offset: egui::Vec2,
}

fn seen(triangle: [Vertex; 3]) -> [Seen; 3] {
    let origin = triangle[0].uv;
    triangle.map(|vertex| Seen { pos: vertex.pos, color: vertex.color, uv_offset: vertex.uv - origin })
}

impl Window {
    fn new(screen_reader: bool) -> Self {
        let ctx = egui::Context::default();
        if screen_reader {
            ctx.enable_accesskit();
        }
        let app = App::new(&eframe::CreationContext::_new_kittest(ctx.clone()));
        Self { ctx, app }
    }

    fn frame(&mut self, events: Vec<Event>) -> Drawn {
        let input =
            egui::RawInput { screen_rect: Some(Rect::from_min_size(Pos2::ZERO, SIZE)), events, ..Default::default() };
        let app = &mut self.app;
        let mut output = self.ctx.run_ui(input, |ui| eframe::App::ui(app, ui, &mut eframe::Frame::_new_kittest()));
        output.textures_delta.clear(); // no renderer: nothing to upload the font atlas to
        let shapes = output.shapes.len();
        let triangles = self
            .ctx
            .tessellate(output.shapes, output.pixels_per_point)
            .into_iter()
            .flat_map(|ClippedPrimitive { clip_rect, primitive }| match primitive {
                Primitive::Mesh(mesh) => mesh
                    .indices
                    .chunks(3)
                    .map(|t| (clip_rect, seen([t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]))))
                    .collect::<Vec<_>>(),
                Primitive::Callback(_) => Vec::new(),
            })
            .collect();
        Drawn { shapes, triangles }
    }

    /// Frames with these events in the first, until the verdict's confidence (drawn on a worker
    /// thread) has arrived, so both windows show the same shares, and layout and scrolling
    /// have settled; the last one drawn.
    fn settle(&mut self, events: Vec<Event>) -> Drawn {
        self.frame(events);
        let start = std::time::Instant::now();
        while self.app.is_drawing() {
            assert!(start.elapsed().as_secs() < 180, "the confidence is still being drawn after 3 minutes");
            std::thread::sleep(std::time::Duration::from_millis(20));
            self.frame(Vec::new());
        }
        // Each window waited a different number of frames; a wheel's smooth scroll advances a
        // frame's worth each, so both run until it has landed.
        for _ in 0..SCROLL_FRAMES {
            self.frame(Vec::new());
        }
        self.frame(Vec::new())
    }
}

/// The mouse wheel turned over `at`, moving the content up by `by` points.
fn wheel(at: Pos2, by: f32) -> Vec<Event> {
    vec![
        Event::PointerMoved(at),
        Event::MouseWheel {
            unit: MouseWheelUnit::Point,
            delta: vec2(0.0, -by),
            modifiers: egui::Modifiers::NONE,
            phase: TouchPhase::Move,
            source: MouseWheelSource::Wheel,
        },
    ]
}

/// Both windows after the same events: the same triangles; `fewer` says whether the one
/// without a screen reader must paint fewer shapes (something was out of view).
fn assert_same(windows: &mut [Window; 2], events: &[Event], fewer: bool, what: &str) {
    let [whole, culled] = windows.each_mut().map(|window| window.settle(events.to_vec()));
    assert_eq!(whole.triangles.len(), culled.triangles.len(), "{what}: as many triangles");
    let first = whole.triangles.iter().zip(&culled.triangles).position(|(a, b)| a != b);
    assert!(first.is_none(), "{what}: triangle {first:?} differs");
    if fewer {
        assert!(culled.shapes < whole.shapes, "{what}: {} shapes, {} laid out whole", culled.shapes, whole.shapes);
    }
}

#[test]
fn lists_out_of_view_are_left_out_without_changing_a_pixel() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    // The decomposed monolith, with every option: the longest pros and cons.
    let mut example = podvisor::app::examples::examples()[1].profile.clone();
    example.options = REGISTRY.iter().map(|spec| spec.id()).collect();
    let path = dir.path().join("every_option.ron");
    std::fs::write(&path, to_canonical_string(&example)).expect("a temporary file");

    // Two whole apps are too big for the stack.
    let mut windows: Box<[Window; 2]> =
        vec![Window::new(true), Window::new(false)].into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!());
    for window in windows.iter_mut() {
        window.app.send(Command::Open(path.clone()));
        window.app.send(Command::CompareWithExample(2));
        window.settle(Vec::new());
    }
    let side_panel = pos2(150.0, 400.0);
    let central = pos2(800.0, 600.0);
    for tab in Tab::ALL {
        for window in windows.iter_mut() {
            window.app.select_tab(tab);
        }
        let name = tab.label();
        assert_same(&mut windows, &[], true, &format!("{name}, at the top"));
        // Down the side panel and the tab, a screen at a time, past the end.
        for step in 1..=4 {
            let events = [wheel(side_panel, 500.0), wheel(central, 500.0)].concat();
            assert_same(&mut windows, &events, tab != Tab::Resources, &format!("{name}, {step} screens down"));
        }
        // And back up, where the blocks above were left out while scrolled down.
        let events = [wheel(side_panel, -1000.0), wheel(central, -1000.0)].concat();
        assert_same(&mut windows, &events, true, &format!("{name}, back up"));
        let events = [wheel(side_panel, -2000.0), wheel(central, -2000.0)].concat();
        assert_same(&mut windows, &events, true, &format!("{name}, back at the top"));
    }
    // Scrolled down, another scenario opens: what was left out above the view has other
    // words and sizes now, and must be measured again rather than skipped.
    for tab in [Tab::ProsCons, Tab::Scorecard, Tab::Compare] {
        let name = tab.label();
        for window in windows.iter_mut() {
            window.app.select_tab(tab);
            window.app.send(Command::Open(path.clone()));
        }
        let events = [wheel(side_panel, 700.0), wheel(central, 700.0)].concat();
        assert_same(&mut windows, &events, tab != Tab::Compare, &format!("{name}, scrolled down"));
        for window in windows.iter_mut() {
            window.app.send(Command::OpenExample(0));
        }
        assert_same(&mut windows, &[], false, &format!("{name}, scrolled down, another scenario"));
        let events = [wheel(side_panel, -300.0), wheel(central, -300.0)].concat();
        assert_same(&mut windows, &events, false, &format!("{name}, another scenario, scrolled up"));
    }
}

/// The same with five components: the component list above the sliders, and the Plan tab.
/// Fresh windows, so that both lay out the new example's words first (a glyph's place in the
/// font atlas follows the order text is first laid out in).
#[test]
fn components_and_the_plan_look_the_same_culled() {
    let mixed = podvisor::app::examples::examples().iter().position(|e| e.file == "phased_modernisation.ron");
    let mut windows: Box<[Window; 2]> =
        vec![Window::new(true), Window::new(false)].into_boxed_slice().try_into().unwrap_or_else(|_| unreachable!());
    for window in windows.iter_mut() {
        window.app.send(Command::OpenExample(mixed.expect("the bundled phased modernisation")));
        window.settle(Vec::new());
    }
    let side_panel = pos2(150.0, 400.0);
    let central = pos2(800.0, 600.0);
    for tab in [Tab::Plan, Tab::Scorecard] {
        for window in windows.iter_mut() {
            window.app.select_tab(tab);
        }
        let name = format!("{} of five components", tab.label());
        assert_same(&mut windows, &[], true, &format!("{name}, at the top"));
        let events = [wheel(side_panel, 500.0), wheel(central, 500.0)].concat();
        assert_same(&mut windows, &events, true, &format!("{name}, scrolled down"));
        let events = [wheel(side_panel, -2000.0), wheel(central, -2000.0)].concat();
        assert_same(&mut windows, &events, true, &format!("{name}, back at the top"));
    }
}
